/* gls-document-edit.c
 * The changes a user makes to a document: annotations, their categories,
 * spans, notes and attributes, relations, the note and the codebook, each
 * one step to undo through the history. */
#define G_LOG_DOMAIN "gls-document-edit"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-names-private.h"

static gboolean
check_spans (GlsDocument    *self,
             const GlsSpan  *spans,
             guint           n_spans,
             GError        **error)
{
  guint length = gls_source_get_length (self->source);

  if (n_spans == 0)
    {
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_RANGE,
                           _("An annotation needs at least one span of text"));
      return FALSE;
    }

  for (guint i = 0; i < n_spans; i++)
    {
      if (spans[i].start == spans[i].end)
        {
          g_set_error (error, GLS_ERROR, GLS_ERROR_RANGE,
                       _("The span %u–%u is empty: its end must come after its start"),
                       spans[i].start, spans[i].end);
          return FALSE;
        }
      if (spans[i].start > spans[i].end)
        {
          g_set_error (error, GLS_ERROR, GLS_ERROR_RANGE,
                       _("The span ends (%u) before it starts (%u)"),
                       spans[i].end, spans[i].start);
          return FALSE;
        }
      if (spans[i].end > length)
        {
          g_set_error (error, GLS_ERROR, GLS_ERROR_RANGE,
                       _("The span %u–%u ends beyond the end of the text (%u characters)"),
                       spans[i].start, spans[i].end, length);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * gls_document_add_annotation:
 *
 * Adds @annotation, as one step to undo. Its spans must lie within the
 * text and its id must be new; its category need not be in the codebook
 * (an imported one may come first).
 */
gboolean
gls_document_add_annotation (GlsDocument    *self,
                             GlsAnnotation  *annotation,
                             GError        **error)
{
  GlsChange *change;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLS_IS_ANNOTATION (annotation), FALSE);

  if (g_hash_table_contains (self->ids, annotation->id))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("The document already has an annotation or relation “%s”"),
                   annotation->id);
      return FALSE;
    }

  if (annotation->anchor != GLS_ANCHOR_ORPHANED)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));

      for (guint i = 0; i < annotation->targets->len; i++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, i);
          g_array_append_val (spans, span);
        }
      if (!check_spans (self, (GlsSpan *) spans->data, spans->len, error))
        return FALSE;
    }

  change = _gls_change_new (GLS_CHANGE_ADD);
  change->annotation = g_object_ref (annotation);
  _gls_document_commit (self, change);

  return TRUE;
}

/**
 * gls_document_annotate:
 * @category: a category of the document's codebook
 *
 * Returns: (transfer none): the new annotation over [@start, @end), made
 *   by the document's annotator, or %NULL with @error set
 */
GlsAnnotation *
gls_document_annotate (GlsDocument  *self,
                       const char   *category,
                       guint         start,
                       guint         end,
                       GError      **error)
{
  g_autoptr(GlsAnnotation) annotation = NULL;
  GlsSpan span = { start, end };

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  if (gls_codebook_lookup (self->codebook, category) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY,
                   _("The codebook “%s” has no category “%s”"),
                   gls_codebook_get_id (self->codebook), category);
      return NULL;
    }

  if (!check_spans (self, &span, 1, error))
    return NULL;

  annotation = gls_annotation_new (category, &span, 1, self->annotator);
  if (!gls_document_add_annotation (self, annotation, error))
    return NULL;

  return annotation;
}

static GlsChange *
annotation_change (GlsChangeKind  kind,
                   GlsAnnotation *annotation)
{
  GlsChange *change = _gls_change_new (kind);

  change->annotation = g_object_ref (annotation);
  change->modified[0] = g_strdup (annotation->modified);
  change->modified[1] = gls_timestamp_now ();

  return change;
}

/**
 * gls_document_remove_annotation:
 *
 * Removes @annotation and the relations that refer to it, as one step.
 */
void
gls_document_remove_annotation (GlsDocument   *self,
                                GlsAnnotation *annotation)
{
  GlsChange *change;
  guint n;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (GLS_IS_ANNOTATION (annotation));
  g_return_if_fail (g_hash_table_lookup (self->ids, annotation->id) == annotation);

  gls_document_begin_group (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (G_LIST_MODEL (self->relations), i - 1);

      if (g_strcmp0 (relation->from, annotation->id) == 0 ||
          g_strcmp0 (relation->to, annotation->id) == 0)
        gls_document_remove_relation (self, relation);
    }

  change = _gls_change_new (GLS_CHANGE_REMOVE);
  change->annotation = g_object_ref (annotation);
  _gls_document_commit (self, change);

  gls_document_end_group (self);
}

