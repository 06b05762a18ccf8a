/* gls-document-adopt.c
 * A sidecar as read becomes the document's: the semantic checks of
 * FORMAT.md §2 against the text, then its annotations move in; and the
 * annotations replaced with those of another sidecar, such as a draft. */
#define G_LOG_DOMAIN "gls-document-adopt"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-names-private.h"

static char *
excerpt (const char *text)
{
  const guint max = 40;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  {
    g_autofree char *head = g_utf8_substring (text, 0, max);
    return g_strconcat (head, "…", NULL);
  }
}

static void
add_problem (GPtrArray          *problems,
             GlsProblemSeverity  severity,
             const char         *file,
             guint               line,
             guint               column,
             const char         *message)
{
  g_ptr_array_add (problems, gls_problem_new (severity, file, line, column, message));
}

/* The semantic checks of FORMAT.md §2, then the annotations move into the
 * document. Returns FALSE when any error was found. */
gboolean
_gls_document_adopt (GlsDocument    *self,
               GlsSidecarData *data,
               GPtrArray      *problems)
{
  const char *name = data->display_name;
  guint length = gls_source_get_length (self->source);
  guint n_errors = gls_problems_count (problems, GLS_PROBLEM_ERROR);
  /* id → the annotation or relation that has it */
  g_autoptr(GHashTable) lines = g_hash_table_new (g_str_hash, g_str_equal);

  /* the same bytes read as another kind of source give another text: a
   * page annotated as plain text before HTML was read as HTML */
  self->source_changed = g_ascii_strcasecmp (data->sha256, gls_source_get_sha256 (self->source)) != 0 ||
                         (g_strcmp0 (data->type, "html") == 0) !=
                         (gls_source_get_kind (self->source) == GLS_SOURCE_KIND_HTML);

  for (guint i = 0; i < data->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (data->annotations, i);
      GlsAnnotation *first;

      if ((first = g_hash_table_lookup (lines, annotation->id)) != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The id “%s” is used twice (first on line %u)"),
                             annotation->id, first->line);
          add_problem (problems, GLS_PROBLEM_ERROR, name, annotation->line, annotation->column, message);
          continue;
        }
      g_hash_table_insert (lines, annotation->id, annotation);

      /* a mark this program never writes: the annotation sits on its text */
      if (annotation->anchor == GLS_ANCHOR_MOVED)
        annotation->anchor = GLS_ANCHOR_OK;

      if (annotation->anchor == GLS_ANCHOR_ORPHANED)
        continue;

      for (guint j = 0; j < annotation->targets->len; j++)
        {
          GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, j);
          g_autofree char *message = NULL;
          gboolean in_text = target->end <= length;
          gboolean matches;

          if (target->start >= target->end)
            {
              if (target->start == target->end)
                message = g_strdup_printf (_("The annotation “%s” has an empty span (start and end are both %u)"),
                                           annotation->id, target->start);
              else
                message = g_strdup_printf (_("The annotation “%s” ends (%u) before it starts (%u)"),
                                           annotation->id, target->end, target->start);
              add_problem (problems, GLS_PROBLEM_ERROR, name, target->line, 0, message);
              continue;
            }

          matches = in_text && gls_source_quote_matches (self->source, target->start, target->end,
                                                         target->exact ? target->exact : "");
          if (matches)
            continue;

          if (self->source_changed)
            {
              annotation->anchor = GLS_ANCHOR_ORPHANED;
              continue;
            }

          if (!in_text)
            {
              message = g_strdup_printf (_("The annotation “%s” ends at %u, beyond the end of the text (%u characters)"),
                                         annotation->id, target->end, length);
            }
          else
            {
              g_autofree char *actual = gls_source_dup_range (self->source, target->start, target->end);
              g_autofree char *want = excerpt (target->exact ? target->exact : "");
              g_autofree char *have = excerpt (actual);

              message = g_strdup_printf (_("The quote of annotation “%s” is “%s”, but the text at %u–%u is “%s”"),
                                         annotation->id, want, target->start, target->end, have);
            }
          add_problem (problems, GLS_PROBLEM_ERROR, name, target->line, 0, message);
        }

      /* the quotes were read to be checked; the text has them now */
      if (annotation->anchor != GLS_ANCHOR_ORPHANED)
        for (guint j = 0; j < annotation->targets->len; j++)
          {
            GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, j);

            g_clear_pointer (&target->prefix, g_free);
            g_clear_pointer (&target->exact, g_free);
            g_clear_pointer (&target->suffix, g_free);
          }

      if (gls_codebook_lookup (self->codebook, annotation->category) == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The category “%s” of annotation “%s” is not in the codebook “%s”; the annotation is kept"),
                             annotation->category, annotation->id, gls_codebook_get_id (self->codebook));
          add_problem (problems, GLS_PROBLEM_WARNING, name, annotation->line, annotation->column, message);
        }
    }

  for (guint i = 0; i < data->relations->len; i++)
    {
      GlsRelation *relation = g_ptr_array_index (data->relations, i);
      const char *ends[] = { relation->from, relation->to };
      gpointer first;

      if ((first = g_hash_table_lookup (lines, relation->id)) != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The id “%s” is used twice (first on line %u)"), relation->id,
                             GLS_IS_ANNOTATION (first) ? ((GlsAnnotation *) first)->line : ((GlsRelation *) first)->line);
          add_problem (problems, GLS_PROBLEM_ERROR, name, relation->line, relation->column, message);
          continue;
        }
      g_hash_table_insert (lines, relation->id, relation);

      for (guint j = 0; j < G_N_ELEMENTS (ends); j++)
        {
          /* References into other files (FORMAT.md §2) are not checked. */
          if (strchr (ends[j], '#') != NULL)
            continue;

          if (!GLS_IS_ANNOTATION (g_hash_table_lookup (lines, ends[j])))
            {
              g_autofree char *message =
                g_strdup_printf (_("The relation “%s” refers to “%s”, which is not an annotation in this file"),
                                 relation->id, ends[j]);
              add_problem (problems, GLS_PROBLEM_ERROR, name, relation->line, relation->column, message);
            }
        }
    }

  if (gls_problems_count (problems, GLS_PROBLEM_ERROR) > n_errors)
    return FALSE;

  /* Everything checks out: take it all. */
  _gls_set_string (&self->version, data->version);
  _gls_set_string (&self->note, data->note);
  self->foreign = g_steal_pointer (&data->foreign);
  self->source_foreign = g_steal_pointer (&data->source_foreign);

  for (guint i = 0; i < data->annotations->len; i++)
    _gls_document_insert_annotation (self, g_ptr_array_index (data->annotations, i), FALSE);

  for (guint i = 0; i < data->relations->len; i++)
    {
      GlsRelation *relation = g_ptr_array_index (data->relations, i);

      g_hash_table_insert (self->ids, relation->id, relation);
      g_list_store_append (self->relations, relation);
    }

  return TRUE;
}

