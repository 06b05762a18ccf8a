/* gls-document.c
 * The model of one annotated article: loading it with its sidecar, every
 * change through the undo history, overlap queries, and saving safely.
 * Here the object, its indexes, applying and undoing changes, and queries;
 * the edits, the adoption of a sidecar and the snapshots are in
 * gls-document-{edit,adopt,snapshot}.c. */
#define G_LOG_DOMAIN "gls-document"

#include "config.h"

#include <string.h>

#include "gls-annotation-list-private.h"
#include "gls-document-private.h"
#include "gls-xml-private.h"
#include "gls-names-private.h"

G_DEFINE_FINAL_TYPE (GlsDocument, gls_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_CODEBOOK,
  PROP_NOTE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  ANNOTATION_ADDED,
  ANNOTATION_REMOVED,
  ANNOTATION_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gls_document_dispose (GObject *object)
{
  GlsDocument *self = (GlsDocument *)object;

  _gls_interval_tree_clear (&self->targets);
  g_clear_object (&self->annotations);
  g_clear_object (&self->relations);

  G_OBJECT_CLASS (gls_document_parent_class)->dispose (object);
}

static void
gls_document_finalize (GObject *object)
{
  GlsDocument *self = (GlsDocument *)object;

  g_clear_object (&self->source);
  g_clear_pointer (&self->reanchor_report, gls_reanchor_report_free);
  g_clear_pointer (&self->source_etag, g_free);
  g_clear_object (&self->codebook);
  g_clear_object (&self->sidecar);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->history, _gls_history_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->etag, g_free);
  _gls_packed_slot_clear (&self->base);
  g_clear_pointer (&self->foreign, _gls_foreign_free);
  g_clear_pointer (&self->source_foreign, _gls_foreign_free);
  g_clear_pointer (&self->retired_foreign, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);

  G_OBJECT_CLASS (gls_document_parent_class)->finalize (object);
}

static void
gls_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlsDocument *self = GLS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_CODEBOOK:
      g_value_set_object (value, self->codebook);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, gls_document_get_modified (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gls_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, gls_document_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_document_class_init (GlsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_document_dispose;
  object_class->finalize = gls_document_finalize;
  object_class->get_property = gls_document_get_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, GLS_TYPE_SOURCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODEBOOK] =
    g_param_spec_object ("codebook", NULL, NULL, GLS_TYPE_CODEBOOK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlsDocument::annotation-added:
   * An annotation came into the document (added, or its removal undone).
   */
  signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLS_TYPE_ANNOTATION);
  signals[ANNOTATION_REMOVED] =
    g_signal_new ("annotation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLS_TYPE_ANNOTATION);
  /**
   * GlsDocument::annotation-changed:
   * The category, spans, note or attributes of an annotation changed.
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLS_TYPE_ANNOTATION);
  /**
   * GlsDocument::changed:
   * Emitted once after each change, undo or redo, however many parts it had.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gls_document_init (GlsDocument *self)
{
  self->annotations = _gls_annotation_list_new ();
  self->relations = g_list_store_new (GLS_TYPE_RELATION);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->history = _gls_history_new ();
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) _gls_sidecar_snapshot_unref);
  _gls_interval_tree_init (&self->targets, _gls_annotation_compare_ids);
  self->targets.want_positions = FALSE;
}

/**
 * gls_sidecar_file_for_source:
 *
 * Returns: (transfer full): where the annotations of @source_file are
 *   saved: the full file name with ".annotations.xml" added
 */
GFile *
gls_sidecar_file_for_source (GFile *source_file)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sidecar = NULL;

  g_return_val_if_fail (G_IS_FILE (source_file), NULL);

  if ((path = g_file_get_path (source_file)) != NULL)
    {
      sidecar = g_strconcat (path, GLS_SIDECAR_SUFFIX, NULL);
      return g_file_new_for_path (sidecar);
    }

  uri = g_file_get_uri (source_file);
  sidecar = g_strconcat (uri, GLS_SIDECAR_SUFFIX, NULL);

  return g_file_new_for_uri (sidecar);
}

/**
 * gls_document_new:
 * @source: the article
 * @codebook: (nullable): the codebook, or %NULL for the built-in one
 *
 * A document with no annotations, saved next to @source's file.
 */
GlsDocument *
gls_document_new (GlsSource   *source,
                  GlsCodebook *codebook)
{
  GlsDocument *self;
  GFile *file;

  g_return_val_if_fail (GLS_IS_SOURCE (source), NULL);
  g_return_val_if_fail (codebook == NULL || GLS_IS_CODEBOOK (codebook), NULL);

  self = g_object_new (GLS_TYPE_DOCUMENT, NULL);
  self->source = g_object_ref (source);
  self->codebook = codebook ? g_object_ref (codebook) : gls_codebook_new_builtin ();
  self->version = g_strdup (GLS_FORMAT_VERSION);

  if ((file = gls_source_get_file (source)) != NULL)
    self->sidecar = gls_sidecar_file_for_source (file);

  return self;
}

static void
index_annotation (GlsDocument   *self,
                  GlsAnnotation *annotation)
{
  if (annotation->anchor == GLS_ANCHOR_ORPHANED)
    return;

  for (guint i = 0; i < annotation->targets->len; i++)
    {
      const GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, i);

      _gls_interval_tree_insert (&self->targets, target->start, target->end, annotation, i);
    }
}

