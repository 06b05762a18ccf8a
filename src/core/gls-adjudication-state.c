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
#include "gls-document-private.h"
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

/* Points the gold standard at @gold_file, for this save and the next. A
 * file other than the one opened is the user's choice to replace what is
 * there: its version now is the one the save may overwrite. */
static void
point_gold_at (GlsAdjudication *self,
               GFile           *gold_file)
{
  GlsDocument *gold = self->gold;
  g_autoptr(GFileInfo) info = NULL;

  if (self->gold_file != NULL && g_file_equal (gold_file, self->gold_file))
    return;

  g_set_object (&self->gold_file, gold_file);
  g_set_object (&gold->sidecar, gold_file);
  info = g_file_query_info (gold_file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_free (gold->etag);
  gold->etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
  _gls_packed_slot_clear (&gold->base);
  g_clear_object (&self->gold_owner);
}

/* What one save writes beside the gold sidecar, taken when it starts */
typedef struct
{
  GFile   *state_file;  /* (nullable) */
  char    *state;
  gsize    len;
  guint64  changes;     /* the count of changes it saves */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->state_file);
  g_free (data->state);
  g_free (data);
}

static SaveData *
prepare_save (GlsAdjudication *self,
              GFile           *gold_file)
{
  SaveData *data = g_new0 (SaveData, 1);

  if (gold_file != NULL)
    point_gold_at (self, gold_file);
  /* the gold is saved as every sidecar is: by the owner of its files */
  if (self->gold_owner == NULL)
    self->gold_owner = gls_document_file_new_for_document (self->gold);

  data->state = state_to_data (self, &data->len);
  data->state_file = gls_adjudication_dup_state_file (self);
  data->changes = self->changes;

  return data;
}

/**
 * gls_adjudication_save:
 * @gold_file: (nullable): where to save the gold standard from now on;
 *   %NULL for where it was
 *
 * Writes the gold sidecar, then its state file, each atomically, in the
 * calling thread. A gold sidecar another program changed since it was
 * read is not overwritten.
 */
gboolean
gls_adjudication_save (GlsAdjudication  *self,
                       GFile            *gold_file,
                       GError          **error)
{
  SaveData *data;
  gboolean ok;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (gold_file != NULL || self->gold_file != NULL, FALSE);
  g_return_val_if_fail (gls_source_get_file (gls_document_get_source (self->gold)) != NULL, FALSE);

  data = prepare_save (self, gold_file);
  ok = gls_document_file_save (self->gold_owner, NULL, error) &&
       (data->state_file == NULL || write_file (data->state_file, data->state, data->len, error));
  if (ok)
    self->saved_changes = data->changes;
  save_data_free (data);

  return ok;
}

static void
write_state_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (data->state_file != NULL && !write_file (data->state_file, data->state, data->len, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_state_written (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GlsAdjudication *self = GLS_ADJUDICATION (object);
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->saved_changes = data->changes;
  g_task_return_boolean (task, TRUE);
}

static void
on_gold_saved (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) state_task = NULL;
  GError *error = NULL;

  if (!gls_document_file_save_finish (GLS_DOCUMENT_FILE (object), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* the state file only once the gold it describes is safe */
  state_task = g_task_new (g_task_get_source_object (task), g_task_get_cancellable (task),
                           on_state_written, g_object_ref (task));
  g_task_set_task_data (state_task, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (state_task, write_state_thread);
}

/**
 * gls_adjudication_save_async:
 * @gold_file: (nullable): where to save the gold standard from now on;
 *   %NULL for where it was
 *
 * Like gls_adjudication_save(), in worker threads: what is saved is the
 * adjudication when the save starts; decisions taken meanwhile leave it
 * modified. One save at a time: the state files of two saves at once
 * could land in either order.
 */
void
gls_adjudication_save_async (GlsAdjudication     *self,
                             GFile               *gold_file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GLS_IS_ADJUDICATION (self));
  g_return_if_fail (gold_file != NULL || self->gold_file != NULL);
  g_return_if_fail (gls_source_get_file (gls_document_get_source (self->gold)) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gls_adjudication_save_async);
  g_task_set_task_data (task, prepare_save (self, gold_file), (GDestroyNotify) save_data_free);
  gls_document_file_save_async (self->gold_owner, cancellable, on_gold_saved, task);
}

gboolean
gls_adjudication_save_finish (GlsAdjudication  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gls_adjudication_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
