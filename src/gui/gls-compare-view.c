/* gls-compare-view.c
 * The second side of a comparison. Links between the two articles are the
 * relations of either sidecar that name the other's; they are found again
 * when either document changes, and the gutter draws, each frame, only
 * those with an end in view: the line's style and its label tell the type,
 * not its colour. Selecting one end selects and shows the other. */
#define G_LOG_DOMAIN "gls-compare-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-accessible.h"
#include "gls-annotation-row.h"
#include "gls-compare-view-private.h"

#define GUTTER_WIDTH 110

G_DEFINE_FINAL_TYPE (GlsCompareView, gls_compare_view, GTK_TYPE_WIDGET)

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_clear_object (&link->ends[0]);
  g_clear_object (&link->ends[1]);
  g_clear_pointer (&link->type, g_free);
}

/* ------------------------------------------------------------------ */
/* Finding the links                                                    */

static void
collect (GlsCompareView *self,
         guint           side)
{
  GlsDocument *here = side == 0 ? self->primary : self->document;
  GlsDocument *there = side == 0 ? self->document : self->primary;
  GFile *there_sidecar = gls_document_get_sidecar_file (there);
  GListModel *relations = gls_document_get_relations (here);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GlsLinkEnd) end = NULL;
      GlsAnnotation *from, *to;
      Link link;

      if (!gls_relation_is_link (relation) ||
          (from = gls_document_lookup_annotation (here, gls_relation_get_from (relation))) == NULL)
        continue;
      end = gls_link_resolver_resolve (self->resolver, here, gls_relation_get_to (relation));
      if (end->state != GLS_LINK_OK || end->sidecar == NULL || !g_file_equal (end->sidecar, there_sidecar) ||
          (to = gls_document_lookup_annotation (there, end->id)) == NULL)
        continue;

      link.ends[side] = g_object_ref (from);
      link.ends[1 - side] = g_object_ref (to);
      link.type = g_strdup (gls_relation_get_relation_type (relation));
      g_array_append_val (self->links, link);
    }
}

static void fill_link_list (GlsCompareView *self);

/* The annotations of @side that no link joins to the other side. */
static GPtrArray *
dup_unlinked (GlsCompareView *self,
              guint           side)
{
  GlsDocument *document = side == 0 ? self->primary : self->document;
  GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (document));
  g_autoptr(GHashTable) linked = g_hash_table_new (NULL, NULL);
  GPtrArray *unlinked = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (annotations);

  for (guint i = 0; i < self->links->len; i++)
    g_hash_table_add (linked, g_array_index (self->links, Link, i).ends[side]);
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *annotation = g_list_model_get_item (annotations, i);

      if (g_hash_table_contains (linked, annotation))
        g_object_unref (annotation);
      else
        g_ptr_array_add (unlinked, annotation);
    }

  return unlinked;
}

static char *
dup_document_name (GlsDocument *document)
{
  GFile *file = gls_source_get_file (gls_document_get_source (document));

  return file != NULL ? g_file_get_basename (file) : g_strdup (gls_source_get_display_name (gls_document_get_source (document)));
}

