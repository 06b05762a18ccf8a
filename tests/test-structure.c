/* test-structure.c
 * The reader checks the structure of a sidecar itself (libxml2's RELAX NG
 * validator cannot stream our schema); here both judge the same files,
 * the fixtures and many mutations of one, and must agree. */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "gls-core.h"
#include "gls-sidecar-reader-private.h"
#include "gls-test-util.h"

static xmlRelaxNGPtr schema;

static gboolean
schema_accepts (const char *xml,
                gsize       len)
{
  return gls_test_schema_accepts (schema, xml, len);
}

/* What the reader says of the file's structure: TRUE when it takes it.
 * Refusals the schema cannot express (a major version it does not know,
 * an offset larger than any text) count as taking it. */
static gboolean
reader_accepts (const char *xml,
                gsize       len,
                char      **message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, len);
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  GlsSidecarData *data;

  data = _gls_sidecar_read (bytes, "test.xml", problems, &error);
  if (data != NULL)
    {
      _gls_sidecar_data_free (data);
      return TRUE;
    }

  *message = g_strdup (error->message);
  if (error->code == GLS_ERROR_VERSION || strstr (error->message, "larger than any text") != NULL)
    return TRUE;

  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  return FALSE;
}

static void
judge (const char *what,
       const char *xml,
       gsize       len)
{
  g_autofree char *message = NULL;
  gboolean by_schema = schema_accepts (xml, len);
  gboolean by_reader = reader_accepts (xml, len, &message);

  if (by_schema != by_reader)
    g_error ("%s: the schema %s it, the reader %s it%s%s", what,
             by_schema ? "accepts" : "refuses", by_reader ? "accepts" : "refuses",
             message ? ": " : "", message ? message : "");
}

static void
test_fixtures (void)
{
  const char *folders[] = { "valid", "hostile" };
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = gls_test_data_path ("sidecars", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GBytes) bytes = NULL;
          gsize len;
          const char *xml;
          xmlDocPtr doc;

          if (!g_str_has_suffix (name, ".xml"))
            continue;

          bytes = gls_test_read (path);
          xml = g_bytes_get_data (bytes, &len);
          /* only well-formed files without a DOCTYPE have a schema verdict */
          if (len == 0 || strstr (xml, "<!DOCTYPE") != NULL)
            continue;
          doc = xmlReadMemory (xml, (int) len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
          if (doc == NULL)
            continue;
          xmlFreeDoc (doc);

          judge (name, xml, len);
          n++;
        }
    }

  g_assert_cmpuint (n, >=, 15);
}

