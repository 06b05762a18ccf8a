/* test-refi-qda.c
 * REFI-QDA codebooks: exports valid against the standard's element rules
 * (data/refi-qda-codebook.rng), stable GUIDs, round trips, a codebook in
 * the shape QDA tools write, matching by GUID, and refusals. */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "gls-core.h"
#include "gls-test-util.h"

#define CODEBOOK \
  "<codebook xmlns='https://glossator.github.io/ns/annotations/1' id='t' version='1'>" \
  "<category id='claim' key='1' color='#3584e4'>" \
  "<label>Claim</label><label xml:lang='de'>Behauptung</label>" \
  "<description>Says something is so.\nNot: a question.</description>" \
  "<category id='number' key='2' color='#e01b24'><label>Number &amp; &lt;figure&gt;</label>" \
  "<category id='percent' color='#2ec27e'><label>Percentage</label></category></category>" \
  "</category>" \
  "<category id='opinion' key='3' color='#ff7800'><label>Opinion</label></category>" \
  "</codebook>"

/* In the shape ATLAS.ti and QualCoder write: a schema location, upper and
 * lower case, braces, a short colour, a code not to be coded, sets. */
#define FOREIGN_QDC \
  "<?xml version='1.0' encoding='utf-8'?>\n" \
  "<CodeBook xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'\n" \
  "  xsi:schemaLocation='urn:QDA-XML:codebook:1.0 Codebook.xsd' origin='ATLAS.ti Win 23.4.0'\n" \
  "  xmlns='urn:QDA-XML:codebook:1.0'>\n" \
  "  <Codes>\n" \
  "    <Code guid='1ff58b12-6f6f-4b0c-8be5-bbdc91f55294' name='Emotions' color='#46AA00' isCodable='false'>\n" \
  "      <Description>Parent only</Description>\n" \
  "      <Code guid='{2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}' name='Joy' color='#f00' isCodable='true'/>\n" \
  "      <Code guid='3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294' name='Fear' isCodable='1'>\n" \
  "        <Description>Worry, dread.</Description>\n" \
  "      </Code>\n" \
  "    </Code>\n" \
  "  </Codes>\n" \
  "  <Sets><Set name='group' guid='ECA18D76-2B8B-4B0C-8BE5-BBDC91F55294'>" \
  "<MemberCode guid='3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294'/></Set></Sets>\n" \
  "</CodeBook>\n"

static xmlRelaxNGPtr schema;

static gboolean
schema_accepts (GBytes *bytes)
{
  gsize len;
  const char *xml = g_bytes_get_data (bytes, &len);

  return gls_test_schema_accepts (schema, xml, len);
}

static GlsCodebook *
fixture_codebook (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (CODEBOOK, strlen (CODEBOOK));
  g_autoptr(GError) error = NULL;
  GlsCodebook *codebook = gls_codebook_new_from_bytes (bytes, "t.xml", NULL, &error);

  g_assert_no_error (error);

  return codebook;
}

static GlsCodebook *
import_text (GlsCodebook *into,
             const char  *qdc,
             guint       *n_added)
{
  g_autoptr(GBytes) bytes = g_bytes_new (qdc, strlen (qdc));
  g_autoptr(GError) error = NULL;
  GlsCodebook *codebook = gls_codebook_import_qdc (into, bytes, "test.qdc", n_added, &error);

  g_assert_no_error (error);

  return codebook;
}

static char *
replace (GBytes     *bytes,
         const char *from,
         const char *to)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_assert_nonnull (parts[1]);

  return g_strjoin (to, parts[0], parts[1], NULL);
}

static void
test_export_valid (void)
{
  g_autoptr(GlsCodebook) codebook = fixture_codebook ();
  g_autoptr(GBytes) qdc = gls_codebook_to_qdc (codebook);
  char *no_codable = replace (qdc, " isCodable=\"true\"", "");
  char *bad_color = replace (qdc, "#3584E4", "blue");
  /* the length first: the order in which arguments are evaluated is not fixed */
  gsize no_codable_len = strlen (no_codable);
  gsize bad_color_len = strlen (bad_color);
  g_autoptr(GBytes) broken1 = g_bytes_new_take (no_codable, no_codable_len);
  g_autoptr(GBytes) broken2 = g_bytes_new_take (bad_color, bad_color_len);
  g_autoptr(GlsCodebook) built_in = gls_codebook_new_builtin ();
  g_autoptr(GBytes) built_in_qdc = gls_codebook_to_qdc (built_in);

  g_assert_true (schema_accepts (qdc));
  g_assert_true (schema_accepts (built_in_qdc));
  /* the schema does judge: what the standard requires, taken away */
  g_assert_false (schema_accepts (broken1));
  g_assert_false (schema_accepts (broken2));

  g_assert_nonnull (strstr (g_bytes_get_data (qdc, NULL), "name=\"Number &amp; &lt;figure&gt;\""));
  g_assert_nonnull (strstr (g_bytes_get_data (qdc, NULL), "<Description>Says something is so.\nNot: a question.</Description>"));
}

