/* gls-document-file.c
 * The owner of an article's files: loading, safe saving, drafts, watching
 * for other programs' changes, export and import, on worker threads. */
#define G_LOG_DOMAIN "gls-document-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlIO.h>

#include "gls-atomic-file-private.h"
#include "gls-document-file.h"
#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-sidecar-reader-private.h"
#include "gls-sidecar-writer-private.h"
#include "gls-xml-private.h"

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
};

G_DEFINE_FINAL_TYPE (GlsDocumentFile, gls_document_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_OPERATION,
  PROP_PROGRESS,
  PROP_DRAFT_INTERVAL,
  N_PROPS
};

enum {
  SOURCE_READY,
  SIDECAR_CHANGED,
  SOURCE_CHANGED,
  DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void set_document (GlsDocumentFile *self,
                          GlsDocument     *document);
static void run_next     (GlsDocumentFile *self);

/* ------------------------------------------------------------------ */
/* Where the files are                                                  */

/**
 * gls_document_file_find_codebook:
 * @default_codebook: (nullable): the user's default codebook
 *
 * The codebook for an article without a sidecar (FORMAT.md §3):
 * `codebook.xml` in the article's folder, else @default_codebook, else the
 * built-in one.
 *
 * Returns: (transfer full): the codebook, or %NULL with @error set when the
 *   project codebook exists but cannot be read
 */
GlsCodebook *
gls_document_file_find_codebook (GFile        *source_file,
                                 GlsCodebook  *default_codebook,
                                 GPtrArray    *problems,
                                 GError      **error)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (G_IS_FILE (source_file), NULL);

  if ((folder = g_file_get_parent (source_file)) != NULL)
    {
      g_autoptr(GFile) project = g_file_get_child (folder, "codebook.xml");

      if (g_file_query_exists (project, NULL))
        return gls_codebook_new_from_file (project, NULL, problems, error);
    }

  if (default_codebook != NULL)
    return g_object_ref (default_codebook);

  return gls_codebook_new_builtin ();
}

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

static char *
query_etag (GFile   *file,
            goffset *size)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (size != NULL)
    *size = info ? g_file_info_get_size (info) : -1;

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* ------------------------------------------------------------------ */
/* Jobs: what a worker thread does, with what it needs copied in        */

typedef struct
{
  GlsDocumentFile    *self;            /* for progress; touched only on the main thread */
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
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_pointer (&job->snapshot, _gls_sidecar_snapshot_unref);
  g_clear_object (&job->target);
  g_clear_object (&job->draft);
  g_clear_object (&job->broken);
  g_free (job->expected_etag);
  g_free (job->encoding);
  g_clear_object (&job->default_codebook);
  g_clear_object (&job->document);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_clear_error (&job->sidecar_error);
  g_free (job->source_etag);
  g_free (job->new_etag);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->moved_aside);
  g_free (job);
}

static Job *
job_new (GlsDocumentFile  *self,
         GlsFileOperation  operation)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->operation = operation;
  job->expected_size = -1;

  return job;
}

typedef struct
{
  GlsDocumentFile *self;
  double           progress;
} Progress;

static gboolean
report_progress_cb (gpointer data)
{
  Progress *progress = data;

  if (progress->self->operation != GLS_FILE_OPERATION_NONE && progress->progress > progress->self->progress)
    {
      progress->self->progress = progress->progress;
      g_object_notify_by_pspec (G_OBJECT (progress->self), properties[PROP_PROGRESS]);
    }

  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress);
}

/* In a worker: how far the writer got, for the main thread to show. */
static void
report_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Job *job = user_data;
  Progress *progress;

  if (job->self == NULL || total == 0)
    return;

  progress = g_new0 (Progress, 1);
  progress->self = g_object_ref (job->self);
  progress->progress = (double) done / total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, report_progress_cb, progress,
                              (GDestroyNotify) progress_free);
}

/* libxml2's output, into the temporary file of a save */
static int
atomic_write_cb (void       *context,
                 const char *buffer,
                 int         len)
{
  return _gls_atomic_file_write (context, buffer, len) ? len : -1;
}

static int
atomic_close_cb (void *context)
{
  return 0;
}

static gboolean
write_atomically (GFile         *target,
                  GBytes        *bytes,
                  GError       **error)
{
  g_autoptr(GlsAtomicFile) file = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if ((file = _gls_atomic_file_new (target, error)) == NULL)
    return FALSE;

  _gls_atomic_file_write (file, data, len);

  return _gls_atomic_file_commit (file, error);
}

