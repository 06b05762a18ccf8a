/* gls-annotation.c
 * Annotations and relations: plain data owned by a GlsDocument. */
#define G_LOG_DOMAIN "gls-annotation"

#include "config.h"

#include <string.h>

#include "gls-annotation-private.h"

G_DEFINE_FINAL_TYPE (GlsAnnotation, gls_annotation, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (GlsRelation, gls_relation, G_TYPE_OBJECT)

void
_gls_target_clear (GlsTarget *target)
{
  g_clear_pointer (&target->prefix, g_free);
  g_clear_pointer (&target->exact, g_free);
  g_clear_pointer (&target->suffix, g_free);
  g_clear_pointer (&target->foreign, _gls_foreign_free);
  g_clear_pointer (&target->previous, g_free);
}

static void
gls_annotation_finalize (GObject *object)
{
  GlsAnnotation *self = (GlsAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  g_clear_pointer (&self->foreign, _gls_foreign_free);

  G_OBJECT_CLASS (gls_annotation_parent_class)->finalize (object);
}

static void
gls_annotation_class_init (GlsAnnotationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gls_annotation_finalize;
}

static void
gls_annotation_init (GlsAnnotation *self)
{
  self->targets = g_array_new (FALSE, TRUE, sizeof (GlsTarget));
  g_array_set_clear_func (self->targets, (GDestroyNotify) _gls_target_clear);
  self->attributes = g_ptr_array_new_with_free_func (g_free);
}

char *
gls_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * gls_default_annotator:
 *
 * Returns: the name annotations carry when none was chosen: the user's
 *   real name, or else their login name
 */
const char *
gls_default_annotator (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || strcmp (name, "Unknown") == 0)
    name = g_get_user_name ();

  return name;
}

GlsAnnotation *
_gls_annotation_new_empty (void)
{
  return g_object_new (GLS_TYPE_ANNOTATION, NULL);
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  const GlsTarget *ta = a, *tb = b;

  if (ta->start != tb->start)
    return ta->start < tb->start ? -1 : 1;
  if (ta->end != tb->end)
    return ta->end < tb->end ? -1 : 1;
  return 0;
}

void
_gls_annotation_sort_targets (GlsAnnotation *self)
{
  g_array_sort (self->targets, compare_targets);
}

void
_gls_annotation_set_spans (GlsAnnotation *self,
                           const GlsSpan *spans,
                           guint          n_spans)
{
  g_array_set_size (self->targets, 0);
  for (guint i = 0; i < n_spans; i++)
    {
      GlsTarget target = { spans[i].start, spans[i].end };

      g_array_append_val (self->targets, target);
    }
  _gls_annotation_sort_targets (self);
}

/**
 * gls_span_compare:
 * @a: a #GlsSpan
 * @b: another
 *
 * Orders spans by where they start, then by where they end; a
 * #GCompareFunc for arrays of #GlsSpan.
 *
 * Returns: negative, zero or positive as @a comes before, with or after @b
 */
int
gls_span_compare (gconstpointer a,
                  gconstpointer b)
{
  const GlsSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/**
 * gls_annotation_new:
 * @category: the category id
 * @spans: (array length=n_spans): at least one span
 * @annotator: (nullable): who makes it
 *
 * A new annotation with a fresh id and the current time. It is checked
 * against the text when it is added to a document.
 */
GlsAnnotation *
gls_annotation_new (const char    *category,
                    const GlsSpan *spans,
                    guint          n_spans,
                    const char    *annotator)
{
  GlsAnnotation *self;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (category != NULL, NULL);
  g_return_val_if_fail (spans != NULL && n_spans > 0, NULL);

  self = _gls_annotation_new_empty ();
  self->id = g_strconcat ("a-", uuid, NULL);
  self->category = g_strdup (category);
  self->annotator = g_strdup (annotator);
  self->created = gls_timestamp_now ();
  self->modified = g_strdup (self->created);
  _gls_annotation_set_spans (self, spans, n_spans);

  return self;
}

/* A deep copy of an annotation's targets, quotes included. */
GArray *
_gls_targets_copy (GArray *targets)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, sizeof (GlsTarget), targets->len);

  g_array_set_clear_func (copy, (GDestroyNotify) _gls_target_clear);
  for (guint i = 0; i < targets->len; i++)
    {
      const GlsTarget *t = &g_array_index (targets, GlsTarget, i);
      GlsTarget target = {
        t->start, t->end, g_strdup (t->prefix), g_strdup (t->exact),
        g_strdup (t->suffix), _gls_foreign_copy (t->foreign), t->line,
        g_strdup (t->previous)
      };

      g_array_append_val (copy, target);
    }

  return copy;
}

