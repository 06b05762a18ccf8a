/* gls-window-relations.c
 * The window's relations: making one (R), marking the annotations the
 * selected one relates to, and following a relation to its other end, in
 * this article or the one compared with it. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-article-view.h"
#include "gls-relation-dialog.h"
#include "gls-window-private.h"

/* The local ends of @annotation's relations in @document, and the
 * annotations of @other (if any) it links to. */
static GPtrArray *
dup_related (GlsLinkResolver *resolver,
             GlsDocument     *document,
             GlsAnnotation   *annotation,
             GlsDocument     *other)
{
  g_autoptr(GPtrArray) relations = gls_document_dup_relations_of (document, annotation);
  GPtrArray *related = g_ptr_array_new ();
  const char *id = gls_annotation_get_id (annotation);

  for (guint i = 0; i < relations->len; i++)
    {
      GlsRelation *relation = g_ptr_array_index (relations, i);
      const char *end = g_strcmp0 (gls_relation_get_from (relation), id) == 0
                        ? gls_relation_get_to (relation) : gls_relation_get_from (relation);
      GlsAnnotation *found;

      if (!gls_relation_is_link (relation) || g_strcmp0 (gls_relation_get_from (relation), id) != 0)
        {
          if ((found = gls_document_lookup_annotation (document, end)) != NULL)
            g_ptr_array_add (related, found);
        }
      else if (other != NULL)
        {
          g_autoptr(GlsLinkEnd) link = gls_link_resolver_resolve (resolver, document, end);

          if (link->state == GLS_LINK_OK && link->sidecar != NULL &&
              gls_document_get_sidecar_file (other) != NULL &&
              g_file_equal (link->sidecar, gls_document_get_sidecar_file (other)) &&
              (found = gls_document_lookup_annotation (other, link->id)) != NULL)
            g_ptr_array_add (related, found);
        }
    }

  return related;
}

/**
 * _gls_window_update_related:
 *
 * Marks, in the article, the annotations the selected one relates to.
 */
void
_gls_window_update_related (GlsWindow *self)
{
  GlsAnnotation *selected;
  g_autoptr(GPtrArray) related = NULL;
  GlsDocument *other = self->compare ? gls_compare_view_get_document (self->compare) : NULL;

  if (self->document == NULL || (selected = gls_article_view_get_selected (self->article_view)) == NULL)
    {
      gls_article_view_set_related (self->article_view, NULL);
      return;
    }

  related = dup_related (self->resolver, self->document, selected, other);
  gls_article_view_set_related (self->article_view, related);
}

static void
on_dialog_destroyed (GlsWindow *self)
{
  self->relation_dialog = NULL;
}

/**
 * _gls_window_relate:
 *
 * Opens the dialog that relates the selected annotation to another.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GlsRelationDialog *
_gls_window_relate (GlsWindow *self)
{
  GlsAnnotation *from;
  GlsDocument *document;
  GlsArticleView *view = _gls_window_active_view (self, &document);

  if (document == NULL || (from = gls_article_view_get_selected (view)) == NULL)
    return NULL;

  if (self->relation_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->relation_dialog));

  self->relation_dialog = gls_relation_dialog_new (GTK_WINDOW (self), document, from);
  /* while comparing, the other article's annotations are offered too */
  if (self->compare != NULL && gls_compare_view_get_document (self->compare) != NULL)
    {
      GlsDocument *other = document == self->document ? gls_compare_view_get_document (self->compare) : self->document;
      GFile *other_file = gls_document_get_sidecar_file (other);
      g_autofree char *name = other_file ? g_file_get_basename (other_file) : NULL;
      const char *dot = name ? g_strrstr (name, ".annotations.xml") : NULL;

      if (dot != NULL)
        name[dot - name] = '\0';
      gls_relation_dialog_add_article (self->relation_dialog, other, name);
    }
  g_signal_connect_object (self->relation_dialog, "destroy", G_CALLBACK (on_dialog_destroyed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->relation_dialog));

  return self->relation_dialog;
}

/* A click on a highlight while the dialog is open picks it. */
gboolean
_gls_window_relation_pick (GlsWindow     *self,
                           GlsAnnotation *annotation)
{
  if (self->relation_dialog == NULL || annotation == NULL)
    return FALSE;

  return gls_relation_dialog_pick (self->relation_dialog, annotation);
}

/* The details' link to the other end of a relation: selected and shown. */
void
_gls_window_follow (GlsWindow  *self,
                    GFile      *sidecar,
                    const char *id)
{
  GlsAnnotation *annotation;

  if (self->document == NULL || id == NULL)
    return;

  if (sidecar == NULL || g_file_equal (sidecar, gls_document_get_sidecar_file (self->document)))
    {
      if ((annotation = gls_document_lookup_annotation (self->document, id)) != NULL)
        {
          _gls_window_select_annotation (self, annotation, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
        }
    }
  else if (self->compare != NULL && gls_compare_view_get_document (self->compare) != NULL &&
           g_file_equal (sidecar, gls_document_get_sidecar_file (gls_compare_view_get_document (self->compare))))
    {
      GlsArticleView *view = gls_compare_view_get_article_view (self->compare);

      if ((annotation = gls_document_lookup_annotation (gls_compare_view_get_document (self->compare), id)) != NULL)
        {
          gls_article_view_set_selected (view, annotation);
          gls_article_view_scroll_to (view, annotation);
          gtk_widget_grab_focus (GTK_WIDGET (view));
        }
    }
}

static void
action_relate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _gls_window_relate (GLS_WINDOW (widget));
}

void
_gls_window_class_relations_init (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.relate", NULL, action_relate);
}
