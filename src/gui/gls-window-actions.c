/* gls-window-actions.c
 * Every command of the window as a GAction (win.*): annotating, saving,
 * finding, the info bar's buttons and import (export: gls-window-export.c). */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-format.h"
#include "gls-codebook-editor.h"
#include "gls-preferences-window.h"
#include "gls-window-private.h"

/* ------------------------------------------------------------------ */
/* The info bar's buttons                                               */

/* What each button of the info bar does, and the response by which the
 * tests press it. */
static const struct
{
  int          response;
  const char  *action_name;
  void       (*respond) (GlsWindow *self);
} info_actions[] = {
  { GLS_RESPONSE_RESTORE, "win.restore-draft", _gls_window_restore_draft },
  { GLS_RESPONSE_DISCARD_DRAFT, "win.discard-draft", _gls_window_delete_draft },
  { GLS_RESPONSE_RELOAD_ARTICLE, "win.reload-article", _gls_window_reload_article },
  { GLS_RESPONSE_RELOAD, "win.reload", _gls_window_reload },
  { GLS_RESPONSE_KEEP_MINE, "win.keep-mine", _gls_window_keep_mine },
  { GLS_RESPONSE_MERGE, "win.merge", _gls_window_merge },
};

/* Each button hides the bar, then acts. */
static void
action_info (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (info_actions); i++)
    if (g_str_equal (action_name, info_actions[i].action_name))
      {
        gls_info_bar_clear (self->info_bar);
        info_actions[i].respond (self);
        return;
      }
}

/* ------------------------------------------------------------------ */
/* What can be done now                                                 */

/* Enables the commands that have something to act on. */
void
_gls_window_update_actions (GlsWindow *self)
{
  gboolean has_document = self->document != NULL;
  gboolean has_selected = has_document && gls_article_view_get_selected (self->article_view) != NULL;
  GlsDocument *active_document;
  GlsArticleView *active_view = _gls_window_active_view (self, &active_document);
  gboolean has_active_selected = active_document != NULL && gls_article_view_get_selected (active_view) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", active_document != NULL && gls_document_can_undo (active_document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", active_document != NULL && gls_document_can_redo (active_document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-annotation", has_active_selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relate", has_active_selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-compare", self->compare != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.swap-compare", self->compare != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-start", has_selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-end", has_selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate-key", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate-alt-key", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate-again", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-annotation", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-annotation", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.use-codebook", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-codebook", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate-matches", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-qdpx", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-operation", !gls_window_is_idle (self));
  for (guint i = 0; i < G_N_ELEMENTS (info_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), info_actions[i].action_name, has_document);
  _gls_window_update_review_actions (self);
}

/* ------------------------------------------------------------------ */
/* Annotating                                                           */

/* Annotates the article's selection, snapped to words if the user wants,
 * with @category, and selects the new annotation. */
void
_gls_window_annotate (GlsWindow  *self,
                      const char *category)
{
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  GlsSpan span;

  if (self->document == NULL || _gls_window_compare_annotate (self, category))
    return;

  if (!gls_article_view_get_selection (self->article_view,
                                       g_settings_get_boolean (self->settings, "snap-to-words"),
                                       &span))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  annotation = gls_document_annotate (self->document, category, span.start, span.end, &error);
  if (annotation == NULL)
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  if (g_strcmp0 (self->last_category, category) != 0)
    {
      g_free (self->last_category);
      self->last_category = g_strdup (category);
      _gls_window_update_sticky (self);
    }

  /* the new annotation becomes the selected one, shown instead of the
   * text selection */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end);
  gtk_text_buffer_place_cursor (buffer, &end);
  _gls_window_select_annotation (self, annotation, FALSE);
}

