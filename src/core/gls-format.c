/* gls-format.c
 * The table of export and import formats, the import report, and what the
 * formats share: offsets as other tools count them (and the importer, in
 * gls-format-import.c). */
#define G_LOG_DOMAIN "gls-format"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-annotation-list-private.h"
#include "gls-format-private.h"

static const GlsFormat formats[] = {
  { "inline", N_("Glossator inline XML"), ".inline.xml", "application/xml", FALSE,
    _gls_format_inline_export, NULL, _gls_format_inline_import },
  { "tei", N_("TEI P5 XML"), ".tei.xml", "application/tei+xml", FALSE,
    _gls_format_tei_export, NULL, NULL },
  { "csv", N_("CSV table"), ".csv", "text/csv", FALSE,
    _gls_format_csv_export, _gls_format_csv_export_many, NULL },
  { "brat", N_("brat standoff"), ".ann", "text/plain", TRUE,
    _gls_format_brat_export, NULL, _gls_format_brat_import },
  { "semeval", N_("SemEval-2020 task 11 labels"), ".labels", "text/tab-separated-values", TRUE,
    _gls_format_semeval_export, NULL, _gls_format_semeval_import },
  { "webanno", N_("W3C Web Annotation (JSON-LD)"), ".jsonld", "application/ld+json", FALSE,
    _gls_format_webanno_export, NULL, NULL },
};

guint
gls_format_get_n_formats (void)
{
  return G_N_ELEMENTS (formats);
}

const GlsFormat *
gls_format_get_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (formats), NULL);

  return &formats[n];
}

/**
 * gls_format_lookup:
 * @name: a format name, as on the command line: "inline", "tei", "csv",
 *   "brat", "semeval" or "webanno"
 *
 * Returns: (nullable): the format, or %NULL if there is none of that name
 */
const GlsFormat *
gls_format_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (strcmp (formats[i].name, name) == 0)
      return &formats[i];

  return NULL;
}

/**
 * gls_format_list_names:
 *
 * Returns: (transfer full): the names of the formats, "inline, tei, …",
 *   for messages
 */
char *
gls_format_list_names (gboolean importable_only)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (importable_only && formats[i].import_document == NULL)
        continue;
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, formats[i].name);
    }

  return g_string_free (str, FALSE);
}

/**
 * gls_format_dup_file_name:
 * @source_name: the article's file name, such as "article.txt"
 *
 * Returns: (transfer full): the name of its file in @format:
 *   "article.ann" for brat and SemEval, "article.txt.tei.xml" for the
 *   others
 */
char *
gls_format_dup_file_name (const GlsFormat *format,
                          const char      *source_name)
{
  const char *dot;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  dot = strrchr (source_name, '.');
  if (format->replaces_extension && dot != NULL && dot != source_name)
    {
      g_autofree char *stem = g_strndup (source_name, dot - source_name);
      return g_strconcat (stem, format->extension, NULL);
    }

  return g_strconcat (source_name, format->extension, NULL);
}

GBytes *
gls_format_export (const GlsFormat  *format,
                   GlsDocument      *document,
                   GError          **error)
{
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);

  return format->export_document (document, error);
}

/**
 * gls_format_import:
 * @report: where the counts and problems go
 *
 * Imports @bytes into @document as one step to undo. A file with any
 * error is refused as a whole: nothing changes, and @error lists every
 * problem as "FILE:LINE: message".
 */
gboolean
gls_format_import (const GlsFormat  *format,
                   GlsDocument      *document,
                   GBytes           *bytes,
                   const char       *display_name,
                   GlsImportFlags    flags,
                   GlsImportReport  *report,
                   GError          **error)
{
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (GLS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (format->import_document == NULL)
    {
      g_autofree char *names = gls_format_list_names (TRUE);

      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED,
                   _("Glossator cannot import the format “%s”; it imports %s"),
                   format->name, names);
      return FALSE;
    }

  return format->import_document (document, bytes, display_name, flags, report, error);
}

/* ------------------------------------------------------------------ */
/* The import report                                                   */

typedef struct
{
  char  *kind;
  char  *label;
  guint  imported;
  guint  skipped;
} Count;

struct _GlsImportReport
{
  GPtrArray *problems;   /* GlsProblem */
  GArray    *counts;     /* Count, in the order first counted */
};

static void
count_clear (Count *count)
{
  g_free (count->kind);
  g_free (count->label);
}

GlsImportReport *
gls_import_report_new (void)
{
  GlsImportReport *report = g_new0 (GlsImportReport, 1);

  report->problems = gls_problems_new ();
  report->counts = g_array_new (FALSE, TRUE, sizeof (Count));
  g_array_set_clear_func (report->counts, (GDestroyNotify) count_clear);

  return report;
}

void
gls_import_report_free (GlsImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->problems);
  g_array_unref (report->counts);
  g_free (report);
}

