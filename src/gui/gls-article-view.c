/* gls-article-view.c
 * The article's text with its annotations: choosing them by click or key,
 * filling a long text piece by piece; the highlights are drawn in
 * gls-article-view-highlights.c. */
#define G_LOG_DOMAIN "gls-article-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-article-view-private.h"
#include "gls-display-breaks-private.h"

G_DEFINE_FINAL_TYPE (GlsArticleView, gls_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  PROP_FILLING,
  N_PROPS
};

enum {
  RANGE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The annotations at a point of the widget. */
static void
annotations_at (GlsArticleView *self,
                double          x,
                double          y,
                GPtrArray      *found)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by, trailing;
  GdkRectangle location;

  if (self->document == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    return;

  /* beyond the end of a line is not on the text */
  gtk_text_view_get_iter_location (view, &iter, &location);
  if (bx > location.x + location.width + 2 && gtk_text_iter_ends_line (&iter))
    return;

  gls_document_query_at (self->document, gtk_text_iter_get_offset (&iter), found);
}

static char *
describe (GlsArticleView *self,
          GlsAnnotation  *annotation)
{
  GlsCategory *category = gls_codebook_lookup (gls_document_get_codebook (self->document),
                                               gls_annotation_get_category (annotation));
  const char *label = category ? gls_category_get_label (category) : gls_annotation_get_category (annotation);
  const char *note = gls_annotation_get_note (annotation);

  if (note != NULL && *note != '\0')
    return g_strdup_printf ("%s — %s", label, note);

  return g_strdup (label);
}

/* The tooltip at (@x, @y): the annotations there, or none while the
 * choice between overlapping annotations shows, which it would cover. */
char *
_gls_article_view_dup_tooltip (GlsArticleView *self,
                               double          x,
                               double          y)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GString *text;

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    return NULL;

