/* test-compare-files.c
 * The compared article is as safe as the window's own: a draft of its
 * unsaved annotations is offered back and restored by its info bar's
 * button; when another program writes its sidecar or its text, its own bar
 * says so, and Reload, Merge and Reload Article act on its files. The list
 * of the claims only in one article stays quick with hundreds of them. */
#include "config.h"

#include <locale.h>
#include <gtk/gtk.h>

#include "gls-compare-view.h"
#include "gls-unlinked-popover.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

typedef GlsTestWindowFixture Fixture;

static GtkApplication *application;

static const char other_text[] = "Another outlet said 120 people were deported on Monday.\n";

static void
spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
compare_loaded (gpointer data)
{
  GlsCompareView *compare = gls_window_get_compare (data);

  return compare != NULL && gls_compare_view_get_document (compare) != NULL && !gls_compare_view_is_busy (compare);
}

/* Opens b.txt (written with @text unless it exists) beside the fixture's
 * article, and waits until it is read. */
static GlsCompareView *
compare_with_other (GlsWindow  *window,
                    const char *dir,
                    char      **path)
{
  g_autoptr(GFile) file = NULL;

  *path = g_build_filename (dir, "b.txt", NULL);
  if (!g_file_test (*path, G_FILE_TEST_EXISTS))
    gls_test_write (*path, other_text, -1);
  file = g_file_new_for_path (*path);
  gls_window_compare (window, file);
  gls_test_wait_for (compare_loaded, window);
  spin (50);

  return gls_window_get_compare (window);
}

/* The visible button of @bar that acts through @action. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the bar's button for @action does when clicked: its action, found
 * from where the button is (the window has actions of the same names that
 * act on its own article). */
static void
click (GlsCompareView *compare,
       const char     *action)
{
  GtkWidget *button = find_button (GTK_WIDGET (gls_compare_view_get_info_bar (compare)), action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate_action (button, action, NULL));
}

typedef struct
{
  GlsCompareView *compare;
  GlsInfoKind     kind;
  guint           n;
} Wanted;

static gboolean
bar_says (gpointer data)
{
  Wanted *wanted = data;

  return gls_info_bar_get_kind (gls_compare_view_get_info_bar (wanted->compare)) == wanted->kind;
}

static gboolean
has_annotations (gpointer data)
{
  Wanted *wanted = data;
  GlsDocument *document = gls_compare_view_get_document (wanted->compare);

  return document != NULL && !gls_compare_view_is_busy (wanted->compare) &&
         gls_document_get_n_annotations (document) == wanted->n;
}

/* Another program (another annotator's glossator-cli) annotates the
 * article at @path and saves its sidecar. */
static void
annotate_elsewhere (const char *path,
                    guint       start,
                    guint       end)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = gls_test_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gls_document_annotate (document, "factual", start, end, &error));
  g_assert_no_error (error);
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);
}

/* A draft of the compared side's unsaved work is offered when the article
 * is compared again (as after a crash), and Restore brings it back. */
static void
test_draft (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GlsCompareView *compare = compare_with_other (fixture->window, fixture->dir, &path);
  GlsWindow *second;
  Wanted wanted = { 0 };

  g_assert_nonnull (gls_document_annotate (gls_compare_view_get_document (compare), "statistic", 20, 23, &error));
  g_assert_no_error (error);
  g_assert_true (gls_document_file_save_draft (gls_compare_view_get_document_file (compare), &error));
  g_assert_no_error (error);

  /* the first window is left as it is, as if it had died */
  second = gls_test_open_window (application, fixture->article);
  wanted.compare = compare_with_other (second, fixture->dir, &path);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_compare_view_get_document (wanted.compare)), ==, 0);
  wanted.kind = GLS_INFO_DRAFT;
  gls_test_wait_for (bar_says, &wanted);

  click (wanted.compare, "compare.restore-draft");
  wanted.n = 1;
  gls_test_wait_for (has_annotations, &wanted);
  g_assert_true (gls_document_get_modified (gls_compare_view_get_document (wanted.compare)));
}

/* The compared sidecar written by another program: its bar says so, and
 * Reload takes the version on disk. */
static void
test_sidecar_changed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  Wanted wanted = { 0 };

  wanted.compare = compare_with_other (fixture->window, fixture->dir, &path);
  annotate_elsewhere (path, 6, 13);

  wanted.kind = GLS_INFO_CHANGED_ON_DISK;
  gls_test_wait_for (bar_says, &wanted);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_compare_view_get_document (wanted.compare)), ==, 0);

  click (wanted.compare, "compare.reload");
  wanted.n = 1;
  gls_test_wait_for (has_annotations, &wanted);
  g_assert_false (gls_document_get_modified (gls_compare_view_get_document (wanted.compare)));
}

