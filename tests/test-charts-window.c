/* test-charts-window.c
 * The charts of issue 13 in their windows: the corpus window's statistics
 * page, summed as the counts fill in and as the list is filtered, and the
 * density strip beside the article, which follows the document's changes
 * and scrolls the article; each with its text alternative. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gls-bar-chart.h"
#include "gls-corpus-window.h"
#include "gls-density-strip.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

static GtkApplication *application;

/* the window tests' fixture, of which the folder only: its tear-down
 * closes the windows and removes it */
typedef GlsTestWindowFixture Fixture;

/* name, then factual and opinion annotations */
static const struct { const char *name; guint n_factual, n_opinion; } corpus_articles[] = {
  { "a.txt", 2, 1 }, { "b.txt", 0, 2 }, { "c.txt", 0, 0 },
};

static void
annotate_and_save (const char *path,
                   guint       n_factual,
                   guint       n_opinion)
{
  g_autoptr(GlsDocument) document = gls_test_document_from_file (path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_factual + n_opinion; i++)
    {
      gls_document_annotate (document, i < n_factual ? "factual" : "opinion", i * 6, i * 6 + 5, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gls_test_save (document, &error));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = gls_test_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (corpus_articles); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, corpus_articles[i].name, NULL);

      gls_test_write (path, "Words words words words words words words words.\n", -1);
      if (corpus_articles[i].n_factual + corpus_articles[i].n_opinion > 0)
        annotate_and_save (path, corpus_articles[i].n_factual, corpus_articles[i].n_opinion);
    }
}

/* Every widget of @type under @root, breadth first. */
static GPtrArray *
widgets_of_type (GtkWidget *root,
                 GType      type)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
        g_ptr_array_add (found, widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }

  return found;
}

static GtkWidget *
first_of_type (GtkWidget *root,
               GType      type)
{
  g_autoptr(GPtrArray) found = widgets_of_type (root, type);

  g_assert_cmpuint (found->len, >, 0);

  return g_ptr_array_index (found, 0);
}

typedef struct
{
  GlsBarChart *chart;
  const char  *prefix;
} ChartWait;

static gboolean
chart_says (gpointer data)
{
  ChartWait *wait = data;

  return g_str_has_prefix (gls_bar_chart_get_description (wait->chart), wait->prefix);
}

/* Whether one of the stacked bars on @page describes an article as
 * @description. */
static gboolean
has_stacked_bar (GtkWidget  *page,
                 const char *description)
{
  g_autoptr(GPtrArray) charts = widgets_of_type (page, GLS_TYPE_BAR_CHART);

  for (guint i = 0; i < charts->len; i++)
    if (gls_bar_chart_get_stacked (charts->pdata[i]) &&
        g_strcmp0 (gls_bar_chart_get_description (charts->pdata[i]), description) == 0)
      return TRUE;

  return FALSE;
}

/* The button of the page titled @title in the window's switcher. */
static GtkWidget *
find_page_button (GtkWidget  *window,
                  const char *title)
{
  GtkWidget *switcher = first_of_type (window, GTK_TYPE_STACK_SWITCHER);
  g_autoptr(GPtrArray) buttons = widgets_of_type (switcher, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *label = first_of_type (buttons->pdata[i], GTK_TYPE_LABEL);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), title) == 0)
        return buttons->pdata[i];
    }

  return NULL;
}

/* A click on the switcher's page button: a real one where it can be */
static void
show_page (GtkWidget  *window,
           const char *title)
{
  GtkWidget *button = find_page_button (window, title);

  g_assert_nonnull (button);
  if (gls_test_can_send_input (button))
    gls_test_click (button);
  else
    gtk_widget_activate (button);
}

/* The list of articles: the list view of the articles the window shows */
static GtkWidget *
find_article_list (GlsCorpusWindow *window)
{
  g_autoptr(GPtrArray) lists = widgets_of_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < lists->len; i++)
    if (G_LIST_MODEL (gtk_list_view_get_model (lists->pdata[i])) == gls_corpus_window_get_shown (window))
      return lists->pdata[i];

  return NULL;
}

