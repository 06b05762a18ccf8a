/* gls-adjudication-window.c
 * Settling two or three coders' annotations by keyboard: coder A's spans
 * are underlined, B's in italics, C's struck through, each in its colour;
 * passages not settled are tinted, the gold standard shaded green. The
 * decisions go to the GlsAdjudication, which this window observes. */
#define G_LOG_DOMAIN "gls-adjudication-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-adjudication-window.h"
#include "gls-accessible.h"
#include "gls-dialogs.h"

struct _GlsAdjudicationWindow
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkTextView     *text_view;
  GtkLabel        *legend_label;
  GtkLabel        *progress_label;
  GtkLabel        *passage_label;
  GtkDropDown     *category_dropdown;

  /* Owned */
  GlsAdjudication *adjudication;
  GPtrArray       *category_ids;  /* in the order of the drop-down */
  GArray          *gold_spans;    /* GlsSpan: where the gold is drawn */

  int              current;       /* the passage shown, or -1 */
  int              last_decided;  /* the passage decided, undone or redone last */

  guint            saving : 1;          /* a save is under way */
  guint            close_after_save : 1;
  guint            closing : 1;         /* closes without asking again */
};

G_DEFINE_FINAL_TYPE (GlsAdjudicationWindow, gls_adjudication_window, GTK_TYPE_WINDOW)

/* Colours that read on light and dark backgrounds */
static const char * const coder_colors[GLS_ADJUDICATION_MAX_CODERS] = { "#1c71d8", "#e66100", "#9141ac" };

static char
coder_letter (guint coder)
{
  return 'A' + coder;
}

static GlsCoder *
get_coder (GlsAdjudicationWindow *self,
           guint                  coder)
{
  return g_ptr_array_index (gls_adjudication_get_coders (self->adjudication), coder);
}

static void
create_tags (GlsAdjudicationWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkRGBA color;

  gdk_rgba_parse (&color, coder_colors[0]);
  gtk_text_buffer_create_tag (buffer, "coder-0", "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba", &color, NULL);
  gdk_rgba_parse (&color, coder_colors[1]);
  /* not an overline: GTK 4.8 frees overline colours twice in its layout */
  gtk_text_buffer_create_tag (buffer, "coder-1", "style", PANGO_STYLE_ITALIC, "foreground-rgba", &color, NULL);
  gdk_rgba_parse (&color, coder_colors[2]);
  gtk_text_buffer_create_tag (buffer, "coder-2", "strikethrough", TRUE, "strikethrough-rgba", &color, NULL);
  gtk_text_buffer_create_tag (buffer, "open", "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.30 }, NULL);
  gtk_text_buffer_create_tag (buffer, "settled", "background-rgba", &(GdkRGBA) { 0.20, 0.82, 0.48, 0.15 }, NULL);
  gtk_text_buffer_create_tag (buffer, "current", "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.35 }, NULL);
  /* a shade, not bold: the gold changes with every decision, and a tag
   * that changes the text's width re-wraps lines, whose new heights GTK 4.8
   * finds while drawing, moving the scroll bar it is drawing (it warns) */
  gtk_text_buffer_create_tag (buffer, "gold", "background-rgba", &(GdkRGBA) { 0.15, 0.64, 0.41, 0.45 }, NULL);
}

static void
apply (GtkTextBuffer *buffer,
       const char    *tag,
       guint          start,
       guint          end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
}

static void
apply_annotation (GtkTextBuffer *buffer,
                  const char    *tag,
                  GlsAnnotation *annotation)
{
  for (guint i = 0; i < gls_annotation_get_n_targets (annotation); i++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, i);
      apply (buffer, tag, span.start, span.end);
    }
}

/* The coders' spans never change: drawn once */
static void
apply_coder_tags (GlsAdjudicationWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *coders = gls_adjudication_get_coders (self->adjudication);

  for (guint i = 0; i < coders->len; i++)
    {
      GlsCoder *coder = g_ptr_array_index (coders, i);
      g_autofree char *tag = g_strdup_printf ("coder-%u", i);

      for (guint j = 0; j < coder->annotations->len; j++)
        apply_annotation (buffer, tag, g_ptr_array_index (coder->annotations, j));
    }
}

static void
clear_state_tags (GtkTextBuffer *buffer,
                  guint          start,
                  guint          end)
{
  static const char * const tags[] = { "open", "settled", "current", "gold" };
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    gtk_text_buffer_remove_tag_by_name (buffer, tags[i], &a, &b);
}

/* Draws the passages and the gold standard again, only where they are
 * and were: every line a tag change touches is laid out again */
static void
update_tags (GlsAdjudicationWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GListModel *gold = G_LIST_MODEL (gls_document_get_annotations (gls_adjudication_get_gold (self->adjudication)));
  guint n = gls_adjudication_get_n_passages (self->adjudication);

  for (guint i = 0; i < self->gold_spans->len; i++)
    {
      GlsSpan *span = &g_array_index (self->gold_spans, GlsSpan, i);
      clear_state_tags (buffer, span->start, span->end);
    }
  g_array_set_size (self->gold_spans, 0);

  for (guint i = 0; i < n; i++)
    {
      GlsPassage *passage = gls_adjudication_get_passage (self->adjudication, i);
      gboolean settled = gls_adjudication_get_decision (self->adjudication, i, NULL) != GLS_DECISION_NONE;

      clear_state_tags (buffer, gls_passage_get_start (passage), gls_passage_get_end (passage));
      apply (buffer, (int) i == self->current ? "current" : settled ? "settled" : "open",
             gls_passage_get_start (passage), gls_passage_get_end (passage));
    }

  for (guint i = 0; i < g_list_model_get_n_items (gold); i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (gold, i);

      apply_annotation (buffer, "gold", annotation);
      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_array_append_val (self->gold_spans, span);
        }
    }
}

