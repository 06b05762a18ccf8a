/* gls-agreement-dialog.h
 * How far the coders of the open article agree: the figures per category
 * and the passages where they differ, each of which opens in the text. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_AGREEMENT_DIALOG (gls_agreement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlsAgreementDialog, gls_agreement_dialog, GLS, AGREEMENT_DIALOG, GtkWindow)

GlsAgreementDialog *gls_agreement_dialog_new              (GtkWindow          *parent,
                                                           GlsDocument        *document);
gboolean            gls_agreement_dialog_add_file         (GlsAgreementDialog *self,
                                                           GFile              *sidecar,
                                                           GError            **error);
void                gls_agreement_dialog_set_by_annotator (GlsAgreementDialog *self,
                                                           gboolean            by_annotator);
GListModel         *gls_agreement_dialog_get_disagreements (GlsAgreementDialog *self);
void                gls_agreement_dialog_open_passage     (GlsAgreementDialog *self,
                                                           guint               position);
char               *_gls_agreement_dialog_dup_table       (GlsAgreementDialog *self);
const char         *_gls_agreement_dialog_get_notes       (GlsAgreementDialog *self);

G_END_DECLS
