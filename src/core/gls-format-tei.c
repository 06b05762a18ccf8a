/* gls-format-tei.c
 * TEI P5 (FORMAT.md §4): <seg> nested where spans nest, fragments chained by
 * @next/@prev where they cross, the codebook as a taxonomy, notes in standOff. */
#define G_LOG_DOMAIN "gls-format-tei"

#include "config.h"

#include <string.h>

#include "gls-codebook-private.h"
#include "gls-format-private.h"
#include "gls-links.h"
#include "gls-xml-private.h"
#include "gls-names-private.h"

#define TEI_NAMESPACE "http://www.tei-c.org/ns/1.0"
#define TEI_VERSION "4.3.0"

/* ------------------------------------------------------------------ */
/* Ids: every xml:id is an NCName, and unique in the file               */

/* Returns @wanted if it is a free NCName, else a free spelling of it. */
static const char *
claim_id (GHashTable *ids,
          const char *wanted)
{
  g_autofree char *base = NULL;
  char *candidate;

  if (_gls_is_ncname (wanted) && !g_hash_table_contains (ids, wanted))
    {
      candidate = g_strdup (wanted);
      g_hash_table_add (ids, candidate);
      return candidate;
    }

  if (_gls_is_ncname (wanted))
    base = g_strdup (wanted);
  else
    {
      GString *str = g_string_new (NULL);

      for (const char *p = wanted; *p; p++)
        g_string_append_c (str, g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' ? *p : '_');
      if (str->len == 0 || !g_ascii_isalpha (str->str[0]))
        g_string_prepend (str, "id-");
      base = g_string_free (str, FALSE);
    }

  candidate = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (ids, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (ids, candidate);

  return candidate;
}

/* A @name or @type is one token. */
static char *
token (const char *text)
{
  char *copy = g_strdup (text && *text ? text : "_");

  for (char *p = copy; *p; p++)
    if (g_ascii_isspace (*p))
      *p = '_';

  return copy;
}

/* ------------------------------------------------------------------ */
/* Where the segs go                                                    */

typedef enum
{
  OP_TEXT,     /* the text [a, b) */
  OP_OPEN,     /* a fragment: a = annotation index, b = its number */
  OP_CLOSE,
  OP_PARAGRAPH,
} OpKind;

typedef struct
{
  OpKind kind;
  guint  a;
  guint  b;
} Op;

typedef struct
{
  guint start;
  guint end;
  guint annotation;   /* index */
} Item;

static int
compare_items (gconstpointer x,
               gconstpointer y)
{
  const Item *a = x, *b = y;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;   /* the longer outside */
  if (a->annotation != b->annotation)
    return a->annotation < b->annotation ? -1 : 1;
  return 0;
}

static int
compare_uints (gconstpointer x,
               gconstpointer y)
{
  guint a = *(const guint *) x, b = *(const guint *) y;

  return a < b ? -1 : a > b;
}

/* Items to open at one place: the one that ends last outermost. */
static int
compare_to_open (gconstpointer x,
                 gconstpointer y)
{
  const Item *a = *(Item * const *) x, *b = *(Item * const *) y;

  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  if (a->annotation != b->annotation)
    return a->annotation < b->annotation ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

/* Paragraphs start after each blank line: two line breaks or more in a
 * row (a CRLF is one). Every character is in one paragraph, the line
 * breaks at the end of the one before. */
static GArray *
find_paragraphs (GlsSource *source)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize n_bytes;
  const char *text = gls_source_get_text (source, &n_bytes);
  const char *p = text, *end = text + n_bytes;
  guint offset = 0;
  guint breaks = 0;

  for (; p < end; p++)
    {
      if ((*p & 0xC0) == 0x80)
        continue;

      if (*p == '\n' || *p == '\r')
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            {
              p++;
              offset++;
            }
          breaks++;
        }
      else
        {
          if (breaks >= 2 && offset > 0)
            g_array_append_val (starts, offset);
          breaks = 0;
        }
      offset++;
    }

  return starts;
}

typedef struct
{
  GArray *ops;          /* Op */
  guint  *n_fragments;  /* per annotation */
} Layout;

static void
push_op (GArray *ops,
         OpKind  kind,
         guint   a,
         guint   b)
{
  Op op = { kind, a, b };

  g_array_append_val (ops, op);
}

/* Sweeps the boundaries: closes what ends (and, to keep the tree, what was
 * opened inside it, to reopen it as a new fragment), then opens what
 * starts. */
static void
lay_out (GlsDocument *document,
         GPtrArray   *annotations,
         Layout      *layout)
{
  GlsSource *source = gls_document_get_source (document);
  guint length = gls_source_get_length (source);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GArray) paragraphs = find_paragraphs (source);
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) to_open = g_ptr_array_new ();
  guint next_item = 0, next_paragraph = 0;
  guint position = 0;

  layout->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  layout->n_fragments = g_new0 (guint, MAX (annotations->len, 1));

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          Item item = { span.start, span.end, i };

          g_array_append_val (items, item);
          g_array_append_val (boundaries, span.start);
          g_array_append_val (boundaries, span.end);
        }
    }
  g_array_sort (items, compare_items);
  g_array_append_vals (boundaries, paragraphs->data, paragraphs->len);
  g_array_append_val (boundaries, length);
  g_array_sort (boundaries, compare_uints);

  for (guint i = 0; i < boundaries->len; i++)
    {
      guint at = g_array_index (boundaries, guint, i);
      gboolean paragraph;
      guint lowest = G_MAXUINT;

      if (i > 0 && at == g_array_index (boundaries, guint, i - 1))
        continue;

      if (at > position)
        {
          push_op (layout->ops, OP_TEXT, position, at);
          position = at;
        }

      while (next_paragraph < paragraphs->len && g_array_index (paragraphs, guint, next_paragraph) < at)
        next_paragraph++;
      paragraph = next_paragraph < paragraphs->len && g_array_index (paragraphs, guint, next_paragraph) == at;

      /* Close what ends here, and everything above it. */
      for (guint k = 0; k < stack->len; k++)
        if (((Item *) g_ptr_array_index (stack, k))->end == at)
          {
            lowest = k;
            break;
          }
      if (paragraph || at == length)
        lowest = 0;

      g_ptr_array_set_size (to_open, 0);
      while (lowest != G_MAXUINT && stack->len > lowest)
        {
          Item *top = g_ptr_array_steal_index (stack, stack->len - 1);

          push_op (layout->ops, OP_CLOSE, top->annotation, 0);
          if (top->end > at)
            g_ptr_array_add (to_open, top);
        }

      if (paragraph)
        push_op (layout->ops, OP_PARAGRAPH, 0, 0);

      while (next_item < items->len && g_array_index (items, Item, next_item).start == at)
        {
          Item *item = &g_array_index (items, Item, next_item++);

          /* Rare but possible: a span that starts and ends at the end. */
          if (item->end > at)
            g_ptr_array_add (to_open, item);
        }

      g_ptr_array_sort (to_open, compare_to_open);
      for (guint k = 0; k < to_open->len; k++)
        {
          Item *item = g_ptr_array_index (to_open, k);

          push_op (layout->ops, OP_OPEN, item->annotation, layout->n_fragments[item->annotation]++);
          g_ptr_array_add (stack, item);
        }
    }

  g_assert (stack->len == 0);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct
{
  GlsDocument      *document;
  GPtrArray        *annotations;     /* GlsAnnotation, borrowed */
  GHashTable       *ids;             /* every xml:id; owns the strings */
  GHashTable       *categories;      /* category id → xml:id */
  GHashTable       *annotators;      /* name → xml:id */
  GPtrArray        *fragments;       /* xml:id of each fragment, borrowed */
  guint            *first_fragment;  /* per annotation, into fragments */
  Layout            layout;
  xmlTextWriterPtr  writer;
} Writer;

