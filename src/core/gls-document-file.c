/* gls-document-file.c
 * The owner of an article's files: loading, safe saving, drafts, watching
 * for other programs' changes, export and import, on worker threads. Here
 * the object, its queue of jobs, loading, saving and watching; the rest of
 * the class is in gls-document-file-{jobs,drafts,export}.c. */
#define G_LOG_DOMAIN "gls-document-file"

#include "config.h"

#include "gls-document-file-private.h"
#include "gls-document-private.h"
#include "gls-packed-bytes-private.h"

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

char *
_gls_document_file_query_etag (GFile   *file,
                               goffset *size)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (size != NULL)
    *size = info ? g_file_info_get_size (info) : -1;

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* ------------------------------------------------------------------ */
/* What the jobs tell the main thread                                   */

/* A job got as far as @progress, from 0 to 1. */
void
_gls_document_file_set_progress (GlsDocumentFile *self,
                                 double           progress)
{
  if (self->operation != GLS_FILE_OPERATION_NONE && progress > self->progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

/* The article of the load under way is decoded. */
void
_gls_document_file_source_ready (GlsDocumentFile *self,
                                 GlsSource       *source)
{
  if (self->operation == GLS_FILE_OPERATION_LOAD)
    g_signal_emit (self, signals[SOURCE_READY], 0, source);
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
             GlsFileJob      *job)
{
  GlsDocument *document = self->document;

  if (job->operation == GLS_FILE_OPERATION_IMPORT ||
      job->operation == GLS_FILE_OPERATION_MERGE ||
      job->operation == GLS_FILE_OPERATION_LOAD)
    return;

  job->snapshot = _gls_document_snapshot (document);

  if (job->operation == GLS_FILE_OPERATION_SAVE)
    {
      GBytes *base = _gls_packed_slot_get (&document->base);

      job->target = g_object_ref (self->sidecar);
      job->check_etag = TRUE;
      job->expected_etag = g_strdup (document->etag);
      job->expected_size = base != NULL ? (goffset) _gls_bytes_unpacked_size (base) : -1;
      job->broken = self->broken_sidecar ? g_object_ref (self->broken_sidecar) : NULL;
      job->draft = gls_document_file_dup_draft_file (self);
      g_clear_handle_id (&self->draft_source, g_source_remove);
      /* never a save with the old article's hash over a new article,
       * even one the file monitor has not reported yet */
      job->article = g_object_ref (self->file);
      job->article_sha256 = g_strdup (gls_source_get_sha256 (gls_document_get_source (document)));
      job->article_etag = self->source_stale ? NULL : g_strdup (self->source_etag);
    }
  else if (job->operation == GLS_FILE_OPERATION_RELOAD)
    {
      job->target = g_object_ref (self->file);
      job->expected_etag = g_strdup (document->etag);
      job->base = _gls_packed_slot_get (&document->base);
      if (job->base != NULL)
        g_bytes_ref (job->base);
      job->encoding = g_strdup (gls_source_get_encoding (gls_document_get_source (document)));
      job->was_modified = gls_document_get_modified (document);
    }
}

/* A write ended, in whatever way: the document stops keeping copies. */
static void
finish_job (GlsDocumentFile *self,
            GlsFileJob      *job,
            gboolean         success)
{
  if (job->snapshot != NULL)
    _gls_document_end_snapshot (self->document, job->snapshot);

  if (job->operation == GLS_FILE_OPERATION_LOAD || job->operation == GLS_FILE_OPERATION_RELOAD)
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
      self->source_stale = FALSE;
      set_document (self, job->document);
      break;

    case GLS_FILE_OPERATION_RELOAD:
      g_free (self->source_etag);
      self->source_etag = g_steal_pointer (&job->source_etag);
      self->source_stale = FALSE;
      set_document (self, job->document);
      break;

    case GLS_FILE_OPERATION_DRAFT:
    case GLS_FILE_OPERATION_EXPORT:
    case GLS_FILE_OPERATION_IMPORT:
    case GLS_FILE_OPERATION_MERGE:
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
  GlsFileJob *job = g_task_get_task_data (outer);
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
  GlsFileJob *job = g_task_get_task_data (outer);
  g_autoptr(GTask) inner = NULL;

  self->running = g_object_ref (outer);
  prepare_job (self, job);
  set_operation (self, job->operation);

  inner = g_task_new (self, g_task_get_cancellable (outer), on_job_done, g_object_ref (outer));
  g_task_set_task_data (inner, job, NULL);
  g_task_run_in_thread (inner, _gls_file_job_thread);
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
void
_gls_document_file_enqueue (GlsDocumentFile     *self,
                            GlsFileJob          *job,
                            gpointer             source_tag,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) _gls_file_job_free);
  g_queue_push_tail (&self->pending, task);
  run_next (self);
}

/* The same job, in the calling thread. */
gboolean
_gls_document_file_run_now (GlsDocumentFile  *self,
                            GlsFileJob       *job,
                            GCancellable     *cancellable,
                            GError          **error)
{
  gboolean success;

  prepare_job (self, job);
  g_clear_object (&job->self);  /* no progress to report */
  success = _gls_file_job_run (job, cancellable, error);
  finish_job (self, job, success);
  _gls_file_job_free (job);

  return success;
}

gboolean
_gls_document_file_check_result (GlsDocumentFile  *self,
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

  etag = _gls_document_file_query_etag (self->file, NULL);
  if (g_strcmp0 (etag, self->source_etag) == 0)
    return;

  /* told once per version of the article */
  g_free (self->source_etag);
  self->source_etag = g_steal_pointer (&etag);
  self->source_stale = TRUE;
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
    g_param_spec_int ("operation", NULL, NULL, GLS_FILE_OPERATION_NONE, GLS_FILE_OPERATION_RELOAD,
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
  self->source_etag = g_strdup (document->source_etag);
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

static GlsFileJob *
load_job_new (GlsDocumentFile *self,
              const char      *encoding,
              GlsCodebook     *default_codebook,
              GlsLoadFlags     flags)
{
  GlsFileJob *job = _gls_file_job_new (self, GLS_FILE_OPERATION_LOAD);

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

  return _gls_document_file_run_now (self, load_job_new (self, encoding, default_codebook, flags),
                                     cancellable, error);
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
  _gls_document_file_enqueue (self, load_job_new (self, encoding, default_codebook, flags),
                              gls_document_file_load_async, cancellable, callback, user_data);
}

gboolean
gls_document_file_load_finish (GlsDocumentFile  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  if (!_gls_document_file_check_result (self, result, gls_document_file_load_async, error))
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

  return _gls_document_file_run_now (self, _gls_file_job_new (self, GLS_FILE_OPERATION_SAVE), cancellable, error);
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

  _gls_document_file_enqueue (self, _gls_file_job_new (self, GLS_FILE_OPERATION_SAVE),
                              gls_document_file_save_async, cancellable, callback, user_data);
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
  GlsFileJob *job;

  if (!_gls_document_file_check_result (self, result, gls_document_file_save_async, error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (moved_aside != NULL)
    *moved_aside = job->moved_aside ? g_object_ref (job->moved_aside) : NULL;

  return TRUE;
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
  GBytes *base;
  goffset size;

  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (self), FALSE);

  if ((document = self->document) == NULL)
    return FALSE;

  etag = _gls_document_file_query_etag (self->sidecar, &size);
  if (g_strcmp0 (etag, document->etag) != 0)
    return TRUE;

  /* file times are only as fine as the kernel's clock tick: two writes in
   * one tick have one etag, but rarely one size */
  base = _gls_packed_slot_get (&document->base);

  return base != NULL && size >= 0 && (gsize) size != _gls_bytes_unpacked_size (base);
}

