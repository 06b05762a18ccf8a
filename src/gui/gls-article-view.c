/* gls-article-view.c
 * Draws the annotations of the visible part of the article only, from the
 * document's interval index, with rectangles measured per grapheme so
 * that they sit on the glyphs in right-to-left and mixed lines too. */
#define G_LOG_DOMAIN "gls-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-article-view-private.h"

/* Bars under the text, one per overlapping annotation. */
#define BAR_HEIGHT 2
#define BAR_GAP 1
#define MAX_CACHED_LINES 4096

struct _GlsArticleView
{
  GtkTextView    parent_instance;

  /* Owned */
  GlsDocument   *document;
  GlsSource     *shown;        /* the text in the buffer */
  GlsAnnotation *selected;
  GPtrArray     *visible;      /* borrowed annotations found for the frame */
  GHashTable    *line_cache;   /* line number → GArray of graphene_rect_t, one per char */
  GHashTable    *simple_lines; /* line number → 1 left to right only, 2 not */
  GHashTable    *drawn;        /* GlsAnnotation → GArray of graphene_rect_t */
  GtkWidget     *popover;

  gsize          filled;       /* bytes of the shown text in the buffer */
  guint          fill_source;

  int            cache_width;
  double         press_x;
  double         press_y;
  guint          click_source;
};

G_DEFINE_FINAL_TYPE (GlsArticleView, gls_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  PROP_FILLING,
  N_PROPS
};

enum {
  RANGE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
invalidate_cache (GlsArticleView *self)
{
  g_hash_table_remove_all (self->line_cache);
  if (self->simple_lines != NULL && g_hash_table_size (self->simple_lines) > 65536)
    g_hash_table_remove_all (self->simple_lines);
}

/* The rectangles of every character of @line, in buffer coordinates,
 * measured once and kept until the width of the view changes. */
static GArray *
get_line_rects (GlsArticleView *self,
                int             line)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GArray *rects;

  rects = g_hash_table_lookup (self->line_cache, GINT_TO_POINTER (line));
  if (rects != NULL)
    return rects;

  if (g_hash_table_size (self->line_cache) > MAX_CACHED_LINES)
    invalidate_cache (self);

  rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);

  while (!gtk_text_iter_ends_line (&iter))
    {
      GdkRectangle location;
      GtkTextIter next = iter;
      int n_chars;
      graphene_rect_t rect;

      gtk_text_view_get_iter_location (view, &iter, &location);
      /* right-to-left characters come with their width negative */
      if (location.width < 0)
        {
          location.x += location.width;
          location.width = -location.width;
        }
      if (!gtk_text_iter_forward_cursor_position (&next) || gtk_text_iter_get_line (&next) != line)
        {
          next = iter;
          gtk_text_iter_forward_to_line_end (&next);
        }
      n_chars = gtk_text_iter_get_offset (&next) - gtk_text_iter_get_offset (&iter);
      graphene_rect_init (&rect, location.x, location.y, location.width, location.height);

      /* each character of a grapheme cluster gets the cluster's rectangle */
      for (int i = 0; i < MAX (n_chars, 1); i++)
        g_array_append_val (rects, rect);

      if (gtk_text_iter_equal (&next, &iter))
        break;
      iter = next;
    }

  g_hash_table_insert (self->line_cache, GINT_TO_POINTER (line), rects);

  return rects;
}

static gboolean
touches (const graphene_rect_t *a,
         const graphene_rect_t *b)
{
  return a->origin.y == b->origin.y &&
         b->origin.x <= a->origin.x + a->size.width + 0.5 &&
         a->origin.x <= b->origin.x + b->size.width + 0.5;
}

/* Whether a line is all left to right, so that its characters' positions
 * only grow along each display line: then a run's rectangles can be found
 * from a few characters instead of all of them. Kept per line. */
static gboolean
line_is_simple (GlsArticleView *self,
                int             line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gpointer known = g_hash_table_lookup (self->simple_lines, GINT_TO_POINTER (line));
  GtkTextIter iter;
  gboolean simple = TRUE;

  if (known != NULL)
    return GPOINTER_TO_INT (known) == 1;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  for (; simple && !gtk_text_iter_ends_line (&iter); gtk_text_iter_forward_char (&iter))
    simple = !gls_unichar_is_rtl (gtk_text_iter_get_char (&iter));

  g_hash_table_insert (self->simple_lines, GINT_TO_POINTER (line), GINT_TO_POINTER (simple ? 1 : 2));

  return simple;
}

