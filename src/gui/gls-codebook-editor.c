/* gls-codebook-editor.c
 * Editing an article's codebook by keyboard: the tree of categories and a
 * form; the changes go to the document, which keeps them in its history. */
#define G_LOG_DOMAIN "gls-codebook-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-codebook-editor-private.h"
#include "gls-accessible.h"
#include "gls-color-swatch.h"
#include "gls-palette-row.h"

struct _GlsCodebookEditor
{
  GtkWindow           parent_instance;

  /* Template widgets */
  GtkLabel           *origin_label;
  GtkWidget          *differ_box;
  GtkLabel           *differ_label;
  GtkListView        *list_view;
  GtkEntry           *label_entry;
  GtkTextView        *description_view;
  GtkBox             *palette_box;
  GtkEntry           *color_entry;
  GtkLabel           *contrast_label;
  GtkDropDown        *key_dropdown;
  GtkDropDown        *merge_dropdown;
  GtkLabel           *usage_label;
  GtkWidget          *form;

  /* Owned */
  GlsDocument        *document;
  GtkSingleSelection *selection;
  GtkStringList      *merge_targets;   /* labels, in the order of merge_ids */
  GPtrArray          *merge_ids;
  char               *selected;        /* the id of the selected category */
  GlsCodebook        *folder_codebook; /* codebook.xml beside the article */

  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (GlsCodebookEditor, gls_codebook_editor, GTK_TYPE_WINDOW)

/* ------------------------------------------------------------------ */
/* The tree                                                             */

static GListModel *
children_of (gpointer item,
             gpointer user_data)
{
  GlsCategory *category = item;
  GListStore *store;

  if (gls_category_get_n_children (category) == 0)
    return NULL;

  store = g_list_store_new (GLS_TYPE_CATEGORY);
  for (guint i = 0; i < gls_category_get_n_children (category); i++)
    g_list_store_append (store, gls_category_get_child (category, i));

  return G_LIST_MODEL (store);
}

static GlsCodebook *
codebook (GlsCodebookEditor *self)
{
  return gls_document_get_codebook (self->document);
}

static GlsCategory *
selected_category (GlsCodebookEditor *self)
{
  return self->selected ? gls_codebook_lookup (codebook (self), self->selected) : NULL;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = g_object_new (GLS_TYPE_COLOR_SWATCH, "valign", GTK_ALIGN_CENTER, NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *key = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), key);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_end (box, 8);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
  _gls_codebook_editor_add_drag_and_drop (expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GlsCategory *category = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (swatch);
  GtkWidget *key = gtk_widget_get_next_sibling (label);
  g_autofree char *key_text = NULL;

  key_text = gls_palette_row_dup_key_label (category);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gls_color_swatch_set_color (GLS_COLOR_SWATCH (swatch), gls_category_get_color (category));
  gtk_label_set_text (GTK_LABEL (label), gls_category_get_label (category));
  gtk_label_set_text (GTK_LABEL (key), key_text ? key_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gls_category_get_label (category), -1);
  g_object_unref (category);
}

/* ------------------------------------------------------------------ */
/* Showing the state                                                    */

static void update_form          (GlsCodebookEditor *self);
static void on_selection_changed (GlsCodebookEditor *self);

static void
update_merge_targets (GlsCodebookEditor *self)
{
  GlsCodebook *book = codebook (self);
  guint n = gls_codebook_get_n_categories (book);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_set_size (self->merge_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      GlsCategory *category = gls_codebook_get_category (book, i);

      if (g_strcmp0 (gls_category_get_id (category), self->selected) == 0)
        continue;
      g_ptr_array_add (self->merge_ids, g_strdup (gls_category_get_id (category)));
      g_ptr_array_add (labels, (gpointer) gls_category_get_label (category));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->merge_targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->merge_targets)),
                          (const char * const *) labels->pdata);
}

