/* gls-window-review.c
 * After the article changed on disk: reading it again with the annotations
 * following their text (never silently), saying what the re-anchoring did,
 * and reviewing what it could not place for sure, keyboard first: Enter
 * accepts a fuzzy annotation's new place, Ctrl+Enter attaches the one
 * under review to the selected text, Delete deletes it. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-window-private.h"

static gboolean
needs_review (GlsAnnotation *annotation)
{
  GlsAnchor anchor;

  if (annotation == NULL)
    return FALSE;

  anchor = gls_annotation_get_anchor (annotation);
  return anchor == GLS_ANCHOR_FUZZY || anchor == GLS_ANCHOR_ORPHANED;
}

static guint
n_to_review (GlsWindow *self)
{
  if (self->document == NULL)
    return 0;

  return gls_document_get_n_fuzzy (self->document) + gls_document_get_n_orphaned (self->document);
}

/* The annotation under review: the selected one, or the one selected last
 * while the user went to select its text in the article. */
static GlsAnnotation *
get_reviewed (GlsWindow *self)
{
  GlsAnnotation *selected = gls_article_view_get_selected (self->article_view);

  if (needs_review (selected))
    return selected;
  if (self->reviewed != NULL && needs_review (self->reviewed) &&
      gls_document_lookup_annotation (self->document, gls_annotation_get_id (self->reviewed)) == self->reviewed)
    return self->reviewed;

  return NULL;
}

/* The selected annotation changed: remember it if it is one to review. */
void
_gls_window_review_selected (GlsWindow *self)
{
  GlsAnnotation *selected = gls_article_view_get_selected (self->article_view);

  if (needs_review (selected))
    g_set_object (&self->reviewed, selected);
}

void
_gls_window_update_review_actions (GlsWindow *self)
{
  GlsAnnotation *reviewed = self->document ? get_reviewed (self) : NULL;
  GlsAnnotation *selected = self->document ? gls_article_view_get_selected (self->article_view) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review", n_to_review (self) > 0 ||
                                 gls_sidebar_get_reviewing (self->sidebar));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-anchor",
                                 selected != NULL && gls_annotation_get_anchor (selected) == GLS_ANCHOR_FUZZY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.attach-selection", reviewed != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.settle-anchor", reviewed != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload-article", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reanchor",
                                 self->document != NULL && gls_document_get_n_orphaned (self->document) > 0);
  if (gls_sidebar_get_reviewing (self->sidebar))
    gls_sidebar_update_review (self->sidebar);
}

static void
set_reviewing (GlsWindow *self,
               gboolean   reviewing)
{
  gls_sidebar_set_reviewing (self->sidebar, reviewing && n_to_review (self) > 0);
  gls_sidebar_update_review (self->sidebar);
  _gls_window_update_review_actions (self);
}

/* The first annotation to review after @after in the order of the text,
 * coming round to the start. */
static GlsAnnotation *
next_to_review (GlsWindow     *self,
                GlsAnnotation *after)
{
  GlsAnnotationList *annotations = gls_document_get_annotations (self->document);
  guint n = gls_document_get_n_annotations (self->document);
  guint first = 0;

  if (after != NULL && gls_annotation_list_find (annotations, after, &first))
    first++;

  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (annotations, (first + i) % n);

      if (annotation != after && needs_review (annotation))
        return annotation;
    }

  return NULL;
}

/* Shows @annotation for review; keys act on it at once: Enter,
 * Ctrl+Enter, Delete. */
static void
review_select (GlsWindow     *self,
               GlsAnnotation *annotation)
{
  _gls_window_select_annotation (self, annotation, TRUE);
  _gls_window_review_selected (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
  _gls_window_update_review_actions (self);
}

/* Goes on to the next annotation to review, or ends the review. */
static void
review_next (GlsWindow     *self,
             GlsAnnotation *after)
{
  GlsAnnotation *next = next_to_review (self, after);

  g_clear_object (&self->reviewed);

  if (next == NULL)
    {
      if (gls_sidebar_get_reviewing (self->sidebar))
        gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO,
                           _("Every annotation is reviewed. Save to keep their new places."));
      set_reviewing (self, FALSE);
      return;
    }

  review_select (self, next);
}

