/* gls-corpus-window.c
 * A folder opened as a corpus: its articles (GlsCorpus, filled by a worker
 * thread) filtered by name and by state of work, sorted by name, by
 * annotations or by state; a click opens the article in its own window,
 * and each row's button sets the article's state of work (from the
 * keyboard, Shift+F10 or the Menu key opens its menu). An article open
 * in a window shows what its document has, with a mark while it has
 * unsaved changes; while the article window in front compares, the
 * article opens on the compare view's other side instead. A second page
 * searches the corpus (GlsCorpusSearchPanel), a third charts the articles
 * listed (GlsCorpusStatistics); the list's filters stay above both the
 * list and the charts. */
#define G_LOG_DOMAIN "gls-corpus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-core.h"
#include "gls-accessible.h"
#include "gls-corpus-search-panel.h"
#include "gls-corpus-state-button.h"
#include "gls-bar-chart.h"
#include "gls-corpus-window.h"
#include "gls-dialogs.h"
#include "gls-window.h"

#define ROW_RESOURCE "/io/github/glossator/Glossator/ui/gls-corpus-row.ui"

enum {
  SORT_BY_NAME,
  SORT_BY_ANNOTATIONS,
  SORT_BY_STATE,
};

/* The state filter's first item shows every state; the others are the
 * GlsWorkState values, one more. */
#define STATE_FILTER_ALL 0

struct _GlsCorpusWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkWidget            *filter_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkDropDown          *state_dropdown;
  GtkListView          *list_view;
  GtkStack             *stack;
  GlsCorpusSearchPanel *search_panel;
  GlsCorpusStatistics  *statistics;

  /* Owned */
  GlsCorpus            *corpus;
  GtkStringFilter      *filter;
  GtkCustomFilter      *state_filter;
  GtkSortListModel     *sorted;
  GtkSingleSelection   *selection;
  GHashTable           *open;    /* GlsWindow → the GlsCorpusArticle it shows */
};

G_DEFINE_FINAL_TYPE (GlsCorpusWindow, gls_corpus_window, GTK_TYPE_APPLICATION_WINDOW)

/* The count column of a row (ui/gls-corpus-row.ui). */
static char *
gls_corpus_row_count (GtkListItem *item,
                      int          n_annotations,
                      guint        n_orphaned,
                      guint        n_fuzzy,
                      const char  *problem)
{
  if (problem != NULL)
    /* Translators: an article whose annotations could not be read; the
     * reason is in the tooltip */
    return g_strdup (_("cannot be read"));
  if (n_annotations < 0)
    /* Translators: an annotation count not known yet */
    return g_strdup ("…");
  if (n_orphaned > 0 && n_fuzzy > 0)
    /* Translators: annotations of an article, then those that lost their
     * text after the article changed and those that sit on similar text,
     * e.g. "20 (2 orphaned, 1 fuzzy)" */
    return g_strdup_printf (_("%d (%u orphaned, %u fuzzy)"), n_annotations, n_orphaned, n_fuzzy);
  if (n_orphaned > 0)
    /* Translators: annotations of an article, then those that lost their
     * text after the article changed, e.g. "20 (2 orphaned)" */
    return g_strdup_printf (_("%d (%u orphaned)"), n_annotations, n_orphaned);
  if (n_fuzzy > 0)
    /* Translators: annotations of an article, then those that sit on
     * similar text after the article changed, e.g. "20 (1 fuzzy)" */
    return g_strdup_printf (_("%d (%u fuzzy)"), n_annotations, n_fuzzy);

  return g_strdup_printf ("%d", n_annotations);
}

/* The count column's tooltip: why the article cannot be read. Given when
 * asked for, since binding a tooltip's text asks the display where the
 * pointer is for each row the list makes. */
