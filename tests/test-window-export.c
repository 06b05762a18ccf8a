/* test-window-export.c
 * Exporting from the window: the Export As menu has one item per format,
 * each item's file chooser is named for its format and starts in the
 * article's folder, and accepting it writes that format; Open… starts in
 * the article's folder too. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gls-application.h"
#include "gls-window-private.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

typedef GlsTestWindowFixture Fixture;

static GtkApplication *application;

static gboolean
is_idle (gpointer data)
{
  return gls_window_is_idle (data);
}

static GtkWidget *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_chooser () != NULL;
}

static gboolean
has_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static gboolean
in_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL && g_file_equal (folder, g_object_get_data (data, "test-folder"));
}

static gboolean
exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The message dialog shown last (the report of an import, an error) */
static GtkWidget *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *chooser;

  while ((chooser = find_chooser ()) != NULL)
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  while ((chooser = find_message ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (chooser));
  gls_test_window_fixture_tear_down (fixture, data);
}

/* Which format the text is, by what only that format begins with; NULL
 * when it looks like none or like several. */
static const char *
sniff (const char *text)
{
  static const struct {
    const char *name;
    const char *pattern;
  } signatures[] = {
    { "inline", "^<\\?xml[^>]*>\\s*<annotated-text[ >]" },
    { "tei", "^<\\?xml[^>]*>\\s*<TEI[ >]" },
    { "csv", "^document,id,category," },
    { "brat", "^T1\\t\\S+ \\d+ \\d+\\t" },
    { "semeval", "^riverside-library\\t\\S+\\t\\d+\\t\\d+\\n" },
    { "webanno", "^\\{\"@context\":" },
  };
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (g_regex_match_simple (signatures[i].pattern, text, 0, 0))
      {
        if (found != NULL)
          return NULL;
        found = signatures[i].name;
      }

  return found;
}

/* The menu offers every format, each through win.export-as. */
static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  GMenuModel *menu = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    GLS_TYPE_WINDOW, "export_menu"));
  guint n = gls_format_get_n_formats ();

  /* then the REFI-QDA project */
  g_assert_cmpuint (g_menu_model_get_n_items (menu), ==, n + 1);
  {
    g_autofree char *action = NULL;

    g_assert_true (g_menu_model_get_item_attribute (menu, n, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.export-qdpx");
  }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target));
      g_assert_cmpstr (action, ==, "win.export-as");
      g_assert_cmpstr (target, ==, gls_format_get_nth (i)->name);
    }
}

/* Through the chooser the item opens, as a user would: its name has the
 * format's extension, it starts in the article's folder, and the file it
 * writes is that format. */
static void
export_through_chooser (Fixture         *fixture,
                        const GlsFormat *format,
                        const char      *action,
                        GVariant        *target)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_name = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) out_dir = NULL;
  g_autoptr(GFile) article_dir = g_file_new_for_path (fixture->dir);
  g_autofree char *out_path = g_build_filename (fixture->dir, "out", NULL);
  GtkWidget *chooser;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, target));
  gls_test_wait_for (chooser_shown, NULL);
  chooser = find_chooser ();

  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  expected_name = gls_format_dup_file_name (format, "riverside-library.txt");
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (g_str_has_suffix (name, format->extension));
  /* the dialog takes the folder once it has read it */
  gls_test_wait_for (has_folder, chooser);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_file_equal (folder, article_dir));

  /* write into a folder of its own, under the name suggested */
  g_mkdir_with_parents (out_path, 0755);
  out_dir = g_file_new_for_path (out_path);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), out_dir, NULL));
  g_object_set_data_full (G_OBJECT (chooser), "test-folder", g_object_ref (out_dir), g_object_unref);
  gls_test_wait_for (in_folder, chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  path = g_build_filename (out_path, name, NULL);
  gls_test_wait_for (exists, path);
  gls_test_wait_for (is_idle, fixture->window);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (sniff (text), ==, format->name);
  g_remove (path);
}

static void
test_each_format (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < gls_format_get_n_formats (); i++)
    {
      const GlsFormat *format = gls_format_get_nth (i);

      g_test_message ("export as %s", format->name);
      export_through_chooser (fixture, format, "win.export-as", g_variant_new_string (format->name));
    }
}

/* Ctrl+E (win.export) exports again in the format chosen last. */
static void
test_last_format (Fixture       *fixture,
                  gconstpointer  data)
{
  const GlsFormat *brat = gls_format_lookup ("brat");
  const GlsFormat *webanno = gls_format_lookup ("webanno");

  export_through_chooser (fixture, brat, "win.export-as", g_variant_new_string ("brat"));
  export_through_chooser (fixture, brat, "win.export", NULL);
  export_through_chooser (fixture, webanno, "win.export-as", g_variant_new_string ("webanno"));
  export_through_chooser (fixture, webanno, "win.export", NULL);
}

/* project.qde of the zip at @path, read by Python's zipfile: an oracle
 * independent of the libarchive code that wrote it */
