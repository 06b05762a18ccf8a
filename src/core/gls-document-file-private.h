/* gls-document-file-private.h
 * The fields of a GlsDocumentFile and its jobs, for the files the class is
 * split into: the object, its queue of jobs, loading, saving and watching
 * (gls-document-file.c); what a worker thread does
 * (gls-document-file-jobs.c); drafts (gls-document-file-drafts.c); Save a
 * Copy, export and import (gls-document-file-export.c). */
#pragma once

#include "gls-document-file.h"
#include "gls-document-private.h"
#include "gls-sidecar-reader-private.h"
#include "gls-sidecar-writer-private.h"

G_BEGIN_DECLS

struct _GlsDocumentFile
{
  GObject           parent_instance;

  /* Owned */
  GFile            *file;
  GFile            *sidecar;
  GlsDocument      *document;
  GFile            *broken_sidecar;   /* not taken: never overwritten */
  GError           *sidecar_error;    /* why it was not taken */
  GPtrArray        *problems;         /* GlsProblem of the last load */
  GFileMonitor     *sidecar_monitor;
  GFileMonitor     *source_monitor;
  char             *source_etag;      /* the article as loaded */
  GQueue            pending;          /* GTask of writes waiting their turn */
  GTask            *running;          /* the write under way */

  GlsFileOperation  operation;
  double            progress;
  guint             draft_interval;
  guint             draft_source;
  guint             recheck_sidecar : 1;
  guint             source_stale : 1; /* the article changed on disk since it was read */
};


/* Jobs: what a worker thread does, with what it needs copied in. */
typedef struct
{
  GlsDocumentFile    *self;            /* for progress; touched only on the main thread */
  GMainContext       *context;         /* the main thread's, where results go */
  GlsFileOperation    operation;
  GlsSidecarSnapshot *snapshot;
  GFile              *target;
  GFile              *draft;           /* deleted after a save */
  GFile              *broken;          /* moved aside before a save */
  char               *expected_etag;   /* a save replaces only this version */
  goffset             expected_size;
  gboolean            check_etag;
  const GlsFormat    *format;
  GlsImportFlags      import_flags;
  char               *project_name;    /* exporting a REFI-QDA project, not a format */
  char               *article_name;    /* the article's name in that project */

  /* loading */
  char               *encoding;
  GlsCodebook        *default_codebook;
  GlsLoadFlags        load_flags;

  /* results */
  GlsDocument        *document;
  GPtrArray          *problems;
  GError             *sidecar_error;
  char               *source_etag;
  char               *new_etag;
  GBytes             *bytes;           /* the saved sidecar, or an import file */
  GFile              *moved_aside;
  GlsSidecarData     *data;            /* a draft, read */

  /* merging with the version on disk, or taking it as the base */
  gboolean            keep_mine;
  GlsSource          *source;
  GlsCodebook        *codebook;
  GBytes             *base;
  GlsMergeVersions   *versions;

  /* saving: refused while the article on disk is not the one annotated */
  GFile              *article;
  char               *article_sha256;
  char               *article_etag;    /* the article as read, if nothing said it changed */
  gboolean            was_modified;    /* reloading: the document had unsaved changes */
} GlsFileJob;

GlsFileJob *_gls_file_job_new               (GlsDocumentFile      *self,
                                             GlsFileOperation      operation);
GlsFileJob *_gls_file_job_new_for_file      (GlsDocumentFile      *self,
                                             GlsFileOperation      operation,
                                             GFile                *file);
void        _gls_file_job_free              (GlsFileJob           *job);
gboolean    _gls_file_job_run               (GlsFileJob           *job,
                                             GCancellable         *cancellable,
                                             GError              **error);
void        _gls_file_job_thread            (GTask                *task,
                                             gpointer              source_object,
                                             gpointer              task_data,
                                             GCancellable         *cancellable);

/* The queue of jobs: they run one at a time, in the order they were asked
 * for, each in a worker thread; or at once, in the calling thread. */
void        _gls_document_file_enqueue      (GlsDocumentFile      *self,
                                             GlsFileJob           *job,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    _gls_document_file_run_now      (GlsDocumentFile      *self,
                                             GlsFileJob           *job,
                                             GCancellable         *cancellable,
                                             GError              **error);
gboolean    _gls_document_file_check_result (GlsDocumentFile      *self,
                                             GAsyncResult         *result,
                                             gpointer              source_tag,
                                             GError              **error);

char       *_gls_document_file_query_etag   (GFile                *file,
                                             goffset              *size);

/* gls-document-file-reload.c: the article again, the annotations kept */
gboolean    _gls_file_job_reload_article    (GlsFileJob           *job,
                                             GCancellable         *cancellable,
                                             GError              **error);
gboolean    _gls_file_job_check_article     (GlsFileJob           *job,
                                             GCancellable         *cancellable,
                                             GError              **error);

/* What the jobs tell the object, on the main thread */
void        _gls_document_file_set_progress (GlsDocumentFile      *self,
                                             double                progress);
void        _gls_document_file_source_ready (GlsDocumentFile      *self,
                                             GlsSource            *source);

G_END_DECLS
