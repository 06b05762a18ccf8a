/* test-export.c
 * The formats through their one interface: inline and JSON-LD round trips,
 * brat and SemEval offsets and names, merges, undo, refused files. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "gls-core.h"
#include "gls-format.h"
#include "gls-test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* A fresh document on the same article, with the built-in codebook. */
static GlsDocument *
empty_copy (GlsDocument *document)
{
  return gls_document_new (gls_document_get_source (document), NULL);
}

static GBytes *
export_as (GlsDocument *document,
           const char  *name)
{
  const GlsFormat *format = gls_format_lookup (name);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_nonnull (format);
  bytes = gls_format_export (format, document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static GlsImportReport *
import_ok (GlsDocument    *document,
           const char     *format_name,
           GBytes         *bytes,
           GlsImportFlags  flags)
{
  GlsImportReport *report = gls_import_report_new ();
  g_autoptr(GError) error = NULL;

  if (!gls_format_import (gls_format_lookup (format_name), document, bytes, "test-file",
                          flags, report, &error))
    g_error ("import failed: %s", error->message);

  return report;
}

static GlsImportReport *
import_text (GlsDocument    *document,
             const char     *format_name,
             const char     *text,
             GlsImportFlags  flags)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return import_ok (document, format_name, bytes, flags);
}

/* Imports @text, which must be refused: returns the error message. */
static char *
import_refused (GlsDocument *document,
                const char  *format_name,
                const char  *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GlsImportReport) report = gls_import_report_new ();
  g_autoptr(GError) error = NULL;
  guint n_before = gls_document_get_n_annotations (document);
  gboolean could_undo = gls_document_can_undo (document);
  GlsCodebook *codebook = gls_document_get_codebook (document);

  g_assert_false (gls_format_import (gls_format_lookup (format_name), document, bytes, "bad.file",
                                     GLS_IMPORT_MERGE, report, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_assert_cmpuint (gls_problems_count (gls_import_report_get_problems (report), GLS_PROBLEM_ERROR), >, 0);

  /* nothing changed */
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, n_before);
  g_assert_true (gls_document_can_undo (document) == could_undo);
  g_assert_true (gls_document_get_codebook (document) == codebook);

  return g_strdup (error->message);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

/* A codebook with a hierarchy, languages and an imported name. */
static GlsCodebook *
rich_codebook (void)
{
  g_autoptr(GlsCodebook) codebook = gls_codebook_new_builtin ();
  g_autoptr(GlsCategory) parent = gls_category_new ("technique");
  g_autoptr(GlsCategory) child = gls_category_new ("Name_Calling_Labeling");
  g_autoptr(GError) error = NULL;

  gls_category_set_label (parent, NULL, "Technique");
  gls_category_set_label (parent, "de", "Technik");
  gls_category_set_description (parent, NULL, "A propaganda technique");
  gls_category_set_color (parent, "#123456");
  gls_category_set_key (parent, 0);
  gls_codebook_add_category (codebook, NULL, parent, &error);
  g_assert_no_error (error);

  gls_category_set_name (child, "Name_Calling,Labeling");
  gls_category_set_label (child, NULL, "Name calling");
  gls_category_set_label (child, "fr", "Injure");
  gls_codebook_add_category (codebook, parent, child, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&codebook);
}

/* Fills @document with annotations of every shape: nested, crossing,
 * identical, discontinuous, one-character, at both ends, with notes,
 * attributes and relations. */
static void
populate (GlsDocument *document,
          guint32      seed,
          guint        n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) made = g_ptr_array_new ();
  g_autoptr(GlsCodebook) codebook = rich_codebook ();
  guint length = gls_source_get_length (gls_document_get_source (document));
  const char *categories[] = { "factual", "opinion", "hedge", "Name_Calling_Labeling", "technique", "statistic" };

  gls_document_set_codebook (document, codebook);
  gls_document_set_note (document, "Whole document:\nchecked twice, \"quoted\" & <tagged>.");

  if (length < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      const char *category = categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))];
      guint start = g_rand_int_range (rand, 0, length - 1);
      guint extra = g_rand_int_range (rand, 0, 40);
      guint end = MIN (length, start + 1 + extra);
      GlsAnnotation *annotation;

      if (i == 0)
        start = 0, end = MIN (length, 5);
      else if (i == 1)
        start = length - 1, end = length;

      gls_document_set_annotator (document, i % 3 ? "Ada Lovelace" : "Grace <Hopper> & co");

      if (i % 7 == 3 && end + 3 < length)
        {
          GlsSpan spans[2] = { { start, end }, { end + 2, MIN (length, end + 2 + 1 + i % 5) } };
          annotation = gls_test_annotate_spans (document, category, spans, 2);
        }
      else
        {
          GlsSpan span = { start, end };
          annotation = gls_test_annotate_spans (document, category, &span, 1);
        }

      if (i % 4 == 0)
        gls_document_set_annotation_note (document, annotation, "A note, with \"quotes\",\nnew lines & <angles>");
      if (i % 5 == 1)
        {
          gls_document_set_attribute (document, annotation, "verified", "no");
          gls_document_set_attribute (document, annotation, "empty", "");
        }
      if (i % 6 == 2 && made->len > 0)
        {
          g_autoptr(GError) error = NULL;
          GlsAnnotation *other = g_ptr_array_index (made, g_rand_int_range (rand, 0, made->len));

          gls_document_add_relation (document, i % 2 ? "supports" : "contradicts", annotation, other, &error);
          g_assert_no_error (error);
        }
      g_ptr_array_add (made, annotation);

      /* the same span again, in another category */
      if (i % 11 == 5)
        {
          GlsSpan span = { start, end };
          gls_test_annotate_spans (document, "opinion", &span, 1);
        }
    }
}

