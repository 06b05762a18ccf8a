/* gls-application.c
 * Application actions and accelerators, and which window shows which file:
 * opening a file that is already open brings its window forward. */
#define G_LOG_DOMAIN "gls-application"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gls-application.h"
#include "gls-cascade.h"
#include "gls-install.h"
#include "gls-corpus-window.h"
#include "gls-focus-return.h"
#include "gls-preferences-window.h"
#include "gls-renderer.h"
#include "gls-settings.h"
#include "gls-style-manager.h"
#include "gls-window.h"

struct _GlsApplication
{
  GtkApplication   parent_instance;

  /* Owned */
  GlsStyleManager *style_manager;

  guint            compare : 1;  /* --compare: the two files go side by side */
  guint            adjudicate : 1; /* --adjudicate: an article, then its coders' sidecars */
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

  if (self->adjudicate && n_files >= 3)
    {
      self->adjudicate = FALSE;
      gls_window_adjudicate (GTK_APPLICATION (self), NULL, files[0], files + 1, n_files - 1);
      return;
    }

  if (self->compare && n_files == 2)
    {
      g_autoptr(GFile) first = article_for (files[0]);
      g_autoptr(GFile) second = article_for (files[1]);
      GlsWindow *window = gls_window_new (GTK_APPLICATION (self));

      self->compare = FALSE;
      gls_window_open (window, first);
      gls_window_compare (window, second);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

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

/* The chooser starts in the folder of the article in front, or in the
 * corpus in front, else in the documents folder, rather than in the
 * chooser's “Recent”. */
static void
start_in_folder (GlsApplication *self,
                 GtkFileChooser *chooser)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) folder = NULL;

  if (GLS_IS_WINDOW (window) && gls_window_get_file (GLS_WINDOW (window)) != NULL)
    folder = g_file_get_parent (gls_window_get_file (GLS_WINDOW (window)));
  else if (GLS_IS_CORPUS_WINDOW (window))
    folder = g_object_ref (gls_corpus_window_get_folder (GLS_CORPUS_WINDOW (window)));
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  else
    folder = g_file_new_for_path (g_get_home_dir ());

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
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

  start_in_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A folder opens as a corpus (gls_application_open()). */
static void
on_open_folder_response (GtkNativeDialog *chooser,
                         int              response,
                         GlsApplication  *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    g_application_open (G_APPLICATION (self), &folder, 1, "");

  g_object_unref (chooser);
}

static void
action_open_folder (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlsApplication *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Folder as a Corpus"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), _("_Cancel"));
  start_in_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_folder_response), self);
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
                         "website", PACKAGE_WEBSITE,
                         /* Translators: the copyright line of the About window */
                         "copyright", _("© 2026 The Glossator authors"),
                         "comments", _("Annotate the claims in a text, with notes, in files you can share"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
on_help_launched (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  g_debug ("Could not show help:glossator: %s", error->message);
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, _("The help could not be shown"));
  /* no program on the desktop opens help: links; GIO would only say
   * “Operation not supported” */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                              _("No help viewer is installed. Install GNOME Help "
                                                "(the package “yelp”) to read the user guide."));
  else
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The user guide, help:glossator, in the help viewer. As gtk_show_uri()
 * does, but where our data folder is not one the desktop searches (an
 * install into ./_install), the viewer is told of it. */
static void
action_help (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gdk_display_get_default ());

  if (!gls_install_data_dir_searched ())
    {
      g_autofree char *ours = gls_install_dup_data_dir ();
      g_autofree char *system = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, (char **) g_get_system_data_dirs ());
      g_autofree char *dirs = g_strjoin (G_SEARCHPATH_SEPARATOR_S, ours, system, NULL);

      g_app_launch_context_setenv (G_APP_LAUNCH_CONTEXT (context), "XDG_DATA_DIRS", dirs);
    }

  g_app_info_launch_default_for_uri_async ("help:glossator", G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_help_launched, parent ? g_object_ref (parent) : NULL);
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
  { "open-folder", action_open_folder },
  { "open-sample", action_open_sample },
  { "new-window", action_new_window },
  { "preferences", action_preferences },
  { "help", action_help },
  { "about", action_about },
  { "quit", action_quit },
};

