/* fuzz-source.c
 * libFuzzer harness of the article decoder: any bytes as an article,
 * detected and in a forced encoding, then walked by code point offsets. */
#define G_LOG_DOMAIN "gls-fuzz"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  gls_fuzz_init ();
  return 0;
}

/* What the readers and the window ask of a decoded article. The decoded
 * text is valid UTF-8 whose code points its length counts. */
static void
walk (GlsSource *source)
{
  gsize n_bytes;
  const char *text = gls_source_get_text (source, &n_bytes);
  guint length = gls_source_get_length (source);
  guint step = MAX (1, length / 16);

  g_assert (g_utf8_validate_len (text, n_bytes, NULL));
  g_assert (g_utf8_strlen (text, n_bytes) == length);
  g_assert (gls_source_get_sha256 (source) != NULL);
  (void) gls_newlines_to_string (gls_source_get_newlines (source));

  for (guint start = 0; start <= length; start += step)
    {
      guint end = MIN (length, start + 7);
      g_autofree char *range = gls_source_dup_range (source, start, end);
      g_autofree char *quote = gls_source_dup_quote (source, start, end);

      g_assert (gls_source_get_pointer (source, start) == g_utf8_offset_to_pointer (text, start));
      g_assert (g_utf8_strlen (range, -1) == end - start);
      (void) gls_source_quote_matches (source, start, end, quote);
    }
}

static void
decode (GBytes     *bytes,
        const char *encoding)
{
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = gls_source_new_from_bytes (bytes, "fuzz.txt", encoding, &error);
  g_assert ((source == NULL) == (error != NULL));
  if (source != NULL)
    walk (source);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* the encodings a user can force (--encoding, the sidecar's encoding),
   * one per input so that every input is also read as detected */
  static const char *const forced[] = { "UTF-8", "UTF-16", "UTF-16BE", "WINDOWS-1252", "ISO-8859-15" };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  decode (bytes, NULL);
  decode (bytes, forced[size % G_N_ELEMENTS (forced)]);

  return 0;
}
