/* gls-window-private.h
 * What the tests may do to a window that users do with the mouse. */
#pragma once

#include "gls-window.h"

G_BEGIN_DECLS

enum {
  GLS_RESPONSE_RESTORE = 1,
  GLS_RESPONSE_DISCARD_DRAFT,
  GLS_RESPONSE_DELETE_ORPHANS,
  GLS_RESPONSE_RELOAD,
  GLS_RESPONSE_KEEP_MINE,
  GLS_RESPONSE_MERGE,
};

void  _gls_window_respond   (GlsWindow  *self,
                            int         response);
void  _gls_window_filter    (GlsWindow  *self,
                            const char *text,
                            guint       category);
guint _gls_window_n_listed  (GlsWindow  *self);

G_END_DECLS