static void
unindex_annotation (GlsDocument   *self,
                    GlsAnnotation *annotation)
{
  if (annotation->anchor == GLS_ANCHOR_ORPHANED)
    return;

  for (guint i = 0; i < annotation->targets->len; i++)
    {
      const GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, i);

      _gls_interval_tree_remove (&self->targets, target->start, target->end, annotation, i, NULL);
    }
}

static void
count (GlsDocument *self,
       const char  *category,
       int          delta)
{
  gpointer value = g_hash_table_lookup (self->counts, category);
  int n = GPOINTER_TO_INT (value) + delta;

  if (n > 0)
    g_hash_table_replace (self->counts, g_strdup (category), GINT_TO_POINTER (n));
  else
    g_hash_table_remove (self->counts, category);
}

/* The marks of FORMAT.md §2.1 are counted, for the window and the writer. */
static void
count_anchor (GlsDocument *self,
              GlsAnchor    anchor,
              int          delta)
{
  if (anchor == GLS_ANCHOR_ORPHANED)
    self->n_orphaned += delta;
  else if (anchor == GLS_ANCHOR_FUZZY)
    self->n_fuzzy += delta;
}

void
_gls_document_insert_annotation (GlsDocument   *self,
                                 GlsAnnotation *annotation,
                                 gboolean       notify)
{
  g_hash_table_insert (self->ids, annotation->id, annotation);
  count (self, annotation->category, 1);
  _gls_annotation_list_insert (self->annotations, annotation, notify);
  index_annotation (self, annotation);
  count_anchor (self, annotation->anchor, 1);
}

static void
take_out_annotation (GlsDocument   *self,
                     GlsAnnotation *annotation)
{
  /* snapshots being written borrow it: they keep a copy */
  for (guint i = 0; i < self->snapshots->len; i++)
    _gls_sidecar_snapshot_freeze (g_ptr_array_index (self->snapshots, i), annotation);

  g_object_ref (annotation);
  unindex_annotation (self, annotation);
  _gls_annotation_list_remove (self->annotations, annotation, TRUE);
  g_hash_table_remove (self->ids, annotation->id);
  count (self, annotation->category, -1);
  count_anchor (self, annotation->anchor, -1);
  g_signal_emit (self, signals[ANNOTATION_REMOVED], 0, annotation);
  g_object_unref (annotation);
}

gboolean
_gls_document_find_relation (GlsDocument *self,
                             GlsRelation *relation,
                             guint       *position)
{
  return g_list_store_find (self->relations, relation, position);
}

/* Before a change moves an annotation in the text order. */
static void
begin_reorder (GlsDocument   *self,
               GlsAnnotation *annotation)
{
  unindex_annotation (self, annotation);
  _gls_annotation_list_remove (self->annotations, annotation, FALSE);
}

static void
end_reorder (GlsDocument   *self,
             GlsAnnotation *annotation,
             guint          old_position)
{
  guint position = _gls_annotation_list_insert (self->annotations, annotation, FALSE);

  index_annotation (self, annotation);
  if (position == old_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self->annotations), position, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self->annotations), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self->annotations), position, 0, 1);
    }
}

