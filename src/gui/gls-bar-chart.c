/* gls-bar-chart.c
 * Annotations per category drawn as a chart: one labelled horizontal bar
 * per category, or one bar stacked of the categories' shares. */
#define G_LOG_DOMAIN "gls-bar-chart"

#include "config.h"

#include "gls-bar-chart.h"
#include "gls-color-swatch.h"
#include "gls-style-manager.h"

/* Bars are at least this long, so that a count of 1 among thousands
 * still shows that the category is there. */
#define MIN_BAR 2
#define BAR_GAP 6
#define PATTERN_HEIGHT 3
#define STACKED_HEIGHT 14
/* A bar should stand out from the window as a non-text element (WCAG 1.4.11). */
#define MIN_BAR_CONTRAST 3.0

struct _GlsBarChart
{
  GtkWidget  parent_instance;

  /* Owned */
  GPtrArray *counts;    /* GlsCategoryCount, as given */
  GPtrArray *shown;     /* the same, in the chart's order, without zeros when stacked */
  char      *description;

  guint      stacked : 1;
};

G_DEFINE_FINAL_TYPE (GlsBarChart, gls_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COUNTS,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * gls_chart_color:
 * @color: (nullable): a category's colour
 *
 * The colour to fill a category's bar with: the category's own, darkened
 * in the light style and lightened in the dark one until it stands out
 * of the window's background (the codebook's colours are chosen as tints
 * under text, which can be too pale for a bar on white).
 */
void
gls_chart_color (GtkWidget  *widget,
                 const char *color,
                 GdkRGBA    *rgba)
{
  gboolean dark = gls_style_is_dark (widget);
  /* the backgrounds of Adwaita's light and dark styles */
  const double background[3] = { dark ? 0.14 : 0.98, dark ? 0.14 : 0.98, dark ? 0.14 : 0.98 };
  float h, s, v;

  if (color == NULL || !gdk_rgba_parse (rgba, color))
    gdk_rgba_parse (rgba, "#77767b");
  rgba->alpha = 1.0;

  gtk_rgb_to_hsv (rgba->red, rgba->green, rgba->blue, &h, &s, &v);
  for (guint step = 0; step < 20; step++)
    {
      double rgb[3] = { rgba->red, rgba->green, rgba->blue };

      if (gls_color_contrast (rgb, background) >= MIN_BAR_CONTRAST)
        break;
      if (dark)
        {
          v = MIN (1.0f, v + 0.05f);
          s = MAX (0.0f, s - 0.03f);
        }
      else
        v = MAX (0.0f, v - 0.05f);
      gtk_hsv_to_rgb (h, s, v, &rgba->red, &rgba->green, &rgba->blue);
    }
}

/* The pattern of the category's underlines in the article, drawn under
 * its bar so that colour is not the only cue. */
guint
gls_chart_pattern (const GlsCategoryCount *count)
{
  return count->position == G_MAXUINT ? 0 : count->position;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const GlsCategoryCount *x = *(GlsCategoryCount * const *) a;
  const GlsCategoryCount *y = *(GlsCategoryCount * const *) b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;

  return g_strcmp0 (x->id, y->id);
}

/* The bars: every category, the most used first; or, stacked, those that
 * have annotations in the codebook's order, so that the articles' bars
 * line up their categories in the same order. */
static void
update_shown (GlsBarChart *self)
{
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_new ();

  for (guint i = 0; self->counts != NULL && i < self->counts->len; i++)
    {
      GlsCategoryCount *count = g_ptr_array_index (self->counts, i);

      if (!self->stacked || count->count > 0)
        g_ptr_array_add (self->shown, count);
    }

  if (self->stacked)
    g_ptr_array_sort (self->shown, compare_positions);
  else
    gls_category_counts_sort (self->shown);

  g_free (self->description);
  self->description = gls_category_counts_describe (self->shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  /* the text is given when asked for (query_tooltip): setting it here
   * would ask the display where the pointer is, for each row of a list */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), self->stacked && self->description[0] != '\0');

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
gls_bar_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  GlsBarChart *self = GLS_BAR_CHART (widget);

  if (!self->stacked || self->description == NULL || self->description[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->description);
  return TRUE;
}

