/* gls-focus-return.c
 * The keyboard focus comes back from a menu that closed without giving
 * it back.
 *
 * GTK 4.8 leaves a window's focus in a popover menu when an item of one of
 * its submenus (the main menu's Export As, State of Work, Encoding; the
 * context menu's Annotate as) is chosen with the mouse: the popover hides,
 * the focus stays on a widget in it that is no longer shown, and every key
 * goes nowhere until a click. Once a popover that held the focus has
 * closed, if the focus is on nothing shown, it goes back to the widget
 * that had it before. */
#define G_LOG_DOMAIN "gls-focus-return"

#include "config.h"

#include "gls-focus-return.h"

typedef struct
{
  GtkWindow *window;      /* unowned: it owns this */
  GtkWidget *last_focus;  /* weak: the last focus outside a popover */
  guint      check_source;
} FocusReturn;

static void
focus_return_free (gpointer data)
{
  FocusReturn *self = data;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_weak_pointer (&self->last_focus);
  g_free (self);
}

static gboolean
check_focus (gpointer data)
{
  FocusReturn *self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));

  self->check_source = 0;

  if (focus != NULL && gtk_widget_get_mapped (focus))
    return G_SOURCE_REMOVE;

  g_debug ("The focus was left on %s, which is not shown", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  if (self->last_focus == NULL || !gtk_widget_get_mapped (self->last_focus) ||
      !gtk_widget_grab_focus (self->last_focus))
    gtk_widget_child_focus (GTK_WIDGET (self->window), GTK_DIR_TAB_FORWARD);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (FocusReturn *self)
{
  if (self->check_source == 0)
    self->check_source = g_idle_add (check_focus, self);
}

/* After the popover's own hiding is done */
static void
on_popover_closed (GtkWindow *window)
{
  FocusReturn *self = g_object_get_data (G_OBJECT (window), "gls-focus-return");

  if (self != NULL)
    schedule_check (self);
}

static void
on_focus_changed (GtkWindow   *window,
                  GParamSpec  *pspec,
                  FocusReturn *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *popover = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) : NULL;

  if (popover == NULL)
    {
      if (focus != NULL && gtk_widget_get_mapped (focus))
        g_set_weak_pointer (&self->last_focus, focus);
      else
        schedule_check (self);
      return;
    }

  /* once a popover */
  if (g_object_get_data (G_OBJECT (popover), "gls-focus-return") == NULL)
    {
      g_object_set_data (G_OBJECT (popover), "gls-focus-return", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (popover, "closed", G_CALLBACK (on_popover_closed), window, G_CONNECT_SWAPPED);
    }
}

/**
 * gls_focus_return_watch:
 *
 * Gives @window's focus back to where it was when a popover menu leaves it
 * on a widget that is no longer shown.
 */
void
gls_focus_return_watch (GtkWindow *window)
{
  FocusReturn *self;

  g_return_if_fail (GTK_IS_WINDOW (window));

  self = g_new0 (FocusReturn, 1);
  self->window = window;
  g_object_set_data_full (G_OBJECT (window), "gls-focus-return", self, focus_return_free);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), self);
}
