/* test-application.c
 * What the application does for the desktop: F1 and the menu open the user
 * guide (help:glossator) in the help viewer, told where our data is, or
 * say which viewer to install; a menu gives the keyboard focus back; About
 * names the version, website, copyright and translators; the style is
 * light or dark as the preference or the desktop's Settings portal says;
 * several files dropped on a window open, each in its own window. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gls-preferences-window.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

typedef GlsTestWindowFixture Fixture;

static GtkApplication *application;

/* Whether @model, or a submenu or section of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_action (linked, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* The header bar's primary menu button */
static GtkMenuButton *
find_main_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_main_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The main menu: the model of the header bar's primary menu button */
static GMenuModel *
find_main_menu (GtkWidget *widget)
{
  GtkMenuButton *button = find_main_menu_button (widget);

  return button != NULL ? gtk_menu_button_get_menu_model (button) : NULL;
}

static gboolean
exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* F1 and Help in the main menu run app.help, which asks the desktop's
 * handler of help: URIs (here, a script of ours) for help:glossator, and
 * passes our data folder first in XDG_DATA_DIRS when the desktop does not
 * search it. */
static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, "app.help");
  g_autofree char *script = g_build_filename (fixture->dir, "show-help", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "show-help.out", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *applications = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *desktop = g_build_filename (applications, "glossator-test-help.desktop", NULL);
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *shown = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) dirs = NULL;
  GMenuModel *menu;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "F1");
  menu = find_main_menu (GTK_WIDGET (fixture->window));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "app.help"));

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n%%s\\n' \"$1\" \"$XDG_DATA_DIRS\" > '%s.part'\nmv '%s.part' '%s'\n",
                                 out, out, out);
  gls_test_write (script, script_text, -1);
  g_assert_no_errno (g_chmod (script, 0755));
  g_assert_no_errno (g_mkdir_with_parents (applications, 0755));
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Help for the test\nExec=%s %%u\n"
                                  "MimeType=x-scheme-handler/help;\n", script);
  gls_test_write (desktop, desktop_text, -1);
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_config_dir (), 0755));
  gls_test_write (mimeapps, "[Default Applications]\nx-scheme-handler/help=glossator-test-help.desktop\n", -1);

  g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
  gls_test_wait_for (exists, out);

  g_assert_true (g_file_get_contents (out, &shown, NULL, NULL));
  lines = g_strsplit (shown, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "help:glossator");
  /* the tests run from the build tree: the data folder is the configured one,
   * which the isolated XDG_DATA_DIRS does not have */
  dirs = g_strsplit (lines[1], G_SEARCHPATH_SEPARATOR_S, -1);
  g_assert_cmpstr (dirs[0], ==, DATADIR);
  g_assert_true (g_strv_contains ((const char * const *) dirs, g_get_system_data_dirs ()[0]));
}

static gboolean
no_help_viewer (gpointer data)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");

  return viewer == NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return gls_test_find_message_dialog () != NULL;
}

/* Without a help viewer, F1 says which to install rather than GIO's
 * “Operation not supported”. */
static void
test_help_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *viewers = g_app_info_get_all_for_type ("x-scheme-handler/help");
  g_autoptr(GString) removed = g_string_new ("[Removed Associations]\nx-scheme-handler/help=");
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *secondary = NULL;
  GtkWidget *dialog;

  /* every program that could show help: hidden from the desktop */
  for (GList *l = viewers; l != NULL; l = l->next)
    g_string_append_printf (removed, "%s;", g_app_info_get_id (l->data));
  g_string_append_c (removed, '\n');
  g_list_free_full (viewers, g_object_unref);
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_config_dir (), 0755));
  gls_test_write (mimeapps, removed->str, -1);
  gls_test_wait_for (no_help_viewer, NULL);

  g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
  gls_test_wait_for (message_dialog_shown, NULL);

  dialog = gls_test_find_message_dialog ();
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (secondary, ==, _("No help viewer is installed. Install GNOME Help "
                                    "(the package “yelp”) to read the user guide."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (mimeapps);
}

static gboolean
hidden (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static gboolean
focus_shown (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_mapped (focus);
}

/* @label, translated, as a menu shows it: without the underline that
 * marks its mnemonic */
static char *
menu_text (const char *label)
{
  g_auto(GStrv) parts = g_strsplit (g_dgettext (GETTEXT_PACKAGE, label), "_", -1);

  return g_strjoinv ("", parts);
}

/* The item of a popover menu, shown, whose text is @text */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *text)
{
  if (gtk_widget_get_mapped (widget) && g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") != NULL)
    {
      g_autofree char *shown = NULL;

      g_object_get (widget, "text", &shown, NULL);
      if (g_strcmp0 (shown, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *item = find_menu_item (child, text);

      if (item != NULL)
        return item;
    }

  return NULL;
}

static gboolean
in_progress_shown (gpointer popover)
{
  g_autofree char *in_progress = menu_text ("_In Progress");

  return find_menu_item (popover, in_progress) != NULL;
}

/* GTK 4.8 left the focus on a hidden widget of the main menu when an item
 * of one of its submenus was clicked, and the keys did nothing until a
 * click in the window: State of Work ▸ In Progress, with the mouse; the
 * focus comes out of the menu once it has closed. */
static void
test_focus_back_from_menu (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (gls_window_get_article_view (fixture->window));
  GtkMenuButton *button = find_main_menu_button (GTK_WIDGET (fixture->window));
  g_autofree char *state_of_work = menu_text ("State of _Work");
  g_autofree char *in_progress = menu_text ("_In Progress");
  g_autofree char *state = NULL;
  GtkWidget *popover;
  GtkWidget *item;

  if (!gls_test_can_send_input (view))
    {
      g_test_skip ("real clicks need X11 and xdotool");
      return;
    }

  g_assert_true (gtk_widget_grab_focus (view));
  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, popover);

  item = find_menu_item (popover, state_of_work);
  g_assert_nonnull (item);
  gls_test_click (item);
  gls_test_wait_for (in_progress_shown, popover);
  gls_test_click (find_menu_item (popover, in_progress));
  gls_test_wait_for (hidden, popover);
  g_object_get (fixture->window, "work-state", &state, NULL);
  g_assert_cmpstr (state, ==, "in-progress");

  gls_test_wait_for (focus_shown, fixture->window);
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), popover));
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
about_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_ABOUT_DIALOG) != NULL;
}

