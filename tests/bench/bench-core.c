/* bench-core.c
 * The core benchmark: load, save, window queries and add+undo on a 10 MB
 * article with 100,000 annotations, against libxml2 parsing the sidecar. */
#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>

#include "gls-core.h"

#include "bench-data.h"
#include "gls-test-util.h"

/* The goals of the issue. */
#define GOAL_LOAD_RATIO   2.0   /* load ≤ 2 × bare parse */
#define GOAL_SAVE_RATIO   2.0   /* save ≤ 2 × bare parse */
#define GOAL_QUERY_USEC  20.0   /* one 4 KB window query */
#define GOAL_EDIT_USEC  100.0   /* one add + undo */

#define WINDOW_CHARS 4096
#define MAX_RUNS 64

static double text_mb = 10.0;
static int n_annotations = 100000;
static int n_runs = 5;
static int n_queries = 1000;
static int n_pairs = 1000;
static gboolean keep_dir = FALSE;
static gboolean no_fork = FALSE;
static int load_budget_s = 300;
static gboolean verbose = FALSE;

/* The temporary folder, removed on the way out. */
static char *data_dir;

static GOptionEntry entries[] = {
  { "text-mb", 0, 0, G_OPTION_ARG_DOUBLE, &text_mb, "Size of the article in MB (default 10)", "MB" },
  { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Number of annotations (default 100000)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Measured runs after the warm-up (default 5)", "N" },
  { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Window queries per run (default 1000)", "N" },
  { "pairs", 0, 0, G_OPTION_ARG_INT, &n_pairs, "Add+undo pairs per run (default 1000)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep_dir, "Keep the generated files", NULL },
  { "load-budget", 0, 0, G_OPTION_ARG_INT, &load_budget_s,
    "Measure fewer loads if they would take longer than this in all (default 300 s)", "SECONDS" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every run of load and bare parse", NULL },
  { "no-fork", 0, 0, G_OPTION_ARG_NONE, &no_fork, "Generate in this process (its memory then counts in the peak RSS)", NULL },
  { NULL }
};

/* The value below which 99 % of @sorted lie. */
static double
p99 (const double *sorted,
     guint         n)
{
  return sorted[(n - 1) * 99 / 100];
}

static double
msec_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time (user and system) of this process so far, in ms: unlike the
 * wall clock, it barely moves when other programs share the machine. */
static double
cpu_msec (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Gives the free memory back to the system, so that every timed run
 * starts from the same kind of heap, as in a new process: how much of a
 * large tree lands on pages that are already mapped makes a difference
 * of up to 2x to libxml2 and to the core alike. */
static void
trim_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static void
cleanup (void)
{
  if (data_dir == NULL)
    return;

  if (keep_dir)
    g_print ("The data is kept in %s\n", data_dir);
  else
    gls_test_rm_rf (data_dir);
  g_clear_pointer (&data_dir, g_free);
}

static G_GNUC_NORETURN void
fail_with (const char *what,
           const char *message)
{
  g_printerr ("bench-core: %s: %s\n", what, message);
  cleanup ();
  exit (EXIT_FAILURE);
}

static G_GNUC_NORETURN void
fail (const char *what,
      GError     *error)
{
  fail_with (what, error ? error->message : "failed");
}

static glong
peak_rss_kib (int who)
{
  struct rusage usage;

  if (getrusage (who, &usage) != 0)
    return 0;

  return usage.ru_maxrss; /* KiB on Linux */
}

/* Writes the data in a child process, so that the generator's memory does
 * not count in this process's peak RSS. Returns the wall time in ms. */
static double
generate (const char *dir,
          gsize       text_bytes)
{
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid;

  if (no_fork)
    {
      g_autoptr(GError) error = NULL;

      if (!bench_generate (dir, text_bytes, (guint) n_annotations, NULL, &error))
        fail ("generating the data", error);
      return msec_since (start);
    }

  fflush (stdout);
  fflush (stderr);

  /* Nothing has started a thread yet, so the child may use GLib. */
  pid = fork ();
  if (pid < 0)
    fail_with ("fork", g_strerror (errno));

  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!bench_generate (dir, text_bytes, (guint) n_annotations, NULL, &error))
        {
          g_printerr ("bench-core: generating the data: %s\n", error->message);
          _exit (EXIT_FAILURE);
        }
      _exit (EXIT_SUCCESS);
    }

  while (waitpid (pid, &status, 0) < 0)
    if (errno != EINTR)
      fail_with ("waitpid", g_strerror (errno));

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    fail_with ("generating the data", "the generator failed (its message is above)");

  return msec_since (start);
}

typedef struct
{
  /* Medians of the measured runs; CPU times are user + system */
  double parse_ms;
  double parse_cpu_ms;
  double free_ms;
  double load_ms;
  double load_cpu_ms;
  double unref_ms;
  double source_ms;
  double save_ms;
  double save_cpu_ms;
  double serialize_ms;
  double query_us;        /* per query: one run's total / number of queries */
  double query_median_us; /* per query, timed one by one */
  double query_p99_us;    /* 99th percentile of single queries */
  double found_mean;
  double edit_us;         /* median pair of each run, median of the runs */
  double edit_mean_us;
  double edit_p99_us;
  /* Once */
  double generate_ms;
  double first_load_ms;   /* the first of the process */
  int    load_runs;       /* fewer than asked when loads are very slow */
} Results;

/* libxml2 alone: the sidecar's bytes to a tree. Returns the time of the
 * parse; its CPU time goes to @cpu_ms, the time of freeing the tree to
 * @free_ms. */
static double
time_bare_parse (const char *data,
                 gsize       len,
                 double     *cpu_ms,
                 double     *free_ms)
{
  double cpu_start = cpu_msec ();
  gint64 start = g_get_monotonic_time ();
  xmlDocPtr doc = xmlReadMemory (data, (int) len, "bench-article.txt.annotations.xml",
                                 NULL, XML_PARSE_NONET);
  double ms = msec_since (start);

  *cpu_ms = cpu_msec () - cpu_start;

  if (doc == NULL)
    fail_with ("xmlReadMemory", "the sidecar is not well-formed");

  start = g_get_monotonic_time ();
  xmlFreeDoc (doc);
  *free_ms = msec_since (start);

  return ms;
}

/* The whole load of the article and its sidecar. Returns its time; its
 * CPU time goes to @cpu_ms, the time of freeing the document to
 * @unref_ms. */
static double
time_load (GFile  *source_file,
           double *cpu_ms,
           double *unref_ms)
{
  g_autoptr(GError) error = NULL;
  GlsDocument *document;
  double cpu_start = cpu_msec ();
  gint64 start = g_get_monotonic_time ();
  double ms;

  document = gls_test_load (source_file, NULL, NULL, NULL, &error);
  ms = msec_since (start);
  *cpu_ms = cpu_msec () - cpu_start;
  if (document == NULL)
    fail ("gls_document_file_load", error);
  if (gls_document_get_n_annotations (document) != (guint) n_annotations)
    {
      g_autofree char *message =
        g_strdup_printf ("%u annotations loaded, %d expected",
                         gls_document_get_n_annotations (document), n_annotations);
      fail_with ("gls_document_file_load", message);
    }

  start = g_get_monotonic_time ();
  g_object_unref (document);
  *unref_ms = msec_since (start);

  return ms;
}

/* The part of a load that is the article alone. */
static double
time_source (GFile *source_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsSource) source = NULL;
  gint64 start = g_get_monotonic_time ();

  source = gls_source_new_for_file (source_file, NULL, NULL, &error);
  if (source == NULL)
    fail ("gls_source_new_for_file", error);

  return msec_since (start);
}

/* Loads and bare parses take turns, and which goes first alternates, so
 * that both meet the same state of the heap: libxml2 building a tree of
 * a million nodes is sensitive to it. */
static void
bench_load_and_parse (GFile      *source_file,
                      const char *data,
                      gsize       len,
                      Results    *results)
{
  double parse[MAX_RUNS], parse_cpu[MAX_RUNS], release[MAX_RUNS];
  double load[MAX_RUNS], load_cpu[MAX_RUNS], unref[MAX_RUNS], source[MAX_RUNS];
  int runs = n_runs;

  for (int run = -1; run < runs; run++)
    {
      double parse_ms, parse_cpu_ms, free_ms, load_ms, load_cpu_ms, unref_ms;

      if (run % 2 == 0)
        {
          trim_heap ();
          parse_ms = time_bare_parse (data, len, &parse_cpu_ms, &free_ms);
          trim_heap ();
          load_ms = time_load (source_file, &load_cpu_ms, &unref_ms);
        }
      else
        {
          trim_heap ();
          load_ms = time_load (source_file, &load_cpu_ms, &unref_ms);
          trim_heap ();
          parse_ms = time_bare_parse (data, len, &parse_cpu_ms, &free_ms);
        }

      if (verbose)
        g_print ("  run %2d: bare parse %7.1f ms (CPU %7.1f), load %7.1f ms (CPU %7.1f)\n",
                 run, parse_ms, parse_cpu_ms, load_ms, load_cpu_ms);

      if (run < 0)
        {
          /* A pathologically slow load would make the benchmark time
           * out and report nothing: measure fewer of them. */
          if (load_ms * n_runs > load_budget_s * 1000.0)
            runs = CLAMP ((int) (load_budget_s * 1000.0 / load_ms), 1, n_runs);
          continue;
        }

      parse[run] = parse_ms;
      parse_cpu[run] = parse_cpu_ms;
      release[run] = free_ms;
      load[run] = load_ms;
      load_cpu[run] = load_cpu_ms;
      unref[run] = unref_ms;
      source[run] = time_source (source_file);
    }

  results->load_runs = runs;
  results->parse_ms = bench_median (parse, runs);
  results->parse_cpu_ms = bench_median (parse_cpu, runs);
  results->load_cpu_ms = bench_median (load_cpu, runs);
  results->free_ms = bench_median (release, runs);
  results->load_ms = bench_median (load, runs);
  results->unref_ms = bench_median (unref, runs);
  results->source_ms = bench_median (source, runs);
}

static void
bench_save (GlsDocument *document,
            Results     *results)
{
  double save[MAX_RUNS], save_cpu[MAX_RUNS], serialize[MAX_RUNS];

  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double cpu_start = cpu_msec ();
      gint64 start = g_get_monotonic_time ();

      if (!gls_test_save (document, &error))
        fail ("gls_document_file_save", error);
      if (run >= 0)
        {
          save[run] = msec_since (start);
          save_cpu[run] = cpu_msec () - cpu_start;
        }

      /* The part of a save that is making the XML. */
      start = g_get_monotonic_time ();
      bytes = gls_document_serialize (document);
      if (run >= 0)
        serialize[run] = msec_since (start);
    }

  results->save_ms = bench_median (save, n_runs);
  results->save_cpu_ms = bench_median (save_cpu, n_runs);
  results->serialize_ms = bench_median (serialize, n_runs);
}

static void
bench_query (GlsDocument *document,
             GRand       *rand,
             Results     *results)
{
  guint length = gls_source_get_length (gls_document_get_source (document));
  guint last_start = length > WINDOW_CHARS ? length - WINDOW_CHARS : 0;
  g_autoptr(GPtrArray) found = g_ptr_array_sized_new (1024);
  g_autofree guint *positions = g_new (guint, n_queries);
  g_autofree double *single = g_new (double, n_queries);
  double per_query[MAX_RUNS], per_query_median[MAX_RUNS], per_query_p99[MAX_RUNS];
  guint64 n_found = 0;

  for (int run = -1; run < n_runs; run++)
    {
      gint64 start;
      double total_us;

      for (int i = 0; i < n_queries; i++)
        positions[i] = g_rand_int_range (rand, 0, (gint32) last_start + 1);

      /* All at once, for the figure. */
      start = g_get_monotonic_time ();
      for (int i = 0; i < n_queries; i++)
        {
          gls_document_query (document, positions[i], positions[i] + WINDOW_CHARS, found);
          if (run >= 0)
            n_found += found->len;
          g_ptr_array_set_size (found, 0);
        }
      total_us = (double) (g_get_monotonic_time () - start);

      /* One by one, for the spread (the clock counts whole microseconds). */
      for (int i = 0; i < n_queries; i++)
        {
          gint64 t = g_get_monotonic_time ();

          gls_document_query (document, positions[i], positions[i] + WINDOW_CHARS, found);
          single[i] = (double) (g_get_monotonic_time () - t);
          g_ptr_array_set_size (found, 0);
        }

      if (run >= 0)
        {
          per_query[run] = total_us / n_queries;
          per_query_median[run] = bench_median (single, n_queries);
          per_query_p99[run] = p99 (single, n_queries);
        }
    }

  results->query_us = bench_median (per_query, n_runs);
  results->query_median_us = bench_median (per_query_median, n_runs);
  results->query_p99_us = bench_median (per_query_p99, n_runs);
  results->found_mean = (double) n_found / ((double) n_runs * n_queries);
}

static void
bench_add_undo (GlsDocument *document,
                GRand       *rand,
                Results     *results)
{
  GlsCodebook *codebook = gls_document_get_codebook (document);
  guint n_categories = gls_codebook_get_n_categories (codebook);
  guint length = gls_source_get_length (gls_document_get_source (document));
  guint n_before = gls_document_get_n_annotations (document);
  g_autofree double *pair = g_new (double, n_pairs);
  double per_run[MAX_RUNS], mean_run[MAX_RUNS], p99_run[MAX_RUNS];

  for (int run = -1; run < n_runs; run++)
    {
      double sum = 0;

      for (int i = 0; i < n_pairs; i++)
        {
          g_autoptr(GError) error = NULL;
          GlsCategory *category = gls_codebook_get_category (codebook, i % n_categories);
          guint span = 1 + g_rand_int_range (rand, 0, 40);
          guint start = g_rand_int_range (rand, 0, (gint32) (length > span ? length - span : 1));
          gint64 t = g_get_monotonic_time ();

          if (gls_document_annotate (document, gls_category_get_id (category),
                                     start, MIN (start + span, length), &error) == NULL)
            fail ("gls_document_annotate", error);
          if (!gls_document_undo (document))
            fail_with ("gls_document_undo", "nothing to undo");

          pair[i] = (double) (g_get_monotonic_time () - t);
          sum += pair[i];
        }

      if (run >= 0)
        {
          mean_run[run] = sum / n_pairs;
          per_run[run] = bench_median (pair, n_pairs);
          p99_run[run] = p99 (pair, n_pairs);
        }
    }

  if (gls_document_get_n_annotations (document) != n_before)
    fail_with ("add+undo", "the number of annotations changed");

  results->edit_us = bench_median (per_run, n_runs);
  results->edit_mean_us = bench_median (mean_run, n_runs);
  results->edit_p99_us = bench_median (p99_run, n_runs);
}

static double
file_mb (GFile *file)
{
  g_autoptr(GFileInfo) info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_file_info_get_size (info) / 1e6 : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark the Glossator core");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source_file = NULL;
  g_autoptr(GFile) sidecar_file = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *article_path = NULL;
  g_autofree char *sidecar_data = NULL;
  g_autofree char *goal = NULL;
  gsize sidecar_len;
  gsize text_bytes;
  Results results = { 0, };
  glong rss_before_load, rss_core, rss_peak, rss_generator;
  guint length;
  gint64 start;
  double load_ratio, save_ratio;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);
  if (n_runs < 1 || n_runs > MAX_RUNS || n_queries < 1 || n_pairs < 1 ||
      n_annotations < 1 || text_mb <= 0)
    fail_with ("options", "every count must be positive, and --runs at most 64");
  text_bytes = (gsize) (text_mb * 1e6);

  xmlInitParser ();

  data_dir = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);
  if (data_dir == NULL)
    fail ("temporary folder", error);

  g_print ("Glossator core benchmark: %.3g MB article, %d annotations; "
           "every figure is the median of %d runs after a warm-up\n"
           "(loads and bare parses alternate, each on a trimmed heap)\n",
           text_mb, n_annotations, n_runs);
  g_print ("libxml2 %s, GLib %u.%u.%u, %s, data in %s\n",
           LIBXML_DOTTED_VERSION, glib_major_version, glib_minor_version, glib_micro_version,
#ifdef __OPTIMIZE__
           "optimised build",
#else
           "UNOPTIMISED build (-O0): the core's figures are pessimistic",
#endif
           data_dir);

  results.generate_ms = generate (data_dir, text_bytes);
  rss_generator = no_fork ? 0 : peak_rss_kib (RUSAGE_CHILDREN);

  article_path = g_build_filename (data_dir, BENCH_ARTICLE_NAME, NULL);
  source_file = g_file_new_for_path (article_path);
  sidecar_file = gls_sidecar_file_for_source (source_file);
  if (!g_file_load_contents (sidecar_file, NULL, &sidecar_data, &sidecar_len, NULL, &error))
    fail ("reading the sidecar", error);

  rss_before_load = peak_rss_kib (RUSAGE_SELF);

  /* The core alone first, so that the peak RSS after it is its own, not
   * libxml2's tree of the whole sidecar. */
  start = g_get_monotonic_time ();
  document = gls_test_load (source_file, NULL, NULL, NULL, &error);
  results.first_load_ms = msec_since (start);
  if (document == NULL)
    fail ("gls_document_file_load", error);

  bench_save (document, &results);

  rand = g_rand_new_with_seed (4096);
  bench_query (document, rand, &results);
  bench_add_undo (document, rand, &results);

  rss_core = peak_rss_kib (RUSAGE_SELF);
  length = gls_source_get_length (gls_document_get_source (document));
  g_clear_object (&document);

  bench_load_and_parse (source_file, sidecar_data, sidecar_len, &results);
  rss_peak = peak_rss_kib (RUSAGE_SELF);

  g_print ("\n");
  g_print ("  %-44s %10.2f MB\n", "article (UTF-8)", file_mb (source_file));
  g_print ("  %-44s %10u code points\n", "article length", length);
  g_print ("  %-44s %10.2f MB\n", "sidecar", sidecar_len / 1e6);
  g_print ("  %-44s %10.0f ms\n", "generating both (once)", results.generate_ms);
  g_print ("\n");
  g_print ("  %-44s %10.1f ms\n", "bare parse: xmlReadMemory (free excluded)", results.parse_ms);
  g_print ("  %-44s %10.1f ms\n", "  its CPU time (user+system)", results.parse_cpu_ms);
  g_print ("  %-44s %10.1f ms\n", "  xmlFreeDoc afterwards (not counted)", results.free_ms);
  g_print ("  %-44s %10.1f ms\n", "load: gls_document_file_load", results.load_ms);
  if (results.load_runs < n_runs)
    g_print ("  %-44s %10d\n", "  ONLY this many runs (over --load-budget)", results.load_runs);
  g_print ("  %-44s %10.1f ms\n", "  its CPU time (user+system)", results.load_cpu_ms);
  g_print ("  %-44s %10.1f ms\n", "  of which the article alone (estimate)", results.source_ms);
  g_print ("  %-44s %10.1f ms\n", "  first load of the process (cold)", results.first_load_ms);
  g_print ("  %-44s %10.1f ms\n", "  unref of a loaded document (not counted)", results.unref_ms);
  g_print ("  %-44s %10.1f ms\n", "save: gls_document_file_save (streamed)", results.save_ms);
  g_print ("  %-44s %10.1f ms\n", "  its CPU time (user+system)", results.save_cpu_ms);
  g_print ("  %-44s %10.1f ms\n", "  of which gls_document_serialize (estimate)", results.serialize_ms);
  g_print ("  %-44s %10.2f us\n", "query: 4096-char window, mean per query", results.query_us);
  g_print ("  %-44s %10.0f us\n", "  median single query (whole microseconds)", results.query_median_us);
  g_print ("  %-44s %10.0f us\n", "  99th percentile of single queries", results.query_p99_us);
  g_print ("  %-44s %10.1f\n", "  annotations found per window, mean", results.found_mean);
  g_print ("  %-44s %10.1f us\n", "add+undo: annotate + undo, median pair", results.edit_us);
  g_print ("  %-44s %10.1f us\n", "  mean pair", results.edit_mean_us);
  g_print ("  %-44s %10.0f us\n", "  99th percentile pair", results.edit_p99_us);
  g_print ("  %-44s %10.1f MB\n", "peak RSS (getrusage ru_maxrss) of the core", rss_core / 1024.0);
  g_print ("  %-44s %10.1f MB\n", "  before the first load (sidecar bytes held)", rss_before_load / 1024.0);
  g_print ("  %-44s %10.1f MB\n", "  at the end, with libxml2's bare parse", rss_peak / 1024.0);
  if (!no_fork)
    g_print ("  %-44s %10.1f MB\n", "  generator's peak RSS (child process)", rss_generator / 1024.0);
  g_print ("\n");

  load_ratio = results.load_ms / results.parse_ms;
  save_ratio = results.save_ms / results.parse_ms;

  /* On a busy machine the wall clock wanders; CPU time tells whether
   * a verdict is the code's or the neighbours'. */
  g_print ("  %-44s %9.2fx\n", "load / bare parse in CPU time",
           results.load_cpu_ms / results.parse_cpu_ms);
  g_print ("  %-44s %9.2fx\n", "save / bare parse in CPU time",
           results.save_cpu_ms / results.parse_cpu_ms);
  g_print ("\n");

  goal = g_strdup_printf ("load %.2fx bare parse (goal <= %.0fx)", load_ratio, GOAL_LOAD_RATIO);
  bench_print_goal (load_ratio <= GOAL_LOAD_RATIO, "%s", goal);
  g_free (goal);
  goal = g_strdup_printf ("save %.2fx bare parse (goal <= %.0fx)", save_ratio, GOAL_SAVE_RATIO);
  bench_print_goal (save_ratio <= GOAL_SAVE_RATIO, "%s", goal);
  g_free (goal);
  goal = g_strdup_printf ("query %.2f us per 4096-char window (goal <= %.0f us)",
                          results.query_us, GOAL_QUERY_USEC);
  bench_print_goal (results.query_us <= GOAL_QUERY_USEC, "%s", goal);
  g_free (goal);
  goal = g_strdup_printf ("add+undo %.1f us per pair (goal <= %.0f us)",
                          results.edit_us, GOAL_EDIT_USEC);
  bench_print_goal (results.edit_us <= GOAL_EDIT_USEC, "%s", goal);

  cleanup ();

  return EXIT_SUCCESS;
}
