/* gls-atomic-file-private.h
 * Replacing a file so that readers and crashes only ever see the old or
 * the new contents: a temporary file beside it, checked writes, rename. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Our temporary files older than this are debris of a killed save. */
#define GLS_ATOMIC_FILE_STALE_USEC (60 * G_USEC_PER_SEC)

typedef struct _GlsAtomicFile GlsAtomicFile;

GlsAtomicFile *_gls_atomic_file_new          (GFile          *target,
                                              GError        **error);
gboolean       _gls_atomic_file_write        (GlsAtomicFile  *self,
                                              const void     *data,
                                              gsize           len);
gboolean       _gls_atomic_file_failed       (GlsAtomicFile  *self);
const char    *_gls_atomic_file_get_path     (GlsAtomicFile  *self);
gboolean       _gls_atomic_file_commit       (GlsAtomicFile  *self,
                                              GError        **error);
void           _gls_atomic_file_free         (GlsAtomicFile  *self);
guint          _gls_atomic_file_remove_stale (GFile          *target,
                                              gint64          older_than_usec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsAtomicFile, _gls_atomic_file_free)

G_END_DECLS
