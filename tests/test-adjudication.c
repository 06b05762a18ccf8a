/* test-adjudication.c
 * The passages two coders annotated, and their adjudication into a gold
 * standard: accept, reject, merge, edit, undo and redo, saving in the
 * background (and failing to), and resuming from the gold sidecar and its
 * state file. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gls-core.h"
#include "gls-test-util.h"

#define TEXT "One two three four five six seven eight nine ten eleven twelve.\n"

/* Passages: 0 agreed, 1 another category, 2 other spans, 3 bob only */
typedef struct
{
  char  *dir;
  GFile *article;
  GFile *coders[2];
  GFile *gold;
} Fixture;

static void
annotate (GlsDocument *document,
          const char  *category,
          guint        start,
          guint        end)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gls_document_annotate (document, category, start, end, &error));
  g_assert_no_error (error);
}

static GFile *
save_coder (Fixture    *fixture,
            const char *name,
            void      (*fill) (GlsDocument *))
{
  g_autofree char *folder = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *path = g_build_filename (folder, "article.txt.annotations.xml", NULL);
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GFile *sidecar = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  document = gls_test_document_from_file (g_file_peek_path (fixture->article));
  gls_document_set_annotator (document, name);
  fill (document);
  g_assert_true (gls_test_save_copy (document, sidecar, &error));
  g_assert_no_error (error);

  return sidecar;
}

static void
fill_alice (GlsDocument *document)
{
  annotate (document, "factual", 0, 3);     /* One */
  annotate (document, "opinion", 4, 7);     /* two */
  annotate (document, "factual", 14, 18);   /* four */
}

static void
fill_bob (GlsDocument *document)
{
  annotate (document, "factual", 0, 3);     /* One */
  annotate (document, "statistic", 4, 7);   /* two */
  annotate (document, "factual", 16, 23);   /* ur five */
  annotate (document, "prediction", 28, 33); /* seven */
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *article = NULL;
  g_autofree char *gold = NULL;

  fixture->dir = gls_test_tmpdir ();
  article = g_build_filename (fixture->dir, "article.txt", NULL);
  gls_test_write (article, TEXT, -1);
  fixture->article = g_file_new_for_path (article);
  fixture->coders[0] = save_coder (fixture, "alice", fill_alice);
  fixture->coders[1] = save_coder (fixture, "bob", fill_bob);
  gold = g_build_filename (fixture->dir, "article.txt.annotations.xml", NULL);
  fixture->gold = g_file_new_for_path (gold);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gls_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->article);
  g_object_unref (fixture->coders[0]);
  g_object_unref (fixture->coders[1]);
  g_object_unref (fixture->gold);
}

static GlsAdjudication *
open_adjudication (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GlsAdjudication *adjudication;

  adjudication = gls_adjudication_open (fixture->article, fixture->coders, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (adjudication);

  return adjudication;
}

/* The gold annotations, in the order of the text */
static GlsAnnotation *
gold_annotation (GlsAdjudication *adjudication,
                 guint            n)
{
  GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (gls_adjudication_get_gold (adjudication)));
  g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, n);

  g_assert_nonnull (annotation);
  return annotation;
}

static guint
n_gold (GlsAdjudication *adjudication)
{
  return gls_document_get_n_annotations (gls_adjudication_get_gold (adjudication));
}

