/* gls-density-strip.h
 * A narrow strip beside the article's scroll bar that shows where each
 * category occurs in the whole article; a click scrolls there. */
#pragma once

#include <gtk/gtk.h>

#include "gls-article-view.h"

G_BEGIN_DECLS

#define GLS_TYPE_DENSITY_STRIP (gls_density_strip_get_type ())

G_DECLARE_FINAL_TYPE (GlsDensityStrip, gls_density_strip, GLS, DENSITY_STRIP, GtkWidget)

GlsArticleView *gls_density_strip_get_view    (GlsDensityStrip *self);
void            gls_density_strip_set_view    (GlsDensityStrip *self,
                                               GlsArticleView  *view);
GlsDensity     *gls_density_strip_get_density (GlsDensityStrip *self);
void            gls_density_strip_scroll_to   (GlsDensityStrip *self,
                                               double           fraction);

G_END_DECLS
