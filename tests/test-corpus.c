/* test-corpus.c
 * Which files of a folder are articles (gls-corpus.c): the rule README.md
 * states, checked on a tree that has every kind of entry. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gls-core.h"
#include "gls-sidecar-reader-private.h"
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

/* The sidecar of an article with two annotations, as saved. */
static GBytes *
saved_sidecar (const char *dir)
{
  g_autofree char *article = g_build_filename (dir, "shared.txt", NULL);
  g_autofree char *sidecar = g_strconcat (article, ".annotations.xml", NULL);
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  gls_test_write (article, "One article of a corpus, with two annotations on it.\n", -1);
  document = gls_test_document_from_file (article);
  gls_document_annotate (document, "factual", 0, 11, &error);
  g_assert_no_error (error);
  gls_document_annotate (document, "opinion", 18, 24, &error);
  g_assert_no_error (error);
  g_assert_true (gls_test_save (document, &error));

  return gls_test_read (sidecar);
}

static GBytes *
replace (GBytes     *bytes,
         const char *old,
         const char *new)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = g_strsplit (text, old, 2);
  char *joined;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strjoinv (new, parts);

  return g_bytes_new_take (joined, strlen (joined));
}

static char *
problems_to_string (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gls_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "%s\n", line);
    }

  return g_string_free (out, FALSE);
}

/* Reads @bytes without and with sharing; both must say the same, problems
 * at their lines and columns too. Returns the shared read's codebook. */
static GlsCodebook *
read_both_ways (GBytes   *bytes,
                gboolean  valid)
{
  g_autoptr(GPtrArray) plain_problems = gls_problems_new ();
  g_autoptr(GPtrArray) shared_problems = gls_problems_new ();
  g_autoptr(GlsSidecarData) plain = _gls_sidecar_read (bytes, "a.xml", plain_problems, NULL);
  g_autoptr(GlsSidecarData) shared = _gls_sidecar_read_sharing_codebook (bytes, "a.xml", shared_problems, NULL);
  g_autofree char *plain_text = problems_to_string (plain_problems);
  g_autofree char *shared_text = problems_to_string (shared_problems);

  g_assert_cmpstr (shared_text, ==, plain_text);
  if (!valid)
    {
      g_assert_null (plain);
      g_assert_null (shared);
      g_assert_cmpuint (plain_problems->len, >, 0);
      return NULL;
    }

  g_assert_nonnull (plain);
  g_assert_nonnull (shared);
  g_assert_cmpuint (plain->annotations->len, ==, shared->annotations->len);
  g_assert_cmpuint (gls_codebook_get_n_categories (shared->codebook), ==,
                    gls_codebook_get_n_categories (plain->codebook));
  for (guint i = 0; i < gls_codebook_get_n_categories (plain->codebook); i++)
    g_assert_cmpstr (gls_category_get_label (gls_codebook_get_category (shared->codebook, i)), ==,
                     gls_category_get_label (gls_codebook_get_category (plain->codebook, i)));

  return g_object_ref (shared->codebook);
}

/* Loads that change nothing share the codebook copy of the sidecars read
 * before on the thread, and read exactly what a full read reads. */
static void
test_shared_codebook (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) bytes = saved_sidecar (f->dir);
  g_autoptr(GBytes) broken = replace (bytes, "start=\"18\"", "start=\"x\"");
  g_autoptr(GBytes) other = replace (bytes, "</label>", " </label>");
  g_autoptr(GBytes) prefixed = replace (bytes, "xmlns=", "xmlns:x=\"urn:x\" xmlns=");
  g_autoptr(GlsCodebook) first = read_both_ways (bytes, TRUE);
  g_autoptr(GlsCodebook) second = read_both_ways (bytes, TRUE);
  g_autoptr(GlsCodebook) changed = NULL;
  g_autoptr(GlsCodebook) after_change = NULL;
  g_autoptr(GlsCodebook) with_prefix = NULL;

  /* the second read shares the first one's codebook */
  g_assert_true (first == second);

  /* an error after the codebook: at the same line and column */
  read_both_ways (broken, FALSE);

  /* one byte more in the codebook: read again, then shared */
  changed = read_both_ways (other, TRUE);
  g_assert_true (changed != first);
  after_change = read_both_ways (other, TRUE);
  g_assert_true (after_change == changed);

  /* another namespace declared: never shared, not even with itself */
  with_prefix = read_both_ways (prefixed, TRUE);
  g_clear_object (&after_change);
  after_change = read_both_ways (prefixed, TRUE);
  g_assert_true (with_prefix != after_change);
}