/* The counts on the button say at once how much each side leaves out. */
static void
update_unlinked (GlsCompareView *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *label = NULL;

  for (guint side = 0; side < 2; side++)
    {
      GlsDocument *document = side == 0 ? self->primary : self->document;
      g_autoptr(GPtrArray) unlinked = NULL;
      g_autofree char *name = NULL;

      if (self->primary != NULL && document != NULL)
        {
          unlinked = dup_unlinked (self, side);
          name = dup_document_name (document);
        }
      gls_unlinked_popover_set_side (self->unlinked, side, name, document, unlinked);
    }

  summary = gls_unlinked_popover_dup_summary (self->unlinked);
  /* Translators: the button showing the annotations with no link to the other article, with their counts on each side */
  label = g_strdup_printf (_("Unlinked %u · %u"), gls_unlinked_popover_get_n (self->unlinked, 0),
                           gls_unlinked_popover_get_n (self->unlinked, 1));
  gtk_menu_button_set_label (self->unlinked_button, label);
  gls_accessible_set_label (GTK_WIDGET (self->unlinked_button), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unlinked_button), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unlinked_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
on_unlinked_activated (GlsCompareView *self,
                       guint           side,
                       GlsAnnotation  *annotation)
{
  GlsArticleView *view = side == 0 ? self->primary_view : self->view;

  if (view == NULL)
    return;
  gls_article_view_set_selected (view, annotation);
  gls_article_view_scroll_to (view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
update_links (GlsCompareView *self)
{
  g_array_set_size (self->links, 0);
  if (self->primary != NULL && self->document != NULL)
    {
      collect (self, 0);
      collect (self, 1);
    }
  fill_link_list (self);
  update_unlinked (self);
  gtk_widget_queue_draw (self->gutter);
}

/* ------------------------------------------------------------------ */
/* The gutter                                                           */

/* The height of @annotation's first line in @view, in @gutter's
 * coordinates, clamped to the gutter; FALSE when out of view. */
static gboolean
end_y (GtkWidget     *gutter,
       GlsArticleView *view,
       GlsAnnotation *annotation,
       double        *y)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter iter;
  GdkRectangle location, visible;
  graphene_point_t in_view, in_gutter;
  int wx, wy;
  gboolean shown;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, gls_annotation_get_start (annotation));
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_get_visible_rect (text_view, &visible);
  shown = location.y + location.height > visible.y && location.y < visible.y + visible.height;
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, 0, location.y + location.height / 2, &wx, &wy);
  graphene_point_init (&in_view, 0, wy);
  if (!gtk_widget_compute_point (GTK_WIDGET (view), gutter, &in_view, &in_gutter))
    return FALSE;
  *y = CLAMP (in_gutter.y, 0, gtk_widget_get_height (gutter));

  return shown;
}

/* The style of a type's line: a dash pattern; same-claim draws two lines. */
static void
set_line_style (cairo_t    *cr,
                const char *type)
{
  static const double dashed[] = { 8, 4 }, dotted[] = { 1.5, 3 }, dash_dot[] = { 8, 3, 2, 3 }, other[] = { 3, 3 };

  cairo_set_dash (cr, NULL, 0, 0);
  if (g_strcmp0 (type, "contradicts") == 0)
    cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
  else if (g_strcmp0 (type, "paraphrases") == 0)
    cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
  else if (g_strcmp0 (type, "cause") == 0)
    cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
  else if (g_strcmp0 (type, "supports") != 0 && g_strcmp0 (type, "same-claim") != 0)
    cairo_set_dash (cr, other, G_N_ELEMENTS (other), 0);
}

static void
draw_gutter (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GlsCompareView *self = data;
  GtkWidget *gutter = GTK_WIDGET (area);
  GdkRGBA ink;
  GlsAnnotation *selected[2] = { NULL, NULL };

  self->n_drawn = 0;
  if (self->primary_view == NULL || self->document == NULL)
    return;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (gutter), &ink);
