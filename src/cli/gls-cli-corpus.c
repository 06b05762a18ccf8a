/* gls-cli-corpus.c
 * Commands at corpus scale: folders named on the command line become their
 * articles, which are processed on every core, their output in order. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"

/* How often the progress line is redrawn at most, in microseconds */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)

void
gls_cli_source_free (GlsCliSource *source)
{
  g_free (source->path);
  g_free (source->relative);
  g_free (source);
}

static void
add_source (GPtrArray  *sources,
            const char *path,
            const char *relative)
{
  GlsCliSource *source = g_new0 (GlsCliSource, 1);

  source->path = g_strdup (path);
  source->relative = g_strdup (relative);
  g_ptr_array_add (sources, source);
}

/**
 * gls_cli_expand_sources:
 * @argv: the files and folders, from the first
 * @exit_code: (inout): made %GLS_CLI_EXIT_FAILED when a folder cannot be
 *   read
 *
 * The files as named, and in place of each folder its articles
 * (gls_corpus_list_articles()), named by the folder's path followed by
 * theirs inside it.
 *
 * Returns: (transfer full) (element-type GlsCliSource): the sources
 */
GPtrArray *
gls_cli_expand_sources (int              argc,
                        char           **argv,
                        GlsCorpusFlags   flags,
                        GlsCliExit      *exit_code)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_cli_source_free);

  for (int i = 0; i < argc; i++)
    {
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          add_source (sources, argv[i], NULL);
          continue;
        }

      if ((articles = gls_corpus_list_articles (argv[i], flags, NULL, &error)) == NULL)
        {
          gls_cli_print_error (error);
          *exit_code = GLS_CLI_EXIT_FAILED;
          continue;
        }

      if (articles->len == 0)
        /* Translators: %s is a folder */
        g_printerr (_("%s: no articles in this folder (.txt, .html, .htm, .xhtml, or a file with annotations)\n"),
                    argv[i]);

      for (guint j = 0; j < articles->len; j++)
        {
          const char *relative = g_ptr_array_index (articles, j);
          g_autofree char *path = g_build_filename (argv[i], relative, NULL);

          add_source (sources, path, relative);
        }
    }

  return sources;
}

/**
 * gls_cli_parse_sources:
 * @n_folders: (out) (optional): how many folders the command line names
 * @exit_code: (out): the exit status so far
 *
 * Reads the command line of @command with its @entries, then its files and
 * folders, as gls_cli_expand_sources() does.
 *
 * Returns: (transfer full) (nullable) (element-type GlsCliSource): the
 *   sources, or %NULL when the command must stop (after its help, or on a
 *   usage error)
 */
GPtrArray *
gls_cli_parse_sources (const GlsCliCommand  *command,
                       GOptionEntry         *entries,
                       int                   argc,
                       char                **argv,
                       GlsCorpusFlags        flags,
                       guint                *n_folders,
                       GlsCliExit           *exit_code)
{
  *exit_code = GLS_CLI_EXIT_OK;
  if (!gls_cli_parse_options (command, entries, &argc, &argv, exit_code))
    return NULL;

  if (n_folders != NULL)
    {
      *n_folders = 0;
      for (int i = 1; i < argc; i++)
        *n_folders += g_file_test (argv[i], G_FILE_TEST_IS_DIR);
    }

  return gls_cli_expand_sources (argc - 1, argv + 1, flags, exit_code);
}

/* One source's work: what it printed, in the order it printed it, each
 * piece led by the stream it was for ('1' or '2'). */
typedef struct
{
  const char     *path;
  GlsCliSource   *source;
  GPtrArray      *pieces;
  gpointer        result;
  GDestroyNotify  result_free;
  GlsCliExit      exit_code;
  gboolean        done;
} Job;

typedef struct
{
  GMutex         mutex;
  GCond          cond;
  GlsCliJobFunc  func;
  gpointer       user_data;
} Run;

/* The job the calling thread is doing, if any */
static GPrivate current_job;

static void
keep_piece (Job        *job,
            char        stream,
            const char *string)
{
  g_ptr_array_add (job->pieces, g_strconcat (stream == 1 ? "1" : "2", string, NULL));
}