static void
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL)
    return;

  clean = _gls_clean_xml_text (value);
  xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST clean);
}

static void
write_pointer (xmlTextWriterPtr  writer,
               const char       *name,
               const char       *id)
{
  g_autofree char *pointer = g_strconcat ("#", id, NULL);

  xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST pointer);
}

static void
write_text_element (xmlTextWriterPtr  writer,
                    const char       *name,
                    const char       *text)
{
  g_autofree char *clean = _gls_clean_xml_text (text ? text : "");

  xmlTextWriterStartElement (writer, BAD_CAST name);
  xmlTextWriterWriteString (writer, BAD_CAST clean);
  xmlTextWriterEndElement (writer);
}

static void
claim_ids (Writer *w)
{
  GlsCodebook *codebook = gls_document_get_codebook (w->document);
  guint annotator_number = 0;

  w->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->categories = g_hash_table_new (g_str_hash, g_str_equal);
  w->annotators = g_hash_table_new (g_str_hash, g_str_equal);
  w->fragments = g_ptr_array_new ();
  w->first_fragment = g_new0 (guint, w->annotations->len + 1);

  /* The annotations keep their own ids: a link to "#a-1" still works. */
  for (guint i = 0; i < w->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (w->annotations, i);

      w->first_fragment[i] = w->fragments->len;
      g_ptr_array_add (w->fragments, (gpointer) claim_id (w->ids, gls_annotation_get_id (annotation)));
      for (guint k = 1; k < w->layout.n_fragments[i]; k++)
        g_ptr_array_add (w->fragments, NULL);
    }

  for (guint i = 0; i < w->annotations->len; i++)
    {
      const char *base = g_ptr_array_index (w->fragments, w->first_fragment[i]);

      for (guint k = 1; k < w->layout.n_fragments[i]; k++)
        {
          g_autofree char *wanted = g_strdup_printf ("%s-%u", base, k + 1);

          g_ptr_array_index (w->fragments, w->first_fragment[i] + k) = (gpointer) claim_id (w->ids, wanted);
        }
    }

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      const char *id = gls_category_get_id (gls_codebook_get_category (codebook, i));

      g_hash_table_insert (w->categories, (gpointer) id, (gpointer) claim_id (w->ids, id));
    }

  for (guint i = 0; i < w->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (w->annotations, i);
      const char *category = gls_annotation_get_category (annotation);
      const char *annotator = gls_annotation_get_annotator (annotation);

      /* a category the codebook lacks still gets a place in the taxonomy */
      if (!g_hash_table_contains (w->categories, category))
        g_hash_table_insert (w->categories, (gpointer) category, (gpointer) claim_id (w->ids, category));

      if (annotator != NULL && *annotator != '\0' && !g_hash_table_contains (w->annotators, annotator))
        {
          g_autofree char *wanted = g_strdup_printf ("annotator-%u", ++annotator_number);

          g_hash_table_insert (w->annotators, (gpointer) annotator, (gpointer) claim_id (w->ids, wanted));
        }
    }
}

