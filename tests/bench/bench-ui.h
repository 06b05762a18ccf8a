/* bench-ui.h
 * What the benchmarks of the window share: waiting for a painted frame,
 * real key presses through xdotool, and a watch on the main loop. */
#pragma once

#include <gtk/gtk.h>

#include "gls-window.h"

G_BEGIN_DECLS

/* A frame to wait for: painted after @start and with @ready holding. */
typedef struct
{
  gint64     start;
  gint64     end;         /* when it was painted */
  gboolean (*ready) (gpointer data);
  gpointer   data;
  gboolean   done;
} BenchFrame;

void     bench_wait_frame    (GtkWidget   *widget,
                              BenchFrame  *frame,
                              double       timeout_s);

/* Gives @window the keyboard focus of the X server. */
gboolean bench_focus         (GtkWindow   *window);

/* Presses @keys (xdotool names) as a person would, through the X server,
 * and returns once they are sent, not handled. */
gboolean bench_press         (const char  *keys);

/* When the last key press reached @window, in g_get_monotonic_time (). */
void     bench_watch_keys    (GtkWindow   *window);
gint64   bench_last_key_time (void);

/* The longest the main loop is kept busy between start and stop. */
typedef struct
{
  guint  source;
  gint64 last;
  gint64 longest;
} BenchWatchdog;

void     bench_watchdog_start (BenchWatchdog *watchdog);
double   bench_watchdog_stop  (BenchWatchdog *watchdog);

/* The longest the main loop stays busy in the next @ms milliseconds. */
double   bench_longest_block (guint        ms);

gboolean bench_gtk_init       (void);
gboolean bench_can_press_keys (void);

/* A new window of @application showing @source, returned once its
 * highlights are painted, its text all in and the opening settled. */
GlsWindow *bench_open_window  (GtkApplication *application,
                               GFile          *source);

/* a frame that takes longer is given up on, and counted as this long */
#define BENCH_GIVE_UP_S 60.0

double   bench_scroll_by_keys (GtkWidget  *view,
                               int         n,
                               GArray     *all);
double   bench_add_by_keys    (GlsWindow  *window,
                               int         n,
                               GArray     *all,
                               GArray     *blocks,
                               GArray     *selections);

double   bench_worst         (GArray      *values);

G_END_DECLS
