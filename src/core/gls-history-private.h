/* gls-history-private.h
 * The undo history: groups of changes, each of which knows how to be
 * applied and reverted by the document. */
#pragma once

#include "gls-annotation.h"
#include "gls-codebook.h"

G_BEGIN_DECLS

typedef enum
{
  GLS_CHANGE_ADD,
  GLS_CHANGE_REMOVE,
  GLS_CHANGE_CATEGORY,
  GLS_CHANGE_SPANS,
  GLS_CHANGE_NOTE,
  GLS_CHANGE_ATTRIBUTES,
  GLS_CHANGE_ADD_RELATION,
  GLS_CHANGE_REMOVE_RELATION,
  GLS_CHANGE_DOCUMENT_NOTE,
  GLS_CHANGE_CODEBOOK,
  GLS_CHANGE_DISK_VERSION,   /* which file on disk the next save may replace */
  GLS_CHANGE_ANCHOR,         /* targets and mark after the article changed */
  GLS_CHANGE_REANCHORED,     /* nothing: marks a re-anchoring's step */
  GLS_CHANGE_WORK_STATE,     /* the state of work on the article */
} GlsChangeKind;

typedef struct
{
  GlsChangeKind  kind;
  GlsAnnotation *annotation;
  GlsRelation   *relation;
  GlsCodebook   *codebook[2];    /* before, after */
  char          *text[2];        /* category or note: before, after */
  char          *modified[2];    /* the annotation's time stamp: before, after */
  GArray        *spans[2];       /* GlsSpan */
  GArray        *targets;        /* GlsTarget: an orphan's quotes, for undo */
  GArray        *anchored[2];    /* GlsTarget, quotes and all: before, after */
  GBytes        *bytes[2];       /* the sidecar's base: before, after */
  GPtrArray     *attributes[2];  /* pairs of name, value */
  GlsAnchor      anchor[2];      /* before, after */
  gint64         time;           /* monotonic, of the last edit merged in */
} GlsChange;

typedef struct _GlsHistory GlsHistory;

GlsChange  *_gls_change_new              (GlsChangeKind  kind);
void        _gls_change_free             (GlsChange     *change);

GlsHistory *_gls_history_new             (void);
void        _gls_history_free            (GlsHistory    *history);
void        _gls_history_begin_group     (GlsHistory    *history);
gboolean    _gls_history_end_group       (GlsHistory    *history);
void        _gls_history_push            (GlsHistory    *history,
                                          GlsChange     *change);
GlsChange  *_gls_history_coalescable     (GlsHistory    *history,
                                          GlsChangeKind  kind,
                                          gpointer       target,
                                          gint64         now);
gboolean    _gls_history_can_undo        (GlsHistory    *history);
gboolean    _gls_history_can_redo        (GlsHistory    *history);
GPtrArray  *_gls_history_undo            (GlsHistory    *history);
GPtrArray  *_gls_history_redo            (GlsHistory    *history);
void        _gls_history_mark_saved      (GlsHistory    *history);
guint       _gls_history_seal            (GlsHistory    *history);
void        _gls_history_mark_saved_at   (GlsHistory    *history,
                                          guint          serial);
gboolean    _gls_history_is_modified     (GlsHistory    *history);
void        _gls_history_clear           (GlsHistory    *history);

G_END_DECLS
