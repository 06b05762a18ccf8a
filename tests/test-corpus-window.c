/* test-corpus-window.c
 * The corpus window (issue 13): a folder's articles listed with their
 * counts as the worker reads them, filtered by name, sorted by count, and
 * a folder given to the application opens as a corpus. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "gls-application.h"
#include "gls-core.h"
#include "gls-corpus-window.h"
#include "gls-test-util.h"

static GtkApplication *application;

typedef struct
{
  char *dir;
} Fixture;

/* name, annotations: a.txt has none and no annotation file */
static const struct { const char *name; guint n; } corpus_articles[] = {
  { "a.txt", 0 }, { "news/b.txt", 3 }, { "news/c.html", 1 }, { "reports/d.txt", 2 },
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = gls_test_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (corpus_articles); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, corpus_articles[i].name, NULL);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(GlsDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      g_mkdir_with_parents (folder, 0700);
      gls_test_write (path, "<p>Words words words words words words words words.</p>\n", -1);
      if (corpus_articles[i].n == 0)
        continue;
      document = gls_test_document_from_file (path);
      for (guint j = 0; j < corpus_articles[i].n; j++)
        {
          gls_document_annotate (document, "factual", j * 6, j * 6 + 5, &error);
          g_assert_no_error (error);
        }
      g_assert_true (gls_test_save (document, &error));
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gls_test_rm_rf (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static int
shown_count (GListModel *shown,
             guint       i)
{
  g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (shown, i);

  return gls_corpus_article_get_n_annotations (article);
}

static const char *
shown_name (GListModel *shown,
            guint       i)
{
  g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (shown, i);

  return gls_corpus_article_get_name (article);
}

static void
wait_for_counts (GListModel *shown,
                 guint       n)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      gboolean all = g_list_model_get_n_items (shown) == n;

      for (guint i = 0; all && i < n; i++)
        all = shown_count (shown, i) >= 0;
      if (all)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GListModel *shown = gls_corpus_window_get_shown (window);
  GtkEditable *search = GTK_EDITABLE (find_child (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  GtkDropDown *sort = GTK_DROP_DOWN (find_child (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));

  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));

  /* by name, with the counts the annotation files hold */
  for (guint i = 0; i < G_N_ELEMENTS (corpus_articles); i++)
    {
      g_assert_cmpstr (shown_name (shown, i), ==, corpus_articles[i].name);
      g_assert_cmpint (shown_count (shown, i), ==, corpus_articles[i].n);
    }

  /* most annotations first */
  gtk_drop_down_set_selected (sort, 1);
  g_assert_cmpstr (shown_name (shown, 0), ==, "news/b.txt");
  g_assert_cmpstr (shown_name (shown, 1), ==, "reports/d.txt");
  g_assert_cmpstr (shown_name (shown, 3), ==, "a.txt");

  /* filtered by name, in any case */
  gtk_editable_set_text (search, "NEWS/");
  while (g_list_model_get_n_items (shown) != 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (shown_name (shown, 0), ==, "news/b.txt");
  g_assert_cmpstr (shown_name (shown, 1), ==, "news/c.html");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* glossator FOLDER: the application opens the folder as a corpus */
static void
test_open_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlsCorpusWindow *window = NULL;

  g_application_open (G_APPLICATION (application), &folder, 1, "");
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (GLS_IS_CORPUS_WINDOW (l->data))
      window = l->data;

  g_assert_nonnull (window);
  g_assert_true (g_file_equal (gls_corpus_window_get_folder (window), folder));
  wait_for_counts (gls_corpus_window_get_shown (window), G_N_ELEMENTS (corpus_articles));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  application = GTK_APPLICATION (gls_application_new ("io.github.glossator.GlossatorCorpusTest",
                                                      G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_application_hold (G_APPLICATION (application));

  g_test_add ("/corpus-window/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/corpus-window/open-folder", Fixture, NULL, fixture_setup, test_open_folder, fixture_teardown);

  status = g_test_run ();
  g_object_unref (application);

  return status;
}
