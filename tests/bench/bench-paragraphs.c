/* bench-paragraphs.c
 * The same text as one long paragraph and in short lines (every 80th
 * space a line break: same characters, same offsets, same annotations),
 * 200 KB with 2,300 annotations and 1 MB with 10,000, driven by real keys:
 * first annotated frame, a page scroll, adding an annotation and seeing it
 * drawn; with a plain GtkTextView's figures for the one-paragraph text as
 * the floor. Prints PASS or MISS for each goal. */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libxml/parser.h>

#include "bench-data.h"
#include "bench-ui.h"
#include "gls-application.h"
#include "gls-window.h"

/* BENCH_RUNS overrides it */
static int RUNS = 9;

typedef struct
{
  double first;   /* ms */
  double scroll;  /* ms, median */
  double add;     /* ms, median */
} Figures;

static gboolean
highlights_drawn (gpointer data)
{
  GlsWindow *window = data;

  return gls_window_get_document (window) != NULL &&
         gls_article_view_get_n_drawn (gls_window_get_article_view (window)) > 0;
}

static gboolean
text_shown (gpointer data)
{
  GlsWindow *window = data;

  return gls_window_get_document (window) != NULL && gtk_widget_get_mapped (data);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GlsWindow *
open_window (GtkApplication *application,
             GFile          *file,
             gboolean        annotated,
             double         *ms)
{
  GlsWindow *window = gls_window_new (application);
  BenchFrame frame = { g_get_monotonic_time (), 0, annotated ? highlights_drawn : text_shown, window, FALSE };

  bench_watch_keys (GTK_WINDOW (window));
  gls_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_frame (GTK_WIDGET (window), &frame, BENCH_GIVE_UP_S);
  *ms = (frame.end - frame.start) / 1000.0;

  return window;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE));
}

/* Glossator on @file: the first frame (median of RUNS openings), then
 * scrolling and, with annotations, adding. */
static Figures
measure_glossator (GtkApplication *application,
                   GFile          *file,
                   gboolean        annotated)
{
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
  Figures figures = { 0, };
  GlsWindow *window = NULL;
  int runs = MAX (1, RUNS / 3);

  for (int run = 0; run < runs; run++)
    {
      double ms;

      if (window != NULL)
        close_window (GTK_WINDOW (window));
      window = open_window (application, file, annotated, &ms);
      g_array_append_val (firsts, ms);
    }
  figures.first = bench_median ((double *) (gpointer) firsts->data, firsts->len);

  while (gls_article_view_get_filling (gls_window_get_article_view (window)))
    g_main_context_iteration (NULL, TRUE);
  bench_focus (GTK_WINDOW (window));
  figures.scroll = bench_scroll_by_keys (GTK_WIDGET (gls_window_get_article_view (window)), RUNS, NULL);
  if (annotated)
    figures.add = bench_add_by_keys (window, RUNS, NULL, NULL, NULL);

  close_window (GTK_WINDOW (window));

  return figures;
}

/* A bare GtkTextView with the text of @file, wrapped as the article view
 * wraps it: GTK's own cost of the text's shape. */
static Figures
measure_plain (GFile *file)
{
  g_autofree char *text = NULL;
  gsize len;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  BenchFrame frame = { g_get_monotonic_time (), 0, widget_mapped, view, FALSE };
  Figures figures = { 0, };

  g_file_load_contents (file, NULL, &text, &len, NULL, NULL);
  bench_watch_keys (GTK_WINDOW (window));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, len);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_frame (window, &frame, BENCH_GIVE_UP_S);
  figures.first = (frame.end - frame.start) / 1000.0;

  bench_focus (GTK_WINDOW (window));
  figures.scroll = bench_scroll_by_keys (view, RUNS, NULL);
  close_window (GTK_WINDOW (window));

  return figures;
}

static GFile *
make_article (const char *dir,
              gsize       bytes,
              guint       n_annotations,
              BenchShape  shape)
{
  g_autoptr(GError) error = NULL;
  GFile *file = NULL;

  if (!bench_generate_shaped (dir, bytes, n_annotations, shape, &file, &error))
    g_error ("bench-paragraphs: %s", error->message);

  return file;
}

/* libxml2's bare parse of @file's sidecar (median of RUNS), in ms: what
 * the first annotated frame cannot do without, however the view draws */
static double
measure_parse (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      xmlDocPtr doc = xmlReadFile (sidecar, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert (doc != NULL);
      xmlFreeDoc (doc);
      g_array_append_val (times, ms);
    }

  return bench_median ((double *) (gpointer) times->data, times->len);
}

static void
remove_article (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_unlink (sidecar);
  g_rmdir (dir);
}

