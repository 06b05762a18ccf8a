/* gls-window.c
 * The window's shell: its widgets, the document it shows, opening and
 * closing; commands in gls-window-actions.c, files in gls-window-files.c. */
#define G_LOG_DOMAIN "gls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-accessible.h"
#include "gls-article-view.h"
#include "gls-density-strip.h"
#include "gls-dialogs.h"
#include "gls-settings.h"
#include "gls-sidebar-private.h"
#include "gls-window-private.h"

G_DEFINE_FINAL_TYPE (GlsWindow, gls_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ARMED,
  PROP_WORK_STATE,
  PROP_STICKY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Title, context menu, side panel                                      */

/* The window's title names both articles while comparing. */
void
_gls_window_update_title (GlsWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  if (self->document == NULL && self->loading && self->file != NULL)
    {
      /* the article's name at once, while its annotations are read */
      name = g_file_get_basename (self->file);
      gtk_label_set_text (self->title_label, name);
      gtk_label_set_text (self->subtitle_label, _("Opening…"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
      gtk_window_set_title (GTK_WINDOW (self), name);
      return;
    }

  if (self->document == NULL)
    {
      gtk_label_set_text (self->title_label, _("Glossator"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Glossator"));
      return;
    }

  name = g_file_get_basename (self->file);
  title = gls_document_get_modified (self->document) ? g_strconcat ("• ", name, NULL) : g_strdup (name);
  n = gls_document_get_n_annotations (self->document);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u annotation · %s", "%'u annotations · %s", n),
                              n, gls_source_get_encoding (gls_document_get_source (self->document)));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  {
    g_autofree char *window_title = g_strdup_printf ("%s — %s", title, subtitle);
    g_autofree char *compared = _gls_window_dup_compare_title (self);

    if (compared != NULL)
      {
        /* Translators: the window's title while comparing: the window's article, then the one compared with it */
        g_autofree char *both = g_strdup_printf (_("%s, compared with %s"), window_title, compared);
        gtk_window_set_title (GTK_WINDOW (self), both);
      }
    else
      gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

/* "Annotate as" shows only with text to annotate. */
static void
update_context_menu (GlsWindow *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->article_view);
  gboolean has_selection = gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (view));
  GMenuModel *wanted = has_selection ? self->annotate_menu : NULL;

  if (gtk_text_view_get_extra_menu (view) != wanted)
    gtk_text_view_set_extra_menu (view, wanted);
}

/* The context menu's "Annotate as ▸", one item a category. */
static void
on_codebook_changed (GlsWindow *self)
{
  GlsCodebook *codebook = gls_document_get_codebook (self->document);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) categories = g_menu_new ();

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gls_category_get_label (category), NULL);

      g_menu_item_set_action_and_target (item, "win.annotate", "s", gls_category_get_id (category));
      g_menu_append_item (categories, item);
    }
  /* Translators: a submenu of the article's context menu, listing the
   * categories: annotate the selected text as one of them */
  g_menu_append_submenu (menu, _("Annotate as"), G_MENU_MODEL (categories));
  g_set_object (&self->annotate_menu, G_MENU_MODEL (menu));
  update_context_menu (self);
  _gls_window_update_match_menu (self);
}

/* The side panel follows the article's selection. */
static void
on_view_selected (GlsWindow *self)
{
  /* while a relation is being made, a click picks its other end */
  if (_gls_window_relation_pick (self, gls_article_view_get_selected (self->article_view)))
    return;
  _gls_window_update_related (self);
  gls_sidebar_select (self->sidebar, gls_article_view_get_selected (self->article_view));
  _gls_window_review_selected (self);
  _gls_window_update_actions (self);
}

void
_gls_window_select_annotation (GlsWindow     *self,
                               GlsAnnotation *annotation,
                               gboolean       scroll)
{
  gls_article_view_set_selected (self->article_view, annotation);
  if (annotation != NULL && scroll)
    gls_article_view_scroll_to (self->article_view, annotation);
}

/* A category of the side panel's palette annotates the selection. */
static void
on_category_activated (GlsWindow  *self,
                       const char *category)
{
  _gls_window_annotate (self, category);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* An annotation of the side panel's list is selected in the article. */
static void
on_annotation_activated (GlsWindow     *self,
                         GlsAnnotation *annotation)
{
  _gls_window_select_annotation (self, annotation, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* In quick mode, a finished selection is annotated at once with the
 * armed category; in sticky mode, with the last category used. */
static void
on_range_selected (GlsWindow *self,
                   guint      start,
                   guint      end)
{
  if (self->armed != NULL)
    _gls_window_annotate (self, self->armed);
  else
    _gls_window_sticky_annotate (self);
}

/* ------------------------------------------------------------------ */
/* The document                                                         */

static void
on_document_changed (GlsWindow *self)
{
  _gls_window_update_title (self);
  _gls_window_update_actions (self);
  /* the radio items of win.work-state follow undo and redo too */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORK_STATE]);
}

/* The name new annotations carry: the preference, or the user's own. */
static void
update_annotator (GlsWindow *self)
{
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  name = gls_settings_dup_annotator (self->settings);
  gls_document_set_annotator (self->document, name);
  if (self->compare != NULL && gls_compare_view_get_document (self->compare) != NULL)
    gls_document_set_annotator (gls_compare_view_get_document (self->compare), name);
}

/**
 * _gls_window_set_document:
 *
 * Shows @document (or none, while an article loads or when it failed),
 * and follows its changes.
 */
void
_gls_window_set_document (GlsWindow   *self,
                          GlsDocument *document)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gls_document_get_relations (self->document), self);
      gls_link_resolver_remove_document (self->resolver, self->document);
    }
  if (self->relation_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->relation_dialog));
  g_set_object (&self->document, document);
  g_clear_object (&self->reviewed);
  if (document != NULL)
    gls_link_resolver_add_document (self->resolver, document);
  gls_sidebar_set_reviewing (self->sidebar, FALSE);

  gls_article_view_set_document (self->article_view, document);
  gls_sidebar_set_document (self->sidebar, document);
  _gls_window_compare_document_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORK_STATE]);
  if (document == NULL)
    {
      _gls_window_update_title (self);
      _gls_window_update_actions (self);
      return;
    }

  update_annotator (self);

  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (_gls_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (_gls_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::codebook", G_CALLBACK (on_codebook_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gls_document_get_relations (document), "items-changed",
                           G_CALLBACK (_gls_window_update_related), self, G_CONNECT_SWAPPED);

  on_codebook_changed (self);
  _gls_window_update_title (self);
  _gls_window_update_actions (self);

  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/**
 * gls_window_open:
 *
 * Opens @file in this window, reading it in a worker thread.
 */
void
gls_window_open (GlsWindow *self,
                 GFile     *file)
{
  g_return_if_fail (GLS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  _gls_window_load (self, NULL);
}

/* ------------------------------------------------------------------ */
/* Closing                                                              */

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The compared article's document, when it has unsaved changes. */
static GlsDocument *
modified_compared (GlsWindow *self)
{
  GlsDocument *document = self->compare ? gls_compare_view_get_document (self->compare) : NULL;

  return document != NULL && gls_document_get_modified (document) ? document : NULL;
}

static void
on_close_response (GtkDialog *dialog,
                   int        response,
                   GlsWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = NULL;

      /* the compared article first, at once: the window must not go while
       * its save is under way; a failure keeps the window open */
      if (modified_compared (self) != NULL &&
          !gls_document_file_save (gls_compare_view_get_document_file (self->compare), NULL, &error))
        {
          gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
          return;
        }

      /* the window closes once the save has succeeded */
      if (self->document != NULL && gls_document_get_modified (self->document))
        {
          _gls_window_save (self, TRUE);
          return;
        }
    }
  else if (response == GTK_RESPONSE_REJECT)
    _gls_window_delete_draft (self);
  else
    return;

  _gls_window_close_after_save (self);
}

/* Closes the window without asking again, once the dialog transient for
 * it is gone. */
void
_gls_window_close_after_save (GlsWindow *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
}

static gboolean
gls_window_close_request (GtkWindow *window)
{
  GlsWindow *self = GLS_WINDOW (window);
  GtkWidget *dialog;
  GlsDocument *compared;
  gboolean primary_modified;
  g_autofree char *name = NULL;

  /* the width that shows, which the next window restores */
  if (gtk_widget_get_visible (GTK_WIDGET (self->sidebar)) && gtk_widget_get_width (GTK_WIDGET (self->sidebar)) > 0)
    g_settings_set_int (self->settings, "sidebar-width", gtk_widget_get_width (GTK_WIDGET (self->sidebar)));
  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  primary_modified = self->document != NULL && gls_document_get_modified (self->document);
  compared = modified_compared (self);
  if (self->closing || (!primary_modified && compared == NULL))
    return GTK_WINDOW_CLASS (gls_window_parent_class)->close_request (window);

  name = g_file_get_basename (primary_modified ? self->file
                                               : gls_source_get_file (gls_document_get_source (compared)));
  if (primary_modified && compared != NULL)
    {
      g_autofree char *other = g_file_get_basename (gls_source_get_file (gls_document_get_source (compared)));

      dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                       _("Save the annotations of “%s” and “%s” before closing?"), name, other);
    }
  else
    dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                     GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                     _("Save the annotations of “%s” before closing?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you do not save, your changes will be lost."));
  gls_dialogs_add_save_buttons (GTK_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Recent files                                                         */

static void
on_recent_activated (GlsWindow     *self,
                     GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  g_application_open (g_application_get_default (), &file, 1, "");
}

static void
fill_recent (GlsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  for (GList *l = items; l != NULL && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      GtkWidget *row, *label;

      if (g_get_prgname () == NULL || !gtk_recent_info_has_application (info, g_get_prgname ()) ||
          !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      row = gtk_list_box_row_new ();
      label = gtk_label_new (gtk_recent_info_get_display_name (info));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_tooltip_text (row, gtk_recent_info_get_uri_display (info));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_heading), n > 0);
}

/* ------------------------------------------------------------------ */

static void
gls_window_dispose (GObject *object)
{
  GlsWindow *self = (GlsWindow *)object;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gls_document_get_relations (self->document), self);
    }
  if (self->document_file != NULL)
    g_signal_handlers_disconnect_by_data (self->document_file, self);

  G_OBJECT_CLASS (gls_window_parent_class)->dispose (object);
}

