/* gls-window-compare.c
 * The window comparing its article with a second one: the compare view is
 * put beside the window's own side (whose side panel moves to the left,
 * so that the gutter sits between the two texts), swapped and closed; the
 * window's commands act on the side that had the focus last. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-window-private.h"

/* The window's paned holds its side panel first while comparing. */
static void
swap_paned_children (GtkPaned *paned)
{
  g_autoptr(GtkWidget) start = g_object_ref (gtk_paned_get_start_child (paned));
  g_autoptr(GtkWidget) end = g_object_ref (gtk_paned_get_end_child (paned));
  gboolean resize_start = gtk_paned_get_resize_start_child (paned);
  gboolean shrink_start = gtk_paned_get_shrink_start_child (paned);

  gtk_paned_set_start_child (paned, NULL);
  gtk_paned_set_end_child (paned, NULL);
  gtk_paned_set_start_child (paned, end);
  gtk_paned_set_end_child (paned, start);
  gtk_paned_set_resize_start_child (paned, gtk_paned_get_resize_end_child (paned));
  gtk_paned_set_shrink_start_child (paned, gtk_paned_get_shrink_end_child (paned));
  gtk_paned_set_resize_end_child (paned, resize_start);
  gtk_paned_set_shrink_end_child (paned, shrink_start);
}

static void
on_primary_focus (GlsWindow *self)
{
  if (self->compare != NULL)
    gls_compare_view_set_active (self->compare, FALSE);
}

/* The two texts get half each, again whenever the window's width changes
 * (it takes its size after the comparison opens), until the user moves
 * the divider. */
static void
place_panes (GlsWindow *self)
{
  int width, left, right, position, min, max;

  if (self->compare_paned == NULL)
    return;
  position = gtk_paned_get_position (self->compare_paned);
  g_object_get (self->compare_paned, "min-position", &min, "max-position", &max, NULL);
  /* moved elsewhere than where it was put, or where the paned's limits
   * held it: the user placed it */
  if (self->compare_placed_at > 0 && position != self->compare_placed_at && position != min && position != max)
    {
      g_signal_handlers_disconnect_by_func (self->compare_paned, place_panes, self);
      return;
    }
  if ((width = gtk_widget_get_width (GTK_WIDGET (self->compare_paned))) <= 0)
    return;

  /* the room left by the two side panels, as narrow as they can be, and
   * the gutter (110) goes half to each text */
  gtk_widget_measure (GTK_WIDGET (self->sidebar), GTK_ORIENTATION_HORIZONTAL, -1, &left, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (gls_compare_view_get_sidebar (self->compare)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &right, NULL, NULL, NULL);
  left = MAX (left, 260);
  right = MAX (right, 250) + 110;
  gtk_paned_set_position (self->paned, left);
  self->compare_placed_at = MAX (left + (width - left - right) / 2, 1);
  gtk_paned_set_position (self->compare_paned, self->compare_placed_at);
}

static void
on_compare_selected (GlsWindow *self)
{
  _gls_window_relation_pick (self, gls_article_view_get_selected (gls_compare_view_get_article_view (self->compare)));
  _gls_window_update_actions (self);
}

/**
 * _gls_window_dup_compare_title:
 *
 * Returns: (transfer full) (nullable): the compared article's name, with a
 *   bullet while it has unsaved changes, and its number of annotations
 */
char *
_gls_window_dup_compare_title (GlsWindow *self)
{
  GlsDocument *document;
  g_autofree char *name = NULL;
  guint n;

  if (self->compare == NULL || gls_compare_view_get_file (self->compare) == NULL)
    return NULL;

  name = g_file_get_basename (gls_compare_view_get_file (self->compare));
  if ((document = gls_compare_view_get_document (self->compare)) == NULL)
    return g_steal_pointer (&name);

  n = gls_document_get_n_annotations (document);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%s — %'u annotation", "%s%s — %'u annotations", n),
                          gls_document_get_modified (document) ? "• " : "", name, n);
}