static void
show_still_to_review (GlsWindow *self,
                      guint      to_review)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u annotation still waits for review since the article changed.",
                                       "%u annotations still wait for review since the article changed.",
                                       to_review),
                          to_review);
  gls_info_bar_show (self->info_bar, GLS_INFO_REANCHORED, GTK_MESSAGE_WARNING, text);
  _gls_window_update_review_actions (self);
}

/*
 * _gls_window_review_saved:
 *
 * Once saved, the new places are kept and "save to keep them" is old
 * news: the bar goes, or says what still waits for review.
 */
void
_gls_window_review_saved (GlsWindow *self)
{
  guint to_review = n_to_review (self);

  if (gls_info_bar_get_kind (self->info_bar) != GLS_INFO_REANCHORED)
    return;

  if (to_review == 0)
    gls_info_bar_clear (self->info_bar);
  else
    show_still_to_review (self, to_review);
}

/**
 * _gls_window_show_reanchored:
 *
 * Says what the last re-anchoring did, and starts reviewing what it left
 * to check.
 *
 * Returns: whether there was anything to say
 */
gboolean
_gls_window_show_reanchored (GlsWindow *self)
{
  const GlsReanchorReport *report;
  g_autofree char *text = NULL;
  guint to_review = n_to_review (self);

  if (self->document == NULL)
    return FALSE;

  report = gls_document_get_reanchor_report (self->document);
  if (report == NULL)
    {
      if (to_review == 0)
        return FALSE;

      /* marks left from an earlier re-anchoring */
      show_still_to_review (self, to_review);
      return TRUE;
    }

  /* Translators: after the article changed; e.g. "42 moved, 3 need review, 1 could not be found (120 unchanged)" */
  text = g_strdup_printf (_("The article changed since the annotations were saved, and they followed its text: "
                            "%u moved, %u need review, %u could not be found (%u unchanged).\n"
                            "Undo puts them back; save to keep the new places."),
                          report->n_annotations[GLS_ANCHOR_MOVED], report->n_annotations[GLS_ANCHOR_FUZZY],
                          report->n_annotations[GLS_ANCHOR_ORPHANED], report->n_annotations[GLS_ANCHOR_OK]);
  gls_info_bar_show (self->info_bar, GLS_INFO_REANCHORED,
                     to_review > 0 ? GTK_MESSAGE_WARNING : GTK_MESSAGE_INFO, text);

  if (to_review > 0)
    {
      set_reviewing (self, TRUE);
      review_next (self, NULL);
    }
  _gls_window_update_review_actions (self);

  return TRUE;
}

/* Another program changed the article: say so, and offer to reload it. */
void
_gls_window_article_changed (GlsWindow  *self,
                             const char *message)
{
  gls_info_bar_show (self->info_bar, GLS_INFO_ARTICLE_CHANGED, GTK_MESSAGE_WARNING,
                     message ? message
                             : _("The article was changed on disk by another program.\n"
                                 "Reload it: your annotations follow its new text, and unsaved changes are kept."));
}

static void
on_article_reloaded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  GlsDocumentFile *document_file = GLS_DOCUMENT_FILE (object);
  g_autoptr(GError) error = NULL;

  if (!gls_document_file_reload_article_finish (document_file, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gls_info_bar_show (self->info_bar, GLS_INFO_ARTICLE_CHANGED, GTK_MESSAGE_ERROR, error->message);
      return;
    }

  if (self->document_file != document_file)
    return;

  g_clear_object (&self->reviewed);
  _gls_window_set_document (self, gls_document_file_get_document (document_file));
  gls_info_bar_clear (self->info_bar);
  if (!_gls_window_show_reanchored (self))
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO,
                       _("The article was read again; every annotation is where it was."));
}

/* Reads the article again; the annotations, saved or not, follow it. */
void
_gls_window_reload_article (GlsWindow *self)
{
  if (self->document_file == NULL || self->document == NULL)
    return;

  gls_document_file_reload_article_async (self->document_file, NULL, on_article_reloaded, g_object_ref (self));
}

