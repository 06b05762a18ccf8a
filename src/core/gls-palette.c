/* gls-palette.c
 * Distinguishable, readable colours for categories, and free keys. */
#define G_LOG_DOMAIN "gls-palette"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gls-palette.h"

/* Ten hues far apart on the colour wheel, each dark enough that the
 * article's text stays readable over its highlight in both styles (the
 * test "palette/readable" checks every one). Yellow is GNOME's darker
 * yellow: the lighter ones wash out white text in the dark style. */
static const char * const palette[] = {
  "#3584e4", /* blue */
  "#e01b24", /* red */
  "#2ec27e", /* green */
  "#ff7800", /* orange */
  "#9141ac", /* purple */
  "#e5a50a", /* yellow */
  "#986a44", /* brown */
  "#c061cb", /* pink */
  "#12a4a4", /* teal */
  "#8a9a1b", /* olive */
  NULL
};

/* How the article view paints a highlight (gls-article-view-highlights.c):
 * the category's colour at this opacity over the view's background, under
 * the view's text. The selected highlight is the strongest tint, so the
 * hardest case for the text; Adwaita's view colours. */
#define LIGHT_TINT 0.40
#define DARK_TINT  0.55
static const double light_background[3] = { 1.0, 1.0, 1.0 };
static const double light_text[3] = { 0.2, 0.2, 0.2 };         /* black at 80 % */
static const double dark_background[3] = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0 };
static const double dark_text[3] = { 1.0, 1.0, 1.0 };

/**
 * gls_palette_get_colors:
 *
 * Returns: (transfer none) (array zero-terminated=1): the palette, as
 *   `#rrggbb`, in the order new categories take them
 */
const char * const *
gls_palette_get_colors (guint *n_colors)
{
  if (n_colors != NULL)
    *n_colors = G_N_ELEMENTS (palette) - 1;

  return palette;
}

/**
 * gls_color_parse:
 * @color: a colour as a codebook holds it, `#rrggbb`
 * @rgb: (out): its red, green and blue, from 0 to 1
 */
gboolean
gls_color_parse (const char *color,
                 double      rgb[3])
{
  g_return_val_if_fail (rgb != NULL, FALSE);

  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int hi = g_ascii_xdigit_value (color[1 + 2 * i]);
      int lo = g_ascii_xdigit_value (color[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      rgb[i] = (hi * 16 + lo) / 255.0;
    }

  return TRUE;
}

static double
relative_luminance (const double rgb[3])
{
  static const double weights[3] = { 0.2126, 0.7152, 0.0722 };
  double luminance = 0;

  for (guint i = 0; i < 3; i++)
    {
      double c = rgb[i];

      c = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
      luminance += weights[i] * c;
    }

  return luminance;
}

/**
 * gls_color_contrast:
 *
 * Returns: the contrast ratio of two colours, from 1 to 21, as WCAG 2
 *   defines it
 */
double
gls_color_contrast (const double a[3],
                    const double b[3])
{
  double la = relative_luminance (a);
  double lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * gls_color_text_contrast:
 * @dark: the dark style rather than the light one
 *
 * Returns: the contrast of the article's text over a selected highlight
 *   of @color, or 0 if @color is not a colour; below
 *   %GLS_MIN_TEXT_CONTRAST the text is hard to read
 */
double
gls_color_text_contrast (const char *color,
                         gboolean    dark)
{
  const double *background = dark ? dark_background : light_background;
  double alpha = dark ? DARK_TINT : LIGHT_TINT;
  double rgb[3], tint[3];

  if (!gls_color_parse (color, rgb))
    return 0;

  for (guint i = 0; i < 3; i++)
    tint[i] = alpha * rgb[i] + (1 - alpha) * background[i];

  return gls_color_contrast (tint, dark ? dark_text : light_text);
}

/**
 * gls_codebook_pick_color:
 *
 * Returns: the first palette colour no category of @codebook uses, or,
 *   when all are taken, the one fewest categories use
 */
const char *
gls_codebook_pick_color (GlsCodebook *codebook)
{
  guint uses[G_N_ELEMENTS (palette)] = { 0, };
  guint n = gls_codebook_get_n_categories (codebook);
  guint best = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *color = gls_category_get_color (gls_codebook_get_category (codebook, i));

      for (guint j = 0; color != NULL && palette[j] != NULL; j++)
        if (g_ascii_strcasecmp (color, palette[j]) == 0)
          uses[j]++;
    }

  for (guint j = 1; palette[j] != NULL; j++)
    if (uses[j] < uses[best])
      best = j;

  return palette[best];
}

/**
 * gls_codebook_pick_key:
 *
 * Returns: the lowest key from 1 to 9 no category of @codebook has, or 0
 *   when all nine are taken
 */
guint
gls_codebook_pick_key (GlsCodebook *codebook)
{
  for (guint key = 1; key <= 9; key++)
    if (gls_codebook_lookup_key (codebook, key) == NULL)
      return key;

  return 0;
}

/**
 * gls_codebook_pick_alt_key:
 *
 * Returns: the lowest digit from 1 to 9 whose Alt+digit no category of
 *   @codebook has, or 0 when all nine are taken
 */
guint
gls_codebook_pick_alt_key (GlsCodebook *codebook)
{
  for (guint key = 1; key <= 9; key++)
    if (gls_codebook_lookup_alt_key (codebook, key) == NULL)
      return key;

  return 0;
}

/**
 * gls_codebook_give_free_key:
 *
 * Gives @category, which has no shortcut yet, the first free key of
 * @codebook: 1 to 9, then Alt+1 to Alt+9 once those are taken, then none.
 */
void
gls_codebook_give_free_key (GlsCodebook *codebook,
                            GlsCategory *category)
{
  guint key;

  g_return_if_fail (GLS_IS_CODEBOOK (codebook));
  g_return_if_fail (GLS_IS_CATEGORY (category));

  if ((key = gls_codebook_pick_key (codebook)) != 0)
    gls_category_set_key (category, key);
  else
    gls_category_set_alt_key (category, gls_codebook_pick_alt_key (codebook));
}
