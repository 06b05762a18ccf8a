/* gls-format-inline.c
 * Glossator inline XML (FORMAT.md §4): the text cut at every target
 * boundary with the annotations inline, then their metadata; and its import. */
#define G_LOG_DOMAIN "gls-format-inline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "gls-annotation-list-private.h"
#include "gls-codebook-file-private.h"
#include "gls-codebook-private.h"
#include "gls-format-private.h"
#include "gls-sidecar-writer-private.h"
#include "gls-xml-private.h"
#include "gls-names-private.h"

#define INLINE_NAMESPACE "https://glossator.github.io/ns/annotated-text/1"
#define INLINE_VERSION "1.0"
#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* Writes the text [@p, @end) as character data, each character XML 1.0
 * cannot hold as <c cp="N"/>. */
static void
write_text (xmlTextWriterPtr  writer,
            GString          *scratch,
            const char       *p,
            const char       *end)
{
  const char *run = p;

  while (p < end)
    {
      guchar b = (guchar) *p;
      const char *next;
      gunichar c;

      if (b >= 0x20 && b < 0x80)
        {
          p++;
          continue;
        }

      next = g_utf8_next_char (p);
      c = g_utf8_get_char (p);
      if (!_gls_is_xml_char (c))
        {
          if (p > run)
            {
              g_string_truncate (scratch, 0);
              g_string_append_len (scratch, run, p - run);
              xmlTextWriterWriteString (writer, BAD_CAST scratch->str);
            }
          xmlTextWriterStartElement (writer, BAD_CAST "c");
          _gls_xml_write_uint_attribute (writer, "cp", c);
          xmlTextWriterEndElement (writer);
          run = next;
        }
      p = next;
    }

  if (p > run)
    {
      g_string_truncate (scratch, 0);
      g_string_append_len (scratch, run, p - run);
      xmlTextWriterWriteString (writer, BAD_CAST scratch->str);
    }
}

typedef struct
{
  guint offset;
  guint index;    /* of the annotation, in text order */
  gboolean start;
} Boundary;

static int
compare_boundaries (gconstpointer a,
                    gconstpointer b)
{
  const Boundary *x = a, *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return (int) x->start - (int) y->start;
}

/* Where @index goes in the sorted @active. */
static guint
active_position (GArray *active,
                 guint   index)
{
  guint lo = 0, hi = active->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (active, guint, mid) < index)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The text element: unannotated text as it is, every annotated piece
 * between two target boundaries as <s a="ids" o="offset">. */
static void
write_pieces (xmlTextWriterPtr  writer,
              GlsSource        *source,
              GPtrArray        *annotations)
{
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (Boundary));
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint length = gls_source_get_length (source);
  guint position = 0;
  const char *p = gls_source_get_pointer (source, 0);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (!_gls_format_is_exported (annotation))
        continue;

      for (guint j = 0; j < annotation->targets->len; j++)
        {
          const GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, j);
          Boundary start = { target->start, i, TRUE };
          Boundary end = { target->end, i, FALSE };

          g_array_append_val (boundaries, start);
          g_array_append_val (boundaries, end);
        }
    }
  g_array_sort (boundaries, compare_boundaries);

  for (guint i = 0; i <= boundaries->len; i++)
    {
      guint offset = i < boundaries->len ? g_array_index (boundaries, Boundary, i).offset : length;

      if (offset > position)
        {
          const char *next = gls_source_get_pointer (source, offset);

          if (active->len == 0)
            write_text (writer, scratch, p, next);
          else
            {
              g_string_truncate (ids, 0);
              for (guint k = 0; k < active->len; k++)
                {
                  guint index = g_array_index (active, guint, k);

                  /* two targets of one annotation may overlap */
                  if (k > 0 && g_array_index (active, guint, k - 1) == index)
                    continue;
                  if (ids->len > 0)
                    g_string_append_c (ids, ' ');
                  g_string_append (ids, gls_annotation_get_id (g_ptr_array_index (annotations, index)));
                }

              xmlTextWriterStartElement (writer, BAD_CAST "s");
              xmlTextWriterWriteAttribute (writer, BAD_CAST "a", BAD_CAST ids->str);
              _gls_xml_write_uint_attribute (writer, "o", position);
              write_text (writer, scratch, p, next);
              xmlTextWriterEndElement (writer);
            }

          p = next;
          position = offset;
        }

      if (i < boundaries->len)
        {
          const Boundary *boundary = &g_array_index (boundaries, Boundary, i);
          guint at = active_position (active, boundary->index);

          if (boundary->start)
            g_array_insert_val (active, at, boundary->index);
          else
            {
              g_assert (at < active->len && g_array_index (active, guint, at) == boundary->index);
              g_array_remove_index (active, at);
            }
        }
    }
}

