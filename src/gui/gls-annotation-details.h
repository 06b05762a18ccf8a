/* gls-annotation-details.h
 * The selected annotation: its category, quote, note and history. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_ANNOTATION_DETAILS (gls_annotation_details_get_type ())

G_DECLARE_FINAL_TYPE (GlsAnnotationDetails, gls_annotation_details, GLS, ANNOTATION_DETAILS, GtkWidget)

void gls_annotation_details_set_document   (GlsAnnotationDetails *self,
                                            GlsDocument          *document);
void gls_annotation_details_set_annotation (GlsAnnotationDetails *self,
                                            GlsAnnotation        *annotation);
GlsAnnotation *gls_annotation_details_get_annotation (GlsAnnotationDetails *self);
void gls_annotation_details_focus_note     (GlsAnnotationDetails *self);
GtkTextView *gls_annotation_details_get_note_view (GlsAnnotationDetails *self);
void gls_annotation_details_set_resolver   (GlsAnnotationDetails *self,
                                            GlsLinkResolver      *resolver);
GtkWidget *_gls_annotation_details_get_relations_box (GlsAnnotationDetails *self);

G_END_DECLS