static void
action_annotate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _gls_window_annotate (GLS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A category's key: annotates the selected text or, with no text
 * selected, gives the chosen annotation that category, as one step to
 * undo. */
static void
label_with (GlsWindow  *self,
            const char *category)
{
  GlsAnnotation *chosen = gls_article_view_get_selected (self->article_view);
  GlsSpan span;

  if (_gls_window_compare_annotate (self, category))
    return;
  if (chosen == NULL || gls_article_view_get_selection (self->article_view, FALSE, &span))
    {
      _gls_window_annotate (self, category);
      return;
    }

  if (g_strcmp0 (gls_annotation_get_category (chosen), category) != 0)
    gls_document_set_category (self->document, chosen, category);
  if (g_strcmp0 (self->last_category, category) != 0)
    {
      g_free (self->last_category);
      self->last_category = g_strdup (category);
      _gls_window_update_sticky (self);
    }
}

/* A category key: the category that has it, or a bell when none has. */
static void
label_with_key (GlsWindow *self,
                guint      key,
                gboolean   alt)
{
  GlsCodebook *codebook;
  GlsCategory *category;

  if (self->document == NULL)
    return;

  codebook = gls_document_get_codebook (self->document);
  category = alt ? gls_codebook_lookup_alt_key (codebook, key) : gls_codebook_lookup_key (codebook, key);
  if (category == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  label_with (self, gls_category_get_id (category));
}

static void
action_annotate_key (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  label_with_key (GLS_WINDOW (widget), (guint) g_variant_get_int32 (parameter), FALSE);
}

/* Alt+1…Alt+9: the categories past the ninth */
static void
action_annotate_alt_key (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  label_with_key (GLS_WINDOW (widget), (guint) g_variant_get_int32 (parameter), TRUE);
}

/* The key that repeats the last category used, in this window. */
static void
action_annotate_again (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autofree char *category = g_strdup (self->last_category);

  if (self->document == NULL || category == NULL ||
      gls_codebook_lookup (gls_document_get_codebook (self->document), category) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  label_with (self, category);
}

static void
action_delete_annotation (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GlsAnnotation *annotation = gls_article_view_get_selected (self->article_view);

  if (_gls_window_compare_delete (self))
    return;
  if (annotation != NULL && _gls_window_review_delete (self, annotation))
    return;

  if (annotation != NULL)
    {
      g_object_ref (annotation);
      gls_document_remove_annotation (self->document, annotation);
      g_object_unref (annotation);
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
    }
}

static void
action_edit_note (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  if (_gls_window_review_enter (self))
    return;

  if (gls_article_view_get_selected (self->article_view) != NULL)
    gls_annotation_details_focus_note (gls_sidebar_get_details (self->sidebar));
}

/* Back to the article, where the keys of the categories act: after a
 * category was chosen in the details pane, as after the palette. */
static void
action_focus_article (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (GLS_WINDOW (widget)->article_view));
}

static void
action_escape (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->armed != NULL)
    {
      g_object_set (self, "armed", "", NULL);
      return;
    }

  if (focus != NULL && focus != GTK_WIDGET (self->article_view))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
      return;
    }

  _gls_window_select_annotation (self, NULL, FALSE);
}

