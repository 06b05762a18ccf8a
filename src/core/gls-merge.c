/* gls-merge.c
 * The three-way merge of a document with its sidecar changed on disk
 * (a git pull, another annotator): base is the sidecar as last loaded or
 * saved, mine the document, theirs the file now. Keyed by annotation id. */
#define G_LOG_DOMAIN "gls-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-codebook-private.h"
#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-sidecar-merge-private.h"
#include "gls-sidecar-reader-private.h"
#include "gls-file-reader.h"
#include "gls-packed-bytes-private.h"

void
gls_merge_conflict_free (GlsMergeConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->id);
  g_clear_object (&conflict->mine);
  g_clear_object (&conflict->theirs);
  g_free (conflict);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/* Whether two annotations say the same: category, spans, note, attributes. */
static gboolean
same_annotation (GlsAnnotation *a,
                 GlsAnnotation *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (g_strcmp0 (a->category, b->category) != 0 || !same_text (a->note, b->note))
    return FALSE;

  if (a->targets->len != b->targets->len || a->attributes->len != b->attributes->len)
    return FALSE;

  for (guint i = 0; i < a->targets->len; i++)
    {
      GlsSpan x = gls_annotation_get_target (a, i), y = gls_annotation_get_target (b, i);

      if (x.start != y.start || x.end != y.end)
        return FALSE;
    }

  for (guint i = 0; i < a->attributes->len; i++)
    if (!same_text (g_ptr_array_index (a->attributes, i), g_ptr_array_index (b->attributes, i)))
      return FALSE;

  return TRUE;
}

/* Reads @bytes as a sidecar of the article @source, checked. */
static GlsDocument *
read_version (GlsSource    *source,
              GlsCodebook  *codebook,
              GBytes       *bytes,
              const char   *name,
              GError      **error)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GlsDocument) version = NULL;

  if (bytes == NULL)
    return gls_document_new (source, codebook);

  if ((data = _gls_sidecar_read (bytes, name, problems, error)) == NULL)
    return NULL;

  version = gls_document_new (source, data->codebook ? data->codebook : codebook);

  if (!_gls_document_adopt (version, data, problems))
    {
      g_autofree char *message = gls_problems_to_string (problems, GLS_PROBLEM_ERROR);

      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, message);
      return NULL;
    }

  return g_steal_pointer (&version);
}

/* Makes @mine say what @theirs says, as undoable edits. */
static void
take_content (GlsDocument   *self,
              GlsAnnotation *mine,
              GlsAnnotation *theirs)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));

  gls_document_set_category (self, mine, theirs->category);
  for (guint i = 0; i < theirs->targets->len; i++)
    {
      GlsSpan span = gls_annotation_get_target (theirs, i);
      g_array_append_val (spans, span);
    }
  gls_document_set_spans (self, mine, (GlsSpan *) spans->data, spans->len, NULL);
  gls_document_set_annotation_note (self, mine, theirs->note);

  /* attributes: theirs replace mine */
  for (guint i = 0; i + 1 < mine->attributes->len; )
    {
      const char *name = g_ptr_array_index (mine->attributes, i);

      if (gls_annotation_lookup_attribute (theirs, name) == NULL)
        gls_document_set_attribute (self, mine, name, NULL);
      else
        i += 2;
    }
  for (guint i = 0; i + 1 < theirs->attributes->len; i += 2)
    gls_document_set_attribute (self, mine, g_ptr_array_index (theirs->attributes, i),
                                g_ptr_array_index (theirs->attributes, i + 1));
}

static void
add_copy (GlsDocument   *self,
          GlsAnnotation *theirs)
{
  g_autoptr(GlsAnnotation) copy = _gls_annotation_copy (theirs);

  gls_document_add_annotation (self, copy, NULL);
}

static void
conflict (GPtrArray     *conflicts,
          const char    *id,
          GlsAnnotation *mine,
          GlsAnnotation *theirs)
{
  GlsMergeConflict *c = g_new0 (GlsMergeConflict, 1);

  c->id = g_strdup (id);
  c->mine = mine ? g_object_ref (mine) : NULL;
  c->theirs = theirs ? _gls_annotation_copy (theirs) : NULL;
  g_ptr_array_add (conflicts, c);
}

/* The categories @theirs has and this document's codebook lacks, added to
 * a copy of it. */
static void
take_their_categories (GlsDocument *self,
                       GlsCodebook *theirs)
{
  g_autoptr(GlsCodebook) copy = _gls_codebook_add_missing (self->codebook, theirs);

  if (copy != NULL)
    gls_document_set_codebook (self, copy);
}

