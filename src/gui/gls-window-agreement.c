/* gls-window-agreement.c
 * The window's commands for teams of coders: the agreement report of its
 * article, whose disagreements open in the text, and the adjudication of
 * its coders' sidecars. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-adjudication-window.h"
#include "gls-agreement-dialog.h"
#include "gls-dialogs.h"
#include "gls-settings.h"
#include "gls-window-private.h"

static void
on_open_passage (GlsWindow *self,
                 guint      start,
                 guint      end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter iter;

  gls_article_view_select_range (self->article_view, start, end);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->article_view), &iter, 0.1, TRUE, 0.0, 0.3);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/**
 * _gls_window_show_agreement:
 *
 * Returns: (transfer none) (nullable): the agreement report of the
 *   window's article, opened
 */
GlsAgreementDialog *
_gls_window_show_agreement (GlsWindow *self)
{
  GlsAgreementDialog *dialog;

  if (self->document == NULL)
    return NULL;

  dialog = gls_agreement_dialog_new (GTK_WINDOW (self), self->document);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "open-passage", G_CALLBACK (on_open_passage), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
action_agreement (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _gls_window_show_agreement (GLS_WINDOW (widget));
}

/**
 * gls_window_adjudicate:
 * @coder_files: (array length=n_coders): two or three coders' sidecars
 *   of @article
 *
 * Opens the adjudication of @article, whose gold standard is its own
 * sidecar; an error is shown on @parent, or printed without one.
 */
GtkWindow *
gls_window_adjudicate (GtkApplication  *application,
                       GtkWindow       *parent,
                       GFile           *article,
                       GFile          **coder_files,
                       guint            n_coders)
{
  g_autoptr(GlsAdjudication) adjudication = NULL;
  g_autoptr(GError) error = NULL;
  GlsAdjudicationWindow *window;

  adjudication = gls_adjudication_open (article, coder_files, n_coders, NULL, &error);
  if (adjudication == NULL)
    {
      if (parent == NULL)
        g_printerr ("%s\n", error->message);
      else
        gls_dialogs_show_error (parent, error->message);
      return NULL;
    }

  {
    g_autoptr(GSettings) settings = gls_settings_new ();
    g_autofree char *adjudicator = gls_settings_dup_annotator (settings);

    /* the gold's annotations carry the adjudicator's name, or pseudonym */
    gls_document_set_annotator (gls_adjudication_get_gold (adjudication), adjudicator);
  }
  window = gls_adjudication_window_new (application, adjudication);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
on_coders_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  GlsWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->file != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) coders = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (coders, g_list_model_get_item (files, i));
      gls_window_adjudicate (gtk_window_get_application (GTK_WINDOW (self)), GTK_WINDOW (self), self->file,
                             (GFile **) coders->pdata, coders->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
action_adjudicate (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->file == NULL)
    return;

  chooser = gls_dialogs_new_sidecar_chooser (GTK_WINDOW (self), _("Adjudicate: Choose Two or Three Coders’ Files"),
                                             _("_Adjudicate"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_coders_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_gls_window_class_agreement_init (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.agreement", NULL, action_agreement);
  gtk_widget_class_install_action (klass, "win.adjudicate", NULL, action_adjudicate);
}
