/* test-history.c
 * Undo and redo: random sequences of every kind of change undo back to the
 * first state and redo to the last; grouping; note bursts; saved state. */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-test-util.h"

static GlsDocument *
new_document (void)
{
  return gls_test_document_from_text ("Officials said on Monday that about 100 people were flown out, "
                                      "though the exact number is unclear. Critics called it a disgrace.",
                                      "history.txt");
}

/* Everything the document holds, as text: the sidecar it would write. */
static GBytes *
snapshot (GlsDocument *document)
{
  return gls_document_serialize (document);
}

static GlsAnnotation *
pick (GlsDocument *document,
      GRand       *rand)
{
  GlsAnnotationList *list = gls_document_get_annotations (document);
  guint n = gls_document_get_n_annotations (document);

  if (n == 0)
    return NULL;

  return gls_annotation_list_get (list, g_rand_int_range (rand, 0, n));
}

static void
random_edit (GlsDocument *document,
             GRand       *rand)
{
  static const char *categories[] = { "factual", "statistic", "opinion", "hedge", "unknown-one" };
  guint length = gls_source_get_length (gls_document_get_source (document));
  GlsAnnotation *annotation = pick (document, rand);
  g_autoptr(GError) error = NULL;
  guint start = g_rand_int_range (rand, 0, length - 1);
  guint end = g_rand_int_range (rand, start + 1, length + 1);

  switch (g_rand_int_range (rand, 0, 11))
    {
    case 0:
    case 1:
      gls_document_annotate (document, categories[g_rand_int_range (rand, 0, 4)], start, end, &error);
      g_assert_no_error (error);
      break;

    case 2:
      if (annotation)
        gls_document_remove_annotation (document, annotation);
      break;

    case 3:
      if (annotation)
        gls_document_set_category (document, annotation, categories[g_rand_int_range (rand, 0, 5)]);
      break;

    case 4:
      if (annotation)
        {
          GlsSpan spans[] = { { start, end }, { 0, 1 } };
          gls_document_set_spans (document, annotation, spans, g_rand_int_range (rand, 1, 3), &error);
          g_assert_no_error (error);
        }
      break;

    case 5:
      if (annotation)
        {
          g_autofree char *note = g_strdup_printf ("note %u\nline two", g_rand_int (rand));
          gls_document_set_annotation_note (document, annotation, g_rand_boolean (rand) ? note : NULL);
        }
      break;

    case 6:
      if (annotation)
        gls_document_set_attribute (document, annotation, g_rand_boolean (rand) ? "verified" : "source",
                                    g_rand_boolean (rand) ? "yes" : NULL);
      break;

    case 7:
      {
        GlsAnnotation *other = pick (document, rand);

        if (annotation && other)
          {
            gls_document_add_relation (document, "supports", annotation, other, &error);
            g_assert_no_error (error);
          }
      }
      break;

    case 8:
      {
        GListModel *relations = gls_document_get_relations (document);
        guint n = g_list_model_get_n_items (relations);

        if (n > 0)
          {
            g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, g_rand_int_range (rand, 0, n));
            gls_document_remove_relation (document, relation);
          }
      }
      break;

    case 9:
      gls_document_set_note (document, g_rand_boolean (rand) ? "Whole-article note" : NULL);
      break;

    case 10:
      {
        g_autoptr(GlsCodebook) copy = gls_codebook_copy (gls_document_get_codebook (document));
        g_autofree char *id = g_strdup_printf ("extra%u", g_rand_int (rand));
        g_autoptr(GlsCategory) category = gls_category_new (id);

        gls_category_set_label (category, NULL, "Extra");
        gls_codebook_add_category (copy, NULL, category, &error);
        g_assert_no_error (error);
        gls_document_set_codebook (document, copy);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A document with two annotations and a relation, loaded from its sidecar,
 * so that its history starts empty. */
static GlsDocument *
load_document (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "history.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlsDocument) document = new_document ();
  g_autoptr(GlsDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *a, *b;
  gsize len;
  const char *text = gls_source_get_text (gls_document_get_source (document), &len);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);

  gls_test_write (path, text, len);
  a = gls_document_annotate (document, "factual", 0, 9, NULL);
  b = gls_document_annotate (document, "statistic", 35, 38, NULL);
  gls_document_add_relation (document, "supports", a, b, NULL);
  bytes = gls_document_serialize (document);
  gls_test_write (sidecar, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  loaded = gls_test_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gls_document_can_undo (loaded));
  g_assert_cmpuint (gls_document_get_n_annotations (loaded), ==, 2);

  return g_steal_pointer (&loaded);
}

/* The property the issue asks for: random edits, undo all gives the first
 * state, redo all gives the last, for many seeds. */
static void
test_random_sequences (void)
{
  g_autofree char *dir = gls_test_tmpdir ();

  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GlsDocument) document = load_document (dir);
      g_autoptr(GBytes) initial = snapshot (document);
      g_autoptr(GBytes) final = NULL;
      g_autoptr(GBytes) undone = NULL;
      g_autoptr(GBytes) redone = NULL;
      GRand *rand = g_rand_new_with_seed (seed);
      guint n_undone = 0, n_redone = 0;

      for (guint i = 0; i < 60; i++)
        {
          /* some edits are grouped into one step */
          gboolean group = g_rand_int_range (rand, 0, 5) == 0;

          if (group)
            gls_document_begin_group (document);
          random_edit (document, rand);
          if (group)
            {
              random_edit (document, rand);
              gls_document_end_group (document);
            }
        }
      final = snapshot (document);
      g_assert_false (g_bytes_equal (initial, final));

      while (gls_document_undo (document))
        n_undone++;
      undone = snapshot (document);
      g_assert_true (g_bytes_equal (initial, undone));
      g_assert_false (gls_document_get_modified (document));

      while (gls_document_redo (document))
        n_redone++;
      redone = snapshot (document);
      g_assert_true (g_bytes_equal (final, redone));
      g_assert_cmpuint (n_undone, ==, n_redone);
      g_assert_cmpuint (n_undone, >, 20);

      g_rand_free (rand);
    }

  gls_test_rm_rf (dir);
}