static void
assert_same_variants (GlsCategory *a,
                      GlsCategory *b)
{
  g_assert_cmpuint (gls_category_get_n_labels (a), ==, gls_category_get_n_labels (b));
  for (guint i = 0; i < gls_category_get_n_labels (a); i++)
    {
      const char *lang_a = NULL, *lang_b = NULL;

      g_assert_cmpstr (gls_category_get_nth_label (a, i, &lang_a), ==, gls_category_get_nth_label (b, i, &lang_b));
      g_assert_cmpstr (lang_a, ==, lang_b);
    }
  g_assert_cmpuint (gls_category_get_n_descriptions (a), ==, gls_category_get_n_descriptions (b));
  for (guint i = 0; i < gls_category_get_n_descriptions (a); i++)
    {
      const char *lang_a = NULL, *lang_b = NULL;

      g_assert_cmpstr (gls_category_get_nth_description (a, i, &lang_a), ==,
                       gls_category_get_nth_description (b, i, &lang_b));
      g_assert_cmpstr (lang_a, ==, lang_b);
    }
}

static void
assert_same_documents (GlsDocument *a,
                       GlsDocument *b)
{
  GlsCodebook *ca = gls_document_get_codebook (a);
  GlsCodebook *cb = gls_document_get_codebook (b);
  GListModel *ra = gls_document_get_relations (a);
  GListModel *rb = gls_document_get_relations (b);

  g_assert_cmpstr (gls_document_get_note (a), ==, gls_document_get_note (b));

  g_assert_cmpstr (gls_codebook_get_id (ca), ==, gls_codebook_get_id (cb));
  g_assert_cmpuint (gls_codebook_get_n_categories (ca), ==, gls_codebook_get_n_categories (cb));
  for (guint i = 0; i < gls_codebook_get_n_categories (ca); i++)
    {
      GlsCategory *x = gls_codebook_get_category (ca, i);
      GlsCategory *y = gls_codebook_get_category (cb, i);
      GlsCategory *px = gls_category_get_parent (x), *py = gls_category_get_parent (y);

      g_assert_cmpstr (gls_category_get_id (x), ==, gls_category_get_id (y));
      g_assert_cmpstr (gls_category_get_name (x), ==, gls_category_get_name (y));
      g_assert_cmpstr (gls_category_get_color (x), ==, gls_category_get_color (y));
      g_assert_cmpuint (gls_category_get_key (x), ==, gls_category_get_key (y));
      g_assert_cmpstr (px ? gls_category_get_id (px) : NULL, ==, py ? gls_category_get_id (py) : NULL);
      assert_same_variants (x, y);
    }

  g_assert_cmpuint (gls_document_get_n_annotations (a), ==, gls_document_get_n_annotations (b));
  for (guint i = 0; i < gls_document_get_n_annotations (a); i++)
    {
      GlsAnnotation *x = gls_annotation_list_get (gls_document_get_annotations (a), i);
      GlsAnnotation *y = gls_document_lookup_annotation (b, gls_annotation_get_id (x));

      g_assert_nonnull (y);
      g_assert_cmpstr (gls_annotation_get_category (x), ==, gls_annotation_get_category (y));
      g_assert_cmpstr (gls_annotation_get_annotator (x), ==, gls_annotation_get_annotator (y));
      g_assert_cmpstr (gls_annotation_get_created (x), ==, gls_annotation_get_created (y));
      g_assert_cmpstr (gls_annotation_get_modified (x), ==, gls_annotation_get_modified (y));
      g_assert_cmpstr (gls_annotation_get_note (x), ==, gls_annotation_get_note (y));
      g_assert_cmpuint (gls_annotation_get_n_targets (x), ==, gls_annotation_get_n_targets (y));
      for (guint j = 0; j < gls_annotation_get_n_targets (x); j++)
        {
          GlsSpan sx = gls_annotation_get_target (x, j), sy = gls_annotation_get_target (y, j);

          g_assert_cmpuint (sx.start, ==, sy.start);
          g_assert_cmpuint (sx.end, ==, sy.end);
        }
      g_assert_cmpuint (gls_annotation_get_n_attributes (x), ==, gls_annotation_get_n_attributes (y));
      for (guint j = 0; j < gls_annotation_get_n_attributes (x); j++)
        {
          g_assert_cmpstr (gls_annotation_get_attribute_name (x, j), ==, gls_annotation_get_attribute_name (y, j));
          g_assert_cmpstr (gls_annotation_get_attribute_value (x, j), ==, gls_annotation_get_attribute_value (y, j));
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (ra), ==, g_list_model_get_n_items (rb));
  for (guint i = 0; i < g_list_model_get_n_items (ra); i++)
    {
      g_autoptr(GlsRelation) x = g_list_model_get_item (ra, i);
      g_autoptr(GlsRelation) y = g_list_model_get_item (rb, i);

      g_assert_cmpstr (gls_relation_get_id (x), ==, gls_relation_get_id (y));
      g_assert_cmpstr (gls_relation_get_relation_type (x), ==, gls_relation_get_relation_type (y));
      g_assert_cmpstr (gls_relation_get_from (x), ==, gls_relation_get_from (y));
      g_assert_cmpstr (gls_relation_get_to (x), ==, gls_relation_get_to (y));
    }
}

/* The article texts the core's own tests use that decode. */
static GPtrArray *
tricky_texts (void)
{
  g_autofree char *manifest = gls_test_data_path ("texts", "MANIFEST.tsv", NULL);
  g_auto(GStrv) cells = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *shared = gls_test_shared_dir ();
  guint columns;

  cells = gls_test_read_manifest (manifest, &columns);
  for (guint i = 0; cells[i] != NULL; i += columns)
    if (strcmp (cells[i + columns - 1], "ok") == 0)
      g_ptr_array_add (paths, gls_test_data_path ("texts", cells[i], NULL));

  if (shared != NULL)
    {
      g_autofree char *seeds = g_build_filename (shared, "corpus", "seeds", NULL);
      g_autoptr(GDir) dir = g_dir_open (seeds, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (paths, g_build_filename (seeds, name, NULL));
    }

  return paths;
}

/* ------------------------------------------------------------------ */
/* The interface                                                       */

static void
test_table (void)
{
  g_autofree char *all = gls_format_list_names (FALSE);
  g_autofree char *importable = gls_format_list_names (TRUE);
  g_autofree char *brat_name = NULL;
  g_autofree char *tei_name = NULL;
  g_autofree char *dotless = NULL;

  g_assert_cmpstr (all, ==, "inline, tei, csv, brat, semeval, webanno");
  g_assert_cmpstr (importable, ==, "inline, brat, semeval");
  g_assert_cmpuint (gls_format_get_n_formats (), ==, 6);
  for (guint i = 0; i < gls_format_get_n_formats (); i++)
    {
      const GlsFormat *format = gls_format_get_nth (i);

      g_assert_true (gls_format_lookup (format->name) == format);
      g_assert_nonnull (format->label);
      g_assert_true (format->extension[0] == '.');
      g_assert_nonnull (format->export_document);
    }
  g_assert_null (gls_format_lookup ("docx"));
  g_assert_nonnull (gls_format_lookup ("csv")->export_documents);

  brat_name = gls_format_dup_file_name (gls_format_lookup ("brat"), "article.txt");
  tei_name = gls_format_dup_file_name (gls_format_lookup ("tei"), "article.txt");
  dotless = gls_format_dup_file_name (gls_format_lookup ("semeval"), "README");
  g_assert_cmpstr (brat_name, ==, "article.ann");
  g_assert_cmpstr (tei_name, ==, "article.txt.tei.xml");
  g_assert_cmpstr (dotless, ==, "README.labels");
}

static void
test_import_report (void)
{
  g_autoptr(GlsImportReport) report = gls_import_report_new ();
  g_autofree char *empty = gls_import_report_to_string (report);
  g_autofree char *text = NULL;
  const char *label;
  guint imported, skipped;

  g_assert_nonnull (strstr (empty, "Nothing"));
  gls_import_report_count (report, "annotation", "annotations", TRUE, 3);
  gls_import_report_count (report, "brat-event", "events (E)", FALSE, 2);
  gls_import_report_count (report, "annotation", "annotations", FALSE, 1);
  g_assert_cmpuint (gls_import_report_get_imported (report, "annotation"), ==, 3);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "annotation"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "nothing"), ==, 0);
  g_assert_cmpuint (gls_import_report_get_n_kinds (report), ==, 2);
  g_assert_cmpstr (gls_import_report_get_kind (report, 1, &label, &imported, &skipped), ==, "brat-event");
  g_assert_cmpstr (label, ==, "events (E)");
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (skipped, ==, 2);

  text = gls_import_report_to_string (report);
  g_assert_cmpstr (text, ==, "Imported:\n  annotations: 3\nNot imported:\n  annotations: 1\n  events (E): 2\n");
}

