/* bench-corpus.c
 * glossator-cli stats and validate on a folder of 10,000 articles (issue
 * 13), next to xmllint --noout over the same sidecars in the same run: wall
 * time and peak memory, each the median of 5 runs after a warm-up. */
#define G_LOG_DOMAIN "bench-corpus"

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "gls-core.h"

#include "bench-data.h"
#include "gls-test-util.h"

static int n_articles = 10000;
static int article_bytes = 5000;
static int n_annotations = 20;
static int n_runs = 5;
/* articles per subfolder, so that the scan recurses as in a real corpus */
static int per_folder = 500;

static GOptionEntry entries[] = {
  { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Number of articles", "N" },
  { "bytes", 0, 0, G_OPTION_ARG_INT, &article_bytes, "Bytes of each article", "N" },
  { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations of each article", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Timed runs of each command", "N" },
  { NULL }
};

static void G_GNUC_NORETURN
fail (const char   *what,
      const GError *error)
{
  g_printerr ("bench-corpus: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

typedef struct
{
  double wall_ms;
  double cpu_ms;    /* user and system, all threads */
  double peak_mb;
  int    status;
} Run;

/* Runs @argv with its output thrown away; its wall time and the peak
 * resident memory the kernel counted for it. */
static Run
run_command (char **argv)
{
  Run run = { 0, 0, 0, -1 };
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid;

  pid = fork ();
  if (pid < 0)
    fail ("fork", NULL);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }

  if (wait4 (pid, &status, 0, &usage) < 0)
    fail ("wait4", NULL);

  run.wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  run.peak_mb = usage.ru_maxrss / 1024.0;
  run.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
               (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  return run;
}

/* The median of @n_runs runs after one that is not counted. */
static Run
median_run (char **argv)
{
  g_autofree double *wall = g_new (double, n_runs);
  g_autofree double *peak = g_new (double, n_runs);
  g_autofree double *cpu = g_new (double, n_runs);
  Run run = run_command (argv);

  if (run.status != 0)
    {
      g_printerr ("bench-corpus: %s exited with %d\n", argv[0], run.status);
      exit (1);
    }

  for (int i = 0; i < n_runs; i++)
    {
      run = run_command (argv);
      wall[i] = run.wall_ms;
      peak[i] = run.peak_mb;
      cpu[i] = run.cpu_ms;
    }

  run.wall_ms = bench_median (wall, n_runs);
  run.peak_mb = bench_median (peak, n_runs);
  run.cpu_ms = bench_median (cpu, n_runs);

  return run;
}

static void
print_row (const char *what,
           Run         run)
{
  g_print ("  %-36s %9.1f ms wall %9.1f ms CPU  %7.1f MB peak\n", what, run.wall_ms, run.cpu_ms, run.peak_mb);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark glossator-cli on a corpus");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sidecars = NULL;
  g_autoptr(GPtrArray) xmllint = g_ptr_array_new ();
  g_autofree char *corpus = NULL;
  g_autofree char *xmllint_path = g_find_program_in_path ("xmllint");
  const char *cli = g_getenv ("GLOSSATOR_CLI");
  Run floor, stats, validate;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);
  if (n_articles < 1 || n_runs < 1 || article_bytes < 100 || per_folder < 1)
    fail ("options", NULL);
  if (cli == NULL || xmllint_path == NULL)
    {
      g_print ("bench-corpus: needs GLOSSATOR_CLI and xmllint; skipped\n");
      return 0;
    }

  corpus = g_dir_make_tmp ("glossator-bench-corpus-XXXXXX", &error);
  if (corpus == NULL)
    fail ("temporary folder", error);
  if ((sidecars = bench_generate_corpus (corpus, n_articles, article_bytes, n_annotations, per_folder,
                                         &error)) == NULL)
    fail ("generate", error);

  g_print ("Corpus benchmark: %d articles of %d bytes with %d annotations each, %u processors, "
           "median of %d runs after a warm-up\n",
           n_articles, article_bytes, n_annotations, g_get_num_processors (), n_runs);

  g_ptr_array_add (xmllint, xmllint_path);
  g_ptr_array_add (xmllint, (gpointer) "--noout");
  for (guint i = 0; i < sidecars->len; i++)
    g_ptr_array_add (xmllint, g_ptr_array_index (sidecars, i));
  g_ptr_array_add (xmllint, NULL);

  {
    char *stats_argv[] = { (char *) cli, (char *) "stats", corpus, NULL };
    char *validate_argv[] = { (char *) cli, (char *) "validate", corpus, NULL };

    floor = median_run ((char **) xmllint->pdata);
    print_row ("xmllint --noout (the floor)", floor);
    stats = median_run (stats_argv);
    print_row ("glossator-cli stats FOLDER", stats);
    validate = median_run (validate_argv);
    print_row ("glossator-cli validate FOLDER", validate);
  }

  bench_print_goal (stats.wall_ms <= floor.wall_ms,
                    "stats FOLDER at most 1x xmllint --noout: %.2fx (%.0f ms vs %.0f ms)",
                    stats.wall_ms / floor.wall_ms, stats.wall_ms, floor.wall_ms);
  bench_print_goal (validate.wall_ms <= floor.wall_ms,
                    "validate FOLDER at most 1x xmllint --noout: %.2fx (%.0f ms vs %.0f ms)",
                    validate.wall_ms / floor.wall_ms, validate.wall_ms, floor.wall_ms);
  g_print ("  (CPU time and memory: no goal; figures to watch. The wall times depend on what else the\n"
           "  processors run: the CPU times say how much work each command does.)\n");

  gls_test_rm_rf (corpus);

  return 0;
}
