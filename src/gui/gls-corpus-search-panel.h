/* gls-corpus-search-panel.h
 * Search across a corpus (GlsCorpusSearch): text in articles, text in
 * notes, by category; the hits as snippets, each opening its article in
 * a window at the match. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_CORPUS_SEARCH_PANEL (gls_corpus_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (GlsCorpusSearchPanel, gls_corpus_search_panel, GLS, CORPUS_SEARCH_PANEL, GtkWidget)

void             gls_corpus_search_panel_set_folder (GlsCorpusSearchPanel *self,
                                                     GFile                *folder);
GlsCorpusSearch *gls_corpus_search_panel_get_search (GlsCorpusSearchPanel *self);
void             gls_corpus_search_panel_search     (GlsCorpusSearchPanel *self,
                                                     const char           *text,
                                                     GlsSearchScope        scope,
                                                     const char           *category);
void             gls_corpus_search_panel_open_hit   (GlsCorpusSearchPanel *self,
                                                     guint                 position);

G_END_DECLS
