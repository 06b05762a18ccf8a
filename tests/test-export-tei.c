/* test-export-tei.c
 * TEI exports valid against tei_all.rng (compiled once: ~10 s), NCName ids,
 * no dangling reference, and @next/@prev chains giving back each text. */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "gls-core.h"
#include "gls-format.h"
#include "gls-test-util.h"

#define TEI_NS "http://www.tei-c.org/ns/1.0"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

static xmlRelaxNGPtr schema;

static void
collect_errors (void        *user_data,
                xmlErrorPtr  error)
{
  GString *errors = user_data;

  g_string_append_printf (errors, "line %d: %s", error->line, error->message);
}

static void
populate (GlsDocument *document,
          guint32      seed,
          guint        n,
          guint        max_length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) made = g_ptr_array_new ();
  guint length = gls_source_get_length (gls_document_get_source (document));
  const char *categories[] = { "factual", "opinion", "hedge", "framing", "context" };

  if (length < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 1);
      guint extra = g_rand_int_range (rand, 0, max_length);
      guint end = MIN (length, start + 1 + extra);
      GlsAnnotation *annotation;

      gls_document_set_annotator (document, i % 2 ? "Ada Lovelace" : "Grace Hopper");
      if (i % 5 == 2 && end + 3 < length)
        {
          guint more = g_rand_int_range (rand, 1, 20);
          GlsSpan spans[2] = { { start, end }, { end + 2, MIN (length, end + 2 + more) } };
          annotation = gls_test_annotate_spans (document, categories[i % G_N_ELEMENTS (categories)], spans, 2);
        }
      else
        {
          GlsSpan span = { start, end };
          annotation = gls_test_annotate_spans (document, categories[i % G_N_ELEMENTS (categories)], &span, 1);
        }

      if (i % 4 == 1)
        gls_document_set_annotation_note (document, annotation, "Checked against <the> \"record\" & more\nlater.");
      if (i % 6 == 3)
        gls_document_set_attribute (document, annotation, "verified", "no");
      if (i % 7 == 4 && made->len > 0)
        gls_document_add_relation (document, "supports awkwardly", annotation,
                                   g_ptr_array_index (made, made->len / 2), NULL);
      g_ptr_array_add (made, annotation);
    }
}

/* Every "#id" in the space-separated @value. */
static void
check_pointers (xmlNodePtr   node,
                const char  *name,
                GHashTable  *ids,
                guint       *n_checked)
{
  g_autofree char *value = (char *) xmlGetNoNsProp (node, BAD_CAST name);
  g_auto(GStrv) pointers = NULL;

  if (value == NULL)
    return;

  pointers = g_strsplit (value, " ", -1);
  for (guint i = 0; pointers[i] != NULL; i++)
    {
      if (pointers[i][0] == '\0')
        continue;
      if (pointers[i][0] != '#' || !g_hash_table_contains (ids, pointers[i] + 1))
        g_error ("@%s=\"%s\" on <%s> (line %ld) points nowhere", name, value, node->name, xmlGetLineNo (node));
      (*n_checked)++;
    }
}

static void
walk (xmlNodePtr  node,
      GHashTable *ids,
      GHashTable *by_id,
      gboolean    collect)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (collect)
        {
          g_autofree char *id = (char *) xmlGetNsProp (node, BAD_CAST "id", BAD_CAST XML_NS);

          if (id != NULL)
            {
              g_assert_true (xmlValidateNCName (BAD_CAST id, 0) == 0);
              if (g_hash_table_contains (ids, id))
                g_error ("xml:id “%s” is used twice", id);
              g_hash_table_insert (by_id, g_strdup (id), node);
              g_hash_table_add (ids, g_steal_pointer (&id));
            }
        }
      else
        {
          const char *attributes[] = { "ana", "next", "prev", "target", "resp", "active", "passive" };
          guint n_checked = 0;

          for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
            check_pointers (node, attributes[i], ids, &n_checked);
        }

      walk (node->children, ids, by_id, collect);
    }
}

static xmlNodePtr
find_element (xmlNodePtr  node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNodePtr found;

      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
        return node;
      if ((found = find_element (node->children, name)) != NULL)
        return found;
    }

  return NULL;
}