static void
gls_window_finalize (GObject *object)
{
  GlsWindow *self = (GlsWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->annotate_menu);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->font_css);
  g_clear_pointer (&self->armed, g_free);
  g_clear_object (&self->reviewed);
  g_clear_pointer (&self->last_category, g_free);
  g_clear_pointer (&self->resolver, gls_link_resolver_unref);

  G_OBJECT_CLASS (gls_window_parent_class)->finalize (object);
}

static void
gls_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlsWindow *self = GLS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ARMED:
      g_value_set_string (value, self->armed ? self->armed : "");
      break;

    case PROP_WORK_STATE:
      g_value_set_string (value, gls_work_state_to_string (self->document != NULL ?
                                                           gls_document_get_work_state (self->document) :
                                                           GLS_WORK_STATE_NOT_STARTED));
      break;

    case PROP_STICKY:
      g_value_set_boolean (value, self->sticky);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GlsWindow *self = GLS_WINDOW (object);
  const char *armed;

  switch (prop_id)
    {
    case PROP_ARMED:
      armed = g_value_get_string (value);
      if (g_strcmp0 (armed ? armed : "", self->armed ? self->armed : "") == 0)
        return;
      g_clear_pointer (&self->armed, g_free);
      if (armed != NULL && *armed != '\0')
        self->armed = g_strdup (armed);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_WORK_STATE:
      _gls_window_set_work_state (self, g_value_get_string (value));
      break;

    case PROP_STICKY:
      if (self->sticky == g_value_get_boolean (value))
        return;
      _gls_window_set_sticky (self, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Tab past the last control, or Shift+Tab before the first, goes round to
 * the other end: GTK 4.8 may leave the window without a focus, where the
 * keyboard does nothing until a click. */
static void
gls_window_move_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  GTK_WIDGET_CLASS (gls_window_parent_class)->move_focus (widget, direction);

  if (gtk_root_get_focus (GTK_ROOT (widget)) == NULL)
    gtk_widget_child_focus (widget, direction);
}

static void
gls_window_class_init (GlsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gls_window_dispose;
  object_class->finalize = gls_window_finalize;
  object_class->get_property = gls_window_get_property;
  object_class->set_property = gls_window_set_property;
  window_class->close_request = gls_window_close_request;
  widget_class->move_focus = gls_window_move_focus;

  /* the category armed for quick mode, "" when none: the state of win.arm */
  properties[PROP_ARMED] =
    g_param_spec_string ("armed", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the state of work on the article, as the sidecar names it: the state
   * of win.work-state */
  properties[PROP_WORK_STATE] =
    g_param_spec_string ("work-state", NULL, NULL, "not-started",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* whether each finished selection gets the last category: the state of win.sticky */
  properties[PROP_STICKY] =
    g_param_spec_boolean ("sticky", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLS_TYPE_ARTICLE_VIEW);
  g_type_ensure (GLS_TYPE_DENSITY_STRIP);
  g_type_ensure (GLS_TYPE_SIDEBAR);
  g_type_ensure (GLS_TYPE_INFO_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, progress_cancel);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlsWindow, sticky_label);

  _gls_window_class_actions_init (widget_class);
  _gls_window_class_review_init (widget_class);
  _gls_window_class_export_init (widget_class);
  _gls_window_class_qdpx_init (widget_class);
  _gls_window_class_relations_init (widget_class);
  _gls_window_class_compare_init (widget_class);
  _gls_window_class_agreement_init (widget_class);
}

/* The document font from the preferences, as CSS for the article view. */
static void
on_font_changed (GlsWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "document-font");
  PangoFontDescription *description = pango_font_description_from_string (font);
  g_autoptr(GString) css = g_string_new ("textview.article {");
  PangoFontMask mask = pango_font_description_get_set_fields (description);

  if (mask & PANGO_FONT_MASK_FAMILY)
    g_string_append_printf (css, " font-family: \"%s\";", pango_font_description_get_family (description));
  if (mask & PANGO_FONT_MASK_SIZE)
    g_string_append_printf (css, " font-size: %.1f%s;",
                            pango_font_description_get_size (description) / (double) PANGO_SCALE,
                            pango_font_description_get_size_is_absolute (description) ? "px" : "pt");
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", pango_font_description_get_weight (description));
  if (mask & PANGO_FONT_MASK_STYLE)
    g_string_append_printf (css, " font-style: %s;",
                            pango_font_description_get_style (description) == PANGO_STYLE_ITALIC ? "italic" : "normal");
  g_string_append (css, " }");
  pango_font_description_free (description);

  gtk_css_provider_load_from_data (self->font_css, css->str, -1);
}

/* Articles dropped on the window open, each in its own window; one
 * dropped on an open article is put beside it, to compare. A folder opens
 * as a corpus. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlsWindow     *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    g_ptr_array_add (files, g_value_get_object (value));

  if (files->len == 0)
    return FALSE;

  /* one other article dropped on an open one is compared with it */
  if (files->len == 1 && self->document != NULL &&
      (self->file == NULL || !g_file_equal (g_ptr_array_index (files, 0), self->file)) &&
      g_file_query_file_type (g_ptr_array_index (files, 0), G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    gls_window_compare (self, g_ptr_array_index (files, 0));
  else
    g_application_open (g_application_get_default (), (GFile **) files->pdata, files->len, "");

  return TRUE;
}

/* Gives the side panel its saved width once the paned knows its own, the
 * width of its handle set apart. */
static void
restore_sidebar_width (GlsWindow *self)
{
  GtkWidget *paned = GTK_WIDGET (self->paned);
  int width = gtk_widget_get_width (paned);
  int handle = 0;

  if (!self->restoring_sidebar || width <= 0 || !gtk_widget_get_visible (GTK_WIDGET (self->sidebar)))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (paned); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != gtk_paned_get_start_child (self->paned) && child != gtk_paned_get_end_child (self->paned))
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &handle, NULL, NULL, NULL);

  self->restoring_sidebar = FALSE;
  gtk_paned_set_position (self->paned, width - handle - g_settings_get_int (self->settings, "sidebar-width"));
}

