/* gls-test-gui.c
 * Helpers shared by the window tests: running the main loop until
 * something is true, and a window that has loaded its article. */
#include "config.h"

#include "gls-application.h"
#include "gls-test-gui.h"

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

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* the isolated data folders hide the system's icon themes */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), "/usr/share/icons");

  application = GTK_APPLICATION (gls_application_new (application_id, G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_application_hold (G_APPLICATION (application));

  return application;
}
