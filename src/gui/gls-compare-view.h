/* gls-compare-view.h
 * The second article of a comparison, beside the window's own: its text,
 * its side panel, the gutter that draws the links between the two, and
 * the list of those links. It owns the second article's files. */
#pragma once

#include <gtk/gtk.h>

#include "gls-article-view.h"
#include "gls-core.h"
#include "gls-info-bar.h"
#include "gls-sidebar.h"

G_BEGIN_DECLS

#define GLS_TYPE_COMPARE_VIEW (gls_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (GlsCompareView, gls_compare_view, GLS, COMPARE_VIEW, GtkWidget)

GlsCompareView  *gls_compare_view_new               (GlsLinkResolver *resolver);
void             gls_compare_view_open              (GlsCompareView  *self,
                                                     GFile           *file);
GFile           *gls_compare_view_get_file          (GlsCompareView  *self);
GlsDocument     *gls_compare_view_get_document      (GlsCompareView  *self);
GlsDocumentFile *gls_compare_view_get_document_file (GlsCompareView  *self);
GlsArticleView  *gls_compare_view_get_article_view  (GlsCompareView  *self);
GlsSidebar      *gls_compare_view_get_sidebar       (GlsCompareView  *self);
GlsInfoBar      *gls_compare_view_get_info_bar      (GlsCompareView  *self);
void             gls_compare_view_set_primary       (GlsCompareView  *self,
                                                     GlsArticleView  *view,
                                                     GlsDocument     *document);
gboolean         gls_compare_view_get_active        (GlsCompareView  *self);
void             gls_compare_view_set_active        (GlsCompareView  *self,
                                                     gboolean         active);
void             gls_compare_view_save              (GlsCompareView  *self);
gboolean         gls_compare_view_is_busy           (GlsCompareView  *self);
guint            gls_compare_view_get_n_links       (GlsCompareView  *self);
guint            gls_compare_view_get_n_drawn_links (GlsCompareView  *self);
GtkWidget       *gls_compare_view_get_link_list     (GlsCompareView  *self);
void             gls_compare_view_filter_links      (GlsCompareView  *self,
                                                     const char      *type);

G_END_DECLS
