/* bench-formats.c
 * Export and import of the 10 MB article with 100,000 annotations in every
 * format, against saving its sidecar in the same run. */
#define G_LOG_DOMAIN "bench-formats"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "gls-core.h"
#include "gls-format.h"

#include "bench-data.h"
#include "gls-test-util.h"

/* The goal of the issue: every export ≤ 2 × saving the sidecar. */
#define GOAL_EXPORT_RATIO 2.0

#define MAX_RUNS 64

static double text_mb = 10.0;
static int n_annotations = 100000;
static int n_runs = 5;
static gboolean keep_dir = FALSE;

static char *data_dir;

static GOptionEntry entries[] = {
  { "text-mb", 0, 0, G_OPTION_ARG_DOUBLE, &text_mb, "Size of the article in MB (default 10)", "MB" },
  { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Number of annotations (default 100000)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Measured runs after the warm-up (default 5)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep_dir, "Keep the generated files", NULL },
  { NULL }
};

static double
msec_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
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
fail (const char *what,
      GError     *error)
{
  g_printerr ("bench-formats: %s: %s\n", what, error ? error->message : "failed");
  cleanup ();
  exit (EXIT_FAILURE);
}

typedef struct
{
  const GlsFormat *format;
  double           export_ms;     /* export and write the file */
  double           serialize_ms;  /* of which making the bytes */
  double           import_ms;     /* into a document without annotations */
  gsize            size;
  guint            imported;
} Figures;

/* Saving the sidecar: the floor every export is measured against. */
static double
bench_save (GlsDocument *document,
            double      *serialize_ms)
{
  double save[MAX_RUNS], serialize[MAX_RUNS];

  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!gls_test_save (document, &error))
        fail ("gls_document_file_save", error);
      if (run >= 0)
        save[run] = msec_since (start);

      start = g_get_monotonic_time ();
      bytes = gls_document_serialize (document);
      if (run >= 0)
        serialize[run] = msec_since (start);
    }

  *serialize_ms = bench_median (serialize, n_runs);
  return bench_median (save, n_runs);
}

static GBytes *
bench_export (GlsDocument *document,
              Figures     *figures)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  double total[MAX_RUNS], serialize[MAX_RUNS];
  GBytes *kept = NULL;

  name = gls_format_dup_file_name (figures->format, BENCH_ARTICLE_NAME);
  path = g_build_filename (data_dir, name, NULL);

  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();
      double made;
      gsize len;
      const char *data;

      bytes = gls_format_export (figures->format, document, &error);
      if (bytes == NULL)
        fail (figures->format->name, error);
      made = msec_since (start);

      data = g_bytes_get_data (bytes, &len);
      if (!g_file_set_contents (path, data, len, &error))
        fail ("writing the export", error);

      if (run >= 0)
        {
          total[run] = msec_since (start);
          serialize[run] = made;
        }
      figures->size = len;
      if (kept == NULL)
        kept = g_bytes_ref (bytes);
    }

  figures->export_ms = bench_median (total, n_runs);
  figures->serialize_ms = bench_median (serialize, n_runs);

  return kept;
}

static void
bench_import (GlsSource *source,
              GBytes    *bytes,
              Figures   *figures)
{
  double import[MAX_RUNS];

  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(GlsDocument) document = gls_document_new (source, NULL);
      g_autoptr(GlsImportReport) report = gls_import_report_new ();
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!gls_format_import (figures->format, document, bytes, "bench", GLS_IMPORT_MERGE, report, &error))
        fail (figures->format->name, error);
      if (run >= 0)
        import[run] = msec_since (start);
      figures->imported = gls_document_get_n_annotations (document);
    }

  figures->import_ms = bench_median (import, n_runs);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark the export and import formats");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source_file = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autofree Figures *figures = NULL;
  g_autofree char *article_path = NULL;
  guint n_formats = gls_format_get_n_formats ();
  double save_ms, save_serialize_ms;
  gsize sidecar_size;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);
  if (n_runs < 1 || n_runs > MAX_RUNS || n_annotations < 1 || text_mb <= 0)
    fail ("options", NULL);

  xmlInitParser ();

  data_dir = g_dir_make_tmp ("glossator-bench-formats-XXXXXX", &error);
  if (data_dir == NULL)
    fail ("temporary folder", error);

  g_print ("Glossator formats benchmark: %.3g MB article, %d annotations; "
           "every figure is the median of %d runs after a warm-up\n",
           text_mb, n_annotations, n_runs);
  g_print ("%s, data in %s\n",
#ifdef __OPTIMIZE__
           "optimised build",
#else
           "UNOPTIMISED build (-O0): the figures are pessimistic",
#endif
           data_dir);

  if (!bench_generate (data_dir, (gsize) (text_mb * 1e6), (guint) n_annotations, NULL, &error))
    fail ("generating the data", error);

  article_path = g_build_filename (data_dir, BENCH_ARTICLE_NAME, NULL);
  source_file = g_file_new_for_path (article_path);
  document = gls_test_load (source_file, NULL, NULL, NULL, &error);
  if (document == NULL)
    fail ("gls_document_file_load", error);

  save_ms = bench_save (document, &save_serialize_ms);
  {
    g_autoptr(GBytes) sidecar = gls_document_serialize (document);
    sidecar_size = g_bytes_get_size (sidecar);
  }

  figures = g_new0 (Figures, n_formats);
  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr(GBytes) bytes = NULL;

      figures[i].format = gls_format_get_nth (i);
      bytes = bench_export (document, &figures[i]);
      if (figures[i].format->import_document != NULL)
        bench_import (gls_document_get_source (document), bytes, &figures[i]);
    }

  g_print ("\n");
  g_print ("  %-10s %12s %12s %10s %10s %12s %12s\n",
           "", "export ms", "(bytes ms)", "x save", "size MB", "import ms", "annotations");
  g_print ("  %-10s %12.1f %12.1f %10s %10.2f %12s %12u\n",
           "sidecar", save_ms, save_serialize_ms, "1.00", sidecar_size / 1e6, "-",
           gls_document_get_n_annotations (document));
  for (guint i = 0; i < n_formats; i++)
    {
      g_autofree char *import = NULL;
      g_autofree char *imported = NULL;

      if (figures[i].format->import_document != NULL)
        {
          import = g_strdup_printf ("%.1f", figures[i].import_ms);
          imported = g_strdup_printf ("%u", figures[i].imported);
        }
      g_print ("  %-10s %12.1f %12.1f %10.2f %10.2f %12s %12s\n",
               figures[i].format->name, figures[i].export_ms, figures[i].serialize_ms,
               figures[i].export_ms / save_ms, figures[i].size / 1e6,
               import ? import : "-", imported ? imported : "-");
    }
  g_print ("\n");

  for (guint i = 0; i < n_formats; i++)
    {
      double ratio = figures[i].export_ms / save_ms;
      gboolean pass = ratio <= GOAL_EXPORT_RATIO;

      g_print ("%s export %-8s %.2fx saving the sidecar (goal <= %.0fx)\n",
               pass ? "PASS" : "MISS", figures[i].format->name, ratio, GOAL_EXPORT_RATIO);
    }

  g_clear_object (&document);
  cleanup ();

  return EXIT_SUCCESS;
}
