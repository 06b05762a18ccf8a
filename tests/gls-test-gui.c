/* gls-test-gui.c
 * Helpers shared by the window tests: running the main loop until
 * something is true, a window that has loaded its article, and real
 * clicks and keys through the X server. */
#include "config.h"

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gls-application.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

/* the application of gls_test_gui_init(), for the fixtures */
static GtkApplication *the_application;

/**
 * gls_test_wait_for:
 *
 * Runs the main loop until @done returns TRUE for @data; fails the test
 * after 20 seconds.
 */
void
gls_test_wait_for (GlsTestDoneFunc done,
                   gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Whether @window shows its article, annotations read. */
gboolean
gls_test_window_loaded (gpointer window)
{
  return !gls_window_is_loading (window) && gtk_widget_get_mapped (window) &&
         gls_window_get_document (window) != NULL;
}

/* Returns: (transfer none) (nullable): the message dialog that shows */
GtkWidget *
gls_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

/* A new window of @application, showing the article at @path. */
GlsWindow *
gls_test_open_window (GtkApplication *application,
                      const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlsWindow *window = gls_window_new (application);

  gls_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gls_test_wait_for (gls_test_window_loaded, window);

  return window;
}

/**
 * gls_test_gui_init:
 * @recent_home: (out): a folder to remove after the run
 *
 * Opens the display and initializes the tests with isolated folders, and
 * makes an application (not unique) for the windows.
 *
 * Returns: (transfer full) (nullable): the application, or %NULL, with the
 *   TAP plan that skips the whole program printed, when there is no display
 */
GtkApplication *
gls_test_gui_init (int          *argc,
                   char       ***argv,
                   const char   *application_id,
                   char        **recent_home)
{
  GtkApplication *application;

  g_log_set_writer_func (gls_test_log_writer, NULL, NULL);

  /* the recent files list is made once and outlives each test's own
   * data folder: give it one for the whole run */
  *recent_home = g_dir_make_tmp ("glossator-recent-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", *recent_home, TRUE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return NULL;
    }
  gtk_recent_manager_get_default ();

  gls_test_keep_mime_database ();
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* the isolated data folders hide the system's icon themes */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), "/usr/share/icons");

  g_assert_null (the_application);
  application = GTK_APPLICATION (gls_application_new (application_id, G_APPLICATION_NON_UNIQUE));
  the_application = application;
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_application_hold (G_APPLICATION (application));

  return application;
}

/**
 * gls_test_window_fixture_set_up:
 * @data: (nullable): the article's name in data/samples, or %NULL for the
 *   annotated sample riverside-library.txt
 *
 * Copies the article, and its annotations if it has some, to a new
 * folder, and opens it in a window of the application of
 * gls_test_gui_init().
 */
void
gls_test_window_fixture_set_up (GlsTestWindowFixture *fixture,
                                gconstpointer         data)
{
  const char *name = data ? data : "riverside-library.txt";
  g_autofree char *samples = g_build_filename (g_getenv ("GLOSSATOR_SOURCE_ROOT"), "data", "samples", NULL);
  g_autofree char *from = g_build_filename (samples, name, NULL);
  g_autofree char *sidecar_name = g_strconcat (name, ".annotations.xml", NULL);
  g_autofree char *sidecar = g_build_filename (samples, sidecar_name, NULL);

  g_assert_nonnull (the_application);
  fixture->dir = gls_test_tmpdir ();
  fixture->article = gls_test_copy (from, fixture->dir, name);
  if (g_file_test (sidecar, G_FILE_TEST_EXISTS))
    g_free (gls_test_copy (sidecar, fixture->dir, sidecar_name));
  fixture->window = gls_test_open_window (the_application, fixture->article);
}

/* Closes every window of the application, and removes the folder. */
void
gls_test_window_fixture_tear_down (GlsTestWindowFixture *fixture,
                                   gconstpointer         data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (the_application));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  gls_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->article, g_free);
  fixture->window = NULL;
}

/**
 * gls_test_can_send_input:
 *
 * Whether real clicks and keys can reach @widget: an X11 display and
 * xdotool.
 */
gboolean
gls_test_can_send_input (GtkWidget *widget)
{
#ifdef HAVE_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return GDK_IS_X11_DISPLAY (gtk_widget_get_display (widget)) && xdotool != NULL;
#else
  return FALSE;
#endif
}

static gboolean
deadline_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/**
 * gls_test_click:
 *
 * A real click, through the X server, in the middle of @widget, once it
 * has its place (and a menu has ended its slide to a submenu).
 */
#ifdef HAVE_X11
static gboolean
has_place (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && has_size (widget);
}

/* the middle of @widget on the screen */
static void
screen_middle (GtkWidget *widget,
               int       *x,
               int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  graphene_point_t middle;
  graphene_point_t point;
  double dx, dy;
  Window child;

  middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f, gtk_widget_get_height (widget) / 2.f);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  g_assert_true (XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                                        (int) (point.x + dx), (int) (point.y + dy), x, y, &child));
}
#endif

void
gls_test_click (GtkWidget *widget)
{
#ifdef HAVE_X11
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  g_autofree char *command = NULL;
  Window root, child;
  int x = -1, y = -1, pointer_x, pointer_y, win_x, win_y;
  unsigned int mask;

  gls_test_wait_for (has_place, widget);
  /* a menu's slide to a submenu, or a popup that grows, moves the widget
   * for a while: click once it has stayed in one place for 200 ms */
  for (guint still = 0, tries = 0; still < 2 && tries < 50; tries++)
    {
      gint64 deadline = g_get_monotonic_time () + 100 * 1000;
      int last_x = x, last_y = y;

      gls_test_wait_for (deadline_passed, &deadline);
      screen_middle (widget, &x, &y);
      still = (x == last_x && y == last_y) ? still + 1 : 0;
    }
  /* xdotool waits for a move that never comes when the pointer is there
   * already; and a window that came under it needs the pointer to move
   * in before it takes a click */
  if (XQueryPointer (xdisplay, DefaultRootWindow (xdisplay), &root, &child, &pointer_x, &pointer_y, &win_x, &win_y,
                     &mask) && pointer_x == x && pointer_y == y)
    command = g_strdup_printf ("xdotool mousemove --sync %d %d mousemove --sync %d %d click 1", x + 1, y, x, y);
  else
    command = g_strdup_printf ("xdotool mousemove --sync %d %d click 1", x, y);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
#endif
}

/**
 * gls_test_press_keys:
 * @keys: xdotool's names of the keys, e.g. "shift+F10 Down Return"
 *
 * Real key presses, through the X server, in the window of @widget once
 * the X server has given it the focus.
 */
void
gls_test_press_keys (GtkWidget  *widget,
                     const char *keys)
{
#ifdef HAVE_X11
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree char *command = NULL;
  gint64 deadline;
  int status = 0;

  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, widget);
  command = g_strdup_printf ("xdotool windowfocus --sync %lu key --delay 50 %s",
                             (gulong) gdk_x11_surface_get_xid (surface), keys);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* the keys come back from the X server as events */
  deadline = g_get_monotonic_time () + 200 * 1000;
  gls_test_wait_for (deadline_passed, &deadline);
#endif
}
