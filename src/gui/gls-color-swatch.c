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
};

G_DEFINE_FINAL_TYPE (GlsColorSwatch, gls_color_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gls_color_swatch_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GlsColorSwatch *self = GLS_COLOR_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect rect;

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
