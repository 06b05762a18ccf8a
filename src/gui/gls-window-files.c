/* gls-window-files.c
 * The window's article and annotation files: loading in a worker thread,
 * saving, drafts, watching the file and merging with the version on disk. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-annotation-row.h"
#include "gls-window-private.h"

/* ------------------------------------------------------------------ */
/* Work in the background                                               */

static const char *
describe_operation (GlsFileOperation operation)
{
  switch (operation)
    {
    case GLS_FILE_OPERATION_LOAD:
      return _("Reading the annotations…");
    case GLS_FILE_OPERATION_SAVE:
      return _("Saving…");
    case GLS_FILE_OPERATION_DRAFT:
      return _("Keeping a draft…");
    case GLS_FILE_OPERATION_EXPORT:
      return _("Exporting…");
    case GLS_FILE_OPERATION_IMPORT:
      return _("Importing…");
    case GLS_FILE_OPERATION_MERGE:
      return _("Reading the annotations on disk…");
    case GLS_FILE_OPERATION_RELOAD:
      return _("Reading the article again…");
    case GLS_FILE_OPERATION_NONE:
    default:
      return NULL;
    }
}

static gboolean
show_progress_cb (gpointer data)
{
  GlsWindow *self = data;
  GlsFileOperation operation = gls_document_file_get_operation (self->document_file);

  self->progress_source = 0;
  if (operation == GLS_FILE_OPERATION_NONE)
    return G_SOURCE_REMOVE;

  gtk_label_set_text (self->progress_label, describe_operation (operation));
  /* a draft is the window's own business: it is not the user's to stop */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_cancel), operation != GLS_FILE_OPERATION_DRAFT);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  return G_SOURCE_REMOVE;
}

/* Work that takes longer than a moment shows its progress. */
static void
on_operation_changed (GlsWindow *self)
{
  GlsFileOperation operation = gls_document_file_get_operation (self->document_file);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  if (operation == GLS_FILE_OPERATION_NONE)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  else
    self->progress_source = g_timeout_add (300, show_progress_cb, self);

  _gls_window_update_actions (self);
}

static void
on_progress (GlsWindow *self)
{
  if (gls_document_file_get_operation (self->document_file) == GLS_FILE_OPERATION_LOAD)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, gls_document_file_get_progress (self->document_file));
}

/* Stops the export, import, save or load under way. */
void
_gls_window_cancel_operation (GlsWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* A cancellable of its own for each operation the user may stop. */
static GCancellable *
new_cancellable (GlsWindow *self)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

/* ------------------------------------------------------------------ */
/* Drafts                                                               */

/**
 * gls_window_dup_draft_file:
 *
 * Returns: (transfer full) (nullable): where drafts of this window's
 *   annotations go
 */
GFile *
gls_window_dup_draft_file (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  if (self->document_file == NULL)
    return NULL;

  return gls_document_file_dup_draft_file (self->document_file);
}

/* Deletes the draft: the user chose to lose the work it holds. */
void
_gls_window_delete_draft (GlsWindow *self)
{
  if (self->document_file != NULL)
    gls_document_file_discard_draft (self->document_file);
}

static void
on_draft_restored (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gls_document_file_restore_draft_finish (GLS_DOCUMENT_FILE (object), result, &error))
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
}

/* Takes the draft's annotations, read in the background, as one step. */
void
_gls_window_restore_draft (GlsWindow *self)
{
  if (self->document_file != NULL)
    gls_document_file_restore_draft_async (self->document_file, NULL, on_draft_restored, g_object_ref (self));
}

static void
on_draft_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gls_document_file_save_draft_finish (GLS_DOCUMENT_FILE (object), result, &error))
    gls_info_bar_show_draft_error (self->info_bar, error);
}

/**
 * gls_window_save_draft:
 *
 * Writes the unsaved annotations to the draft file, in the background.
 *
 * Returns: whether there were unsaved annotations to write
 */
gboolean
gls_window_save_draft (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);

  if (self->document == NULL || !gls_document_get_modified (self->document))
    return FALSE;

  gls_document_file_save_draft_async (self->document_file, NULL, on_draft_saved, g_object_ref (self));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Watching the files                                                   */