/* ------------------------------------------------------------------ */
/* Glossator inline XML                                                */

static void
round_trip_inline (GlsDocument *document)
{
  g_autoptr(GBytes) bytes = export_as (document, "inline");
  g_autoptr(GlsDocument) copy = empty_copy (document);
  g_autoptr(GlsImportReport) report = NULL;
  g_autoptr(GlsImportReport) again = NULL;

  report = import_ok (copy, "inline", bytes, GLS_IMPORT_REPLACE);
  assert_same_documents (document, copy);
  g_assert_cmpuint (gls_import_report_get_imported (report, "annotation"), ==,
                    gls_document_get_n_annotations (document));

  /* the same file again adds nothing */
  again = import_ok (copy, "inline", bytes, GLS_IMPORT_MERGE);
  g_assert_cmpuint (gls_import_report_get_imported (again, "annotation"), ==, 0);
  g_assert_cmpuint (gls_import_report_get_skipped (again, "duplicate"), ==,
                    gls_document_get_n_annotations (document));
  assert_same_documents (document, copy);

  /* and the export of the copy is the same file */
  {
    g_autoptr(GBytes) second = export_as (copy, "inline");
    g_assert_true (g_bytes_equal (bytes, second));
  }
}

/* The JSON-LD export parses, and its selectors are the document's. */
static void
check_webanno (GlsDocument *document)
{
  g_autoptr(GBytes) bytes = export_as (document, "webanno");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GlsSource *source = gls_document_get_source (document);
  g_autoptr(GPtrArray) exported = g_ptr_array_new ();
  JsonObject *root, *page;
  JsonArray *items;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  guint n_items = 0;

  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  page = json_object_get_object_member (root, "first");
  items = json_object_get_array_member (page, "items");

  for (guint i = 0; i < gls_document_get_n_annotations (document); i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (gls_document_get_annotations (document), i);

      if (gls_annotation_get_anchor (annotation) != GLS_ANCHOR_ORPHANED)
        g_ptr_array_add (exported, annotation);
    }

  g_assert_cmpuint (json_object_get_int_member (root, "total"), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      GlsAnnotation *annotation;
      JsonNode *target;
      JsonArray *targets;

      if (strcmp (json_object_get_string_member (item, "motivation"), "classifying") != 0)
        continue;

      annotation = g_ptr_array_index (exported, n_items++);
      g_assert_true (g_str_has_suffix (json_object_get_string_member (item, "id"),
                                       gls_annotation_get_id (annotation)));
      target = json_object_get_member (item, "target");
      if (JSON_NODE_HOLDS_OBJECT (target))
        {
          targets = json_array_new ();
          json_array_add_element (targets, json_node_copy (target));
        }
      else
        targets = json_array_ref (json_node_get_array (target));
      g_assert_cmpuint (json_array_get_length (targets), ==, gls_annotation_get_n_targets (annotation));

      for (guint j = 0; j < json_array_get_length (targets); j++)
        {
          JsonArray *selectors = json_object_get_array_member (json_array_get_object_element (targets, j), "selector");
          JsonObject *quote = json_array_get_object_element (selectors, 0);
          JsonObject *position = json_array_get_object_element (selectors, 1);
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_autofree char *exact = gls_source_dup_range (source, span.start, span.end);

          g_assert_cmpstr (json_object_get_string_member (quote, "type"), ==, "TextQuoteSelector");
          g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, exact);
          g_assert_cmpint (json_object_get_int_member (position, "start"), ==, span.start);
          g_assert_cmpint (json_object_get_int_member (position, "end"), ==, span.end);
        }
      json_array_unref (targets);
    }
  g_assert_cmpuint (n_items, ==, exported->len);
}

