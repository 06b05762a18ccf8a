/* bench-data.h
 * Synthetic articles and sidecars of any size for the benchmarks. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The article's file name inside the folder given to bench_generate();
 * its sidecar is the same name with ".annotations.xml" added. */
#define BENCH_ARTICLE_NAME "bench-article.txt"

typedef enum
{
  BENCH_SHAPE_PARAGRAPHS,   /* paragraphs of 40–120 words, blank lines between */
  BENCH_SHAPE_ONE_LINE,     /* the whole text one paragraph */
  BENCH_SHAPE_SHORT_LINES,  /* ONE_LINE with every 80th space a line break */
} BenchShape;

gboolean bench_generate (const char  *dir,
                         gsize        text_bytes,
                         guint        n_annotations,
                         GFile      **out_source,
                         GError     **error);

gboolean bench_generate_shaped (const char  *dir,
                                gsize        text_bytes,
                                guint        n_annotations,
                                BenchShape   shape,
                                GFile      **out_source,
                                GError     **error);

/* The generated 10 MB article with 100,000 annotations, in a new folder
 * of its own (@dir), or NULL after printing why; bench_remove() takes
 * both away. */
GFile   *bench_generate_10mb (char       **dir);
void     bench_remove        (const char  *dir,
                              GFile       *source);

GPtrArray *bench_generate_corpus (const char  *corpus,
                                  guint        n_articles,
                                  gsize        article_bytes,
                                  guint        n_annotations,
                                  guint        per_folder,
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
