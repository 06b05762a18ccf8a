/* gls-refi-qda-private.h
 * What the REFI-QDA codebook (.qdc) and project (.qdpx) code share. */
#pragma once

#include <libxml/xmlwriter.h>

#include "gls-codebook-private.h"

G_BEGIN_DECLS

char *_gls_refi_format_guid   (const guint8      bytes[16]);
char *_gls_refi_get_attribute (xmlNodePtr        node,
                               const char       *name);
void  _gls_refi_write_code  (xmlTextWriterPtr  writer,
                             GlsCodebook      *codebook,
                             GlsCategory      *category);
GlsCodebook *_gls_refi_merge_codes (GlsCodebook  *into,
                                    xmlNodePtr    codes,
                                    const char   *ns,
                                    const char   *display_name,
                                    GError      **error);

G_END_DECLS