/* A copy of @file's text in a folder of its own, without the sidecar. */
static GFile *
copy_without_annotations (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, BENCH_ARTICLE_NAME, NULL);
  GFile *copy = g_file_new_for_path (path);

  if (!g_file_copy (file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("bench-paragraphs: %s", error->message);

  return copy;
}

static void
print_goal (const char *what,
            double      figure,
            double      base,
            double      goal,
            const char *base_name)
{
  bench_print_goal (figure <= goal * base, "%s %.1f ms = %.2fx %s %.1f ms (goal <= %.1fx)",
                    what, figure, figure / base, base_name, base, goal);
}

static void
bench_size (GtkApplication *application,
            gsize           bytes,
            guint           n_annotations)
{
  g_autofree char *label = g_strdup_printf ("%.1f MB, %u annotations", bytes / 1e6, n_annotations);
  g_autoptr(GFile) lines = NULL;
  g_autoptr(GFile) one = NULL;
  g_autoptr(GFile) lines_bare = NULL;
  g_autoptr(GFile) one_bare = NULL;
  Figures l, o, lb, ob, floor;
  double parse;

  g_print ("Generating %s in two shapes…\n", label);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *dir_lines = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);
    g_autofree char *dir_one = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);

    lines = make_article (dir_lines, bytes, n_annotations, BENCH_SHAPE_SHORT_LINES);
    one = make_article (dir_one, bytes, n_annotations, BENCH_SHAPE_ONE_LINE);
  }
  lines_bare = copy_without_annotations (lines);
  parse = measure_parse (one);
  g_print ("libxml2's bare parse of the annotation file: %.1f ms\n", parse);
  one_bare = copy_without_annotations (one);

  l = measure_glossator (application, lines, TRUE);
  o = measure_glossator (application, one, TRUE);
  lb = measure_glossator (application, lines_bare, FALSE);
  ob = measure_glossator (application, one_bare, FALSE);
  floor = measure_plain (one);

  g_print ("\n%s                    short lines   one paragraph\n", label);
  g_print ("first annotated frame            %9.1f ms  %9.1f ms\n", l.first, o.first);
  g_print ("page scroll (Page Down)          %9.1f ms  %9.1f ms\n", l.scroll, o.scroll);
  g_print ("add and draw (Ctrl+Shift+Right, 1)%8.1f ms  %9.1f ms\n", l.add, o.add);
  g_print ("no annotations: first frame      %9.1f ms  %9.1f ms\n", lb.first, ob.first);
  g_print ("no annotations: page scroll      %9.1f ms  %9.1f ms\n", lb.scroll, ob.scroll);
  g_print ("plain GtkTextView, one paragraph: first frame %.1f ms, page scroll %.1f ms (the floor)\n",
           floor.first, floor.scroll);
  g_print ("libxml2's bare parse of the annotation file: %.1f ms (what annotations add at least)\n\n", parse);

  print_goal ("one paragraph: first annotated frame", o.first, l.first, 1.5, "short lines");
  print_goal ("one paragraph: page scroll", o.scroll, l.scroll, 1.5, "short lines");
  print_goal ("one paragraph: add and draw", o.add, l.add, 1.5, "short lines");
  print_goal ("one paragraph: annotations on the first frame", o.first, ob.first, 1.2, "without");
  print_goal ("one paragraph: annotations on a page scroll", o.scroll, ob.scroll, 1.2, "without");
  print_goal ("short lines: annotations on the first frame", l.first, lb.first, 1.2, "without");
  print_goal ("short lines: annotations on a page scroll", l.scroll, lb.scroll, 1.2, "without");
  g_print ("one paragraph against GtkTextView's own: first frame %.2fx, page scroll %.2fx\n\n",
           o.first / floor.first, o.scroll / floor.scroll);

  remove_article (lines);
  remove_article (one);
  remove_article (lines_bare);
  remove_article (one_bare);
}

int
main (int   argc,
      char *argv[])
{
  GtkApplication *application;

  g_set_prgname ("bench-paragraphs");
  if (g_getenv ("BENCH_RUNS"))
    RUNS = MAX (1, atoi (g_getenv ("BENCH_RUNS")));
  if (!bench_gtk_init () || !bench_can_press_keys ())
    {
      g_print ("bench-paragraphs: needs an X display and xdotool, nothing measured\n");
      return 0;
    }

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorBench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);

  bench_size (application, 200 * 1000, 2300);
  if (g_getenv ("BENCH_SMALL") == NULL)
    bench_size (application, 1000 * 1000, 10000);

  g_object_unref (application);

  return 0;
}
