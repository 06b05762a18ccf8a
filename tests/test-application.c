/* test-application.c
 * What the application does for the desktop: F1 and the menu open the user
 * guide (help:glossator) in the help viewer, told where our data is; About
 * names the version, website, copyright and translators. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

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

/* The main menu: the model of the header bar's primary menu button */
static GMenuModel *
find_main_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_main_menu (child);

      if (found != NULL)
        return found;
    }

  return NULL;
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

static GtkWidget *
find_about (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (window))
        return window;
    }

  return NULL;
}

static gboolean
about_shown (gpointer data)
{
  return find_about () != NULL;
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
  about = GTK_ABOUT_DIALOG (find_about ());

  g_assert_cmpstr (gtk_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (gtk_about_dialog_get_website (about), ==, PACKAGE_WEBSITE);
  g_assert_true (g_str_has_prefix (gtk_about_dialog_get_website (about), "https://"));
  g_assert_nonnull (strstr (gtk_about_dialog_get_copyright (about), "2026"));
  g_assert_nonnull (credits);
  g_assert_cmpstr (gtk_about_dialog_get_translator_credits (about), ==, credits);

  gtk_window_destroy (GTK_WINDOW (about));
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
  g_test_add ("/application/help", Fixture, NULL, gls_test_window_fixture_set_up, test_help, gls_test_window_fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