/* The text of one fragment chain, following @next. */
static char *
chain_text (xmlNodePtr  first,
            GHashTable *by_id,
            guint      *n_fragments)
{
  GString *text = g_string_new (NULL);
  xmlNodePtr node = first;
  g_autofree char *part = (char *) xmlGetNoNsProp (first, BAD_CAST "part");

  *n_fragments = 0;
  g_assert_true (part == NULL || strcmp (part, "I") == 0);

  while (node != NULL)
    {
      g_autofree char *content = (char *) xmlNodeGetContent (node);
      g_autofree char *next = (char *) xmlGetNoNsProp (node, BAD_CAST "next");
      g_autofree char *this_part = (char *) xmlGetNoNsProp (node, BAD_CAST "part");

      g_string_append (text, content);
      (*n_fragments)++;

      if (next == NULL)
        {
          g_assert_true (part == NULL || g_strcmp0 (this_part, "F") == 0);
          break;
        }

      g_assert_true (*n_fragments == 1 ? g_strcmp0 (this_part, "I") == 0 : g_strcmp0 (this_part, "M") == 0);
      node = g_hash_table_lookup (by_id, next + 1);
      g_assert_nonnull (node);
      {
        g_autofree char *prev = (char *) xmlGetNoNsProp (node, BAD_CAST "prev");
        g_autofree char *id = (char *) xmlGetNsProp (first, BAD_CAST "id", BAD_CAST XML_NS);

        g_assert_nonnull (prev);
        (void) id;
      }
    }

  return g_string_free (text, FALSE);
}

static void
check_export (GlsDocument *document,
              const char  *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GlsSource *source = gls_document_get_source (document);
  GlsAnnotationList *list = gls_document_get_annotations (document);
  xmlDocPtr doc;
  xmlNodePtr root, body, stand_off;
  gsize len;
  const char *data;
  gboolean wants_stand_off = FALSE;

  g_test_message ("TEI export of %s", what);
  bytes = gls_format_export (gls_format_lookup ("tei"), document, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);

  doc = xmlReadMemory (data, (int) len, "export.tei.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "TEI");
  g_assert_cmpstr ((const char *) root->ns->href, ==, TEI_NS);

  if (schema != NULL)
    {
      xmlRelaxNGValidCtxtPtr context = xmlRelaxNGNewValidCtxt (schema);
      g_autoptr(GString) errors = g_string_new (NULL);
      int result;

      xmlRelaxNGSetValidStructuredErrors (context, collect_errors, errors);
      result = xmlRelaxNGValidateDoc (context, doc);
      xmlRelaxNGFreeValidCtxt (context);
      if (result != 0)
        g_error ("the TEI export of %s is not valid:\n%s", what, errors->str);
    }

  /* ids, then references */
  walk (root, ids, by_id, TRUE);
  walk (root, ids, by_id, FALSE);

  /* the text, as written (U+FFFD for what XML cannot hold) */
  body = find_element (root->children, "body");
  g_assert_nonnull (body);
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *expected = gls_source_dup_quote (source, 0, gls_source_get_length (source));

    for (xmlNodePtr p = body->children; p != NULL; p = p->next)
      {
        g_autofree char *content = NULL;

        if (p->type != XML_ELEMENT_NODE)
          continue;
        g_assert_cmpstr ((const char *) p->name, ==, "p");
        content = (char *) xmlNodeGetContent (p);
        g_string_append (text, content);
      }
    g_assert_cmpstr (text->str, ==, expected);
  }

  /* each annotation: a chain of segs with its text */
  for (guint i = 0; i < gls_document_get_n_annotations (document); i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (list, i);
      xmlNodePtr first = g_hash_table_lookup (by_id, gls_annotation_get_id (annotation));
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autofree char *ana = NULL;
      guint n_fragments;
      const char *note = gls_annotation_get_note (annotation);

      if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
        continue;
      if ((note != NULL && *note) || gls_annotation_get_n_attributes (annotation) > 0)
        wants_stand_off = TRUE;

      g_assert_nonnull (first);
      g_assert_cmpstr ((const char *) first->name, ==, "seg");
      ana = (char *) xmlGetNoNsProp (first, BAD_CAST "ana");
      g_assert_nonnull (ana);

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_autofree char *quote = gls_source_dup_quote (source, span.start, span.end);

          g_string_append (expected, quote);
        }

      text = chain_text (first, by_id, &n_fragments);
      g_assert_cmpstr (text, ==, expected->str);
      g_assert_cmpuint (n_fragments, >=, gls_annotation_get_n_targets (annotation));
    }

  if (g_list_model_get_n_items (gls_document_get_relations (document)) > 0)
    wants_stand_off = TRUE;
  stand_off = find_element (root->children, "standOff");
  g_assert_true ((stand_off != NULL) == wants_stand_off);

  xmlFreeDoc (doc);

  if (schema == NULL)
    g_test_skip ("no shared corpus (GLOSSATOR_SHARED_DIR): not validated against tei_all.rng");
}

static void
test_seeds_and_tricky_texts (void)
{
  g_autofree char *manifest = gls_test_data_path ("texts", "MANIFEST.tsv", NULL);
  g_auto(GStrv) cells = NULL;
  const char *shared = gls_test_shared_dir ();
  guint columns;

  cells = gls_test_read_manifest (manifest, &columns);
  for (guint i = 0; cells[i] != NULL; i += columns)
    {
      g_autofree char *path = NULL;
      g_autoptr(GlsDocument) document = NULL;

      if (strcmp (cells[i + columns - 1], "ok") != 0)
        continue;
      path = gls_test_data_path ("texts", cells[i], NULL);
      document = gls_test_document_from_file (path);
      populate (document, i, 40, 30);
      check_export (document, cells[i]);
    }

  if (shared != NULL)
    {
      g_autofree char *seeds = g_build_filename (shared, "corpus", "seeds", NULL);
      g_autoptr(GDir) dir = g_dir_open (seeds, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (seeds, name, NULL);
          g_autoptr(GlsDocument) document = NULL;

          if (!g_str_has_suffix (name, ".txt"))
            continue;
          document = gls_test_document_from_file (path);
          populate (document, 99, 300, 120);
          check_export (document, name);
        }
    }
}

