/* test-html.c
 * HTML articles (FORMAT.md §5): the extracted text of saved pages, checked
 * against texts written by hand from the rule, offsets, sidecars, exports,
 * re-anchoring, and malformed pages that must not crash. */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gls-core.h"
#include "gls-html-private.h"
#include "gls-test-util.h"

typedef struct
{
  const char *name;
  const char *encoding;
  guint       length;   /* code points of the .expected file, by Python */
} Page;

/* The pages in tests/data/html, each with NAME.expected: its extracted text
 * written by hand from the rule, not by this extractor. */
static const Page pages[] = {
  /* meta http-equiv windows-1252: script, style, nav, entities, nested
   * lists, br, pre, an empty paragraph, noscript, template */
  { "port-strike.html", "WINDOWS-1252", 372 },
  /* meta charset=iso-8859-1 read as browsers do (Windows-1252), CRLF,
   * tables, dl, hr, br br, deep divs */
  { "markets-latin1.htm", "WINDOWS-1252", 130 },
  /* XHTML, UTF-8 without meta, astral characters, pre kept as written */
  { "emoji.xhtml", "UTF-8", 81 },
  /* no extension: found by its doctype, after a BOM and blank lines */
  { "saved-page", "UTF-8", 28 },
};

/* A copy of port-strike.html in a folder of its own. */
typedef struct
{
  char *dir;
  char *article;
  char *sidecar;
  char *sha256;   /* of the page's bytes */
} Fixture;

static char *copy_page (const char *name,
                        const char *dir);

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;

  f->dir = gls_test_tmpdir ();
  f->article = copy_page ("port-strike.html", f->dir);
  f->sidecar = g_strconcat (f->article, ".annotations.xml", NULL);
  bytes = gls_test_read (f->article);
  f->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gls_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->article);
  g_free (f->sidecar);
  g_free (f->sha256);
}

static char *
copy_page (const char *name,
           const char *dir)
{
  g_autofree char *path = gls_test_data_path ("html", name, NULL);

  return gls_test_copy (path, dir, NULL);
}

static GlsSource *
load_page (const char *name)
{
  g_autofree char *path = gls_test_data_path ("html", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlsSource *source = gls_source_new_for_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return source;
}

static char *
expected_text (const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".expected", NULL);
  g_autofree char *path = gls_test_data_path ("html", file_name, NULL);
  g_autoptr(GBytes) bytes = gls_test_read (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_pages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GlsSource) source = load_page (pages[i].name);
      g_autofree char *expected = expected_text (pages[i].name);

      g_test_message ("%s", pages[i].name);
      g_assert_cmpint (gls_source_get_kind (source), ==, GLS_SOURCE_KIND_HTML);
      g_assert_cmpstr (gls_source_get_text (source, NULL), ==, expected);
      g_assert_cmpstr (gls_source_get_encoding (source), ==, pages[i].encoding);
      g_assert_cmpuint (gls_source_get_length (source), ==, pages[i].length);
    }
}

/* Offsets count code points of the extracted text; the figures were
 * computed by Python over the .expected files. */
static void
test_offsets (void)
{
  static const struct { const char *page; guint start, end; const char *quote; } quotes[] = {
    { "port-strike.html", 67, 78, "Ren\u00e9 Dubois" },
    { "port-strike.html", 192, 201, "\u201cFinally\u201d" },
    { "port-strike.html", 217, 224, "at work" },
    { "port-strike.html", 162, 165, "12\u20ac" },
    { "port-strike.html", 294, 306, "cargo   tons" },
    { "emoji.xhtml", 12, 17, "Gr\u00fc\u00dfe" },
    { "emoji.xhtml", 72, 76, "\u05e9\u05dc\u05d5\u05dd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      g_autoptr(GlsSource) source = load_page (quotes[i].page);
      g_autofree char *range = gls_source_dup_range (source, quotes[i].start, quotes[i].end);

      g_assert_cmpstr (range, ==, quotes[i].quote);
    }
}

static gpointer
extract_in_thread (gpointer data)
{
  return load_page (data);
}

/* The same bytes always give the same text: again and again, under another
 * name, and in threads at the same time. */
static void
test_deterministic (void)
{
  g_autofree char *path = gls_test_data_path ("html", "port-strike.html", NULL);
  g_autoptr(GBytes) bytes = gls_test_read (path);
  g_autoptr(GlsSource) first = load_page ("port-strike.html");
  const char *text = gls_source_get_text (first, NULL);
  GThread *threads[4];

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsSource) again = gls_source_new_from_bytes (bytes, i % 2 ? "copy.htm" : "other.HTML",
                                                              NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (gls_source_get_text (again, NULL), ==, text);
      g_assert_cmpstr (gls_source_get_sha256 (again), ==, gls_source_get_sha256 (first));
    }

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", extract_in_thread, (gpointer) "port-strike.html");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GlsSource) source = g_thread_join (threads[i]);

      g_assert_cmpstr (gls_source_get_text (source, NULL), ==, text);
    }
}