  annotations_at (self, x, y, found);
  if (found->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < found->len && i < 6; i++)
    {
      g_autofree char *line = describe (self, g_ptr_array_index (found, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (found->len > 6)
    /* Translators: ends a tooltip listing annotations: more are not shown */
    g_string_append_printf (text, "\n%s", _("…"));

  return g_string_free (text, FALSE);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;

  text = _gls_article_view_dup_tooltip (GLS_ARTICLE_VIEW (widget), x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
on_popover_row_activated (GtkListBox     *list,
                          GtkListBoxRow  *row,
                          GlsArticleView *self)
{
  GlsAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  gls_article_view_set_selected (self, annotation);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* Several annotations under one click: let the user pick. */
static void
show_choice (GlsArticleView *self,
             GPtrArray      *found,
             double          x,
             double          y)
{
  GtkWidget *list = gtk_list_box_new ();
  GdkRectangle point = { (int) x, (int) y, 1, 1 };

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < found->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (found, i);
      g_autofree char *text = describe (self, annotation);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_popover_row_activated), self);

  gtk_popover_set_child (GTK_POPOVER (self->popover), list);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &point);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  /* the tooltip showing goes away, not to cover the choice */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* A click that did not drag: select the annotation under it. */
static gboolean
handle_click (gpointer user_data)
{
  GlsArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  self->click_source = 0;

  if (gtk_text_buffer_get_has_selection (buffer))
    {
      GtkTextIter a, b;

      gtk_text_buffer_get_selection_bounds (buffer, &a, &b);
      g_signal_emit (self, signals[RANGE_SELECTED], 0,
                     (guint) gtk_text_iter_get_offset (&a), (guint) gtk_text_iter_get_offset (&b));
      return G_SOURCE_REMOVE;
    }

  annotations_at (self, self->press_x, self->press_y, found);
  if (found->len == 1)
    gls_article_view_set_selected (self, g_ptr_array_index (found, 0));
  else if (found->len > 1)
    show_choice (self, found, self->press_x, self->press_y);
  else
    gls_article_view_set_selected (self, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
on_legacy_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 GlsArticleView           *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  gdk_event_get_position (event, &x, &y);
  {
    graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
    GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
    double nx, ny;

    gtk_native_get_surface_transform (native, &nx, &ny);
    in.x -= nx;
    in.y -= ny;
    if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self), &in, &out))
      return GDK_EVENT_PROPAGATE;
    x = out.x;
    y = out.y;
  }

  if (type == GDK_BUTTON_PRESS)
    {
      self->press_x = x;
      self->press_y = y;
    }
  else if (self->click_source == 0)
    {
      /* let the text view finish its own handling first */
      self->click_source = g_idle_add (handle_click, self);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
gls_article_view_dispose (GObject *object)
{
  GlsArticleView *self = (GlsArticleView *)object;

  g_clear_handle_id (&self->click_source, g_source_remove);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_handle_id (&self->edge_source, g_source_remove);
  g_clear_handle_id (&self->menu_source, g_source_remove);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->popover != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);
      gtk_widget_unparent (self->popover);
      self->popover = NULL;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->shown);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (gls_article_view_parent_class)->dispose (object);
}

static void
gls_article_view_finalize (GObject *object)
{
  GlsArticleView *self = (GlsArticleView *)object;

  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_pointer (&self->line_cache, g_hash_table_unref);
  g_clear_pointer (&self->simple_lines, g_hash_table_unref);
  g_clear_pointer (&self->drawn, g_hash_table_unref);
  g_clear_pointer (&self->related, g_hash_table_unref);
  g_clear_pointer (&self->geometry, g_hash_table_unref);
  g_clear_pointer (&self->announced, g_free);

  G_OBJECT_CLASS (gls_article_view_parent_class)->finalize (object);
}

static void
gls_article_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_FILLING:
      g_value_set_boolean (value, self->fill_source != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_article_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gls_article_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      gls_article_view_set_selected (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_article_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GTK_WIDGET_CLASS (gls_article_view_parent_class)->size_allocate (widget, width, height, baseline);
  _gls_article_view_follow_edge (GLS_ARTICLE_VIEW (widget));
  if (GLS_ARTICLE_VIEW (widget)->popover != NULL)
    gtk_popover_present (GTK_POPOVER (GLS_ARTICLE_VIEW (widget)->popover));
}

static void
gls_article_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gls_article_view_parent_class)->css_changed (widget, change);
  _gls_article_view_invalidate_cache (GLS_ARTICLE_VIEW (widget));
}

/* Whether the character at @offset is a space shown as a line break. */
static gboolean
is_display_break (GlsArticleView *self,
                  guint           offset)
{
  guint low = 0, high = self->breaks->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint at = g_array_index (self->breaks, guint, middle);

      if (at == offset)
        return TRUE;
      if (at < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

/* Copying gives the article's own text: the spaces shown as line breaks
 * become spaces again. */
static void
gls_article_view_copy_clipboard (GtkTextView *view)
{
  GlsArticleView *self = GLS_ARTICLE_VIEW (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint offset;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  offset = gtk_text_iter_get_offset (&start);
  if (self->breaks->len > 0)
    {
      char *p = text;
      char *line_end;

      while ((line_end = strchr (p, '\n')) != NULL)
        {
          offset += g_utf8_strlen (p, line_end - p);
          if (is_display_break (self, offset))
            *line_end = ' ';
          offset++;
          p = line_end + 1;
        }
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), text);
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         const char            *action,
         GVariant              *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, argument);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Alt+1…Alt+9 apply the categories past the ninth, as 1…9 the first
 * nine; Alt and a digit is no mnemonic of the window's. */
static void
add_alt_keys (GtkShortcutController *controller)
{
  for (guint key = 1; key <= 9; key++)
    {
      add_key (controller, GDK_KEY_0 + key, GDK_ALT_MASK, "win.annotate-alt-key", g_variant_new_int32 (key));
      add_key (controller, GDK_KEY_KP_0 + key, GDK_ALT_MASK, "win.annotate-alt-key", g_variant_new_int32 (key));
    }
}

static void
gls_article_view_class_init (GlsArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gls_article_view_dispose;
  object_class->finalize = gls_article_view_finalize;
  object_class->get_property = gls_article_view_get_property;
  object_class->set_property = gls_article_view_set_property;

  widget_class->size_allocate = gls_article_view_size_allocate;
  widget_class->css_changed = gls_article_view_css_changed;

  text_view_class->snapshot_layer = _gls_article_view_snapshot_layer;
  text_view_class->copy_clipboard = gls_article_view_copy_clipboard;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, GLS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* whether a long text is still going into the buffer */
  properties[PROP_FILLING] =
    g_param_spec_boolean ("filling", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlsArticleView::range-selected:
   * The user finished selecting text: let go of the mouse button, or of
   * Shift after selecting with the keyboard.
   */
  signals[RANGE_SELECTED] =
    g_signal_new ("range-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  _gls_article_view_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static gboolean
on_relate_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GlsArticleView        *self)
{
  if ((keyval != GDK_KEY_r && keyval != GDK_KEY_R) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.relate", NULL);
}

static void
gls_article_view_init (GlsArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *legacy, *keys;
  GtkEventController *shortcuts;

  self->visible = g_ptr_array_new ();
  self->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->line_cache = g_hash_table_new_full (NULL, NULL, NULL, _gls_article_view_free_rects);
  self->simple_lines = g_hash_table_new (NULL, NULL);
  self->drawn = g_hash_table_new_full (NULL, NULL, NULL, _gls_article_view_free_rects);
  self->related = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->geometry = g_hash_table_new_full (NULL, NULL, NULL, _gls_article_view_free_rects);

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 36);
  gtk_text_view_set_right_margin (view, 36);
  gtk_text_view_set_top_margin (view, 24);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_text_view_set_pixels_above_lines (view, 2);
  gtk_text_view_set_pixels_below_lines (view, 12);
  gtk_text_view_set_pixels_inside_wrap (view, 12);
  /* a display break (gls-display-breaks.c) is spaced as a wrapped line:
   * 2 pixels above the next paragraph and these below make 12 */
  self->break_tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (view), NULL,
                                                "pixels-below-lines", 10,
                                                NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_object_add_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_legacy_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  /* Bare keys act here only, never in the note editor (STYLE.md). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint key = 1; key <= 9; key++)
    {
      add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_0 + key, 0,
               "win.annotate-key", g_variant_new_int32 (key));
      add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_0 + key, 0,
               "win.annotate-key", g_variant_new_int32 (key));
    }
  add_alt_keys (GTK_SHORTCUT_CONTROLLER (shortcuts));
  /* 0 repeats the last category */
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_0, 0, "win.annotate-again", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_0, 0, "win.annotate-again", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Delete, 0, "win.delete-annotation", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Delete, 0, "win.delete-annotation", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return, 0, "win.edit-note", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Enter, 0, "win.edit-note", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Escape, 0, "win.escape", NULL);
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Home, GDK_CONTROL_MASK, "view.edge", g_variant_new_boolean (FALSE));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Home, GDK_CONTROL_MASK, "view.edge", g_variant_new_boolean (FALSE));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_End, GDK_CONTROL_MASK, "view.edge", g_variant_new_boolean (TRUE));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_End, GDK_CONTROL_MASK, "view.edge", g_variant_new_boolean (TRUE));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, GDK_ALT_MASK, "win.move-start", g_variant_new_int32 (-1));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, GDK_ALT_MASK, "win.move-start", g_variant_new_int32 (1));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-end", g_variant_new_int32 (-1));
  add_key (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-end", g_variant_new_int32 (1));
  _gls_article_view_add_context_menu (self, GTK_SHORTCUT_CONTROLLER (shortcuts));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* R relates; a shortcut's trigger would take Alt+R from the mnemonics too */
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_relate_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  _gls_article_view_add_selection_keys (self);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "notify::cursor-position",
                           G_CALLBACK (_gls_article_view_announce_caret), self, G_CONNECT_SWAPPED);
}

