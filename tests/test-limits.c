/* test-limits.c
 * Whatever is written must load again: every import format, with what
 * other tools really write (huge notes, bad dates, deep codebooks), is
 * imported, saved and loaded; or refused with nothing written. */
#define G_LOG_DOMAIN "gls-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gls-test-util.h"

#define ARTICLE "Officials said prices rose by 4 percent in March, the ministry confirmed.\n"

typedef struct
{
  char            *dir;
  char            *article;
  char            *sidecar;
  GlsDocumentFile *document_file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = gls_test_tmpdir ();
  fixture->article = g_build_filename (fixture->dir, "article.txt", NULL);
  fixture->sidecar = g_strconcat (fixture->article, ".annotations.xml", NULL);
  gls_test_write (fixture->article, ARTICLE, -1);
  file = g_file_new_for_path (fixture->article);
  fixture->document_file = gls_document_file_new (file);
  g_assert_true (gls_document_file_load (fixture->document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document_file);
  gls_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->article);
  g_free (fixture->sidecar);
}

/* Imports @text as @format_name, saves, and loads the sidecar again.
 * Returns the document loaded, or %NULL when the import was refused, in
 * which case nothing may have been written. *@warnings gets the report's
 * warnings. */
static GlsDocument *
import_save_load (Fixture     *fixture,
                  const char  *format_name,
                  GBytes      *bytes,
                  char       **warnings)
{
  GlsDocument *document = gls_document_file_get_document (fixture->document_file);
  g_autoptr(GlsImportReport) report = gls_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->article);
  GlsDocument *loaded;

  if (!gls_format_import (gls_format_lookup (format_name), document, bytes, "imported", GLS_IMPORT_MERGE,
                          report, &error))
    {
      g_assert_false (g_file_test (fixture->sidecar, G_FILE_TEST_EXISTS));
      g_assert_false (gls_document_get_modified (document));
      if (warnings != NULL)
        *warnings = g_strdup (error->message);
      return NULL;
    }

  if (warnings != NULL)
    *warnings = gls_problems_to_string (gls_import_report_get_problems (report), GLS_PROBLEM_WARNING);

  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_no_error (error);

  loaded = gls_test_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  return loaded;
}

static GBytes *
brat_with (const char *line,
           gsize       filler)
{
  g_autoptr(GString) text = g_string_new ("T1\tClaim 0 9\tOfficials\n");

  g_string_append (text, line);
  for (gsize i = 0; i < filler; i++)
    g_string_append_c (text, 'x');
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static guint
note_length (GlsDocument *document)
{
  GlsAnnotation *annotation = gls_annotation_list_get (gls_document_get_annotations (document), 0);

  return (guint) g_utf8_strlen (gls_annotation_get_note (annotation), -1);
}

/* brat's #AnnotatorNotes of 10 MB: one libxml2 text node could not hold
 * it; imported cut to the limit, with a warning, and it loads again. */
static void
test_brat_huge_note (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) ann = brat_with ("#1\tAnnotatorNotes T1\t", 10 * 1024 * 1024);
  g_autofree char *warnings = NULL;
  g_autoptr(GlsDocument) loaded = import_save_load (fixture, "brat", ann, &warnings);

  g_assert_nonnull (loaded);
  g_assert_nonnull (strstr (warnings, "was cut"));
  g_assert_cmpuint (note_length (loaded), ==, 1000000);
}

/* A brat attribute with a 10 MB value. */
static void
test_brat_huge_attribute (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) ann = brat_with ("A1\tCertainty T1 ", 10 * 1024 * 1024);
  g_autofree char *warnings = NULL;
  g_autoptr(GlsDocument) loaded = import_save_load (fixture, "brat", ann, &warnings);
  GlsAnnotation *annotation;

  g_assert_nonnull (loaded);
  g_assert_nonnull (strstr (warnings, "was cut"));
  annotation = gls_annotation_list_get (gls_document_get_annotations (loaded), 0);
  g_assert_cmpuint (gls_annotation_get_n_attributes (annotation), ==, 1);
  g_assert_cmpuint (g_utf8_strlen (gls_annotation_get_attribute_value (annotation, 0), -1), ==, 1000000);
}

