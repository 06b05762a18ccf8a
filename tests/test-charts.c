/* test-charts.c
 * The figures behind the statistics charts of issue 13: counts per
 * category from a document, summed over articles, in the bar chart's
 * order, their text alternative, and the density strip's buckets. */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-test-util.h"

typedef struct
{
  GlsDocument *document;
} Fixture;

/* A text of 1000 characters: factual three times (at the start, at 10 %
 * and at the end), opinion once in the middle, and one annotation of a
 * category missing from the built-in codebook across half the text. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = g_strnfill (1000, 'x');
  static const struct { const char *category; guint start, end; } annotations[] = {
    { "factual", 0, 10 }, { "factual", 100, 110 }, { "factual", 990, 1000 },
    { "opinion", 500, 510 }, { "custom", 200, 700 },
  };

  f->document = gls_test_document_from_text (text, "article.txt");
  for (guint i = 0; i < G_N_ELEMENTS (annotations); i++)
    {
      GlsSpan span = { annotations[i].start, annotations[i].end };

      gls_test_annotate_spans (f->document, annotations[i].category, &span, 1);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->document);
}

static const GlsCategoryCount *
count_at (GPtrArray *counts,
          guint      i)
{
  g_assert_cmpuint (i, <, counts->len);

  return g_ptr_array_index (counts, i);
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) counts = gls_category_counts_for_document (f->document);
  GlsCodebook *codebook = gls_document_get_codebook (f->document);
  guint n = gls_codebook_get_n_categories (codebook);

  /* every category of the codebook in its order, then the missing one */
  g_assert_cmpuint (counts->len, ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);

      g_assert_cmpstr (count_at (counts, i)->id, ==, gls_category_get_id (category));
      g_assert_cmpstr (count_at (counts, i)->label, ==, gls_category_get_label (category));
      g_assert_cmpstr (count_at (counts, i)->color, ==, gls_category_get_color (category));
      g_assert_cmpuint (count_at (counts, i)->position, ==, i);
      g_assert_cmpuint (count_at (counts, i)->count, ==,
                        gls_document_count_category (f->document, gls_category_get_id (category)));
    }
  g_assert_cmpstr (count_at (counts, 0)->id, ==, "factual");
  g_assert_cmpuint (count_at (counts, 0)->count, ==, 3);
  g_assert_cmpstr (count_at (counts, n)->id, ==, "custom");
  g_assert_cmpstr (count_at (counts, n)->label, ==, "custom");
  g_assert_null (count_at (counts, n)->color);
  g_assert_cmpuint (count_at (counts, n)->position, ==, G_MAXUINT);
  g_assert_cmpuint (count_at (counts, n)->count, ==, 1);
  g_assert_cmpuint (gls_category_counts_total (counts), ==, 5);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) counts = gls_category_counts_for_document (f->document);
  g_autofree char *description = NULL;
  g_auto(GStrv) figures = NULL;
  GlsCodebook *codebook = gls_document_get_codebook (f->document);

  /* the most first; equal counts in the codebook's order, those missing
   * from it after */
  gls_category_counts_sort (counts);
  g_assert_cmpstr (count_at (counts, 0)->id, ==, "factual");
  g_assert_cmpstr (count_at (counts, 1)->id, ==, "opinion");
  g_assert_cmpstr (count_at (counts, 2)->id, ==, "custom");
  g_assert_cmpuint (count_at (counts, 3)->count, ==, 0);
  for (guint i = 4; i < counts->len; i++)
    g_assert_cmpuint (count_at (counts, i - 1)->position, <, count_at (counts, i)->position);

  description = gls_category_counts_describe (counts);
  g_assert_true (g_str_has_prefix (description, "Factual claim: 3, Opinion or evaluation: 1, custom: 1, "));
  g_assert_nonnull (strstr (description, "Number or statistic: 0"));
  /* one figure per category, nothing else */
  figures = g_strsplit (description, ", ", -1);
  g_assert_cmpuint (g_strv_length (figures), ==, gls_codebook_get_n_categories (codebook) + 1);
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) totals = gls_category_counts_new ();
  g_autoptr(GPtrArray) first = gls_category_counts_for_document (f->document);
  g_autoptr(GlsDocument) other = gls_test_document_from_text ("Another article, shorter.", "b.txt");
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *description = NULL;
  GlsSpan span = { 0, 7 };

  gls_test_annotate_spans (other, "opinion", &span, 1);
  gls_test_annotate_spans (other, "opinion", &span, 1);
  gls_test_annotate_spans (other, "elsewhere", &span, 1);
  second = gls_category_counts_for_document (other);

  gls_category_counts_add (totals, first);
  gls_category_counts_add (totals, second);
  gls_category_counts_add (totals, NULL);
  g_assert_cmpuint (gls_category_counts_total (totals), ==, 5 + 3);
  /* the first's categories, then what only the second has */
  g_assert_cmpuint (totals->len, ==, first->len + 1);
  g_assert_cmpstr (count_at (totals, totals->len - 1)->id, ==, "elsewhere");

  gls_category_counts_sort (totals);
  description = gls_category_counts_describe (totals);
  g_assert_true (g_str_has_prefix (description,
                                   "Factual claim: 3, Opinion or evaluation: 3, custom: 1, elsewhere: 1, "));

  /* nothing to chart */
  g_clear_pointer (&description, g_free);
  description = gls_category_counts_describe (NULL);
  g_assert_cmpstr (description, ==, "No annotations");
}

