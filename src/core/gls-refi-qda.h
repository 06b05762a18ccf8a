/* gls-refi-qda.h
 * REFI-QDA codebooks (.qdc, the Codebook Exchange standard 1.0): what
 * QualCoder, MAXQDA, NVivo and ATLAS.ti read and write. A category keeps
 * the GUID it had in another tool, or one derived from its codebook's
 * and its own id, so that every export gives it the same GUID. */
#pragma once

#include "gls-codebook.h"

G_BEGIN_DECLS

#define GLS_REFI_CODEBOOK_NAMESPACE "urn:QDA-XML:codebook:1.0"

char        *gls_category_dup_guid      (GlsCategory  *category,
                                         GlsCodebook  *codebook);
GBytes      *gls_codebook_to_qdc        (GlsCodebook  *codebook);
GlsCodebook *gls_codebook_import_qdc    (GlsCodebook  *into,
                                         GBytes       *bytes,
                                         const char   *display_name,
                                         guint        *n_added,
                                         GError      **error);

G_END_DECLS
