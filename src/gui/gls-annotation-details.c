/* gls-annotation-details.c
 * Edits the selected annotation through its document, so that every edit,
 * note typing included, can be undone. Shows nothing it does not get from
 * the document. */
#define G_LOG_DOMAIN "gls-annotation-details"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-accessible.h"
#include "gls-annotation-details.h"
#include "gls-annotation-row.h"
#include "gls-color-swatch.h"

struct _GlsAnnotationDetails
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GlsColorSwatch *swatch;
  GtkDropDown    *category_dropdown;
  GtkLabel       *missing_label;
  GtkLabel       *quote_label;
  GtkWidget      *review_box;
  GtkLabel       *review_label;
  GtkLabel       *previous_label;
  GtkWidget      *accept_button;
  GtkTextView    *note_view;
  GtkLabel       *meta_label;
  GtkBox         *relations_box;

  /* Borrowed */
  GlsCodebook    *codebook;       /* the one the drop-down lists */

  /* Owned */
  GlsDocument    *document;
  GlsAnnotation  *annotation;
  GlsLinkResolver *resolver;

  guint           relations_source;
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (GlsAnnotationDetails, gls_annotation_details, GTK_TYPE_WIDGET)

enum {
  FOLLOW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || (utc = g_date_time_new_from_iso8601 (iso8601, NULL)) == NULL)
    return g_strdup (iso8601 ? iso8601 : "");

  local = g_date_time_to_local (utc);
  /* Translators: a date and time in the user's locale, see strftime(3) */
  return g_date_time_format (local, _("%x %H:%M"));
}

/* A fuzzy annotation shows the quote it had beside its new text (the
 * quote label); an orphan, that its text was not found. */
static void
update_review (GlsAnnotationDetails *self)
{
  GlsAnchor anchor = gls_annotation_get_anchor (self->annotation);
  g_autoptr(GString) previous = NULL;

  gtk_widget_set_visible (self->review_box, anchor == GLS_ANCHOR_FUZZY || anchor == GLS_ANCHOR_ORPHANED);
  gtk_widget_set_visible (self->accept_button, anchor == GLS_ANCHOR_FUZZY);
  gtk_widget_set_visible (GTK_WIDGET (self->previous_label), anchor == GLS_ANCHOR_FUZZY);

  if (anchor == GLS_ANCHOR_ORPHANED)
    {
      gtk_label_set_text (self->review_label,
                          _("Not found in the changed article. Its quote and note are kept: select the text "
                            "it belongs to and attach it, or delete it."));
      return;
    }
  if (anchor != GLS_ANCHOR_FUZZY)
    return;

  gtk_label_set_text (self->review_label,
                      _("The article changed: this annotation moved to similar text. "
                        "Check the new place below, then accept it, or select the right text and attach it."));

  previous = g_string_new (NULL);
  for (guint i = 0; i < gls_annotation_get_n_targets (self->annotation); i++)
    {
      const char *quote = gls_annotation_get_previous_quote (self->annotation, i);

      if (quote == NULL)
        continue;
      if (previous->len > 0)
        g_string_append (previous, " … ");
      g_string_append (previous, quote);
    }
  {
    /* Translators: the text a fuzzy annotation had before the article changed */
    g_autofree char *text = g_strdup_printf (_("Before: “%s”"), previous->str);
    gtk_label_set_text (self->previous_label, text);
  }
}

/* ------------------------------------------------------------------ */
/* Relations                                                            */

static void
on_follow_clicked (GlsAnnotationDetails *self,
                   GtkButton            *button)
{
  GFile *sidecar = g_object_get_data (G_OBJECT (button), "sidecar");
  const char *id = g_object_get_data (G_OBJECT (button), "id");

  g_signal_emit (self, signals[FOLLOW], 0, sidecar, id);
}

static void
on_remove_clicked (GlsAnnotationDetails *self,
                   GtkButton            *button)
{
  GlsRelation *relation = g_object_get_data (G_OBJECT (button), "relation");

  if (self->document != NULL)
    gls_document_remove_relation (self->document, relation);
}

