/* gls-codebook-editor-dnd.c
 * Dragging the rows of the codebook editor's tree: dropped on the top or
 * bottom of a row, a category becomes its sibling before or after it; on
 * its middle, its last child. */
#define G_LOG_DOMAIN "gls-codebook-editor"

#include "config.h"

#include "gls-codebook-editor-private.h"

/**
 * _gls_codebook_editor_drop_position:
 * @y: where the pointer is, from the top of the row
 * @height: the row's height
 *
 * A quarter of the row at the top and at the bottom stands for the gap
 * between two rows; the half between them for the row itself.
 *
 * Returns: where a category dropped there goes
 */
GlsCategoryDrop
_gls_codebook_editor_drop_position (double y,
                                    double height)
{
  if (y < height / 4)
    return GLS_CATEGORY_DROP_BEFORE;
  if (y > height * 3 / 4)
    return GLS_CATEGORY_DROP_AFTER;

  return GLS_CATEGORY_DROP_INTO;
}

/* The category the row shows now: rows are recycled as the tree scrolls */
static GlsCategory *
dup_row_category (GtkWidget *row)
{
  GtkTreeListRow *list_row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (row));

  return list_row != NULL ? gtk_tree_list_row_get_item (list_row) : NULL;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  g_autoptr(GlsCategory) category = dup_row_category (row);

  if (category == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING, gls_category_get_id (category));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  g_autoptr(GlsCategory) onto = dup_row_category (row);
  GtkRoot *editor = gtk_widget_get_root (row);

  if (onto == NULL || !GLS_IS_CODEBOOK_EDITOR (editor))
    return FALSE;

  return _gls_codebook_editor_drop (GLS_CODEBOOK_EDITOR (editor), g_value_get_string (value),
                                    gls_category_get_id (onto),
                                    _gls_codebook_editor_drop_position (y, gtk_widget_get_height (row)));
}

/**
 * _gls_codebook_editor_add_drag_and_drop:
 * @row: the GtkTreeExpander of a row of the editor's tree
 *
 * Makes @row a thing to drag, and a place to drop a category on.
 */
void
_gls_codebook_editor_add_drag_and_drop (GtkWidget *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_return_if_fail (GTK_IS_TREE_EXPANDER (row));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