void
gls_document_set_category (GlsDocument   *self,
                           GlsAnnotation *annotation,
                           const char    *category)
{
  GlsChange *change;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (GLS_IS_ANNOTATION (annotation));
  g_return_if_fail (category != NULL);

  if (g_strcmp0 (annotation->category, category) == 0)
    return;

  change = annotation_change (GLS_CHANGE_CATEGORY, annotation);
  change->text[0] = g_strdup (annotation->category);
  change->text[1] = g_strdup (category);
  _gls_document_commit (self, change);
}

static GArray *
dup_spans (GlsAnnotation *annotation)
{
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (GlsSpan), annotation->targets->len);

  for (guint i = 0; i < annotation->targets->len; i++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, i);
      g_array_append_val (spans, span);
    }

  return spans;
}

/**
 * gls_document_set_spans:
 *
 * Moves @annotation to other text. An orphaned annotation so placed is
 * anchored again.
 */
gboolean
gls_document_set_spans (GlsDocument    *self,
                        GlsAnnotation  *annotation,
                        const GlsSpan  *spans,
                        guint           n_spans,
                        GError        **error)
{
  GlsChange *change;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLS_IS_ANNOTATION (annotation), FALSE);

  if (!check_spans (self, spans, n_spans, error))
    return FALSE;

  change = annotation_change (GLS_CHANGE_SPANS, annotation);
  change->spans[0] = dup_spans (annotation);
  change->spans[1] = g_array_sized_new (FALSE, FALSE, sizeof (GlsSpan), n_spans);
  g_array_append_vals (change->spans[1], spans, n_spans);
  change->anchor[0] = annotation->anchor;
  change->anchor[1] = GLS_ANCHOR_OK;
  if (annotation->anchor == GLS_ANCHOR_ORPHANED)
    change->targets = _gls_targets_copy (annotation->targets);
  _gls_document_commit (self, change);

  return TRUE;
}

static gboolean
same_note (const char *a,
           const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/**
 * gls_document_set_annotation_note:
 *
 * Sets the note of @annotation. Edits of one note less than a second
 * apart are one step to undo, so typing a note undoes by bursts.
 */
void
gls_document_set_annotation_note (GlsDocument   *self,
                                  GlsAnnotation *annotation,
                                  const char    *note)
{
  g_autofree char *clean = NULL;
  gint64 now = g_get_monotonic_time ();
  GlsChange *change;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (GLS_IS_ANNOTATION (annotation));

  clean = _gls_clean_xml_text (note);
  /* what a file can hold (gls-names-private.h) */
  _gls_limit_text (&clean);
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);

  if (same_note (annotation->note, clean))
    return;

  if ((change = _gls_history_coalescable (self->history, GLS_CHANGE_NOTE, annotation, now)) != NULL)
    {
      _gls_set_string (&change->text[1], clean);
      g_free (change->modified[1]);
      change->modified[1] = gls_timestamp_now ();
      change->time = now;
      _gls_document_reapply (self, change);
      return;
    }

  change = annotation_change (GLS_CHANGE_NOTE, annotation);
  change->text[0] = g_strdup (annotation->note);
  change->text[1] = g_steal_pointer (&clean);
  _gls_document_commit (self, change);
}

/**
 * gls_document_set_attribute:
 * @value: (nullable): the value, or %NULL to remove the attribute
 */
void
gls_document_set_attribute (GlsDocument   *self,
                            GlsAnnotation *annotation,
                            const char    *name,
                            const char    *value)
{
  g_autoptr(GPtrArray) attributes = NULL;
  GlsChange *change;
  gboolean found = FALSE;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (GLS_IS_ANNOTATION (annotation));
  g_return_if_fail (name != NULL);

  if (g_strcmp0 (gls_annotation_lookup_attribute (annotation, name), value) == 0)
    return;

  attributes = _gls_annotation_dup_attributes (annotation);
  for (guint i = 0; i + 1 < attributes->len; i += 2)
    {
      if (strcmp (g_ptr_array_index (attributes, i), name) != 0)
        continue;

      found = TRUE;
      if (value == NULL)
        g_ptr_array_remove_range (attributes, i, 2);
      else
        {
          g_free (g_ptr_array_index (attributes, i + 1));
          g_ptr_array_index (attributes, i + 1) = _gls_clean_xml_text (value);
          _gls_limit_text ((char **) &g_ptr_array_index (attributes, i + 1));
        }
      break;
    }

  if (!found && value != NULL)
    {
      g_ptr_array_add (attributes, g_strdup (name));
      g_ptr_array_add (attributes, _gls_clean_xml_text (value));
      _gls_limit_text ((char **) &g_ptr_array_index (attributes, attributes->len - 1));
    }

  change = annotation_change (GLS_CHANGE_ATTRIBUTES, annotation);
  change->attributes[0] = g_ptr_array_ref (annotation->attributes);
  change->attributes[1] = g_steal_pointer (&attributes);
  _gls_document_commit (self, change);
}

/**
 * gls_document_add_relation:
 *
 * Returns: (transfer none): a new relation of @type from @from to @to
 */