/* The title follows the compared article's document, whichever it is. */
static void
on_compare_document (GlsWindow *self)
{
  GlsDocument *document = gls_compare_view_get_document (self->compare);

  if (document != NULL)
    {
      g_signal_handlers_disconnect_by_func (document, _gls_window_update_title, self);
      g_signal_connect_object (document, "changed", G_CALLBACK (_gls_window_update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified", G_CALLBACK (_gls_window_update_title), self, G_CONNECT_SWAPPED);
    }
  _gls_window_update_title (self);
}

/* The compared side's info bar asked to merge the annotations on disk. */
static void
on_compare_merge (GlsWindow *self)
{
  _gls_window_merge_file (self, gls_compare_view_get_document_file (self->compare),
                          gls_compare_view_get_info_bar (self->compare));
}

/**
 * gls_window_compare:
 *
 * Opens @file beside the window's article, to compare the two.
 */
void
gls_window_compare (GlsWindow *self,
                    GFile     *file)
{
  GtkWidget *parent, *before;
  GtkEventController *focus;

  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->compare == NULL)
    {
      parent = gtk_widget_get_parent (GTK_WIDGET (self->paned));
      before = gtk_widget_get_prev_sibling (GTK_WIDGET (self->paned));
      g_object_ref (self->paned);
      gtk_box_remove (GTK_BOX (parent), GTK_WIDGET (self->paned));
      swap_paned_children (self->paned);

      self->compare = gls_compare_view_new (self->resolver);
      self->compare_paned = GTK_PANED (gtk_paned_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_widget_set_vexpand (GTK_WIDGET (self->compare_paned), TRUE);
      gtk_paned_set_start_child (self->compare_paned, GTK_WIDGET (self->paned));
      gtk_paned_set_end_child (self->compare_paned, GTK_WIDGET (self->compare));
      gtk_paned_set_shrink_start_child (self->compare_paned, FALSE);
      gtk_paned_set_shrink_end_child (self->compare_paned, FALSE);
      gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->compare_paned), before);
      g_object_unref (self->paned);
      /* two articles need the room */
      if (gtk_widget_get_width (GTK_WIDGET (self)) < 1300)
        gtk_window_maximize (GTK_WINDOW (self));
      self->compare_placed_at = 0;
      g_signal_connect_object (self->compare_paned, "notify::max-position", G_CALLBACK (place_panes), self, G_CONNECT_SWAPPED);

      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "enter", G_CALLBACK (on_primary_focus), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (self->paned), focus);
      g_signal_connect_object (gls_compare_view_get_article_view (self->compare), "notify::selected",
                               G_CALLBACK (on_compare_selected), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gls_annotation_details_get_note_view (gls_sidebar_get_details (gls_compare_view_get_sidebar (self->compare))),
                               "notify::has-focus", G_CALLBACK (_gls_window_update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gls_sidebar_get_details (gls_compare_view_get_sidebar (self->compare)), "follow",
                               G_CALLBACK (_gls_window_follow), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gls_compare_view_get_article_view (self->compare), "notify::document",
                               G_CALLBACK (on_compare_document), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->compare, "merge", G_CALLBACK (on_compare_merge), self, G_CONNECT_SWAPPED);
    }

  gls_compare_view_set_primary (self->compare, self->article_view, self->document);
  gls_compare_view_open (self->compare, file);
  _gls_window_update_actions (self);
}

/**
 * gls_window_get_compare:
 *
 * Returns: (transfer none) (nullable): the article compared with the
 *   window's, if any
 */
GlsCompareView *
gls_window_get_compare (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->compare;
}

/* Closes the compared side; its changes are saved first. */
void
_gls_window_close_compare (GlsWindow *self)
{
  GtkWidget *parent, *before;

  if (self->compare == NULL)
    return;

  gls_compare_view_save (self->compare);
  parent = gtk_widget_get_parent (GTK_WIDGET (self->compare_paned));
  before = gtk_widget_get_prev_sibling (GTK_WIDGET (self->compare_paned));
  g_object_ref (self->paned);
  gtk_paned_set_start_child (self->compare_paned, NULL);
  gls_compare_view_set_primary (self->compare, NULL, NULL);
  gtk_box_remove (GTK_BOX (parent), GTK_WIDGET (self->compare_paned));
  self->compare_paned = NULL;
  self->compare = NULL;
  swap_paned_children (self->paned);
  gtk_paned_set_position (self->paned, gtk_widget_get_width (GTK_WIDGET (self)) - 320);
  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->paned), before);
  g_object_unref (self->paned);
  _gls_window_update_title (self);
  _gls_window_update_actions (self);
}

