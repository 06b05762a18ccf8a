/* gls-palette.h
 * The colours offered to new categories, chosen to be told apart and to
 * keep the article's text readable under their highlight in the light and
 * the dark style, and the free colour and key of a codebook. */
#pragma once

#include "gls-codebook.h"

G_BEGIN_DECLS

/* The text over a highlight must reach this contrast ratio (WCAG AA). */
#define GLS_MIN_TEXT_CONTRAST 4.5

const char * const *gls_palette_get_colors     (guint        *n_colors);
gboolean            gls_color_parse            (const char   *color,
                                                double        rgb[3]);
double              gls_color_contrast         (const double  a[3],
                                                const double  b[3]);
double              gls_color_text_contrast    (const char   *color,
                                                gboolean      dark);
const char         *gls_codebook_pick_color    (GlsCodebook  *codebook);
guint               gls_codebook_pick_key      (GlsCodebook  *codebook);
guint               gls_codebook_pick_alt_key  (GlsCodebook  *codebook);
void                gls_codebook_give_free_key (GlsCodebook  *codebook,
                                                GlsCategory  *category);

G_END_DECLS