/* The first save after a sidecar failed to load moves it aside, so that
 * the user's broken file (maybe a merge conflict to resolve) survives. */
static gboolean
move_aside (Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = g_file_get_path (job->broken);
  g_autofree char *aside_path = g_strdup_printf ("%s.broken-%s", path, stamp);
  g_autoptr(GFile) aside = g_file_new_for_path (aside_path);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_move (job->broken, aside, G_FILE_COPY_NONE, cancellable, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (job->broken);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED,
                   _("Cannot move the unreadable annotations “%s” aside: %s"), name, local_error->message);
      return FALSE;
    }

  job->moved_aside = g_steal_pointer (&aside);

  return TRUE;
}

static gboolean
check_disk_version (Job     *job,
                    GError **error)
{
  g_autofree char *name = g_file_get_parse_name (job->target);
  g_autofree char *etag = NULL;
  goffset size;

  if (job->expected_etag == NULL)
    {
      if (!g_file_query_exists (job->target, NULL))
        return TRUE;

      g_set_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK,
                   _("“%s” was created by another program since the article was opened; "
                     "nothing was saved, so that it is not overwritten"),
                   name);
      return FALSE;
    }

  etag = query_etag (job->target, &size);
  /* file times are only as fine as the kernel's clock tick: two writes in
   * one tick have one etag, but rarely one size */
  if (g_strcmp0 (etag, job->expected_etag) == 0 &&
      (job->expected_size < 0 || size < 0 || size == job->expected_size))
    return TRUE;

  g_set_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed by another program since it was opened; "
                 "nothing was saved, so that those changes are not lost"),
               name);
  return FALSE;
}

/* Streams the snapshot into a temporary file beside @job->target and
 * renames it over; the old file is untouched unless all went well. */
static gboolean
write_sidecar (Job           *job,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GlsAtomicFile) file = NULL;
  xmlOutputBufferPtr output;
  gboolean keep_base = job->operation == GLS_FILE_OPERATION_SAVE;

  if (job->broken != NULL && !move_aside (job, cancellable, error))
    return FALSE;

  if (job->check_etag && !check_disk_version (job, error))
    return FALSE;

  if ((file = _gls_atomic_file_new (job->target, error)) == NULL)
    return FALSE;

  output = xmlOutputBufferCreateIO (atomic_write_cb, atomic_close_cb, file, NULL);
  if (!_gls_sidecar_write (job->snapshot, output, report_progress, job, cancellable, error))
    {
      /* a failed write explains itself better than libxml2 does */
      if (_gls_atomic_file_failed (file))
        {
          g_clear_error (error);
          return _gls_atomic_file_commit (file, error);
        }
      return FALSE;
    }

  /* the bytes as saved are the base of a later three-way merge */
  if (keep_base && !_gls_atomic_file_failed (file))
    {
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_get_contents (_gls_atomic_file_get_path (file), &contents, &len, NULL))
        job->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
    }

  if (!_gls_atomic_file_commit (file, error))
    return FALSE;

  if (keep_base)
    job->new_etag = query_etag (job->target, NULL);
  if (job->draft != NULL)
    g_file_delete (job->draft, NULL, NULL);

  return TRUE;
}

