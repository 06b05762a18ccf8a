/* gls-annotation-search.h
 * A document's annotations that quote or note what the user searches. */
#pragma once

#include <gio/gio.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_ANNOTATION_SEARCH (gls_annotation_search_get_type ())

G_DECLARE_FINAL_TYPE (GlsAnnotationSearch, gls_annotation_search, GLS, ANNOTATION_SEARCH, GObject)

GlsAnnotationSearch *gls_annotation_search_new           (void);
void                 gls_annotation_search_set_document  (GlsAnnotationSearch *self,
                                                          GlsDocument         *document);
void                 gls_annotation_search_set_search    (GlsAnnotationSearch *self,
                                                          const char          *search);
gboolean             gls_annotation_search_get_searching (GlsAnnotationSearch *self);
void                 gls_annotation_search_prepare       (GlsAnnotationSearch *self);
gboolean             gls_annotation_search_find          (GlsAnnotationSearch *self,
                                                          GlsAnnotation       *annotation,
                                                          guint               *position);

G_END_DECLS