/* The variant for exactly @lang (NULL: the one without a language). */
static const char *
lookup_variant (GPtrArray  *variants,
                const char *lang)
{
  for (guint i = 0; i + 1 < variants->len; i += 2)
    if (g_strcmp0 (g_ptr_array_index (variants, i), lang) == 0)
      return g_ptr_array_index (variants, i + 1);

  return NULL;
}

static void
write_category (Writer      *w,
                GlsCategory *category)
{
  xmlTextWriterPtr writer = w->writer;
  const char *id = gls_category_get_id (category);
  guint n_labels = gls_category_get_n_labels (category);

  xmlTextWriterStartElement (writer, BAD_CAST "category");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id", BAD_CAST g_hash_table_lookup (w->categories, id));
  /* the name it was imported under, as "Name_Calling,Labeling" */
  if (gls_category_get_name (category) != NULL)
    write_attribute (writer, "n", gls_category_get_name (category));

  for (guint i = 0; i < MAX (n_labels, 1); i++)
    {
      const char *lang = NULL;
      const char *label = n_labels > 0 ? gls_category_get_nth_label (category, i, &lang)
                                       : gls_category_get_original_name (category);
      const char *description = lookup_variant (category->descriptions, lang);

      xmlTextWriterStartElement (writer, BAD_CAST "catDesc");
      if (lang != NULL)
        xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:lang", BAD_CAST lang);
      if (description != NULL && *description != '\0')
        {
          write_text_element (writer, "term", label);
          write_text_element (writer, "gloss", description);
        }
      else
        {
          g_autofree char *clean = _gls_clean_xml_text (label);
          xmlTextWriterWriteString (writer, BAD_CAST clean);
        }
      xmlTextWriterEndElement (writer);
    }

  for (guint i = 0; i < gls_category_get_n_children (category); i++)
    write_category (w, gls_category_get_child (category, i));

  xmlTextWriterEndElement (writer);
}

