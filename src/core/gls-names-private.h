/* gls-names-private.h
 * Small text rules shared by the whole core: which names XML accepts as
 * ids, and which characters an XML file can hold. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  _gls_is_ncname        (const char *str);
gboolean  _gls_is_xml_char      (gunichar    c);
char     *_gls_clean_xml_text   (const char *text);

G_END_DECLS
