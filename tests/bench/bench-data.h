/* bench-data.h
 * Synthetic articles and sidecars of any size for the benchmarks. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The article's file name inside the folder given to bench_generate();
 * its sidecar is the same name with ".annotations.xml" added. */
#define BENCH_ARTICLE_NAME "bench-article.txt"

gboolean bench_generate (const char  *dir,
                         gsize        text_bytes,
                         guint        n_annotations,
                         GFile      **out_source,
                         GError     **error);

/* Sorts @values in place and returns their median (the mean of the
 * middle two when @n is even). */
double   bench_median   (double      *values,
                         guint        n);

/* Prints "PASS" or "MISS", then the goal as @format says it. */
void     bench_print_goal (gboolean     pass,
                           const char  *format,
                           ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