/* What the user may do when the sidecar changed under the document. */
static void
show_changed_on_disk (GlsWindow  *self,
                      const char *text)
{
  gls_info_bar_show (self->info_bar, GLS_INFO_CHANGED_ON_DISK, GTK_MESSAGE_WARNING, text);
}

static void
on_sidecar_changed (GlsWindow *self)
{
  gls_info_bar_show_sidecar_changed (self->info_bar);
}

static void
on_source_changed (GlsWindow *self)
{
  _gls_window_article_changed (self, NULL);
}

static void
on_kept_mine (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gls_document_file_keep_mine_finish (GLS_DOCUMENT_FILE (object), result, &error))
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
}

/* The version on disk is the one the next save replaces. */
void
_gls_window_keep_mine (GlsWindow *self)
{
  if (self->document_file != NULL)
    gls_document_file_keep_mine_async (self->document_file, NULL, on_kept_mine, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

static void
on_source_ready (GlsWindow *self,
                 GlsSource *source)
{
  gls_article_view_show_source (self->article_view, source);
}

static void
show_open_error (GlsWindow  *self,
                 const char *message)
{
  gtk_label_set_text (self->error_label, message);
  _gls_window_set_document (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

typedef struct
{
  GlsWindow       *window;
  GlsDocumentFile *document_file;
  char            *codebook_error;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->window);
  g_object_unref (load->document_file);
  g_free (load->codebook_error);
  g_free (load);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  GlsWindow *self = load->window;
  GlsDocumentFile *document_file = GLS_DOCUMENT_FILE (object);
  g_autoptr(GError) error = NULL;
  const GError *sidecar_error;
  GPtrArray *problems;
  GlsDocument *document;

  /* a load that was replaced by another, or stopped, changes nothing */
  if (!gls_document_file_load_finish (document_file, result, &error) && self->document_file == document_file)
    {
      self->loading = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_open_error (self, error->message);
    }
  if (error != NULL || self->document_file != document_file)
    {
      load_free (load);
      return;
    }

  self->loading = FALSE;
  document = gls_document_file_get_document (document_file);
  sidecar_error = gls_document_file_get_sidecar_error (document_file);
  problems = gls_document_file_get_problems (document_file);
  _gls_window_set_document (self, document);
  gls_info_bar_clear (self->info_bar);

  {
    g_autofree char *uri = g_file_get_uri (self->file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }

  if (gls_document_file_get_broken_sidecar (document_file) != NULL)
    {
      g_autofree char *name = g_file_get_basename (gls_document_file_get_broken_sidecar (document_file));
      g_autofree char *text =
        g_strdup_printf (_("The annotations in “%s” could not be read, so the article opened without them.\n"
                           "The file is kept as it is: your first save moves it aside.\n%s"),
                         name, sidecar_error ? sidecar_error->message : "");

      gls_info_bar_show (self->info_bar, GLS_INFO_BROKEN_SIDECAR, GTK_MESSAGE_ERROR, text);
    }
  else if (sidecar_error != NULL)
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, sidecar_error->message);
  else if (load->codebook_error != NULL)
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, load->codebook_error);
  else if (gls_info_bar_offer_draft (self->info_bar, document_file))
    ;
  else if (_gls_window_show_reanchored (self))
    ;
  else if (problems != NULL && gls_problems_count (problems, GLS_PROBLEM_WARNING) > 0)
    {
      g_autofree char *text = gls_problems_to_string (problems, GLS_PROBLEM_WARNING);
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, text);
    }

  load_free (load);
}

static void
on_draft_failed (GlsWindow    *self,
                 const GError *error)
{
  gls_info_bar_show_draft_error (self->info_bar, error);
}

/* Reads the window's file and its annotations in a worker thread, decoded
 * from @encoding unless it is %NULL; the old document goes at once. */
void
_gls_window_load (GlsWindow  *self,
                  const char *encoding)
{
  g_autofree char *codebook_path = g_settings_get_string (self->settings, "default-codebook");
  g_autoptr(GlsCodebook) default_codebook = NULL;
  Load *load = g_new0 (Load, 1);

  if (*codebook_path != '\0')
    {
      g_autoptr(GFile) codebook_file = g_file_new_for_path (codebook_path);
      g_autoptr(GError) error = NULL;

      default_codebook = gls_codebook_new_from_file (codebook_file, NULL, NULL, &error);
      if (default_codebook == NULL)
        /* Translators: the problem with the codebook file chosen in the preferences */
        load->codebook_error = g_strdup_printf (_("The default codebook from the preferences cannot be used: %s"),
                                                error->message);
    }

  /* the old document goes at once: nothing may act on it over new text */
  self->loading = TRUE;
  _gls_window_cancel_operation (self);
  if (self->document_file != NULL)
    g_signal_handlers_disconnect_by_data (self->document_file, self);
  _gls_window_set_document (self, NULL);
  g_set_object (&self->document_file, NULL);
  self->document_file = gls_document_file_new (self->file);
  gtk_stack_set_visible_child_name (self->stack, "document");

  g_signal_connect_object (self->document_file, "source-ready", G_CALLBACK (on_source_ready), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "sidecar-changed", G_CALLBACK (on_sidecar_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "source-changed", G_CALLBACK (on_source_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "draft-failed", G_CALLBACK (on_draft_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "notify::operation", G_CALLBACK (on_operation_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "notify::progress", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "draft-interval", self->document_file, "draft-interval", G_SETTINGS_BIND_GET);

  load->window = g_object_ref (self);
  load->document_file = g_object_ref (self->document_file);
  gls_document_file_load_async (self->document_file, encoding, default_codebook, GLS_LOAD_KEEP_ARTICLE,
                                new_cancellable (self), on_loaded, load);
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

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK))
    {
      show_changed_on_disk (self, error->message);
      return;
    }

  if (g_error_matches (error, GLS_ERROR, GLS_ERROR_SOURCE_CHANGED))
    {
      _gls_window_article_changed (self, error->message);
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

typedef struct
{
  GlsWindow *window;
  gboolean   close;
} Save;

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = user_data;
  g_autoptr(GlsWindow) self = save->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) aside = NULL;
  gboolean close = save->close;

  g_free (save);

  if (!gls_document_file_save_finish (GLS_DOCUMENT_FILE (object), result, &aside, &error))
    {
      show_save_error (self, error);
      return;
    }

  if (aside != NULL)
    {
      g_autofree char *name = g_file_get_basename (aside);
      g_autofree char *text = g_strdup_printf (_("The unreadable annotations were kept as “%s”."), name);

      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO, text);
    }
  else if (gls_info_bar_get_kind (self->info_bar) == GLS_INFO_CHANGED_ON_DISK ||
           gls_info_bar_get_kind (self->info_bar) == GLS_INFO_DRAFT ||
           gls_info_bar_get_kind (self->info_bar) == GLS_INFO_BROKEN_SIDECAR)
    gls_info_bar_clear (self->info_bar);
  else
    _gls_window_review_saved (self);

  if (close)
    _gls_window_close_after_save (self);
}

/* Saves in the background; with @close, the window closes once saved. */
void
_gls_window_save (GlsWindow *self,
                  gboolean   close)
{
  Save *save;

  if (self->document == NULL)
    return;

  save = g_new0 (Save, 1);
  save->window = g_object_ref (self);
  save->close = close;
  gls_document_file_save_async (self->document_file, new_cancellable (self), on_saved, save);
}

static void
on_copy_saved (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_object_steal_data (G_OBJECT (self), "copy-name");

  if (!gls_document_file_save_copy_finish (GLS_DOCUMENT_FILE (object), result, &error))
    show_save_error (self, error);
  else
    {
      g_autofree char *text = g_strdup_printf (_("A copy of the annotations was saved as “%s”."), name);

      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO, text);
    }
}

static void
on_save_copy_response (GtkNativeDialog *chooser,
                       int              response,
                       GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document_file != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_object_set_data_full (G_OBJECT (self), "copy-name", g_file_get_parse_name (file), g_free);
      gls_document_file_save_copy_async (self->document_file, file, new_cancellable (self),
                                         on_copy_saved, g_object_ref (self));
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
  _gls_window_start_chooser_here (self, GTK_FILE_CHOOSER (chooser));
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

/* A merge under way: the side it is for, and the annotations changed on
 * both sides that are left to settle. */
typedef struct
{
  GlsWindow   *window;
  GlsDocument *document;
  GlsInfoBar  *info_bar;
  GPtrArray   *conflicts;   /* GlsMergeConflict */
} Merge;

static void
merge_free (Merge *merge)
{
  g_object_unref (merge->window);
  g_clear_object (&merge->document);
  g_object_unref (merge->info_bar);
  g_clear_pointer (&merge->conflicts, g_ptr_array_unref);
  g_free (merge);
}

static char *
describe_version (GlsDocument   *document,
                  GlsAnnotation *annotation)
{
  GlsCategory *category;
  g_autofree char *excerpt = NULL;
  const char *note;

  if (annotation == NULL)
    return g_strdup (_("deleted"));

  category = gls_codebook_lookup (gls_document_get_codebook (document), gls_annotation_get_category (annotation));
  excerpt = gls_annotation_dup_excerpt (document, annotation, 60);
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

static void settle_next_conflict (Merge *merge);

static void
on_conflict_response (GtkDialog *dialog,
                      int        response,
                      Merge     *merge)
{
  GlsMergeConflict *conflict = g_ptr_array_index (merge->conflicts, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gls_document_resolve_conflict (merge->document, conflict, response == GTK_RESPONSE_ACCEPT);
  g_ptr_array_remove_index (merge->conflicts, 0);
  settle_next_conflict (merge);
}

/* Each annotation changed on both sides is shown for the user to choose:
 * nothing is lost without the user choosing it. */
static void
settle_next_conflict (Merge *merge)
{
  GlsMergeConflict *conflict;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  GtkWidget *dialog;

  if (merge->conflicts->len == 0)
    {
      gls_info_bar_show (merge->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO,
                         _("The annotations on disk were merged with yours. Save to keep the result."));
      merge_free (merge);
      return;
    }

  conflict = g_ptr_array_index (merge->conflicts, 0);
  mine = describe_version (merge->document, conflict->mine);
  theirs = describe_version (merge->document, conflict->theirs);

  dialog = gtk_message_dialog_new (GTK_WINDOW (merge->window), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("An annotation was changed both here and on disk"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            /* Translators: the two versions of one annotation */
                                            _("Here: %s\nOn disk: %s"), mine, theirs);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Keep My Version"), GTK_RESPONSE_REJECT,
                          _("_Use the Version on Disk"), GTK_RESPONSE_ACCEPT,
                          NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), merge);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_merged (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Merge *merge = user_data;
  g_autoptr(GError) error = NULL;

  merge->conflicts = gls_document_file_merge_finish (GLS_DOCUMENT_FILE (object), result, &error);
  if (merge->conflicts == NULL)
    {
      gls_info_bar_show (merge->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      merge_free (merge);
      return;
    }

  settle_next_conflict (merge);
}

/**
 * _gls_window_merge_file:
 * @info_bar: the bar that tells the outcome: the one above that article
 *
 * Takes the changes made on disk into @document_file's document, asking
 * about each annotation changed on both sides; the file is read in the
 * background. For the window's article and for the one compared with it.
 */
void
_gls_window_merge_file (GlsWindow       *self,
                        GlsDocumentFile *document_file,
                        GlsInfoBar      *info_bar)
{
  Merge *merge;

  if (document_file == NULL || gls_document_file_get_document (document_file) == NULL)
    return;

  merge = g_new0 (Merge, 1);
  merge->window = g_object_ref (self);
  merge->document = g_object_ref (gls_document_file_get_document (document_file));
  merge->info_bar = g_object_ref (info_bar);
  gls_document_file_merge_async (document_file, NULL, on_merged, merge);
}

void
_gls_window_merge (GlsWindow *self)
{
  _gls_window_merge_file (self, self->document_file, self->info_bar);
}