static void
action_step (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GlsAnnotationList *list;
  GlsAnnotation *current, *next = NULL;
  gboolean forward = g_str_equal (action_name, "win.next-annotation");
  guint n, position;

  if (self->document == NULL)
    return;

  list = gls_document_get_annotations (self->document);
  n = gls_document_get_n_annotations (self->document);
  if (n == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  current = gls_article_view_get_selected (self->article_view);
  if (current != NULL && gls_annotation_list_find (list, current, &position))
    {
      if (forward && position + 1 < n)
        next = gls_annotation_list_get (list, position + 1);
      else if (!forward && position > 0)
        next = gls_annotation_list_get (list, position - 1);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      position = gls_annotation_list_lower_bound (list, gtk_text_iter_get_offset (&cursor));
      if (forward && position < n)
        next = gls_annotation_list_get (list, position);
      else if (!forward && position > 0)
        next = gls_annotation_list_get (list, position - 1);
    }

  if (next == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  _gls_window_select_annotation (self, next, TRUE);
}

/* Whether the paragraph around @offset reads right to left: the first
 * letter decides, as in the Unicode bidi algorithm's rule P2. */
static gboolean
is_rtl_at (GlsWindow *self,
           guint      offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_iter_set_line_offset (&iter, 0);
  while (!gtk_text_iter_ends_line (&iter))
    {
      gunichar c = gtk_text_iter_get_char (&iter);
      GUnicodeScript script = g_unichar_get_script (c);

      if (c == 0x200F)   /* RIGHT-TO-LEFT MARK */
        return TRUE;
      if (c == 0x200E)   /* LEFT-TO-RIGHT MARK */
        return FALSE;
      if (g_unichar_isalpha (c) && script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
        return gls_unichar_is_rtl (c);
      gtk_text_iter_forward_char (&iter);
    }

  return gtk_widget_get_direction (GTK_WIDGET (self->article_view)) == GTK_TEXT_DIR_RTL;
}

/* Alt+Left/Right move the start of the selected annotation by a word,
 * Alt+Shift+Left/Right its end, in reading order. */
static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GlsAnnotation *annotation = gls_article_view_get_selected (self->article_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  gboolean end_side = g_str_equal (action_name, "win.move-end");
  int direction = g_variant_get_int32 (parameter);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  GlsSpan *span;
  GtkTextIter iter;
  guint n;

  if (annotation == NULL || gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
    return;

  n = gls_annotation_get_n_targets (annotation);
  spans = g_array_sized_new (FALSE, FALSE, sizeof (GlsSpan), n);
  for (guint i = 0; i < n; i++)
    {
      GlsSpan s = gls_annotation_get_target (annotation, i);
      g_array_append_val (spans, s);
    }
  span = &g_array_index (spans, GlsSpan, end_side ? n - 1 : 0);

  if (is_rtl_at (self, end_side ? span->end : span->start))
    direction = -direction;

  if (end_side)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, span->end);
      if (direction > 0)
        gtk_text_iter_forward_word_end (&iter);
      else
        {
          gtk_text_iter_backward_word_start (&iter);
          /* the end of the previous word, so the span keeps no trailing space */
          if (gtk_text_iter_get_offset (&iter) > (int) span->start)
            {
              GtkTextIter word_end = iter;

              gtk_text_iter_backward_word_start (&word_end);
              gtk_text_iter_forward_word_end (&word_end);
              if (gtk_text_iter_get_offset (&word_end) > (int) span->start &&
                  gtk_text_iter_compare (&word_end, &iter) <= 0)
                iter = word_end;
            }
        }
      span->end = gtk_text_iter_get_offset (&iter);
    }
  else
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, span->start);
      if (direction < 0)
        gtk_text_iter_backward_word_start (&iter);
      else
        {
          gtk_text_iter_forward_word_end (&iter);
          gtk_text_iter_forward_word_end (&iter);
          gtk_text_iter_backward_word_start (&iter);
        }
      span->start = gtk_text_iter_get_offset (&iter);
    }

  if (span->start >= span->end ||
      !gls_document_set_spans (self->document, annotation, (GlsSpan *) spans->data, n, &error))
    gtk_widget_error_bell (widget);
}

/* ------------------------------------------------------------------ */
/* Saving, undoing, the side panel                                      */

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  _gls_window_save (self, FALSE);
  if (self->compare != NULL)
    gls_compare_view_save (self->compare);
}

static void
action_cancel_operation (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _gls_window_cancel_operation (GLS_WINDOW (widget));
}

static void
action_save_copy (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _gls_window_save_copy (GLS_WINDOW (widget));
}

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GlsDocument *document;

  _gls_window_active_view (self, &document);
  if (document != NULL)
    gls_document_undo (document);
}

