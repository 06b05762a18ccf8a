/* gls-test-util.h
 * Helpers shared by the core's tests: fixtures, temporary folders, documents
 * and the independent Python oracle. */
#pragma once

#include <gio/gio.h>
#include <libxml/relaxng.h>

#include "gls-core.h"

G_BEGIN_DECLS

char       *gls_test_data_path     (const char  *first,
                                    ...) G_GNUC_NULL_TERMINATED;
const char *gls_test_shared_dir    (void);
char       *gls_test_tmpdir        (void);
char       *gls_test_copy          (const char  *from,
                                    const char  *dir,
                                    const char  *name);
GBytes     *gls_test_read          (const char  *path);
void        gls_test_write         (const char  *path,
                                    const char  *data,
                                    gssize       len);
gboolean    gls_test_bytes_equal   (GBytes      *a,
                                    GBytes      *b);
gboolean    gls_test_oracle        (const char  *sidecar,
                                    char       **output);
char      **gls_test_read_manifest (const char  *path,
                                    guint       *n_columns);
void        gls_test_rm_rf         (const char  *path);
xmlRelaxNGPtr gls_test_load_schema (const char  *name);
gboolean    gls_test_schema_accepts (xmlRelaxNGPtr schema,
                                     const char   *xml,
                                     gsize         len);

GlsDocument *gls_test_load             (GFile         *file,
                                          const char    *encoding,
                                          GlsCodebook   *codebook,
                                          GPtrArray     *problems,
                                          GError       **error);
gboolean     gls_test_save             (GlsDocument   *document,
                                          GError       **error);
gboolean     gls_test_save_copy        (GlsDocument   *document,
                                          GFile         *file,
                                          GError       **error);
gboolean     gls_test_changed_on_disk  (GlsDocument   *document);
GlsDocument *gls_test_document_from_text (const char *text,
                                          const char *name);
GlsDocument *gls_test_document_from_file (const char *path);
GlsAnnotation *gls_test_annotate_spans (GlsDocument   *document,
                                        const char    *category,
                                        const GlsSpan *spans,
                                        guint          n_spans);

void         gls_test_keep_mime_database (void);

/* a log writer for window tests: see gls-test-util.c */
GLogWriterOutput gls_test_log_writer (GLogLevelFlags   log_level,
                                      const GLogField *fields,
                                      gsize            n_fields,
                                      gpointer         user_data);

G_END_DECLS
