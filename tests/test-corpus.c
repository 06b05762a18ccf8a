/* test-corpus.c
 * Which files of a folder are articles (gls-corpus.c): the rule README.md
 * states, checked on a tree that has every kind of entry. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gls-core.h"
#include "gls-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

/* Every kind of entry, and whether it is an article: the list the scanner
 * must give, sorted byte by byte. */
static const char *const tree[] = {
  "a.txt", "a.txt.annotations.xml", "b.html", "C.HTM", "d.xhtml", "e.TXT",
  "notes.md", "data.csv", "data.csv.annotations.xml", "codebook.xml", "README",
  "a.txt.annotations.xml.broken-20260101T000000Z", "orphan.txt.annotations.xml",
  ".hidden.txt", ".git/config.txt", ".git/objects/x.txt",
  "sub/z.txt", "sub/.h.txt", "sub/deeper/y.html", "sub/deeper/table.tsv",
  "sub/deeper/table.tsv.annotations.xml", "sub-file.txt", "empty/",
};
static const char *const articles[] = {
  "C.HTM", "a.txt", "b.html", "d.xhtml", "data.csv", "e.TXT",
  /* '-' sorts before '/' */
  "sub-file.txt", "sub/deeper/table.tsv", "sub/deeper/y.html", "sub/z.txt",
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = gls_test_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (tree); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, tree[i], NULL);
      g_autofree char *folder = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      if (!g_str_has_suffix (tree[i], "/"))
        gls_test_write (path, "text\n", -1);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gls_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
assert_list (GPtrArray         *found,
             const char *const *expected,
             guint              n_expected)
{
  for (guint i = 0; i < found->len; i++)
    g_test_message ("found %s", (const char *) g_ptr_array_index (found, i));
  for (guint i = 0; i < n_expected && i < found->len; i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, expected[i]);
  g_assert_cmpuint (found->len, ==, n_expected);
}

static void
test_articles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = gls_corpus_list_articles (f->dir, GLS_CORPUS_NONE, NULL, &error);

  g_assert_no_error (error);
  assert_list (found, articles, G_N_ELEMENTS (articles));
}

/* validate also wants the annotation files whose article is gone */
static void
test_orphan_sidecars (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = gls_corpus_list_articles (f->dir, GLS_CORPUS_ORPHAN_SIDECARS, NULL, &error);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    g_ptr_array_add (expected, (gpointer) articles[i]);
  /* "orphan…" sorts after "e.TXT" and before "sub" */
  g_ptr_array_insert (expected, 6, (gpointer) "orphan.txt.annotations.xml");

  g_assert_no_error (error);
  assert_list (found, (const char *const *) expected->pdata, expected->len);
}

/* A link to a folder is not followed: no cycle, no article twice. */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *loop = g_build_filename (f->dir, "sub", "loop", NULL);
  g_autofree char *file_link = g_build_filename (f->dir, "linked.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_cmpint (symlink (f->dir, loop), ==, 0);
  g_assert_cmpint (symlink ("a.txt", file_link), ==, 0);
  found = gls_corpus_list_articles (f->dir, GLS_CORPUS_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (articles) + 1);
  g_assert_cmpstr (g_ptr_array_index (found, 6), ==, "linked.txt");
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = gls_corpus_list_articles ("/nonexistent/corpus", GLS_CORPUS_NONE, NULL, &error);

  g_assert_null (found);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/corpus"));
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_cancellable_cancel (cancellable);
  found = gls_corpus_list_articles (f->dir, GLS_CORPUS_NONE, cancellable, &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/corpus/articles", Fixture, NULL, fixture_setup, test_articles, fixture_teardown);
  g_test_add ("/corpus/orphan-sidecars", Fixture, NULL, fixture_setup, test_orphan_sidecars, fixture_teardown);
  g_test_add ("/corpus/links", Fixture, NULL, fixture_setup, test_links, fixture_teardown);
  g_test_add ("/corpus/cancelled", Fixture, NULL, fixture_setup, test_cancelled, fixture_teardown);
  g_test_add_func ("/corpus/missing", test_missing);

  return g_test_run ();
}
