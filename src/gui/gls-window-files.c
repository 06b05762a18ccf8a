/* gls-window-files.c
 * The window's article and annotation files: loading in a worker thread,
 * saving, drafts, watching the file and merging with the version on disk. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-annotation-row.h"
#include "gls-window-private.h"

/* ------------------------------------------------------------------ */
/* Drafts                                                               */

/**
 * gls_window_dup_draft_file:
 *
 * Returns: (transfer full) (nullable): where drafts of this window's
 *   annotations go: named by a hash of the article's path, in
 *   $XDG_STATE_HOME/glossator/drafts
 */
GFile *
gls_window_dup_draft_file (GlsWindow *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  if (self->file == NULL)
    return NULL;

  uri = g_file_get_uri (self->file);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  name = g_strconcat (hash, ".annotations.xml", NULL);
  path = g_build_filename (g_get_user_state_dir (), "glossator", "drafts", name, NULL);

  return g_file_new_for_path (path);
}

/* The user saved or discarded the unsaved work: its draft goes. */
void
_gls_window_delete_draft (GlsWindow *self)
{
  g_autoptr(GFile) draft = gls_window_dup_draft_file (self);

  if (draft != NULL)
    g_file_delete (draft, NULL, NULL);
}

/**
 * gls_window_save_draft:
 *
 * Writes the unsaved annotations to the draft file now.
 */
gboolean
gls_window_save_draft (GlsWindow *self)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);

  if (self->document == NULL || !gls_document_get_modified (self->document))
    return FALSE;

  draft = gls_window_dup_draft_file (self);
  folder = g_file_get_parent (draft);
  g_file_make_directory_with_parents (folder, NULL, NULL);

  if (!gls_document_save_copy (self->document, draft, NULL, &error))
    {
      /* the user must know the safety net failed */
      g_autofree char *text = g_strdup_printf (_("Unsaved changes cannot be kept as a draft: %s"), error->message);
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
on_draft_timeout (gpointer user_data)
{
  GlsWindow *self = user_data;

  self->draft_source = 0;
  gls_window_save_draft (self);

  return G_SOURCE_REMOVE;
}

/* While there are unsaved changes, a draft is written every so often. */
void
_gls_window_schedule_draft (GlsWindow *self)
{
  guint interval = g_settings_get_uint (self->settings, "draft-interval");

  if (interval == 0 || self->draft_source != 0)
    return;
  if (self->document == NULL || !gls_document_get_modified (self->document))
    return;

  self->draft_source = g_timeout_add_seconds (interval, on_draft_timeout, self);
}

static guint64
modification_time (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) : 0;
}

