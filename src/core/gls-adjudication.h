/* gls-adjudication.h
 * Settling two or three coders' annotations of one article into a gold
 * standard: each passage where they annotated something is accepted from
 * one coder, merged, edited or rejected; the gold sidecar records where each
 * of its annotations came from, and a state file beside it what is settled. */
#pragma once

#include <gio/gio.h>

#include "gls-document.h"
#include "gls-passage.h"

G_BEGIN_DECLS

#define GLS_ADJUDICATION_MAX_CODERS 3

/* The attributes of a gold annotation */
#define GLS_ADJUDICATED_FROM    "adjudicated-from"     /* coders' names, joined by “+” */
#define GLS_ADJUDICATED_AS      "adjudicated-as"       /* accept, merge or edit */
#define GLS_ADJUDICATED_PASSAGE "adjudicated-passage"  /* gls_passage_get_key() */

typedef enum
{
  GLS_DECISION_NONE,    /* not settled yet */
  GLS_DECISION_ACCEPT,  /* one coder's annotations are taken */
  GLS_DECISION_REJECT,  /* nothing is taken */
  GLS_DECISION_MERGE,   /* one annotation over every coder's spans */
  GLS_DECISION_EDIT,    /* one annotation the adjudicator drew */
} GlsDecision;

#define GLS_TYPE_ADJUDICATION (gls_adjudication_get_type ())

G_DECLARE_FINAL_TYPE (GlsAdjudication, gls_adjudication, GLS, ADJUDICATION, GObject)

GlsAdjudication *gls_adjudication_new            (GlsDocument      *gold,
                                                  GPtrArray        *coders);
GlsAdjudication *gls_adjudication_open           (GFile            *article,
                                                  GFile           **coder_files,
                                                  guint             n_coders,
                                                  GFile            *gold_file,
                                                  GError          **error);
GFile           *gls_adjudication_get_gold_file  (GlsAdjudication  *self);
GFile           *gls_adjudication_dup_state_file (GlsAdjudication  *self);
GlsDocument     *gls_adjudication_get_gold       (GlsAdjudication  *self);
GPtrArray       *gls_adjudication_get_coders     (GlsAdjudication  *self);
guint            gls_adjudication_get_n_passages (GlsAdjudication  *self);
GlsPassage      *gls_adjudication_get_passage    (GlsAdjudication  *self,
                                                  guint             passage);
GlsDecision      gls_adjudication_get_decision   (GlsAdjudication  *self,
                                                  guint             passage,
                                                  int              *coder);
guint            gls_adjudication_get_n_settled  (GlsAdjudication  *self);
gboolean         gls_adjudication_get_modified   (GlsAdjudication  *self);
int              gls_adjudication_find_next      (GlsAdjudication  *self,
                                                  int               after,
                                                  gboolean          backwards);
gboolean         gls_adjudication_accept         (GlsAdjudication  *self,
                                                  guint             passage,
                                                  guint             coder,
                                                  GError          **error);
void             gls_adjudication_reject         (GlsAdjudication  *self,
                                                  guint             passage);
gboolean         gls_adjudication_merge          (GlsAdjudication  *self,
                                                  guint             passage,
                                                  GError          **error);
gboolean         gls_adjudication_edit           (GlsAdjudication  *self,
                                                  guint             passage,
                                                  const char       *category,
                                                  guint             start,
                                                  guint             end,
                                                  GError          **error);
guint            gls_adjudication_accept_agreed  (GlsAdjudication  *self);
gboolean         gls_adjudication_can_undo       (GlsAdjudication  *self);
gboolean         gls_adjudication_undo           (GlsAdjudication  *self);
gboolean         gls_adjudication_can_redo       (GlsAdjudication  *self);
gboolean         gls_adjudication_redo           (GlsAdjudication  *self);
gboolean         gls_adjudication_load_state     (GlsAdjudication  *self,
                                                  GError          **error);
gboolean         gls_adjudication_save           (GlsAdjudication  *self,
                                                  GFile            *gold_file,
                                                  GError          **error);
void             gls_adjudication_save_async     (GlsAdjudication  *self,
                                                  GFile            *gold_file,
                                                  GCancellable     *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
gboolean         gls_adjudication_save_finish    (GlsAdjudication  *self,
                                                  GAsyncResult     *result,
                                                  GError          **error);

G_END_DECLS
