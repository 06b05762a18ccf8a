/* gls-article-view-actions.c
 * What the article view does on its own, apart from choosing annotations:
 * its context menu, scrolling to the very start and end, and telling
 * screen readers which annotations the caret is in. */
#define G_LOG_DOMAIN "gls-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-annotation-row.h"
#include "gls-article-view-private.h"

/* The context menu: the document's Undo and Redo (GtkTextView's would be
 * the buffer's, which only ever holds the article), Copy, Select All, and
 * what the window adds, "Annotate as" while text is selected. */
static void
update_context_menu (GlsArticleView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) history = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GMenuModel *extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (self));

  g_menu_append (history, _("_Undo"), "win.undo");
  g_menu_append (history, _("_Redo"), "win.redo");
  g_menu_append (edit, _("_Copy"), "clipboard.copy");
  g_menu_append (edit, _("Select _All"), "selection.select-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (history));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  if (extra != NULL)
    g_menu_append_section (menu, NULL, extra);

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), G_MENU_MODEL (menu));
}

static gboolean
popup_later (gpointer data)
{
  GlsArticleView *self = data;

  self->menu_source = 0;
  gtk_popover_popup (GTK_POPOVER (self->context_menu));

  return G_SOURCE_REMOVE;
}

/* GtkPopoverMenu adds the lines between its sections from an idle: popped
 * up at once, it is measured without them and comes out too short, its
 * last item ("Annotate as") hidden below a scroll. It pops up once they
 * are there. */
static void
popup_context_menu (GlsArticleView *self,
                    double          x,
                    double          y)
{
  GdkRectangle point = { (int) x, (int) y, 1, 1 };

  update_context_menu (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &point);
  if (self->menu_source == 0)
    self->menu_source = g_idle_add_full (G_PRIORITY_LOW, popup_later, self, NULL);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      GlsArticleView  *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu (self, x, y);
}

/* Shift+F10 or the Menu key: the menu at the caret. */
static void
action_context_menu (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle location;
  GtkTextIter iter;
  int x, y;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y + location.height, &x, &y);
  popup_context_menu (GLS_ARTICLE_VIEW (widget), x, y);
}

void
_gls_article_view_add_context_menu (GlsArticleView        *self,
                                    GtkShortcutController *shortcuts)
{
  GtkGesture *gesture = gtk_gesture_click_new ();
  const guint keys[][2] = {
    { GDK_KEY_F10, GDK_SHIFT_MASK },
    { GDK_KEY_Menu, 0 },
  };

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  self->context_menu = gtk_popover_menu_new_from_model_full (NULL, GTK_POPOVER_MENU_NESTED);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i][0], keys[i][1]),
                                                            gtk_named_action_new ("view.context-menu")));
}

/* Ctrl+Home and Ctrl+End show the very start and end, margins included:
 * GtkTextView stops where the first or last line shows. The text's height
 * grows as GTK measures the lines on the way, at each allocation: for a
 * moment, each allocation goes on to the edge. */
void
_gls_article_view_follow_edge (GlsArticleView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (self->edge_source == 0 || adjustment == NULL)
    return;

  gtk_adjustment_set_value (adjustment,
                            self->edge_end ? gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
                                           : gtk_adjustment_get_lower (adjustment));
}

static void
on_upper_changed (GtkAdjustment  *adjustment,
                  GParamSpec     *pspec,
                  GlsArticleView *self)
{
  _gls_article_view_follow_edge (self);
}

static gboolean
stop_following_edge (gpointer data)
{
  GlsArticleView *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  self->edge_source = 0;
  if (adjustment != NULL)
    g_signal_handlers_disconnect_by_func (adjustment, on_upper_changed, self);

  return G_SOURCE_REMOVE;
}

static void
action_edge (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  self->edge_end = g_variant_get_boolean (parameter);
  if (self->edge_end)
    gtk_text_buffer_get_end_iter (buffer, &iter);
  else
    gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer),
                                0, TRUE, 0, self->edge_end ? 1.0 : 0.0);

  if (self->edge_source != 0)
    {
      g_source_remove (self->edge_source);
      stop_following_edge (self);
    }
  self->edge_source = g_timeout_add (500, stop_following_edge, self);
  if (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)) != NULL)
    g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)), "notify::upper",
                             G_CALLBACK (on_upper_changed), self, 0);
  _gls_article_view_follow_edge (self);
  gtk_widget_queue_allocate (widget);
}

void
_gls_article_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.edge", "b", action_edge);
  gtk_widget_class_install_action (widget_class, "view.context-menu", NULL, action_context_menu);
}

/**
 * _gls_article_view_announce_caret:
 *
 * Describes the annotations the caret is in, "Factual claim, has note",
 * as the view's accessible description, which screen readers read out
 * when it changes.
 */
void
_gls_article_view_announce_caret (GlsArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GtkTextIter iter;

  if (self->document != NULL)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gls_document_query_at (self->document, gtk_text_iter_get_offset (&iter), found);
    }

  for (guint i = 0; i < found->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (found, i);
      g_autofree char *label = gls_annotation_dup_category_label (self->document, annotation);
      const char *note = gls_annotation_get_note (annotation);

      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: an annotation the caret is in, for a screen reader: category, then "has note" or "no note" */
      g_string_append_printf (text, _("%s, %s"), label,
                              note != NULL && *note != '\0' ? _("has note") : _("no note"));
    }

  if (g_strcmp0 (text->str, self->announced) == 0)
    return;

  g_free (self->announced);
  self->announced = g_strdup (text->str);
  if (text->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
