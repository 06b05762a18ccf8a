/* gls-document-file-merge.c
 * When another program changed the sidecar: merging its version into the
 * document, or keeping ours, with the file read in a worker thread. */
#define G_LOG_DOMAIN "gls-document-file"

#include "config.h"

#include "gls-document-file-private.h"

static GlsFileJob *
merge_job_new (GlsDocumentFile *self,
               gboolean         keep_mine)
{
  GlsFileJob *job = _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_MERGE, self->sidecar);

  /* what the worker reads against, taken here on the main thread */
  job->keep_mine = keep_mine;
  job->source = g_object_ref (gls_document_get_source (self->document));
  job->codebook = g_object_ref (gls_document_get_codebook (self->document));
  job->base = _gls_packed_slot_get (&self->document->base);
  if (job->base != NULL)
    g_bytes_ref (job->base);

  return job;
}

/**
 * gls_document_file_keep_mine_async:
 *
 * Takes the sidecar now on disk as the one the next save replaces: the
 * user chose to keep this document's version over another program's
 * ("Keep My Version"). The file is read in a worker thread.
 */
void
gls_document_file_keep_mine_async (GlsDocumentFile     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (self->document != NULL);

  _gls_document_file_enqueue (self, merge_job_new (self, TRUE), gls_document_file_keep_mine_async,
                              cancellable, callback, user_data);
}

static void
take_disk_version (GlsDocumentFile *self,
                   GlsFileJob      *job)
{
  GlsDocument *document = self->document;

  g_free (document->etag);
  document->etag = g_steal_pointer (&job->new_etag);
  _gls_packed_slot_set (&document->base, job->bytes);
  g_clear_pointer (&job->bytes, g_bytes_unref);
}

gboolean
gls_document_file_keep_mine_finish (GlsDocumentFile  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  if (!_gls_document_file_check_result (self, result, gls_document_file_keep_mine_async, error))
    return FALSE;

  if (self->document != NULL)
    take_disk_version (self, g_task_get_task_data (G_TASK (result)));

  return TRUE;
}

/**
 * gls_document_file_keep_mine:
 *
 * Like gls_document_file_keep_mine_async(), in the calling thread.
 */
void
gls_document_file_keep_mine (GlsDocumentFile *self)
{
  GlsFileJob *job;

  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));

  if (self->document == NULL)
    return;

  job = merge_job_new (self, TRUE);
  g_clear_object (&job->self);
  if (_gls_file_job_run (job, NULL, NULL))
    take_disk_version (self, job);
  _gls_file_job_free (job);
}

/**
 * gls_document_file_merge_async:
 *
 * Reads the sidecar on disk and the base of the merge in a worker thread;
 * finishing merges them into the document as one step to undo (see
 * gls_document_merge_disk_version()).
 */
void
gls_document_file_merge_async (GlsDocumentFile     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (self->document != NULL);

  _gls_document_file_enqueue (self, merge_job_new (self, FALSE), gls_document_file_merge_async,
                              cancellable, callback, user_data);
}

/**
 * gls_document_file_merge_finish:
 *
 * Returns: (transfer full) (element-type GlsMergeConflict): the
 *   annotations changed on both sides, for the user to settle, or %NULL
 *   with @error set when the file on disk could not be read (then nothing
 *   changed)
 */
GPtrArray *
gls_document_file_merge_finish (GlsDocumentFile  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  GlsFileJob *job;

  if (!_gls_document_file_check_result (self, result, gls_document_file_merge_async, error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  if (self->document == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) gls_merge_conflict_free);

  return _gls_document_merge_versions (self->document, job->versions);
}
