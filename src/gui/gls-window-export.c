/* gls-window-export.c
 * Exporting from the window: the format is picked in our own menu (Export
 * As), then a file chooser named for it, starting in the article's folder. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-window-private.h"

/**
 * _gls_window_start_chooser_here:
 *
 * Makes @chooser start in the folder of the window's article, rather than
 * in the chooser's “Recent”.
 */
void
_gls_window_start_chooser_here (GlsWindow      *self,
                                GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  if (self->file != NULL)
    folder = g_file_get_parent (self->file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_object_steal_data (G_OBJECT (self), "export-name");
  g_autofree char *label = g_object_steal_data (G_OBJECT (self), "export-format");

  if (!gls_document_file_export_finish (GLS_DOCUMENT_FILE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      return;
    }

  {
    /* Translators: the format's name, the file's path */
    g_autofree char *text = g_strdup_printf (_("Exported as %s to “%s”."), label, display);
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO, text);
  }
}

/**
 * gls_window_export:
 *
 * Exports the annotations to @file in @format_name in the background,
 * remembers the format for next time, and says where the file went (or
 * why it did not).
 *
 * Returns: whether the export started
 */
gboolean
gls_window_export (GlsWindow  *self,
                   GFile      *file,
                   const char *format_name)
{
  const GlsFormat *format = gls_format_lookup (format_name);

  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (self->document == NULL)
    return FALSE;

  g_settings_set_string (self->settings, "last-export-format", format->name);
  g_object_set_data_full (G_OBJECT (self), "export-name", g_file_get_parse_name (file), g_free);
  g_object_set_data_full (G_OBJECT (self), "export-format", g_strdup (_(format->label)), g_free);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gls_document_file_export_async (self->document_file, format, file, self->cancellable,
                                  on_exported, g_object_ref (self));

  return TRUE;
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *format = g_object_get_data (G_OBJECT (chooser), "format");

      gls_window_export (self, file, format);
    }

  g_object_unref (chooser);
}

/* Asks where to write the annotations in @format, suggesting the article's
 * name with the format's extension, in the article's folder. */
static void
choose_export_file (GlsWindow       *self,
                    const GlsFormat *format)
{
  g_autofree char *base = g_file_get_basename (self->file);
  g_autofree char *suggested = gls_format_dup_file_name (format, base);
  /* Translators: the title of the file chooser; the format's name, as in
   * “Export as TEI P5 XML” */
  g_autofree char *title = g_strdup_printf (_("Export as %s"), _(format->label));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  g_object_set_data (G_OBJECT (chooser), "format", (gpointer) format->name);

  gtk_file_filter_set_name (filter, _(format->label));
  gtk_file_filter_add_suffix (filter, format->extension + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  _gls_window_start_chooser_here (self, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* win.export (Ctrl+E): in the format used last */
static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autofree char *last = NULL;
  const GlsFormat *format;

  if (self->document == NULL)
    return;

  last = g_settings_get_string (self->settings, "last-export-format");
  if ((format = gls_format_lookup (last)) == NULL)
    format = gls_format_get_nth (0);

  choose_export_file (self, format);
}

/* win.export-as::FORMAT: the items of the Export As menu */
static void
action_export_as (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  const GlsFormat *format = gls_format_lookup (g_variant_get_string (parameter, NULL));

  if (self->document == NULL || format == NULL)
    return;

  choose_export_file (self, format);
}

/**
 * _gls_window_fill_export_menu:
 *
 * Adds one item per export format to @menu, each activating
 * win.export-as with the format's name, then the REFI-QDA project, which
 * is not a format of the annotations but a zip of the article with them.
 */
void
_gls_window_fill_export_menu (GMenu *menu)
{
  g_return_if_fail (G_IS_MENU (menu));

  for (guint i = 0; i < gls_format_get_n_formats (); i++)
    {
      const GlsFormat *format = gls_format_get_nth (i);
      /* Translators: an item of the Export As menu, which opens a file
       * chooser; the format's name, as in “TEI P5 XML…” */
      g_autofree char *label = g_strdup_printf (_("%s…"), _(format->label));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.export-as", "s", format->name);
      g_menu_append_item (menu, item);
    }

  g_menu_append (menu, _("REFI-QDA Project (.qdpx)…"), "win.export-qdpx");
}

void
_gls_window_class_export_init (GtkWidgetClass *klass)
{
  /* no field: gtk_widget_get_template_child() finds it */
  gtk_widget_class_bind_template_child_full (klass, "export_menu", FALSE, 0);
  gtk_widget_class_install_action (klass, "win.export", NULL, action_export);
  gtk_widget_class_install_action (klass, "win.export-as", "s", action_export_as);
}
