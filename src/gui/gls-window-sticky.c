/* gls-window-sticky.c
 * Sticky mode: every selection finished with the mouse or the keyboard is
 * annotated at once with the last category used; the header says so. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-window-private.h"

/* The category sticky mode gives, if the codebook has it. */
static GlsCategory *
sticky_category (GlsWindow *self)
{
  if (self->document == NULL || self->last_category == NULL)
    return NULL;

  return gls_codebook_lookup (gls_document_get_codebook (self->document), self->last_category);
}

/**
 * _gls_window_update_sticky:
 *
 * Shows in the header whether sticky mode is on, and the category it
 * gives; a change is said to screen readers through the article's
 * description, as the caret's annotations are.
 */
void
_gls_window_update_sticky (GlsWindow *self)
{
  GlsCategory *category = sticky_category (self);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  g_assert (GLS_IS_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->sticky_label), self->sticky);
  if (!self->sticky)
    return;

  if (category != NULL)
    {
      /* Translators: in the header bar while sticky mode is on: the category each new selection gets */
      text = g_strdup_printf (_("Sticky: %s"), gls_category_get_label (category));
      /* Translators: said by a screen reader when sticky mode starts or its category changes */
      spoken = g_strdup_printf (_("Sticky mode: each selection becomes %s"), gls_category_get_label (category));
    }
  else
    {
      /* Translators: in the header bar while sticky mode is on and no category was used yet */
      text = g_strdup (_("Sticky: choose a category"));
      spoken = g_strdup (_("Sticky mode: annotate once with a category, then each selection gets it"));
    }

  if (g_strcmp0 (gtk_label_get_text (self->sticky_label), text) == 0)
    return;
  gtk_label_set_text (self->sticky_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->article_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                  -1);
}

/* The state of win.sticky. */
void
_gls_window_set_sticky (GlsWindow *self,
                        gboolean   sticky)
{
  g_assert (GLS_IS_WINDOW (self));

  self->sticky = !!sticky;
  gtk_label_set_text (self->sticky_label, "");
  _gls_window_update_sticky (self);
  if (!self->sticky)
    /* Translators: said by a screen reader when sticky mode ends */
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->article_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Sticky mode off"),
                                    -1);
}

/**
 * _gls_window_sticky_annotate:
 *
 * In sticky mode, annotates the selection just finished with the last
 * category used: one step to undo, as a key press is.
 *
 * Returns: whether it did
 */
gboolean
_gls_window_sticky_annotate (GlsWindow *self)
{
  GlsCategory *category = sticky_category (self);

  g_assert (GLS_IS_WINDOW (self));

  if (!self->sticky || category == NULL)
    return FALSE;

  _gls_window_annotate (self, gls_category_get_id (category));

  return TRUE;
}
