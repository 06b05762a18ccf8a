/* gls-document-snapshot.c
 * What the sidecar would hold now, for a worker thread to write or export
 * while the user goes on editing, and a document of its own made from it. */
#define G_LOG_DOMAIN "gls-document-snapshot"

#include "config.h"

#include "gls-annotation-list-private.h"
#include "gls-document-private.h"
#include "gls-names-private.h"

/**
 * gls_document_serialize:
 *
 * Returns: (transfer full): the sidecar as it would be saved
 */
GBytes *
gls_document_serialize (GlsDocument *self)
{
  g_autoptr(GlsSidecarSnapshot) snapshot = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  snapshot = _gls_document_snapshot (self);
  _gls_document_end_snapshot (self, snapshot);

  return _gls_sidecar_write_bytes (snapshot);
}

static void
add_to_snapshot (gpointer item,
                 gpointer user_data)
{
  g_ptr_array_add (user_data, item);
}

/**
 * _gls_document_snapshot:
 *
 * Takes what the sidecar would hold now, for a worker thread to write
 * while the user goes on editing: until _gls_document_end_snapshot(),
 * every annotation the document changes in place or takes out is first
 * copied into the snapshot as it was. The snapshot borrows the others (a
 * pointer each, no reference): they stay in the document until then.
 *
 * Returns: (transfer full): the snapshot
 */
GlsSidecarSnapshot *
_gls_document_snapshot (GlsDocument *self)
{
  GlsSidecarSnapshot *snapshot;
  guint n_relations;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  snapshot = _gls_sidecar_snapshot_new (G_OBJECT (self), self->source, self->codebook);
  snapshot->version = g_strdup (self->version);
  snapshot->note = g_strdup (self->note);
  snapshot->foreign = self->foreign;
  snapshot->source_foreign = self->source_foreign;
  g_ptr_array_unref (snapshot->annotations);
  snapshot->annotations = g_ptr_array_sized_new (gls_document_get_n_annotations (self));
  _gls_annotation_list_foreach (self->annotations, add_to_snapshot, snapshot->annotations);

  n_relations = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (guint i = 0; i < n_relations; i++)
    g_ptr_array_add (snapshot->relations, g_list_model_get_item (G_LIST_MODEL (self->relations), i));

  snapshot->needs_1_1 = self->n_orphaned > 0 || self->n_fuzzy > 0 || _gls_document_links_elsewhere (self) ||
                        gls_source_get_kind (self->source) == GLS_SOURCE_KIND_HTML;
  snapshot->serial = _gls_history_seal (self->history);
  g_ptr_array_add (self->snapshots, _gls_sidecar_snapshot_ref (snapshot));

  return snapshot;
}

/**
 * _gls_document_end_snapshot:
 *
 * The snapshot's writer is done: the document stops keeping copies for it.
 */
void
_gls_document_end_snapshot (GlsDocument        *self,
                            GlsSidecarSnapshot *snapshot)
{
  g_return_if_fail (GLS_IS_DOCUMENT (self));

  g_ptr_array_remove (self->snapshots, snapshot);
  /* no writer reads the replaced attributes of the source any more */
  if (self->snapshots->len == 0)
    g_clear_pointer (&self->retired_foreign, g_ptr_array_unref);
}

/**
 * _gls_document_new_from_snapshot:
 *
 * A document of its own holding what @snapshot holds, for a worker thread
 * (an export) to read while the user goes on editing the original.
 *
 * Returns: (transfer full): the copy, with no history
 */
GlsDocument *
_gls_document_new_from_snapshot (GlsSidecarSnapshot *snapshot)
{
  GlsDocument *self;

  g_return_val_if_fail (snapshot != NULL, NULL);

  self = gls_document_new (snapshot->source, snapshot->codebook);
  _gls_set_string (&self->version, snapshot->version);
  _gls_set_string (&self->note, snapshot->note);
  self->foreign = _gls_foreign_copy (snapshot->foreign);
  self->source_foreign = _gls_foreign_copy (snapshot->source_foreign);

  for (guint i = 0; i < snapshot->annotations->len; i++)
    {
      g_autoptr(GlsAnnotation) annotation = _gls_sidecar_snapshot_dup_annotation (snapshot, i);

      _gls_document_insert_annotation (self, annotation, FALSE);
    }

  for (guint i = 0; i < snapshot->relations->len; i++)
    {
      GlsRelation *relation = _gls_relation_copy (g_ptr_array_index (snapshot->relations, i));

      g_hash_table_insert (self->ids, relation->id, relation);
      g_list_store_append (self->relations, relation);
      g_object_unref (relation);
    }

  return self;
}
