/* gls-application.c
 * Application actions and accelerators, and which window shows which file:
 * opening a file that is already open brings its window forward. */
#define G_LOG_DOMAIN "gls-application"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gls-application.h"
#include "gls-corpus-window.h"
#include "gls-preferences-window.h"
#include "gls-window.h"

struct _GlsApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GlsApplication, gls_application, GTK_TYPE_APPLICATION)

static GlsWindow *
find_window (GlsApplication *self,
             GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (!GLS_IS_WINDOW (l->data))
        continue;
      if (file == NULL ? gls_window_get_file (l->data) == NULL
                       : gls_window_get_file (l->data) != NULL && g_file_equal (gls_window_get_file (l->data), file))
        return l->data;
    }

  return NULL;
}

static void
gls_application_activate (GApplication *application)
{
  GlsApplication *self = GLS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (gls_window_new (GTK_APPLICATION (self)));

  gtk_window_present (window);
}

/* A file the user named as an annotation file opens its article. */
static GFile *
article_for (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL && g_str_has_suffix (path, ".annotations.xml"))
    {
      path[strlen (path) - strlen (".annotations.xml")] = '\0';
      return g_file_new_for_path (path);
    }

  return g_object_ref (file);
}

static void
gls_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GlsApplication *self = GLS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GFile) article = NULL;
      GlsWindow *window;

      /* a folder is a corpus: its articles in a window of their own */
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          gtk_window_present (GTK_WINDOW (gls_corpus_window_new (GTK_APPLICATION (self), files[i])));
          continue;
        }

      article = article_for (files[i]);
      window = find_window (self, article);

      if (window == NULL)
        {
          /* an empty window takes the first file */
          window = find_window (self, NULL);
          if (window == NULL || gls_window_is_loading (window))
            window = gls_window_new (GTK_APPLICATION (self));
          gls_window_open (window, article);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  GlsApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_application_open (G_APPLICATION (self), &file, 1, "");
        }
    }

  g_object_unref (chooser);
}

static void
action_open (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GlsApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) annotations = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open an Article"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (text, _("Text Files"));
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_add_suffix (text, "txt");
  /* HTML pages, read as their extracted text (FORMAT.md §5) */
  gtk_file_filter_add_mime_type (text, "text/html");
  gtk_file_filter_add_mime_type (text, "application/xhtml+xml");
  gtk_file_filter_add_suffix (text, "html");
  gtk_file_filter_add_suffix (text, "htm");
  gtk_file_filter_add_suffix (text, "xhtml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);

  gtk_file_filter_set_name (annotations, _("Annotation Files"));
  gtk_file_filter_add_pattern (annotations, "*.annotations.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), annotations);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The sample is copied where the user may write, and opened from there. */
static void
action_open_sample (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlsApplication *self = user_data;
  const char *names[] = { "riverside-library.txt", "riverside-library.txt.annotations.xml" };
  const char *installed = g_getenv ("GLOSSATOR_SAMPLE_DIR");
  g_autofree char *target_dir = g_build_filename (g_get_user_data_dir (), "glossator", "samples", NULL);
  g_autoptr(GFile) article = NULL;

  if (installed == NULL)
    installed = PKGDATADIR "/samples";

  g_mkdir_with_parents (target_dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from_path = g_build_filename (installed, names[i], NULL);
      g_autofree char *to_path = g_build_filename (target_dir, names[i], NULL);
      g_autoptr(GFile) from = g_file_new_for_path (from_path);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);

      /* never overwrite the user's own work on the sample */
      if (!g_file_query_exists (to, NULL))
        g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
      if (i == 0)
        article = g_object_ref (to);
    }

  g_application_open (G_APPLICATION (self), &article, 1, "");
}

static void
action_new_window (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (gls_window_new (GTK_APPLICATION (user_data))));
}

static void
action_preferences (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *window = gls_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (window));
}

static void
action_about (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Glossator developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (user_data)),
                         "program-name", _("Glossator"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Annotate the claims in a text, with notes, in files you can share"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closing each window asks about unsaved changes on its own. */
static void
action_quit (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "open", action_open },
  { "open-sample", action_open_sample },
  { "new-window", action_new_window },
  { "preferences", action_preferences },
  { "about", action_about },
  { "quit", action_quit },
};

static void
gls_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-copy", { "<Shift><Control>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.find-next", { "<Control>g", NULL } },
    { "win.find-previous", { "<Shift><Control>g", NULL } },
    { "win.next-annotation", { "<Control>period", NULL } },
    { "win.previous-annotation", { "<Control>comma", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (gls_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, "/io/github/glossator/Glossator/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
gls_application_class_init (GlsApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = gls_application_activate;
  application_class->open = gls_application_open;
  application_class->startup = gls_application_startup;
}

static void
gls_application_init (GlsApplication *self)
{
}

GlsApplication *
gls_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  return g_object_new (GLS_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glossator/Glossator",
                       NULL);
}