static void
test_passages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = open_adjudication (fixture);
  GPtrArray *coders = gls_adjudication_get_coders (adjudication);
  g_autoptr(GPtrArray) disagreements = gls_passages_find (coders, TRUE);
  const GlsPassageKind kinds[] = { GLS_PASSAGE_AGREED, GLS_PASSAGE_CATEGORY, GLS_PASSAGE_SPANS, GLS_PASSAGE_UNMATCHED };
  const guint bounds[][2] = { { 0, 3 }, { 4, 7 }, { 14, 23 }, { 28, 33 } };
  g_autofree char *summary = NULL;

  /* the coders are named by their annotations */
  g_assert_cmpstr (((GlsCoder *) g_ptr_array_index (coders, 0))->name, ==, "alice");
  g_assert_cmpstr (((GlsCoder *) g_ptr_array_index (coders, 1))->name, ==, "bob");

  g_assert_cmpuint (gls_adjudication_get_n_passages (adjudication), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GlsPassage *passage = gls_adjudication_get_passage (adjudication, i);

      g_assert_cmpint (gls_passage_get_kind (passage), ==, kinds[i]);
      g_assert_cmpuint (gls_passage_get_start (passage), ==, bounds[i][0]);
      g_assert_cmpuint (gls_passage_get_end (passage), ==, bounds[i][1]);
    }

  g_assert_cmpuint (disagreements->len, ==, 3);
  g_assert_cmpuint (gls_passage_get_start (g_ptr_array_index (disagreements, 0)), ==, 4);
  summary = gls_passage_dup_summary (g_ptr_array_index (disagreements, 2), coders);
  g_assert_cmpstr (summary, ==, "alice: — · bob: prediction 28–33");
}

static void
test_accept_reject (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = open_adjudication (fixture);
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  int coder;

  g_assert_cmpint (gls_adjudication_find_next (adjudication, -1, FALSE), ==, 0);
  g_assert_cmpuint (gls_adjudication_accept_agreed (adjudication), ==, 1);
  g_assert_cmpuint (n_gold (adjudication), ==, 1);
  annotation = gold_annotation (adjudication, 0);
  g_assert_cmpstr (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_FROM), ==, "alice+bob");
  g_assert_cmpint (gls_adjudication_find_next (adjudication, -1, FALSE), ==, 1);

  g_assert_true (gls_adjudication_accept (adjudication, 1, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 1, &coder), ==, GLS_DECISION_ACCEPT);
  g_assert_cmpint (coder, ==, 1);
  annotation = gold_annotation (adjudication, 1);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "statistic");
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 4);
  g_assert_cmpstr (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_FROM), ==, "bob");
  g_assert_cmpstr (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_AS), ==, "accept");
  g_assert_cmpstr (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_PASSAGE), ==, "p4-7");

  /* what bob alone marked is rejected: nothing in the gold */
  gls_adjudication_reject (adjudication, 3);
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 3, NULL), ==, GLS_DECISION_REJECT);
  g_assert_cmpuint (n_gold (adjudication), ==, 2);

  /* the only one left, from anywhere, either way */
  g_assert_cmpint (gls_adjudication_find_next (adjudication, 3, FALSE), ==, 2);
  g_assert_cmpint (gls_adjudication_find_next (adjudication, 0, TRUE), ==, 2);
  g_assert_cmpuint (gls_adjudication_get_n_settled (adjudication), ==, 3);

  /* accepting alice, who marked nothing there, settles it empty */
  g_assert_true (gls_adjudication_accept (adjudication, 2, 0, &error));
  g_assert_cmpuint (n_gold (adjudication), ==, 3);
  g_assert_cmpint (gls_adjudication_find_next (adjudication, -1, FALSE), ==, -1);
}

static void
test_merge_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = open_adjudication (fixture);
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;

  /* alice 14–18 and bob 16–23, both factual: one span 14–23 */
  g_assert_true (gls_adjudication_merge (adjudication, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_gold (adjudication), ==, 1);
  annotation = gold_annotation (adjudication, 0);
  g_assert_cmpuint (gls_annotation_get_n_targets (annotation), ==, 1);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 14);
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 23);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "factual");
  g_assert_cmpstr (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_AS), ==, "merge");
  g_assert_cmpstr (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_FROM), ==, "alice+bob");

  /* a tie of categories goes to the first coder's */
  g_assert_true (gls_adjudication_merge (adjudication, 1, &error));
  annotation = gold_annotation (adjudication, 0);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 4);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "opinion");

  /* editing replaces the merge of that passage */
  g_assert_true (gls_adjudication_edit (adjudication, 2, "statistic", 19, 23, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_gold (adjudication), ==, 2);
  annotation = gold_annotation (adjudication, 1);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 19);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "statistic");
  g_assert_cmpstr (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_AS), ==, "edit");
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 2, NULL), ==, GLS_DECISION_EDIT);

  /* a span beyond the text is refused, and the passage stays as it was */
  g_assert_false (gls_adjudication_edit (adjudication, 2, "statistic", 19, 10000, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 2, NULL), ==, GLS_DECISION_EDIT);
  g_assert_cmpuint (n_gold (adjudication), ==, 2);
  g_assert_cmpuint (gls_annotation_get_start (gold_annotation (adjudication, 1)), ==, 19);
}

