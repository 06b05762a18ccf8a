/* gls-color-swatch.h
 * A small rounded square in a category's colour, over the pattern of its
 * underline in the article; and the underline's drawing. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_COLOR_SWATCH (gls_color_swatch_get_type ())

G_DECLARE_FINAL_TYPE (GlsColorSwatch, gls_color_swatch, GLS, COLOR_SWATCH, GtkWidget)

/* the pattern of the bar of a fuzzy annotation, whatever its category */
#define GLS_PATTERN_FUZZY 100

void  gls_color_swatch_set_color   (GlsColorSwatch        *self,
                                    const char            *color);
void  gls_color_swatch_set_pattern (GlsColorSwatch        *self,
                                    guint                  pattern);
guint gls_pattern_for_category     (GlsCodebook           *codebook,
                                    const char            *id);
void  gls_color_swatch_append_bar  (GtkSnapshot           *snapshot,
                                    const GdkRGBA         *color,
                                    const graphene_rect_t *bar,
                                    guint                  pattern);

G_END_DECLS
