/* gls-cli-git.c
 * glossator-cli merge-driver, the three-way merge git runs on annotation
 * files, and setup-git, which tells a repository to use it. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"
#include "gls-sidecar-merge.h"

#define ATTRIBUTES_LINE "*.annotations.xml merge=glossator"

GlsCliExit
gls_cli_merge_driver (const GlsCliCommand  *command,
                      int                   argc,
                      char                **argv)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = NULL;
  g_autoptr(GFile) ours = NULL;
  g_autoptr(GFile) theirs = NULL;
  GlsCliExit exit_code;

  if (!gls_cli_parse_options (command, NULL, &argc, &argv, &exit_code))
    return exit_code;

  if (argc != 4)
    return gls_cli_usage_error (command, _("give the three versions: BASE OURS THEIRS"));

  base = g_file_new_for_commandline_arg (argv[1]);
  ours = g_file_new_for_commandline_arg (argv[2]);
  theirs = g_file_new_for_commandline_arg (argv[3]);

  if (!gls_sidecar_merge_files (base, ours, theirs, conflicts, &error))
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < conflicts->len; i++)
    /* Translators: the program, then a conflict as "annotation “a-1”: both sides changed…" */
    g_printerr (_("%s: conflict: %s\n"), g_get_prgname (), (const char *) g_ptr_array_index (conflicts, i));

  return conflicts->len > 0 ? GLS_CLI_EXIT_FAILED : GLS_CLI_EXIT_OK;
}

/* Runs git in @folder; its error output becomes the message. */
static gboolean
run_git (const char  *folder,
         const char **args,
         char       **output,
         GError     **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, (char *) folder);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     output, &err, &status, error))
    return FALSE;

  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, "%s", err && *err ? g_strchomp (err) : "git failed");
      return FALSE;
    }

  return TRUE;
}

/* How git will call the driver: by name when this program is on PATH,
 * else by where it is. */
static char *
driver_command (void)
{
  g_autofree char *on_path = g_find_program_in_path ("glossator-cli");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *quoted = NULL;

  if (on_path != NULL || self == NULL)
    return g_strdup ("glossator-cli merge-driver %O %A %B");

  quoted = g_shell_quote (self);
  return g_strdup_printf ("%s merge-driver %%O %%A %%B", quoted);
}

/* Adds the line to FOLDER/.gitattributes, unless it is there. */
static gboolean
add_attributes_line (const char  *folder,
                     gboolean    *added,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (folder, ".gitattributes", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      contents = g_strdup ("");
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strcmp (g_strstrip (lines[i]), ATTRIBUTES_LINE) == 0)
      {
        *added = FALSE;
        return TRUE;
      }

  text = g_string_new (contents);
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');
  g_string_append (text, ATTRIBUTES_LINE "\n");
  *added = TRUE;

  return g_file_set_contents (path, text->str, text->len, error);
}

GlsCliExit
gls_cli_setup_git (const GlsCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  const char *name_args[] = { "config", "merge.glossator.name", "Glossator annotation files", NULL };
  const char *driver_args[] = { "config", "merge.glossator.driver", NULL, NULL };
  const char *top_args[] = { "rev-parse", "--show-toplevel", NULL };
  g_autofree char *driver = driver_command ();
  g_autofree char *top = NULL;
  g_autoptr(GError) error = NULL;
  const char *folder;
  gboolean added = FALSE;
  GlsCliExit exit_code;

  if (!gls_cli_parse_options (command, NULL, &argc, &argv, &exit_code))
    return exit_code;

  folder = argc > 1 ? argv[1] : ".";
  driver_args[2] = driver;

  if (!run_git (folder, top_args, &top, &error))
    {
      /* Translators: a folder, then git's message */
      g_printerr (_("%s: not in a git repository: %s\n"), folder, error->message);
      return GLS_CLI_EXIT_FAILED;
    }

  if (!run_git (folder, name_args, NULL, &error) ||
      !run_git (folder, driver_args, NULL, &error) ||
      !add_attributes_line (folder, &added, &error))
    {
      g_printerr ("%s: %s\n", folder, error->message);
      return GLS_CLI_EXIT_FAILED;
    }

  g_print (_("The repository %s merges annotation files with “%s”.\n"), g_strchomp (top), driver);
  if (added)
    g_print (_("Added “%s” to %s/.gitattributes: commit it, so that the team shares it.\n"),
             ATTRIBUTES_LINE, folder);
  g_print (_("Each member of the team runs this command once in their own copy: git does not share "
             "its configuration.\n"));

  return GLS_CLI_EXIT_OK;
}
