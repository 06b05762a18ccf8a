/* gls-settings.h
 * The application's settings, found even where the installed schema is not
 * on the desktop's search path. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettingsSchema *gls_settings_lookup_schema (void);
GSettings       *gls_settings_new           (void);
char            *gls_settings_dup_annotator (GSettings *settings);

G_END_DECLS