static void
write_header (Writer     *w,
              const char *source_name)
{
  xmlTextWriterPtr writer = w->writer;
  GlsDocument *document = w->document;
  GlsCodebook *codebook = gls_document_get_codebook (document);
  GlsSource *source = gls_document_get_source (document);
  const char *note = gls_document_get_note (document);
  g_autoptr(GList) missing = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *publication = NULL;
  g_autofree char *description = NULL;
  GHashTableIter iter;
  gpointer key, value;

  xmlTextWriterStartElement (writer, BAD_CAST "teiHeader");
  xmlTextWriterStartElement (writer, BAD_CAST "fileDesc");

  xmlTextWriterStartElement (writer, BAD_CAST "titleStmt");
  write_text_element (writer, "title", source_name);
  for (guint i = 0; i < w->annotations->len; i++)
    {
      const char *annotator = gls_annotation_get_annotator (g_ptr_array_index (w->annotations, i));
      const char *id = annotator ? g_hash_table_lookup (w->annotators, annotator) : NULL;

      /* once each, in the order they first annotated */
      if (id == NULL || !g_hash_table_add (written, (gpointer) id))
        continue;

      xmlTextWriterStartElement (writer, BAD_CAST "respStmt");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id", BAD_CAST id);
      write_text_element (writer, "resp", "annotation");
      write_text_element (writer, "name", annotator);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);

  publication = g_strdup_printf ("Exported by Glossator %s from the annotations of %s.",
                                 PACKAGE_VERSION, source_name);
  xmlTextWriterStartElement (writer, BAD_CAST "publicationStmt");
  write_text_element (writer, "p", publication);
  xmlTextWriterEndElement (writer);

  if (note != NULL && *note != '\0')
    {
      xmlTextWriterStartElement (writer, BAD_CAST "notesStmt");
      write_text_element (writer, "note", note);
      xmlTextWriterEndElement (writer);
    }

  description = g_strdup_printf ("%s: %s, %u characters, SHA-256 %s",
                                 source_name, gls_source_get_encoding (source),
                                 gls_source_get_length (source), gls_source_get_sha256 (source));
  xmlTextWriterStartElement (writer, BAD_CAST "sourceDesc");
  write_text_element (writer, "p", description);
  xmlTextWriterEndElement (writer);

  xmlTextWriterEndElement (writer); /* fileDesc */

  /* The categories the annotations use but the codebook lacks. */
  g_hash_table_iter_init (&iter, w->categories);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gls_codebook_lookup (codebook, key) == NULL)
      missing = g_list_prepend (missing, key);
  missing = g_list_sort (missing, (GCompareFunc) g_strcmp0);

  if (gls_codebook_get_n_roots (codebook) > 0 || missing != NULL)
    {
      const char *codebook_id = gls_codebook_get_id (codebook);

      xmlTextWriterStartElement (writer, BAD_CAST "encodingDesc");
      xmlTextWriterStartElement (writer, BAD_CAST "classDecl");
      xmlTextWriterStartElement (writer, BAD_CAST "taxonomy");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id",
                                   BAD_CAST claim_id (w->ids, codebook_id && *codebook_id ? codebook_id : "codebook"));
      for (guint i = 0; i < gls_codebook_get_n_roots (codebook); i++)
        write_category (w, gls_codebook_get_root (codebook, i));
      for (GList *l = missing; l != NULL; l = l->next)
        {
          xmlTextWriterStartElement (writer, BAD_CAST "category");
          xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id", BAD_CAST g_hash_table_lookup (w->categories, l->data));
          write_text_element (writer, "catDesc", l->data);
          xmlTextWriterEndElement (writer);
        }
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }

  xmlTextWriterEndElement (writer); /* teiHeader */
}

