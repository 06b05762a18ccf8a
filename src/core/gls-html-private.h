/* gls-html-private.h
 * HTML articles (FORMAT.md §5): which files are HTML, the encoding a page
 * declares, and its extracted text, the text that annotations count in. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  _gls_html_is_html        (const char   *name,
                                    const guint8 *data,
                                    gsize         len);
char     *_gls_html_sniff_encoding (const guint8 *data,
                                    gsize         len);
char     *_gls_html_extract        (const char   *utf8,
                                    gsize         len,
                                    gsize        *out_len);

G_END_DECLS