static void
set_spans_from_array (GlsAnnotation *annotation,
                      GArray        *spans)
{
  _gls_annotation_set_spans (annotation, (const GlsSpan *) spans->data, spans->len);
}

/* Applies @change (or reverts it when @undo) and emits what it changed. */
void
_gls_document_apply (GlsDocument *self,
                     GlsChange   *change,
                     gboolean     undo)
{
  GlsAnnotation *annotation = change->annotation;
  guint to = undo ? 0 : 1;
  guint position;

  switch (change->kind)
    {
    case GLS_CHANGE_ADD:
    case GLS_CHANGE_REMOVE:
      if ((change->kind == GLS_CHANGE_ADD) != undo)
        {
          _gls_document_insert_annotation (self, annotation, TRUE);
          g_signal_emit (self, signals[ANNOTATION_ADDED], 0, annotation);
        }
      else
        {
          take_out_annotation (self, annotation);
        }
      return;

    case GLS_CHANGE_ADD_RELATION:
    case GLS_CHANGE_REMOVE_RELATION:
      if ((change->kind == GLS_CHANGE_ADD_RELATION) != undo)
        {
          g_hash_table_insert (self->ids, change->relation->id, change->relation);
          g_list_store_append (self->relations, change->relation);
        }
      else if (_gls_document_find_relation (self, change->relation, &position))
        {
          g_hash_table_remove (self->ids, change->relation->id);
          g_list_store_remove (self->relations, position);
        }
      return;

    case GLS_CHANGE_DOCUMENT_NOTE:
      _gls_set_string (&self->note, change->text[to]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
      return;

    case GLS_CHANGE_WORK_STATE:
      _gls_document_apply_work_state (self, change->text[to]);
      return;

    case GLS_CHANGE_CODEBOOK:
      g_set_object (&self->codebook, change->codebook[to]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEBOOK]);
      return;

    case GLS_CHANGE_REANCHORED:
      return;

    case GLS_CHANGE_DISK_VERSION:
      _gls_set_string (&self->etag, change->text[to]);
      _gls_packed_slot_set (&self->base, change->bytes[to]);
      return;

    default:
      break;
    }

  /* what follows changes @annotation in place: snapshots being written
   * keep it as it was */
  for (guint i = 0; i < self->snapshots->len; i++)
    _gls_sidecar_snapshot_freeze (g_ptr_array_index (self->snapshots, i), annotation);

  switch (change->kind)
    {
    case GLS_CHANGE_CATEGORY:
      count (self, annotation->category, -1);
      _gls_set_string (&annotation->category, change->text[to]);
      count (self, annotation->category, 1);
      break;

    case GLS_CHANGE_NOTE:
      _gls_set_string (&annotation->note, change->text[to]);
      break;

    case GLS_CHANGE_ATTRIBUTES:
      g_ptr_array_unref (annotation->attributes);
      annotation->attributes = g_ptr_array_ref (change->attributes[to]);
      break;

    case GLS_CHANGE_SPANS:
      gls_annotation_list_find (self->annotations, annotation, &position);
      begin_reorder (self, annotation);
      count_anchor (self, annotation->anchor, -1);
      if (undo && change->targets != NULL)
        {
          /* an orphan gets its quotes back, the only record of its text */
          g_array_unref (annotation->targets);
          annotation->targets = _gls_targets_copy (change->targets);
        }
      else
        set_spans_from_array (annotation, change->spans[to]);
      annotation->anchor = change->anchor[to];
      count_anchor (self, annotation->anchor, 1);
      end_reorder (self, annotation, position);
      break;

    case GLS_CHANGE_ANCHOR:
      gls_annotation_list_find (self->annotations, annotation, &position);
      begin_reorder (self, annotation);
      count_anchor (self, annotation->anchor, -1);
      g_array_unref (annotation->targets);
      annotation->targets = _gls_targets_copy (change->anchored[to]);
      annotation->anchor = change->anchor[to];
      count_anchor (self, annotation->anchor, 1);
      end_reorder (self, annotation, position);
      break;

    default:
      g_assert_not_reached ();
    }

  _gls_set_string (&annotation->modified, change->modified[to]);

  if (change->kind != GLS_CHANGE_SPANS && change->kind != GLS_CHANGE_ANCHOR &&
      gls_annotation_list_find (self->annotations, annotation, &position))
    g_list_model_items_changed (G_LIST_MODEL (self->annotations), position, 1, 1);

  g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, annotation);
}

