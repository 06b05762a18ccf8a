/* gls-relation-dialog.c
 * The other annotation is a row of a filtered list (keyboard: type to
 * filter, arrows, Enter) or a click on its highlight while the dialog is
 * open; the type is one of a group of toggle buttons with mnemonics. The
 * relation is made through the document, as one step to undo. */
#define G_LOG_DOMAIN "gls-relation-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gls-annotation-row.h"
#include "gls-relation-dialog.h"

/* Rows built at most, so that ten thousand annotations open at once. */
#define MAX_ROWS 300

struct _GlsRelationDialog
{
  GtkWindow       parent_instance;

  /* Widgets */
  GtkLabel       *from_label;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
  GtkLabel       *more_label;
  GtkFlowBox     *types_box;
  GtkWidget      *relate_button;

  /* Owned */
  GlsDocument    *document;
  GlsAnnotation  *from;
  GPtrArray      *articles;   /* GlsDocument, the document first */
  GPtrArray      *names;      /* char *, NULL for the document's own */
  char           *type;
};

G_DEFINE_FINAL_TYPE (GlsRelationDialog, gls_relation_dialog, GTK_TYPE_WINDOW)

static gboolean
matches (const char *text,
         const char *filter)
{
  g_autofree char *folded = NULL;

  if (filter == NULL || *filter == '\0')
    return TRUE;
  folded = g_utf8_casefold (text, -1);

  return strstr (folded, filter) != NULL;
}

static GtkWidget *
new_row (GlsRelationDialog *self,
         guint              article,
         GlsAnnotation     *annotation,
         const char        *excerpt)
{
  GlsDocument *document = g_ptr_array_index (self->articles, article);
  const char *name = g_ptr_array_index (self->names, article);
  GlsCategory *category = gls_codebook_lookup (gls_document_get_codebook (document),
                                               gls_annotation_get_category (annotation));
  g_autofree char *text = NULL;
  GtkWidget *row, *label;

  if (name != NULL)
    /* Translators: a candidate of another article: the article's name, the category, the quote */
    text = g_strdup_printf (_("%s · %s: “%s”"), name,
                            category ? gls_category_get_label (category) : gls_annotation_get_category (annotation),
                            excerpt);
  else
    /* Translators: a candidate in this article: the category, the quote */
    text = g_strdup_printf (_("%s: “%s”"),
                            category ? gls_category_get_label (category) : gls_annotation_get_category (annotation),
                            excerpt);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, text);
  g_object_set_data_full (G_OBJECT (row), "document", g_object_ref (document), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);

  return row;
}

static void
fill (GlsRelationDialog *self)
{
  g_autofree char *filter = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GtkWidget *child;
  guint n_rows = 0, n_matching = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint a = 0; a < self->articles->len; a++)
    {
      GlsDocument *document = g_ptr_array_index (self->articles, a);
      GlsAnnotationList *annotations = gls_document_get_annotations (document);

      for (guint i = 0; i < gls_document_get_n_annotations (document); i++)
        {
          GlsAnnotation *annotation = gls_annotation_list_get (annotations, i);
          g_autofree char *excerpt = NULL;

          if (annotation == self->from)
            continue;
          excerpt = gls_annotation_dup_excerpt (document, annotation, 120);
          if (!matches (excerpt, filter))
            continue;
          n_matching++;
          if (n_rows++ < MAX_ROWS)
            gtk_list_box_append (self->list, new_row (self, a, annotation, excerpt));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n_matching > MAX_ROWS || n_matching == 0);
  if (n_matching == 0)
    gtk_label_set_text (self->more_label, _("No annotation matches"));
  else if (n_matching > MAX_ROWS)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%'u more annotation: type to narrow the list",
                                                            "%'u more annotations: type to narrow the list",
                                                            n_matching - MAX_ROWS),
                                               n_matching - MAX_ROWS);
      gtk_label_set_text (self->more_label, text);
    }

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
}

static void
update_relate (GlsRelationDialog *self)
{
  gtk_widget_set_sensitive (self->relate_button,
                            self->type != NULL && gtk_list_box_get_selected_row (self->list) != NULL);
}

