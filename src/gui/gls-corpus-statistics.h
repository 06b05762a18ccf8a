/* gls-corpus-statistics.h
 * The statistics page of the corpus window: annotations per category of
 * the articles listed as bars, and each article's categories as a stacked
 * bar, updated while the counts fill in. */
#pragma once

#include <gtk/gtk.h>

#include "gls-bar-chart.h"

G_BEGIN_DECLS

#define GLS_TYPE_CORPUS_STATISTICS (gls_corpus_statistics_get_type ())

G_DECLARE_FINAL_TYPE (GlsCorpusStatistics, gls_corpus_statistics, GLS, CORPUS_STATISTICS, GtkWidget)

void         gls_corpus_statistics_set_model    (GlsCorpusStatistics *self,
                                                 GListModel          *articles);
void         gls_corpus_statistics_queue_update (GlsCorpusStatistics *self);
GlsBarChart *gls_corpus_statistics_get_chart    (GlsCorpusStatistics *self);

G_END_DECLS
