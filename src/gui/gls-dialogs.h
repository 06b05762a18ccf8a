/* gls-dialogs.h
 * Small dialogs the agreement and adjudication windows share: an error
 * message, and a chooser of coders' sidecars. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void                  gls_dialogs_show_error          (GtkWindow  *parent,
                                                       const char *message);
GtkFileChooserNative *gls_dialogs_new_sidecar_chooser (GtkWindow  *parent,
                                                       const char *title,
                                                       const char *accept_label);

G_END_DECLS
