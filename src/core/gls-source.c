/* gls-source.c
 * Decoding an article exactly as FORMAT.md §5 says, and fast conversion of
 * code point offsets to positions in the decoded text. */
#define G_LOG_DOMAIN "gls-source"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-error.h"
#include "gls-source-private.h"
#include "gls-names-private.h"
#include "gls-file-reader.h"
#include "gls-html-private.h"

/* One entry of the offset index every this many code points. */
#define INDEX_STRIDE 32

struct _GlsSource
{
  GObject      parent_instance;

  /* Owned */
  GFile       *file;
  char        *display_name;
  char        *text;
  char        *encoding;
  char        *sha256;
  gsize       *index;

  gsize        n_bytes;
  guint        length;
  GlsNewlines  newlines;
  GlsSourceKind kind;
  guint        bom : 1;
  guint        ascii : 1;
};

G_DEFINE_FINAL_TYPE (GlsSource, gls_source, G_TYPE_OBJECT)

/* Windows-1252 as the WHATWG Encoding Standard defines it: the five
 * undefined bytes map to the C1 controls of the same value. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
gls_source_finalize (GObject *object)
{
  GlsSource *self = (GlsSource *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->index, g_free);

  G_OBJECT_CLASS (gls_source_parent_class)->finalize (object);
}

static void
gls_source_class_init (GlsSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_source_finalize;
}

static void
gls_source_init (GlsSource *self)
{
}

/**
 * gls_unichar_is_rtl:
 *
 * Returns: whether @c is a letter of a right-to-left script, or a bidi
 *   control or mark
 */
gboolean
gls_unichar_is_rtl (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
      return TRUE;
    default:
      return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}

static gboolean
is_counted_control (gunichar c)
{
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

static char *
decode_windows_1252 (const guint8 *data,
                     gsize         len,
                     gsize        *out_len)
{
  GString *str = g_string_sized_new (len + len / 8 + 1);

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = data[i];

      if (b < 0x80)
        g_string_append_c (str, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (str, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (str, b);
    }

  *out_len = str->len;
  return g_string_free (str, FALSE);
}

static gboolean
encoding_is (const char *encoding,
             const char *name)
{
  return g_ascii_strcasecmp (encoding, name) == 0;
}

/* Decodes @data (BOM already removed) from @encoding into UTF-8. */
static char *
decode (const guint8  *data,
        gsize          len,
        const char    *encoding,
        const char    *display_name,
        gsize         *out_len,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (encoding_is (encoding, "UTF-8"))
    {
      const char *end;

      if (!g_utf8_validate_len ((const char *) data, len, &end))
        {
          g_autofree char *position = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - (const char *) data));

          g_set_error (error, GLS_ERROR, GLS_ERROR_DECODE,
                       _("“%s” is not valid UTF-8 (byte %s is wrong); choose another encoding"),
                       display_name, position);
          return NULL;
        }
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }

  if (encoding_is (encoding, "WINDOWS-1252") || encoding_is (encoding, "CP1252"))
    return decode_windows_1252 (data, len, out_len);

  text = g_convert ((const char *) data, len, "UTF-8", encoding,
                    NULL, out_len, &local_error);
  if (text == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_DECODE,
                   _("“%s” cannot be decoded as %s: %s"),
                   display_name, encoding, local_error->message);
      return NULL;
    }

  return text;
}

static void
scan_text (GlsSource *self)
{
  const guchar *p = (const guchar *) self->text;
  const guchar *end = p + self->n_bytes;
  guint n_cr_lf = 0, n_cr = 0, n_lf = 0;
  guint n_index = 0;
  guint length = 0;
  gboolean ascii = TRUE;
  gsize index_alloc = self->n_bytes / INDEX_STRIDE + 2;

  self->index = g_new (gsize, index_alloc);

  for (; p < end; p++)
    {
      guchar b = *p;

      if ((b & 0xC0) == 0x80)
        continue;

      if (length % INDEX_STRIDE == 0)
        self->index[n_index++] = (gsize) (p - (const guchar *) self->text);
      length++;

      if (b >= 0x80)
        ascii = FALSE;
      else if (b == '\r')
        {
          if (p + 1 < end && p[1] == '\n')
            {
              n_cr_lf++;
              p++;
              length++;
              if (length % INDEX_STRIDE == 1)
                self->index[n_index++] = (gsize) (p - (const guchar *) self->text);
            }
          else
            n_cr++;
        }
      else if (b == '\n')
        n_lf++;
    }

  self->length = length;
  self->ascii = ascii;

  if (n_cr_lf + n_cr + n_lf == 0)
    self->newlines = GLS_NEWLINES_NONE;
  else if (n_cr_lf == 0 && n_cr == 0)
    self->newlines = GLS_NEWLINES_LF;
  else if (n_lf == 0 && n_cr == 0)
    self->newlines = GLS_NEWLINES_CRLF;
  else if (n_lf == 0 && n_cr_lf == 0)
    self->newlines = GLS_NEWLINES_CR;
  else
    self->newlines = GLS_NEWLINES_MIXED;
}

