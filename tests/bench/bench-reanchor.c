/* bench-reanchor.c
 * What re-anchoring costs (issue 11): the generated 10 MB article with
 * 100,000 annotations loaded as it was saved, then after an insertion at
 * its start, after one edit in its middle, and with a word changed in
 * every paragraph, each a median of runs; the goal is at most 1.5 times a
 * plain load for the first two. Loads run in this thread, so its CPU
 * time is what is compared: unlike the wall clock it barely moves when
 * other programs share the machine; both are printed. */
#include "config.h"

#include <string.h>
#include <malloc.h>
#include <sys/resource.h>

#include "gls-core.h"
#include "gls-test-util.h"
#include "bench-data.h"

static double text_mb = 10;
static int n_annotations = 100000;
static int n_runs = 3;

static GOptionEntry entries[] = {
  { "text-mb", 0, 0, G_OPTION_ARG_DOUBLE, &text_mb, "Size of the generated article in MB", "MB" },
  { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Number of annotations", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Timed runs of each load", "N" },
  { NULL }
};

static void G_GNUC_NORETURN
fail (const char   *what,
      const GError *error)
{
  g_printerr ("bench-reanchor: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
cpu_msec (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double last_wall_ms;

/* One load of @file, re-anchoring when the article changed; the counts
 * of the re-anchoring go to @report_counts. */
static double
time_load (GFile *file,
           guint  report_counts[GLS_ANCHOR_ORPHANED + 1])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  gint64 start;
  double ms;

#ifdef __GLIBC__
  malloc_trim (0);
#endif
  start = g_get_monotonic_time ();
  ms = cpu_msec ();
  document = gls_test_load (file, NULL, NULL, NULL, &error);
  ms = cpu_msec () - ms;
  last_wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (document == NULL)
    fail ("load", error);
  if (gls_document_get_n_annotations (document) != (guint) n_annotations)
    fail ("load", NULL);

  if (report_counts != NULL)
    {
      const GlsReanchorReport *report = gls_document_get_reanchor_report (document);

      for (guint i = 0; i <= GLS_ANCHOR_ORPHANED; i++)
        report_counts[i] = report ? report->n_annotations[i] : 0;
    }

  return ms;
}

static double
median_load (GFile *file,
             guint  counts[GLS_ANCHOR_ORPHANED + 1])
{
  g_autofree double *ms = g_new (double, n_runs);
  g_autofree double *wall = g_new (double, n_runs);

  time_load (file, NULL); /* warm-up */
  for (int i = 0; i < n_runs; i++)
    {
      ms[i] = time_load (file, counts);
      wall[i] = last_wall_ms;
    }
  last_wall_ms = bench_median (wall, n_runs);

  return bench_median (ms, n_runs);
}

static void
write_article (const char *path,
               const char *text,
               gsize       len)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, len, &error))
    fail (path, error);
}

static void
print_counts (const char  *what,
              double       ms,
              double       plain,
              const guint *counts)
{
  g_print ("  %-34s %9.1f ms CPU (%7.1f ms wall)  %5.2fx   exact %u, moved %u, fuzzy %u, orphaned %u\n",
           what, ms, last_wall_ms, ms / plain, counts[GLS_ANCHOR_OK], counts[GLS_ANCHOR_MOVED],
           counts[GLS_ANCHOR_FUZZY], counts[GLS_ANCHOR_ORPHANED]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark re-anchoring");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *original = NULL;
  g_autoptr(GString) edited = NULL;
  guint counts[GLS_ANCHOR_ORPHANED + 1] = { 0 };
  gsize len;
  double plain, start_ms, middle_ms, words_ms;
  char *p;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);
  if (n_runs < 1 || n_annotations < 1 || text_mb <= 0)
    fail ("options", NULL);

  dir = g_dir_make_tmp ("glossator-bench-reanchor-XXXXXX", &error);
  if (dir == NULL || !bench_generate (dir, (gsize) (text_mb * 1e6), n_annotations, &source, &error))
    fail ("generate", error);
  path = g_file_get_path (source);
  if (!g_file_get_contents (path, &original, &len, &error))
    fail (path, error);

  g_print ("Re-anchoring benchmark: %.3g MB article, %d annotations, median of %d loads after a warm-up\n",
           text_mb, n_annotations, n_runs);

  plain = median_load (source, counts);
  g_print ("  %-34s %9.1f ms CPU (%7.1f ms wall)\n", "plain load (article unchanged)", plain, last_wall_ms);

  /* a paragraph inserted at the start: every annotation moves */
  edited = g_string_new ("A paragraph added at the start by the outlet's correction.\n");
  g_string_append_len (edited, original, len);
  write_article (path, edited->str, edited->len);
  start_ms = median_load (source, counts);
  print_counts ("insertion at the start", start_ms, plain, counts);
  if (counts[GLS_ANCHOR_MOVED] == 0)
    fail ("the insertion moved nothing", NULL);
  bench_print_goal (start_ms <= 1.5 * plain,
                    "re-anchoring after an insertion at the start: %.2fx a plain load (goal at most 1.5x)",
                    start_ms / plain);

  /* one sentence inserted in the middle: only what follows moves */
  g_string_truncate (edited, 0);
  p = strchr (original + len / 2, '\n');
  if (p == NULL)
    fail ("no paragraph in the second half", NULL);
  g_string_append_len (edited, original, p + 1 - original);
  g_string_append (edited, "One sentence added in the middle.\n");
  g_string_append_len (edited, p + 1, len - (p + 1 - original));
  write_article (path, edited->str, edited->len);
  middle_ms = median_load (source, counts);
  print_counts ("one edit in the middle", middle_ms, plain, counts);
  bench_print_goal (middle_ms <= 1.5 * plain,
                    "re-anchoring after one edit in the middle: %.2fx a plain load (goal at most 1.5x)",
                    middle_ms / plain);

  /* the first letter of every paragraph's third word changed: many
   * annotations fuzzy or moved near their place, none searching far */
  g_string_assign (edited, original);
  for (char *line = edited->str; line != NULL && *line; )
    {
      char *space = strchr (line, ' ');
      char *end = strchr (line, '\n');

      if (space && (end == NULL || space < end) && (space = strchr (space + 1, ' ')) && (end == NULL || space < end) &&
          g_ascii_isalpha (space[1]))
        space[1] = space[1] == 'q' ? 'z' : 'q';
      line = end ? end + 1 : NULL;
    }
  write_article (path, edited->str, edited->len);
  words_ms = median_load (source, counts);
  print_counts ("a word changed in every paragraph", words_ms, plain, counts);
  g_print ("  (no goal: a figure to watch)\n");

  write_article (path, original, len);
  gls_test_rm_rf (dir);

  return 0;
}