static void
location_at (GlsArticleView *self,
             GtkTextBuffer  *buffer,
             guint           offset,
             GdkRectangle   *location)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, location);
  if (location->width < 0)
    {
      location->x += location->width;
      location->width = -location->width;
    }
}

/* The rectangles of [@start, @end) within one left-to-right line: one per
 * display line, found by bisecting for the characters where it wraps. */
static void
simple_run_rects (GlsArticleView *self,
                  guint           start,
                  guint           end,
                  GArray         *rects)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  while (start < end)
    {
      GdkRectangle first, last;
      guint low, high;
      graphene_rect_t rect;

      location_at (self, buffer, start, &first);
      location_at (self, buffer, end - 1, &last);

      if (last.y == first.y)
        high = end;
      else
        {
          /* the first character on a later display line */
          low = start;
          high = end - 1;
          while (low + 1 < high)
            {
              guint middle = low + (high - low) / 2;
              GdkRectangle probe;

              location_at (self, buffer, middle, &probe);
              if (probe.y == first.y)
                low = middle;
              else
                high = middle;
            }
          location_at (self, buffer, high - 1, &last);
        }

      graphene_rect_init (&rect, first.x, first.y, MAX (0, last.x + last.width - first.x), first.height);
      if (rect.size.width > 0)
        g_array_append_val (rects, rect);
      start = high;
    }
}

/**
 * gls_article_view_get_span_rects:
 * @rects: (element-type graphene_rect_t): where the rectangles are added
 *
 * The rectangles covering the characters in [@start, @end), in buffer
 * coordinates: visually adjacent characters merged, so that a run in
 * right-to-left text becomes one rectangle, and a mixed line as many as
 * it shows.
 */
void
gls_article_view_get_span_rects (GlsArticleView *self,
                                 guint           start,
                                 guint           end,
                                 GArray         *rects)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);

  while (gtk_text_iter_get_offset (&iter) < (int) end)
    {
      int line = gtk_text_iter_get_line (&iter);
      int line_start = gtk_text_iter_get_offset (&iter) - gtk_text_iter_get_line_offset (&iter);
      GtkTextIter line_end = iter;

      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);

      if (line_is_simple (self, line))
        {
          guint run_end = MIN ((guint) gtk_text_iter_get_offset (&line_end), end);

          if ((guint) gtk_text_iter_get_offset (&iter) < run_end)
            simple_run_rects (self, gtk_text_iter_get_offset (&iter), run_end, rects);
        }
      else
        {
          GArray *line_rects = get_line_rects (self, line);
          guint first = rects->len;

          for (int i = gtk_text_iter_get_line_offset (&iter);
               i < (int) line_rects->len && line_start + i < (int) end;
               i++)
            {
              const graphene_rect_t *rect = &g_array_index (line_rects, graphene_rect_t, i);
              gboolean merged = FALSE;

              if (rect->size.width <= 0)
                continue;

              for (guint j = first; j < rects->len && !merged; j++)
                {
                  graphene_rect_t *have = &g_array_index (rects, graphene_rect_t, j);

                  if (touches (have, rect))
                    {
                      graphene_rect_union (have, rect, have);
                      merged = TRUE;
                    }
                }
              if (!merged)
                g_array_append_val (rects, *rect);
            }
        }

      if (!gtk_text_iter_forward_line (&iter))
        break;
    }
}

static void
parse_color (GlsArticleView *self,
             GlsAnnotation  *annotation,
             GdkRGBA        *color)
{
  GlsCategory *category = gls_codebook_lookup (gls_document_get_codebook (self->document),
                                               gls_annotation_get_category (annotation));

  if (category == NULL || gls_category_get_color (category) == NULL ||
      !gdk_rgba_parse (color, gls_category_get_color (category)))
    gdk_rgba_parse (color, "#77767b");
}

static gboolean
is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  return (fg.red + fg.green + fg.blue) / 3 > 0.5;
}

static void
free_rects (gpointer data)
{
  g_array_unref (data);
}

