/* gls-cli-codebook.c
 * glossator-cli codebook: a codebook exchanged with QDA tools as a REFI-QDA
 * codebook (.qdc), from and into an article's annotation file or a
 * codebook file such as a folder's codebook.xml. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"

#define SNIFF_SIZE (64 * 1024)

/* FILE is a codebook file when it is one, or when it does not exist yet
 * and its name ends in .xml (a codebook to create). */
static gboolean
is_codebook_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GBytes) head = NULL;

  if (!g_file_query_exists (file, NULL))
    return g_str_has_suffix (lower, ".xml") && !g_str_has_suffix (lower, ".annotations.xml");

  head = gls_read_file_head (file, SNIFF_SIZE);

  return head != NULL && g_bytes_get_size (head) > 0 && gls_codebook_sniff (head);
}

/* A new codebook file takes its id from its name: "codebook.xml" → codebook. */
static GlsCodebook *
read_codebook_file (GFile *file)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  GlsCodebook *codebook;

  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *id = NULL;
      g_autoptr(GlsCodebook) empty = gls_codebook_new ("codebook", "1");

      *strrchr (name, '.') = '\0';
      id = gls_codebook_derive_id (empty, name);

      return gls_codebook_new (id, "1");
    }

  codebook = gls_codebook_new_from_file (file, NULL, problems, &error);
  gls_cli_print_problems (problems);
  if (codebook == NULL && gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
    gls_cli_print_error (error);

  return codebook;
}

static GlsCliExit
export_qdc (GlsCodebook *codebook,
            const char  *output)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gsize len;
  const char *data;

  /* the standard wants one Code at least */
  if (gls_codebook_get_n_categories (codebook) == 0)
    {
      g_printerr (_("codebook: the codebook “%s” has no categories, and a REFI-QDA codebook needs one at least; nothing was written\n"),
                  gls_codebook_get_id (codebook));
      return GLS_CLI_EXIT_FAILED;
    }

  bytes = gls_codebook_to_qdc (codebook);
  data = g_bytes_get_data (bytes, &len);
  if (strcmp (output, "-") == 0)
    {
      fwrite (data, 1, len, stdout);
      return GLS_CLI_EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  return GLS_CLI_EXIT_OK;
}

static GlsCodebook *
import_qdc (GlsCodebook *into,
            const char  *input)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlsCodebook *codebook;
  guint n_added = 0;

  if ((bytes = gls_read_file (file, GLS_FILE_CODEBOOK, NULL, NULL, &error)) == NULL ||
      (codebook = gls_codebook_import_qdc (into, bytes, input, &n_added, &error)) == NULL)
    {
      gls_cli_print_error (error);
      g_printerr (_("codebook: “%s” was refused as a whole; nothing was written\n"), input);
      return NULL;
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u category in all, %u new\n", "%u categories in all, %u new\n",
                           gls_codebook_get_n_categories (codebook)),
              gls_codebook_get_n_categories (codebook), n_added);

  return codebook;
}

GlsCliExit
gls_cli_codebook (const GlsCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlsCodebook) imported = NULL;
  g_autoptr(GError) error = NULL;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "export-qdc", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the codebook as a REFI-QDA codebook to OUT (“-”: standard output)"), N_("OUT") },
    { "import-qdc", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      N_("Take the codes of the REFI-QDA codebook IN into the codebook, and save it"), N_("IN") },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  if ((export_path == NULL) == (import_path == NULL))
    return gls_cli_usage_error (command, _("give either --export-qdc or --import-qdc"));

  file = g_file_new_for_commandline_arg (argv[1]);
  if (is_codebook_file (file))
    {
      g_autoptr(GlsCodebook) codebook = read_codebook_file (file);

      if (codebook == NULL)
        return GLS_CLI_EXIT_FAILED;
      if (export_path != NULL)
        return export_qdc (codebook, export_path);
      if ((imported = import_qdc (codebook, import_path)) == NULL)
        return GLS_CLI_EXIT_FAILED;
      if (!gls_codebook_save (imported, file, &error))
        {
          gls_cli_print_error (error);
          return GLS_CLI_EXIT_FAILED;
        }
    }
  else
    {
      g_autoptr(GlsDocument) document = gls_cli_load_document (argv[1], GLS_LOAD_NONE);

      if (document == NULL)
        return GLS_CLI_EXIT_FAILED;
      if (export_path != NULL)
        return export_qdc (gls_document_get_codebook (document), export_path);
      if ((imported = import_qdc (gls_document_get_codebook (document), import_path)) == NULL)
        return GLS_CLI_EXIT_FAILED;
      if (!gls_codebook_equal (imported, gls_document_get_codebook (document)))
        {
          gls_document_set_codebook (document, imported);
          if (!gls_cli_save_document (document, &error))
            {
              gls_cli_print_error (error);
              return GLS_CLI_EXIT_FAILED;
            }
        }
    }

  return GLS_CLI_EXIT_OK;
}
