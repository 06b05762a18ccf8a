/* bench-window.c
 * The window with the generated 10 MB / 100,000-annotation article: time
 * to the first frame with the highlights drawn, to scroll a page, to add
 * an annotation and see it drawn, and peak RSS — next to a plain
 * GtkTextView with the same text and libxml2's bare parse of the sidecar,
 * measured in the same run. Prints PASS or MISS for each goal. */
#include "config.h"

#include <stdlib.h>
#include <malloc.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <gtk/gtk.h>

#include "bench-data.h"
#include "gls-test-util.h"
#include "gls-application.h"
#include "gls-window.h"

/* BENCH_RUNS and BENCH_ADDS override these, for profiling */
static int RUNS = 5;
static int ADDS = 20;

typedef struct
{
  gint64   start;
  gint64   end;
  gint64   work_start;
  gboolean (*ready) (gpointer);
  gpointer data;
  gboolean done;
} Frame;

static double
median (GArray *values)
{
  return bench_median ((double *) (gpointer) values->data, values->len);
}

static void
on_layout (GdkFrameClock *clock,
           Frame         *frame)
{
  if (!frame->done)
    frame->work_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  if (!frame->done && (frame->ready == NULL || frame->ready (frame->data)))
    {
      frame->end = g_get_monotonic_time ();
      frame->done = TRUE;
    }
}

/* Runs the main loop until a frame is painted in which @ready holds. */
static void
wait_frame (GtkWidget *widget,
            Frame     *frame)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong layout_id, paint_id;

  layout_id = g_signal_connect (clock, "layout", G_CALLBACK (on_layout), frame);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), frame);
  gtk_widget_queue_draw (widget);
  while (!frame->done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, layout_id);
  g_signal_handler_disconnect (clock, paint_id);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static double
scroll_pages (GtkWidget *view,
              GArray    *latencies,
              GArray    *works)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  for (int i = 0; i <= 20; i++)
    {
      Frame frame = { 0, 0, 0, NULL, NULL, FALSE };
      double latency, work;

      frame.start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      wait_frame (view, &frame);
      latency = (frame.end - frame.start) / 1000.0;
      work = (frame.end - MAX (frame.work_start, frame.start)) / 1000.0;
      if (i > 0)
        {
          g_array_append_val (latencies, latency);
          if (works != NULL)
            g_array_append_val (works, work);
        }
    }

  return median (latencies);
}

static GArray *plain_scroll;

static double
plain_view_first_frame (GFile *file)
{
  Frame frame = { g_get_monotonic_time (), 0, 0, mapped, NULL, FALSE };
  g_autofree char *text = NULL;
  gsize len;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  double ms;

  g_file_load_contents (file, NULL, &text, &len, NULL, NULL);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, len);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  frame.data = view;
  gtk_window_present (GTK_WINDOW (window));
  wait_frame (window, &frame);
  ms = (frame.end - frame.start) / 1000.0;

  if (plain_scroll != NULL && plain_scroll->len == 0)
    scroll_pages (view, plain_scroll, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));

  return ms;
}

