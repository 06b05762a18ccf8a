/* bench-responsive.c
 * Whether the window stays responsive on the generated 10 MB / 100,000
 * annotation article: the longest the main loop is blocked while it opens,
 * saves, writes a draft and exports, and the first frame of text next to a
 * plain GtkTextView with the same text. Prints PASS or MISS per goal. */
#include "config.h"

#include <stdlib.h>
#include <malloc.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "bench-data.h"
#include "bench-ui.h"
#include "gls-test-util.h"
#include "gls-application.h"
#include "gls-window.h"

#define BLOCK_GOAL_MS 50.0
#define FIRST_TEXT_GOAL 1.2

static int RUNS = 5;


static double
median (GArray *values)
{
  return bench_median ((double *) (gpointer) values->data, values->len);
}

static double
maximum (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));

  return max;
}

/* Runs the main loop until a whole second passes with no block over 20 ms:
 * GtkTextView lays out a long text in idle time for a while after it is
 * shown, in the plain view as in Glossator's. Returns the longest block
 * seen meanwhile, and how long it took in *@settle_ms. */
static double
settle (double *settle_ms)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 60 * G_USEC_PER_SEC;
  double longest = 0;

  while (g_get_monotonic_time () < deadline)
    {
      BenchWatchdog watchdog;
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;
      double block;

      bench_watchdog_start (&watchdog);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      block = bench_watchdog_stop (&watchdog);
      longest = MAX (longest, block);
      if (block < 20)
        break;
    }

  *settle_ms = (g_get_monotonic_time () - start) / 1000.0;

  return longest;
}

typedef struct
{
  gboolean (*ready) (gpointer);
  gpointer   data;
  gint64     end;
} Frame;

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  if (frame->end == 0 && frame->ready (frame->data))
    frame->end = g_get_monotonic_time ();
}

/* Runs the main loop until a frame is painted in which @ready holds. */
static void
wait_frame (GtkWidget *widget,
            Frame     *frame)
{
  gulong id = 0;
  GdkFrameClock *clock = NULL;

  while (frame->end == 0)
    {
      if (clock == NULL && gtk_widget_get_mapped (widget))
        {
          clock = gtk_widget_get_frame_clock (widget);
          id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), frame);
          gtk_widget_queue_draw (widget);
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_signal_handler_disconnect (clock, id);
}

static gboolean
has_text (gpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (data);

  return gtk_text_buffer_get_char_count (buffer) > 0;
}

static double
plain_view_first_frame (GFile  *file,
                        double *block_ms)
{
  gint64 start = g_get_monotonic_time ();
  BenchWatchdog watchdog;
  Frame frame = { has_text, NULL, 0 };
  g_autofree char *text = NULL;
  gsize len;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  bench_watchdog_start (&watchdog);
  g_file_load_contents (file, NULL, &text, &len, NULL, NULL);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, len);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  frame.data = view;
  gtk_window_present (GTK_WINDOW (window));
  wait_frame (window, &frame);
  *block_ms = bench_watchdog_stop (&watchdog);
  {
    double settle_ms;

    *block_ms = MAX (*block_ms, settle (&settle_ms));
    g_print ("  plain GtkTextView: laid out the text in idle time for %.0f ms\n", settle_ms);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));

  return (frame.end - start) / 1000.0;
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *text;
  gsize          len;
  gsize          done;
} Fill;

static gboolean
fill_cb (gpointer data)
{
  Fill *fill = data;
  gint64 deadline = g_get_monotonic_time () + 8000;

  do
    {
      gsize end = MIN (fill->len, fill->done + 64 * 1024);
      GtkTextIter iter;

      while (end < fill->len && end > fill->done && fill->text[end - 1] != '\n')
        end--;
      if (end == fill->done)
        end = MIN (fill->len, fill->done + 64 * 1024);
      gtk_text_buffer_get_end_iter (fill->buffer, &iter);
      gtk_text_buffer_insert (fill->buffer, &iter, fill->text + fill->done, end - fill->done);
      fill->done = end;
    }
  while (fill->done < fill->len && g_get_monotonic_time () < deadline);

  return fill->done < fill->len;
}

