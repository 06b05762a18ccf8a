/* test-document.c
 * Annotations in a document: adding, ordering, overlap queries against a
 * brute-force oracle, relations, and what observers are told. */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-test-util.h"

static GlsDocument *
new_document (guint length)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append (text, i % 5 == 4 ? " " : (i % 3 ? "a" : "ö"));

  return gls_test_document_from_text (text->str, "doc.txt");
}

static void
test_annotate (void)
{
  g_autoptr(GlsDocument) document = new_document (100);
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;

  gls_document_set_annotator (document, "Ada");
  annotation = gls_document_annotate (document, "factual", 10, 20, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  g_assert_true (g_str_has_prefix (gls_annotation_get_id (annotation), "a-"));
  g_assert_cmpstr (gls_annotation_get_annotator (annotation), ==, "Ada");
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "factual");
  g_assert_true (g_str_has_suffix (gls_annotation_get_created (annotation), "Z"));
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 10);
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 20);
  g_assert_true (gls_document_lookup_annotation (document, gls_annotation_get_id (annotation)) == annotation);
  g_assert_true (gls_document_get_modified (document));

  g_assert_null (gls_document_annotate (document, "factual", 20, 20, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_null (gls_document_annotate (document, "factual", 30, 20, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_null (gls_document_annotate (document, "factual", 90, 101, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_null (gls_document_annotate (document, "nonsense", 1, 2, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY);
  g_assert_nonnull (strstr (error->message, "nonsense"));
  g_clear_error (&error);

  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);
  g_assert_nonnull (gls_document_annotate (document, "hedge", 0, 100, &error));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  int        *balance)
{
  *balance += (int) added - (int) removed;
}

/* The list is in text order whatever the order of adding, and observers
 * of the GListModel see every insertion at the right place. */
static void
test_order (void)
{
  g_autoptr(GlsDocument) document = new_document (1000);
  GListModel *model = G_LIST_MODEL (gls_document_get_annotations (document));
  GRand *rand = g_rand_new_with_seed (7);
  int balance = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &balance);

  for (guint i = 0; i < 500; i++)
    {
      guint start = g_rand_int_range (rand, 0, 999);
      guint end = g_rand_int_range (rand, start + 1, MIN (start + 50, 1000) + 1);
      g_autoptr(GError) error = NULL;

      gls_document_annotate (document, "opinion", start, end, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpint (balance, ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);

  for (guint i = 1; i < 500; i++)
    {
      g_autoptr(GlsAnnotation) a = g_list_model_get_item (model, i - 1);
      g_autoptr(GlsAnnotation) b = g_list_model_get_item (model, i);
      guint position;

      g_assert_true (gls_annotation_get_start (a) < gls_annotation_get_start (b) ||
                     (gls_annotation_get_start (a) == gls_annotation_get_start (b) &&
                      (gls_annotation_get_end (a) < gls_annotation_get_end (b) ||
                       (gls_annotation_get_end (a) == gls_annotation_get_end (b) &&
                        strcmp (gls_annotation_get_id (a), gls_annotation_get_id (b)) < 0))));
      g_assert_true (gls_annotation_list_find (gls_document_get_annotations (document), b, &position));
      g_assert_cmpuint (position, ==, i);
    }

  /* undoing every addition empties the list, one removal at a time */
  while (gls_document_undo (document))
    ;
  g_assert_cmpint (balance, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_rand_free (rand);
}

static gboolean
brute_overlaps (GlsAnnotation *annotation,
                guint          start,
                guint          end)
{
  for (guint i = 0; i < gls_annotation_get_n_targets (annotation); i++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, i);

      if (span.start < end && start < span.end)
        return TRUE;
    }
  return FALSE;
}

/* The interval index finds exactly what a scan of every annotation finds,
 * with discontinuous annotations listed once. */
static void
test_query (void)
{
  g_autoptr(GlsDocument) document = new_document (5000);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (gls_document_get_annotations (document));
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 2000; i++)
    {
      guint n = g_rand_int_range (rand, 1, 4);
      GlsSpan spans[3];
      g_autoptr(GlsAnnotation) annotation = NULL;
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < n; j++)
        {
          spans[j].start = g_rand_int_range (rand, 0, 4990);
          spans[j].end = spans[j].start + g_rand_int_range (rand, 1, 10);
        }
      annotation = gls_annotation_new ("framing", spans, n, NULL);
      gls_document_add_annotation (document, annotation, &error);
      g_assert_no_error (error);
    }

  /* remove some, so removal from the index is exercised too */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GlsAnnotation) victim =
        g_list_model_get_item (model, g_rand_int_range (rand, 0, g_list_model_get_n_items (model)));
      gls_document_remove_annotation (document, victim);
    }

  for (guint q = 0; q < 500; q++)
    {
      guint start = g_rand_int_range (rand, 0, 5000);
      guint end = start + g_rand_int_range (rand, 1, 200);
      guint expected = 0;

      g_ptr_array_set_size (found, 0);
      if (q % 2)
        gls_document_query (document, start, end, found);
      else
        {
          end = start + 1;
          gls_document_query_at (document, start, found);
        }

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (model, i);

          if (brute_overlaps (annotation, start, end))
            {
              expected++;
              g_assert_true (g_ptr_array_find (found, annotation, NULL));
            }
        }
      g_assert_cmpuint (found->len, ==, expected);
    }

  g_rand_free (rand);
}

static void
count_signal (GlsDocument   *document,
              GlsAnnotation *annotation,
              guint         *count)
{
  (*count)++;
}

static void
test_signals_and_relations (void)
{
  g_autoptr(GlsDocument) document = new_document (200);
  g_autoptr(GError) error = NULL;
  GlsAnnotation *a, *b, *c;
  GlsRelation *relation;
  guint added = 0, removed = 0, changed = 0;

  g_signal_connect (document, "annotation-added", G_CALLBACK (count_signal), &added);
  g_signal_connect (document, "annotation-removed", G_CALLBACK (count_signal), &removed);
  g_signal_connect (document, "annotation-changed", G_CALLBACK (count_signal), &changed);

  a = gls_document_annotate (document, "factual", 0, 10, &error);
  b = gls_document_annotate (document, "statistic", 5, 15, &error);
  c = gls_document_annotate (document, "opinion", 50, 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);

  relation = gls_document_add_relation (document, "supports", a, b, &error);
  g_assert_no_error (error);
  gls_document_add_relation (document, "contradicts", c, a, &error);
  gls_document_add_relation (document, "supports", b, c, &error);
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (document)), ==, 3);
  g_assert_cmpstr (gls_relation_get_from (relation), ==, gls_annotation_get_id (a));
  g_assert_true (g_str_has_prefix (gls_relation_get_id (relation), "r-"));

  gls_document_set_category (document, b, "hedge");
  gls_document_set_annotation_note (document, b, "a note");
  gls_document_set_attribute (document, b, "verified", "no");
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpstr (gls_annotation_lookup_attribute (b, "verified"), ==, "no");
  g_assert_cmpuint (gls_document_count_category (document, "hedge"), ==, 1);
  g_assert_cmpuint (gls_document_count_category (document, "statistic"), ==, 0);
  g_assert_cmpuint (gls_document_count_category (document, "factual"), ==, 1);
  gls_document_undo (document);
  gls_document_undo (document);
  gls_document_undo (document);
  g_assert_cmpuint (gls_document_count_category (document, "statistic"), ==, 1);
  g_assert_cmpuint (gls_document_count_category (document, "hedge"), ==, 0);
  gls_document_redo (document);
  gls_document_redo (document);
  gls_document_redo (document);

  /* removing a takes its two relations with it, in one step */
  g_object_ref (a);
  gls_document_remove_annotation (document, a);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (document)), ==, 1);
  g_assert_true (gls_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (document)), ==, 3);
  g_assert_true (gls_document_lookup_annotation (document, gls_annotation_get_id (a)) == a);
  g_assert_cmpuint (added, ==, 4);
  g_object_unref (a);
}