static void
count_decided (GlsAdjudication *adjudication,
               guint            passage,
               guint           *decided)
{
  (*decided)++;
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = open_adjudication (fixture);
  g_autoptr(GError) error = NULL;
  guint decided = 0;

  g_signal_connect (adjudication, "decided", G_CALLBACK (count_decided), &decided);
  g_assert_false (gls_adjudication_can_undo (adjudication));

  g_assert_cmpuint (gls_adjudication_accept_agreed (adjudication), ==, 1);
  g_assert_true (gls_adjudication_accept (adjudication, 1, 0, &error));
  g_assert_true (gls_adjudication_accept (adjudication, 1, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (decided, ==, 3);
  /* the second decision replaced the first one's annotation */
  g_assert_cmpuint (n_gold (adjudication), ==, 2);
  g_assert_cmpstr (gls_annotation_get_category (gold_annotation (adjudication, 1)), ==, "statistic");

  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_cmpuint (n_gold (adjudication), ==, 2);
  g_assert_cmpstr (gls_annotation_get_category (gold_annotation (adjudication, 1)), ==, "opinion");
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 1, NULL), ==, GLS_DECISION_ACCEPT);

  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_cmpuint (n_gold (adjudication), ==, 1);
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 1, NULL), ==, GLS_DECISION_NONE);

  gls_adjudication_reject (adjudication, 3);
  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 3, NULL), ==, GLS_DECISION_NONE);

  /* the agreed passages went in one step */
  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_cmpuint (n_gold (adjudication), ==, 0);
  g_assert_cmpuint (gls_adjudication_get_n_settled (adjudication), ==, 0);
  g_assert_false (gls_adjudication_undo (adjudication));
  g_assert_cmpuint (decided, ==, 8);
}

/* Redo takes again, one step at a time, what undo took back, until a new
 * decision is taken */