static void
action_redo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GlsDocument *document;

  _gls_window_active_view (self, &document);
  if (document != NULL)
    gls_document_redo (document);
}

static void
action_toggle_sidebar (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  g_settings_set_boolean (self->settings, "sidebar-visible",
                          !g_settings_get_boolean (self->settings, "sidebar-visible"));
}

/* ------------------------------------------------------------------ */
/* The find bar                                                         */

static void
action_find (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Finds the search text from the cursor on, and counts the matches. */
static void
find (GlsWindow *self,
      gboolean   forward,
      gboolean   from_cursor_start)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter iter, match_start, match_end, sel_start, sel_end;
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_VISIBLE_ONLY;
  gboolean found;
  guint count = 0, index = 0;

  if (needle == NULL || *needle == '\0')
    {
      gtk_label_set_text (self->match_label, "");
      return;
    }

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  iter = forward ? (from_cursor_start ? sel_start : sel_end) : sel_start;

  if (forward)
    found = gtk_text_iter_forward_search (&iter, needle, flags, &match_start, &match_end, NULL);
  else
    found = gtk_text_iter_backward_search (&iter, needle, flags, &match_start, &match_end, NULL);

  if (!found)
    {
      /* wrap around */
      if (forward)
        gtk_text_buffer_get_start_iter (buffer, &iter);
      else
        gtk_text_buffer_get_end_iter (buffer, &iter);
      found = forward ? gtk_text_iter_forward_search (&iter, needle, flags, &match_start, &match_end, NULL)
                      : gtk_text_iter_backward_search (&iter, needle, flags, &match_start, &match_end, NULL);
    }

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->article_view), &match_start, 0.1, FALSE, 0, 0);
    }

  /* count the matches, and which one this is */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, flags, &sel_start, &sel_end, NULL))
    {
      count++;
      if (found && gtk_text_iter_equal (&sel_start, &match_start))
        index = count;
      iter = sel_end;
    }

  if (count == 0)
    gtk_label_set_text (self->match_label, _("No matches"));
  else
    {
      /* Translators: the match shown, of all the matches */
      g_autofree char *text = g_strdup_printf (_("%u of %u"), index, count);
      gtk_label_set_text (self->match_label, text);
    }
}

static void
action_find_next (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  find (GLS_WINDOW (widget), g_str_equal (action_name, "win.find-next"), FALSE);
}

/* win.annotate-matches(category): every match of the find bar's text */
static void
action_annotate_matches (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *category = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n;

  if (self->document == NULL || needle == NULL || *needle == '\0')
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if ((n = gls_document_annotate_matches (self->document, needle, category, &error)) < 0)
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, error->message);
      return;
    }

  g_free (self->last_category);
  self->last_category = g_strdup (category);
  /* Translators: what Annotate Every Match did, in the find bar */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d annotated", "%d annotated", n), n);
  gtk_label_set_text (self->match_label, text);
}

/**
 * _gls_window_update_match_menu:
 *
 * The find bar's Annotate Every Match menu: one item per category of
 * the document's codebook, made again when the codebook changes.
 */
void
_gls_window_update_match_menu (GlsWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) categories = g_menu_new ();
  GlsCodebook *codebook;

  if (self->document == NULL)
    return;

  codebook = gls_document_get_codebook (self->document);
  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gls_category_get_label (category), NULL);

      g_menu_item_set_action_and_target (item, "win.annotate-matches", "s", gls_category_get_id (category));
      g_menu_append_item (categories, item);
    }
  /* Translators: the heading of the categories in the find bar's menu */
  g_menu_append_section (menu, _("Annotate Every Match As"), G_MENU_MODEL (categories));
  gtk_menu_button_set_menu_model (self->match_menu_button, G_MENU_MODEL (menu));
}

static void
on_search_changed (GlsWindow *self)
{
  find (self, TRUE, TRUE);
}

