/* gls-document-private.h
 * The document's fields, for the sidecar writer and the history, and what
 * the files of the class (gls-document.c, gls-document-*.c) share. */
#pragma once

#include "gls-document.h"
#include "gls-annotation-private.h"
#include "gls-history-private.h"
#include "gls-interval-tree-private.h"
#include "gls-packed-bytes-private.h"
#include "gls-sidecar-reader-private.h"
#include "gls-sidecar-writer-private.h"

G_BEGIN_DECLS

struct _GlsDocument
{
  GObject          parent_instance;

  /* Owned */
  GlsSource       *source;
  GlsCodebook     *codebook;
  GlsAnnotationList *annotations;
  GListStore      *relations;       /* GlsRelation */
  GHashTable      *ids;             /* id → GlsAnnotation or GlsRelation */
  GHashTable      *counts;          /* category id → number of annotations */
  GlsIntervalTree  targets;         /* one interval per annotation target */
  GlsHistory      *history;
  char            *note;
  char            *annotator;
  char            *version;
  GFile           *sidecar;
  char            *etag;
  GlsPackedSlot    base;            /* the sidecar as last loaded or saved, packed (gls-packed-bytes.c) */
  char            *source_etag;     /* the article's file when it was read */
  GlsForeign      *foreign;
  GlsForeign      *source_foreign;
  GPtrArray       *retired_foreign; /* GlsForeign that snapshots being written still read */
  GPtrArray       *snapshots;       /* GlsSidecarSnapshot being written */

  guint            n_orphaned;
  guint            n_fuzzy;
  GlsReanchorReport *reanchor_report; /* of the last re-anchoring */
  guint            source_changed : 1;
  guint            in_history : 1;
};

/* gls-document.c */
void                _gls_document_insert_annotation (GlsDocument        *self,
                                                     GlsAnnotation      *annotation,
                                                     gboolean            notify);
gboolean            _gls_document_find_relation     (GlsDocument        *self,
                                                     GlsRelation        *relation,
                                                     guint              *position);
void                _gls_document_commit            (GlsDocument        *self,
                                                     GlsChange          *change);
void                _gls_document_reapply           (GlsDocument        *self,
                                                     GlsChange          *change);
void                _gls_document_apply             (GlsDocument        *self,
                                                     GlsChange          *change,
                                                     gboolean            undo);
gboolean            _gls_document_links_elsewhere   (GlsDocument        *self);
void                _gls_document_saved             (GlsDocument        *self,
                                                     GlsSidecarSnapshot *snapshot,
                                                     const char         *etag,
                                                     GBytes             *base);

/* gls-document-work.c */
void                _gls_document_apply_work_state  (GlsDocument        *self,
                                                     const char         *value);

/* gls-document-adopt.c */
gboolean            _gls_document_adopt             (GlsDocument        *self,
                                                     GlsSidecarData     *data,
                                                     GPtrArray          *problems);
gboolean            _gls_document_replace_with      (GlsDocument        *self,
                                                     GlsSidecarData     *data,
                                                     GError            **error);

/* gls-merge.c: the sidecar on disk and the base of a merge, read in a
 * worker thread, then merged on the main thread */
typedef struct
{
  GlsDocument *base;
  GlsDocument *theirs;
  GBytes      *disk;
  char        *disk_etag;
} GlsMergeVersions;

GlsMergeVersions *_gls_merge_read_versions     (GlsSource        *source,
                                                GlsCodebook      *codebook,
                                                GBytes           *base,
                                                GFile            *sidecar,
                                                GError          **error);
void              _gls_merge_versions_free     (GlsMergeVersions *versions);
GPtrArray        *_gls_document_merge_versions (GlsDocument      *self,
                                                GlsMergeVersions *versions);

/* gls-document-snapshot.c */
GlsSidecarSnapshot *_gls_document_snapshot          (GlsDocument        *self);
GlsDocument        *_gls_document_new_from_snapshot (GlsSidecarSnapshot *snapshot);
void                _gls_document_end_snapshot      (GlsDocument        *self,
                                                     GlsSidecarSnapshot *snapshot);

G_END_DECLS
