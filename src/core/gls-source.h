/* gls-source.h
 * The article being annotated: its bytes decoded to text, with the facts a
 * sidecar records about it (encoding, BOM, newlines, length, SHA-256). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLS_TYPE_SOURCE (gls_source_get_type ())

G_DECLARE_FINAL_TYPE (GlsSource, gls_source, GLS, SOURCE, GObject)

typedef enum
{
  GLS_NEWLINES_NONE,
  GLS_NEWLINES_LF,
  GLS_NEWLINES_CRLF,
  GLS_NEWLINES_CR,
  GLS_NEWLINES_MIXED,
} GlsNewlines;

/* What the text is: the file's decoded text, or the text extracted from an
 * HTML page (FORMAT.md §5). */
typedef enum
{
  GLS_SOURCE_KIND_TEXT,
  GLS_SOURCE_KIND_HTML,
} GlsSourceKind;

/* The encoding used for files that are neither UTF-8 nor UTF-16. */
#define GLS_DEFAULT_SINGLE_BYTE_ENCODING "WINDOWS-1252"

GlsSource   *gls_source_new_for_file       (GFile        *file,
                                            const char   *encoding,
                                            GCancellable *cancellable,
                                            GError      **error);
GlsSource   *gls_source_new_from_bytes     (GBytes       *bytes,
                                            const char   *display_name,
                                            const char   *encoding,
                                            GError      **error);
GFile       *gls_source_get_file           (GlsSource    *self);
const char  *gls_source_get_display_name   (GlsSource    *self);
const char  *gls_source_get_text           (GlsSource    *self,
                                            gsize        *n_bytes);
guint        gls_source_get_length         (GlsSource    *self);
const char  *gls_source_get_encoding       (GlsSource    *self);
GlsSourceKind gls_source_get_kind          (GlsSource    *self);
gboolean     gls_source_get_bom            (GlsSource    *self);
GlsNewlines  gls_source_get_newlines       (GlsSource    *self);
const char  *gls_source_get_sha256         (GlsSource    *self);
const char  *gls_source_get_pointer        (GlsSource    *self,
                                            guint         offset);
guint        gls_source_get_offset         (GlsSource    *self,
                                            const char   *position);
char        *gls_source_dup_range          (GlsSource    *self,
                                            guint         start,
                                            guint         end);
char        *gls_source_dup_quote          (GlsSource    *self,
                                            guint         start,
                                            guint         end);
gboolean     gls_source_quote_matches      (GlsSource    *self,
                                            guint         start,
                                            guint         end,
                                            const char   *quote);

const char  *gls_newlines_to_string        (GlsNewlines   newlines);
gboolean     gls_newlines_from_string      (const char   *str,
                                            GlsNewlines  *newlines);
gboolean     gls_unichar_is_rtl            (gunichar      c);

G_END_DECLS
