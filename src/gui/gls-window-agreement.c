/* gls-window-agreement.c
 * The window's commands for teams of coders: the agreement report of its
 * article, whose disagreements open in the text. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-agreement-dialog.h"
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

void
_gls_window_class_agreement_init (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.agreement", NULL, action_agreement);
}
