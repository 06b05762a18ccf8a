/* gls-article-view.h
 * The article, read-only, with every annotation drawn in its category's
 * colour: a tint over the text and one bar per overlapping annotation. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_ARTICLE_VIEW (gls_article_view_get_type ())

G_DECLARE_FINAL_TYPE (GlsArticleView, gls_article_view, GLS, ARTICLE_VIEW, GtkTextView)

GtkWidget     *gls_article_view_new                (void);
GlsDocument   *gls_article_view_get_document       (GlsArticleView *self);
void           gls_article_view_set_document       (GlsArticleView *self,
                                                    GlsDocument    *document);
gboolean       gls_article_view_get_filling        (GlsArticleView *self);
void           gls_article_view_show_source        (GlsArticleView *self,
                                                    GlsSource      *source);
GlsAnnotation *gls_article_view_get_selected       (GlsArticleView *self);
void           gls_article_view_set_selected       (GlsArticleView *self,
                                                    GlsAnnotation  *annotation);
void           gls_article_view_scroll_to          (GlsArticleView *self,
                                                    GlsAnnotation  *annotation);
gboolean       gls_article_view_get_selection      (GlsArticleView *self,
                                                    gboolean        snap_to_words,
                                                    GlsSpan        *span);
void           gls_article_view_select_range       (GlsArticleView *self,
                                                    guint           start,
                                                    guint           end);
void           gls_article_view_get_span_rects     (GlsArticleView *self,
                                                    guint           start,
                                                    guint           end,
                                                    GArray         *rects);
void           gls_article_view_get_drawn_rects    (GlsArticleView *self,
                                                    GlsAnnotation  *annotation,
                                                    GArray         *rects);
guint          gls_article_view_get_n_drawn        (GlsArticleView *self);
void           gls_article_view_set_related        (GlsArticleView *self,
                                                    GPtrArray      *annotations);
gboolean       gls_article_view_is_related         (GlsArticleView *self,
                                                    GlsAnnotation  *annotation);
void           gls_article_view_set_high_contrast  (GlsArticleView *self,
                                                    gboolean        high_contrast);
gboolean       gls_article_view_get_high_contrast  (GlsArticleView *self);

G_END_DECLS
