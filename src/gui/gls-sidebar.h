/* gls-sidebar.h
 * The side panel: the codebook's palette, the list of annotations, the
 * selected annotation's details and the note on the whole article. */
#pragma once

#include <gtk/gtk.h>

#include "gls-annotation-details.h"
#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_SIDEBAR (gls_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (GlsSidebar, gls_sidebar, GLS, SIDEBAR, GtkWidget)

GlsDocument          *gls_sidebar_get_document (GlsSidebar    *self);
void                  gls_sidebar_set_document (GlsSidebar    *self,
                                                GlsDocument   *document);
void                  gls_sidebar_select       (GlsSidebar    *self,
                                                GlsAnnotation *annotation);
GlsAnnotationDetails *gls_sidebar_get_details  (GlsSidebar    *self);
void                  gls_sidebar_set_reviewing (GlsSidebar   *self,
                                                 gboolean      reviewing);
gboolean              gls_sidebar_get_reviewing (GlsSidebar   *self);
void                  gls_sidebar_update_review (GlsSidebar   *self);
gboolean              gls_sidebar_get_filling   (GlsSidebar   *self);

G_END_DECLS
