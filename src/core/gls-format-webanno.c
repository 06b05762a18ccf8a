/* gls-format-webanno.c
 * W3C Web Annotation (JSON-LD): one AnnotationCollection, text selected by
 * quote and by position (code points), the category and note as bodies. */
#define G_LOG_DOMAIN "gls-format-webanno"

#include "config.h"

#include <string.h>

#include "gls-format-private.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

/* A JSON writer that knows where commas go. It streams: a JsonBuilder
 * tree of 100,000 annotations took four times as long as saving the
 * sidecar (the goal is at most twice). */
typedef struct
{
  GString *out;
  GArray  *first;   /* gboolean per open object or array */
} Json;

static void
separate (Json *json)
{
  gboolean *first;

  if (json->first->len == 0)
    return;

  first = &g_array_index (json->first, gboolean, json->first->len - 1);
  if (!*first)
    g_string_append_c (json->out, ',');
  *first = FALSE;
}

/* Appends @text as a JSON string: runs of plain characters at once. */
static void
put_string (GString    *out,
            const char *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  g_string_append_c (out, '"');
  for (;; p++)
    {
      const char *escape;
      char buffer[8];

      if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7F)
        continue;

      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buffer, sizeof buffer, "\\u%04x", *p);
          escape = buffer;
        }
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_c (out, '"');
}

static void
open_value (Json *json,
            char  bracket)
{
  gboolean first = TRUE;

  g_string_append_c (json->out, bracket);
  g_array_append_val (json->first, first);
}

static void
begin_object (Json *json)
{
  separate (json);
  open_value (json, '{');
}

static void
begin_array (Json *json)
{
  separate (json);
  open_value (json, '[');
}

static void
end (Json *json,
     char  bracket)
{
  g_array_set_size (json->first, json->first->len - 1);
  g_string_append_c (json->out, bracket);
}

static void
member (Json       *json,
        const char *name)
{
  separate (json);
  put_string (json->out, name);
  g_string_append_c (json->out, ':');
  /* the value that follows needs no comma */
  g_array_index (json->first, gboolean, json->first->len - 1) = TRUE;
}

static void
add_string (Json       *json,
            const char *name,
            const char *value)
{
  if (value == NULL)
    return;

  member (json, name);
  separate (json);
  put_string (json->out, value);
}

/* A string in an array. */
static void
add_item (Json       *json,
          const char *value)
{
  separate (json);
  put_string (json->out, value);
}

static void
add_uint (Json       *json,
          const char *name,
          guint       value)
{
  member (json, name);
  separate (json);
  g_string_append_printf (json->out, "%u", value);
}

static void
begin_object_member (Json       *json,
                     const char *name)
{
  member (json, name);
  begin_object (json);
}

static void
begin_array_member (Json       *json,
                    const char *name)
{
  member (json, name);
  begin_array (json);
}

static void
add_text_body (Json       *json,
               const char *purpose,
               const char *label,
               const char *value)
{
  begin_object (json);
  add_string (json, "type", "TextualBody");
  add_string (json, "purpose", purpose);
  add_string (json, "label", label);
  add_string (json, "value", value);
  add_string (json, "format", "text/plain");
  end (json, '}');
}

static void
add_target (Json       *json,
            GlsSource  *source,
            const char *source_name,
            GlsSpan     span)
{
  g_autofree char *prefix = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *suffix = NULL;

  _gls_format_dup_quote (source, span, &prefix, &exact, &suffix);

  begin_object (json);
  add_string (json, "source", source_name);
  begin_array_member (json, "selector");

  begin_object (json);
  add_string (json, "type", "TextQuoteSelector");
  add_string (json, "exact", exact);
  add_string (json, "prefix", prefix);
  add_string (json, "suffix", suffix);
  end (json, '}');

  begin_object (json);
  add_string (json, "type", "TextPositionSelector");
  add_uint (json, "start", span.start);
  add_uint (json, "end", span.end);
  end (json, '}');

  end (json, ']');
  end (json, '}');
}

static char *
iri (const char *collection,
     const char *id)
{
  return g_strconcat (collection, "#", id, NULL);
}