static void
test_guid_stable (void)
{
  g_autoptr(GlsCodebook) codebook = fixture_codebook ();
  g_autoptr(GlsCodebook) copy = gls_codebook_copy (codebook);
  g_autoptr(GBytes) first = gls_codebook_to_qdc (codebook);
  g_autoptr(GBytes) again = gls_codebook_to_qdc (copy);
  g_autofree char *claim = gls_category_dup_guid (gls_codebook_lookup (codebook, "claim"), codebook);
  g_autofree char *number = gls_category_dup_guid (gls_codebook_lookup (codebook, "number"), codebook);
  g_autofree char *claim_again = NULL;

  g_assert_true (g_bytes_equal (first, again));
  g_assert_cmpstr (claim, !=, number);
  g_assert_cmpuint (strlen (claim), ==, 36);
  g_assert_cmpint (claim[14], ==, '5');   /* a name-based (version 5) UUID */

  /* a label changes, the GUID does not */
  gls_category_set_label (gls_codebook_lookup (copy, "claim"), NULL, "Assertion");
  claim_again = gls_category_dup_guid (gls_codebook_lookup (copy, "claim"), copy);
  g_assert_cmpstr (claim, ==, claim_again);
}

/* Glossator → qdc → Glossator: the labels, descriptions, colours and tree
 * come back, and the second export is the first, byte for byte. */
static void
test_round_trip (void)
{
  g_autoptr(GlsCodebook) codebook = fixture_codebook ();
  g_autoptr(GBytes) qdc = gls_codebook_to_qdc (codebook);
  g_autoptr(GlsCodebook) empty = gls_codebook_new ("t", "1");
  g_autoptr(GlsCodebook) back = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GlsCodebook) reread = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  back = import_text (empty, g_bytes_get_data (qdc, NULL), &n_added);
  g_assert_cmpuint (n_added, ==, 4);
  g_assert_cmpuint (gls_codebook_get_n_categories (back), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      GlsCategory *a = gls_codebook_get_category (codebook, i);
      GlsCategory *b = gls_codebook_get_category (back, i);

      g_assert_cmpstr (gls_category_get_label (a), ==, gls_category_get_label (b));
      g_assert_cmpstr (gls_category_get_description (a), ==, gls_category_get_description (b));
      g_assert_cmpstr (gls_category_get_color (a), ==, gls_category_get_color (b));
      g_assert_cmpuint (gls_category_get_depth (a), ==, gls_category_get_depth (b));
    }

  again = gls_codebook_to_qdc (back);
  g_assert_true (g_bytes_equal (qdc, again));

  /* the GUIDs live in the codebook file, in their own namespace, and
   * come back from it */
  saved = gls_codebook_serialize (back);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "xmlns:qda=\"https://glossator.github.io/ns/refi-qda/1\""));
  reread = gls_codebook_new_from_bytes (saved, "saved.xml", NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&again, g_bytes_unref);
  again = gls_codebook_to_qdc (reread);
  g_assert_true (g_bytes_equal (qdc, again));
}

static void
test_import_foreign (void)
{
  g_autoptr(GlsCodebook) empty = gls_codebook_new ("atlas", "1");
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autoptr(GBytes) qdc = NULL;
  GlsCategory *emotions, *joy, *fear;
  guint n_added;

  codebook = import_text (empty, FOREIGN_QDC, &n_added);
  g_assert_cmpuint (n_added, ==, 3);
  emotions = gls_codebook_lookup (codebook, "emotions");
  joy = gls_codebook_lookup (codebook, "joy");
  fear = gls_codebook_lookup (codebook, "fear");
  g_assert_nonnull (emotions);
  g_assert_true (gls_category_get_parent (joy) == emotions);
  g_assert_true (gls_category_get_parent (fear) == emotions);
  g_assert_cmpstr (gls_category_get_color (emotions), ==, "#46aa00");
  g_assert_cmpstr (gls_category_get_color (joy), ==, "#ff0000");
  /* no colour given: one from the palette */
  g_assert_cmpstr (gls_category_get_color (fear), ==, gls_palette_get_colors (NULL)[0]);
  g_assert_cmpstr (gls_category_get_description (fear), ==, "Worry, dread.");
  g_assert_cmpuint (gls_category_get_key (emotions), ==, 1);
  g_assert_cmpuint (gls_category_get_key (fear), ==, 3);

  /* exported back: the same GUIDs (normalised), isCodable kept */
  qdc = gls_codebook_to_qdc (codebook);
  g_assert_true (schema_accepts (qdc));
  g_assert_nonnull (strstr (g_bytes_get_data (qdc, NULL),
                            "guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"Emotions\" isCodable=\"false\""));
  g_assert_nonnull (strstr (g_bytes_get_data (qdc, NULL),
                            "guid=\"2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"Joy\" isCodable=\"true\""));
}