static PangoLayout *
create_layout (GlsBarChart *self,
               const char  *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static int
row_height (GlsBarChart *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height + BAR_GAP;
}

static void
gls_bar_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GlsBarChart *self = GLS_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->stacked ? 40 : 160;
      *natural = self->stacked ? 160 : 360;
    }
  else if (self->stacked)
    *minimum = *natural = STACKED_HEIGHT;
  else
    *minimum = *natural = row_height (self) * MAX (self->shown->len, 1);
}

static void
append_text (GlsBarChart *self,
             GtkSnapshot *snapshot,
             PangoLayout *layout,
             float        x,
             float        y)
{
  GdkRGBA fg;

  gls_style_get_foreground (GTK_WIDGET (self), &fg);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
}

/* A bar in the category's colour, rounded, and its pattern under it. */
static void
append_bar (GlsBarChart            *self,
            GtkSnapshot            *snapshot,
            const GlsCategoryCount *count,
            const graphene_rect_t  *bar,
            float                   radius)
{
  graphene_rect_t fill = *bar;
  GskRoundedRect rounded;
  GdkRGBA color;

  gls_chart_color (GTK_WIDGET (self), count->color, &color);
  fill.size.height -= PATTERN_HEIGHT + 1;

  gsk_rounded_rect_init_from_rect (&rounded, &fill, MIN (radius, fill.size.width / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &color, &fill);
  gtk_snapshot_pop (snapshot);

  gls_color_swatch_append_bar (snapshot, &color,
                               &GRAPHENE_RECT_INIT (bar->origin.x, bar->origin.y + bar->size.height - PATTERN_HEIGHT,
                                                    bar->size.width, PATTERN_HEIGHT),
                               gls_chart_pattern (count));
}

static void
snapshot_stacked (GlsBarChart *self,
                  GtkSnapshot *snapshot,
                  int          width,
                  int          height)
{
  guint total = gls_category_counts_total (self->shown);
  float x = 0;

  if (total == 0)
    return;

  for (guint i = 0; i < self->shown->len; i++)
    {
      const GlsCategoryCount *count = g_ptr_array_index (self->shown, i);
      float length = MAX (MIN_BAR, (float) width * count->count / total);

      /* a gap of one pixel tells neighbours of close colours apart */
      append_bar (self, snapshot, count, &GRAPHENE_RECT_INIT (x, 0, MAX (1, MIN (length, width - x) - 1), height), 2);
      x += length;
      if (x >= width)
        break;
    }
}

static void
snapshot_bars (GlsBarChart *self,
               GtkSnapshot *snapshot,
               int          width)
{
  int row = row_height (self);
  int label_width = 0;
  int count_width = 0;
  guint max = 0;

  /* the labels' column: as wide as the widest, up to a third of the chart */
  for (guint i = 0; i < self->shown->len; i++)
    {
      const GlsCategoryCount *count = g_ptr_array_index (self->shown, i);
      g_autoptr(PangoLayout) label = create_layout (self, count->label);
      g_autofree char *figure = g_strdup_printf ("%u", count->count);
      g_autoptr(PangoLayout) number = create_layout (self, figure);
      int w;

      pango_layout_get_pixel_size (label, &w, NULL);
      label_width = MAX (label_width, w);
      pango_layout_get_pixel_size (number, &w, NULL);
      count_width = MAX (count_width, w);
      max = MAX (max, count->count);
    }
  label_width = MIN (label_width, width / 3);

  for (guint i = 0; i < self->shown->len; i++)
    {
      const GlsCategoryCount *count = g_ptr_array_index (self->shown, i);
      g_autoptr(PangoLayout) label = create_layout (self, count->label);
      g_autofree char *figure = g_strdup_printf ("%u", count->count);
      g_autoptr(PangoLayout) number = create_layout (self, figure);
      float y = i * row;
      float room = MAX (0, width - label_width - count_width - 3 * BAR_GAP);
      float length = max == 0 ? 0 : room * count->count / max;

      pango_layout_set_width (label, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      append_text (self, snapshot, label, 0, y);

      if (count->count > 0)
        append_bar (self, snapshot, count,
                    &GRAPHENE_RECT_INIT (label_width + BAR_GAP, y + 1, MAX (MIN_BAR, length), row - BAR_GAP), 3);
      append_text (self, snapshot, number, label_width + 2 * BAR_GAP + MAX (MIN_BAR, length), y);
    }
}

static void
gls_bar_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GlsBarChart *self = GLS_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->stacked)
    snapshot_stacked (self, snapshot, width, height);
  else
    snapshot_bars (self, snapshot, width);
}