static void
test_inline_round_trip (void)
{
  g_autoptr(GPtrArray) paths = tricky_texts ();
  static const char *synthetic[] = {
    "Prices rose because wages grew.",
    "CRLF\r\nline two\r\n\r\nparagraph\r\n",
    "lone CR\rand LF\nand CRLF\r\nmixed",
    "emoji 😀👍🏽 and flags 🇩🇪🇫🇷, astral 𝔸𝔹ℂ",
    "controls \x01\x02\x0b\x0c\x1f\x7f here\ttab, in a long enough line that these few do not make a binary file",
    "\xef\xbb\xbf" "BOM first",
    "x",
  };

  g_assert_cmpuint (paths->len, >, 10);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GlsDocument) document = gls_test_document_from_file (g_ptr_array_index (paths, i));

      g_test_message ("%s", (char *) g_ptr_array_index (paths, i));
      populate (document, 42 + i, 60);
      round_trip_inline (document);
      check_webanno (document);
    }

  for (guint i = 0; i < G_N_ELEMENTS (synthetic); i++)
    {
      g_autoptr(GlsDocument) document = gls_test_document_from_text (synthetic[i], "synthetic.txt");

      populate (document, 7 + i, 25);
      round_trip_inline (document);
      check_webanno (document);
    }
}

static void
test_inline_shape (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("Prices rose because wages grew.\x0c", "article.txt");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *xml = NULL;
  GlsSpan a1 = { 12, 25 }, a2 = { 20, 30 };
  g_autoptr(GlsAnnotation) first = gls_annotation_new ("factual", &a1, 1, NULL);
  g_autoptr(GlsAnnotation) second = gls_annotation_new ("opinion", &a2, 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  gls_document_add_annotation (document, first, &error);
  g_assert_no_error (error);
  gls_document_add_annotation (document, second, &error);
  g_assert_no_error (error);

  bytes = export_as (document, "inline");
  xml = bytes_to_string (bytes);
  expected = g_strdup_printf ("<text>Prices rose <s a=\"%s\" o=\"12\">because </s>"
                              "<s a=\"%s %s\" o=\"20\">wages</s><s a=\"%s\" o=\"25\"> grew</s>."
                              "<c cp=\"12\"/></text>",
                              gls_annotation_get_id (first),
                              gls_annotation_get_id (first), gls_annotation_get_id (second),
                              gls_annotation_get_id (second));
  g_assert_nonnull (strstr (xml, expected));
  g_assert_nonnull (strstr (xml, "xmlns=\"https://glossator.github.io/ns/annotated-text/1\""));
  g_assert_nonnull (strstr (xml, "<target start=\"12\" end=\"25\"/>"));
  g_assert_null (strstr (xml, "<exact>"));
}

static void
test_inline_merge_and_undo (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("one two three four five six seven", "a.txt");
  g_autoptr(GlsDocument) target = empty_copy (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GlsCodebook *before;

  populate (document, 3, 10);
  bytes = export_as (document, "inline");

  gls_document_annotate (target, "context", 0, 3, &error);
  g_assert_no_error (error);
  before = gls_document_get_codebook (target);
  g_assert_false (gls_document_can_redo (target));

  report = import_ok (target, "inline", bytes, GLS_IMPORT_MERGE);
  g_assert_cmpuint (gls_document_get_n_annotations (target), ==, gls_document_get_n_annotations (document) + 1);
  g_assert_cmpuint (gls_import_report_get_imported (report, "category"), ==, 2);
  g_assert_nonnull (gls_codebook_lookup (gls_document_get_codebook (target), "Name_Calling_Labeling"));
  g_assert_cmpstr (gls_document_get_note (target), ==, gls_document_get_note (document));

  /* one step to undo, one to redo */
  g_assert_true (gls_document_undo (target));
  g_assert_cmpuint (gls_document_get_n_annotations (target), ==, 1);
  g_assert_true (gls_document_get_codebook (target) == before);
  g_assert_null (gls_document_get_note (target));
  g_assert_true (gls_document_redo (target));
  g_assert_cmpuint (gls_document_get_n_annotations (target), ==, gls_document_get_n_annotations (document) + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (target)), ==,
                    g_list_model_get_n_items (gls_document_get_relations (document)));

  /* replacing is one step too, and takes the file's codebook */
  g_clear_pointer (&report, gls_import_report_free);
  report = import_ok (target, "inline", bytes, GLS_IMPORT_REPLACE);
  assert_same_documents (document, target);
  g_assert_true (gls_document_undo (target));
  g_assert_cmpuint (gls_document_get_n_annotations (target), ==, gls_document_get_n_annotations (document) + 1);
}

static void
test_inline_refused (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("Some text here.", "a.txt");
  struct {
    const char *xml;
    const char *expected;
  } cases[] = {
    { "", "bad.file:1: " },
    /* a brat file, in UTF-8 or not, is named as one */
    { "T1\tfactual 0 4\tSome\n", "bad.file:1: this looks like a brat file" },
    { "\nT12\tfactual 5 9\tt\xe9xt\n#1\tAnnotatorNotes T12\tnote\n", "bad.file:1: this looks like a brat file" },
    { "Some text here.", "bad.file:1: the file is not XML" },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<x/>", "bad.file:2: a DOCTYPE" },
    { "<annotated-text xmlns=\"https://glossator.github.io/ns/annotated-text/1\" version=\"1.0\">\n"
      "<text>Some text here.</text>\n<annotation", "bad.file:3: not well-formed XML" },
    { "<annotations xmlns=\"https://glossator.github.io/ns/annotations/1\" version=\"1.0\"/>",
      "bad.file:1: the root element is “annotations”" },
    { "<annotated-text xmlns=\"https://glossator.github.io/ns/annotated-text/1\" version=\"2.0\"/>",
      "version 2.0" },
    { "<annotated-text xmlns=\"https://glossator.github.io/ns/annotated-text/1\" version=\"1.0\">\n"
      "<text>Some other text.</text></annotated-text>",
      "bad.file:2: the text of this file is not the text of “a.txt”: they differ from character 5 on" },
    { "<annotated-text xmlns=\"https://glossator.github.io/ns/annotated-text/1\" version=\"1.0\">\n"
      "<text>Some text here.</text>\n"
      "<annotation id=\"a-1\" category=\"factual\">\n<target start=\"3\" end=\"99\"/></annotation>\n"
      "<annotation id=\"a-1\" category=\"not an id\"><target start=\"4\" end=\"4\"/></annotation>\n"
      "<relation id=\"r-1\" type=\"x\" from=\"a-1\" to=\"a-9\"/>\n"
      "</annotated-text>",
      "bad.file:4: the annotation “a-1” ends at 99, beyond the end of the text (15 characters)\n"
      "bad.file:5: the id “a-1” is used twice\n"
      "bad.file:5: the category “not an id” of annotation “a-1” is not an NCName\n"
      "bad.file:5: the annotation “a-1” has an empty span (4–4)\n"
      "bad.file:6: the relation “r-1” refers to “a-9”, which is not an annotation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = import_refused (document, "inline", cases[i].xml);

      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, cases[i].expected));
    }
}