static void
on_type_selected (GlsAnnotationDetails *self,
                  GParamSpec           *pspec,
                  GtkDropDown          *dropdown)
{
  GlsRelation *relation = g_object_get_data (G_OBJECT (dropdown), "relation");
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (self->document != NULL && item != NULL)
    gls_document_set_relation_type (self->document, relation, gtk_string_object_get_string (item));
}

/* One relation: its direction and type, the other end's quote as a link
 * to it (or why it dangles), a type to change it to and a delete button. */
static GtkWidget *
new_relation_row (GlsAnnotationDetails *self,
                  GlsRelation          *relation,
                  const char * const   *types)
{
  gboolean outgoing = g_strcmp0 (gls_relation_get_from (relation), gls_annotation_get_id (self->annotation)) == 0;
  const char *other = outgoing ? gls_relation_get_to (relation) : gls_relation_get_from (relation);
  g_autoptr(GlsLinkEnd) end = gls_link_resolver_resolve (self->resolver, self->document, other);
  g_autoptr(GtkStringList) type_list = gtk_string_list_new ((const char * const *) types);
  g_autofree char *text = NULL;
  GtkWidget *row, *link, *label, *dropdown, *remove;
  guint position = GTK_INVALID_LIST_POSITION;
  guint n_types = g_strv_length ((char **) types);

  if (end->state == GLS_LINK_OK)
    /* Translators: "→" or "←" for the direction, the relation type, the other annotation's quote */
    text = g_strdup_printf (_("%s %s “%s”"), outgoing ? "→" : "←", gls_relation_get_relation_type (relation), end->quote);
  else if (end->state == GLS_LINK_NO_ANNOTATION)
    /* Translators: a relation whose other annotation was deleted; the type, the reference */
    text = g_strdup_printf (_("%s %s — dangling: no annotation %s"), outgoing ? "→" : "←",
                            gls_relation_get_relation_type (relation), other);
  else
    /* Translators: a relation whose other article's annotations are gone; the type, the reference */
    text = g_strdup_printf (_("%s %s — dangling: cannot read %s"), outgoing ? "→" : "←",
                            gls_relation_get_relation_type (relation), other);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (row, "relation");

  link = gtk_button_new ();
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_button_set_child (GTK_BUTTON (link), label);
  gtk_widget_add_css_class (link, "flat");
  gtk_widget_set_hexpand (link, TRUE);
  gtk_widget_set_tooltip_text (link, text);
  gtk_widget_set_sensitive (link, end->state == GLS_LINK_OK);
  if (end->state != GLS_LINK_OK)
    gtk_widget_add_css_class (label, "warning");
  if (end->sidecar != NULL)
    g_object_set_data_full (G_OBJECT (link), "sidecar", g_object_ref (end->sidecar), g_object_unref);
  g_object_set_data_full (G_OBJECT (link), "id", g_strdup (end->id), g_free);
  g_signal_connect_object (link, "clicked", G_CALLBACK (on_follow_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), link);

  for (guint i = 0; i < n_types; i++)
    if (g_strcmp0 (types[i], gls_relation_get_relation_type (relation)) == 0)
      position = i;
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&type_list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  gtk_widget_set_tooltip_text (dropdown, _("Relation Type"));
  gls_accessible_name_drop_down (GTK_DROP_DOWN (dropdown), _("Relation Type"));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (dropdown), "relation", g_object_ref (relation), g_object_unref);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_type_selected), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), dropdown);

  remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Delete Relation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Relation"), -1);
  g_object_set_data_full (G_OBJECT (remove), "relation", g_object_ref (relation), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), remove);

  return row;
}

static void
update_relations (GlsAnnotationDetails *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_auto(GStrv) types = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->relations_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_box))) != NULL)
    gtk_box_remove (self->relations_box, child);

  if (self->annotation == NULL || self->document == NULL)
    return;

  relations = gls_document_dup_relations_of (self->document, self->annotation);
  types = gls_document_dup_relation_types (self->document);
  for (guint i = 0; i < relations->len; i++)
    gtk_box_append (self->relations_box, new_relation_row (self, g_ptr_array_index (relations, i),
                                                           (const char * const *) types));
  if (relations->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("None yet (R relates it)"));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->relations_box, none);
    }
}

