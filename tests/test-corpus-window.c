/* test-corpus-window.c
 * The corpus window (issue 13): a folder's articles listed with their
 * counts as the worker reads them, filtered by name, sorted by count, and
 * a folder given to the application opens as a corpus. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gls-application.h"
#include "gls-core.h"
#include "gls-corpus-state-button.h"
#include "gls-corpus-window.h"
#include "gls-window.h"
#include "gls-test-gui.h"
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

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return GTK_FILE_CHOOSER (toplevel);
    }

  return NULL;
}

static gboolean
chooser_has_folder (gpointer data)
{
  GtkFileChooser *chooser = find_chooser ();
  g_autoptr(GFile) folder = chooser != NULL ? gtk_file_chooser_get_current_folder (chooser) : NULL;

  return folder != NULL;
}

/* Open Folder… with the corpus window in front starts in the corpus's
 * folder, as Open… does in the article's. */
static void
test_open_folder_chooser (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GFile) current = NULL;
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GtkFileChooser *chooser;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_application_get_active_window (application) == GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-folder", NULL);
  gls_test_wait_for (chooser_has_folder, NULL);
  chooser = find_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  current = gtk_file_chooser_get_current_folder (chooser);
  g_assert_true (g_file_equal (current, folder));

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The state button of the row of @name, as the list shows it. */
static GtkWidget *
find_state_button (GlsCorpusWindow *window,
                   const char      *name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GLS_TYPE_CORPUS_STATE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GlsCorpusArticle *article = gls_corpus_state_button_get_article (g_ptr_array_index (buttons, i));

      if (article != NULL && strcmp (gls_corpus_article_get_name (article), name) == 0)
        return g_ptr_array_index (buttons, i);
    }

  g_assert_not_reached ();
}

static GlsCorpusArticle *
find_article (GListModel *shown,
              const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (shown, i);

      if (strcmp (gls_corpus_article_get_name (article), name) == 0)
        return article;
    }

  g_assert_not_reached ();
}

static void
wait_for_state (GlsCorpusArticle *article,
                GlsWorkState      state)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (gls_corpus_article_get_state (article) != state)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The state of work: set from the list in the sidecar of an article no
 * window has open, and in the document of one that is open (a step to
 * undo); the list filters and sorts by it. */