static void
test_redo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = open_adjudication (fixture);
  g_autoptr(GError) error = NULL;
  guint decided = 0;
  int coder;

  gls_adjudication_accept_agreed (adjudication);
  g_assert_true (gls_adjudication_accept (adjudication, 1, 1, &error));
  gls_adjudication_reject (adjudication, 3);
  g_assert_false (gls_adjudication_can_redo (adjudication));
  g_assert_false (gls_adjudication_redo (adjudication));

  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_cmpuint (n_gold (adjudication), ==, 1);
  g_assert_cmpuint (gls_adjudication_get_n_settled (adjudication), ==, 1);
  g_assert_true (gls_adjudication_can_redo (adjudication));

  g_signal_connect (adjudication, "decided", G_CALLBACK (count_decided), &decided);
  g_assert_true (gls_adjudication_redo (adjudication));
  g_assert_cmpuint (decided, ==, 1);
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 1, &coder), ==, GLS_DECISION_ACCEPT);
  g_assert_cmpint (coder, ==, 1);
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 3, NULL), ==, GLS_DECISION_NONE);
  g_assert_cmpuint (n_gold (adjudication), ==, 2);
  g_assert_cmpstr (gls_annotation_get_category (gold_annotation (adjudication, 1)), ==, "statistic");
  g_assert_cmpstr (gls_annotation_lookup_attribute (gold_annotation (adjudication, 1), GLS_ADJUDICATED_FROM), ==, "bob");

  g_assert_true (gls_adjudication_redo (adjudication));
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 3, NULL), ==, GLS_DECISION_REJECT);
  g_assert_false (gls_adjudication_can_redo (adjudication));
  g_assert_cmpuint (gls_adjudication_get_n_settled (adjudication), ==, 3);

  /* an accept that replaced an earlier one: undo and redo swap them */
  g_assert_true (gls_adjudication_accept (adjudication, 1, 0, &error));
  g_assert_cmpstr (gls_annotation_get_category (gold_annotation (adjudication, 1)), ==, "opinion");
  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_cmpstr (gls_annotation_get_category (gold_annotation (adjudication, 1)), ==, "statistic");
  g_assert_true (gls_adjudication_redo (adjudication));
  g_assert_cmpuint (n_gold (adjudication), ==, 2);
  g_assert_cmpstr (gls_annotation_get_category (gold_annotation (adjudication, 1)), ==, "opinion");

  /* a new decision after an undo: what was undone is gone for good */
  g_assert_true (gls_adjudication_undo (adjudication));
  g_assert_true (gls_adjudication_merge (adjudication, 2, &error));
  g_assert_false (gls_adjudication_can_redo (adjudication));
  g_assert_false (gls_adjudication_redo (adjudication));
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Saved;

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saved *saved = user_data;

  if (!gls_adjudication_save_finish (GLS_ADJUDICATION (object), result, &saved->error))
    g_assert_nonnull (saved->error);
  saved->done = TRUE;
}

/* Saves in the background, doing @meanwhile while it runs; returns the
 * error, or NULL */
static GError *
save_async (GlsAdjudication *adjudication,
            GFile           *gold,
            void           (*meanwhile) (GlsAdjudication *))
{
  Saved saved = { FALSE, NULL };

  gls_adjudication_save_async (adjudication, gold, NULL, on_saved, &saved);
  if (meanwhile != NULL)
    meanwhile (adjudication);
  while (!saved.done)
    g_main_context_iteration (NULL, TRUE);

  return saved.error;
}

static void
reject_last (GlsAdjudication *adjudication)
{
  gls_adjudication_reject (adjudication, 3);
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = open_adjudication (fixture);
  g_autoptr(GlsAdjudication) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) state = NULL;

  gls_adjudication_accept_agreed (adjudication);
  g_assert_true (gls_adjudication_accept (adjudication, 1, 1, &error));

  /* a decision taken while the save runs is not in it, and stays unsaved */
  error = save_async (adjudication, NULL, reject_last);
  g_assert_no_error (error);
  g_assert_true (gls_adjudication_get_modified (adjudication));
  g_assert_true (g_file_query_exists (fixture->gold, NULL));
  state = gls_adjudication_dup_state_file (adjudication);
  g_assert_true (g_file_query_exists (state, NULL));

  again = open_adjudication (fixture);
  g_assert_cmpuint (n_gold (again), ==, 2);
  g_assert_cmpint (gls_adjudication_get_decision (again, 1, NULL), ==, GLS_DECISION_ACCEPT);
  g_assert_cmpint (gls_adjudication_get_decision (again, 3, NULL), ==, GLS_DECISION_NONE);
  g_clear_object (&again);

  /* saved again over its own save: no “changed by another program” */
  error = save_async (adjudication, NULL, NULL);
  g_assert_no_error (error);
  g_assert_false (gls_adjudication_get_modified (adjudication));
  again = open_adjudication (fixture);
  g_assert_cmpint (gls_adjudication_get_decision (again, 3, NULL), ==, GLS_DECISION_REJECT);
}

/* A gold sidecar that cannot be written: the error names it, and the
 * decisions stay, unsaved */
