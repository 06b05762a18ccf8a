/* gls-window.c
 * The annotation window's shell: its widgets, the document it shows,
 * opening, saving without ever losing work, drafts, closing. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gls-annotation-row.h"
#include "gls-article-view.h"
#include "gls-sidebar-private.h"
#include "gls-window-private.h"

G_DEFINE_FINAL_TYPE (GlsWindow, gls_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ARMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_title        (GlsWindow *self);
static void schedule_draft      (GlsWindow *self);
static void set_document        (GlsWindow   *self,
                                 GlsDocument *document);

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
static void
schedule_draft (GlsWindow *self)
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
/* Title, context menu, side panel                                      */

static void
update_title (GlsWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  if (self->document == NULL)
    {
      gtk_label_set_text (self->title_label, _("Glossator"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Glossator"));
      return;
    }

  name = g_file_get_basename (self->file);
  title = gls_document_get_modified (self->document) ? g_strconcat ("• ", name, NULL) : g_strdup (name);
  n = gls_document_get_n_annotations (self->document);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u annotation · %s", "%'u annotations · %s", n),
                              n, gls_source_get_encoding (gls_document_get_source (self->document)));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  {
    g_autofree char *window_title = g_strdup_printf ("%s — %s", title, subtitle);
    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

/* The context menu's "Annotate as ▸", one item a category. */
static void
on_codebook_changed (GlsWindow *self)
{
  GlsCodebook *codebook = gls_document_get_codebook (self->document);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) categories = g_menu_new ();

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gls_category_get_label (category), NULL);

      g_menu_item_set_action_and_target (item, "win.annotate", "s", gls_category_get_id (category));
      g_menu_append_item (categories, item);
    }
  /* Translators: a submenu of the article's context menu, listing the
   * categories: annotate the selected text as one of them */
  g_menu_append_submenu (menu, _("Annotate as"), G_MENU_MODEL (categories));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->article_view), G_MENU_MODEL (menu));
}

/* The side panel follows the article's selection. */
static void
on_view_selected (GlsWindow *self)
{
  gls_sidebar_select (self->sidebar, gls_article_view_get_selected (self->article_view));
  _gls_window_update_actions (self);
}

void
_gls_window_select_annotation (GlsWindow     *self,
                               GlsAnnotation *annotation,
                               gboolean       scroll)
{
  gls_article_view_set_selected (self->article_view, annotation);
  if (annotation != NULL && scroll)
    gls_article_view_scroll_to (self->article_view, annotation);
}