static gboolean
gls_corpus_row_query_problem (GtkWidget   *label,
                              int          x,
                              int          y,
                              gboolean     keyboard_tooltip,
                              GtkTooltip  *tooltip,
                              GtkListItem *item)
{
  GlsCorpusArticle *article = gtk_list_item_get_item (item);

  if (article == NULL || gls_corpus_article_get_problem (article) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, gls_corpus_article_get_problem (article));
  return TRUE;
}

static void
update_status (GlsCorpusWindow *self)
{
  guint n = g_list_model_get_n_items (gls_corpus_get_articles (self->corpus));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *status = NULL;

  if (gls_corpus_get_problem (self->corpus) != NULL)
    status = g_strdup (gls_corpus_get_problem (self->corpus));
  else if (gls_corpus_get_scanning (self->corpus))
    /* Translators: progress of reading a corpus: articles read, articles found */
    status = g_strdup_printf (_("Reading %u of %u articles…"), gls_corpus_get_n_counted (self->corpus), n);
  else if (shown < n)
    /* Translators: articles that match the filter, of all the articles */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u article", "%u of %u articles", n),
                              shown, n);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);

  gtk_label_set_label (self->status_label, status);
}

/* ------------------------------------------------------------------ */
/* The state of work: filter, order, and setting it                     */

static gboolean
state_filter_match (gpointer item,
                    gpointer user_data)
{
  GlsCorpusWindow *self = user_data;
  guint selected;

  /* the template's widgets go before the list */
  if (self->state_dropdown == NULL)
    return TRUE;

  selected = gtk_drop_down_get_selected (self->state_dropdown);
  return selected == STATE_FILTER_ALL ||
         gls_corpus_article_get_state (GLS_CORPUS_ARTICLE (item)) == selected - 1;
}

/* States fill in with the counts, and change when the user sets one: the
 * filter has to look again (a filter list model does not watch its
 * items' properties). */
static void
refilter_states (GlsCorpusWindow *self)
{
  if (self->state_filter != NULL && gtk_drop_down_get_selected (self->state_dropdown) != STATE_FILTER_ALL)
    gtk_filter_changed (GTK_FILTER (self->state_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_state_filter_changed (GlsCorpusWindow *self)
{
  if (self->state_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->state_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Not started first, then in progress, then done; by name within each. */
static GtkSorter *
state_sorter_new (void)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();

  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (
    gtk_property_expression_new (GLS_TYPE_CORPUS_ARTICLE, NULL, "state"))));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (
    gtk_property_expression_new (GLS_TYPE_CORPUS_ARTICLE, NULL, "name"))));

  return GTK_SORTER (sorter);
}

static void
state_changed (GlsCorpusWindow *self)
{
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sorted);

  if (gtk_drop_down_get_selected (self->sort_dropdown) == SORT_BY_STATE && sorter != NULL)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  refilter_states (self);
}

/* The state button of the row that has the focus, or holds it. */
static GlsCorpusStateButton *
find_focused_state_button (GlsCorpusWindow *self)
{
  GtkWidget *row = gtk_root_get_focus (GTK_ROOT (self));

  while (row != NULL && gtk_widget_get_parent (row) != GTK_WIDGET (self->list_view))
    row = gtk_widget_get_parent (row);
  if (row == NULL)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (row)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GLS_IS_CORPUS_STATE_BUTTON (child))
      return GLS_CORPUS_STATE_BUTTON (child);

  return NULL;
}

/* Shift+F10 or the Menu key on a row: the menu of its state button, as a
 * row's context menu */
static gboolean
show_state_menu (GtkWidget *list_view,
                 GVariant  *args,
                 gpointer   user_data)
{
  GlsCorpusWindow *self = GLS_CORPUS_WINDOW (gtk_widget_get_root (list_view));
  GlsCorpusStateButton *button = find_focused_state_button (self);

  if (button == NULL)
    return FALSE;

  gls_corpus_state_button_popup (button);
  return TRUE;
}

