/* test-codebook.c
 * The built-in codebook, codebook files, and labels in the user's language. */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-test-util.h"

static void
test_builtin (void)
{
  static const char *ids[] = {
    "factual", "statistic", "attributed", "anonymous", "opinion",
    "prediction", "framing", "hedge", "context",
  };
  static const char *labels[] = {
    "Factual claim", "Number or statistic", "Attributed claim", "Anonymous source",
    "Opinion or evaluation", "Prediction or speculation", "Framing or loaded language",
    "Hedge or uncertainty", "Context or background",
  };
  g_autoptr(GlsCodebook) codebook = gls_codebook_new_builtin ();

  g_assert_cmpstr (gls_codebook_get_id (codebook), ==, "claims");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (codebook)), ==, G_N_ELEMENTS (ids));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (codebook)) == GLS_TYPE_CATEGORY);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GlsCategory) category = g_list_model_get_item (G_LIST_MODEL (codebook), i);
      const char *color = gls_category_get_color (category);

      g_assert_cmpstr (gls_category_get_id (category), ==, ids[i]);
      g_assert_cmpuint (gls_category_get_key (category), ==, i + 1);
      g_assert_cmpstr (gls_category_get_label_for_language (category, NULL), ==, labels[i]);
      g_assert_nonnull (gls_category_get_description (category));
      g_assert_cmpuint (strlen (gls_category_get_description (category)), >, 20);
      g_assert_nonnull (color);
      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_true (gls_codebook_lookup_key (codebook, i + 1) == category);
      g_assert_true (gls_codebook_lookup (codebook, ids[i]) == category);
    }

  g_assert_null (gls_codebook_lookup (codebook, "nonsense"));
  g_assert_null (gls_codebook_lookup_key (codebook, 0));
}

static const char nested[] =
  "<?xml version=\"1.0\"?>\n"
  "<codebook xmlns=\"https://glossator.github.io/ns/annotations/1\" id=\"team\" version=\"3\">\n"
  "  <category id=\"claim\" key=\"1\" color=\"#3584e4\">\n"
  "    <label>Claim</label>\n"
  "    <label xml:lang=\"de\">Behauptung</label>\n"
  "    <label xml:lang=\"pt-BR\">Alegação</label>\n"
  "    <description>Something asserted.</description>\n"
  "    <category id=\"number\" key=\"2\">\n"
  "      <label>Number</label>\n"
  "      <label xml:lang=\"fr\">Nombre</label>\n"
  "    </category>\n"
  "  </category>\n"
  "  <category id=\"Name_Calling_Labeling\" name=\"Name_Calling,Labeling\">\n"
  "    <label>Name calling</label>\n"
  "  </category>\n"
  "</codebook>\n";

static GlsCodebook *
parse (const char  *xml,
       GPtrArray   *problems,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return gls_codebook_new_from_bytes (bytes, "codebook.xml", problems, error);
}

static void
test_nested (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsCodebook) codebook = parse (nested, NULL, &error);
  g_autoptr(GlsCodebook) copy = NULL;
  GlsCategory *claim, *number, *named;

  g_assert_no_error (error);
  g_assert_cmpstr (gls_codebook_get_version (codebook), ==, "3");
  g_assert_cmpuint (gls_codebook_get_n_categories (codebook), ==, 3);
  g_assert_cmpuint (gls_codebook_get_n_roots (codebook), ==, 2);

  claim = gls_codebook_get_category (codebook, 0);
  number = gls_codebook_get_category (codebook, 1);
  named = gls_codebook_get_category (codebook, 2);
  g_assert_cmpstr (gls_category_get_id (number), ==, "number");
  g_assert_true (gls_category_get_parent (number) == claim);
  g_assert_cmpuint (gls_category_get_depth (number), ==, 1);
  g_assert_cmpuint (gls_category_get_n_children (claim), ==, 1);

  /* every language variant is kept */
  g_assert_cmpuint (gls_category_get_n_labels (claim), ==, 3);
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "de"), ==, "Behauptung");
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "de_AT.UTF-8"), ==, "Behauptung");
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "pt_BR"), ==, "Alegação");
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "fr"), ==, "Claim");
  g_assert_cmpstr (gls_category_get_label_for_language (number, "fr_CA"), ==, "Nombre");

  g_assert_cmpstr (gls_category_get_name (named), ==, "Name_Calling,Labeling");
  g_assert_cmpstr (gls_category_get_original_name (named), ==, "Name_Calling,Labeling");
  g_assert_true (gls_codebook_lookup_name (codebook, "Name_Calling,Labeling") == named);

  /* a copy is independent */
  copy = gls_codebook_copy (codebook);
  g_assert_cmpuint (gls_codebook_get_n_categories (copy), ==, 3);
  g_assert_true (gls_codebook_get_category (copy, 0) != claim);
  gls_codebook_remove_category (copy, gls_codebook_lookup (copy, "number"));
  g_assert_cmpuint (gls_codebook_get_n_categories (copy), ==, 2);
  g_assert_cmpuint (gls_codebook_get_n_categories (codebook), ==, 3);
}

