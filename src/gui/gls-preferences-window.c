/* gls-preferences-window.c
 * Annotator name, document font, snapping, drafts, the default codebook,
 * the style and high contrast, bound to GSettings so that every window
 * follows at once. */
#define G_LOG_DOMAIN "gls-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-accessible.h"
#include "gls-core.h"
#include "gls-preferences-window.h"
#include "gls-settings.h"

struct _GlsPreferencesWindow
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkEntry       *annotator_entry;
  GtkCheckButton *pseudonym_check;
  GtkEntry       *pseudonym_entry;
  GtkWidget      *font_button;
  GtkSwitch      *snap_switch;
  GtkSwitch      *high_contrast_switch;
  GtkSpinButton  *draft_spin;
  GtkButton      *codebook_button;
  GtkLabel       *codebook_label;
  GtkButton      *builtin_button;

  /* Owned */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (GlsPreferencesWindow, gls_preferences_window, GTK_TYPE_WINDOW)

static void
update_codebook_label (GlsPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "default-codebook");

  gtk_label_set_text (self->codebook_label, *path ? path : _("Built-in Claims codebook"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->builtin_button), *path != '\0');
}

/**
 * gls_codebook_chooser_new:
 * @parent: the window it is modal for
 * @title: the chooser's title
 *
 * A chooser for one codebook file, showing XML files only; the caller
 * connects to #GtkNativeDialog::response and shows it.
 *
 * Returns: (transfer full): the chooser
 */
GtkFileChooserNative *
gls_codebook_chooser_new (GtkWindow  *parent,
                          const char *title)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Use"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Codebooks (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

static void
on_codebook_chosen (GtkNativeDialog      *chooser,
                    int                   response,
                    GlsPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      g_settings_set_string (self->settings, "default-codebook", path ? path : "");
    }

  g_object_unref (chooser);
}

static void
on_codebook_clicked (GlsPreferencesWindow *self)
{
  GtkFileChooserNative *chooser = gls_codebook_chooser_new (GTK_WINDOW (self), _("Default Codebook"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_codebook_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_builtin_clicked (GlsPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "default-codebook", "");
}

static void
gls_preferences_window_dispose (GObject *object)
{
  GlsPreferencesWindow *self = (GlsPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gls_preferences_window_parent_class)->dispose (object);
}

static void
gls_preferences_window_class_init (GlsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, annotator_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, pseudonym_check);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, pseudonym_entry);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, high_contrast_switch);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, draft_spin);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, codebook_button);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, codebook_label);
  gtk_widget_class_bind_template_child (widget_class, GlsPreferencesWindow, builtin_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gls_preferences_window_init (GlsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gls_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  self->settings = gls_settings_new ();
  gtk_entry_set_placeholder_text (self->annotator_entry, gls_default_annotator ());
  g_settings_bind (self->settings, "annotator-name", self->annotator_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "use-pseudonym", self->pseudonym_check, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "pseudonym", self->pseudonym_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "use-pseudonym", self->pseudonym_entry, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "document-font", self->font_button, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-words", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "high-contrast", self->high_contrast_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "draft-interval", self->draft_spin, "value", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::default-codebook", G_CALLBACK (update_codebook_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->codebook_button, "clicked", G_CALLBACK (on_codebook_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->builtin_button, "clicked", G_CALLBACK (on_builtin_clicked), self, G_CONNECT_SWAPPED);
  update_codebook_label (self);

  /* the style's radio buttons act on the setting itself */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GAction) style = g_settings_create_action (self->settings, "style");

    g_action_map_add_action (G_ACTION_MAP (group), style);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "prefs", G_ACTION_GROUP (group));
  }
}

GtkWidget *
gls_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (GLS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