static void
test_state (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *b_path = g_build_filename (f->dir, "news", "b.txt", NULL);
  g_autofree char *b_sidecar = g_strconcat (b_path, ".annotations.xml", NULL);
  g_autofree char *d_path = g_build_filename (f->dir, "reports", "d.txt", NULL);
  g_autoptr(GFile) d_file = g_file_new_for_path (d_path);
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GListModel *shown = gls_corpus_window_get_shown (window);
  GlsWindow *article_window = NULL;
  GlsDocument *document;
  GtkDropDown *sort, *state_filter;

  collect (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, drop_downs);
  /* the articles page first; the search page has its own */
  g_assert_cmpuint (drop_downs->len, ==, 4);
  sort = g_ptr_array_index (drop_downs, 0);
  state_filter = g_ptr_array_index (drop_downs, 1);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));

  /* not open: written to the sidecar, annotations kept */
  gls_corpus_window_set_state (window, find_article (shown, "news/b.txt"), GLS_WORK_STATE_DONE);
  wait_for_state (find_article (shown, "news/b.txt"), GLS_WORK_STATE_DONE);
  bytes = gls_test_read (b_sidecar);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "work:state=\"done\""));
  g_assert_cmpint (find_article (shown, "news/b.txt") != NULL, ==, TRUE);

  /* open: the window's document changes, as a step to undo */
  g_application_open (G_APPLICATION (application), &d_file, 1, "");
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (GLS_IS_WINDOW (l->data))
      article_window = l->data;
  g_assert_nonnull (article_window);
  while (gls_window_get_document (article_window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = gls_window_get_document (article_window);
  gls_corpus_window_set_state (window, find_article (shown, "reports/d.txt"), GLS_WORK_STATE_IN_PROGRESS);
  g_assert_cmpint (gls_document_get_work_state (document), ==, GLS_WORK_STATE_IN_PROGRESS);
  g_assert_true (gls_document_get_modified (document));
  g_assert_cmpint (gls_corpus_article_get_state (find_article (shown, "reports/d.txt")), ==,
                   GLS_WORK_STATE_IN_PROGRESS);
  /* the window's menu shows it */
  {
    g_autoptr(GVariant) state = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (article_window), "win.work-state", "s", "done"));
    g_assert_cmpint (gls_document_get_work_state (document), ==, GLS_WORK_STATE_DONE);
    gls_document_undo (document);
    g_assert_cmpint (gls_document_get_work_state (document), ==, GLS_WORK_STATE_IN_PROGRESS);
  }

  /* the row's own button, as its menu does it */
  while (gtk_widget_get_mapped (GTK_WIDGET (window)) == FALSE || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (find_state_button (window, "news/c.html"), "state.set", "s",
                                             "in-progress"));
  wait_for_state (find_article (shown, "news/c.html"), GLS_WORK_STATE_IN_PROGRESS);

  /* filtered by state */
  gtk_drop_down_set_selected (state_filter, 1 + GLS_WORK_STATE_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (shown_name (shown, 0), ==, "news/b.txt");
  gtk_drop_down_set_selected (state_filter, 1 + GLS_WORK_STATE_NOT_STARTED);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (shown_name (shown, 0), ==, "a.txt");
  gtk_drop_down_set_selected (state_filter, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);

  /* sorted by state: not started, in progress, done; by name within */
  gtk_drop_down_set_selected (sort, 2);
  g_assert_cmpstr (shown_name (shown, 0), ==, "a.txt");
  g_assert_cmpstr (shown_name (shown, 1), ==, "news/c.html");
  g_assert_cmpstr (shown_name (shown, 2), ==, "reports/d.txt");
  g_assert_cmpstr (shown_name (shown, 3), ==, "news/b.txt");

  gls_document_undo (document);
  gtk_window_destroy (GTK_WINDOW (article_window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkPopover *
state_menu (GtkWidget *state_button)
{
  return gtk_menu_button_get_popover (GTK_MENU_BUTTON (gtk_widget_get_first_child (state_button)));
}

static gboolean
state_menu_shown (gpointer state_button)
{
  GtkPopover *popover = state_menu (state_button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
state_menu_hidden (gpointer state_button)
{
  return !state_menu_shown (state_button);
}

/* The name of the article whose row has the focus, or NULL */
static const char *
focused_article (GlsCorpusWindow *window)
{
  GtkWidget *row = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *button;

  while (row != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);
  if (row == NULL || (button = find_child (row, GLS_TYPE_CORPUS_STATE_BUTTON)) == NULL ||
      gls_corpus_state_button_get_article (GLS_CORPUS_STATE_BUTTON (button)) == NULL)
    return NULL;

  return gls_corpus_article_get_name (gls_corpus_state_button_get_article (GLS_CORPUS_STATE_BUTTON (button)));
}

static gboolean
focus_on_b (gpointer window)
{
  return g_strcmp0 (focused_article (window), "news/b.txt") == 0;
}

/* The state of work from the keyboard alone: Tab to the list, the arrows
 * to a row, and Shift+F10 or the Menu key opens the row's menu of states,
 * as a GNOME list's context menu; the arrows and Return choose one, and
 * the focus is back on the row. */
static void
test_state_keys (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GListModel *shown = gls_corpus_window_get_shown (window);
  GtkWidget *button;

  if (!gls_test_can_send_input (GTK_WIDGET (window)))
    {
      g_test_skip ("real keys need X11 and xdotool");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));
  while (gtk_widget_get_mapped (GTK_WIDGET (window)) == FALSE || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);

  /* from the filter, past the order and the state, to the list's rows */
  g_assert_true (gtk_widget_grab_focus (find_child (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY)));
  for (guint i = 0; i < 6 && focused_article (window) == NULL; i++)
    gls_test_press_keys (GTK_WIDGET (window), "Tab");
  g_assert_nonnull (focused_article (window));
  if (!focus_on_b (window))
    gls_test_press_keys (GTK_WIDGET (window), g_strcmp0 (focused_article (window), "a.txt") == 0 ? "Down" : "Up");
  gls_test_wait_for (focus_on_b, window);

  button = find_state_button (window, "news/b.txt");
  gls_test_press_keys (GTK_WIDGET (window), "shift+F10");
  gls_test_wait_for (state_menu_shown, button);
  /* the menu opens on its first state */
  gls_test_press_keys (GTK_WIDGET (window), "Down Return");
  wait_for_state (find_article (shown, "news/b.txt"), GLS_WORK_STATE_IN_PROGRESS);
  gls_test_wait_for (state_menu_hidden, button);
  gls_test_wait_for (focus_on_b, window);

  /* the Menu key */
  gls_test_press_keys (GTK_WIDGET (window), "Menu");
  gls_test_wait_for (state_menu_shown, button);
  gls_test_press_keys (GTK_WIDGET (window), "Down Down Return");
  wait_for_state (find_article (shown, "news/b.txt"), GLS_WORK_STATE_DONE);
  g_assert_cmpint (gls_corpus_article_get_state (find_article (shown, "a.txt")), ==, GLS_WORK_STATE_NOT_STARTED);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A sidecar that cannot be read: the state is not set, the file is as it
 * was. */
static void
test_state_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *sidecar = g_build_filename (f->dir, "news", "c.html.annotations.xml", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GlsCorpusWindow *window;
  GListModel *shown;
  GlsCorpusArticle *article;
  gint64 until;

  gls_test_write (sidecar, "<annotations", -1);
  before = gls_test_read (sidecar);
  window = gls_corpus_window_new (application, folder);
  shown = gls_corpus_window_get_shown (window);
  gtk_window_present (GTK_WINDOW (window));
  while (g_list_model_get_n_items (shown) < G_N_ELEMENTS (corpus_articles))
    g_main_context_iteration (NULL, TRUE);
  article = find_article (shown, "news/c.html");
  while (gls_corpus_article_get_problem (article) == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* its count says it cannot be read, and its tooltip why */
  while (gtk_widget_get_mapped (GTK_WIDGET (window)) == FALSE || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown_tooltip = FALSE;
    guint n_unreadable = 0;

    collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "cannot be read") == 0)
        {
          n_unreadable++;
          g_signal_emit_by_name (g_ptr_array_index (labels, i), "query-tooltip", 1, 1, FALSE, tooltip,
                                 &shown_tooltip);
          g_assert_true (shown_tooltip);
        }
    g_assert_cmpuint (n_unreadable, ==, 1);
  }

  gls_corpus_window_set_state (window, article, GLS_WORK_STATE_DONE);
  /* the dialog that says why */
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (;;)
    {
      GtkWindow *dialog = NULL;

      for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
        if (GTK_IS_MESSAGE_DIALOG (l->data))
          dialog = l->data;
      if (dialog == NULL)
        {
          GListModel *toplevels = gtk_window_get_toplevels ();

          for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
            {
              g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

              if (GTK_IS_MESSAGE_DIALOG (toplevel))
                dialog = toplevel;
            }
        }
      if (dialog != NULL)
        {
          g_autofree char *text = NULL;

          g_object_get (dialog, "text", &text, NULL);
          g_test_message ("%s", text);
          g_assert_nonnull (strstr (text, "c.html.annotations.xml"));
          gtk_window_destroy (dialog);
          break;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpint (gls_corpus_article_get_state (article), ==, GLS_WORK_STATE_NOT_STARTED);
  after = gls_test_read (sidecar);
  g_assert_true (gls_test_bytes_equal (before, after));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Export Statistics…: the rows glossator-cli stats --csv prints, named by
 * their path in the folder. */
static void
test_export_statistics (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *path = g_build_filename (f->dir, "..", "statistics.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n_b = 0;

  gls_corpus_window_export_statistics (window, file);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }

  bytes = gls_test_read (path);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "source,state,category,label,annotations,characters,notes");
  g_assert_true (g_str_has_prefix (lines[1], "a.txt,not-started,"));
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "news/b.txt,not-started,factual,"))
      {
        /* three annotations of five characters each */
        g_assert_true (g_str_has_suffix (lines[i], ",3,15,0"));
        n_b++;
      }
  g_assert_cmpuint (n_b, ==, 1);

  g_remove (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Search across the corpus from its window: hits fill in from the worker;
 * activating one opens the article with the match selected. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GlsCorpusSearchPanel *panel = gls_corpus_window_get_search_panel (window);
  GlsCorpusSearch *search = gls_corpus_search_panel_get_search (panel);
  GListModel *hits = gls_corpus_search_get_hits (search);
  g_autoptr(GlsSearchHit) hit = NULL;
  GlsWindow *article_window = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint position = G_MAXUINT;

  gtk_window_present (GTK_WINDOW (window));

  /* eight "words" in each of the four articles, in any case */
  gls_corpus_search_panel_search (panel, "WORDS", GLS_SEARCH_TEXT, NULL);
  g_assert_true (gls_corpus_search_get_searching (search));
  while (gls_corpus_search_get_searching (search))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 4 * 8);

  /* the annotations of a category: those the fixture made */
  gls_corpus_search_panel_search (panel, "", GLS_SEARCH_TEXT, "factual");
  while (gls_corpus_search_get_searching (search))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3 + 1 + 2);

  /* the second "words" of reports/d.txt opens there, selected */
  gls_corpus_search_panel_search (panel, "words", GLS_SEARCH_TEXT, NULL);
  while (gls_corpus_search_get_searching (search))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (hits) && position == G_MAXUINT; i++)
    {
      g_autoptr(GlsSearchHit) candidate = g_list_model_get_item (hits, i);

      if (g_str_equal (gls_search_hit_get_name (candidate), "reports/d.txt"))
        position = i + 1;
    }
  hit = g_list_model_get_item (hits, position);
  g_assert_cmpstr (gls_search_hit_get_match (hit), ==, "words");
  g_assert_cmpuint (gls_search_hit_get_start (hit), ==, 9);
  gls_corpus_search_panel_open_hit (panel, position);
  for (;;)
    {
      for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
        if (GLS_IS_WINDOW (l->data))
          article_window = l->data;
      if (article_window != NULL && gls_window_get_document (article_window) != NULL)
        {
          buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gls_window_get_article_view (article_window)));
          if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
            break;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_file_equal (gls_window_get_file (article_window), gls_search_hit_get_file (hit)));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 9);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 14);

  gtk_window_destroy (GTK_WINDOW (article_window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An article opened from the corpus: the find bar's Annotate Every Match
 * annotates each match, and one undo takes them all back. */
static void
test_annotate_every_match (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.txt", NULL);
  GlsWindow *window = gls_test_open_window (application, path);
  GlsDocument *document = gls_window_get_document (window);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkEditable *entry = NULL;
  GMenuModel *menu;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  collect (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (entries, i), GTK_TYPE_SEARCH_BAR) != NULL)
      entry = g_ptr_array_index (entries, i);
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "WORDS");

  /* the menu offers the codebook's categories */
  collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  menu = NULL;
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_menu_button_get_label (g_ptr_array_index (buttons, i)), "Annotate Every Match") == 0)
      menu = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION)), ==,
                   gls_codebook_get_n_categories (gls_document_get_codebook (document)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.annotate-matches", "s", "opinion"));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 8);
  g_assert_true (gls_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* How many rows show the unsaved-changes mark. */
static guint
count_unsaved_marks (GlsCorpusWindow *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (label, "unsaved") && gtk_widget_get_visible (label))
        {
          GdkRGBA color;

          /* in words, not by colour alone */
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "unsaved changes");
          /* in the accent colour, which GTK 4.8's theme does not name:
           * not white, which an unknown colour gave */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_style_context_get_color (gtk_widget_get_style_context (label), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
          g_assert_cmpfloat (color.alpha, ==, 1.0);
          g_assert_cmpfloat (color.blue, >, color.red + 0.2);
          n++;
        }
    }

  return n;
}