/* The list fills from a worker thread: every article of the folder, in
 * order, then their counts; a broken annotation file says why. */
static void
test_scan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) sidecar = saved_sidecar (f->dir);
  g_autofree char *broken = g_build_filename (f->dir, "b.html.annotations.xml", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GlsCorpus) corpus = gls_corpus_new (folder);
  GListModel *list = gls_corpus_get_articles (corpus);
  guint n_expected = G_N_ELEMENTS (articles) + 1;  /* and shared.txt */

  gls_test_write (broken, "<annotations", -1);
  /* the fixture's project codebook is not XML either: without it, the
   * built-in one */
  {
    g_autofree char *codebook = g_build_filename (f->dir, "codebook.xml", NULL);

    g_assert_cmpint (g_remove (codebook), ==, 0);
  }
  gls_corpus_scan (corpus);
  g_assert_true (gls_corpus_get_scanning (corpus));
  while (gls_corpus_get_scanning (corpus))
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (gls_corpus_get_problem (corpus));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_expected);
  g_assert_cmpuint (gls_corpus_get_n_counted (corpus), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (list, i);
      const char *name = gls_corpus_article_get_name (article);
      g_autofree char *own_sidecar = g_strconcat (name, ".annotations.xml", NULL);
      g_autofree char *sidecar_path = g_build_filename (f->dir, own_sidecar, NULL);

      g_test_message ("%s", name);
      if (strcmp (name, "shared.txt") == 0)
        g_assert_cmpint (gls_corpus_article_get_n_annotations (article), ==, 2);
      else if (g_file_test (sidecar_path, G_FILE_TEST_EXISTS))
        {
          /* the fixture's annotation files are not XML */
          g_assert_cmpint (gls_corpus_article_get_n_annotations (article), ==, -1);
          g_assert_nonnull (strstr (gls_corpus_article_get_problem (article), own_sidecar));
        }
      else
        {
          g_assert_cmpint (gls_corpus_article_get_n_annotations (article), ==, 0);
          g_assert_null (gls_corpus_article_get_problem (article));
        }
    }
}

static void
test_scan_missing (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/corpus");
  g_autoptr(GlsCorpus) corpus = gls_corpus_new (folder);

  gls_corpus_scan (corpus);
  while (gls_corpus_get_scanning (corpus))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (gls_corpus_get_articles (corpus)), ==, 0);
  g_assert_nonnull (strstr (gls_corpus_get_problem (corpus), "/nonexistent/corpus"));
}

/* The fixture's project codebook is not XML: loads that may save refuse
 * it, so the work-state tests use the built-in one. */
static void
remove_project_codebook (const char *dir)
{
  g_autofree char *codebook = g_build_filename (dir, "codebook.xml", NULL);

  g_assert_cmpint (g_remove (codebook), ==, 0);
}