static void
test_spans (void)
{
  g_autoptr(GlsDocument) document = new_document (300);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GlsAnnotation *a = gls_document_annotate (document, "context", 100, 110, &error);
  GlsSpan spans[] = { { 200, 210 }, { 5, 8 } };
  guint position;

  gls_document_annotate (document, "context", 50, 60, &error);
  g_assert_true (gls_annotation_list_find (gls_document_get_annotations (document), a, &position));
  g_assert_cmpuint (position, ==, 1);

  g_assert_true (gls_document_set_spans (document, a, spans, 2, &error));
  g_assert_no_error (error);
  /* targets are kept in text order, and the list moved it first */
  g_assert_cmpuint (gls_annotation_get_start (a), ==, 5);
  g_assert_cmpuint (gls_annotation_get_end (a), ==, 210);
  g_assert_true (gls_annotation_list_find (gls_document_get_annotations (document), a, &position));
  g_assert_cmpuint (position, ==, 0);

  gls_document_query (document, 100, 110, found);
  g_assert_cmpuint (found->len, ==, 0);
  gls_document_query (document, 205, 206, found);
  g_assert_cmpuint (found->len, ==, 1);

  spans[0].end = 400;
  g_assert_false (gls_document_set_spans (document, a, spans, 2, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_RANGE);

  g_assert_true (gls_document_undo (document));
  g_assert_cmpuint (gls_annotation_get_start (a), ==, 100);
  g_ptr_array_set_size (found, 0);
  gls_document_query (document, 100, 101, found);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_notes_cleaned (void)
{
  g_autoptr(GlsDocument) document = new_document (30);
  g_autoptr(GError) error = NULL;
  GlsAnnotation *a = gls_document_annotate (document, "context", 1, 2, &error);

  gls_document_set_annotation_note (document, a, "bell\x07 and\ttab\r\nline");
  g_assert_cmpstr (gls_annotation_get_note (a), ==, "bell and\ttab\r\nline");
  gls_document_set_annotation_note (document, a, "");
  g_assert_null (gls_annotation_get_note (a));
}

/* Annotate every match: one step to undo, in any case, skipping what the
 * category already covers, and nothing for a category not in the codebook. */
static void
test_annotate_matches (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("The port. A PORT strike; the Port Authority; "
                                                                  "passport.", "matches.txt");
  g_autoptr(GError) error = NULL;
  GlsAnnotationList *list = gls_document_get_annotations (document);
  /* "port" is at 4, 12, 29 and 49 (in "passport" too: text, not words) */
  static const guint starts[] = { 4, 29, 49 };

  /* the second match is already a factual claim, inside a longer one */
  g_assert_nonnull (gls_document_annotate (document, "factual", 10, 23, &error));
  g_assert_no_error (error);

  g_assert_cmpint (gls_document_annotate_matches (document, "port", "factual", &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 4);
  for (guint i = 0, j = 0; i < gls_document_get_n_annotations (document); i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (list, i);

      if (gls_annotation_get_start (annotation) == 10)
        continue;
      g_assert_cmpuint (gls_annotation_get_start (annotation), ==, starts[j]);
      g_assert_cmpuint (gls_annotation_get_end (annotation), ==, starts[j] + 4);
      g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "factual");
      j++;
    }

  /* again: every match is covered now */
  g_assert_cmpint (gls_document_annotate_matches (document, "PORT", "factual", &error), ==, 0);

  /* another category annotates them all */
  g_assert_cmpint (gls_document_annotate_matches (document, "port", "opinion", &error), ==, 4);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 8);

  /* one undo removes a whole step */
  g_assert_true (gls_document_undo (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 4);
  g_assert_true (gls_document_undo (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);
  g_assert_true (gls_document_redo (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 4);

  g_assert_cmpint (gls_document_annotate_matches (document, "port", "nonsense", &error), ==, -1);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/document/annotate", test_annotate);
  g_test_add_func ("/document/order", test_order);
  g_test_add_func ("/document/query", test_query);
  g_test_add_func ("/document/signals-and-relations", test_signals_and_relations);
  g_test_add_func ("/document/spans", test_spans);
  g_test_add_func ("/document/notes-cleaned", test_notes_cleaned);
  g_test_add_func ("/document/annotate-matches", test_annotate_matches);

  return g_test_run ();
}
