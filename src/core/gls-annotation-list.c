/* gls-annotation-list.c
 * The annotations of a document in text order, as a GListModel backed by a
 * balanced tree, so that a list view over 100,000 annotations stays fast. */
#define G_LOG_DOMAIN "gls-annotation-list"

#include "config.h"

#include <string.h>

#include "gls-annotation-list-private.h"
#include "gls-annotation-private.h"
#include "gls-interval-tree-private.h"

struct _GlsAnnotationList
{
  GObject         parent_instance;

  GlsIntervalTree tree;   /* holds a reference on each annotation */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlsAnnotationList, gls_annotation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

int
_gls_annotation_compare_ids (gconstpointer a,
                             gconstpointer b)
{
  return strcmp (((GlsAnnotation *) a)->id, ((GlsAnnotation *) b)->id);
}

static GType
gls_annotation_list_get_item_type (GListModel *model)
{
  return GLS_TYPE_ANNOTATION;
}

static guint
gls_annotation_list_get_n_items (GListModel *model)
{
  return _gls_interval_tree_size (&GLS_ANNOTATION_LIST (model)->tree);
}

static gpointer
gls_annotation_list_get_item (GListModel *model,
                              guint       position)
{
  GlsAnnotation *annotation = gls_annotation_list_get (GLS_ANNOTATION_LIST (model), position);

  return annotation ? g_object_ref (annotation) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gls_annotation_list_get_item_type;
  iface->get_n_items = gls_annotation_list_get_n_items;
  iface->get_item = gls_annotation_list_get_item;
}

static gboolean
unref_annotation (gpointer data,
                  guint    sub,
                  gpointer user_data)
{
  g_object_unref (data);
  return TRUE;
}

static void
gls_annotation_list_finalize (GObject *object)
{
  GlsAnnotationList *self = (GlsAnnotationList *)object;

  _gls_interval_tree_foreach (&self->tree, unref_annotation, NULL);
  _gls_interval_tree_clear (&self->tree);

  G_OBJECT_CLASS (gls_annotation_list_parent_class)->finalize (object);
}

static void
gls_annotation_list_class_init (GlsAnnotationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gls_annotation_list_finalize;
}

static void
gls_annotation_list_init (GlsAnnotationList *self)
{
  _gls_interval_tree_init (&self->tree, _gls_annotation_compare_ids);
}

GlsAnnotationList *
_gls_annotation_list_new (void)
{
  return g_object_new (GLS_TYPE_ANNOTATION_LIST, NULL);
}

guint
_gls_annotation_list_insert (GlsAnnotationList *self,
                             GlsAnnotation     *annotation,
                             gboolean           notify)
{
  guint position;

  position = _gls_interval_tree_insert (&self->tree,
                                        gls_annotation_get_start (annotation),
                                        gls_annotation_get_end (annotation),
                                        g_object_ref (annotation), 0);
  if (notify)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return position;
}

gboolean
_gls_annotation_list_remove (GlsAnnotationList *self,
                             GlsAnnotation     *annotation,
                             gboolean           notify)
{
  guint position;

  if (!_gls_interval_tree_remove (&self->tree,
                                  gls_annotation_get_start (annotation),
                                  gls_annotation_get_end (annotation),
                                  annotation, 0, &position))
    return FALSE;

  if (notify)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_unref (annotation);

  return TRUE;
}

typedef struct
{
  GFunc    func;
  gpointer user_data;
} ForeachData;

static gboolean
foreach_cb (gpointer data,
            guint    sub,
            gpointer user_data)
{
  ForeachData *foreach_data = user_data;

  foreach_data->func (data, foreach_data->user_data);
  return TRUE;
}

/* Calls @func for each annotation in text order. */
void
_gls_annotation_list_foreach (GlsAnnotationList *self,
                              GFunc              func,
                              gpointer           user_data)
{
  ForeachData data = { func, user_data };

  _gls_interval_tree_foreach (&self->tree, foreach_cb, &data);
}

/**
 * gls_annotation_list_get:
 *
 * Returns: (transfer none) (nullable): the annotation at @position
 */
GlsAnnotation *
gls_annotation_list_get (GlsAnnotationList *self,
                         guint              position)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION_LIST (self), NULL);

  return _gls_interval_tree_nth (&self->tree, position);
}

gboolean
gls_annotation_list_find (GlsAnnotationList *self,
                          GlsAnnotation     *annotation,
                          guint             *position)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (GLS_IS_ANNOTATION (annotation), FALSE);

  return _gls_interval_tree_find (&self->tree,
                                  gls_annotation_get_start (annotation),
                                  gls_annotation_get_end (annotation),
                                  annotation, 0, position);
}

/**
 * gls_annotation_list_lower_bound:
 *
 * Returns: the position of the first annotation starting at or after
 *   @offset (the number of annotations if there is none)
 */
guint
gls_annotation_list_lower_bound (GlsAnnotationList *self,
                                 guint              offset)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION_LIST (self), 0);

  return _gls_interval_tree_lower_bound (&self->tree, offset);
}
