/* gls-focus-return.h
 * The keyboard focus comes back from a menu that closed without giving
 * it back. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gls_focus_return_watch (GtkWindow *window);

G_END_DECLS