static GlsRelation *
find_relation (GListModel *relations,
               const char *id)
{
  guint n = g_list_model_get_n_items (relations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (relation->id, id) == 0)
        return relation;
    }

  return NULL;
}

void
_gls_merge_versions_free (GlsMergeVersions *versions)
{
  if (versions == NULL)
    return;

  g_clear_object (&versions->base);
  g_clear_object (&versions->theirs);
  g_clear_pointer (&versions->disk, g_bytes_unref);
  g_free (versions->disk_etag);
  g_free (versions);
}

/**
 * _gls_merge_read_versions:
 * @base: (nullable): the sidecar as last loaded or saved, packed
 *
 * Reads the sidecar on disk and the base of a merge, checked against the
 * article @source. Touches no document: safe in a worker thread.
 *
 * Returns: (transfer full): both versions, or %NULL with @error set
 */
GlsMergeVersions *
_gls_merge_read_versions (GlsSource    *source,
                          GlsCodebook  *codebook,
                          GBytes       *base,
                          GFile        *sidecar,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (sidecar);
  g_autoptr(GBytes) unpacked = NULL;
  GlsMergeVersions *versions;

  versions = g_new0 (GlsMergeVersions, 1);
  if ((versions->disk = gls_read_file (sidecar, GLS_FILE_SIDECAR, &versions->disk_etag, NULL, &local_error)) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, _("Cannot merge “%s”: %s"), name, local_error->message);
      _gls_merge_versions_free (versions);
      return NULL;
    }

  if (base != NULL && (unpacked = _gls_bytes_unpack (base, error)) == NULL)
    {
      _gls_merge_versions_free (versions);
      return NULL;
    }
  if ((versions->theirs = read_version (source, codebook, versions->disk, name, error)) == NULL ||
      (versions->base = read_version (source, codebook, unpacked, name, error)) == NULL)
    {
      _gls_merge_versions_free (versions);
      return NULL;
    }
  /* the disk's version becomes the base of the next merge: kept packed */
  {
    GBytes *disk = versions->disk;

    versions->disk = _gls_bytes_pack (disk);
    g_bytes_unref (disk);
  }

  return versions;
}

/**
 * gls_document_merge_disk_version:
 *
 * Merges the sidecar on disk into the document, as one step to undo:
 * annotations added or deleted on either side, and those changed on one
 * side only, are taken. An annotation changed on both sides (or changed
 * on one and deleted on the other) is left as it is here and returned, for
 * the user to choose with gls_document_resolve_conflict(). Afterwards the
 * next save replaces the file on disk. This reads the file in the calling
 * thread: GlsDocumentFile reads it in a worker thread.
 *
 * Returns: (transfer full) (element-type GlsMergeConflict): the conflicts,
 *   maybe none, or %NULL with @error set when the file on disk cannot be
 *   read (then nothing changed)
 */
GPtrArray *
gls_document_merge_disk_version (GlsDocument  *self,
                                 GError      **error)
{
  GlsMergeVersions *versions;
  GPtrArray *conflicts;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->sidecar != NULL, NULL);

  if ((versions = _gls_merge_read_versions (self->source, self->codebook, _gls_packed_slot_get (&self->base),
                                           self->sidecar, error)) == NULL)
    return NULL;

  conflicts = _gls_document_merge_versions (self, versions);
  _gls_merge_versions_free (versions);

  return conflicts;
}

/**
 * _gls_document_merge_versions:
 *
 * The merge itself, on the main thread, from the versions read.
 *
 * Returns: (transfer full) (element-type GlsMergeConflict): the conflicts
 */
