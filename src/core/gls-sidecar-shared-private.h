/* gls-sidecar-shared-private.h
 * The codebook copy that the sidecars of a corpus share, read once per
 * thread for loads that change nothing. */
#pragma once

#include <gio/gio.h>

#include "gls-codebook.h"

G_BEGIN_DECLS

GBytes *_gls_sidecar_strip_known_codebook (GBytes       *bytes,
                                           GlsCodebook **codebook);
void    _gls_sidecar_remember_codebook    (GBytes       *bytes,
                                           GlsCodebook  *codebook);

G_END_DECLS
