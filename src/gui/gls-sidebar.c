/* gls-sidebar.c
 * The side panel: shows the document it is given (palette, filtered list,
 * details, article note) and tells the window what the user activated. */
#define G_LOG_DOMAIN "gls-sidebar"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-accessible.h"
#include "gls-annotation-row.h"
#include "gls-annotation-search.h"
#include "gls-color-swatch.h"
#include "gls-palette-row.h"
#include "gls-settings.h"
#include "gls-sidebar-private.h"

struct _GlsSidebar
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkToggleButton      *palette_button;
  GtkImage             *palette_arrow;
  GtkLabel             *codebook_label;
  GtkListBox           *palette;
  GtkSearchEntry       *filter_entry;
  GtkDropDown          *filter_dropdown;
  GtkListView          *annotation_list;
  GtkWidget            *review_bar;
  GtkLabel             *review_label;
  GlsAnnotationDetails *details;
  GtkTextView          *document_note_view;
  GtkImage             *document_note_arrow;

  /* Owned */
  GSettings            *settings;       /* whether the palette is folded away */
  GlsDocument          *document;
  GlsAnnotationSearch  *search;         /* the annotations that quote or note the search */
  GtkFilterListModel   *filtered;       /* of those, the ones of the category chosen */
  GtkCustomFilter      *filter;         /* by category, or what is left to review */
  GtkSingleSelection   *selection;
  GPtrArray            *filter_ids;     /* category ids behind the filter drop-down */
  GdkFrameClock        *list_clock;     /* whose next frame the list waits for */
  gulong                list_handler;

  guint                 updating : 1;
  guint                 reviewing : 1;   /* the list shows what a re-anchoring left to check */
};

G_DEFINE_FINAL_TYPE (GlsSidebar, gls_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  CATEGORY_ACTIVATED,
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* The palette                                                          */

static void
update_counts (GlsSidebar *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->palette));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GlsCategory *category;

      if (!GLS_IS_PALETTE_ROW (row))
        continue;
      category = gls_palette_row_get_category (GLS_PALETTE_ROW (row));
      gls_palette_row_set_count (GLS_PALETTE_ROW (row),
                                 gls_document_count_category (self->document, gls_category_get_id (category)));
    }
}

static GtkWidget *
create_palette_row (gpointer item,
                    gpointer user_data)
{
  GlsSidebar *self = user_data;
  GtkWidget *row = gls_palette_row_new (item);

  gls_palette_row_set_pattern (GLS_PALETTE_ROW (row),
                               gls_pattern_for_category (gls_document_get_codebook (self->document),
                                                         gls_category_get_id (item)));

  return row;
}

static void
rebuild_filter_categories (GlsSidebar *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GlsCodebook *codebook = gls_document_get_codebook (self->document);

  g_ptr_array_set_size (self->filter_ids, 0);
  gtk_string_list_append (labels, _("All Categories"));
  g_ptr_array_add (self->filter_ids, NULL);
  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);

      gtk_string_list_append (labels, gls_category_get_label (category));
      g_ptr_array_add (self->filter_ids, g_strdup (gls_category_get_id (category)));
    }
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
}

static void
on_codebook_changed (GlsSidebar *self)
{
  GlsCodebook *codebook = gls_document_get_codebook (self->document);

  gtk_list_box_bind_model (self->palette, G_LIST_MODEL (codebook), create_palette_row, self, NULL);
  {
    /* Translators: the name of the codebook in use, such as "Claims" */
    g_autofree char *text = g_strdup_printf (_("Codebook: %s"), gls_codebook_get_label (codebook));
    gtk_label_set_text (self->codebook_label, text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->palette_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
  }
  rebuild_filter_categories (self);
  update_counts (self);
}

/* The palette and the annotation list are one stop of Tab each: the
 * arrows move inside them (in the palette, Right reaches a row's quick
 * mode button), Tab and Shift+Tab leave them. */
static gboolean
on_tab_leave (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  GtkDirectionType direction = g_variant_get_int32 (args);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean moved;

  if (root == NULL)
    return FALSE;

  /* with the widget out of the focus chain, the window moves on to what
   * comes before or after it, as GTK would from its last row */
  gtk_widget_set_can_focus (widget, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  if (!moved)
    {
      /* past the last control: round to the first, as Tab does elsewhere */
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (widget, TRUE);

  return moved;
}

static void
add_tab_keys (GtkWidget       *widget,
              GtkShortcutFunc  callback)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const struct {
    guint            keyval;
    GdkModifierType  modifiers;
    GtkDirectionType direction;
  } keys[] = {
    { GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_KP_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
  };

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                                gtk_callback_action_new (callback, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].direction));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (widget, shortcuts);
}

static void
make_one_tab_stop (GtkWidget *widget)
{
  add_tab_keys (widget, on_tab_leave);
}

/* Coming back with Shift+Tab, GtkListBox focuses the last row's quick
 * mode button: the palette is entered at a row, once the focus has
 * settled. */
static gboolean
focus_palette_row (gpointer data)
{
  GlsSidebar *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row != NULL && row != focus && gtk_widget_is_ancestor (row, GTK_WIDGET (self->palette)))
    gtk_widget_grab_focus (row);

  return G_SOURCE_REMOVE;
}

