/* gls-renderer.h
 * Which of GTK's renderers draws the windows: not the GL one on a
 * software OpenGL. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean gls_renderer_is_software_gl (const char *gl_renderer);
char    *gls_renderer_dup_gl_renderer (GdkDisplay *display);
gboolean gls_renderer_choose         (GdkDisplay *display);

G_END_DECLS
