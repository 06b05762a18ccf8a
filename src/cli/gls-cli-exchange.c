/* gls-cli-exchange.c
 * glossator-cli export and import: annotations to and from the other
 * formats, written by the core's safe writer, or refused whole. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

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

/* Where export writes */
typedef enum
{
  OUTPUT_STANDARD,  /* standard output */
  OUTPUT_FILE,      /* the file -o names */
  OUTPUT_FOLDER,    /* one file per article in the folder -o names */
} Output;

/* Whether @path is a folder that exists; when not, says why. */
static gboolean
check_folder (const char *path)
{
  g_autofree char *bare = g_strdup (path);
  gsize len = strlen (bare);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  /* "notes.txt/" is not a folder, but it exists */
  while (len > 1 && G_IS_DIR_SEPARATOR (bare[len - 1]))
    bare[--len] = '\0';

  if (g_file_test (bare, G_FILE_TEST_EXISTS))
    g_printerr (_("export: “%s” is not a folder; nothing was written\n"), bare);
  else
    g_printerr (_("export: the folder “%s” does not exist; nothing was written\n"), bare);

  return FALSE;
}

static gboolean
write_standard_output (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if ((len > 0 && fwrite (data, 1, len, stdout) != len) || fflush (stdout) != 0)
    {
      g_printerr (_("export: cannot write to standard output\n"));
      return FALSE;
    }

  return TRUE;
}

/* One article's file, by the core's safe writer: replaced whole or not
 * at all. */
static gboolean
export_to_file (GlsDocument     *document,
                const GlsFormat *format,
                const char      *path)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new_for_document (document);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!gls_document_file_export (document_file, format, file, NULL, &error))
    {
      gls_cli_print_error (error);
      return FALSE;
    }

  return TRUE;
}

/* Writes @bytes to @path through a temporary file renamed over it. */
static gboolean
write_whole_file (GBytes     *bytes,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  data = g_bytes_get_data (bytes, &len);
  if (!g_file_set_contents (path, data != NULL ? data : "", len, &error))
    {
      g_printerr (_("export: cannot write “%s”: %s\n"), path, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Several articles in one file (CSV): a temporary file renamed over it. */
static gboolean
export_many (GPtrArray       *documents,
             const GlsFormat *format,
             const char      *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = format->export_documents ((GlsDocument **) documents->pdata, documents->len, &error);
  if (bytes == NULL)
    {
      gls_cli_print_error (error);
      return FALSE;
    }

  if (path == NULL)
    return write_standard_output (bytes);

  return write_whole_file (bytes, path);
}

/* --relations: the relations of every article into one CSV file. */
static gboolean
export_relations (GPtrArray  *documents,
                  const char *path)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = gls_format_csv_export_relations ((GlsDocument **) documents->pdata, documents->len);

  return write_whole_file (bytes, path);
}

/* Whether @a and @b name one file: the same path however written, or the
 * same file through a link. */
static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) file_a = g_file_new_for_commandline_arg (a);
  g_autoptr(GFile) file_b = g_file_new_for_commandline_arg (b);
  GStatBuf stat_a, stat_b;

  if (g_file_equal (file_a, file_b))
    return TRUE;

  return g_stat (a, &stat_a) == 0 && g_stat (b, &stat_b) == 0 &&
         stat_a.st_dev == stat_b.st_dev && stat_a.st_ino == stat_b.st_ino;
}

/* Whether the relations file is an article read, its annotation file, or
 * a file the export writes. */
static gboolean
relations_overwrite (const char *relations,
                     GPtrArray  *sources,
                     GPtrArray  *targets)
{
  for (guint i = 0; i < sources->len; i++)
    {
      const GlsCliSource *source = g_ptr_array_index (sources, i);
      g_autofree char *sidecar = g_strconcat (source->path, ".annotations.xml", NULL);

      if (same_file (relations, source->path) || same_file (relations, sidecar))
        return TRUE;
    }
  for (guint i = 0; i < targets->len; i++)
    if (same_file (relations, g_ptr_array_index (targets, i)))
      return TRUE;

  return FALSE;
}

/* --relations goes with CSV only, into a folder that exists, and never
 * over the file of the annotations. */
static gboolean
check_relations_file (const GlsCliCommand *command,
                      const GlsFormat     *format,
                      const char          *relations,
                      const char          *output,
                      GlsCliExit          *exit_code)
{
  g_autofree char *folder = NULL;

  if (strcmp (format->name, "csv") != 0)
    {
      *exit_code = gls_cli_usage_error (command, _("--relations goes with --format csv"));
      return FALSE;
    }
  if (*relations == '\0' || strcmp (relations, "-") == 0 || g_file_test (relations, G_FILE_TEST_IS_DIR))
    {
      *exit_code = gls_cli_usage_error (command, _("--relations needs the name of a file"));
      return FALSE;
    }
  if (output != NULL && strcmp (output, relations) == 0)
    {
      *exit_code = gls_cli_usage_error (command, _("--relations and -o name the same file “%s”"), relations);
      return FALSE;
    }

  folder = g_path_get_dirname (relations);
  if (!check_folder (folder))
    {
      *exit_code = GLS_CLI_EXIT_FAILED;
      return FALSE;
    }

  return TRUE;
}

/* Where -o sends the files, or a usage error, or a folder that is not
 * there: all known before anything is read or written. */