static void
on_palette_enter (GtkEventControllerFocus *controller,
                  GlsSidebar              *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, focus_palette_row, g_object_ref (self), g_object_unref);
}

static void
add_palette_tab_keys (GlsSidebar *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "enter", G_CALLBACK (on_palette_enter), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->palette), focus);
  make_one_tab_stop (GTK_WIDGET (self->palette));
}

static void
on_palette_activated (GlsSidebar    *self,
                      GtkListBoxRow *row)
{
  if (GLS_IS_PALETTE_ROW (row))
    g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0,
                   gls_category_get_id (gls_palette_row_get_category (GLS_PALETTE_ROW (row))));
}

/* GTK 4.8 enters the list at the row that last had the focus, even when
 * the list has since scrolled far from it (stepping through the
 * annotations from the article): the focus goes to a row that does not
 * show, and Tab seems stuck. The list is entered at the selected row
 * instead, or the first that shows. */
static GtkWidget *
find_showing_row (GlsSidebar *self)
{
  GtkWidget *first = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->annotation_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED)
        return child;
      if (first == NULL)
        first = child;
    }

  return first;
}

static gboolean
on_sidebar_tab (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  GlsSidebar *self = GLS_SIDEBAR (widget);
  GtkWidget *list = GTK_WIDGET (self->annotation_list);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  /* the palette and the list move the focus on themselves */
  if (focus == NULL ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->palette)) ||
      gtk_widget_is_ancestor (focus, list))
    return FALSE;

  /* past the last control, GTK goes round to the first */
  if (!gtk_widget_child_focus (GTK_WIDGET (root), g_variant_get_int32 (args)))
    return FALSE;

  focus = gtk_root_get_focus (root);
  if (focus != NULL && gtk_widget_is_ancestor (focus, list) && !gtk_widget_get_mapped (focus))
    {
      row = find_showing_row (self);
      if (row != NULL)
        gtk_widget_grab_focus (row);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The list                                                             */

static gboolean
filter_annotation (gpointer item,
                   gpointer user_data)
{
  GlsSidebar *self = user_data;
  GlsAnnotation *annotation = item;
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  const char *category = NULL;

  if (self->reviewing)
    {
      GlsAnchor anchor = gls_annotation_get_anchor (annotation);

      if (anchor != GLS_ANCHOR_FUZZY && anchor != GLS_ANCHOR_ORPHANED)
        return FALSE;
    }

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->filter_ids->len)
    category = g_ptr_array_index (self->filter_ids, selected);
  return category == NULL || g_strcmp0 (category, gls_annotation_get_category (annotation)) == 0;
}

/* The list filters by category only while the user asks it to: an
 * unfiltered list passes 100,000 annotations through at no cost. */