/* One change to valid/full.xml each: (old text, new text). */
static const char *mutations[][2] = {
  /* attributes */
  { " version=\"1.0\" generator", " generator" },
  { " version=\"1.0\" generator", " version=\"1\" generator" },
  { " version=\"1.0\" generator", " version=\"1.0\" extra=\"x\" generator" },
  { " generator=\"Glossator 0.1.0\"", "" },
  { " href=\"../article.txt\"", "" },
  { " bom=\"false\"", " bom=\"no\"" },
  { " bom=\"false\"", " bom=\" true \"" },
  { " newlines=\"lf\"", " newlines=\"unix\"" },
  { " length=\"469\"", " length=\"-1\"" },
  { " length=\"469\"", " length=\"+469\"" },
  { " length=\"469\"", " length=\"4.5\"" },
  { " sha256=\"434771e6", " sha256=\"Z34771e6" },
  { "<codebook id=\"newsroom\"", "<codebook" },
  { "<codebook id=\"newsroom\"", "<codebook id=\"news room\"" },
  { "<codebook id=\"newsroom\"", "<codebook id=\"1news\"" },
  { "key=\"1\"", "key=\"0\"" },
  { "key=\"1\"", "key=\"10\"" },
  { "color=\"#3584e4\"", "color=\"#3584e\"" },
  { "color=\"#3584e4\"", "color=\"blue\"" },
  { "<label xml:lang=\"de\">Behauptung</label>", "<label xml:space=\"preserve\">Behauptung</label>" },
  { "<label>Claim</label>", "<label lang=\"en\">Claim</label>" },
  { "<label>Claim</label>", "<label xmlns:x=\"urn:x\" x:note=\"ok\">Claim</label>" },
  { "id=\"a-1\"", "id=\"a 1\"" },
  { "id=\"a-1\"", "id=\"1\"" },
  { "category=\"statistic\"", "category=\"\"" },
  { "created=\"2025-05-06T09:12:30Z\"", "created=\"2025-05-06\"" },
  { "created=\"2025-05-06T09:12:30Z\"", "created=\"2025-13-06T09:12:30Z\"" },
  { "created=\"2025-05-06T09:12:30Z\"", "created=\"2025-05-06T09:12:30.25+02:00\"" },
  { "created=\"2025-05-06T09:12:30Z\"", "created=\"2025-05-06T09:12:30\"" },
  { "created=\"2025-05-06T09:12:30Z\"", "created=\"yesterday\"" },
  { "<annotation id=\"a-1\"", "<annotation anchor=\"lost\" id=\"a-1\"" },
  { "<annotation id=\"a-1\"", "<annotation anchor=\"orphaned\" id=\"a-1\"" },
  { "<annotation id=\"a-1\"", "<annotation xmlns:g=\"https://glossator.github.io/ns/annotations/1\" g:x=\"1\" id=\"a-1\"" },
  { "<target start=\"150\" end=\"173\">", "<target start=\"150\">" },
  { "<target start=\"150\" end=\"173\">", "<target start=\"a\" end=\"173\">" },
  { "<target start=\"150\" end=\"173\">", "<target start=\"150\" end=\"173\" weight=\"2\">" },
  { "<attribute name=\"verified\">", "<attribute>" },
  { "<attribute name=\"verified\">", "<attribute name=\"verified\" type=\"b\">" },
  /* content */
  { "<exact>about 2.4 million euros</exact>", "" },
  { "<exact>about 2.4 million euros</exact>", "<exact>about 2.4 million euros</exact><exact>again</exact>" },
  { "<prefix>bour office, repairs would cost </prefix>", "" },
  { "<suffix>, roughly twice last year's esti</suffix>", "" },
  { "<exact>about 2.4 million euros</exact>", "<exact>about <b>2.4</b> million euros</exact>" },
  { "<exact>about 2.4 million euros</exact>", "<exact>about 2.4 million euros</exact><x:y xmlns:x=\"urn:x\"/>" },
  { "<prefix>bour office, repairs would cost </prefix>", "<suffix>bour office, repairs would cost </suffix>" },
  { "<note>The minutes say", "<attribute name=\"z\">1</attribute><note>The minutes say" },
  { "<attribute name=\"verified\">yes</attribute>", "<attribute name=\"verified\">yes</attribute><note>late</note>" },
  { "<attribute name=\"verified\">yes</attribute>", "<futureThing>ok</futureThing><attribute name=\"verified\">yes</attribute>" },
  { "<attribute name=\"verified\">yes</attribute>", "<target start=\"1\" end=\"2\"><exact>x</exact></target>" },
  { "<note>Coded in two passes.", "<note>Coded <em>in</em> two passes." },
  { "<note>Coded in two passes.", "<other:note xmlns:other=\"urn:o\">x</other:note><note>Coded in two passes." },
  { "  <note>Coded in two passes.", "  <note>first</note>\n  <note>Coded in two passes." },
  { "  </codebook>", "  </codebook>\n  <codebook id=\"second\"/>" },
  { "<codebook id=\"newsroom\" version=\"2\">", "<codebook id=\"newsroom\" version=\"2\">loose text" },
  { "<label>Newsroom claims</label>", "" },
  { "<label>Claim</label>\n      <label xml:lang=\"de\">Behauptung</label>", "" },
  { "<description>A local copy of a project codebook.</description>", "<description>A local copy.</description><label>Late label</label>" },
  { "<category id=\"context\" color=\"#6f8396\">", "<category id=\"context\" color=\"#6f8396\"><category id=\"early\"><label>E</label></category>" },
  { "<source href=", "<x:pre xmlns:x=\"urn:x\"/><source href=" },
  { "length=\"469\" sha256=\"434771e6b94242c621203b826d936851202d992b009a7aed00173b8a8d039e10\"/>",
    "length=\"469\" sha256=\"434771e6b94242c621203b826d936851202d992b009a7aed00173b8a8d039e10\"><x:y xmlns:x=\"urn:x\"/></source>" },
  { "<annotation id=\"a-1\"", "<relation id=\"r-9\" type=\"t\" from=\"a-1\" to=\"a-2\"/><annotation id=\"a-1\"" },
  { "<annotation id=\"a-1\"", "<relation id=\"r-9\" type=\"t\" from=\"a-1\"/><annotation id=\"a-1\"" },
  { "<annotation id=\"a-1\"", "<relation id=\"r-9\" type=\"t\" from=\"a\" to=\"b\">text</relation><annotation id=\"a-1\"" },
  { "<annotation id=\"a-1\"", "<source href=\"x\" encoding=\"UTF-8\" bom=\"false\" newlines=\"lf\" length=\"1\" sha256=\"434771e6b94242c621203b826d936851202d992b009a7aed00173b8a8d039e10\"/><annotation id=\"a-1\"" },
  { "<annotation id=\"a-1\"", "<ns:free xmlns:ns=\"urn:x\" a=\"b\">any <deep>thing</deep></ns:free><annotation id=\"a-1\"" },
};

static void
test_mutations (void)
{
  g_autofree char *path = gls_test_data_path ("sidecars", "valid", "full.xml", NULL);
  g_autoptr(GBytes) bytes = gls_test_read (path);
  const char *original = g_bytes_get_data (bytes, NULL);
  guint refused = 0;

  judge ("full.xml", original, g_bytes_get_size (bytes));

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(GString) xml = g_string_new (original);
      g_autofree char *what = g_strdup_printf ("mutation %u (%s → %s)", i, mutations[i][0], mutations[i][1]);

      g_assert_nonnull (strstr (original, mutations[i][0]));
      g_string_replace (xml, mutations[i][0], mutations[i][1], 1);
      judge (what, xml->str, xml->len);
      if (!schema_accepts (xml->str, xml->len))
        refused++;
    }

  /* the mutations exercise both verdicts */
  g_assert_cmpuint (refused, >, 30);
  g_assert_cmpuint (refused, <, G_N_ELEMENTS (mutations));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  schema = gls_test_load_schema ("glossator-annotations.rng");

  g_test_add_func ("/structure/fixtures", test_fixtures);
  g_test_add_func ("/structure/mutations", test_mutations);

  return g_test_run ();
}
