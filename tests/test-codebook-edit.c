/* test-codebook-edit.c
 * Editing a document's codebook: every operation, its refusals, and that
 * each is one step that undoes to the file as it was and redoes to the
 * file as it became; the palette's colours and free keys. */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-format.h"
#include "gls-test-util.h"

#define CODEBOOK \
  "<codebook xmlns='https://glossator.github.io/ns/annotations/1' id='t' version='1'>" \
  "<category id='claim' key='1' color='#3584e4'>" \
  "<label>Claim</label><label xml:lang='de'>Behauptung</label><label xml:lang='fr'>Affirmation</label>" \
  "<description>Says something is so.</description>" \
  "<category id='number' key='2' color='#e01b24'><label>Number</label></category>" \
  "<category id='quote' color='#2ec27e'><label>Quote</label></category>" \
  "</category>" \
  "<category id='opinion' key='3' color='#ff7800'><label>Opinion</label></category>" \
  "</codebook>"

typedef struct
{
  GlsDocument *document;
  GBytes      *before;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (CODEBOOK, strlen (CODEBOOK));
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) error = NULL;
  const char *article = "Officials said that 100 people left. Critics called it a disgrace.";

  codebook = gls_codebook_new_from_bytes (bytes, "t.xml", NULL, &error);
  g_assert_no_error (error);
  text = g_bytes_new (article, strlen (article));
  source = gls_source_new_from_bytes (text, "edit.txt", NULL, &error);
  g_assert_no_error (error);
  fixture->document = gls_document_new (source, codebook);

  g_assert_nonnull (gls_document_annotate (fixture->document, "number", 20, 23, &error));
  g_assert_nonnull (gls_document_annotate (fixture->document, "number", 24, 30, &error));
  g_assert_nonnull (gls_document_annotate (fixture->document, "opinion", 37, 65, &error));
  g_assert_no_error (error);
  fixture->before = gls_document_serialize (fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->before, g_bytes_unref);
}

static GlsCategory *
lookup (Fixture    *fixture,
        const char *id)
{
  return gls_codebook_lookup (gls_document_get_codebook (fixture->document), id);
}

/* The ids of the codebook, depth first, with their parents: "a b>a". */
static char *
shape (Fixture *fixture)
{
  GlsCodebook *codebook = gls_document_get_codebook (fixture->document);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);
      GlsCategory *parent = gls_category_get_parent (category);

      g_string_append_printf (str, "%s%s%s%s", i ? " " : "", gls_category_get_id (category),
                              parent ? ">" : "", parent ? gls_category_get_id (parent) : "");
    }

  return g_string_free (str, FALSE);
}

/* The change just made is one step: undo gives back the file as it was
 * before it, redo the file as it is now, and one more undo is the
 * annotations' (the fixture's last annotation). */
