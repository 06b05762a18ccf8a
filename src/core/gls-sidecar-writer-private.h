/* gls-sidecar-writer-private.h
 * What a sidecar holds at one moment (a snapshot a worker thread can write
 * while the user goes on editing), and the writer that streams it out. */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "gls-annotation-private.h"
#include "gls-codebook.h"
#include "gls-source.h"

G_BEGIN_DECLS

/**
 * GlsSidecarSnapshot:
 *
 * A plain description of a sidecar: the annotations and relations in the
 * order they are written, the codebook, the note. The annotations are the
 * document's own objects, borrowed; before the document changes one of
 * them in place or takes it out, it calls _gls_sidecar_snapshot_freeze(),
 * which keeps a copy of the annotation as it was, so the snapshot never
 * changes and never reads an annotation that may be gone.
 */
typedef struct
{
  gatomicrefcount   ref_count;
  GMutex            mutex;

  GObject          *owner;           /* keeps the borrowed fields alive */
  GlsSource        *source;
  GlsCodebook      *codebook;
  char             *version;
  char             *note;
  const GlsForeign *foreign;         /* borrowed from the owner */
  const GlsForeign *source_foreign;  /* borrowed from the owner */
  GPtrArray        *annotations;     /* GlsAnnotation, borrowed, in text order */
  GPtrArray        *relations;       /* GlsRelation */
  GHashTable       *frozen;          /* live annotation → copy as it was */
  guint             serial;          /* the history's state it shows */
  gboolean          needs_1_1;       /* holds a mark, a link to another article or an HTML source */
} GlsSidecarSnapshot;

typedef void (*GlsProgressFunc) (guint    done,
                                 guint    total,
                                 gpointer user_data);

GlsSidecarSnapshot *_gls_sidecar_snapshot_new    (GObject            *owner,
                                                  GlsSource          *source,
                                                  GlsCodebook        *codebook);
GlsSidecarSnapshot *_gls_sidecar_snapshot_ref    (GlsSidecarSnapshot *self);
void                _gls_sidecar_snapshot_unref  (GlsSidecarSnapshot *self);
void                _gls_sidecar_snapshot_freeze (GlsSidecarSnapshot *self,
                                                  GlsAnnotation      *annotation);
GlsAnnotation      *_gls_sidecar_snapshot_dup_annotation (GlsSidecarSnapshot *self,
                                                          guint               i);

gboolean            _gls_sidecar_write           (GlsSidecarSnapshot *snapshot,
                                                  xmlOutputBufferPtr  output,
                                                  GlsProgressFunc     progress,
                                                  gpointer            user_data,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
GBytes             *_gls_sidecar_write_bytes     (GlsSidecarSnapshot *snapshot);

/* The pieces of the sidecar, for other documents that hold the same
 * elements (the inline export). */
void                _gls_sidecar_write_annotation (xmlTextWriterPtr   writer,
                                                   GlsAnnotation     *annotation,
                                                   GlsSource         *source);
void                _gls_sidecar_write_relation   (xmlTextWriterPtr   writer,
                                                   GlsRelation       *relation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsSidecarSnapshot, _gls_sidecar_snapshot_unref)

G_END_DECLS