static gboolean
check_not_binary (GlsSource  *self,
                  GError    **error)
{
  const char *p = self->text;
  const char *end = p + self->n_bytes;
  guint controls = 0;

  if (memchr (self->text, '\0', self->n_bytes) != NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_BINARY,
                   _("“%s” is a binary file, not text (it contains a NUL character)"),
                   self->display_name);
      return FALSE;
    }

  for (; p < end; p++)
    if (is_counted_control ((guchar) *p))
      controls++;

  if (self->length > 0 && controls * 10 > self->length)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_BINARY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is a binary file, not text (%u of its %u character is a control character)",
                                "“%s” is a binary file, not text (%u of its %u characters are control characters)",
                                self->length),
                   self->display_name, controls, self->length);
      return FALSE;
    }

  return TRUE;
}

/* The page's text becomes its extracted text (FORMAT.md §5). */
static gboolean
extract_html (GlsSource  *self,
              GError    **error)
{
  g_autofree char *page = g_steal_pointer (&self->text);

  if (memchr (page, '\0', self->n_bytes) != NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_BINARY,
                   _("“%s” is a binary file, not text (it contains a NUL character)"),
                   self->display_name);
      return FALSE;
    }
  if (self->n_bytes > G_MAXINT)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED,
                   _("“%s” is too large to be read as an HTML page"),
                   self->display_name);
      return FALSE;
    }

  self->text = _gls_html_extract (page, self->n_bytes, &self->n_bytes);

  return TRUE;
}

/**
 * gls_source_new_from_bytes:
 * @bytes: the file's contents
 * @display_name: the name used in messages
 * @encoding: (nullable): the encoding to use, or %NULL to detect it
 *
 * Returns: (transfer full): the decoded source, or %NULL with @error set
 */