static const char *
category_label (GlsAdjudicationWindow *self,
                const char            *id)
{
  GlsCodebook *codebook = gls_document_get_codebook (gls_adjudication_get_gold (self->adjudication));
  GlsCategory *category = gls_codebook_lookup (codebook, id);

  return category != NULL ? gls_category_get_label (category) : id;
}

static void
describe_annotations (GlsAdjudicationWindow *self,
                      GString               *markup,
                      GPtrArray             *annotations)
{
  GlsSource *source = gls_document_get_source (gls_adjudication_get_gold (self->adjudication));

  if (annotations->len == 0)
    /* Translators: a coder marked nothing in the passage */
    g_string_append_printf (markup, "\n    %s", _("nothing"));

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *quote = gls_source_dup_range (source, gls_annotation_get_start (annotation),
                                                     gls_annotation_get_end (annotation));
      g_autofree char *escaped = g_markup_printf_escaped ("\n    <b>%s</b> %u–%u “%s”",
                                                          category_label (self, gls_annotation_get_category (annotation)),
                                                          gls_annotation_get_start (annotation),
                                                          gls_annotation_get_end (annotation), quote);
      g_string_append (markup, escaped);
    }
}

static char *
describe_decision (GlsAdjudicationWindow *self,
                   guint                  passage)
{
  int coder;

  switch (gls_adjudication_get_decision (self->adjudication, passage, &coder))
    {
    case GLS_DECISION_NONE:
      return g_strdup (_("Not settled yet"));
    case GLS_DECISION_ACCEPT:
      /* Translators: the coder's letter and name */
      return g_strdup_printf (_("Settled: %c (%s) accepted"), coder_letter (coder), get_coder (self, coder)->name);
    case GLS_DECISION_REJECT:
      return g_strdup (_("Settled: rejected"));
    case GLS_DECISION_MERGE:
      return g_strdup (_("Settled: spans merged"));
    case GLS_DECISION_EDIT:
      return g_strdup (_("Settled: edited"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The title says what the main window's says: a bullet while decisions
 * are not saved; and how far the adjudication is. */
static void
update_title (GlsAdjudicationWindow *self)
{
  GlsSource *source = gls_document_get_source (gls_adjudication_get_gold (self->adjudication));
  GFile *file = gls_source_get_file (source);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : g_strdup (gls_source_get_display_name (source));
  g_autofree char *title = NULL;

  /* Translators: the article's file name, the passages settled, all passages */
  title = g_strdup_printf (_("Adjudication — %s — %u of %u settled"), name,
                           gls_adjudication_get_n_settled (self->adjudication),
                           gls_adjudication_get_n_passages (self->adjudication));
  if (gls_adjudication_get_modified (self->adjudication))
    {
      g_autofree char *unsaved = g_strconcat ("• ", title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), unsaved);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_panel (GlsAdjudicationWindow *self)
{
  guint n = gls_adjudication_get_n_passages (self->adjudication);
  g_autofree char *progress = NULL;
  g_autofree char *decision = NULL;
  GString *markup;
  GlsPassage *passage;

  /* Translators: passages settled, and all passages */
  progress = g_strdup_printf (_("%u of %u passages settled"), gls_adjudication_get_n_settled (self->adjudication), n);
  gtk_label_set_text (self->progress_label, progress);
  update_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adjudication.undo", gls_adjudication_can_undo (self->adjudication));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adjudication.redo", gls_adjudication_can_redo (self->adjudication));
  /* one save at a time: the state file of each lands in order */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adjudication.save", !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adjudication.save-as", !self->saving);

  if (self->current < 0)
    {
      gtk_label_set_text (self->passage_label, n > 0 ? _("Every passage is settled.") : _("Nobody annotated this article."));
      return;
    }

  passage = gls_adjudication_get_passage (self->adjudication, self->current);
  markup = g_string_new (NULL);
  /* Translators: the passage's number, then how the coders differ */
  g_string_append_printf (markup, _("<b>Passage %u</b> — %s"), self->current + 1,
                          gls_passage_kind_to_string (gls_passage_get_kind (passage)));
  for (guint i = 0; i < gls_passage_get_n_coders (passage); i++)
    {
      g_autofree char *coder = g_markup_printf_escaped ("\n\n<span foreground=\"%s\">%c</span> %s:",
                                                        coder_colors[i], coder_letter (i), get_coder (self, i)->name);
      g_string_append (markup, coder);
      describe_annotations (self, markup, gls_passage_get_annotations (passage, i));
    }
  decision = describe_decision (self, self->current);
  g_string_append_printf (markup, "\n\n<i>%s</i>", decision);
  gtk_label_set_markup (self->passage_label, markup->str);
  g_string_free (markup, TRUE);
}

static void
update (GlsAdjudicationWindow *self)
{
  update_tags (self);
  update_panel (self);
}

static void
show_passage (GlsAdjudicationWindow *self,
              int                    passage)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  self->current = passage;
  update (self);
  if (passage < 0)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      gls_passage_get_start (gls_adjudication_get_passage (self->adjudication, passage)));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.1, TRUE, 0.0, 0.3);
}

