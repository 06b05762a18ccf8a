/* test-links.c
 * Relations as a person makes them (types offered, retyping, undo) and
 * links into another article's sidecar: the relative reference written,
 * followed, kept through a save, and reported when it dangles. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gls-core.h"
#include "gls-test-util.h"

#define TEXT_A "Officials said about 100 Iranians were deported on Monday. Critics disagreed."
#define TEXT_B "Around 100 Iranian nationals were flown out. The number is unclear."

typedef struct
{
  char          *dir;
  GlsDocument   *a;
  GlsDocument   *b;
  GlsAnnotation *a1;  /* "about 100 Iranians were deported" */
  GlsAnnotation *a2;  /* "Critics disagreed" */
  GlsAnnotation *b1;  /* "Around 100 Iranian nationals" */
} Fixture;

/* Loads @name, written into the fixture's folder in @sub with @text. */
static GlsDocument *
load_article (Fixture    *fixture,
              const char *sub,
              const char *name,
              const char *text)
{
  g_autofree char *folder = g_build_filename (fixture->dir, sub, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlsDocument *document;

  g_mkdir_with_parents (folder, 0700);
  if (text != NULL)
    gls_test_write (path, text, -1);
  document = gls_test_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static GlsAnnotation *
annotate (GlsDocument *document,
          const char  *text,
          const char  *quote)
{
  g_autoptr(GError) error = NULL;
  const char *at = strstr (text, quote);
  GlsAnnotation *annotation;

  g_assert_nonnull (at);
  annotation = gls_document_annotate (document, "factual", at - text, at - text + strlen (quote), &error);
  g_assert_no_error (error);

  return annotation;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = gls_test_tmpdir ();
  fixture->a = load_article (fixture, "left", "a.txt", TEXT_A);
  fixture->b = load_article (fixture, "right", "b.txt", TEXT_B);
  fixture->a1 = annotate (fixture->a, TEXT_A, "about 100 Iranians were deported");
  fixture->a2 = annotate (fixture->a, TEXT_A, "Critics disagreed");
  fixture->b1 = annotate (fixture->b, TEXT_B, "Around 100 Iranian nationals");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  gls_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
test_types (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(GStrv) before = gls_document_dup_relation_types (fixture->a);
  g_auto(GStrv) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (before), ==, 5);
  g_assert_cmpstr (before[0], ==, "supports");
  g_assert_cmpstr (before[1], ==, "contradicts");

  gls_document_add_relation (fixture->a, "Evidence", fixture->a1, fixture->a2, &error);
  g_assert_no_error (error);
  gls_document_add_relation (fixture->a, "contradicts", fixture->a2, fixture->a1, &error);
  g_assert_no_error (error);
  after = gls_document_dup_relation_types (fixture->a);
  /* a type the file uses is offered once, after the usual ones */
  g_assert_cmpuint (g_strv_length (after), ==, 6);
  g_assert_cmpstr (after[5], ==, "Evidence");
}

static void
test_relations_of_and_retype (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_a1 = NULL;
  g_autoptr(GPtrArray) of_a2 = NULL;
  g_autoptr(GPtrArray) of_b = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *id = NULL;
  GlsRelation *relation;
  GListModel *relations = gls_document_get_relations (fixture->a);

  relation = gls_document_add_relation (fixture->a, "supports", fixture->a1, fixture->a2, &error);
  g_assert_no_error (error);
  id = g_strdup (gls_relation_get_id (relation));

  of_a1 = gls_document_dup_relations_of (fixture->a, fixture->a1);
  g_assert_cmpuint (of_a1->len, ==, 1);
  g_assert_true (g_ptr_array_index (of_a1, 0) == relation);
  /* the other end counts too */
  of_a2 = gls_document_dup_relations_of (fixture->a, fixture->a2);
  g_assert_cmpuint (of_a2->len, ==, 1);

  before = gls_document_serialize (fixture->a);
  g_assert_true (gls_document_set_relation_type (fixture->a, relation, "contradicts"));
  /* the old object is no longer the document's */
  g_assert_false (gls_document_set_relation_type (fixture->a, relation, "cause"));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  relation = g_list_model_get_item (relations, 0);
  g_object_unref (relation);
  g_assert_cmpstr (gls_relation_get_relation_type (relation), ==, "contradicts");
  /* it keeps its id */
  g_assert_cmpstr (gls_relation_get_id (relation), ==, id);

  /* retyping is one step to undo */
  g_assert_true (gls_document_undo (fixture->a));
  after = gls_document_serialize (fixture->a);
  g_assert_true (g_bytes_equal (before, after));
  relation = g_list_model_get_item (relations, 0);
  g_object_unref (relation);
  g_assert_cmpstr (gls_relation_get_relation_type (relation), ==, "supports");

  /* deleting it is undone too */
  gls_document_remove_relation (fixture->a, relation);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  g_assert_true (gls_document_undo (fixture->a));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);

  of_b = gls_document_dup_relations_of (fixture->b, fixture->b1);
  g_assert_cmpuint (of_b->len, ==, 0);
}

static void
test_href (Fixture       *fixture,
           gconstpointer  data)
{
  struct { const char *from, *to, *href; } cases[] = {
    { "/x/a.txt.annotations.xml", "/x/b.txt.annotations.xml", "b.txt.annotations.xml#a-1" },
    { "/x/left/a.txt.annotations.xml", "/x/right/b.txt.annotations.xml", "../right/b.txt.annotations.xml#a-1" },
    { "/x/a.txt.annotations.xml", "/x/y/z/b.txt.annotations.xml", "y/z/b.txt.annotations.xml#a-1" },
    { "/x/y/a.txt.annotations.xml", "/b c#1.txt.annotations.xml", "../../b%20c%231.txt.annotations.xml#a-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) from = g_file_new_for_path (cases[i].from);
      g_autoptr(GFile) to = g_file_new_for_path (cases[i].to);
      g_autofree char *href = gls_link_href (from, to, "a-1");
      g_autofree char *id = NULL;
      g_autoptr(GFile) back = gls_link_dup_sidecar (from, href, &id);

      g_assert_cmpstr (href, ==, cases[i].href);
      /* and followed back to the same file */
      g_assert_true (g_file_equal (back, to));
      g_assert_cmpstr (id, ==, "a-1");
    }

  {
    g_autoptr(GFile) from = g_file_new_for_path ("/x/a.txt.annotations.xml");
    g_autoptr(GFile) nowhere = gls_link_dup_sidecar (from, "http://example.org/b.xml#a-1", NULL);
    g_autoptr(GFile) absolute = gls_link_dup_sidecar (from, "/etc/b.xml#a-1", NULL);
    g_autoptr(GFile) empty = gls_link_dup_sidecar (from, "b.xml#", NULL);

    g_assert_null (nowhere);
    g_assert_null (absolute);
    g_assert_null (empty);
  }
}

/* A link written, saved, read back and followed into the other sidecar;
 * then dangling when the annotation and then the file are gone. */
static void
test_link_across (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsLinkResolver) resolver = gls_link_resolver_new ();
  g_autoptr(GlsDocument) again = NULL;
  g_autoptr(GlsLinkEnd) end = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *b_sidecar = NULL;
  GFile *sidecar_b = gls_document_get_sidecar_file (fixture->b);
  GlsRelation *relation;
  GListModel *relations;
  const char *b1_id = gls_annotation_get_id (fixture->b1);

  /* an unknown id in the same file is refused */
  g_assert_null (gls_document_add_link (fixture->a, "contradicts", fixture->a1,
                                        gls_document_get_sidecar_file (fixture->a), "a-nope", &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  relation = gls_document_add_link (fixture->a, "contradicts", fixture->a1, sidecar_b, b1_id, &error);
  g_assert_no_error (error);
  g_assert_true (gls_relation_is_link (relation));
  {
    g_autofree char *expected = g_strconcat ("../right/b.txt.annotations.xml#", b1_id, NULL);
    g_assert_cmpstr (gls_relation_get_to (relation), ==, expected);
  }
  g_assert_true (gls_test_save (fixture->a, &error));
  g_assert_no_error (error);
  g_assert_true (gls_test_save (fixture->b, &error));
  g_assert_no_error (error);

  /* the file says 1.1 and the reference as written */
  bytes = g_file_load_bytes (gls_document_get_sidecar_file (fixture->a), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "version=\"1.1\""));

  again = load_article (fixture, "left", "a.txt", NULL);
  relations = gls_document_get_relations (again);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  relation = g_list_model_get_item (relations, 0);
  g_object_unref (relation);

  /* followed by reading b's sidecar */
  end = gls_link_resolver_resolve (resolver, again, gls_relation_get_to (relation));
  g_assert_cmpint (end->state, ==, GLS_LINK_OK);
  g_assert_cmpstr (end->quote, ==, "Around 100 Iranian nationals");
  g_assert_cmpstr (end->id, ==, b1_id);
  g_assert_true (g_file_equal (end->sidecar, sidecar_b));
  g_clear_pointer (&end, gls_link_end_free);

  /* a local end resolves in the document */
  end = gls_link_resolver_resolve (resolver, again, gls_relation_get_from (relation));
  g_assert_cmpint (end->state, ==, GLS_LINK_OK);
  g_assert_cmpstr (end->quote, ==, "about 100 Iranians were deported");
  g_clear_pointer (&end, gls_link_end_free);

  /* the annotation in b is deleted and saved: the link dangles, and stays */
  gls_document_remove_annotation (fixture->b, fixture->b1);
  g_assert_true (gls_test_save (fixture->b, &error));
  g_assert_no_error (error);
  gls_link_resolver_forget (resolver);
  end = gls_link_resolver_resolve (resolver, again, gls_relation_get_to (relation));
  g_assert_cmpint (end->state, ==, GLS_LINK_NO_ANNOTATION);
  g_assert_null (end->quote);
  g_clear_pointer (&end, gls_link_end_free);

  /* b's sidecar is gone */
  b_sidecar = g_file_get_path (sidecar_b);
  g_assert_cmpint (g_unlink (b_sidecar), ==, 0);
  gls_link_resolver_forget (resolver);
  end = gls_link_resolver_resolve (resolver, again, gls_relation_get_to (relation));
  g_assert_cmpint (end->state, ==, GLS_LINK_NO_FILE);
  g_clear_pointer (&end, gls_link_end_free);

  /* an open document answers for its file, unsaved annotations and all */
  gls_link_resolver_add_document (resolver, fixture->b);
  g_assert_true (gls_document_undo (fixture->b));
  end = gls_link_resolver_resolve (resolver, again, gls_relation_get_to (relation));
  g_assert_cmpint (end->state, ==, GLS_LINK_OK);
  g_assert_cmpstr (end->quote, ==, "Around 100 Iranian nationals");
  g_clear_pointer (&end, gls_link_end_free);

  /* the dangling link was never dropped: a save writes it back */
  g_assert_true (gls_test_save (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (again)), ==, 1);
}

/* Adding a link is one step to undo, and removing its annotation takes
 * the link along, undone together. */
static void
test_link_undo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *relations = gls_document_get_relations (fixture->a);

  gls_document_add_link (fixture->a, "same-claim", fixture->a1, gls_document_get_sidecar_file (fixture->b),
                         gls_annotation_get_id (fixture->b1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_true (gls_document_undo (fixture->a));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  g_assert_true (gls_document_redo (fixture->a));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);

  gls_document_remove_annotation (fixture->a, fixture->a1);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  g_assert_true (gls_document_undo (fixture->a));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/links/types", Fixture, NULL, fixture_setup, test_types, fixture_teardown);
  g_test_add ("/links/relations-of-and-retype", Fixture, NULL, fixture_setup, test_relations_of_and_retype, fixture_teardown);
  g_test_add ("/links/href", Fixture, NULL, fixture_setup, test_href, fixture_teardown);
  g_test_add ("/links/across", Fixture, NULL, fixture_setup, test_link_across, fixture_teardown);
  g_test_add ("/links/undo", Fixture, NULL, fixture_setup, test_link_undo, fixture_teardown);

  return g_test_run ();
}