/* The translation of msgid "translator-credits" in po/LANG.po, read from
 * the catalogue's text rather than through gettext */
static char *
po_translator_credits (const char *lang)
{
  g_autofree char *name = g_strconcat (lang, ".po", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("GLOSSATOR_SOURCE_ROOT"), "po", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^msgid \"translator-credits\"\nmsgstr \"(.+)\"$",
                                         G_REGEX_MULTILINE, 0, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 1);
}

/* About names the version, the website, the copyright, and the translators
 * of the language in use (German here, see main()). */
static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *credits = po_translator_credits ("de");
  GtkAboutDialog *about;

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  gls_test_wait_for (about_shown, NULL);
  about = GTK_ABOUT_DIALOG (find_toplevel (GTK_TYPE_ABOUT_DIALOG));

  g_assert_cmpstr (gtk_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (gtk_about_dialog_get_website (about), ==, PACKAGE_WEBSITE);
  g_assert_true (g_str_has_prefix (gtk_about_dialog_get_website (about), "https://"));
  g_assert_nonnull (strstr (gtk_about_dialog_get_copyright (about), "2026"));
  g_assert_nonnull (credits);
  g_assert_cmpstr (gtk_about_dialog_get_translator_credits (about), ==, credits);
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (about), ==, APPLICATION_ID);

  gtk_window_destroy (GTK_WINDOW (about));
}

/* The icon, for the windows and About, is looked for in our data folder
 * too, which the tests' isolated XDG_DATA_DIRS do not have (as the
 * desktop does not have ./_install/share): the About logo showed GTK's
 * “missing image”. */
static void
test_icon_found (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) paths = gtk_icon_theme_get_search_path (theme);
  g_autofree char *icons = g_build_filename (DATADIR, "icons", NULL);

  g_assert_true (g_strv_contains ((const char * const *) paths, icons));
}

/* ------------------------------------------------------------------ */
/* The style                                                            */

