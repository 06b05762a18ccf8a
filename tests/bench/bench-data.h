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

G_END_DECLS
