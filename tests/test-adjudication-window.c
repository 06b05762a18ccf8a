/* test-adjudication-window.c
 * The adjudication window in-process under a real display: saving the
 * gold standard where it cannot be written (a read-only folder) keeps the
 * window and its decisions and names the file; closing with unsaved
 * decisions asks, and Save waits for the save before the window goes. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gls-adjudication-window.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

#define TEXT "Officials said on Monday that about 100 people were flown out.\n"

static GtkApplication *application;

typedef struct
{
  char                  *dir;
  char                  *gold_dir;     /* the article and its gold standard */
  GFile                 *gold;
  GlsAdjudicationWindow *window;       /* (nullable): weak, gone once closed */
} Fixture;

/* One coder's sidecar of the article, in a folder named after the coder,
 * with one annotation over [@start, @end) */
static GFile *
coder_file (Fixture    *fixture,
            const char *article,
            const char *name,
            const char *category,
            guint       start,
            guint       end)
{
  g_autofree char *folder = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *path = g_build_filename (folder, "article.txt.annotations.xml", NULL);
  g_autoptr(GlsDocument) document = gls_test_document_from_file (article);
  g_autoptr(GError) error = NULL;
  GFile *sidecar = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  gls_document_set_annotator (document, name);
  g_assert_nonnull (gls_document_annotate (document, category, start, end, &error));
  g_assert_true (gls_test_save_copy (document, sidecar, &error));
  g_assert_no_error (error);

  return sidecar;
}

static gboolean
window_mapped (gpointer data)
{
  Fixture *fixture = data;

  return fixture->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *article = NULL;
  g_autoptr(GFile) article_file = NULL;
  g_autoptr(GlsAdjudication) adjudication = NULL;
  g_autoptr(GError) error = NULL;
  GFile *coders[2];

  fixture->dir = gls_test_tmpdir ();
  fixture->gold_dir = g_build_filename (fixture->dir, "gold", NULL);
  g_assert_cmpint (g_mkdir (fixture->gold_dir, 0755), ==, 0);
  article = g_build_filename (fixture->gold_dir, "article.txt", NULL);
  gls_test_write (article, TEXT, -1);
  article_file = g_file_new_for_path (article);
  fixture->gold = gls_sidecar_file_for_source (article_file);

  /* "Officials": two categories; "Monday": alice only */
  coders[0] = coder_file (fixture, article, "alice", "factual", 0, 9);
  coders[1] = coder_file (fixture, article, "bob", "opinion", 0, 9);
  adjudication = gls_adjudication_open (article_file, coders, 2, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (coders[0]);
  g_object_unref (coders[1]);

  fixture->window = gls_adjudication_window_new (application, adjudication);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gls_test_wait_for (window_mapped, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  while ((dialog = gls_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_unsetenv ("GLS_FAIL_WRITE_PATH");
  g_chmod (fixture->gold_dir, 0755);
  gls_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->gold_dir);
  g_object_unref (fixture->gold);
}

static GlsAdjudication *
adjudication (Fixture *fixture)
{
  return gls_adjudication_window_get_adjudication (fixture->window);
}

static gboolean
dialog_shows (gpointer data)
{
  return gls_test_find_message_dialog () != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return ((Fixture *) data)->window == NULL;
}

/* The message dialog that shows, once it does, and its text */
static GtkWidget *
wait_dialog (char **text)
{
  GtkWidget *dialog;

  gls_test_wait_for (dialog_shows, NULL);
  dialog = gls_test_find_message_dialog ();
  g_object_get (dialog, "text", text, NULL);

  return dialog;
}

/* The gold's folder read-only; root writes there all the same, so the
 * write-failing shim (LD_PRELOAD) refuses it too */
static void
make_read_only (Fixture *fixture)
{
  g_assert_cmpint (g_chmod (fixture->gold_dir, 0555), ==, 0);
  g_setenv ("GLS_FAIL_WRITE_AFTER", "0", TRUE);
  g_setenv ("GLS_FAIL_WRITE_PATH", "/.article.txt.annotations.xml.", TRUE);
}

static void
make_writable (Fixture *fixture)
{
  g_assert_cmpint (g_chmod (fixture->gold_dir, 0755), ==, 0);
  g_unsetenv ("GLS_FAIL_WRITE_PATH");
}

static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *question = NULL;
  g_autofree char *again = NULL;
  GtkWidget *dialog;

  g_assert_cmpint (gls_adjudication_window_get_current (fixture->window), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "adjudication.accept", "i", 1));
  g_assert_cmpuint (gls_adjudication_get_n_settled (adjudication (fixture)), ==, 1);

  make_read_only (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "adjudication.save", NULL));
  dialog = wait_dialog (&text);
  g_assert_nonnull (strstr (text, "article.txt.annotations.xml"));
  g_assert_nonnull (fixture->window);
  g_assert_true (gls_adjudication_get_modified (adjudication (fixture)));
  g_assert_false (g_file_query_exists (fixture->gold, NULL));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);

  /* closing asks; Save fails again: the window stays, with the message */
  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = wait_dialog (&question);
  g_assert_nonnull (strstr (question, "article.txt.annotations.xml"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  dialog = wait_dialog (&again);
  g_assert_nonnull (strstr (again, "Cannot save"));
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (gls_adjudication_get_modified (adjudication (fixture)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);

  /* writable again: Save saves, and the window goes once it has */
  make_writable (fixture);
  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = wait_dialog (&question);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gls_test_wait_for (window_gone, fixture);
  g_assert_true (g_file_query_exists (fixture->gold, NULL));
  g_assert_null (gls_test_find_message_dialog ());
}

/* Discard closes at once and writes nothing; Cancel keeps the window */
static void
test_close_discard (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *question = NULL;
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "adjudication.reject", NULL));

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = wait_dialog (&question);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = wait_dialog (&question);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  gls_test_wait_for (window_gone, fixture);
  g_assert_false (g_file_query_exists (fixture->gold, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorAdjudicationTest", &recent_home);
  if (application == NULL)
    return 0;

  g_test_add ("/adjudication-window/failed-save", Fixture, NULL, fixture_set_up, test_failed_save, fixture_tear_down);
  g_test_add ("/adjudication-window/close-discard", Fixture, NULL, fixture_set_up, test_close_discard, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