/**
 * gls_import_report_get_problems:
 *
 * Returns: (transfer none) (element-type GlsProblem): the errors and
 *   warnings, in the order found
 */
GPtrArray *
gls_import_report_get_problems (GlsImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->problems;
}

static Count *
find_count (GlsImportReport *report,
            const char      *kind)
{
  for (guint i = 0; i < report->counts->len; i++)
    {
      Count *count = &g_array_index (report->counts, Count, i);

      if (strcmp (count->kind, kind) == 0)
        return count;
    }

  return NULL;
}

/**
 * gls_import_report_count:
 * @kind: a key for programs, such as "annotation" or "brat-event"
 * @label: the kind for the user, translated: "annotations"
 * @imported: whether these were taken (%TRUE) or skipped (%FALSE)
 *
 * Adds @n to the count of @kind.
 */
void
gls_import_report_count (GlsImportReport *report,
                         const char      *kind,
                         const char      *label,
                         gboolean         imported,
                         guint            n)
{
  Count *count;

  g_return_if_fail (report != NULL);
  g_return_if_fail (kind != NULL);

  if ((count = find_count (report, kind)) == NULL)
    {
      Count fresh = { g_strdup (kind), g_strdup (label ? label : kind), 0, 0 };

      g_array_append_val (report->counts, fresh);
      count = &g_array_index (report->counts, Count, report->counts->len - 1);
    }

  if (imported)
    count->imported += n;
  else
    count->skipped += n;
}

guint
gls_import_report_get_imported (GlsImportReport *report,
                                const char      *kind)
{
  Count *count;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (kind != NULL, 0);

  count = find_count (report, kind);

  return count ? count->imported : 0;
}

guint
gls_import_report_get_skipped (GlsImportReport *report,
                               const char      *kind)
{
  Count *count;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (kind != NULL, 0);

  count = find_count (report, kind);

  return count ? count->skipped : 0;
}

guint
gls_import_report_get_n_kinds (GlsImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->counts->len;
}

/**
 * gls_import_report_get_kind:
 * @label: (out) (optional): the kind for the user
 * @imported: (out) (optional): how many were taken
 * @skipped: (out) (optional): how many were not
 *
 * Returns: the key of the @n-th kind counted
 */
const char *
gls_import_report_get_kind (GlsImportReport  *report,
                            guint             n,
                            const char      **label,
                            guint            *imported,
                            guint            *skipped)
{
  const Count *count;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (n < report->counts->len, NULL);

  count = &g_array_index (report->counts, Count, n);
  if (label != NULL)
    *label = count->label;
  if (imported != NULL)
    *imported = count->imported;
  if (skipped != NULL)
    *skipped = count->skipped;

  return count->kind;
}

/**
 * gls_import_report_to_string:
 *
 * Returns: (transfer full): what was imported and what was skipped, one
 *   kind per line, for the user
 */
char *
gls_import_report_to_string (GlsImportReport *report)
{
  GString *str = g_string_new (NULL);
  gboolean any = FALSE;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean header = FALSE;

      for (guint i = 0; i < report->counts->len; i++)
        {
          const Count *count = &g_array_index (report->counts, Count, i);
          guint n = pass == 0 ? count->imported : count->skipped;

          if (n == 0)
            continue;

          if (!header)
            {
              g_string_append (str, pass == 0 ? _("Imported:") : _("Not imported:"));
              g_string_append_c (str, '\n');
              header = TRUE;
            }
          /* Translators: one line of an import report: "  annotations: 12" */
          g_string_append_printf (str, _("  %s: %u"), count->label, n);
          g_string_append_c (str, '\n');
          any = TRUE;
        }
    }

  if (!any)
    {
      g_string_append (str, _("Nothing to import: the file holds no annotations."));
      g_string_append_c (str, '\n');
    }

  return g_string_free (str, FALSE);
}

/* ------------------------------------------------------------------ */
/* Shared by the exporters                                             */

/* The article's file name, as the formats name their source. */
char *
_gls_format_source_name (GlsDocument *document)
{
  GlsSource *source = gls_document_get_source (document);
  GFile *file = gls_source_get_file (source);

  if (file != NULL)
    return g_file_get_basename (file);

  return g_path_get_basename (gls_source_get_display_name (source));
}

typedef struct
{
  GPtrArray *annotations;
  gboolean   orphaned_too;
} Collect;

static void
collect_annotation (gpointer item,
                    gpointer user_data)
{
  Collect *collect = user_data;

  if (collect->orphaned_too || _gls_format_is_exported (item))
    g_ptr_array_add (collect->annotations, item);
}

/* The annotations in text order (borrowed), in O(n). */
GPtrArray *
_gls_format_dup_annotations (GlsDocument *document,
                             gboolean     orphaned_too)
{
  Collect collect = {
    g_ptr_array_sized_new (gls_document_get_n_annotations (document)),
    orphaned_too,
  };

  _gls_annotation_list_foreach (gls_document_get_annotations (document), collect_annotation, &collect);

  return collect.annotations;
}

