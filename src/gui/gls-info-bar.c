/* gls-info-bar.c
 * A message above the article, with the buttons that fit its kind; the
 * buttons are the window's actions (win.restore-draft, win.merge, …), or
 * those of another group that acts on another article's files. */
#define G_LOG_DOMAIN "gls-info-bar"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-accessible.h"
#include "gls-info-bar.h"

struct _GlsInfoBar
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkInfoBar  *info_bar;
  GtkLabel    *label;
  GtkWidget   *restore_button;
  GtkWidget   *discard_button;
  GtkWidget   *review_button;
  GtkWidget   *merge_button;
  GtkWidget   *reload_button;
  GtkWidget   *keep_mine_button;
  GtkWidget   *reload_article_button;

  /* Owned */
  char        *text;

  GlsInfoKind  kind;
};

G_DEFINE_FINAL_TYPE (GlsInfoBar, gls_info_bar, GTK_TYPE_WIDGET)

static void
show_buttons (GlsInfoBar  *self,
              GlsInfoKind  kind)
{
  gtk_widget_set_visible (self->restore_button, kind == GLS_INFO_DRAFT);
  gtk_widget_set_visible (self->discard_button, kind == GLS_INFO_DRAFT);
  gtk_widget_set_visible (self->review_button, kind == GLS_INFO_REANCHORED);
  gtk_widget_set_visible (self->reload_article_button, kind == GLS_INFO_ARTICLE_CHANGED);
  gtk_widget_set_visible (self->merge_button, kind == GLS_INFO_CHANGED_ON_DISK);
  gtk_widget_set_visible (self->reload_button, kind == GLS_INFO_CHANGED_ON_DISK);
  gtk_widget_set_visible (self->keep_mine_button, kind == GLS_INFO_CHANGED_ON_DISK);
}

/* The close button (GTK_RESPONSE_CLOSE) and Escape (GTK_RESPONSE_CANCEL):
 * the other buttons act through their actions, not through responses. */
static void
on_response (GlsInfoBar *self,
             int         response)
{
  gls_info_bar_clear (self);
}

static void
gls_info_bar_dispose (GObject *object)
{
  GlsInfoBar *self = (GlsInfoBar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLS_TYPE_INFO_BAR);

  G_OBJECT_CLASS (gls_info_bar_parent_class)->dispose (object);
}

static void
gls_info_bar_finalize (GObject *object)
{
  GlsInfoBar *self = (GlsInfoBar *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (gls_info_bar_parent_class)->finalize (object);
}

static void
gls_info_bar_class_init (GlsInfoBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_info_bar_dispose;
  object_class->finalize = gls_info_bar_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-info-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, info_bar);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, label);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, restore_button);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, discard_button);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, review_button);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, merge_button);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, reload_button);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, keep_mine_button);
  gtk_widget_class_bind_template_child (widget_class, GlsInfoBar, reload_article_button);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
  gtk_widget_class_bind_template_callback (widget_class, gls_info_bar_clear);
}

static void
gls_info_bar_init (GlsInfoBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gls_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  gls_accessible_name_close_button (GTK_WIDGET (self), _("Close the Message"));
}

/**
 * gls_info_bar_show:
 *
 * Shows @text, replacing what the bar said before, with the buttons of
 * @kind.
 */
void
gls_info_bar_show (GlsInfoBar     *self,
                   GlsInfoKind     kind,
                   GtkMessageType  type,
                   const char     *text)
{
  g_return_if_fail (GLS_IS_INFO_BAR (self));
  g_return_if_fail (text != NULL);

  g_free (self->text);
  self->text = g_strdup (text);
  self->kind = kind;
  show_buttons (self, kind);
  /* lines are not wrapped (a wrapping label upsets the info bar's size
   * in GTK 4.8): long ones are cut, and shown whole in the tooltip */
  gtk_label_set_text (self->label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), text);
  gtk_info_bar_set_message_type (self->info_bar, type);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

/**
 * gls_info_bar_clear:
 *
 * Hides the bar; it then says nothing and has no kind.
 */
void
gls_info_bar_clear (GlsInfoBar *self)
{
  g_return_if_fail (GLS_IS_INFO_BAR (self));

  show_buttons (self, GLS_INFO_NONE);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  g_clear_pointer (&self->text, g_free);
  self->kind = GLS_INFO_NONE;
}

GlsInfoKind
gls_info_bar_get_kind (GlsInfoBar *self)
{
  g_return_val_if_fail (GLS_IS_INFO_BAR (self), GLS_INFO_NONE);

  return self->kind;
}

/**
 * gls_info_bar_get_text:
 *
 * Returns: (nullable): what the bar says, if it is shown
 */
const char *
gls_info_bar_get_text (GlsInfoBar *self)
{
  g_return_val_if_fail (GLS_IS_INFO_BAR (self), NULL);

  return self->text;
}

/**
 * gls_info_bar_set_action_prefix:
 * @prefix: the action group the buttons act through, instead of "win"
 *
 * For a bar about another article than the window's (the compared side):
 * its buttons must act on that article's files.
 */
void
gls_info_bar_set_action_prefix (GlsInfoBar *self,
                                const char *prefix)
{
  GtkWidget *buttons[] = { self->restore_button, self->discard_button, self->review_button, self->merge_button,
                           self->reload_button, self->keep_mine_button, self->reload_article_button };

  g_return_if_fail (GLS_IS_INFO_BAR (self));
  g_return_if_fail (prefix != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (buttons[i]));
      const char *dot = name ? strchr (name, '.') : NULL;
      g_autofree char *renamed = NULL;

      if (dot == NULL)
        continue;
      renamed = g_strconcat (prefix, dot, NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]), renamed);
    }
}

/**
 * gls_info_bar_offer_draft:
 *
 * A draft means work may not have been saved: the bar offers to restore
 * or discard it.
 *
 * Returns: whether @document_file has a draft
 */
gboolean
gls_info_bar_offer_draft (GlsInfoBar      *self,
                          GlsDocumentFile *document_file)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GLS_IS_INFO_BAR (self), FALSE);
  g_return_val_if_fail (GLS_IS_DOCUMENT_FILE (document_file), FALSE);

  if ((when = gls_document_file_find_draft (document_file)) == NULL)
    return FALSE;

  /* Translators: a date and time, see strftime(3) */
  time = g_date_time_format (when, _("%x %H:%M"));
  text = g_strdup_printf (_("Unsaved annotations from %s were found.\nGlossator may have stopped before they were saved."),
                          time);
  gls_info_bar_show (self, GLS_INFO_DRAFT, GTK_MESSAGE_QUESTION, text);

  return TRUE;
}

void
gls_info_bar_show_draft_error (GlsInfoBar   *self,
                               const GError *error)
{
  /* the user must know the safety net failed */
  g_autofree char *text = NULL;

  g_return_if_fail (GLS_IS_INFO_BAR (self));

  text = g_strdup_printf (_("Unsaved changes cannot be kept as a draft: %s"), error->message);
  gls_info_bar_show (self, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING, text);
}

/* The sidecar changed under the document: what the user may do. */
void
gls_info_bar_show_sidecar_changed (GlsInfoBar *self)
{
  g_return_if_fail (GLS_IS_INFO_BAR (self));

  if (self->kind == GLS_INFO_CHANGED_ON_DISK)
    return;

  gls_info_bar_show (self, GLS_INFO_CHANGED_ON_DISK, GTK_MESSAGE_WARNING,
                     _("The annotations were changed on disk by another program (a git pull, another annotator).\n"
                       "Merge both, reload the version on disk, or keep yours and replace it at the next save."));
}
