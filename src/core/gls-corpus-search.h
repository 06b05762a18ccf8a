/* gls-corpus-search.h
 * Searching a corpus: the text of its articles, the notes of their
 * annotations, or the annotations of one category; a worker thread reads
 * the articles and the hits fill a list as they are found. */
#pragma once

#include <gio/gio.h>

#include "gls-search-hit.h"
#include "gls-source.h"

G_BEGIN_DECLS

#define GLS_TYPE_CORPUS_SEARCH (gls_corpus_search_get_type ())

G_DECLARE_FINAL_TYPE (GlsCorpusSearch, gls_corpus_search, GLS, CORPUS_SEARCH, GObject)

typedef enum
{
  GLS_SEARCH_TEXT,    /* the articles' text */
  GLS_SEARCH_NOTES,   /* the notes of their annotations */
} GlsSearchScope;

GlsCorpusSearch *gls_corpus_search_new           (GFile           *folder);
GListModel      *gls_corpus_search_get_hits      (GlsCorpusSearch *self);
gboolean         gls_corpus_search_get_searching (GlsCorpusSearch *self);
void             gls_corpus_search_start         (GlsCorpusSearch *self,
                                                  const char      *text,
                                                  GlsSearchScope   scope,
                                                  const char      *category);
void             gls_corpus_search_cancel        (GlsCorpusSearch *self);

GArray          *gls_text_find_all               (const char      *text,
                                                  gsize            n_bytes,
                                                  const char      *needle);

G_END_DECLS
