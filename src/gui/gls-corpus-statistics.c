/* gls-corpus-statistics.c
 * The statistics page of the corpus window: annotations per category of
 * the articles listed as bars, and each article's categories as a stacked
 * bar, updated while the counts fill in. */
#define G_LOG_DOMAIN "gls-corpus-statistics"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-corpus-statistics.h"

#define ROW_RESOURCE "/io/github/glossator/Glossator/ui/gls-corpus-statistics-row.ui"

/* While a large corpus is read its counts arrive many times a second: the
 * totals are summed again at most this often. */
#define UPDATE_INTERVAL_MS 400

struct _GlsCorpusStatistics
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GlsBarChart *corpus_chart;
  GtkListView *article_list;

  /* Owned */
  GListModel  *articles;

  guint        update_source;
  guint        stale : 1;
};

G_DEFINE_FINAL_TYPE (GlsCorpusStatistics, gls_corpus_statistics, GTK_TYPE_WIDGET)

/* The count column of a row (ui/gls-corpus-statistics-row.ui). */
static char *
gls_corpus_statistics_count (GtkListItem *item,
                             int          n_annotations)
{
  if (n_annotations < 0)
    /* Translators: an annotation count not known yet */
    return g_strdup ("…");

  return g_strdup_printf ("%d", n_annotations);
}

/* Imported categories take the palette's colours article by article, so
 * that categories of different articles share a colour (and a category
 * has several). In the corpus chart, a colour an earlier bar has goes to
 * the next palette colour no bar has yet, while there is one; the
 * articles' files and their own bars keep theirs. */
static void
distinguish_colors (GPtrArray *totals)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *palette = gls_palette_get_colors (NULL);
  guint next = 0;

  for (guint i = 0; i < totals->len; i++)
    {
      GlsCategoryCount *count = g_ptr_array_index (totals, i);
      char *color;

      /* no colour of its own: grey, as its highlights */
      if (count->color == NULL)
        continue;

      color = g_ascii_strdown (count->color, -1);
      if (g_hash_table_add (used, color))
        continue;

      while (palette[next] != NULL && g_hash_table_contains (used, palette[next]))
        next++;
      if (palette[next] == NULL)
        return;
      g_free (count->color);
      count->color = g_strdup (palette[next]);
      g_hash_table_add (used, g_strdup (palette[next]));
    }
}

/* Sums the categories of every article listed, read or not yet. */
static void
update (GlsCorpusStatistics *self)
{
  g_autoptr(GPtrArray) totals = gls_category_counts_new ();
  guint n = self->articles != NULL ? g_list_model_get_n_items (self->articles) : 0;

  self->stale = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (self->articles, i);

      gls_category_counts_add (totals, gls_corpus_article_get_categories (article));
    }
  gls_category_counts_sort (totals);
  distinguish_colors (totals);

  gls_bar_chart_set_counts (self->corpus_chart, totals);
}

static gboolean
on_update_timeout (gpointer data)
{
  GlsCorpusStatistics *self = data;

  self->update_source = 0;
  /* hidden, the page sums again when it is shown */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->stale = TRUE;

  return G_SOURCE_REMOVE;
}

/**
 * gls_corpus_statistics_queue_update:
 *
 * The articles' counts changed: the page sums them again soon, once for
 * however many changes come before.
 */
void
gls_corpus_statistics_queue_update (GlsCorpusStatistics *self)
{
  g_return_if_fail (GLS_IS_CORPUS_STATISTICS (self));

  if (self->update_source == 0)
    self->update_source = g_timeout_add (UPDATE_INTERVAL_MS, on_update_timeout, self);
}

static void
gls_corpus_statistics_map (GtkWidget *widget)
{
  GlsCorpusStatistics *self = GLS_CORPUS_STATISTICS (widget);

  GTK_WIDGET_CLASS (gls_corpus_statistics_parent_class)->map (widget);

  if (self->stale)
    update (self);
}

static void
gls_corpus_statistics_dispose (GObject *object)
{
  GlsCorpusStatistics *self = (GlsCorpusStatistics *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->update_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_CORPUS_STATISTICS);
  /* the template's box is no bound child: it goes as a child does */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (gls_corpus_statistics_parent_class)->dispose (object);
}

static void
gls_corpus_statistics_class_init (GlsCorpusStatisticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_corpus_statistics_dispose;
  widget_class->map = gls_corpus_statistics_map;

  g_type_ensure (GLS_TYPE_BAR_CHART);
  g_type_ensure (GLS_TYPE_CORPUS_ARTICLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossator/Glossator/ui/gls-corpus-statistics.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusStatistics, corpus_chart);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusStatistics, article_list);
}

static void
gls_corpus_statistics_init (GlsCorpusStatistics *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "gls_corpus_statistics_count",
                                          G_CALLBACK (gls_corpus_statistics_count));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, ROW_RESOURCE);
  gtk_list_view_set_factory (self->article_list, factory);
}

/**
 * gls_corpus_statistics_set_model:
 * @articles: (nullable): the GlsCorpusArticle to show, as the corpus
 *   window lists them (filtered and sorted)
 */
void
gls_corpus_statistics_set_model (GlsCorpusStatistics *self,
                                 GListModel          *articles)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (GLS_IS_CORPUS_STATISTICS (self));
  g_return_if_fail (articles == NULL || G_IS_LIST_MODEL (articles));

  if (self->articles != NULL)
    g_signal_handlers_disconnect_by_data (self->articles, self);
  g_set_object (&self->articles, articles);

  if (articles != NULL)
    {
      selection = gtk_no_selection_new (g_object_ref (articles));
      g_signal_connect_object (articles, "items-changed", G_CALLBACK (gls_corpus_statistics_queue_update), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (selection));
  update (self);
}

/**
 * gls_corpus_statistics_get_chart:
 *
 * Returns: (transfer none): the chart of the whole corpus's categories
 */
GlsBarChart *
gls_corpus_statistics_get_chart (GlsCorpusStatistics *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_STATISTICS (self), NULL);

  return self->corpus_chart;
}