/* A plain GtkTextView filled the way Glossator's view fills: 64 KB pieces
 * at line breaks, 8 ms of them per idle. Its longest block, until its own
 * layout settles, is GTK's floor for a view that never takes the text in
 * one call. */
static double
piecewise_view_block (GFile *file)
{
  g_autofree char *text = NULL;
  gsize len;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  Fill fill = { gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), NULL, 0, 0 };
  BenchWatchdog watchdog;
  double block, settle_ms;

  g_file_load_contents (file, NULL, &text, &len, NULL, NULL);
  fill.text = text;
  fill.len = len;
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  bench_watchdog_start (&watchdog);
  g_idle_add (fill_cb, &fill);
  while (fill.done < fill.len)
    g_main_context_iteration (NULL, TRUE);
  block = bench_watchdog_stop (&watchdog);
  block = MAX (block, settle (&settle_ms));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));

  return block;
}

static gboolean
window_has_text (gpointer data)
{
  return has_text (gls_window_get_article_view (data));
}

static gboolean
is_idle (GlsWindow *window)
{
  return !gls_window_is_loading (window) && gls_window_is_idle (window);
}

/* Opens the article: the first frame with its text, and the longest
 * block until its annotations are in. */
static GlsWindow *
open_window (GtkApplication *application,
             GFile          *file,
             double         *first_text_ms,
             double         *block_ms)
{
  GlsWindow *window = gls_window_new (application);
  Frame frame = { window_has_text, window, 0 };
  BenchWatchdog watchdog;
  gint64 start;

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE));

  start = g_get_monotonic_time ();
  bench_watchdog_start (&watchdog);
  gls_window_open (window, file);
  wait_frame (GTK_WIDGET (window), &frame);
  while (gls_window_get_document (window) == NULL || !is_idle (window))
    g_main_context_iteration (NULL, TRUE);
  *block_ms = bench_watchdog_stop (&watchdog);
  {
    double settle_ms;

    *block_ms = MAX (*block_ms, settle (&settle_ms));
    g_print ("  Glossator: settled %.0f ms after its annotations were in\n", settle_ms);
  }
  *first_text_ms = (frame.end - start) / 1000.0;

  return window;
}

/* The longest block from @action to the end of the background work. */
static double
measure (GlsWindow  *window,
         void      (*action) (GlsWindow *, gpointer),
         gpointer    data)
{
  BenchWatchdog watchdog;

  while (g_main_context_iteration (NULL, FALSE));
  bench_watchdog_start (&watchdog);
  action (window, data);
  do
    g_main_context_iteration (NULL, TRUE);
  while (!is_idle (window));

  return bench_watchdog_stop (&watchdog);
}

static void
touch (GlsWindow *window)
{
  GlsDocument *document = gls_window_get_document (window);
  GlsAnnotation *first = gls_annotation_list_get (gls_document_get_annotations (document), 0);
  g_autofree char *note = g_strdup_printf ("Edited at %" G_GINT64_FORMAT, g_get_monotonic_time ());

  gls_document_set_annotation_note (document, first, note);
}

static void
save_action (GlsWindow *window,
             gpointer   data)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
}

static void
draft_action (GlsWindow *window,
              gpointer   data)
{
  gls_window_save_draft (window);
}