/* ------------------------------------------------------------------ */
/* brat                                                                */

static void
test_offset_map (void)
{
  /* Glossator: a \r\n b \r\n \r\n c 😀 d, the BOM not counted;
   * brat: BOM a \n b \n \n c 😀 d */
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("\xef\xbb\xbf" "a\r\nb\r\n\r\nc😀d", "m.txt");
  struct { guint g; guint n; guint brat; const char *text; } chars[] = {
    { 0, 1, 1, "a" }, { 1, 2, 2, " " }, { 3, 1, 3, "b" }, { 4, 2, 4, " " }, { 6, 2, 5, " " },
    { 8, 1, 6, "c" }, { 9, 1, 7, "😀" }, { 10, 1, 8, "d" },
  };
  g_autoptr(GBytes) out = NULL;
  g_autofree char *text = NULL;
  GlsSpan span = { 0, 11 };

  g_assert_cmpuint (gls_source_get_length (gls_document_get_source (document)), ==, 11);
  gls_test_annotate_spans (document, "factual", &span, 1);
  out = export_as (document, "brat");
  text = bytes_to_string (out);
  /* the BOM is character 0, and each CRLF one character */
  g_assert_cmpstr (text, ==, "T1\tfactual 1 9\ta b  c😀d\n");

  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    {
      g_autoptr(GlsDocument) copy = empty_copy (document);
      g_autofree char *line = g_strdup_printf ("T1\tX %u %u\t%s\n", chars[i].brat, chars[i].brat + 1, chars[i].text);
      g_autoptr(GlsImportReport) report = import_text (copy, "brat", line, GLS_IMPORT_MERGE);
      GlsSpan got = gls_annotation_get_target (gls_annotation_list_get (gls_document_get_annotations (copy), 0), 0);
      g_autoptr(GBytes) back = export_as (copy, "brat");
      g_autofree char *back_text = bytes_to_string (back);

      g_assert_cmpuint (got.start, ==, chars[i].g);
      g_assert_cmpuint (got.end, ==, chars[i].g + chars[i].n);
      g_assert_cmpstr (back_text, ==, line);
    }
}

/* CRLF text, a discontinuous span, crossing and nested spans, astral
 * characters; its export is exactly the brat file, and comes back. */