static gboolean
export_document (Job           *job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GlsDocument) copy = _gls_document_new_from_snapshot (job->snapshot);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report_progress (1, 3, job);
  if ((bytes = gls_format_export (job->format, copy, &local_error)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->target);

      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, _("Cannot export to “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report_progress (2, 3, job);

  return write_atomically (job->target, bytes, error);
}

static gboolean
read_import_file (Job           *job,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if ((job->bytes = g_file_load_bytes (job->target, cancellable, NULL, &local_error)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->target);

      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, _("Cannot read “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_sidecar_bytes (GFile         *sidecar,
                    GBytes       **bytes,
                    char         **etag,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize len;

  if (g_file_load_contents (sidecar, cancellable, &contents, &len, etag, &local_error))
    {
      *bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      *bytes = NULL;
      return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = g_file_get_parse_name (sidecar);
  g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED,
               _("Cannot read the annotations “%s”: %s"), name, local_error->message);
  return FALSE;
}

typedef struct
{
  GlsDocumentFile *self;
  GlsSource       *source;
} SourceReady;

static gboolean
source_ready_cb (gpointer data)
{
  SourceReady *ready = data;

  if (ready->self->operation == GLS_FILE_OPERATION_LOAD)
    g_signal_emit (ready->self, signals[SOURCE_READY], 0, ready->source);

  return G_SOURCE_REMOVE;
}

static void
source_ready_free (SourceReady *ready)
{
  g_object_unref (ready->self);
  g_object_unref (ready->source);
  g_free (ready);
}

/* Reads the article and its sidecar; the article alone when the sidecar
 * cannot be taken and the flags allow it. */
static gboolean
load_files (Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  GFile *file = job->target;
  g_autoptr(GFile) sidecar = gls_sidecar_file_for_source (file);
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) sidecar_error = NULL;
  g_autoptr(GError) source_error = NULL;
  g_autofree char *peeked = NULL;
  g_autofree char *etag = NULL;
  const char *encoding = job->encoding;
  GlsDocument *document;

  job->problems = gls_problems_new ();

  /* the debris of saves that were killed, never a save under way */
  _gls_atomic_file_remove_stale (sidecar, GLS_ATOMIC_FILE_STALE_USEC);

  if (!load_sidecar_bytes (sidecar, &bytes, &etag, cancellable, &sidecar_error) &&
      (!(job->load_flags & GLS_LOAD_KEEP_ARTICLE) ||
       g_error_matches (sidecar_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_propagate_error (error, g_steal_pointer (&sidecar_error));
      return FALSE;
    }

  /* the encoding the sidecar names, from its first elements: the article
   * can be decoded before the whole sidecar is read */
  if (bytes != NULL && encoding == NULL)
    encoding = peeked = _gls_sidecar_peek_source_encoding (bytes);

  if ((source = gls_source_new_for_file (file, encoding, cancellable, &source_error)) == NULL)
    {
      /* the sidecar's encoding may no longer fit the article: the article
       * alone, detected afresh, and the sidecar not taken */
      if (peeked == NULL || !(job->load_flags & GLS_LOAD_KEEP_ARTICLE) ||
          g_error_matches (source_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          (source = gls_source_new_for_file (file, job->encoding, cancellable, NULL)) == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&source_error));
          return FALSE;
        }
      if (sidecar_error == NULL)
        sidecar_error = g_steal_pointer (&source_error);
      g_clear_pointer (&bytes, g_bytes_unref);
    }

  job->source_etag = query_etag (file, NULL);

  if (job->self != NULL)
    {
      SourceReady *ready = g_new0 (SourceReady, 1);

      ready->self = g_object_ref (job->self);
      ready->source = g_object_ref (source);
      g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, source_ready_cb, ready,
                                  (GDestroyNotify) source_ready_free);
    }

  if (bytes != NULL && sidecar_error == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (sidecar);

      data = _gls_sidecar_read (bytes, name, job->problems, &sidecar_error);
    }

  if (data != NULL && data->codebook != NULL)
    codebook = g_object_ref (data->codebook);
  else if ((codebook = gls_document_file_find_codebook (file, job->default_codebook, job->problems,
                                                        sidecar_error ? NULL : &sidecar_error)) == NULL)
    codebook = gls_codebook_new_builtin ();

  document = job->document = gls_document_new (source, codebook);

  if (data != NULL && !_gls_document_adopt (document, data, job->problems))
    {
      g_autofree char *message = gls_problems_to_string (job->problems, GLS_PROBLEM_ERROR);

      g_set_error_literal (&sidecar_error, GLS_ERROR, GLS_ERROR_INVALID, message);
      /* nothing of the sidecar is kept */
      g_clear_object (&job->document);
      document = job->document = gls_document_new (source, codebook);
    }

  if (sidecar_error != NULL)
    {
      if (!(job->load_flags & GLS_LOAD_KEEP_ARTICLE))
        {
          g_propagate_error (error, g_steal_pointer (&sidecar_error));
          return FALSE;
        }

      /* whatever went wrong, an annotation file that was not taken is
       * never overwritten: the first save moves it aside */
      if (g_file_query_exists (sidecar, NULL))
        job->broken = g_object_ref (sidecar);
      job->sidecar_error = g_steal_pointer (&sidecar_error);
      return TRUE;
    }

  document->etag = g_steal_pointer (&etag);
  document->base = bytes ? g_bytes_ref (bytes) : NULL;

  return TRUE;
}

static gboolean
run_job (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  switch (job->operation)
    {
    case GLS_FILE_OPERATION_LOAD:
      return load_files (job, cancellable, error);

    case GLS_FILE_OPERATION_SAVE:
    case GLS_FILE_OPERATION_DRAFT:
      return write_sidecar (job, cancellable, error);

    case GLS_FILE_OPERATION_EXPORT:
      /* a format, or else a copy of the sidecar */
      return job->format != NULL ? export_document (job, cancellable, error)
                                 : write_sidecar (job, cancellable, error);

    case GLS_FILE_OPERATION_IMPORT:
      return read_import_file (job, cancellable, error);

    case GLS_FILE_OPERATION_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (run_job (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* ------------------------------------------------------------------ */
/* Starting and finishing jobs on the main thread                       */

static void
set_operation (GlsDocumentFile  *self,
               GlsFileOperation  operation)
{
  if (self->operation == operation)
    return;

  self->operation = operation;
  self->progress = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* A write starts: what it writes is what the document holds now. */
static void
prepare_job (GlsDocumentFile *self,
             Job             *job)
{
  GlsDocument *document = self->document;

  if (job->operation == GLS_FILE_OPERATION_IMPORT ||
      job->operation == GLS_FILE_OPERATION_LOAD)
    return;

  job->snapshot = _gls_document_snapshot (document);

  if (job->operation == GLS_FILE_OPERATION_SAVE)
    {
      job->target = g_object_ref (self->sidecar);
      job->check_etag = TRUE;
      job->expected_etag = g_strdup (document->etag);
      job->expected_size = document->base ? (goffset) g_bytes_get_size (document->base) : -1;
      job->broken = self->broken_sidecar ? g_object_ref (self->broken_sidecar) : NULL;
      job->draft = gls_document_file_dup_draft_file (self);
      g_clear_handle_id (&self->draft_source, g_source_remove);
    }
}

/* A write ended, in whatever way: the document stops keeping copies. */
static void
finish_job (GlsDocumentFile *self,
            Job             *job,
            gboolean         success)
{
  if (job->snapshot != NULL)
    _gls_document_end_snapshot (self->document, job->snapshot);

  if (job->operation == GLS_FILE_OPERATION_LOAD)
    {
      g_clear_pointer (&self->problems, g_ptr_array_unref);
      self->problems = g_steal_pointer (&job->problems);
    }

  if (!success)
    return;

  switch (job->operation)
    {
    case GLS_FILE_OPERATION_SAVE:
      if (job->moved_aside != NULL)
        {
          g_clear_object (&self->broken_sidecar);
          g_clear_error (&self->sidecar_error);
        }
      _gls_document_saved (self->document, job->snapshot, job->new_etag, job->bytes);
      g_clear_pointer (&job->bytes, g_bytes_unref);
      break;

    case GLS_FILE_OPERATION_LOAD:
      g_clear_object (&self->broken_sidecar);
      g_clear_error (&self->sidecar_error);
      self->broken_sidecar = g_steal_pointer (&job->broken);
      self->sidecar_error = g_steal_pointer (&job->sidecar_error);
      g_free (self->source_etag);
      self->source_etag = g_steal_pointer (&job->source_etag);
      set_document (self, job->document);
      break;

    case GLS_FILE_OPERATION_DRAFT:
    case GLS_FILE_OPERATION_EXPORT:
    case GLS_FILE_OPERATION_IMPORT:
    case GLS_FILE_OPERATION_NONE:
    default:
      break;
    }
}

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlsDocumentFile *self = GLS_DOCUMENT_FILE (object);
  g_autoptr(GTask) outer = user_data;
  Job *job = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;
  gboolean success = g_task_propagate_boolean (G_TASK (result), &error);

  finish_job (self, job, success);

  if (self->running == outer)
    {
      g_clear_object (&self->running);
      set_operation (self, GLS_FILE_OPERATION_NONE);
    }

  if (success)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, g_steal_pointer (&error));

  /* a change on disk seen during our own save is looked at now */
  if (self->recheck_sidecar && self->running == NULL)
    {
      self->recheck_sidecar = FALSE;
      if (self->document != NULL && gls_document_file_changed_on_disk (self))
        g_signal_emit (self, signals[SIDECAR_CHANGED], 0);
    }

  run_next (self);
}

static void
start (GlsDocumentFile *self,
       GTask           *outer)
{
  Job *job = g_task_get_task_data (outer);
  g_autoptr(GTask) inner = NULL;

  self->running = g_object_ref (outer);
  prepare_job (self, job);
  set_operation (self, job->operation);

  inner = g_task_new (self, g_task_get_cancellable (outer), on_job_done, g_object_ref (outer));
  g_task_set_task_data (inner, job, NULL);
  g_task_run_in_thread (inner, job_thread);
}

static void
run_next (GlsDocumentFile *self)
{
  GTask *next;

  if (self->running != NULL || (next = g_queue_pop_head (&self->pending)) == NULL)
    return;

  start (self, next);
  g_object_unref (next);
}

/* Writes run one at a time, in the order they were asked for. */
static void
enqueue (GlsDocumentFile     *self,
         Job                 *job,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_queue_push_tail (&self->pending, task);
  run_next (self);
}

/* The same job, in the calling thread. */
static gboolean
run_now (GlsDocumentFile  *self,
         Job              *job,
         GCancellable     *cancellable,
         GError          **error)
{
  gboolean success;

  prepare_job (self, job);
  g_clear_object (&job->self);  /* no progress to report */
  success = run_job (job, cancellable, error);
  finish_job (self, job, success);
  job_free (job);

  return success;
}

static gboolean
check_result (GlsDocumentFile  *self,
              GAsyncResult     *result,
              gpointer          source_tag,
              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Watching                                                             */

static void
on_sidecar_monitor_changed (GlsDocumentFile   *self,
                            GFile             *file,
                            GFile             *other,
                            GFileMonitorEvent  event)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;
  if (self->document == NULL || self->broken_sidecar != NULL)
    return;

  /* our own save renames over the file: judge once it has finished */
  if (self->operation == GLS_FILE_OPERATION_SAVE)
    {
      self->recheck_sidecar = TRUE;
      return;
    }

  if (gls_document_file_changed_on_disk (self))
    g_signal_emit (self, signals[SIDECAR_CHANGED], 0);
}

static void
on_source_monitor_changed (GlsDocumentFile   *self,
                           GFile             *file,
                           GFile             *other,
                           GFileMonitorEvent  event)
{
  g_autofree char *etag = NULL;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;

  etag = query_etag (self->file, NULL);
  if (g_strcmp0 (etag, self->source_etag) == 0)
    return;

  /* told once per version of the article */
  g_free (self->source_etag);
  self->source_etag = g_steal_pointer (&etag);
  g_signal_emit (self, signals[SOURCE_CHANGED], 0);
}

static void
watch (GlsDocumentFile *self)
{
  g_clear_object (&self->sidecar_monitor);
  g_clear_object (&self->source_monitor);

  self->sidecar_monitor = g_file_monitor_file (self->sidecar, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->sidecar_monitor != NULL)
    g_signal_connect_object (self->sidecar_monitor, "changed",
                             G_CALLBACK (on_sidecar_monitor_changed), self, G_CONNECT_SWAPPED);

  self->source_monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->source_monitor != NULL)
    g_signal_connect_object (self->source_monitor, "changed",
                             G_CALLBACK (on_source_monitor_changed), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* Drafts                                                               */

static void
on_draft_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlsDocumentFile *self = GLS_DOCUMENT_FILE (object);
  g_autoptr(GError) error = NULL;

  if (!gls_document_file_save_draft_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* the user must know the safety net failed */
    g_signal_emit (self, signals[DRAFT_FAILED], 0, error);
}

static gboolean
on_draft_timeout (gpointer user_data)
{
  GlsDocumentFile *self = user_data;

  self->draft_source = 0;
  if (self->document != NULL && gls_document_get_modified (self->document))
    gls_document_file_save_draft_async (self, NULL, on_draft_saved, NULL);

  return G_SOURCE_REMOVE;
}

/* While there are unsaved changes, a draft is written every so often. */
static void
schedule_draft (GlsDocumentFile *self)
{
  if (self->draft_interval == 0 || self->draft_source != 0)
    return;
  if (self->document == NULL || !gls_document_get_modified (self->document))
    return;

  self->draft_source = g_timeout_add_seconds (self->draft_interval, on_draft_timeout, self);
}

static void
set_document (GlsDocumentFile *self,
              GlsDocument     *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (schedule_draft), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified", G_CALLBACK (schedule_draft), self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
gls_document_file_dispose (GObject *object)
{
  GlsDocumentFile *self = (GlsDocumentFile *)object;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_object (&self->sidecar_monitor);
  g_clear_object (&self->source_monitor);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  G_OBJECT_CLASS (gls_document_file_parent_class)->dispose (object);
}

static void
gls_document_file_finalize (GObject *object)
{
  GlsDocumentFile *self = (GlsDocumentFile *)object;

  g_queue_clear_full (&self->pending, g_object_unref);
  g_clear_object (&self->running);
  g_clear_object (&self->file);
  g_clear_object (&self->sidecar);
  g_clear_object (&self->document);
  g_clear_object (&self->broken_sidecar);
  g_clear_error (&self->sidecar_error);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->source_etag);

  G_OBJECT_CLASS (gls_document_file_parent_class)->finalize (object);
}

static void
gls_document_file_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlsDocumentFile *self = GLS_DOCUMENT_FILE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_OPERATION:
      g_value_set_int (value, self->operation);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    case PROP_DRAFT_INTERVAL:
      g_value_set_uint (value, self->draft_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_document_file_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlsDocumentFile *self = GLS_DOCUMENT_FILE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_INTERVAL:
      gls_document_file_set_draft_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_document_file_class_init (GlsDocumentFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_document_file_dispose;
  object_class->finalize = gls_document_file_finalize;
  object_class->get_property = gls_document_file_get_property;
  object_class->set_property = gls_document_file_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* a GlsFileOperation: what runs in the background, if anything */
  properties[PROP_OPERATION] =
    g_param_spec_int ("operation", NULL, NULL, GLS_FILE_OPERATION_NONE, GLS_FILE_OPERATION_IMPORT,
                      GLS_FILE_OPERATION_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* how far it got, from 0 to 1 */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* seconds between drafts while there are unsaved changes; 0: none */
  properties[PROP_DRAFT_INTERVAL] =
    g_param_spec_uint ("draft-interval", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlsDocumentFile::source-ready:
   * The article is decoded; its annotations are still being read.
   */
  signals[SOURCE_READY] =
    g_signal_new ("source-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLS_TYPE_SOURCE);
  /**
   * GlsDocumentFile::sidecar-changed:
   * Another program wrote, created or deleted the sidecar.
   */
  signals[SIDECAR_CHANGED] =
    g_signal_new ("sidecar-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * GlsDocumentFile::source-changed:
   * The article's file changed on disk since it was loaded.
   */
  signals[SOURCE_CHANGED] =
    g_signal_new ("source-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * GlsDocumentFile::draft-failed:
   * A draft written on the timer could not be written.
   */
  signals[DRAFT_FAILED] =
    g_signal_new ("draft-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
gls_document_file_init (GlsDocumentFile *self)
{
  g_queue_init (&self->pending);
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */

/**
 * gls_document_file_new:
 * @source_file: the article
 *
 * Returns: (transfer full): the owner of @source_file and its sidecar,
 *   with no document until it is loaded
 */
GlsDocumentFile *
gls_document_file_new (GFile *source_file)
{
  GlsDocumentFile *self;

  g_return_val_if_fail (G_IS_FILE (source_file), NULL);

  self = g_object_new (GLS_TYPE_DOCUMENT_FILE, NULL);
  self->file = g_object_ref (source_file);
  self->sidecar = gls_sidecar_file_for_source (source_file);

  return self;
}

/**
 * gls_document_file_new_for_document:
 *
 * Returns: (transfer full): the owner of the files of @document, which was
 *   made or loaded elsewhere; %NULL when its article has no file
 */
GlsDocumentFile *
gls_document_file_new_for_document (GlsDocument *document)
{
  GlsDocumentFile *self;
  GFile *file;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);

  if ((file = gls_source_get_file (gls_document_get_source (document))) == NULL)
    return NULL;

  self = gls_document_file_new (file);
  if (gls_document_get_sidecar_file (document) != NULL)
    g_set_object (&self->sidecar, gls_document_get_sidecar_file (document));
  set_document (self, document);

  return self;
}

GFile *
gls_document_file_get_file (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  return self->file;
}

GFile *
gls_document_file_get_sidecar_file (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  return self->sidecar;
}

/**
 * gls_document_file_get_document:
 *
 * Returns: (transfer none) (nullable): the document, once loaded
 */
GlsDocument *
gls_document_file_get_document (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  return self->document;
}

/**
 * gls_document_file_get_broken_sidecar:
 *
 * Returns: (transfer none) (nullable): the sidecar that could not be read
 *   at the last load, which the next save moves aside
 */
GFile *
gls_document_file_get_broken_sidecar (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  return self->broken_sidecar;
}

/**
 * gls_document_file_get_sidecar_error:
 *
 * Returns: (nullable): why the sidecar was not taken at the last load
 *   with %GLS_LOAD_KEEP_ARTICLE
 */
const GError *
gls_document_file_get_sidecar_error (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  return self->sidecar_error;
}

/**
 * gls_document_file_get_problems:
 *
 * Returns: (transfer none) (nullable) (element-type GlsProblem): the
 *   warnings and errors of the last load
 */
GPtrArray *
gls_document_file_get_problems (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), NULL);

  return self->problems;
}

GlsFileOperation
gls_document_file_get_operation (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), GLS_FILE_OPERATION_NONE);

  return self->operation;
}

double
gls_document_file_get_progress (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), 0);

  return self->progress;
}

guint
gls_document_file_get_draft_interval (GlsDocumentFile *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), 0);

  return self->draft_interval;
}

void
gls_document_file_set_draft_interval (GlsDocumentFile *self,
                                      guint            seconds)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));

  if (self->draft_interval == seconds)
    return;

  self->draft_interval = seconds;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  schedule_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_INTERVAL]);
}

static Job *
load_job_new (GlsDocumentFile *self,
              const char      *encoding,
              GlsCodebook     *default_codebook,
              GlsLoadFlags     flags)
{
  Job *job = job_new (self, GLS_FILE_OPERATION_LOAD);

  job->target = g_object_ref (self->file);
  job->encoding = g_strdup (encoding);
  job->default_codebook = default_codebook ? g_object_ref (default_codebook) : NULL;
  job->load_flags = flags;

  return job;
}

/**
 * gls_document_file_load:
 * @encoding: (nullable): the encoding to read the article with, or %NULL
 *   for the one its sidecar names, or else to detect it
 * @default_codebook: (nullable): the user's default codebook
 *
 * Reads the article and its sidecar, if it has one, checking everything
 * FORMAT.md says, in the calling thread. A sidecar that cannot be taken
 * fails the load, unless @flags say to keep the article alone. Our own
 * temporary files left by a killed save are removed.
 */
gboolean
gls_document_file_load (GlsDocumentFile  *self,
                        const char       *encoding,
                        GlsCodebook      *default_codebook,
                        GlsLoadFlags      flags,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);

  return run_now (self, load_job_new (self, encoding, default_codebook, flags), cancellable, error);
}