/* The user finished selecting [@start, @end). */
void
_gls_article_view_range_selected (GlsArticleView *self,
                                  guint           start,
                                  guint           end)
{
  g_signal_emit (self, signals[RANGE_SELECTED], 0, start, end);
}

GtkWidget *
gls_article_view_new (void)
{
  return g_object_new (GLS_TYPE_ARTICLE_VIEW, NULL);
}

GlsDocument *
gls_article_view_get_document (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

static void
on_document_changed (GlsArticleView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_annotation_changed (GlsArticleView *self,
                       GlsAnnotation  *annotation)
{
  _gls_article_view_forget_geometry (self, annotation);
}

static void
on_annotation_removed (GlsArticleView *self,
                       GlsAnnotation  *annotation)
{
  _gls_article_view_forget_geometry (self, annotation);
  if (annotation == self->selected)
    gls_article_view_set_selected (self, NULL);
}

void
gls_article_view_set_document (GlsArticleView *self,
                               GlsDocument    *document)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || GLS_IS_DOCUMENT (document));

  if (document == self->document)
    return;

  gls_article_view_set_selected (self, NULL);
  g_hash_table_remove_all (self->related);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  _gls_article_view_invalidate_cache (self);
  g_hash_table_remove_all (self->simple_lines);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (document != NULL)
    {
      gls_article_view_show_source (self, gls_document_get_source (document));

      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed", G_CALLBACK (on_annotation_removed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-changed", G_CALLBACK (on_annotation_changed), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_clear_handle_id (&self->fill_source, g_source_remove);
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_text_buffer_end_irreversible_action (buffer);
      g_clear_object (&self->shown);
      self->filled = 0;
      self->filled_chars = 0;
      self->run = 0;
      g_array_set_size (self->breaks, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* How much text goes into the buffer at a time, and for how long, while a
 * long article fills it: GtkTextBuffer takes 10 MB in one call only by
 * blocking the window for most of a second. */
#define FILL_PIECE (64 * 1024)
#define FILL_USEC (8 * 1000)

/* The end of the next piece of @text from @from: after a line break if
 * there is one, never inside a character or between CR and LF. */
static gsize
piece_end (const char *text,
           gsize       len,
           gsize       from)
{
  gsize end = MIN (len, from + FILL_PIECE);
  gsize cut;

  if (end == len)
    return end;

  for (cut = end; cut > from; cut--)
    if (text[cut - 1] == '\n')
      return cut;

  /* one long line: at a character boundary */
  while (end > from + 1 && ((guchar) text[end] & 0xC0) == 0x80)
    end--;
  if (text[end - 1] == '\r')
    end--;

  return end;
}

/* Appends one piece, its long paragraphs broken into display paragraphs
 * (gls-display-breaks.c), each of those that ends at such a break marked
 * so that the break looks like a wrapped line. */
static void
append_piece (GlsArticleView *self,
              const char     *text,
              gsize           len)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  /* ended by a NUL: GTK's accessibility reads the inserted text as a
   * string, whatever length it is given */
  g_autofree char *piece = g_malloc (len + 1);
  guint first_break = self->breaks->len;
  GtkTextIter iter;

  memcpy (piece, text, len);
  piece[len] = '\0';
  self->filled_chars += _gls_display_breaks_apply (piece, len, self->filled_chars, &self->run, self->breaks);

  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, piece, len);

  for (guint i = first_break; i < self->breaks->len; i++)
    {
      GtkTextIter start, next;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (self->breaks, guint, i));
      gtk_text_iter_set_line_offset (&start, 0);
      next = start;
      gtk_text_iter_forward_char (&next);
      gtk_text_buffer_apply_tag (buffer, self->break_tag, &start, &next);
    }
  gtk_text_buffer_end_irreversible_action (buffer);
}

