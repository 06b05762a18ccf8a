/* test-sidecar.c
 * Saving and loading sidecars: round trips over tricky texts checked by an
 * independent Python oracle, hostile files, foreign content, and saving
 * safely (etags, failures, permissions). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gls-core.h"
#include "gls-format.h"
#include "gls-test-util.h"

static GlsDocument *
load (const char  *path,
      GPtrArray   *problems,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gls_test_load (file, NULL, NULL, problems, error);
}

static char *
sidecar_path (const char *source)
{
  return g_strconcat (source, ".annotations.xml", NULL);
}

static void
assert_same_annotations (GlsDocument *a,
                         GlsDocument *b)
{
  guint n = gls_document_get_n_annotations (a);

  g_assert_cmpuint (n, ==, gls_document_get_n_annotations (b));
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *x = gls_annotation_list_get (gls_document_get_annotations (a), i);
      GlsAnnotation *y = gls_annotation_list_get (gls_document_get_annotations (b), i);

      g_assert_cmpstr (gls_annotation_get_id (x), ==, gls_annotation_get_id (y));
      g_assert_cmpstr (gls_annotation_get_category (x), ==, gls_annotation_get_category (y));
      g_assert_cmpstr (gls_annotation_get_note (x), ==, gls_annotation_get_note (y));
      g_assert_cmpstr (gls_annotation_get_annotator (x), ==, gls_annotation_get_annotator (y));
      g_assert_cmpstr (gls_annotation_get_created (x), ==, gls_annotation_get_created (y));
      g_assert_cmpuint (gls_annotation_get_n_targets (x), ==, gls_annotation_get_n_targets (y));
      for (guint j = 0; j < gls_annotation_get_n_targets (x); j++)
        {
          GlsSpan s = gls_annotation_get_target (x, j), t = gls_annotation_get_target (y, j);
          g_assert_cmpuint (s.start, ==, t.start);
          g_assert_cmpuint (s.end, ==, t.end);
        }
    }
  g_assert_cmpstr (gls_document_get_note (a), ==, gls_document_get_note (b));
}

/* Annotates spans all over @source_path, saves, reloads, saves again,
 * and lets the Python oracle check every quote against the file. */
static void
round_trip (const char *source_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = load (source_path, NULL, &error);
  g_autoptr(GlsDocument) reloaded = NULL;
  g_autofree char *sidecar = sidecar_path (source_path);
  g_autofree char *oracle = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  guint length;

  g_assert_no_error (error);
  length = gls_source_get_length (gls_document_get_source (document));
  gls_document_set_annotator (document, "Zoë “Tester” <z@example.org>");

  if (length > 0)
    {
      GRand *rand = g_rand_new_with_seed (length);
      guint cuts[] = { 0, 1, length / 3, length / 2, (2 * length) / 3, length - 1 };

      for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
        {
          guint want = cuts[i] + 1 + g_rand_int_range (rand, 0, 40);
          guint end = MIN (length, want);
          GlsAnnotation *a = gls_document_annotate (document, "factual", cuts[i], end, &error);

          g_assert_no_error (error);
          if (i % 2 == 0)
            gls_document_set_annotation_note (document, a, "A note\nwith lines, <markup> & “quotes”\r\n");
        }
      for (guint i = 0; i < 20; i++)
        {
          guint start = g_rand_int_range (rand, 0, length);
          guint want = start + 1 + g_rand_int_range (rand, 0, 100);
          guint end = MIN (length, want);

          gls_document_annotate (document, "opinion", start, end, &error);
          g_assert_no_error (error);
        }
      {
        GlsSpan spans[] = { { 0, 1 }, { length - 1, length } };
        g_autoptr(GlsAnnotation) split = gls_annotation_new ("framing", spans, 2, "Tester");

        gls_document_add_annotation (document, split, &error);
        g_assert_no_error (error);
      }
      g_rand_free (rand);
    }
  gls_document_set_note (document, "Whole document: ok.");

  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);
  first = gls_test_read (sidecar);

  /* saving again without changes gives the same bytes */
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);
  second = gls_test_read (sidecar);
  g_assert_true (g_bytes_equal (first, second));

  reloaded = load (source_path, NULL, &error);
  g_assert_no_error (error);
  assert_same_annotations (document, reloaded);
  g_assert_cmpstr (gls_source_get_encoding (gls_document_get_source (reloaded)), ==,
                   gls_source_get_encoding (gls_document_get_source (document)));
  g_assert_false (gls_document_get_modified (reloaded));
  g_assert_false (gls_document_get_source_changed (reloaded));

  /* and a loaded document writes back exactly what it read */
  g_assert_true (gls_test_save (reloaded, &error));
  third = gls_test_read (sidecar);
  g_assert_true (g_bytes_equal (first, third));

  if (!gls_test_oracle (sidecar, &oracle))
    g_error ("the oracle refused %s:\n%s", sidecar, oracle);
}

