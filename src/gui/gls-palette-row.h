/* gls-palette-row.h
 * One category of the codebook palette: colour, key, label, count. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_PALETTE_ROW (gls_palette_row_get_type ())

G_DECLARE_FINAL_TYPE (GlsPaletteRow, gls_palette_row, GLS, PALETTE_ROW, GtkListBoxRow)

GtkWidget   *gls_palette_row_new          (GlsCategory   *category);
char        *gls_palette_row_dup_key_label (GlsCategory  *category);
GlsCategory *gls_palette_row_get_category (GlsPaletteRow *self);
void         gls_palette_row_set_pattern  (GlsPaletteRow *self,
                                           guint          pattern);
void         gls_palette_row_set_count    (GlsPaletteRow *self,
                                           guint          count);

G_END_DECLS
