/* gls-packed-bytes-private.h
 * Bytes kept compressed while nobody reads them: the sidecar a three-way
 * merge starts from. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *_gls_bytes_pack          (GBytes  *bytes);
GBytes *_gls_bytes_unpack        (GBytes  *packed,
                                  GError **error);
gsize   _gls_bytes_unpacked_size (GBytes  *packed);

G_END_DECLS