static void
test_round_trip_texts (void)
{
  g_autofree char *manifest = gls_test_data_path ("texts", "MANIFEST.tsv", NULL);
  g_autofree char *dir = gls_test_tmpdir ();
  g_auto(GStrv) cells = NULL;
  guint columns, n = 0;

  cells = gls_test_read_manifest (manifest, &columns);
  for (guint i = 0; cells[i] != NULL; i += columns)
    {
      g_autofree char *from = NULL;
      g_autofree char *copy = NULL;

      if (strcmp (cells[i + 5], "ok") != 0)
        continue;

      g_test_message ("round trip of %s", cells[i]);
      from = gls_test_data_path ("texts", cells[i], NULL);
      copy = gls_test_copy (from, dir, NULL);
      round_trip (copy);
      n++;
    }
  g_assert_cmpuint (n, >=, 12);

  gls_test_rm_rf (dir);
}

static void
test_round_trip_long_line (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.txt", NULL);
  g_autoptr(GString) text = g_string_sized_new (5 * 1024 * 1024 + 64);

  while (text->len < 5 * 1024 * 1024)
    g_string_append (text, "Ein Satz über 5 MB Text, ohne Zeilenumbruch 🙂 ");
  gls_test_write (path, text->str, text->len);

  round_trip (path);
  gls_test_rm_rf (dir);
}

static void
test_round_trip_seeds (void)
{
  const char *shared = gls_test_shared_dir ();
  g_autofree char *seeds = NULL;
  g_autofree char *dir = NULL;
  GDir *folder;
  const char *name;
  guint n = 0;

  if (shared == NULL)
    {
      g_test_skip ("no shared corpus");
      return;
    }

  seeds = g_build_filename (shared, "corpus", "seeds", NULL);
  dir = gls_test_tmpdir ();
  folder = g_dir_open (seeds, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *from = g_build_filename (seeds, name, NULL);
      g_autofree char *copy = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      copy = gls_test_copy (from, dir, NULL);
      round_trip (copy);
      n++;
    }
  g_dir_close (folder);
  g_assert_cmpuint (n, ==, 2);

  gls_test_rm_rf (dir);
}

