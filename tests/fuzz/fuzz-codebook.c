/* fuzz-codebook.c
 * libFuzzer harness of the codebook reader: any bytes as a codebook file,
 * and the codebook it takes written out again. */
#define G_LOG_DOMAIN "gls-fuzz"

#include "fuzz-common.h"
#include "gls-codebook-file-private.h"

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
  g_autoptr(GlsCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;

  (void) gls_codebook_sniff (bytes);

  codebook = gls_codebook_new_from_bytes (bytes, "fuzz-codebook.xml", problems, &error);
  g_assert ((codebook == NULL) == (error != NULL));

  if (codebook != NULL)
    {
      g_autoptr(GBytes) written = _gls_codebook_file_write (codebook);
      g_autoptr(GlsCodebook) copy = gls_codebook_copy (codebook);

      g_assert (written != NULL);
      g_assert (gls_codebook_get_n_categories (copy) == gls_codebook_get_n_categories (codebook));
    }

  return 0;
}
