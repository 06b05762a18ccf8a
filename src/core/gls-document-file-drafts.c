/* gls-document-file-drafts.c
 * Drafts of an article's unsaved annotations, kept apart from its sidecar:
 * where they go, and writing, restoring and discarding one. (The timer that
 * writes them while there are unsaved changes is in gls-document-file.c.) */
#define G_LOG_DOMAIN "gls-document-file-drafts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-document-file-private.h"
#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-sidecar-reader-private.h"
#include "gls-xml-private.h"

/**
 * gls_document_file_dup_draft_file:
 *
 * Returns: (transfer full): where drafts of this article's annotations go:
 *   named by a hash of the article's location, in
 *   $XDG_STATE_HOME/glossator/drafts
 */
GFile *
gls_document_file_dup_draft_file (GlsDocumentFile *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  uri = g_file_get_uri (self->file);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  name = g_strconcat (hash, GLS_SIDECAR_SUFFIX, NULL);
  path = g_build_filename (g_get_user_state_dir (), "glossator", "drafts", name, NULL);

  return g_file_new_for_path (path);
}

/**
 * gls_document_file_find_draft:
 *
 * Returns: (transfer full) (nullable): when the draft of this article was
 *   written, if there is one: work that may not have been saved. It is
 *   offered even when the annotations were saved since (a crash, then a
 *   git pull): only the user deletes unsaved work.
 */
GDateTime *
gls_document_file_find_draft (GlsDocumentFile *self)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  draft = gls_document_file_dup_draft_file (self);
  info = g_file_query_info (draft, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_date_time_new_from_unix_local ((gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));
}

static GlsFileJob *
draft_job_new (GlsDocumentFile *self)
{
  g_autoptr(GFile) draft = gls_document_file_dup_draft_file (self);
  g_autoptr(GFile) folder = g_file_get_parent (draft);

  g_file_make_directory_with_parents (folder, NULL, NULL);

  return _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_DRAFT, draft);
}

/**
 * gls_document_file_save_draft:
 *
 * Writes the unsaved annotations to the draft file now, if there are any.
 *
 * Returns: whether a draft was written; %FALSE without @error set when
 *   there was nothing to write
 */
gboolean
gls_document_file_save_draft (GlsDocumentFile  *self,
                              GError          **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);

  if (self->document == NULL || !gls_document_get_modified (self->document))
    return FALSE;

  return _gls_document_file_run_now (self, draft_job_new (self), NULL, error);
}

void
gls_document_file_save_draft_async (GlsDocumentFile     *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (self->document != NULL);

  _gls_document_file_enqueue (self, draft_job_new (self), gls_document_file_save_draft_async,
                              cancellable, callback, user_data);
}

gboolean
gls_document_file_save_draft_finish (GlsDocumentFile  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return _gls_document_file_check_result (self, result, gls_document_file_save_draft_async, error);
}

/**
 * gls_document_file_restore_draft_async:
 *
 * Reads the draft in a worker thread; finishing replaces the annotations
 * with the draft's, as one step to undo. The result still has to be saved.
 */
void
gls_document_file_restore_draft_async (GlsDocumentFile     *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GFile) draft = NULL;

  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (self->document != NULL);

  draft = gls_document_file_dup_draft_file (self);
  _gls_document_file_enqueue (self, _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_IMPORT, draft),
                              gls_document_file_restore_draft_async, cancellable, callback, user_data);
}

gboolean
gls_document_file_restore_draft_finish (GlsDocumentFile  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  GlsFileJob *job;

  if (!_gls_document_file_check_result (self, result, gls_document_file_restore_draft_async, error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));

  return self->document != NULL && _gls_document_replace_with (self->document, job->data, error);
}

/**
 * gls_document_file_restore_draft:
 *
 * Like gls_document_file_restore_draft_async(), in the calling thread.
 */
gboolean
gls_document_file_restore_draft (GlsDocumentFile  *self,
                                 GError          **error)
{
  g_autoptr(GFile) draft = NULL;
  GlsFileJob *job;
  gboolean ok;

  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  draft = gls_document_file_dup_draft_file (self);
  job = _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_IMPORT, draft);
  g_clear_object (&job->self);
  ok = _gls_file_job_run (job, NULL, error) && _gls_document_replace_with (self->document, job->data, error);
  _gls_file_job_free (job);

  return ok;
}

/**
 * gls_document_file_discard_draft:
 *
 * Deletes the draft: the user chose to lose the work it holds.
 */
void
gls_document_file_discard_draft (GlsDocumentFile *self)
{
  g_autoptr(GFile) draft = NULL;

  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  draft = gls_document_file_dup_draft_file (self);
  g_file_delete (draft, NULL, NULL);
}
