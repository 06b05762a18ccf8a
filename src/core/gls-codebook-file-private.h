/* gls-codebook-file-private.h
 * A codebook as XML, for the files that hold one: the codebook element of
 * a sidecar or an export, or a codebook file of its own. */
#pragma once

#include <libxml/xmlwriter.h>

#include "gls-codebook.h"
#include "gls-xml-private.h"

G_BEGIN_DECLS

GlsCodebook *_gls_codebook_file_read_element  (GlsXmlReader     *r);
void         _gls_codebook_file_write_element (xmlTextWriterPtr  writer,
                                               GlsCodebook      *codebook);
GBytes      *_gls_codebook_file_write         (GlsCodebook      *codebook);

G_END_DECLS