static void
print_handler (const char *string)
{
  Job *job = g_private_get (&current_job);

  if (job != NULL)
    keep_piece (job, 1, string);
  else
    fputs (string, stdout);
}

static void
printerr_handler (const char *string)
{
  Job *job = g_private_get (&current_job);

  if (job != NULL)
    keep_piece (job, 2, string);
  else
    fputs (string, stderr);
}

/**
 * gls_cli_job_set_result:
 *
 * Called by a #GlsCliJobFunc: @result goes to the run's result function,
 * in the main thread, in the order of the sources.
 */
void
gls_cli_job_set_result (gpointer       result,
                        GDestroyNotify result_free)
{
  Job *job = g_private_get (&current_job);

  g_return_if_fail (job != NULL);

  job->result = result;
  job->result_free = result_free;
}

/**
 * gls_cli_job_get_source:
 *
 * Returns: (nullable): the source the calling #GlsCliJobFunc works on
 */
const GlsCliSource *
gls_cli_job_get_source (void)
{
  Job *job = g_private_get (&current_job);

  return job != NULL ? job->source : NULL;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Run *run = user_data;
  GlsCliExit exit_code;

  g_private_set (&current_job, job);
  exit_code = run->func (job->path, run->user_data);
  g_private_set (&current_job, NULL);

  g_mutex_lock (&run->mutex);
  job->exit_code = exit_code;
  job->done = TRUE;
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->mutex);
}

typedef struct
{
  gboolean shown;
  gboolean drawn;
  gint64   last;
  guint    columns;   /* of the terminal */
} Progress;

