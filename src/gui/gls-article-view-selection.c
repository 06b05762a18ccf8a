/* gls-article-view-selection.c
 * When a selection made with the keyboard is finished: Shift let go after
 * it changed the selection, as a mouse selection is at the button's release. */
#define G_LOG_DOMAIN "gls-article-view"

#include "config.h"

#include "gls-article-view-private.h"

static GlsSpan
get_selection_span (GlsArticleView *self)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &a, &b);

  return (GlsSpan) { gtk_text_iter_get_offset (&a), gtk_text_iter_get_offset (&b) };
}

static gboolean
on_shift_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GlsArticleView        *self)
{
  if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R)
    self->shift_selection = get_selection_span (self);

  return GDK_EVENT_PROPAGATE;
}

/* A keyboard selection is finished when Shift is let go, as a mouse
 * selection is when the button is; a shortcut with Shift that selected
 * nothing new finishes nothing. */
static void
on_shift_released (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GlsArticleView        *self)
{
  GlsSpan span;

  if (keyval != GDK_KEY_Shift_L && keyval != GDK_KEY_Shift_R)
    return;

  span = get_selection_span (self);
  if (span.start < span.end &&
      (span.start != self->shift_selection.start || span.end != self->shift_selection.end))
    _gls_article_view_range_selected (self, span.start, span.end);
}

/* Listens to Shift before the text view's input method sees it. */
void
_gls_article_view_add_selection_keys (GlsArticleView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_shift_pressed), self);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_shift_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
