/* gls-bar-chart.h
 * Annotations per category drawn as a chart: one labelled horizontal bar
 * per category, or one bar stacked of the categories' shares. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_BAR_CHART (gls_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (GlsBarChart, gls_bar_chart, GLS, BAR_CHART, GtkWidget)

GtkWidget *gls_bar_chart_new          (void);
GPtrArray *gls_bar_chart_get_counts   (GlsBarChart   *self);
void       gls_bar_chart_set_counts   (GlsBarChart   *self,
                                       GPtrArray     *counts);
gboolean   gls_bar_chart_get_stacked  (GlsBarChart   *self);
void       gls_bar_chart_set_stacked  (GlsBarChart   *self,
                                       gboolean       stacked);
guint      gls_bar_chart_get_n_bars   (GlsBarChart   *self);
const char *gls_bar_chart_get_description (GlsBarChart *self);

void       gls_chart_color            (GtkWidget     *widget,
                                       const char    *color,
                                       GdkRGBA       *rgba);
guint      gls_chart_pattern          (const GlsCategoryCount *count);

G_END_DECLS
