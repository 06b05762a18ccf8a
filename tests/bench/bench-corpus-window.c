/* bench-corpus-window.c
 * Opening a folder of 10,000 articles as a corpus (issue 13): the time
 * from asking for the corpus window to all 10,000 rows being in its list,
 * and to all their counts being read; the median of 5 runs after a
 * warm-up, with the longest the main loop was kept busy meanwhile. */
#define G_LOG_DOMAIN "bench-corpus-window"

#include "config.h"

#include <stdlib.h>
#include <gtk/gtk.h>

#include "bench-data.h"
#include "bench-ui.h"
#include "gls-application.h"
#include "gls-corpus-window.h"
#include "gls-test-util.h"

#define N_ARTICLES 10000
#define PER_FOLDER 500
#define GOAL_MS 2000.0

static int n_runs = 5;

typedef struct
{
  gint64 start;
  gint64 first;     /* when the first rows came */
  gint64 listed;    /* when the last row came into the list */
  gint64 counted;   /* when the scan ended, every count read */
  double longest;   /* the main loop's longest block */
} Opening;

static void
on_items_changed (GListModel *shown,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Opening    *opening)
{
  if (opening->first == 0)
    opening->first = g_get_monotonic_time ();
  if (opening->listed == 0 && g_list_model_get_n_items (shown) == N_ARTICLES)
    opening->listed = g_get_monotonic_time ();
}

static void
on_scanning (GlsCorpus  *corpus,
             GParamSpec *pspec,
             Opening    *opening)
{
  if (!gls_corpus_get_scanning (corpus))
    opening->counted = g_get_monotonic_time ();
}

static Opening
open_corpus (GtkApplication *application,
             GFile          *folder)
{
  Opening opening = { 0, };
  BenchWatchdog watchdog;
  GlsCorpusWindow *window;

  bench_watchdog_start (&watchdog);
  opening.start = g_get_monotonic_time ();
  window = gls_corpus_window_new (application, folder);
  g_signal_connect (gls_corpus_window_get_shown (window), "items-changed", G_CALLBACK (on_items_changed),
                    &opening);
  g_signal_connect (gls_corpus_window_get_corpus (window), "notify::scanning", G_CALLBACK (on_scanning),
                    &opening);
  gtk_window_present (GTK_WINDOW (window));
  while (opening.counted == 0)
    g_main_context_iteration (NULL, TRUE);
  opening.longest = bench_watchdog_stop (&watchdog);

  g_signal_handlers_disconnect_by_data (gls_corpus_window_get_shown (window), &opening);
  g_signal_handlers_disconnect_by_data (gls_corpus_window_get_corpus (window), &opening);
  if (opening.listed == 0)
    {
      g_printerr ("bench-corpus-window: the list has %u rows, not %d\n",
                  g_list_model_get_n_items (gls_corpus_window_get_shown (window)), N_ARTICLES);
      exit (1);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return opening;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sidecars = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *corpus = NULL;
  g_autofree double *first = NULL;
  g_autofree double *listed = NULL;
  g_autofree double *counted = NULL;
  g_autofree double *longest = NULL;
  GtkApplication *application;
  double first_ms, listed_ms, counted_ms, longest_ms;

  g_set_prgname ("bench-corpus-window");
  if (g_getenv ("BENCH_RUNS"))
    n_runs = MAX (1, atoi (g_getenv ("BENCH_RUNS")));
  if (!bench_gtk_init ())
    {
      g_print ("bench-corpus-window: no display, nothing measured\n");
      return 0;
    }

  if ((corpus = g_dir_make_tmp ("glossator-bench-corpus-XXXXXX", &error)) == NULL ||
      (sidecars = bench_generate_corpus (corpus, N_ARTICLES, 5000, 20, PER_FOLDER, &error)) == NULL)
    {
      g_printerr ("bench-corpus-window: %s\n", error->message);
      return 1;
    }
  folder = g_file_new_for_path (corpus);

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorBench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_print ("Corpus window benchmark: %d articles of 5000 bytes with 20 annotations each, %d to a folder, "
           "%u processors, median of %d runs after a warm-up\n",
           N_ARTICLES, PER_FOLDER, g_get_num_processors (), n_runs);

  first = g_new (double, n_runs);
  listed = g_new (double, n_runs);
  counted = g_new (double, n_runs);
  longest = g_new (double, n_runs);
  for (int run = -1; run < n_runs; run++)
    {
      Opening opening = open_corpus (application, folder);

      if (run < 0)
        continue;
      first[run] = (opening.first - opening.start) / 1000.0;
      listed[run] = (opening.listed - opening.start) / 1000.0;
      counted[run] = (opening.counted - opening.start) / 1000.0;
      longest[run] = opening.longest;
      g_print ("  run %d: first rows after %5.0f ms, all listed after %5.0f ms, all counted after %6.0f ms; "
               "main loop blocked %4.0f ms at most\n",
               run + 1, first[run], listed[run], counted[run], longest[run]);
    }
  first_ms = bench_median (first, n_runs);
  listed_ms = bench_median (listed, n_runs);
  counted_ms = bench_median (counted, n_runs);
  longest_ms = bench_median (longest, n_runs);

  g_print ("  first rows after %.0f ms; every count read after %.0f ms; the main loop blocked %.0f ms at most "
           "(no goal)\n", first_ms, counted_ms, longest_ms);
  bench_print_goal (listed_ms <= GOAL_MS, "10,000 articles in the corpus list within 2 s: %.0f ms", listed_ms);

  g_object_unref (application);
  gls_test_rm_rf (corpus);

  return 0;
}
