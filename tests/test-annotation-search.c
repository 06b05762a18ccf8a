/* test-annotation-search.c
 * The annotation list's search (issue 16): a list long enough to be
 * searched in a worker thread, narrowed and widened key by key, kept up
 * to date while annotations come and go, and never emptied while it
 * searches. */
#include "config.h"

#include <string.h>

#include "gls-annotation-row.h"
#include "gls-annotation-search.h"
#include "gls-core.h"

/* longer than the list searched at once in the main thread */
#define N_LINES 3000

static const char *fruits[] = { "apples", "pears", "Plums" };

typedef struct
{
  GlsDocument         *document;
  GlsAnnotationSearch *search;
  guint                n_changes;   /* items-changed of the search */
  guint                removed;
  guint                added;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->n_changes++;
  fixture->removed += removed;
  fixture->added += added;
}

/* Line i says the i-th fruit; annotation i covers line i; every tenth
 * has a note. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GlsCodebook) codebook = gls_codebook_new_builtin ();
  g_autoptr(GError) error = NULL;
  const char *category = gls_category_get_id (gls_codebook_get_category (codebook, 0));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < N_LINES; i++)
    {
      g_array_append_val (starts, text->len);
      g_string_append_printf (text, "Line %04u says %s.\n", i, fruits[i % 3]);
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  source = gls_source_new_from_bytes (bytes, "fruits.txt", NULL, &error);
  g_assert_no_error (error);

  fixture->document = gls_document_new (source, codebook);
  for (guint i = 0; i < N_LINES; i++)
    {
      guint start = g_array_index (starts, guint, i);
      guint end = i + 1 < N_LINES ? g_array_index (starts, guint, i + 1) - 1 : g_bytes_get_size (bytes) - 1;
      GlsAnnotation *annotation = gls_document_annotate (fixture->document, category, start, end, &error);

      g_assert_no_error (error);
      if (i % 10 == 0)
        gls_document_set_annotation_note (fixture->document, annotation, "Check the SOURCE");
    }

  fixture->search = gls_annotation_search_new ();
  gls_annotation_search_set_document (fixture->search, fixture->document);
  g_signal_connect (fixture->search, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* a worker that still runs does not hold the search */
  g_signal_handlers_disconnect_by_data (fixture->search, fixture);
  g_object_add_weak_pointer (G_OBJECT (fixture->search), (gpointer *) &fixture->search);
  g_object_unref (fixture->search);
  g_assert_null (fixture->search);
  g_clear_object (&fixture->document);
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->search));
}

/* Searches @search and waits for its results; until they come, the list
 * shows the previous ones. */
static void
search_for (Fixture    *fixture,
            const char *search)
{
  guint before = n_listed (fixture);
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  fixture->n_changes = fixture->removed = fixture->added = 0;
  gls_annotation_search_set_search (fixture->search, search);
  while (gls_annotation_search_get_searching (fixture->search))
    {
      g_assert_cmpuint (n_listed (fixture), ==, before);
      g_assert_cmpuint (fixture->n_changes, ==, 0);
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_main_context_iteration (NULL, TRUE);
    }
  /* the list changed in one step, if at all */
  g_assert_cmpuint (fixture->n_changes, <=, 1);
  g_assert_cmpuint (before - fixture->removed + fixture->added, ==, n_listed (fixture));
}

/* Every listed annotation quotes @fruit (or notes @note), in text order. */
static void
assert_listed (Fixture    *fixture,
               const char *fruit,
               const char *note)
{
  GlsSource *source = gls_document_get_source (fixture->document);
  guint previous = 0;

  for (guint i = 0; i < n_listed (fixture); i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (fixture->search), i);
      GlsSpan span = gls_annotation_get_target (annotation, 0);
      g_autofree char *quote = gls_source_dup_range (source, span.start, span.end);
      guint position;

      g_assert_cmpuint (span.start, >=, previous);
      previous = span.start;
      if (fruit != NULL)
        g_assert_nonnull (strstr (quote, fruit));
      if (note != NULL)
        g_assert_cmpstr (gls_annotation_get_note (annotation), ==, note);
      g_assert_true (gls_annotation_search_find (fixture->search, annotation, &position));
      g_assert_cmpuint (position, ==, i);
    }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES);

  /* typing, key by key: the first search, then narrowing ones */
  search_for (fixture, "a");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES);   /* "says" */
  search_for (fixture, "ap");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);
  search_for (fixture, "apples");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);
  assert_listed (fixture, "apples", NULL);
  search_for (fixture, "apples!");
  g_assert_cmpuint (n_listed (fixture), ==, 0);

  /* taking keys back: known results come back at once */
  gls_annotation_search_set_search (fixture->search, "apples");
  g_assert_false (gls_annotation_search_get_searching (fixture->search));
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);

  /* any case, in the quote or the note */
  search_for (fixture, "PLUMS");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);
  assert_listed (fixture, "Plums", NULL);
  search_for (fixture, "check the source");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 10);
  assert_listed (fixture, NULL, "Check the SOURCE");
  /* never across the quote and the note */
  search_for (fixture, "plums. check");
  g_assert_cmpuint (n_listed (fixture), ==, 0);

  search_for (fixture, "");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
}

