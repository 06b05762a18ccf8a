/* gls-compare-view-files.c
 * The compared article's files: loading and saving them, and keeping them
 * as safe as the window's: drafts, and an info bar of its own when another
 * program changes them, whose buttons are the compare.* actions. */
#define G_LOG_DOMAIN "gls-compare-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-compare-view-private.h"

enum {
  MERGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GlsCompareView) self = data;
  g_autoptr(GError) error = NULL;

  if (GLS_DOCUMENT_FILE (object) != self->document_file)
    return;
  if (!gls_document_file_load_finish (self->document_file, result, &error))
    {
      gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  _gls_compare_view_set_document (self, gls_document_file_get_document (self->document_file));
  gls_info_bar_clear (self->info_bar);

  /* as on the window's side: the user hears of a broken sidecar, and of
   * unsaved work a draft holds, first */
  if (gls_document_file_get_broken_sidecar (self->document_file) != NULL)
    {
      g_autofree char *name = g_file_get_basename (gls_document_file_get_broken_sidecar (self->document_file));
      const GError *sidecar_error = gls_document_file_get_sidecar_error (self->document_file);
      g_autofree char *text =
        g_strdup_printf (_("The annotations in “%s” could not be read, so the article opened without them.\n"
                           "The file is kept as it is: your first save moves it aside.\n%s"),
                         name, sidecar_error ? sidecar_error->message : "");

      gls_info_bar_show (self->info_bar, GLS_INFO_BROKEN_SIDECAR, GTK_MESSAGE_ERROR, text);
    }
  else if (gls_document_file_get_sidecar_error (self->document_file) != NULL)
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_WARNING,
                       gls_document_file_get_sidecar_error (self->document_file)->message);
  else
    gls_info_bar_offer_draft (self->info_bar, self->document_file);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GlsCompareView) self = data;
  g_autoptr(GError) error = NULL;

  if (!gls_document_file_save_finish (GLS_DOCUMENT_FILE (object), result, NULL, &error))
    {
      if (g_error_matches (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK))
        gls_info_bar_show (self->info_bar, GLS_INFO_CHANGED_ON_DISK, GTK_MESSAGE_WARNING, error->message);
      else if (g_error_matches (error, GLS_ERROR, GLS_ERROR_SOURCE_CHANGED))
        gls_info_bar_show (self->info_bar, GLS_INFO_ARTICLE_CHANGED, GTK_MESSAGE_WARNING, error->message);
      else
        {
          /* Translators: the file name of the compared article's annotations, then the reason */
          g_autofree char *text = g_strdup_printf (_("The annotations of “%s” could not be saved: %s\n"
                                                     "Nothing is lost: your changes are still open here."),
                                                   gtk_label_get_text (self->name_label), error->message);

          gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, text);
        }
      return;
    }

  if (gls_info_bar_get_kind (self->info_bar) == GLS_INFO_CHANGED_ON_DISK ||
      gls_info_bar_get_kind (self->info_bar) == GLS_INFO_DRAFT ||
      gls_info_bar_get_kind (self->info_bar) == GLS_INFO_BROKEN_SIDECAR)
    gls_info_bar_clear (self->info_bar);
}

/* ------------------------------------------------------------------ */
/* The files: drafts and changes by other programs, as on the window's   */
/* side; the info bar's buttons are the compare.* actions below          */

static void
on_sidecar_changed (GlsCompareView *self)
{
  gls_info_bar_show_sidecar_changed (self->info_bar);
}

static void
on_source_changed (GlsCompareView *self)
{
  /* Translators: %s is the compared article's file name */
  g_autofree char *text = g_strdup_printf (_("The article “%s” was changed on disk by another program.\n"
                                             "Reload it: your annotations follow its new text, and unsaved changes are kept."),
                                           gtk_label_get_text (self->name_label));

  gls_info_bar_show (self->info_bar, GLS_INFO_ARTICLE_CHANGED, GTK_MESSAGE_WARNING, text);
}

static void
on_draft_failed (GlsCompareView *self,
                 const GError   *error)
{
  gls_info_bar_show_draft_error (self->info_bar, error);
}

/* What a background job on this side's files left to say: its error, or
 * nothing any more. */
static void
report (GlsCompareView *self,
        gboolean        done,
        const GError   *error)
{
  if (done)
    gls_info_bar_clear (self->info_bar);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_ERROR, error->message);
}

static void
on_draft_restored (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GlsCompareView) self = data;
  g_autoptr(GError) error = NULL;

  report (self, gls_document_file_restore_draft_finish (GLS_DOCUMENT_FILE (object), result, &error), error);
}

static void
on_kept_mine (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GlsCompareView) self = data;
  g_autoptr(GError) error = NULL;

  report (self, gls_document_file_keep_mine_finish (GLS_DOCUMENT_FILE (object), result, &error), error);
}

