/* gls-interval-tree.c
 * The treap behind the annotation list and the "what is visible here"
 * queries the text view makes on every frame. */
#define G_LOG_DOMAIN "gls-interval-tree"

#include "config.h"

#include "gls-interval-tree-private.h"

static inline guint
node_size (GlsIntervalNode *node)
{
  return node ? node->size : 0;
}

static inline void
update (GlsIntervalNode *node)
{
  node->size = 1 + node_size (node->left) + node_size (node->right);
  node->max_end = node->end;
  if (node->left && node->left->max_end > node->max_end)
    node->max_end = node->left->max_end;
  if (node->right && node->right->max_end > node->max_end)
    node->max_end = node->right->max_end;
}

static inline int
compare (GlsIntervalTree *tree,
         guint            start,
         guint            end,
         gpointer         data,
         guint            sub,
         GlsIntervalNode *node)
{
  int c;

  if (start != node->start)
    return start < node->start ? -1 : 1;
  if (end != node->end)
    return end < node->end ? -1 : 1;
  if (data != node->data && (c = tree->tie_break (data, node->data)) != 0)
    return c;
  if (sub != node->sub)
    return sub < node->sub ? -1 : 1;
  return 0;
}

static GlsIntervalNode *
rotate_right (GlsIntervalNode *node)
{
  GlsIntervalNode *left = node->left;

  node->left = left->right;
  left->right = node;
  update (node);
  update (left);

  return left;
}

static GlsIntervalNode *
rotate_left (GlsIntervalNode *node)
{
  GlsIntervalNode *right = node->right;

  node->right = right->left;
  right->left = node;
  update (node);
  update (right);

  return right;
}

static GlsIntervalNode *
insert (GlsIntervalTree *tree,
        GlsIntervalNode *root,
        GlsIntervalNode *node)
{
  if (root == NULL)
    return node;

  if (compare (tree, node->start, node->end, node->data, node->sub, root) < 0)
    {
      root->left = insert (tree, root->left, node);
      if (root->left->priority > root->priority)
        return rotate_right (root);
    }
  else
    {
      root->right = insert (tree, root->right, node);
      if (root->right->priority > root->priority)
        return rotate_left (root);
    }

  update (root);

  return root;
}

static GlsIntervalNode *
merge (GlsIntervalNode *a,
       GlsIntervalNode *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  if (a->priority > b->priority)
    {
      a->right = merge (a->right, b);
      update (a);
      return a;
    }

  b->left = merge (a, b->left);
  update (b);
  return b;
}

static GlsIntervalNode *
remove_node (GlsIntervalTree  *tree,
             GlsIntervalNode  *root,
             guint             start,
             guint             end,
             gpointer          data,
             guint             sub,
             GlsIntervalNode **removed)
{
  int c;

  if (root == NULL)
    return NULL;

  c = compare (tree, start, end, data, sub, root);
  if (c == 0)
    {
      *removed = root;
      return merge (root->left, root->right);
    }

  if (c < 0)
    root->left = remove_node (tree, root->left, start, end, data, sub, removed);
  else
    root->right = remove_node (tree, root->right, start, end, data, sub, removed);

  update (root);

  return root;
}

static void
free_nodes (GlsIntervalNode *node)
{
  if (node == NULL)
    return;

  free_nodes (node->left);
  free_nodes (node->right);
  g_free (node);
}

void
_gls_interval_tree_init (GlsIntervalTree *tree,
                         GCompareFunc     tie_break)
{
  tree->root = NULL;
  tree->tie_break = tie_break;
  tree->want_positions = TRUE;
  tree->random = 0x9E3779B9u;
  tree->path = NULL;
  tree->depth = 0;
}

void
_gls_interval_tree_clear (GlsIntervalTree *tree)
{
  free_nodes (tree->root);
  tree->root = NULL;
  g_clear_pointer (&tree->path, g_free);
  tree->depth = 0;
}

guint
_gls_interval_tree_size (GlsIntervalTree *tree)
{
  return node_size (tree->root);
}

/* Returns the position of the new interval in the tree's order. */
guint
_gls_interval_tree_insert (GlsIntervalTree *tree,
                           guint            start,
                           guint            end,
                           gpointer         data,
                           guint            sub)
{
  GlsIntervalNode *node = g_new0 (GlsIntervalNode, 1);
  guint position = 0;

  /* xorshift32: deterministic, so a benchmark or a bug repeats */
  tree->random ^= tree->random << 13;
  tree->random ^= tree->random >> 17;
  tree->random ^= tree->random << 5;

  node->start = start;
  node->end = end;
  node->data = data;
  node->sub = sub;
  node->priority = tree->random;
  update (node);

  tree->depth = 0;
  tree->root = insert (tree, tree->root, node);
  if (tree->want_positions)
    _gls_interval_tree_find (tree, start, end, data, sub, &position);

  return position;
}