static gboolean
unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static void
test_corpus_statistics (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlsCorpusWindow *window = gls_corpus_window_new (application, folder);
  GlsCorpusStatistics *page = gls_corpus_window_get_statistics (window);
  GtkWidget *list = find_article_list (window);
  GtkWidget *filter = first_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  ChartWait wait = { gls_corpus_statistics_get_chart (page), NULL };

  g_assert_nonnull (list);
  gtk_window_present (GTK_WINDOW (window));
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, list);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* the third page of the switcher, in place of the list; the list's
   * filter above it still chooses the articles */
  show_page (GTK_WIDGET (window), "Statistics");
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, page);
  g_assert_false (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_get_mapped (filter));

  /* the whole corpus: the most used category first, every category of
   * the codebook a bar, the figures its text alternative */
  wait.prefix = "Opinion or evaluation: 3, Factual claim: 2, Number or statistic: 0, ";
  gls_test_wait_for (chart_says, &wait);
  g_assert_false (gls_bar_chart_get_stacked (wait.chart));
  g_assert_cmpuint (gls_bar_chart_get_n_bars (wait.chart), >=, 9);

  /* each article a stacked bar of its categories, in the codebook's order */
  g_assert_true (has_stacked_bar (GTK_WIDGET (page), "Factual claim: 2, Opinion or evaluation: 1"));
  g_assert_true (has_stacked_bar (GTK_WIDGET (page), "Opinion or evaluation: 2"));
  g_assert_true (has_stacked_bar (GTK_WIDGET (page), "No annotations"));

  /* the articles the list shows: filtered by name */
  gtk_editable_set_text (GTK_EDITABLE (first_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY)), "b.txt");
  wait.prefix = "Opinion or evaluation: 2, Factual claim: 0, ";
  gls_test_wait_for (chart_says, &wait);

  /* Articles goes back to the list */
  show_page (GTK_WIDGET (window), "Articles");
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, list);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* the search page has its own field, not the list's filter */
  show_page (GTK_WIDGET (window), "Search");
  gls_test_wait_for (unmapped, list);
  g_assert_false (gtk_widget_get_mapped (filter));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  show_page (GTK_WIDGET (window), "Statistics");
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, page);
  g_assert_true (gtk_widget_get_mapped (filter));
}

/* The label of the statistics row of @name, once the list shows it */
static GtkLabel *
find_name_label (GtkWidget  *page,
                 const char *name)
{
  g_autoptr(GPtrArray) labels = widgets_of_type (page, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), name) == 0)
      return labels->pdata[i];

  return NULL;
}

static gboolean
names_listed (gpointer page)
{
  return find_name_label (page, "semeval/article111111111.txt") != NULL &&
         find_name_label (page, "brat-example-data/example-data/corpora/CoNLL-ST_2002/esp/esp.train-doc-1400.txt") != NULL;
}

static gboolean
label_drawn (gpointer label)
{
  return gtk_widget_get_mapped (label) && gtk_widget_get_width (label) > 0;
}

/* The names of the statistics page: a usual corpus path whole, a deep one
 * shortened in the middle (its folder's start and its file name), the
 * whole of it in the tooltip and for screen readers; every row's name as
 * wide, so that the bars line up. */
static void
test_statistics_names (Fixture       *f,
                       gconstpointer  data)
{
  const char *usual = "semeval/article111111111.txt";
  const char *deep = "brat-example-data/example-data/corpora/CoNLL-ST_2002/esp/esp.train-doc-1400.txt";
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GlsCorpusWindow *window;
  GtkWidget *page;
  GtkLabel *label;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, i == 0 ? usual : deep, NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      gls_test_write (path, "Words words words words words words words words.\n", -1);
      annotate_and_save (path, 1, 1);
    }

  window = gls_corpus_window_new (application, folder);
  page = GTK_WIDGET (gls_corpus_window_get_statistics (window));
  gtk_window_present (GTK_WINDOW (window));
  show_page (GTK_WIDGET (window), "Statistics");
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, page);
  gls_test_wait_for (names_listed, page);

  label = find_name_label (page, usual);
  gls_test_wait_for (label_drawn, label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), ==,
                   gtk_widget_get_width (GTK_WIDGET (find_name_label (page, "a.txt"))));

  label = find_name_label (page, deep);
  gls_test_wait_for (label_drawn, label);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_MIDDLE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, deep);
}

