/* bench-ui.c
 * Helpers of the window benchmarks: frames, real keys, main loop blocks.
 * Keys go through xdotool (XTEST), so they take the path a person's keys
 * take: the X server, GDK, the key controllers, the shortcuts. */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "bench-data.h"
#include "bench-ui.h"
#include "gls-test-util.h"

static void
on_after_paint (GdkFrameClock *clock,
                BenchFrame    *frame)
{
  if (!frame->done && (frame->ready == NULL || frame->ready (frame->data)))
    {
      frame->end = g_get_monotonic_time ();
      frame->done = TRUE;
    }
}

/* Runs the main loop until @frame is painted, or @timeout_s passed (then
 * its end is the time given up at). */
void
bench_wait_frame (GtkWidget  *widget,
                  BenchFrame *frame,
                  double      timeout_s)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 give_up = g_get_monotonic_time () + (gint64) (timeout_s * G_USEC_PER_SEC);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), frame);

  gtk_widget_queue_draw (widget);
  while (!frame->done)
    {
      if (!g_main_context_pending (NULL))
        g_usleep (100);
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > give_up)
        {
          frame->end = g_get_monotonic_time ();
          break;
        }
    }
  g_signal_handler_disconnect (clock, id);
}

static gboolean
run_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status = 0;

  g_ptr_array_add (args, (gpointer) "xdotool");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  /* leaving the descriptors open lets GLib use posix_spawn: a fork of
   * this large process would copy its page tables, and every page it then
   * writes, into the figures */
  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_LEAVE_DESCRIPTORS_OPEN,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      g_printerr ("xdotool: %s\n", error->message);
      return FALSE;
    }

  return g_spawn_check_wait_status (status, NULL);
}

gboolean
bench_focus (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *id = NULL;
  gint64 until;

  if (!GDK_IS_X11_SURFACE (surface))
    return FALSE;

  id = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  if (!run_xdotool ((const char *[]) { "windowfocus", "--sync", id, NULL }))
    return FALSE;

  /* let GDK take in the FocusIn */
  until = g_get_monotonic_time () + 100 * 1000;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  return TRUE;
}

gboolean
bench_press (const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "key");
  g_ptr_array_add (args, (gpointer) "--delay");
  g_ptr_array_add (args, (gpointer) "0");
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, names[i]);
  g_ptr_array_add (args, NULL);

  return run_xdotool ((const char * const *) args->pdata);
}

static gint64 last_key_time;

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  last_key_time = g_get_monotonic_time ();

  return GDK_EVENT_PROPAGATE;
}

/* Notes the time each key press reaches @window, before any widget of
 * it handles the key. */
void
bench_watch_keys (GtkWindow *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
}

gint64
bench_last_key_time (void)
{
  return last_key_time;
}

#define TICK_MS 2

static gboolean
on_tick (gpointer data)
{
  BenchWatchdog *watchdog = data;
  gint64 now = g_get_monotonic_time ();

  watchdog->longest = MAX (watchdog->longest, now - watchdog->last);
  watchdog->last = now;

  return G_SOURCE_CONTINUE;
}

/* A high-priority tick every TICK_MS: the longest gap between two ticks,
 * less the tick, is the longest the main loop was kept busy. */
void
bench_watchdog_start (BenchWatchdog *watchdog)
{
  watchdog->last = g_get_monotonic_time ();
  watchdog->longest = 0;
  watchdog->source = g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, on_tick, watchdog, NULL);
}

/* Returns: the longest block since the start, in ms */
double
bench_watchdog_stop (BenchWatchdog *watchdog)
{
  on_tick (watchdog);
  g_clear_handle_id (&watchdog->source, g_source_remove);

  return MAX (0, watchdog->longest / 1000.0 - TICK_MS);
}

double
bench_longest_block (guint ms)
{
  BenchWatchdog watchdog;
  gint64 until = g_get_monotonic_time () + ms * 1000;

  bench_watchdog_start (&watchdog);
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  return bench_watchdog_stop (&watchdog);
}

double
bench_worst (GArray *values)
{
  double worst = 0;

  for (guint i = 0; i < values->len; i++)
    worst = MAX (worst, g_array_index (values, double, i));

  return worst;
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         before;
} Scrolled;

static gboolean
has_scrolled (gpointer data)
{
  Scrolled *scrolled = data;

  return gtk_adjustment_get_value (scrolled->adjustment) != scrolled->before;
}

/* Page Down as a key, @n times after one to warm up: the median time from
 * the key reaching the window to the frame that shows the new page. */
