/* gls-sidebar-private.h
 * What the window's tests may do to the side panel's list. */
#pragma once

#include "gls-sidebar.h"

G_BEGIN_DECLS

void     _gls_sidebar_filter       (GlsSidebar *self,
                                    const char *text,
                                    guint       category);
guint    _gls_sidebar_n_listed     (GlsSidebar *self);
gboolean _gls_sidebar_is_searching (GlsSidebar *self);

G_END_DECLS
