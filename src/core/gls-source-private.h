/* gls-source-private.h
 * An article known only by what a sidecar says of it, for the code that
 * rewrites a sidecar without its article (the git merge driver). */
#pragma once

#include "gls-source.h"

G_BEGIN_DECLS

GlsSource *_gls_source_new_described (const char  *href,
                                      GlsSourceKind kind,
                                      const char  *encoding,
                                      gboolean     bom,
                                      GlsNewlines  newlines,
                                      guint        length,
                                      const char  *sha256);

G_END_DECLS
