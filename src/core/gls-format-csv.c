/* gls-format-csv.c
 * CSV (RFC 4180, UTF-8, CRLF), one row per target, for R, pandas and
 * spreadsheets, with cells guarded against formula injection; and a
 * second file with one row per relation, links to other articles too. */
#define G_LOG_DOMAIN "gls-format-csv"

#include "config.h"

#include <string.h>

#include "gls-format-private.h"
#include "gls-links.h"

static const char *columns[] = {
  "document", "id", "category", "category label", "start", "end", "exact",
  "prefix", "suffix", "note", "annotator", "created", "modified",
};

/* A spreadsheet takes a cell that starts with one of these as a formula
 * (OWASP, "CSV injection"). Such a cell gets a leading apostrophe, and so
 * does one that starts with an apostrophe already: a reader gets the
 * value back exactly by removing one leading apostrophe whenever there is
 * one. */
static gboolean
needs_guard (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r'", value[0]) != NULL;
}

static void
put_field (GString    *out,
           const char *value,
           gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;

  quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (needs_guard (value))
    g_string_append_c (out, '\'');

  if (quote)
    {
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

static void
put_uint (GString *out,
          guint    value)
{
  g_string_append_printf (out, ",%u", value);
}

static void
put_rows (GString     *out,
          GlsDocument *document)
{
  g_autoptr(GPtrArray) annotations = _gls_format_dup_annotations (document, FALSE);
  g_autofree char *name = _gls_format_source_name (document);
  GlsSource *source = gls_document_get_source (document);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *category = gls_annotation_get_category (annotation);

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_autofree char *prefix = NULL;
          g_autofree char *exact = NULL;
          g_autofree char *suffix = NULL;

          _gls_format_dup_quote (source, span, &prefix, &exact, &suffix);

          put_field (out, name, TRUE);
          put_field (out, gls_annotation_get_id (annotation), FALSE);
          put_field (out, category, FALSE);
          put_field (out, _gls_format_category_label (document, category), FALSE);
          put_uint (out, span.start);
          put_uint (out, span.end);
          put_field (out, exact, FALSE);
          put_field (out, prefix, FALSE);
          put_field (out, suffix, FALSE);
          put_field (out, gls_annotation_get_note (annotation), FALSE);
          put_field (out, gls_annotation_get_annotator (annotation), FALSE);
          put_field (out, gls_annotation_get_created (annotation), FALSE);
          put_field (out, gls_annotation_get_modified (annotation), FALSE);
          g_string_append (out, "\r\n");
        }
    }
}

GBytes *
_gls_format_csv_export_many (GlsDocument **documents,
                             guint         n_documents,
                             GError      **error)
{
  GString *out = g_string_sized_new (4096);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    put_field (out, columns[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n_documents; i++)
    put_rows (out, documents[i]);

  return g_string_free_to_bytes (out);
}

GBytes *
_gls_format_csv_export (GlsDocument  *document,
                        GError      **error)
{
  return _gls_format_csv_export_many (&document, 1, error);
}

static const char *relation_columns[] = {
  "document", "id", "type", "from", "from category", "from exact",
  "to", "to document", "to id", "to category", "to exact", "state",
};

/* The article a sidecar belongs to: its name without ".annotations.xml". */
static char *
article_of_sidecar (GFile *sidecar)
{
  g_autofree char *name = g_file_get_basename (sidecar);

  if (g_str_has_suffix (name, ".annotations.xml"))
    name[strlen (name) - strlen (".annotations.xml")] = '\0';

  return g_steal_pointer (&name);
}

static const char *
link_state_name (GlsLinkState state)
{
  switch (state)
    {
    case GLS_LINK_OK: return "ok";
    case GLS_LINK_NO_FILE: return "no-file";
    case GLS_LINK_NO_ANNOTATION: return "no-annotation";
    default: g_assert_not_reached ();
    }
}

static void
put_relation_rows (GString         *out,
                   GlsDocument     *document,
                   GlsLinkResolver *resolver)
{
  GListModel *relations = gls_document_get_relations (document);
  g_autofree char *name = _gls_format_source_name (document);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GlsLinkEnd) from = gls_link_resolver_resolve (resolver, document, gls_relation_get_from (relation));
      g_autoptr(GlsLinkEnd) to = gls_link_resolver_resolve (resolver, document, gls_relation_get_to (relation));
      g_autofree char *to_document = NULL;

      /* a relation inside the article names it; a link names the other
       * article as its sidecar's file name says, even when it is gone, and
       * nothing when its reference cannot be read */
      if (!gls_relation_is_link (relation))
        to_document = g_strdup (name);
      else if (to->sidecar != NULL)
        to_document = article_of_sidecar (to->sidecar);

      put_field (out, name, TRUE);
      put_field (out, gls_relation_get_id (relation), FALSE);
      put_field (out, gls_relation_get_relation_type (relation), FALSE);
      put_field (out, gls_relation_get_from (relation), FALSE);
      put_field (out, from->category, FALSE);
      put_field (out, from->quote, FALSE);
      put_field (out, gls_relation_get_to (relation), FALSE);
      put_field (out, to_document, FALSE);
      put_field (out, to->id, FALSE);
      put_field (out, to->category, FALSE);
      put_field (out, to->quote, FALSE);
      put_field (out, link_state_name (to->state), FALSE);
      g_string_append (out, "\r\n");
    }
}

/**
 * gls_format_csv_export_relations:
 * @documents: (array length=n_documents): the articles
 *
 * The relations of @documents as CSV, one row per relation, with the
 * quotes and categories of both ends. The other end of a link to another
 * article is read from that article's sidecar (or from one of @documents,
 * whose unsaved annotations count); a dangling one is written with its
 * state ("no-file", "no-annotation") and empty quote, never left out.
 */
GBytes *
gls_format_csv_export_relations (GlsDocument **documents,
                                 guint         n_documents)
{
  g_autoptr(GlsLinkResolver) resolver = gls_link_resolver_new ();
  GString *out = g_string_sized_new (4096);

  for (guint i = 0; i < n_documents; i++)
    gls_link_resolver_add_document (resolver, documents[i]);

  for (guint i = 0; i < G_N_ELEMENTS (relation_columns); i++)
    put_field (out, relation_columns[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n_documents; i++)
    put_relation_rows (out, documents[i], resolver);

  return g_string_free_to_bytes (out);
}