static void
on_article_reloaded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(GlsCompareView) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GlsDocumentFile *document_file = GLS_DOCUMENT_FILE (object);
  guint moved, lost;

  if (!gls_document_file_reload_article_finish (document_file, result, &error))
    {
      report (self, FALSE, error);
      return;
    }
  if (document_file != self->document_file)
    return;

  _gls_compare_view_set_document (self, gls_document_file_get_document (document_file));
  moved = gls_document_get_n_fuzzy (self->document);
  lost = gls_document_get_n_orphaned (self->document);
  /* the review of moved annotations is the window's: its side is the one
   * to review them on */
  if (moved + lost > 0)
    text = g_strdup_printf (_("The article was read again: %u of its annotations moved and %u lost their text. "
                              "Swap the two articles to review them."), moved, lost);
  gls_info_bar_show (self->info_bar, GLS_INFO_MESSAGE, GTK_MESSAGE_INFO,
                     text ? text : _("The article was read again; every annotation is where it was."));
}

static void
action_file (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlsCompareView *self = GLS_COMPARE_VIEW (widget);

  if (self->document_file == NULL || self->document == NULL)
    return;

  if (g_str_equal (action_name, "compare.restore-draft"))
    gls_document_file_restore_draft_async (self->document_file, NULL, on_draft_restored, g_object_ref (self));
  else if (g_str_equal (action_name, "compare.discard-draft"))
    {
      gls_document_file_discard_draft (self->document_file);
      gls_info_bar_clear (self->info_bar);
    }
  else if (g_str_equal (action_name, "compare.keep-mine"))
    gls_document_file_keep_mine_async (self->document_file, NULL, on_kept_mine, g_object_ref (self));
  else if (g_str_equal (action_name, "compare.reload-article"))
    gls_document_file_reload_article_async (self->document_file, NULL, on_article_reloaded, g_object_ref (self));
  else if (g_str_equal (action_name, "compare.reload"))
    {
      /* the changes made here go for the version on disk */
      gls_document_file_discard_draft (self->document_file);
      gls_compare_view_open (self, self->file);
    }
  else if (g_str_equal (action_name, "compare.merge"))
    g_signal_emit (self, signals[MERGE], 0);
}

void
_gls_compare_view_class_files_init (GtkWidgetClass *widget_class)
{
  /**
   * GlsCompareView::merge:
   *
   * The user asked to merge the annotations on disk into this side's: the
   * window settles the annotations changed on both sides, as for its own.
   */
  signals[MERGE] = g_signal_new ("merge", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "compare.restore-draft", NULL, action_file);
  gtk_widget_class_install_action (widget_class, "compare.discard-draft", NULL, action_file);
  gtk_widget_class_install_action (widget_class, "compare.keep-mine", NULL, action_file);
  gtk_widget_class_install_action (widget_class, "compare.reload", NULL, action_file);
  gtk_widget_class_install_action (widget_class, "compare.merge", NULL, action_file);
  gtk_widget_class_install_action (widget_class, "compare.reload-article", NULL, action_file);
}

/* Opens @file on this side, reading it in a worker thread. */
void
gls_compare_view_open (GlsCompareView *self,
                       GFile          *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GLS_IS_COMPARE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  _gls_compare_view_set_document (self, NULL);
  g_set_object (&self->file, file);
  if (self->document_file != NULL)
    g_signal_handlers_disconnect_by_data (self->document_file, self);
  g_clear_object (&self->document_file);
  self->document_file = gls_document_file_new (file);
  gls_info_bar_clear (self->info_bar);
  /* this side is kept as safe as the window's: drafts on the same timer,
   * and the files watched */
  g_settings_bind (self->settings, "draft-interval", self->document_file, "draft-interval", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->document_file, "sidecar-changed", G_CALLBACK (on_sidecar_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "source-changed", G_CALLBACK (on_source_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_file, "draft-failed", G_CALLBACK (on_draft_failed), self, G_CONNECT_SWAPPED);
  name = g_file_get_basename (file);
  gtk_label_set_text (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gls_document_file_load_async (self->document_file, NULL, NULL, GLS_LOAD_KEEP_ARTICLE, NULL,
                                on_loaded, g_object_ref (self));
}

GFile *
gls_compare_view_get_file (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), NULL);

  return self->file;
}

GlsDocumentFile *
gls_compare_view_get_document_file (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), NULL);

  return self->document_file;
}

/* The bar above this side's article: what became of its files. */
GlsInfoBar *
gls_compare_view_get_info_bar (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), NULL);

  return self->info_bar;
}

void
gls_compare_view_save (GlsCompareView *self)
{
  g_return_if_fail (GLS_IS_COMPARE_VIEW (self));

  if (self->document != NULL && gls_document_get_modified (self->document))
    gls_document_file_save_async (self->document_file, NULL, on_saved, g_object_ref (self));
}

gboolean
gls_compare_view_is_busy (GlsCompareView *self)
{
  g_return_val_if_fail (GLS_IS_COMPARE_VIEW (self), FALSE);

  return self->document_file != NULL &&
         gls_document_file_get_operation (self->document_file) != GLS_FILE_OPERATION_NONE;
}