GBytes *
_gls_format_inline_export (GlsDocument  *document,
                           GError      **error)
{
  g_autoptr(GPtrArray) annotations = _gls_format_dup_annotations (document, TRUE);
  g_autofree char *source_name = _gls_format_source_name (document);
  GlsSource *source = gls_document_get_source (document);
  GListModel *relations = gls_document_get_relations (document);
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gsize n_bytes;
  guint n;

  gls_source_get_text (source, &n_bytes);
  writer = _gls_xml_start_writer (&buffer, n_bytes + 160 * annotations->len);

  xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "annotated-text", BAD_CAST INLINE_NAMESPACE);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "version", BAD_CAST INLINE_VERSION);
  _gls_xml_write_attribute (writer, "source", source_name);

  /* No indentation inside the text: every character of it is the
   * article's. */
  xmlTextWriterStartElement (writer, BAD_CAST "text");
  xmlTextWriterSetIndent (writer, 0);
  write_pieces (writer, source, annotations);
  xmlTextWriterEndElement (writer);
  xmlTextWriterSetIndent (writer, 1);

  if (document->note != NULL && *document->note != '\0')
    _gls_xml_write_text_element (writer, "note", document->note);

  _gls_codebook_file_write_element (writer, gls_document_get_codebook (document));

  for (guint i = 0; i < annotations->len; i++)
    _gls_sidecar_write_annotation (writer, g_ptr_array_index (annotations, i), NULL);

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);

      _gls_sidecar_write_relation (writer, relation);
    }

  xmlTextWriterEndElement (writer);

  return _gls_xml_finish_writer (writer, buffer);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

typedef struct
{
  GlsImporter      importer;
  xmlTextReaderPtr reader;
  GString         *text;
  gboolean         has_text;
  guint            text_line;
  char            *version;
  char            *note;
  gboolean         has_note;
  GlsCodebook     *codebook;
  GPtrArray       *annotations;   /* GlsAnnotation */
  GPtrArray       *relations;     /* GlsRelation */
  gboolean         stop;
} Reader;

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  Reader *r = user_data;
  g_autofree char *text = NULL;

  if (r->stop || error->level == XML_ERR_WARNING)
    return;

  text = g_strchomp (g_strdup (error->message ? error->message : ""));
  /* Translators: %s is libxml2's English description of the problem */
  _gls_importer_error (&r->importer, error->line > 0 ? (guint) error->line : 0,
                       _("not well-formed XML: %s"), text);
  r->stop = TRUE;
}

static guint
current_line (Reader *r)
{
  return _gls_xml_reader_line (r->reader);
}

static int
advance (Reader *r)
{
  const char *message;
  guint line;
  int ret;

  if (r->stop)
    return 0;

  if ((ret = _gls_xml_reader_step (r->reader, &line, &message)) < 0)
    {
      _gls_importer_error (&r->importer, line, "%s", message);
      r->stop = TRUE;
      return 0;
    }

  return ret;
}

static gboolean
is_ours (Reader     *r,
         const char *local_name)
{
  return _gls_xml_reader_is (r->reader, INLINE_NAMESPACE, local_name);
}

static gboolean
node_is_ours (xmlNodePtr  node,
              const char *local_name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, INLINE_NAMESPACE) == 0 &&
         strcmp ((const char *) node->name, local_name) == 0;
}

static void
skip_element (Reader *r)
{
  int depth;

  if (xmlTextReaderIsEmptyElement (r->reader))
    return;

  depth = xmlTextReaderDepth (r->reader);
  while (advance (r) == 1)
    if (xmlTextReaderNodeType (r->reader) == XML_READER_TYPE_END_ELEMENT &&
        xmlTextReaderDepth (r->reader) == depth)
      return;
}