/* After a decision: on to the next passage not settled */
static void
decided (GlsAdjudicationWindow *self,
         gboolean               ok,
         const GError          *error)
{
  if (!ok)
    {
      gls_dialogs_show_error (GTK_WINDOW (self), error->message);
      return;
    }

  show_passage (self, gls_adjudication_find_next (self->adjudication, self->current, FALSE));
}

static void
action_next (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsAdjudicationWindow *self = GLS_ADJUDICATION_WINDOW (widget);
  gboolean backwards = g_str_equal (action_name, "adjudication.previous");
  int next = gls_adjudication_find_next (self->adjudication, self->current, backwards);

  if (next < 0)
    gtk_widget_error_bell (widget);
  show_passage (self, next);
}

static void
action_accept (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlsAdjudicationWindow *self = GLS_ADJUDICATION_WINDOW (widget);
  int coder = g_variant_get_int32 (parameter);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->current < 0 || coder < 0 || (guint) coder >= gls_adjudication_get_coders (self->adjudication)->len)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  ok = gls_adjudication_accept (self->adjudication, self->current, coder, &error);
  decided (self, ok, error);
}

static void
action_reject (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlsAdjudicationWindow *self = GLS_ADJUDICATION_WINDOW (widget);

  if (self->current < 0)
    return;

  gls_adjudication_reject (self->adjudication, self->current);
  decided (self, TRUE, NULL);
}

static void
action_merge (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GlsAdjudicationWindow *self = GLS_ADJUDICATION_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->current < 0)
    return;

  ok = gls_adjudication_merge (self->adjudication, self->current, &error);
  decided (self, ok, error);
}

/* Edit: the text selected (or else the passage) in the category chosen */
static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsAdjudicationWindow *self = GLS_ADJUDICATION_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint chosen = gtk_drop_down_get_selected (self->category_dropdown);
  g_autoptr(GError) error = NULL;
  GlsPassage *passage;
  GtkTextIter a, b;
  guint start, end;
  gboolean ok;

  if (self->current < 0 || chosen >= self->category_ids->len)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  passage = gls_adjudication_get_passage (self->adjudication, self->current);
  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    {
      start = gtk_text_iter_get_offset (&a);
      end = gtk_text_iter_get_offset (&b);
    }
  else
    {
      start = gls_passage_get_start (passage);
      end = gls_passage_get_end (passage);
    }

  ok = gls_adjudication_edit (self->adjudication, self->current, g_ptr_array_index (self->category_ids, chosen),
                              start, end, &error);
  decided (self, ok, error);
}

