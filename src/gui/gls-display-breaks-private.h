/* gls-display-breaks-private.h
 * Where the article view breaks a long paragraph into short display
 * paragraphs, each break a space turned into a line break. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A display paragraph ends at the first sentence end after TARGET bytes,
 * or at the last space before MAX bytes when no sentence ends there. */
#define GLS_DISPLAY_PARAGRAPH_TARGET 2048
#define GLS_DISPLAY_PARAGRAPH_MAX    4096

guint _gls_display_breaks_apply (char   *piece,
                                 gsize   len,
                                 guint   first_char,
                                 gsize  *run,
                                 GArray *breaks);

G_END_DECLS