/* The rows of @lane that are marked, as a string of 0 and 1. */
static char *
lane_marks (GlsDensity *density,
            guint       lane)
{
  GString *marks = g_string_new (NULL);

  for (guint row = 0; row < gls_density_get_n_rows (density); row++)
    g_string_append_c (marks, gls_density_get_mark (density, row, lane) ? '1' : '0');

  return g_string_free (marks, FALSE);
}

static void
test_density (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GlsDensity) density = gls_density_new (f->document, 10);
  g_autofree char *factual = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *custom = NULL;
  g_autofree char *description = NULL;

  /* a lane per category with annotations, in the codebook's order */
  g_assert_cmpuint (gls_density_get_n_rows (density), ==, 10);
  g_assert_cmpuint (gls_density_get_n_lanes (density), ==, 3);
  g_assert_cmpstr (gls_density_get_lane (density, 0)->id, ==, "factual");
  g_assert_cmpstr (gls_density_get_lane (density, 1)->id, ==, "opinion");
  g_assert_cmpstr (gls_density_get_lane (density, 2)->id, ==, "custom");

  /* each row stands for 100 characters: an annotation marks the rows
   * its characters are in, a long one all of them */
  factual = lane_marks (density, 0);
  opinion = lane_marks (density, 1);
  custom = lane_marks (density, 2);
  g_assert_cmpstr (factual, ==, "1100000001");
  g_assert_cmpstr (opinion, ==, "0000010000");
  g_assert_cmpstr (custom, ==, "0011111000");
  g_assert_false (gls_density_get_mark (density, 10, 0));
  g_assert_false (gls_density_get_mark (density, 0, 3));

  /* a place in the strip is a place in the text */
  g_assert_cmpuint (gls_density_row_offset (density, 0.0), ==, 0);
  g_assert_cmpuint (gls_density_row_offset (density, 0.5), ==, 500);
  g_assert_cmpuint (gls_density_row_offset (density, 1.0), ==, 999);
  g_assert_cmpuint (gls_density_row_offset (density, 7.0), ==, 999);

  description = gls_density_describe (density);
  g_assert_cmpstr (description, ==,
                   "Factual claim: 3, from 0 % to 100 % of the text; "
                   "Opinion or evaluation: 1, from 50 % to 60 % of the text; "
                   "custom: 1, from 20 % to 70 % of the text");
}

/* What the strip asks to know whether a change moves the marks. */
static void
test_density_placed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GlsDensity) density = gls_density_new (f->document, 10);
  GlsAnnotation *first = g_list_model_get_item (G_LIST_MODEL (gls_document_get_annotations (f->document)), 0);
  GlsSpan near = { 2, 12 };
  GlsSpan far = { 400, 410 };
  GlsAnnotation *added;

  g_object_unref (first);
  g_assert_cmpstr (gls_annotation_get_category (first), ==, "factual");
  g_assert_true (gls_density_has_placed (density, first));

  /* a note, or a span within the same rows: the marks stay */
  gls_document_set_annotation_note (f->document, first, "A note");
  g_assert_true (gls_density_has_placed (density, first));
  g_assert_true (gls_document_set_spans (f->document, first, &near, 1, NULL));
  g_assert_true (gls_density_has_placed (density, first));

  /* to other rows, or to another category: they move */
  g_assert_true (gls_document_set_spans (f->document, first, &far, 1, NULL));
  g_assert_false (gls_density_has_placed (density, first));
  g_assert_true (gls_document_set_spans (f->document, first, &near, 1, NULL));
  g_assert_true (gls_density_has_placed (density, first));
  gls_document_set_category (f->document, first, "opinion");
  g_assert_false (gls_density_has_placed (density, first));

  /* an annotation the marks do not know */
  added = gls_test_annotate_spans (f->document, "factual", &near, 1);
  g_assert_false (gls_density_has_placed (density, added));
}