static void
test_nested_and_crossing (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("Prices rose because wages grew faster than anyone expected.", "p.txt");
  GlsSpan spans[][2] = {
    { { 0, 59 } },              /* everything */
    { { 0, 11 } },              /* nested at the start */
    { { 12, 25 } },             /* crossing the next */
    { { 20, 30 } },
    { { 20, 30 } },             /* the same span twice */
    { { 26, 42 } },             /* crossing both */
    { { 7, 11 }, { 31, 37 } },  /* discontinuous, inside others */
    { { 58, 59 } },             /* the last character */
  };
  guint n_spans[] = { 1, 1, 1, 1, 1, 1, 2, 1 };
  g_autoptr(GError) error = NULL;
  GlsAnnotation *a, *b;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    gls_test_annotate_spans (document, i % 2 ? "opinion" : "factual", spans[i], n_spans[i]);

  /* a category the codebook lacks, and one whose id is an annotation's */
  a = gls_annotation_list_get (gls_document_get_annotations (document), 1);
  b = gls_annotation_list_get (gls_document_get_annotations (document), 2);
  gls_document_set_category (document, a, "missing-category");
  {
    g_autoptr(GlsCodebook) codebook = gls_codebook_copy (gls_document_get_codebook (document));
    g_autoptr(GlsCategory) clash = gls_category_new (gls_annotation_get_id (b));

    gls_category_set_name (clash, "Clash, with a comma");
    gls_codebook_add_category (codebook, NULL, clash, &error);
    g_assert_no_error (error);
    gls_document_set_codebook (document, codebook);
    gls_document_set_category (document, b, gls_annotation_get_id (b));
  }
  gls_document_add_relation (document, "supports", a, b, &error);
  g_assert_no_error (error);

  check_export (document, "nested and crossing spans");

  /* without notes, attributes or relations there is no standOff */
  {
    g_autoptr(GlsDocument) plain = gls_test_document_from_text ("One two three.", "plain.txt");
    GlsSpan span = { 4, 7 };

    gls_test_annotate_spans (plain, "factual", &span, 1);
    check_export (plain, "a plain document");
  }

  /* nothing at all */
  {
    g_autoptr(GlsDocument) empty = gls_test_document_from_text ("Nothing to see.", "empty.txt");
    check_export (empty, "a document without annotations");
  }
}

static void
test_line_breaks (void)
{
  g_autoptr(GlsDocument) document =
    gls_test_document_from_text ("First paragraph, first line\r\nsecond line.\r\n\r\n"
                        "Second paragraph 😀 with\ttabs\x0c and a form feed.\n\n\n"
                        "Third\rparagraph\r\rafter lone CRs.", "breaks.txt");
  guint length = gls_source_get_length (gls_document_get_source (document));
  GlsSpan spans[][2] = {
    { { 17, 40 } },              /* across a CRLF */
    { { 20, 50 } },              /* across the paragraph break */
    { { 0, 0 } },                /* (all of it, set below) */
    { { 30, 80 } },
    { { 42, 44 } },              /* just the CRLF CRLF */
    { { 5, 9 }, { 60, 70 } },    /* discontinuous, across paragraphs */
  };
  guint n_spans[] = { 1, 1, 1, 1, 1, 2 };

  spans[2][0].end = length;
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    gls_test_annotate_spans (document, "factual", spans[i], n_spans[i]);
  populate (document, 5, 80, 60);

  check_export (document, "spans across line breaks");
}

int
main (int   argc,
      char *argv[])
{
  const char *shared;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  shared = gls_test_shared_dir ();
  if (shared == NULL)
    g_test_message ("no shared corpus: the exports are checked without tei_all.rng");
  else
    {
      g_autofree char *path = g_build_filename (shared, "schemas", "tei_all.rng", NULL);
      xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (path);
      gint64 start = g_get_monotonic_time ();

      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert_nonnull (schema);
      g_test_message ("tei_all.rng compiled in %.1f s", (g_get_monotonic_time () - start) / 1e6);
    }

  g_test_add_func ("/formats/tei/seeds-and-tricky-texts", test_seeds_and_tricky_texts);
  g_test_add_func ("/formats/tei/nested-and-crossing", test_nested_and_crossing);
  g_test_add_func ("/formats/tei/line-breaks", test_line_breaks);

  return g_test_run ();
}
