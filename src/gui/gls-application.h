/* gls-application.h
 * The application: one window per article, opened files brought forward. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLS_TYPE_APPLICATION (gls_application_get_type ())

G_DECLARE_FINAL_TYPE (GlsApplication, gls_application, GLS, APPLICATION, GtkApplication)

GlsApplication *gls_application_new (const char        *application_id,
                                     GApplicationFlags  flags);

G_END_DECLS