/* Delete while reviewing goes on to the next annotation to review. */
gboolean
_gls_window_review_delete (GlsWindow     *self,
                           GlsAnnotation *annotation)
{
  g_autoptr(GlsAnnotation) next = NULL;

  if (!gls_sidebar_get_reviewing (self->sidebar) || !needs_review (annotation))
    return FALSE;

  next = next_to_review (self, annotation);
  if (next != NULL)
    g_object_ref (next);
  gls_document_remove_annotation (self->document, annotation);

  if (next == NULL || next == annotation)
    review_next (self, NULL);
  else
    review_select (self, next);

  return TRUE;
}

/* Looks again for the text of the orphaned annotations, as one step. */
static void
action_reanchor (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  if (!gls_document_reanchor (self->document, NULL, &error))
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  _gls_window_show_reanchored (self);
}

/* Enter on a fuzzy annotation while reviewing accepts it. */
gboolean
_gls_window_review_enter (GlsWindow *self)
{
  GlsAnnotation *selected = gls_article_view_get_selected (self->article_view);

  if (!gls_sidebar_get_reviewing (self->sidebar) || selected == NULL ||
      gls_annotation_get_anchor (selected) != GLS_ANCHOR_FUZZY)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.accept-anchor", NULL);
  return TRUE;
}

static void
action_review (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  gboolean reviewing = !gls_sidebar_get_reviewing (self->sidebar);

  if (gls_info_bar_get_kind (self->info_bar) == GLS_INFO_REANCHORED)
    gls_info_bar_clear (self->info_bar);

  set_reviewing (self, reviewing);
  if (reviewing)
    review_next (self, NULL);
}

static void
action_accept_anchor (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autoptr(GlsAnnotation) selected = NULL;

  if (self->document == NULL || (selected = gls_article_view_get_selected (self->article_view)) == NULL)
    return;

  g_object_ref (selected);
  gls_document_accept_anchor (self->document, selected);
  review_next (self, selected);
}

static void
attach (GlsWindow *self)
{
  g_autoptr(GlsAnnotation) reviewed = NULL;
  g_autoptr(GError) error = NULL;
  GlsSpan span;

  if (self->document == NULL || (reviewed = get_reviewed (self)) == NULL)
    return;
  g_object_ref (reviewed);

  if (!gls_article_view_get_selection (self->article_view,
                                       g_settings_get_boolean (self->settings, "snap-to-words"), &span))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO,
                         _("Select the text this annotation belongs to in the article, then attach it (Ctrl+Enter)."));
      return;
    }

  if (!gls_document_set_spans (self->document, reviewed, &span, 1, &error))
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      return;
    }

  review_next (self, reviewed);
}

static void
action_attach_selection (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  attach (GLS_WINDOW (widget));
}

/* Ctrl+Enter: attach to the selected text, or else accept. */
static void
action_settle_anchor (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GlsAnnotation *selected = gls_article_view_get_selected (self->article_view);
  GlsSpan span;

  if (!gls_article_view_get_selection (self->article_view, FALSE, &span) &&
      selected != NULL && gls_annotation_get_anchor (selected) == GLS_ANCHOR_FUZZY)
    action_accept_anchor (widget, action_name, parameter);
  else
    attach (self);
}

void
_gls_window_class_review_init (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.review", NULL, action_review);
  gtk_widget_class_install_action (klass, "win.accept-anchor", NULL, action_accept_anchor);
  gtk_widget_class_install_action (klass, "win.attach-selection", NULL, action_attach_selection);
  gtk_widget_class_install_action (klass, "win.settle-anchor", NULL, action_settle_anchor);
  gtk_widget_class_install_action (klass, "win.reanchor", NULL, action_reanchor);

  gtk_widget_class_add_binding_action (klass, GDK_KEY_Return, GDK_CONTROL_MASK, "win.settle-anchor", NULL);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "win.settle-anchor", NULL);
}
