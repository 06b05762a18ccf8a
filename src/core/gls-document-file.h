/* gls-document-file.h
 * The one owner of an article's files: it loads the article and its
 * sidecar, saves safely, keeps drafts, watches both files for changes by
 * other programs, and exports, off the main thread when asked to. */
#pragma once

#include <gio/gio.h>

#include "gls-document.h"
#include "gls-format.h"

G_BEGIN_DECLS

#define GLS_TYPE_DOCUMENT_FILE (gls_document_file_get_type ())

G_DECLARE_FINAL_TYPE (GlsDocumentFile, gls_document_file, GLS, DOCUMENT_FILE, GObject)

/**
 * GlsLoadFlags:
 * @GLS_LOAD_NONE: a sidecar that cannot be read fails the load
 * @GLS_LOAD_KEEP_ARTICLE: a sidecar that cannot be read leaves the article
 *   open without annotations; the sidecar is kept as the broken sidecar,
 *   and the first save moves it aside rather than overwriting it
 * @GLS_LOAD_READ_ONLY: nothing on disk is touched, not even the temporary
 *   files of saves that were killed (a load that may save removes them);
 *   and the folder is not read, which a corpus of thousands of articles in
 *   one folder would pay for at every article
 */
typedef enum
{
  GLS_LOAD_NONE = 0,
  GLS_LOAD_KEEP_ARTICLE = 1 << 0,
  GLS_LOAD_READ_ONLY = 1 << 1,
} GlsLoadFlags;

/**
 * GlsFileOperation:
 *
 * What the document file is doing in the background.
 */
typedef enum
{
  GLS_FILE_OPERATION_NONE,
  GLS_FILE_OPERATION_LOAD,
  GLS_FILE_OPERATION_SAVE,
  GLS_FILE_OPERATION_DRAFT,
  GLS_FILE_OPERATION_EXPORT,
  GLS_FILE_OPERATION_IMPORT,
  GLS_FILE_OPERATION_MERGE,
  GLS_FILE_OPERATION_RELOAD,
} GlsFileOperation;

GlsCodebook      *gls_document_file_find_codebook         (GFile               *source_file,
                                                           GlsCodebook         *default_codebook,
                                                           GPtrArray           *problems,
                                                           GError             **error);

gboolean          gls_document_file_check_sidecar         (GFile               *sidecar,
                                                           GPtrArray           *problems,
                                                           GCancellable        *cancellable,
                                                           GError             **error);

GlsDocumentFile  *gls_document_file_new                   (GFile               *source_file);
GlsDocumentFile  *gls_document_file_new_for_document      (GlsDocument         *document);
GFile            *gls_document_file_get_file              (GlsDocumentFile     *self);
GFile            *gls_document_file_get_sidecar_file      (GlsDocumentFile     *self);
GlsDocument      *gls_document_file_get_document          (GlsDocumentFile     *self);
GFile            *gls_document_file_get_broken_sidecar    (GlsDocumentFile     *self);
const GError     *gls_document_file_get_sidecar_error     (GlsDocumentFile     *self);
GPtrArray        *gls_document_file_get_problems          (GlsDocumentFile     *self);
gboolean          gls_document_file_reload_article        (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
void              gls_document_file_reload_article_async  (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_reload_article_finish (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
gboolean          gls_document_file_get_article_changed   (GlsDocumentFile     *self);
GlsFileOperation  gls_document_file_get_operation         (GlsDocumentFile     *self);
double            gls_document_file_get_progress          (GlsDocumentFile     *self);
guint             gls_document_file_get_draft_interval    (GlsDocumentFile     *self);
void              gls_document_file_set_draft_interval    (GlsDocumentFile     *self,
                                                           guint                seconds);

gboolean          gls_document_file_load                  (GlsDocumentFile     *self,
                                                           const char          *encoding,
                                                           GlsCodebook         *default_codebook,
                                                           GlsLoadFlags         flags,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
void              gls_document_file_load_async            (GlsDocumentFile     *self,
                                                           const char          *encoding,
                                                           GlsCodebook         *default_codebook,
                                                           GlsLoadFlags         flags,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_load_finish           (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

gboolean          gls_document_file_save                  (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
void              gls_document_file_save_async            (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_save_finish           (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GFile              **moved_aside,
                                                           GError             **error);
gboolean          gls_document_file_save_copy             (GlsDocumentFile     *self,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
void              gls_document_file_save_copy_async       (GlsDocumentFile     *self,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_save_copy_finish      (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

gboolean          gls_document_file_changed_on_disk       (GlsDocumentFile     *self);
void              gls_document_file_keep_mine             (GlsDocumentFile     *self);
void              gls_document_file_keep_mine_async       (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_keep_mine_finish      (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void              gls_document_file_merge_async           (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray        *gls_document_file_merge_finish          (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

GFile            *gls_document_file_dup_draft_file        (GlsDocumentFile     *self);
GDateTime        *gls_document_file_find_draft            (GlsDocumentFile     *self);
gboolean          gls_document_file_save_draft            (GlsDocumentFile     *self,
                                                           GError             **error);
void              gls_document_file_save_draft_async      (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_save_draft_finish     (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
gboolean          gls_document_file_restore_draft         (GlsDocumentFile     *self,
                                                           GError             **error);
void              gls_document_file_restore_draft_async   (GlsDocumentFile     *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_restore_draft_finish  (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void              gls_document_file_discard_draft         (GlsDocumentFile     *self);

gboolean          gls_document_file_export                (GlsDocumentFile     *self,
                                                           const GlsFormat     *format,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
void              gls_document_file_export_async          (GlsDocumentFile     *self,
                                                           const GlsFormat     *format,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_export_finish         (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void              gls_document_file_export_qdpx_async     (GlsDocumentFile     *self,
                                                           const char          *project_name,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_export_qdpx_finish    (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

void              gls_document_file_import_async          (GlsDocumentFile     *self,
                                                           const GlsFormat     *format,
                                                           GFile               *file,
                                                           GlsImportFlags       flags,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          gls_document_file_import_finish         (GlsDocumentFile     *self,
                                                           GAsyncResult        *result,
                                                           GlsImportReport    **report,
                                                           GError             **error);

G_END_DECLS