/* Undo and redo, one decision a step */
static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsAdjudicationWindow *self = GLS_ADJUDICATION_WINDOW (widget);
  gboolean redo = g_str_equal (action_name, "adjudication.redo");

  if (!(redo ? gls_adjudication_redo : gls_adjudication_undo) (self->adjudication))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* to the passage whose decision went, or came back */
  show_passage (self, self->last_decided);
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes without asking again, once the dialog that asked is gone */
static void
close_later (GlsAdjudicationWindow *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GlsAdjudicationWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean close = self->close_after_save;
  gboolean ok = gls_adjudication_save_finish (GLS_ADJUDICATION (object), result, &error);

  self->saving = FALSE;
  self->close_after_save = FALSE;
  if (self->adjudication == NULL)
    return;  /* the window went with the application */

  /* nothing is lost: a failed save keeps the window and its decisions */
  if (!ok)
    gls_dialogs_show_error (GTK_WINDOW (self), error->message);
  else if (close)
    {
      /* decisions taken while it saved are asked about again */
      if (gls_adjudication_get_modified (self->adjudication))
        gtk_window_close (GTK_WINDOW (self));
      else
        close_later (self);
    }

  update_panel (self);
}

/* Saves in the background; with @close, the window closes once saved. */
static void
save (GlsAdjudicationWindow *self,
      GFile                 *file,
      gboolean               close)
{
  self->close_after_save |= close;
  if (self->saving)
    return;

  self->saving = TRUE;
  update_panel (self);
  gls_adjudication_save_async (self->adjudication, file, NULL, on_saved, g_object_ref (self));
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (GLS_ADJUDICATION_WINDOW (widget), NULL, FALSE);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GlsAdjudicationWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      save (self, file, FALSE);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
action_save_as (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlsAdjudicationWindow *self = GLS_ADJUDICATION_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GFile *gold = gls_adjudication_get_gold_file (self->adjudication);

  chooser = gtk_file_chooser_native_new (_("Save Gold Standard As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  if (gold != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), gold, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_close_response (GtkDialog             *dialog,
                   int                    response,
                   GlsAdjudicationWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    save (self, NULL, TRUE);
  else if (response == GTK_RESPONSE_REJECT)
    close_later (self);
}

/* Nothing settled is lost without asking; a save under way is waited for. */
static gboolean
on_close_request (GlsAdjudicationWindow *self)
{
  GtkWidget *dialog;
  GFile *gold;
  g_autofree char *name = NULL;

  if (self->closing)
    return FALSE;

  if (self->saving)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }

  if (!gls_adjudication_get_modified (self->adjudication))
    return FALSE;

  gold = gls_adjudication_get_gold_file (self->adjudication);
  name = gold != NULL ? g_file_get_basename (gold) : g_strdup (gtk_window_get_title (GTK_WINDOW (self)));
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: the gold standard's file name */
                                   _("Save the decisions in “%s” before closing?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you do not save, the decisions since the last save will be lost."));
  gls_dialogs_add_save_buttons (GTK_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         const char            *action,
         GVariant              *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0), gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, argument);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The bare keys act in the text only (STYLE.md: never as accelerators) */
static void
add_keys (GlsAdjudicationWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_LOCAL);
  add_key (shortcuts, GDK_KEY_n, "adjudication.next", NULL);
  add_key (shortcuts, GDK_KEY_j, "adjudication.next", NULL);
  add_key (shortcuts, GDK_KEY_p, "adjudication.previous", NULL);
  add_key (shortcuts, GDK_KEY_k, "adjudication.previous", NULL);
  for (guint i = 0; i < GLS_ADJUDICATION_MAX_CODERS; i++)
    {
      add_key (shortcuts, GDK_KEY_a + i, "adjudication.accept", g_variant_new_int32 (i));
      add_key (shortcuts, GDK_KEY_1 + i, "adjudication.accept", g_variant_new_int32 (i));
    }
  add_key (shortcuts, GDK_KEY_r, "adjudication.reject", NULL);
  add_key (shortcuts, GDK_KEY_Delete, "adjudication.reject", NULL);
  add_key (shortcuts, GDK_KEY_m, "adjudication.merge", NULL);
  add_key (shortcuts, GDK_KEY_e, "adjudication.edit", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
}

static void
gls_adjudication_window_dispose (GObject *object)
{
  GlsAdjudicationWindow *self = (GlsAdjudicationWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_ADJUDICATION_WINDOW);
  g_clear_object (&self->adjudication);
  g_clear_pointer (&self->category_ids, g_ptr_array_unref);
  g_clear_pointer (&self->gold_spans, g_array_unref);

  G_OBJECT_CLASS (gls_adjudication_window_parent_class)->dispose (object);
}

static void
gls_adjudication_window_class_init (GlsAdjudicationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_adjudication_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-adjudication-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsAdjudicationWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, GlsAdjudicationWindow, legend_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAdjudicationWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAdjudicationWindow, passage_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAdjudicationWindow, category_dropdown);

  gtk_widget_class_install_action (widget_class, "adjudication.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "adjudication.previous", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "adjudication.accept", "i", action_accept);
  gtk_widget_class_install_action (widget_class, "adjudication.reject", NULL, action_reject);
  gtk_widget_class_install_action (widget_class, "adjudication.merge", NULL, action_merge);
  gtk_widget_class_install_action (widget_class, "adjudication.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "adjudication.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "adjudication.redo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "adjudication.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "adjudication.save-as", NULL, action_save_as);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "adjudication.undo", NULL);
  /* as in the main window */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "adjudication.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "adjudication.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "adjudication.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gls_adjudication_window_init (GlsAdjudicationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gls_accessible_name_drop_down_rows (self->category_dropdown);

  self->current = -1;
  self->last_decided = -1;
  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  self->gold_spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  create_tags (self);
  add_keys (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

static void
fill_legend_and_categories (GlsAdjudicationWindow *self)
{
  GlsCodebook *codebook = gls_document_get_codebook (gls_adjudication_get_gold (self->adjudication));
  GPtrArray *coders = gls_adjudication_get_coders (self->adjudication);
  const char *styles[GLS_ADJUDICATION_MAX_CODERS] = {
    /* Translators: how coder A's spans are drawn */
    N_("underlined"),
    /* Translators: how coder B's spans are drawn */
    N_("in italics"),
    /* Translators: how coder C's spans are drawn */
    N_("struck through"),
  };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GString *legend = g_string_new (NULL);

  for (guint i = 0; i < coders->len; i++)
    {
      g_autofree char *line = g_markup_printf_escaped ("%s<span foreground=\"%s\"><b>%c</b></span> %s — %s",
                                                       i > 0 ? "\n" : "", coder_colors[i], coder_letter (i),
                                                       ((GlsCoder *) g_ptr_array_index (coders, i))->name,
                                                       _(styles[i]));
      g_string_append (legend, line);
    }
  g_string_append_printf (legend, "\n<span background=\"#26a269\" bgalpha=\"45%%\">%s</span>",
                          /* Translators: how the gold standard is drawn */
                          _("Gold standard: shaded green"));
  gtk_label_set_markup (self->legend_label, legend->str);
  g_string_free (legend, TRUE);

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);

      gtk_string_list_append (labels, gls_category_get_label (category));
      g_ptr_array_add (self->category_ids, g_strdup (gls_category_get_id (category)));
    }
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (labels));
}

