/* test-source.c
 * Decoding articles (FORMAT.md §5) and code point offsets (§1). */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-test-util.h"

/* Every text in tests/data/texts decodes as its manifest says; the figures
 * there were computed with Python, not with this decoder. */
static void
test_manifest (void)
{
  g_autofree char *manifest = gls_test_data_path ("texts", "MANIFEST.tsv", NULL);
  g_auto(GStrv) cells = NULL;
  guint columns, n_ok = 0, n_refused = 0;

  cells = gls_test_read_manifest (manifest, &columns);
  g_assert_cmpuint (columns, ==, 6);

  for (guint i = 0; cells[i] != NULL; i += columns)
    {
      const char *name = cells[i], *encoding = cells[i + 1], *bom = cells[i + 2];
      const char *newlines = cells[i + 3], *length = cells[i + 4], *expect = cells[i + 5];
      g_autofree char *path = gls_test_data_path ("texts", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsSource) source = NULL;

      g_test_message ("%s", name);
      source = gls_source_new_for_file (file, NULL, NULL, &error);

      if (strcmp (expect, "ok") == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (gls_source_get_encoding (source), ==, encoding);
          g_assert_cmpint (gls_source_get_bom (source), ==, strcmp (bom, "true") == 0);
          g_assert_cmpstr (gls_newlines_to_string (gls_source_get_newlines (source)), ==, newlines);
          g_assert_cmpuint (gls_source_get_length (source), ==, g_ascii_strtoull (length, NULL, 10));
          g_assert_cmpuint (strlen (gls_source_get_sha256 (source)), ==, 64);
          n_ok++;
        }
      else
        {
          g_assert_null (source);
          g_assert_nonnull (error);
          if (strcmp (expect, "binary") == 0)
            g_assert_error (error, GLS_ERROR, GLS_ERROR_BINARY);
          else
            g_assert_error (error, GLS_ERROR, GLS_ERROR_DECODE);
          /* the message names the file */
          g_assert_nonnull (strstr (error->message, name));
          n_refused++;
        }
    }

  g_assert_cmpuint (n_ok, >=, 12);
  g_assert_cmpuint (n_refused, >=, 3);
}

static GlsSource *
source_from_string (const char *text,
                    const char *encoding)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GlsSource *source = gls_source_new_from_bytes (bytes, "test.txt", encoding, &error);

  g_assert_no_error (error);
  return source;
}

/* The offset index agrees with walking the text, around every stride. */
static void
test_pointer (void)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autoptr(GlsSource) source = NULL;
  const char *text;
  guint length;

  for (guint i = 0; i < 700; i++)
    {
      switch (i % 7)
        {
        case 0: g_string_append (str, "a"); break;
        case 1: g_string_append (str, "é"); break;
        case 2: g_string_append (str, "\r\n"); break;
        case 3: g_string_append (str, "😀"); break;
        case 4: g_string_append (str, "ک"); break;
        case 5: g_string_append (str, "\r"); break;
        default: g_string_append (str, "中"); break;
        }
    }

  source = source_from_string (str->str, NULL);
  text = gls_source_get_text (source, NULL);
  length = gls_source_get_length (source);
  g_assert_cmpuint (length, ==, g_utf8_strlen (str->str, -1));
  g_assert_cmpint (gls_source_get_newlines (source), ==, GLS_NEWLINES_MIXED);

  for (guint i = 0; i <= length; i++)
    g_assert_true (gls_source_get_pointer (source, i) == g_utf8_offset_to_pointer (text, i));

  /* beyond the end: the end */
  g_assert_true (gls_source_get_pointer (source, length + 10) == text + strlen (text));
}

