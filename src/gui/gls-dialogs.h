/* gls-dialogs.h
 * Small dialogs the windows share: an error message, a chooser of
 * coders' sidecars, and the buttons of "save before closing?". */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void                  gls_dialogs_show_error          (GtkWindow  *parent,
                                                       const char *message);
GtkFileChooserNative *gls_dialogs_new_sidecar_chooser (GtkWindow  *parent,
                                                       const char *title,
                                                       const char *accept_label);
void                  gls_dialogs_add_save_buttons    (GtkDialog  *dialog);

G_END_DECLS
