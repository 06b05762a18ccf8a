/* gls-reanchor-private.h
 * Where quoted text went after the article changed (FORMAT.md §2.1): each
 * target's quote at its old offsets, elsewhere, or something close to it.
 * Works on a GlsSource alone, so it runs in any thread. */
#pragma once

#include "gls-annotation.h"
#include "gls-source.h"

G_BEGIN_DECLS

typedef struct
{
  /* what the sidecar says */
  guint       old_start;
  guint       old_end;
  const char *prefix;     /* nullable */
  const char *exact;
  const char *suffix;     /* nullable */

  /* where it is now: GLS_ANCHOR_OK (at its old offsets), _MOVED, _FUZZY
   * or _ORPHANED (start and end are then the old ones) */
  GlsAnchor   anchor;
  guint       start;
  guint       end;
} GlsReanchorTarget;

gboolean _gls_reanchor_find      (GlsSource         *source,
                                  GlsReanchorTarget *targets,
                                  guint              n_targets,
                                  GCancellable      *cancellable,
                                  GError           **error);
guint    _gls_edit_distance_limit (guint             quote_length);

G_END_DECLS