/**
 * gls_document_file_load_async:
 *
 * Like gls_document_file_load(), in a worker thread. The article is
 * announced with ::source-ready as soon as it is decoded. Once loaded,
 * the article and the sidecar are watched for changes by other programs.
 */
void
gls_document_file_load_async (GlsDocumentFile     *self,
                              const char          *encoding,
                              GlsCodebook         *default_codebook,
                              GlsLoadFlags         flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));

  /* the old document goes at once: nothing may act on it over new text */
  set_document (self, NULL);
  enqueue (self, load_job_new (self, encoding, default_codebook, flags), gls_document_file_load_async,
           cancellable, callback, user_data);
}

gboolean
gls_document_file_load_finish (GlsDocumentFile  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  if (!check_result (self, result, gls_document_file_load_async, error))
    return FALSE;

  watch (self);

  return TRUE;
}

/**
 * gls_document_file_save:
 *
 * Writes the sidecar safely, in the calling thread: into a temporary file
 * beside it, synced, then renamed over it. If it changed on disk since it
 * was loaded or saved (or appeared since), nothing is written and the
 * error is %GLS_ERROR_CHANGED_ON_DISK. On any failure the old sidecar is
 * as it was, no temporary file is left, and the document stays modified.
 * An unreadable sidecar left by the load is moved aside first; a draft is
 * deleted after.
 */