static gboolean
document_saved (gpointer document)
{
  return !gls_document_get_modified (document);
}

/* An article open in a window: its row shows what the document has,
 * marked while unsaved; saving takes the mark away, and closing without
 * saving shows the files again. */
static void
test_open_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *d_path = g_build_filename (f->dir, "reports", "d.txt", NULL);
  g_autofree char *d_sidecar = g_strconcat (d_path, ".annotations.xml", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GListModel *shown = gls_corpus_window_get_shown (window);
  GlsCorpusArticle *article;
  GlsWindow *article_window;
  GlsDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));
  while (gtk_widget_get_mapped (GTK_WIDGET (window)) == FALSE || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  article = find_article (shown, "reports/d.txt");
  g_assert_false (gls_corpus_article_get_modified (article));
  g_assert_cmpuint (count_unsaved_marks (window), ==, 0);

  /* opened after the corpus: an annotation marks its row, and counts */
  article_window = gls_test_open_window (application, d_path);
  document = gls_window_get_document (article_window);
  g_assert_false (gls_corpus_article_get_modified (article));
  gls_document_annotate (document, "factual", 30, 35, &error);
  g_assert_no_error (error);
  g_assert_true (gls_corpus_article_get_modified (article));
  g_assert_cmpint (gls_corpus_article_get_n_annotations (article), ==, 3);
  g_assert_cmpuint (count_unsaved_marks (window), ==, 1);
  g_assert_false (gls_corpus_article_get_modified (find_article (shown, "news/b.txt")));

  /* the state set in the window's menu is the row's at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (article_window), "win.work-state", "s", "done"));
  g_assert_cmpint (gls_corpus_article_get_state (article), ==, GLS_WORK_STATE_DONE);
  g_assert_true (gls_document_undo (document));
  g_assert_cmpint (gls_corpus_article_get_state (article), ==, GLS_WORK_STATE_NOT_STARTED);
  g_assert_true (gls_document_redo (document));
  g_assert_cmpint (gls_corpus_article_get_state (article), ==, GLS_WORK_STATE_DONE);

  /* saved: no mark */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (article_window), "win.save", NULL));
  gls_test_wait_for (document_saved, document);
  g_assert_false (gls_corpus_article_get_modified (article));
  g_assert_cmpuint (count_unsaved_marks (window), ==, 0);
  bytes = gls_test_read (d_sidecar);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "work:state=\"done\""));

  /* changed again, then closed without saving: the row shows the files */
  gls_document_set_work_state (document, GLS_WORK_STATE_IN_PROGRESS);
  g_assert_cmpint (gls_corpus_article_get_state (article), ==, GLS_WORK_STATE_IN_PROGRESS);
  g_assert_true (gls_corpus_article_get_modified (article));
  gtk_window_destroy (GTK_WINDOW (article_window));
  g_assert_false (gls_corpus_article_get_modified (article));
  wait_for_state (article, GLS_WORK_STATE_DONE);
  g_assert_cmpint (gls_corpus_article_get_n_annotations (article), ==, 3);
  g_assert_cmpuint (count_unsaved_marks (window), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window opened before the corpus: its unsaved changes show as soon as
 * the row is read. */
static void
test_open_before (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *b_path = g_build_filename (f->dir, "news", "b.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlsWindow *article_window = gls_test_open_window (application, b_path);
  GlsDocument *document = gls_window_get_document (article_window);
  GlsCorpusWindow *window;
  GListModel *shown;
  GlsCorpusArticle *article;

  gls_document_annotate (document, "factual", 30, 35, &error);
  g_assert_no_error (error);
  gls_document_set_work_state (document, GLS_WORK_STATE_IN_PROGRESS);

  window = gls_corpus_window_new (application, folder);
  shown = gls_corpus_window_get_shown (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  article = find_article (shown, "news/b.txt");
  g_assert_true (gls_corpus_article_get_modified (article));
  g_assert_cmpint (gls_corpus_article_get_n_annotations (article), ==, 4);
  g_assert_cmpint (gls_corpus_article_get_state (article), ==, GLS_WORK_STATE_IN_PROGRESS);

  /* the corpus window goes first: the article window works on */
  gtk_window_destroy (GTK_WINDOW (window));
  gls_document_undo (document);
  gls_document_undo (document);
  g_assert_false (gls_document_get_modified (document));
  gtk_window_destroy (GTK_WINDOW (article_window));
}

/* The list's row of @name, as the list shows it. */
static guint
shown_position (GListModel *shown,
                const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    if (strcmp (shown_name (shown, i), name) == 0)
      return i;

  g_assert_not_reached ();
}

static guint
count_article_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    n += GLS_IS_WINDOW (l->data);

  return n;
}

static gboolean
compared_loaded (gpointer compare)
{
  return gls_compare_view_get_document (compare) != NULL;
}

/* Opened from the list while the article window in front compares: on the
 * compare view's other side; but in a window of its own while that side
 * has changes not saved yet. */
static void
test_open_compare (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *b_path = g_build_filename (f->dir, "news", "b.txt", NULL);
  g_autofree char *c_path = g_build_filename (f->dir, "news", "c.html", NULL);
  g_autofree char *d_path = g_build_filename (f->dir, "reports", "d.txt", NULL);
  g_autoptr(GFile) b_file = g_file_new_for_path (b_path);
  g_autoptr(GFile) c_file = g_file_new_for_path (c_path);
  g_autoptr(GError) error = NULL;
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GListModel *shown = gls_corpus_window_get_shown (window);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkWidget *list = NULL;
  GlsWindow *article_window;
  GlsCompareView *compare;
  GlsDocument *compared;

  /* the articles' list, not a drop-down's */
  collect (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len; i++)
    if (G_LIST_MODEL (gtk_list_view_get_model (g_ptr_array_index (lists, i))) == shown)
      list = g_ptr_array_index (lists, i);
  g_assert_nonnull (list);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));
  article_window = gls_test_open_window (application, d_path);
  gls_window_compare (article_window, b_file);
  compare = gls_window_get_compare (article_window);
  gls_test_wait_for (compared_loaded, compare);

  g_signal_emit_by_name (list, "activate", shown_position (shown, "news/c.html"));
  g_assert_true (g_file_equal (gls_compare_view_get_file (compare), c_file));
  g_assert_cmpuint (count_article_windows (), ==, 1);
  gls_test_wait_for (compared_loaded, compare);

  /* a change on that side is not thrown away */
  compared = gls_compare_view_get_document (compare);
  gls_document_annotate (compared, "factual", 0, 5, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (list, "activate", shown_position (shown, "a.txt"));
  g_assert_true (g_file_equal (gls_compare_view_get_file (compare), c_file));
  g_assert_true (gls_compare_view_get_document (compare) == compared);
  g_assert_cmpuint (count_article_windows (), ==, 2);

  gls_document_undo (compared);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = gtk_application_get_windows (application))
    gtk_window_destroy (l->data);
}

