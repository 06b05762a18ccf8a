/* gls-format.c
 * The table of export and import formats, the import report, and what the
 * formats share: offsets as other tools count them and the importer. */
#define G_LOG_DOMAIN "gls-format"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-annotation-list-private.h"
#include "gls-format-private.h"
#include "gls-xml-private.h"
#include "gls-names-private.h"

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

/* ------------------------------------------------------------------ */
/* The importer                                                        */

/* Colours for the categories an import adds, readable in light and dark
 * styles (GNOME's palette, 3). */
static const char *palette[] = {
  "#3584e4", "#2ec27e", "#f6d32d", "#ff7800", "#e01b24", "#9141ac",
  "#986a44", "#33d17a", "#c061cb", "#62a0ea",
};

void
_gls_importer_init (GlsImporter     *importer,
                    GlsDocument     *document,
                    const char      *display_name,
                    GlsImportFlags   flags,
                    GlsImportReport *report)
{
  memset (importer, 0, sizeof *importer);
  importer->document = document;
  importer->display_name = display_name;
  importer->flags = flags;
  importer->report = report;
  importer->codebook = g_object_ref (gls_document_get_codebook (document));
  importer->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_gls_importer_clear (GlsImporter *importer)
{
  if (importer->in_group)
    _gls_importer_end (importer);

  g_clear_object (&importer->codebook);
  g_clear_pointer (&importer->categories, g_hash_table_unref);
  g_clear_pointer (&importer->existing, g_hash_table_unref);
  g_clear_pointer (&importer->relations, g_hash_table_unref);
}

static void
add_problem (GlsImporter        *importer,
             GlsProblemSeverity  severity,
             guint               line,
             const char         *message)
{
  g_ptr_array_add (gls_import_report_get_problems (importer->report),
                   gls_problem_new (severity, importer->display_name, line, 0, message));
}

void
_gls_importer_error (GlsImporter *importer,
                     guint        line,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (importer, GLS_PROBLEM_ERROR, line, message);
  importer->n_errors++;
}

void
_gls_importer_warning (GlsImporter *importer,
                       guint        line,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (importer, GLS_PROBLEM_WARNING, line, message);
}

/* Returns FALSE, with @error listing every error, when any was found. */
gboolean
_gls_importer_check (GlsImporter  *importer,
                     GError      **error)
{
  g_autofree char *message = NULL;

  if (importer->n_errors == 0)
    return TRUE;

  message = gls_problems_to_string (gls_import_report_get_problems (importer->report),
                                    GLS_PROBLEM_ERROR);
  g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, message);

  return FALSE;
}

static void
ensure_codebook_copy (GlsImporter *importer)
{
  if (!importer->codebook_copied)
    {
      GlsCodebook *copy = gls_codebook_copy (importer->codebook);

      g_object_unref (importer->codebook);
      importer->codebook = copy;
      importer->codebook_copied = TRUE;
    }
}

/* Makes @codebook the document's when the import is applied (the inline
 * format's --replace). */
void
_gls_importer_set_codebook (GlsImporter *importer,
                            GlsCodebook *codebook)
{
  g_set_object (&importer->codebook, codebook);
  importer->codebook_copied = TRUE;
  g_hash_table_remove_all (importer->categories);
}

/**
 * _gls_importer_category:
 * @name: a category name as another tool spells it, such as a brat type
 *   or "Name_Calling,Labeling"
 *
 * Returns: the id of the category called @name, which is added to (a copy
 *   of) the codebook if it has none: with @name as its id when @name is an
 *   NCName, else with a derived id that keeps @name as its original name
 */
const char *
_gls_importer_category (GlsImporter *importer,
                        const char  *name)
{
  g_autoptr(GlsCategory) category = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GlsCategory *found;
  const char *cached;

  if ((cached = g_hash_table_lookup (importer->categories, name)) != NULL)
    return cached;

  found = gls_codebook_lookup_name (importer->codebook, name);
  if (found != NULL)
    {
      id = g_strdup (gls_category_get_id (found));
    }
  else
    {
      ensure_codebook_copy (importer);
      id = gls_codebook_derive_id (importer->codebook, name);
      category = gls_category_new (id);
      if (strcmp (id, name) != 0)
        gls_category_set_name (category, name);
      gls_category_set_label (category, NULL, name);
      gls_category_set_color (category, palette[importer->n_new_categories % G_N_ELEMENTS (palette)]);
      if (!gls_codebook_add_category (importer->codebook, NULL, category, &error))
        g_critical ("Cannot add the imported category “%s”: %s", id, error->message);
      importer->n_new_categories++;
      gls_import_report_count (importer->report, GLS_KIND_CATEGORY, _("new categories"), TRUE, 1);
    }

  g_hash_table_insert (importer->categories, g_strdup (name), g_strdup (id));

  return g_hash_table_lookup (importer->categories, name);
}

