/* gls-work-state.h
 * How far the work on an article has got (not started, in progress,
 * done), as the user sets it; kept in the sidecar as an attribute of
 * `source` in Glossator's own work namespace. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLS_WORK_STATE_NOT_STARTED,
  GLS_WORK_STATE_IN_PROGRESS,
  GLS_WORK_STATE_DONE,
} GlsWorkState;

#define GLS_N_WORK_STATES (GLS_WORK_STATE_DONE + 1)

/* FORMAT.md has no state of work: it is a foreign attribute, which every
 * reader keeps and writes back (the extension rule of FORMAT.md §2). */
#define GLS_WORK_NAMESPACE "https://glossator.github.io/ns/work/1"
#define GLS_WORK_PREFIX "work"

const char *gls_work_state_to_string   (GlsWorkState  state);
gboolean    gls_work_state_from_string (const char   *str,
                                        GlsWorkState *state);
const char *gls_work_state_get_label   (GlsWorkState  state);

G_END_DECLS
