/* gls-history.c
 * Unlimited undo and redo in groups, with note edits coalesced per burst,
 * and the knowledge of whether the document differs from its last save. */
#define G_LOG_DOMAIN "gls-history"

#include "config.h"

#include "gls-history-private.h"

/* Note edits closer together than this are one step to undo. */
#define COALESCE_USEC G_USEC_PER_SEC

typedef struct
{
  GPtrArray *changes;  /* GlsChange, in the order they were made */
  guint      serial;
} Group;

struct _GlsHistory
{
  GPtrArray *undo;     /* Group */
  GPtrArray *redo;     /* Group */
  Group     *open;
  guint      depth;
  guint      next_serial;
  guint      saved_serial;  /* serial of the top undo group when saved */
  gboolean   saved_lost;    /* the saved state can no longer be reached */
  guint      sealed_serial; /* a snapshot was taken of this group: no
                             * later edit may be merged into it */
};

GlsChange *
_gls_change_new (GlsChangeKind kind)
{
  GlsChange *change = g_new0 (GlsChange, 1);

  change->kind = kind;

  return change;
}

void
_gls_change_free (GlsChange *change)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&change->codebook[i]);
      g_clear_pointer (&change->text[i], g_free);
      g_clear_pointer (&change->modified[i], g_free);
      g_clear_pointer (&change->spans[i], g_array_unref);
      g_clear_pointer (&change->attributes[i], g_ptr_array_unref);
      g_clear_pointer (&change->bytes[i], g_bytes_unref);
      g_clear_pointer (&change->anchored[i], g_array_unref);
    }
  g_clear_pointer (&change->targets, g_array_unref);
  g_clear_object (&change->annotation);
  g_clear_object (&change->relation);
  g_free (change);
}

static Group *
group_new (GlsHistory *history)
{
  Group *group = g_new0 (Group, 1);

  group->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) _gls_change_free);
  group->serial = ++history->next_serial;

  return group;
}

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->changes);
  g_free (group);
}

GlsHistory *
_gls_history_new (void)
{
  GlsHistory *history = g_new0 (GlsHistory, 1);

  history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  return history;
}

void
_gls_history_free (GlsHistory *history)
{
  if (history == NULL)
    return;

  g_clear_pointer (&history->open, group_free);
  g_ptr_array_unref (history->undo);
  g_ptr_array_unref (history->redo);
  g_free (history);
}

void
_gls_history_clear (GlsHistory *history)
{
  g_ptr_array_set_size (history->undo, 0);
  g_ptr_array_set_size (history->redo, 0);
  history->saved_serial = 0;
  history->saved_lost = FALSE;
}

static guint
current_serial (GlsHistory *history)
{
  if (history->undo->len == 0)
    return 0;

  return ((Group *) g_ptr_array_index (history->undo, history->undo->len - 1))->serial;
}

void
_gls_history_begin_group (GlsHistory *history)
{
  if (history->depth++ == 0)
    history->open = group_new (history);
}

/* Returns TRUE when the outermost group closed with changes in it. */
gboolean
_gls_history_end_group (GlsHistory *history)
{
  Group *group;

  g_return_val_if_fail (history->depth > 0, FALSE);

  if (--history->depth > 0)
    return FALSE;

  group = g_steal_pointer (&history->open);
  if (group->changes->len == 0)
    {
      group_free (group);
      return FALSE;
    }

  for (guint i = 0; i < history->redo->len; i++)
    if (((Group *) g_ptr_array_index (history->redo, i))->serial == history->saved_serial)
      history->saved_lost = TRUE;
  g_ptr_array_set_size (history->redo, 0);
  g_ptr_array_add (history->undo, group);

  return TRUE;
}

void
_gls_history_push (GlsHistory *history,
                   GlsChange  *change)
{
  _gls_history_begin_group (history);
  g_ptr_array_add (history->open->changes, change);
  _gls_history_end_group (history);
}

/**
 * _gls_history_coalescable:
 *
 * Returns: (nullable): the last change, if it is a lone change of @kind to
 *   @target made less than a second before @now, not saved since, and
 *   nothing is undone: a new edit may be merged into it
 */
GlsChange *
_gls_history_coalescable (GlsHistory    *history,
                          GlsChangeKind  kind,
                          gpointer       target,
                          gint64         now)
{
  Group *group;
  GlsChange *change;

  if (history->depth > 0 || history->undo->len == 0 || history->redo->len > 0)
    return NULL;

  group = g_ptr_array_index (history->undo, history->undo->len - 1);
  if (group->changes->len != 1 || group->serial == history->saved_serial ||
      group->serial == history->sealed_serial)
    return NULL;

  change = g_ptr_array_index (group->changes, 0);
  if (change->kind != kind || now - change->time > COALESCE_USEC)
    return NULL;
  if (kind == GLS_CHANGE_NOTE && change->annotation != target)
    return NULL;

  return change;
}

gboolean
_gls_history_can_undo (GlsHistory *history)
{
  return history->undo->len > 0 && history->depth == 0;
}

gboolean
_gls_history_can_redo (GlsHistory *history)
{
  return history->redo->len > 0 && history->depth == 0;
}

/* Moves the last group to the redo stack and returns its changes, which
 * the caller reverts in reverse order. */
GPtrArray *
_gls_history_undo (GlsHistory *history)
{
  Group *group;

  if (!_gls_history_can_undo (history))
    return NULL;

  group = g_ptr_array_steal_index (history->undo, history->undo->len - 1);
  g_ptr_array_add (history->redo, group);

  return group->changes;
}

GPtrArray *
_gls_history_redo (GlsHistory *history)
{
  Group *group;

  if (!_gls_history_can_redo (history))
    return NULL;

  group = g_ptr_array_steal_index (history->redo, history->redo->len - 1);
  g_ptr_array_add (history->undo, group);

  return group->changes;
}

void
_gls_history_mark_saved (GlsHistory *history)
{
  history->saved_serial = current_serial (history);
  history->saved_lost = FALSE;
}

/**
 * _gls_history_seal:
 *
 * A snapshot of the document is being taken: its state must stay one that
 * the history can name, so the last group takes no more merged edits.
 *
 * Returns: the serial that names the state now, for
 *   _gls_history_mark_saved_at()
 */
guint
_gls_history_seal (GlsHistory *history)
{
  history->sealed_serial = current_serial (history);

  return history->sealed_serial;
}

static gboolean
holds_serial (GPtrArray *groups,
              guint      serial)
{
  for (guint i = 0; i < groups->len; i++)
    if (((Group *) g_ptr_array_index (groups, i))->serial == serial)
      return TRUE;

  return FALSE;
}

/**
 * _gls_history_mark_saved_at:
 * @serial: from _gls_history_seal(), when the snapshot that was saved was
 *   taken; edits made since leave the document modified
 */
void
_gls_history_mark_saved_at (GlsHistory *history,
                            guint       serial)
{
  history->saved_serial = serial;
  history->saved_lost = serial != 0 &&
                        !holds_serial (history->undo, serial) &&
                        !holds_serial (history->redo, serial);
}

gboolean
_gls_history_is_modified (GlsHistory *history)
{
  return history->saved_lost || current_serial (history) != history->saved_serial;
}
