/* gls-context-private.h
 * Handing a worker's results to the thread that owns a main context. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void _gls_context_dispatch (GMainContext   *context,
                            int             priority,
                            GSourceFunc     function,
                            gpointer        data,
                            GDestroyNotify  notify);

G_END_DECLS