typedef struct
{
  gboolean modified;
  gboolean can_undo;
  gboolean can_redo;
} State;

static State
get_state (GlsDocument *self)
{
  State state = {
    gls_document_get_modified (self),
    gls_document_can_undo (self),
    gls_document_can_redo (self),
  };

  return state;
}

static void
notify_state (GlsDocument *self,
              State        before)
{
  State after = get_state (self);

  if (after.modified != before.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (after.can_undo != before.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (after.can_redo != before.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Makes a change: applies it, records it, and tells observers. */
void
_gls_document_commit (GlsDocument *self,
                      GlsChange   *change)
{
  State before = get_state (self);

  change->time = g_get_monotonic_time ();
  _gls_document_apply (self, change, FALSE);
  _gls_history_push (self->history, change);

  notify_state (self, before);
  if (!gls_document_can_undo (self) && !gls_document_can_redo (self))
    return; /* inside a group: "changed" comes when it ends */
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Applies again the last change of the history, which a new edit was
 * merged into (typing a note is one step to undo per burst), and tells
 * observers. */
void
_gls_document_reapply (GlsDocument *self,
                       GlsChange   *change)
{
  State before = get_state (self);

  _gls_document_apply (self, change, FALSE);
  notify_state (self, before);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * gls_document_begin_group:
 *
 * Makes the changes until the matching gls_document_end_group() one step
 * to undo. Groups nest.
 */
void
gls_document_begin_group (GlsDocument *self)
{
  g_return_if_fail (GLS_IS_DOCUMENT (self));

  _gls_history_begin_group (self->history);
}

void
gls_document_end_group (GlsDocument *self)
{
  State before;

  g_return_if_fail (GLS_IS_DOCUMENT (self));

  before = get_state (self);
  if (_gls_history_end_group (self->history))
    {
      before.can_undo = FALSE;
      notify_state (self, before);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

gboolean
gls_document_can_undo (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);

  return _gls_history_can_undo (self->history);
}

gboolean
gls_document_can_redo (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);

  return _gls_history_can_redo (self->history);
}

gboolean
gls_document_undo (GlsDocument *self)
{
  State before;
  GPtrArray *changes;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);

  before = get_state (self);
  if ((changes = _gls_history_undo (self->history)) == NULL)
    return FALSE;

  for (guint i = changes->len; i > 0; i--)
    _gls_document_apply (self, g_ptr_array_index (changes, i - 1), TRUE);

  notify_state (self, before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
gls_document_redo (GlsDocument *self)
{
  State before;
  GPtrArray *changes;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);

  before = get_state (self);
  if ((changes = _gls_history_redo (self->history)) == NULL)
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    _gls_document_apply (self, g_ptr_array_index (changes, i), FALSE);

  notify_state (self, before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

typedef struct
{
  GPtrArray *result;
  guint      start;
  guint      end;
} Query;

static gboolean
collect_overlapping (gpointer data,
                     guint    sub,
                     gpointer user_data)
{
  GlsAnnotation *annotation = data;
  Query *query = user_data;

  /* An annotation with several targets here is listed once, for its
   * first target that overlaps. */
  for (guint i = 0; i < sub; i++)
    {
      const GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, i);

      if (target->start < query->end && query->start < target->end)
        return TRUE;
    }

  g_ptr_array_add (query->result, annotation);

  return TRUE;
}

/**
 * gls_document_query:
 * @result: (element-type GlsAnnotation): an array the annotations found
 *   are appended to (borrowed references), by start offset
 *
 * Finds the annotations that overlap [@start, @end) in O(log n + k).
 * Orphaned annotations have no place in the text and are never found.
 */
void
gls_document_query (GlsDocument *self,
                    guint        start,
                    guint        end,
                    GPtrArray   *result)
{
  Query query = { result, start, end };

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (result != NULL);

  if (start >= end)
    return;

  _gls_interval_tree_overlapping (&self->targets, start, end, collect_overlapping, &query);
}

/**
 * gls_document_query_at:
 *
 * Finds the annotations that cover the character at @offset.
 */
void
gls_document_query_at (GlsDocument *self,
                       guint        offset,
                       GPtrArray   *result)
{
  gls_document_query (self, offset, offset + 1, result);
}

GlsSource *
gls_document_get_source (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return self->source;
}

GlsCodebook *
gls_document_get_codebook (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return self->codebook;
}

/**
 * gls_document_get_annotations:
 *
 * Returns: (transfer none): the annotations in text order
 */
GlsAnnotationList *
gls_document_get_annotations (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return self->annotations;
}

guint
gls_document_get_n_annotations (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
}

/**
 * gls_document_get_relations:
 *
 * Returns: (transfer none): the relations, as a list of #GlsRelation
 */
GListModel *
gls_document_get_relations (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->relations);
}

GlsAnnotation *
gls_document_lookup_annotation (GlsDocument *self,
                                const char  *id)
{
  gpointer found;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  found = g_hash_table_lookup (self->ids, id);

  return GLS_IS_ANNOTATION (found) ? found : NULL;
}

const char *
gls_document_get_note (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return self->note;
}

const char *
gls_document_get_annotator (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return self->annotator;
}

/**
 * gls_document_set_annotator:
 *
 * Sets who makes the annotations added from now on.
 */
void
gls_document_set_annotator (GlsDocument *self,
                            const char  *annotator)
{
  g_return_if_fail (GLS_IS_DOCUMENT (self));

  _gls_set_string (&self->annotator, annotator);
}

gboolean
gls_document_get_modified (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);

  return _gls_history_is_modified (self->history);
}

/**
 * gls_document_get_source_changed:
 *
 * Returns: whether the article's SHA-256 differs from the one the sidecar
 *   recorded when it was last saved
 */
gboolean
gls_document_get_source_changed (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);

  return self->source_changed;
}

guint
gls_document_get_n_orphaned (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), 0);

  return self->n_orphaned;
}

/**
 * gls_document_get_n_fuzzy:
 *
 * Returns: how many annotations were re-anchored to similar text and wait
 *   for a person to accept their new place
 */
guint
gls_document_get_n_fuzzy (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), 0);

  return self->n_fuzzy;
}