static void
gls_article_view_snapshot_layer (GtkTextView      *view,
                                 GtkTextViewLayer  layer,
                                 GtkSnapshot      *snapshot)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (view);
  g_autoptr(GArray) lanes = NULL;   /* end offset of the last annotation in each lane */
  GdkRectangle visible;
  GtkTextIter first, last;
  gboolean dark;
  guint start, end;
  int width;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->document == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (view));
  if (width != self->cache_width)
    {
      invalidate_cache (self);
      self->cache_width = width;
    }

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &first, visible.y, NULL);
  gtk_text_view_get_line_at_y (view, &last, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&last);
  start = gtk_text_iter_get_offset (&first);
  end = gtk_text_iter_get_offset (&last) + 1;

  g_ptr_array_set_size (self->visible, 0);
  g_hash_table_remove_all (self->drawn);
  gls_document_query (self->document, start, end, self->visible);

  dark = is_dark (GTK_WIDGET (view));
  lanes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->visible->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (self->visible, i);
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
      gboolean selected = annotation == self->selected;
      guint from = MAX (gls_annotation_get_start (annotation), start);
      guint lane;
      GdkRGBA color, tint;

      /* the first lane free at this annotation's start */
      for (lane = 0; lane < lanes->len; lane++)
        if (g_array_index (lanes, guint, lane) <= from)
          break;
      if (lane == lanes->len)
        g_array_set_size (lanes, lane + 1);
      g_array_index (lanes, guint, lane) = gls_annotation_get_end (annotation);

      for (guint t = 0; t < gls_annotation_get_n_targets (annotation); t++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, t);

          if (span.end <= start || span.start >= end)
            continue;
          gls_article_view_get_span_rects (self, MAX (span.start, start), MIN (span.end, end), rects);
        }

      parse_color (self, annotation, &color);
      tint = color;
      tint.alpha = selected ? (dark ? 0.55 : 0.40) : (dark ? 0.32 : 0.20);

      for (guint r = 0; r < rects->len; r++)
        {
          const graphene_rect_t *rect = &g_array_index (rects, graphene_rect_t, r);
          graphene_rect_t bar;

          gtk_snapshot_append_color (snapshot, &tint, rect);

          graphene_rect_init (&bar, rect->origin.x,
                              rect->origin.y + rect->size.height + 1 + lane * (BAR_HEIGHT + BAR_GAP),
                              rect->size.width, BAR_HEIGHT);
          gtk_snapshot_append_color (snapshot, &color, &bar);

          if (selected)
            {
              GskRoundedRect outline;
              float widths[4] = { 2, 2, 2, 2 };
              GdkRGBA colors[4] = { color, color, color, color };

              gsk_rounded_rect_init_from_rect (&outline, rect, 3);
              gsk_rounded_rect_shrink (&outline, -2, -2, -2, -2);
              gtk_snapshot_append_border (snapshot, &outline, widths, colors);
            }
        }

      g_hash_table_insert (self->drawn, annotation, g_steal_pointer (&rects));
    }
}

/* The annotations at a point of the widget. */
static void
annotations_at (GlsArticleView *self,
                double          x,
                double          y,
                GPtrArray      *found)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by, trailing;
  GdkRectangle location;

  if (self->document == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    return;

  /* beyond the end of a line is not on the text */
  gtk_text_view_get_iter_location (view, &iter, &location);
  if (bx > location.x + location.width + 2 && gtk_text_iter_ends_line (&iter))
    return;

  gls_document_query_at (self->document, gtk_text_iter_get_offset (&iter), found);
}