/* What a drop target of @widget does with @files dropped on it. */
static void
drop_files (GtkWidget *widget,
            GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList files = { file, NULL };
  gboolean handled = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 0.0, 0.0, &handled);
    }
  g_assert_true (handled);
}

static GlsCorpusWindow *
find_corpus_window (void)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (GLS_IS_CORPUS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* A folder dropped on an open article opens as a corpus (it is not
 * compared with the article); an article dropped on the corpus window
 * opens in its window. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *b_path = g_build_filename (f->dir, "news", "b.txt", NULL);
  g_autofree char *d_path = g_build_filename (f->dir, "reports", "d.txt", NULL);
  g_autoptr(GFile) d_file = g_file_new_for_path (d_path);
  GlsWindow *article_window = gls_test_open_window (application, b_path);
  GlsCorpusWindow *window;

  drop_files (GTK_WIDGET (article_window), folder);
  g_assert_null (gls_window_get_compare (article_window));
  window = find_corpus_window ();
  g_assert_nonnull (window);
  g_assert_true (g_file_equal (gls_corpus_window_get_folder (window), folder));

  drop_files (GTK_WIDGET (window), d_file);
  g_assert_cmpuint (count_article_windows (), ==, 2);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = gtk_application_get_windows (application))
    gtk_window_destroy (l->data);
}

