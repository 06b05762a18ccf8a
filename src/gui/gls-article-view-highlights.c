/* gls-article-view-highlights.c
 * Draws the annotations of the visible part of the article only, from the
 * document's interval index, with rectangles measured per grapheme so
 * that they sit on the glyphs in right-to-left and mixed lines too. */
#define G_LOG_DOMAIN "gls-article-view"

#include "config.h"

#include "gls-article-view-private.h"
#include "gls-color-swatch.h"
#include "gls-style-manager.h"

void
_gls_article_view_invalidate_cache (GlsArticleView *self)
{
  g_hash_table_remove_all (self->line_cache);
  g_hash_table_remove_all (self->geometry);
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
    _gls_article_view_invalidate_cache (self);

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

void
_gls_article_view_free_rects (gpointer data)
{
  g_array_unref (data);
}

/* Forgets the rectangles of @annotation, which moved or went away: the
 * next frame measures it again, and it alone. */
void
_gls_article_view_forget_geometry (GlsArticleView *self,
                                   GlsAnnotation  *annotation)
{
  g_hash_table_remove (self->geometry, annotation);
}

/* The characters of the display lines in view, [*start, *end): from the
 * start of the top one to the end of the bottom one, never whole
 * paragraphs, so that a long paragraph costs what shows of it. */
static void
get_visible_range (GlsArticleView *self,
                   guint          *start,
                   guint          *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter first, last;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &first, visible.x, visible.y);
  gtk_text_view_backward_display_line_start (view, &first);
  gtk_text_view_get_iter_at_location (view, &last, visible.x + visible.width, visible.y + visible.height);
  if (!gtk_text_iter_ends_line (&last))
    gtk_text_view_forward_display_line_end (view, &last);

  *start = gtk_text_iter_get_offset (&first);
  *end = gtk_text_iter_get_offset (&last) + 1;
}

/* Annotations up to this many characters keep their rectangles from frame
 * to frame; a longer one is measured for the part in view only. */
#define MAX_CACHED_SPAN 4096

/* The rectangles of @annotation's targets between @start and @end, from
 * the cache when it is short. Returns a reference. */
static GArray *
get_annotation_rects (GlsArticleView *self,
                      GlsAnnotation  *annotation,
                      guint           start,
                      guint           end)
{
  gboolean cached = gls_annotation_get_end (annotation) - gls_annotation_get_start (annotation) <= MAX_CACHED_SPAN;
  GArray *rects;

  if (cached)
    {
      rects = g_hash_table_lookup (self->geometry, annotation);
      if (rects != NULL)
        return g_array_ref (rects);
      start = 0;
      end = G_MAXUINT;
    }

  rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  for (guint t = 0; t < gls_annotation_get_n_targets (annotation); t++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, t);

      if (span.end <= start || span.start >= end)
        continue;
      gls_article_view_get_span_rects (self, MAX (span.start, start), MIN (span.end, end), rects);
    }

  if (cached)
    g_hash_table_insert (self->geometry, annotation, g_array_ref (rects));

  return rects;
}

/**
 * _gls_article_view_get_pattern:
 *
 * Returns: the pattern of @annotation's bar (gls-color-swatch.c): its
 *   category's, or %GLS_PATTERN_FUZZY when its text was found again only
 *   approximately after the article changed
 */
guint
_gls_article_view_get_pattern (GlsArticleView *self,
                               GlsAnnotation  *annotation)
{
  if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_FUZZY)
    return GLS_PATTERN_FUZZY;

  return gls_pattern_for_category (gls_document_get_codebook (self->document),
                                   gls_annotation_get_category (annotation));
}

/* High contrast: the colour of a category darkened on a light background,
 * lightened on a dark one, so that its bar stands out of the text's
 * background as the text does. */
static void
contrast_color (GdkRGBA  *color,
                gboolean  dark)
{
  float h, s, v;

  gtk_rgb_to_hsv (color->red, color->green, color->blue, &h, &s, &v);
  if (dark)
    {
      v = 1.0;
      s = MIN (s, 0.45);
    }
  else
    v = MIN (v, 0.45);
  gtk_hsv_to_rgb (h, s, v, &color->red, &color->green, &color->blue);
  color->alpha = 1.0;
}

/* The frame around an annotation related to the selected one: dashed on
 * all four sides, so that it shows without telling colours apart. */
