/* gls-sidecar-merge.h
 * The three-way merge of sidecar files, without their article: what git's
 * merge driver runs when two people changed the same sidecar. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The attribute that marks the two versions of an annotation both sides
 * changed: its value is the id of the other version, or "deleted" when
 * the other side deleted the annotation. */
#define GLS_MERGE_CONFLICT_ATTRIBUTE "merge-conflict"

gboolean gls_sidecar_merge_files (GFile      *base,
                                  GFile      *ours,
                                  GFile      *theirs,
                                  GPtrArray  *conflicts,
                                  GError    **error);

G_END_DECLS