/* The state of work in a selected row reads like the row's name, not in
 * the theme's white for flat buttons on a selection (white on light grey). */
static void
test_selected_row_colors (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GListModel *shown = gls_corpus_window_get_shown (window);
  GtkWidget *state, *button, *name;
  GdkRGBA state_color, name_color;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown), shown_position (shown, "news/b.txt"));
  while (gtk_widget_get_mapped (GTK_WIDGET (window)) == FALSE || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);

  state = find_state_button (window, "news/b.txt");
  button = find_child (state, GTK_TYPE_BUTTON);
  /* the row's first label is the article's name */
  name = find_child (gtk_widget_get_parent (state), GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "news/b.txt");
  g_assert_true (gtk_widget_get_state_flags (gtk_widget_get_parent (gtk_widget_get_parent (state))) &
                 GTK_STATE_FLAG_SELECTED);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (button), &state_color);
  gtk_style_context_get_color (gtk_widget_get_style_context (name), &name_color);
G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (gdk_rgba_equal (&state_color, &name_color));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The count of a row as it reads, found by the row's name. */
static const char *
row_count_text (GlsCorpusWindow *window,
                const char      *name)
{
  GtkWidget *state = find_state_button (window, name);
  GtkWidget *row = gtk_widget_get_parent (state);

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "numeric"))
      return gtk_label_get_text (GTK_LABEL (child));

  g_assert_not_reached ();
}

