/* fuzz-import.c
 * libFuzzer harness of one import format (GLS_FUZZ_FORMAT, set by meson):
 * any bytes imported into a small article, merged and then replacing,
 * undone and redone, and the result written as a sidecar. */
#define G_LOG_DOMAIN "gls-fuzz"

#include "fuzz-common.h"
#include "gls-format.h"

static const GlsFormat *format;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  gls_fuzz_init ();
  format = gls_format_lookup (GLS_FUZZ_FORMAT);
  g_assert (format != NULL && format->import_document != NULL);
  return 0;
}

static void
import (GlsDocument    *document,
        GBytes         *bytes,
        GlsImportFlags  flags)
{
  g_autoptr(GlsImportReport) report = gls_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean imported;

  imported = gls_format_import (format, document, bytes, "fuzz-import", flags, report, &error);
  g_assert (imported == (error == NULL));
  summary = gls_import_report_to_string (report);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GlsDocument) document = gls_fuzz_new_document ();
  g_autoptr(GBytes) sidecar = NULL;

  import (document, bytes, GLS_IMPORT_MERGE);
  import (document, bytes, GLS_IMPORT_REPLACE);

  if (gls_document_undo (document))
    gls_document_redo (document);

  sidecar = gls_document_serialize (document);

  return 0;
}