/* Lists what differs between the article's copy and the folder's file. */
static char *
describe_differences (GlsCodebook *mine,
                      GlsCodebook *folder)
{
  g_autoptr(GString) only_folder = g_string_new (NULL);
  g_autoptr(GString) only_mine = g_string_new (NULL);
  guint changed = 0;

  for (guint i = 0; i < gls_codebook_get_n_categories (folder); i++)
    {
      GlsCategory *theirs = gls_codebook_get_category (folder, i);
      GlsCategory *ours = gls_codebook_lookup (mine, gls_category_get_id (theirs));

      if (ours == NULL)
        g_string_append_printf (only_folder, "%s%s", only_folder->len ? ", " : "", gls_category_get_label (theirs));
      else if (g_strcmp0 (gls_category_get_label (ours), gls_category_get_label (theirs)) != 0 ||
               g_strcmp0 (gls_category_get_color (ours), gls_category_get_color (theirs)) != 0 ||
               g_strcmp0 (gls_category_get_description (ours), gls_category_get_description (theirs)) != 0 ||
               gls_category_get_key (ours) != gls_category_get_key (theirs) ||
               gls_category_get_alt_key (ours) != gls_category_get_alt_key (theirs))
        changed++;
    }
  for (guint i = 0; i < gls_codebook_get_n_categories (mine); i++)
    {
      GlsCategory *ours = gls_codebook_get_category (mine, i);

      if (gls_codebook_lookup (folder, gls_category_get_id (ours)) == NULL)
        g_string_append_printf (only_mine, "%s%s", only_mine->len ? ", " : "", gls_category_get_label (ours));
    }

  return g_strdup_printf (_("The folder’s codebook.xml differs from this article’s copy. Only in the folder’s: %s. "
                            "Only in this article: %s. Changed: %u."),
                          only_folder->len ? only_folder->str : _("none"),
                          only_mine->len ? only_mine->str : _("none"), changed);
}

static void
update_origin (GlsCodebookEditor *self)
{
  g_autoptr(GFile) folder_file = gls_codebook_editor_get_folder_codebook_file (self);
  g_autofree char *text = NULL;
  gboolean differ;

  text = g_strdup_printf (_("Editing “%s”, the copy in this article’s annotation file. "
                            "Changes are saved with the article and can be undone with it."),
                          gls_codebook_get_label (codebook (self)));
  gtk_label_set_text (self->origin_label, text);

  g_clear_object (&self->folder_codebook);
  if (folder_file != NULL && g_file_query_exists (folder_file, NULL))
    self->folder_codebook = gls_codebook_new_from_file (folder_file, NULL, NULL, NULL);

  differ = self->folder_codebook != NULL && !gls_codebook_equal (self->folder_codebook, codebook (self));
  gtk_widget_set_visible (self->differ_box, differ);
  if (differ)
    {
      g_autofree char *differences = describe_differences (codebook (self), self->folder_codebook);

      gtk_label_set_text (self->differ_label, differences);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.update-article", differ);
}

static void
update_contrast (GlsCodebookEditor *self,
                 const char        *color)
{
  double light = gls_color_text_contrast (color, FALSE);
  double dark = gls_color_text_contrast (color, TRUE);
  g_autofree char *text = NULL;

  if (light >= GLS_MIN_TEXT_CONTRAST && dark >= GLS_MIN_TEXT_CONTRAST)
    text = g_strdup_printf (_("Text stays readable over it: contrast %.1f:1 in the light style, %.1f:1 in the dark one."),
                            light, dark);
  else
    text = g_strdup_printf (_("Text is hard to read over it: contrast %.1f:1 in the light style, %.1f:1 in the dark one "
                              "(%.1f:1 is needed). Pick a colour from the palette."),
                            light, dark, GLS_MIN_TEXT_CONTRAST);
  gtk_label_set_text (self->contrast_label, text);
}

/* The key field's items: none, 1 to 9, then Alt+1 to Alt+9 */
static void
fill_keys (GlsCodebookEditor *self)
{
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);

  gtk_string_list_append (keys, C_("key", "None"));
  for (guint key = 1; key <= 9; key++)
    {
      g_autofree char *digit = g_strdup_printf ("%u", key);

      gtk_string_list_append (keys, digit);
    }
  for (guint key = 1; key <= 9; key++)
    {
      /* Translators: a category's shortcut, the Alt key and a digit */
      g_autofree char *alt = g_strdup_printf (_("Alt+%u"), key);

      gtk_string_list_append (keys, alt);
    }
  gtk_drop_down_set_model (self->key_dropdown, G_LIST_MODEL (keys));
}