/* An article whose text changed under its annotations says how many are
 * orphaned (their text is gone) and how many fuzzy (on similar text). */
static void
test_orphaned_fuzzy (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *b_path = g_build_filename (f->dir, "news", "b.txt", NULL);
  g_autofree char *d_path = g_build_filename (f->dir, "reports", "d.txt", NULL);
  GlsCorpusWindow *window;
  GListModel *shown;

  /* b.txt: its three annotations' words are gone; d.txt: a long one more
   * over its sentence, which then changes by a letter */
  gls_test_write (b_path, "Nothing of what it said is left in this article now.\n", -1);
  {
    g_autoptr(GFile) d_file = g_file_new_for_path (d_path);
    g_autoptr(GError) error = NULL;
    g_autoptr(GlsDocument) document = gls_test_load (d_file, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    gls_document_annotate (document, "opinion", 3, 51, &error);
    g_assert_no_error (error);
    gls_test_save (document, &error);
    g_assert_no_error (error);
  }
  gls_test_write (d_path, "<p>Words words words words words wards words words.</p>\n", -1);

  window = gls_corpus_window_new (application, folder);
  shown = gls_corpus_window_get_shown (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_counts (shown, G_N_ELEMENTS (corpus_articles));
  while (gtk_widget_get_mapped (GTK_WIDGET (window)) == FALSE || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (row_count_text (window, "news/b.txt"), ==, "3 (3 orphaned)");
  g_assert_cmpstr (row_count_text (window, "reports/d.txt"), ==, "3 (1 fuzzy)");
  g_assert_cmpstr (row_count_text (window, "news/c.html"), ==, "1");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  /* articles opened from the list go to the recent files, which outlive
   * each test's folders */
  if ((application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorCorpusTest",
                                        &recent_home)) == NULL)
    return 0;

  g_test_add ("/corpus-window/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/corpus-window/state", Fixture, NULL, fixture_setup, test_state, fixture_teardown);
  g_test_add ("/corpus-window/state-keys", Fixture, NULL, fixture_setup, test_state_keys, fixture_teardown);
  g_test_add ("/corpus-window/state-refused", Fixture, NULL, fixture_setup, test_state_refused, fixture_teardown);
  g_test_add ("/corpus-window/export-statistics", Fixture, NULL, fixture_setup, test_export_statistics, fixture_teardown);
  g_test_add ("/corpus-window/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/corpus-window/annotate-every-match", Fixture, NULL, fixture_setup, test_annotate_every_match,
              fixture_teardown);
  g_test_add ("/corpus-window/open-article", Fixture, NULL, fixture_setup, test_open_article, fixture_teardown);
  g_test_add ("/corpus-window/open-before", Fixture, NULL, fixture_setup, test_open_before, fixture_teardown);
  g_test_add ("/corpus-window/open-folder", Fixture, NULL, fixture_setup, test_open_folder, fixture_teardown);
  g_test_add ("/corpus-window/open-folder-chooser", Fixture, NULL, fixture_setup, test_open_folder_chooser,
              fixture_teardown);
  g_test_add ("/corpus-window/open-compare", Fixture, NULL, fixture_setup, test_open_compare, fixture_teardown);
  g_test_add ("/corpus-window/drop", Fixture, NULL, fixture_setup, test_drop, fixture_teardown);
  g_test_add ("/corpus-window/orphaned-fuzzy", Fixture, NULL, fixture_setup, test_orphaned_fuzzy, fixture_teardown);
  g_test_add ("/corpus-window/selected-row-colors", Fixture, NULL, fixture_setup, test_selected_row_colors,
              fixture_teardown);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