double
bench_scroll_by_keys (GtkWidget *view,
                      int        n,
                      GArray    *all)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  gtk_widget_grab_focus (view);
  for (int i = 0; i <= n; i++)
    {
      Scrolled scrolled = { adjustment, gtk_adjustment_get_value (adjustment) };
      BenchFrame frame = { g_get_monotonic_time (), 0, has_scrolled, &scrolled, FALSE };
      double ms;

      bench_press ("Page_Down");
      bench_wait_frame (view, &frame, BENCH_GIVE_UP_S);
      ms = (frame.end - MAX (bench_last_key_time (), frame.start)) / 1000.0;
      if (i > 0)
        g_array_append_val (times, ms);
    }
  if (all != NULL)
    g_array_append_vals (all, times->data, times->len);

  return bench_median ((double *) (gpointer) times->data, times->len);
}

static gboolean
has_selection (gpointer data)
{
  return gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (data));
}

typedef struct
{
  GlsWindow *window;
  guint      n_before;
} Added;

static gboolean
added_and_drawn (gpointer data)
{
  Added *added = data;
  GlsArticleView *view = gls_window_get_article_view (added->window);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  if (gls_document_get_n_annotations (gls_window_get_document (added->window)) <= added->n_before ||
      gls_article_view_get_selected (view) == NULL)
    return FALSE;
  gls_article_view_get_drawn_rects (view, gls_article_view_get_selected (view), rects);

  return rects->len > 0;
}

/* Selects a word with Ctrl+Shift+Right and presses 1, @n times after one
 * to warm up: the median from the key 1 to the frame that draws the new
 * annotation; each time in @all, the longest the main loop stays busy
 * in the 100 ms after that frame in @blocks, and the time from
 * Ctrl+Shift+Right to the frame showing the selection in @selections, if
 * given. */
double
bench_add_by_keys (GlsWindow *window,
                   int        n,
                   GArray    *all,
                   GArray    *blocks,
                   GArray    *selections)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GlsArticleView *view = gls_window_get_article_view (window);
  GtkTextView *text_view = GTK_TEXT_VIEW (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (int i = 0; i <= n; i++)
    {
      Added added = { window, gls_document_get_n_annotations (gls_window_get_document (window)) };
      BenchFrame selected = { g_get_monotonic_time (), 0, has_selection, view, FALSE };
      BenchFrame frame = { 0, 0, added_and_drawn, &added, FALSE };
      GdkRectangle visible;
      GtkTextIter iter;
      double ms;

      gtk_text_view_get_visible_rect (text_view, &visible);
      gtk_text_view_get_iter_at_location (text_view, &iter, visible.x + 40 + (i % 5) * 60,
                                          visible.y + visible.height / 3 + (i % 7) * 30);
      if (!gtk_text_iter_starts_word (&iter))
        gtk_text_iter_forward_word_end (&iter), gtk_text_iter_backward_word_start (&iter);
      gls_article_view_select_range (view, gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&iter));

      bench_press ("ctrl+shift+Right");
      bench_wait_frame (GTK_WIDGET (view), &selected, BENCH_GIVE_UP_S);
      ms = (selected.end - MAX (bench_last_key_time (), selected.start)) / 1000.0;
      if (i > 0 && selections != NULL)
        g_array_append_val (selections, ms);

      frame.start = g_get_monotonic_time ();
      bench_press ("1");
      bench_wait_frame (GTK_WIDGET (view), &frame, BENCH_GIVE_UP_S);
      ms = (frame.end - MAX (bench_last_key_time (), frame.start)) / 1000.0;
      if (i > 0)
        g_array_append_val (times, ms);
      if (i > 0 && blocks != NULL)
        {
          double block = bench_longest_block (100);
          g_array_append_val (blocks, block);
        }
    }
  if (all != NULL)
    g_array_append_vals (all, times->data, times->len);

  return bench_median ((double *) (gpointer) times->data, times->len);
}

static gboolean
highlights_drawn (gpointer data)
{
  GlsWindow *window = data;

  return gls_window_get_document (window) != NULL &&
         gls_article_view_get_n_drawn (gls_window_get_article_view (window)) > 0;
}

GlsWindow *
bench_open_window (GtkApplication *application,
                   GFile          *source)
{
  GlsWindow *window = gls_window_new (application);
  BenchFrame frame = { g_get_monotonic_time (), 0, highlights_drawn, window, FALSE };

  bench_watch_keys (GTK_WINDOW (window));
  gls_window_open (window, source);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_frame (GTK_WIDGET (window), &frame, BENCH_GIVE_UP_S);
  while (gls_article_view_get_filling (gls_window_get_article_view (window)))
    g_main_context_iteration (NULL, TRUE);
  /* whatever the opening left to do */
  bench_longest_block (500);

  return window;
}

/* GTK, with the tests' log writer: any GLib or GTK warning still ends the
 * run (G_DEBUG=fatal-warnings), but not GTK 4.8's own one about its
 * scrollbar's trough, which a benchmark's load brings out */
gboolean
bench_gtk_init (void)
{
  g_log_set_writer_func (gls_test_log_writer, NULL, NULL);

  return gtk_init_check ();
}

/* Whether keys can be pressed: an X display and xdotool. */
gboolean
bench_can_press_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
}
