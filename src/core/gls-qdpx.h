/* gls-qdpx.h
 * REFI-QDA projects (.qdpx, the Project Exchange standard 1.0): a zip of
 * project.qde and the sources, which QualCoder, MAXQDA, NVivo and
 * ATLAS.ti open. Glossator writes its articles as plain-text sources with
 * one PlainTextSelection per span, and reads such projects back into a
 * folder of articles with their annotation files. */
#pragma once

#include <gio/gio.h>

#include "gls-document.h"

G_BEGIN_DECLS

#define GLS_REFI_PROJECT_NAMESPACE "urn:QDA-XML:project:1.0"

gboolean gls_qdpx_export (GlsDocument       **documents,
                          const char *const  *names,
                          guint               n_documents,
                          const char         *project_name,
                          GFile              *file,
                          GError            **error);

gboolean gls_qdpx_import (GFile              *file,
                          GFile              *folder,
                          const char         *annotator,
                          GPtrArray          *written,
                          GPtrArray          *skipped,
                          GError            **error);

G_END_DECLS
