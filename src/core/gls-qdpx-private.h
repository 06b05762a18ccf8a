/* gls-qdpx-private.h
 * What the writer and the reader of REFI-QDA projects share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_gls_qdpx_derive_guid (const char *kind,
                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
