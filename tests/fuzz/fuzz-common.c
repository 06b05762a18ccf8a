/* fuzz-common.c
 * Logging for the harnesses, and the article the imports are read into. */
#define G_LOG_DOMAIN "gls-fuzz"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "fuzz-common.h"

/* A small article with what makes offsets hard: a byte-order mark, CRLF
 * line breaks, letters of two and four bytes in UTF-8, a combining accent
 * and right-to-left text. The seeds in seeds/ were exported from it. */
#define ARTICLE_NAME "article111.txt"
#define ARTICLE_TEXT \
  "\xEF\xBB\xBF" \
  "Officials said about 100 Iranians were deported on Monday.\r\n" \
  "Critics called it \xC2\xAB" "a disgrace\xC2\xBB \xE2\x80\x94 na\xC3\xAFve, " \
  "cafe\xCC\x81, \xF0\x9F\x98\x80.\r\n" \
  "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86 said nothing.\r\n"

static GlsCodebook *builtin_codebook;

/* Nothing a reader says about a bad file is logged: it goes to its
 * problems. A warning or a critical is a bug it let through (a failed
 * g_return_if_fail, an unexpected state), so it is a crash for libFuzzer,
 * which then keeps the input. Debug messages are dropped. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

/* libxml2 reports to the readers' own handlers; whatever it would print
 * past them (on stderr, for every input) is dropped. */
static void
ignore_generic_error (void       *user_data,
                      const char *message,
                      ...)
{
}

static void
ignore_structured_error (void        *user_data,
                         xmlErrorPtr  error)
{
}

void
gls_fuzz_init (void)
{
  g_assert (builtin_codebook == NULL);

  g_log_set_writer_func (write_log, NULL, NULL);
  xmlInitParser ();
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  xmlSetStructuredErrorFunc (NULL, ignore_structured_error);

  builtin_codebook = gls_codebook_new_builtin ();
}

/* A new document on the article, with its own copy of the built-in
 * codebook (an import may add categories to it). */
GlsDocument *
gls_fuzz_new_document (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (ARTICLE_TEXT, strlen (ARTICLE_TEXT));
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (builtin_codebook != NULL);

  source = gls_source_new_from_bytes (bytes, ARTICLE_NAME, NULL, &error);
  g_assert_no_error (error);
  codebook = gls_codebook_copy (builtin_codebook);

  return gls_document_new (source, codebook);
}