static void
test_save_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "gold.annotations.xml", NULL);
  g_autoptr(GFile) gold = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  adjudication = gls_adjudication_open (fixture->article, fixture->coders, 2, gold, &error);
  g_assert_no_error (error);
  gls_adjudication_reject (adjudication, 1);

  error = save_async (adjudication, NULL, NULL);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "gold.annotations.xml"));
  g_assert_true (gls_adjudication_get_modified (adjudication));
  g_assert_cmpint (gls_adjudication_get_decision (adjudication, 1, NULL), ==, GLS_DECISION_REJECT);
  g_clear_error (&error);

  g_assert_false (gls_adjudication_save (adjudication, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "gold.annotations.xml"));
}

/* A gold sidecar another program changed since it was read is not
 * overwritten */
static void
test_gold_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GlsAdjudication) first = open_adjudication (fixture);
  g_autoptr(GlsAdjudication) adjudication = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *edited = NULL;

  gls_adjudication_reject (first, 1);
  g_assert_true (gls_adjudication_save (first, NULL, &error));
  g_assert_no_error (error);

  adjudication = open_adjudication (fixture);
  gls_adjudication_reject (adjudication, 3);
  g_assert_true (g_file_load_contents (fixture->gold, NULL, &before, NULL, NULL, NULL));
  edited = g_strconcat (before, "<!-- another program -->\n", NULL);
  gls_test_write (g_file_peek_path (fixture->gold), edited, -1);

  error = save_async (adjudication, NULL, NULL);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK);
  g_assert_true (g_file_load_contents (fixture->gold, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, edited);
  g_assert_true (gls_adjudication_get_modified (adjudication));
}

static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GlsAdjudication) first = open_adjudication (fixture);
  g_autoptr(GlsAdjudication) again = NULL;
  g_autoptr(GlsAdjudication) without_state = NULL;
  g_autoptr(GFile) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_name = NULL;
  int coder;

  gls_adjudication_accept_agreed (first);
  g_assert_true (gls_adjudication_accept (first, 1, 1, &error));
  gls_adjudication_reject (first, 3);
  g_assert_true (gls_adjudication_get_modified (first));
  g_assert_true (gls_adjudication_save (first, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gls_adjudication_get_modified (first));
  g_assert_true (g_file_equal (gls_adjudication_get_gold_file (first), fixture->gold));

  state = gls_adjudication_dup_state_file (first);
  state_name = g_file_get_basename (state);
  g_assert_cmpstr (state_name, ==, "article.txt.adjudication");
  g_assert_true (g_file_query_exists (state, NULL));

  again = open_adjudication (fixture);
  g_assert_cmpuint (n_gold (again), ==, 2);
  g_assert_cmpint (gls_adjudication_get_decision (again, 0, NULL), ==, GLS_DECISION_ACCEPT);
  g_assert_cmpint (gls_adjudication_get_decision (again, 1, &coder), ==, GLS_DECISION_ACCEPT);
  g_assert_cmpint (coder, ==, 1);
  g_assert_cmpint (gls_adjudication_get_decision (again, 2, NULL), ==, GLS_DECISION_NONE);
  g_assert_cmpint (gls_adjudication_get_decision (again, 3, NULL), ==, GLS_DECISION_REJECT);
  g_assert_cmpint (gls_adjudication_find_next (again, -1, FALSE), ==, 2);
  g_assert_cmpstr (gls_annotation_lookup_attribute (gold_annotation (again, 1), GLS_ADJUDICATED_FROM), ==, "bob");

  /* without the state file, the gold's own records say what was taken;
   * the rejection left none */
  g_assert_true (g_file_delete (state, NULL, &error));
  without_state = open_adjudication (fixture);
  g_assert_cmpint (gls_adjudication_get_decision (without_state, 1, &coder), ==, GLS_DECISION_ACCEPT);
  g_assert_cmpint (coder, ==, 1);
  g_assert_cmpint (gls_adjudication_get_decision (without_state, 0, NULL), ==, GLS_DECISION_ACCEPT);
  g_assert_cmpint (gls_adjudication_get_decision (without_state, 3, NULL), ==, GLS_DECISION_NONE);
}

