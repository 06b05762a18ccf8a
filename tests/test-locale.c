/* test-locale.c
 * The window in Persian: the layout mirrored right to left, and the
 * interface, the codebook and the counts in Persian. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "gls-application.h"
#include "gls-window.h"
#include "gls-test-util.h"

static GtkApplication *application;

static gboolean
is_loaded (gpointer data)
{
  return !gls_window_is_loading (data) && gtk_widget_get_mapped (data) &&
         gls_window_get_document (data) != NULL;
}

static void
test_persian (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *sample = g_build_filename (g_getenv ("GLOSSATOR_SOURCE_ROOT"), "data", "samples", "persian-sample.txt", NULL);
  g_autofree char *path = gls_test_copy (sample, dir, "fa.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlsWindow *window = gls_window_new (application);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  const char *annotations;
  GlsCategory *category;

  /* GTK's own translation decides the direction of the whole layout */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  gls_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  while (!is_loaded (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (gls_window_get_article_view (window))), ==, GTK_TEXT_DIR_RTL);

  /* the title counts annotations in Persian */
  annotations = g_dngettext (GETTEXT_PACKAGE, "%'u annotation · %s", "%'u annotations · %s", 0);
  g_assert_cmpstr (annotations, !=, "%'u annotations · %s");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "UTF-8"));
  {
    g_autofree char *expected = NULL;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    expected = g_strdup_printf (annotations, 0, "UTF-8");
G_GNUC_END_IGNORE_DEPRECATIONS
    g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), expected));
  }

  /* and the built-in codebook speaks Persian */
  category = gls_codebook_lookup (gls_document_get_codebook (gls_window_get_document (window)), "factual");
  g_assert_cmpstr (gls_category_get_label (category), ==, g_dgettext (GETTEXT_PACKAGE, "Factual claim"));
  g_assert_cmpstr (gls_category_get_label (category), !=, "Factual claim");

  gtk_window_destroy (GTK_WINDOW (window));
  gls_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("GLOSSATOR_LOCALEDIR");
  g_autofree char *mo = NULL;
  int status;

  g_setenv ("LANGUAGE", "fa", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_unsetenv ("LC_ALL");
  setlocale (LC_ALL, "");
  if (localedir == NULL)
    {
      g_print ("1..0 # SKIP GLOSSATOR_LOCALEDIR is not set\n");
      return 0;
    }
  mo = g_build_filename (localedir, "fa", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_print ("1..0 # SKIP no Persian translation built\n");
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gls_test_keep_mime_database ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), "/usr/share/icons");

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorLocaleTest", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/locale/persian", test_persian);
  status = g_test_run ();
  g_object_unref (application);

  return status;
}