static char *
span_key (const char    *category,
          const GlsSpan *spans,
          guint          n_spans)
{
  GString *key = g_string_new (category);

  for (guint i = 0; i < n_spans; i++)
    g_string_append_printf (key, "%c%u-%u", i == 0 ? '\x1f' : ';', spans[i].start, spans[i].end);

  return g_string_free (key, FALSE);
}

static char *
relation_key (const char *type,
              const char *from,
              const char *to)
{
  return g_strconcat (type, "\x1f", from, "\x1f", to, NULL);
}

/* Starts the changes: one group to undo, the old annotations gone with
 * GLS_IMPORT_REPLACE, the codebook with the new categories in place. */
void
_gls_importer_begin (GlsImporter *importer)
{
  GlsDocument *document = importer->document;
  GListModel *relations = gls_document_get_relations (document);
  guint n;

  g_assert (!importer->in_group);

  gls_document_begin_group (document);
  importer->in_group = TRUE;

  if (importer->flags & GLS_IMPORT_REPLACE)
    {
      g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
      GlsAnnotationList *list = gls_document_get_annotations (document);

      n = gls_document_get_n_annotations (document);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (old, g_object_ref (gls_annotation_list_get (list, i)));

      /* The relations first, so that removing each annotation does not
       * search them all. */
      while (g_list_model_get_n_items (relations) > 0)
        {
          g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, 0);
          gls_document_remove_relation (document, relation);
        }
      for (guint i = 0; i < old->len; i++)
        gls_document_remove_annotation (document, g_ptr_array_index (old, i));

      if (old->len > 0)
        gls_import_report_count (importer->report, GLS_KIND_REMOVED,
                                 _("annotations removed first (replace)"), TRUE, old->len);
    }

  if (importer->codebook_copied && importer->codebook != gls_document_get_codebook (document))
    gls_document_set_codebook (document, importer->codebook);

  importer->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  n = gls_document_get_n_annotations (document);
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (gls_document_get_annotations (document), i);
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
      g_autofree char *key = NULL;
      GPtrArray *twins;

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_array_append_val (spans, span);
        }
      key = span_key (annotation->category, (const GlsSpan *) spans->data, spans->len);
      twins = g_hash_table_lookup (importer->existing, key);
      if (twins == NULL)
        {
          twins = g_ptr_array_new ();
          g_hash_table_insert (importer->existing, g_steal_pointer (&key), twins);
        }
      g_ptr_array_add (twins, annotation);
    }

  importer->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);

      g_hash_table_add (importer->relations,
                        relation_key (gls_relation_get_relation_type (relation),
                                      gls_relation_get_from (relation),
                                      gls_relation_get_to (relation)));
    }
}

void
_gls_importer_end (GlsImporter *importer)
{
  g_assert (importer->in_group);

  importer->in_group = FALSE;
  gls_document_end_group (importer->document);
}

/**
 * _gls_importer_claim_existing:
 * @spans: (element-type GlsSpan): sorted by start
 * @score: (nullable): how well an annotation already there matches what
 *   the file says about this one; the best is taken
 *
 * Importing the same file twice adds nothing the second time: each
 * annotation of the file is matched with one the document had before the
 * import, of the same category and spans, not yet matched with another
 * (a file may hold the same span twice).
 *
 * Returns: (nullable): that annotation, or %NULL if there is none
 */
GlsAnnotation *
_gls_importer_claim_existing (GlsImporter *importer,
                              const char  *category,
                              GArray      *spans,
                              GlsScoreFunc score,
                              gpointer     user_data)
{
  g_autofree char *key = span_key (category, (const GlsSpan *) spans->data, spans->len);
  GPtrArray *twins;
  GlsAnnotation *best = NULL;
  int best_score = G_MININT;
  guint best_index = 0;

  g_assert (importer->existing != NULL);

  if ((twins = g_hash_table_lookup (importer->existing, key)) == NULL)
    return NULL;

  for (guint i = 0; i < twins->len; i++)
    {
      GlsAnnotation *twin = g_ptr_array_index (twins, i);
      int value = score && twins->len > 1 ? score (twin, user_data) : 0;

      if (value > best_score)
        {
          best = twin;
          best_score = value;
          best_index = i;
        }
    }

  if (best != NULL)
    g_ptr_array_remove_index (twins, best_index);

  return best;
}

gboolean
_gls_importer_has_relation (GlsImporter *importer,
                            const char  *type,
                            const char  *from,
                            const char  *to)
{
  g_autofree char *key = relation_key (type, from, to);

  g_assert (importer->relations != NULL);

  return g_hash_table_contains (importer->relations, key);
}