/**
 * _gls_document_replace_with:
 * @data: a sidecar of this article read from elsewhere, such as a draft
 *
 * Replaces the annotations, relations, note and codebook with those of
 * @data, as one step to undo. The document stays attached to its own
 * sidecar, so the result still has to be saved.
 */
gboolean
_gls_document_replace_with (GlsDocument     *self,
                            GlsSidecarData  *data,
                            GError         **error)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GlsDocument) other = NULL;
  g_autoptr(GPtrArray) old = NULL;
  guint n;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  other = gls_document_new (self->source, data->codebook ? data->codebook : self->codebook);
  if (!_gls_document_adopt (other, data, problems))
    {
      g_autofree char *message = gls_problems_to_string (problems, GLS_PROBLEM_ERROR);

      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, message);
      return FALSE;
    }

  gls_document_begin_group (self);

  old = g_ptr_array_new_with_free_func (g_object_unref);
  n = gls_document_get_n_annotations (self);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (old, g_object_ref (gls_annotation_list_get (self->annotations, i)));
  for (guint i = 0; i < old->len; i++)
    gls_document_remove_annotation (self, g_ptr_array_index (old, i));
  while (g_list_model_get_n_items (G_LIST_MODEL (self->relations)) > 0)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (G_LIST_MODEL (self->relations), 0);
      gls_document_remove_relation (self, relation);
    }

  gls_document_set_codebook (self, other->codebook);
  gls_document_set_note (self, other->note);

  n = gls_document_get_n_annotations (other);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsAnnotation) copy = _gls_annotation_copy (gls_annotation_list_get (other->annotations, i));
      GlsChange *change = _gls_change_new (GLS_CHANGE_ADD);

      change->annotation = g_steal_pointer (&copy);
      _gls_document_commit (self, change);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (other->relations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (G_LIST_MODEL (other->relations), i);
      GlsChange *change = _gls_change_new (GLS_CHANGE_ADD_RELATION);

      change->relation = _gls_relation_copy (relation);
      _gls_document_commit (self, change);
    }

  gls_document_end_group (self);

  return TRUE;
}
