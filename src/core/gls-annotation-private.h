/* gls-annotation-private.h
 * The fields of annotations and relations, for the document, its history
 * and the XML code. Nothing else changes them. */
#pragma once

#include "gls-annotation.h"
#include "gls-foreign-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint  start;
  guint  end;
  /* The quote as read from a sidecar; written back only while the
   * annotation is orphaned, recomputed from the text otherwise. */
  char  *prefix;
  char  *exact;
  char  *suffix;
  GlsForeign *foreign;
  guint  line;
  /* A fuzzy target's quote before it was re-anchored (FORMAT.md §2.1),
   * kept until a person accepts the new place. */
  char  *previous;
} GlsTarget;

struct _GlsAnnotation
{
  GObject     parent_instance;

  /* Owned */
  char       *id;
  char       *category;
  char       *annotator;
  char       *created;
  char       *modified;
  char       *note;
  GArray     *targets;      /* GlsTarget, sorted by start */
  GPtrArray  *attributes;   /* pairs: name, value */
  GlsForeign *foreign;

  GlsAnchor   anchor;
  guint       line;         /* where it was read, for messages */
  guint       column;
};

struct _GlsRelation
{
  GObject     parent_instance;

  char       *id;
  char       *type;
  char       *from;
  char       *to;
  GlsForeign *foreign;
  guint       line;
  guint       column;
};

GlsAnnotation *_gls_annotation_new_empty      (void);
GlsAnnotation *_gls_annotation_copy           (GlsAnnotation *self);
void           _gls_annotation_set_spans      (GlsAnnotation *self,
                                               const GlsSpan *spans,
                                               guint          n_spans);
void           _gls_annotation_sort_targets   (GlsAnnotation *self);
void           _gls_annotation_touch          (GlsAnnotation *self);
GPtrArray     *_gls_annotation_dup_attributes (GlsAnnotation *self);
GlsRelation   *_gls_relation_new_empty        (void);
void           _gls_target_clear              (GlsTarget     *target);
GArray        *_gls_targets_copy              (GArray        *targets);
GlsRelation   *_gls_relation_copy             (GlsRelation   *relation);

G_END_DECLS