static void
append_related_frame (GtkSnapshot           *snapshot,
                      const GdkRGBA         *color,
                      const graphene_rect_t *rect)
{
  graphene_rect_t edge;
  const float inset = 3, line = 1.5;

  graphene_rect_init (&edge, rect->origin.x - inset, rect->origin.y - inset, rect->size.width + 2 * inset, line);
  gls_color_swatch_append_bar (snapshot, color, &edge, GLS_PATTERN_FUZZY);
  edge.origin.y = rect->origin.y + rect->size.height + inset - line;
  gls_color_swatch_append_bar (snapshot, color, &edge, GLS_PATTERN_FUZZY);
  for (float y = rect->origin.y - inset; y < rect->origin.y + rect->size.height + inset; y += 7)
    {
      graphene_rect_init (&edge, rect->origin.x - inset, y, line,
                          MIN (4, rect->origin.y + rect->size.height + inset - y));
      gtk_snapshot_append_color (snapshot, color, &edge);
      edge.origin.x = rect->origin.x + rect->size.width + inset - line;
      gtk_snapshot_append_color (snapshot, color, &edge);
    }
}

void
_gls_article_view_snapshot_layer (GtkTextView      *view,
                                 GtkTextViewLayer  layer,
                                 GtkSnapshot      *snapshot)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (view);
  g_autoptr(GArray) lanes = NULL;   /* end offset of the last annotation in each lane */
  gboolean dark;
  guint start, end;
  int width;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->document == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (view));
  if (width != self->cache_width)
    {
      _gls_article_view_invalidate_cache (self);
      self->cache_width = width;
    }

  get_visible_range (self, &start, &end);

  g_ptr_array_set_size (self->visible, 0);
  g_hash_table_remove_all (self->drawn);
  gls_document_query (self->document, start, end, self->visible);

  dark = gls_style_is_dark (GTK_WIDGET (view));
  lanes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->visible->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (self->visible, i);
      g_autoptr(GArray) rects = get_annotation_rects (self, annotation, start, end);
      gboolean selected = annotation == self->selected;
      gboolean related = g_hash_table_contains (self->related, annotation);
      guint pattern = _gls_article_view_get_pattern (self, annotation);
      int bar_height = self->high_contrast ? 2 * BAR_HEIGHT : BAR_HEIGHT;
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

      parse_color (self, annotation, &color);
      tint = color;
      tint.alpha = selected ? (dark ? 0.55 : 0.40) : (dark ? 0.32 : 0.20);
      if (self->high_contrast)
        {
          /* lighter tints keep the text readable; the bars carry the colour */
          tint.alpha = selected ? 0.35 : 0.12;
          contrast_color (&color, dark);
        }

      for (guint r = 0; r < rects->len; r++)
        {
          const graphene_rect_t *rect = &g_array_index (rects, graphene_rect_t, r);
          graphene_rect_t bar;

          gtk_snapshot_append_color (snapshot, &tint, rect);

          graphene_rect_init (&bar, rect->origin.x,
                              rect->origin.y + rect->size.height + 1 + lane * (bar_height + BAR_GAP),
                              rect->size.width, bar_height);
          gls_color_swatch_append_bar (snapshot, &color, &bar, pattern);

          if (related && !selected)
            {
              GdkRGBA ink = { 0, 0, 0, 0.85 };

              if (dark)
                ink = (GdkRGBA) { 1, 1, 1, 0.85 };
              append_related_frame (snapshot, &ink, rect);
            }

          if (selected)
            {
              GskRoundedRect outline;
              float line = self->high_contrast ? 3 : 2;
              float widths[4] = { line, line, line, line };
              GdkRGBA colors[4] = { color, color, color, color };

              gsk_rounded_rect_init_from_rect (&outline, rect, 3);
              gsk_rounded_rect_shrink (&outline, -2, -2, -2, -2);
              gtk_snapshot_append_border (snapshot, &outline, widths, colors);
            }
        }

      g_hash_table_insert (self->drawn, annotation, g_steal_pointer (&rects));
    }
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

/**
 * gls_article_view_set_high_contrast:
 *
 * Draws the highlights for high contrast: light tints, thick bars in
 * darker (or, on a dark background, lighter) colours, a thick outline.
 */
void
gls_article_view_set_high_contrast (GlsArticleView *self,
                                    gboolean        high_contrast)
{
  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  self->high_contrast = !!high_contrast;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
gls_article_view_get_high_contrast (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), FALSE);

  return self->high_contrast;
}

GtkWidget *
_gls_article_view_get_popover (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), NULL);

  return self->popover;
}

/**
 * gls_article_view_set_related:
 * @annotations: (element-type GlsAnnotation) (nullable): annotations of
 *   the view's document
 *
 * Marks @annotations with a dashed frame, as related to the selected one.
 */
void
gls_article_view_set_related (GlsArticleView *self,
                              GPtrArray      *annotations)
{
  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  g_hash_table_remove_all (self->related);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    g_hash_table_add (self->related, g_object_ref (g_ptr_array_index (annotations, i)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
gls_article_view_is_related (GlsArticleView *self,
                             GlsAnnotation  *annotation)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), FALSE);

  return g_hash_table_contains (self->related, annotation);
}