/**
 * _gls_window_active_view:
 * @document: (out): the document of that side
 *
 * Returns: (transfer none): the side the commands act on: the compared
 *   article when it had the focus last, else the window's own
 */
GlsArticleView *
_gls_window_active_view (GlsWindow    *self,
                         GlsDocument **document)
{
  if (self->compare != NULL && gls_compare_view_get_active (self->compare) &&
      gls_compare_view_get_document (self->compare) != NULL)
    {
      *document = gls_compare_view_get_document (self->compare);
      return gls_compare_view_get_article_view (self->compare);
    }

  *document = self->document;
  return self->article_view;
}

/* The compared side, when the commands act on it. */
static gboolean
compare_active (GlsWindow *self)
{
  GlsDocument *document;

  return _gls_window_active_view (self, &document) != self->article_view;
}

static void
on_compare_chosen (GtkNativeDialog *chooser,
                   int              response,
                   GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gls_window_compare (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
action_compare (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Compare With"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Compare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_compare_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_close_compare (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _gls_window_close_compare (GLS_WINDOW (widget));
}

/* The two articles change sides: both are saved, and each side reads the
 * other's article again. */
static void
action_swap_compare (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autoptr(GFile) mine = NULL;
  g_autoptr(GFile) theirs = NULL;

  if (self->compare == NULL || self->file == NULL || gls_compare_view_get_file (self->compare) == NULL)
    return;

  if ((self->document != NULL && gls_document_get_modified (self->document)) ||
      (gls_compare_view_get_document (self->compare) != NULL &&
       gls_document_get_modified (gls_compare_view_get_document (self->compare))))
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO,
                         _("Save both articles before swapping them"));
      return;
    }

  mine = g_object_ref (self->file);
  theirs = g_object_ref (gls_compare_view_get_file (self->compare));
  gls_window_open (self, theirs);
  gls_compare_view_open (self->compare, mine);
}

/* Called from _gls_window_set_document: the gutter follows the new one. */
void
_gls_window_compare_document_changed (GlsWindow *self)
{
  if (self->compare != NULL)
    gls_compare_view_set_primary (self->compare, self->article_view, self->document);
}

/* The window's commands that act on the compared side when it is the
 * active one: they return whether they did. */
gboolean
_gls_window_compare_annotate (GlsWindow  *self,
                              const char *category)
{
  GlsDocument *document;
  GlsArticleView *view;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  GlsSpan span;

  if (!compare_active (self))
    return FALSE;

  view = _gls_window_active_view (self, &document);
  /* no text selected: the selected annotation takes the category */
  if ((annotation = gls_article_view_get_selected (view)) != NULL && !gls_article_view_get_selection (view, FALSE, &span))
    gls_document_set_category (document, annotation, category);
  else if (!gls_article_view_get_selection (view, g_settings_get_boolean (self->settings, "snap-to-words"), &span))
    gtk_widget_error_bell (GTK_WIDGET (self));
  else if ((annotation = gls_document_annotate (document, category, span.start, span.end, &error)) == NULL)
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
  else
    gls_article_view_set_selected (view, annotation);

  return TRUE;
}

gboolean
_gls_window_compare_delete (GlsWindow *self)
{
  GlsDocument *document;
  GlsArticleView *view;
  GlsAnnotation *annotation;

  if (!compare_active (self))
    return FALSE;

  view = _gls_window_active_view (self, &document);
  if ((annotation = gls_article_view_get_selected (view)) != NULL)
    {
      g_object_ref (annotation);
      gls_document_remove_annotation (document, annotation);
      g_object_unref (annotation);
    }

  return TRUE;
}

void
_gls_window_class_compare_init (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.compare", NULL, action_compare);
  gtk_widget_class_install_action (klass, "win.close-compare", NULL, action_close_compare);
  gtk_widget_class_install_action (klass, "win.swap-compare", NULL, action_swap_compare);
}