GlsSource *
gls_source_new_from_bytes (GBytes      *bytes,
                           const char  *display_name,
                           const char  *encoding,
                           GError     **error)
{
  g_autoptr(GlsSource) self = NULL;
  const guint8 *data;
  gsize len;
  g_autofree char *sniffed = NULL;
  gboolean utf16_bom_le, utf16_bom_be;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = (const guint8 *) "";
  utf16_bom_le = len >= 2 && data[0] == 0xFF && data[1] == 0xFE;
  utf16_bom_be = len >= 2 && data[0] == 0xFE && data[1] == 0xFF;

  self = g_object_new (GLS_TYPE_SOURCE, NULL);
  self->display_name = g_strdup (display_name);
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);

  if (_gls_html_is_html (display_name, data, len))
    {
      self->kind = GLS_SOURCE_KIND_HTML;
      /* the page's own encoding: a byte-order mark, else its meta
       * charset, else UTF-8 (FORMAT.md §5) */
      if ((encoding == NULL || *encoding == '\0') && !utf16_bom_le && !utf16_bom_be)
        {
          if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
            encoding = "UTF-8";
          else
            encoding = sniffed = _gls_html_sniff_encoding (data, len);
        }
    }

  if (encoding == NULL || *encoding == '\0')
    {
      if (utf16_bom_le)
        encoding = "UTF-16LE";
      else if (utf16_bom_be)
        encoding = "UTF-16BE";
      else if (memchr (data, '\0', len) != NULL)
        encoding = "UTF-8"; /* refused below as binary */
      else if (g_utf8_validate_len ((const char *) data, len, NULL))
        encoding = "UTF-8";
      else
        encoding = GLS_DEFAULT_SINGLE_BYTE_ENCODING;
    }

  if (encoding_is (encoding, "UTF-16LE") || encoding_is (encoding, "UTF-16BE") ||
      encoding_is (encoding, "UTF-16"))
    {
      if (encoding_is (encoding, "UTF-16"))
        encoding = utf16_bom_be ? "UTF-16BE" : "UTF-16LE";
      if ((encoding_is (encoding, "UTF-16LE") && utf16_bom_le) ||
          (encoding_is (encoding, "UTF-16BE") && utf16_bom_be))
        {
          self->bom = TRUE;
          data += 2;
          len -= 2;
        }
    }
  else
    {
      if (memchr (data, '\0', len) != NULL)
        {
          g_set_error (error, GLS_ERROR, GLS_ERROR_BINARY,
                       _("“%s” is a binary file, not text (it contains a NUL byte)"),
                       display_name);
          return NULL;
        }
      if (encoding_is (encoding, "UTF-8") && len >= 3 &&
          data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        {
          self->bom = TRUE;
          data += 3;
          len -= 3;
        }
    }

  self->encoding = g_ascii_strup (encoding, -1);
  self->text = decode (data, len, self->encoding, display_name, &self->n_bytes, error);
  if (self->text == NULL)
    return NULL;

  if (self->kind == GLS_SOURCE_KIND_HTML && !extract_html (self, error))
    return NULL;

  scan_text (self);

  if (!check_not_binary (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * gls_source_new_for_file:
 * @file: the article
 * @encoding: (nullable): the encoding to use, or %NULL to detect it
 *
 * Reads and decodes @file. This blocks: call it from a worker thread in
 * the user interface.
 */
GlsSource *
gls_source_new_for_file (GFile         *file,
                         const char    *encoding,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GlsSource *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if ((bytes = gls_read_file (file, GLS_FILE_ARTICLE, NULL, cancellable, &local_error)) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = gls_source_new_from_bytes (bytes, name, encoding, error);
  if (self != NULL)
    self->file = g_object_ref (file);

  return self;
}

GFile *
gls_source_get_file (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);

  return self->file;
}

const char *
gls_source_get_display_name (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);

  return self->display_name;
}

const char *
gls_source_get_text (GlsSource *self,
                     gsize     *n_bytes)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);

  if (n_bytes != NULL)
    *n_bytes = self->n_bytes;

  return self->text;
}

guint
gls_source_get_length (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), 0);

  return self->length;
}

const char *
gls_source_get_encoding (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);

  return self->encoding;
}

/**
 * gls_source_get_kind:
 *
 * Returns: whether the text is the file's own or extracted from HTML
 */
GlsSourceKind
gls_source_get_kind (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), GLS_SOURCE_KIND_TEXT);

  return self->kind;
}

gboolean
gls_source_get_bom (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), FALSE);

  return self->bom;
}

GlsNewlines
gls_source_get_newlines (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), GLS_NEWLINES_NONE);

  return self->newlines;
}

const char *
gls_source_get_sha256 (GlsSource *self)
{
  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);

  return self->sha256;
}

/**
 * gls_source_get_pointer:
 * @offset: a code point offset, at most the length
 *
 * Returns: the position of code point @offset in the UTF-8 text
 */
const char *
gls_source_get_pointer (GlsSource *self,
                        guint      offset)
{
  const char *p;

  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);

  if (offset >= self->length)
    return self->text + self->n_bytes;

  if (self->ascii)
    return self->text + offset;

  p = self->text + self->index[offset / INDEX_STRIDE];
  for (guint i = offset % INDEX_STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);

  return p;
}

/**
 * gls_source_get_offset:
 * @position: a position in the UTF-8 text, at the start of a character
 *
 * The inverse of gls_source_get_pointer(), in O(log n).
 *
 * Returns: the code point offset of @position
 */
guint
gls_source_get_offset (GlsSource  *self,
                       const char *position)
{
  gsize byte;
  guint low, high;
  guint offset;
  const char *p;

  g_return_val_if_fail (GLS_IS_SOURCE (self), 0);
  g_return_val_if_fail (position >= self->text && position <= self->text + self->n_bytes, 0);

  byte = position - self->text;
  if (self->ascii)
    return byte;
  if (byte >= self->n_bytes)
    return self->length;

  /* the last index entry at or before @byte */
  low = 0;
  high = (self->length + INDEX_STRIDE - 1) / INDEX_STRIDE;
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (self->index[middle] <= byte)
        low = middle;
      else
        high = middle;
    }

  offset = low * INDEX_STRIDE;
  for (p = self->text + self->index[low]; p < position; p = g_utf8_next_char (p))
    offset++;

  return offset;
}

