/* gls-stats-csv.h
 * Statistics as CSV: one row per article and category, with the
 * article's state of work, for a spreadsheet; the command line's
 * stats --csv and the corpus window's export write the same rows. */
#pragma once

#include <gio/gio.h>

#include "gls-document.h"

G_BEGIN_DECLS

guint64   gls_spans_count_covered        (GArray      *spans);
void      gls_stats_csv_append_header    (GString     *out);
void      gls_stats_csv_append_document  (GString     *out,
                                          const char  *source,
                                          GlsDocument *document);
void      gls_stats_csv_export_async     (GFile               *folder,
                                          GFile               *output,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  gls_stats_csv_export_finish    (GAsyncResult        *result,
                                          guint               *n_failed,
                                          GError             **error);

G_END_DECLS
