/* gls-cascade.c
 * A new window of ours does not open exactly over another one.
 *
 * GTK 4 has no way to place a window.  On Wayland the compositor places
 * new windows itself (mutter does not stack them exactly), so there is
 * nothing to do there.  On X11 with no window manager every window opens
 * at the screen's corner, and some window managers put each new window
 * where the last one was: once a new window is mapped, if it sits where
 * another of ours already is, it steps down and right until it sits alone,
 * staying on the screen. */
#define G_LOG_DOMAIN "gls-cascade"

#include "config.h"

#include "gls-cascade.h"

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>

#define CASCADE_STEP  32   /* application pixels, down and right */
#define CASCADE_SLACK  4   /* closer than that is the same spot */
#define CASCADE_TRIES 64

typedef struct
{
  int x;
  int y;
  int width;
  int height;
} Frame;

/* Where @xid is on the screen, in root window pixels. */
static gboolean
get_frame (Display *xdisplay,
           Window   xid,
           Frame   *frame)
{
  XWindowAttributes attributes;
  Window child;

  if (!XGetWindowAttributes (xdisplay, xid, &attributes) ||
      !XTranslateCoordinates (xdisplay, xid, DefaultRootWindow (xdisplay), 0, 0,
                              &frame->x, &frame->y, &child))
    return FALSE;

  frame->width = attributes.width;
  frame->height = attributes.height;

  return TRUE;
}

static Window
get_xid (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL && GDK_IS_X11_SURFACE (surface) ? gdk_x11_surface_get_xid (surface) : None;
}

/* Whether another shown window of the application sits at @x, @y. */
static gboolean
is_taken (GtkWindow *window,
          Display   *xdisplay,
          int        x,
          int        y)
{
  GtkApplication *application = gtk_window_get_application (window);

  if (application == NULL)
    return FALSE;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      Window other = get_xid (l->data);
      Frame frame;

      if (l->data == (gpointer) window || other == None || !gtk_widget_get_mapped (l->data))
        continue;
      if (get_frame (xdisplay, other, &frame) &&
          ABS (frame.x - x) <= CASCADE_SLACK && ABS (frame.y - y) <= CASCADE_SLACK)
        return TRUE;
    }

  return FALSE;
}

static void
cascade (GtkWindow *window,
         Display   *xdisplay,
         Window     xid)
{
  int step = CASCADE_STEP * gtk_widget_get_scale_factor (GTK_WIDGET (window));
  int screen_width = DisplayWidth (xdisplay, DefaultScreen (xdisplay));
  int screen_height = DisplayHeight (xdisplay, DefaultScreen (xdisplay));
  guint wraps = 0;
  Frame frame;
  int x, y;

  if (!get_frame (xdisplay, xid, &frame) || !is_taken (window, xdisplay, frame.x, frame.y))
    return;

  x = frame.x;
  y = frame.y;
  for (guint i = 0; i < CASCADE_TRIES && is_taken (window, xdisplay, x, y); i++)
    {
      x += step;
      y += step;
      /* past the screen's edge: back near its corner, a quarter step
       * further in each time round */
      if (x + frame.width > screen_width || y + frame.height > screen_height)
        x = y = ++wraps * step / 4;
    }

  g_debug ("Moving a new window from %d,%d to %d,%d", frame.x, frame.y, x, y);
  XMoveWindow (xdisplay, xid, x, y);
}

/* The window manager, if any, placed the window before mapping it: only
 * now is its place known. */
static gboolean
on_xevent (GdkX11Display *display,
           XEvent        *xevent,
           GtkWindow     *window)
{
  Window xid = get_xid (window);

  if (xevent->type != MapNotify || xid == None || xevent->xmap.window != xid)
    return GDK_EVENT_PROPAGATE;

  g_signal_handlers_disconnect_by_func (display, on_xevent, window);

  gdk_x11_display_error_trap_push (GDK_DISPLAY (display));
  cascade (window, gdk_x11_display_get_xdisplay (GDK_DISPLAY (display)), xid);
  gdk_x11_display_error_trap_pop_ignored (GDK_DISPLAY (display));

  return GDK_EVENT_PROPAGATE;
}

static void
on_map (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));

  if (GDK_IS_X11_DISPLAY (display))
    g_signal_connect_object (display, "xevent", G_CALLBACK (on_xevent), window, 0);
}

void
gls_cascade_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

#else /* !HAVE_X11 */

void
gls_cascade_window (GtkWindow *window)
{
}

#endif