/* The name a category had where it came from (the id for Glossator's own),
 * or the id itself when the codebook lacks it. */
const char *
_gls_format_category_name (GlsDocument *document,
                           const char  *category)
{
  GlsCategory *found = gls_codebook_lookup (gls_document_get_codebook (document), category);

  return found ? gls_category_get_original_name (found) : category;
}

const char *
_gls_format_category_label (GlsDocument *document,
                            const char  *category)
{
  GlsCategory *found = gls_codebook_lookup (gls_document_get_codebook (document), category);
  const char *label = found ? gls_category_get_label (found) : NULL;

  return label ? label : _gls_format_category_name (document, category);
}

/* Orphaned annotations have no place in the text: only the inline format,
 * which keeps everything, writes them. */
gboolean
_gls_format_is_exported (GlsAnnotation *annotation)
{
  return gls_annotation_get_anchor (annotation) != GLS_ANCHOR_ORPHANED;
}

/* The text of @span and up to GLS_FORMAT_CONTEXT_LENGTH code points either
 * side, as they are (no character replaced), finding each place in the
 * text once. */
void
_gls_format_dup_quote (GlsSource  *source,
                       GlsSpan     span,
                       char      **prefix,
                       char      **exact,
                       char      **suffix)
{
  guint length = gls_source_get_length (source);
  guint before = span.start > GLS_FORMAT_CONTEXT_LENGTH ? span.start - GLS_FORMAT_CONTEXT_LENGTH : 0;
  guint after = MIN (length, span.end + GLS_FORMAT_CONTEXT_LENGTH);
  const char *p_before = gls_source_get_pointer (source, before);
  const char *p_start = g_utf8_offset_to_pointer (p_before, span.start - before);
  const char *p_end = gls_source_get_pointer (source, span.end);
  const char *p_after = g_utf8_offset_to_pointer (p_end, after - span.end);

  *prefix = g_strndup (p_before, p_start - p_before);
  *exact = g_strndup (p_start, p_end - p_start);
  *suffix = g_strndup (p_end, p_after - p_end);
}




/* ------------------------------------------------------------------ */
/* Offsets as other tools count them                                   */

void
_gls_offset_map_init (GlsOffsetMap *map,
                      GlsSource    *source,
                      gboolean      fold_crlf,
                      gboolean      count_bom)
{
  g_autoptr(GArray) crlf = NULL;

  memset (map, 0, sizeof *map);
  map->length = gls_source_get_length (source);
  map->bom = count_bom && gls_source_get_bom (source) ? 1 : 0;

  if (fold_crlf && (gls_source_get_newlines (source) == GLS_NEWLINES_CRLF ||
                    gls_source_get_newlines (source) == GLS_NEWLINES_MIXED))
    {
      gsize n_bytes;
      const char *text = gls_source_get_text (source, &n_bytes);
      const guchar *p = (const guchar *) text, *end = p + n_bytes;
      guint offset = 0;

      crlf = g_array_new (FALSE, FALSE, sizeof (guint));
      for (; p < end; p++)
        {
          if ((*p & 0xC0) == 0x80)
            continue;
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            g_array_append_val (crlf, offset);
          offset++;
        }

      map->n_crlf = crlf->len;
      map->crlf = (guint *) g_array_free (g_steal_pointer (&crlf), FALSE);
    }
}

void
_gls_offset_map_clear (GlsOffsetMap *map)
{
  g_clear_pointer (&map->crlf, g_free);
  map->n_crlf = 0;
}

guint
_gls_offset_map_external_length (const GlsOffsetMap *map)
{
  return map->length - map->n_crlf + map->bom;
}

/* How many CRLF have their LF before @offset. */
static guint
count_folded_before (const GlsOffsetMap *map,
                     guint               offset)
{
  guint lo = 0, hi = map->n_crlf;

  /* the first j with crlf[j] + 1 >= offset */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (map->crlf[mid] + 1 < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
_gls_offset_map_to_external (const GlsOffsetMap *map,
                             guint               offset)
{
  return offset - count_folded_before (map, offset) + map->bom;
}

/* Returns FALSE when @external lies in the BOM or beyond the text. */
gboolean
_gls_offset_map_from_external (const GlsOffsetMap *map,
                               guint64             external,
                               guint              *offset)
{
  guint lo = 0, hi = map->n_crlf;
  guint64 x;

  if (external < map->bom || external > _gls_offset_map_external_length (map))
    return FALSE;

  x = external - map->bom;

  /* the number of CRLF that start before x in the folded text */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guint64) (map->crlf[mid] - mid) < x)
        lo = mid + 1;
      else
        hi = mid;
    }

  *offset = (guint) x + lo;

  return TRUE;
}