static void
show_key (GlsCodebookEditor *self,
          GlsCategory       *category)
{
  guint item = 0;

  if (category != NULL && gls_category_get_key (category) > 0)
    item = gls_category_get_key (category);
  else if (category != NULL && gls_category_get_alt_key (category) > 0)
    item = 9 + gls_category_get_alt_key (category);
  gtk_drop_down_set_selected (self->key_dropdown, item);
}

static void
update_form (GlsCodebookEditor *self)
{
  GlsCategory *category = selected_category (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const char *description = category ? gls_category_get_description (category) : NULL;
  g_autofree char *usage = NULL;
  guint n;

  self->updating = TRUE;
  gtk_widget_set_sensitive (self->form, category != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), category ? gls_category_get_label (category) : "");
  gtk_text_buffer_set_text (buffer, description ? description : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->color_entry),
                         category && gls_category_get_color (category) ? gls_category_get_color (category) : "");
  show_key (self, category);
  update_contrast (self, category ? gls_category_get_color (category) : NULL);
  update_merge_targets (self);

  n = category ? gls_document_count_category (self->document, self->selected) : 0;
  usage = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used by %u annotation in this article",
                                        "Used by %u annotations in this article", n), n);
  gtk_label_set_text (self->usage_label, usage);
  self->updating = FALSE;

  for (const char * const *action = (const char * const[]) { "codebook.add-child", "codebook.delete", "codebook.merge",
                                                             "codebook.move-up", "codebook.move-down", "codebook.indent",
                                                             "codebook.outdent", "codebook.rename", NULL };
       *action != NULL; action++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *action, category != NULL);
}

static gboolean
select_id (GlsCodebookEditor *self,
           const char        *wanted)
{
  g_autofree char *id = g_strdup (wanted);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      GlsCategory *category = gtk_tree_list_row_get_item (row);
      gboolean found = g_strcmp0 (gls_category_get_id (category), id) == 0;

      g_object_unref (category);
      if (found)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

/* The document has another codebook: show it, keeping the selection. */
static void
rebuild (GlsCodebookEditor *self)
{
  g_autofree char *keep = g_strdup (self->selected);
  GlsCodebook *book = codebook (self);
  GListStore *roots = g_list_store_new (GLS_TYPE_CATEGORY);
  GtkTreeListModel *tree;

  for (guint i = 0; i < gls_codebook_get_n_roots (book); i++)
    g_list_store_append (roots, gls_codebook_get_root (book, i));
  tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, TRUE, children_of, NULL, NULL);

  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_object_unref (tree);
  /* by what select_id() finds, not by self->selected: selecting the row
   * the new model already has selected in the same place notifies nothing */
  if ((keep == NULL || !select_id (self, keep)) && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  self->updating = FALSE;
  on_selection_changed (self);
  update_origin (self);
}

static void
on_selection_changed (GlsCodebookEditor *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  g_free (self->selected);
  self->selected = NULL;
  if (row != NULL)
    {
      GlsCategory *category = gtk_tree_list_row_get_item (row);

      self->selected = g_strdup (gls_category_get_id (category));
      g_object_unref (category);
    }
  if (!self->updating)
    update_form (self);
}

/* ------------------------------------------------------------------ */
/* Changes                                                              */

static void
report (GlsCodebookEditor *self,
        GError            *error)
{
  GtkWidget *dialog;

  if (error == NULL)
    return;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_description (GlsCodebookEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GlsCategory *category = selected_category (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || category == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, gls_category_get_description (category) ? gls_category_get_description (category) : "") == 0)
    return;
  gls_document_set_category_description (self->document, self->selected,
                                         gls_category_get_description_language (category), text, &error);
  report (self, error);
}

static void
on_label_activate (GlsCodebookEditor *self)
{
  GlsCategory *category = selected_category (self);
  g_autofree char *id = g_strdup (self->selected);
  g_autoptr(GError) error = NULL;

  if (category == NULL)
    return;
  gls_document_set_category_label (self->document, id, gls_category_get_label_language (category),
                                   gtk_editable_get_text (GTK_EDITABLE (self->label_entry)), &error);
  report (self, error);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  select_id (self, id);
}

static void
set_color (GlsCodebookEditor *self,
           const char        *color)
{
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL)
    return;
  gls_document_set_category_color (self->document, self->selected, color, &error);
  report (self, error);
}