static void
add_annotation (Json          *json,
                GlsDocument   *document,
                GlsAnnotation *annotation,
                const char    *collection,
                const char    *source_name)
{
  GlsSource *source = gls_document_get_source (document);
  const char *category = gls_annotation_get_category (annotation);
  const char *note = gls_annotation_get_note (annotation);
  g_autofree char *id = iri (collection, gls_annotation_get_id (annotation));
  guint n_targets = gls_annotation_get_n_targets (annotation);

  g_string_append_c (json->out, '\n');
  begin_object (json);
  add_string (json, "id", id);
  add_string (json, "type", "Annotation");
  add_string (json, "motivation", "classifying");
  if (gls_annotation_get_annotator (annotation) != NULL)
    {
      begin_object_member (json, "creator");
      add_string (json, "type", "Person");
      add_string (json, "name", gls_annotation_get_annotator (annotation));
      end (json, '}');
    }
  add_string (json, "created", gls_annotation_get_created (annotation));
  add_string (json, "modified", gls_annotation_get_modified (annotation));

  begin_array_member (json, "body");
  add_text_body (json, "classifying", _gls_format_category_label (document, category),
                 _gls_format_category_name (document, category));
  if (note != NULL && *note != '\0')
    add_text_body (json, "commenting", NULL, note);
  for (guint i = 0; i < gls_annotation_get_n_attributes (annotation); i++)
    add_text_body (json, "describing", gls_annotation_get_attribute_name (annotation, i),
                   gls_annotation_get_attribute_value (annotation, i));
  end (json, ']');

  member (json, "target");
  if (n_targets > 1)
    begin_array (json);
  for (guint i = 0; i < n_targets; i++)
    add_target (json, source, source_name, gls_annotation_get_target (annotation, i));
  if (n_targets > 1)
    end (json, ']');

  end (json, '}');
}

/* A relation is an annotation whose targets are both annotations, its
 * type as a tag; the body names the end it points to, since a list of
 * targets has no order. */
static void
add_relation (Json        *json,
              GlsRelation *relation,
              const char  *collection)
{
  g_autofree char *id = iri (collection, gls_relation_get_id (relation));
  g_autofree char *from = iri (collection, gls_relation_get_from (relation));
  g_autofree char *to = NULL;

  /* a link into another file names that file's annotation already */
  if (strchr (gls_relation_get_to (relation), '#') != NULL)
    to = g_strdup (gls_relation_get_to (relation));
  else
    to = iri (collection, gls_relation_get_to (relation));

  g_string_append_c (json->out, '\n');
  begin_object (json);
  add_string (json, "id", id);
  add_string (json, "type", "Annotation");
  add_string (json, "motivation", "linking");
  begin_array_member (json, "body");
  begin_object (json);
  add_string (json, "id", to);
  add_string (json, "purpose", "linking");
  end (json, '}');
  add_text_body (json, "tagging", NULL, gls_relation_get_relation_type (relation));
  end (json, ']');
  begin_array_member (json, "target");
  add_item (json, from);
  add_item (json, to);
  end (json, ']');
  end (json, '}');
}

GBytes *
_gls_format_webanno_export (GlsDocument  *document,
                            GError      **error)
{
  g_autoptr(GPtrArray) annotations = _gls_format_dup_annotations (document, FALSE);
  g_autoptr(GHashTable) exported = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree char *source_name = _gls_format_source_name (document);
  g_autofree char *collection = g_strconcat (source_name, ".annotations.xml", NULL);
  g_autofree char *generator_name = g_strdup_printf ("Glossator %s", PACKAGE_VERSION);
  g_autofree char *page = NULL;
  GListModel *model = gls_document_get_relations (document);
  const char *note = gls_document_get_note (document);
  Json json = { g_string_sized_new (600 * annotations->len + 1024), first };

  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_add (exported, (gpointer) gls_annotation_get_id (g_ptr_array_index (annotations, i)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      GlsRelation *relation = g_list_model_get_item (model, i);

      /* no dangling links: both ends must be here, or in another file */
      if (g_hash_table_contains (exported, gls_relation_get_from (relation)) &&
          (g_hash_table_contains (exported, gls_relation_get_to (relation)) ||
           strchr (gls_relation_get_to (relation), '#') != NULL))
        g_ptr_array_add (relations, relation);
      else
        g_object_unref (relation);
    }

  begin_object (&json);
  add_string (&json, "@context", ANNO_CONTEXT);
  add_string (&json, "id", collection);
  add_string (&json, "type", "AnnotationCollection");
  add_string (&json, "label", source_name);
  if (note != NULL && *note != '\0')
    add_string (&json, "summary", note);
  begin_object_member (&json, "generator");
  add_string (&json, "id", "https://glossator.github.io/");
  add_string (&json, "type", "Software");
  add_string (&json, "name", generator_name);
  end (&json, '}');
  add_uint (&json, "total", annotations->len + relations->len);

  begin_object_member (&json, "first");
  page = iri (collection, "page-1");
  add_string (&json, "id", page);
  add_string (&json, "type", "AnnotationPage");
  add_uint (&json, "startIndex", 0);
  begin_array_member (&json, "items");
  for (guint i = 0; i < annotations->len; i++)
    add_annotation (&json, document, g_ptr_array_index (annotations, i), collection, source_name);
  for (guint i = 0; i < relations->len; i++)
    add_relation (&json, g_ptr_array_index (relations, i), collection);
  end (&json, ']');
  end (&json, '}');

  end (&json, '}');
  g_string_append_c (json.out, '\n');

  return g_string_free_to_bytes (json.out);
}
