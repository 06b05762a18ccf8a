/* test-agreement.c
 * The agreement figures against the worked examples published with the
 * measures: Krippendorff (1995, p. 57; 2004, p. 254) as DKPro Statistics'
 * unit tests give them, and the edge cases where a figure has no value. */
#include "config.h"

#include <math.h>

#include "gls-core.h"
#include "gls-test-util.h"

/* A coder's spans of one category, as (start, length) pairs, the form in
 * which the published examples list them. */
typedef struct
{
  guint       coder;
  const char *category;
  guint       start;
  guint       length;
} Unit;

static GlsAgreement *
study_new (guint        length,
           guint        n_coders,
           const Unit  *units,
           guint        n_units,
           guint        offset,
           double       stretch)
{
  GlsAgreement *agreement = gls_agreement_new ();
  guint article;

  for (guint i = 0; i < n_coders; i++)
    {
      g_autofree char *name = g_strdup_printf ("coder %u", i);
      gls_agreement_add_coder (agreement, name);
    }
  article = gls_agreement_add_article (agreement, "example", (guint) (length * stretch));
  for (guint i = 0; i < n_units; i++)
    {
      guint start = (guint) ((units[i].start - offset) * stretch);
      guint end = start + (guint) (units[i].length * stretch);

      gls_agreement_add_span (agreement, article, units[i].coder, units[i].category, start, end);
    }

  return agreement;
}

#define assert_close(value, expected, tolerance) \
  G_STMT_START { \
    double v_ = (value), e_ = (expected); \
    if (!(fabs (v_ - e_) <= (tolerance))) \
      g_error ("%s = %.6f, expected %.6f ± %g", #value, v_, e_, (double) (tolerance)); \
  } G_STMT_END

/* Krippendorff 1995, p. 57: four pairs of coders on 24 units, one
 * category each. */
static const Unit example_1995[] = {
  { 0, "A", 2, 8 }, { 0, "A", 14, 6 }, { 1, "A", 4, 4 }, { 1, "A", 15, 2 },
  { 0, "B", 0, 18 }, { 1, "B", 0, 2 }, { 1, "B", 2, 1 }, { 1, "B", 3, 1 }, { 1, "B", 4, 1 },
  { 1, "B", 5, 1 }, { 1, "B", 6, 3 }, { 1, "B", 9, 1 },
  { 0, "C", 2, 6 }, { 0, "C", 10, 2 }, { 0, "C", 14, 4 }, { 0, "C", 20, 2 },
  { 1, "C", 0, 2 }, { 1, "C", 4, 4 }, { 1, "C", 10, 4 }, { 1, "C", 16, 2 }, { 1, "C", 20, 2 },
  { 0, "D", 0, 2 }, { 0, "D", 2, 8 }, { 0, "D", 10, 4 }, { 0, "D", 14, 6 }, { 0, "D", 20, 4 },
  { 1, "D", 0, 4 }, { 1, "D", 4, 4 }, { 1, "D", 8, 7 }, { 1, "D", 15, 2 }, { 1, "D", 17, 7 },
};

static void
test_krippendorff_1995_observed (void)
{
  g_autoptr(GlsAgreement) study = study_new (24, 2, example_1995, G_N_ELEMENTS (example_1995), 0, 1);
  const char *categories[] = { "A", "B", "C", "D" };
  const double observed[] = { 0.03125, 2.26736, 0.02777, 0.38715 };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      GlsAgreementFigures figures;

      gls_agreement_compute (study, 0, categories[i], &figures);
      assert_close (figures.observed, observed[i], 0.00001);
    }
}

/* The same, stretched 50 000 times, where the expected disagreement
 * reaches its limit; DKPro allows 0.005 and 0.02, for a slip it finds in
 * the original's D_e. */