/* Each hostile file is refused with its name and line, and stays as it was. */
static void
test_hostile (void)
{
  g_autofree char *manifest = gls_test_data_path ("sidecars", "hostile", "MANIFEST.tsv", NULL);
  g_autofree char *article = gls_test_data_path ("sidecars", "article.txt", NULL);
  g_auto(GStrv) cells = NULL;
  guint columns, n = 0;

  cells = gls_test_read_manifest (manifest, &columns);
  for (guint i = 0; cells[i] != NULL; i += columns)
    {
      g_autofree char *dir = gls_test_tmpdir ();
      g_autofree char *fixture = gls_test_data_path ("sidecars", "hostile", cells[i], NULL);
      g_autofree char *source = gls_test_copy (article, dir, "article.txt");
      g_autofree char *sidecar = gls_test_copy (fixture, dir, "article.txt.annotations.xml");
      g_autofree char *place = g_strdup_printf ("article.txt.annotations.xml:%s:", cells[i + 1]);
      g_autofree char *place_no_column = g_strdup_printf ("article.txt.annotations.xml:%s", cells[i + 1]);
      g_autoptr(GPtrArray) problems = gls_problems_new ();
      g_autoptr(GBytes) before = gls_test_read (sidecar);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsDocument) document = NULL;
      g_autoptr(GDir) contents = NULL;
      guint n_files = 0;

      g_test_message ("%s: %s", cells[i], cells[i + 3]);
      document = load (source, problems, &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (error->domain == GLS_ERROR);
      if (strstr (error->message, place) == NULL && strstr (error->message, place_no_column) == NULL)
        g_error ("%s: expected the message to name %s, got: %s", cells[i], place, error->message);
      g_assert_cmpuint (gls_problems_count (problems, GLS_PROBLEM_ERROR), >=, 1);
      if (strcmp (cells[i + 2], "malformed") == 0)
        g_assert_true (error->code == GLS_ERROR_MALFORMED || error->code == GLS_ERROR_EMPTY);
      else
        g_assert_true (error->code == GLS_ERROR_INVALID || error->code == GLS_ERROR_VERSION);

      /* nothing written: the file is byte-identical, and nothing was added */
      after = gls_test_read (sidecar);
      g_assert_true (g_bytes_equal (before, after));
      contents = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (contents) != NULL)
        n_files++;
      g_assert_cmpuint (n_files, ==, 2);

      gls_test_rm_rf (dir);
      n++;
    }
  g_assert_cmpuint (n, >=, 20);
}

/* An empty sidecar is a file that cannot be loaded, not a missing one. */
static void
test_empty_sidecar (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;

  gls_test_write (source, "Some text.", -1);
  gls_test_write (sidecar, "", 0);
  document = load (source, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "a.txt.annotations.xml"));
  g_assert_nonnull (strstr (error->message, "empty"));

  gls_test_rm_rf (dir);
}