gboolean
gls_document_file_save (GlsDocumentFile  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  return run_now (self, job_new (self, GLS_FILE_OPERATION_SAVE), cancellable, error);
}

/**
 * gls_document_file_save_async:
 *
 * Like gls_document_file_save(), in a worker thread, after any write
 * already under way. What is saved is the document when the save starts;
 * edits made meanwhile leave it modified.
 */
void
gls_document_file_save_async (GlsDocumentFile     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (self->document != NULL);

  enqueue (self, job_new (self, GLS_FILE_OPERATION_SAVE), gls_document_file_save_async,
           cancellable, callback, user_data);
}

/**
 * gls_document_file_save_finish:
 * @moved_aside: (out) (optional) (transfer full): where an unreadable
 *   sidecar was moved, if one was
 */
gboolean
gls_document_file_save_finish (GlsDocumentFile  *self,
                               GAsyncResult     *result,
                               GFile           **moved_aside,
                               GError          **error)
{
  Job *job;

  if (!check_result (self, result, gls_document_file_save_async, error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (moved_aside != NULL)
    *moved_aside = job->moved_aside ? g_object_ref (job->moved_aside) : NULL;

  return TRUE;
}

static Job *
copy_job_new (GlsDocumentFile  *self,
              GlsFileOperation  operation,
              GFile            *file)
{
  Job *job = job_new (self, operation);

  job->target = g_object_ref (file);

  return job;
}

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

  return run_now (self, copy_job_new (self, GLS_FILE_OPERATION_EXPORT, file), cancellable, error);
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

  enqueue (self, copy_job_new (self, GLS_FILE_OPERATION_EXPORT, file), gls_document_file_save_copy_async,
           cancellable, callback, user_data);
}

gboolean
gls_document_file_save_copy_finish (GlsDocumentFile  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  return check_result (self, result, gls_document_file_save_copy_async, error);
}

/**
 * gls_document_file_changed_on_disk:
 *
 * Returns: whether the sidecar on disk is no longer the one the document
 *   last loaded or saved (another program wrote, created or deleted it)
 */
gboolean
gls_document_file_changed_on_disk (GlsDocumentFile *self)
{
  g_autofree char *etag = NULL;
  GlsDocument *document;
  goffset size;

  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);

  if ((document = self->document) == NULL)
    return FALSE;

  etag = query_etag (self->sidecar, &size);
  if (g_strcmp0 (etag, document->etag) != 0)
    return TRUE;

  /* file times are only as fine as the kernel's clock tick: two writes in
   * one tick have one etag, but rarely one size */
  return document->base != NULL && size >= 0 && (gsize) size != g_bytes_get_size (document->base);
}