static void
test_krippendorff_1995_alpha (void)
{
  g_autoptr(GlsAgreement) study = study_new (24, 2, example_1995, G_N_ELEMENTS (example_1995), 0, 50000);
  const char *categories[] = { "A", "B", "C", "D" };
  const double expected[] = { 0.06990, 1.17731, 0.08642, 0.41445 };
  const double alpha_u[] = { 0.553, -0.926, 0.679, 0.066 };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      GlsAgreementFigures figures;

      gls_agreement_compute (study, 0, categories[i], &figures);
      assert_close (figures.expected, expected[i], 0.005);
      g_assert_cmpint (figures.alpha_u.undefined, ==, GLS_AGREEMENT_DEFINED);
      assert_close (figures.alpha_u.value, alpha_u[i], 0.02);
    }
}

/* Krippendorff 1995 digitized: the code points of example A and C, coded
 * 1 or 0, with Cohen's kappa and the nominal alpha DKPro gives them. */
static void
test_krippendorff_1995_binary (void)
{
  g_autoptr(GlsAgreement) study = study_new (24, 2, example_1995, G_N_ELEMENTS (example_1995), 0, 1);
  GlsAgreementFigures figures;

  gls_agreement_compute (study, 0, "A", &figures);
  assert_close (figures.kappa.value, 0.385, 0.001);
  assert_close (figures.alpha.value, 0.329, 0.001);

  gls_agreement_compute (study, 0, "C", &figures);
  assert_close (figures.kappa.value, 0.314, 0.001);
}

/* Krippendorff 2004, p. 254: a continuum from 150 to 450, two categories. */
static const Unit example_2004[] = {
  { 0, "c", 225, 70 }, { 0, "c", 370, 30 },
  { 1, "c", 220, 80 }, { 1, "c", 355, 20 }, { 1, "c", 400, 20 },
  { 0, "k", 180, 60 }, { 0, "k", 300, 50 },
  { 1, "k", 180, 60 }, { 1, "k", 300, 50 },
};

static void
test_krippendorff_2004 (void)
{
  g_autoptr(GlsAgreement) study = study_new (300, 2, example_2004, G_N_ELEMENTS (example_2004), 150, 1);
  GlsAgreementFigures figures;

  gls_agreement_compute (study, 0, "c", &figures);
  assert_close (figures.observed, 0.0144, 0.0001);
  assert_close (figures.expected, 0.0532, 0.0001);
  assert_close (figures.alpha_u.value, 0.7286, 0.0001);

  gls_agreement_compute (study, 0, "k", &figures);
  assert_close (figures.observed, 0.0, 0.0001);
  assert_close (figures.expected, 0.0490, 0.0001);
  assert_close (figures.alpha_u.value, 1.0, 0.0001);

  /* not the mean of the two (0.8643) */
  gls_agreement_compute_overall (study, GLS_AGREEMENT_POOLED, &figures);
  assert_close (figures.alpha_u.value, 0.8591, 0.0005);
}

/* DKPro's own example: one long unit against three short ones inside it. */
static void
test_nested_units (void)
{
  static const Unit units[] = {
    { 0, "A", 1, 8 }, { 1, "A", 2, 1 }, { 1, "A", 4, 1 }, { 1, "A", 6, 1 },
  };
  g_autoptr(GlsAgreement) study = study_new (10, 2, units, G_N_ELEMENTS (units), 0, 1);
  GlsAgreementFigures figures;

  gls_agreement_compute (study, 0, "A", &figures);
  assert_close (figures.observed, 0.9100, 0.0001);
  assert_close (figures.expected, 0.5351, 0.0001);
  assert_close (figures.alpha_u.value, -0.7003, 0.0001);
}

/* Overlapping spans of one coder are one unit, their union; touching
 * spans stay two. */