static const char *
corpus_color (GlsBarChart *chart,
              const char  *id)
{
  GPtrArray *counts = gls_bar_chart_get_counts (chart);

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    if (g_strcmp0 (((GlsCategoryCount *) counts->pdata[i])->id, id) == 0)
      return ((GlsCategoryCount *) counts->pdata[i])->color;

  return NULL;
}

/* Two categories of the corpus with one colour, as imported categories
 * take the palette's colours article by article: the corpus chart gives
 * the less used one a palette colour no bar has, and the files keep
 * theirs. */
static void
test_statistics_colors (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *factual_color = NULL;
  GlsCorpusWindow *window;
  GlsCorpusStatistics *page;
  ChartWait wait = { NULL, "Opinion or evaluation: 3, Factual claim: 2, " };

  /* a.txt and b.txt written again, their opinion in factual's colour */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, corpus_articles[i].name, NULL);
      g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
      g_autoptr(GlsDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      GlsCodebook *codebook;

      g_assert_cmpint (g_remove (sidecar), ==, 0);
      document = gls_test_document_from_file (path);
      codebook = gls_document_get_codebook (document);
      g_free (factual_color);
      factual_color = g_strdup (gls_category_get_color (gls_codebook_lookup (codebook, "factual")));
      g_assert_true (gls_document_set_category_color (document, "opinion", factual_color, &error));
      g_assert_no_error (error);
      for (guint j = 0; j < corpus_articles[i].n_factual + corpus_articles[i].n_opinion; j++)
        {
          gls_document_annotate (document, j < corpus_articles[i].n_factual ? "factual" : "opinion", j * 6, j * 6 + 5,
                                 &error);
          g_assert_no_error (error);
        }
      g_assert_true (gls_test_save (document, &error));
    }

  window = gls_corpus_window_new (application, folder);
  page = gls_corpus_window_get_statistics (window);
  wait.chart = gls_corpus_statistics_get_chart (page);
  gtk_window_present (GTK_WINDOW (window));
  show_page (GTK_WIDGET (window), "Statistics");
  gls_test_wait_for (chart_says, &wait);

  /* the most used keeps its colour */
  g_assert_cmpstr (corpus_color (wait.chart, "opinion"), ==, factual_color);
  g_assert_nonnull (corpus_color (wait.chart, "factual"));
  g_assert_cmpstr (corpus_color (wait.chart, "factual"), !=, factual_color);
}

/* An article longer than the window: factual annotations in its first
 * lines, opinion in its last. */
static GlsWindow *
open_long_article (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "long.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint length;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Line %03u of an article that goes on and on.\n", i);
  gls_test_write (path, text->str, text->len);
  length = g_utf8_strlen (text->str, -1);

  document = gls_test_document_from_file (path);
  for (guint i = 0; i < 3; i++)
    {
      gls_document_annotate (document, "factual", i * 100, i * 100 + 20, &error);
      g_assert_no_error (error);
      gls_document_annotate (document, "opinion", length - 100 * i - 30, length - 100 * i - 1, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gls_test_save (document, &error));

  return gls_test_open_window (application, path);
}

static gboolean
strip_has_lanes (gpointer data)
{
  GlsDensity *density = gls_density_strip_get_density (data);

  return density != NULL && gls_density_get_n_lanes (density) == GPOINTER_TO_UINT (g_object_get_data (data, "lanes"));
}

/* Whether the article's view shows the character at @offset. */
static gboolean
shows_offset (GtkTextView *view,
              int          offset)
{
  GtkTextIter iter;
  GdkRectangle visible, location;

  if (offset < 0)
    offset = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)) + offset;
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);

  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static gboolean
shows_end (gpointer view)
{
  return shows_offset (view, -1);
}

static gboolean
shows_start (gpointer view)
{
  return shows_offset (view, 0);
}

static void
count_update (guint *n_updates)
{
  (*n_updates)++;
}

