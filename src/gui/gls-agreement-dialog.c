/* gls-agreement-dialog.c
 * The agreement report of the open article: its annotations against other
 * coders' sidecars, or its annotators against each other; the figures come
 * from GlsAgreement, the passages from gls_passages_find(). */
#define G_LOG_DOMAIN "gls-agreement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-agreement-dialog.h"
#include "gls-dialogs.h"

struct _GlsAgreementDialog
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkLabel        *summary_label;
  GtkGrid         *table;
  GtkLabel        *notes_label;
  GtkLabel        *disagreements_label;
  GtkListBox      *disagreement_list;
  GtkToggleButton *by_annotator_button;

  /* Owned */
  GlsDocument     *document;
  GPtrArray       *file_coders;    /* GlsCoder, one per sidecar added */
  GPtrArray       *coders;         /* GlsCoder of the report */
  GListStore      *disagreements;  /* GlsPassage */

  guint            by_annotator : 1;
};

G_DEFINE_FINAL_TYPE (GlsAgreementDialog, gls_agreement_dialog, GTK_TYPE_WINDOW)

enum {
  OPEN_PASSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_table (GlsAgreementDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
}

static void
add_cell (GlsAgreementDialog *self,
          const char         *text,
          int                 column,
          int                 row,
          gboolean            heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

/* A figure, or a dash and the number of its reason in @notes */
static char *
format_figure (const GlsAgreementFigure *figure,
               GPtrArray                *notes)
{
  const char *reason;

  if (figure->undefined == GLS_AGREEMENT_DEFINED)
    return g_strdup_printf ("%.3f", figure->value);

  reason = gls_agreement_undefined_to_string (figure->undefined);
  if (!g_ptr_array_find_with_equal_func (notes, reason, g_str_equal, NULL))
    g_ptr_array_add (notes, (gpointer) reason);
  for (guint i = 0; i < notes->len; i++)
    if (g_str_equal (g_ptr_array_index (notes, i), reason))
      /* Translators: a figure without value, and the number of the note saying why */
      return g_strdup_printf (_("— (%u)"), i + 1);

  g_return_val_if_reached (NULL);
}

static void
add_row (GlsAgreementDialog        *self,
         int                        row,
         const char                *name,
         const GlsAgreementFigures *figures,
         gboolean                   overall,
         GPtrArray                 *notes)
{
  g_autofree char *kappa = overall ? g_strdup ("") : format_figure (&figures->kappa, notes);
  g_autofree char *alpha = overall ? g_strdup ("") : format_figure (&figures->alpha, notes);
  g_autofree char *alpha_u = format_figure (&figures->alpha_u, notes);

  add_cell (self, name, 0, row, overall);
  add_cell (self, kappa, 1, row, FALSE);
  add_cell (self, alpha, 2, row, FALSE);
  add_cell (self, alpha_u, 3, row, FALSE);
}

static void
fill_table (GlsAgreementDialog *self)
{
  g_autoptr(GlsAgreement) agreement = gls_agreement_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_auto(GStrv) categories = NULL;
  GlsCodebook *codebook = gls_document_get_codebook (self->document);
  GlsAgreementFigures figures;
  GString *text = g_string_new (NULL);
  int row = 0;

  gls_coders_fill_agreement (self->coders, agreement, gls_source_get_length (gls_document_get_source (self->document)));

  add_cell (self, _("Category"), 0, row, TRUE);
  /* Translators: Cohen's or Fleiss' kappa */
  add_cell (self, _("κ"), 1, row, TRUE);
  /* Translators: Krippendorff's alpha */
  add_cell (self, _("α"), 2, row, TRUE);
  /* Translators: Krippendorff's unitizing alpha */
  add_cell (self, _("α_u"), 3, row, TRUE);

  categories = gls_agreement_dup_categories (agreement, 0);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      GlsCategory *category = gls_codebook_lookup (codebook, categories[i]);

      gls_agreement_compute (agreement, 0, categories[i], &figures);
      add_row (self, ++row, category != NULL ? gls_category_get_label (category) : categories[i],
               &figures, FALSE, notes);
    }
  gls_agreement_compute_overall (agreement, 0, &figures);
  add_row (self, ++row, _("All categories"), &figures, TRUE, notes);

  for (guint i = 0; i < notes->len; i++)
    g_string_append_printf (text, "%s(%u) %s", i > 0 ? "\n" : "", i + 1, (const char *) g_ptr_array_index (notes, i));
  gtk_label_set_text (self->notes_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
  g_string_free (text, TRUE);
}

static void
recompute (GlsAgreementDialog *self)
{
  g_autoptr(GPtrArray) passages = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *coders = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *heading = NULL;

  clear_table (self);
  g_list_store_remove_all (self->disagreements);
  g_clear_pointer (&self->coders, g_ptr_array_unref);

  if (self->by_annotator)
    self->coders = gls_coders_by_annotator (self->document);
  else
    {
      const char *annotator = gls_document_get_annotator (self->document);

      self->coders = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_coder_free);
      g_ptr_array_add (self->coders, gls_coder_new_for_document (self->document,
                                                                 annotator != NULL ? annotator : _("This file")));
      for (guint i = 0; i < self->file_coders->len; i++)
        {
          GlsCoder *coder = g_ptr_array_index (self->file_coders, i);
          GlsCoder *copy = gls_coder_new (coder->name);

          for (guint j = 0; j < coder->annotations->len; j++)
            g_ptr_array_add (copy->annotations, g_object_ref (g_ptr_array_index (coder->annotations, j)));
          g_ptr_array_add (self->coders, copy);
        }
    }

  if (self->coders->len < 2)
    {
      gtk_label_set_text (self->summary_label,
                          self->by_annotator
                          ? _("This file names fewer than two annotators: there is nobody to compare.")
                          : _("Add another coder’s sidecar of this article to compare, or compare the annotators named in this file."));
      gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
      gtk_label_set_text (self->disagreements_label, "");
      return;
    }

  for (guint i = 0; i < self->coders->len; i++)
    g_ptr_array_add (names, ((GlsCoder *) g_ptr_array_index (self->coders, i))->name);
  g_ptr_array_add (names, NULL);
  coders = g_strjoinv (", ", (char **) names->pdata);
  /* Translators: the coders' names, then the number of characters of the article */
  summary = g_strdup_printf (_("Coders: %s. Units: %u characters."), coders,
                             gls_source_get_length (gls_document_get_source (self->document)));
  gtk_label_set_text (self->summary_label, summary);

  fill_table (self);

  passages = gls_passages_find (self->coders, TRUE);
  for (guint i = 0; i < passages->len; i++)
    g_list_store_append (self->disagreements, g_ptr_array_index (passages, i));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_%u Disagreement", "_%u Disagreements", passages->len),
                             passages->len);
  gtk_label_set_text_with_mnemonic (self->disagreements_label, heading);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GlsAgreementDialog *self = user_data;
  GlsPassage *passage = item;
  g_autofree char *summary = gls_passage_dup_summary (passage, self->coders);
  g_autofree char *quote = gls_source_dup_range (gls_document_get_source (self->document),
                                                 gls_passage_get_start (passage),
                                                 MIN (gls_passage_get_end (passage), gls_passage_get_start (passage) + 80));
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: how the coders differ, what each marked, and the text */
  text = g_strdup_printf (_("%s — %s\n“%s”"), gls_passage_kind_to_string (gls_passage_get_kind (passage)), summary, quote);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);

  return label;
}