/* A draft newer than the saved annotations means work was not saved. */
static gboolean
offer_draft (GlsWindow *self)
{
  g_autoptr(GFile) draft = gls_window_dup_draft_file (self);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  guint64 draft_time;

  if (draft == NULL || !g_file_query_exists (draft, NULL))
    return FALSE;

  /* offered even when the annotations were saved since (a crash, then a
   * git pull): only the user deletes unsaved work */
  draft_time = modification_time (draft);

  when = g_date_time_new_from_unix_local ((gint64) draft_time);
  /* Translators: a date and time, see strftime(3) */
  time = g_date_time_format (when, _("%x %H:%M"));
  text = g_strdup_printf (_("Unsaved annotations from %s were found.\nGlossator may have stopped before they were saved."),
                          time);
  gls_info_bar_show (self->info_bar, GLS_INFO_DRAFT, GTK_MESSAGE_QUESTION, text);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Watching the annotations file                                        */

/* What the user may do when the sidecar changed under the document. */
static void
show_changed_on_disk (GlsWindow  *self,
                      const char *text)
{
  gls_info_bar_show (self->info_bar, GLS_INFO_CHANGED_ON_DISK, GTK_MESSAGE_WARNING, text);
}

static void
on_sidecar_changed (GlsWindow         *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;
  if (self->document == NULL || self->broken_sidecar != NULL ||
      gls_info_bar_get_kind (self->info_bar) == GLS_INFO_CHANGED_ON_DISK)
    return;
  if (!gls_document_changed_on_disk (self->document))
    return;

  show_changed_on_disk (self, _("The annotations were changed on disk by another program (a git pull, another annotator).\n"
                                "Merge both, reload the version on disk, or keep yours and replace it at the next save."));
}

/* Tell the user when another program changes the annotations' file. */
void
_gls_window_watch_sidecar (GlsWindow *self)
{
  GFile *sidecar = gls_document_get_sidecar_file (self->document);

  g_assert (self->monitor == NULL);

  if (sidecar != NULL)
    {
      self->monitor = g_file_monitor_file (sidecar, G_FILE_MONITOR_NONE, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_sidecar_changed), self, G_CONNECT_SWAPPED);
    }
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

typedef struct
{
  GlsWindow    *window;   /* taken in the worker, released on the main thread */
  GlsSource    *source;
  GCancellable *cancellable;
} ShowSource;

static void
show_source_free (ShowSource *show)
{
  g_object_unref (show->window);
  g_object_unref (show->source);
  g_object_unref (show->cancellable);
  g_free (show);
}

static gboolean
show_source_cb (gpointer data)
{
  ShowSource *show = data;

  if (!g_cancellable_is_cancelled (show->cancellable))
    gls_article_view_show_source (show->window->article_view, show->source);

  return G_SOURCE_REMOVE;
}

typedef struct
{
  GFile       *file;
  char        *encoding;
  GlsCodebook *default_codebook;
  GlsWindow   *window;      /* borrowed: the task holds it, as its source object */
  GCancellable *cancellable;
  GlsSource   *shown;       /* the article as handed to the window */
  char        *codebook_error;
  /* results */
  GlsDocument *document;
  GPtrArray   *problems;
  GFile       *broken_sidecar;
  char        *error;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->encoding);
  g_clear_object (&data->default_codebook);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->shown);
  g_free (data->codebook_error);
  g_clear_object (&data->document);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_clear_object (&data->broken_sidecar);
  g_free (data->error);
  g_free (data);
}

/* In the worker thread, as soon as the article is decoded: the main
 * thread fills the text view while the annotations are read here. */
static void
on_source_ready (GlsSource *source,
                 gpointer   user_data)
{
  LoadData *data = user_data;
  ShowSource *show = g_new0 (ShowSource, 1);

  g_set_object (&data->shown, source);
  show->window = g_object_ref (data->window);
  show->source = g_object_ref (source);
  show->cancellable = g_object_ref (data->cancellable);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_source_cb, show,
                              (GDestroyNotify) show_source_free);
}

/* In a worker thread: read the article and its annotations. If the
 * annotations cannot be read, the article opens without them, and the
 * broken file is remembered so that it is never overwritten. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) sidecar = gls_sidecar_file_for_source (data->file);
  g_autoptr(GError) source_error = NULL;
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;

  data->problems = gls_problems_new ();
  data->document = gls_document_load_full (data->file, data->encoding, data->default_codebook,
                                           on_source_ready, data, data->problems, cancellable, &error);
  if (data->document != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The article alone, as it was decoded, or else detected afresh (the
   * sidecar's encoding may no longer fit it) */
  if (data->shown != NULL)
    source = g_object_ref (data->shown);
  else if ((source = gls_source_new_for_file (data->file, data->encoding, cancellable, &source_error)) == NULL)
    {
      data->error = g_strdup (source_error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Whatever went wrong, an annotation file that was not taken is never
   * overwritten: the first save moves it aside */
  if (g_file_query_exists (sidecar, cancellable))
    data->broken_sidecar = g_object_ref (sidecar);

  codebook = gls_document_find_codebook (data->file, data->default_codebook, NULL, NULL);
  data->document = gls_document_new (source, codebook ? codebook : gls_codebook_new_builtin ());
  data->error = g_strdup (error->message);
  g_task_return_boolean (task, TRUE);
}

static void
show_open_error (GlsWindow  *self,
                 const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  _gls_window_set_document (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlsWindow *self = GLS_WINDOW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));

  /* a load that was replaced by another, or stopped, changes nothing */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) ||
      data->cancellable != self->cancellable || g_cancellable_is_cancelled (data->cancellable))
    return;

  self->loading = FALSE;
  g_clear_object (&self->broken_sidecar);

  if (data->document == NULL)
    {
      show_open_error (self, data->error);
      return;
    }

  _gls_window_set_document (self, data->document);
  gls_info_bar_clear (self->info_bar);

  {
    g_autofree char *uri = g_file_get_uri (self->file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }

  if (data->broken_sidecar != NULL)
    {
      g_autofree char *name = g_file_get_basename (data->broken_sidecar);
      g_autofree char *text =
        g_strdup_printf (_("The annotations in “%s” could not be read, so the article opened without them.\n"
                           "The file is kept as it is: your first save moves it aside.\n%s"),
                         name, data->error ? data->error : "");

      self->broken_sidecar = g_object_ref (data->broken_sidecar);
      gls_info_bar_show (self->info_bar, GLS_INFO_BROKEN_SIDECAR, GTK_MESSAGE_ERROR, text);
      return;
    }

  if (data->error != NULL)
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, data->error);
      return;
    }

  if (data->codebook_error != NULL)
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, data->codebook_error);
      return;
    }

  if (offer_draft (self))
    return;

  if (gls_document_get_n_orphaned (data->document) > 0)
    {
      guint n = gls_document_get_n_orphaned (data->document);
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The article changed since the annotations were saved: %u annotation no longer matches its text.\nIt is marked in the list; keep it or delete it.",
                                      "The article changed since the annotations were saved: %u annotations no longer match their text.\nThey are marked in the list; keep them or delete them.",
                                      n), n);

      gls_info_bar_show (self->info_bar, GLS_INFO_SOURCE_CHANGED, GTK_MESSAGE_WARNING, text);
      gls_info_bar_set_delete_label (self->info_bar, g_dngettext (GETTEXT_PACKAGE, "_Delete It", "_Delete Them", n));
    }
  else if (gls_problems_count (data->problems, GLS_PROBLEM_WARNING) > 0)
    {
      g_autofree char *text = gls_problems_to_string (data->problems, GLS_PROBLEM_WARNING);
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, text);
    }
}

