/* gls-context.c
 * Handing a worker's results to the thread that owns a main context. */
#define G_LOG_DOMAIN "gls-context"

#include "config.h"

#include "gls-context-private.h"

/* Runs @function from @context's own loop, always later, never in the
 * calling thread. g_main_context_invoke_full() is not that: a worker
 * thread with no context of its own may acquire the default context
 * while the main thread is between two iterations, and would then run
 * @function itself, touching widgets from the worker. */
void
_gls_context_dispatch (GMainContext   *context,
                       int             priority,
                       GSourceFunc     function,
                       gpointer        data,
                       GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, priority);
  g_source_set_callback (source, function, data, notify);
  g_source_set_static_name (source, "[glossator] worker result");
  g_source_attach (source, context);
}