static void
add_state_menu_shortcut (GlsCorpusWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                               gtk_callback_action_new (show_state_menu, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

static void
on_state_set (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GlsCorpusWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gls_corpus_set_state_finish (GLS_CORPUS (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && gtk_widget_get_realized (GTK_WIDGET (self)))
        gls_dialogs_show_error (GTK_WINDOW (self), error->message);
      return;
    }

  state_changed (self);
}

static GlsWindow *
find_article_window (GlsCorpusWindow *self,
                     GFile           *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (GLS_IS_WINDOW (l->data) && gls_window_get_file (l->data) != NULL &&
        g_file_equal (gls_window_get_file (l->data), file) && gls_window_get_document (l->data) != NULL)
      return l->data;

  return NULL;
}

/**
 * gls_corpus_window_set_state:
 *
 * Sets @article's state of work: in its window's document when it is
 * open there (a step to undo, saved with the annotations), else in its
 * sidecar on disk, safely, in a worker thread. A sidecar that cannot be
 * read is left alone, and a dialog says why.
 */
void
gls_corpus_window_set_state (GlsCorpusWindow  *self,
                             GlsCorpusArticle *article,
                             GlsWorkState      state)
{
  GlsWindow *window;

  g_return_if_fail (GLS_IS_CORPUS_WINDOW (self));
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (article));

  if ((window = find_article_window (self, gls_corpus_article_get_file (article))) != NULL)
    {
      gls_document_set_work_state (gls_window_get_document (window), state);
      gls_corpus_article_set_state (article, state);
      state_changed (self);
      return;
    }

  gls_corpus_set_state_async (self->corpus, article, state, NULL, on_state_set, g_object_ref (self));
}

/* corpus.set-state((name, state)): what a row's state button asks for */
static void
action_set_state (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlsCorpusWindow *self = GLS_CORPUS_WINDOW (widget);
  GListModel *articles = gls_corpus_get_articles (self->corpus);
  const char *name, *state_name;
  GlsWorkState state;

  g_variant_get (parameter, "(&s&s)", &name, &state_name);
  if (!gls_work_state_from_string (state_name, &state))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (articles, i);

      if (g_strcmp0 (gls_corpus_article_get_name (article), name) == 0)
        {
          gls_corpus_window_set_state (self, article, state);
          return;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Articles open in a window: what their document has, saved or not     */

/* The window closed, or shows another file: the list shows the article
 * as its files have it. */
static void
forget_article (GlsCorpusWindow  *self,
                GlsCorpusArticle *article)
{
  gls_corpus_article_set_modified (article, FALSE);
  gls_corpus_recount (self->corpus, article);
}

/* Called when @window's document changes in any way (its work-state is
 * notified then), is saved, or is replaced by another. */
static void
follow_window (GlsCorpusWindow *self,
               GParamSpec      *pspec,
               GlsWindow       *window)
{
  GlsDocument *document = gls_window_get_document (window);
  GlsCorpusArticle *before = g_hash_table_lookup (self->open, window);
  GlsCorpusArticle *article = NULL;
  GlsWorkState state;

  if (self->corpus == NULL || self->open == NULL)
    return;

  if (document != NULL && gls_window_get_file (window) != NULL)
    article = gls_corpus_find_article (self->corpus, gls_window_get_file (window));
  if (before != NULL && before != article)
    forget_article (self, before);
  if (article == NULL)
    {
      g_hash_table_remove (self->open, window);
      return;
    }

  g_hash_table_insert (self->open, window, g_object_ref (article));
  state = gls_corpus_article_get_state (article);
  gls_corpus_show_document (self->corpus, article, document);
  gls_corpus_article_set_modified (article, gls_document_get_modified (document));
  if (gls_corpus_article_get_state (article) != state)
    state_changed (self);
}

static void
on_window_added (GlsCorpusWindow *self,
                 GtkWindow       *window)
{
  if (!GLS_IS_WINDOW (window))
    return;

  g_signal_connect_object (window, "notify::work-state", G_CALLBACK (follow_window), self, G_CONNECT_SWAPPED);
  follow_window (self, NULL, GLS_WINDOW (window));
}

static void
on_window_removed (GlsCorpusWindow *self,
                   GtkWindow       *window)
{
  gpointer article;

  if (!GLS_IS_WINDOW (window) || self->open == NULL)
    return;

  g_signal_handlers_disconnect_by_data (window, self);
  if (g_hash_table_steal_extended (self->open, window, NULL, &article))
    {
      forget_article (self, article);
      g_object_unref (article);
    }
}

/* Articles are listed and read after their windows may have opened. */
static void
follow_windows (GlsCorpusWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = application ? gtk_application_get_windows (application) : NULL; l != NULL; l = l->next)
    if (GLS_IS_WINDOW (l->data))
      follow_window (self, NULL, l->data);
}

static void
watch_windows (GlsCorpusWindow *self,
               GtkApplication  *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    on_window_added (self, l->data);
  g_signal_connect_object (application, "window-added", G_CALLBACK (on_window_added), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "window-removed", G_CALLBACK (on_window_removed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gls_corpus_get_articles (self->corpus), "items-changed", G_CALLBACK (follow_windows),
                           self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* Export Statistics…: the rows of glossator-cli stats --csv            */

static void
on_statistics_exported (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GlsCorpusWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  if (!gls_stats_csv_export_finish (result, &n_failed, &error))
    {
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        gls_dialogs_show_error (GTK_WINDOW (self), error->message);
      return;
    }

  if (n_failed > 0 && gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The statistics were exported without %u article whose annotations cannot be read; the list says why.",
                                      "The statistics were exported without %u articles whose annotations cannot be read; the list says why.",
                                      n_failed),
                         n_failed);

      gls_dialogs_show_error (GTK_WINDOW (self), message);
    }
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GlsCorpusWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    gls_corpus_window_export_statistics (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
action_export_statistics (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlsCorpusWindow *self = GLS_CORPUS_WINDOW (widget);
  g_autofree char *basename = g_file_get_basename (gls_corpus_get_folder (self->corpus));
  /* Translators: the file name offered for a corpus's statistics */
  g_autofree char *name = g_strdup_printf (_("%s statistics.csv"), basename);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Statistics"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * gls_corpus_window_export_statistics:
 * @file: the CSV file to write, replaced safely
 *
 * Writes the statistics of every article of the corpus in a worker
 * thread, as glossator-cli stats --csv does; a dialog tells a failure.
 */
void
gls_corpus_window_export_statistics (GlsCorpusWindow *self,
                                     GFile           *file)
{
  g_return_if_fail (GLS_IS_CORPUS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gls_stats_csv_export_async (gls_corpus_get_folder (self->corpus), file, NULL, on_statistics_exported,
                              g_object_ref (self));
}

/* ------------------------------------------------------------------ */

static void
on_sort_changed (GlsCorpusWindow *self)
{
  g_autoptr(GtkSorter) sorter = NULL;

  /* the template sets the list of orders before the window has a list */
  if (self->sorted == NULL)
    return;

  if (gtk_drop_down_get_selected (self->sort_dropdown) == SORT_BY_ANNOTATIONS)
    {
      GtkExpression *count = gtk_property_expression_new (GLS_TYPE_CORPUS_ARTICLE, NULL, "n-annotations");
      GtkNumericSorter *numeric = gtk_numeric_sorter_new (count);

      gtk_numeric_sorter_set_sort_order (numeric, GTK_SORT_DESCENDING);
      sorter = GTK_SORTER (numeric);
    }
  else if (gtk_drop_down_get_selected (self->sort_dropdown) == SORT_BY_STATE)
    sorter = state_sorter_new ();
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (GLS_TYPE_CORPUS_ARTICLE, NULL,
                                                                             "name")));

  gtk_sort_list_model_set_sorter (self->sorted, sorter);
}

/* Counts fill in while sorted by them: sorted again, a batch at a time. */
static void
on_counted (GlsCorpusWindow *self)
{
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sorted);

  if (gtk_drop_down_get_selected (self->sort_dropdown) != SORT_BY_NAME && sorter != NULL)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  refilter_states (self);
  update_status (self);
  /* the scan read them from disk: an open window's document has them */
  follow_windows (self);
}

/* The article window in front when it compares its article with another,
 * and that other side can be replaced without losing a change. */
static GlsWindow *
find_comparing_window (GlsCorpusWindow *self,
                       GFile           *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GlsCompareView *compare;

  /* the windows, the one focused last first */
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (!GLS_IS_WINDOW (l->data))
        continue;
      if ((compare = gls_window_get_compare (l->data)) == NULL ||
          gls_window_get_file (l->data) == NULL || g_file_equal (gls_window_get_file (l->data), file) ||
          gls_compare_view_is_busy (compare) ||
          (gls_compare_view_get_document (compare) != NULL &&
           gls_document_get_modified (gls_compare_view_get_document (compare))))
        return NULL;
      return l->data;
    }

  return NULL;
}

/* An article opens in its own window, or, while the article window in
 * front compares, on the compare view's other side. */
static void
on_activate (GlsCorpusWindow *self,
             guint            position)
{
  g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GlsWindow *comparing;
  GFile *file;

  if (article == NULL)
    return;

  file = gls_corpus_article_get_file (article);
  if ((comparing = find_comparing_window (self, file)) != NULL)
    {
      gls_window_compare (comparing, file);
      gtk_window_present (GTK_WINDOW (comparing));
      return;
    }

  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
}

/* Folders dropped on the window open as corpora, articles in their
 * windows. */
static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         GlsCorpusWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), (GFile **) files->pdata,
                      files->len, "");
  return TRUE;
}

