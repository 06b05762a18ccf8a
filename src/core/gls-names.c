/* gls-names.c
 * Which names XML accepts as ids (NCName), and text cleaned of the
 * characters XML 1.0 cannot hold, for notes, labels and attribute values. */
#define G_LOG_DOMAIN "gls-names"

#include "config.h"

#include <string.h>
#include <libxml/tree.h>

#include "gls-names-private.h"

gboolean
_gls_is_ncname (const char *str)
{
  if (str == NULL || *str == '\0')
    return FALSE;

  return xmlValidateNCName (BAD_CAST str, 0) == 0;
}

/* The characters XML 1.0 allows (its production Char). */
gboolean
_gls_is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * _gls_clean_xml_text:
 *
 * Returns: (transfer full) (nullable): @text without the characters an
 *   XML file cannot hold
 */
char *
_gls_clean_xml_text (const char *text)
{
  GString *str;

  if (text == NULL)
    return NULL;

  str = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_gls_is_xml_char (c))
        g_string_append_unichar (str, c);
    }

  return g_string_free (str, FALSE);
}
