/* gls-corpus-window.h
 * A folder opened as a corpus: its articles with their annotation counts,
 * filled in as a worker thread reads them; activating one opens it. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"
#include "gls-corpus-search-panel.h"
#include "gls-corpus-statistics.h"

G_BEGIN_DECLS

#define GLS_TYPE_CORPUS_WINDOW (gls_corpus_window_get_type ())

G_DECLARE_FINAL_TYPE (GlsCorpusWindow, gls_corpus_window, GLS, CORPUS_WINDOW, GtkApplicationWindow)

GlsCorpusWindow *gls_corpus_window_new        (GtkApplication  *application,
                                               GFile           *folder);
GFile           *gls_corpus_window_get_folder (GlsCorpusWindow *self);
GlsCorpus       *gls_corpus_window_get_corpus (GlsCorpusWindow *self);
GListModel      *gls_corpus_window_get_shown  (GlsCorpusWindow *self);
void             gls_corpus_window_set_state  (GlsCorpusWindow  *self,
                                               GlsCorpusArticle *article,
                                               GlsWorkState      state);
GlsCorpusSearchPanel *gls_corpus_window_get_search_panel (GlsCorpusWindow *self);
void             gls_corpus_window_export_statistics (GlsCorpusWindow *self,
                                                      GFile           *file);
GlsCorpusStatistics *gls_corpus_window_get_statistics (GlsCorpusWindow *self);

G_END_DECLS
