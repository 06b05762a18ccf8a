/* gls-style-manager.h
 * Light or dark: the user's choice, or the desktop's preference. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLS_TYPE_STYLE_MANAGER (gls_style_manager_get_type ())

G_DECLARE_FINAL_TYPE (GlsStyleManager, gls_style_manager, GLS, STYLE_MANAGER, GObject)

GlsStyleManager *gls_style_manager_new      (GSettings       *settings,
                                             GtkSettings     *gtk_settings);
gboolean         gls_style_manager_get_dark (GlsStyleManager *self);

void             gls_style_get_foreground   (GtkWidget       *widget,
                                             GdkRGBA         *color);
gboolean         gls_style_is_dark          (GtkWidget       *widget);

G_END_DECLS
