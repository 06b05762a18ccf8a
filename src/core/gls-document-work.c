/* gls-document-work.c
 * The state of work on the article (not started, in progress, done): an
 * attribute of the sidecar's `source` in Glossator's work namespace, set
 * as a step to undo like any other change. */
#define G_LOG_DOMAIN "gls-document"

#include "config.h"

#include "gls-document-private.h"
#include "gls-foreign-private.h"
#include "gls-work-state.h"

/**
 * gls_document_get_work_state:
 *
 * Returns: the state of work the sidecar records; not started when it
 *   records none, or one this version does not know
 */
GlsWorkState
gls_document_get_work_state (GlsDocument *self)
{
  GlsWorkState state = GLS_WORK_STATE_NOT_STARTED;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), GLS_WORK_STATE_NOT_STARTED);

  gls_work_state_from_string (_gls_foreign_get_attribute (self->source_foreign, GLS_WORK_NAMESPACE, "state"),
                              &state);

  return state;
}

/**
 * gls_document_set_work_state:
 *
 * Records how far the work on the article has got, as a step to undo.
 * Not started is the absence of the attribute, so a sidecar nobody set a
 * state for stays as it was.
 */
void
gls_document_set_work_state (GlsDocument  *self,
                             GlsWorkState  state)
{
  const char *before;
  const char *after;
  GlsChange *change;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (state < GLS_N_WORK_STATES);

  before = _gls_foreign_get_attribute (self->source_foreign, GLS_WORK_NAMESPACE, "state");
  after = state == GLS_WORK_STATE_NOT_STARTED ? NULL : gls_work_state_to_string (state);
  if (g_strcmp0 (before, after) == 0)
    return;

  change = _gls_change_new (GLS_CHANGE_WORK_STATE);
  change->text[0] = g_strdup (before);
  change->text[1] = g_strdup (after);
  _gls_document_commit (self, change);
}

/* Sets the attribute to @value (removed when %NULL). A save running in a
 * worker thread may be writing the attributes as they were (its snapshot
 * borrows them): they are replaced by a changed copy, and the old ones
 * kept until no snapshot is left. */
void
_gls_document_apply_work_state (GlsDocument *self,
                                const char  *value)
{
  GlsForeign *changed = _gls_foreign_copy (self->source_foreign);

  _gls_foreign_set_attribute (&changed, GLS_WORK_NAMESPACE, GLS_WORK_PREFIX, "state", value);

  if (self->snapshots->len > 0 && self->source_foreign != NULL)
    {
      if (self->retired_foreign == NULL)
        self->retired_foreign = g_ptr_array_new_with_free_func ((GDestroyNotify) _gls_foreign_free);
      g_ptr_array_add (self->retired_foreign, g_steal_pointer (&self->source_foreign));
    }
  g_clear_pointer (&self->source_foreign, _gls_foreign_free);
  self->source_foreign = changed;
}