/**
 * gls_document_file_keep_mine:
 *
 * Takes the sidecar now on disk as the one to replace: the user chose to
 * keep this document's version over another program's ("Keep Mine").
 */
void
gls_document_file_keep_mine (GlsDocumentFile *self)
{
  GlsDocument *document;

  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));

  if ((document = self->document) == NULL)
    return;

  g_free (document->etag);
  document->etag = query_etag (self->sidecar, NULL);
  g_clear_pointer (&document->base, g_bytes_unref);
  document->base = g_file_load_bytes (self->sidecar, NULL, NULL, NULL);
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

static Job *
draft_job_new (GlsDocumentFile *self)
{
  g_autoptr(GFile) draft = gls_document_file_dup_draft_file (self);
  g_autoptr(GFile) folder = g_file_get_parent (draft);

  g_file_make_directory_with_parents (folder, NULL, NULL);

  return copy_job_new (self, GLS_FILE_OPERATION_DRAFT, draft);
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

  return run_now (self, draft_job_new (self), NULL, error);
}

void
gls_document_file_save_draft_async (GlsDocumentFile     *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (self->document != NULL);

  enqueue (self, draft_job_new (self), gls_document_file_save_draft_async, cancellable, callback, user_data);
}

gboolean
gls_document_file_save_draft_finish (GlsDocumentFile  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return check_result (self, result, gls_document_file_save_draft_async, error);
}