GlsRelation *
gls_document_add_relation (GlsDocument    *self,
                           const char     *type,
                           GlsAnnotation  *from,
                           GlsAnnotation  *to,
                           GError        **error)
{
  GlsChange *change;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (GLS_IS_ANNOTATION (from), NULL);
  g_return_val_if_fail (GLS_IS_ANNOTATION (to), NULL);

  if (g_hash_table_lookup (self->ids, from->id) != from ||
      g_hash_table_lookup (self->ids, to->id) != to)
    {
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID,
                           _("A relation can only link annotations of the same document"));
      return NULL;
    }

  change = _gls_change_new (GLS_CHANGE_ADD_RELATION);
  change->relation = gls_relation_new (type, from->id, to->id);
  _gls_document_commit (self, change);

  return change->relation;
}

/**
 * gls_document_insert_relation:
 * @relation: a relation in no document yet, such as one read back from an
 *   export, whose id is kept
 *
 * Adds @relation as one step to undo. Its id must be new, and each end an
 * annotation of this document or a reference into another file ("…#id").
 */
gboolean
gls_document_insert_relation (GlsDocument  *self,
                              GlsRelation  *relation,
                              GError      **error)
{
  const char *ends[2];
  GlsChange *change;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLS_IS_RELATION (relation), FALSE);

  if (relation->id == NULL || g_hash_table_contains (self->ids, relation->id))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("The document already has an annotation or relation “%s”"),
                   relation->id ? relation->id : "");
      return FALSE;
    }

  ends[0] = relation->from;
  ends[1] = relation->to;
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (ends[i] != NULL && strchr (ends[i], '#') != NULL)
        continue;
      if (ends[i] == NULL || gls_document_lookup_annotation (self, ends[i]) == NULL)
        {
          g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID,
                               _("A relation can only link annotations of the same document"));
          return FALSE;
        }
    }

  change = _gls_change_new (GLS_CHANGE_ADD_RELATION);
  change->relation = g_object_ref (relation);
  _gls_document_commit (self, change);

  return TRUE;
}

void
gls_document_remove_relation (GlsDocument *self,
                              GlsRelation *relation)
{
  GlsChange *change;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (GLS_IS_RELATION (relation));

  if (!_gls_document_find_relation (self, relation, NULL))
    return;

  change = _gls_change_new (GLS_CHANGE_REMOVE_RELATION);
  change->relation = g_object_ref (relation);
  _gls_document_commit (self, change);
}

void
gls_document_set_note (GlsDocument *self,
                       const char  *note)
{
  g_autofree char *clean = NULL;
  GlsChange *change;

  g_return_if_fail (GLS_IS_DOCUMENT (self));

  clean = _gls_clean_xml_text (note);
  /* what a file can hold (gls-names-private.h) */
  _gls_limit_text (&clean);
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);

  if (same_note (self->note, clean))
    return;

  /* typing the note is one step to undo per burst, as for annotations */
  if ((change = _gls_history_coalescable (self->history, GLS_CHANGE_DOCUMENT_NOTE, NULL,
                                          g_get_monotonic_time ())) != NULL)
    {
      _gls_set_string (&change->text[1], clean);
      change->time = g_get_monotonic_time ();
      _gls_document_reapply (self, change);
      return;
    }

  change = _gls_change_new (GLS_CHANGE_DOCUMENT_NOTE);
  change->text[0] = g_strdup (self->note);
  change->text[1] = g_steal_pointer (&clean);
  _gls_document_commit (self, change);
}

/**
 * gls_document_set_codebook:
 *
 * Switches the document to @codebook, as a step to undo. Annotations whose
 * category @codebook lacks are kept. To edit the codebook, change a copy
 * (gls_codebook_copy()) and set it.
 */
void
gls_document_set_codebook (GlsDocument *self,
                           GlsCodebook *codebook)
{
  GlsChange *change;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (GLS_IS_CODEBOOK (codebook));

  if (codebook == self->codebook)
    return;

  change = _gls_change_new (GLS_CHANGE_CODEBOOK);
  change->codebook[0] = g_object_ref (self->codebook);
  change->codebook[1] = g_object_ref (codebook);
  _gls_document_commit (self, change);
}

/**
 * gls_document_remove_orphans:
 *
 * Deletes every annotation whose text could not be found, as one step to
 * undo.
 *
 * Returns: how many were deleted
 */
guint
gls_document_remove_orphans (GlsDocument *self)
{
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), 0);

  n = gls_document_get_n_annotations (self);
  for (guint i = 0; i < n && orphans->len < self->n_orphaned; i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (self->annotations, i);

      if (annotation->anchor == GLS_ANCHOR_ORPHANED)
        g_ptr_array_add (orphans, g_object_ref (annotation));
    }

  gls_document_begin_group (self);
  for (guint i = 0; i < orphans->len; i++)
    gls_document_remove_annotation (self, g_ptr_array_index (orphans, i));
  gls_document_end_group (self);

  return orphans->len;
}
