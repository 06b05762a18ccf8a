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

/* Packed bytes that may still be being packed, in a thread of their own:
 * whoever needs them first waits for it. */
typedef struct
{
  GBytes  *packed;
  GThread *packing;
} GlsPackedSlot;

void    _gls_packed_slot_pack    (GlsPackedSlot *slot,
                                  GBytes        *bytes);
GBytes *_gls_packed_slot_get     (GlsPackedSlot *slot);
void    _gls_packed_slot_set     (GlsPackedSlot *slot,
                                  GBytes        *packed);
void    _gls_packed_slot_clear   (GlsPackedSlot *slot);

G_END_DECLS