static void
on_color_activate (GlsCodebookEditor *self)
{
  set_color (self, gtk_editable_get_text (GTK_EDITABLE (self->color_entry)));
}

static void
on_palette_clicked (GtkButton         *button,
                    GlsCodebookEditor *self)
{
  set_color (self, g_object_get_data (G_OBJECT (button), "color"));
}

static void
on_key_changed (GlsCodebookEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint item = gtk_drop_down_get_selected (self->key_dropdown);

  if (self->updating || self->selected == NULL || item == GTK_INVALID_LIST_POSITION)
    return;
  if (!gls_document_set_category_shortcut (self->document, self->selected, item > 9 ? item - 9 : item, item > 9,
                                           &error))
    {
      /* refused: the field shows the key the category still has */
      self->updating = TRUE;
      show_key (self, gls_codebook_lookup (gls_document_get_codebook (self->document), self->selected));
      self->updating = FALSE;
    }
  report (self, error);
}

static void
add_category (GlsCodebookEditor *self,
              const char        *parent)
{
  g_autoptr(GError) error = NULL;
  GlsCategory *added = gls_document_add_category (self->document, parent, _("New category"), &error);

  report (self, error);
  if (added != NULL)
    {
      select_id (self, gls_category_get_id (added));
      gtk_widget_grab_focus (GTK_WIDGET (self->label_entry));
    }
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);
  GlsCategory *category = selected_category (self);
  GlsCategory *parent = category ? gls_category_get_parent (category) : NULL;

  add_category (self, parent ? gls_category_get_id (parent) : NULL);
}

static void
action_add_child (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);

  add_category (self, self->selected);
}

static void
action_rename (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (GLS_CODEBOOK_EDITOR (widget)->label_entry));
}

/* Where @category sits among its siblings. */
static guint
position_of (GlsCodebookEditor *self,
             GlsCategory       *category)
{
  GlsCategory *parent = gls_category_get_parent (category);
  guint n = parent ? gls_category_get_n_children (parent) : gls_codebook_get_n_roots (codebook (self));

  for (guint i = 0; i < n; i++)
    if ((parent ? gls_category_get_child (parent, i) : gls_codebook_get_root (codebook (self), i)) == category)
      return i;

  g_assert_not_reached ();
}

static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);
  GlsCategory *category = selected_category (self);
  g_autofree char *id = g_strdup (self->selected);
  g_autoptr(GError) error = NULL;
  GlsCategory *parent, *above;
  guint position;

  if (category == NULL)
    return;

  parent = gls_category_get_parent (category);
  position = position_of (self, category);

  if (g_str_equal (action_name, "codebook.move-up") && position > 0)
    gls_document_move_category (self->document, id, parent ? gls_category_get_id (parent) : NULL,
                                position - 1, &error);
  else if (g_str_equal (action_name, "codebook.move-down"))
    gls_document_move_category (self->document, id, parent ? gls_category_get_id (parent) : NULL,
                                position + 1, &error);
  else if (g_str_equal (action_name, "codebook.indent") && position > 0)
    {
      above = parent ? gls_category_get_child (parent, position - 1) : gls_codebook_get_root (codebook (self), position - 1);
      gls_document_move_category (self->document, id, gls_category_get_id (above), G_MAXUINT, &error);
    }
  else if (g_str_equal (action_name, "codebook.outdent") && parent != NULL)
    {
      GlsCategory *grandparent = gls_category_get_parent (parent);

      gls_document_move_category (self->document, id, grandparent ? gls_category_get_id (grandparent) : NULL,
                                  position_of (self, parent) + 1, &error);
    }
  report (self, error);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  select_id (self, id);
}

