/* gls-corpus-search-panel.c
 * Search across a corpus: the entry, where to search and in which
 * category, and the hits GlsCorpusSearch finds in a worker thread, shown
 * as snippets while they come. Activating one opens its article (or
 * brings its window forward) with the match selected and scrolled to. */
#define G_LOG_DOMAIN "gls-corpus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-corpus-search-panel.h"
#include "gls-accessible.h"
#include "gls-window.h"

#define ROW_RESOURCE "/io/github/glossator/Glossator/ui/gls-corpus-hit-row.ui"
/* How long an article may take to open before the match is given up. */
#define OPEN_TIMEOUT_MS 30000

struct _GlsCorpusSearchPanel
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *scope_dropdown;
  GtkDropDown        *category_dropdown;
  GtkLabel           *status_label;
  GtkListView        *list_view;

  /* Owned */
  GlsCorpusSearch    *search;
  GtkSingleSelection *selection;
  GPtrArray          *category_ids;   /* of the drop-down's items; NULL first: any */
};

G_DEFINE_FINAL_TYPE (GlsCorpusSearchPanel, gls_corpus_search_panel, GTK_TYPE_WIDGET)

/* The snippet of a row (ui/gls-corpus-hit-row.ui): the match in bold. */
static char *
gls_corpus_hit_snippet (GtkListItem *item,
                        const char  *before,
                        const char  *match,
                        const char  *after)
{
  g_autofree char *b = g_markup_escape_text (before ? before : "", -1);
  g_autofree char *m = g_markup_escape_text (match ? match : "", -1);
  g_autofree char *a = g_markup_escape_text (after ? after : "", -1);

  return g_strdup_printf ("…%s<b>%s</b>%s…", b, m, a);
}

static void
update_status (GlsCorpusSearchPanel *self)
{
  guint n = self->search ? g_list_model_get_n_items (gls_corpus_search_get_hits (self->search)) : 0;
  g_autofree char *status = NULL;

  if (self->search != NULL && gls_corpus_search_get_searching (self->search))
    /* Translators: hits found so far while a corpus search runs */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Searching… %u found", "Searching… %u found", n), n);
  else if (n > 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u found", "%u found", n), n);
  else
    status = g_strdup ("");

  gtk_label_set_label (self->status_label, status);
}

static void
on_search (GlsCorpusSearchPanel *self)
{
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  if (self->search == NULL || self->category_ids == NULL)
    return;

  gls_corpus_search_start (self->search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                           gtk_drop_down_get_selected (self->scope_dropdown) == 1 ? GLS_SEARCH_NOTES : GLS_SEARCH_TEXT,
                           category < self->category_ids->len ? g_ptr_array_index (self->category_ids, category) : NULL);
  update_status (self);
}

typedef struct
{
  GWeakRef  window;
  guint     start;
  guint     end;
  gint64    until;
} Reveal;

static void
reveal_free (Reveal *reveal)
{
  g_weak_ref_clear (&reveal->window);
  g_free (reveal);
}

/* Once the article is in its window: the match selected and in view. */
static gboolean
reveal_when_loaded (gpointer data)
{
  Reveal *reveal = data;
  g_autoptr(GlsWindow) window = g_weak_ref_get (&reveal->window);
  GlsArticleView *view;
  GtkTextBuffer *buffer;

  if (window == NULL || g_get_monotonic_time () > reveal->until)
    return G_SOURCE_REMOVE;
  if (gls_window_get_document (window) == NULL || gls_window_is_loading (window) ||
      gls_article_view_get_filling (gls_window_get_article_view (window)))
    return G_SOURCE_CONTINUE;

  view = gls_window_get_article_view (window);
  gls_article_view_select_range (view, reveal->start, reveal->end);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (view), gtk_text_buffer_get_insert (buffer), 0.2, TRUE, 0.0, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (view));

  return G_SOURCE_REMOVE;
}

static GlsWindow *
find_window (GtkApplication *application,
             GFile          *file)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (GLS_IS_WINDOW (l->data) && gls_window_get_file (l->data) != NULL &&
        g_file_equal (gls_window_get_file (l->data), file))
      return l->data;

  return NULL;
}

/**
 * gls_corpus_search_panel_open_hit:
 * @position: in the list of hits
 *
 * Opens the hit's article as the application opens a file, then selects
 * the match and scrolls to it once the article is shown.
 */
