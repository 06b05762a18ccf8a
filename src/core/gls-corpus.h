/* gls-corpus.h
 * A corpus is a folder: which of its files are articles, found the same
 * way by the command-line tool and the window, and the list of them that
 * fills in from a worker thread, with their annotation counts. */
#pragma once

#include <gio/gio.h>

#include "gls-corpus-article.h"
#include "gls-document.h"

G_BEGIN_DECLS

#define GLS_TYPE_CORPUS (gls_corpus_get_type ())

G_DECLARE_FINAL_TYPE (GlsCorpus, gls_corpus, GLS, CORPUS, GObject)

GlsCorpus  *gls_corpus_new             (GFile          *folder);
GFile      *gls_corpus_get_folder      (GlsCorpus      *self);
GListModel *gls_corpus_get_articles    (GlsCorpus      *self);
gboolean    gls_corpus_get_scanning    (GlsCorpus      *self);
guint       gls_corpus_get_n_counted   (GlsCorpus      *self);
const char *gls_corpus_get_problem     (GlsCorpus      *self);
void        gls_corpus_scan            (GlsCorpus      *self);
void        gls_corpus_cancel          (GlsCorpus      *self);
void        gls_corpus_set_state_async (GlsCorpus          *self,
                                        GlsCorpusArticle   *article,
                                        GlsWorkState        state,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean    gls_corpus_set_state_finish (GlsCorpus         *self,
                                         GAsyncResult      *result,
                                         GError           **error);
GlsCorpusArticle *gls_corpus_find_article  (GlsCorpus        *self,
                                            GFile            *file);
void              gls_corpus_show_document (GlsCorpus        *self,
                                            GlsCorpusArticle *article,
                                            GlsDocument      *document);
void              gls_corpus_recount       (GlsCorpus        *self,
                                            GlsCorpusArticle *article);

typedef enum
{
  GLS_CORPUS_NONE = 0,
  /* also list, as themselves, annotation files whose article is missing */
  GLS_CORPUS_ORPHAN_SIDECARS = 1 << 0,
} GlsCorpusFlags;

gboolean   gls_corpus_is_article_name (const char     *name);
GPtrArray *gls_corpus_list_articles   (const char     *folder,
                                       GlsCorpusFlags  flags,
                                       GCancellable   *cancellable,
                                       GError        **error);

G_END_DECLS