static void
apply_filter (GlsSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  gboolean by_category = self->reviewing ||
                         (selected != GTK_INVALID_LIST_POSITION && selected < self->filter_ids->len &&
                          g_ptr_array_index (self->filter_ids, selected) != NULL);
  GtkFilter *wanted = by_category ? GTK_FILTER (self->filter) : NULL;

  if (self->filtered == NULL)
    return;

  if (gtk_filter_list_model_get_filter (self->filtered) != wanted)
    gtk_filter_list_model_set_filter (self->filtered, wanted);
  else if (wanted != NULL)
    gtk_filter_changed (wanted, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_category_filter_changed (GlsSidebar *self)
{
  apply_filter (self);
}

/* The search shows its results once it has them all: until then the
 * list keeps those of the previous search. */
static void
on_filter_changed (GlsSidebar *self)
{
  gls_annotation_search_set_search (self->search, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

static void
on_filter_entry_focused (GlsSidebar *self)
{
  gls_annotation_search_prepare (self->search);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, gls_annotation_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GlsSidebar               *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  g_autofree char *name = NULL;

  gls_annotation_row_bind (GLS_ANNOTATION_ROW (row), self->document, gtk_list_item_get_item (item));

  /* GTK 4.8 announces the list item's widget, the row's parent, not the
   * row: the name goes there, and comes again with each item it shows */
  name = gls_annotation_row_dup_accessible_name (self->document, gtk_list_item_get_item (item));
  if (gtk_widget_get_parent (row) != NULL)
    gls_accessible_set_label (gtk_widget_get_parent (row), name);
}

/* The position of @annotation in the (maybe filtered) list. */
static gboolean
find_in_list (GlsSidebar    *self,
              GlsAnnotation *annotation,
              guint         *position)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    return gls_annotation_search_find (self->search, annotation, position);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsAnnotation) item = g_list_model_get_item (model, i);

      if (item == annotation)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
on_list_activate (GlsSidebar *self,
                  guint       position)
{
  g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (annotation != NULL)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

/* ------------------------------------------------------------------ */
/* The note on the whole article                                        */

static void
on_note_notify (GlsSidebar *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->document_note_view);
  const char *note = gls_document_get_note (self->document);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, note ? note : "") != 0)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (buffer, note ? note : "", -1);
      self->updating = FALSE;
    }
}

static void
on_document_note_edited (GlsSidebar    *self,
                         GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->document == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating = TRUE;
  gls_document_set_note (self->document, text);
  self->updating = FALSE;
}

/* A disclosure button's arrow: down when open, else towards the text's
 * end (left in a right-to-left language) */
static void
set_disclosure (GlsSidebar      *self,
                GtkToggleButton *button,
                GtkImage        *arrow)
{
  gboolean open = gtk_toggle_button_get_active (button);

  gtk_image_set_from_icon_name (arrow,
                                open ? "pan-down-symbolic"
                                     : gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                       ? "pan-start-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, open,
                               -1);
}

static void
on_document_note_toggled (GlsSidebar      *self,
                          GParamSpec      *pspec,
                          GtkToggleButton *button)
{
  set_disclosure (self, button, self->document_note_arrow);
  if (gtk_toggle_button_get_active (button))
    gtk_widget_grab_focus (GTK_WIDGET (self->document_note_view));
}

/* Folding the palette away gives its rows to the annotation list; the
 * category keys work all the same. A focus inside it stays on the
 * heading rather than vanishing with it. */
static void
on_palette_toggled (GlsSidebar      *self,
                    GParamSpec      *pspec,
                    GtkToggleButton *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  set_disclosure (self, button, self->palette_arrow);
  if (!gtk_toggle_button_get_active (button) &&
      focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->palette)))
    gtk_widget_grab_focus (GTK_WIDGET (button));
}

/* The list shows the document's annotations once the frame with the
 * document is painted: a list view makes its first 200 rows at once,
 * which costs the main thread about 100 ms that the article's first
 * frame would otherwise wait for. */
static void
stop_waiting_for_frame (GlsSidebar *self)
{
  if (self->list_clock == NULL)
    return;

  g_clear_signal_handler (&self->list_handler, self->list_clock);
  g_clear_object (&self->list_clock);
}

static void
fill_list (GlsSidebar *self)
{
  stop_waiting_for_frame (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->filtered));
  gls_sidebar_select (self, gls_annotation_details_get_annotation (self->details));
}

static void
fill_list_after_frame (GlsSidebar *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  stop_waiting_for_frame (self);
  gtk_single_selection_set_model (self->selection, NULL);
  if (clock == NULL)
    {
      fill_list (self);
      return;
    }

  self->list_clock = g_object_ref (clock);
  self->list_handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (fill_list), self);
}