static void
action_merge (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);
  guint target = gtk_drop_down_get_selected (self->merge_dropdown);
  g_autofree char *into = NULL;
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL || target >= self->merge_ids->len)
    return;

  into = g_strdup (g_ptr_array_index (self->merge_ids, target));
  gls_document_merge_categories (self->document, self->selected, into, NULL, &error);
  report (self, error);
  select_id (self, into);
}

static void
on_delete_response (GtkDialog         *dialog,
                    int                response,
                    GlsCodebookEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), "category");

  if (response == GTK_RESPONSE_ACCEPT)
    gls_document_delete_category (self->document, id, GLS_CATEGORY_DELETE_ANNOTATIONS, NULL, NULL, &error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  report (self, error);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  guint n = 0;

  if (self->selected == NULL)
    return;

  if (gls_document_delete_category (self->document, self->selected, GLS_CATEGORY_DELETE_REFUSE_USED,
                                    NULL, &n, &error))
    return;
  if (n == 0)
    {
      report (self, error);
      return;
    }

  /* used: say how many, and offer to delete them, or to merge instead */
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", error->message);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("To keep the annotations, merge the category into another one instead."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete the Annotations Too"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "category", g_strdup (self->selected), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_save_folder (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);
  g_autoptr(GFile) file = gls_codebook_editor_get_folder_codebook_file (self);
  g_autoptr(GError) error = NULL;

  if (file != NULL && gls_codebook_save (codebook (self), file, &error))
    update_origin (self);
  report (self, error);
}

static void
action_update_article (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);

  if (self->folder_codebook != NULL)
    {
      g_autoptr(GlsCodebook) copy = gls_codebook_copy (self->folder_codebook);

      gls_document_set_codebook (self->document, copy);
    }
}

static void
on_qdc_chosen (GtkNativeDialog   *chooser,
               int                response,
               GlsCodebookEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;

  if (saving)
    {
      g_autoptr(GBytes) bytes = gls_codebook_to_qdc (codebook (self));

      g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                               G_FILE_CREATE_NONE, NULL, NULL, &error);
    }
  else
    {
      g_autoptr(GBytes) bytes = gls_read_file (file, GLS_FILE_CODEBOOK, NULL, NULL, &error);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GlsCodebook) imported = NULL;

      if (bytes != NULL && (imported = gls_codebook_import_qdc (codebook (self), bytes, name, NULL, &error)) != NULL)
        gls_document_set_codebook (self->document, imported);
    }
  report (self, error);
}

static void
action_exchange_qdc (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlsCodebookEditor *self = GLS_CODEBOOK_EDITOR (widget);
  gboolean export = g_str_equal (action_name, "codebook.export-qdc");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (export ? _("Export REFI-QDA Codebook") : _("Import REFI-QDA Codebook"),
                                         GTK_WINDOW (self),
                                         export ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         export ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("REFI-QDA codebooks (.qdc)"));
  gtk_file_filter_add_suffix (filter, "qdc");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (export)
    {
      g_autofree char *name = g_strdup_printf ("%s.qdc", gls_codebook_get_id (codebook (self)));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_qdc_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* The class                                                            */

static void
build_palette (GlsCodebookEditor *self)
{
  const char * const *colors = gls_palette_get_colors (NULL);

  for (guint i = 0; colors[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *swatch = g_object_new (GLS_TYPE_COLOR_SWATCH, NULL);
      g_autofree char *tooltip = g_strdup_printf (_("Colour %s"), colors[i]);

      gls_color_swatch_set_color (GLS_COLOR_SWATCH (swatch), colors[i]);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "color", (gpointer) colors[i]);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_palette_clicked), self, 0);
      gtk_box_append (self->palette_box, button);
    }
}

