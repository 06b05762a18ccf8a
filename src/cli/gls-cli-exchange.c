/* gls-cli-exchange.c
 * glossator-cli export and import: annotations to and from the other
 * formats. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"

/* The format named by --format, or NULL after a usage error. */
static const GlsFormat *
find_format (const GlsCliCommand *command,
             const char          *name,
             gboolean             importable,
             GlsCliExit          *exit_code)
{
  g_autofree char *names = gls_format_list_names (importable);
  const GlsFormat *format = name != NULL ? gls_format_lookup (name) : NULL;

  if (name == NULL)
    *exit_code = gls_cli_usage_error (command, _("--format is required: one of %s"), names);
  else if (format == NULL)
    *exit_code = gls_cli_usage_error (command, _("unknown format “%s”: use one of %s"), name, names);
  else if (importable && format->import_document == NULL)
    *exit_code = gls_cli_usage_error (command, _("Glossator cannot import the format “%s”: use one of %s"),
                                      name, names);
  else
    return format;

  return NULL;
}

static gboolean
write_output (const char  *path,
              GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_printerr (_("export: cannot write to standard output\n"));
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_set_contents (path, data, len, &error))
    {
      g_printerr (_("export: cannot write “%s”: %s\n"), path, error->message);
      return FALSE;
    }

  return TRUE;
}

GlsCliExit
gls_cli_export (const GlsCliCommand  *command,
                int                   argc,
                char                **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outputs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const GlsFormat *format;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  gboolean one_file;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: inline, tei, csv, brat, semeval or webanno"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write: a file for one article (default: standard output), a folder for several (CSV: one file)"),
      N_("OUT") },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  if ((format = find_format (command, format_name, FALSE, &exit_code)) == NULL)
    return exit_code;

  one_file = argc == 2 || format->export_documents != NULL;
  if (!one_file && output == NULL)
    return gls_cli_usage_error (command, _("with several articles, -o must name a folder for the %s files"),
                                format->name);

  /* Everything is read before anything is written. */
  for (int i = 1; i < argc; i++)
    {
      GlsDocument *document = gls_cli_load_document (argv[i]);

      if (document == NULL)
        {
          g_printerr (_("export: nothing was written\n"));
          return GLS_CLI_EXIT_FAILED;
        }
      g_ptr_array_add (documents, document);

      if (!one_file)
        {
          g_autofree char *base = g_path_get_basename (argv[i]);
          g_autofree char *name = gls_format_dup_file_name (format, base);

          if (!g_hash_table_add (names, g_strdup (name)))
            return gls_cli_usage_error (command, _("two articles would both be written to “%s”; "
                                                   "export them one at a time"),
                                        name);
          g_ptr_array_add (outputs, g_build_filename (output, name, NULL));
        }
    }

  if (one_file)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      if (format->export_documents != NULL)
        bytes = format->export_documents ((GlsDocument **) documents->pdata, documents->len, &error);
      else
        bytes = gls_format_export (format, g_ptr_array_index (documents, 0), &error);

      if (bytes == NULL)
        {
          gls_cli_print_error (error);
          return GLS_CLI_EXIT_FAILED;
        }

      return write_output (output, bytes) ? GLS_CLI_EXIT_OK : GLS_CLI_EXIT_FAILED;
    }

  if (g_mkdir_with_parents (output, 0755) != 0)
    {
      g_printerr (_("export: cannot create the folder “%s”: %s\n"), output, g_strerror (errno));
      return GLS_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      bytes = gls_format_export (format, g_ptr_array_index (documents, i), &error);
      if (bytes == NULL)
        {
          gls_cli_print_error (error);
          exit_code = GLS_CLI_EXIT_FAILED;
          continue;
        }
      if (!write_output (g_ptr_array_index (outputs, i), bytes))
        exit_code = GLS_CLI_EXIT_FAILED;
    }

  return exit_code;
}

GlsCliExit
gls_cli_import (const GlsCliCommand  *command,
                int                   argc,
                char                **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *annotation_path = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsImportReport) report = NULL;
  g_autoptr(GFile) annotation_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const GlsFormat *format;
  GPtrArray *problems;
  gboolean replace = FALSE;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: inline, brat or semeval"), N_("FORMAT") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the article’s annotations instead of adding to them"), NULL },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Who the imported annotations are by, for formats that do not say (default: nobody)"), N_("NAME") },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  if ((format = find_format (command, format_name, TRUE, &exit_code)) == NULL)
    return exit_code;

  if (argc == 3)
    annotation_path = g_strdup (argv[2]);
  else
    {
      /* article.txt takes article.ann, as brat names it */
      g_autofree char *dir = g_path_get_dirname (argv[1]);
      g_autofree char *base = g_path_get_basename (argv[1]);
      g_autofree char *name = gls_format_dup_file_name (format, base);

      annotation_path = strcmp (dir, ".") == 0 ? g_steal_pointer (&name)
                                               : g_build_filename (dir, name, NULL);
    }

  annotation_file = g_file_new_for_commandline_arg (annotation_path);
  bytes = g_file_load_bytes (annotation_file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_printerr (_("import: cannot read “%s”: %s\n"), annotation_path, error->message);
      g_printerr (_("import: nothing was written\n"));
      return GLS_CLI_EXIT_FAILED;
    }

  if ((document = gls_cli_load_document (argv[1])) == NULL)
    {
      g_printerr (_("import: nothing was written\n"));
      return GLS_CLI_EXIT_FAILED;
    }
  if (annotator != NULL)
    gls_document_set_annotator (document, annotator);

  report = gls_import_report_new ();
  problems = gls_import_report_get_problems (report);
  if (!gls_format_import (format, document, bytes, annotation_path,
                          replace ? GLS_IMPORT_REPLACE : GLS_IMPORT_MERGE, report, &error))
    {
      if (gls_problems_count (problems, GLS_PROBLEM_ERROR) > 0)
        gls_cli_print_problems (problems);
      else
        gls_cli_print_error (error);
      g_printerr (_("import: “%s” was refused as a whole; nothing was written\n"), annotation_path);
      return GLS_CLI_EXIT_FAILED;
    }

  gls_cli_print_problems (problems);

  if (gls_document_get_modified (document) && !gls_cli_save_document (document, &error))
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  summary = gls_import_report_to_string (report);
  g_print ("%s", summary);

  return GLS_CLI_EXIT_OK;
}