static void
progress_init (Progress *progress,
               guint     total)
{
  struct winsize size = { 0, };

  progress->shown = total > 1 && isatty (fileno (stderr));
  if (progress->shown && ioctl (fileno (stderr), TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    progress->columns = size.ws_col;
  else
    progress->columns = 80;
}

static void
progress_clear (Progress *progress)
{
  if (progress->drawn)
    fputs ("\r\033[K", stderr);
  progress->drawn = FALSE;
}

static char *
progress_line (guint       done,
               guint       total,
               const char *path)
{
  /* Translators: a progress line: articles done, all articles, the last one */
  return g_strdup_printf (_("%u of %u articles: %s"), done, total, path);
}

/* One line that fits the terminal: a line that wrapped would not be
 * erased by the next. A long path loses its start, where the folders
 * all articles share are. */
static char *
progress_fit (Progress   *progress,
              guint       done,
              guint       total,
              const char *path)
{
  char *line = progress_line (done, total, path);
  glong width = MAX ((glong) progress->columns - 1, 1);
  glong excess = g_utf8_strlen (line, -1) - width;
  glong path_length = g_utf8_strlen (path, -1);

  if (excess <= 0)
    return line;

  g_free (line);
  if (path_length > excess + 1)
    {
      g_autofree char *tail = g_strconcat ("…", g_utf8_offset_to_pointer (path, excess + 1), NULL);

      line = progress_line (done, total, tail);
      if (g_utf8_strlen (line, -1) <= width)
        return line;
      g_free (line);
    }

  {
    g_autofree char *bare = progress_line (done, total, "");

    return g_utf8_substring (bare, 0, MIN (width, g_utf8_strlen (bare, -1)));
  }
}

static void
progress_draw (Progress   *progress,
               guint       done,
               guint       total,
               const char *path)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *line = NULL;

  if (!progress->shown || (now - progress->last < PROGRESS_INTERVAL && done < total))
    return;

  progress->last = now;
  fflush (stdout);
  progress_clear (progress);
  line = progress_fit (progress, done, total, path);
  fputs (line, stderr);
  fflush (stderr);
  progress->drawn = TRUE;
}

/* What a job printed, as it would have been printed without threads:
 * standard output is flushed only before standard error is written, so
 * that the two keep their order on a terminal, and a pipe gets full
 * buffers rather than a write per article. */
static void
flush_job (Job *job)
{
  for (guint i = 0; i < job->pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (job->pieces, i);

      if (piece[0] == '1')
        fputs (piece + 1, stdout);
      else
        {
          fflush (stdout);
          fputs (piece + 1, stderr);
        }
    }
}

/**
 * gls_cli_run_parallel:
 * @sources: (element-type GlsCliSource): the articles
 * @result_func: (nullable): gets what each job left with
 *   gls_cli_job_set_result(), in the main thread, in the order of @sources
 *
 * Runs @func on every source, on every core, each in a thread of its own
 * (so each loads its own document: core objects are never shared). What
 * @func prints with g_print() and g_printerr() comes out in the order of
 * @sources, exactly as a run without threads prints it. On a terminal,
 * standard error shows a progress line.
 *
 * Returns: the worst exit status of them all
 */
GlsCliExit
gls_cli_run_parallel (GPtrArray        *sources,
                      GlsCliJobFunc     func,
                      GlsCliResultFunc  result_func,
                      gpointer          user_data)
{
  Run run = { .func = func, .user_data = user_data };
  Progress progress = { 0, };
  g_autofree Job *jobs = g_new0 (Job, MAX (sources->len, 1));
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  GPrintFunc old_print, old_printerr;
  GThreadPool *pool;
  guint n_threads = MAX (g_get_num_processors (), 1);

  progress_init (&progress, sources->len);

  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);
  old_print = g_set_print_handler (print_handler);
  old_printerr = g_set_printerr_handler (printerr_handler);

  pool = g_thread_pool_new (run_job, &run, (int) MIN (n_threads, MAX (sources->len, 1)), TRUE, NULL);
  for (guint i = 0; i < sources->len; i++)
    {
      GlsCliSource *source = g_ptr_array_index (sources, i);

      jobs[i].path = source->path;
      jobs[i].source = source;
      jobs[i].pieces = g_ptr_array_new_with_free_func (g_free);
      g_thread_pool_push (pool, &jobs[i], NULL);
    }

  for (guint i = 0; i < sources->len; i++)
    {
      Job *job = &jobs[i];

      g_mutex_lock (&run.mutex);
      while (!job->done)
        g_cond_wait (&run.cond, &run.mutex);
      g_mutex_unlock (&run.mutex);

      if (job->pieces->len > 0)
        progress_clear (&progress);
      flush_job (job);
      if (result_func != NULL)
        result_func (job->path, job->result, user_data);
      if (job->result_free != NULL)
        job->result_free (job->result);
      g_clear_pointer (&job->pieces, g_ptr_array_unref);
      exit_code = MAX (exit_code, job->exit_code);

      progress_draw (&progress, i + 1, sources->len, job->path);
    }

  g_thread_pool_free (pool, FALSE, TRUE);
  progress_clear (&progress);
  fflush (stdout);
  fflush (stderr);

  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);
  g_cond_clear (&run.cond);
  g_mutex_clear (&run.mutex);

  return exit_code;
}

/* In a worker thread: one article, kept for the main thread. */
static GlsCliExit
load_one (const char *path,
          gpointer    user_data)
{
  GlsDocument *document = gls_cli_load_document (path, GLS_LOAD_READ_ONLY);

  if (document == NULL)
    return GLS_CLI_EXIT_FAILED;

  gls_cli_job_set_result (document, g_object_unref);

  return GLS_CLI_EXIT_OK;
}

/* In the main thread, in the order of the sources: a NULL stands for an
 * article that could not be read. */
static void
keep_document (const char *path,
               gpointer    result,
               gpointer    user_data)
{
  GPtrArray *documents = user_data;

  g_ptr_array_add (documents, result ? g_object_ref (result) : NULL);
}

/**
 * gls_cli_load_documents:
 * @sources: (element-type GlsCliSource): the articles
 *
 * Reads every article, changing nothing, on every processor.
 *
 * Returns: (transfer full) (nullable): the documents in the order of
 *   @sources, or %NULL when one could not be read (its problems printed)
 */
GPtrArray *
gls_cli_load_documents (GPtrArray *sources)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (gls_cli_unref_document);

  gls_cli_run_parallel (sources, load_one, keep_document, documents);
  for (guint i = 0; i < documents->len; i++)
    if (g_ptr_array_index (documents, i) == NULL)
      return NULL;

  return g_steal_pointer (&documents);
}
