/* gls-file-reader.h
 * Reading a file a user named, whatever it turns out to be: only regular
 * files, never blocking on a pipe, refusing binary and oversized files
 * before reading them whole. Every reader of the core goes through it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * GlsFileKind:
 * @GLS_FILE_ARTICLE: an article (text or HTML)
 * @GLS_FILE_SIDECAR: a sidecar, a draft or a copy of one
 * @GLS_FILE_CODEBOOK: a codebook
 * @GLS_FILE_IMPORT: a file to import (inline XML, brat, SemEval)
 *
 * What a file is read as: each kind has its own size limit and words.
 */
typedef enum
{
  GLS_FILE_ARTICLE,
  GLS_FILE_SIDECAR,
  GLS_FILE_CODEBOOK,
  GLS_FILE_IMPORT,
} GlsFileKind;

/* The largest files Glossator reads, in bytes (README, "Limits"). */
#define GLS_MAX_ARTICLE_SIZE  ((goffset) 1 << 30)
#define GLS_MAX_SIDECAR_SIZE  ((goffset) 1 << 30)
#define GLS_MAX_CODEBOOK_SIZE ((goffset) 16 << 20)
#define GLS_MAX_IMPORT_SIZE   ((goffset) 1 << 30)

/* How much of a file is looked at to tell text from binary. */
#define GLS_SNIFF_SIZE (64 * 1024)

goffset  gls_file_kind_max_size (GlsFileKind    kind);
GBytes  *gls_read_file          (GFile         *file,
                                 GlsFileKind    kind,
                                 char         **etag,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean gls_file_starts_with_bom (GFile        *file);
GBytes  *gls_read_file_head     (GFile         *file,
                                 gsize          max_len);

G_END_DECLS