static const char *
fragment_id (Writer *w,
             guint   annotation,
             guint   k)
{
  return g_ptr_array_index (w->fragments, w->first_fragment[annotation] + k);
}

static void
write_seg (Writer *w,
           guint   index,
           guint   k)
{
  xmlTextWriterPtr writer = w->writer;
  GlsAnnotation *annotation = g_ptr_array_index (w->annotations, index);
  const char *annotator = gls_annotation_get_annotator (annotation);
  const char *resp = annotator ? g_hash_table_lookup (w->annotators, annotator) : NULL;
  guint n = w->layout.n_fragments[index];

  xmlTextWriterStartElement (writer, BAD_CAST "seg");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id", BAD_CAST fragment_id (w, index, k));
  write_pointer (writer, "ana", g_hash_table_lookup (w->categories, gls_annotation_get_category (annotation)));
  if (resp != NULL)
    write_pointer (writer, "resp", resp);
  if (n > 1)
    {
      xmlTextWriterWriteAttribute (writer, BAD_CAST "part",
                                   BAD_CAST (k == 0 ? "I" : k + 1 == n ? "F" : "M"));
      if (k > 0)
        write_pointer (writer, "prev", fragment_id (w, index, k - 1));
      if (k + 1 < n)
        write_pointer (writer, "next", fragment_id (w, index, k + 1));
    }
}

static void
write_body (Writer *w)
{
  xmlTextWriterPtr writer = w->writer;
  GlsSource *source = gls_document_get_source (w->document);

  xmlTextWriterStartElement (writer, BAD_CAST "text");
  xmlTextWriterStartElement (writer, BAD_CAST "body");
  xmlTextWriterStartElement (writer, BAD_CAST "p");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:space", BAD_CAST "preserve");
  xmlTextWriterSetIndent (writer, 0);

  for (guint i = 0; i < w->layout.ops->len; i++)
    {
      const Op *op = &g_array_index (w->layout.ops, Op, i);

      switch (op->kind)
        {
        case OP_TEXT:
          {
            /* XML cannot hold most C0 controls: U+FFFD stands for each */
            g_autofree char *text = gls_source_dup_quote (source, op->a, op->b);
            xmlTextWriterWriteString (writer, BAD_CAST text);
          }
          break;

        case OP_OPEN:
          write_seg (w, op->a, op->b);
          break;

        case OP_CLOSE:
          xmlTextWriterEndElement (writer);
          break;

        case OP_PARAGRAPH:
          xmlTextWriterEndElement (writer);
          xmlTextWriterStartElement (writer, BAD_CAST "p");
          xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:space", BAD_CAST "preserve");
          break;

        default:
          g_assert_not_reached ();
        }
    }

  xmlTextWriterEndElement (writer); /* p */
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterEndElement (writer); /* body */
  xmlTextWriterEndElement (writer); /* text */
}