/* Whether a relation leads into another article's sidecar (FORMAT.md 1.1). */
gboolean
_gls_document_links_elsewhere (GlsDocument *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

      if (strchr (relation->to, '#') != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * gls_document_count_category:
 *
 * Returns: how many annotations have @category, in O(1)
 */
guint
gls_document_count_category (GlsDocument *self,
                             const char  *category)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (category != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, category));
}

GFile *
gls_document_get_sidecar_file (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return self->sidecar;
}


static void
clear_moved_mark (gpointer item,
                  gpointer user_data)
{
  GlsAnnotation *annotation = item;

  if (annotation->anchor == GLS_ANCHOR_MOVED)
    annotation->anchor = GLS_ANCHOR_OK;
}

/* Once saved, a moved annotation is one like any other: the sidecar has
 * its new place (FORMAT.md §2.1 writes no mark for it). */
static void
clear_moved_marks (GlsDocument *self)
{
  if (self->reanchor_report != NULL && self->reanchor_report->n_annotations[GLS_ANCHOR_MOVED] > 0)
    _gls_annotation_list_foreach (self->annotations, clear_moved_mark, NULL);
}

/**
 * _gls_document_saved:
 * @snapshot: what was saved
 * @etag: the sidecar's etag after the save
 * @base: (nullable): the saved bytes, the base of the next merge
 *
 * The sidecar now holds @snapshot: the document is unmodified unless it
 * was changed since the snapshot was taken.
 */
void
_gls_document_saved (GlsDocument        *self,
                     GlsSidecarSnapshot *snapshot,
                     const char         *etag,
                     GBytes             *base)
{
  State before;

  g_return_if_fail (GLS_IS_DOCUMENT (self));

  before = get_state (self);
  _gls_set_string (&self->etag, etag);
  _gls_packed_slot_set (&self->base, base);
  self->source_changed = FALSE;
  clear_moved_marks (self);
  _gls_history_mark_saved_at (self->history, snapshot->serial);
  notify_state (self, before);
}
