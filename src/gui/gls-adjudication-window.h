/* gls-adjudication-window.h
 * The adjudication view: the article once, each coder's annotations drawn
 * in its own line style, the passage being settled beside it, and the keys
 * that settle it. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_ADJUDICATION_WINDOW (gls_adjudication_window_get_type ())

G_DECLARE_FINAL_TYPE (GlsAdjudicationWindow, gls_adjudication_window, GLS, ADJUDICATION_WINDOW, GtkWindow)

GlsAdjudicationWindow *gls_adjudication_window_new              (GtkApplication        *application,
                                                                 GlsAdjudication       *adjudication);
GlsAdjudication       *gls_adjudication_window_get_adjudication (GlsAdjudicationWindow *self);
int                    gls_adjudication_window_get_current      (GlsAdjudicationWindow *self);

G_END_DECLS