static void
test_density_strip (Fixture       *f,
                    gconstpointer  data)
{
  GlsWindow *window = open_long_article (f);
  GlsDensityStrip *strip = GLS_DENSITY_STRIP (first_of_type (GTK_WIDGET (window), GLS_TYPE_DENSITY_STRIP));
  GlsArticleView *view = gls_density_strip_get_view (strip);
  GlsDocument *document = gls_window_get_document (window);
  g_autofree char *description = NULL;
  GlsDensity *density;
  guint n_rows, top = 0, bottom = 0, n_updates = 0;
  g_autoptr(GError) error = NULL;

  /* a lane per category, factual at the top, opinion at the bottom */
  g_object_set_data (G_OBJECT (strip), "lanes", GUINT_TO_POINTER (2));
  gls_test_wait_for (strip_has_lanes, strip);

  /* beside the article's view, shown */
  g_assert_true (GLS_IS_ARTICLE_VIEW (view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (strip)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (strip)), >=, 10);
  density = gls_density_strip_get_density (strip);
  n_rows = gls_density_get_n_rows (density);
  g_assert_cmpuint (n_rows, >, 10);
  g_assert_cmpstr (gls_density_get_lane (density, 0)->id, ==, "factual");
  g_assert_cmpstr (gls_density_get_lane (density, 1)->id, ==, "opinion");
  for (guint row = 0; row < n_rows; row++)
    {
      if (gls_density_get_mark (density, row, 0))
        g_assert_cmpuint (row, <, n_rows / 10);
      if (gls_density_get_mark (density, row, 1))
        g_assert_cmpuint (row, >=, n_rows - n_rows / 10);
      top += gls_density_get_mark (density, row, 0);
      bottom += gls_density_get_mark (density, row, 1);
    }
  g_assert_cmpuint (top, >, 0);
  g_assert_cmpuint (bottom, >, 0);

  /* its text alternative: the categories and where they are */
  description = gls_density_describe (density);
  g_assert_true (g_str_has_prefix (description, "Factual claim: 3, from 0 % to "));
  g_assert_nonnull (strstr (description, "; Opinion or evaluation: 3, from "));
  g_assert_true (g_str_has_suffix (description, " to 100 % of the text"));

  /* it follows the document's changes */
  gls_document_annotate (document, "statistic", 2000, 2010, &error);
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (strip), "lanes", GUINT_TO_POINTER (3));
  gls_test_wait_for (strip_has_lanes, strip);
  g_assert_cmpstr (gls_density_get_lane (gls_density_strip_get_density (strip), 1)->id, ==, "statistic");

  /* a note typed does not move the marks: no bucketing again */
  g_signal_connect_swapped (strip, "updated", G_CALLBACK (count_update), &n_updates);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *note = g_strdup_printf ("typed %u", i);

      gls_document_set_annotation_note (document, gls_annotation_list_get (gls_document_get_annotations (document), 0),
                                        note);
    }
  for (guint i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_updates, ==, 0);

  /* an annotation added, then removed, moves only its own marks: the
   * strip is not bucketed again */
  {
    GlsAnnotation *added;

    density = gls_density_strip_get_density (strip);
    added = gls_document_annotate (document, "factual", 3000, 3010, &error);
    g_assert_no_error (error);
    g_assert_true (gls_density_strip_get_density (strip) == density);
    g_assert_true (gls_density_has_placed (density, added));
    g_assert_cmpuint (n_updates, ==, 1);
    gls_document_remove_annotation (document, added);
    g_assert_true (gls_density_strip_get_density (strip) == density);
    g_assert_cmpuint (n_updates, ==, 2);
    for (guint i = 0; i < 200 && g_main_context_pending (NULL); i++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (gls_density_strip_get_density (strip) == density);
  }

  /* a click scrolls the article to that place */
  g_assert_true (shows_start (view));
  g_assert_false (shows_end (view));
  gls_density_strip_scroll_to (strip, 1.0);
  gls_test_wait_for (shows_end, view);
  g_assert_false (shows_start (view));
  gls_density_strip_scroll_to (strip, 0.0);
  gls_test_wait_for (shows_start, view);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorChartsTest", &recent_home);
  if (application == NULL)
    return 0;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/charts-window/corpus-statistics", Fixture, NULL, fixture_setup, test_corpus_statistics,
              gls_test_window_fixture_tear_down);
  g_test_add ("/charts-window/statistics-names", Fixture, NULL, fixture_setup, test_statistics_names,
              gls_test_window_fixture_tear_down);
  g_test_add ("/charts-window/statistics-colors", Fixture, NULL, fixture_setup, test_statistics_colors,
              gls_test_window_fixture_tear_down);
  g_test_add ("/charts-window/density-strip", Fixture, NULL, fixture_setup, test_density_strip,
              gls_test_window_fixture_tear_down);

  status = g_test_run ();

  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