static void
on_high_contrast (GlsWindow *self)
{
  gboolean high_contrast = g_settings_get_boolean (self->settings, "high-contrast");

  gls_article_view_set_high_contrast (self->article_view, high_contrast);
  if (high_contrast)
    gtk_widget_add_css_class (GTK_WIDGET (self), "high-contrast");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "high-contrast");
}

static void
on_sidebar_visible (GlsWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), g_settings_get_boolean (self->settings, "sidebar-visible"));
}

static void
gls_window_init (GlsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gls_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  gls_accessible_name_close_button (GTK_WIDGET (self->search_bar), _("Close the Find Bar"));
  _gls_window_fill_export_menu (G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), GLS_TYPE_WINDOW, "export_menu")));

  self->resolver = gls_link_resolver_new ();
  gls_annotation_details_set_resolver (gls_sidebar_get_details (self->sidebar), self->resolver);
  self->settings = gls_settings_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned,
                          g_settings_get_int (self->settings, "window-width") - g_settings_get_int (self->settings, "sidebar-width"));
  /* and exactly, once the paned has its width */
  self->restoring_sidebar = TRUE;
  g_signal_connect_object (self->paned, "notify::max-position", G_CALLBACK (restore_sidebar_width), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sidebar-visible", G_CALLBACK (on_sidebar_visible), self, G_CONNECT_SWAPPED);
  on_sidebar_visible (self);
  g_signal_connect_object (self->settings, "changed::high-contrast", G_CALLBACK (on_high_contrast), self, G_CONNECT_SWAPPED);
  on_high_contrast (self);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view)), "notify::has-selection",
                           G_CALLBACK (update_context_menu), self, G_CONNECT_SWAPPED);

  self->font_css = gtk_css_provider_new ();
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->article_view)),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (self->settings, "changed::document-font", G_CALLBACK (on_font_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::annotator-name", G_CALLBACK (update_annotator), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::use-pseudonym", G_CALLBACK (update_annotator), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::pseudonym", G_CALLBACK (update_annotator), self, G_CONNECT_SWAPPED);
  on_font_changed (self);

  {
    GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
    GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

    gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));

    g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

  g_signal_connect_object (self->article_view, "notify::selected", G_CALLBACK (on_view_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "range-selected", G_CALLBACK (on_range_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "category-activated", G_CALLBACK (on_category_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "annotation-activated", G_CALLBACK (on_annotation_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gls_sidebar_get_details (self->sidebar), "follow", G_CALLBACK (_gls_window_follow), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_list, "row-activated", G_CALLBACK (on_recent_activated), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  fill_recent (self);
  _gls_window_update_actions (self);
}

GlsWindow *
gls_window_new (GtkApplication *application)
{
  return g_object_new (GLS_TYPE_WINDOW, "application", application, NULL);
}

GFile *
gls_window_get_file (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->file;
}

GlsDocument *
gls_window_get_document (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->document;
}

GlsArticleView *
gls_window_get_article_view (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->article_view;
}

/**
 * gls_window_is_loading:
 *
 * Returns: whether the article and its annotations are still being read,
 *   or not yet listed in the side panel
 */
gboolean
gls_window_is_loading (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), FALSE);

  /* until the side panel lists the annotations too */
  return self->loading || gls_sidebar_get_filling (self->sidebar);
}

/**
 * gls_window_is_idle:
 *
 * Returns: whether nothing runs in the background: no load, save, draft,
 *   export or import
 */
gboolean
gls_window_is_idle (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), TRUE);

  return !gls_article_view_get_filling (self->article_view) &&
         (self->document_file == NULL ||
          gls_document_file_get_operation (self->document_file) == GLS_FILE_OPERATION_NONE);
}

/**
 * gls_window_get_document_file:
 *
 * Returns: (transfer none) (nullable): the owner of the article's files
 */
GlsDocumentFile *
gls_window_get_document_file (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return self->document_file;
}

/**
 * gls_window_get_info_message:
 *
 * Returns: (nullable): the text of the info bar, if one is shown
 */
const char *
gls_window_get_info_message (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return gls_info_bar_get_text (self->info_bar);
}

GtkWidget *
gls_window_get_note_view (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (gls_annotation_details_get_note_view (gls_sidebar_get_details (self->sidebar)));
}

/* What typing in the list's filter and choosing a category do. */
void
_gls_window_filter (GlsWindow  *self,
                    const char *text,
                    guint       category)
{
  g_return_if_fail (GLS_IS_WINDOW (self));

  _gls_sidebar_filter (self->sidebar, text, category);
}

guint
_gls_window_n_listed (GlsWindow *self)
{
  g_return_val_if_fail (GLS_IS_WINDOW (self), 0);

  return _gls_sidebar_n_listed (self->sidebar);
}