/* A category of the side panel's palette annotates the selection. */
static void
on_category_activated (GlsWindow  *self,
                       const char *category)
{
  _gls_window_annotate (self, category);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* An annotation of the side panel's list is selected in the article. */
static void
on_annotation_activated (GlsWindow     *self,
                         GlsAnnotation *annotation)
{
  _gls_window_select_annotation (self, annotation, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* In quick mode, a mouse selection is annotated at once. */
static void
on_range_selected (GlsWindow *self,
                   guint      start,
                   guint      end)
{
  if (self->armed != NULL)
    _gls_window_annotate (self, self->armed);
}

/* ------------------------------------------------------------------ */
/* The document                                                         */

static void
on_document_changed (GlsWindow *self)
{
  update_title (self);
  _gls_window_update_actions (self);
  schedule_draft (self);
}

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

/* The name new annotations carry: the preference, or the user's own. */
static void
update_annotator (GlsWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator-name");

  if (self->document == NULL)
    return;

  gls_document_set_annotator (self->document, *name != '\0' ? name : gls_default_annotator ());
}

static void
on_draft_interval_changed (GlsWindow *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  schedule_draft (self);
}

static void
set_document (GlsWindow   *self,
              GlsDocument *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->monitor);
  g_set_object (&self->document, document);

  gls_article_view_set_document (self->article_view, document);
  gls_sidebar_set_document (self->sidebar, document);

  if (document == NULL)
    {
      update_title (self);
      _gls_window_update_actions (self);
      return;
    }

  update_annotator (self);

  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (_gls_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (_gls_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::codebook", G_CALLBACK (on_codebook_changed), self, G_CONNECT_SWAPPED);

  on_codebook_changed (self);
  update_title (self);
  _gls_window_update_actions (self);

  if (gls_document_get_sidecar_file (document) != NULL)
    {
      self->monitor = g_file_monitor_file (gls_document_get_sidecar_file (document), G_FILE_MONITOR_NONE, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_sidecar_changed), self, G_CONNECT_SWAPPED);
    }

  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

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
  set_document (self, NULL);
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

  set_document (self, data->document);
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
  set_document (self, NULL);
  g_clear_object (&self->broken_sidecar);
  gtk_stack_set_visible_child_name (self->stack, "document");

  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gls_window_open:
 *
 * Opens @file in this window, reading it in a worker thread.
 */
void
gls_window_open (GlsWindow *self,
                 GFile     *file)
{
  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  _gls_window_load (self, NULL);
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
/* Info bar responses                                                   */

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

/* ------------------------------------------------------------------ */
/* Closing                                                              */

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (GtkDialog *dialog,
                   int        response,
                   GlsWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (!_gls_window_save (self))
        return;
    }
  else if (response == GTK_RESPONSE_REJECT)
    _gls_window_delete_draft (self);
  else
    return;

  /* close once the dialog, transient for this window, is gone */
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
}

static gboolean
gls_window_close_request (GtkWindow *window)
{
  GlsWindow *self = GLS_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  g_settings_set_int (self->settings, "sidebar-width",
                      gtk_widget_get_width (GTK_WIDGET (self->paned)) - gtk_paned_get_position (self->paned));
  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->closing || self->document == NULL || !gls_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (gls_window_parent_class)->close_request (window);

  name = g_file_get_basename (self->file);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the annotations of “%s” before closing?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you do not save, your changes will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Recent files                                                         */

static void
on_recent_activated (GlsWindow     *self,
                     GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  g_application_open (g_application_get_default (), &file, 1, "");
}

static void
fill_recent (GlsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  for (GList *l = items; l != NULL && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      GtkWidget *row, *label;

      if (g_get_prgname () == NULL || !gtk_recent_info_has_application (info, g_get_prgname ()) ||
          !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      row = gtk_list_box_row_new ();
      label = gtk_label_new (gtk_recent_info_get_display_name (info));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_tooltip_text (row, gtk_recent_info_get_uri_display (info));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_heading), n > 0);
}

/* ------------------------------------------------------------------ */

static void
gls_window_dispose (GObject *object)
{
  GlsWindow *self = (GlsWindow *)object;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);


  G_OBJECT_CLASS (gls_window_parent_class)->dispose (object);
}

static void
gls_window_finalize (GObject *object)
{
  GlsWindow *self = (GlsWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_object (&self->broken_sidecar);
  g_clear_object (&self->monitor);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->font_css);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->armed, g_free);

  G_OBJECT_CLASS (gls_window_parent_class)->finalize (object);
}

static void
gls_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlsWindow *self = GLS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ARMED:
      g_value_set_string (value, self->armed ? self->armed : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GlsWindow *self = GLS_WINDOW (object);
  const char *armed;

  switch (prop_id)
    {
    case PROP_ARMED:
      armed = g_value_get_string (value);
      if (g_strcmp0 (armed ? armed : "", self->armed ? self->armed : "") == 0)
        return;
      g_clear_pointer (&self->armed, g_free);
      if (armed != NULL && *armed != '\0')
        self->armed = g_strdup (armed);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_window_class_init (GlsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gls_window_dispose;
  object_class->finalize = gls_window_finalize;
  object_class->get_property = gls_window_get_property;
  object_class->set_property = gls_window_set_property;
  window_class->close_request = gls_window_close_request;

  /* the category armed for quick mode, "" when none: the state of win.arm */
  properties[PROP_ARMED] =
    g_param_spec_string ("armed", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLS_TYPE_ARTICLE_VIEW);
  g_type_ensure (GLS_TYPE_SIDEBAR);
  g_type_ensure (GLS_TYPE_INFO_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, error_label);

  _gls_window_class_actions_init (widget_class);
}

/* The document font from the preferences, as CSS for the article view. */
static void
on_font_changed (GlsWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "document-font");
  PangoFontDescription *description = pango_font_description_from_string (font);
  g_autoptr(GString) css = g_string_new ("textview.article {");
  PangoFontMask mask = pango_font_description_get_set_fields (description);

  if (mask & PANGO_FONT_MASK_FAMILY)
    g_string_append_printf (css, " font-family: \"%s\";", pango_font_description_get_family (description));
  if (mask & PANGO_FONT_MASK_SIZE)
    g_string_append_printf (css, " font-size: %.1f%s;",
                            pango_font_description_get_size (description) / (double) PANGO_SCALE,
                            pango_font_description_get_size_is_absolute (description) ? "px" : "pt");
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", pango_font_description_get_weight (description));
  if (mask & PANGO_FONT_MASK_STYLE)
    g_string_append_printf (css, " font-style: %s;",
                            pango_font_description_get_style (description) == PANGO_STYLE_ITALIC ? "italic" : "normal");
  g_string_append (css, " }");
  pango_font_description_free (description);

  gtk_css_provider_load_from_data (self->font_css, css->str, -1);
}

/* An article dropped on the window opens. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlsWindow     *self)
{
  GFile *file;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  file = g_value_get_object (value);
  g_application_open (g_application_get_default (), &file, 1, "");

  return TRUE;
}

static void
on_sidebar_visible (GlsWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), g_settings_get_boolean (self->settings, "sidebar-visible"));
}

static void
gls_window_init (GlsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned,
                          g_settings_get_int (self->settings, "window-width") - g_settings_get_int (self->settings, "sidebar-width"));
  g_signal_connect_object (self->settings, "changed::sidebar-visible", G_CALLBACK (on_sidebar_visible), self, G_CONNECT_SWAPPED);
  on_sidebar_visible (self);

  self->font_css = gtk_css_provider_new ();
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->article_view)),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (self->settings, "changed::document-font", G_CALLBACK (on_font_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::annotator-name", G_CALLBACK (update_annotator), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::draft-interval", G_CALLBACK (on_draft_interval_changed), self, G_CONNECT_SWAPPED);
  on_font_changed (self);

  {
    GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

    g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

  g_signal_connect_object (self->article_view, "notify::selected", G_CALLBACK (on_view_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "range-selected", G_CALLBACK (on_range_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "category-activated", G_CALLBACK (on_category_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "annotation-activated", G_CALLBACK (on_annotation_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_list, "row-activated", G_CALLBACK (on_recent_activated), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  fill_recent (self);
  _gls_window_update_actions (self);
}

GlsWindow *
gls_window_new (GtkApplication *application)
{
  return g_object_new (GLS_TYPE_WINDOW, "application", application, NULL);
}

GFile *
gls_window_get_file (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->file;
}

GlsDocument *
gls_window_get_document (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->document;
}

GlsArticleView *
gls_window_get_article_view (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->article_view;
}

gboolean
gls_window_is_loading (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);

  return self->loading;
}

/**
 * gls_window_get_info_message:
 *
 * Returns: (nullable): the text of the info bar, if one is shown
 */
const char *
gls_window_get_info_message (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return gls_info_bar_get_text (self->info_bar);
}

GtkWidget *
gls_window_get_note_view (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (gls_annotation_details_get_note_view (gls_sidebar_get_details (self->sidebar)));
}

/* What typing in the list's filter and choosing a category do. */
void
_gls_window_filter (GlsWindow  *self,
                    const char *text,
                    guint       category)
{
  g_return_if_fail (GLS_IS_WINDOW (self));

  _gls_sidebar_filter (self->sidebar, text, category);
}

guint
_gls_window_n_listed (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), 0);

  return _gls_sidebar_n_listed (self->sidebar);
}
