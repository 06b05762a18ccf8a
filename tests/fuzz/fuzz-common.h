/* fuzz-common.h
 * What every libFuzzer harness of a reader shares: quiet logging that still
 * turns a warning into a crash, and a small article to import into. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "gls-document.h"
#include "gls-error.h"

G_BEGIN_DECLS

/* libFuzzer's entry points, which no header declares. */
int          LLVMFuzzerInitialize       (int            *argc,
                                         char         ***argv);
int          LLVMFuzzerTestOneInput     (const uint8_t  *data,
                                         size_t          size);

void         gls_fuzz_init              (void);
GlsDocument *gls_fuzz_new_document      (void);

G_END_DECLS