static void
gls_application_startup (GApplication *application)
{
  GlsApplication *self = GLS_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.open-folder", { "<Shift><Control>o", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
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
    { "win.edit-codebook", { "<Shift><Control>k", NULL } },
    { "win.sticky", { "<Shift><Control>y", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (gls_application_parent_class)->startup (application);
  gls_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, "/io/github/glossator/Glossator/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* the icon, for the windows and About, where the desktop does not look
   * (an install into ./_install) */
  if (!gls_install_data_dir_searched ())
    {
      g_autofree char *data_dir = gls_install_dup_data_dir ();
      g_autofree char *icons = g_build_filename (data_dir, "icons", NULL);

      gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
    }
  gtk_window_set_default_icon_name (APPLICATION_ID);

  {
    g_autoptr(GSettings) settings = gls_settings_new ();
    self->style_manager = gls_style_manager_new (settings, gtk_settings_get_default ());
  }
}

static void
gls_application_shutdown (GApplication *application)
{
  GlsApplication *self = GLS_APPLICATION (application);

  g_clear_object (&self->style_manager);

  G_APPLICATION_CLASS (gls_application_parent_class)->shutdown (application);
}

static void
gls_application_finalize (GObject *object)
{
  GlsApplication *self = GLS_APPLICATION (object);

  g_clear_object (&self->style_manager);

  G_OBJECT_CLASS (gls_application_parent_class)->finalize (object);
}

/* --compare and --adjudicate are read in the process the user started,
 * but the files may open in an instance that already runs: the options
 * travel with them as platform data, and the running instance takes them
 * in before_emit. */
static void
gls_application_add_platform_data (GApplication    *application,
                                   GVariantBuilder *builder)
{
  GlsApplication *self = GLS_APPLICATION (application);

  G_APPLICATION_CLASS (gls_application_parent_class)->add_platform_data (application, builder);

  g_variant_builder_add (builder, "{sv}", "glossator-compare", g_variant_new_boolean (self->compare));
  g_variant_builder_add (builder, "{sv}", "glossator-adjudicate", g_variant_new_boolean (self->adjudicate));
}

static void
gls_application_before_emit (GApplication *application,
                             GVariant     *platform_data)
{
  GlsApplication *self = GLS_APPLICATION (application);
  gboolean compare = FALSE, adjudicate = FALSE;

  G_APPLICATION_CLASS (gls_application_parent_class)->before_emit (application, platform_data);

  /* a request without them (a file manager's Open) is a plain open */
  g_variant_lookup (platform_data, "glossator-compare", "b", &compare);
  g_variant_lookup (platform_data, "glossator-adjudicate", "b", &adjudicate);
  self->compare = compare;
  self->adjudicate = adjudicate;
}

/* In the process the user started, before it hands over to a running
 * instance: --version, and a readable refusal when the settings schema is
 * installed nowhere (rather than GSettings' abort in the first window). */
static int
gls_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  GlsApplication *self = GLS_APPLICATION (application);
  g_autoptr(GSettingsSchema) schema = NULL;

  /* --compare: the two files go side by side */
  self->compare = g_variant_dict_contains (options, "compare");
  self->adjudicate = g_variant_dict_contains (options, "adjudicate");

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("glossator %s\n", PACKAGE_VERSION);  /* not translatable */
      return EXIT_SUCCESS;
    }

  schema = gls_settings_lookup_schema ();
  if (schema == NULL)
    {
      g_autofree char *data_dir = gls_install_dup_data_dir ();
      g_autofree char *dir = g_build_filename (data_dir, "glib-2.0", "schemas", NULL);

      /* Translators: the schema's id, then a folder */
      g_printerr (_("Glossator’s settings schema %s is not installed, neither where GLib looks nor in “%s”. "
                    "Install Glossator again (build-aux/run does).\n"), APPLICATION_ID, dir);
      return EXIT_FAILURE;
    }

  return -1;
}

/* A window of its own, not a dialog, opens beside the others, not over
 * them; no window loses the keyboard to a menu. */
static void
gls_application_window_added (GtkApplication *application,
                              GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (gls_application_parent_class)->window_added (application, window);

  if (gtk_window_get_transient_for (window) == NULL)
    gls_cascade_window (window);
  gls_focus_return_watch (window);
}

static void
gls_application_class_init (GlsApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->handle_local_options = gls_application_handle_local_options;
  application_class->add_platform_data = gls_application_add_platform_data;
  application_class->before_emit = gls_application_before_emit;

  application_class->activate = gls_application_activate;
  application_class->open = gls_application_open;
  application_class->startup = gls_application_startup;
  application_class->shutdown = gls_application_shutdown;
  GTK_APPLICATION_CLASS (klass)->window_added = gls_application_window_added;
  G_OBJECT_CLASS (klass)->finalize = gls_application_finalize;
}

static void
gls_application_init (GlsApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: what follows the options in “glossator --help” */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_add_main_option (G_APPLICATION (self), "compare", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open two articles side by side to compare them"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "adjudicate", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Adjudicate an article: the article, then two or three coders’ sidecars of it"), NULL);
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