static void
on_type_toggled (GlsRelationDialog *self,
                 GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_free (self->type);
  self->type = g_strdup (g_object_get_data (G_OBJECT (button), "type"));
  update_relate (self);
}

static void
fill_types (GlsRelationDialog *self)
{
  g_auto(GStrv) types = gls_document_dup_relation_types (self->document);
  /* the usual types with their mnemonics: labels stay the file's names */
  static const struct { const char *type; const char *label; } usual[] = {
    { "supports", N_("_supports") },
    { "contradicts", N_("_contradicts") },
    { "same-claim", N_("s_ame-claim") },
    { "paraphrases", N_("_paraphrases") },
    { "cause", N_("caus_e") },
  };
  GtkToggleButton *group = NULL;

  for (guint i = 0; types[i] != NULL; i++)
    {
      GtkWidget *button = NULL;

      for (guint u = 0; u < G_N_ELEMENTS (usual); u++)
        if (g_str_equal (usual[u].type, types[i]))
          button = gtk_toggle_button_new_with_mnemonic (_(usual[u].label));
      if (button == NULL)
        button = gtk_toggle_button_new_with_label (types[i]);

      g_object_set_data_full (G_OBJECT (button), "type", g_strdup (types[i]), g_free);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_type_toggled), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->types_box, button);
    }
  gtk_toggle_button_set_active (group, TRUE);
}

static void
on_relate (GlsRelationDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (gls_relation_dialog_relate (self, &error) != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (error != NULL)
    {
      gtk_label_set_text (self->more_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), TRUE);
    }
}

static void
action_relate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  on_relate (GLS_RELATION_DIALOG (widget));
}

static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GlsRelationDialog     *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_Up)
    {
      row = gtk_list_box_get_row_at_index (self->list, MAX (index + (keyval == GDK_KEY_Down ? 1 : -1), 0));
      if (row != NULL)
        {
          gtk_list_box_select_row (self->list, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
        }
      return TRUE;
    }

  return FALSE;
}

static void
gls_relation_dialog_dispose (GObject *object)
{
  GlsRelationDialog *self = (GlsRelationDialog *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->from);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->type, g_free);

  G_OBJECT_CLASS (gls_relation_dialog_parent_class)->dispose (object);
}

static void
gls_relation_dialog_class_init (GlsRelationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_relation_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "relation.relate", NULL, action_relate);
}

static void
gls_relation_dialog_init (GlsRelationDialog *self)
{
  GtkWidget *box, *scrolled, *buttons, *cancel, *heading, *types_label;
  GtkEventController *keys, *shortcuts;

  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Relate Annotation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 480);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_window_set_child (GTK_WINDOW (self), box);

  self->from_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->from_label, TRUE);
  gtk_label_set_xalign (self->from_label, 0);
  gtk_label_set_lines (self->from_label, 2);
  gtk_label_set_ellipsize (self->from_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->from_label));

  types_label = gtk_label_new (_("Type"));
  gtk_label_set_xalign (GTK_LABEL (types_label), 0);
  gtk_widget_add_css_class (types_label, "heading");
  gtk_box_append (GTK_BOX (box), types_label);
  self->types_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->types_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->types_box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->types_box));

  heading = gtk_label_new_with_mnemonic (_("_To the annotation"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Type to filter, or click a highlight"), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "frame");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scrolled);
  self->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->more_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->more_label));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  /* no mnemonic: Alt+C is “contradicts”, and Escape cancels */
  cancel = gtk_button_new_with_label (_("Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  self->relate_button = gtk_button_new_with_mnemonic (_("_Relate"));
  gtk_widget_add_css_class (self->relate_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->relate_button);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->relate_button);

  g_signal_connect_object (self->relate_button, "clicked", G_CALLBACK (on_relate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_relate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "selected-rows-changed", G_CALLBACK (update_relate), self, G_CONNECT_SWAPPED);
  /* Enter relates wherever the focus is, a type's button included */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)),
                                                          gtk_named_action_new ("relation.relate")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/**
 * gls_relation_dialog_new:
 *
 * Returns: (transfer none): a dialog to relate @from, an annotation of
 *   @document, to another annotation of @document
 */
