/* gls-corpus-article.h
 * One article of a corpus as the corpus list shows it: its name in the
 * folder and, once read, how many annotations it has and how far the
 * work on it has got. */
#pragma once

#include <gio/gio.h>

#include "gls-work-state.h"

G_BEGIN_DECLS

#define GLS_TYPE_CORPUS_ARTICLE (gls_corpus_article_get_type ())

G_DECLARE_FINAL_TYPE (GlsCorpusArticle, gls_corpus_article, GLS, CORPUS_ARTICLE, GObject)

GlsCorpusArticle *gls_corpus_article_new               (GFile            *file,
                                                        const char       *name);
GFile            *gls_corpus_article_get_file          (GlsCorpusArticle *self);
const char       *gls_corpus_article_get_name          (GlsCorpusArticle *self);
int               gls_corpus_article_get_n_annotations (GlsCorpusArticle *self);
guint             gls_corpus_article_get_n_orphaned    (GlsCorpusArticle *self);
guint             gls_corpus_article_get_n_fuzzy       (GlsCorpusArticle *self);
const char       *gls_corpus_article_get_problem       (GlsCorpusArticle *self);
void              gls_corpus_article_set_counts        (GlsCorpusArticle *self,
                                                        int               n_annotations,
                                                        guint             n_orphaned,
                                                        guint             n_fuzzy,
                                                        const char       *problem);
GlsWorkState      gls_corpus_article_get_state         (GlsCorpusArticle *self);
void              gls_corpus_article_set_state         (GlsCorpusArticle *self,
                                                        GlsWorkState      state);
GPtrArray        *gls_corpus_article_get_categories    (GlsCorpusArticle *self);
void              gls_corpus_article_set_categories    (GlsCorpusArticle *self,
                                                        GPtrArray        *categories);
gboolean          gls_corpus_article_get_modified      (GlsCorpusArticle *self);
void              gls_corpus_article_set_modified      (GlsCorpusArticle *self,
                                                        gboolean          modified);

G_END_DECLS
