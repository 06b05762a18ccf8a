/* gls-corpus.h
 * A corpus is a folder: which of its files are articles, found the same
 * way by the command-line tool and the window. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

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