static GlsDocument *
load_with_sidecar (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlsDocument *document = gls_test_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The state of work is a foreign attribute of source, a step to undo;
 * it survives a save and a load, and the schema accepts the sidecar. */
static void
test_work_state_document (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *article = g_build_filename (f->dir, "shared.txt", NULL);
  g_autofree char *sidecar = g_strconcat (article, ".annotations.xml", NULL);
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) again = NULL;
  g_autoptr(GlsDocument) third = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlRelaxNGPtr schema = gls_test_load_schema ("glossator-annotations.rng");
  const char *xml;
  gsize len;

  remove_project_codebook (f->dir);
  saved = saved_sidecar (f->dir);
  document = load_with_sidecar (article);
  g_assert_cmpint (gls_document_get_work_state (document), ==, GLS_WORK_STATE_NOT_STARTED);
  g_assert_false (gls_document_get_modified (document));

  gls_document_set_work_state (document, GLS_WORK_STATE_IN_PROGRESS);
  g_assert_cmpint (gls_document_get_work_state (document), ==, GLS_WORK_STATE_IN_PROGRESS);
  g_assert_true (gls_document_get_modified (document));
  g_assert_true (gls_document_undo (document));
  g_assert_cmpint (gls_document_get_work_state (document), ==, GLS_WORK_STATE_NOT_STARTED);
  g_assert_false (gls_document_get_modified (document));
  g_assert_true (gls_document_redo (document));
  g_assert_cmpint (gls_document_get_work_state (document), ==, GLS_WORK_STATE_IN_PROGRESS);

  gls_document_set_work_state (document, GLS_WORK_STATE_DONE);
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);

  bytes = gls_test_read (sidecar);
  xml = g_bytes_get_data (bytes, &len);
  g_assert_nonnull (g_strstr_len (xml, len, "xmlns:work=\"" GLS_WORK_NAMESPACE "\""));
  g_assert_nonnull (g_strstr_len (xml, len, "work:state=\"done\""));
  g_assert_true (gls_test_schema_accepts (schema, xml, len));

  again = load_with_sidecar (article);
  g_assert_cmpint (gls_document_get_work_state (again), ==, GLS_WORK_STATE_DONE);
  g_assert_cmpuint (gls_document_get_n_annotations (again), ==, 2);

  /* back to not started: the attribute goes */
  gls_document_set_work_state (again, GLS_WORK_STATE_NOT_STARTED);
  g_assert_true (gls_test_save (again, &error));
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = gls_test_read (sidecar);
  xml = g_bytes_get_data (bytes, &len);
  g_assert_null (g_strstr_len (xml, len, "work:state"));
  third = load_with_sidecar (article);
  g_assert_cmpint (gls_document_get_work_state (third), ==, GLS_WORK_STATE_NOT_STARTED);

  xmlRelaxNGFree (schema);
}

