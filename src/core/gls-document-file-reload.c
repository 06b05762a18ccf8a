/* gls-document-file-reload.c
 * The article changed on disk while open: it is read again and the
 * annotations, saved or not, follow its new text (FORMAT.md §2.1); and a
 * save never writes the old article's hash over the new one. */
#define G_LOG_DOMAIN "gls-document-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-document-file-private.h"
#include "gls-error.h"
#include "gls-file-reader.h"

/* In a worker thread: the new article, and the annotations as the window
 * holds them (written to bytes and read back, as a save and a load would),
 * re-anchored to it. */
gboolean
_gls_file_job_reload_article (GlsFileJob    *job,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GlsSource) source = NULL;
  g_autofree char *name = NULL;
  GlsDocument *document;
  /* a byte-order mark wins over the encoding the article had (FORMAT.md §5) */
  const char *encoding = gls_file_starts_with_bom (job->target) ? NULL : job->encoding;

  job->problems = gls_problems_new ();

  if ((source = gls_source_new_for_file (job->target, encoding, cancellable, error)) == NULL)
    return FALSE;
  job->source_etag = _gls_document_file_query_etag (job->target, NULL);

  bytes = _gls_sidecar_write_bytes (job->snapshot);
  name = g_file_get_parse_name (job->target);
  if ((data = _gls_sidecar_read (bytes, name, job->problems, error)) == NULL)
    return FALSE;

  document = job->document = gls_document_new (source, data->codebook);
  document->source_etag = g_strdup (job->source_etag);
  if (!_gls_document_adopt (document, data, job->problems))
    {
      g_autofree char *message = gls_problems_to_string (job->problems, GLS_PROBLEM_ERROR);

      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, message);
      return FALSE;
    }

  /* the file on disk is still the one the next save may replace */
  document->etag = g_steal_pointer (&job->expected_etag);
  _gls_packed_slot_set (&document->base, job->base);

  if (gls_document_get_source_changed (document) &&
      !gls_document_reanchor (document, cancellable, error))
    return FALSE;

  /* unsaved changes stay unsaved, even undone back to here */
  if (job->was_modified)
    _gls_history_mark_saved_at (document->history, G_MAXUINT);

  return TRUE;
}

/* In a worker thread, before a save: the article on disk must be the one
 * the annotations were made on, or the sidecar would record its hash for
 * the wrong text. Read again only when its etag changed or the monitor
 * said so; an article that is gone does not stop the save. */
gboolean
_gls_file_job_check_article (GlsFileJob    *job,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *etag = NULL;

  /* the same version as was read: no need to read it again */
  etag = _gls_document_file_query_etag (job->article, NULL);
  if (job->article_etag != NULL && g_strcmp0 (etag, job->article_etag) == 0)
    return TRUE;

  bytes = gls_read_file (job->article, GLS_FILE_ARTICLE, NULL, cancellable, NULL);
  if (bytes == NULL)
    return TRUE;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_ascii_strcasecmp (sha256, job->article_sha256) == 0)
    return TRUE;

  name = g_file_get_parse_name (job->article);
  g_set_error (error, GLS_ERROR, GLS_ERROR_SOURCE_CHANGED,
               _("“%s” was changed on disk by another program since it was opened. "
                 "Reload it first, so that the annotations follow its new text; "
                 "nothing was saved."),
               name);
  return FALSE;
}

/**
 * gls_document_file_reload_article_async:
 *
 * Reads the article again after another program changed it, keeping the
 * annotations as they are now, saved or not: they are re-anchored to the
 * new text as one step to undo (see gls_document_get_reanchor_report()),
 * and the document replaces the old one. The sidecar on disk is not
 * touched; the document is modified until saved.
 */
void
gls_document_file_reload_article_async (GlsDocumentFile     *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (self->document != NULL);

  _gls_document_file_enqueue (self, _gls_file_job_new (self, GLS_FILE_OPERATION_RELOAD),
                              gls_document_file_reload_article_async, cancellable, callback, user_data);
}

gboolean
gls_document_file_reload_article_finish (GlsDocumentFile  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  return _gls_document_file_check_result (self, result, gls_document_file_reload_article_async, error);
}

/**
 * gls_document_file_reload_article:
 *
 * Like gls_document_file_reload_article_async(), in the calling thread.
 */
gboolean
gls_document_file_reload_article (GlsDocumentFile  *self,
                                   GCancellable     *cancellable,
                                   GError          **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  return _gls_document_file_run_now (self, _gls_file_job_new (self, GLS_FILE_OPERATION_RELOAD),
                                     cancellable, error);
}

/**
 * gls_document_file_get_article_changed:
 *
 * Returns: whether another program changed the article since it was read
 */
gboolean
gls_document_file_get_article_changed (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);

  return self->source_stale;
}
