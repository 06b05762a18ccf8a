/* gls-annotation-list-private.h
 * How the document keeps its annotation list in order. */
#pragma once

#include "gls-annotation-list.h"

G_BEGIN_DECLS

GlsAnnotationList *_gls_annotation_list_new    (void);
guint              _gls_annotation_list_insert (GlsAnnotationList *self,
                                                GlsAnnotation     *annotation,
                                                gboolean           notify);
gboolean           _gls_annotation_list_remove (GlsAnnotationList *self,
                                                GlsAnnotation     *annotation,
                                                gboolean           notify);
void               _gls_annotation_list_foreach (GlsAnnotationList *self,
                                                GFunc              func,
                                                gpointer           user_data);
int                _gls_annotation_compare_ids (gconstpointer      a,
                                                gconstpointer      b);

G_END_DECLS