static char *
get_attribute (Reader     *r,
               const char *name)
{
  return (char *) xmlTextReaderGetAttribute (r->reader, BAD_CAST name);
}

/* The text of a text-only element; moves past its end. */
static char *
read_text (Reader *r)
{
  GString *str = g_string_new (NULL);
  int depth;

  if (xmlTextReaderIsEmptyElement (r->reader))
    return g_string_free (str, FALSE);

  depth = xmlTextReaderDepth (r->reader);
  while (advance (r) == 1)
    {
      int type = xmlTextReaderNodeType (r->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r->reader) == depth)
        break;
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (str, (const char *) xmlTextReaderConstValue (r->reader));
      else if (type == XML_READER_TYPE_ELEMENT)
        skip_element (r);
    }

  return g_string_free (str, FALSE);
}

static gboolean
parse_uint (const char *value,
            guint      *out)
{
  guint64 number;

  if (value == NULL || !_gls_parse_unsigned (value, G_MAXUINT, &number))
    return FALSE;

  *out = (guint) number;
  return TRUE;
}

/* The text element: its text nodes, each <c cp="N"/> as its character. */
static void
read_text_element (Reader *r)
{
  int depth;

  r->text_line = current_line (r);
  r->has_text = TRUE;
  if (xmlTextReaderIsEmptyElement (r->reader))
    return;

  depth = xmlTextReaderDepth (r->reader);
  while (advance (r) == 1)
    {
      int type = xmlTextReaderNodeType (r->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r->reader) == depth)
        return;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (r->text, (const char *) xmlTextReaderConstValue (r->reader));
      else if (type == XML_READER_TYPE_ELEMENT && is_ours (r, "c"))
        {
          g_autofree char *cp = get_attribute (r, "cp");
          guint c;

          if (!parse_uint (cp, &c) || !g_unichar_validate (c) || c == 0)
            _gls_importer_error (&r->importer, current_line (r),
                                 _("<c cp=\"%s\"> does not name a character (a code point in decimal)"),
                                 cp ? cp : "");
          else
            g_string_append_unichar (r->text, c);
          skip_element (r);
        }
      else if (type == XML_READER_TYPE_ELEMENT && !is_ours (r, "s"))
        {
          _gls_importer_error (&r->importer, current_line (r),
                               _("the element “%s” cannot be part of the text; only <s> and <c> can"),
                               (const char *) xmlTextReaderConstName (r->reader));
          skip_element (r);
        }
    }
}

/* The codebook, read from the expanded subtree: the same structure as in
 * the sidecar, in the inline namespace. */
static GPtrArray *
node_localized (xmlNodePtr  node,
                GPtrArray  *variants)
{
  g_autofree char *lang = (char *) xmlGetNsProp (node, BAD_CAST "lang", BAD_CAST XML_NAMESPACE);
  g_autofree char *text = (char *) xmlNodeGetContent (node);

  _gls_localized_set (variants, lang, text);

  return variants;
}

static void
read_category_node (Reader      *r,
                    xmlNodePtr   node,
                    GlsCodebook *codebook,
                    GlsCategory *parent,
                    GHashTable  *seen)
{
  g_autofree char *id = (char *) xmlGetNoNsProp (node, BAD_CAST "id");
  g_autofree char *name = (char *) xmlGetNoNsProp (node, BAD_CAST "name");
  g_autofree char *key = (char *) xmlGetNoNsProp (node, BAD_CAST "key");
  g_autofree char *color = (char *) xmlGetNoNsProp (node, BAD_CAST "color");
  g_autoptr(GlsCategory) category = NULL;
  guint line = (guint) MAX (xmlGetLineNo (node), 0);

  if (!_gls_is_ncname (id))
    {
      _gls_importer_error (&r->importer, line,
                           _("the category id “%s” is not an NCName (letters, digits, “-”, “_” and “.”, starting with a letter)"),
                           id ? id : "");
      return;
    }
  if (g_hash_table_contains (seen, id))
    {
      _gls_importer_error (&r->importer, line, _("the category id “%s” is used twice"), id);
      return;
    }
  g_hash_table_add (seen, g_strdup (id));

  category = gls_category_new (id);
  category->name = g_steal_pointer (&name);
  if (key != NULL && strlen (key) == 1 && key[0] >= '1' && key[0] <= '9')
    category->key = (guint) (key[0] - '0');
  gls_category_set_color (category, color);

  category->parent = parent;
  g_ptr_array_add (parent ? parent->children : codebook->roots, g_object_ref (category));

  if (gls_category_get_depth (category) >= GLS_MAX_CATEGORY_DEPTH)
    {
      _gls_importer_error (&r->importer, line,
                           _("the categories are nested more than %u levels deep, the most a codebook can hold"),
                           GLS_MAX_CATEGORY_DEPTH);
      return;
    }

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (node_is_ours (child, "label"))
        node_localized (child, category->labels);
      else if (node_is_ours (child, "description"))
        node_localized (child, category->descriptions);
      else if (node_is_ours (child, "category"))
        read_category_node (r, child, codebook, category, seen);
    }
}

