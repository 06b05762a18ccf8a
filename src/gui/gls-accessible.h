/* gls-accessible.h
 * What screen readers are told beyond what GTK 4.8 tells them itself. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        gls_accessible_name_mnemonic_buttons (GtkWidget  *root);
void        gls_accessible_set_label             (GtkWidget  *widget,
                                                  const char *label);
void        gls_accessible_name_drop_down        (GtkDropDown *drop_down,
                                                  const char  *label);
void        gls_accessible_name_drop_down_rows   (GtkDropDown *drop_down);
void        gls_accessible_name_close_button     (GtkWidget  *container,
                                                  const char *label);
const char *gls_accessible_color_name            (const char *color);

G_END_DECLS