/* Merge keeps both: the annotation made here and the one on disk. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  Wanted wanted = { 0 };

  wanted.compare = compare_with_other (fixture->window, fixture->dir, &path);
  g_assert_nonnull (gls_document_annotate (gls_compare_view_get_document (wanted.compare), "statistic", 20, 23, &error));
  g_assert_no_error (error);
  annotate_elsewhere (path, 6, 13);

  wanted.kind = GLS_INFO_CHANGED_ON_DISK;
  gls_test_wait_for (bar_says, &wanted);
  click (wanted.compare, "compare.merge");
  wanted.n = 2;
  gls_test_wait_for (has_annotations, &wanted);
  wanted.kind = GLS_INFO_MESSAGE;
  gls_test_wait_for (bar_says, &wanted);
  /* the outcome is told above the compared article, not the window's */
  g_assert_cmpstr (gls_info_bar_get_text (gls_compare_view_get_info_bar (wanted.compare)), ==,
                   "The annotations on disk were merged with yours. Save to keep the result.");
}

/* The compared article's text edited by another program: its bar offers
 * Reload Article, which reads it again under the annotations. */
static void
test_article_changed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  Wanted wanted = { 0 };
  const char *text;

  wanted.compare = compare_with_other (fixture->window, fixture->dir, &path);
  g_assert_nonnull (gls_document_annotate (gls_compare_view_get_document (wanted.compare), "statistic", 20, 23, &error));
  g_assert_no_error (error);
  gls_test_write (path, "UPDATE: Another outlet said 120 people were deported on Monday.\n", -1);

  wanted.kind = GLS_INFO_ARTICLE_CHANGED;
  gls_test_wait_for (bar_says, &wanted);
  click (wanted.compare, "compare.reload-article");
  wanted.kind = GLS_INFO_MESSAGE;
  gls_test_wait_for (bar_says, &wanted);

  text = gls_source_get_text (gls_document_get_source (gls_compare_view_get_document (wanted.compare)), NULL);
  g_assert_true (g_str_has_prefix (text, "UPDATE: "));
  /* the unsaved annotation followed its text */
  wanted.n = 1;
  g_assert_true (has_annotations (&wanted));
}

/* The first widget under @widget (itself included) of @type, and, when
 * @prefix is given, a menu button whose label starts with it. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *prefix)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (prefix == NULL || g_str_has_prefix (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) ?: "", prefix)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Hundreds of claims only in one article: the button counts them all, its
 * list shows the first 300 and says how many more there are. */
static void
test_unlinked_many (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GlsCompareView *compare = compare_with_other (fixture->window, fixture->dir, &path);
  GlsDocument *document = gls_compare_view_get_document (compare);
  GtkWidget *button, *popover, *list, *last = NULL;
  guint n_rows = 0;

  for (guint i = 0; i < 305; i++)
    {
      g_assert_nonnull (gls_document_annotate (document, "factual", i % 40, i % 40 + 5, &error));
      g_assert_no_error (error);
    }
  spin (50);

  /* the window's article is the sample, whose annotations link to nothing */
  label = g_strdup_printf ("Unlinked %u · 305", gls_document_get_n_annotations (gls_window_get_document (fixture->window)));
  button = find_widget (GTK_WIDGET (compare), GTK_TYPE_MENU_BUTTON, "Unlinked");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, label);

  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gls_unlinked_popover_show_side (GLS_UNLINKED_POPOVER (popover), 1);
  spin (100);
  list = find_widget (popover, GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      {
        n_rows++;
        last = row;
      }
  g_assert_cmpuint (n_rows, ==, 301);
  g_assert_true (GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (last))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (last)))), ==,
                   "5 more further on in the text");
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (last)));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  setlocale (LC_ALL, "");
  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorCompareFilesTest", &recent_home);
  if (application == NULL)
    return 0;

  g_test_add ("/compare-files/draft", Fixture, NULL, gls_test_window_fixture_set_up, test_draft, gls_test_window_fixture_tear_down);
  g_test_add ("/compare-files/sidecar-changed", Fixture, NULL, gls_test_window_fixture_set_up, test_sidecar_changed, gls_test_window_fixture_tear_down);
  g_test_add ("/compare-files/merge", Fixture, NULL, gls_test_window_fixture_set_up, test_merge, gls_test_window_fixture_tear_down);
  g_test_add ("/compare-files/unlinked-many", Fixture, NULL, gls_test_window_fixture_set_up, test_unlinked_many, gls_test_window_fixture_tear_down);
  g_test_add ("/compare-files/article-changed", Fixture, NULL, gls_test_window_fixture_set_up, test_article_changed, gls_test_window_fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