/**
 * gls_agreement_dialog_open_passage:
 *
 * Shows the disagreement at @position in the text: the dialog asks
 * whoever listens to ::open-passage.
 */
void
gls_agreement_dialog_open_passage (GlsAgreementDialog *self,
                                   guint               position)
{
  g_autoptr(GlsPassage) passage = NULL;

  g_return_if_fail (GLS_IS_AGREEMENT_DIALOG (self));

  if ((passage = g_list_model_get_item (G_LIST_MODEL (self->disagreements), position)) == NULL)
    return;

  g_signal_emit (self, signals[OPEN_PASSAGE], 0, gls_passage_get_start (passage), gls_passage_get_end (passage));
}

static void
on_row_activated (GlsAgreementDialog *self,
                  GtkListBoxRow      *row)
{
  gls_agreement_dialog_open_passage (self, gtk_list_box_row_get_index (row));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GlsAgreementDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (!gls_agreement_dialog_add_file (self, file, &error))
            {
              gls_dialogs_show_error (GTK_WINDOW (self), error->message);
              break;
            }
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
action_add_file (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlsAgreementDialog *self = GLS_AGREEMENT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gls_dialogs_new_sidecar_chooser (GTK_WINDOW (self), _("Add Coder’s File"), _("_Add"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_by_annotator (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlsAgreementDialog *self = GLS_AGREEMENT_DIALOG (widget);

  gls_agreement_dialog_set_by_annotator (self, !self->by_annotator);
}

static void
gls_agreement_dialog_dispose (GObject *object)
{
  GlsAgreementDialog *self = (GlsAgreementDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_AGREEMENT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->disagreements);
  g_clear_pointer (&self->coders, g_ptr_array_unref);
  g_clear_pointer (&self->file_coders, g_ptr_array_unref);

  G_OBJECT_CLASS (gls_agreement_dialog_parent_class)->dispose (object);
}

static void
gls_agreement_dialog_class_init (GlsAgreementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_agreement_dialog_dispose;

  /**
   * GlsAgreementDialog::open-passage:
   * @start: where the passage starts, in code points
   * @end: where it ends
   */
  signals[OPEN_PASSAGE] = g_signal_new ("open-passage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-agreement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsAgreementDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAgreementDialog, table);
  gtk_widget_class_bind_template_child (widget_class, GlsAgreementDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAgreementDialog, disagreements_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAgreementDialog, disagreement_list);
  gtk_widget_class_bind_template_child (widget_class, GlsAgreementDialog, by_annotator_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "agreement.add-file", NULL, action_add_file);
  gtk_widget_class_install_action (widget_class, "agreement.by-annotator", NULL, action_by_annotator);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gls_agreement_dialog_init (GlsAgreementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->file_coders = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_coder_free);
  self->disagreements = g_list_store_new (GLS_TYPE_PASSAGE);
  gtk_list_box_bind_model (self->disagreement_list, G_LIST_MODEL (self->disagreements), create_row, self, NULL);
}

/**
 * gls_agreement_dialog_new:
 *
 * A report on @document: when it names two or more annotators, on them;
 * else it waits for other coders' sidecars.
 */
GlsAgreementDialog *
gls_agreement_dialog_new (GtkWindow   *parent,
                          GlsDocument *document)
{
  GlsAgreementDialog *self;
  g_autoptr(GPtrArray) annotators = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLS_TYPE_AGREEMENT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (gls_document_get_annotations (document), "items-changed",
                           G_CALLBACK (recompute), self, G_CONNECT_SWAPPED);

  annotators = gls_coders_by_annotator (document);
  gls_agreement_dialog_set_by_annotator (self, annotators->len >= 2);

  return self;
}

/**
 * gls_agreement_dialog_add_file:
 *
 * Adds the coder whose sidecar of the same article @sidecar is, and
 * compares by file from now on.
 */
gboolean
gls_agreement_dialog_add_file (GlsAgreementDialog  *self,
                               GFile               *sidecar,
                               GError             **error)
{
  GlsCoder *coder;

  g_return_val_if_fail (GLS_IS_AGREEMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (sidecar), FALSE);

  coder = gls_coder_new_for_sidecar (sidecar, NULL, gls_document_get_source (self->document), error);
  if (coder == NULL)
    return FALSE;

  g_ptr_array_add (self->file_coders, coder);
  gls_agreement_dialog_set_by_annotator (self, FALSE);

  return TRUE;
}

void
gls_agreement_dialog_set_by_annotator (GlsAgreementDialog *self,
                                       gboolean            by_annotator)
{
  g_return_if_fail (GLS_IS_AGREEMENT_DIALOG (self));

  self->by_annotator = !!by_annotator;
  gtk_toggle_button_set_active (self->by_annotator_button, self->by_annotator);
  recompute (self);
}

/* Returns: (transfer none): the passages where the coders differ,
 * GlsPassage, in the order of the text */
GListModel *
gls_agreement_dialog_get_disagreements (GlsAgreementDialog *self)
{
  g_return_val_if_fail (GLS_IS_AGREEMENT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->disagreements);
}

/* For the tests: the table as shown, cells split by tabs, rows by newlines */
char *
_gls_agreement_dialog_dup_table (GlsAgreementDialog *self)
{
  GString *text = g_string_new (NULL);
  int rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->table));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int row;

      gtk_grid_query_child (self->table, child, NULL, &row, NULL, NULL);
      rows = MAX (rows, row + 1);
    }

  for (int row = 0; row < rows; row++)
    for (int column = 0; column < 4; column++)
      {
        GtkWidget *cell = gtk_grid_get_child_at (self->table, column, row);

        g_string_append (text, cell != NULL ? gtk_label_get_text (GTK_LABEL (cell)) : "");
        g_string_append_c (text, column < 3 ? '\t' : '\n');
      }

  return g_string_free (text, FALSE);
}

const char *
_gls_agreement_dialog_get_notes (GlsAgreementDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->notes_label)) ? gtk_label_get_text (self->notes_label) : "";
}
