/* gls-dialogs.c
 * Small dialogs the agreement and adjudication windows share: an error
 * message, and a chooser of coders' sidecars. */
#define G_LOG_DOMAIN "gls-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-dialogs.h"

/* A modal message on @parent that goes when it is answered */
void
gls_dialogs_show_error (GtkWindow  *parent,
                        const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (message != NULL);

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gls_dialogs_new_sidecar_chooser:
 *
 * Returns: (transfer full): a modal chooser of one or more sidecars, not
 *   shown yet
 */
GtkFileChooserNative *
gls_dialogs_new_sidecar_chooser (GtkWindow  *parent,
                                 const char *title,
                                 const char *accept_label)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Sidecars"));
  gtk_file_filter_add_pattern (filter, "*.annotations.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

/**
 * gls_dialogs_add_save_buttons:
 *
 * Cancel, Discard and Save for a "save before closing?" question, with
 * Save the default and focused: Return saves, whichever button GTK would
 * have focused first; Escape cancels.
 */
void
gls_dialogs_add_save_buttons (GtkDialog *dialog)
{
  GtkWidget *save;

  gtk_dialog_add_buttons (dialog,
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (dialog, GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_dialog_set_default_response (dialog, GTK_RESPONSE_ACCEPT);
  save = gtk_dialog_get_widget_for_response (dialog, GTK_RESPONSE_ACCEPT);
  gtk_window_set_focus (GTK_WINDOW (dialog), save);
}