/* Foreign and newer content comes back from a load and a save. */
static void
test_valid_fixtures (void)
{
  g_autofree char *article = gls_test_data_path ("sidecars", "article.txt", NULL);
  g_autofree char *folder = gls_test_data_path ("sidecars", "valid", NULL);
  g_autoptr(GDir) valid = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (valid)) != NULL)
    {
      g_autofree char *dir = gls_test_tmpdir ();
      g_autofree char *fixture = g_build_filename (folder, name, NULL);
      g_autofree char *source = gls_test_copy (article, dir, "article.txt");
      g_autofree char *sidecar = gls_test_copy (fixture, dir, "article.txt.annotations.xml");
      g_autoptr(GBytes) original = gls_test_read (sidecar);
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsDocument) document = NULL;
      g_autoptr(GlsDocument) reloaded = NULL;
      g_autofree char *oracle = NULL;
      const char *text;

      g_test_message ("%s", name);
      document = load (source, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (gls_test_save (document, &error));
      g_assert_no_error (error);
      saved = gls_test_read (sidecar);
      text = g_bytes_get_data (saved, NULL);

      /* elements of other namespaces survive, XInclude among them */
      if (strstr (g_bytes_get_data (original, NULL), "http://www.w3.org/2001/XInclude") != NULL)
        g_assert_nonnull (strstr (text, "http://www.w3.org/2001/XInclude"));
      if (strstr (g_bytes_get_data (original, NULL), "xmlns:") != NULL)
        g_assert_nonnull (strstr (text, "xmlns:"));

      reloaded = load (source, NULL, &error);
      g_assert_no_error (error);
      assert_same_annotations (document, reloaded);
      g_assert_true (gls_test_save (reloaded, &error));
      again = gls_test_read (sidecar);
      g_assert_true (g_bytes_equal (saved, again));

      if (!gls_test_oracle (sidecar, &oracle))
        g_error ("the oracle refused %s:\n%s", name, oracle);

      gls_test_rm_rf (dir);
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

static const char foreign_sidecar[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<annotations xmlns=\"https://glossator.github.io/ns/annotations/1\" xmlns:x=\"urn:example:x\""
  " xmlns:xi=\"http://www.w3.org/2001/XInclude\" version=\"1.7\" x:project=\"P-12\">\n"
  "  <source href=\"a.txt\" encoding=\"UTF-8\" bom=\"false\" newlines=\"none\" length=\"10\""
  " sha256=\"@SHA@\"/>\n"
  "  <x:provenance by=\"pipeline\"><x:step n=\"1\">tokenised</x:step></x:provenance>\n"
  "  <xi:include href=\"/etc/passwd\" parse=\"text\"/>\n"
  "  <annotation id=\"a-1\" category=\"factual\" x:confidence=\"0.9\">\n"
  "    <target start=\"0\" end=\"4\"><exact>Some</exact></target>\n"
  "    <x:review status=\"done\"/>\n"
  "    <futureElement weight=\"3\">from version 1.7</futureElement>\n"
  "  </annotation>\n"
  "</annotations>\n";

static void
test_foreign (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Some text.", -1);
  g_autoptr(GString) xml = g_string_new (foreign_sidecar);
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  const char *text;

  g_string_replace (xml, "@SHA@", sha, 1);
  gls_test_write (source, "Some text.", -1);
  gls_test_write (sidecar, xml->str, xml->len);

  document = load (source, problems, &error);
  g_assert_no_error (error);
  /* the codebook is the built-in one: no unknown category */
  g_assert_cmpuint (problems->len, ==, 0);
  gls_document_annotate (document, "opinion", 5, 9, &error);
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);

  saved = gls_test_read (sidecar);
  text = g_bytes_get_data (saved, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "version=\"1.7\""));
  g_assert_nonnull (strstr (text, "project=\"P-12\""));
  g_assert_nonnull (strstr (text, "<x:provenance xmlns:x=\"urn:example:x\" by=\"pipeline\"><x:step n=\"1\">tokenised</x:step></x:provenance>"));
  /* XInclude is kept as an element, never processed */
  g_assert_nonnull (strstr (text, "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>"));
  g_assert_null (strstr (text, "root:"));
  g_assert_nonnull (strstr (text, "confidence=\"0.9\""));
  g_assert_nonnull (strstr (text, "<x:review xmlns:x=\"urn:example:x\" status=\"done\"/>"));
  g_assert_nonnull (strstr (text, "<futureElement xmlns=\"https://glossator.github.io/ns/annotations/1\" weight=\"3\">from version 1.7</futureElement>"));

  /* and what was saved loads again */
  reloaded = load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gls_document_get_n_annotations (reloaded), ==, 2);

  gls_test_rm_rf (dir);
}

/* An unknown category is a warning; the annotation is kept and saved. */
static void
test_unknown_category (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) reloaded = NULL;
  g_autoptr(GlsCodebook) small = gls_codebook_new ("small", NULL);
  g_autoptr(GlsCategory) only = gls_category_new ("only");
  g_autofree char *line = NULL;

  gls_test_write (source, "Some text.", -1);
  document = load (source, NULL, &error);
  gls_document_annotate (document, "factual", 0, 4, &error);
  gls_codebook_add_category (small, NULL, only, &error);
  gls_document_set_codebook (document, small);
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);

  reloaded = load (source, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gls_document_get_n_annotations (reloaded), ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  line = gls_problem_to_string (g_ptr_array_index (problems, 0));
  g_assert_true (g_str_has_prefix (line, sidecar));
  g_assert_nonnull (strstr (line, ": warning: "));
  g_assert_nonnull (strstr (line, "factual"));

  gls_test_rm_rf (dir);
}

/* When the article changes, annotations whose text is gone load as
 * orphaned, are saved with their quote and load again as orphaned. */