static gboolean
is_in_document (GlsImporter   *importer,
                GlsAnnotation *annotation)
{
  return gls_document_lookup_annotation (importer->document, gls_annotation_get_id (annotation)) == annotation;
}

/* Adds a new annotation, its note and attributes already set. */
gboolean
_gls_importer_add (GlsImporter   *importer,
                   GlsAnnotation *annotation)
{
  g_autoptr(GError) error = NULL;

  g_assert (importer->in_group);

  if (!gls_document_add_annotation (importer->document, annotation, &error))
    {
      /* Everything was checked before: this is a bug, but not a reason
       * to lose the rest of the import. */
      _gls_importer_warning (importer, annotation->line, "%s", error->message);
      return FALSE;
    }

  gls_import_report_count (importer->report, GLS_KIND_ANNOTATION, _("annotations"), TRUE, 1);

  return TRUE;
}

GlsRelation *
_gls_importer_relate (GlsImporter   *importer,
                      const char    *type,
                      GlsAnnotation *from,
                      GlsAnnotation *to)
{
  g_autoptr(GError) error = NULL;
  GlsRelation *relation;

  if (_gls_importer_has_relation (importer, type, gls_annotation_get_id (from), gls_annotation_get_id (to)))
    {
      gls_import_report_count (importer->report, GLS_KIND_RELATION,
                               _("relations"), FALSE, 1);
      return NULL;
    }

  relation = gls_document_add_relation (importer->document, type, from, to, &error);
  if (relation == NULL)
    {
      _gls_importer_warning (importer, 0, "%s", error->message);
      return NULL;
    }

  g_hash_table_add (importer->relations,
                    relation_key (type, gls_annotation_get_id (from), gls_annotation_get_id (to)));
  gls_import_report_count (importer->report, GLS_KIND_RELATION, _("relations"), TRUE, 1);

  return relation;
}

/* Whether @annotation has this very pair (a name may repeat). */
static gboolean
has_attribute (GlsAnnotation *annotation,
               const char    *name,
               const char    *value)
{
  for (guint i = 0; i < gls_annotation_get_n_attributes (annotation); i++)
    if (g_strcmp0 (gls_annotation_get_attribute_name (annotation, i), name) == 0 &&
        g_strcmp0 (gls_annotation_get_attribute_value (annotation, i), value) == 0)
      return TRUE;

  return FALSE;
}

/* Sets an attribute: on a new annotation before it is added (a name may
 * then repeat), on one already in the document through the history,
 * unless it has that value already. With @count, it is counted in the
 * report as an attribute. */
void
_gls_importer_add_attribute (GlsImporter   *importer,
                             GlsAnnotation *annotation,
                             const char    *name,
                             const char    *value,
                             gboolean       count)
{
  g_autofree char *clean = _gls_clean_xml_text (value ? value : "");

  if (!is_in_document (importer, annotation))
    {
      g_ptr_array_add (annotation->attributes, g_strdup (name));
      g_ptr_array_add (annotation->attributes, g_steal_pointer (&clean));
      if (count)
        gls_import_report_count (importer->report, GLS_KIND_ATTRIBUTE, _("attributes"), TRUE, 1);
      return;
    }

  if (has_attribute (annotation, name, clean))
    {
      if (count)
        gls_import_report_count (importer->report, GLS_KIND_ATTRIBUTE, _("attributes"), FALSE, 1);
      return;
    }

  gls_document_set_attribute (importer->document, annotation, name, clean);
  if (count)
    gls_import_report_count (importer->report, GLS_KIND_ATTRIBUTE, _("attributes"), TRUE, 1);
}

/* Adds @note to the annotation's note, on a line of its own, unless it is
 * there already. */
void
_gls_importer_add_note (GlsImporter   *importer,
                        GlsAnnotation *annotation,
                        const char    *note)
{
  const char *old = gls_annotation_get_note (annotation);
  g_autofree char *clean = _gls_clean_xml_text (note);
  g_autofree char *combined = NULL;

  if (clean == NULL || *clean == '\0')
    return;

  if (old != NULL && strstr (old, clean) != NULL)
    {
      gls_import_report_count (importer->report, GLS_KIND_NOTE, _("notes"), FALSE, 1);
      return;
    }

  combined = (old != NULL && *old != '\0') ? g_strconcat (old, "\n", clean, NULL) : g_strdup (clean);

  if (is_in_document (importer, annotation))
    gls_document_set_annotation_note (importer->document, annotation, combined);
  else
    _gls_set_string (&annotation->note, combined);

  gls_import_report_count (importer->report, GLS_KIND_NOTE, _("notes"), TRUE, 1);
}