static void
read_codebook (Reader *r)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *id = get_attribute (r, "id");
  g_autofree char *version = get_attribute (r, "version");
  xmlNodePtr node;

  g_clear_object (&r->codebook);
  r->codebook = gls_codebook_new (id ? id : "", version);

  node = xmlTextReaderExpand (r->reader);
  if (node != NULL)
    {
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          if (node_is_ours (child, "label"))
            node_localized (child, r->codebook->labels);
          else if (node_is_ours (child, "description"))
            node_localized (child, r->codebook->descriptions);
          else if (node_is_ours (child, "category"))
            read_category_node (r, child, r->codebook, NULL, seen);
        }
    }
  _gls_codebook_rebuild (r->codebook);

  skip_element (r);
}

static void
read_annotation (Reader *r)
{
  GlsAnnotation *annotation = _gls_annotation_new_empty ();
  g_autofree char *anchor = NULL;
  int depth;

  annotation->line = current_line (r);
  annotation->id = get_attribute (r, "id");
  annotation->category = get_attribute (r, "category");
  annotation->annotator = get_attribute (r, "annotator");
  annotation->created = get_attribute (r, "created");
  annotation->modified = get_attribute (r, "modified");
  anchor = get_attribute (r, "anchor");
  if (anchor != NULL && !gls_anchor_from_string (anchor, &annotation->anchor))
    _gls_importer_error (&r->importer, annotation->line,
                         _("the anchor “%s” is not one of moved, fuzzy or orphaned"), anchor);
  g_ptr_array_add (r->annotations, annotation);

  if (xmlTextReaderIsEmptyElement (r->reader))
    return;

  depth = xmlTextReaderDepth (r->reader);
  while (advance (r) == 1)
    {
      int type = xmlTextReaderNodeType (r->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r->reader) == depth)
        break;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      if (is_ours (r, "target"))
        {
          g_autofree char *start = get_attribute (r, "start");
          g_autofree char *end = get_attribute (r, "end");
          GlsTarget target = { 0, };

          target.line = current_line (r);
          if (!parse_uint (start, &target.start) || !parse_uint (end, &target.end))
            _gls_importer_error (&r->importer, target.line,
                                 _("a target needs a start and an end, as character offsets (whole numbers from 0)"));
          g_array_append_val (annotation->targets, target);
          skip_element (r);
        }
      else if (is_ours (r, "note"))
        {
          g_autofree char *note = read_text (r);
          _gls_set_string (&annotation->note, *note ? note : NULL);
        }
      else if (is_ours (r, "attribute"))
        {
          char *name = get_attribute (r, "name");

          g_ptr_array_add (annotation->attributes, name ? name : g_strdup (""));
          g_ptr_array_add (annotation->attributes, read_text (r));
        }
      else
        skip_element (r); /* from a newer minor version */
    }

  _gls_annotation_sort_targets (annotation);
}

static void
read_relation (Reader *r)
{
  GlsRelation *relation = _gls_relation_new_empty ();

  relation->line = current_line (r);
  relation->id = get_attribute (r, "id");
  relation->type = get_attribute (r, "type");
  relation->from = get_attribute (r, "from");
  relation->to = get_attribute (r, "to");
  g_ptr_array_add (r->relations, relation);
  skip_element (r);
}

