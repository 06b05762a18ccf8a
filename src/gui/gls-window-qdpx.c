/* gls-window-qdpx.c
 * REFI-QDA projects from the window: the article exported as a .qdpx, and
 * a .qdpx imported into a folder of articles, both off the main thread. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-dialogs.h"
#include "gls-qdpx.h"
#include "gls-window-private.h"

static void
on_project_exported (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_object_steal_data (G_OBJECT (self), "qdpx-export-name");
  g_autofree char *text = NULL;

  if (!gls_document_file_export_qdpx_finish (GLS_DOCUMENT_FILE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      return;
    }

  /* Translators: the file's path */
  text = g_strdup_printf (_("Exported as a REFI-QDA project to “%s”."), display);
  gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO, text);
}

/**
 * _gls_window_export_qdpx:
 *
 * Writes the article and its annotations to @file as a REFI-QDA project,
 * in the background, and says where it went (or why it did not).
 */
void
_gls_window_export_qdpx (GlsWindow *self,
                         GFile     *file)
{
  g_autofree char *base = NULL;
  g_autofree char *project_name = NULL;

  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  /* the project is named as its file is, without the extension */
  base = g_file_get_basename (file);
  project_name = g_str_has_suffix (base, ".qdpx") ? g_strndup (base, strlen (base) - 5) : g_strdup (base);

  g_object_set_data_full (G_OBJECT (self), "qdpx-export-name", g_file_get_parse_name (file), g_free);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gls_document_file_export_qdpx_async (self->document_file, project_name, file, self->cancellable,
                                       on_project_exported, g_object_ref (self));
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _gls_window_export_qdpx (self, file);
    }

  g_object_unref (chooser);
}

static GtkFileFilter *
new_qdpx_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("REFI-QDA Projects"));
  gtk_file_filter_add_suffix (filter, "qdpx");

  return filter;
}

/* win.export-qdpx: the last item of Export As */
static void
action_export_qdpx (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (self->document == NULL)
    return;

  base = g_file_get_basename (self->file);
  suggested = g_strconcat (base, ".qdpx", NULL);
  chooser = gtk_file_chooser_native_new (_("Export as a REFI-QDA Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  filter = new_qdpx_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  _gls_window_start_chooser_here (self, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}


/* Importing: what the worker thread needs, and what it found */
typedef struct
{
  GFile     *file;
  GFile     *folder;
  GPtrArray *written;  /* GFile */
  GPtrArray *skipped;  /* messages */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->folder);
  g_clear_pointer (&job->written, g_ptr_array_unref);
  g_clear_pointer (&job->skipped, g_ptr_array_unref);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (gls_qdpx_import (job->file, job->folder, NULL, job->written, job->skipped, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_import_dialog_response (GtkDialog *dialog,
                           int        response,
                           GlsWindow *self)
{
  GFile *first = g_object_get_data (G_OBJECT (dialog), "first-article");

  if (response == GTK_RESPONSE_ACCEPT && first != NULL)
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &first, 1, "");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* What was imported, each article by name, then what was left out. */
static char *
describe_import (ImportJob *job)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < job->written->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (job->written, i));

      g_string_append_printf (text, "• %s\n", name);
    }

  if (job->skipped->len > 0)
    {
      /* Translators: heads the list of what the project held and
       * Glossator could not import */
      g_string_append_printf (text, "\n%s\n", _("Left out:"));
      for (guint i = 0; i < job->skipped->len; i++)
        g_string_append_printf (text, "• %s\n", (const char *) g_ptr_array_index (job->skipped, i));
    }

  return g_string_free (text, FALSE);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlsWindow *self = GLS_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_file_get_parse_name (job->folder);
  g_autofree char *details = NULL;
  GtkWidget *dialog;

  g_object_set_data (G_OBJECT (self), "qdpx-importing", NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-qdpx", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gls_dialogs_show_error (GTK_WINDOW (self), error->message);
      return;
    }

  details = describe_import (job);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   job->skipped->len > 0 ? GTK_MESSAGE_WARNING : GTK_MESSAGE_INFO,
                                   GTK_BUTTONS_NONE,
                                   /* Translators: the number of articles, the folder */
                                   g_dngettext (GETTEXT_PACKAGE, "Imported %u article into “%s”",
                                                "Imported %u articles into “%s”", job->written->len),
                                   job->written->len, folder);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", details);
  gtk_widget_set_name (dialog, "qdpx-import-report");
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Close"), GTK_RESPONSE_CLOSE);
  if (job->written->len > 0)
    {
      g_object_set_data_full (G_OBJECT (dialog), "first-article",
                              g_object_ref (g_ptr_array_index (job->written, 0)), g_object_unref);
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Open the First Article"), GTK_RESPONSE_ACCEPT);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _gls_window_import_qdpx:
 *
 * Reads the REFI-QDA project @file into @folder in a worker thread, then
 * shows what was imported and what was left out, and offers to open the
 * first article.
 */
void
_gls_window_import_qdpx (GlsWindow *self,
                         GFile     *file,
                         GFile     *folder)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (G_IS_FILE (folder));

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->folder = g_object_ref (folder);
  job->written = g_ptr_array_new_with_free_func (g_object_unref);
  job->skipped = g_ptr_array_new_with_free_func (g_free);

  /* one import at a time */
  g_object_set_data (G_OBJECT (self), "qdpx-importing", GINT_TO_POINTER (TRUE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-qdpx", FALSE);

  task = g_task_new (self, NULL, on_imported, NULL);
  g_task_set_source_tag (task, _gls_window_import_qdpx);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * _gls_window_is_importing_qdpx:
 *
 * Returns: whether a project is being imported
 */
gboolean
_gls_window_is_importing_qdpx (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);

  return g_object_get_data (G_OBJECT (self), "qdpx-importing") != NULL;
}

static void
on_folder_response (GtkNativeDialog *chooser,
                    int              response,
                    GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GFile *file = g_object_get_data (G_OBJECT (chooser), "qdpx-file");

      _gls_window_import_qdpx (self, file, folder);
    }

  g_object_unref (chooser);
}

/* The second step: the folder the articles go into */
static void
choose_import_folder (GlsWindow *self,
                      GFile     *file)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import the Project’s Articles Into"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Import"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (chooser), "qdpx-file", g_object_ref (file), g_object_unref);
  _gls_window_start_chooser_here (self, GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_project_response (GtkNativeDialog *chooser,
                     int              response,
                     GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      choose_import_folder (self, file);
    }

  g_object_unref (chooser);
}

/* win.import-qdpx: a project, then a folder */
static void
action_import_qdpx (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = new_qdpx_filter ();
  GtkFileChooserNative *chooser;

  if (_gls_window_is_importing_qdpx (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Import a REFI-QDA Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Next"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  _gls_window_start_chooser_here (self, GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_project_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_gls_window_class_qdpx_init (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.export-qdpx", NULL, action_export_qdpx);
  gtk_widget_class_install_action (klass, "win.import-qdpx", NULL, action_import_qdpx);
}