static gboolean
update_relations_cb (gpointer data)
{
  GlsAnnotationDetails *self = data;

  self->relations_source = 0;
  update_relations (self);

  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt once the change is over, never inside the handler of
 * the drop-down that asked for it. */
static void
queue_relations (GlsAnnotationDetails *self)
{
  if (self->relations_source == 0)
    self->relations_source = g_idle_add (update_relations_cb, self);
}

static void
update (GlsAnnotationDetails *self)
{
  GlsAnnotation *annotation = self->annotation;
  GlsCodebook *codebook;
  GlsCategory *category;
  GtkTextBuffer *buffer;
  g_autofree char *excerpt = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *current = NULL;
  GtkTextIter start, end;
  guint position = GTK_INVALID_LIST_POSITION;
  const char *note;
  const char *unknown;

  update_relations (self);
  if (annotation == NULL || self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating = TRUE;

  codebook = gls_document_get_codebook (self->document);
  if (self->codebook != codebook)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
        gtk_string_list_append (labels, gls_category_get_label (gls_codebook_get_category (codebook, i)));
      gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (labels));
      self->codebook = codebook;
    }

  category = gls_codebook_lookup (codebook, gls_annotation_get_category (annotation));
  for (guint i = 0; category != NULL && i < gls_codebook_get_n_categories (codebook); i++)
    if (gls_codebook_get_category (codebook, i) == category)
      position = i;
  gtk_drop_down_set_selected (self->category_dropdown, position);
  gls_color_swatch_set_color (self->swatch, category ? gls_category_get_color (category) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), category == NULL);
  if (category == NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("The category “%s” is not in this document’s codebook. Choose one to replace it."),
                         gls_annotation_get_category (annotation));
      gtk_label_set_text (self->missing_label, text);
    }

  excerpt = gls_annotation_dup_excerpt (self->document, annotation, 400);
  gtk_label_set_text (self->quote_label, excerpt);
  update_review (self);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  note = gls_annotation_get_note (annotation);
  if (g_strcmp0 (current, note ? note : "") != 0)
    gtk_text_buffer_set_text (buffer, note ? note : "", -1);

  /* Translators: stands for the name of an annotator that is not known */
  unknown = C_("annotator", "unknown");
  created = format_time (gls_annotation_get_created (annotation));
  modified = format_time (gls_annotation_get_modified (annotation));
  if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
    /* Translators: annotator, creation time; the annotation's text is gone from the changed article */
    meta = g_strdup_printf (_("By %s, %s. The article changed and this text is gone: delete the annotation or keep it for reference."),
                            gls_annotation_get_annotator (annotation) ? gls_annotation_get_annotator (annotation) : unknown,
                            created);
  else if (g_strcmp0 (created, modified) == 0)
    /* Translators: annotator, creation time */
    meta = g_strdup_printf (_("By %s, %s"),
                            gls_annotation_get_annotator (annotation) ? gls_annotation_get_annotator (annotation) : unknown,
                            created);
  else
    /* Translators: annotator, creation time, modification time */
    meta = g_strdup_printf (_("By %s, %s; changed %s"),
                            gls_annotation_get_annotator (annotation) ? gls_annotation_get_annotator (annotation) : unknown,
                            created, modified);
  gtk_label_set_text (self->meta_label, meta);

  gtk_stack_set_visible_child_name (self->stack, "details");

  self->updating = FALSE;
}

