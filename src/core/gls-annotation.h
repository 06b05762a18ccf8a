/* gls-annotation.h
 * One annotation: a category given to one span of the text (or to several
 * discontinuous spans), with a note, attributes and who made it when.
 * Annotations are changed only through their GlsDocument, which keeps the
 * undo history. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLS_TYPE_ANNOTATION (gls_annotation_get_type ())

G_DECLARE_FINAL_TYPE (GlsAnnotation, gls_annotation, GLS, ANNOTATION, GObject)

typedef enum
{
  GLS_ANCHOR_OK,
  GLS_ANCHOR_MOVED,
  GLS_ANCHOR_FUZZY,
  GLS_ANCHOR_ORPHANED,
} GlsAnchor;

/* One span of text, in code points, [start, end). */
typedef struct
{
  guint start;
  guint end;
} GlsSpan;

int            gls_span_compare                  (gconstpointer  a,
                                                  gconstpointer  b);

GlsAnnotation *gls_annotation_new                (const char    *category,
                                                  const GlsSpan *spans,
                                                  guint          n_spans,
                                                  const char    *annotator);
const char    *gls_annotation_get_id             (GlsAnnotation *self);
const char    *gls_annotation_get_category       (GlsAnnotation *self);
const char    *gls_annotation_get_annotator      (GlsAnnotation *self);
const char    *gls_annotation_get_created        (GlsAnnotation *self);
const char    *gls_annotation_get_modified       (GlsAnnotation *self);
const char    *gls_annotation_get_note           (GlsAnnotation *self);
GlsAnchor      gls_annotation_get_anchor         (GlsAnnotation *self);
guint          gls_annotation_get_start          (GlsAnnotation *self);
guint          gls_annotation_get_end            (GlsAnnotation *self);
guint          gls_annotation_get_n_targets      (GlsAnnotation *self);
GlsSpan        gls_annotation_get_target         (GlsAnnotation *self,
                                                  guint          n);
const char    *gls_annotation_get_target_exact   (GlsAnnotation *self,
                                                  guint          n);
const char    *gls_annotation_get_previous_quote (GlsAnnotation *self,
                                                  guint          n);
guint          gls_annotation_get_n_attributes   (GlsAnnotation *self);
const char    *gls_annotation_get_attribute_name (GlsAnnotation *self,
                                                  guint          n);
const char    *gls_annotation_get_attribute_value(GlsAnnotation *self,
                                                  guint          n);
const char    *gls_annotation_lookup_attribute   (GlsAnnotation *self,
                                                  const char    *name);
gboolean       gls_annotation_covers             (GlsAnnotation *self,
                                                  guint          offset);
gboolean       gls_annotation_overlaps           (GlsAnnotation *self,
                                                  guint          start,
                                                  guint          end);

const char    *gls_anchor_to_string              (GlsAnchor      anchor);
gboolean       gls_anchor_from_string            (const char    *str,
                                                  GlsAnchor     *anchor);
char          *gls_timestamp_now                 (void);
const char    *gls_default_annotator             (void);

#define GLS_TYPE_RELATION (gls_relation_get_type ())

G_DECLARE_FINAL_TYPE (GlsRelation, gls_relation, GLS, RELATION, GObject)

GlsRelation   *gls_relation_new                  (const char    *type,
                                                  const char    *from,
                                                  const char    *to);
const char    *gls_relation_get_id               (GlsRelation   *self);
const char    *gls_relation_get_relation_type    (GlsRelation   *self);
const char    *gls_relation_get_from             (GlsRelation   *self);
const char    *gls_relation_get_to               (GlsRelation   *self);

G_END_DECLS
