/* gls-stats-csv.c
 * Statistics as CSV (RFC 4180): a header line, then for each article one
 * row per category of its codebook and per other category it uses, with
 * the annotations, the characters they cover and the notes. */
#define G_LOG_DOMAIN "gls-stats-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-atomic-file-private.h"
#include "gls-corpus.h"
#include "gls-document-file.h"
#include "gls-error.h"
#include "gls-stats-csv.h"

/* The columns never change with the language: a script reads them. */
#define HEADER "source,state,category,label,annotations,characters,notes\r\n"

/**
 * gls_spans_count_covered:
 * @spans: (element-type GlsSpan): sorted in place
 *
 * Returns: the number of characters at least one of @spans covers
 */
guint64
gls_spans_count_covered (GArray *spans)
{
  guint64 total = 0;
  guint reach = 0;

  g_return_val_if_fail (spans != NULL, 0);

  g_array_sort (spans, gls_span_compare);
  for (guint i = 0; i < spans->len; i++)
    {
      const GlsSpan *span = &g_array_index (spans, GlsSpan, i);
      guint from = MAX (span->start, reach);

      if (span->end > from)
        {
          total += span->end - from;
          reach = span->end;
        }
    }

  return total;
}

/* A field as RFC 4180 quotes it. One a spreadsheet would run as a formula
 * (it starts with = + - @, a tab, a carriage return or an apostrophe)
 * gets one leading apostrophe, as the CSV export does. */
static void
append_field (GString    *out,
              const char *value)
{
  gboolean formula = value[0] != '\0' && strchr ("=+-@\t\r'", value[0]) != NULL;
  gboolean quoted = strpbrk (value, ",\"\r\n") != NULL;

  if (quoted)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '"')
        g_string_append_c (out, '"');
    }
  if (quoted)
    g_string_append_c (out, '"');
}

void
gls_stats_csv_append_header (GString *out)
{
  g_return_if_fail (out != NULL);

  g_string_append (out, HEADER);
}

typedef struct
{
  const char *category;
  guint       annotations;
  guint       notes;
  GArray     *spans;
} Row;

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->spans, g_array_unref);
}

static Row *
row_for (GArray     *rows,
         const char *category)
{
  Row row = { category, 0, 0, NULL };

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_array_index (rows, Row, i).category, category) == 0)
      return &g_array_index (rows, Row, i);

  row.spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  g_array_append_val (rows, row);

  return &g_array_index (rows, Row, rows->len - 1);
}

/**
 * gls_stats_csv_append_document:
 * @source: the article as the rows name it
 *
 * Appends @document's rows: its codebook's categories in order, used or
 * not, then the categories it uses that its codebook lacks (with an empty
 * label). An orphaned annotation is counted, its characters are not.
 */
void
gls_stats_csv_append_document (GString     *out,
                               const char  *source,
                               GlsDocument *document)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  GlsCodebook *codebook;
  GlsAnnotationList *annotations;
  const char *state;

  g_return_if_fail (out != NULL);
  g_return_if_fail (source != NULL);
  g_return_if_fail (GLS_IS_DOCUMENT (document));

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  codebook = gls_document_get_codebook (document);
  annotations = gls_document_get_annotations (document);
  state = gls_work_state_to_string (gls_document_get_work_state (document));

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    row_for (rows, gls_category_get_id (gls_codebook_get_category (codebook, i)));

  for (guint i = 0; i < gls_document_get_n_annotations (document); i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (annotations, i);
      Row *row = row_for (rows, gls_annotation_get_category (annotation));
      const char *note = gls_annotation_get_note (annotation);

      row->annotations++;
      if (note != NULL && *note != '\0')
        row->notes++;
      if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
        continue;
      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);

          g_array_append_val (row->spans, span);
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      GlsCategory *known = gls_codebook_lookup (codebook, row->category);

      append_field (out, source);
      g_string_append_printf (out, ",%s,", state);
      append_field (out, row->category);
      g_string_append_c (out, ',');
      append_field (out, known != NULL ? gls_category_get_label (known) : "");
      g_string_append_printf (out, ",%u,%" G_GUINT64_FORMAT ",%u\r\n",
                              row->annotations, gls_spans_count_covered (row->spans), row->notes);
    }
}

/* In a worker thread: every article of the folder, read changing
 * nothing; one that cannot be read is left out and counted. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *folder = g_object_get_data (G_OBJECT (task), "folder");
  GFile *output = task_data;
  g_autofree char *root = g_file_get_path (folder);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GlsAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  if (root == NULL || (names = gls_corpus_list_articles (root, GLS_CORPUS_NONE, cancellable, &error)) == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only a folder on this computer can be opened as a corpus"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  gls_stats_csv_append_header (out);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) article = g_file_resolve_relative_path (folder, name);
      g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (article);

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_READ_ONLY, cancellable, NULL))
        {
          n_failed++;
          continue;
        }
      gls_stats_csv_append_document (out, name, gls_document_file_get_document (document_file));
    }

  /* a write that fails is told by the commit, which leaves the old file */
  if ((file = _gls_atomic_file_new (output, &error)) != NULL)
    _gls_atomic_file_write (file, out->str, out->len);
  if (file == NULL || !_gls_atomic_file_commit (file, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, n_failed);
}

/**
 * gls_stats_csv_export_async:
 * @folder: the corpus
 * @output: the CSV file, replaced safely
 *
 * Writes the statistics of every article of @folder (gls_corpus_list_articles())
 * to @output, in a worker thread; the articles are named by their paths
 * in the folder.
 */
void
gls_stats_csv_export_async (GFile               *folder,
                            GFile               *output,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (G_IS_FILE (output));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gls_stats_csv_export_async);
  g_task_set_task_data (task, g_object_ref (output), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "folder", g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

/**
 * gls_stats_csv_export_finish:
 * @n_failed: (out) (optional): how many articles could not be read and
 *   were left out
 */
gboolean
gls_stats_csv_export_finish (GAsyncResult  *result,
                             guint         *n_failed,
                             GError       **error)
{
  gssize failed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  failed = g_task_propagate_int (G_TASK (result), error);
  if (failed < 0)
    return FALSE;
  if (n_failed != NULL)
    *n_failed = (guint) failed;

  return TRUE;
}