/* Appends the next pieces of the shown text; TRUE when some is left. */
static gboolean
fill_some (GlsArticleView *self,
           gint64          budget_usec)
{
  gint64 deadline = g_get_monotonic_time () + budget_usec;
  gsize len;
  const char *text = gls_source_get_text (self->shown, &len);

  do
    {
      gsize end = piece_end (text, len, self->filled);

      append_piece (self, text + self->filled, end - self->filled);
      self->filled = end;
    }
  while (self->filled < len && g_get_monotonic_time () < deadline);

  /* the last line's characters may have moved */
  _gls_article_view_invalidate_cache (self);

  return self->filled < len;
}

static gboolean
fill_cb (gpointer data)
{
  GlsArticleView *self = data;

  if (fill_some (self, FILL_USEC))
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);

  return G_SOURCE_REMOVE;
}

/**
 * gls_article_view_show_source:
 *
 * Shows the text of @source, before its document is ready: a document of
 * the same source later shows it without filling the buffer again. A long
 * text fills the buffer piece by piece between frames, the first screen
 * at once, so the window never stops.
 */
void
gls_article_view_show_source (GlsArticleView *self,
                              GlsSource      *source)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  gboolean was_filling;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (GLS_IS_SOURCE (source));

  if (source == self->shown)
    return;

  was_filling = self->fill_source != 0;
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_set_object (&self->shown, source);
  _gls_article_view_invalidate_cache (self);
  g_hash_table_remove_all (self->simple_lines);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->filled = 0;
  self->filled_chars = 0;
  self->run = 0;
  g_array_set_size (self->breaks, 0);

  if (fill_some (self, 0))
    self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  if (was_filling != (self->fill_source != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

/**
 * gls_article_view_get_filling:
 *
 * Returns: whether the text is still going into the view
 */
gboolean
gls_article_view_get_filling (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), FALSE);

  return self->fill_source != 0;
}