static void
on_state_set (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!gls_corpus_set_state_finish (GLS_CORPUS (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Sets @state on the article named @name and waits; NULL when it worked. */
static GError *
set_state (GlsCorpus    *corpus,
           const char   *name,
           GlsWorkState  state)
{
  GListModel *list = gls_corpus_get_articles (corpus);
  GError *error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (list, i);

      if (strcmp (gls_corpus_article_get_name (article), name) != 0)
        continue;
      gls_corpus_set_state_async (corpus, article, state, NULL, on_state_set, &error);
      while (error == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_clear_error (&error);
          g_assert_cmpint (gls_corpus_article_get_state (article), ==, state);
        }
      return error;
    }

  g_assert_not_reached ();
}

static GlsCorpus *
scanned_corpus (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GlsCorpus *corpus = gls_corpus_new (folder);

  gls_corpus_scan (corpus);
  while (gls_corpus_get_scanning (corpus))
    g_main_context_iteration (NULL, TRUE);

  return corpus;
}

static GlsWorkState
state_of (GlsCorpus  *corpus,
          const char *name)
{
  GListModel *list = gls_corpus_get_articles (corpus);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (list, i);

      if (strcmp (gls_corpus_article_get_name (article), name) == 0)
        return gls_corpus_article_get_state (article);
    }

  g_assert_not_reached ();
}

/* From the corpus list, for an article no window has open: the sidecar
 * is loaded and saved safely; one that cannot be read is left as it was
 * and the message names it. */
static void
test_work_state_corpus (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *broken = g_build_filename (f->dir, "b.html.annotations.xml", NULL);
  g_autoptr(GBytes) broken_bytes = NULL;
  g_autoptr(GlsCorpus) corpus = NULL;
  g_autoptr(GlsCorpus) rescanned = NULL;
  g_autoptr(GError) error = NULL;

  remove_project_codebook (f->dir);
  saved = saved_sidecar (f->dir);
  gls_test_write (broken, "<annotations", -1);
  broken_bytes = gls_test_read (broken);
  corpus = scanned_corpus (f->dir);
  g_assert_cmpint (state_of (corpus, "shared.txt"), ==, GLS_WORK_STATE_NOT_STARTED);

  g_assert_no_error (set_state (corpus, "shared.txt", GLS_WORK_STATE_DONE));
  g_assert_no_error (set_state (corpus, "sub/z.txt", GLS_WORK_STATE_IN_PROGRESS));

  error = set_state (corpus, "b.html", GLS_WORK_STATE_DONE);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "b.html.annotations.xml"));
  g_assert_cmpint (state_of (corpus, "b.html"), ==, GLS_WORK_STATE_NOT_STARTED);
  {
    g_autoptr(GBytes) after = gls_test_read (broken);

    g_assert_true (gls_test_bytes_equal (after, broken_bytes));
  }

  /* read back by a new scan, annotations kept */
  rescanned = scanned_corpus (f->dir);
  g_assert_cmpint (state_of (rescanned, "shared.txt"), ==, GLS_WORK_STATE_DONE);
  g_assert_cmpint (state_of (rescanned, "sub/z.txt"), ==, GLS_WORK_STATE_IN_PROGRESS);
  g_assert_cmpint (state_of (rescanned, "a.txt"), ==, GLS_WORK_STATE_NOT_STARTED);
  {
    GListModel *list = gls_corpus_get_articles (rescanned);

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (list, i);

        if (strcmp (gls_corpus_article_get_name (article), "shared.txt") == 0)
          g_assert_cmpint (gls_corpus_article_get_n_annotations (article), ==, 2);
      }
  }
}