/* A copy with the same id, for merges and tests. */
GlsAnnotation *
_gls_annotation_copy (GlsAnnotation *self)
{
  GlsAnnotation *copy = _gls_annotation_new_empty ();

  copy->id = g_strdup (self->id);
  copy->category = g_strdup (self->category);
  copy->annotator = g_strdup (self->annotator);
  copy->created = g_strdup (self->created);
  copy->modified = g_strdup (self->modified);
  copy->note = g_strdup (self->note);
  copy->anchor = self->anchor;
  copy->foreign = _gls_foreign_copy (self->foreign);
  g_array_unref (copy->targets);
  copy->targets = _gls_targets_copy (self->targets);
  g_ptr_array_unref (copy->attributes);
  copy->attributes = _gls_annotation_dup_attributes (self);

  return copy;
}

void
_gls_annotation_touch (GlsAnnotation *self)
{
  g_free (self->modified);
  self->modified = gls_timestamp_now ();
}

GPtrArray *
_gls_annotation_dup_attributes (GlsAnnotation *self)
{
  GPtrArray *copy = g_ptr_array_new_full (self->attributes->len, g_free);

  for (guint i = 0; i < self->attributes->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (self->attributes, i)));

  return copy;
}

const char *
gls_annotation_get_id (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);

  return self->id;
}

const char *
gls_annotation_get_category (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);

  return self->category;
}

const char *
gls_annotation_get_annotator (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);

  return self->annotator;
}

const char *
gls_annotation_get_created (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);

  return self->created;
}

const char *
gls_annotation_get_modified (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);

  return self->modified;
}

const char *
gls_annotation_get_note (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);

  return self->note;
}

GlsAnchor
gls_annotation_get_anchor (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), GLS_ANCHOR_OK);

  return self->anchor;
}

guint
gls_annotation_get_start (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), 0);
  g_return_val_if_fail (self->targets->len > 0, 0);

  return g_array_index (self->targets, GlsTarget, 0).start;
}

guint
gls_annotation_get_end (GlsAnnotation *self)
{
  guint end = 0;

  g_return_val_if_fail (GLS_IS_ANNOTATION (self), 0);

  for (guint i = 0; i < self->targets->len; i++)
    end = MAX (end, g_array_index (self->targets, GlsTarget, i).end);

  return end;
}

guint
gls_annotation_get_n_targets (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), 0);

  return self->targets->len;
}

GlsSpan
gls_annotation_get_target (GlsAnnotation *self,
                           guint          n)
{
  const GlsTarget *target;
  GlsSpan span = { 0, 0 };

  g_return_val_if_fail (GLS_IS_ANNOTATION (self), span);
  g_return_val_if_fail (n < self->targets->len, span);

  target = &g_array_index (self->targets, GlsTarget, n);
  span.start = target->start;
  span.end = target->end;

  return span;
}

/**
 * gls_annotation_get_target_exact:
 *
 * Returns: (nullable): the quote of target @n as read from the sidecar
 *   (useful for an orphaned annotation, whose text is gone), or %NULL
 */
const char *
gls_annotation_get_target_exact (GlsAnnotation *self,
                                 guint          n)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (n < self->targets->len, NULL);

  return g_array_index (self->targets, GlsTarget, n).exact;
}

guint
gls_annotation_get_n_attributes (GlsAnnotation *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), 0);

  return self->attributes->len / 2;
}

const char *
gls_annotation_get_attribute_name (GlsAnnotation *self,
                                   guint          n)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (n < self->attributes->len / 2, NULL);

  return g_ptr_array_index (self->attributes, 2 * n);
}

