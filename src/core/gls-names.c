/* gls-names.c
 * Which names XML accepts as ids (NCName), text cleaned of the characters
 * XML 1.0 cannot hold, for notes, labels and attribute values, and the
 * schemas' counts and dates as libxml2 reads them. */
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

  /* libxml2 prints its own parser error on standard error for a
   * character XML cannot hold (U+FFFE, a control): refused here first */
  if (!g_utf8_validate (str, -1, NULL) || _gls_find_non_xml_char (str) != NULL)
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
 * _gls_find_non_xml_char:
 * @text: valid UTF-8
 *
 * Returns: (nullable): the first character of @text that an XML file
 *   cannot hold, or %NULL when there is none
 */
const char *
_gls_find_non_xml_char (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!_gls_is_xml_char (g_utf8_get_char (p)))
      return p;

  return NULL;
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

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  return p;
}

/* Reads the digits at *@p, at least one, as a number of at most @max.
 * This is what g_ascii_string_to_unsigned() does in base 10, but it is
 * safe in threads: GLib 2.74 sets up its C locale on the first call and,
 * when two threads make that call at once, the waiting one sees errno
 * changed and refuses a good number, so parsing sidecars in parallel
 * read "2130" as not a number now and then. */
static gboolean
parse_digits (const char **p,
              guint64      max,
              guint64     *value)
{
  const char *start = *p;
  guint64 number = 0;

  for (; g_ascii_isdigit (**p); (*p)++)
    {
      guint digit = (guint) (**p - '0');

      if (digit > max || number > (max - digit) / 10)
        return FALSE;
      number = 10 * number + digit;
    }

  if (*p == start)
    return FALSE;

  *value = number;
  return TRUE;
}

/**
 * _gls_parse_unsigned:
 *
 * Reads @text, decimal digits and nothing else, as a number of at most
 * @max, in any thread.
 *
 * Returns: %TRUE with @value set, or %FALSE (and @value untouched)
 */
gboolean
_gls_parse_unsigned (const char *text,
                     guint64     max,
                     guint64    *value)
{
  guint64 number;

  if (text == NULL || !parse_digits (&text, max, &number) || *text != '\0')
    return FALSE;

  *value = number;
  return TRUE;
}

/**
 * _gls_parse_count:
 *
 * Reads an attribute's value that _gls_is_count() accepts (blanks and a
 * "+" allowed) as a number of at most @max, in any thread.
 *
 * Returns: %TRUE with @number set, or %FALSE (and @number untouched)
 */
gboolean
_gls_parse_count (const char *value,
                  guint64     max,
                  guint64    *number)
{
  const char *p;
  guint64 parsed;

  if (value == NULL || !_gls_is_count (value))
    return FALSE;

  p = skip_blanks (value);
  if (*p == '+')
    p++;
  if (!parse_digits (&p, max, &parsed))
    return FALSE;

  *number = parsed;
  return TRUE;
}

/* xsd:nonNegativeInteger as libxml2 takes it: blanks, an optional "+",
 * 1 to 24 digits, blanks. */
gboolean
_gls_is_count (const char *value)
{
  const char *p = skip_blanks (value);
  guint digits = 0;

  if (*p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      digits++;
    }

  return digits >= 1 && digits <= 24 && *skip_blanks (p) == '\0';
}

static gboolean
digits (const char **p,
        guint        n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit ((*p)[i]))
      return FALSE;
  *p += n;
  return TRUE;
}

static guint
number (const char *p,
        guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = 10 * value + (guint) (p[i] - '0');
  return value;
}

/**
 * _gls_limit_text:
 *
 * Cuts *@text to GLS_MAX_TEXT_CHARS characters, if it is longer.
 *
 * Returns: whether it was cut
 */
gboolean
_gls_limit_text (char **text)
{
  const char *end;

  if (*text == NULL || strlen (*text) <= GLS_MAX_TEXT_CHARS)
    return FALSE;
  if (g_utf8_strlen (*text, -1) <= GLS_MAX_TEXT_CHARS)
    return FALSE;

  end = g_utf8_offset_to_pointer (*text, GLS_MAX_TEXT_CHARS);
  (*text)[end - *text] = '\0';

  return TRUE;
}

/* xsd:dateTime: -?YYYY+-MM-DDThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?, and a day
 * that the month has (no 30 February) */
gboolean
_gls_is_date_time (const char *value)
{
  const char *p = skip_blanks (value);
  const char *q;
  guint year_digits = 0;

  if (*p == '-')
    p++;
  while (g_ascii_isdigit (p[year_digits]))
    year_digits++;
  if (year_digits < 4)
    return FALSE;
  p += year_digits;

  q = p;
  if (*q++ != '-' || !digits (&q, 2) || *q++ != '-' || !digits (&q, 2) || *q++ != 'T' ||
      !digits (&q, 2) || *q++ != ':' || !digits (&q, 2) || *q++ != ':' || !digits (&q, 2))
    return FALSE;
  if (number (p + 1, 2) < 1 || number (p + 1, 2) > 12 || number (p + 4, 2) < 1 || number (p + 4, 2) > 31 ||
      number (p + 7, 2) > 23 || number (p + 10, 2) > 59 || number (p + 13, 2) > 59)
    return FALSE;
  /* the calendar, for the years GDate knows (1 to 65535) */
  if (*skip_blanks (value) != '-' && year_digits <= 5)
    {
      guint year = number (p - year_digits, year_digits);

      if (year >= 1 && year <= G_MAXUINT16 &&
          !g_date_valid_dmy ((GDateDay) number (p + 4, 2), (GDateMonth) number (p + 1, 2), (GDateYear) year))
        return FALSE;
    }

  if (*q == '.')
    {
      q++;
      if (!g_ascii_isdigit (*q))
        return FALSE;
      while (g_ascii_isdigit (*q))
        q++;
    }

  if (*q == 'Z')
    q++;
  else if (*q == '+' || *q == '-')
    {
      const char *zone = ++q;

      if (!digits (&q, 2) || *q++ != ':' || !digits (&q, 2))
        return FALSE;
      if (number (zone, 2) > 14 || number (zone + 3, 2) > 59 || (number (zone, 2) == 14 && number (zone + 3, 2) != 0))
        return FALSE;
    }

  return *skip_blanks (q) == '\0';
}