/* The inline export of a one-annotation document, with @find replaced. */
static GBytes *
inline_with (const char *find,
             const char *replace)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text (ARTICLE, "inline.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = NULL;
  GlsAnnotation *annotation;

  annotation = gls_document_annotate (document, "factual", 0, 9, &error);
  g_assert_no_error (error);
  gls_document_set_annotation_note (document, annotation, "PLACEHOLDER");
  bytes = gls_format_export (gls_format_lookup ("inline"), document, &error);
  g_assert_no_error (error);

  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* A malformed date and one that is not in the calendar: the time of the
 * import, with a warning. */
static void
test_inline_bad_dates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) with_placeholder = inline_with ("<note>PLACEHOLDER</note>", "<note>PLACEHOLDER</note>");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (with_placeholder, NULL),
                                              g_bytes_get_size (with_placeholder));
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *warnings = NULL;
  g_autoptr(GlsDocument) loaded = NULL;
  GRegex *created = g_regex_new ("created=\"[^\"]*\" modified=\"[^\"]*\"", 0, 0, NULL);
  char *replaced = g_regex_replace_literal (created, text->str, -1, 0,
                                            "created=\"yesterday\" modified=\"2023-02-29T10:00:00Z\"", 0, NULL);

  g_regex_unref (created);
  bytes = g_bytes_new_take (replaced, strlen (replaced));
  loaded = import_save_load (fixture, "inline", bytes, &warnings);

  g_assert_nonnull (loaded);
  g_assert_nonnull (strstr (warnings, "“yesterday”"));
  g_assert_nonnull (strstr (warnings, "“2023-02-29T10:00:00Z”"));
  g_assert_true (g_str_has_prefix (gls_annotation_get_created (gls_annotation_list_get (gls_document_get_annotations (loaded), 0)), "20"));
}

/* A note of two 6 MB halves split by a comment: each text node is under
 * libxml2's limit, the note is not. */
static void
test_inline_split_note (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) note = g_string_new ("<note>");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *warnings = NULL;
  g_autoptr(GlsDocument) loaded = NULL;

  for (guint half = 0; half < 2; half++)
    {
      for (guint i = 0; i < 6 * 1024 * 1024; i++)
        g_string_append_c (note, half ? 'b' : 'a');
      if (half == 0)
        g_string_append (note, "<!-- a comment in the middle -->");
    }
  g_string_append (note, "</note>");

  bytes = inline_with ("<note>PLACEHOLDER</note>", note->str);
  loaded = import_save_load (fixture, "inline", bytes, &warnings);
  g_assert_nonnull (loaded);
  g_assert_nonnull (strstr (warnings, "was cut"));
  g_assert_cmpuint (note_length (loaded), ==, 1000000);
}

/* A codebook nested deeper than a reader takes: refused, nothing written. */
static void
test_inline_deep_codebook (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) nested = g_string_new ("<codebook id=\"deep\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GlsDocument) loaded = NULL;
  g_autoptr(GBytes) plain = inline_with ("<note>PLACEHOLDER</note>", "<note>PLACEHOLDER</note>");
  const char *text = g_bytes_get_data (plain, NULL);
  const char *start = strstr (text, "<codebook");
  const char *end = strstr (text, "</codebook>") + strlen ("</codebook>");
  g_autoptr(GString) whole = g_string_new_len (text, start - text);

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (nested, "<category id=\"level%u\"><label>Level %u</label>", i, i);
  for (guint i = 0; i < 20; i++)
    g_string_append (nested, "</category>");
  g_string_append (nested, "</codebook>");
  g_string_append (whole, nested->str);
  g_string_append (whole, end);

  bytes = g_bytes_new (whole->str, whole->len);
  loaded = import_save_load (fixture, "inline", bytes, &message);
  g_assert_null (loaded);
  g_assert_nonnull (strstr (message, "nested more than 16 levels"));
}

static void
write_nested_codebook (const char *path,
                       guint       depth)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<codebook xmlns=\"https://glossator.github.io/ns/annotations/1\" id=\"deep\">\n"
                                          "  <label>Deep</label>\n");

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (text, "<category id=\"c%u\"><label>C%u</label>\n", i, i);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "</category>");
  g_string_append (text, "\n</codebook>\n");
  gls_test_write (path, text->str, text->len);
}

/* A codebook file nested 255 levels: refused where it is read, with its
 * file and line; 16 levels are fine. */
