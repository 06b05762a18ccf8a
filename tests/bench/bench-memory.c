/* bench-memory.c
 * Peak memory on opening the generated 10 MB / 100,000-annotation article
 * (issue 16): Glossator's window, next to the floor, a plain GtkTextView
 * showing the same text plus libxml2's bare parse of the sidecar, each in
 * a process of its own (this program run again), in one run. Prints the
 * peak and the resident memory once opened, and PASS or MISS. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <gtk/gtk.h>
#include <libxml/parser.h>

#include "bench-data.h"
#include "bench-ui.h"
#include "gls-application.h"
#include "gls-window.h"

/* The goal: Glossator's peak at most this times the floor's */
#define GOAL_RATIO 1.3

static gboolean
always (gpointer data)
{
  return TRUE;
}

/* This process's peak and current resident memory, in MB. */
static void
print_memory (void)
{
  struct rusage usage;
  g_autofree char *status = NULL;
  const char *rss;

  getrusage (RUSAGE_SELF, &usage);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status ? strstr (status, "VmRSS:") : NULL;
  g_print ("%.1f %.1f\n", usage.ru_maxrss / 1024.0,
           rss ? g_ascii_strtod (rss + strlen ("VmRSS:"), NULL) / 1024.0 : 0.0);
}

static int
run_glossator (const char *path)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  GtkApplication *application;

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorBench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);
  bench_open_window (application, source);
  bench_longest_block (500);
  print_memory ();

  return 0;
}

static int
run_floor (const char *path)
{
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  g_autofree char *text = NULL;
  GtkWidget *window, *scrolled, *view;
  xmlDocPtr doc;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return 1;
  doc = xmlReadFile (sidecar, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  if (doc == NULL)
    return 1;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  scrolled = gtk_scrolled_window_new ();
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, (int) len);
  g_clear_pointer (&text, g_free);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  {
    BenchFrame frame = { g_get_monotonic_time (), 0, always, NULL, FALSE };
    bench_wait_frame (window, &frame, BENCH_GIVE_UP_S);
  }
  bench_longest_block (1000);
  print_memory ();
  xmlFreeDoc (doc);

  return 0;
}

/* Runs this program as @mode on @path; returns its figures. */
static gboolean
measure (const char *self,
         const char *mode,
         const char *path,
         double     *peak,
         double     *rss)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self, mode, path, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-memory %s: %s\n", mode, error->message);
      return FALSE;
    }

  return sscanf (out, "%lf %lf", peak, rss) == 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double peak, rss, floor_peak, floor_rss;

  g_set_prgname ("bench-memory");
  if (!bench_gtk_init ())
    {
      g_print ("bench-memory: needs a display, nothing measured\n");
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "glossator"))
    return run_glossator (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "floor"))
    return run_floor (argv[2]);

  if ((source = bench_generate_10mb (&dir)) == NULL)
    return 1;
  path = g_file_get_path (source);

  if (!measure (argv[0], "floor", path, &floor_peak, &floor_rss) ||
      !measure (argv[0], "glossator", path, &peak, &rss))
    return 1;

  g_print ("\n                                                   peak      once open\n");
  g_print ("GtkTextView with the text + libxml2's parse   %8.1f MB  %8.1f MB\n", floor_peak, floor_rss);
  g_print ("Glossator's window with the article          %8.1f MB  %8.1f MB\n\n", peak, rss);
  bench_print_goal (peak <= GOAL_RATIO * floor_peak,
                    "peak memory on open %.2f× the floor (goal <= %.1f×)", peak / floor_peak, GOAL_RATIO);

  bench_remove (dir, source);

  return 0;
}