/* The annotation over line @line. */
static GlsAnnotation *
line_of (Fixture *fixture,
         guint    line)
{
  return gls_annotation_list_get (gls_document_get_annotations (fixture->document), line);
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *category = gls_annotation_get_category (line_of (fixture, 0));
  GlsAnnotation *pears = line_of (fixture, 1);
  GlsAnnotation *apples = line_of (fixture, 3);
  GlsAnnotation *added;
  guint position;
  g_autoptr(GError) error = NULL;

  search_for (fixture, "apples");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);
  g_assert_false (gls_annotation_search_find (fixture->search, pears, &position));
  g_assert_true (gls_annotation_search_find (fixture->search, apples, &position));
  g_assert_cmpuint (position, ==, 1);

  /* an annotation that does not match comes and goes unseen */
  fixture->n_changes = 0;
  added = gls_document_annotate (fixture->document, category,
                                 gls_annotation_get_start (pears), gls_annotation_get_end (pears), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);
  gls_document_remove_annotation (fixture->document, added);
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);

  /* one that matches is listed at its place, at once */
  added = gls_document_annotate (fixture->document, category,
                                 gls_annotation_get_start (apples), gls_annotation_get_end (apples), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3 + 1);
  g_assert_true (gls_annotation_search_find (fixture->search, added, &position));
  assert_listed (fixture, "apples", NULL);

  /* a note that starts matching, and one that stops */
  gls_document_set_annotation_note (fixture->document, pears, "Not apples");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3 + 2);
  g_assert_true (gls_annotation_search_find (fixture->search, pears, &position));
  g_assert_cmpuint (position, ==, 1);
  gls_document_set_annotation_note (fixture->document, pears, NULL);
  g_assert_false (gls_annotation_search_find (fixture->search, pears, &position));

  gls_document_remove_annotation (fixture->document, added);
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);
  assert_listed (fixture, "apples", NULL);

  /* a change while a search runs: that search starts again, on the list
   * as it is now */
  gls_annotation_search_set_search (fixture->search, "pears");
  gls_document_remove_annotation (fixture->document, pears);
  search_for (fixture, "pears");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3 - 1);
  assert_listed (fixture, "pears", NULL);

  /* and back to every annotation */
  search_for (fixture, NULL);
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES - 1);
}

static void
test_prepare_and_documents (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GlsDocument) other = gls_document_new (gls_document_get_source (fixture->document),
                                                   gls_document_get_codebook (fixture->document));
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gint64 typing = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  /* folded ahead of the first key, as when the entry is focused */
  gls_annotation_search_prepare (fixture->search);
  while (g_get_monotonic_time () < typing)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  search_for (fixture, "pears");
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);

  /* another document: the search goes on in it */
  gls_annotation_search_set_document (fixture->search, other);
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  gls_annotation_search_set_document (fixture->search, fixture->document);
  while (gls_annotation_search_get_searching (fixture->search))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (n_listed (fixture), ==, N_LINES / 3);
  assert_listed (fixture, "pears", NULL);

  gls_annotation_search_set_document (fixture->search, NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/annotation-search/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/annotation-search/follows-changes", Fixture, NULL, fixture_setup, test_follows_changes, fixture_teardown);
  g_test_add ("/annotation-search/prepare-and-documents", Fixture, NULL, fixture_setup,
              test_prepare_and_documents, fixture_teardown);

  return g_test_run ();
}
