/* gls-cli-project.c
 * glossator-cli project: articles exchanged with QDA tools as a REFI-QDA
 * project (.qdpx), written from articles and folders, or read into a
 * folder of articles with their annotation files. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"
#include "gls-qdpx.h"

/* The name of each article in the project: its path inside the folder
 * named on the command line, else its file name. */
static char *
project_name_of (const GlsCliSource *source)
{
  if (source->relative != NULL)
    return g_strdup (source->relative);

  return g_path_get_basename (source->path);
}

static GlsCliExit
export_project (const GlsCliCommand *command,
                GPtrArray           *sources,
                const char          *output)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *project_name = NULL;

  for (guint i = 0; i < sources->len; i++)
    g_ptr_array_add (names, project_name_of (g_ptr_array_index (sources, i)));
  g_ptr_array_add (names, NULL);

  /* everything is read before anything is written */
  if ((documents = gls_cli_load_documents (sources)) == NULL)
    {
      g_printerr (_("project: nothing was written\n"));
      return GLS_CLI_EXIT_FAILED;
    }

  project_name = g_str_has_suffix (base, ".qdpx") ? g_strndup (base, strlen (base) - 5) : g_strdup (base);
  if (!gls_qdpx_export ((GlsDocument **) documents->pdata, (const char *const *) names->pdata, documents->len,
                        project_name, file, &error))
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  return GLS_CLI_EXIT_OK;
}

static GlsCliExit
import_project (const GlsCliCommand *command,
                const char          *input,
                const char          *folder_path,
                const char          *annotator)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (folder_path);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_printerr (_("project: the folder “%s” does not exist; nothing was imported\n"), folder_path);
      return GLS_CLI_EXIT_FAILED;
    }
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      g_printerr (_("project: “%s” is not a file; nothing was imported\n"), input);
      return GLS_CLI_EXIT_FAILED;
    }

  ok = gls_qdpx_import (file, folder, annotator, written, skipped, &error);
  for (guint i = 0; i < skipped->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (skipped, i));
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *name = g_file_get_parse_name (g_ptr_array_index (written, i));

      g_print ("%s\n", name);
    }
  if (!ok)
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  return GLS_CLI_EXIT_OK;
}

GlsCliExit
gls_cli_project (const GlsCliCommand  *command,
                 int                   argc,
                 char                **argv)
{
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *annotator = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "export-qdpx", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the articles and their annotations as a REFI-QDA project OUT"), N_("OUT") },
    { "import-qdpx", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      N_("Read the REFI-QDA project IN into the folder: an article and its annotation file per text source"),
      N_("IN") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("With --import-qdpx: who annotated what the project does not say (default: your name)"), N_("NAME") },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  if ((export_path == NULL) == (import_path == NULL))
    return gls_cli_usage_error (command, _("give either --export-qdpx or --import-qdpx"));

  if (import_path != NULL)
    {
      if (argc != 2)
        return gls_cli_usage_error (command, _("--import-qdpx takes one FOLDER to write into"));
      return import_project (command, import_path, argv[1], annotator);
    }

  if (*export_path == '\0' || g_file_test (export_path, G_FILE_TEST_IS_DIR))
    return gls_cli_usage_error (command, _("--export-qdpx needs the name of a file"));
  if ((sources = gls_cli_expand_sources (argc - 1, argv + 1, GLS_CORPUS_NONE, &exit_code)) == NULL)
    return exit_code;
  if (exit_code != GLS_CLI_EXIT_OK)
    {
      g_printerr (_("project: nothing was written\n"));
      return exit_code;
    }

  return export_project (command, sources, export_path);
}
