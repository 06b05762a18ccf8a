/* gls-density.h
 * Where in an article each category occurs: its annotations bucketed into
 * the rows of a narrow strip, one lane per category, for the density strip
 * beside the article's scroll bar. */
#pragma once

#include "gls-category-count.h"

G_BEGIN_DECLS

typedef struct _GlsDensity GlsDensity;

GlsDensity             *gls_density_new            (GlsDocument *document,
                                                    guint        n_rows);
void                    gls_density_free           (GlsDensity  *self);
guint                   gls_density_get_n_rows     (GlsDensity  *self);
guint                   gls_density_get_n_lanes    (GlsDensity  *self);
const GlsCategoryCount *gls_density_get_lane       (GlsDensity  *self,
                                                    guint        lane);
gboolean                gls_density_get_mark       (GlsDensity  *self,
                                                    guint        row,
                                                    guint        lane);
gboolean                gls_density_has_placed     (GlsDensity  *self,
                                                    GlsAnnotation *annotation);
gboolean                gls_density_add            (GlsDensity  *self,
                                                    GlsAnnotation *annotation);
gboolean                gls_density_remove         (GlsDensity  *self,
                                                    GlsAnnotation *annotation);
guint                   gls_density_row_offset     (GlsDensity  *self,
                                                    double       fraction);
char                   *gls_density_describe       (GlsDensity  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsDensity, gls_density_free)

G_END_DECLS