static void
export_action (GlsWindow *window,
               gpointer   data)
{
  gls_window_export (window, data, "tei");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) export_file = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_block = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) piecewise_block = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_block = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_block = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draft_block = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_block = g_array_new (FALSE, FALSE, sizeof (double));
  GtkApplication *application;
  GlsWindow *window = NULL;

  g_set_prgname ("bench-responsive");
  if (g_getenv ("BENCH_RUNS"))
    RUNS = atoi (g_getenv ("BENCH_RUNS"));
  if (!bench_gtk_init ())
    {
      g_print ("bench-responsive: no display, nothing measured\n");
      return 0;
    }

  dir = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);
  g_print ("Generating a 10 MB article with 100,000 annotations…\n");
  if (!bench_generate (dir, 10 * 1000 * 1000, 100000, &source, &error))
    {
      g_printerr ("bench-responsive: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *path = g_build_filename (dir, "export.tei.xml", NULL);
    export_file = g_file_new_for_path (path);
  }

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorBench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);

  /* a warm-up, then RUNS of each */
  for (int run = 0; run <= RUNS; run++)
    {
      double p, pb, pw, f, o, s, d, e;

      malloc_trim (0);
      p = plain_view_first_frame (source, &pb);
      malloc_trim (0);
      pw = piecewise_view_block (source);

      if (window != NULL)
        gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE));
      malloc_trim (0);
      window = open_window (application, source, &f, &o);

      touch (window);
      s = measure (window, save_action, NULL);
      touch (window);
      d = measure (window, draft_action, NULL);
      e = measure (window, export_action, export_file);

      if (gls_document_get_modified (gls_window_get_document (window)))
        {
          /* the edit left for the draft: saved, so that the next run's
           * window can close without asking */
          measure (window, save_action, NULL);
        }

      if (run > 0)
        {
          g_array_append_val (plain, p);
          g_array_append_val (plain_block, pb);
          g_array_append_val (piecewise_block, pw);
          g_array_append_val (first, f);
          g_array_append_val (open_block, o);
          g_array_append_val (save_block, s);
          g_array_append_val (draft_block, d);
          g_array_append_val (export_block, e);
        }
      g_print ("run %d: plain %.0f ms (longest block %.0f ms; filled piecewise %.0f ms), first text %.0f ms; longest block: open %.1f, save %.1f, draft %.1f, export %.1f ms\n",
               run, p, pb, pw, f, o, s, d, e);
    }

  g_print ("\nrenderer: %s (GSK_RENDERER)\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's default");
  g_print ("plain GtkTextView, first frame of text  %9.1f ms (median of %d)\n", median (plain), RUNS);
  g_print ("Glossator, first frame of text          %9.1f ms\n", median (first));
  g_print ("plain GtkTextView, longest block while it takes and lays out the text %.1f ms (worst of %d): the floor for open\n",
           maximum (plain_block), RUNS);
  g_print ("plain GtkTextView filled piece by piece as Glossator fills, longest block until laid out %.1f ms (worst of %d)\n",
           maximum (piecewise_block), RUNS);
  g_print ("longest main-loop block (worst of %d runs): open %.1f ms, save %.1f ms, draft %.1f ms, export %.1f ms\n\n",
           RUNS, maximum (open_block), maximum (save_block), maximum (draft_block), maximum (export_block));

  bench_print_goal (median (first) <= FIRST_TEXT_GOAL * median (plain),
              "first frame of text %.1f ms = %.2fx a plain GtkTextView (%.1f ms) (goal <= %.1fx)",
              median (first), median (first) / median (plain), median (plain), FIRST_TEXT_GOAL);
  bench_print_goal (maximum (open_block) <= BLOCK_GOAL_MS,
              "open: longest block %.1f ms (goal <= %.0f ms; a plain GtkTextView: %.1f ms, filled piecewise: %.1f ms)",
              maximum (open_block), BLOCK_GOAL_MS, maximum (plain_block), maximum (piecewise_block));
  bench_print_goal (maximum (save_block) <= BLOCK_GOAL_MS, "save: longest block %.1f ms (goal <= %.0f ms)",
              maximum (save_block), BLOCK_GOAL_MS);
  bench_print_goal (maximum (draft_block) <= BLOCK_GOAL_MS, "draft: longest block %.1f ms (goal <= %.0f ms)",
              maximum (draft_block), BLOCK_GOAL_MS);
  bench_print_goal (maximum (export_block) <= BLOCK_GOAL_MS, "export: longest block %.1f ms (goal <= %.0f ms)",
              maximum (export_block), BLOCK_GOAL_MS);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_object_unref (application);
  gls_test_rm_rf (dir);

  return 0;
}
