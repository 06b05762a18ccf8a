/* gls-packed-bytes.c
 * Packs bytes with zlib, their length first, and unpacks them: the merge
 * base of a 100,000-annotation sidecar is 67 MB as XML, a few as this. */
#define G_LOG_DOMAIN "gls-packed-bytes"

#include "config.h"

#include <string.h>

#include "gls-packed-bytes-private.h"

/* the length of the bytes, before what zlib made of them */
#define HEADER sizeof (guint64)

/**
 * _gls_bytes_pack:
 *
 * Compresses @bytes (fast rather than small: it runs on every load and
 * save, in the worker thread).
 *
 * Returns: (transfer full) (nullable): the packed bytes, or %NULL for %NULL
 */
GBytes *
_gls_bytes_pack (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GOutputStream) out = NULL;
  guint64 size;
  const void *data;
  gsize len;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  size = GUINT64_TO_LE ((guint64) len);
  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 1);
  memory = g_memory_output_stream_new_resizable ();
  out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  /* writing to memory fails only when memory does */
  if (!g_output_stream_write_all (memory, &size, HEADER, NULL, NULL, NULL) ||
      !g_output_stream_write_all (out, data, len, NULL, NULL, NULL) ||
      !g_output_stream_close (out, NULL, NULL))
    g_error ("Cannot compress %" G_GSIZE_FORMAT " bytes in memory", len);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* The length of the bytes packed in @packed. */
gsize
_gls_bytes_unpacked_size (GBytes *packed)
{
  guint64 size;

  g_return_val_if_fail (packed != NULL, 0);
  g_return_val_if_fail (g_bytes_get_size (packed) >= HEADER, 0);

  memcpy (&size, g_bytes_get_data (packed, NULL), HEADER);

  return (gsize) GUINT64_FROM_LE (size);
}

/**
 * _gls_bytes_unpack:
 *
 * Returns: (transfer full): the bytes given to _gls_bytes_pack(), followed
 *   by a NUL byte not counted in their size, or %NULL with @error set
 */
GBytes *
_gls_bytes_unpack (GBytes  *packed,
                   GError **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GInputStream) memory = NULL;
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *data = NULL;
  gsize size, n_read;

  g_return_val_if_fail (packed != NULL, NULL);

  size = _gls_bytes_unpacked_size (packed);
  body = g_bytes_new_from_bytes (packed, HEADER, g_bytes_get_size (packed) - HEADER);
  memory = g_memory_input_stream_new_from_bytes (body);
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  in = g_converter_input_stream_new (memory, G_CONVERTER (decompressor));

  data = g_malloc (size + 1);
  if (!g_input_stream_read_all (in, data, size, &n_read, NULL, error))
    return NULL;
  g_assert (n_read == size);
  data[size] = '\0';

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static gpointer
pack_in_thread (gpointer data)
{
  g_autoptr(GBytes) bytes = data;

  return _gls_bytes_pack (bytes);
}

/**
 * _gls_packed_slot_pack:
 *
 * Starts packing @bytes in a thread of its own, replacing what @slot
 * held: a load hands over its document without waiting for it (packing
 * the sidecar of 10,000 annotations took 35–50 ms that the article's
 * first frame waited for).
 */
void
_gls_packed_slot_pack (GlsPackedSlot *slot,
                       GBytes        *bytes)
{
  _gls_packed_slot_clear (slot);
  if (bytes == NULL)
    return;

  slot->packing = g_thread_try_new ("gls-pack", pack_in_thread, g_bytes_ref (bytes), NULL);
  if (slot->packing == NULL)
    slot->packed = _gls_bytes_pack (bytes);
}

/**
 * _gls_packed_slot_get:
 *
 * Returns: (transfer none) (nullable): the packed bytes, once packed
 */
GBytes *
_gls_packed_slot_get (GlsPackedSlot *slot)
{
  if (slot->packing != NULL)
    {
      slot->packed = g_thread_join (slot->packing);
      slot->packing = NULL;
    }

  return slot->packed;
}

/* Puts @packed, already packed (or %NULL), in @slot. */
void
_gls_packed_slot_set (GlsPackedSlot *slot,
                      GBytes        *packed)
{
  if (packed != NULL)
    g_bytes_ref (packed);
  _gls_packed_slot_clear (slot);
  slot->packed = packed;
}

void
_gls_packed_slot_clear (GlsPackedSlot *slot)
{
  _gls_packed_slot_get (slot);
  g_clear_pointer (&slot->packed, g_bytes_unref);
}