static void
test_find_all (void)
{
  const char *text = "Ärger, ärger: ÄRGER! aaa";
  g_autoptr(GArray) found = gls_text_find_all (text, strlen (text), "äRGER");
  g_autoptr(GArray) overlapping = gls_text_find_all (text, strlen (text), "aa");
  g_autoptr(GArray) none = gls_text_find_all (text, strlen (text), "");

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpuint (g_array_index (found, GlsSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (found, GlsSpan, 1).start, ==, 7);
  g_assert_cmpuint (g_array_index (found, GlsSpan, 2).start, ==, 14);
  g_assert_cmpuint (g_array_index (found, GlsSpan, 2).end, ==, 19);
  /* no overlaps: "aaa" holds "aa" once */
  g_assert_cmpuint (overlapping->len, ==, 1);
  g_assert_cmpuint (g_array_index (overlapping, GlsSpan, 0).start, ==, 21);
  g_assert_cmpuint (none->len, ==, 0);
}

static GListModel *
search (GlsCorpusSearch *search,
        const char      *text,
        GlsSearchScope   scope,
        const char      *category)
{
  gls_corpus_search_start (search, text, scope, category);
  while (gls_corpus_search_get_searching (search))
    g_main_context_iteration (NULL, TRUE);

  return gls_corpus_search_get_hits (search);
}

static GlsSearchHit *
hit_at (GListModel *hits,
        guint       i)
{
  g_autoptr(GlsSearchHit) hit = g_list_model_get_item (hits, i);

  return hit;
}

/* Search across the corpus: text, notes, a category, and text within a
 * category; each hit with its article, offsets and context. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *noted = g_build_filename (f->dir, "sub", "noted.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GlsCorpusSearch) corpus_search = gls_corpus_search_new (folder);
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  GListModel *hits;

  remove_project_codebook (f->dir);
  saved = saved_sidecar (f->dir);
  gls_test_write (noted, "Line one.\nThe port strike ended on Monday.\n", -1);
  document = gls_test_document_from_file (noted);
  annotation = gls_document_annotate (document, "factual", 10, 38, &error);
  g_assert_no_error (error);
  gls_document_set_annotation_note (document, annotation, "Check the date with the Port Authority");
  g_assert_true (gls_test_save (document, &error));

  /* the text, in any case: every fixture article says "text", but the
   * three whose annotation files are not XML cannot be read */
  hits = search (corpus_search, "TEXT", GLS_SEARCH_TEXT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, G_N_ELEMENTS (articles) - 3);
  g_assert_cmpstr (gls_search_hit_get_name (hit_at (hits, 0)), ==, articles[0]);
  g_assert_cmpuint (gls_search_hit_get_start (hit_at (hits, 0)), ==, 0);
  g_assert_cmpuint (gls_search_hit_get_end (hit_at (hits, 0)), ==, 4);

  /* the context around the match, on one line */
  hits = search (corpus_search, "strike", GLS_SEARCH_TEXT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_assert_cmpstr (gls_search_hit_get_name (hit_at (hits, 0)), ==, "sub/noted.txt");
  g_assert_cmpuint (gls_search_hit_get_start (hit_at (hits, 0)), ==, 19);
  g_assert_cmpuint (gls_search_hit_get_end (hit_at (hits, 0)), ==, 25);
  g_assert_cmpstr (gls_search_hit_get_before (hit_at (hits, 0)), ==, "Line one. The port ");
  g_assert_cmpstr (gls_search_hit_get_match (hit_at (hits, 0)), ==, "strike");
  g_assert_cmpstr (gls_search_hit_get_after (hit_at (hits, 0)), ==, " ended on Monday. ");

  /* the notes: the hit is the annotation, the snippet its note */
  hits = search (corpus_search, "port authority", GLS_SEARCH_NOTES, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_assert_cmpuint (gls_search_hit_get_start (hit_at (hits, 0)), ==, 10);
  g_assert_cmpuint (gls_search_hit_get_end (hit_at (hits, 0)), ==, 38);
  g_assert_cmpstr (gls_search_hit_get_match (hit_at (hits, 0)), ==, "Port Authority");
  g_assert_cmpstr (gls_search_hit_get_before (hit_at (hits, 0)), ==, "Check the date with the ");
  hits = search (corpus_search, "strike", GLS_SEARCH_NOTES, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);

  /* a category: its annotations, or the text within them */
  hits = search (corpus_search, NULL, GLS_SEARCH_TEXT, "factual");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_assert_cmpstr (gls_search_hit_get_name (hit_at (hits, 0)), ==, "shared.txt");
  g_assert_cmpstr (gls_search_hit_get_match (hit_at (hits, 0)), ==, "One article");
  g_assert_cmpstr (gls_search_hit_get_name (hit_at (hits, 1)), ==, "sub/noted.txt");
  hits = search (corpus_search, "article", GLS_SEARCH_TEXT, "factual");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hits = search (corpus_search, "article", GLS_SEARCH_TEXT, "opinion");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);

  /* nothing to find */
  hits = search (corpus_search, "", GLS_SEARCH_TEXT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
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
  g_test_add ("/corpus/scan", Fixture, NULL, fixture_setup, test_scan, fixture_teardown);
  g_test_add_func ("/corpus/scan-missing", test_scan_missing);
  g_test_add ("/corpus/work-state/document", Fixture, NULL, fixture_setup, test_work_state_document, fixture_teardown);
  g_test_add ("/corpus/work-state/corpus", Fixture, NULL, fixture_setup, test_work_state_corpus, fixture_teardown);
  g_test_add_func ("/corpus/search/find-all", test_find_all);
  g_test_add ("/corpus/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/corpus/shared-codebook", Fixture, NULL, fixture_setup, test_shared_codebook, fixture_teardown);

  return g_test_run ();
}