static char *
describe (GlsArticleView *self,
          GlsAnnotation  *annotation)
{
  GlsCategory *category = gls_codebook_lookup (gls_document_get_codebook (self->document),
                                               gls_annotation_get_category (annotation));
  const char *label = category ? gls_category_get_label (category) : gls_annotation_get_category (annotation);
  const char *note = gls_annotation_get_note (annotation);

  if (note != NULL && *note != '\0')
    return g_strdup_printf ("%s — %s", label, note);

  return g_strdup (label);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (widget);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  if (keyboard)
    return FALSE;

  annotations_at (self, x, y, found);
  if (found->len == 0)
    return FALSE;

  for (guint i = 0; i < found->len && i < 6; i++)
    {
      g_autofree char *line = describe (self, g_ptr_array_index (found, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (found->len > 6)
    /* Translators: ends a tooltip listing annotations: more are not shown */
    g_string_append_printf (text, "\n%s", _("…"));

  gtk_tooltip_set_text (tooltip, text->str);

  return TRUE;
}

static void
on_popover_row_activated (GtkListBox     *list,
                          GtkListBoxRow  *row,
                          GlsArticleView *self)
{
  GlsAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  gls_article_view_set_selected (self, annotation);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* Several annotations under one click: let the user pick. */
static void
show_choice (GlsArticleView *self,
             GPtrArray      *found,
             double          x,
             double          y)
{
  GtkWidget *list = gtk_list_box_new ();
  GdkRectangle point = { (int) x, (int) y, 1, 1 };

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < found->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (found, i);
      g_autofree char *text = describe (self, annotation);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_popover_row_activated), self);

  gtk_popover_set_child (GTK_POPOVER (self->popover), list);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &point);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* A click that did not drag: select the annotation under it. */
static gboolean
handle_click (gpointer user_data)
{
  GlsArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  self->click_source = 0;

  if (gtk_text_buffer_get_has_selection (buffer))
    {
      GtkTextIter a, b;

      gtk_text_buffer_get_selection_bounds (buffer, &a, &b);
      g_signal_emit (self, signals[RANGE_SELECTED], 0,
                     (guint) gtk_text_iter_get_offset (&a), (guint) gtk_text_iter_get_offset (&b));
      return G_SOURCE_REMOVE;
    }

  annotations_at (self, self->press_x, self->press_y, found);
  if (found->len == 1)
    gls_article_view_set_selected (self, g_ptr_array_index (found, 0));
  else if (found->len > 1)
    show_choice (self, found, self->press_x, self->press_y);
  else
    gls_article_view_set_selected (self, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
on_legacy_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 GlsArticleView           *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  gdk_event_get_position (event, &x, &y);
  {
    graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
    GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
    double nx, ny;

    gtk_native_get_surface_transform (native, &nx, &ny);
    in.x -= nx;
    in.y -= ny;
    if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self), &in, &out))
      return GDK_EVENT_PROPAGATE;
    x = out.x;
    y = out.y;
  }

  if (type == GDK_BUTTON_PRESS)
    {
      self->press_x = x;
      self->press_y = y;
    }
  else if (self->click_source == 0)
    {
      /* let the text view finish its own handling first */
      self->click_source = g_idle_add (handle_click, self);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
gls_article_view_dispose (GObject *object)
{
  GlsArticleView *self = (GlsArticleView *)object;

  g_clear_handle_id (&self->click_source, g_source_remove);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->popover != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);
      gtk_widget_unparent (self->popover);
      self->popover = NULL;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->shown);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (gls_article_view_parent_class)->dispose (object);
}

static void
gls_article_view_finalize (GObject *object)
{
  GlsArticleView *self = (GlsArticleView *)object;

  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->line_cache, g_hash_table_unref);
  g_clear_pointer (&self->simple_lines, g_hash_table_unref);
  g_clear_pointer (&self->drawn, g_hash_table_unref);

  G_OBJECT_CLASS (gls_article_view_parent_class)->finalize (object);
}

static void
gls_article_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_FILLING:
      g_value_set_boolean (value, self->fill_source != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_article_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gls_article_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      gls_article_view_set_selected (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_article_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GTK_WIDGET_CLASS (gls_article_view_parent_class)->size_allocate (widget, width, height, baseline);
  if (GLS_ARTICLE_VIEW (widget)->popover != NULL)
    gtk_popover_present (GTK_POPOVER (GLS_ARTICLE_VIEW (widget)->popover));
}

static void
gls_article_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gls_article_view_parent_class)->css_changed (widget, change);
  invalidate_cache (GLS_ARTICLE_VIEW (widget));
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         const char            *action,
         GVariant              *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, argument);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