gboolean
_gls_interval_tree_remove (GlsIntervalTree *tree,
                           guint            start,
                           guint            end,
                           gpointer         data,
                           guint            sub,
                           guint           *position)
{
  GlsIntervalNode *removed = NULL;

  if (!_gls_interval_tree_find (tree, start, end, data, sub, position))
    return FALSE;

  tree->depth = 0;
  tree->root = remove_node (tree, tree->root, start, end, data, sub, &removed);
  g_assert (removed != NULL);
  g_free (removed);

  return TRUE;
}

/* the deepest path remembered; a deeper one is walked from the root */
#define MAX_PATH 64

static gboolean
push (GlsIntervalTree *tree,
      GlsIntervalNode *node)
{
  if (tree->depth == MAX_PATH)
    return FALSE;

  tree->path[tree->depth++] = node;

  return TRUE;
}

/* The node after the last one found, from the path to it. */
static GlsIntervalNode *
next_on_path (GlsIntervalTree *tree)
{
  GlsIntervalNode *node = tree->path[tree->depth - 1];

  if (node->right != NULL)
    {
      /* the leftmost node of the right subtree */
      for (node = node->right; node != NULL; node = node->left)
        if (!push (tree, node))
          return NULL;
    }
  else
    {
      /* up to the first ancestor whose left subtree it was in */
      GlsIntervalNode *child;

      do
        child = tree->path[--tree->depth];
      while (tree->depth > 0 && tree->path[tree->depth - 1]->right == child);
      if (tree->depth == 0)
        return NULL;
    }

  return tree->path[tree->depth - 1];
}

gpointer
_gls_interval_tree_nth (GlsIntervalTree *tree,
                        guint            n)
{
  GlsIntervalNode *node = tree->root;
  gboolean lost = FALSE;
  guint i = n;

  if (tree->path == NULL)
    tree->path = g_new (GlsIntervalNode *, MAX_PATH);

  if (tree->depth > 0 && n == tree->path_position)
    return tree->path[tree->depth - 1]->data;
  if (tree->depth > 0 && n == tree->path_position + 1)
    {
      if ((node = next_on_path (tree)) != NULL)
        {
          tree->path_position = n;
          return node->data;
        }
      node = tree->root;
    }

  tree->depth = 0;
  while (node != NULL)
    {
      guint left = node_size (node->left);

      if (!push (tree, node))
        lost = TRUE;

      if (i < left)
        node = node->left;
      else if (i == left)
        break;
      else
        {
          i -= left + 1;
          node = node->right;
        }
    }

  if (node == NULL || lost)
    tree->depth = 0;
  else
    tree->path_position = n;

  return node ? node->data : NULL;
}

gboolean
_gls_interval_tree_find (GlsIntervalTree *tree,
                         guint            start,
                         guint            end,
                         gpointer         data,
                         guint            sub,
                         guint           *position)
{
  GlsIntervalNode *node = tree->root;
  guint rank = 0;

  while (node != NULL)
    {
      int c = compare (tree, start, end, data, sub, node);

      if (c < 0)
        node = node->left;
      else if (c > 0)
        {
          rank += node_size (node->left) + 1;
          node = node->right;
        }
      else
        {
          if (position != NULL)
            *position = rank + node_size (node->left);
          return TRUE;
        }
    }

  return FALSE;
}

/* The position of the first interval that starts at or after @start. */
guint
_gls_interval_tree_lower_bound (GlsIntervalTree *tree,
                                guint            start)
{
  GlsIntervalNode *node = tree->root;
  guint rank = 0;

  while (node != NULL)
    {
      if (node->start >= start)
        node = node->left;
      else
        {
          rank += node_size (node->left) + 1;
          node = node->right;
        }
    }

  return rank;
}

static gboolean
overlapping (GlsIntervalNode *node,
             guint            start,
             guint            end,
             GlsIntervalFunc  func,
             gpointer         user_data)
{
  while (node != NULL && node->max_end > start)
    {
      if (!overlapping (node->left, start, end, func, user_data))
        return FALSE;

      if (node->start >= end)
        return TRUE;

      if (node->end > start && !func (node->data, node->sub, user_data))
        return FALSE;

      node = node->right;
    }

  return TRUE;
}

/* Calls @func, in order, for each interval that overlaps [start, end). */
void
_gls_interval_tree_overlapping (GlsIntervalTree *tree,
                                guint            start,
                                guint            end,
                                GlsIntervalFunc  func,
                                gpointer         user_data)
{
  overlapping (tree->root, start, end, func, user_data);
}

static gboolean
foreach_node (GlsIntervalNode *node,
              GlsIntervalFunc  func,
              gpointer         user_data)
{
  while (node != NULL)
    {
      if (!foreach_node (node->left, func, user_data))
        return FALSE;
      if (!func (node->data, node->sub, user_data))
        return FALSE;
      node = node->right;
    }

  return TRUE;
}

void
_gls_interval_tree_foreach (GlsIntervalTree *tree,
                            GlsIntervalFunc  func,
                            gpointer         user_data)
{
  foreach_node (tree->root, func, user_data);
}