G_GNUC_END_IGNORE_DEPRECATIONS
  selected[0] = gls_article_view_get_selected (self->primary_view);
  selected[1] = gls_article_view_get_selected (self->view);

  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);
      double y0, y1;
      gboolean shown0 = end_y (gutter, self->primary_view, link->ends[0], &y0);
      gboolean shown1 = end_y (gutter, self->view, link->ends[1], &y1);
      gboolean chosen = link->ends[0] == selected[0] || link->ends[1] == selected[1];
      g_autoptr(PangoLayout) layout = NULL;
      int label_width, label_height;

      /* only what is in view: a link with both ends out of view is not drawn */
      if (!shown0 && !shown1)
        continue;
      self->n_drawn++;

      cairo_save (cr);
      gdk_cairo_set_source_rgba (cr, &ink);
      cairo_set_line_width (cr, chosen ? 2.5 : 1.2);
      set_line_style (cr, link->type);
      cairo_move_to (cr, 0, y0);
      cairo_curve_to (cr, width / 2.0, y0, width / 2.0, y1, width, y1);
      cairo_stroke (cr);
      if (g_strcmp0 (link->type, "same-claim") == 0)
        {
          cairo_move_to (cr, 0, y0 + 3);
          cairo_curve_to (cr, width / 2.0, y0 + 3, width / 2.0, y1 + 3, width, y1 + 3);
          cairo_stroke (cr);
        }
      /* the ends in view get a dot, the others an arrow toward them */
      cairo_arc (cr, 3, y0, shown0 ? 3 : 1, 0, 2 * G_PI);
      cairo_arc (cr, width - 3, y1, shown1 ? 3 : 1, 0, 2 * G_PI);
      cairo_fill (cr);

      layout = gtk_widget_create_pango_layout (gutter, link->type);
      pango_layout_get_pixel_size (layout, &label_width, &label_height);
      cairo_move_to (cr, (width - label_width) / 2.0, (y0 + y1) / 2.0 - label_height - 1);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
}

static gboolean
on_gutter_tooltip (GtkWidget  *gutter,
                   int         x,
                   int         y,
                   gboolean    keyboard,
                   GtkTooltip *tooltip,
                   gpointer    data)
{
  GlsCompareView *self = data;
  double best = 8;
  Link *found = NULL;

  for (guint i = 0; self->primary_view != NULL && i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);
      double y0, y1, t, at;
      gboolean shown0 = end_y (gutter, self->primary_view, link->ends[0], &y0);
      gboolean shown1 = end_y (gutter, self->view, link->ends[1], &y1);

      if (!shown0 && !shown1)
        continue;
      t = (double) x / MAX (gtk_widget_get_width (gutter), 1);
      at = y0 + (y1 - y0) * t * t * (3 - 2 * t);
      if (ABS (at - y) < best)
        {
          best = ABS (at - y);
          found = link;
        }
    }

  if (found != NULL)
    {
      g_autofree char *a = gls_annotation_dup_excerpt (self->primary, found->ends[0], 80);
      g_autofree char *b = gls_annotation_dup_excerpt (self->document, found->ends[1], 80);
      /* Translators: a link between the two articles: its type, the quotes of its two ends */
      g_autofree char *text = g_strdup_printf (_("%s\n“%s”\n“%s”"), found->type, a, b);

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Following a link                                                     */

/* The other end of the first link of the annotation selected on @side. */
static void
follow (GlsCompareView *self,
        guint           side)
{
  GlsArticleView *views[2] = { self->primary_view, self->view };
  GlsAnnotation *selected;

  if (self->following || views[0] == NULL)
    return;
  if ((selected = gls_article_view_get_selected (views[side])) == NULL)
    {
      gtk_widget_queue_draw (self->gutter);
      return;
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);

      if (link->ends[side] != selected)
        continue;
      self->following = TRUE;
      gls_article_view_set_selected (views[1 - side], link->ends[1 - side]);
      gls_article_view_scroll_to (views[1 - side], link->ends[1 - side]);
      self->following = FALSE;
      break;
    }
  gtk_widget_queue_draw (self->gutter);
}

static void
on_primary_selected (GlsCompareView *self)
{
  follow (self, 0);
}

static void
on_view_selected (GlsCompareView *self)
{
  gls_sidebar_select (self->sidebar, gls_article_view_get_selected (self->view));
  follow (self, 1);
}

/* ------------------------------------------------------------------ */
/* The list of links                                                    */

static GtkWidget *
new_quote_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);

  return label;
}