GlsAnnotation *
gls_article_view_get_selected (GlsArticleView *self)
{
  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), NULL);

  return self->selected;
}

void
gls_article_view_set_selected (GlsArticleView *self,
                               GlsAnnotation  *annotation)
{
  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  if (g_set_object (&self->selected, annotation))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

/**
 * gls_article_view_scroll_to:
 *
 * Scrolls so that the start of @annotation is in view.
 */
void
gls_article_view_scroll_to (GlsArticleView *self,
                            GlsAnnotation  *annotation)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextMark *mark;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (GLS_IS_ANNOTATION (annotation));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gls_annotation_get_start (annotation));
  mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.1, FALSE, 0, 0);
  gtk_text_buffer_delete_mark (buffer, mark);
}

/**
 * gls_article_view_get_selection:
 * @snap_to_words: trim white space and extend to whole words
 *
 * Returns: whether there is selected text, with its span in @span
 */
gboolean
gls_article_view_get_selection (GlsArticleView *self,
                                gboolean        snap_to_words,
                                GlsSpan        *span)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GLS_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  if (snap_to_words)
    {
      GtkTextIter s = start, e = end;

      while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
        gtk_text_iter_forward_char (&s);
      while (gtk_text_iter_compare (&s, &e) < 0)
        {
          GtkTextIter before = e;

          gtk_text_iter_backward_char (&before);
          if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
            break;
          e = before;
        }

      if (gtk_text_iter_equal (&s, &e))
        return FALSE;

      if (gtk_text_iter_inside_word (&s) && !gtk_text_iter_starts_word (&s))
        gtk_text_iter_backward_word_start (&s);
      if (gtk_text_iter_inside_word (&e) && !gtk_text_iter_starts_word (&e) && !gtk_text_iter_ends_word (&e))
        gtk_text_iter_forward_word_end (&e);

      start = s;
      end = e;
    }

  span->start = gtk_text_iter_get_offset (&start);
  span->end = gtk_text_iter_get_offset (&end);

  return span->start < span->end;
}

void
gls_article_view_select_range (GlsArticleView *self,
                               guint           start,
                               guint           end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

/* A click without a drag at (@x, @y), in widget coordinates. */
void
_gls_article_view_click (GlsArticleView *self,
                         double          x,
                         double          y)
{
  g_return_if_fail (GLS_IS_ARTICLE_VIEW (self));

  self->press_x = x;
  self->press_y = y;
  handle_click (self);
}