static void
test_detect (void)
{
  static const struct { const char *name; const char *content; gboolean html; } cases[] = {
    { "a.html", "plain words", TRUE },
    { "A.HTM", "", TRUE },
    { "b.xhtml", "<?xml version=\"1.0\"?><html/>", TRUE },
    { "c.txt", "<!DOCTYPE html><p>x", TRUE },
    { "c.txt", "\xef\xbb\xbf\n <!doctype  HTML>", TRUE },
    { "d.txt", "<HTML lang=en>", TRUE },
    { "d.txt", "<html>", TRUE },
    { "e.txt", "<htmlx>", FALSE },
    { "e.txt", "About <html> tags", FALSE },
    { "e.txt", "<!DOCTYPE svg>", FALSE },
    { "html", "words", FALSE },
    { NULL, "<html>", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (_gls_html_is_html (cases[i].name, (const guint8 *) cases[i].content,
                                        strlen (cases[i].content)), ==, cases[i].html);

  /* and a text file is still read as text, untouched */
  {
    const char *text = "<p>not html</p>\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
    g_autoptr(GlsSource) source = gls_source_new_from_bytes (bytes, "notes.txt", NULL, NULL);

    g_assert_cmpint (gls_source_get_kind (source), ==, GLS_SOURCE_KIND_TEXT);
    g_assert_cmpstr (gls_source_get_text (source, NULL), ==, text);
  }
}

/* What a page declares, and what is made of it. */
static void
test_encodings (void)
{
  static const struct { const char *head; const char *encoding; } cases[] = {
    { "<meta charset=\"utf-8\">", "UTF-8" },
    { "<meta charset='ISO-8859-1'>", "WINDOWS-1252" },
    { "<meta http-equiv=content-type content='text/html;charset=us-ascii'>", "WINDOWS-1252" },
    { "<meta charset=\"utf-16\">", "UTF-8" },
    { "<meta charset=\"koi8-r\">", "KOI8-R" },
    { "<meta charset=\"no-such-encoding\">", "UTF-8" },
    { "<meta name=description content='charset=koi8-r'>", "UTF-8" },
    { "", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf ("<html><head>%s</head><body>x</body></html>", cases[i].head);
      g_autofree char *found = _gls_html_sniff_encoding ((const guint8 *) page, strlen (page));

      g_assert_cmpstr (found, ==, cases[i].encoding);
    }

  /* KOI8-R bytes become Cyrillic text */
  {
    const char *page = "<html><head><meta charset=koi8-r></head><body><p>\xf0\xd2\xc1\xd7\xc4\xc1</p></body></html>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
    g_autoptr(GError) error = NULL;
    g_autoptr(GlsSource) source = gls_source_new_from_bytes (bytes, "ru.html", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gls_source_get_text (source, NULL), ==, "\u041f\u0440\u0430\u0432\u0434\u0430");
  }

  /* no meta and not UTF-8: refused, naming the file, like a text file */
  {
    const char *page = "<html><body><p>caf\xe9</p></body></html>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
    g_autoptr(GError) error = NULL;
    g_autoptr(GlsSource) source = gls_source_new_from_bytes (bytes, "cafe.html", NULL, &error);

    g_assert_null (source);
    g_assert_error (error, GLS_ERROR, GLS_ERROR_DECODE);
    g_assert_nonnull (strstr (error->message, "cafe.html"));
  }
}

static char *
read_string (const char *path)
{
  g_autoptr(GBytes) bytes = gls_test_read (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GlsDocument *
load_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlsDocument *document = gls_test_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* A saved sidecar names the page as HTML, version 1.1, the hash of the
 * page's bytes and the length of its text; it opens again as it was. */
static void
test_sidecar (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *source_element = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GlsDocument) document = load_document (f->article);
  g_autoptr(GlsDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;

  annotation = gls_document_annotate (document, "factual", 67, 78, &error);
  g_assert_no_error (error);
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);

  xml = read_string (f->sidecar);
  source_element = g_strdup_printf ("<source href=\"port-strike.html\" type=\"html\" encoding=\"WINDOWS-1252\" "
                                    "bom=\"false\" newlines=\"lf\" length=\"372\" sha256=\"%s\"/>", f->sha256);
  g_assert_nonnull (strstr (xml, source_element));
  g_assert_nonnull (strstr (xml, "version=\"1.1\""));
  g_assert_nonnull (strstr (xml, "<exact>Ren\u00e9 Dubois</exact>"));
  g_assert_nonnull (strstr (xml, "<suffix>, said the deal was \u201cfair\u201d &amp; fin</suffix>"));

  again = load_document (f->article);
  g_assert_false (gls_document_get_source_changed (again));
  g_assert_cmpuint (gls_document_get_n_annotations (again), ==, 1);
  annotation = gls_document_lookup_annotation (again, gls_annotation_get_id (annotation));
  g_assert_nonnull (annotation);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 67);
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 78);
}

/* A page annotated as plain text before HTML was read as HTML: the same
 * bytes, another text, so its annotations are re-anchored, not trusted. */
static void
test_sidecar_was_text (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *xml = NULL;
  g_autoptr(GlsDocument) document = NULL;
  GlsAnnotation *annotation;

  /* "René Dubois" as a plain text reader saw it: cp1252 bytes, offsets of
   * the raw page (a quote that no longer is at those offsets) */
  xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<annotations xmlns=\"https://glossator.github.io/ns/annotations/1\" version=\"1.0\">\n"
                         "<source href=\"port-strike.html\" encoding=\"WINDOWS-1252\" bom=\"false\" newlines=\"lf\" "
                         "length=\"1257\" sha256=\"%s\"/>\n"
                         "<annotation id=\"a-1\" category=\"factual\"><target start=\"600\" end=\"611\">"
                         "<exact>Ren\u00e9 Dubois</exact></target></annotation>\n"
                         "</annotations>\n", f->sha256);
  gls_test_write (f->sidecar, xml, -1);

  document = load_document (f->article);
  g_assert_true (gls_document_get_source_changed (document));
  annotation = gls_document_lookup_annotation (document, "a-1");
  g_assert_cmpint (gls_annotation_get_anchor (annotation), !=, GLS_ANCHOR_ORPHANED);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 67);
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 78);
}