gls_article_view_class_init (GlsArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gls_article_view_dispose;
  object_class->finalize = gls_article_view_finalize;
  object_class->get_property = gls_article_view_get_property;
  object_class->set_property = gls_article_view_set_property;

  widget_class->size_allocate = gls_article_view_size_allocate;
  widget_class->css_changed = gls_article_view_css_changed;

  text_view_class->snapshot_layer = gls_article_view_snapshot_layer;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, GLS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* whether a long text is still going into the buffer */
  properties[PROP_FILLING] =
    g_param_spec_boolean ("filling", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlsArticleView::range-selected:
   * The user finished selecting text with the mouse.
   */
  signals[RANGE_SELECTED] =
    g_signal_new ("range-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
gls_article_view_init (GlsArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *legacy;
  GtkEventController *shortcuts;

  self->visible = g_ptr_array_new ();
  self->line_cache = g_hash_table_new_full (NULL, NULL, NULL, free_rects);
  self->simple_lines = g_hash_table_new (NULL, NULL);
  self->drawn = g_hash_table_new_full (NULL, NULL, NULL, free_rects);

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 36);
  gtk_text_view_set_right_margin (view, 36);
  gtk_text_view_set_top_margin (view, 24);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_text_view_set_pixels_above_lines (view, 2);
  gtk_text_view_set_pixels_below_lines (view, 12);
  gtk_text_view_set_pixels_inside_wrap (view, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_object_add_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_legacy_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  /* Bare keys act here only, never in the note editor (STYLE.md). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint key = 1; key <= 9; key++)
    {
      add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_0 + key, 0,
               "win.annotate-key", g_variant_new_int32 (key));
      add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_0 + key, 0,
               "win.annotate-key", g_variant_new_int32 (key));
    }
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Delete, 0, "win.delete-annotation", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Delete, 0, "win.delete-annotation", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return, 0, "win.edit-note", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Enter, 0, "win.edit-note", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Escape, 0, "win.escape", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, GDK_ALT_MASK, "win.move-start", g_variant_new_int32 (-1));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, GDK_ALT_MASK, "win.move-start", g_variant_new_int32 (1));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-end", g_variant_new_int32 (-1));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-end", g_variant_new_int32 (1));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
gls_article_view_new (void)
{
  return g_object_new (GLS_TYPE_ARTICLE_VIEW, NULL);
}

GlsDocument *
gls_article_view_get_document (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

static void
on_document_changed (GlsArticleView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_annotation_removed (GlsArticleView *self,
                       GlsAnnotation  *annotation)
{
  if (annotation == self->selected)
    gls_article_view_set_selected (self, NULL);
}

void
gls_article_view_set_document (GlsArticleView *self,
                               GlsDocument    *document)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || GLS_IS_DOCUMENT (document));

  if (document == self->document)
    return;

  gls_article_view_set_selected (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  invalidate_cache (self);
  g_hash_table_remove_all (self->simple_lines);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (document != NULL)
    {
      gls_article_view_show_source (self, gls_document_get_source (document));

      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed", G_CALLBACK (on_annotation_removed), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_clear_handle_id (&self->fill_source, g_source_remove);
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_text_buffer_end_irreversible_action (buffer);
      g_clear_object (&self->shown);
      self->filled = 0;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* How much text goes into the buffer at a time, and for how long, while a
 * long article fills it: GtkTextBuffer takes 10 MB in one call only by
 * blocking the window for most of a second. */
#define FILL_PIECE (64 * 1024)
#define FILL_USEC (8 * 1000)

/* The end of the next piece of @text from @from: after a line break if
 * there is one, never inside a character or between CR and LF. */
static gsize
piece_end (const char *text,
           gsize       len,
           gsize       from)
{
  gsize end = MIN (len, from + FILL_PIECE);
  gsize cut;

  if (end == len)
    return end;

  for (cut = end; cut > from; cut--)
    if (text[cut - 1] == '\n')
      return cut;

  /* one long line: at a character boundary */
  while (end > from + 1 && ((guchar) text[end] & 0xC0) == 0x80)
    end--;
  if (text[end - 1] == '\r')
    end--;

  return end;
}

/* Appends the next pieces of the shown text; TRUE when some is left. */
static gboolean
fill_some (GlsArticleView *self,
           gint64          budget_usec)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gint64 deadline = g_get_monotonic_time () + budget_usec;
  gsize len;
  const char *text = gls_source_get_text (self->shown, &len);

  do
    {
      gsize end = piece_end (text, len, self->filled);
      GtkTextIter iter;

      gtk_text_buffer_get_end_iter (buffer, &iter);
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_insert (buffer, &iter, text + self->filled, end - self->filled);
      gtk_text_buffer_end_irreversible_action (buffer);
      self->filled = end;
    }
  while (self->filled < len && g_get_monotonic_time () < deadline);

  /* the last line's characters may have moved */
  invalidate_cache (self);

  return self->filled < len;
}

static gboolean
fill_cb (gpointer data)
{
  GlsArticleView *self = data;

  if (fill_some (self, FILL_USEC))
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);

  return G_SOURCE_REMOVE;
}

/**
 * gls_article_view_show_source:
 *
 * Shows the text of @source, before its document is ready: a document of
 * the same source later shows it without filling the buffer again. A long
 * text fills the buffer piece by piece between frames, the first screen
 * at once, so the window never stops.
 */
void
gls_article_view_show_source (GlsArticleView *self,
                              GlsSource      *source)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  gboolean was_filling;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (GLS_IS_SOURCE (source));

  if (source == self->shown)
    return;

  was_filling = self->fill_source != 0;
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_set_object (&self->shown, source);
  invalidate_cache (self);
  g_hash_table_remove_all (self->simple_lines);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->filled = 0;

  if (fill_some (self, 0))
    self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  if (was_filling != (self->fill_source != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

/**
 * gls_article_view_get_filling:
 *
 * Returns: whether the text is still going into the view
 */
gboolean
gls_article_view_get_filling (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), FALSE);

  return self->fill_source != 0;
}

GlsAnnotation *
gls_article_view_get_selected (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), NULL);

  return self->selected;
}

