/* gls-document.h
 * An article and everything said about it: the annotations, relations and
 * document note, the codebook they use, and the undo history. The document
 * owns this state; the window and the command-line tool ask it for changes
 * and observe its signals. Its files are GlsDocumentFile's. */
#pragma once

#include <gio/gio.h>

#include "gls-annotation.h"
#include "gls-annotation-list.h"
#include "gls-codebook.h"
#include "gls-source.h"
#include "gls-work-state.h"

G_BEGIN_DECLS

#define GLS_TYPE_DOCUMENT (gls_document_get_type ())

G_DECLARE_FINAL_TYPE (GlsDocument, gls_document, GLS, DOCUMENT, GObject)

GlsDocument       *gls_document_new                 (GlsSource      *source,
                                                     GlsCodebook    *codebook);
GFile             *gls_document_get_sidecar_file    (GlsDocument    *self);
GFile             *gls_sidecar_file_for_source      (GFile          *source_file);
GBytes            *gls_document_serialize           (GlsDocument    *self);

GlsSource         *gls_document_get_source          (GlsDocument    *self);
GlsCodebook       *gls_document_get_codebook        (GlsDocument    *self);
GlsAnnotationList *gls_document_get_annotations     (GlsDocument    *self);
guint              gls_document_get_n_annotations   (GlsDocument    *self);
GListModel        *gls_document_get_relations       (GlsDocument    *self);
GlsAnnotation     *gls_document_lookup_annotation   (GlsDocument    *self,
                                                     const char     *id);
const char        *gls_document_get_note            (GlsDocument    *self);
const char        *gls_document_get_annotator       (GlsDocument    *self);
void               gls_document_set_annotator       (GlsDocument    *self,
                                                     const char     *annotator);
gboolean           gls_document_get_modified        (GlsDocument    *self);
gboolean           gls_document_get_source_changed  (GlsDocument    *self);
guint              gls_document_get_n_orphaned      (GlsDocument    *self);
guint              gls_document_count_category      (GlsDocument    *self,
                                                     const char     *category);
guint              gls_document_get_n_fuzzy         (GlsDocument    *self);
guint              gls_document_remove_orphans      (GlsDocument    *self);

/* What a re-anchoring found for one target (FORMAT.md §2.1): anchor is
 * GLS_ANCHOR_OK where the quote is still at its offsets; an orphan's new
 * offsets are its old ones. */
typedef struct
{
  GlsAnnotation *annotation;
  guint          target;
  GlsAnchor      anchor;
  guint          old_start;
  guint          old_end;
  guint          new_start;
  guint          new_end;
} GlsReanchorEntry;

typedef struct
{
  GArray *entries;                         /* GlsReanchorEntry */
  guint   n_annotations[GLS_ANCHOR_ORPHANED + 1]; /* annotations per GlsAnchor */
} GlsReanchorReport;

void               gls_reanchor_report_free         (GlsReanchorReport *report);
gboolean           gls_document_reanchor            (GlsDocument    *self,
                                                     GCancellable   *cancellable,
                                                     GError        **error);
const GlsReanchorReport *
                   gls_document_get_reanchor_report (GlsDocument    *self);
void               gls_document_accept_anchor       (GlsDocument    *self,
                                                     GlsAnnotation  *annotation);

void               gls_document_query               (GlsDocument    *self,
                                                     guint           start,
                                                     guint           end,
                                                     GPtrArray      *result);
void               gls_document_query_at            (GlsDocument    *self,
                                                     guint           offset,
                                                     GPtrArray      *result);

GlsAnnotation     *gls_document_annotate            (GlsDocument    *self,
                                                     const char     *category,
                                                     guint           start,
                                                     guint           end,
                                                     GError        **error);
gboolean           gls_document_add_annotation      (GlsDocument    *self,
                                                     GlsAnnotation  *annotation,
                                                     GError        **error);
void               gls_document_remove_annotation   (GlsDocument    *self,
                                                     GlsAnnotation  *annotation);
void               gls_document_set_category        (GlsDocument    *self,
                                                     GlsAnnotation  *annotation,
                                                     const char     *category);
gboolean           gls_document_set_spans           (GlsDocument    *self,
                                                     GlsAnnotation  *annotation,
                                                     const GlsSpan  *spans,
                                                     guint           n_spans,
                                                     GError        **error);
void               gls_document_set_annotation_note (GlsDocument    *self,
                                                     GlsAnnotation  *annotation,
                                                     const char     *note);
void               gls_document_set_attribute       (GlsDocument    *self,
                                                     GlsAnnotation  *annotation,
                                                     const char     *name,
                                                     const char     *value);
GlsRelation       *gls_document_add_relation        (GlsDocument    *self,
                                                     const char     *type,
                                                     GlsAnnotation  *from,
                                                     GlsAnnotation  *to,
                                                     GError        **error);
gboolean           gls_document_insert_relation     (GlsDocument    *self,
                                                     GlsRelation    *relation,
                                                     GError        **error);
void               gls_document_remove_relation     (GlsDocument    *self,
                                                     GlsRelation    *relation);
void               gls_document_set_note            (GlsDocument    *self,
                                                     const char     *note);
void               gls_document_set_codebook        (GlsDocument    *self,
                                                     GlsCodebook    *codebook);
int                gls_document_annotate_matches    (GlsDocument    *self,
                                                     const char     *needle,
                                                     const char     *category,
                                                     GError        **error);
GlsWorkState       gls_document_get_work_state      (GlsDocument    *self);
void               gls_document_set_work_state      (GlsDocument    *self,
                                                     GlsWorkState    state);

void               gls_document_begin_group         (GlsDocument    *self);
void               gls_document_end_group           (GlsDocument    *self);
gboolean           gls_document_can_undo            (GlsDocument    *self);
gboolean           gls_document_can_redo            (GlsDocument    *self);
gboolean           gls_document_undo                (GlsDocument    *self);
gboolean           gls_document_redo                (GlsDocument    *self);

/* An annotation changed on both sides of a merge: @mine or @theirs is
 * %NULL when that side deleted it. */
typedef struct
{
  char          *id;
  GlsAnnotation *mine;
  GlsAnnotation *theirs;
} GlsMergeConflict;

GPtrArray         *gls_document_merge_disk_version  (GlsDocument      *self,
                                                     GError          **error);
void               gls_document_resolve_conflict    (GlsDocument      *self,
                                                     GlsMergeConflict *conflict,
                                                     gboolean          take_theirs);
void               gls_merge_conflict_free          (GlsMergeConflict *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsReanchorReport, gls_reanchor_report_free)

G_END_DECLS
