/* gls-work-state.c
 * The names of the states of work: as the sidecar and the command line
 * write them, and as the user reads them. */
#define G_LOG_DOMAIN "gls-work-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-work-state.h"

static const char * const names[GLS_N_WORK_STATES] = { "not-started", "in-progress", "done" };

/**
 * gls_work_state_to_string:
 *
 * Returns: the value of the sidecar's attribute: not-started, in-progress
 *   or done
 */
const char *
gls_work_state_to_string (GlsWorkState state)
{
  g_return_val_if_fail (state < GLS_N_WORK_STATES, NULL);

  return names[state];
}

/**
 * gls_work_state_from_string:
 *
 * Returns: whether @str is one of the names gls_work_state_to_string()
 *   gives
 */
gboolean
gls_work_state_from_string (const char   *str,
                            GlsWorkState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  for (guint i = 0; i < GLS_N_WORK_STATES; i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * gls_work_state_get_label:
 *
 * Returns: the state as the user reads it, translated
 */
const char *
gls_work_state_get_label (GlsWorkState state)
{
  g_return_val_if_fail (state < GLS_N_WORK_STATES, NULL);

  switch (state)
    {
    case GLS_WORK_STATE_IN_PROGRESS:
      /* Translators: the state of work on an article */
      return _("In Progress");
    case GLS_WORK_STATE_DONE:
      /* Translators: the state of work on an article */
      return _("Done");
    case GLS_WORK_STATE_NOT_STARTED:
    default:
      /* Translators: the state of work on an article */
      return _("Not Started");
    }
}
