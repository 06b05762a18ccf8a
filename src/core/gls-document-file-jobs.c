/* gls-document-file-jobs.c
 * What a GlsDocumentFile's worker thread does: load the article and its
 * sidecar, save safely, export, read a file to import, reporting progress. */
#define G_LOG_DOMAIN "gls-document-file-jobs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlIO.h>

#include "gls-atomic-file-private.h"
#include "gls-context-private.h"
#include "gls-document-file-private.h"
#include "gls-document-private.h"
#include "gls-packed-bytes-private.h"
#include "gls-error.h"
#include "gls-sidecar-reader-private.h"
#include "gls-sidecar-writer-private.h"
#include "gls-xml-private.h"
#include "gls-file-reader.h"
#include "gls-qdpx.h"

void
_gls_file_job_free (GlsFileJob *job)
{
  g_clear_object (&job->self);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->snapshot, _gls_sidecar_snapshot_unref);
  g_clear_object (&job->target);
  g_clear_object (&job->draft);
  g_clear_object (&job->broken);
  g_free (job->expected_etag);
  g_free (job->encoding);
  g_free (job->project_name);
  g_free (job->article_name);
  g_clear_object (&job->default_codebook);
  g_clear_object (&job->document);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_clear_error (&job->sidecar_error);
  g_free (job->source_etag);
  g_free (job->new_etag);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->moved_aside);
  g_clear_pointer (&job->data, _gls_sidecar_data_free);
  g_clear_object (&job->source);
  g_clear_object (&job->codebook);
  g_clear_pointer (&job->base, g_bytes_unref);
  g_clear_pointer (&job->versions, _gls_merge_versions_free);
  g_clear_object (&job->article);
  g_free (job->article_sha256);
  g_free (job->article_etag);
  g_free (job);
}

GlsFileJob *
_gls_file_job_new (GlsDocumentFile  *self,
                   GlsFileOperation  operation)
{
  GlsFileJob *job = g_new0 (GlsFileJob, 1);

  job->self = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();
  job->operation = operation;
  job->expected_size = -1;

  return job;
}

GlsFileJob *
_gls_file_job_new_for_file (GlsDocumentFile  *self,
                            GlsFileOperation  operation,
                            GFile            *file)
{
  GlsFileJob *job = _gls_file_job_new (self, operation);

  job->target = g_object_ref (file);

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

  _gls_document_file_set_progress (progress->self, progress->progress);

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
  GlsFileJob *job = user_data;
  Progress *progress;

  if (job->self == NULL || total == 0)
    return;

  progress = g_new0 (Progress, 1);
  progress->self = g_object_ref (job->self);
  progress->progress = (double) done / total;
  _gls_context_dispatch (job->context, G_PRIORITY_DEFAULT, report_progress_cb, progress,
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
move_aside (GlsFileJob    *job,
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
check_disk_version (GlsFileJob  *job,
                    GError     **error)
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

  etag = _gls_document_file_query_etag (job->target, &size);
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
write_sidecar (GlsFileJob    *job,
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

  if (job->article != NULL && !_gls_file_job_check_article (job, cancellable, error))
    return FALSE;

  if ((file = _gls_atomic_file_new (job->target, error)) == NULL)
    return FALSE;

  _gls_xml_init ();
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
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);

          job->bytes = _gls_bytes_pack (bytes);
        }
    }

  if (!_gls_atomic_file_commit (file, error))
    return FALSE;

  if (keep_base)
    job->new_etag = _gls_document_file_query_etag (job->target, NULL);
  if (job->draft != NULL)
    g_file_delete (job->draft, NULL, NULL);

  return TRUE;
}

