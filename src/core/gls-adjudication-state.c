/* gls-adjudication-state.c
 * The files of an adjudication: the gold sidecar and, beside it, the key
 * file that says which passages are settled and how, so that the
 * adjudicator can stop and come back. */
#define G_LOG_DOMAIN "gls-adjudication"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-adjudication-private.h"
#include "gls-atomic-file-private.h"
#include "gls-error.h"

#define STATE_GROUP "adjudication"

/**
 * gls_adjudication_dup_state_file:
 *
 * Returns: (transfer full) (nullable): the key file beside the gold
 *   standard that says which passages are settled: for
 *   `article.txt.annotations.xml`, `article.txt.adjudication`
 */
GFile *
gls_adjudication_dup_state_file (GlsAdjudication *self)
{
  g_autofree char *path = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), NULL);

  if (self->gold_file == NULL || (path = g_file_get_path (self->gold_file)) == NULL)
    return NULL;

  if (g_str_has_suffix (path, ".annotations.xml"))
    path[strlen (path) - strlen (".annotations.xml")] = '\0';
  state = g_strconcat (path, ".adjudication", NULL);

  return g_file_new_for_path (state);
}

static const char * const decision_names[] = {
  [GLS_DECISION_NONE] = "none",
  [GLS_DECISION_ACCEPT] = "accept",
  [GLS_DECISION_REJECT] = "reject",
  [GLS_DECISION_MERGE] = "merge",
  [GLS_DECISION_EDIT] = "edit",
};

static GlsDecision
decision_from_string (const char *str)
{
  for (guint i = 0; i < G_N_ELEMENTS (decision_names); i++)
    if (g_strcmp0 (decision_names[i], str) == 0)
      return i;

  return GLS_DECISION_NONE;
}

static int
lookup_coder (GlsAdjudication *self,
              const char      *name)
{
  for (guint i = 0; i < self->coders->len; i++)
    if (g_strcmp0 (((GlsCoder *) g_ptr_array_index (self->coders, i))->name, name) == 0)
      return i;

  return -1;
}

/* The decisions a gold standard's annotations record, for a gold without
 * its state file */
static void
settle_from_gold (GlsAdjudication *self,
                  GHashTable      *by_key)
{
  GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (self->gold));

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *key = gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_PASSAGE);
      const char *as = gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_AS);
      gpointer passage;
      Settled *settled;

      if (key == NULL || !g_hash_table_lookup_extended (by_key, key, NULL, &passage))
        continue;

      settled = &g_array_index (self->settled, Settled, GPOINTER_TO_UINT (passage));
      settled->decision = decision_from_string (as);
      settled->coder = lookup_coder (self, gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_FROM));
      if (settled->decision == GLS_DECISION_ACCEPT && settled->coder < 0)
        settled->coder = 0;  /* agreed: every coder's */
    }
}

/**
 * gls_adjudication_load_state:
 *
 * Reads which passages are settled: from the state file beside the gold
 * standard, else from what the gold standard's annotations record (where
 * rejections leave no trace). Passages the state file does not know (the
 * coders' files changed) are not settled. A missing state file is no
 * error.
 */
gboolean
gls_adjudication_load_state (GlsAdjudication  *self,
                             GError          **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);

  for (guint i = 0; i < self->passages->len; i++)
    g_hash_table_insert (by_key, (gpointer) gls_passage_get_key (g_ptr_array_index (self->passages, i)),
                         GUINT_TO_POINTER (i));

  if ((state_file = gls_adjudication_dup_state_file (self)) == NULL)
    return TRUE;
  path = g_file_get_path (state_file);

  if (!g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          settle_from_gold (self, by_key);
          return TRUE;
        }
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   /* Translators: a file, then why it cannot be read */
                   _("The adjudication state “%s” cannot be read: %s"), path, local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < self->passages->len; i++)
    {
      const char *key = gls_passage_get_key (g_ptr_array_index (self->passages, i));
      g_autofree char *decision = g_key_file_get_string (state, key, "decision", NULL);
      g_autofree char *coder = g_key_file_get_string (state, key, "coder", NULL);
      Settled *settled = &g_array_index (self->settled, Settled, i);

      settled->decision = decision_from_string (decision);
      settled->coder = lookup_coder (self, coder);
      if (settled->decision == GLS_DECISION_ACCEPT && settled->coder < 0)
        settled->decision = GLS_DECISION_NONE;
    }

  return TRUE;
}

static gboolean
write_file (GFile       *file,
            const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(GlsAtomicFile) atomic = NULL;

  if ((atomic = _gls_atomic_file_new (file, error)) == NULL)
    return FALSE;
  _gls_atomic_file_write (atomic, data, len);

  return _gls_atomic_file_commit (atomic, error);
}

static char *
state_to_data (GlsAdjudication *self,
               gsize           *len)
{
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->coders->len; i++)
    g_ptr_array_add (names, ((GlsCoder *) g_ptr_array_index (self->coders, i))->name);
  g_key_file_set_string_list (state, STATE_GROUP, "coders", (const char * const *) names->pdata, names->len);

  for (guint i = 0; i < self->passages->len; i++)
    {
      Settled *settled = &g_array_index (self->settled, Settled, i);
      const char *key = gls_passage_get_key (g_ptr_array_index (self->passages, i));

      if (settled->decision == GLS_DECISION_NONE)
        continue;
      g_key_file_set_string (state, key, "decision", decision_names[settled->decision]);
      if (settled->decision == GLS_DECISION_ACCEPT)
        g_key_file_set_string (state, key, "coder",
                               ((GlsCoder *) g_ptr_array_index (self->coders, settled->coder))->name);
    }

  return g_key_file_to_data (state, len, NULL);
}

/**
 * gls_adjudication_save:
 * @gold_file: (nullable): where to save the gold standard from now on;
 *   %NULL for where it was
 *
 * Writes the gold sidecar, then its state file, each atomically.
 */
gboolean
gls_adjudication_save (GlsAdjudication  *self,
                       GFile            *gold_file,
                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) state_file = NULL;
  g_autofree char *state = NULL;
  gsize len;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (gold_file != NULL || self->gold_file != NULL, FALSE);

  if (gold_file != NULL)
    g_set_object (&self->gold_file, gold_file);

  bytes = gls_document_serialize (self->gold);
  if (!write_file (self->gold_file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  state = state_to_data (self, &len);
  state_file = gls_adjudication_dup_state_file (self);
  if (state_file != NULL && !write_file (state_file, state, len, error))
    return FALSE;

  self->modified = FALSE;

  return TRUE;
}
