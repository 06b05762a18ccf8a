/* gls-relation-dialog.h
 * Makes a relation from one annotation: the other one picked from a list
 * (or by a click in the article), its type from the usual ones and those
 * the file uses. Works across two open articles. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_RELATION_DIALOG (gls_relation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlsRelationDialog, gls_relation_dialog, GLS, RELATION_DIALOG, GtkWindow)

GlsRelationDialog *gls_relation_dialog_new         (GtkWindow         *parent,
                                                    GlsDocument       *document,
                                                    GlsAnnotation     *from);
void               gls_relation_dialog_add_article (GlsRelationDialog *self,
                                                    GlsDocument       *document,
                                                    const char        *name);
GlsDocument       *gls_relation_dialog_get_document (GlsRelationDialog *self);
GlsAnnotation     *gls_relation_dialog_get_from    (GlsRelationDialog *self);
void               gls_relation_dialog_set_filter  (GlsRelationDialog *self,
                                                    const char        *text);
gboolean           gls_relation_dialog_pick        (GlsRelationDialog *self,
                                                    GlsAnnotation     *annotation);
void               gls_relation_dialog_set_type    (GlsRelationDialog *self,
                                                    const char        *type);
GlsRelation       *gls_relation_dialog_relate      (GlsRelationDialog *self,
                                                    GError           **error);

G_END_DECLS