/* the bars' colours follow the light or dark style, the rows the font */
static void
gls_bar_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gls_bar_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
gls_bar_chart_finalize (GObject *object)
{
  GlsBarChart *self = (GlsBarChart *)object;

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_ptr_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (gls_bar_chart_parent_class)->finalize (object);
}

static void
gls_bar_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlsBarChart *self = GLS_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_COUNTS:
      g_value_set_boxed (value, self->counts);
      break;
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_bar_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlsBarChart *self = GLS_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_COUNTS:
      gls_bar_chart_set_counts (self, g_value_get_boxed (value));
      break;
    case PROP_STACKED:
      gls_bar_chart_set_stacked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_bar_chart_class_init (GlsBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gls_bar_chart_finalize;
  object_class->get_property = gls_bar_chart_get_property;
  object_class->set_property = gls_bar_chart_set_property;
  widget_class->measure = gls_bar_chart_measure;
  widget_class->snapshot = gls_bar_chart_snapshot;
  widget_class->css_changed = gls_bar_chart_css_changed;
  widget_class->query_tooltip = gls_bar_chart_query_tooltip;

  /**
   * GlsBarChart:counts: (type GPtrArray(GlsCategoryCount))
   */
  properties[PROP_COUNTS] =
    g_param_spec_boxed ("counts", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  /* read as its label, then the figures as its description */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gls_bar_chart_init (GlsBarChart *self)
{
  update_shown (self);
}

GtkWidget *
gls_bar_chart_new (void)
{
  return g_object_new (GLS_TYPE_BAR_CHART, NULL);
}

/**
 * gls_bar_chart_get_counts:
 *
 * Returns: (transfer none) (nullable) (element-type GlsCategoryCount):
 *   the counts drawn
 */
GPtrArray *
gls_bar_chart_get_counts (GlsBarChart *self)
{
  g_return_val_if_fail (GLS_IS_BAR_CHART (self), NULL);

  return self->counts;
}

/**
 * gls_bar_chart_set_counts:
 * @counts: (nullable) (element-type GlsCategoryCount): what to draw; a
 *   reference is taken, so do not change it afterwards
 */
void
gls_bar_chart_set_counts (GlsBarChart *self,
                          GPtrArray   *counts)
{
  g_return_if_fail (GLS_IS_BAR_CHART (self));

  if (counts == self->counts)
    return;

  g_clear_pointer (&self->counts, g_ptr_array_unref);
  self->counts = counts != NULL ? g_ptr_array_ref (counts) : NULL;
  update_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
}

gboolean
gls_bar_chart_get_stacked (GlsBarChart *self)
{
  g_return_val_if_fail (GLS_IS_BAR_CHART (self), FALSE);

  return self->stacked;
}

/* Stacked: one bar of the categories' shares, without labels (the tooltip
 * and the accessible description give the figures). */
void
gls_bar_chart_set_stacked (GlsBarChart *self,
                           gboolean    stacked)
{
  g_return_if_fail (GLS_IS_BAR_CHART (self));

  stacked = !!stacked;
  if (stacked == self->stacked)
    return;

  self->stacked = stacked;
  update_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

/**
 * gls_bar_chart_get_n_bars:
 *
 * Returns: how many bars, or parts of the stacked bar, are drawn
 */
guint
gls_bar_chart_get_n_bars (GlsBarChart *self)
{
  g_return_val_if_fail (GLS_IS_BAR_CHART (self), 0);

  return self->shown->len;
}

/**
 * gls_bar_chart_get_description:
 *
 * Returns: the chart's text alternative, as assistive technology is told
 *   it: the figures in the chart's order
 */
const char *
gls_bar_chart_get_description (GlsBarChart *self)
{
  g_return_val_if_fail (GLS_IS_BAR_CHART (self), NULL);

  return self->description;
}