static void
test_overlap_and_touch (void)
{
  static const Unit overlapping[] = {
    { 0, "A", 2, 4 }, { 0, "A", 4, 4 }, { 1, "A", 2, 6 },
  };
  static const Unit touching[] = {
    { 0, "A", 2, 3 }, { 0, "A", 5, 3 }, { 1, "A", 2, 6 },
  };
  g_autoptr(GlsAgreement) merged = study_new (20, 2, overlapping, G_N_ELEMENTS (overlapping), 0, 1);
  g_autoptr(GlsAgreement) apart = study_new (20, 2, touching, G_N_ELEMENTS (touching), 0, 1);
  GlsAgreementFigures figures;

  gls_agreement_compute (merged, 0, "A", &figures);
  assert_close (figures.alpha_u.value, 1.0, 1e-12);
  assert_close (figures.kappa.value, 1.0, 1e-12);

  /* the same code points, so the same kappa, but two units against one */
  gls_agreement_compute (apart, 0, "A", &figures);
  assert_close (figures.kappa.value, 1.0, 1e-12);
  g_assert_cmpfloat (figures.observed, >, 0);
  g_assert_cmpfloat (figures.alpha_u.value, <, 1.0);
}

/* What has no value: a category nobody used, and one that covers the
 * whole text for every coder. */
static void
test_undefined (void)
{
  static const Unit units[] = {
    { 0, "all", 0, 10 }, { 1, "all", 0, 10 }, { 2, "all", 0, 10 }, { 0, "some", 3, 5 },
  };
  g_autoptr(GlsAgreement) study = study_new (10, 3, units, G_N_ELEMENTS (units), 0, 1);
  GlsAgreementFigures figures;

  gls_agreement_compute (study, 0, "nobody", &figures);
  g_assert_cmpint (figures.kappa.undefined, ==, GLS_AGREEMENT_CHANCE_IS_ONE);
  g_assert_cmpint (figures.alpha.undefined, ==, GLS_AGREEMENT_ONE_VALUE);
  g_assert_cmpint (figures.alpha_u.undefined, ==, GLS_AGREEMENT_UNUSED);

  gls_agreement_compute (study, 0, "all", &figures);
  g_assert_cmpint (figures.kappa.undefined, ==, GLS_AGREEMENT_CHANCE_IS_ONE);
  g_assert_cmpint (figures.alpha.undefined, ==, GLS_AGREEMENT_ONE_VALUE);
  g_assert_cmpint (figures.alpha_u.undefined, ==, GLS_AGREEMENT_DEFINED);
  assert_close (figures.alpha_u.value, 1.0, 1e-12);

  /* one coder of three marked 5 of 10: Fleiss' kappa by hand: P̄ = 40/60,
   * p = 5/30, P_e = 26/36, so -0.2 */
  gls_agreement_compute (study, 0, "some", &figures);
  g_assert_cmpint (figures.kappa.undefined, ==, GLS_AGREEMENT_DEFINED);
  assert_close (figures.kappa.value, -0.2, 1e-12);
}

/* Pooled figures take the articles as one continuum: two articles that
 * agree perfectly pool to perfect agreement, and the code points add up. */
static void
test_pooled (void)
{
  g_autoptr(GlsAgreement) study = gls_agreement_new ();
  GlsAgreementFigures figures;
  guint a, b;

  gls_agreement_add_coder (study, "x");
  gls_agreement_add_coder (study, "y");
  a = gls_agreement_add_article (study, "a", 30);
  b = gls_agreement_add_article (study, "b", 50);
  gls_agreement_add_span (study, a, 0, "A", 3, 9);
  gls_agreement_add_span (study, a, 1, "A", 3, 9);
  gls_agreement_add_span (study, b, 0, "A", 40, 45);
  gls_agreement_add_span (study, b, 1, "B", 40, 45);
  /* past the end of the article: cut */
  gls_agreement_add_span (study, b, 1, "B", 48, 70);

  g_assert_cmpuint (gls_agreement_get_n_units (study, GLS_AGREEMENT_POOLED), ==, 80);
  gls_agreement_compute (study, a, "A", &figures);
  assert_close (figures.alpha_u.value, 1.0, 1e-12);
  gls_agreement_compute (study, b, "A", &figures);
  g_assert_cmpint (figures.kappa.undefined, ==, GLS_AGREEMENT_DEFINED);
  assert_close (figures.kappa.value, 0.0, 1e-12);
  gls_agreement_compute (study, GLS_AGREEMENT_POOLED, "A", &figures);
  g_assert_cmpfloat (figures.kappa.value, >, 0.0);
  g_assert_cmpfloat (figures.kappa.value, <, 1.0);
  gls_agreement_compute (study, GLS_AGREEMENT_POOLED, "B", &figures);
  /* y marked 5 + 2 code points, x none */
  assert_close (figures.kappa.value, 0.0, 1e-12);
}