static void
on_decided (GlsAdjudicationWindow *self,
            guint                  passage)
{
  self->last_decided = passage;
  update (self);
}

/**
 * gls_adjudication_window_new:
 *
 * Shows @adjudication. A new one (nothing settled) first takes the
 * passages the coders agree on, as one step to undo.
 */
GlsAdjudicationWindow *
gls_adjudication_window_new (GtkApplication  *application,
                             GlsAdjudication *adjudication)
{
  GlsAdjudicationWindow *self;
  GlsSource *source;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (adjudication), NULL);

  self = g_object_new (GLS_TYPE_ADJUDICATION_WINDOW, "application", application, NULL);
  self->adjudication = g_object_ref (adjudication);
  source = gls_document_get_source (gls_adjudication_get_gold (adjudication));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), gls_source_get_text (source, NULL), -1);
  fill_legend_and_categories (self);
  apply_coder_tags (self);

  if (gls_adjudication_get_n_settled (adjudication) == 0)
    gls_adjudication_accept_agreed (adjudication);
  g_signal_connect_object (adjudication, "decided", G_CALLBACK (on_decided), self, G_CONNECT_SWAPPED);

  show_passage (self, gls_adjudication_find_next (adjudication, -1, FALSE));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}

GlsAdjudication *
gls_adjudication_window_get_adjudication (GlsAdjudicationWindow *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION_WINDOW (self), NULL);

  return self->adjudication;
}

/* Returns: the passage shown, or -1 */
int
gls_adjudication_window_get_current (GlsAdjudicationWindow *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION_WINDOW (self), -1);

  return self->current;
}