/* The page is edited: a paragraph before the annotation moves it, over the
 * extracted text (FORMAT.md §2.1 unchanged). */
static void
test_reanchor (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GlsDocument) document = load_document (f->article);
  g_autoptr(GlsDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = read_string (f->article);
  g_autofree char *edited = NULL;
  g_autofree char *quote = NULL;
  GlsAnnotation *annotation;
  const char *id;
  char *at;

  annotation = gls_document_annotate (document, "factual", 192, 201, &error);
  g_assert_no_error (error);
  id = gls_annotation_get_id (annotation);
  g_assert_true (gls_test_save (document, &error));

  /* "<article>\n" gets a new first paragraph of 10 code points + "\n\n" */
  at = strstr (page, "<article>");
  g_assert_nonnull (at);
  at += strlen ("<article>");
  edited = g_strdup_printf ("%.*s<p>Breaking:</p>\n<script>x()</script>%s", (int) (at - page), page, at);
  gls_test_write (f->article, edited, -1);

  again = load_document (f->article);
  g_assert_true (gls_document_get_source_changed (again));
  annotation = gls_document_lookup_annotation (again, id);
  g_assert_cmpint (gls_annotation_get_anchor (annotation), ==, GLS_ANCHOR_MOVED);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 192 + 11);
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 201 + 11);
  quote = gls_source_dup_range (gls_document_get_source (again), 203, 212);
  g_assert_cmpstr (quote, ==, "\u201cFinally\u201d");
}

/* The text elements of an inline export, with its s elements flattened. */
static char *
inline_text (GBytes *bytes)
{
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL,
                                 XML_PARSE_NONET);
  xmlNodePtr text;
  xmlChar *content;
  char *result;

  g_assert_nonnull (doc);
  for (text = xmlDocGetRootElement (doc)->children; text != NULL; text = text->next)
    if (text->type == XML_ELEMENT_NODE && xmlStrEqual (text->name, BAD_CAST "text"))
      break;
  g_assert_nonnull (text);
  content = xmlNodeGetContent (text);
  result = g_strdup ((const char *) content);
  xmlFree (content);
  xmlFreeDoc (doc);

  return result;
}