/* Importing into a codebook that has the codes: matched by GUID, they
 * keep their ids, keys and other languages; the file's names and tree win. */
static void
test_import_merge (void)
{
  g_autoptr(GlsCodebook) codebook = fixture_codebook ();
  g_autofree char *claim_guid = gls_category_dup_guid (gls_codebook_lookup (codebook, "claim"), codebook);
  g_autofree char *opinion_guid = gls_category_dup_guid (gls_codebook_lookup (codebook, "opinion"), codebook);
  g_autofree char *qdc = NULL;
  g_autofree char *guid = NULL;
  g_autoptr(GlsCodebook) merged = NULL;
  GlsCategory *claim, *opinion;
  guint n_added = 99;

  /* in the other tool: "Claim" renamed, "Opinion" moved under it, a code
   * added */
  qdc = g_strdup_printf ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes>"
                         "<Code guid='%s' name='Statement' isCodable='true' color='#3584E4'>"
                         "<Code guid='%s' name='Opinion' isCodable='true'/>"
                         "<Code guid='4FF58B12-6F6F-4B0C-8BE5-BBDC91F55294' name='Irony' isCodable='true'/>"
                         "</Code></Codes></CodeBook>", claim_guid, opinion_guid);
  merged = import_text (codebook, qdc, &n_added);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_cmpuint (gls_codebook_get_n_categories (merged), ==, 5);
  claim = gls_codebook_lookup (merged, "claim");
  opinion = gls_codebook_lookup (merged, "opinion");
  g_assert_cmpstr (gls_category_get_label (claim), ==, "Statement");
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "de"), ==, "Behauptung");
  g_assert_cmpstr (gls_category_get_description (claim), ==, "Says something is so.\nNot: a question.");
  g_assert_cmpuint (gls_category_get_key (claim), ==, 1);
  g_assert_true (gls_category_get_parent (opinion) == claim);
  g_assert_cmpuint (gls_category_get_key (opinion), ==, 3);
  /* the categories the file does not name stay where they were */
  g_assert_true (gls_category_get_parent (gls_codebook_lookup (merged, "number")) == claim);
  g_assert_cmpuint (gls_category_get_key (gls_codebook_lookup (merged, "irony")), ==, 4);
  guid = gls_category_dup_guid (claim, merged);
  g_assert_cmpstr (guid, ==, claim_guid);
}

static void
test_refuse (void)
{
  static const struct { const char *qdc; const char *message; } cases[] = {
    { "<!DOCTYPE x [<!ENTITY e 'x'>]><CodeBook xmlns='urn:QDA-XML:codebook:1.0'/>", "test.qdc:1: a DOCTYPE" },
    { "<codebook xmlns='https://glossator.github.io/ns/annotations/1' id='x'/>", "not a REFI-QDA codebook" },
    { "<CodeBook xmlns='urn:QDA-XML:codebook:1.0'>\n<Codes>\n<Code guid='nope' name='a' isCodable='true'/></Codes></CodeBook>",
      "test.qdc:3: a Code needs a guid" },
    { "<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code guid='1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294' name=' ' isCodable='true'/></Codes></CodeBook>",
      "needs a name" },
    { "<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code guid='1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294' name='a' isCodable='true' color='red'/></Codes></CodeBook>",
      "not a colour" },
    { "<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes>", "not well-formed" },
    { "", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlsCodebook) into = gls_codebook_new ("x", NULL);
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].qdc, strlen (cases[i].qdc));
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsCodebook) codebook = gls_codebook_import_qdc (into, bytes, "test.qdc", NULL, &error);

      g_assert_null (codebook);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  schema = gls_test_load_schema ("refi-qda-codebook.rng");

  g_test_add_func ("/refi-qda/export-valid", test_export_valid);
  g_test_add_func ("/refi-qda/guid-stable", test_guid_stable);
  g_test_add_func ("/refi-qda/round-trip", test_round_trip);
  g_test_add_func ("/refi-qda/import-foreign", test_import_foreign);
  g_test_add_func ("/refi-qda/import-merge", test_import_merge);
  g_test_add_func ("/refi-qda/refuse", test_refuse);

  return g_test_run ();
}