static gboolean
export_document (GlsFileJob    *job,
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

/* The article alone as a REFI-QDA project: gls_qdpx_export() writes the
 * zip itself, replacing the file whole or not at all. */
static gboolean
export_project (GlsFileJob    *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GlsDocument) copy = _gls_document_new_from_snapshot (job->snapshot);
  const char *names[] = { job->article_name, NULL };
  g_autoptr(GError) local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report_progress (1, 2, job);
  if (!gls_qdpx_export (&copy, names, 1, job->project_name, job->target, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (job->target);

      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, _("Cannot export to “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_import_file (GlsFileJob    *job,
                  GCancellable  *cancellable,
                  GError       **error)
{
  /* a draft is a sidecar; anything else is a file to import */
  job->bytes = gls_read_file (job->target, job->format ? GLS_FILE_IMPORT : GLS_FILE_SIDECAR,
                              NULL, cancellable, error);

  return job->bytes != NULL;
}

static gboolean
load_sidecar_bytes (GFile         *sidecar,
                    GBytes       **bytes,
                    char         **etag,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if ((*bytes = gls_read_file (sidecar, GLS_FILE_SIDECAR, etag, cancellable, &local_error)) != NULL)
    return TRUE;

  /* no sidecar yet: an article with no annotations */
  if (g_error_matches (local_error, GLS_ERROR, GLS_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * gls_document_file_check_sidecar:
 * @sidecar: an annotation file
 * @problems: where its problems go, each with its line and column
 *
 * Reads @sidecar on its own, for when its article cannot be read: whether
 * it is well-formed and follows the schema. What needs the article (the
 * offsets, quotes and checksum) is not checked.
 *
 * Returns: whether @sidecar was read and follows the schema; %FALSE with
 *   @error set, and its problems in @problems, when not
 */
gboolean
gls_document_file_check_sidecar (GFile         *sidecar,
                                 GPtrArray     *problems,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (sidecar), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  name = g_file_get_parse_name (sidecar);
  if (!load_sidecar_bytes (sidecar, &bytes, NULL, cancellable, error))
    return FALSE;
  if (bytes == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_NOT_FOUND,
                   _("Cannot read the annotations “%s”: there is no such file"), name);
      return FALSE;
    }

  data = _gls_sidecar_read (bytes, name, problems, error);

  return data != NULL;
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

  _gls_document_file_source_ready (ready->self, ready->source);

  return G_SOURCE_REMOVE;
}

static void
source_ready_free (SourceReady *ready)
{
  g_object_unref (ready->self);
  g_object_unref (ready->source);
  g_free (ready);
}

/* The first bytes of the sidecar, enough for its first elements; %NULL
 * when it cannot be read (the full read says why). */

/* Reads the article and its sidecar; the article alone when the sidecar
 * cannot be taken and the flags allow it. */
static gboolean
load_files (GlsFileJob    *job,
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
  guint peeked_line = 0;
  g_autofree char *etag = NULL;
  g_autoptr(GError) early_error = NULL;
  gboolean sidecar_read = FALSE;
  const char *encoding = job->encoding;
  GlsDocument *document;

  job->problems = gls_problems_new ();

  /* the debris of saves that were killed, never a save under way */
  if (!(job->load_flags & GLS_LOAD_READ_ONLY))
    _gls_atomic_file_remove_stale (sidecar, GLS_ATOMIC_FILE_STALE_USEC);

  /* a load that changes nothing shows nothing before it ends: the whole
   * sidecar is read at once, rather than its head first and then again */
  if ((job->load_flags & GLS_LOAD_READ_ONLY) && job->self == NULL)
    sidecar_read = load_sidecar_bytes (sidecar, &bytes, NULL, cancellable, &early_error);

  /* the encoding the sidecar names, from its first elements: the article
   * is decoded and shown before the whole sidecar is read */
  if (encoding == NULL)
    {
      g_autoptr(GBytes) head = sidecar_read ? (bytes ? g_bytes_ref (bytes) : NULL)
                                            : gls_read_file_head (sidecar, 64 * 1024);

      if (head != NULL)
        encoding = peeked = _gls_sidecar_peek_source_encoding (head, &peeked_line);

      /* but a byte-order mark wins (FORMAT.md §5): an article saved again
       * as UTF-16 is read as UTF-16 */
      if (encoding != NULL && gls_file_starts_with_bom (file))
        encoding = NULL;
    }

  if ((source = gls_source_new_for_file (file, encoding, cancellable, &source_error)) == NULL)
    {
      /* the sidecar's encoding may no longer fit the article: the article
       * alone, detected afresh, and the sidecar not taken */
      if (peeked != NULL && g_error_matches (source_error, GLS_ERROR, GLS_ERROR_DECODE))
        {
          /* the encoding came from the sidecar: say where */
          g_autofree char *name = g_file_get_parse_name (sidecar);
          g_autoptr(GError) decode_error = g_steal_pointer (&source_error);

          /* Translators: the sidecar, its line, the encoding it names, the reason */
          g_set_error (&source_error, GLS_ERROR, GLS_ERROR_DECODE,
                       _("%s:%u: the article cannot be read with the encoding “%s” that the annotations name: %s"),
                       name, peeked_line, peeked, decode_error->message);
        }
      if (peeked == NULL || !(job->load_flags & GLS_LOAD_KEEP_ARTICLE) ||
          g_error_matches (source_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          (source = gls_source_new_for_file (file, job->encoding, cancellable, NULL)) == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&source_error));
          return FALSE;
        }
      sidecar_error = g_steal_pointer (&source_error);
    }

  /* a load that changes nothing never saves: no etags to compare with */
  if (!(job->load_flags & GLS_LOAD_READ_ONLY))
    job->source_etag = _gls_document_file_query_etag (file, NULL);

  if (job->self != NULL)
    {
      SourceReady *ready = g_new0 (SourceReady, 1);

      ready->self = g_object_ref (job->self);
      ready->source = g_object_ref (source);
      _gls_context_dispatch (job->context, G_PRIORITY_DEFAULT, source_ready_cb, ready,
                             (GDestroyNotify) source_ready_free);
    }

  if (sidecar_read && early_error != NULL && sidecar_error == NULL)
    sidecar_error = g_steal_pointer (&early_error);
  else if (!sidecar_read && sidecar_error == NULL)
    load_sidecar_bytes (sidecar, &bytes, (job->load_flags & GLS_LOAD_READ_ONLY) ? NULL : &etag, cancellable,
                        &sidecar_error);
  if (sidecar_error != NULL && bytes == NULL &&
      (!(job->load_flags & GLS_LOAD_KEEP_ARTICLE) ||
       g_error_matches (sidecar_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_propagate_error (error, g_steal_pointer (&sidecar_error));
      return FALSE;
    }

  if (bytes != NULL && sidecar_error == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (sidecar);

      /* a load that changes nothing may share the codebook of the
       * sidecar read before it: a corpus's sidecars carry the same copy */
      if (job->load_flags & GLS_LOAD_READ_ONLY)
        data = _gls_sidecar_read_sharing_codebook (bytes, name, job->problems, &sidecar_error);
      else
        data = _gls_sidecar_read (bytes, name, job->problems, &sidecar_error);
    }

  if (data != NULL && data->codebook != NULL)
    codebook = g_object_ref (data->codebook);
  else if ((codebook = gls_document_file_find_codebook (file, job->default_codebook, job->problems,
                                                        sidecar_error ? NULL : &sidecar_error)) == NULL)
    codebook = gls_codebook_new_builtin ();

  document = job->document = gls_document_new (source, codebook);
  document->source_etag = g_strdup (job->source_etag);

  if (data != NULL && !_gls_document_adopt (document, data, job->problems))
    {
      g_autofree char *message = gls_problems_to_string (job->problems, GLS_PROBLEM_ERROR);

      g_set_error_literal (&sidecar_error, GLS_ERROR, GLS_ERROR_INVALID, message);
      /* nothing of the sidecar is kept */
      g_clear_object (&job->document);
      document = job->document = gls_document_new (source, codebook);
      document->source_etag = g_strdup (job->source_etag);
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
  /* kept packed: read again only by a three-way merge, which a load that
   * never saves has no use for (packing it was half the time of
   * glossator-cli stats on a corpus) */
  if (!(job->load_flags & GLS_LOAD_READ_ONLY))
    _gls_packed_slot_pack (&document->base, bytes);

  /* the article changed since the annotations were saved: they follow
   * their text (FORMAT.md §2.1), one step to undo, unsaved */
  if (data != NULL && gls_document_get_source_changed (document) &&
      !gls_document_reanchor (document, cancellable, error))
    return FALSE;

  return TRUE;
}

gboolean
_gls_file_job_run (GlsFileJob    *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  switch (job->operation)
    {
    case GLS_FILE_OPERATION_LOAD:
      return load_files (job, cancellable, error);

    case GLS_FILE_OPERATION_RELOAD:
      return _gls_file_job_reload_article (job, cancellable, error);

    case GLS_FILE_OPERATION_SAVE:
    case GLS_FILE_OPERATION_DRAFT:
      return write_sidecar (job, cancellable, error);

    case GLS_FILE_OPERATION_EXPORT:
      /* a project, a format, or else a copy of the sidecar */
      if (job->project_name != NULL)
        return export_project (job, cancellable, error);
      return job->format != NULL ? export_document (job, cancellable, error)
                                 : write_sidecar (job, cancellable, error);

    case GLS_FILE_OPERATION_IMPORT:
      if (!read_import_file (job, cancellable, error))
        return FALSE;
      /* a draft is a sidecar: read here, taken on the main thread */
      if (job->format == NULL)
        {
          g_autoptr(GPtrArray) problems = gls_problems_new ();
          g_autofree char *name = g_file_get_parse_name (job->target);

          job->data = _gls_sidecar_read (job->bytes, name, problems, error);
          return job->data != NULL;
        }
      return TRUE;

    case GLS_FILE_OPERATION_MERGE:
      if (job->keep_mine)
        {
          g_autoptr(GBytes) bytes = NULL;

          /* a sidecar another program deleted: the next save creates it */
          if (!load_sidecar_bytes (job->target, &bytes, &job->new_etag, cancellable, error))
            return FALSE;
          /* the base of the next merge, kept packed */
          job->bytes = _gls_bytes_pack (bytes);
          return TRUE;
        }
      job->versions = _gls_merge_read_versions (job->source, job->codebook, job->base, job->target, error);
      return job->versions != NULL;

    case GLS_FILE_OPERATION_NONE:
    default:
      g_assert_not_reached ();
    }
}

void
_gls_file_job_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (_gls_file_job_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}
