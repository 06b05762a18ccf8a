/* bench-filter.c
 * Typing in the annotation list's filter on the generated 10 MB /
 * 100,000-annotation article, with real keys through the X server: for
 * each key, the time from the key reaching the window to the frame that
 * shows the list with that key's results, and the longest the main loop
 * is kept busy meanwhile. The list must never empty while it searches.
 * Prints PASS or MISS for each goal. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gtk/gtk.h>

#include "bench-data.h"
#include "bench-ui.h"
#include "gls-application.h"
#include "gls-sidebar-private.h"
#include "gls-window.h"

/* typed one key at a time, then taken back */
static const char *keys[] = { "s", "t", "a", "t", "e", "m", "BackSpace", "BackSpace", "BackSpace" };

typedef struct
{
  GlsSidebar *sidebar;
  guint       expected;
  guint       previous;
  gboolean    emptied;   /* the list showed neither the old nor the new results */
} Listing;

static gboolean
shows_results (gpointer data)
{
  Listing *listing = data;
  guint n = _gls_sidebar_n_listed (listing->sidebar);

  if (n != listing->expected && n != listing->previous)
    listing->emptied = TRUE;

  return !_gls_sidebar_is_searching (listing->sidebar) && n == listing->expected;
}

/* This process's CPU time, in ms: on a loaded machine the wall clock
 * also counts the time other processes had the CPU. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The oracle: how many annotations quote or note @search, counted here
 * from the article's text, not by the filter. */
static guint
count_matches (GlsDocument *document,
               const char  *search)
{
  GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (document));
  g_autofree char *needle = g_utf8_casefold (search, -1);
  guint n = 0;

  if (*search == '\0')
    return g_list_model_get_n_items (annotations);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, i);
      GlsSpan span = gls_annotation_get_target (annotation, 0);
      g_autofree char *quote = gls_source_dup_range (gls_document_get_source (document), span.start, span.end);
      g_autofree char *folded_quote = g_utf8_casefold (quote, -1);
      const char *note = gls_annotation_get_note (annotation);
      g_autofree char *folded_note = note ? g_utf8_casefold (note, -1) : NULL;

      if (strstr (folded_quote, needle) != NULL ||
          (folded_note != NULL && strstr (folded_note, needle) != NULL))
        n++;
    }

  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) source = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkApplication *application;
  GlsWindow *window;
  GtkWidget *entry;
  guint expected[G_N_ELEMENTS (keys)];
  Listing listing = { NULL, 0, 0, FALSE };
  gboolean emptied = FALSE;
  double block, worst, median;

  g_set_prgname ("bench-filter");
  if (!bench_gtk_init () || !bench_can_press_keys ())
    {
      g_print ("bench-filter: needs an X display and xdotool, nothing measured\n");
      return 0;
    }

  if ((source = bench_generate_10mb (&dir)) == NULL)
    return 1;

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorBench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);

  window = bench_open_window (application, source);

  listing.sidebar = GLS_SIDEBAR (find_widget (GTK_WIDGET (window), GLS_TYPE_SIDEBAR));
  entry = find_widget (GTK_WIDGET (listing.sidebar), GTK_TYPE_SEARCH_ENTRY);
  g_assert (listing.sidebar != NULL && entry != NULL);

  /* the oracle's answers first: counting them between the keys would
   * fill the caches and the allocator with its own work */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (g_str_equal (keys[i], "BackSpace"))
        g_string_truncate (typed, typed->len - 1);
      else
        g_string_append (typed, keys[i]);
      expected[i] = count_matches (gls_window_get_document (window), typed->str);
    }
  g_string_truncate (typed, 0);

  bench_focus (GTK_WINDOW (window));
  /* as a click in the entry would: the quotes are folded from now on, in
   * steps; a person takes about this long to start typing */
  gtk_widget_grab_focus (entry);
  block = bench_longest_block (1000);
  g_print ("entry focused, then 1 s: main loop blocked %.2f ms at most\n", block);

  listing.previous = _gls_sidebar_n_listed (listing.sidebar);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      BenchFrame frame = { 0, 0, shows_results, &listing, FALSE };
      BenchWatchdog watchdog;
      double ms, key_block, cpu;

      if (g_str_equal (keys[i], "BackSpace"))
        g_string_truncate (typed, typed->len - 1);
      else
        g_string_append (typed, keys[i]);
      listing.expected = expected[i];
      listing.emptied = FALSE;

      frame.start = g_get_monotonic_time ();
      bench_press (keys[i]);
      cpu = cpu_ms ();
      /* from here: xdotool itself blocked the loop until then */
      bench_watchdog_start (&watchdog);
      /* a frame of the side panel, which the key changes: the article is
       * not drawn again for it */
      bench_wait_frame (GTK_WIDGET (listing.sidebar), &frame, BENCH_GIVE_UP_S);
      cpu = cpu_ms () - cpu;
      key_block = bench_watchdog_stop (&watchdog);
      ms = (frame.end - MAX (bench_last_key_time (), frame.start)) / 1000.0;
      g_array_append_val (times, ms);
      block = MAX (block, key_block);
      emptied |= listing.emptied;
      g_print ("“%s”%*s %6u listed  %8.2f ms to the frame (%.2f ms of CPU), main loop blocked %.2f ms at most%s\n",
               typed->str, (int) (8 - typed->len), "", listing.expected, ms, cpu, key_block,
               listing.emptied ? ", the list emptied meanwhile" : "");
      listing.previous = listing.expected;
    }

  worst = bench_worst (times);
  median = bench_median ((double *) (gpointer) times->data, times->len);
  {
    double load[1];

    if (getloadavg (load, 1) == 1)
      g_print ("\nload average while measuring: %.1f (on %u CPUs)", load[0], g_get_num_processors ());
  }
  g_print ("\nrenderer: %s (GSK_RENDERER)", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's default");
  g_print ("\nkey to the list with its results  %8.2f ms median, %.2f ms worst of %u\n",
           median, worst, times->len);
  g_print ("longest main loop block           %8.2f ms\n\n", block);

  bench_print_goal (worst <= 100, "filter results %.2f ms after the key at worst (goal <= 100 ms per key)", worst);
  bench_print_goal (block <= 100, "main loop blocked %.2f ms at most while typing (goal <= 100 ms)", block);
  bench_print_goal (!emptied, "the list kept the previous results until the new ones were ready%s",
                    emptied ? ": it did not" : "");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_object_unref (application);

  bench_remove (dir, source);

  return 0;
}