static void
test_group (void)
{
  g_autoptr(GlsDocument) document = new_document ();

  gls_document_begin_group (document);
  gls_document_annotate (document, "factual", 0, 9, NULL);
  gls_document_begin_group (document);
  gls_document_annotate (document, "opinion", 10, 20, NULL);
  gls_document_end_group (document);
  gls_document_set_note (document, "both");
  g_assert_false (gls_document_can_undo (document));
  gls_document_end_group (document);

  g_assert_true (gls_document_can_undo (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  g_assert_true (gls_document_undo (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
  g_assert_null (gls_document_get_note (document));
  g_assert_false (gls_document_can_undo (document));
  g_assert_true (gls_document_redo (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  g_assert_cmpstr (gls_document_get_note (document), ==, "both");

  /* an empty group is no step */
  gls_document_begin_group (document);
  gls_document_end_group (document);
  g_assert_true (gls_document_undo (document));
  g_assert_false (gls_document_can_undo (document));
}

/* Typing a note is one step per burst: edits less than a second apart. */
static void
test_note_bursts (void)
{
  g_autoptr(GlsDocument) document = new_document ();
  GlsAnnotation *a = gls_document_annotate (document, "factual", 0, 9, NULL);
  GlsAnnotation *b = gls_document_annotate (document, "hedge", 40, 50, NULL);

  gls_document_set_annotation_note (document, a, "T");
  gls_document_set_annotation_note (document, a, "Ty");
  gls_document_set_annotation_note (document, a, "Typ");
  gls_document_set_annotation_note (document, a, "Typed");
  /* another note starts another step */
  gls_document_set_annotation_note (document, b, "other");

  g_assert_true (gls_document_undo (document));
  g_assert_null (gls_annotation_get_note (b));
  g_assert_cmpstr (gls_annotation_get_note (a), ==, "Typed");
  g_assert_true (gls_document_undo (document));
  g_assert_null (gls_annotation_get_note (a));

  g_assert_true (gls_document_redo (document));
  g_assert_cmpstr (gls_annotation_get_note (a), ==, "Typed");

  /* the note on the whole article too */
  gls_document_set_note (document, "A");
  gls_document_set_note (document, "Ab");
  gls_document_set_note (document, "Abc");
  g_assert_true (gls_document_undo (document));
  g_assert_null (gls_document_get_note (document));
  g_assert_true (gls_document_redo (document));
  g_assert_cmpstr (gls_document_get_note (document), ==, "Abc");

  /* after a pause of more than a second, a new step */
  g_usleep (1100 * 1000);
  gls_document_set_annotation_note (document, a, "Typed more");
  g_assert_true (gls_document_undo (document));
  g_assert_cmpstr (gls_annotation_get_note (a), ==, "Typed");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_modified_and_notify (void)
{
  g_autoptr(GlsDocument) document = new_document ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlsDocument) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (document, "notify", G_CALLBACK (on_notify), log);
  g_assert_false (gls_document_get_modified (document));
  g_assert_false (gls_document_can_undo (document));

  gls_document_annotate (document, "factual", 0, 9, NULL);
  g_assert_true (gls_document_get_modified (document));
  g_assert_cmpstr (log->str, ==, "modified;can-undo;");
  g_string_truncate (log, 0);

  gls_document_undo (document);
  g_assert_false (gls_document_get_modified (document));
  g_assert_cmpstr (log->str, ==, "modified;can-undo;can-redo;");

  /* with a file: saving makes it unmodified; undo past the save makes it
   * modified again, redo back to the save unmodified */
  gls_test_write (path, "Officials said on Monday.", -1);
  saved = gls_test_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gls_document_annotate (saved, "factual", 0, 9, NULL);
  gls_document_annotate (saved, "opinion", 10, 14, NULL);
  g_assert_true (gls_test_save (saved, &error));
  g_assert_no_error (error);
  g_assert_false (gls_document_get_modified (saved));
  gls_document_undo (saved);
  g_assert_true (gls_document_get_modified (saved));
  gls_document_redo (saved);
  g_assert_false (gls_document_get_modified (saved));
  /* undo, then a different change: the saved state is gone for good */
  gls_document_undo (saved);
  gls_document_set_note (saved, "x");
  g_assert_true (gls_document_get_modified (saved));
  gls_document_undo (saved);
  g_assert_true (gls_document_get_modified (saved));

  gls_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/history/random-sequences", test_random_sequences);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/note-bursts", test_note_bursts);
  g_test_add_func ("/history/modified-and-notify", test_modified_and_notify);

  return g_test_run ();
}