/* The filters choose what the list and the statistics show; the search
 * page has its own. */
static void
on_page_changed (GlsCorpusWindow *self)
{
  const char *page;

  /* the stack shows its first page before the template binds the bar */
  if (self->filter_bar == NULL)
    return;

  page = gtk_stack_get_visible_child_name (self->stack);
  gtk_widget_set_visible (self->filter_bar, g_strcmp0 (page, "search") != 0);
}

/* The statistics page charts the articles the list shows, and sums them
 * again as their counts fill in (it throttles that itself). */
static void
setup_statistics (GlsCorpusWindow *self)
{
  gls_corpus_statistics_set_model (self->statistics, G_LIST_MODEL (self->selection));
  g_signal_connect_object (self->corpus, "notify::n-counted", G_CALLBACK (gls_corpus_statistics_queue_update),
                           self->statistics, G_CONNECT_SWAPPED);
}

static void
gls_corpus_window_dispose (GObject *object)
{
  GlsCorpusWindow *self = (GlsCorpusWindow *)object;

  if (self->corpus != NULL)
    gls_corpus_cancel (self->corpus);
  if (self->open != NULL)
    {
      GHashTableIter iter;
      gpointer window;

      g_hash_table_iter_init (&iter, self->open);
      while (g_hash_table_iter_next (&iter, &window, NULL))
        g_signal_handlers_disconnect_by_data (window, self);
      g_clear_pointer (&self->open, g_hash_table_unref);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_CORPUS_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (gls_corpus_window_parent_class)->dispose (object);
}

static void
gls_corpus_window_class_init (GlsCorpusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_corpus_window_dispose;

  g_type_ensure (GLS_TYPE_BAR_CHART);
  g_type_ensure (GLS_TYPE_CORPUS_ARTICLE);
  g_type_ensure (GLS_TYPE_CORPUS_STATE_BUTTON);
  g_type_ensure (GLS_TYPE_CORPUS_SEARCH_PANEL);
  g_type_ensure (GLS_TYPE_CORPUS_STATISTICS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-corpus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, statistics);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_state_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_install_action (widget_class, "corpus.set-state", "(ss)", action_set_state);
  gtk_widget_class_install_action (widget_class, "corpus.export-statistics", NULL, action_export_statistics);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
gls_corpus_window_init (GlsCorpusWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->open = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "gls_corpus_row_count",
                                          G_CALLBACK (gls_corpus_row_count));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "gls_corpus_row_query_problem",
                                          G_CALLBACK (gls_corpus_row_query_problem));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, ROW_RESOURCE);
  gtk_list_view_set_factory (self->list_view, factory);
  gls_accessible_name_drop_down (self->sort_dropdown, _("Order of the Articles"));
  gls_accessible_name_drop_down (self->state_dropdown, _("Show Articles in This State of Work"));
  add_state_menu_shortcut (self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * gls_corpus_window_new:
 * @folder: the corpus
 *
 * Returns: (transfer none): a window that lists @folder's articles, read
 *   in a worker thread as soon as it is created
 */
GlsCorpusWindow *
gls_corpus_window_new (GtkApplication *application,
                       GFile          *folder)
{
  GlsCorpusWindow *self;
  GtkFilterListModel *filtered;
  GtkEveryFilter *filters;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (GLS_TYPE_CORPUS_WINDOW, "application", application, NULL);
  self->corpus = gls_corpus_new (folder);

  name = g_file_get_basename (folder);
  gtk_label_set_label (self->title_label, name);
  gtk_window_set_title (GTK_WINDOW (self), name);

  /* articles → by name and state → sorted → the list */
  self->filter = gtk_string_filter_new (gtk_property_expression_new (GLS_TYPE_CORPUS_ARTICLE, NULL, "name"));
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  g_object_bind_property (self->search_entry, "text", self->filter, "search", G_BINDING_SYNC_CREATE);
  self->state_filter = gtk_custom_filter_new (state_filter_match, self, NULL);
  filters = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filters), GTK_FILTER (self->filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filters), GTK_FILTER (self->state_filter));
  filtered = gtk_filter_list_model_new (g_object_ref (gls_corpus_get_articles (self->corpus)),
                                        GTK_FILTER (filters));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  on_sort_changed (self);

  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->corpus, "notify::n-counted", G_CALLBACK (on_counted), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->corpus, "notify::scanning", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->corpus, "notify::problem", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  gls_corpus_search_panel_set_folder (self->search_panel, folder);
  setup_statistics (self);

  gls_corpus_scan (self->corpus);
  watch_windows (self, application);
  update_status (self);

  return self;
}