/* Reads the window's file and its annotations in a worker thread, decoded
 * from @encoding unless it is %NULL; the old document goes at once. */
void
_gls_window_load (GlsWindow  *self,
                  const char *encoding)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *codebook_path = g_settings_get_string (self->settings, "default-codebook");
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_object_ref (self->file);
  data->encoding = g_strdup (encoding);
  if (*codebook_path != '\0')
    {
      g_autoptr(GFile) codebook_file = g_file_new_for_path (codebook_path);
      g_autoptr(GError) error = NULL;

      data->default_codebook = gls_codebook_new_from_file (codebook_file, NULL, NULL, &error);
      if (data->default_codebook == NULL)
        /* Translators: the problem with the codebook file chosen in the preferences */
        data->codebook_error = g_strdup_printf (_("The default codebook from the preferences cannot be used: %s"),
                                                error->message);
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  data->window = self;
  data->cancellable = g_object_ref (self->cancellable);

  /* the old document goes at once: nothing may act on it over new text */
  _gls_window_set_document (self, NULL);
  g_clear_object (&self->broken_sidecar);
  gtk_stack_set_visible_child_name (self->stack, "document");

  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* ------------------------------------------------------------------ */
/* Saving                                                               */

static void
on_save_error_response (GtkDialog *dialog,
                        int        response,
                        GlsWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    _gls_window_save_copy (self);
}

static void
show_save_error (GlsWindow    *self,
                 const GError *error)
{
  GtkWidget *dialog;

  if (g_error_matches (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK))
    {
      show_changed_on_disk (self, error->message);
      return;
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_NONE,
                                   _("The annotations could not be saved"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                            _("Nothing is lost: your changes are still open here. "
                                              "Save a copy somewhere else, or fix the problem and save again."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Close"), GTK_RESPONSE_CLOSE,
                          _("Save a _Copy…"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The first save after a sidecar failed to load moves it aside, so that
 * the user's broken file (maybe a merge conflict to resolve) survives. */
static gboolean
move_broken_aside (GlsWindow  *self,
                   GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = g_file_get_path (self->broken_sidecar);
  g_autofree char *aside_path = g_strdup_printf ("%s.broken-%s", path, stamp);
  g_autoptr(GFile) aside = g_file_new_for_path (aside_path);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (g_file_query_exists (self->broken_sidecar, NULL) &&
      !g_file_move (self->broken_sidecar, aside, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;

  g_clear_object (&self->broken_sidecar);
  name = g_file_get_basename (aside);
  text = g_strdup_printf (_("The unreadable annotations were kept as “%s”."), name);
  gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO, text);

  return TRUE;
}

/* Saves the annotations next to the article; says why not if it fails. */
gboolean
_gls_window_save (GlsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return FALSE;

  if (self->broken_sidecar != NULL && !move_broken_aside (self, &error))
    {
      show_save_error (self, error);
      return FALSE;
    }

  if (!gls_document_save (self->document, NULL, &error))
    {
      show_save_error (self, error);
      return FALSE;
    }

  _gls_window_delete_draft (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (gls_info_bar_get_kind (self->info_bar) == GLS_INFO_CHANGED_ON_DISK ||
      gls_info_bar_get_kind (self->info_bar) == GLS_INFO_DRAFT)
    gls_info_bar_clear (self->info_bar);

  return TRUE;
}

static void
on_save_copy_response (GtkNativeDialog *chooser,
                       int              response,
                       GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!gls_document_save_copy (self->document, file, NULL, &error))
        show_save_error (self, error);
      else
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *text = g_strdup_printf (_("A copy of the annotations was saved as “%s”."), name);

          gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO, text);
        }
    }

  g_object_unref (chooser);
}

/* Asks where to save a copy of the annotations, and saves it there. */
void
_gls_window_save_copy (GlsWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Annotations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_file_get_basename (gls_document_get_sidecar_file (self->document));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_copy_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Reloading, or merging with the version on disk                       */

/* Drops the changes made here for the annotations on disk. */
void
_gls_window_reload (GlsWindow *self)
{
  _gls_window_delete_draft (self);
  _gls_window_load (self, NULL);
}

static char *
describe_version (GlsWindow     *self,
                  GlsAnnotation *annotation)
{
  GlsCategory *category;
  g_autofree char *excerpt = NULL;
  const char *note;

  if (annotation == NULL)
    return g_strdup (_("deleted"));

  category = gls_codebook_lookup (gls_document_get_codebook (self->document), gls_annotation_get_category (annotation));
  excerpt = gls_annotation_dup_excerpt (self->document, annotation, 60);
  note = gls_annotation_get_note (annotation);
  if (note != NULL && *note != '\0')
    /* Translators: category, quoted text, note */
    return g_strdup_printf (_("%s on “%s”, with the note “%s”"),
                            category ? gls_category_get_label (category) : gls_annotation_get_category (annotation),
                            excerpt, note);

  /* Translators: category, quoted text */
  return g_strdup_printf (_("%s on “%s”, without a note"),
                          category ? gls_category_get_label (category) : gls_annotation_get_category (annotation),
                          excerpt);
}

static void settle_next_conflict (GlsWindow *self);

static void
on_conflict_response (GtkDialog *dialog,
                      int        response,
                      GlsWindow *self)
{
  GlsMergeConflict *conflict = g_ptr_array_index (self->conflicts, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gls_document_resolve_conflict (self->document, conflict, response == GTK_RESPONSE_ACCEPT);
  g_ptr_array_remove_index (self->conflicts, 0);
  settle_next_conflict (self);
}

/* Each annotation changed on both sides is shown for the user to choose:
 * nothing is lost without the user choosing it. */
static void
settle_next_conflict (GlsWindow *self)
{
  GlsMergeConflict *conflict;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  GtkWidget *dialog;

  if (self->conflicts == NULL || self->conflicts->len == 0)
    {
      g_clear_pointer (&self->conflicts, g_ptr_array_unref);
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO,
                         _("The annotations on disk were merged with yours. Save to keep the result."));
      return;
    }

  conflict = g_ptr_array_index (self->conflicts, 0);
  mine = describe_version (self, conflict->mine);
  theirs = describe_version (self, conflict->theirs);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("An annotation was changed both here and on disk"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            /* Translators: the two versions of one annotation */
                                            _("Here: %s\nOn disk: %s"), mine, theirs);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Keep My Version"), GTK_RESPONSE_REJECT,
                          _("_Use the Version on Disk"), GTK_RESPONSE_ACCEPT,
                          NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Takes the changes made on disk into the document, asking about each
 * annotation changed on both sides. */
void
_gls_window_merge (GlsWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = gls_document_merge_disk_version (self->document, &error);

  if (conflicts == NULL)
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      return;
    }

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = conflicts;
  settle_next_conflict (self);
}