GPtrArray *
_gls_document_merge_versions (GlsDocument      *self,
                              GlsMergeVersions *versions)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  GlsDocument *base = versions->base;
  GlsDocument *theirs = versions->theirs;
  GBytes *disk = versions->disk;
  g_autoptr(GPtrArray) mine_list = NULL;
  GlsAnnotationList *list;
  guint n;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_merge_conflict_free);
  gls_document_begin_group (self);

  take_their_categories (self, theirs->codebook);

  /* what theirs has */
  list = gls_document_get_annotations (theirs);
  n = gls_document_get_n_annotations (theirs);
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *t = gls_annotation_list_get (list, i);
      GlsAnnotation *b = gls_document_lookup_annotation (base, t->id);
      GlsAnnotation *m = gls_document_lookup_annotation (self, t->id);

      if (b == NULL && m == NULL)
        add_copy (self, t);                        /* added there */
      else if (b == NULL)
        {
          if (!same_annotation (m, t))
            conflict (conflicts, t->id, m, t);     /* added on both sides */
        }
      else if (m == NULL)
        {
          if (!same_annotation (b, t))
            conflict (conflicts, t->id, NULL, t);  /* deleted here, changed there */
        }
      else if (same_annotation (b, t) || same_annotation (m, t))
        ;                                          /* unchanged there, or the same change */
      else if (same_annotation (m, b))
        take_content (self, m, t);                 /* changed there only */
      else
        conflict (conflicts, t->id, m, t);         /* changed on both sides */
    }

  /* what theirs deleted */
  mine_list = g_ptr_array_new_with_free_func (g_object_unref);
  list = gls_document_get_annotations (base);
  n = gls_document_get_n_annotations (base);
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *b = gls_annotation_list_get (list, i);
      GlsAnnotation *m = gls_document_lookup_annotation (self, b->id);

      if (gls_document_lookup_annotation (theirs, b->id) != NULL || m == NULL)
        continue;

      if (same_annotation (m, b))
        g_ptr_array_add (mine_list, g_object_ref (m));
      else
        conflict (conflicts, b->id, m, NULL);      /* changed here, deleted there */
    }
  for (guint i = 0; i < mine_list->len; i++)
    gls_document_remove_annotation (self, g_ptr_array_index (mine_list, i));

  /* relations: added there (with their ids), deleted there */
  n = g_list_model_get_n_items (G_LIST_MODEL (theirs->relations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (G_LIST_MODEL (theirs->relations), i);

      if (find_relation (G_LIST_MODEL (base->relations), relation->id) == NULL &&
          find_relation (G_LIST_MODEL (self->relations), relation->id) == NULL)
        {
          g_autoptr(GlsRelation) copy = _gls_relation_copy (relation);

          /* refused only when an end is gone here */
          gls_document_insert_relation (self, copy, NULL);
        }
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (base->relations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (G_LIST_MODEL (base->relations), i);
      GlsRelation *mine = find_relation (G_LIST_MODEL (self->relations), relation->id);

      if (mine != NULL && find_relation (G_LIST_MODEL (theirs->relations), relation->id) == NULL)
        gls_document_remove_relation (self, mine);
    }

  /* the note on the whole article: theirs if only they changed it, both
   * (mine first) if both did */
  if (same_text (self->note, base->note))
    gls_document_set_note (self, theirs->note);
  else if (!same_text (theirs->note, base->note) && !same_text (theirs->note, self->note))
    {
      g_autofree char *both = NULL;

      if (self->note == NULL || *self->note == '\0')
        both = g_strdup (theirs->note);
      else
        both = g_strconcat (self->note, "\n\n", theirs->note, NULL);
      gls_document_set_note (self, both);
    }

  /* the file on disk is now the base of the next merge, and may be
   * replaced by the next save: part of the step, so that undoing the
   * merge makes a save refuse again */
  {
    GlsChange *change = _gls_change_new (GLS_CHANGE_DISK_VERSION);

    change->text[0] = g_strdup (self->etag);
    change->text[1] = g_strdup (versions->disk_etag);
    change->bytes[0] = _gls_packed_slot_get (&self->base);
    if (change->bytes[0] != NULL)
      g_bytes_ref (change->bytes[0]);
    change->bytes[1] = g_bytes_ref (disk);
    _gls_document_commit (self, change);
  }

  gls_document_end_group (self);

  return g_steal_pointer (&conflicts);
}

/**
 * gls_document_resolve_conflict:
 * @take_theirs: %TRUE for the version on disk, %FALSE to keep this one
 *
 * Settles one conflict of a merge, as one step to undo.
 */
void
gls_document_resolve_conflict (GlsDocument      *self,
                               GlsMergeConflict *conflict,
                               gboolean          take_theirs)
{
  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (conflict != NULL);

  if (!take_theirs)
    return;

  gls_document_begin_group (self);
  if (conflict->theirs == NULL)
    {
      GlsAnnotation *mine = gls_document_lookup_annotation (self, conflict->id);

      if (mine != NULL)
        gls_document_remove_annotation (self, mine);
    }
  else
    {
      GlsAnnotation *mine = gls_document_lookup_annotation (self, conflict->id);

      if (mine == NULL)
        add_copy (self, conflict->theirs);
      else
        take_content (self, mine, conflict->theirs);
    }
  gls_document_end_group (self);
}