/* Links to annotations of other articles (FORMAT.md 1.1): a link whose
 * target points at this file's seg and at the annotation in the other
 * article's sidecar, named as the sidecar names it (relative to the
 * article's folder). */
static void
write_links_across (Writer     *w,
                    GHashTable *exported,
                    GPtrArray  *across)
{
  xmlTextWriterPtr writer = w->writer;

  xmlTextWriterStartElement (writer, BAD_CAST "linkGrp");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "type", BAD_CAST "links-to-other-articles");
  for (guint i = 0; i < across->len; i++)
    {
      GlsRelation *relation = g_ptr_array_index (across, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (exported, gls_relation_get_from (relation))) - 1;
      g_autofree char *name = token (gls_relation_get_relation_type (relation));
      g_autofree char *target = NULL;
      g_autofree char *escaped = g_uri_escape_string (gls_relation_get_to (relation),
                                                      G_URI_RESERVED_CHARS_ALLOWED_IN_PATH "#%", TRUE);

      /* a pointer list is separated by spaces: the sidecar's reference is
       * escaped already, but one edited by hand may hold a space */
      target = g_strconcat ("#", fragment_id (w, from, 0), " ", escaped, NULL);
      xmlTextWriterStartElement (writer, BAD_CAST "link");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id",
                                   BAD_CAST claim_id (w->ids, gls_relation_get_id (relation)));
      write_attribute (writer, "type", name);
      write_attribute (writer, "target", target);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