/* The frame clock goes with the window's surface: a list still waiting
 * for its frame is filled at once. */
static void
gls_sidebar_unrealize (GtkWidget *widget)
{
  GlsSidebar *self = GLS_SIDEBAR (widget);

  if (self->list_clock != NULL)
    fill_list (self);

  GTK_WIDGET_CLASS (gls_sidebar_parent_class)->unrealize (widget);
}

/* ------------------------------------------------------------------ */

static void
gls_sidebar_dispose (GObject *object)
{
  GlsSidebar *self = (GlsSidebar *)object;
  GtkWidget *child;

  stop_waiting_for_frame (self);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_SIDEBAR);
  /* the template's boxes, which have no field to clear */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gls_sidebar_parent_class)->dispose (object);
}

static void
gls_sidebar_finalize (GObject *object)
{
  GlsSidebar *self = (GlsSidebar *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->search);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->filter_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (gls_sidebar_parent_class)->finalize (object);
}

static void
gls_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlsSidebar *self = GLS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlsSidebar *self = GLS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gls_sidebar_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_sidebar_class_init (GlsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_sidebar_dispose;
  object_class->finalize = gls_sidebar_finalize;
  object_class->get_property = gls_sidebar_get_property;
  object_class->set_property = gls_sidebar_set_property;
  widget_class->unrealize = gls_sidebar_unrealize;

  /* the document shown, or NULL */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlsSidebar::category-activated:
   * @id: the category's id
   *
   * A category of the palette was activated: annotate the selection with it.
   */
  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * GlsSidebar::annotation-activated:
   * @annotation: the annotation
   *
   * An annotation of the list was activated: select it and show it.
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLS_TYPE_ANNOTATION);

  g_type_ensure (GLS_TYPE_ANNOTATION_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, palette_button);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, palette_arrow);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, codebook_label);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, palette);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, annotation_list);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, review_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, review_label);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, details);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, document_note_view);
  gtk_widget_class_bind_template_child (widget_class, GlsSidebar, document_note_arrow);
  gtk_widget_class_bind_template_callback (widget_class, on_document_note_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_category_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
gls_sidebar_init (GlsSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->filter_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gls_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_annotation, self, NULL);
  self->search = gls_annotation_search_new ();
  /* not incremental: the list would empty and fill again in steps; the
   * category test is cheap, and searching the text runs in a worker */
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->search)), NULL);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "enter", G_CALLBACK (on_filter_entry_focused), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->filter_entry), focus);
  }
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->annotation_list, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->annotation_list, factory);

  self->settings = gls_settings_new ();
  g_settings_bind (self->settings, "palette-expanded", self->palette_button, "active", G_SETTINGS_BIND_DEFAULT);
  set_disclosure (self, self->palette_button, self->palette_arrow);

  gls_accessible_name_drop_down (self->filter_dropdown, _("Show One Category"));
  add_palette_tab_keys (self);
  make_one_tab_stop (GTK_WIDGET (self->annotation_list));
  add_tab_keys (GTK_WIDGET (self), on_sidebar_tab);

  g_signal_connect_object (gtk_text_view_get_buffer (self->document_note_view), "changed",
                           G_CALLBACK (on_document_note_edited), self, G_CONNECT_SWAPPED);

  /* the document keeps the only history: the note editors' own undo
   * would fight it */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->document_note_view), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (gls_annotation_details_get_note_view (self->details)), FALSE);
}

GlsDocument *
gls_sidebar_get_document (GlsSidebar *self)
{
  g_return_val_if_fail (GLS_IS_SIDEBAR (self), NULL);

  return self->document;
}

/**
 * gls_sidebar_set_document:
 *
 * Shows @document: its codebook in the palette, its annotations in the
 * list, its note. With %NULL, the list empties and nothing can be edited.
 */