static void
test_quotes (void)
{
  g_autoptr(GlsSource) source = source_from_string ("ab\x01" "c😀d\fe, then ordinary text", NULL);
  g_autofree char *range = NULL;
  g_autofree char *quote = NULL;

  g_assert_cmpuint (gls_source_get_length (source), ==, 28);
  range = gls_source_dup_range (source, 2, 5);
  g_assert_cmpstr (range, ==, "\x01" "c😀");
  quote = gls_source_dup_quote (source, 0, 8);
  /* C0 controls XML cannot hold become U+FFFD */
  g_assert_cmpstr (quote, ==, "ab\xEF\xBF\xBD" "c😀d\xEF\xBF\xBD" "e");

  g_assert_true (gls_source_quote_matches (source, 0, 8, quote));
  g_assert_true (gls_source_quote_matches (source, 3, 5, "c😀"));
  /* U+FFFD in a quote matches any one character */
  g_assert_true (gls_source_quote_matches (source, 3, 5, "c\xEF\xBF\xBD"));
  g_assert_false (gls_source_quote_matches (source, 3, 5, "c"));
  g_assert_false (gls_source_quote_matches (source, 3, 5, "c😀d"));
  g_assert_false (gls_source_quote_matches (source, 3, 5, "x😀"));
  g_assert_false (gls_source_quote_matches (source, 7, 9, "e"));
}

static void
test_bom_and_encodings (void)
{
  g_autoptr(GlsSource) utf8 = source_from_string ("\xEF\xBB\xBFhi", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) latin = g_bytes_new_static ("caf\xE9 \x93ok\x94 \x81", 11);
  g_autoptr(GlsSource) cp1252 = NULL;
  g_autoptr(GlsSource) forced = NULL;

  g_assert_true (gls_source_get_bom (utf8));
  g_assert_cmpuint (gls_source_get_length (utf8), ==, 2);
  g_assert_cmpstr (gls_source_get_text (utf8, NULL), ==, "hi");

  cp1252 = gls_source_new_from_bytes (latin, "latin.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_source_get_encoding (cp1252), ==, "WINDOWS-1252");
  /* curly quotes, and an undefined byte kept as its C1 control */
  g_assert_cmpstr (gls_source_get_text (cp1252, NULL), ==, "café “ok” \xC2\x81");

  /* the same bytes forced to UTF-8 are refused, naming the file */
  forced = gls_source_new_from_bytes (latin, "latin.txt", "UTF-8", &error);
  g_assert_null (forced);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_DECODE);
  g_assert_nonnull (strstr (error->message, "latin.txt"));
  g_clear_error (&error);

  /* and another single-byte encoding chosen by the user */
  forced = gls_source_new_from_bytes (latin, "latin.txt", "ISO-8859-15", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_source_get_encoding (forced), ==, "ISO-8859-15");
  g_assert_true (g_str_has_prefix (gls_source_get_text (forced, NULL), "café"));
}

static void
test_empty_bytes (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsSource) source = gls_source_new_from_bytes (bytes, "empty.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpuint (gls_source_get_length (source), ==, 0);
  g_assert_cmpstr (gls_source_get_text (source, NULL), ==, "");
}

static void
test_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/article.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsSource) source = gls_source_new_for_file (file, NULL, NULL, &error);

  g_assert_null (source);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/article.txt"));
}

/* A 5 MB article on a single line. */
static void
test_long_line (void)
{
  const gsize size = 5 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GlsSource) source = NULL;

  for (gsize i = 0; i < size; i++)
    text[i] = "lorem ipsum "[i % 12];
  text[size] = '\0';
  memcpy (text + size / 2, "\xC3\xA9", 2);

  source = source_from_string (text, NULL);
  g_assert_cmpuint (gls_source_get_length (source), ==, size - 1);
  g_assert_cmpint (gls_source_get_newlines (source), ==, GLS_NEWLINES_NONE);
  g_assert_true (gls_source_get_pointer (source, size / 2 + 1) == gls_source_get_text (source, NULL) + size / 2 + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/source/manifest", test_manifest);
  g_test_add_func ("/source/pointer", test_pointer);
  g_test_add_func ("/source/quotes", test_quotes);
  g_test_add_func ("/source/bom-and-encodings", test_bom_and_encodings);
  g_test_add_func ("/source/missing", test_missing);
  g_test_add_func ("/source/empty-bytes", test_empty_bytes);
  g_test_add_func ("/source/long-line", test_long_line);

  return g_test_run ();
}