static void
read_document (Reader *r)
{
  const char *ns;
  int depth;

  while (advance (r) == 1)
    if (xmlTextReaderNodeType (r->reader) == XML_READER_TYPE_ELEMENT)
      break;
  if (r->stop)
    return;

  if (!is_ours (r, "annotated-text"))
    {
      ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
      _gls_importer_error (&r->importer, current_line (r),
                           _("the root element is “%s” in the namespace “%s”, but Glossator inline XML has “annotated-text” in “%s”"),
                           (const char *) xmlTextReaderConstLocalName (r->reader), ns ? ns : "",
                           INLINE_NAMESPACE);
      return;
    }

  r->version = get_attribute (r, "version");
  if (r->version == NULL || !g_str_has_prefix (r->version, "1."))
    {
      _gls_importer_error (&r->importer, current_line (r),
                           _("this file is in inline format version %s, which this version of Glossator "
                             "cannot read (it reads 1.x)"),
                           r->version ? r->version : "?");
      return;
    }

  if (xmlTextReaderIsEmptyElement (r->reader))
    return;

  depth = xmlTextReaderDepth (r->reader);
  while (advance (r) == 1)
    {
      int type = xmlTextReaderNodeType (r->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r->reader) == depth)
        break;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      if (is_ours (r, "text") && !r->has_text)
        read_text_element (r);
      else if (is_ours (r, "note"))
        {
          g_free (r->note);
          r->note = read_text (r);
          r->has_note = TRUE;
        }
      else if (is_ours (r, "codebook"))
        read_codebook (r);
      else if (is_ours (r, "annotation"))
        read_annotation (r);
      else if (is_ours (r, "relation"))
        read_relation (r);
      else
        skip_element (r); /* another namespace, or a newer minor version */
    }

  while (advance (r) == 1)
    ;
}

/* The checks of FORMAT.md §2 that need the article. */
static void
check_document (Reader *r)
{
  GlsImporter *importer = &r->importer;
  GlsSource *source = gls_document_get_source (importer->document);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint length = gls_source_get_length (source);
  gsize n_bytes;
  const char *text = gls_source_get_text (source, &n_bytes);

  if (!r->has_text)
    _gls_importer_error (importer, 0, _("there is no <text> element, so the file holds no article"));
  else if (r->text->len != n_bytes || memcmp (r->text->str, text, n_bytes) != 0)
    {
      const char *a = r->text->str, *b = text;
      const char *a_end = a + r->text->len, *b_end = b + n_bytes;
      guint offset = 0;

      while (a < a_end && b < b_end && g_utf8_get_char (a) == g_utf8_get_char (b))
        {
          a = g_utf8_next_char (a);
          b = g_utf8_next_char (b);
          offset++;
        }
      _gls_importer_error (importer, r->text_line,
                           _("the text of this file is not the text of “%s”: they differ from character %u on"),
                           gls_source_get_display_name (source), offset);
    }

  for (guint i = 0; i < r->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (r->annotations, i);

      if (!_gls_is_ncname (annotation->id))
        {
          _gls_importer_error (importer, annotation->line,
                               _("the annotation id “%s” is not an NCName"), annotation->id ? annotation->id : "");
          continue;
        }
      if (!g_hash_table_add (ids, annotation->id))
        _gls_importer_error (importer, annotation->line, _("the id “%s” is used twice"), annotation->id);
      if (!_gls_is_ncname (annotation->category))
        _gls_importer_error (importer, annotation->line,
                             _("the category “%s” of annotation “%s” is not an NCName"),
                             annotation->category ? annotation->category : "", annotation->id);
      if (annotation->targets->len == 0)
        _gls_importer_error (importer, annotation->line,
                             _("the annotation “%s” has no target"), annotation->id);
      if (annotation->anchor == GLS_ANCHOR_ORPHANED)
        continue;

      for (guint j = 0; j < annotation->targets->len; j++)
        {
          const GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, j);

          if (target->start >= target->end)
            _gls_importer_error (importer, target->line,
                                 _("the annotation “%s” has an empty span (%u–%u)"),
                                 annotation->id, target->start, target->end);
          else if (target->end > length)
            _gls_importer_error (importer, target->line,
                                 _("the annotation “%s” ends at %u, beyond the end of the text (%u characters)"),
                                 annotation->id, target->end, length);
        }
    }

  for (guint i = 0; i < r->relations->len; i++)
    {
      GlsRelation *relation = g_ptr_array_index (r->relations, i);
      const char *ends[2] = { relation->from, relation->to };

      if (!_gls_is_ncname (relation->id) || relation->type == NULL)
        {
          _gls_importer_error (importer, relation->line,
                               _("a relation needs an id (an NCName), a type, a from and a to"));
          continue;
        }
      if (!g_hash_table_add (ids, relation->id))
        _gls_importer_error (importer, relation->line, _("the id “%s” is used twice"), relation->id);

      for (guint j = 0; j < G_N_ELEMENTS (ends); j++)
        {
          if (ends[j] != NULL && strchr (ends[j], '#') != NULL)
            continue;
          /* every annotation of the file is in @ids by now */
          if (ends[j] == NULL ||
              (!g_hash_table_contains (ids, ends[j]) &&
               gls_document_lookup_annotation (importer->document, ends[j]) == NULL))
            _gls_importer_error (importer, relation->line,
                                 _("the relation “%s” refers to “%s”, which is not an annotation"),
                                 relation->id, ends[j] ? ends[j] : "");
        }
    }
}