static void
fill_link_list (GlsCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->link_list))) != NULL)
    gtk_list_box_remove (self->link_list, child);

  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      GtkWidget *row, *grid, *type;

      if (self->filter != NULL && g_strcmp0 (self->filter, link->type) != 0)
        continue;

      a = gls_annotation_dup_excerpt (self->primary, link->ends[0], 200);
      b = gls_annotation_dup_excerpt (self->document, link->ends[1], 200);
      grid = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_widget_set_margin_top (grid, 4);
      gtk_widget_set_margin_bottom (grid, 4);
      type = gtk_label_new (link->type);
      gtk_widget_add_css_class (type, "heading");
      gtk_label_set_width_chars (GTK_LABEL (type), 12);
      gtk_label_set_xalign (GTK_LABEL (type), 0);
      gtk_grid_attach (GTK_GRID (grid), type, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), new_quote_label (a), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), new_quote_label (b), 2, 0, 1, 1);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
      g_object_set_data (G_OBJECT (row), "link", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->link_list, row);
    }
}

static void
on_link_activated (GlsCompareView *self,
                   GtkListBoxRow  *row)
{
  Link *link = &g_array_index (self->links, Link, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "link")));

  self->following = TRUE;
  gls_article_view_set_selected (self->primary_view, link->ends[0]);
  gls_article_view_scroll_to (self->primary_view, link->ends[0]);
  gls_article_view_set_selected (self->view, link->ends[1]);
  gls_article_view_scroll_to (self->view, link->ends[1]);
  self->following = FALSE;
  gtk_menu_button_popdown (self->links_button);
}

static void
on_filter_selected (GlsCompareView *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->type_filter);
  guint position = gtk_drop_down_get_selected (self->type_filter);

  g_clear_pointer (&self->filter, g_free);
  if (item != NULL && position > 0)
    self->filter = g_strdup (gtk_string_object_get_string (item));
  fill_link_list (self);
}

/* The types in the filter: all, the usual ones and the files' own. */
static void
update_type_filter (GlsCompareView *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_auto(GStrv) own = NULL;

  if (self->document == NULL)
    return;

  /* Translators: the link list's filter: links of every type */
  gtk_string_list_append (types, _("All types"));
  own = gls_document_dup_relation_types (self->document);
  for (guint i = 0; own[i] != NULL; i++)
    gtk_string_list_append (types, own[i]);
  if (self->primary != NULL)
    {
      g_auto(GStrv) theirs = gls_document_dup_relation_types (self->primary);

      for (guint i = 0; theirs[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) own, theirs[i]))
          gtk_string_list_append (types, theirs[i]);
    }
  g_clear_pointer (&self->filter, g_free);
  gtk_drop_down_set_model (self->type_filter, G_LIST_MODEL (types));
  gtk_drop_down_set_selected (self->type_filter, 0);
}

/* ------------------------------------------------------------------ */
/* The article                                                          */