void
gls_sidebar_set_document (GlsSidebar  *self,
                          GlsDocument *document)
{
  GtkTextBuffer *note_buffer;

  g_return_if_fail (GLS_IS_SIDEBAR (self));
  g_return_if_fail (document == NULL || GLS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  gls_annotation_details_set_document (self->details, document);
  gls_annotation_search_set_document (self->search, document);

  if (document == NULL)
    {
      stop_waiting_for_frame (self);
      gtk_single_selection_set_model (self->selection, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
      return;
    }

  g_signal_connect_object (document, "changed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::codebook", G_CALLBACK (on_codebook_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::note", G_CALLBACK (on_note_notify), self, G_CONNECT_SWAPPED);

  apply_filter (self);
  fill_list_after_frame (self);

  note_buffer = gtk_text_view_get_buffer (self->document_note_view);
  self->updating = TRUE;
  gtk_text_buffer_set_text (note_buffer, gls_document_get_note (document) ? gls_document_get_note (document) : "", -1);
  self->updating = FALSE;

  on_codebook_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * gls_sidebar_select:
 *
 * Follows the article's selection: shows the details of @annotation (or
 * none), and selects it in the list, scrolled to, if the list shows it.
 */
void
gls_sidebar_select (GlsSidebar    *self,
                    GlsAnnotation *annotation)
{
  guint position;

  g_return_if_fail (GLS_IS_SIDEBAR (self));
  g_return_if_fail (annotation == NULL || GLS_IS_ANNOTATION (annotation));

  gls_annotation_details_set_annotation (self->details, annotation);

  /* a list still to fill selects it once filled */
  if (self->updating || self->list_clock != NULL)
    return;

  self->updating = TRUE;
  if (annotation != NULL && find_in_list (self, annotation, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->annotation_list), "list.scroll-to-item", "u", position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

GlsAnnotationDetails *
gls_sidebar_get_details (GlsSidebar *self)
{
  g_return_val_if_fail (GLS_IS_SIDEBAR (self), NULL);

  return self->details;
}

/**
 * gls_sidebar_get_filling:
 *
 * Returns: whether the list waits for the frame with the document to be
 *   painted before it shows the document's annotations
 */
gboolean
gls_sidebar_get_filling (GlsSidebar *self)
{
  g_return_val_if_fail (GLS_IS_SIDEBAR (self), FALSE);

  return self->list_clock != NULL;
}

/* What typing in the list's filter and choosing a category do. */
void
_gls_sidebar_filter (GlsSidebar *self,
                     const char *text,
                     guint       category)
{
  g_return_if_fail (GLS_IS_SIDEBAR (self));

  /* the entry reports each change at once; the search of a short list
   * is done before this returns */
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text);
  gtk_drop_down_set_selected (self->filter_dropdown, category);
}

/* Whether a search runs whose results the list does not show yet. */
gboolean
_gls_sidebar_is_searching (GlsSidebar *self)
{
  g_return_val_if_fail (GLS_IS_SIDEBAR (self), FALSE);

  return gls_annotation_search_get_searching (self->search);
}

guint
_gls_sidebar_n_listed (GlsSidebar *self)
{
  g_return_val_if_fail (GLS_IS_SIDEBAR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * gls_sidebar_set_reviewing:
 *
 * Shows, or stops showing, only the annotations that a re-anchoring left
 * for a person to check: fuzzy and orphaned ones.
 */
void
gls_sidebar_set_reviewing (GlsSidebar *self,
                           gboolean    reviewing)
{
  g_return_if_fail (GLS_IS_SIDEBAR (self));

  reviewing = !!reviewing;
  gtk_widget_set_visible (self->review_bar, reviewing);
  if (self->reviewing == reviewing)
    return;

  self->reviewing = reviewing;
  apply_filter (self);
}

gboolean
gls_sidebar_get_reviewing (GlsSidebar *self)
{
  g_return_val_if_fail (GLS_IS_SIDEBAR (self), FALSE);

  return self->reviewing;
}

/* Says how many annotations are left to review. */
void
gls_sidebar_update_review (GlsSidebar *self)
{
  guint n_fuzzy, n_orphaned;
  g_autofree char *text = NULL;

  g_return_if_fail (GLS_IS_SIDEBAR (self));

  if (self->document == NULL)
    return;

  n_fuzzy = gls_document_get_n_fuzzy (self->document);
  n_orphaned = gls_document_get_n_orphaned (self->document);
  /* Translators: shown above the list while reviewing, e.g. "To review: 3 on similar text, 1 not found";
   * the first are what the info bar calls "need review" */
  text = g_strdup_printf (_("To review: %u on similar text, %u not found"), n_fuzzy, n_orphaned);
  gtk_label_set_text (self->review_label, text);
}