static void
test_brat_synthetic (void)
{
  const char *text = "Ünïcode 😀 line one\r\nline two 🇩🇪 flag\r\n\r\nlast line";
  const char *ann =
    "T1\tPerson 0 7\tÜnïcode\n"
    "T2\tDiscontinuous 8 9;19 23\t😀 line\n"
    "T3\tCross 15 23\tone line\n"
    "T4\tCross 19 27\tline two\n"
    "T5\tName_Calling,Labeling 28 30\t🇩🇪\n"
    "T6\tPerson 0 3\tÜnï\n"
    "T7\tSpans_Break 35 41\t  last\n"
    "A1\tVerified T1\n"
    "A2\tConfidence T2 High\n"
    "R1\tOverlaps Arg1:T3 Arg2:T4\t\n"
    "#1\tAnnotatorNotes T1\tFirst name?\n"
    "#2\tLemma T5\t flag\n";
  g_autoptr(GlsDocument) document = gls_test_document_from_text (text, "synthetic.txt");
  g_autoptr(GlsImportReport) report = import_text (document, "brat", ann, GLS_IMPORT_MERGE);
  g_autoptr(GBytes) out = NULL;
  g_autofree char *exported = NULL;
  GlsCodebook *codebook = gls_document_get_codebook (document);
  GlsCategory *derived;
  GlsAnnotation *second;

  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 7);
  g_assert_cmpuint (gls_import_report_get_imported (report, "annotation"), ==, 7);
  g_assert_cmpuint (gls_import_report_get_imported (report, "attribute"), ==, 2);
  g_assert_cmpuint (gls_import_report_get_imported (report, "relation"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_imported (report, "note"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_imported (report, "brat-other-note"), ==, 1);

  /* brat types become categories, case kept; a name that is no NCName
   * gets a derived id and keeps its spelling */
  g_assert_nonnull (gls_codebook_lookup (codebook, "Person"));
  derived = gls_codebook_lookup_name (codebook, "Name_Calling,Labeling");
  g_assert_nonnull (derived);
  g_assert_cmpstr (gls_category_get_id (derived), ==, "Name_Calling_Labeling");
  g_assert_cmpstr (gls_category_get_name (derived), ==, "Name_Calling,Labeling");

  /* a valueless A comes in valueless */
  second = gls_annotation_list_get (gls_document_get_annotations (document), 1);
  g_assert_cmpuint (gls_annotation_get_end (second), ==, 7);
  g_assert_cmpstr (gls_annotation_lookup_attribute (second, "Verified"), ==, "");
  g_assert_cmpstr (gls_annotation_get_note (second), ==, "First name?");

  /* the second line starts after one CRLF: brat 19 is Glossator 20 */
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();
    gls_document_query_at (document, 21, found);
    g_assert_cmpuint (found->len, ==, 3);
  }

  out = export_as (document, "brat");
  exported = bytes_to_string (out);
  g_assert_cmpstr (exported, ==,
                   "T1\tPerson 0 3\tÜnï\n"
                   "T2\tPerson 0 7\tÜnïcode\n"
                   "T3\tDiscontinuous 8 9;19 23\t😀 line\n"
                   "T4\tCross 15 23\tone line\n"
                   "T5\tCross 19 27\tline two\n"
                   "T6\tName_Calling,Labeling 28 30\t🇩🇪\n"
                   "T7\tSpans_Break 35 41\t  last\n"
                   "A1\tVerified T2\n"
                   "A2\tConfidence T3 High\n"
                   "R1\tOverlaps Arg1:T4 Arg2:T5\n"
                   "#1\tAnnotatorNotes T2\tFirst name?\n"
                   "#2\tLemma T6\t flag\n");

  /* importing the same file again adds nothing */
  {
    g_autoptr(GlsImportReport) again = import_text (document, "brat", ann, GLS_IMPORT_MERGE);
    g_autoptr(GBytes) out2 = export_as (document, "brat");

    g_assert_cmpuint (gls_import_report_get_imported (again, "annotation"), ==, 0);
    g_assert_cmpuint (gls_import_report_get_skipped (again, "duplicate"), ==, 7);
    g_assert_cmpuint (gls_import_report_get_imported (again, "relation"), ==, 0);
    g_assert_cmpuint (gls_import_report_get_imported (again, "attribute"), ==, 0);
    g_assert_cmpuint (gls_import_report_get_imported (again, "note"), ==, 0);
    g_assert_true (g_bytes_equal (out, out2));
  }

  /* one step to undo */
  g_assert_true (gls_document_undo (document));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
  g_assert_null (gls_codebook_lookup (gls_document_get_codebook (document), "Person"));
}

/* What Glossator does not model is counted and kept as attributes. */
static void
test_brat_kept (void)
{
  const char *text = "Google merged with YouTube, said CNN.";
  const char *ann =
    "T1\tOrganization 0 6\tGoogle\n"
    "T2\tMerge 7 13\tmerged\n"
    "T3\tOrganization 19 26\tYouTube\n"
    "E1\tMerge:T2 Org-Arg:T1 Org-Arg2:T3\n"
    "A1\tConfidence E1 High\n"
    "M1\tNegation E1\n"
    "N1\tReference T1 Wikipedia:1092923\tGoogle\n"
    "*\tAlias T1 T3\n"
    "R1\tOwns Arg1:T1 Arg2:T3\t\n"
    "#1\tAnnotatorNotes E1\tOne event?\n"
    "#2\tAnnotatorNotes R1\tReally?\n";
  g_autoptr(GlsDocument) document = gls_test_document_from_text (text, "kept.txt");
  g_autoptr(GlsImportReport) report = import_text (document, "brat", ann, GLS_IMPORT_MERGE);
  GlsAnnotation *trigger = gls_annotation_list_get (gls_document_get_annotations (document), 1);
  g_autofree char *summary = gls_import_report_to_string (report);

  g_test_message ("%s", summary);
  g_assert_cmpuint (gls_import_report_get_imported (report, "annotation"), ==, 3);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "brat-event"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "brat-event-attribute"), ==, 2);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "brat-normalization"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "brat-equiv"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "brat-event-note"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_skipped (report, "brat-relation-note"), ==, 1);
  g_assert_cmpuint (gls_import_report_get_imported (report, "relation"), ==, 1);

  g_assert_cmpstr (gls_annotation_get_category (trigger), ==, "Merge");
  g_assert_cmpstr (gls_annotation_lookup_attribute (trigger, "brat:event"), ==,
                   "E1\tMerge:T2 Org-Arg:T1 Org-Arg2:T3");
  g_assert_cmpstr (gls_annotation_lookup_attribute (trigger, "brat:attribute"), ==, "A1\tConfidence E1 High");
  g_assert_cmpstr (gls_annotation_lookup_attribute (trigger, "brat:event-note"), ==, "#1\tAnnotatorNotes E1\tOne event?");

  /* kept lines are not written back as A lines */
  {
    g_autoptr(GBytes) out = export_as (document, "brat");
    g_autofree char *exported = bytes_to_string (out);

    g_assert_null (strstr (exported, "\nA"));
    g_assert_nonnull (strstr (exported, "R1\tOwns Arg1:T1 Arg2:T3\n"));
  }
}

