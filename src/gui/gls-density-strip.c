/* gls-density-strip.c
 * A narrow strip beside the article's scroll bar that shows where each
 * category occurs in the whole article; a click scrolls there. */
#define G_LOG_DOMAIN "gls-density-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-bar-chart.h"
#include "gls-color-swatch.h"
#include "gls-density-strip.h"
#include "gls-style-manager.h"

/* Each row of the strip is this many pixels high. */
#define ROW_HEIGHT 3
#define LANE_WIDTH 4
#define MIN_WIDTH 12

struct _GlsDensityStrip
{
  GtkWidget       parent_instance;

  /* Owned */
  GlsArticleView *view;
  GlsDocument    *document;
  GlsDensity     *density;

  guint           update_source;
  guint           n_lanes;
  guint           dirty : 1;    /* the marks need bucketing again */
  guint           moved : 1;    /* the marks followed a change already */
};

G_DEFINE_FINAL_TYPE (GlsDensityStrip, gls_density_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_rows_for (GlsDensityStrip *self)
{
  return MAX (1, gtk_widget_get_height (GTK_WIDGET (self)) / ROW_HEIGHT);
}

static void
update_accessible (GlsDensityStrip *self)
{
  g_autofree char *description = NULL;

  if (self->density != NULL)
    description = gls_density_describe (self->density);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No annotations"), -1);
}

/* In an idle, once however many changes came before it: bucketing reads
 * every annotation, which is cheap once but not at every keystroke or
 * frame; drawing only reads the buckets. */
static gboolean
update (gpointer data)
{
  GlsDensityStrip *self = data;
  guint n_lanes;

  self->update_source = 0;
  self->dirty = FALSE;
  self->moved = FALSE;
  g_clear_pointer (&self->density, gls_density_free);
  if (self->document != NULL)
    self->density = gls_density_new (self->document, n_rows_for (self));

  n_lanes = self->density != NULL ? gls_density_get_n_lanes (self->density) : 0;
  if (n_lanes != self->n_lanes)
    {
      self->n_lanes = n_lanes;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[UPDATED], 0);

  return G_SOURCE_REMOVE;
}

static void
queue_update (GlsDensityStrip *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_LOW, update, self, NULL);
}

/* Only what moves the marks counts: an annotation added or removed,
 * moved or given another category, or another codebook. Typing a note
 * changes the document at each key, and must not bucket again a hundred
 * thousand annotations each time. */
static void
on_annotation_changed (GlsDensityStrip *self,
                       GlsAnnotation   *annotation)
{
  if (self->density == NULL || !gls_density_has_placed (self->density, annotation))
    self->dirty = TRUE;
}

/* An annotation added or removed moves only its own marks: a key that
 * adds one costs what the strip's rows do, not what the document has. */
static void
on_annotation_added (GlsDensityStrip *self,
                     GlsAnnotation   *annotation)
{
  if (self->dirty || self->density == NULL || !gls_density_add (self->density, annotation))
    self->dirty = TRUE;
  else
    self->moved = TRUE;
}

static void
on_annotation_removed (GlsDensityStrip *self,
                       GlsAnnotation   *annotation)
{
  if (self->dirty || self->density == NULL || !gls_density_remove (self->density, annotation))
    self->dirty = TRUE;
  else
    self->moved = TRUE;
}

static void
on_changed (GlsDensityStrip *self)
{
  if (self->dirty)
    {
      queue_update (self);
      return;
    }

  if (self->moved)
    {
      self->moved = FALSE;
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[UPDATED], 0);
    }
}

static void
on_document_notify (GlsDensityStrip *self)
{
  GlsDocument *document = self->view != NULL ? gls_article_view_get_document (self->view) : NULL;

  if (document == self->document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "annotation-added", G_CALLBACK (on_annotation_added), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed", G_CALLBACK (on_annotation_removed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-changed", G_CALLBACK (on_annotation_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::codebook", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
    }
  queue_update (self);
}

static void
gls_density_strip_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GlsDensityStrip *self = GLS_DENSITY_STRIP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MAX (MIN_WIDTH, 2 + (int) self->n_lanes * LANE_WIDTH);
  else
    *minimum = *natural = 0;
}

static void
gls_density_strip_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GlsDensityStrip *self = GLS_DENSITY_STRIP (widget);

  /* new rows only when the height changed */
  if (self->density == NULL || gls_density_get_n_rows (self->density) != n_rows_for (self))
    queue_update (self);
}

/* A run of marked rows of one lane, drawn in the pattern of the
 * category's underlines, turned upright. */
static void
append_run (GtkSnapshot   *snapshot,
            const GdkRGBA *color,
            guint          pattern,
            float          x,
            float          y,
            float          width,
            float          height)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + width, y));
  gtk_snapshot_rotate (snapshot, 90);
  gls_color_swatch_append_bar (snapshot, color, &GRAPHENE_RECT_INIT (0, 0, height, width), pattern);
  gtk_snapshot_restore (snapshot);
}