/* The categories of the file's codebook that the document's lacks, each
 * under its parent when the parent is there. */
static void
merge_codebook (Reader *r)
{
  GlsImporter *importer = &r->importer;
  GlsCodebook *theirs = r->codebook;
  g_autoptr(GlsCodebook) merged = NULL;
  guint n_added = 0;

  if (theirs == NULL)
    return;

  merged = gls_codebook_copy (importer->codebook);
  for (guint i = 0; i < gls_codebook_get_n_categories (theirs); i++)
    {
      GlsCategory *category = gls_codebook_get_category (theirs, i);
      GlsCategory *parent = gls_category_get_parent (category);
      g_autoptr(GlsCategory) copy = NULL;
      g_autoptr(GError) error = NULL;

      if (gls_codebook_lookup (merged, gls_category_get_id (category)) != NULL)
        continue;

      copy = gls_category_copy (category);
      g_ptr_array_set_size (copy->children, 0);
      if (parent != NULL)
        parent = gls_codebook_lookup (merged, gls_category_get_id (parent));
      if (gls_codebook_add_category (merged, parent, copy, &error))
        n_added++;
    }

  if (n_added > 0)
    {
      _gls_importer_set_codebook (importer, merged);
      gls_import_report_count (importer->report, GLS_KIND_CATEGORY, _("new categories"), TRUE, n_added);
    }
}

static void
apply (Reader *r)
{
  GlsImporter *importer = &r->importer;
  GlsDocument *document = importer->document;
  const char *old_note;

  _gls_importer_begin (importer);

  old_note = gls_document_get_note (document);
  if (r->has_note && r->note != NULL && *r->note != '\0' && g_strcmp0 (old_note, r->note) != 0)
    {
      if (old_note == NULL || *old_note == '\0' || (importer->flags & GLS_IMPORT_REPLACE))
        {
          gls_document_set_note (document, r->note);
          gls_import_report_count (importer->report, "document-note", _("document note"), TRUE, 1);
        }
      else
        gls_import_report_count (importer->report, "document-note",
                                 _("document note (the document has a different one)"), FALSE, 1);
    }

  for (guint i = 0; i < r->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (r->annotations, i);

      if (g_hash_table_lookup (document->ids, annotation->id) != NULL)
        {
          gls_import_report_count (importer->report, GLS_KIND_DUPLICATE,
                                   _("annotations already in the document"), FALSE, 1);
          continue;
        }

      /* What the editor would have cleaned on input. */
      if (annotation->note != NULL)
        {
          g_autofree char *clean = _gls_clean_xml_text (annotation->note);
          _gls_set_string (&annotation->note, clean);
        }
      if (annotation->anchor != GLS_ANCHOR_ORPHANED)
        annotation->anchor = GLS_ANCHOR_OK;

      if (_gls_importer_add (importer, annotation))
        {
          if (annotation->note != NULL)
            gls_import_report_count (importer->report, GLS_KIND_NOTE, _("notes"), TRUE, 1);
          if (annotation->attributes->len > 0)
            gls_import_report_count (importer->report, GLS_KIND_ATTRIBUTE, _("attributes"), TRUE,
                                     annotation->attributes->len / 2);
        }
    }

  for (guint i = 0; i < r->relations->len; i++)
    {
      GlsRelation *relation = g_ptr_array_index (r->relations, i);
      g_autoptr(GError) error = NULL;

      if (g_hash_table_lookup (document->ids, relation->id) != NULL ||
          _gls_importer_has_relation (importer, relation->type, relation->from, relation->to))
        {
          gls_import_report_count (importer->report, GLS_KIND_RELATION, _("relations"), FALSE, 1);
          continue;
        }

      if (!gls_document_insert_relation (document, relation, &error))
        {
          _gls_importer_warning (importer, relation->line, "%s", error->message);
          continue;
        }
      gls_import_report_count (importer->report, GLS_KIND_RELATION, _("relations"), TRUE, 1);
    }

  _gls_importer_end (importer);
}