static void
test_brat_refused (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("Alice met Bob.\r\nThe end.", "a.txt");
  struct {
    const char *ann;
    const char *expected;
  } cases[] = {
    { "T1\tPerson 0 5\tAlice\nThis is a bare text line\n",
      "bad.file:2: “This is a bare text line” is not a brat annotation" },
    { "T1\tPerson 0 5\tAlice\n\nT2\tPerson 10 40\tBob\n",
      "bad.file:3: the span 10–40 of T2 ends beyond the end of the text (23 characters)" },
    { "T1\tPerson 0 5\tAlicia\n",
      "bad.file:1: the text of T1 is “Alicia”, but the text at its offsets (0 5) is “Alice”" },
    { "T1\tPerson 5 5\t\n", "bad.file:1: the span 5–5 of T1 is empty" },
    { "T1\tPerson five 9\tAlice\n", "bad.file:1: “five 9” is not a span" },
    { "T1\tPerson 0 5\tAlice\nA1\tVerified T9\n", "bad.file:2: A1 refers to “T9”, which this file does not define" },
    { "T1\tPerson 0 5\tAlice\nT1\tPerson 10 13\tBob\n", "bad.file:2: the id T1 is used twice (first on line 1)" },
    { "T1\tPerson 0 5\tAlice\nR1\tKnows T1\n", "bad.file:2: “R1\tKnows T1” is not a well-formed brat annotation" },
    { "T1\tPerson 0 5\tAlice\n\xff\xfe\n", "bad.file:2: this line is not valid UTF-8" },
    /* a type XML cannot hold is refused, not written without the character */
    { "T1\tBad\xef\xbf\xbeType 0 5\tAlice\n",
      "bad.file:1: the name “Bad<U+FFFE>Type” holds the character U+FFFE, which XML files cannot hold" },
    { "T1\tPerson 0 5\tAlice\nR1\tKnows\x01 Arg1:T1 Arg2:T1\n",
      "bad.file:2: the name “Knows<U+0001>” holds the character U+0001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = import_refused (document, "brat", cases[i].ann);

      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, cases[i].expected));
    }

  /* every problem of a file, not only the first */
  {
    g_autofree char *message = import_refused (document, "brat",
                                               "hello\nT1\tPerson 0 99\tx\nT2\tPerson 0 5\tBob\n");
    g_assert_nonnull (strstr (message, "bad.file:1:"));
    g_assert_nonnull (strstr (message, "bad.file:2:"));
    g_assert_nonnull (strstr (message, "bad.file:3:"));
  }
}

/* ------------------------------------------------------------------ */
/* SemEval                                                             */

static void
test_semeval (void)
{
  /* The corpus counts a leading BOM as character 0. */
  const char *text = "\xef\xbb\xbf" "Title 😀\n\nThey are traitors, all of them.";
  const char *labels =
    "111\tName_Calling,Labeling\t19\t27\n"
    "111\tLoaded_Language\t19\t27\n"
    "111\tExaggeration,Minimisation\t29\t40\n";
  g_autoptr(GlsDocument) document = gls_test_document_from_text (text, "article111.txt");
  g_autoptr(GlsImportReport) report = import_text (document, "semeval", labels, GLS_IMPORT_MERGE);
  g_autoptr(GBytes) out = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *quote = NULL;
  GlsAnnotation *first;

  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 3);
  g_assert_cmpuint (gls_import_report_get_imported (report, "category"), ==, 3);
  first = gls_annotation_list_get (gls_document_get_annotations (document), 0);
  quote = gls_source_dup_range (gls_document_get_source (document),
                                gls_annotation_get_start (first), gls_annotation_get_end (first));
  g_assert_cmpstr (quote, ==, "traitors");
  g_assert_nonnull (gls_codebook_lookup (gls_document_get_codebook (document), "Exaggeration_Minimisation"));

  /* the same lines, in text order (two at one span in either order) */
  out = export_as (document, "semeval");
  exported = bytes_to_string (out);
  {
    g_auto(GStrv) lines = g_strsplit (exported, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_cmpstr (lines[2], ==, "111\tExaggeration,Minimisation\t29\t40");
    g_assert_cmpstr (lines[3], ==, "");
    g_assert_true ((strcmp (lines[0], "111\tLoaded_Language\t19\t27") == 0 &&
                    strcmp (lines[1], "111\tName_Calling,Labeling\t19\t27") == 0) ||
                   (strcmp (lines[1], "111\tLoaded_Language\t19\t27") == 0 &&
                    strcmp (lines[0], "111\tName_Calling,Labeling\t19\t27") == 0));
  }

  /* a file of several articles: only this one's lines */
  {
    g_autoptr(GlsDocument) other = empty_copy (document);
    g_autoptr(GlsImportReport) some = import_text (other, "semeval",
                                                   "111\tDoubt\t1\t3\n222\tDoubt\t1\t4\n", GLS_IMPORT_MERGE);

    g_assert_cmpuint (gls_document_get_n_annotations (other), ==, 1);
    g_assert_cmpuint (gls_import_report_get_imported (some, "annotation"), ==, 1);
    g_assert_cmpuint (gls_import_report_get_skipped (some, "semeval-other-article"), ==, 1);
  }
}

