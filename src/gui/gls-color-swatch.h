/* gls-color-swatch.h
 * A small rounded square in a category's colour. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLS_TYPE_COLOR_SWATCH (gls_color_swatch_get_type ())

G_DECLARE_FINAL_TYPE (GlsColorSwatch, gls_color_swatch, GLS, COLOR_SWATCH, GtkWidget)

void gls_color_swatch_set_color (GlsColorSwatch *self,
                                 const char     *color);

G_END_DECLS
