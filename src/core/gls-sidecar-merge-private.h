/* gls-sidecar-merge-private.h
 * What the merge of sidecar files shares with the merge of a document
 * with its sidecar on disk. */
#pragma once

#include "gls-codebook.h"

G_BEGIN_DECLS

GlsCodebook *_gls_codebook_add_missing (GlsCodebook *mine,
                                        GlsCodebook *theirs);

G_END_DECLS