const char *
gls_annotation_get_attribute_value (GlsAnnotation *self,
                                    guint          n)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (n < self->attributes->len / 2, NULL);

  return g_ptr_array_index (self->attributes, 2 * n + 1);
}

const char *
gls_annotation_lookup_attribute (GlsAnnotation *self,
                                 const char    *name)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i + 1 < self->attributes->len; i += 2)
    if (strcmp (g_ptr_array_index (self->attributes, i), name) == 0)
      return g_ptr_array_index (self->attributes, i + 1);

  return NULL;
}

gboolean
gls_annotation_covers (GlsAnnotation *self,
                       guint          offset)
{
  return gls_annotation_overlaps (self, offset, offset + 1);
}

gboolean
gls_annotation_overlaps (GlsAnnotation *self,
                         guint          start,
                         guint          end)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), FALSE);

  for (guint i = 0; i < self->targets->len; i++)
    {
      const GlsTarget *target = &g_array_index (self->targets, GlsTarget, i);

      if (target->start < end && start < target->end)
        return TRUE;
    }

  return FALSE;
}

/**
 * gls_annotation_get_previous_quote:
 * @n: a target
 *
 * Returns: (nullable): the quote a fuzzy annotation's target had before
 *   it was re-anchored, or %NULL
 */
const char *
gls_annotation_get_previous_quote (GlsAnnotation *self,
                                   guint          n)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (n < self->targets->len, NULL);

  return g_array_index (self->targets, GlsTarget, n).previous;
}

static const char *anchor_names[] = { NULL, "moved", "fuzzy", "orphaned" };

const char *
gls_anchor_to_string (GlsAnchor anchor)
{
  g_return_val_if_fail (anchor <= GLS_ANCHOR_ORPHANED, NULL);

  return anchor_names[anchor];
}

gboolean
gls_anchor_from_string (const char *str,
                        GlsAnchor  *anchor)
{
  for (guint i = 1; i < G_N_ELEMENTS (anchor_names); i++)
    {
      if (g_strcmp0 (str, anchor_names[i]) == 0)
        {
          *anchor = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
gls_relation_finalize (GObject *object)
{
  GlsRelation *self = (GlsRelation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->foreign, _gls_foreign_free);

  G_OBJECT_CLASS (gls_relation_parent_class)->finalize (object);
}

static void
gls_relation_class_init (GlsRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gls_relation_finalize;
}

static void
gls_relation_init (GlsRelation *self)
{
}

GlsRelation *
_gls_relation_new_empty (void)
{
  return g_object_new (GLS_TYPE_RELATION, NULL);
}

/* A copy with the same id. */
GlsRelation *
_gls_relation_copy (GlsRelation *relation)
{
  GlsRelation *copy = _gls_relation_new_empty ();

  copy->id = g_strdup (relation->id);
  copy->type = g_strdup (relation->type);
  copy->from = g_strdup (relation->from);
  copy->to = g_strdup (relation->to);
  copy->foreign = _gls_foreign_copy (relation->foreign);

  return copy;
}

GlsRelation *
gls_relation_new (const char *type,
                  const char *from,
                  const char *to)
{
  GlsRelation *self;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  self = _gls_relation_new_empty ();
  self->id = g_strconcat ("r-", uuid, NULL);
  self->type = g_strdup (type);
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  return self;
}

const char *
gls_relation_get_id (GlsRelation *self)
{
  g_return_val_if_fail (GLS_IS_RELATION (self), NULL);

  return self->id;
}

const char *
gls_relation_get_relation_type (GlsRelation *self)
{
  g_return_val_if_fail (GLS_IS_RELATION (self), NULL);

  return self->type;
}

const char *
gls_relation_get_from (GlsRelation *self)
{
  g_return_val_if_fail (GLS_IS_RELATION (self), NULL);

  return self->from;
}

const char *
gls_relation_get_to (GlsRelation *self)
{
  g_return_val_if_fail (GLS_IS_RELATION (self), NULL);

  return self->to;
}
