/* gls-document-file-export.c
 * The annotations to and from other files: Save a Copy of the sidecar,
 * export in another format, and import. */
#define G_LOG_DOMAIN "gls-document-file-export"

#include "config.h"

#include "gls-document-file-private.h"

/**
 * gls_document_file_save_copy:
 *
 * Writes the sidecar to @file, for "Save a Copy": the document stays
 * attached to its own sidecar and keeps its modified state.
 */
gboolean
gls_document_file_save_copy (GlsDocumentFile  *self,
                             GFile            *file,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  return _gls_document_file_run_now (self, _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_EXPORT, file),
                                     cancellable, error);
}

void
gls_document_file_save_copy_async (GlsDocumentFile     *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  _gls_document_file_enqueue (self, _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_EXPORT, file),
                              gls_document_file_save_copy_async, cancellable, callback, user_data);
}

gboolean
gls_document_file_save_copy_finish (GlsDocumentFile  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  return _gls_document_file_check_result (self, result, gls_document_file_save_copy_async, error);
}

static GlsFileJob *
export_job_new (GlsDocumentFile *self,
                const GlsFormat *format,
                GFile           *file)
{
  GlsFileJob *job = _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_EXPORT, file);

  job->format = format;

  return job;
}

/**
 * gls_document_file_export:
 *
 * Exports the annotations to @file in @format, replacing it safely.
 */
gboolean
gls_document_file_export (GlsDocumentFile  *self,
                          const GlsFormat  *format,
                          GFile            *file,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  return _gls_document_file_run_now (self, export_job_new (self, format, file), cancellable, error);
}

/**
 * gls_document_file_export_async:
 *
 * Like gls_document_file_export(), in a worker thread, from a copy of the
 * document as it is now.
 */
void
gls_document_file_export_async (GlsDocumentFile     *self,
                                const GlsFormat     *format,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  _gls_document_file_enqueue (self, export_job_new (self, format, file), gls_document_file_export_async,
                              cancellable, callback, user_data);
}

gboolean
gls_document_file_export_finish (GlsDocumentFile  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return _gls_document_file_check_result (self, result, gls_document_file_export_async, error);
}

/**
 * gls_document_file_export_qdpx_async:
 * @project_name: the project's name, as QDA tools show it
 *
 * Writes the article and its annotations to @file as a REFI-QDA project
 * (.qdpx) in a worker thread, from a copy of the document as it is now.
 */
void
gls_document_file_export_qdpx_async (GlsDocumentFile     *self,
                                     const char          *project_name,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GlsFileJob *job;

  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (project_name != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  job = _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_EXPORT, file);
  job->project_name = g_strdup (project_name);
  job->article_name = g_file_get_basename (self->file);
  _gls_document_file_enqueue (self, job, gls_document_file_export_qdpx_async, cancellable, callback, user_data);
}

gboolean
gls_document_file_export_qdpx_finish (GlsDocumentFile  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return _gls_document_file_check_result (self, result, gls_document_file_export_qdpx_async, error);
}

/**
 * gls_document_file_import_async:
 *
 * Reads @file in a worker thread, then imports it in @format into the
 * document as one step to undo.
 */
void
gls_document_file_import_async (GlsDocumentFile     *self,
                                const GlsFormat     *format,
                                GFile               *file,
                                GlsImportFlags       flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GlsFileJob *job;

  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (format != NULL && format->import_document != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  job = _gls_file_job_new_for_file (self, GLS_FILE_OPERATION_IMPORT, file);
  job->format = format;
  job->import_flags = flags;
  _gls_document_file_enqueue (self, job, gls_document_file_import_async, cancellable, callback, user_data);
}

/**
 * gls_document_file_import_finish:
 * @report: (out) (transfer full): what was imported and what was not
 */
gboolean
gls_document_file_import_finish (GlsDocumentFile   *self,
                                 GAsyncResult      *result,
                                 GlsImportReport  **report,
                                 GError           **error)
{
  g_autoptr(GlsImportReport) local_report = gls_import_report_new ();
  g_autofree char *name = NULL;
  GlsFileJob *job;

  if (!_gls_document_file_check_result (self, result, gls_document_file_import_async, error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  name = g_file_get_parse_name (job->target);
  if (self->document == NULL ||
      !gls_format_import (job->format, self->document, job->bytes, name, job->import_flags, local_report, error))
    return FALSE;

  if (report != NULL)
    *report = g_steal_pointer (&local_report);

  return TRUE;
}
