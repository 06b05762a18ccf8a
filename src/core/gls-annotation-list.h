/* gls-annotation-list.h
 * A document's annotations as a GListModel in text order: by start, then
 * end, then id. Read-only: change annotations through GlsDocument. */
#pragma once

#include <gio/gio.h>

#include "gls-annotation.h"

G_BEGIN_DECLS

#define GLS_TYPE_ANNOTATION_LIST (gls_annotation_list_get_type ())

G_DECLARE_FINAL_TYPE (GlsAnnotationList, gls_annotation_list, GLS, ANNOTATION_LIST, GObject)

GlsAnnotation *gls_annotation_list_get        (GlsAnnotationList *self,
                                               guint              position);
gboolean       gls_annotation_list_find       (GlsAnnotationList *self,
                                               GlsAnnotation     *annotation,
                                               guint             *position);
guint          gls_annotation_list_lower_bound (GlsAnnotationList *self,
                                               guint              offset);

G_END_DECLS