static void
test_semeval_refused (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("\xef\xbb\xbf" "short text", "article5.txt");
  struct {
    const char *labels;
    const char *expected;
  } cases[] = {
    { "5\tDoubt\t1\t3\n5\tDoubt\t1\n", "bad.file:2: expected 4 fields separated by tabs" },
    { "5\tDoubt\tone\t3\n", "bad.file:1: the start and end must be character offsets" },
    { "5\tDoubt\t3\t1\n", "bad.file:1: the span 3–1 is empty" },
    { "5\tDoubt\t1\t99\n", "bad.file:1: the span 1–99 ends beyond the end of the text (11 characters)" },
    { "5\tDoubt\t0\t3\n", "bad.file:1: the span 0–3 starts in the byte-order mark" },
    { "6\tDoubt\t1\t3\n7\tDoubt\t1\t3\n", "none of which is article “5”" },
    { "5\tDoubt\xef\xbf\xbf\t1\t3\n",
      "bad.file:1: the name “Doubt<U+FFFF>” holds the character U+FFFF, which XML files cannot hold" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = import_refused (document, "semeval", cases[i].labels);

      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, cases[i].expected));
    }
}

/* Empty input, with or without data behind it, holds no annotations:
 * nothing is imported, and no pointer arithmetic is done on NULL (which
 * UBSan reports). */
static void
test_empty_input (void)
{
  const char *formats[] = { "brat", "semeval" };
  const char *texts[] = { "", "Some text." };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
      {
        g_autoptr(GBytes) no_data = g_bytes_new (NULL, 0);
        g_autoptr(GBytes) empty_string = g_bytes_new_static ("", 0);
        g_autoptr(GlsDocument) document = gls_test_document_from_text (texts[j], "article1.txt");
        g_autoptr(GlsImportReport) first = import_ok (document, formats[i], no_data, GLS_IMPORT_MERGE);
        g_autoptr(GlsImportReport) second = import_ok (document, formats[i], empty_string, GLS_IMPORT_MERGE);

        g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
        g_assert_cmpuint (gls_import_report_get_imported (first, "annotation"), ==, 0);
        g_assert_cmpuint (gls_import_report_get_imported (second, "annotation"), ==, 0);
      }
}

/* An empty file to import, whose GBytes holds no data at all, says
 * nothing and changes nothing (the fuzzers found pointer arithmetic on
 * NULL there, which UndefinedBehaviorSanitizer stops at). */
static void
test_empty_file (void)
{
  const char *names[] = { "brat", "semeval" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GlsDocument) document = gls_test_document_from_text ("Some text here.", "a.txt");
      g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
      g_autoptr(GlsImportReport) report = import_ok (document, names[i], empty, GLS_IMPORT_MERGE);

      g_assert_cmpuint (gls_import_report_get_n_kinds (report), ==, 0);
      g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
      g_assert_false (gls_document_can_undo (document));
    }
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

static void
test_csv_guard (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("=SUM(A1) +1 -2 @x 'q \"a, b\"", "c.txt");
  g_autoptr(GBytes) out = NULL;
  g_autofree char *csv = NULL;
  GlsSpan spans[] = { { 0, 8 }, { 9, 11 }, { 12, 14 }, { 15, 17 }, { 18, 20 }, { 21, 27 } };
  GlsDocument *documents[2];

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    gls_test_annotate_spans (document, "factual", &spans[i], 1);

  documents[0] = document;
  documents[1] = document;
  out = gls_format_lookup ("csv")->export_documents (documents, 2, NULL);
  csv = bytes_to_string (out);
  g_assert_true (g_str_has_prefix (csv, "document,id,category,category label,start,end,exact,prefix,suffix,"
                                        "note,annotator,created,modified\r\n"));
  g_assert_nonnull (strstr (csv, ",0,8,'=SUM(A1),,"));
  g_assert_nonnull (strstr (csv, ",9,11,'+1,"));
  g_assert_nonnull (strstr (csv, ",12,14,'-2,"));
  g_assert_nonnull (strstr (csv, ",15,17,'@x,"));
  g_assert_nonnull (strstr (csv, ",18,20,''q,"));
  g_assert_nonnull (strstr (csv, ",21,27,\"\"\"a, b\"\"\","));
  /* two documents, one header */
  {
    g_auto(GStrv) rows = g_strsplit (csv, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (rows), ==, 1 + 12 + 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/table", test_table);
  g_test_add_func ("/formats/import-report", test_import_report);
  g_test_add_func ("/formats/inline/shape", test_inline_shape);
  g_test_add_func ("/formats/inline-and-json-ld/round-trip", test_inline_round_trip);
  g_test_add_func ("/formats/inline/merge-and-undo", test_inline_merge_and_undo);
  g_test_add_func ("/formats/inline/refused", test_inline_refused);
  g_test_add_func ("/formats/brat/offsets", test_offset_map);
  g_test_add_func ("/formats/brat/synthetic", test_brat_synthetic);
  g_test_add_func ("/formats/brat/kept", test_brat_kept);
  g_test_add_func ("/formats/brat/refused", test_brat_refused);
  g_test_add_func ("/formats/semeval/bom-and-names", test_semeval);
  g_test_add_func ("/formats/semeval/refused", test_semeval_refused);
  g_test_add_func ("/formats/brat-and-semeval/empty-input", test_empty_input);
  g_test_add_func ("/formats/empty-file", test_empty_file);
  g_test_add_func ("/formats/csv/guard", test_csv_guard);

  return g_test_run ();
}
