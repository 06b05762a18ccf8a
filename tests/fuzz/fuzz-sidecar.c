/* fuzz-sidecar.c
 * libFuzzer harness of the sidecar reader: any bytes as a sidecar. */
#define G_LOG_DOMAIN "gls-fuzz"

#include "fuzz-common.h"
#include "gls-sidecar-reader-private.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  gls_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GlsSidecarData) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;

  /* what the window reads first, to decode the article early */
  encoding = _gls_sidecar_peek_source_encoding (bytes, NULL);

  sidecar = _gls_sidecar_read (bytes, "fuzz.annotations.xml", problems, &error);
  g_assert ((sidecar == NULL) == (error != NULL));

  return 0;
}