static char *
read_project_qde (const char *path)
{
  const char *argv[] = { "python3", "-c",
                         "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('project.qde').decode())",
                         path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static gboolean
exported_qdpx (gpointer data)
{
  Fixture *fixture = data;

  return exists (g_object_get_data (G_OBJECT (fixture->window), "test-qdpx")) &&
         gls_window_is_idle (fixture->window);
}

/* Export As → REFI-QDA Project: the chooser suggests a .qdpx in the
 * article's folder, and the zip written holds the text source and one
 * PlainTextSelection per annotation, at the annotation's offsets. */
static void
test_qdpx_export (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) article_dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "riverside-library.txt.qdpx", NULL);
  g_autofree char *qde = NULL;
  GlsDocument *document = gls_window_get_document (fixture->window);
  GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (document));
  guint n = g_list_model_get_n_items (annotations);
  GtkWidget *chooser;

  g_assert_cmpuint (n, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-qdpx", NULL));
  gls_test_wait_for (chooser_shown, NULL);
  chooser = find_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "riverside-library.txt.qdpx");
  gls_test_wait_for (has_folder, chooser);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_file_equal (folder, article_dir));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_object_set_data (G_OBJECT (fixture->window), "test-qdpx", path);
  gls_test_wait_for (exported_qdpx, fixture);

  qde = read_project_qde (path);
  g_assert_nonnull (strstr (qde, "<TextSource"));
  g_assert_nonnull (strstr (qde, "name=\"riverside-library.txt\""));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autofree char *span = g_strdup_printf ("startPosition=\"%u\" endPosition=\"%u\"",
                                               gls_annotation_get_start (annotation),
                                               gls_annotation_get_end (annotation));

      g_assert_nonnull (strstr (qde, span));
    }
}

static gboolean
imported (gpointer data)
{
  return !_gls_window_is_importing_qdpx (data) && find_message () != NULL;
}

/* Import REFI-QDA Project: the articles and their annotation files are
 * written into the folder, and the report names them; a file that is no
 * project gives an error naming it, and writes nothing. */
static void
test_qdpx_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *project = g_build_filename (fixture->dir, "project.qdpx", NULL);
  g_autofree char *into = g_build_filename (fixture->dir, "imported", NULL);
  g_autofree char *article = g_build_filename (into, "riverside-library.txt", NULL);
  g_autofree char *sidecar = g_build_filename (into, "riverside-library.txt.annotations.xml", NULL);
  g_autofree char *bogus = g_build_filename (fixture->dir, "bogus.qdpx", NULL);
  g_autofree char *into_too = g_build_filename (fixture->dir, "imported-too", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (project);
  g_autoptr(GFile) into_dir = g_file_new_for_path (into);
  g_autoptr(GFile) bogus_file = g_file_new_for_path (bogus);
  g_autoptr(GFile) into_too_dir = g_file_new_for_path (into_too);
  g_autofree char *sidecar_text = NULL;
  g_autofree char *secondary = NULL;
  GtkWidget *report;

  _gls_window_export_qdpx (fixture->window, project_file);
  g_object_set_data (G_OBJECT (fixture->window), "test-qdpx", project);
  gls_test_wait_for (exported_qdpx, fixture);

  g_mkdir_with_parents (into, 0755);
  _gls_window_import_qdpx (fixture->window, project_file, into_dir);
  /* the window goes on while the worker thread reads */
  g_assert_true (_gls_window_is_importing_qdpx (fixture->window));
  gls_test_wait_for (imported, fixture->window);

  g_assert_true (g_file_test (article, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (sidecar, &sidecar_text, NULL, NULL));
  g_assert_nonnull (strstr (sidecar_text, "<annotation "));
  report = find_message ();
  g_assert_cmpstr (gtk_widget_get_name (report), ==, "qdpx-import-report");
  g_object_get (report, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "riverside-library.txt"));
  gtk_dialog_response (GTK_DIALOG (report), GTK_RESPONSE_CLOSE);
  g_assert_null (find_message ());

  /* not a zip: an error that names the file */
  g_assert_true (g_file_set_contents (bogus, "not a project", -1, NULL));
  g_mkdir_with_parents (into_too, 0755);
  _gls_window_import_qdpx (fixture->window, bogus_file, into_too_dir);
  gls_test_wait_for (imported, fixture->window);
  {
    g_autofree char *text = NULL;

    report = find_message ();
    g_object_get (report, "text", &text, NULL);
    g_assert_nonnull (strstr (text, "bogus.qdpx"));
    gtk_window_destroy (GTK_WINDOW (report));
  }
  g_assert_true (g_rmdir (into_too) == 0);
}

/* Open… starts in the folder of the article in front. */
static void
test_open_starts_here (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) article_dir = g_file_new_for_path (fixture->dir);
  GtkWidget *chooser;

  g_action_group_activate_action (G_ACTION_GROUP (application), "open", NULL);
  gls_test_wait_for (chooser_shown, NULL);
  chooser = find_chooser ();
  g_object_set_data_full (G_OBJECT (chooser), "test-folder", g_object_ref (article_dir), g_object_unref);
  gls_test_wait_for (in_folder, chooser);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schemas = NULL;
  g_autofree char *recent_home = NULL;
  int status;

  /* the file chooser needs GTK's schemas, which the isolated data folders
   * hide */
  schemas = g_strjoin (G_SEARCHPATH_SEPARATOR_S, g_getenv ("GSETTINGS_SCHEMA_DIR") ? g_getenv ("GSETTINGS_SCHEMA_DIR") : "",
                       "/usr/share/glib-2.0/schemas", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);

  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorExportTest", &recent_home);
  if (application == NULL)
    return 0;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/window-export/menu", Fixture, NULL, gls_test_window_fixture_set_up, test_menu, fixture_tear_down);
  g_test_add ("/window-export/each-format", Fixture, NULL, gls_test_window_fixture_set_up, test_each_format, fixture_tear_down);
  g_test_add ("/window-export/open-starts-here", Fixture, NULL, gls_test_window_fixture_set_up, test_open_starts_here, fixture_tear_down);
  g_test_add ("/window-export/qdpx-export", Fixture, NULL, gls_test_window_fixture_set_up, test_qdpx_export, fixture_tear_down);
  g_test_add ("/window-export/qdpx-import", Fixture, NULL, gls_test_window_fixture_set_up, test_qdpx_import, fixture_tear_down);
  g_test_add ("/window-export/last-format", Fixture, NULL, gls_test_window_fixture_set_up, test_last_format, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