/* The marks of @a and @b are the same, and so is what they say. */
static void
assert_same_marks (GlsDensity *a,
                   GlsDensity *b)
{
  g_autofree char *said_a = gls_density_describe (a);
  g_autofree char *said_b = gls_density_describe (b);

  g_assert_cmpuint (gls_density_get_n_lanes (a), ==, gls_density_get_n_lanes (b));
  for (guint lane = 0; lane < gls_density_get_n_lanes (a); lane++)
    {
      g_autofree char *marks_a = lane_marks (a, lane);
      g_autofree char *marks_b = lane_marks (b, lane);

      g_assert_cmpstr (gls_density_get_lane (a, lane)->id, ==, gls_density_get_lane (b, lane)->id);
      g_assert_cmpstr (marks_a, ==, marks_b);
    }
  g_assert_cmpstr (said_a, ==, said_b);
}

/* Annotations added and removed one at a time: the marks follow as if
 * bucketed again, or say that they must be. */
static void
test_density_follows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GlsDensity) density = gls_density_new (f->document, 10);
  GlsSpan span = { 350, 460 };
  GlsSpan spans[] = { { 820, 830 }, { 905, 915 } };
  GlsAnnotation *added, *two, *other;

  added = gls_test_annotate_spans (f->document, "opinion", &span, 1);
  g_assert_true (gls_density_add (density, added));
  g_assert_true (gls_density_has_placed (density, added));
  {
    g_autoptr(GlsDensity) fresh = gls_density_new (f->document, 10);
    g_autofree char *opinion = lane_marks (density, 1);

    assert_same_marks (density, fresh);
    g_assert_cmpstr (opinion, ==, "0001110000");
  }

  two = gls_test_annotate_spans (f->document, "custom", spans, 2);
  g_assert_true (gls_density_add (density, two));
  {
    g_autoptr(GlsDensity) fresh = gls_density_new (f->document, 10);

    assert_same_marks (density, fresh);
  }

  /* taken out again: the rows another annotation covers stay marked */
  g_object_ref (two);
  gls_document_remove_annotation (f->document, two);
  g_assert_true (gls_density_remove (density, two));
  g_object_unref (two);
  g_object_ref (added);
  gls_document_remove_annotation (f->document, added);
  g_assert_true (gls_density_remove (density, added));
  g_object_unref (added);
  {
    g_autoptr(GlsDensity) fresh = gls_density_new (f->document, 10);
    g_autofree char *opinion = lane_marks (density, 1);

    assert_same_marks (density, fresh);
    g_assert_cmpstr (opinion, ==, "0000010000");
  }

  /* a category without a lane, or a lane that would empty: bucket again */
  other = gls_test_annotate_spans (f->document, "statistic", &span, 1);
  g_assert_false (gls_density_add (density, other));
  other = g_list_model_get_item (G_LIST_MODEL (gls_document_get_annotations (f->document)), 4);
  g_object_unref (other);
  g_assert_cmpstr (gls_annotation_get_category (other), ==, "opinion");
  g_assert_false (gls_density_remove (density, other));
}

/* More rows than characters, and a document without annotations. */
static void
test_density_edges (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("abcd", "short.txt");
  g_autoptr(GlsDensity) empty = gls_density_new (document, 50);
  g_autoptr(GlsDensity) density = NULL;
  g_autofree char *description = gls_density_describe (empty);
  GlsSpan span = { 2, 3 };
  guint marked = 0;

  g_assert_cmpuint (gls_density_get_n_lanes (empty), ==, 0);
  g_assert_cmpstr (description, ==, "No annotations");

  gls_test_annotate_spans (document, "opinion", &span, 1);
  density = gls_density_new (document, 50);
  /* the third of four characters covers 12.5 rows from row 25 */
  for (guint row = 0; row < 50; row++)
    if (gls_density_get_mark (density, row, 0))
      {
        g_assert_cmpuint (row, >=, 25);
        g_assert_cmpuint (row, <=, 37);
        marked++;
      }
  g_assert_cmpuint (marked, ==, 13);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/charts/counts", Fixture, NULL, fixture_setup, test_counts, fixture_teardown);
  g_test_add ("/charts/order", Fixture, NULL, fixture_setup, test_order, fixture_teardown);
  g_test_add ("/charts/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/charts/density", Fixture, NULL, fixture_setup, test_density, fixture_teardown);
  g_test_add ("/charts/density-placed", Fixture, NULL, fixture_setup, test_density_placed, fixture_teardown);
  g_test_add ("/charts/density-follows", Fixture, NULL, fixture_setup, test_density_follows, fixture_teardown);
  g_test_add_func ("/charts/density-edges", test_density_edges);

  return g_test_run ();
}