void
gls_corpus_search_panel_open_hit (GlsCorpusSearchPanel *self,
                                  guint                 position)
{
  g_autoptr(GlsSearchHit) hit = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application;
  GFile *file;
  GlsWindow *window;
  Reveal *reveal;

  g_return_if_fail (GLS_IS_CORPUS_SEARCH_PANEL (self));

  if (!GTK_IS_WINDOW (root) || (application = gtk_window_get_application (GTK_WINDOW (root))) == NULL ||
      (hit = g_list_model_get_item (G_LIST_MODEL (self->selection), position)) == NULL)
    return;

  file = gls_search_hit_get_file (hit);
  g_application_open (G_APPLICATION (application), &file, 1, "");
  if ((window = find_window (application, file)) == NULL)
    return;

  reveal = g_new0 (Reveal, 1);
  g_weak_ref_init (&reveal->window, window);
  reveal->start = gls_search_hit_get_start (hit);
  reveal->end = gls_search_hit_get_end (hit);
  reveal->until = g_get_monotonic_time () + OPEN_TIMEOUT_MS * (gint64) 1000;
  if (reveal_when_loaded (reveal) == G_SOURCE_CONTINUE)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 50, reveal_when_loaded, reveal, (GDestroyNotify) reveal_free);
  else
    reveal_free (reveal);
}

static void
on_activate (GlsCorpusSearchPanel *self,
             guint                 position)
{
  gls_corpus_search_panel_open_hit (self, position);
}

static void
gls_corpus_search_panel_dispose (GObject *object)
{
  GlsCorpusSearchPanel *self = (GlsCorpusSearchPanel *)object;
  GtkWidget *child;

  if (self->search != NULL)
    gls_corpus_search_cancel (self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_CORPUS_SEARCH_PANEL);
  /* the template's own box is no template child: it goes here */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->search);
  g_clear_pointer (&self->category_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (gls_corpus_search_panel_parent_class)->dispose (object);
}

static void
gls_corpus_search_panel_class_init (GlsCorpusSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_corpus_search_panel_dispose;

  g_type_ensure (GLS_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossator/Glossator/ui/gls-corpus-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusSearchPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusSearchPanel, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusSearchPanel, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusSearchPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCorpusSearchPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gls_corpus_search_panel_init (GlsCorpusSearchPanel *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "gls_corpus_hit_snippet",
                                          G_CALLBACK (gls_corpus_hit_snippet));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, ROW_RESOURCE);
  gtk_list_view_set_factory (self->list_view, factory);
  gls_accessible_name_drop_down (self->scope_dropdown, _("Where to search"));
  gls_accessible_name_drop_down (self->category_dropdown, _("Only within annotations of this category"));
}

/**
 * gls_corpus_search_panel_set_folder:
 * @folder: the corpus
 *
 * Searches @folder from now on; the categories offered are those of the
 * folder's project codebook, else the built-in one.
 */
void
gls_corpus_search_panel_set_folder (GlsCorpusSearchPanel *self,
                                    GFile                *folder)
{
  g_autoptr(GFile) inside = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_if_fail (GLS_IS_CORPUS_SEARCH_PANEL (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_clear_object (&self->search);
  self->search = gls_corpus_search_new (folder);
  g_signal_connect_object (gls_corpus_search_get_hits (self->search), "items-changed",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "notify::searching", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (gls_corpus_search_get_hits (self->search)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* an article's own codebook may differ: categories are matched by id */
  inside = g_file_get_child (folder, "article.txt");
  codebook = gls_document_file_find_codebook (inside, NULL, NULL, NULL);
  if (codebook == NULL)
    codebook = gls_codebook_new_builtin ();

  g_clear_pointer (&self->category_ids, g_ptr_array_unref);
  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->category_ids, NULL);
  /* Translators: the category drop-down of the corpus search, no filter */
  gtk_string_list_append (labels, _("Any Category"));
  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);

      g_ptr_array_add (self->category_ids, g_strdup (gls_category_get_id (category)));
      gtk_string_list_append (labels, gls_category_get_label (category));
    }
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  update_status (self);
}

GlsCorpusSearch *
gls_corpus_search_panel_get_search (GlsCorpusSearchPanel *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_SEARCH_PANEL (self), NULL);

  return self->search;
}

/**
 * gls_corpus_search_panel_search:
 * @text: (nullable): what to find
 * @category: (nullable): a category id of the drop-down, or %NULL for any
 *
 * Sets the panel's controls as a user would, which starts the search.
 */
void
gls_corpus_search_panel_search (GlsCorpusSearchPanel *self,
                                const char           *text,
                                GlsSearchScope        scope,
                                const char           *category)
{
  guint selected = 0;

  g_return_if_fail (GLS_IS_CORPUS_SEARCH_PANEL (self));

  for (guint i = 1; self->category_ids != NULL && i < self->category_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->category_ids, i), category) == 0)
      selected = i;

  gtk_drop_down_set_selected (self->category_dropdown, selected);
  gtk_drop_down_set_selected (self->scope_dropdown, scope == GLS_SEARCH_NOTES ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search (self);
}
