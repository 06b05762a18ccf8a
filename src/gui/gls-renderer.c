/* gls-renderer.c
 * GTK 4.8 draws with OpenGL wherever it finds it, also when that OpenGL
 * is a software one (Mesa's llvmpipe: virtual machines, remote desktops,
 * machines without a GPU driver). There its GL renderer draws the whole
 * window for every change, which took 40-55 ms a frame on two cores, so
 * that each key of a researcher coding an article waited for it; the
 * Cairo renderer draws only what changed (a key 15 ms). GTK itself stops
 * using its GL renderers on llvmpipe from 4.14 on; with 4.8 Glossator
 * makes the choice, once, before the first window: GSK_RENDERER, when the
 * user has set it, still decides. */
#define G_LOG_DOMAIN "gls-renderer"

#include "config.h"

#include <string.h>
#include <epoxy/gl.h>

#include "gls-renderer.h"

/**
 * gls_renderer_is_software_gl:
 * @gl_renderer: (nullable): an OpenGL implementation's GL_RENDERER
 *
 * Returns: whether it draws with the CPU
 */
gboolean
gls_renderer_is_software_gl (const char *gl_renderer)
{
  static const char *software[] = { "llvmpipe", "softpipe", "swrast", "Software Rasterizer", NULL };

  if (gl_renderer == NULL)
    return FALSE;

  for (guint i = 0; software[i] != NULL; i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * gls_renderer_dup_gl_renderer:
 *
 * Returns: (transfer full) (nullable): what @display's OpenGL says it is
 *   (GL_RENDERER), or %NULL where there is none
 */
char *
gls_renderer_dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *renderer;

  if ((context = gdk_display_create_gl_context (display, &error)) == NULL ||
      !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return renderer;
}

/**
 * gls_renderer_choose:
 *
 * Before any window of @display is shown: has GTK draw with Cairo when
 * its OpenGL is a software one and the user has not chosen a renderer
 * in GSK_RENDERER.
 *
 * Returns: whether Cairo was chosen
 */
gboolean
gls_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;

  gl_renderer = gls_renderer_dup_gl_renderer (display);
  if (!gls_renderer_is_software_gl (gl_renderer))
    return FALSE;

  g_debug ("OpenGL is %s, drawn by the CPU: the windows are drawn with Cairo", gl_renderer);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  return TRUE;
}