GlsRelationDialog *
gls_relation_dialog_new (GtkWindow     *parent,
                         GlsDocument   *document,
                         GlsAnnotation *from)
{
  GlsRelationDialog *self;
  g_autofree char *excerpt = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GLS_IS_ANNOTATION (from), NULL);

  self = g_object_new (GLS_TYPE_RELATION_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->from = g_object_ref (from);

  excerpt = gls_annotation_dup_excerpt (document, from, 160);
  /* Translators: the annotation a relation starts from */
  text = g_strdup_printf (_("From “%s”"), excerpt);
  gtk_label_set_text (self->from_label, text);

  fill_types (self);
  gls_relation_dialog_add_article (self, document, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

/* Offers the annotations of @document too, under its @name (NULL for the
 * document the relation starts in). */
void
gls_relation_dialog_add_article (GlsRelationDialog *self,
                                 GlsDocument       *document,
                                 const char        *name)
{
  g_return_if_fail (GLS_IS_RELATION_DIALOG (self));
  g_return_if_fail (GLS_IS_DOCUMENT (document));

  g_ptr_array_add (self->articles, g_object_ref (document));
  g_ptr_array_add (self->names, g_strdup (name));
  fill (self);
}

GlsDocument *
gls_relation_dialog_get_document (GlsRelationDialog *self)
{
  g_return_val_if_fail (GLS_IS_RELATION_DIALOG (self), NULL);

  return self->document;
}

GlsAnnotation *
gls_relation_dialog_get_from (GlsRelationDialog *self)
{
  g_return_val_if_fail (GLS_IS_RELATION_DIALOG (self), NULL);

  return self->from;
}

/* What typing in the search entry does. */
void
gls_relation_dialog_set_filter (GlsRelationDialog *self,
                                const char        *text)
{
  g_return_if_fail (GLS_IS_RELATION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  fill (self);
}

/**
 * gls_relation_dialog_pick:
 *
 * Chooses @annotation, as a click on its highlight does.
 *
 * Returns: whether it is one of the candidates
 */
gboolean
gls_relation_dialog_pick (GlsRelationDialog *self,
                          GlsAnnotation     *annotation)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLS_IS_RELATION_DIALOG (self), FALSE);

  if (annotation == NULL || annotation == self->from)
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
        if (g_object_get_data (G_OBJECT (row), "annotation") == annotation)
          {
            gtk_list_box_select_row (self->list, row);
            return TRUE;
          }
      /* not among the rows shown: show them all again */
      if (pass == 0)
        gls_relation_dialog_set_filter (self, "");
    }

  return FALSE;
}

void
gls_relation_dialog_set_type (GlsRelationDialog *self,
                              const char        *type)
{
  GtkWidget *child;

  g_return_if_fail (GLS_IS_RELATION_DIALOG (self));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->types_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "type"), type) == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
}

/**
 * gls_relation_dialog_relate:
 *
 * Makes the relation chosen: in the document it starts from, with a
 * reference to the other article's sidecar when the other annotation is
 * another article's.
 *
 * Returns: (transfer none) (nullable): the relation, %NULL when nothing
 *   is chosen or it cannot be made
 */
GlsRelation *
gls_relation_dialog_relate (GlsRelationDialog  *self,
                            GError            **error)
{
  GtkListBoxRow *row;
  GlsDocument *other;
  GlsAnnotation *to;

  g_return_val_if_fail (GLS_IS_RELATION_DIALOG (self), NULL);

  if (self->type == NULL || (row = gtk_list_box_get_selected_row (self->list)) == NULL)
    return NULL;

  other = g_object_get_data (G_OBJECT (row), "document");
  to = g_object_get_data (G_OBJECT (row), "annotation");
  if (other == self->document)
    return gls_document_add_relation (self->document, self->type, self->from, to, error);

  return gls_document_add_link (self->document, self->type, self->from,
                                gls_document_get_sidecar_file (other), gls_annotation_get_id (to), error);
}
