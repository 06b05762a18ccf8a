/* gls-sidecar-shared.c
 * The sidecars of a corpus mostly carry the same copy of the codebook, which
 * is a third of the work of reading each. A thread that loads read-only
 * remembers the last copy it read, with its bytes; a sidecar whose codebook
 * element has the same bytes is read with that element emptied, and gets
 * the codebook already read. */
#define G_LOG_DOMAIN "gls-sidecar-reader"
#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <string.h>

#include "gls-sidecar-shared-private.h"
#include "gls-xml-private.h"

#define OPEN_TAG "<codebook"
#define CLOSE_TAG "</codebook>"
#define EMPTY_ELEMENT "<codebook/>"
#define DEFAULT_NAMESPACE "xmlns=\"" GLS_NAMESPACE "\""

typedef struct
{
  GBytes      *element;   /* the bytes of the codebook element */
  GlsCodebook *codebook;  /* read from them */
} Memo;

static void
memo_free (gpointer data)
{
  Memo *memo = data;

  g_bytes_unref (memo->element);
  g_object_unref (memo->codebook);
  g_free (memo);
}

static GPrivate memo_key = G_PRIVATE_INIT (memo_free);

static gsize
count (const char *data,
       gsize       len,
       const char *needle)
{
  gsize n = 0, needle_len = strlen (needle);
  const char *p = data, *end = data + len;

  while ((p = memmem (p, end - p, needle, needle_len)) != NULL)
    {
      n++;
      p += needle_len;
    }

  return n;
}

/* Whether "<!" occurs in @data: a '!' is rare, and a '<' is markup. */
static gboolean
has_declaration (const char *data,
                 gsize       len)
{
  const char *p = data, *end = data + len;

  while ((p = memchr (p, '!', end - p)) != NULL)
    {
      if (p > data && p[-1] == '<')
        return TRUE;
      p++;
    }

  return FALSE;
}

/* Where the codebook element of a sidecar is, when the bytes alone say it
 * for sure: an unprefixed element after a root whose only namespace is
 * ours, as its default, with no comment, CDATA section or declaration
 * before it or in it that could hide or fake a tag. */
static gboolean
find_element (const char *data,
              gsize       len,
              gsize      *start,
              gsize      *end)
{
  const char *open = memmem (data, len, OPEN_TAG, strlen (OPEN_TAG));
  const char *close;
  gsize before;

  if (open == NULL || open + strlen (OPEN_TAG) >= data + len)
    return FALSE;
  /* "<codebook>" or "<codebook attributes…>", not "<codebooks" nor empty */
  if (!strchr (" \t\r\n>", open[strlen (OPEN_TAG)]))
    return FALSE;

  before = open - data;
  close = memmem (open, len - before, CLOSE_TAG, strlen (CLOSE_TAG));
  if (close == NULL)
    return FALSE;

  if (has_declaration (data, close - data) ||
      memmem (data, before, "xmlns:", 6) != NULL ||
      count (data, before, "xmlns=") != 1 ||
      memmem (data, before, DEFAULT_NAMESPACE, strlen (DEFAULT_NAMESPACE)) == NULL ||
      memmem (open + 1, close - open - 1, OPEN_TAG, strlen (OPEN_TAG)) != NULL)
    return FALSE;

  *start = before;
  *end = (close - data) + strlen (CLOSE_TAG);

  return TRUE;
}

/**
 * _gls_sidecar_strip_known_codebook:
 * @codebook: (out): the codebook already read from the same bytes
 *
 * Returns: (transfer full) (nullable): @bytes with the codebook element
 *   replaced by an empty one, followed by the element's line breaks and
 *   as many spaces as its last line had characters, so that every line and
 *   column after it is where it was; or %NULL when this thread has not
 *   read the same element before
 */
GBytes *
_gls_sidecar_strip_known_codebook (GBytes       *bytes,
                                   GlsCodebook **codebook)
{
  Memo *memo = g_private_get (&memo_key);
  gsize len, start, end, element_len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *last_line;
  GString *out;

  *codebook = NULL;
  if (memo == NULL || data == NULL || !find_element (data, len, &start, &end))
    return NULL;

  element_len = end - start;
  if (element_len != g_bytes_get_size (memo->element) ||
      memcmp (data + start, g_bytes_get_data (memo->element, NULL), element_len) != 0)
    return NULL;

  out = g_string_sized_new (len - element_len + 64);
  g_string_append_len (out, data, start);
  g_string_append (out, EMPTY_ELEMENT);
  last_line = data + start;
  for (const char *p = data + start; p < data + end; p++)
    if (*p == '\n' || *p == '\r')
      {
        g_string_append_c (out, *p);
        last_line = p + 1;
      }
  {
    glong width = g_utf8_strlen (last_line, data + end - last_line);

    if (last_line == data + start)
      width -= strlen (EMPTY_ELEMENT);
    for (glong i = 0; i < width; i++)
      g_string_append_c (out, ' ');
  }
  g_string_append_len (out, data + end, len - end);

  *codebook = g_object_ref (memo->codebook);

  return g_string_free_to_bytes (out);
}

/**
 * _gls_sidecar_remember_codebook:
 *
 * After @bytes were read in full without a problem, and @codebook is
 * what their codebook element holds: the next read on this thread of a
 * sidecar with the same element may share it.
 */
void
_gls_sidecar_remember_codebook (GBytes      *bytes,
                                GlsCodebook *codebook)
{
  gsize len, start, end;
  const char *data = g_bytes_get_data (bytes, &len);
  Memo *memo;

  if (data == NULL || !find_element (data, len, &start, &end))
    return;

  memo = g_new0 (Memo, 1);
  memo->element = g_bytes_new (data + start, end - start);
  memo->codebook = g_object_ref (codebook);
  g_private_replace (&memo_key, memo);
}
