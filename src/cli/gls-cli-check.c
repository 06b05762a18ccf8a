/* gls-cli-check.c
 * glossator-cli validate: checks annotation files, codebooks, and the
 * annotation files of articles. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"

#define SIDECAR_SUFFIX ".annotations.xml"

static GFile *
source_for_sidecar (const char *path)
{
  g_autofree char *source = g_strndup (path, strlen (path) - strlen (SIDECAR_SUFFIX));

  return g_file_new_for_commandline_arg (source);
}

/* An article and its sidecar, checked together as the window loads them. */
static GlsCliExit
validate_document (GFile      *source_file,
                   const char *what)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GFile) sidecar = gls_sidecar_file_for_source (source_file);
  g_autofree char *name = g_file_get_parse_name (sidecar);

  document = gls_cli_read_document (source_file, problems, &error);
  gls_cli_print_problems (problems);

  if (document == NULL)
    {
      if (gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
        gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  if (!g_file_query_exists (sidecar, NULL))
    {
      g_print (_("%s: no annotations yet (there is no %s)\n"), what, name);
      return GLS_CLI_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u annotation\n", "%s: valid, %u annotations\n",
                        gls_document_get_n_annotations (document)),
           name, gls_document_get_n_annotations (document));

  return GLS_CLI_EXIT_OK;
}

static GlsCliExit
validate_sidecar (const char *path)
{
  g_autoptr(GFile) source_file = source_for_sidecar (path);

  if (!g_file_query_exists (source_file, NULL))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autofree char *source_name = g_file_get_parse_name (source_file);

      if (!g_file_query_exists (file, NULL))
        {
          g_printerr (_("%s: no such file\n"), path);
          return GLS_CLI_EXIT_FAILED;
        }

      g_printerr (_("%s: the article it annotates, “%s”, is missing, so the offsets and quotes cannot be checked\n"),
                  path, source_name);
      return GLS_CLI_EXIT_FAILED;
    }

  return validate_document (source_file, path);
}

static GlsCliExit
validate_codebook (const char *path,
                   GBytes     *bytes)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;

  codebook = gls_codebook_new_from_bytes (bytes, path, problems, &error);
  gls_cli_print_problems (problems);
  if (codebook == NULL)
    {
      if (gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
        gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid codebook, %u category\n",
                        "%s: valid codebook, %u categories\n",
                        gls_codebook_get_n_categories (codebook)),
           path, gls_codebook_get_n_categories (codebook));

  return GLS_CLI_EXIT_OK;
}

static GlsCliExit
validate_file (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (path, SIDECAR_SUFFIX))
    return validate_sidecar (path);

  file = g_file_new_for_commandline_arg (path);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_printerr (_("Cannot read “%s”: %s\n"), path, error->message);
      return GLS_CLI_EXIT_FAILED;
    }

  if (gls_codebook_sniff (bytes))
    return validate_codebook (path, bytes);

  return validate_document (file, path);
}

GlsCliExit
gls_cli_validate (const GlsCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;

  if (!gls_cli_parse_options (command, NULL, &argc, &argv, &exit_code))
    return exit_code;

  for (int i = 1; i < argc; i++)
    {
      GlsCliExit file_code = validate_file (argv[i]);

      exit_code = MAX (exit_code, file_code);
    }

  return exit_code;
}