static void
test_codebook_depth (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "codebook.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsCodebook) fine = NULL;
  g_autoptr(GlsCodebook) deep = NULL;

  write_nested_codebook (path, 16);
  fine = gls_codebook_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fine);

  write_nested_codebook (path, 255);
  deep = gls_codebook_new_from_file (file, NULL, NULL, &error);
  g_assert_null (deep);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "codebook.xml:20"));
  g_assert_nonnull (strstr (error->message, "nested more than 16 levels"));
}

/* Dates in a sidecar are xsd:dateTime and in the calendar. */
static void
test_sidecar_dates (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { const char *date; gboolean valid; } cases[] = {
    { "2024-02-29T10:00:00Z", TRUE },
    { "2024-02-30T00:00:00Z", FALSE },
    { "2023-02-29T00:00:00Z", FALSE },
    { "2024-04-31T00:00:00Z", FALSE },
    { "2024-12-31T23:59:59.5+01:00", TRUE },
    { "2024-13-01T00:00:00Z", FALSE },
  };
  GlsDocument *document = gls_document_file_get_document (fixture->document_file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->article);
  g_autoptr(GBytes) saved = NULL;

  gls_document_annotate (document, "factual", 0, 9, &error);
  g_assert_no_error (error);
  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  saved = gls_test_read (fixture->sidecar);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
      g_autoptr(GRegex) created = g_regex_new ("created=\"[^\"]*\"", 0, 0, NULL);
      g_autofree char *attribute = g_strdup_printf ("created=\"%s\"", cases[i].date);
      g_autofree char *replaced = g_regex_replace_literal (created, text->str, -1, 0, attribute, 0, NULL);
      g_autoptr(GlsDocument) loaded = NULL;
      g_autoptr(GError) load_error = NULL;

      gls_test_write (fixture->sidecar, replaced, -1);
      loaded = gls_test_load (file, NULL, NULL, NULL, &load_error);
      if (cases[i].valid != (loaded != NULL))
        g_error ("the date %s was %s", cases[i].date, loaded ? "taken" : load_error->message);
    }
}

/* Every import fixture: imported, saved and loaded again, or refused with
 * nothing written. */
static void
test_round_trip_fixtures (void)
{
  const char *folders[] = { "brat", "csv", "bad" };
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = gls_test_data_path ("formats", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          const char *format = g_str_has_suffix (name, ".ann") ? "brat" :
                               g_str_has_suffix (name, ".labels") ? "semeval" :
                               g_str_has_suffix (name, ".inline.xml") ? "inline" : NULL;
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *stem = NULL;
          g_autofree char *text_path = NULL;
          Fixture fixture = { 0, };
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GlsDocument) loaded = NULL;

          if (format == NULL)
            continue;

          stem = g_strndup (name, strchr (name, '.') - name);
          text_path = g_strdup_printf ("%s/%s.txt", folder, stem);
          if (!g_file_test (text_path, G_FILE_TEST_EXISTS))
            {
              g_free (text_path);
              text_path = g_build_filename (folder, "article.txt", NULL);
            }

          fixture_set_up (&fixture, NULL);
          {
            g_autoptr(GBytes) article = gls_test_read (text_path);
            g_autoptr(GFile) file = g_file_new_for_path (fixture.article);
            g_autoptr(GError) error = NULL;

            gls_test_write (fixture.article, g_bytes_get_data (article, NULL), g_bytes_get_size (article));
            g_clear_object (&fixture.document_file);
            fixture.document_file = gls_document_file_new (file);
            g_assert_true (gls_document_file_load (fixture.document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
          }
          bytes = gls_test_read (path);
          loaded = import_save_load (&fixture, format, bytes, NULL);
          g_test_message ("%s/%s: %s", folders[f], name, loaded ? "imported, saved, loaded" : "refused, nothing written");
          fixture_tear_down (&fixture, NULL);
          n++;
        }
    }

  g_assert_cmpuint (n, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/limits/brat-huge-note", test_brat_huge_note);
  ADD ("/limits/brat-huge-attribute", test_brat_huge_attribute);
  ADD ("/limits/inline-bad-dates", test_inline_bad_dates);
  ADD ("/limits/inline-split-note", test_inline_split_note);
  ADD ("/limits/inline-deep-codebook", test_inline_deep_codebook);
  ADD ("/limits/codebook-depth", test_codebook_depth);
  ADD ("/limits/sidecar-dates", test_sidecar_dates);
  g_test_add_func ("/limits/round-trip-fixtures", test_round_trip_fixtures);

  return g_test_run ();
}
