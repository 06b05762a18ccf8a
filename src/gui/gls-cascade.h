/* gls-cascade.h
 * A new window of ours does not open exactly over another one. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gls_cascade_window (GtkWindow *window);

G_END_DECLS
