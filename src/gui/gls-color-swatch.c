/* gls-color-swatch.c
 * Draws a category colour as a rounded square, so that a list shows it
 * next to the category's name (colour is never the only cue). */
#define G_LOG_DOMAIN "gls-color-swatch"

#include "config.h"

#include "gls-accessible.h"
#include "gls-color-swatch.h"

struct _GlsColorSwatch
{
  GtkWidget parent_instance;

  GdkRGBA   color;
  guint     pattern;
  guint     has_pattern : 1;
};

G_DEFINE_FINAL_TYPE (GlsColorSwatch, gls_color_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The patterns of the bars under the annotations, in pixels drawn and
 * left out by turns (none: solid), so that categories next to each other
 * in the codebook, and overlapping annotations in their stacked bars, are
 * told apart without telling colours apart. */
static const float patterns[][4] = {
  { 0 },               /* solid */
  { 2, 2, 2, 2 },      /* dotted */
  { 7, 2, 2, 2 },      /* dash and dot */
  { 2, 2, 2, 6 },      /* pairs of dots */
};
/* fuzzy: long dashes, whatever the category */
static const float fuzzy_pattern[4] = { 9, 4, 9, 4 };

/**
 * gls_pattern_for_category:
 *
 * Returns: the pattern of the category @id: its place in @codebook,
 *   modulo the number of patterns
 */
guint
gls_pattern_for_category (GlsCodebook *codebook,
                          const char  *id)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (codebook), 0);

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    if (g_strcmp0 (gls_category_get_id (gls_codebook_get_category (codebook, i)), id) == 0)
      return i % G_N_ELEMENTS (patterns);

  return 0;
}

/**
 * gls_color_swatch_append_bar:
 * @pattern: from gls_pattern_for_category(), or %GLS_PATTERN_FUZZY
 *
 * Draws an underline in @pattern, which starts again at each @bar so that
 * it reads the same on every line.
 */
void
gls_color_swatch_append_bar (GtkSnapshot           *snapshot,
                             const GdkRGBA         *color,
                             const graphene_rect_t *bar,
                             guint                  pattern)
{
  const float *steps = pattern == GLS_PATTERN_FUZZY ? fuzzy_pattern : patterns[pattern % G_N_ELEMENTS (patterns)];
  float x = bar->origin.x;
  guint step = 0;

  if (steps[0] == 0)
    {
      gtk_snapshot_append_color (snapshot, color, bar);
      return;
    }

  while (x < bar->origin.x + bar->size.width)
    {
      float length = steps[step % 4];

      if (step % 2 == 0)
        {
          graphene_rect_t piece;

          graphene_rect_init (&piece, x, bar->origin.y,
                              MIN (length, bar->origin.x + bar->size.width - x), bar->size.height);
          gtk_snapshot_append_color (snapshot, color, &piece);
        }
      x += length;
      step++;
    }
}

static void
gls_color_swatch_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GlsColorSwatch *self = GLS_COLOR_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect rect;

  /* the legend of the article's underlines: the pattern under the square */
  if (self->has_pattern)
    {
      gls_color_swatch_append_bar (snapshot, &self->color,
                                   &GRAPHENE_RECT_INIT (0, height - 2, width, 2), self->pattern);
      height -= 4;
    }

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, 0, width, height), MIN (width, height) / 4.0);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->color, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
gls_color_swatch_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COLOR:
      gls_color_swatch_set_color (GLS_COLOR_SWATCH (object), g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_color_swatch_class_init (GlsColorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = gls_color_swatch_set_property;
  widget_class->snapshot = gls_color_swatch_snapshot;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "swatch");
  /* said as its colour's name: "Blue" */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gls_color_swatch_init (GlsColorSwatch *self)
{
  gdk_rgba_parse (&self->color, "#77767b");
  gls_accessible_set_label (GTK_WIDGET (self), gls_accessible_color_name (NULL));
  gtk_widget_set_size_request (GTK_WIDGET (self), 14, 14);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/* Shows @pattern under the square, as the article underlines the
 * category's annotations. */
void
gls_color_swatch_set_pattern (GlsColorSwatch *self,
                              guint           pattern)
{
  g_return_if_fail (GLS_IS_COLOR_SWATCH (self));

  self->pattern = pattern;
  self->has_pattern = TRUE;
  gtk_widget_set_size_request (GTK_WIDGET (self), 16, 18);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gls_color_swatch_set_color (GlsColorSwatch *self,
                            const char     *color)
{
  g_return_if_fail (GLS_IS_COLOR_SWATCH (self));

  if (color == NULL || !gdk_rgba_parse (&self->color, color))
    gdk_rgba_parse (&self->color, "#77767b");
  gls_accessible_set_label (GTK_WIDGET (self), gls_accessible_color_name (color));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
