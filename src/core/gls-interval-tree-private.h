/* gls-interval-tree-private.h
 * A balanced search tree (a treap) of intervals, ordered by start, end and
 * a tie-break, augmented with subtree sizes (for positions in a list) and
 * the largest end below each node (for overlap queries in O(log n + k)). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GlsIntervalNode GlsIntervalNode;

struct _GlsIntervalNode
{
  GlsIntervalNode *left;
  GlsIntervalNode *right;
  gpointer         data;
  guint            start;
  guint            end;
  guint            sub;
  guint            max_end;
  guint            size;
  guint32          priority;
};

typedef struct
{
  GlsIntervalNode *root;
  GCompareFunc     tie_break;   /* compares two nodes' data */
  gboolean         want_positions; /* whether inserting returns a position */
  guint32          random;

  /* the path from the root to the node _gls_interval_tree_nth() found
   * last, so that the next position costs O(1) on average: a list model
   * read in order (as GtkFilterListModel reads it) costs O(n), not
   * O(n log n); forgotten (depth 0) when the tree changes */
  GlsIntervalNode **path;
  guint            depth;
  guint            path_position;
} GlsIntervalTree;

/* Called for each interval found; return FALSE to stop. */
typedef gboolean (*GlsIntervalFunc) (gpointer data,
                                     guint    sub,
                                     gpointer user_data);

void             _gls_interval_tree_init    (GlsIntervalTree *tree,
                                             GCompareFunc     tie_break);
void             _gls_interval_tree_clear   (GlsIntervalTree *tree);
guint            _gls_interval_tree_size    (GlsIntervalTree *tree);
guint            _gls_interval_tree_insert  (GlsIntervalTree *tree,
                                             guint            start,
                                             guint            end,
                                             gpointer         data,
                                             guint            sub);
gboolean         _gls_interval_tree_remove  (GlsIntervalTree *tree,
                                             guint            start,
                                             guint            end,
                                             gpointer         data,
                                             guint            sub,
                                             guint           *position);
gpointer         _gls_interval_tree_nth     (GlsIntervalTree *tree,
                                             guint            n);
gboolean         _gls_interval_tree_find    (GlsIntervalTree *tree,
                                             guint            start,
                                             guint            end,
                                             gpointer         data,
                                             guint            sub,
                                             guint           *position);
guint            _gls_interval_tree_lower_bound
                                            (GlsIntervalTree *tree,
                                             guint            start);
void             _gls_interval_tree_overlapping
                                            (GlsIntervalTree *tree,
                                             guint            start,
                                             guint            end,
                                             GlsIntervalFunc  func,
                                             gpointer         user_data);
void             _gls_interval_tree_foreach (GlsIntervalTree *tree,
                                             GlsIntervalFunc  func,
                                             gpointer         user_data);

G_END_DECLS
