/* gls-sidecar-reader-private.h
 * What a sidecar says, as read and checked against the schema: the data
 * the document adopts once it has checked it against the text. */
#pragma once

#include <gio/gio.h>

#include "gls-annotation-private.h"
#include "gls-codebook.h"

G_BEGIN_DECLS

/* Everything a sidecar says, as read, before it is checked against the
 * text. */
typedef struct
{
  char        *display_name;
  char        *version;
  char        *generator;
  char        *href;
  char        *encoding;
  char        *sha256;
  char        *newlines;
  char        *type;         /* "html" for an HTML article, else NULL */
  guint64      length;
  gboolean     bom;
  guint        source_line;
  GlsForeign  *source_foreign;
  GlsCodebook *codebook;
  GlsCodebook *shared_codebook;  /* while read: for an emptied codebook element */
  char        *note;
  GPtrArray   *annotations;  /* GlsAnnotation */
  GPtrArray   *relations;    /* GlsRelation */
  GlsForeign  *foreign;
} GlsSidecarData;

GlsSidecarData *_gls_sidecar_read                 (GBytes          *bytes,
                                                   const char      *display_name,
                                                   GPtrArray       *problems,
                                                   GError         **error);
GlsSidecarData *_gls_sidecar_read_sharing_codebook (GBytes         *bytes,
                                                   const char      *display_name,
                                                   GPtrArray       *problems,
                                                   GError         **error);
void            _gls_sidecar_data_free            (GlsSidecarData  *data);
char           *_gls_sidecar_peek_source_encoding (GBytes          *bytes,
                                                   guint           *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsSidecarData, _gls_sidecar_data_free)

G_END_DECLS