GFile *
gls_corpus_window_get_folder (GlsCorpusWindow *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_WINDOW (self), NULL);

  return gls_corpus_get_folder (self->corpus);
}

/**
 * gls_corpus_window_get_corpus:
 *
 * Returns: (transfer none): the articles the window lists, as the worker
 *   thread fills them in
 */
GlsCorpus *
gls_corpus_window_get_corpus (GlsCorpusWindow *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_WINDOW (self), NULL);

  return self->corpus;
}

/**
 * gls_corpus_window_get_search_panel:
 *
 * Returns: (transfer none): the page that searches the corpus
 */
GlsCorpusSearchPanel *
gls_corpus_window_get_search_panel (GlsCorpusWindow *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_WINDOW (self), NULL);

  return self->search_panel;
}

/**
 * gls_corpus_window_get_shown:
 *
 * Returns: (transfer none): the articles as the list shows them, filtered
 *   and sorted
 */
GListModel *
gls_corpus_window_get_shown (GlsCorpusWindow *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * gls_corpus_window_get_statistics:
 *
 * Returns: (transfer none): the statistics page, the third of the
 *   window's pages
 */
GlsCorpusStatistics *
gls_corpus_window_get_statistics (GlsCorpusWindow *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_WINDOW (self), NULL);

  return self->statistics;
}