static gboolean
prefers_dark (void)
{
  gboolean dark = FALSE;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

static gboolean
is_dark (gpointer data)
{
  return prefers_dark ();
}

static gboolean
is_light (gpointer data)
{
  return !prefers_dark ();
}

/* A Settings portal of our own on the session bus, whose color-scheme the
 * test sets */
typedef struct {
  GDBusConnection *bus;
  guint            object_id;
  guint            name_id;
  guint32          scheme;
} FakePortal;

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Settings'>"
  "  <method name='Read'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "    <arg type='v' direction='out'/></method>"
  "  <signal name='SettingChanged'><arg type='s'/><arg type='s'/><arg type='v'/></signal>"
  "</interface></node>";

static void
portal_method_call (GDBusConnection       *bus,
                    const char            *sender,
                    const char            *path,
                    const char            *interface,
                    const char            *method,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  FakePortal *portal = user_data;
  const char *namespace, *key;

  g_variant_get (parameters, "(&s&s)", &namespace, &key);
  if (g_strcmp0 (namespace, "org.freedesktop.appearance") != 0 || g_strcmp0 (key, "color-scheme") != 0)
    {
      g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound", "no such key");
      return;
    }

  /* wrapped twice, as the portal of Debian 12 does */
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(v)", g_variant_new_variant (g_variant_new_uint32 (portal->scheme))));
}

static void
portal_set_scheme (FakePortal *portal,
                   guint32     scheme)
{
  portal->scheme = scheme;
  g_dbus_connection_emit_signal (portal->bus, NULL, "/org/freedesktop/portal/desktop",
                                 "org.freedesktop.portal.Settings", "SettingChanged",
                                 g_variant_new ("(ssv)", "org.freedesktop.appearance", "color-scheme",
                                                g_variant_new_uint32 (scheme)),
                                 NULL);
}

/* "dark" and "light" override; "follow" takes the portal's color-scheme
 * when a portal starts, follows its changes, and goes back to GTK's own
 * setting when it stops. */
static void
test_style (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  static const GDBusInterfaceVTable vtable = { portal_method_call };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  FakePortal portal = { NULL, 0, 0, 1 };

  g_settings_set_string (settings, "style", "dark");
  gls_test_wait_for (is_dark, NULL);
  g_settings_set_string (settings, "style", "light");
  gls_test_wait_for (is_light, NULL);

  portal.bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (portal.bus == NULL)
    {
      g_settings_reset (settings, "style");
      g_test_skip ("no session bus for a Settings portal");
      return;
    }

  g_settings_set_string (settings, "style", "follow");
  gls_test_wait_for (is_light, NULL);
  portal.object_id = g_dbus_connection_register_object (portal.bus, "/org/freedesktop/portal/desktop",
                                                        info->interfaces[0], &vtable, &portal, NULL, NULL);
  portal.name_id = g_bus_own_name_on_connection (portal.bus, "org.freedesktop.portal.Desktop",
                                                 G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);
  /* the portal prefers dark */
  gls_test_wait_for (is_dark, NULL);
  portal_set_scheme (&portal, 2);
  gls_test_wait_for (is_light, NULL);
  portal_set_scheme (&portal, 1);
  gls_test_wait_for (is_dark, NULL);

  /* the user's choice wins */
  g_settings_set_string (settings, "style", "light");
  gls_test_wait_for (is_light, NULL);
  g_settings_set_string (settings, "style", "follow");
  gls_test_wait_for (is_dark, NULL);

  /* without the portal, GTK's own setting (light, under the tests) */
  g_bus_unown_name (portal.name_id);
  gls_test_wait_for (is_light, NULL);
  g_dbus_connection_unregister_object (portal.bus, portal.object_id);
  g_object_unref (portal.bus);
}

static GtkWidget *
find_check_button (GtkWidget  *widget,
                   const char *target)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_button (child, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The preferences offer the three styles, which set the setting. */
static void
test_style_preference (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const char *styles[] = { "dark", "light", "follow" };
  GtkWidget *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  preferences = find_toplevel (GLS_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *style = NULL;
      GtkWidget *button = find_check_button (preferences, styles[i]);

      g_assert_nonnull (button);
      gtk_widget_activate (button);
      style = g_settings_get_string (settings, "style");
      g_assert_cmpstr (style, ==, styles[i]);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)));
    }

  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* ------------------------------------------------------------------ */
/* Opening files                                                        */

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static GlsWindow *
find_window_for (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (GLS_IS_WINDOW (l->data) && gls_window_get_file (l->data) != NULL &&
        g_file_equal (gls_window_get_file (l->data), file))
      return l->data;

  return NULL;
}

static gboolean
all_open (gpointer data)
{
  char **paths = data;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      GlsWindow *window = find_window_for (paths[i]);

      if (window == NULL || !gls_test_window_loaded (window))
        return FALSE;
    }

  return TRUE;
}

/* Several files dropped on a window open, each in its own window. */
static void
test_drop_several (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *second = g_build_filename (fixture->dir, "second.txt", NULL);
  g_autofree char *third = g_build_filename (fixture->dir, "third.txt", NULL);
  char *paths[] = { second, third, NULL };
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean handled = FALSE;

  gls_test_write (second, "The second article.\n", -1);
  gls_test_write (third, "The third article.\n", -1);
  g_assert_nonnull (target);

  files = g_slist_append (files, g_file_new_for_path (second));
  files = g_slist_append (files, g_file_new_for_path (third));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);

  gls_test_wait_for (all_open, paths);
  g_assert_true (find_window_for (fixture->article) == fixture->window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (application)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  /* in German, with the translations of the build tree, so that About
   * shows translator credits */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSSATOR_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorApplicationTest", &recent_home);
  if (application == NULL)
    return 0;

  g_test_add ("/application/about", Fixture, NULL, gls_test_window_fixture_set_up, test_about, gls_test_window_fixture_tear_down);
  g_test_add ("/application/icon-found", Fixture, NULL, gls_test_window_fixture_set_up, test_icon_found, gls_test_window_fixture_tear_down);
  g_test_add ("/application/style", Fixture, NULL, gls_test_window_fixture_set_up, test_style, gls_test_window_fixture_tear_down);
  g_test_add ("/application/style-preference", Fixture, NULL, gls_test_window_fixture_set_up, test_style_preference, gls_test_window_fixture_tear_down);
  g_test_add ("/application/drop-several", Fixture, NULL, gls_test_window_fixture_set_up, test_drop_several, gls_test_window_fixture_tear_down);
  g_test_add ("/application/help", Fixture, NULL, gls_test_window_fixture_set_up, test_help, gls_test_window_fixture_tear_down);
  g_test_add ("/application/focus-back-from-menu", Fixture, NULL, gls_test_window_fixture_set_up, test_focus_back_from_menu, gls_test_window_fixture_tear_down);
  g_test_add ("/application/help-missing", Fixture, NULL, gls_test_window_fixture_set_up, test_help_missing, gls_test_window_fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
