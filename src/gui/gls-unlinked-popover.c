/* gls-unlinked-popover.c
 * Lists the annotations of one side of a comparison that no link joins to
 * the other side; a toggle picks the side. Rows are made only while the
 * popover shows, so that 10,000 annotations cost nothing until asked for. */
#define G_LOG_DOMAIN "gls-unlinked-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-annotation-row.h"
#include "gls-unlinked-popover.h"

typedef struct
{
  char        *name;
  GlsDocument *document;
  GPtrArray   *annotations;  /* GlsAnnotation */
} Side;

struct _GlsUnlinkedPopover
{
  GtkPopover       parent_instance;

  /* Template widgets */
  GtkLabel        *count_label;
  GtkToggleButton *first_button;
  GtkToggleButton *second_button;
  GtkListBox      *list;

  /* Owned */
  Side             sides[2];
  guint            shown;       /* the side listed */
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GlsUnlinkedPopover, gls_unlinked_popover, GTK_TYPE_POPOVER)

/* Rows built at most, so that ten thousand annotations open at once. */
#define MAX_ROWS 300

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->name, g_free);
  g_clear_object (&side->document);
  g_clear_pointer (&side->annotations, g_ptr_array_unref);
}

static void
fill_list (GlsUnlinkedPopover *self)
{
  Side *side = &self->sides[self->shown];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  /* nothing to build for a popover nobody sees */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) || side->annotations == NULL)
    return;

  for (guint i = 0; i < MIN (side->annotations->len, MAX_ROWS); i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (side->annotations, i);
      g_autofree char *label = gls_annotation_row_dup_accessible_name (side->document, annotation);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *content = gls_annotation_row_new ();

      gls_annotation_row_bind (GLS_ANNOTATION_ROW (content), side->document, annotation);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
      gtk_list_box_append (self->list, row);
    }

  if (side->annotations->len > MAX_ROWS)
    {
      /* Translators: below the first unlinked annotations listed, how many more there are */
      g_autofree char *text = g_strdup_printf (_("%u more further on in the text"), side->annotations->len - MAX_ROWS);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list, row);
    }
}

static void
update_labels (GlsUnlinkedPopover *self)
{
  g_autofree char *summary = gls_unlinked_popover_dup_summary (self);
  GtkToggleButton *buttons[2] = { self->first_button, self->second_button };

  gtk_label_set_text (self->count_label, summary);
  for (guint i = 0; i < 2; i++)
    {
      /* Translators: a toggle in the comparison's list of unlinked annotations; %s is an article's file name */
      g_autofree char *label = g_strdup_printf (_("Only in %s"), self->sides[i].name ? self->sides[i].name : "");

      gtk_button_set_label (GTK_BUTTON (buttons[i]), label);
    }
}

static void
on_side_toggled (GlsUnlinkedPopover *self)
{
  guint shown = gtk_toggle_button_get_active (self->second_button) ? 1 : 0;

  if (shown == self->shown)
    return;
  self->shown = shown;
  fill_list (self);
}

static void
on_row_activated (GlsUnlinkedPopover *self,
                  GtkListBoxRow      *row)
{
  GlsAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");
  guint side = self->shown;

  if (annotation == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, side, annotation);
}

static void
gls_unlinked_popover_show (GtkWidget *widget)
{
  GlsUnlinkedPopover *self = GLS_UNLINKED_POPOVER (widget);

  GTK_WIDGET_CLASS (gls_unlinked_popover_parent_class)->show (widget);
  fill_list (self);
}

static void
gls_unlinked_popover_dispose (GObject *object)
{
  GlsUnlinkedPopover *self = GLS_UNLINKED_POPOVER (object);

  side_clear (&self->sides[0]);
  side_clear (&self->sides[1]);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_UNLINKED_POPOVER);

  G_OBJECT_CLASS (gls_unlinked_popover_parent_class)->dispose (object);
}

static void
gls_unlinked_popover_class_init (GlsUnlinkedPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_unlinked_popover_dispose;
  widget_class->show = gls_unlinked_popover_show;

  /**
   * GlsUnlinkedPopover::annotation-activated:
   * @side: 0 for the window's article, 1 for the compared one
   * @annotation: the annotation chosen
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, GLS_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-unlinked-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsUnlinkedPopover, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlsUnlinkedPopover, first_button);
  gtk_widget_class_bind_template_child (widget_class, GlsUnlinkedPopover, second_button);
  gtk_widget_class_bind_template_child (widget_class, GlsUnlinkedPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_side_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
gls_unlinked_popover_init (GlsUnlinkedPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_labels (self);
}

GtkWidget *
gls_unlinked_popover_new (void)
{
  return g_object_new (GLS_TYPE_UNLINKED_POPOVER, NULL);
}

/**
 * gls_unlinked_popover_set_side:
 * @side: 0 for the window's article, 1 for the compared one
 * @name: the article's file name
 * @annotations: (element-type GlsAnnotation) (nullable): those of
 *   @document that no link joins to the other side
 */
void
gls_unlinked_popover_set_side (GlsUnlinkedPopover *self,
                               guint               side,
                               const char         *name,
                               GlsDocument        *document,
                               GPtrArray          *annotations)
{
  g_return_if_fail (GLS_IS_UNLINKED_POPOVER (self));
  g_return_if_fail (side < 2);

  side_clear (&self->sides[side]);
  self->sides[side].name = g_strdup (name);
  self->sides[side].document = document ? g_object_ref (document) : NULL;
  self->sides[side].annotations = annotations ? g_ptr_array_ref (annotations) : NULL;
  update_labels (self);
  if (side == self->shown)
    fill_list (self);
}

guint
gls_unlinked_popover_get_n (GlsUnlinkedPopover *self,
                            guint               side)
{
  g_return_val_if_fail (GLS_IS_UNLINKED_POPOVER (self), 0);
  g_return_val_if_fail (side < 2, 0);

  return self->sides[side].annotations ? self->sides[side].annotations->len : 0;
}

/**
 * gls_unlinked_popover_dup_summary:
 *
 * Returns: (transfer full): the counts of both sides, as a sentence
 */
char *
gls_unlinked_popover_dup_summary (GlsUnlinkedPopover *self)
{
  g_return_val_if_fail (GLS_IS_UNLINKED_POPOVER (self), NULL);

  /* Translators: counts of annotations with no link to the other article, then the two articles' file names */
  return g_strdup_printf (_("%u only in %s, %u only in %s"),
                          gls_unlinked_popover_get_n (self, 0), self->sides[0].name ? self->sides[0].name : "",
                          gls_unlinked_popover_get_n (self, 1), self->sides[1].name ? self->sides[1].name : "");
}

/* Lists the unlinked annotations of @side. */
void
gls_unlinked_popover_show_side (GlsUnlinkedPopover *self,
                                guint               side)
{
  g_return_if_fail (GLS_IS_UNLINKED_POPOVER (self));
  g_return_if_fail (side < 2);

  gtk_toggle_button_set_active (side == 0 ? self->first_button : self->second_button, TRUE);
}