static void
gls_density_strip_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  GlsDensityStrip *self = GLS_DENSITY_STRIP (widget);
  int width = gtk_widget_get_width (widget);
  guint n_rows, n_lanes;
  float lane_width;
  GdkRGBA track;

  /* a faint track shows where the strip is, and the whole article's height */
  gls_style_get_foreground (widget, &track);
  track.alpha = 0.06;
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, 0, width, gtk_widget_get_height (widget)));

  if (self->density == NULL || gls_density_get_n_lanes (self->density) == 0)
    return;

  n_rows = gls_density_get_n_rows (self->density);
  n_lanes = gls_density_get_n_lanes (self->density);
  lane_width = (float) (width - 2) / n_lanes;

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const GlsCategoryCount *count = gls_density_get_lane (self->density, lane);
      guint pattern = gls_chart_pattern (count);
      GdkRGBA color;

      gls_chart_color (widget, count->color, &color);

      for (guint row = 0; row < n_rows; row++)
        {
          guint end = row;

          if (!gls_density_get_mark (self->density, row, lane))
            continue;
          while (end + 1 < n_rows && gls_density_get_mark (self->density, end + 1, lane))
            end++;

          /* lanes in the codebook's order: a place tells the category too */
          append_run (snapshot, &color, pattern, 1 + lane * lane_width, row * ROW_HEIGHT,
                      MAX (1, lane_width - 1), (end - row + 1) * ROW_HEIGHT);
          row = end;
        }
    }
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GlsDensityStrip *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height > 0)
    gls_density_strip_scroll_to (self, y / height);
}

/* The categories at the place under the pointer. */
static gboolean
on_query_tooltip (GlsDensityStrip *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint row = y / ROW_HEIGHT;

  if (self->density == NULL)
    return FALSE;

  /* a row is narrow: the rows next to it count too */
  for (guint lane = 0; lane < gls_density_get_n_lanes (self->density); lane++)
    if (gls_density_get_mark (self->density, row, lane) ||
        gls_density_get_mark (self->density, row + 1, lane) ||
        (row > 0 && gls_density_get_mark (self->density, row - 1, lane)))
      {
        if (text->len > 0)
          g_string_append_c (text, '\n');
        g_string_append (text, gls_density_get_lane (self->density, lane)->label);
      }

  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);

  return TRUE;
}

static void
gls_density_strip_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gls_density_strip_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
gls_density_strip_dispose (GObject *object)
{
  GlsDensityStrip *self = (GlsDensityStrip *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->view);
  g_clear_pointer (&self->density, gls_density_free);

  G_OBJECT_CLASS (gls_density_strip_parent_class)->dispose (object);
}

static void
gls_density_strip_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlsDensityStrip *self = GLS_DENSITY_STRIP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_density_strip_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlsDensityStrip *self = GLS_DENSITY_STRIP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      gls_density_strip_set_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_density_strip_class_init (GlsDensityStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_density_strip_dispose;
  object_class->get_property = gls_density_strip_get_property;
  object_class->set_property = gls_density_strip_set_property;
  widget_class->measure = gls_density_strip_measure;
  widget_class->size_allocate = gls_density_strip_size_allocate;
  widget_class->snapshot = gls_density_strip_snapshot;
  widget_class->css_changed = gls_density_strip_css_changed;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GLS_TYPE_ARTICLE_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlsDensityStrip::updated:
   * The annotations were bucketed again, after a change that moves the
   * marks or a new height.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "densitystrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gls_density_strip_init (GlsDensityStrip *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where the categories occur in the article"), -1);
  update_accessible (self);
}

GlsArticleView *
gls_density_strip_get_view (GlsDensityStrip *self)
{
  g_return_val_if_fail (GLS_IS_DENSITY_STRIP (self), NULL);

  return self->view;
}

/**
 * gls_density_strip_set_view:
 * @view: (nullable): the article whose annotations the strip shows, and
 *   which a click scrolls
 */
void
gls_density_strip_set_view (GlsDensityStrip *self,
                            GlsArticleView  *view)
{
  g_return_if_fail (GLS_IS_DENSITY_STRIP (self));
  g_return_if_fail (view == NULL || GLS_IS_ARTICLE_VIEW (view));

  if (view == self->view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    g_signal_connect_object (view, "notify::document", G_CALLBACK (on_document_notify), self, G_CONNECT_SWAPPED);
  on_document_notify (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * gls_density_strip_get_density:
 *
 * Returns: (transfer none) (nullable): the marks drawn, as of the last
 *   update
 */
GlsDensity *
gls_density_strip_get_density (GlsDensityStrip *self)
{
  g_return_val_if_fail (GLS_IS_DENSITY_STRIP (self), NULL);

  return self->density;
}

/**
 * gls_density_strip_scroll_to:
 * @fraction: a place in the strip, 0 at its top, 1 at its bottom
 *
 * Scrolls the article to the text at that place of the strip, as a click
 * there does.
 */
void
gls_density_strip_scroll_to (GlsDensityStrip *self,
                             double           fraction)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (GLS_IS_DENSITY_STRIP (self));

  if (self->view == NULL || self->density == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gls_density_row_offset (self->density, fraction));
  /* at once, with the heights GtkTextView knows or estimates: the place is
   * a strip row's worth of text anyway; as high in the view as in the
   * strip, as a scroll bar would: the start at the top, the end at the
   * bottom */
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &iter, 0, TRUE, 0, CLAMP (fraction, 0.0, 1.0));
}
