/* gls-corpus-window.c
 * A folder opened as a corpus: its articles (GlsCorpus, filled by a worker
 * thread) filtered by name and sorted by name or by annotations; a click
 * opens the article in its own window. */
#define G_LOG_DOMAIN "gls-corpus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-core.h"
#include "gls-corpus-window.h"

#define ROW_RESOURCE "/io/github/glossator/Glossator/ui/gls-corpus-row.ui"

enum {
  SORT_BY_NAME,
  SORT_BY_ANNOTATIONS,
};

struct _GlsCorpusWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkListView          *list_view;
  GlsCorpusStatistics  *statistics;

  /* Owned */
  GlsCorpus            *corpus;
  GtkStringFilter      *filter;
  GtkSortListModel     *sorted;
  GtkSingleSelection   *selection;
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
  if (n_orphaned + n_fuzzy > 0)
    /* Translators: annotations of an article, then how many wait for
     * review after the article changed, e.g. "20 (2 to review)" */
    return g_strdup_printf (_("%d (%u to review)"), n_annotations, n_orphaned + n_fuzzy);

  return g_strdup_printf ("%d", n_annotations);
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

  if (gtk_drop_down_get_selected (self->sort_dropdown) == SORT_BY_ANNOTATIONS && sorter != NULL)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  update_status (self);
}

static void
on_activate (GlsCorpusWindow *self,
             guint            position)
{
  g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GFile *file;

  if (article == NULL)
    return;

  file = gls_corpus_article_get_file (article);
  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
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

  g_type_ensure (GLS_TYPE_CORPUS_ARTICLE);
  g_type_ensure (GLS_TYPE_CORPUS_STATISTICS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-corpus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusWindow, statistics);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
gls_corpus_window_init (GlsCorpusWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "gls_corpus_row_count",
                                          G_CALLBACK (gls_corpus_row_count));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, ROW_RESOURCE);
  gtk_list_view_set_factory (self->list_view, factory);
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
  g_autofree char *name = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (GLS_TYPE_CORPUS_WINDOW, "application", application, NULL);
  self->corpus = gls_corpus_new (folder);

  name = g_file_get_basename (folder);
  gtk_label_set_label (self->title_label, name);
  gtk_window_set_title (GTK_WINDOW (self), name);

  /* articles → by name → sorted → the list */
  self->filter = gtk_string_filter_new (gtk_property_expression_new (GLS_TYPE_CORPUS_ARTICLE, NULL, "name"));
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  g_object_bind_property (self->search_entry, "text", self->filter, "search", G_BINDING_SYNC_CREATE);
  filtered = gtk_filter_list_model_new (g_object_ref (gls_corpus_get_articles (self->corpus)),
                                        GTK_FILTER (self->filter));
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

  setup_statistics (self);

  gls_corpus_scan (self->corpus);
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
 * Returns: (transfer none): the statistics page, shown by the window's
 *   Statistics button
 */
GlsCorpusStatistics *
gls_corpus_window_get_statistics (GlsCorpusWindow *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_WINDOW (self), NULL);

  return self->statistics;
}