/* The label follows the user's languages, as g_get_language_names() says. */
static void
test_user_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsCodebook) codebook = parse (nested, NULL, &error);
  GlsCategory *claim = gls_codebook_get_category (codebook, 0);

  g_assert_no_error (error);

  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_cmpstr (gls_category_get_label (claim), ==, "Behauptung");
  g_setenv ("LANGUAGE", "fr:pt_BR", TRUE);
  g_assert_cmpstr (gls_category_get_label (claim), ==, "Alegação");
  g_setenv ("LANGUAGE", "fa", TRUE);
  g_assert_cmpstr (gls_category_get_label (claim), ==, "Claim");
  g_unsetenv ("LANGUAGE");
}

static void
test_errors (void)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autofree char *text = NULL;

  /* two categories with one id: the second one's line is named */
  codebook = parse ("<codebook xmlns=\"https://glossator.github.io/ns/annotations/1\" id=\"x\">\n"
                    "<category id=\"a\"><label>A</label></category>\n"
                    "<category id=\"a\"><label>B</label></category>\n"
                    "</codebook>\n", problems, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  text = gls_problem_to_string (g_ptr_array_index (problems, 0));
  g_assert_true (g_str_has_prefix (text, "codebook.xml:3:"));
  g_clear_error (&error);

  /* a colour the schema refuses */
  codebook = parse ("<codebook xmlns=\"https://glossator.github.io/ns/annotations/1\" id=\"x\">"
                    "<category id=\"a\" color=\"red\"><label>A</label></category></codebook>",
                    NULL, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "codebook.xml:1"));
  g_clear_error (&error);

  /* not XML */
  codebook = parse ("<codebook", NULL, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_MALFORMED);
  g_clear_error (&error);

  /* a DOCTYPE */
  codebook = parse ("<?xml version=\"1.0\"?>\n<!DOCTYPE codebook [<!ENTITY x \"y\">]>\n<codebook/>", NULL, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLS_ERROR, GLS_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "codebook.xml:2:"));
}

static void
test_derive_id (void)
{
  g_autoptr(GlsCodebook) codebook = gls_codebook_new ("imported", NULL);
  g_autoptr(GlsCategory) first = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autoptr(GError) error = NULL;

  a = gls_codebook_derive_id (codebook, "Loaded_Language");
  g_assert_cmpstr (a, ==, "Loaded_Language");

  b = gls_codebook_derive_id (codebook, "Name_Calling,Labeling");
  g_assert_cmpstr (b, ==, "Name_Calling_Labeling");

  first = gls_category_new (b);
  g_assert_true (gls_codebook_add_category (codebook, NULL, first, &error));
  g_assert_no_error (error);
  c = gls_codebook_derive_id (codebook, "Name_Calling,Labeling");
  g_assert_cmpstr (c, ==, "Name_Calling_Labeling-2");

  d = gls_codebook_derive_id (codebook, "1st Place");
  g_assert_cmpstr (d, ==, "c_1st_Place");

  /* ids must be NCNames, and unique */
  {
    g_autoptr(GlsCategory) bad = gls_category_new ("not valid");
    g_autoptr(GlsCategory) twice = gls_category_new (b);

    g_assert_false (gls_codebook_add_category (codebook, NULL, bad, &error));
    g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (gls_codebook_add_category (codebook, NULL, twice, &error));
    g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/codebook/builtin", test_builtin);
  g_test_add_func ("/codebook/nested", test_nested);
  g_test_add_func ("/codebook/user-language", test_user_language);
  g_test_add_func ("/codebook/errors", test_errors);
  g_test_add_func ("/codebook/derive-id", test_derive_id);

  return g_test_run ();
}