static void
gls_codebook_editor_dispose (GObject *object)
{
  GlsCodebookEditor *self = (GlsCodebookEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_CODEBOOK_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->merge_targets);
  g_clear_object (&self->folder_codebook);
  g_clear_pointer (&self->merge_ids, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (gls_codebook_editor_parent_class)->dispose (object);
}

static void
gls_codebook_editor_class_init (GlsCodebookEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_codebook_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-codebook-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, origin_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, differ_box);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, differ_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, label_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, palette_box);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, color_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, contrast_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, key_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, merge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, usage_label);
  gtk_widget_class_bind_template_child (widget_class, GlsCodebookEditor, form);
  gtk_widget_class_bind_template_callback (widget_class, on_label_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_color_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed);

  gtk_widget_class_install_action (widget_class, "codebook.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "codebook.add-child", NULL, action_add_child);
  gtk_widget_class_install_action (widget_class, "codebook.rename", NULL, action_rename);
  gtk_widget_class_install_action (widget_class, "codebook.move-up", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "codebook.move-down", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "codebook.indent", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "codebook.outdent", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "codebook.merge", NULL, action_merge);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "codebook.save-folder", NULL, action_save_folder);
  gtk_widget_class_install_action (widget_class, "codebook.update-article", NULL, action_update_article);
  gtk_widget_class_install_action (widget_class, "codebook.import-qdc", NULL, action_exchange_qdc);
  gtk_widget_class_install_action (widget_class, "codebook.export-qdc", NULL, action_exchange_qdc);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gls_codebook_editor_init (GlsCodebookEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->merge_ids = g_ptr_array_new_with_free_func (g_free);
  self->merge_targets = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->merge_dropdown, G_LIST_MODEL (self->merge_targets));
  gls_accessible_name_drop_down_rows (self->key_dropdown);
  gls_accessible_name_drop_down_rows (self->merge_dropdown);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* the description is taken when the focus leaves it */
  g_signal_connect_object (focus, "leave", G_CALLBACK (apply_description), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);

  build_palette (self);
  fill_keys (self);
}

/**
 * gls_codebook_editor_new:
 *
 * Returns: (transfer full): an editor of @document's codebook, for @parent
 */
GtkWidget *
gls_codebook_editor_new (GtkWindow   *parent,
                         GlsDocument *document)
{
  GlsCodebookEditor *self;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLS_TYPE_CODEBOOK_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "notify::codebook", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "changed", G_CALLBACK (update_form), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}

/**
 * gls_codebook_editor_get_selected:
 *
 * Returns: (nullable): the id of the selected category
 */
const char *
gls_codebook_editor_get_selected (GlsCodebookEditor *self)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK_EDITOR (self), NULL);

  return self->selected;
}

void
gls_codebook_editor_select (GlsCodebookEditor *self,
                            const char        *id)
{
  g_return_if_fail (GLS_IS_CODEBOOK_EDITOR (self));

  select_id (self, id);
}

/**
 * _gls_codebook_editor_drop:
 *
 * What dropping the row of @id on the row of @target does: one step of
 * the codebook's history, or a message saying why not (into its own
 * subtree); the moved category stays selected.
 *
 * Returns: whether the category moved (or was where it was dropped)
 */
gboolean
_gls_codebook_editor_drop (GlsCodebookEditor *self,
                           const char        *id,
                           const char        *target,
                           GlsCategoryDrop    where)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = g_strdup (id);

  g_return_val_if_fail (GLS_IS_CODEBOOK_EDITOR (self), FALSE);
  g_return_val_if_fail (id != NULL && target != NULL, FALSE);

  if (!gls_document_drop_category (self->document, id, target, where, &error))
    {
      report (self, error);
      return FALSE;
    }
  select_id (self, moved);

  return TRUE;
}

/**
 * gls_codebook_editor_get_folder_codebook_file:
 *
 * Returns: (transfer full) (nullable): `codebook.xml` in the article's
 *   folder, which may not exist yet, or %NULL for an article not in a file
 */
GFile *
gls_codebook_editor_get_folder_codebook_file (GlsCodebookEditor *self)
{
  GFile *source = gls_source_get_file (gls_document_get_source (self->document));
  g_autoptr(GFile) folder = source ? g_file_get_parent (source) : NULL;

  return folder ? g_file_get_child (folder, "codebook.xml") : NULL;
}