static gboolean
find_output (const GlsCliCommand *command,
             const GlsFormat     *format,
             const char          *output,
             guint                n_sources,
             Output              *kind,
             GlsCliExit          *exit_code)
{
  gboolean one_file = format->export_documents != NULL || n_sources == 1;

  if (output == NULL || strcmp (output, "-") == 0)
    {
      *kind = OUTPUT_STANDARD;
      if (one_file)
        return TRUE;
      *exit_code = gls_cli_usage_error (command, _("with several articles, -o must name a folder for the %s files"),
                                        format->name);
      return FALSE;
    }

  if (*output == '\0')
    {
      *exit_code = gls_cli_usage_error (command, _("-o needs the name of a file or a folder"));
      return FALSE;
    }

  if (!one_file || g_str_has_suffix (output, G_DIR_SEPARATOR_S) || g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      *kind = OUTPUT_FOLDER;
      if (format->export_documents != NULL && n_sources > 1)
        {
          *exit_code = gls_cli_usage_error (command, _("the format “%s” writes every article into one file: "
                                                       "-o must name that file, not the folder “%s”"),
                                            format->name, output);
          return FALSE;
        }
      if (!check_folder (output))
        {
          *exit_code = GLS_CLI_EXIT_FAILED;
          return FALSE;
        }
      return TRUE;
    }

  {
    g_autofree char *folder = g_path_get_dirname (output);

    *kind = OUTPUT_FILE;
    if (!check_folder (folder))
      {
        *exit_code = GLS_CLI_EXIT_FAILED;
        return FALSE;
      }
    return TRUE;
  }
}

/* The file of @source in the folder @output: named after the article, in
 * the subfolder the article has inside a folder named on the command line. */
static char *
target_in_folder (const GlsFormat    *format,
                  const GlsCliSource *source,
                  const char         *output)
{
  g_autofree char *base = g_path_get_basename (source->path);
  g_autofree char *name = gls_format_dup_file_name (format, base);
  g_autofree char *subfolder = source->relative ? g_path_get_dirname (source->relative) : g_strdup (".");

  if (strcmp (subfolder, ".") == 0)
    return g_build_filename (output, name, NULL);

  return g_build_filename (output, subfolder, name, NULL);
}

GlsCliExit
gls_cli_export (const GlsCliCommand  *command,
                int                   argc,
                char                **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *relations = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  const GlsFormat *format;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  Output kind;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: inline, tei, csv, brat, semeval or webanno"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write: a file for one article (default: standard output), a folder that exists for several (CSV: one file)"),
      N_("OUT") },
    { "relations", 0, 0, G_OPTION_ARG_FILENAME, &relations,
      N_("With CSV: also write the relations, links to other articles too, into this file"),
      N_("FILE") },
    { NULL }
  };

  if ((sources = gls_cli_parse_sources (command, entries, argc, argv, GLS_CORPUS_NONE, NULL, &exit_code)) == NULL)
    return exit_code;

  if ((format = find_format (command, format_name, FALSE, &exit_code)) == NULL)
    return exit_code;

  if (relations != NULL && !check_relations_file (command, format, relations, output, &exit_code))
    return exit_code;

  if (exit_code != GLS_CLI_EXIT_OK)
    {
      g_printerr (_("export: nothing was written\n"));
      return exit_code;
    }

  if (!find_output (command, format, output, sources->len, &kind, &exit_code))
    return exit_code;

  if (kind == OUTPUT_FOLDER)
    for (guint i = 0; i < sources->len; i++)
      {
        char *target = target_in_folder (format, g_ptr_array_index (sources, i), output);

        g_ptr_array_add (targets, target);
        if (!g_hash_table_add (names, target))
          return gls_cli_usage_error (command, _("two articles would both be written to “%s”; "
                                                 "export them one at a time"),
                                      target);
      }
  if (kind == OUTPUT_FILE)
    g_ptr_array_add (targets, g_strdup (output));

  if (relations != NULL && relations_overwrite (relations, sources, targets))
    return gls_cli_usage_error (command, _("--relations would write over “%s”, which the command reads or "
                                           "writes; name another file"),
                                relations);

  /* Everything is read before anything is written. */
  if ((documents = gls_cli_load_documents (sources)) == NULL)
    {
      g_printerr (_("export: nothing was written\n"));
      return GLS_CLI_EXIT_FAILED;
    }

  /* the relations first: a failure there leaves the main file untouched */
  if (relations != NULL && !export_relations (documents, relations))
    return GLS_CLI_EXIT_FAILED;

  if (format->export_documents != NULL && documents->len > 1)
    return export_many (documents, format, kind == OUTPUT_FILE ? output : NULL) ? GLS_CLI_EXIT_OK
                                                                                : GLS_CLI_EXIT_FAILED;

  for (guint i = 0; i < documents->len; i++)
    {
      GlsDocument *document = g_ptr_array_index (documents, i);
      gboolean written;

      if (kind == OUTPUT_STANDARD)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;

          if ((bytes = gls_format_export (format, document, &error)) == NULL)
            gls_cli_print_error (error);
          written = bytes != NULL && write_standard_output (bytes);
        }
      else if (kind == OUTPUT_FOLDER)
        {
          const char *target = g_ptr_array_index (targets, i);
          g_autofree char *folder = g_path_get_dirname (target);

          /* the subfolders of a corpus, made under OUT as needed */
          written = g_mkdir_with_parents (folder, 0777) == 0 && export_to_file (document, format, target);
          if (!written && !g_file_test (folder, G_FILE_TEST_IS_DIR))
            g_printerr (_("export: cannot make the folder “%s”\n"), folder);
        }
      else
        written = export_to_file (document, format, output);

      if (!written)
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
  bytes = gls_read_file (annotation_file, GLS_FILE_IMPORT, NULL, NULL, &error);
  if (bytes == NULL)
    {
      gls_cli_print_error (error);
      g_printerr (_("import: nothing was written\n"));
      return GLS_CLI_EXIT_FAILED;
    }

  if ((document = gls_cli_load_document (argv[1], GLS_LOAD_NONE)) == NULL)
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