static void
on_category_activated (GlsCompareView *self,
                       const char     *category)
{
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  GlsSpan span;

  if (self->document == NULL || !gls_article_view_get_selection (self->view, TRUE, &span))
    return;
  if ((annotation = gls_document_annotate (self->document, category, span.start, span.end, &error)) != NULL)
    gls_article_view_set_selected (self->view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_annotation_activated (GlsCompareView *self,
                         GlsAnnotation  *annotation)
{
  gls_article_view_set_selected (self->view, annotation);
  gls_article_view_scroll_to (self->view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

void
_gls_compare_view_set_document (GlsCompareView *self,
              GlsDocument    *document)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      gls_link_resolver_remove_document (self->resolver, self->document);
    }
  g_set_object (&self->document, document);
  gls_article_view_set_document (self->view, document);
  gls_sidebar_set_document (self->sidebar, document);
  if (document != NULL)
    {
      /* new annotations on this side are by the same person as on the other */
      if (self->primary != NULL)
        gls_document_set_annotator (document, gls_document_get_annotator (self->primary));
      gls_link_resolver_add_document (self->resolver, document);
      g_signal_connect_object (document, "changed", G_CALLBACK (update_links), self, G_CONNECT_SWAPPED);
    }
  update_type_filter (self);
  update_links (self);
}

static void
on_focus_enter (GlsCompareView *self)
{
  self->active = TRUE;
}

/* ------------------------------------------------------------------ */

static void
gls_compare_view_dispose (GObject *object)
{
  GlsCompareView *self = (GlsCompareView *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->primary != NULL)
    g_signal_handlers_disconnect_by_data (self->primary, self);
  if (self->primary_view != NULL)
    g_signal_handlers_disconnect_by_data (self->primary_view, self);
  g_clear_weak_pointer (&self->primary_view);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_object (&self->primary);
  g_clear_object (&self->file);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->resolver, gls_link_resolver_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gls_compare_view_parent_class)->dispose (object);
}

static void
gls_compare_view_class_init (GlsCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_compare_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");
  /* a group named after its article: a screen reader tells the two
   * "Article"s apart by it */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _gls_compare_view_class_files_init (widget_class);
}

static GtkWidget *
new_links_popover (GlsCompareView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->type_filter = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_filter), _("Show Links of One Type"));
  gls_accessible_name_drop_down (self->type_filter, _("Show Links of One Type"));
  g_signal_connect_object (self->type_filter, "notify::selected", G_CALLBACK (on_filter_selected), self, G_CONNECT_SWAPPED);
  self->link_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_placeholder (self->link_list, gtk_label_new (_("No links between the two articles yet")));
  g_signal_connect_object (self->link_list, "row-activated", G_CALLBACK (on_link_activated), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->link_list));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 620);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->type_filter));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  return popover;
}

static void
gls_compare_view_init (GlsCompareView *self)
{
  GtkWidget *column, *header, *swap, *close;
  GtkEventController *focus;

  self->settings = gls_settings_new ();
  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (self->links, link_clear);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->gutter = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->gutter, GUTTER_WIDTH, -1);
  gtk_widget_add_css_class (self->gutter, "link-gutter");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->gutter), draw_gutter, self, NULL);
  gtk_widget_set_has_tooltip (self->gutter, TRUE);
  g_signal_connect_object (self->gutter, "query-tooltip", G_CALLBACK (on_gutter_tooltip), self, 0);
  gtk_box_append (GTK_BOX (self->box), self->gutter);

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column, TRUE);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "toolbar");
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_MIDDLE);
  /* on a line of its own: beside the buttons it had no room left, and
   * it is what tells the two articles apart */
  gtk_widget_set_margin_start (GTK_WIDGET (self->name_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->name_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->name_label), 6);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  gtk_label_set_xalign (self->name_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  self->links_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->links_button, _("Links"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->links_button), _("Every Link Between the Two Articles"));
  gls_accessible_set_label (GTK_WIDGET (self->links_button), _("Links"));
  gtk_menu_button_set_popover (self->links_button, new_links_popover (self));
  swap = gtk_button_new_from_icon_name ("object-flip-horizontal-symbolic");
  gtk_widget_set_tooltip_text (swap, _("Swap the Two Articles"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (swap), "win.swap-compare");
  gls_accessible_set_label (swap, _("Swap the Two Articles"));
  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (close, _("Close This Article"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "win.close-compare");
  gls_accessible_set_label (close, _("Close This Article"));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->links_button));
  self->unlinked = GLS_UNLINKED_POPOVER (gls_unlinked_popover_new ());
  g_signal_connect_object (self->unlinked, "annotation-activated", G_CALLBACK (on_unlinked_activated), self, G_CONNECT_SWAPPED);
  self->unlinked_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->unlinked_button, GTK_WIDGET (self->unlinked));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->unlinked_button));
  gtk_widget_set_hexpand (swap, TRUE);
  gtk_widget_set_halign (swap, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (header), swap);
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (column), header);
  self->info_bar = g_object_new (GLS_TYPE_INFO_BAR, NULL);
  gls_info_bar_set_action_prefix (self->info_bar, "compare");
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->info_bar));

  self->view = GLS_ARTICLE_VIEW (gls_article_view_new ());
  gls_accessible_set_label (GTK_WIDGET (self->view), _("Article"));
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->scroller));
  gtk_box_append (GTK_BOX (self->box), column);

  self->sidebar = g_object_new (GLS_TYPE_SIDEBAR, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->sidebar), 250, -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->sidebar));

  g_signal_connect_object (self->view, "notify::selected", G_CALLBACK (on_view_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "category-activated", G_CALLBACK (on_category_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "annotation-activated", G_CALLBACK (on_annotation_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (gtk_widget_queue_draw), self->gutter, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (column, focus);
}

GlsCompareView *
gls_compare_view_new (GlsLinkResolver *resolver)
{
  GlsCompareView *self = g_object_new (GLS_TYPE_COMPARE_VIEW, NULL);

  self->resolver = gls_link_resolver_ref (resolver);
  gls_annotation_details_set_resolver (gls_sidebar_get_details (self->sidebar), resolver);

  return self;
}

GlsDocument *
gls_compare_view_get_document (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), NULL);

  return self->document;
}

GlsArticleView *
gls_compare_view_get_article_view (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), NULL);

  return self->view;
}