/**
 * gls_document_file_restore_draft:
 *
 * Replaces the annotations with the draft's, as one step to undo; the
 * result still has to be saved.
 */
gboolean
gls_document_file_restore_draft (GlsDocumentFile  *self,
                                 GError          **error)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  draft = gls_document_file_dup_draft_file (self);
  name = g_file_get_parse_name (draft);
  if ((bytes = g_file_load_bytes (draft, NULL, NULL, &local_error)) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, _("Cannot read “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if ((data = _gls_sidecar_read (bytes, name, problems, error)) == NULL)
    return FALSE;

  return _gls_document_replace_with (self->document, data, error);
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

static Job *
export_job_new (GlsDocumentFile *self,
                const GlsFormat *format,
                GFile           *file)
{
  Job *job = copy_job_new (self, GLS_FILE_OPERATION_EXPORT, file);

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

  return run_now (self, export_job_new (self, format, file), cancellable, error);
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

  enqueue (self, export_job_new (self, format, file), gls_document_file_export_async,
           cancellable, callback, user_data);
}

gboolean
gls_document_file_export_finish (GlsDocumentFile  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return check_result (self, result, gls_document_file_export_async, error);
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
  Job *job;

  g_return_if_fail (GLS_IS_DOCUMENT_FILE (self));
  g_return_if_fail (format != NULL && format->import_document != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  job = copy_job_new (self, GLS_FILE_OPERATION_IMPORT, file);
  job->format = format;
  job->import_flags = flags;
  enqueue (self, job, gls_document_file_import_async, cancellable, callback, user_data);
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
  Job *job;

  if (!check_result (self, result, gls_document_file_import_async, error))
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
