/* gls-preferences-window.h
 * The preferences, each bound to its GSettings key, and the codebook
 * chooser that they and the window share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLS_TYPE_PREFERENCES_WINDOW (gls_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GlsPreferencesWindow, gls_preferences_window, GLS, PREFERENCES_WINDOW, GtkWindow)

GtkWidget            *gls_preferences_window_new (GtkWindow  *parent);
GtkFileChooserNative *gls_codebook_chooser_new   (GtkWindow  *parent,
                                                  const char *title);

G_END_DECLS