GlsSidebar *
gls_compare_view_get_sidebar (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), NULL);

  return self->sidebar;
}

/* The window's side: its view, whose scrolling and selection the gutter
 * follows, and its document. */
void
gls_compare_view_set_primary (GlsCompareView *self,
                              GlsArticleView *view,
                              GlsDocument    *document)
{
  GtkWidget *scroller;

  g_return_if_fail (GLS_IS_COMPARE_VIEW (self));

  if (self->primary_view != NULL)
    g_signal_handlers_disconnect_by_data (self->primary_view, self);
  if (self->primary != NULL)
    g_signal_handlers_disconnect_by_data (self->primary, self);
  g_set_weak_pointer (&self->primary_view, view);
  g_set_object (&self->primary, document);
  if (view != NULL)
    {
      g_signal_connect_object (view, "notify::selected", G_CALLBACK (on_primary_selected), self, G_CONNECT_SWAPPED);
      scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
      if (scroller != NULL)
        g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), "value-changed",
                                 G_CALLBACK (gtk_widget_queue_draw), self->gutter, G_CONNECT_SWAPPED);
    }
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (update_links), self, G_CONNECT_SWAPPED);
  update_type_filter (self);
  update_links (self);
}

/* Whether this side had the focus last, so that the window's commands
 * act on it. */
gboolean
gls_compare_view_get_active (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), FALSE);

  return self->active;
}

void
gls_compare_view_set_active (GlsCompareView *self,
                             gboolean        active)
{
  g_return_if_fail (GLS_IS_COMPARE_VIEW (self));

  self->active = !!active;
}

guint
gls_compare_view_get_n_links (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), 0);

  return self->links->len;
}

/* How many links the gutter drew in its last frame. */
guint
gls_compare_view_get_n_drawn_links (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), 0);

  return self->n_drawn;
}

GtkWidget *
gls_compare_view_get_link_list (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), NULL);

  return GTK_WIDGET (self->link_list);
}

/* What choosing a type in the list's filter does; NULL for all. */
void
gls_compare_view_filter_links (GlsCompareView *self,
                               const char     *type)
{
  GListModel *types;

  g_return_if_fail (GLS_IS_COMPARE_VIEW (self));

  types = gtk_drop_down_get_model (self->type_filter);
  for (guint i = 0; types != NULL && i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (types, i);

      if ((type == NULL && i == 0) || (i > 0 && g_strcmp0 (gtk_string_object_get_string (item), type) == 0))
        gtk_drop_down_set_selected (self->type_filter, i);
    }
}