/* Notes, attributes and relations, only when there are any. */
static void
write_stand_off (Writer *w)
{
  xmlTextWriterPtr writer = w->writer;
  GListModel *relations = gls_document_get_relations (w->document);
  g_autoptr(GHashTable) exported = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) across = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean started = FALSE;
  gboolean listed = FALSE;

  for (guint i = 0; i < w->annotations->len; i++)
    g_hash_table_insert (exported,
                         (gpointer) gls_annotation_get_id (g_ptr_array_index (w->annotations, i)),
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      GlsRelation *relation = g_list_model_get_item (relations, i);

      /* no dangling references: both ends must be segs of this file, or
       * the other end an annotation of another article's sidecar */
      if (!g_hash_table_contains (exported, gls_relation_get_from (relation)))
        g_object_unref (relation);
      else if (gls_relation_is_link (relation))
        g_ptr_array_add (across, relation);
      else if (g_hash_table_contains (exported, gls_relation_get_to (relation)))
        g_ptr_array_add (links, relation);
      else
        g_object_unref (relation);
    }

  for (guint i = 0; i < w->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (w->annotations, i);
      const char *note = gls_annotation_get_note (annotation);
      guint n_attributes = gls_annotation_get_n_attributes (annotation);
      gboolean has_note = note != NULL && *note != '\0';
      g_autofree char *wanted = NULL;

      if (!has_note && n_attributes == 0)
        continue;

      if (!started)
        {
          xmlTextWriterStartElement (writer, BAD_CAST "standOff");
          started = TRUE;
        }
      if (!listed)
        {
          xmlTextWriterStartElement (writer, BAD_CAST "listAnnotation");
          listed = TRUE;
        }

      wanted = g_strconcat ("note-", gls_annotation_get_id (annotation), NULL);
      xmlTextWriterStartElement (writer, BAD_CAST "annotation");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id", BAD_CAST claim_id (w->ids, wanted));
      write_pointer (writer, "target", fragment_id (w, i, 0));
      xmlTextWriterWriteAttribute (writer, BAD_CAST "motivation",
                                   BAD_CAST (has_note && n_attributes > 0 ? "commenting describing"
                                             : has_note ? "commenting" : "describing"));
      if (has_note)
        {
          xmlTextWriterStartElement (writer, BAD_CAST "note");
          xmlTextWriterWriteAttribute (writer, BAD_CAST "type", BAD_CAST "comment");
          {
            g_autofree char *clean = _gls_clean_xml_text (note);
            xmlTextWriterWriteString (writer, BAD_CAST clean);
          }
          xmlTextWriterEndElement (writer);
        }
      for (guint j = 0; j < n_attributes; j++)
        {
          g_autofree char *clean = _gls_clean_xml_text (gls_annotation_get_attribute_value (annotation, j));

          xmlTextWriterStartElement (writer, BAD_CAST "note");
          xmlTextWriterWriteAttribute (writer, BAD_CAST "type", BAD_CAST "attribute");
          write_attribute (writer, "n", gls_annotation_get_attribute_name (annotation, j));
          xmlTextWriterWriteString (writer, BAD_CAST clean);
          xmlTextWriterEndElement (writer);
        }
      xmlTextWriterEndElement (writer);
    }
  if (listed)
    xmlTextWriterEndElement (writer);

  if (links->len > 0)
    {
      if (!started)
        {
          xmlTextWriterStartElement (writer, BAD_CAST "standOff");
          started = TRUE;
        }

      xmlTextWriterStartElement (writer, BAD_CAST "listRelation");
      for (guint i = 0; i < links->len; i++)
        {
          GlsRelation *relation = g_ptr_array_index (links, i);
          guint from = GPOINTER_TO_UINT (g_hash_table_lookup (exported, gls_relation_get_from (relation))) - 1;
          guint to = GPOINTER_TO_UINT (g_hash_table_lookup (exported, gls_relation_get_to (relation))) - 1;
          g_autofree char *name = token (gls_relation_get_relation_type (relation));

          xmlTextWriterStartElement (writer, BAD_CAST "relation");
          xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:id",
                                       BAD_CAST claim_id (w->ids, gls_relation_get_id (relation)));
          write_attribute (writer, "name", name);
          write_pointer (writer, "active", fragment_id (w, from, 0));
          write_pointer (writer, "passive", fragment_id (w, to, 0));
          xmlTextWriterEndElement (writer);
        }
      xmlTextWriterEndElement (writer);
    }

  if (across->len > 0)
    {
      if (!started)
        {
          xmlTextWriterStartElement (writer, BAD_CAST "standOff");
          started = TRUE;
        }
      write_links_across (w, exported, across);
    }

  if (started)
    xmlTextWriterEndElement (writer);
}

GBytes *
_gls_format_tei_export (GlsDocument  *document,
                        GError      **error)
{
  g_autofree char *source_name = _gls_format_source_name (document);
  xmlBufferPtr buffer;
  Writer w = { 0, };
  gsize n_bytes;
  GBytes *bytes;

  w.document = document;
  w.annotations = _gls_format_dup_annotations (document, FALSE);
  lay_out (document, w.annotations, &w.layout);
  claim_ids (&w);

  gls_source_get_text (gls_document_get_source (document), &n_bytes);
  w.writer = _gls_xml_start_writer (&buffer, n_bytes + 200 * w.annotations->len);

  xmlTextWriterStartElementNS (w.writer, NULL, BAD_CAST "TEI", BAD_CAST TEI_NAMESPACE);
  xmlTextWriterWriteAttribute (w.writer, BAD_CAST "version", BAD_CAST TEI_VERSION);
  write_header (&w, source_name);
  write_body (&w);
  write_stand_off (&w);
  xmlTextWriterEndElement (w.writer);

  bytes = _gls_xml_finish_writer (w.writer, buffer);

  g_ptr_array_unref (w.annotations);
  g_hash_table_unref (w.ids);
  g_hash_table_unref (w.categories);
  g_hash_table_unref (w.annotators);
  g_ptr_array_unref (w.fragments);
  g_free (w.first_fragment);
  g_array_unref (w.layout.ops);
  g_free (w.layout.n_fragments);

  return bytes;
}
