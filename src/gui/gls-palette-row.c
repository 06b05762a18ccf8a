/* gls-palette-row.c
 * A category in the side panel: activate it to annotate the selection,
 * toggle it to annotate every selection (quick mode). */
#define G_LOG_DOMAIN "gls-palette-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-accessible.h"
#include "gls-color-swatch.h"
#include "gls-palette-row.h"

struct _GlsPaletteRow
{
  GtkListBoxRow    parent_instance;

  /* Template widgets */
  GlsColorSwatch  *swatch;
  GtkLabel        *key_label;
  GtkLabel        *label;
  GtkLabel        *count_label;
  GtkToggleButton *arm_button;

  /* Owned */
  GlsCategory     *category;
};

G_DEFINE_FINAL_TYPE (GlsPaletteRow, gls_palette_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * gls_palette_row_dup_key_label:
 *
 * Returns: (transfer full) (nullable): the category's shortcut as the
 *   user presses it, “3” or “Alt+3”, or %NULL when it has none
 */
char *
gls_palette_row_dup_key_label (GlsCategory *category)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (category), NULL);

  if (gls_category_get_key (category) > 0)
    return g_strdup_printf ("%u", gls_category_get_key (category));
  if (gls_category_get_alt_key (category) > 0)
    /* Translators: the shortcut of a category past the ninth, the Alt key
     * and a digit */
    return g_strdup_printf (_("Alt+%u"), gls_category_get_alt_key (category));

  return NULL;
}

/* What a screen reader says of the row: "Factual claim, key 1, blue,
 * 2 annotations". */
static void
update_name (GlsPaletteRow *self,
             guint          count)
{
  GlsCategory *category = self->category;
  g_autofree char *annotations = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = gls_palette_row_dup_key_label (category);

  annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u annotation", "%'u annotations", count), count);
  if (key != NULL)
    /* Translators: a category of the palette for a screen reader: label, its key, colour, how many annotations */
    name = g_strdup_printf (_("%s, key %s, %s, %s"), gls_category_get_label (category), key,
                            gls_accessible_color_name (gls_category_get_color (category)), annotations);
  else
    /* Translators: a category of the palette for a screen reader: label, colour, how many annotations */
    name = g_strdup_printf (_("%s, %s, %s"), gls_category_get_label (category),
                            gls_accessible_color_name (gls_category_get_color (category)), annotations);
  gls_accessible_set_label (GTK_WIDGET (self), name);
}

static void
gls_palette_row_dispose (GObject *object)
{
  GlsPaletteRow *self = (GlsPaletteRow *)object;

  g_clear_object (&self->category);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_PALETTE_ROW);

  G_OBJECT_CLASS (gls_palette_row_parent_class)->dispose (object);
}

static void
gls_palette_row_class_init (GlsPaletteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_palette_row_dispose;

  g_type_ensure (GLS_TYPE_COLOR_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-palette-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsPaletteRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, GlsPaletteRow, key_label);
  gtk_widget_class_bind_template_child (widget_class, GlsPaletteRow, label);
  gtk_widget_class_bind_template_child (widget_class, GlsPaletteRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlsPaletteRow, arm_button);
}

static void
gls_palette_row_init (GlsPaletteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gls_palette_row_new (GlsCategory *category)
{
  GlsPaletteRow *self;
  g_autofree char *key_text = NULL;
  g_autofree char *indent = NULL;

  g_return_val_if_fail (GLS_IS_CATEGORY (category), NULL);

  self = g_object_new (GLS_TYPE_PALETTE_ROW, NULL);
  self->category = g_object_ref (category);

  key_text = gls_palette_row_dup_key_label (category);
  indent = g_strnfill (2 * gls_category_get_depth (category), ' ');

  gls_color_swatch_set_color (self->swatch, gls_category_get_color (category));
  gtk_label_set_text (self->key_label, key_text ? key_text : " ");
  {
    g_autofree char *text = g_strconcat (indent, gls_category_get_label (category), NULL);
    gtk_label_set_text (self->label, text);
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), gls_category_get_description (category));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->arm_button), "s", gls_category_get_id (category));
  {
    /* Translators: the name a screen reader says for the quick mode
     * button of a category, e.g. "Quick Mode: Factual claim" */
    g_autofree char *name = g_strdup_printf (_("Quick Mode: %s"), gls_category_get_label (category));
    gls_accessible_set_label (GTK_WIDGET (self->arm_button), name);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gls_category_get_description (category),
                                  -1);
  gls_palette_row_set_count (self, 0);

  return GTK_WIDGET (self);
}

void
gls_palette_row_set_pattern (GlsPaletteRow *self,
                             guint          pattern)
{
  g_return_if_fail (GLS_IS_PALETTE_ROW (self));

  gls_color_swatch_set_pattern (self->swatch, pattern);
}

GlsCategory *
gls_palette_row_get_category (GlsPaletteRow *self)
{
  g_return_val_if_fail (GLS_IS_PALETTE_ROW (self), NULL);

  return self->category;
}

void
gls_palette_row_set_count (GlsPaletteRow *self,
                           guint          count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GLS_IS_PALETTE_ROW (self));

  text = g_strdup_printf ("%'u", count);
  gtk_label_set_text (self->count_label, text);
  update_name (self, count);
}