/* The command line reads the coders' sidecars on every core. Read at the
 * same moment in several threads of a fresh process, one sidecar must
 * give every thread the same article length and offsets: GLib 2.74's
 * number parsing failed now and then on its first calls in parallel, and
 * `agreement FOLDER FOLDER` refused identical folders as "another article". */
#define N_READERS 8

typedef struct
{
  GFile            *sidecar;
  gint              waiting;
  GlsAgreementFile *files[N_READERS];
} Readers;

static gpointer
read_at_once (gpointer data)
{
  Readers *readers = data;
  g_autoptr(GError) error = NULL;
  GlsAgreementFile *file;

  g_atomic_int_dec_and_test (&readers->waiting);
  while (g_atomic_int_get (&readers->waiting) > 0)
    ;
  file = gls_agreement_file_read (readers->sidecar, &error);
  g_assert_no_error (error);

  return file;
}

static void
read_in_threads (void)
{
  g_autofree char *path = gls_test_data_path ("sidecars", "valid", "full.xml", NULL);
  g_autoptr(GlsAgreement) study = gls_agreement_new ();
  g_auto(GStrv) categories = NULL;
  GThread *threads[N_READERS];
  Readers readers = { g_file_new_for_path (path), N_READERS, { NULL, } };
  guint article;

  for (guint i = 0; i < N_READERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("coder %u", i);

      gls_agreement_add_coder (study, name);
      threads[i] = g_thread_new (name, read_at_once, &readers);
    }
  for (guint i = 0; i < N_READERS; i++)
    readers.files[i] = g_thread_join (threads[i]);

  article = gls_agreement_add_article (study, "full", 0);
  for (guint i = 0; i < N_READERS; i++)
    {
      g_autoptr(GError) error = NULL;

      gls_agreement_add_file (study, article, (int) i, readers.files[i], &error);
      g_assert_no_error (error);
      gls_agreement_file_free (readers.files[i]);
    }

  /* the same spans from every reader: full agreement on each category */
  categories = gls_agreement_dup_categories (study, (int) article);
  g_assert_cmpuint (g_strv_length (categories), >=, 5);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      GlsAgreementFigures figures;

      gls_agreement_compute (study, (int) article, categories[i], &figures);
      assert_close (figures.alpha_u.value, 1.0, 1e-12);
    }

  g_object_unref (readers.sidecar);
}

static void
test_files_read_in_threads (void)
{
  /* the fault lives in set-up done once per process: a fresh one a run */
  for (guint run = 0; run < 30; run++)
    {
      g_test_trap_subprocess ("/agreement/files-read-in-threads/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/agreement/krippendorff-1995/observed", test_krippendorff_1995_observed);
  g_test_add_func ("/agreement/krippendorff-1995/alpha-u", test_krippendorff_1995_alpha);
  g_test_add_func ("/agreement/krippendorff-1995/binary", test_krippendorff_1995_binary);
  g_test_add_func ("/agreement/krippendorff-2004", test_krippendorff_2004);
  g_test_add_func ("/agreement/nested-units", test_nested_units);
  g_test_add_func ("/agreement/overlap-and-touch", test_overlap_and_touch);
  g_test_add_func ("/agreement/undefined", test_undefined);
  g_test_add_func ("/agreement/pooled", test_pooled);
  g_test_add_func ("/agreement/files-read-in-threads", test_files_read_in_threads);
  g_test_add_func ("/agreement/files-read-in-threads/subprocess", read_in_threads);

  return g_test_run ();
}