char *
gls_source_dup_range (GlsSource *self,
                      guint      start,
                      guint      end)
{
  const char *begin;

  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  begin = gls_source_get_pointer (self, start);

  return g_strndup (begin, gls_source_get_pointer (self, end) - begin);
}

/**
 * gls_source_dup_quote:
 *
 * Like gls_source_dup_range(), with every character that XML 1.0 cannot
 * hold replaced by U+FFFD, as FORMAT.md §2 says quotes are written.
 */
char *
gls_source_dup_quote (GlsSource *self,
                      guint      start,
                      guint      end)
{
  const char *p, *stop;
  GString *str;

  g_return_val_if_fail (GLS_IS_SOURCE (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  p = gls_source_get_pointer (self, start);
  stop = gls_source_get_pointer (self, end);

  /* the common case: nothing to replace, one copy */
  {
    const guchar *b = (const guchar *) p;
    gboolean plain = TRUE;

    for (; b < (const guchar *) stop && plain; b++)
      plain = (*b >= 0x20 || *b == '\t' || *b == '\n' || *b == '\r') &&
              !(*b == 0xEF && b + 2 < (const guchar *) stop && b[1] == 0xBF && (b[2] == 0xBE || b[2] == 0xBF));
    if (plain)
      return g_strndup (p, stop - p);
  }

  str = g_string_sized_new (stop - p + 1);

  while (p < stop)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);

      if (_gls_is_xml_char (c))
        g_string_append_len (str, p, next - p);
      else
        g_string_append_unichar (str, 0xFFFD);
      p = next;
    }

  return g_string_free (str, FALSE);
}

/**
 * gls_source_quote_matches:
 *
 * Whether @quote is the text in [@start, @end), where U+FFFD in @quote
 * matches any one character. The range must lie within the text.
 */
gboolean
gls_source_quote_matches (GlsSource  *self,
                          guint       start,
                          guint       end,
                          const char *quote)
{
  const char *p, *stop, *q;

  g_return_val_if_fail (GLS_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (start > end || end > self->length)
    return FALSE;

  p = gls_source_get_pointer (self, start);
  stop = gls_source_get_pointer (self, end);
  q = quote;

  /* The common case: the quote is exactly the text. */
  if ((gsize) (stop - p) == strlen (quote) && memcmp (p, quote, stop - p) == 0)
    return TRUE;

  while (p < stop && *q != '\0')
    {
      gunichar qc = g_utf8_get_char (q);

      if (qc != 0xFFFD && qc != g_utf8_get_char (p))
        return FALSE;
      p = g_utf8_next_char (p);
      q = g_utf8_next_char (q);
    }

  return p == stop && *q == '\0';
}

static const char *newline_names[] = { "none", "lf", "crlf", "cr", "mixed" };

const char *
gls_newlines_to_string (GlsNewlines newlines)
{
  g_return_val_if_fail (newlines <= GLS_NEWLINES_MIXED, NULL);

  return newline_names[newlines];
}

gboolean
gls_newlines_from_string (const char  *str,
                          GlsNewlines *newlines)
{
  for (guint i = 0; i < G_N_ELEMENTS (newline_names); i++)
    {
      if (g_strcmp0 (str, newline_names[i]) == 0)
        {
          *newlines = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * _gls_source_new_described:
 *
 * An article without its text, as a sidecar describes it: a sidecar
 * written for it keeps the quotes its annotations were read with.
 *
 * Returns: (transfer full): the source, whose text is %NULL
 */
GlsSource *
_gls_source_new_described (const char   *href,
                           GlsSourceKind kind,
                           const char  *encoding,
                           gboolean     bom,
                           GlsNewlines  newlines,
                           guint        length,
                           const char  *sha256)
{
  GlsSource *self;

  g_return_val_if_fail (href != NULL, NULL);

  self = g_object_new (GLS_TYPE_SOURCE, NULL);
  self->display_name = g_strdup (href);
  self->kind = kind;
  self->encoding = g_strdup (encoding ? encoding : "UTF-8");
  self->bom = bom;
  self->newlines = newlines;
  self->length = length;
  self->sha256 = g_strdup (sha256);

  return self;
}
