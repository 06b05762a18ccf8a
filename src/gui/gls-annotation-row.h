/* gls-annotation-row.h
 * One annotation in the side panel's list: category, quote, note. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_ANNOTATION_ROW (gls_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (GlsAnnotationRow, gls_annotation_row, GLS, ANNOTATION_ROW, GtkWidget)

GtkWidget *gls_annotation_row_new  (void);
void       gls_annotation_row_bind (GlsAnnotationRow *self,
                                    GlsDocument      *document,
                                    GlsAnnotation    *annotation);

char      *gls_excerpt_from_text      (const char    *text,
                                       guint          max_chars,
                                       gboolean       more);
char      *gls_annotation_dup_excerpt (GlsDocument   *document,
                                       GlsAnnotation *annotation,
                                       guint          max_chars);
char      *gls_annotation_dup_category_label      (GlsDocument   *document,
                                                   GlsAnnotation *annotation);
char      *gls_annotation_row_dup_accessible_name (GlsDocument   *document,
                                                   GlsAnnotation *annotation);

G_END_DECLS