static void
test_gold_elsewhere (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GlsAdjudication) adjudication = open_adjudication (fixture);
  g_autoptr(GlsAdjudication) again = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "gold.xml", NULL);
  g_autoptr(GFile) gold = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  gls_adjudication_reject (adjudication, 1);
  g_assert_true (gls_adjudication_save (adjudication, gold, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (fixture->gold, NULL));

  again = gls_adjudication_open (fixture->article, fixture->coders, 2, gold, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gls_adjudication_get_decision (again, 1, NULL), ==, GLS_DECISION_REJECT);
}

static void
test_other_article (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.txt", NULL);
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GlsAdjudication) adjudication = NULL;
  g_autoptr(GError) error = NULL;

  gls_test_write (other, "Another text entirely.\n", -1);
  other_file = g_file_new_for_path (other);
  adjudication = gls_adjudication_open (other_file, fixture->coders, 2, NULL, &error);
  g_assert_null (adjudication);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "alice"));

  g_clear_error (&error);
  adjudication = gls_adjudication_open (fixture->article, fixture->coders, 1, NULL, &error);
  g_assert_null (adjudication);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
}

/* The coders of one file, by the annotator of its annotations */
static void
test_by_annotator (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text (TEXT, "article.txt");
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GPtrArray) passages = NULL;
  g_autoptr(GlsAgreement) agreement = gls_agreement_new ();
  GlsAgreementFigures figures;

  gls_document_set_annotator (document, "alice");
  annotate (document, "factual", 0, 3);
  gls_document_set_annotator (document, "bob");
  annotate (document, "factual", 0, 3);
  annotate (document, "opinion", 8, 13);

  coders = gls_coders_by_annotator (document);
  g_assert_cmpuint (coders->len, ==, 2);
  g_assert_cmpstr (((GlsCoder *) g_ptr_array_index (coders, 1))->name, ==, "bob");
  g_assert_cmpuint (((GlsCoder *) g_ptr_array_index (coders, 1))->annotations->len, ==, 2);

  passages = gls_passages_find (coders, TRUE);
  g_assert_cmpuint (passages->len, ==, 1);
  g_assert_cmpint (gls_passage_get_kind (g_ptr_array_index (passages, 0)), ==, GLS_PASSAGE_UNMATCHED);

  gls_coders_fill_agreement (coders, agreement, gls_source_get_length (gls_document_get_source (document)));
  gls_agreement_compute (agreement, 0, "factual", &figures);
  g_assert_cmpint (figures.kappa.undefined, ==, GLS_AGREEMENT_DEFINED);
  g_assert_cmpfloat_with_epsilon (figures.kappa.value, 1.0, 1e-9);
  gls_agreement_compute (agreement, 0, "opinion", &figures);
  g_assert_cmpint (figures.alpha_u.undefined, ==, GLS_AGREEMENT_DEFINED);
  g_assert_cmpfloat (figures.alpha_u.value, <, 0.0 + 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/adjudication/passages", test_passages);
  ADD ("/adjudication/accept-reject", test_accept_reject);
  ADD ("/adjudication/merge-edit", test_merge_edit);
  ADD ("/adjudication/undo", test_undo);
  ADD ("/adjudication/redo", test_redo);
  ADD ("/adjudication/save-async", test_save_async);
  ADD ("/adjudication/save-failed", test_save_failed);
  ADD ("/adjudication/gold-changed", test_gold_changed);
  ADD ("/adjudication/resume", test_resume);
  ADD ("/adjudication/gold-elsewhere", test_gold_elsewhere);
  ADD ("/adjudication/other-article", test_other_article);
#undef ADD
  g_test_add_func ("/adjudication/by-annotator", test_by_annotator);

  return g_test_run ();
}
