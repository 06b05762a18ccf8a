/* gls-article-view-private.h
 * What the tests may do to the article view that users do with the mouse. */
#pragma once

#include "gls-article-view.h"

G_BEGIN_DECLS

void       _gls_article_view_click       (GlsArticleView *self,
                                          double          x,
                                          double          y);
GtkWidget *_gls_article_view_get_popover (GlsArticleView *self);

G_END_DECLS