static void
test_orphans (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) changed = NULL;
  g_autoptr(GlsDocument) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GlsAnnotation *orphan;

  gls_test_write (source, "The mayor said the bridge cost 4 million.", -1);
  document = load (source, NULL, &error);
  gls_document_annotate (document, "attributed", 0, 14, &error);       /* The mayor said */
  gls_document_annotate (document, "statistic", 31, 40, &error);       /* 4 million */
  g_assert_true (gls_test_save (document, &error));

  /* someone edits the article: the first span still reads the same */
  gls_test_write (source, "The mayor said the bridge was far too dear.", -1);
  changed = load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gls_document_get_source_changed (changed));
  g_assert_cmpuint (gls_document_get_n_orphaned (changed), ==, 1);
  orphan = gls_annotation_list_get (gls_document_get_annotations (changed), 1);
  g_assert_cmpint (gls_annotation_get_anchor (orphan), ==, GLS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gls_annotation_get_target_exact (orphan, 0), ==, "4 million");
  gls_document_query (changed, 0, 100, found);
  g_assert_cmpuint (found->len, ==, 1);

  g_assert_true (gls_test_save (changed, &error));
  saved = gls_test_read (sidecar);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "anchor=\"orphaned\""));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "<exact>4 million</exact>"));

  again = load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gls_document_get_source_changed (again));
  g_assert_cmpuint (gls_document_get_n_orphaned (again), ==, 1);

  /* anchored again by hand, then undone: the quote comes back with it */
  orphan = gls_annotation_list_get (gls_document_get_annotations (again), 1);
  {
    GlsSpan span = { 31, 40 };

    g_assert_true (gls_document_set_spans (again, orphan, &span, 1, &error));
    g_assert_cmpint (gls_annotation_get_anchor (orphan), ==, GLS_ANCHOR_OK);
    g_assert_true (gls_document_undo (again));
    g_assert_cmpint (gls_annotation_get_anchor (orphan), ==, GLS_ANCHOR_ORPHANED);
    g_assert_cmpstr (gls_annotation_get_target_exact (orphan, 0), ==, "4 million");
  }

  gls_test_rm_rf (dir);
}

