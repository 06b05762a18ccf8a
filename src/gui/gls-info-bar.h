/* gls-info-bar.h
 * The bar above the article that says what happened and what the user may do. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

/* What the bar is about: it decides which buttons show. */
typedef enum
{
  GLS_INFO_NONE,
  GLS_INFO_BROKEN_SIDECAR,   /* no buttons: the first save moves the file aside */
  GLS_INFO_DRAFT,            /* Restore, Discard */
  GLS_INFO_REANCHORED,       /* Review: the annotations followed a changed article */
  GLS_INFO_ARTICLE_CHANGED,  /* Reload Article */
  GLS_INFO_CHANGED_ON_DISK,  /* Merge, Reload, Keep My Version */
  GLS_INFO_MESSAGE,          /* no buttons */
} GlsInfoKind;

#define GLS_TYPE_INFO_BAR (gls_info_bar_get_type ())

G_DECLARE_FINAL_TYPE (GlsInfoBar, gls_info_bar, GLS, INFO_BAR, GtkWidget)

void         gls_info_bar_show             (GlsInfoBar     *self,
                                            GlsInfoKind     kind,
                                            GtkMessageType  type,
                                            const char     *text);
void         gls_info_bar_clear            (GlsInfoBar     *self);
GlsInfoKind  gls_info_bar_get_kind         (GlsInfoBar     *self);
const char  *gls_info_bar_get_text         (GlsInfoBar     *self);
void         gls_info_bar_set_action_prefix (GlsInfoBar    *self,
                                            const char     *prefix);
gboolean     gls_info_bar_offer_draft      (GlsInfoBar     *self,
                                            GlsDocumentFile *document_file);
void         gls_info_bar_show_draft_error (GlsInfoBar     *self,
                                            const GError   *error);
void         gls_info_bar_show_sidecar_changed (GlsInfoBar *self);

G_END_DECLS