static void
on_search_activate (GlsWindow *self)
{
  find (self, TRUE, FALSE);
}

/* ------------------------------------------------------------------ */
/* The codebook and the encoding                                        */

static void
on_codebook_chosen (GtkNativeDialog *chooser,
                    int              response,
                    GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsCodebook) codebook = gls_codebook_new_from_file (file, NULL, NULL, &error);

      if (codebook == NULL)
        gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      else
        gls_document_set_codebook (self->document, codebook);
    }

  g_object_unref (chooser);
}

static void
action_use_codebook (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  GtkFileChooserNative *chooser = gls_codebook_chooser_new (GTK_WINDOW (self), _("Use Codebook File"));

  _gls_window_start_chooser_here (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_codebook_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_edit_codebook (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (gls_codebook_editor_new (GTK_WINDOW (self), self->document)));
}

static void
action_encoding (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);

  if (self->file == NULL)
    return;

  if (self->document != NULL && gls_document_get_modified (self->document))
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING,
                         _("Save or undo your changes before reopening the article with another encoding."));
      return;
    }

  _gls_window_load (self, g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------ */
/* Export and import                                                    */

/* The formats for a chooser's drop-down: ids and labels, NULL-terminated. */
static void
format_choices (gboolean   importable_only,
                GPtrArray *ids,
                GPtrArray *labels)
{
  for (guint i = 0; i < gls_format_get_n_formats (); i++)
    {
      const GlsFormat *format = gls_format_get_nth (i);

      if (importable_only && format->import_document == NULL)
        continue;
      g_ptr_array_add (ids, (gpointer) format->name);
      g_ptr_array_add (labels, (gpointer) _(format->label));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
}

static void
on_report_response (GtkDialog *dialog,
                    int        response,
                    gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlsWindow) self = user_data;
  g_autoptr(GlsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_object_steal_data (G_OBJECT (self), "import-name");
  g_autofree char *summary = NULL;
  GtkWidget *dialog;
  gboolean ok;

  ok = gls_document_file_import_finish (GLS_DOCUMENT_FILE (object), result, &report, &error);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  summary = ok ? gls_import_report_to_string (report) : g_strdup (error->message);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   ok ? GTK_MESSAGE_INFO : GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   ok ? _("Imported “%s”") : _("“%s” was not imported"), display);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", summary);
  g_signal_connect (dialog, "response", G_CALLBACK (on_report_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gls_window_import:
 *
 * Imports @file in @format into the document, as one step to undo, and
 * shows what was imported and what was not. The file is read in the
 * background.
 *
 * Returns: whether the import started
 */
gboolean
gls_window_import (GlsWindow  *self,
                   GFile      *file,
                   const char *format_name,
                   gboolean    replace)
{
  const GlsFormat *format = gls_format_lookup (format_name);

  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (format != NULL && format->import_document != NULL, FALSE);

  if (self->document == NULL)
    return FALSE;

  g_object_set_data_full (G_OBJECT (self), "import-name", g_file_get_parse_name (file), g_free);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gls_document_file_import_async (self->document_file, format, file,
                                  replace ? GLS_IMPORT_REPLACE : GLS_IMPORT_MERGE,
                                  self->cancellable, on_imported, g_object_ref (self));

  return TRUE;
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    GlsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
      const char *replace = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "replace");

      gls_window_import (self, file, format, g_strcmp0 (replace, "true") == 0);
    }

  g_object_unref (chooser);
}

static void
action_import (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlsWindow *self = GLS_WINDOW (widget);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkFileChooserNative *chooser;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  format_choices (TRUE, ids, labels);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", g_ptr_array_index (ids, 0));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "replace",
                               _("Replace the annotations instead of adding to them"), NULL, NULL);
  _gls_window_start_chooser_here (self, GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* The state of work                                                    */

/**
 * _gls_window_set_work_state:
 * @name: a state as the sidecar names it
 *
 * What choosing a state of work in the menu does: a step to undo, saved
 * with the annotations.
 */
void
_gls_window_set_work_state (GlsWindow  *self,
                            const char *name)
{
  GlsWorkState state;

  if (self->document == NULL || !gls_work_state_from_string (name, &state))
    return;

  gls_document_set_work_state (self->document, state);
}

/* ------------------------------------------------------------------ */

void
_gls_window_respond (GlsWindow *self,
                     int        response)
{
  g_return_if_fail (GLS_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (info_actions); i++)
    if (info_actions[i].response == response)
      {
        gtk_widget_activate_action (GTK_WIDGET (self), info_actions[i].action_name, NULL);
        return;
      }

  gls_info_bar_clear (self->info_bar);
}

/**
 * _gls_window_class_actions_init:
 *
 * Installs the window's actions, and binds the find bar's callbacks: call
 * it once the template is set.
 */
void
_gls_window_class_actions_init (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "win.save", NULL, action_save);
  gtk_widget_class_install_action (klass, "win.save-copy", NULL, action_save_copy);
  gtk_widget_class_install_action (klass, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (klass, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (klass, "win.annotate", "s", action_annotate);
  gtk_widget_class_install_action (klass, "win.annotate-key", "i", action_annotate_key);
  gtk_widget_class_install_action (klass, "win.annotate-alt-key", "i", action_annotate_alt_key);
  gtk_widget_class_install_action (klass, "win.annotate-again", NULL, action_annotate_again);
  gtk_widget_class_install_action (klass, "win.delete-annotation", NULL, action_delete_annotation);
  gtk_widget_class_install_action (klass, "win.edit-note", NULL, action_edit_note);
  gtk_widget_class_install_action (klass, "win.escape", NULL, action_escape);
  gtk_widget_class_install_action (klass, "win.focus-article", NULL, action_focus_article);
  gtk_widget_class_install_action (klass, "win.move-start", "i", action_move);
  gtk_widget_class_install_action (klass, "win.move-end", "i", action_move);
  gtk_widget_class_install_action (klass, "win.next-annotation", NULL, action_step);
  gtk_widget_class_install_action (klass, "win.previous-annotation", NULL, action_step);
  gtk_widget_class_install_action (klass, "win.toggle-sidebar", NULL, action_toggle_sidebar);
  gtk_widget_class_install_action (klass, "win.find", NULL, action_find);
  gtk_widget_class_install_action (klass, "win.annotate-matches", "s", action_annotate_matches);
  gtk_widget_class_bind_template_child_full (klass, "match_menu_button", FALSE,
                                             G_STRUCT_OFFSET (GlsWindow, match_menu_button));
  gtk_widget_class_install_action (klass, "win.find-next", NULL, action_find_next);
  gtk_widget_class_install_action (klass, "win.find-previous", NULL, action_find_next);
  gtk_widget_class_install_property_action (klass, "win.arm", "armed");
  gtk_widget_class_install_property_action (klass, "win.work-state", "work-state");
  gtk_widget_class_install_property_action (klass, "win.sticky", "sticky");
  gtk_widget_class_install_action (klass, "win.use-codebook", NULL, action_use_codebook);
  gtk_widget_class_install_action (klass, "win.edit-codebook", NULL, action_edit_codebook);
  gtk_widget_class_install_action (klass, "win.encoding", "s", action_encoding);
  gtk_widget_class_install_action (klass, "win.import", NULL, action_import);
  gtk_widget_class_install_action (klass, "win.cancel-operation", NULL, action_cancel_operation);
  for (guint i = 0; i < G_N_ELEMENTS (info_actions); i++)
    gtk_widget_class_install_action (klass, info_actions[i].action_name, NULL, action_info);

  gtk_widget_class_bind_template_callback (klass, on_search_changed);
  gtk_widget_class_bind_template_callback (klass, on_search_activate);
}
