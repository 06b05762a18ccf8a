/* gls-names-private.h
 * Small text rules shared by the whole core: which names XML accepts as
 * ids, which characters an XML file can hold, which counts and dates the
 * schemas accept, and setting a string field. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One set of limits, applied wherever data enters (an import, a note
 * edited, a codebook read), so that what is written always loads again. */
#define GLS_MAX_TEXT_CHARS     1000000   /* a note, an attribute's value */
#define GLS_MAX_CATEGORY_DEPTH 16        /* categories nested in categories */

gboolean    _gls_is_ncname          (const char  *str);
gboolean    _gls_is_xml_char        (gunichar     c);
const char *_gls_find_non_xml_char  (const char  *text);
char       *_gls_clean_xml_text     (const char  *text);
gboolean    _gls_limit_text         (char       **text);
gboolean    _gls_is_count           (const char  *value);
gboolean    _gls_parse_unsigned     (const char  *text,
                                     guint64      max,
                                     guint64     *value);
gboolean    _gls_parse_count        (const char  *value,
                                     guint64      max,
                                     guint64     *number);
gboolean    _gls_is_date_time       (const char  *value);

static inline void
_gls_set_string (char       **field,
                 const char  *value)
{
  if (*field != value)
    {
      char *copy = g_strdup (value);
      g_free (*field);
      *field = copy;
    }
}

G_END_DECLS