static void
assert_one_step (Fixture *fixture)
{
  g_autoptr(GBytes) after = gls_document_serialize (fixture->document);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;

  g_assert_false (gls_test_bytes_equal (after, fixture->before));
  g_assert_true (gls_document_undo (fixture->document));
  undone = gls_document_serialize (fixture->document);
  g_assert_true (gls_test_bytes_equal (undone, fixture->before));
  g_assert_true (gls_document_redo (fixture->document));
  redone = gls_document_serialize (fixture->document);
  g_assert_true (gls_test_bytes_equal (redone, after));
  g_assert_false (gls_document_can_redo (fixture->document));
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  GlsCodebook *codebook;
  GlsCategory *added;
  const char *color;

  added = gls_document_add_category (fixture->document, NULL, "  Hedge word ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_category_get_id (added), ==, "hedge-word");
  g_assert_cmpstr (gls_category_get_label (added), ==, "Hedge word");
  g_assert_cmpuint (gls_category_get_key (added), ==, 4);
  codebook = gls_document_get_codebook (fixture->document);
  color = gls_category_get_color (added);
  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *other = gls_codebook_get_category (codebook, i);

      if (other != added)
        g_assert_cmpstr (gls_category_get_color (other), !=, color);
    }
  g_assert_cmpstr (color, ==, gls_palette_get_colors (NULL)[4]);
  assert_one_step (fixture);

  added = gls_document_add_category (fixture->document, "quote", "Hedge word", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_category_get_id (added), ==, "hedge-word-2");
  ids = shape (fixture);
  g_assert_cmpstr (ids, ==, "claim number>claim quote>claim hedge-word-2>quote opinion hedge-word");

  g_assert_null (gls_document_add_category (fixture->document, NULL, " \t", &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gls_document_add_category (fixture->document, "nowhere", "X", &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlsCategory *claim;

  /* the C locale sees the variant without a language */
  g_assert_null (gls_category_get_label_language (lookup (fixture, "claim")));
  gls_document_set_category_label (fixture->document, "claim", NULL, "Assertion", &error);
  g_assert_no_error (error);
  claim = lookup (fixture, "claim");
  g_assert_cmpstr (gls_category_get_label (claim), ==, "Assertion");
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "de"), ==, "Behauptung");
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "fr"), ==, "Affirmation");
  g_assert_cmpuint (gls_category_get_n_labels (claim), ==, 3);
  assert_one_step (fixture);

  gls_document_set_category_label (fixture->document, "claim", "de", "Aussage", &error);
  g_assert_no_error (error);
  claim = lookup (fixture, "claim");
  g_assert_cmpstr (gls_category_get_label_for_language (claim, "de"), ==, "Aussage");
  g_assert_cmpstr (gls_category_get_label (claim), ==, "Assertion");

  gls_document_set_category_description (fixture->document, "claim", NULL,
                                         "What belongs: …\nWhat does not: …", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gls_category_get_description (lookup (fixture, "claim")), ==,
                   "What belongs: …\nWhat does not: …");

  g_assert_false (gls_document_set_category_label (fixture->document, "claim", NULL, "", &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
}

static void
test_recolor (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gls_document_set_category_color (fixture->document, "opinion", "#9141AC", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gls_category_get_color (lookup (fixture, "opinion")), ==, "#9141ac");
  assert_one_step (fixture);

  g_assert_false (gls_document_set_category_color (fixture->document, "opinion", "purple", &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
}

static void
test_key (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* the key moves: the category that had it loses it, in the same step */
  g_assert_true (gls_document_set_category_key (fixture->document, "quote", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gls_category_get_key (lookup (fixture, "quote")), ==, 1);
  g_assert_cmpuint (gls_category_get_key (lookup (fixture, "claim")), ==, 0);
  assert_one_step (fixture);

  g_assert_false (gls_document_set_category_key (fixture->document, "quote", 10, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
}

/* Alt+1…Alt+9: one step, refused when another category has the key, kept
 * as an extension attribute through a save and a load. */
static void
test_alt_key (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GlsDocument) loaded = NULL;
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *article = g_build_filename (dir, "edit.txt", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "edit.txt.annotations.xml", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  const char *text;

  g_assert_true (gls_document_set_category_shortcut (fixture->document, "claim", 2, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gls_category_get_alt_key (lookup (fixture, "claim")), ==, 2);
  /* one shortcut per category: the plain key went */
  g_assert_cmpuint (gls_category_get_key (lookup (fixture, "claim")), ==, 0);
  g_assert_true (gls_codebook_lookup_alt_key (gls_document_get_codebook (fixture->document), 2) ==
                 lookup (fixture, "claim"));
  assert_one_step (fixture);

  saved = gls_document_serialize (fixture->document);
  text = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (text, "https://glossator.github.io/ns/keys/1"));
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (saved), ":alt=\"2\""));

  /* taken: refused, naming who has it, and nothing changes */
  g_assert_false (gls_document_set_category_shortcut (fixture->document, "quote", 2, TRUE, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Claim"));
  g_clear_error (&error);
  g_assert_false (gls_document_set_category_shortcut (fixture->document, "quote", 3, FALSE, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (gls_category_get_alt_key (lookup (fixture, "quote")), ==, 0);

  /* back to a plain key takes the Alt key away */
  g_assert_true (gls_document_set_category_shortcut (fixture->document, "claim", 1, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gls_category_get_key (lookup (fixture, "claim")), ==, 1);
  g_assert_cmpuint (gls_category_get_alt_key (lookup (fixture, "claim")), ==, 0);

  /* the saved file loads with its Alt key */
  gls_test_write (article, gls_source_get_text (gls_document_get_source (fixture->document), NULL), -1);
  gls_test_write (sidecar, text, g_bytes_get_size (saved));
  loaded = gls_test_load (article_file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gls_category_get_alt_key (gls_codebook_lookup (gls_document_get_codebook (loaded), "claim")), ==, 2);
  gls_test_rm_rf (dir);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reordered = NULL;
  g_autofree char *reparented = NULL;
  g_autofree char *unchanged = NULL;

  /* reorder among siblings */
  g_assert_true (gls_document_move_category (fixture->document, "quote", "claim", 0, &error));
  g_assert_no_error (error);
  reordered = shape (fixture);
  g_assert_cmpstr (reordered, ==, "claim quote>claim number>claim opinion");
  assert_one_step (fixture);

  /* re-parent, with what is under it */
  g_assert_true (gls_document_move_category (fixture->document, "claim", "opinion", G_MAXUINT, &error));
  g_assert_no_error (error);
  reparented = shape (fixture);
  g_assert_cmpstr (reparented, ==, "opinion claim>opinion quote>claim number>claim");

  /* never under itself */
  g_assert_false (gls_document_move_category (fixture->document, "opinion", "number", 0, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  unchanged = shape (fixture);
  g_assert_cmpstr (unchanged, ==, reparented);
}

/* What the editor's drag and drop calls: before and after a row make a
 * sibling, on a row a child, each one step; never into its own subtree. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct {
    const char      *id;
    const char      *target;
    GlsCategoryDrop  where;
    const char      *shape;
  } drops[] = {
    { "opinion", "claim", GLS_CATEGORY_DROP_BEFORE, "opinion claim number>claim quote>claim" },
    { "number", "quote", GLS_CATEGORY_DROP_AFTER, "claim quote>claim number>claim opinion" },
    { "quote", "number", GLS_CATEGORY_DROP_BEFORE, "claim quote>claim number>claim opinion" },
    { "claim", "opinion", GLS_CATEGORY_DROP_AFTER, "opinion claim number>claim quote>claim" },
    { "opinion", "number", GLS_CATEGORY_DROP_INTO, "claim number>claim opinion>number quote>claim" },
    { "quote", "opinion", GLS_CATEGORY_DROP_AFTER, "claim number>claim opinion quote" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *unchanged = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (drops); i++)
    {
      g_autofree char *got = NULL;

      g_test_message ("drop %s on %s", drops[i].id, drops[i].target);
      g_assert_true (gls_document_drop_category (fixture->document, drops[i].id, drops[i].target,
                                                 drops[i].where, &error));
      g_assert_no_error (error);
      got = shape (fixture);
      g_assert_cmpstr (got, ==, drops[i].shape);
      assert_one_step (fixture);
      /* each drop from the fixture's codebook */
      g_assert_true (gls_document_undo (fixture->document));
    }

  /* dropped on a category of its own, or onto itself: refused */
  g_assert_false (gls_document_drop_category (fixture->document, "claim", "number", GLS_CATEGORY_DROP_INTO, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gls_document_drop_category (fixture->document, "claim", "quote", GLS_CATEGORY_DROP_AFTER, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gls_document_drop_category (fixture->document, "claim", "claim", GLS_CATEGORY_DROP_INTO, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_clear_error (&error);
  unchanged = shape (fixture);
  g_assert_cmpstr (unchanged, ==, "claim number>claim quote>claim opinion");
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;
  guint n_moved = 0;

  g_assert_true (gls_document_merge_categories (fixture->document, "number", "opinion", &n_moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_moved, ==, 2);
  g_assert_null (lookup (fixture, "number"));
  g_assert_cmpuint (gls_document_count_category (fixture->document, "opinion"), ==, 3);
  g_assert_cmpuint (gls_document_count_category (fixture->document, "number"), ==, 0);
  /* annotations and codebook together: one step */
  assert_one_step (fixture);

  /* what was under the merged category goes under the kept one */
  g_assert_true (gls_document_merge_categories (fixture->document, "claim", "opinion", &n_moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_moved, ==, 0);
  merged = shape (fixture);
  g_assert_cmpstr (merged, ==, "opinion quote>opinion");
  g_assert_cmpuint (gls_category_get_key (lookup (fixture, "opinion")), ==, 3);

  g_assert_false (gls_document_merge_categories (fixture->document, "opinion", "opinion", NULL, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
}

static void
test_merge_into_child (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;

  g_assert_true (gls_document_merge_categories (fixture->document, "claim", "number", NULL, &error));
  g_assert_no_error (error);
  merged = shape (fixture);
  g_assert_cmpstr (merged, ==, "number quote opinion");
  /* the kept category had a key: it keeps its own */
  g_assert_cmpuint (gls_category_get_key (lookup (fixture, "number")), ==, 2);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autofree char *lifted = NULL;
  guint n = 0;

  /* refused while annotations use it, with the count */
  g_assert_false (gls_document_delete_category (fixture->document, "number",
                                                GLS_CATEGORY_DELETE_REFUSE_USED, NULL, &n, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 annotations"));
  g_assert_cmpuint (n, ==, 2);
  g_clear_error (&error);
  refused = gls_document_serialize (fixture->document);
  g_assert_true (gls_test_bytes_equal (refused, fixture->before));

  /* an unused one goes; what was under it takes its place */
  g_assert_true (gls_document_delete_category (fixture->document, "claim",
                                               GLS_CATEGORY_DELETE_REFUSE_USED, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  lifted = shape (fixture);
  g_assert_cmpstr (lifted, ==, "number quote opinion");
  assert_one_step (fixture);
}

static void
test_delete_moving (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gls_document_delete_category (fixture->document, "number",
                                               GLS_CATEGORY_DELETE_MOVE, "quote", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (gls_document_count_category (fixture->document, "quote"), ==, 2);
  g_assert_cmpuint (gls_document_get_n_annotations (fixture->document), ==, 3);
  assert_one_step (fixture);

  g_assert_false (gls_document_delete_category (fixture->document, "quote",
                                                GLS_CATEGORY_DELETE_MOVE, "quote", &n, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY);
}

static void
test_delete_annotations (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gls_document_delete_category (fixture->document, "number",
                                               GLS_CATEGORY_DELETE_ANNOTATIONS, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (gls_document_get_n_annotations (fixture->document), ==, 1);
  g_assert_null (lookup (fixture, "number"));
  assert_one_step (fixture);
}

static void
test_palette_readable (void)
{
  guint n;
  const char * const *colors = gls_palette_get_colors (&n);

  g_assert_cmpuint (n, >=, 9);
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s: light %.2f, dark %.2f", colors[i],
                      gls_color_text_contrast (colors[i], FALSE), gls_color_text_contrast (colors[i], TRUE));
      g_assert_cmpfloat (gls_color_text_contrast (colors[i], FALSE), >=, GLS_MIN_TEXT_CONTRAST);
      g_assert_cmpfloat (gls_color_text_contrast (colors[i], TRUE), >=, GLS_MIN_TEXT_CONTRAST);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (colors[i], !=, colors[j]);
    }

  /* the check does reject: pure yellow drowns white text in the dark
   * style, black hides dark text in the light one */
  g_assert_cmpfloat (gls_color_text_contrast ("#ffff00", TRUE), <, GLS_MIN_TEXT_CONTRAST);
  g_assert_cmpfloat (gls_color_text_contrast ("#000000", FALSE), <, GLS_MIN_TEXT_CONTRAST);
  g_assert_cmpfloat (gls_color_text_contrast ("nope", FALSE), ==, 0);

  /* WCAG's own figures: black on white is 21:1, a colour with itself 1:1 */
  {
    double black[3] = { 0, 0, 0 }, white[3] = { 1, 1, 1 };

    g_assert_cmpfloat_with_epsilon (gls_color_contrast (black, white), 21.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (gls_color_contrast (white, white), 1.0, 1e-9);
  }
}

static void
test_palette_pick (void)
{
  g_autoptr(GlsCodebook) codebook = gls_codebook_new ("p", NULL);
  const char * const *colors = gls_palette_get_colors (NULL);

  g_assert_cmpstr (gls_codebook_pick_color (codebook), ==, colors[0]);
  g_assert_cmpuint (gls_codebook_pick_key (codebook), ==, 1);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autoptr(GlsCategory) category = gls_category_new (id);

      gls_category_set_color (category, gls_codebook_pick_color (codebook));
      gls_category_set_key (category, gls_codebook_pick_key (codebook));
      g_assert_true (gls_codebook_add_category (codebook, NULL, category, NULL));
    }

  /* ten colours, then the least used again; nine keys, then none */
  g_assert_cmpstr (gls_category_get_color (gls_codebook_lookup (codebook, "c9")), ==, colors[9]);
  g_assert_cmpstr (gls_category_get_color (gls_codebook_lookup (codebook, "c10")), ==, colors[0]);
  g_assert_cmpstr (gls_category_get_color (gls_codebook_lookup (codebook, "c11")), ==, colors[1]);
  g_assert_cmpuint (gls_category_get_key (gls_codebook_lookup (codebook, "c8")), ==, 9);
  g_assert_cmpuint (gls_category_get_key (gls_codebook_lookup (codebook, "c9")), ==, 0);
  g_assert_cmpuint (gls_codebook_pick_key (codebook), ==, 0);

  /* past nine, Alt+1, Alt+2… */
  g_assert_cmpuint (gls_codebook_pick_alt_key (codebook), ==, 1);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("alt%u", i);
      g_autoptr(GlsCategory) category = gls_category_new (id);

      gls_codebook_give_free_key (codebook, category);
      g_assert_cmpuint (gls_category_get_key (category), ==, 0);
      g_assert_cmpuint (gls_category_get_alt_key (category), ==, i < 9 ? i + 1 : 0);
      g_assert_true (gls_codebook_add_category (codebook, NULL, category, NULL));
    }
  g_assert_cmpuint (gls_codebook_pick_alt_key (codebook), ==, 0);
}

/* Categories a brat import adds take palette colours and keys no category
 * has yet: the fixture's codebook holds blue, red, green, orange and keys
 * 1 to 3. */
static void
test_import_colors (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *ann = "T1\tPerson 0 9\tOfficials\nT2\tEvent 24 35\tpeople left\n"
                    "T3\tPlace 37 44\tCritics\nT4\tPerson 52 54\tit\n";
  g_autoptr(GBytes) bytes = g_bytes_new (ann, strlen (ann));
  GlsImportReport *report = gls_import_report_new ();
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "Person", "Event", "Place" };
  const char * const *colors = gls_palette_get_colors (NULL);

  g_assert_true (gls_format_import (gls_format_lookup ("brat"), fixture->document, bytes, "t.ann",
                                    0, report, &error));
  g_assert_no_error (error);
  gls_import_report_free (report);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GlsCategory *category = lookup (fixture, expected[i]);

      g_assert_nonnull (category);
      g_assert_cmpstr (gls_category_get_color (category), ==, colors[4 + i]);
      g_assert_cmpuint (gls_category_get_key (category), ==, 4 + i);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/codebook-edit/add", test_add);
  ADD ("/codebook-edit/rename", test_rename);
  ADD ("/codebook-edit/recolor", test_recolor);
  ADD ("/codebook-edit/key", test_key);
  ADD ("/codebook-edit/alt-key", test_alt_key);
  ADD ("/codebook-edit/move", test_move);
  ADD ("/codebook-edit/drop", test_drop);
  ADD ("/codebook-edit/merge", test_merge);
  ADD ("/codebook-edit/merge-into-child", test_merge_into_child);
  ADD ("/codebook-edit/delete", test_delete);
  ADD ("/codebook-edit/delete-moving", test_delete_moving);
  ADD ("/codebook-edit/delete-annotations", test_delete_annotations);
  ADD ("/codebook-edit/import-colors", test_import_colors);
  g_test_add_func ("/palette/readable", test_palette_readable);
  g_test_add_func ("/palette/pick", test_palette_pick);

  return g_test_run ();
}