/* A sidecar changed by someone else is never overwritten. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) other = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;

  gls_test_write (source, "Some text here.", -1);
  document = load (source, NULL, &error);
  other = load (source, NULL, &error);
  g_assert_no_error (error);

  /* the other one saves first: the sidecar appears after we opened */
  gls_document_annotate (other, "factual", 0, 4, &error);
  g_assert_true (gls_test_save (other, &error));
  theirs = gls_test_read (sidecar);

  gls_document_annotate (document, "opinion", 5, 9, &error);
  g_assert_false (gls_test_save (document, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "a.txt.annotations.xml"));
  g_clear_error (&error);
  g_assert_true (gls_document_get_modified (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);
  after = gls_test_read (sidecar);
  g_assert_true (g_bytes_equal (theirs, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* and when it changes after our load */
  g_clear_object (&document);
  document = load (source, NULL, &error);
  g_assert_no_error (error);
  g_usleep (20 * 1000);
  gls_document_annotate (other, "hedge", 10, 14, &error);
  g_assert_true (gls_test_save (other, &error));
  g_clear_pointer (&theirs, g_bytes_unref);
  theirs = gls_test_read (sidecar);
  gls_document_annotate (document, "opinion", 5, 9, &error);
  g_assert_false (gls_test_save (document, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  after = gls_test_read (sidecar);
  g_assert_true (g_bytes_equal (theirs, after));

  /* a copy elsewhere still works, and the document stays modified */
  {
    g_autofree char *copy = g_build_filename (dir, "copy.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (copy);

    g_assert_true (gls_test_save_copy (document, file, &error));
    g_assert_no_error (error);
    g_assert_true (gls_document_get_modified (document));
  }

  gls_test_rm_rf (dir);
}

/* A save that fails keeps every change and says why, naming the file. */
static void
test_failed_save (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "folder", NULL);
  g_autofree char *source = g_build_filename (sub, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GBytes) before = NULL;

  g_mkdir (sub, 0755);
  gls_test_write (source, "Some text here.", -1);
  document = load (source, NULL, &error);
  gls_document_annotate (document, "factual", 0, 4, &error);
  g_assert_no_error (error);

  /* the folder disappears (an unmounted disk, a moved project) */
  gls_test_rm_rf (sub);
  g_assert_false (gls_test_save (document, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, sidecar));
  g_clear_error (&error);
  g_assert_true (gls_document_get_modified (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);

  /* a read-only folder (only meaningful when not root) */
  g_mkdir (sub, 0755);
  gls_test_write (source, "Some text here.", -1);
  if (getuid () != 0)
    {
      g_chmod (sub, 0555);
      g_assert_false (gls_test_save (document, &error));
      g_assert_error (error, GLS_ERROR, GLS_ERROR_FAILED);
      g_clear_error (&error);
      g_assert_true (gls_document_get_modified (document));
      g_chmod (sub, 0755);
    }

  /* once it can be written, the same document saves */
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (gls_document_get_modified (document));
  before = gls_test_read (sidecar);
  g_assert_cmpuint (g_bytes_get_size (before), >, 0);

  gls_test_rm_rf (dir);
}

static void
test_permissions (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) again = NULL;
  GStatBuf st;

  gls_test_write (source, "Some text here.", -1);
  document = load (source, NULL, &error);
  gls_document_annotate (document, "factual", 0, 4, &error);
  g_assert_true (gls_test_save (document, &error));
  g_assert_cmpint (g_chmod (sidecar, 0640), ==, 0);

  again = load (source, NULL, &error);
  gls_document_annotate (again, "hedge", 5, 9, &error);
  g_assert_true (gls_test_save (again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (sidecar, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  gls_test_rm_rf (dir);
}

/* The encoding named in the sidecar is used to reopen the article. */
static void
test_encoding_remembered (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "latin.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) reloaded = NULL;

  /* valid as ISO-8859-15 and as Windows-1252, but they differ at 0xA4 */
  gls_test_write (source, "Preis: 5 \xA4, caf\xE9.", -1);
  document = gls_test_load (file, "ISO-8859-15", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gls_source_get_text (gls_document_get_source (document), NULL), "Preis: 5 €"));
  gls_document_annotate (document, "statistic", 7, 10, &error);
  g_assert_true (gls_test_save (document, &error));

  reloaded = gls_test_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_source_get_encoding (gls_document_get_source (reloaded)), ==, "ISO-8859-15");
  g_assert_cmpuint (gls_document_get_n_annotations (reloaded), ==, 1);

  gls_test_rm_rf (dir);
}

/* A project codebook in the article's folder is used when there is no
 * sidecar yet; the sidecar's own copy wins afterwards. */
static void
test_codebook_lookup (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *project = g_build_filename (dir, "codebook.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) reloaded = NULL;

  gls_test_write (source, "Some text here.", -1);
  gls_test_write (project,
                  "<codebook xmlns=\"https://glossator.github.io/ns/annotations/1\" id=\"project\">"
                  "<category id=\"claim\" key=\"1\"><label>Claim</label></category></codebook>", -1);
  document = load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_codebook_get_id (gls_document_get_codebook (document)), ==, "project");
  g_assert_nonnull (gls_document_annotate (document, "claim", 0, 4, &error));
  g_assert_null (gls_document_annotate (document, "factual", 0, 4, &error));
  g_clear_error (&error);
  g_assert_true (gls_test_save (document, &error));

  /* a broken project codebook no longer matters: the sidecar has a copy */
  gls_test_write (project, "not xml", -1);
  reloaded = load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_codebook_get_id (gls_document_get_codebook (reloaded)), ==, "project");

  /* but a new article in the folder reports it */
  {
    g_autofree char *other = g_build_filename (dir, "b.txt", NULL);
    g_autoptr(GlsDocument) broken = NULL;

    gls_test_write (other, "More.", -1);
    broken = load (other, NULL, &error);
    g_assert_null (broken);
    g_assert_nonnull (strstr (error->message, "codebook.xml"));
  }

  gls_test_rm_rf (dir);
}

/* A DOCTYPE after a comment, and files that are not UTF-8 (where the
 * DOCTYPE check would not see one), are refused before any parsing: in
 * sidecars and in inline imports alike. */
static void
test_prolog (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *sidecar = sidecar_path (source);
  const char doctype[] = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<annotations/>\n";
  /* "<?xml" in UTF-16LE with a BOM */
  const char utf16[] = "\xFF\xFE<\0?\0x\0m\0l\0 \0?\0>\0";
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  gls_test_write (source, "Some text.", -1);

  gls_test_write (sidecar, doctype, -1);
  document = load (source, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, ":3:"));
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));
  g_clear_error (&error);

  gls_test_write (sidecar, utf16, sizeof utf16 - 1);
  document = load (source, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* the inline import */
  g_unlink (sidecar);
  document = load (source, NULL, &error);
  g_assert_no_error (error);
  {
    const GlsFormat *format = gls_format_lookup ("inline");
    g_autoptr(GlsImportReport) report = gls_import_report_new ();
    g_autoptr(GBytes) bytes = g_bytes_new_static (doctype, sizeof doctype - 1);

    g_assert_false (gls_format_import (format, document, bytes, "in.xml", GLS_IMPORT_MERGE, report, &error));
    g_assert_nonnull (strstr (error->message, "in.xml:3"));
    g_assert_nonnull (strstr (error->message, "DOCTYPE"));
    g_clear_error (&error);
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = g_bytes_new_static (utf16, sizeof utf16 - 1);
    g_assert_false (gls_format_import (format, document, bytes, "in.xml", GLS_IMPORT_MERGE, report, &error));
    g_assert_nonnull (strstr (error->message, "UTF-8"));
  }

  gls_test_rm_rf (dir);
}

/* Characters XML cannot hold never reach the file, whatever field they
 * come in: what Glossator writes, it reads. */
static void
test_unwritable_characters (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) reloaded = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autoptr(GlsCategory) category = gls_category_new ("odd");
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;

  gls_test_write (source, "Some text here.", -1);
  document = load (source, NULL, &error);
  gls_document_set_annotator (document, "Jane\xEF\xBF\xBF Doe\x01");
  annotation = gls_document_annotate (document, "factual", 0, 4, &error);
  g_assert_no_error (error);
  gls_document_set_annotation_note (document, annotation, "a\xEF\xBF\xBE note");
  gls_document_set_attribute (document, annotation, "k\x02ey", "va\xEF\xBF\xBFlue");

  codebook = gls_codebook_copy (gls_document_get_codebook (document));
  gls_category_set_label (category, NULL, "Odd\xEF\xBF\xBE label");
  gls_category_set_color (category, "red");
  g_assert_null (gls_category_get_color (category));
  gls_codebook_add_category (codebook, NULL, category, &error);
  gls_document_set_codebook (document, codebook);

  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);

  reloaded = load (source, NULL, &error);
  g_assert_no_error (error);
  annotation = gls_annotation_list_get (gls_document_get_annotations (reloaded), 0);
  g_assert_cmpstr (gls_annotation_get_annotator (annotation), ==, "Jane Doe");
  g_assert_cmpstr (gls_annotation_get_note (annotation), ==, "a note");
  g_assert_cmpstr (gls_category_get_label (gls_codebook_lookup (gls_document_get_codebook (reloaded), "odd")), ==, "Odd label");

  gls_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sidecar/round-trip/texts", test_round_trip_texts);
  g_test_add_func ("/sidecar/round-trip/long-line", test_round_trip_long_line);
  g_test_add_func ("/sidecar/round-trip/seeds", test_round_trip_seeds);
  g_test_add_func ("/sidecar/hostile", test_hostile);
  g_test_add_func ("/sidecar/empty", test_empty_sidecar);
  g_test_add_func ("/sidecar/prolog", test_prolog);
  g_test_add_func ("/sidecar/unwritable-characters", test_unwritable_characters);
  g_test_add_func ("/sidecar/valid-fixtures", test_valid_fixtures);
  g_test_add_func ("/sidecar/foreign", test_foreign);
  g_test_add_func ("/sidecar/unknown-category", test_unknown_category);
  g_test_add_func ("/sidecar/orphans", test_orphans);
  g_test_add_func ("/sidecar/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/sidecar/failed-save", test_failed_save);
  g_test_add_func ("/sidecar/permissions", test_permissions);
  g_test_add_func ("/sidecar/encoding-remembered", test_encoding_remembered);
  g_test_add_func ("/sidecar/codebook-lookup", test_codebook_lookup);

  return g_test_run ();
}
