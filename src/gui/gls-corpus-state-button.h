/* gls-corpus-state-button.h
 * The state of work of one article in the corpus list: a button that
 * shows it and a menu that changes it. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_CORPUS_STATE_BUTTON (gls_corpus_state_button_get_type ())

G_DECLARE_FINAL_TYPE (GlsCorpusStateButton, gls_corpus_state_button, GLS, CORPUS_STATE_BUTTON, GtkWidget)

GlsCorpusArticle *gls_corpus_state_button_get_article (GlsCorpusStateButton *self);
void              gls_corpus_state_button_set_article (GlsCorpusStateButton *self,
                                                       GlsCorpusArticle     *article);
void              gls_corpus_state_button_popup       (GlsCorpusStateButton *self);

G_END_DECLS