/* Whether @data starts as a brat standoff file does: a line such as
 * "T1<tab>Claim 0 5<tab>text" (text-bound, relation, event, attribute,
 * normalization, note or equivalence), so that importing one as inline
 * XML says what it is rather than that it is not XML. */
static gboolean
looks_like_brat (const char *data,
                 gsize       len)
{
  const char *p = data, *end = data + len;

  while (p < end && (*p == '\n' || *p == '\r'))
    p++;
  if (p == end || strchr ("TRENAM#*", *p) == NULL)
    return FALSE;
  for (p++; p < end && g_ascii_isdigit (*p); p++)
    ;

  return p < end && *p == '\t';
}

gboolean
_gls_format_inline_import (GlsDocument      *document,
                           GBytes           *bytes,
                           const char       *display_name,
                           GlsImportFlags    flags,
                           GlsImportReport  *report,
                           GError          **error)
{
  Reader r = { { 0, }, };
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  guint doctype_line;
  gboolean ok = FALSE;

  _gls_importer_init (&r.importer, document, display_name, flags, report);
  r.text = g_string_new (NULL);
  r.annotations = g_ptr_array_new_with_free_func (g_object_unref);
  r.relations = g_ptr_array_new_with_free_func (g_object_unref);

  if (len == 0)
    _gls_importer_error (&r.importer, 1, _("the file is empty, it holds no XML at all"));
  else if (len > G_MAXINT)
    _gls_importer_error (&r.importer, 0, _("the file is too large to read"));
  else if (looks_like_brat (data, len))
    _gls_importer_error (&r.importer, 1, "%s",
                         _("this looks like a brat file (.ann), not inline XML: import it as brat"));
  else if (!_gls_xml_is_utf8_xml (data, len))
    _gls_importer_error (&r.importer, 1, "%s", _gls_xml_describe_start (data, len));
  else if ((doctype_line = _gls_xml_find_doctype (data, len)) > 0)
    _gls_importer_error (&r.importer, doctype_line,
                         _("a DOCTYPE is not allowed in Glossator files (no DTDs, no entities)"));
  else
    {
      _gls_xml_init ();
      r.reader = xmlReaderForMemory (data, (int) len, display_name, NULL,
                                     XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
      if (r.reader == NULL)
        _gls_importer_error (&r.importer, 0, _("not well-formed XML"));
      else
        {
          xmlTextReaderSetStructuredErrorHandler (r.reader, on_xml_error, &r);
          read_document (&r);
        }
    }

  if (r.importer.n_errors == 0)
    check_document (&r);

  if (_gls_importer_check (&r.importer, error))
    {
      if ((flags & GLS_IMPORT_REPLACE) && r.codebook != NULL)
        _gls_importer_set_codebook (&r.importer, r.codebook);
      else
        merge_codebook (&r);
      apply (&r);
      ok = TRUE;
    }

  g_clear_pointer (&r.reader, xmlFreeTextReader);
  g_string_free (r.text, TRUE);
  g_free (r.version);
  g_free (r.note);
  g_clear_object (&r.codebook);
  g_ptr_array_unref (r.annotations);
  g_ptr_array_unref (r.relations);
  _gls_importer_clear (&r.importer);

  return ok;
}