/* Every export works on a page; the inline export holds the extracted
 * text, code point for code point. */
static void
test_exports (void)
{
  g_autofree char *path = gls_test_data_path ("html", "port-strike.html", NULL);
  g_autoptr(GlsDocument) document = gls_test_document_from_file (path);
  g_autofree char *expected = expected_text ("port-strike.html");
  g_autoptr(GError) error = NULL;

  gls_document_annotate (document, "factual", 67, 78, &error);
  g_assert_no_error (error);
  gls_document_annotate (document, "statistic", 162, 165, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < gls_format_get_n_formats (); i++)
    {
      const GlsFormat *format = gls_format_get_nth (i);
      g_autoptr(GBytes) bytes = NULL;

      g_test_message ("%s", format->name);
      bytes = gls_format_export (format, document, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);

      if (strcmp (format->name, "inline") == 0)
        {
          g_autofree char *text = inline_text (bytes);

          g_assert_cmpstr (text, ==, expected);
        }
    }
}

/* Malformed pages: never a crash, always valid UTF-8 or an error. */
static void
check_survives (const char *data,
                gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsSource) source = gls_source_new_from_bytes (bytes, "broken.html", NULL, &error);

  if (source == NULL)
    {
      g_assert_nonnull (error);
      return;
    }

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (gls_source_get_text (source, NULL), -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (gls_source_get_text (source, NULL), -1), ==, gls_source_get_length (source));
}

static void
test_malformed (void)
{
  static const char *const pieces[] = {
    "<", ">", "</", "<p>", "</p>", "<pre>", "</pre>", "<br>", "<script>", "</script>",
    "<style>", "&", "&#", "&#x", "&#0;", "&#xD800;", "&#1114112;", "&amp", "&nbsp;", "<!--", "-->",
    "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE", "<html>", "<head>", "<meta charset=\"", "koi8-r\">",
    "<table><tr><td>", "<li>", "<ul>", "\r\n", "\t", " ", "x", "\xc3\xa9", "\xff", "\"", "'", "=",
    "<a href=\"http://example.com/x.css\">", "<link rel=stylesheet href=\"http://127.0.0.1:9/x\">",
    "<img src=\"file:///etc/passwd\">", "<iframe src=\"http://127.0.0.1:9/\">",
  };
  static const char *const nasty[] = {
    "", "<", "<html", "<!DOCTYPE html", "<pre>", "<p><pre><p></pre>", "</html></body>text", "&#;&#x;&;",
    "<script>never closed", "<style>", "<html><head><title>x", "<p>a<br><br><br></p>",
  };
  GRand *rand = g_rand_new_with_seed (13);
  g_autoptr(GString) deep = g_string_new ("<html><body>");

  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    check_survives (nasty[i], strlen (nasty[i]));

  /* nesting far deeper than any page */
  for (guint i = 0; i < 20000; i++)
    g_string_append (deep, i % 3 ? "<div><b>" : "<pre><span>");
  g_string_append (deep, "bottom");
  check_survives (deep->str, deep->len);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) page = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 80);

      for (guint i = 0; i < n; i++)
        g_string_append (page, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      check_survives (page->str, page->len);
    }

  /* the saved pages with random bytes changed and cut short */
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *path = gls_test_data_path ("html", pages[p].name, NULL);
      g_autoptr(GBytes) bytes = gls_test_read (path);

      for (guint round = 0; round < 100; round++)
        {
          gsize len = g_bytes_get_size (bytes);
          g_autofree char *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), len);

          for (guint i = 0; i < 8; i++)
            copy[g_rand_int_range (rand, 0, len)] = (char) g_rand_int_range (rand, 1, 256);
          check_survives (copy, g_rand_int_range (rand, 0, len + 1));
        }
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/html/pages", test_pages);
  g_test_add_func ("/html/offsets", test_offsets);
  g_test_add_func ("/html/deterministic", test_deterministic);
  g_test_add_func ("/html/detect", test_detect);
  g_test_add_func ("/html/encodings", test_encodings);
  g_test_add_func ("/html/exports", test_exports);
  g_test_add_func ("/html/malformed", test_malformed);
  g_test_add ("/html/sidecar", Fixture, NULL, fixture_setup, test_sidecar, fixture_teardown);
  g_test_add ("/html/sidecar-was-text", Fixture, NULL, fixture_setup, test_sidecar_was_text, fixture_teardown);
  g_test_add ("/html/reanchor", Fixture, NULL, fixture_setup, test_reanchor, fixture_teardown);

  return g_test_run ();
}
