/* bench-keys.c
 * The key path on the generated 10 MB / 100,000-annotation article, with
 * real keys through the X server: select a word (Ctrl+Shift+Right), press
 * 1, and time from the key reaching the window to the frame that paints
 * the new highlight; then how long the main loop stays busy after that
 * frame. Prints PASS or MISS for each goal, and next to them the frame
 * that only shows a new text selection (Ctrl+Shift+Right) with the GSK
 * renderer that drew both: under Xvfb the GL renderer runs on llvmpipe,
 * and every frame that changes anything costs tens of ms whatever
 * changed, a floor no per-key work of Glossator's can go below. */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "bench-data.h"
#include "bench-ui.h"
#include "gls-application.h"
#include "gls-window.h"

/* BENCH_KEYS overrides it */
static int KEYS = 50;

static gboolean
highlights_drawn (gpointer data)
{
  GlsWindow *window = data;

  return gls_window_get_document (window) != NULL &&
         gls_article_view_get_n_drawn (gls_window_get_article_view (window)) > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scrolls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) selections = g_array_new (FALSE, FALSE, sizeof (double));
  GtkApplication *application;
  GlsWindow *window;
  double median, worst, block, scroll, selection;

  g_set_prgname ("bench-keys");
  if (g_getenv ("BENCH_KEYS"))
    KEYS = MAX (1, atoi (g_getenv ("BENCH_KEYS")));
  if (!bench_gtk_init () || !bench_can_press_keys ())
    {
      g_print ("bench-keys: needs an X display and xdotool, nothing measured\n");
      return 0;
    }

  dir = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);
  g_print ("Generating a 10 MB article with 100,000 annotations…\n");
  if (!bench_generate (dir, 10 * 1000 * 1000, 100000, &source, &error))
    {
      g_printerr ("bench-keys: %s\n", error->message);
      return 1;
    }

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorBench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);

  window = gls_window_new (application);
  bench_watch_keys (GTK_WINDOW (window));
  gls_window_open (window, source);
  gtk_window_present (GTK_WINDOW (window));
  {
    BenchFrame frame = { g_get_monotonic_time (), 0, highlights_drawn, window, FALSE };
    bench_wait_frame (GTK_WIDGET (window), &frame, BENCH_GIVE_UP_S);
  }
  while (gls_article_view_get_filling (gls_window_get_article_view (window)))
    g_main_context_iteration (NULL, TRUE);
  /* whatever the opening left to do */
  bench_longest_block (500);

  bench_focus (GTK_WINDOW (window));
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gls_window_get_article_view (window)));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  }
  scroll = bench_scroll_by_keys (GTK_WIDGET (gls_window_get_article_view (window)), 20, scrolls);
  median = bench_add_by_keys (window, KEYS, times, blocks, selections);
  worst = bench_worst (times);
  block = bench_worst (blocks);
  selection = bench_median ((double *) (gpointer) selections->data, selections->len);

  g_print ("\nkey 1 to the frame with its highlight  %8.2f ms median, %.2f ms worst of %d\n", median, worst, KEYS);
  g_print ("longest main loop block after it       %8.2f ms\n", block);
  g_print ("Page Down to its frame                 %8.2f ms median, %.2f ms worst of 20\n", scroll, bench_worst (scrolls));
  g_print ("Ctrl+Shift+Right to its frame (floor)  %8.2f ms median, %.2f ms worst of %d\n", selection, bench_worst (selections), KEYS);
  g_print ("frames drawn by                        %s\n\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  bench_print_goal (median <= 16, "key to highlight %.2f ms median (goal <= 16 ms)", median);
  bench_print_goal (worst <= 33, "key to highlight %.2f ms worst of %d (goal <= 33 ms)", worst, KEYS);
  bench_print_goal (block <= 16, "main loop blocked %.2f ms at most after the frame (goal <= 16 ms)", block);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_object_unref (application);

  {
    g_autofree char *path = g_file_get_path (source);
    g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
    g_unlink (path);
    g_unlink (sidecar);
    g_rmdir (dir);
  }

  return 0;
}
