/* test-agreement-dialog.c
 * The agreement report of the window's article, in process: its table and
 * notes, its list of disagreements, other coders' files, and a
 * disagreement opened in the window's text; and the pseudonym that new
 * annotations record, since the files are shared. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gls-agreement-dialog.h"
#include "gls-settings.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"
#include "gls-window-private.h"

#define TEXT "One two three four five six seven eight nine ten eleven twelve.\n"

static GtkApplication *application;

static void
annotate (GlsDocument *document,
          const char  *annotator,
          const char  *category,
          guint        start,
          guint        end)
{
  g_autoptr(GError) error = NULL;

  gls_document_set_annotator (document, annotator);
  g_assert_nonnull (gls_document_annotate (document, category, start, end, &error));
  g_assert_no_error (error);
}

static char *
figure (GlsAgreement *agreement,
        const char   *category)
{
  GlsAgreementFigures figures;

  gls_agreement_compute (agreement, 0, category, &figures);
  g_assert_cmpint (figures.kappa.undefined, ==, GLS_AGREEMENT_DEFINED);
  return g_strdup_printf ("%.3f", figures.kappa.value);
}

/* Two annotators in one file: the dialog compares them at once */
static void
test_by_annotator (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text (TEXT, "article.txt");
  g_autoptr(GlsAgreement) agreement = gls_agreement_new ();
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GlsPassage) first = NULL;
  g_autofree char *table = NULL;
  g_autofree char *factual = NULL;
  g_autofree char *row = NULL;
  GlsAgreementDialog *dialog;
  GListModel *disagreements;

  annotate (document, "alice", "factual", 0, 3);
  annotate (document, "bob", "statistic", 0, 3);
  annotate (document, "alice", "factual", 8, 13);
  annotate (document, "bob", "factual", 8, 13);
  annotate (document, "bob", "opinion", 20, 23);

  dialog = gls_agreement_dialog_new (NULL, document);
  disagreements = gls_agreement_dialog_get_disagreements (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (disagreements), ==, 2);
  first = g_list_model_get_item (disagreements, 0);
  g_assert_cmpint (gls_passage_get_kind (first), ==, GLS_PASSAGE_CATEGORY);
  g_assert_cmpuint (gls_passage_get_end (first), ==, 3);

  /* the figures are GlsAgreement's, the names the codebook's labels */
  coders = gls_coders_by_annotator (document);
  gls_coders_fill_agreement (coders, agreement, g_utf8_strlen (TEXT, -1));
  factual = figure (agreement, "factual");
  table = _gls_agreement_dialog_dup_table (dialog);
  g_assert_true (g_str_has_prefix (table, "Category\tκ\tα\tα_u\n"));
  row = g_strdup_printf ("\nFactual claim\t%s\t", factual);
  g_assert_nonnull (strstr (table, row));
  g_assert_nonnull (strstr (table, "\nOpinion or evaluation\t"));
  g_assert_nonnull (strstr (table, "\nAll categories\t\t\t"));
  g_assert_cmpstr (_gls_agreement_dialog_get_notes (dialog), ==, "");

  /* a new annotation settles a disagreement: the report follows */
  annotate (document, "alice", "opinion", 20, 23);
  g_assert_cmpuint (g_list_model_get_n_items (disagreements), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A figure without value shows a dash and its reason */
static void
test_nulls (void)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_text ("abc", "abc.txt");
  g_autofree char *table = NULL;
  GlsAgreementDialog *dialog;

  annotate (document, "alice", "factual", 0, 3);
  annotate (document, "bob", "factual", 0, 3);

  dialog = gls_agreement_dialog_new (NULL, document);
  table = _gls_agreement_dialog_dup_table (dialog);
  g_assert_nonnull (strstr (table, "\nFactual claim\t— (1)\t— (2)\t1.000\n"));
  g_assert_cmpstr (_gls_agreement_dialog_get_notes (dialog), ==,
                   "(1) agreement by chance is certain (p_e = 1)\n"
                   "(2) every character has the same value for every coder");
  g_assert_cmpuint (g_list_model_get_n_items (gls_agreement_dialog_get_disagreements (dialog)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef GlsTestWindowFixture Fixture;

static gboolean
dialog_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
note_passage (GlsAgreementDialog *dialog,
              guint               start,
              guint               end,
              GlsSpan            *span)
{
  span->start = start;
  span->end = end;
}

/* Another coder's sidecar of the window's article, and a disagreement
 * opened in the window's text */
static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "bob", NULL);
  g_autofree char *path = g_build_filename (folder, "sample.txt.annotations.xml", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.txt", NULL);
  g_autofree char *other_sidecar = g_build_filename (fixture->dir, "other.txt.annotations.xml", NULL);
  g_autoptr(GFile) sidecar = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_sidecar);
  g_autoptr(GlsDocument) bob = NULL;
  g_autoptr(GlsDocument) stranger = NULL;
  g_autoptr(GlsPassage) passage = NULL;
  g_autoptr(GError) error = NULL;
  GlsSpan opened = { 0, 0 }, selected;
  GlsAgreementDialog *dialog;
  GListModel *disagreements;
  GlsDocument *mine;
  guint n_mine;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  bob = gls_test_document_from_file (fixture->article);
  annotate (bob, "bob", "factual", 10, 20);
  g_assert_true (gls_test_save_copy (bob, sidecar, &error));
  g_assert_no_error (error);

  mine = fixture->window->document;
  gls_document_set_annotator (mine, "alice");
  n_mine = gls_document_get_n_annotations (mine);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.agreement", NULL));
  dialog = _gls_window_show_agreement (fixture->window);
  gls_test_wait_for (dialog_shown, dialog);

  g_assert_true (gls_agreement_dialog_add_file (dialog, sidecar, &error));
  g_assert_no_error (error);
  disagreements = gls_agreement_dialog_get_disagreements (dialog);
  /* bob marked 10–20 only; alice's annotations are all hers alone, or
   * meet bob's there */
  g_assert_cmpuint (g_list_model_get_n_items (disagreements), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (disagreements), <=, n_mine + 1);

  for (guint i = 0; i < g_list_model_get_n_items (disagreements); i++)
    {
      g_autoptr(GlsPassage) item = g_list_model_get_item (disagreements, i);

      if (gls_passage_get_start (item) <= 10 && gls_passage_get_end (item) >= 20)
        {
          passage = g_object_ref (item);
          g_signal_connect (dialog, "open-passage", G_CALLBACK (note_passage), &opened);
          gls_agreement_dialog_open_passage (dialog, i);
        }
    }
  g_assert_nonnull (passage);
  g_assert_cmpuint (opened.start, ==, gls_passage_get_start (passage));
  g_assert_cmpuint (opened.end, ==, gls_passage_get_end (passage));
  g_assert_true (gls_article_view_get_selection (fixture->window->article_view, FALSE, &selected));
  g_assert_cmpuint (selected.start, ==, opened.start);
  g_assert_cmpuint (selected.end, ==, opened.end);

  /* a sidecar of another article is refused, naming the file */
  gls_test_write (other_path, "Something else.\n", -1);
  stranger = gls_test_document_from_file (other_path);
  g_assert_true (gls_test_save_copy (stranger, other, &error));
  g_assert_false (gls_agreement_dialog_add_file (dialog, other, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "other.txt.annotations.xml"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static const char *
annotate_in_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;

  annotation = gls_document_annotate (fixture->window->document, "factual", 0, 5, &error);
  g_assert_no_error (error);
  return gls_annotation_get_annotator (annotation);
}

static void
test_pseudonym (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = gls_settings_new ();
  g_autofree char *expected = NULL;
  g_autofree char *hash = NULL;

  g_settings_set_string (settings, "annotator-name", "Jane Doe");
  g_assert_cmpstr (annotate_in_window (fixture), ==, "Jane Doe");

  g_settings_set_string (settings, "pseudonym", "Coder 7");
  g_assert_cmpstr (annotate_in_window (fixture), ==, "Jane Doe");
  g_settings_set_boolean (settings, "use-pseudonym", TRUE);
  g_assert_cmpstr (annotate_in_window (fixture), ==, "Coder 7");

  /* no pseudonym given: one made from the name, never the name */
  g_settings_set_string (settings, "pseudonym", "");
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Jane Doe", -1);
  expected = g_strdup_printf ("coder-%.8s", hash);
  g_assert_cmpstr (annotate_in_window (fixture), ==, expected);

  /* and the saved file carries it */
  _gls_window_save (fixture->window, FALSE);
  gls_test_wait_for ((GlsTestDoneFunc) gls_test_window_loaded, fixture->window);
  {
    g_autofree char *sidecar = g_strconcat (fixture->article, ".annotations.xml", NULL);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *text = NULL;

    while (gls_document_get_modified (fixture->window->document))
      g_main_context_iteration (NULL, TRUE);
    bytes = gls_test_read (sidecar);
    text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (text, expected));
    g_assert_nonnull (strstr (text, "annotator=\"Coder 7\""));
  }

  g_settings_set_boolean (settings, "use-pseudonym", FALSE);
  g_assert_cmpstr (annotate_in_window (fixture), ==, "Jane Doe");
  g_settings_reset (settings, "annotator-name");
  g_settings_reset (settings, "pseudonym");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorAgreementTest", &recent_home);
  if (application == NULL)
    return 0;

  g_test_add_func ("/agreement-dialog/by-annotator", test_by_annotator);
  g_test_add_func ("/agreement-dialog/nulls", test_nulls);
  g_test_add ("/agreement-dialog/files", Fixture, NULL, gls_test_window_fixture_set_up, test_files,
              gls_test_window_fixture_tear_down);
  g_test_add ("/team/pseudonym", Fixture, NULL, gls_test_window_fixture_set_up, test_pseudonym,
              gls_test_window_fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