void
gls_article_view_set_selected (GlsArticleView *self,
                               GlsAnnotation  *annotation)
{
  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  if (g_set_object (&self->selected, annotation))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

/**
 * gls_article_view_scroll_to:
 *
 * Scrolls so that the start of @annotation is in view.
 */
void
gls_article_view_scroll_to (GlsArticleView *self,
                            GlsAnnotation  *annotation)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextMark *mark;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (GLS_IS_ANNOTATION (annotation));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gls_annotation_get_start (annotation));
  mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.1, FALSE, 0, 0);
  gtk_text_buffer_delete_mark (buffer, mark);
}

/**
 * gls_article_view_get_selection:
 * @snap_to_words: trim white space and extend to whole words
 *
 * Returns: whether there is selected text, with its span in @span
 */
gboolean
gls_article_view_get_selection (GlsArticleView *self,
                                gboolean        snap_to_words,
                                GlsSpan        *span)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  if (snap_to_words)
    {
      GtkTextIter s = start, e = end;

      while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
        gtk_text_iter_forward_char (&s);
      while (gtk_text_iter_compare (&s, &e) < 0)
        {
          GtkTextIter before = e;

          gtk_text_iter_backward_char (&before);
          if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
            break;
          e = before;
        }

      if (gtk_text_iter_equal (&s, &e))
        return FALSE;

      if (gtk_text_iter_inside_word (&s) && !gtk_text_iter_starts_word (&s))
        gtk_text_iter_backward_word_start (&s);
      if (gtk_text_iter_inside_word (&e) && !gtk_text_iter_starts_word (&e) && !gtk_text_iter_ends_word (&e))
        gtk_text_iter_forward_word_end (&e);

      start = s;
      end = e;
    }

  span->start = gtk_text_iter_get_offset (&start);
  span->end = gtk_text_iter_get_offset (&end);

  return span->start < span->end;
}

void
gls_article_view_select_range (GlsArticleView *self,
                               guint           start,
                               guint           end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

/**
 * gls_article_view_get_drawn_rects:
 *
 * The rectangles the last frame drew for @annotation (none when it was
 * not visible), for tests.
 */
void
gls_article_view_get_drawn_rects (GlsArticleView *self,
                                  GlsAnnotation  *annotation,
                                  GArray         *rects)
{
  GArray *drawn;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  drawn = g_hash_table_lookup (self->drawn, annotation);
  if (drawn != NULL)
    g_array_append_vals (rects, drawn->data, drawn->len);
}

guint
gls_article_view_get_n_drawn (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), 0);

  return g_hash_table_size (self->drawn);
}

/* A click without a drag at (@x, @y), in widget coordinates. */
void
_gls_article_view_click (GlsArticleView *self,
                         double          x,
                         double          y)
{
  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  self->press_x = x;
  self->press_y = y;
  handle_click (self);
}

GtkWidget *
_gls_article_view_get_popover (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), NULL);

  return self->popover;
}