static gboolean
return_to_article (gpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (data), "win.focus-article", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_category_selected (GlsAnnotationDetails *self)
{
  guint position = gtk_drop_down_get_selected (self->category_dropdown);
  GlsCodebook *codebook;

  if (self->updating || self->annotation == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  codebook = gls_document_get_codebook (self->document);
  if (position < gls_codebook_get_n_categories (codebook))
    gls_document_set_category (self->document, self->annotation,
                               gls_category_get_id (gls_codebook_get_category (codebook, position)));

  /* the keys of the categories act in the article: the focus goes back
   * there once the drop-down's list has closed and given it back */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, return_to_article, g_object_ref (self), g_object_unref);
}

static void
on_note_changed (GlsAnnotationDetails *self,
                 GtkTextBuffer        *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->annotation == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating = TRUE;
  gls_document_set_annotation_note (self->document, self->annotation, text);
  self->updating = FALSE;
}

static void
on_annotation_changed (GlsAnnotationDetails *self,
                       GlsAnnotation        *annotation)
{
  if (annotation == self->annotation && !self->updating)
    update (self);
}

static void
on_codebook_changed (GlsAnnotationDetails *self)
{
  self->codebook = NULL;
  update (self);
}

static void
gls_annotation_details_dispose (GObject *object)
{
  GlsAnnotationDetails *self = (GlsAnnotationDetails *)object;

  g_clear_handle_id (&self->relations_source, g_source_remove);
  g_clear_object (&self->annotation);
  g_clear_object (&self->document);
  g_clear_pointer (&self->resolver, gls_link_resolver_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_ANNOTATION_DETAILS);

  G_OBJECT_CLASS (gls_annotation_details_parent_class)->dispose (object);
}

static void
gls_annotation_details_class_init (GlsAnnotationDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_annotation_details_dispose;

  g_type_ensure (GLS_TYPE_COLOR_SWATCH);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-annotation-details.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, swatch);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, missing_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, review_box);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, review_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, previous_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, accept_button);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, note_view);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, meta_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationDetails, relations_box);

  /**
   * GlsAnnotationDetails::follow:
   * @sidecar: (nullable): the sidecar the other annotation is in
   * @id: the other annotation's id
   *
   * Asks to select and show the other end of a relation.
   */
  signals[FOLLOW] =
    g_signal_new ("follow", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);
}

static void
gls_annotation_details_init (GlsAnnotationDetails *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->resolver = gls_link_resolver_new ();
  gls_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  gls_accessible_name_drop_down (self->category_dropdown, _("Category"));

  g_signal_connect_object (self->category_dropdown, "notify::selected",
                           G_CALLBACK (on_category_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);

  /* Escape leaves the note for the article */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("win.escape")));
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), shortcuts);
}

void
gls_annotation_details_set_document (GlsAnnotationDetails *self,
                                     GlsDocument          *document)
{
  g_return_if_fail (GLS_IS_ANNOTATION_DETAILS (self));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gls_document_get_relations (self->document), self);
    }
  g_set_object (&self->document, document);
  self->codebook = NULL;
  if (document != NULL)
    {
      g_signal_connect_object (document, "annotation-changed", G_CALLBACK (on_annotation_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::codebook", G_CALLBACK (on_codebook_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gls_document_get_relations (document), "items-changed",
                               G_CALLBACK (queue_relations), self, G_CONNECT_SWAPPED);
    }
  gls_annotation_details_set_annotation (self, NULL);
}

void
gls_annotation_details_set_annotation (GlsAnnotationDetails *self,
                                       GlsAnnotation        *annotation)
{
  g_return_if_fail (GLS_IS_ANNOTATION_DETAILS (self));

  g_set_object (&self->annotation, annotation);
  update (self);
}

/**
 * gls_annotation_details_get_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation shown
 */
GlsAnnotation *
gls_annotation_details_get_annotation (GlsAnnotationDetails *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION_DETAILS (self), NULL);

  return self->annotation;
}

void
gls_annotation_details_focus_note (GlsAnnotationDetails *self)
{
  g_return_if_fail (GLS_IS_ANNOTATION_DETAILS (self));

  if (self->annotation != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

GtkTextView *
gls_annotation_details_get_note_view (GlsAnnotationDetails *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION_DETAILS (self), NULL);

  return self->note_view;
}

/* Where the quotes of other articles are found: shared with the window,
 * which tells it the articles that are open. */
void
gls_annotation_details_set_resolver (GlsAnnotationDetails *self,
                                     GlsLinkResolver      *resolver)
{
  g_return_if_fail (GLS_IS_ANNOTATION_DETAILS (self));
  g_return_if_fail (resolver != NULL);

  gls_link_resolver_ref (resolver);
  g_clear_pointer (&self->resolver, gls_link_resolver_unref);
  self->resolver = resolver;
  update_relations (self);
}

/* The rows of the relations shown, for the tests: the box of each. */
GtkWidget *
_gls_annotation_details_get_relations_box (GlsAnnotationDetails *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION_DETAILS (self), NULL);

  return GTK_WIDGET (self->relations_box);
}
