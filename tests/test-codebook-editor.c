/* test-codebook-editor.c
 * The codebook editor on a real window: its actions (what the keys and
 * buttons run) change the document's codebook, one undo step each, and the
 * tree and the selection follow. */
#include "config.h"

#include <gtk/gtk.h>

#include "gls-codebook-editor-private.h"
#include "gls-test-util.h"

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_keyboard_build (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("Prices rose because wages grew.", "e.txt");
  GlsCodebook *codebook = gls_document_get_codebook (document);
  guint n = gls_codebook_get_n_categories (codebook);
  GtkWidget *editor = gls_codebook_editor_new (NULL, document);
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (editor);
  g_autofree char *added = NULL;
  const char *first = gls_category_get_id (gls_codebook_get_category (codebook, 0));
  GlsCategory *category;
  GtkWidget *entry;

  gtk_window_present (GTK_WINDOW (editor));
  drain ();
  g_assert_cmpstr (gls_codebook_editor_get_selected (self), ==, first);

  /* Insert: a new category, selected, its label ready to type */
  g_assert_true (gtk_widget_activate_action (editor, "codebook.add", NULL));
  drain ();
  g_assert_cmpuint (gls_codebook_get_n_categories (gls_document_get_codebook (document)), ==, n + 1);
  added = g_strdup (gls_codebook_editor_get_selected (self));
  g_assert_cmpstr (added, !=, first);
  entry = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (GTK_IS_TEXT (entry));
  entry = gtk_widget_get_ancestor (entry, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Causal claim");
  g_signal_emit_by_name (entry, "activate");
  drain ();
  category = gls_codebook_lookup (gls_document_get_codebook (document), added);
  g_assert_cmpstr (gls_category_get_label (category), ==, "Causal claim");
  g_assert_cmpstr (gls_codebook_editor_get_selected (self), ==, added);

  /* Alt+Right: under the category above it */
  g_assert_true (gtk_widget_activate_action (editor, "codebook.indent", NULL));
  drain ();
  category = gls_codebook_lookup (gls_document_get_codebook (document), added);
  g_assert_nonnull (gls_category_get_parent (category));
  g_assert_cmpstr (gls_codebook_editor_get_selected (self), ==, added);

  /* each was one step: three undos give back the codebook as it was */
  g_assert_true (gls_document_undo (document));
  g_assert_true (gls_document_undo (document));
  g_assert_true (gls_document_undo (document));
  drain ();
  g_assert_true (gls_document_get_codebook (document) == codebook);
  g_assert_null (gls_codebook_lookup (gls_document_get_codebook (document), added));
  g_assert_cmpstr (gls_codebook_editor_get_selected (self), ==, first);

  gtk_window_destroy (GTK_WINDOW (editor));
  drain ();
}

static GtkWidget *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window))
        return window;
    }

  return NULL;
}

/* Where on a row a drop lands: the top and bottom quarters are the gaps */
static void
test_drop_position (void)
{
  g_assert_cmpint (_gls_codebook_editor_drop_position (0, 40), ==, GLS_CATEGORY_DROP_BEFORE);
  g_assert_cmpint (_gls_codebook_editor_drop_position (9, 40), ==, GLS_CATEGORY_DROP_BEFORE);
  g_assert_cmpint (_gls_codebook_editor_drop_position (20, 40), ==, GLS_CATEGORY_DROP_INTO);
  g_assert_cmpint (_gls_codebook_editor_drop_position (31, 40), ==, GLS_CATEGORY_DROP_AFTER);
  g_assert_cmpint (_gls_codebook_editor_drop_position (40, 40), ==, GLS_CATEGORY_DROP_AFTER);
}

/* What a drop calls: one step each, the dropped category selected; a drop
 * into its own subtree is refused with a message, changing nothing. */
static void
test_drop (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("Prices rose because wages grew.", "e.txt");
  GlsCodebook *codebook = gls_document_get_codebook (document);
  GtkWidget *editor = gls_codebook_editor_new (NULL, document);
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (editor);
  g_autofree char *first = g_strdup (gls_category_get_id (gls_codebook_get_category (codebook, 0)));
  g_autofree char *second = g_strdup (gls_category_get_id (gls_codebook_get_category (codebook, 1)));
  g_autofree char *third = g_strdup (gls_category_get_id (gls_codebook_get_category (codebook, 2)));
  GlsCategory *category;
  GtkWidget *message;

  gtk_window_present (GTK_WINDOW (editor));
  drain ();

  /* the third onto the middle of the first: its child, selected */
  g_assert_true (_gls_codebook_editor_drop (self, third, first, GLS_CATEGORY_DROP_INTO));
  drain ();
  category = gls_codebook_lookup (gls_document_get_codebook (document), third);
  g_assert_cmpstr (gls_category_get_id (gls_category_get_parent (category)), ==, first);
  g_assert_cmpstr (gls_codebook_editor_get_selected (self), ==, third);

  /* the first into its own child: refused, said, nothing changes */
  g_assert_false (_gls_codebook_editor_drop (self, first, third, GLS_CATEGORY_DROP_INTO));
  drain ();
  message = find_message ();
  g_assert_nonnull (message);
  gtk_window_destroy (GTK_WINDOW (message));
  category = gls_codebook_lookup (gls_document_get_codebook (document), first);
  g_assert_null (gls_category_get_parent (category));

  /* the second above the first: the first at the top no more */
  g_assert_true (_gls_codebook_editor_drop (self, second, first, GLS_CATEGORY_DROP_BEFORE));
  drain ();
  g_assert_cmpstr (gls_category_get_id (gls_codebook_get_category (gls_document_get_codebook (document), 0)), ==,
                   second);

  /* the key field of the nested category: Alt+1, and it stays selected */
  gls_codebook_editor_select (self, third);
  drain ();
  {
    GObject *dropdown = gtk_widget_get_template_child (editor, GLS_TYPE_CODEBOOK_EDITOR, "key_dropdown");

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 10);
    drain ();
  }
  category = gls_codebook_lookup (gls_document_get_codebook (document), third);
  g_assert_cmpuint (gls_category_get_alt_key (category), ==, 1);
  g_assert_cmpstr (gls_codebook_editor_get_selected (self), ==, third);

  /* three steps, undone to the codebook as it was */
  g_assert_true (gls_document_undo (document));
  g_assert_true (gls_document_undo (document));
  g_assert_true (gls_document_undo (document));
  drain ();
  g_assert_true (gls_document_get_codebook (document) == codebook);

  gtk_window_destroy (GTK_WINDOW (editor));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/codebook-editor/keyboard-build", test_keyboard_build);
  g_test_add_func ("/codebook-editor/drop-position", test_drop_position);
  g_test_add_func ("/codebook-editor/drop", test_drop);

  return g_test_run ();
}