static double
bare_parse (GFile *sidecar)
{
  g_autofree char *data = NULL;
  gsize len;
  gint64 start;
  xmlDocPtr doc;

  g_file_load_contents (sidecar, NULL, &data, &len, NULL, NULL);
  start = g_get_monotonic_time ();
  doc = xmlReadMemory (data, (int) len, "bench.xml", NULL, XML_PARSE_NONET);
  xmlFreeDoc (doc);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
highlights_drawn (gpointer data)
{
  GlsWindow *window = data;

  return gls_window_get_document (window) != NULL &&
         gls_article_view_get_n_drawn (gls_window_get_article_view (window)) > 0;
}

static GlsWindow *
open_window (GtkApplication *application,
             GFile          *file,
             double         *ms)
{
  Frame frame = { g_get_monotonic_time (), 0, 0, highlights_drawn, NULL, FALSE };
  GlsWindow *window = gls_window_new (application);

  frame.data = window;
  gls_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  while (!highlights_drawn (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_main_context_iteration (NULL, TRUE);
      if (frame.done)
        break;
      if (gtk_widget_get_mapped (GTK_WIDGET (window)) && gls_window_get_document (window) != NULL)
        {
          wait_frame (GTK_WIDGET (window), &frame);
          break;
        }
    }
  if (!frame.done)
    wait_frame (GTK_WIDGET (window), &frame);
  *ms = (frame.end - frame.start) / 1000.0;

  return window;
}

typedef struct
{
  GlsArticleView *view;
  GlsAnnotation  *annotation;
} Drawn;

static gboolean
annotation_drawn (gpointer data)
{
  Drawn *drawn = data;
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  gls_article_view_get_drawn_rects (drawn->view, drawn->annotation, rects);
  return rects->len > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) sidecar = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) add_latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) add_work = g_array_new (FALSE, FALSE, sizeof (double));
  GtkApplication *application;
  GlsWindow *window = NULL;
  struct rusage usage;
  double floor_ms, first_ms;

  g_set_prgname ("bench-window");
  if (g_getenv ("BENCH_RUNS"))
    RUNS = atoi (g_getenv ("BENCH_RUNS"));
  if (g_getenv ("BENCH_ADDS"))
    ADDS = atoi (g_getenv ("BENCH_ADDS"));
  g_log_set_writer_func (gls_test_log_writer, NULL, NULL);
  if (!gtk_init_check ())
    {
      g_print ("bench-window: no display, nothing measured\n");
      return 0;
    }

  dir = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);
  g_print ("Generating a 10 MB article with 100,000 annotations…\n");
  if (!bench_generate (dir, 10 * 1000 * 1000, 100000, &source, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *path = g_file_get_path (source);
    g_autofree char *sidecar_path = g_strconcat (path, ".annotations.xml", NULL);
    sidecar = g_file_new_for_path (sidecar_path);
  }

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorBench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);

  plain_scroll = g_array_new (FALSE, FALSE, sizeof (double));

  /* warm-up, then RUNS of each; free memory goes back to the system
   * before each timed part, so that none is measured on a fragmented heap */
  for (int run = 0; run <= RUNS; run++)
    {
      double p, b, f;

      malloc_trim (0);
      p = plain_view_first_frame (source);
      malloc_trim (0);
      b = bare_parse (sidecar);

      if (window != NULL)
        gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE));
      malloc_trim (0);
      window = open_window (application, source, &f);

      if (run > 0)
        {
          g_array_append_val (plain, p);
          g_array_append_val (parse, b);
          g_array_append_val (first, f);
        }
    }

  /* scrolling a page, 20 times, after one warm-up */
  scroll_pages (GTK_WIDGET (gls_window_get_article_view (window)), scroll_latency, scroll_work);

  /* adding an annotation in view and seeing it drawn, 20 times */
  {
    GlsArticleView *view = gls_window_get_article_view (window);
    GlsDocument *document = gls_window_get_document (window);
    GtkTextView *text_view = GTK_TEXT_VIEW (view);
    GdkRectangle visible;
    GtkTextIter iter;

    gtk_text_view_get_visible_rect (text_view, &visible);
    gtk_text_view_get_iter_at_location (text_view, &iter, visible.x + 40, visible.y + visible.height / 2);

    for (int i = 0; i <= ADDS; i++)
      {
        guint start = gtk_text_iter_get_offset (&iter) + (i % 40) * 7;
        Drawn drawn = { view, NULL };
        Frame frame = { 0, 0, 0, annotation_drawn, &drawn, FALSE };
        double latency, work;
        guint n = gls_document_get_n_annotations (document);

        gls_article_view_select_range (view, start, start + 5);
        frame.start = g_get_monotonic_time ();
        gtk_widget_activate_action (GTK_WIDGET (window), "win.annotate-key", "i", 2);
        g_assert (gls_document_get_n_annotations (document) == n + 1);
        drawn.annotation = gls_article_view_get_selected (view);
        wait_frame (GTK_WIDGET (view), &frame);
        latency = (frame.end - frame.start) / 1000.0;
        work = (frame.end - frame.start) / 1000.0 - (frame.work_start > frame.start ? (frame.work_start - frame.start) / 1000.0 : 0)
               + 0 * latency;
        if (i > 0)
          {
            g_array_append_val (add_latency, latency);
            g_array_append_val (add_work, work);
          }
      }
  }

  getrusage (RUSAGE_SELF, &usage);

  floor_ms = median (plain) + median (parse);
  first_ms = median (first);

  g_print ("\nrenderer: %s (GSK_RENDERER), %s\n",
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's default",
           g_getenv ("DISPLAY") ? "X11" : "another display");
  g_print ("plain GtkTextView, first frame      %9.1f ms (median of %d)\n", median (plain), RUNS);
  g_print ("libxml2 bare parse of the sidecar   %9.1f ms\n", median (parse));
  g_print ("Glossator, first annotated frame    %9.1f ms (open request to highlights painted, load included)\n", first_ms);
  g_print ("scroll one page: to the frame       %9.2f ms median (%.2f ms of it the frame's own work)\n",
           median (scroll_latency), median (scroll_work));
  g_print ("plain GtkTextView, scroll one page %9.2f ms median (the same text, no annotations)\n", median (plain_scroll));
  g_print ("add an annotation: to its frame     %9.2f ms median (%.2f ms of it after the frame started)\n",
           median (add_latency), median (add_work));
  g_print ("peak RSS                            %9.1f MB\n", usage.ru_maxrss / 1024.0);
  g_print ("\n");

  bench_print_goal (first_ms <= 1.5 * floor_ms, "first annotated frame %.1f ms = %.2fx (plain view + bare parse = %.1f ms) (goal <= 1.5x)",
              first_ms, first_ms / floor_ms, floor_ms);
  bench_print_goal (median (add_latency) <= 16, "add an annotation and see it drawn %.2f ms median (goal <= 16 ms)", median (add_latency));
  bench_print_goal (median (scroll_latency) <= 16, "scroll a page %.2f ms median (goal <= 16 ms)", median (scroll_latency));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_object_unref (application);

  {
    g_autofree char *path = g_file_get_path (source);
    g_autofree char *sidecar_path = g_file_get_path (sidecar);
    g_unlink (path);
    g_unlink (sidecar_path);
    g_rmdir (dir);
  }

  return 0;
}
