/* gls-cli.c
 * glossator-cli: checks, lists, adds, counts, exports and imports
 * annotations without a display, for scripts and corpus pipelines. Links
 * only the core. Here: the commands, their help, the one way a command
 * line is read and refused, and what the commands share. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"

/* Translators: in the usage lines below, words in capitals (SOURCE, ID, N,
 * TEXT, NAME, FILE, FORMAT, OUT, ANNOTATION_FILE) stand for what the user
 * types and may be translated; the options (--category, -o…) may not. */
static const GlsCliCommand commands[] = {
  { "validate", gls_cli_validate, N_("FILE…"), N_("FILE"),
    N_("Check annotation files, codebooks, or the annotations of articles"),
    N_("What each FILE is taken for:\n"
       "  ARTICLE.annotations.xml  an annotation file, checked against ARTICLE; when\n"
       "                           ARTICLE is missing, the file is checked on its own\n"
       "                           and the missing article is reported as an error\n"
       "  a codebook               any other file whose root element is <codebook>\n"
       "  an article               any other file: its ARTICLE.annotations.xml is\n"
       "                           checked, and an article without one has no\n"
       "                           annotations yet; but a file ending in .xml that\n"
       "                           has none is not a Glossator annotation file or\n"
       "                           codebook, and is reported as an error\n"
       "  a folder                 its articles, in its subfolders too, each with its\n"
       "                           annotation file, and every annotation file whose\n"
       "                           article is missing; read on every processor"),
    1, -1 },
  { "list", gls_cli_list, N_("[--json] SOURCE"), N_("SOURCE"),
    N_("List the annotations of an article, one line per span, separated by tabs"),
    N_("With --json, one JSON object: {\"source\": …, \"state\": …, \"annotations\": […],\n"
       "\"relations\": […]}, the state of work being not-started, in-progress or done;\n"
       "each annotation with id, category, anchor (exact, moved, fuzzy or orphaned),\n"
       "annotator, note and targets (start, end, exact); each relation with id,\n"
       "type, from and to."),
    1, 1 },
  { "annotate", gls_cli_annotate,
    N_("SOURCE --category ID --start N --end N [--note TEXT] [--annotator NAME]"), N_("SOURCE"),
    N_("Add one annotation to an article’s annotation file"),
    N_("Offsets count the characters (Unicode code points) of the article’s text from 0;\n"
       "the span is [start, end)."),
    1, 1 },
  { "link", gls_cli_link, N_("--type TYPE SOURCE_A ID_A SOURCE_B ID_B"), N_("SOURCE_A ID_A SOURCE_B ID_B"),
    N_("Relate an annotation of one article to one of another article, or of the same"),
    N_("The relation is added to SOURCE_A’s annotation file; when SOURCE_B is another\n"
       "article, it names SOURCE_B’s annotation file relative to it\n"
       "(to=\"B.txt.annotations.xml#ID_B\"). An id that is not there is refused, and\n"
       "nothing is written. Prints the new relation’s id."),
    4, 4 },
  { "compare", gls_cli_compare, N_("[--json] SOURCE_A SOURCE_B"), N_("SOURCE_A SOURCE_B"),
    N_("Count, per category, the annotations of two articles and how they are linked"),
    N_("For each article and category, separated by tabs: the category, its\n"
       "annotations, those linked to the other article (by a relation in either\n"
       "annotation file), those only in this article, and the links by type\n"
       "(TYPE=N …). With --json, one object: {\"articles\": [{\"source\", \"categories\":\n"
       "{ID: {\"annotations\", \"linked\", \"only_here\", \"by_type\"}}}]}."),
    2, 2 },
  { "reanchor", gls_cli_reanchor, N_("[--dry-run] SOURCE…"), N_("SOURCE"),
    N_("Move the annotations to where their text went after the article changed, and save"),
    N_("Prints a line per target, separated by tabs: ID (SOURCE#ID for several\n"
       "sources), STATUS (exact, moved, fuzzy or orphaned), OLD_START, OLD_END,\n"
       "NEW_START, NEW_END (empty for an orphan); then a summary on standard error.\n"
       "Fuzzy annotations sit on similar text and wait for review in the window;\n"
       "orphaned ones keep their quote and note. When the article did not change,\n"
       "nothing is re-anchored or written. A SOURCE may be a folder: its articles\n"
       "are re-anchored, in its subfolders too, on every processor."),
    1, -1 },
  { "stats", gls_cli_stats, N_("[--json | --csv] SOURCE…"), N_("SOURCE"),
    N_("Count annotations, annotated characters and notes per category"),
    N_("A table per article; when a FOLDER is named, one more for all the articles.\n"
       "With --json, one JSON object: {\"articles\": […], \"failed\": […], \"total\": {…}},\n"
       "each article with source, state, annotations, characters, notes, fuzzy,\n"
       "orphaned and categories (id, in_codebook, annotations, characters, notes);\n"
       "the total with the number of articles in each state of work.\n"
       "With --csv, CSV (RFC 4180) with the header line\n"
       "source,state,category,label,annotations,characters,notes and a row per\n"
       "article and category. The state of work is not-started, in-progress or done.\n"
       "\n"
       "A SOURCE may be a folder: its articles are read, in its subfolders too, on\n"
       "every processor."),
    1, -1 },
  { "export", gls_cli_export, N_("--format FORMAT [-o OUT] SOURCE…"), N_("SOURCE"),
    N_("Write the annotations of articles in another format (inline, tei, csv, brat, semeval, webanno)"),
    N_("Where the files go:\n"
       "  without -o, or -o -     standard output (one article, or CSV)\n"
       "  -o FILE                 that file, for one article, or for CSV\n"
       "  -o FOLDER               one file per article in FOLDER, named after it; a\n"
       "                          path ending in “/” is always a folder\n"
       "The folder must exist: a folder that does not is an error, and nothing is\n"
       "written. Every file is replaced whole or not at all. A SOURCE may be a\n"
       "folder: its articles are read, in its subfolders too, on every processor,\n"
       "and their files keep their paths inside it under OUT."),
    1, -1 },
  { "import", gls_cli_import,
    N_("--format FORMAT [--replace] [--annotator NAME] SOURCE [ANNOTATION_FILE]"), N_("SOURCE"),
    N_("Merge annotations from another format (inline, brat, semeval) into an article’s annotation file"),
    N_("Without ANNOTATION_FILE, the file beside SOURCE named as FORMAT names it\n"
       "(brat: article.txt takes article.ann). A file with any problem is refused\n"
       "whole, with every problem as FILE:LINE: message, and nothing is written."),
    1, 2 },
  { "codebook", gls_cli_codebook, N_("(--export-qdc OUT | --import-qdc IN) FILE"), N_("FILE"),
    N_("Exchange a codebook with QDA tools as a REFI-QDA codebook (.qdc)"),
    N_("FILE is an article, whose annotation file’s codebook is meant (or, without\n"
       "one, the codebook it would get), or a codebook file such as the folder’s\n"
       "codebook.xml; a file ending in .xml that does not exist yet is a new codebook.\n"
       "--import-qdc matches each code to a category by its GUID, else by its name,\n"
       "and updates its label, description, colour and place; other codes become new\n"
       "categories with a free key. Categories keep their GUIDs across exports."),
    1, 1 },
  { "project", gls_cli_project, N_("(--export-qdpx OUT SOURCE… | --import-qdpx IN FOLDER)"), N_("SOURCE"),
    N_("Exchange articles and their annotations with QDA tools as a REFI-QDA project (.qdpx)"),
    N_("--export-qdpx writes one project of every SOURCE (a SOURCE may be a folder:\n"
       "its articles, in its subfolders too): each article’s text as a plain-text\n"
       "source in UTF-8, each span as a PlainTextSelection (positions count\n"
       "characters, as here) with its Coding, notes as Notes, annotators as Users,\n"
       "the codebook with its GUIDs, and relations as Links. Orphaned annotations\n"
       "are left out. --import-qdpx writes each text source of IN as an article\n"
       "FOLDER/NAME.txt with its annotation file; what is not text (pictures,\n"
       "audio) or has no coding is left out with a warning. Nothing is imported\n"
       "when one of the files is in FOLDER already."),
    1, -1 },
  { "agreement", gls_cli_agreement, N_("[--json] [--by-annotator] FILE…"), N_("FILE"),
    N_("Measure how far coders agree, from their annotation files of the same articles"),
    N_("Each FILE is one coder’s annotation file of the same article; or each FILE is\n"
       "one coder’s folder, and the annotation files with the same path inside them\n"
       "are compared, article by article and all together. With --by-annotator, one\n"
       "file or folder, and the coders are the annotators its annotations name.\n"
       "Per category: kappa (Cohen’s for two coders, Fleiss’ for more) and alpha\n"
       "(Krippendorff’s) on the characters of the article, marked or not, and alpha_u\n"
       "(Krippendorff’s unitizing alpha) on the spans; overall: alpha_u of all\n"
       "categories."),
    1, -1 },
  { "merge-driver", gls_cli_merge_driver, N_("BASE OURS THEIRS"), N_("BASE OURS THEIRS"),
    N_("Merge three versions of an annotation file, for git (see setup-git)"),
    N_("git runs it as “glossator-cli merge-driver %O %A %B”: OURS is replaced by the\n"
       "merge. Annotations and relations are matched by id; what one side added,\n"
       "deleted or changed is taken. Where both sides changed the same field\n"
       "differently, both versions are kept, each marked with an attribute\n"
       "“merge-conflict” naming the other, and the exit status is 1."),
    3, 3 },
  { "setup-git", gls_cli_setup_git, N_("[FOLDER]"), N_("FOLDER"),
    N_("Make git merge annotation files with merge-driver, in the repository of FOLDER"),
    N_("Sets merge.glossator.driver in the repository’s configuration and adds\n"
       "“*.annotations.xml merge=glossator” to FOLDER/.gitattributes (FOLDER: the\n"
       "current folder by default)."),
    0, 1 },
};

/* The first line of help, and of every usage error */
static void
append_usage (GString             *out,
              const GlsCliCommand *command)
{
  if (command == NULL)
    /* Translators: the program, "glossator-cli" */
    g_string_append_printf (out, _("Usage: %s COMMAND [OPTION…] [FILE…]\n"), g_get_prgname ());
  else
    /* Translators: the program, the command ("annotate"), then what
     * follows it, as in "SOURCE --category ID" */
    g_string_append_printf (out, _("Usage: %s %s %s\n"), g_get_prgname (), command->name, _(command->usage));
}

/**
 * gls_cli_usage_error:
 * @command: (nullable): the command, or %NULL for the program itself
 *
 * Says what is wrong with the command line, how the command is used and
 * where its help is, on standard error.
 *
 * Returns: %GLS_CLI_EXIT_USAGE, the exit status of every usage error
 */
GlsCliExit
gls_cli_usage_error (const GlsCliCommand *command,
                     const char          *format,
                     ...)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_string_append_printf (out, "%s: %s\n", command ? command->name : g_get_prgname (), message);
  append_usage (out, command);
  if (command == NULL)
    /* Translators: the program, "glossator-cli" */
    g_string_append_printf (out, _("Try “%s --help”.\n"), g_get_prgname ());
  else
    /* Translators: the program ("glossator-cli"), then the command ("annotate") */
    g_string_append_printf (out, _("Try “%s %s --help”.\n"), g_get_prgname (), command->name);

  fputs (out->str, stderr);

  return GLS_CLI_EXIT_USAGE;
}

/* A command's help: a usage line that works as typed, rather than
 * GOption's "glossator-cli [OPTION…] annotate", then GOption's list of the
 * options. */
static void
print_command_help (const GlsCliCommand *command,
                    GOptionContext      *context)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
  const char *options = strstr (help, "\n\n");

  append_usage (out, command);
  /* GOption's own usage is its first paragraph */
  g_string_append (out, options != NULL ? options + 1 : help);
  fputs (out->str, stdout);
}

/**
 * gls_cli_parse_options:
 * @argc: (inout): the command's arguments, its name first; on return, its
 *   files, its name first
 *
 * Reads the options of @command into @entries and checks how many files
 * follow. Returns FALSE, with @exit_code set, when the command must stop:
 * after its help, or on a usage error.
 */
gboolean
gls_cli_parse_options (const GlsCliCommand   *command,
                       GOptionEntry          *entries,
                       int                   *argc,
                       char                ***argv,
                       GlsCliExit            *exit_code)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean help = FALSE;
  GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help and exit"), NULL },
    { NULL }
  };
  int n_files;

  /* --help is ours, so that the usage line is too */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = gls_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (help)
    {
      print_command_help (command, context);
      *exit_code = GLS_CLI_EXIT_OK;
      return FALSE;
    }

  /* (*argv)[0] is the command's name */
  n_files = *argc - 1;
  if (n_files < command->min_files)
    {
      /* Translators: what the command needs, as in its usage line: "SOURCE" */
      *exit_code = gls_cli_usage_error (command, _("missing %s"), _(command->files));
      return FALSE;
    }
  if (command->max_files >= 0 && n_files > command->max_files)
    {
      /* the usage line that follows says how many it takes */
      *exit_code = gls_cli_usage_error (command, _("too many files (%d)"), n_files);
      return FALSE;
    }

  return TRUE;
}

static GlsCliExit
run_file_func (const char *path,
               gpointer    user_data)
{
  GlsCliFileFunc *func = user_data;

  return (*func) (path);
}

/**
 * gls_cli_run_on_files:
 *
 * For a command that takes only files and folders: reads its command line,
 * then runs @func on each file and on each article of each folder, on
 * every core, their output in order, whatever the others gave.
 *
 * Returns: the worst exit status of them all
 */
GlsCliExit
gls_cli_run_on_files (const GlsCliCommand  *command,
                      int                   argc,
                      char                **argv,
                      GlsCorpusFlags        flags,
                      GlsCliFileFunc        func)
{
  g_autoptr(GPtrArray) sources = NULL;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  GlsCliExit run_code;

  if ((sources = gls_cli_parse_sources (command, NULL, argc, argv, flags, NULL, &exit_code)) == NULL)
    return exit_code;

  /* MAX() would run it twice */
  run_code = gls_cli_run_parallel (sources, run_file_func, NULL, &func);

  return MAX (exit_code, run_code);
}

void
gls_cli_print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gls_problem_to_string (g_ptr_array_index (problems, i));
      g_printerr ("%s\n", line);
    }
}

/* What a --json option prints: the object @builder holds, indented. */
void
gls_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
gls_cli_print_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
}

/**
 * gls_cli_read_document:
 *
 * The article and its sidecar, read by their owner; a sidecar that cannot
 * be taken fails, with its problems added to @problems.
 */
GlsDocument *
gls_cli_read_document (GFile         *file,
                       GlsLoadFlags   flags,
                       GPtrArray     *problems,
                       GError       **error)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);
  gboolean loaded = gls_document_file_load (document_file, NULL, NULL, flags, NULL, error);
  GPtrArray *found = gls_document_file_get_problems (document_file);

  while (found != NULL && found->len > 0)
    g_ptr_array_add (problems, g_ptr_array_steal_index (found, 0));

  return loaded ? g_object_ref (gls_document_file_get_document (document_file)) : NULL;
}

/* For an array of the documents of several sources, where a NULL stands
 * for a source that could not be read. */
void
gls_cli_unref_document (gpointer document)
{
  if (document != NULL)
    g_object_unref (document);
}

/* The document at @path, or NULL with every problem printed; a command
 * that does not save loads with %GLS_LOAD_READ_ONLY. */
GlsDocument *
gls_cli_load_document (const char   *path,
                       GlsLoadFlags  flags)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  GlsDocument *document;

  document = gls_cli_read_document (file, flags, problems, &error);
  gls_cli_print_problems (problems);
  if (document == NULL && gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
    gls_cli_print_error (error);

  return document;
}

/* Saved as the window saves: safely, or not at all. */
gboolean
gls_cli_save_document (GlsDocument  *document,
                       GError      **error)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new_for_document (document);

  return gls_document_file_save (document_file, NULL, error);
}

static void
print_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_usage (out, NULL);
  g_string_append (out, "\n");
  g_string_append (out, _("Work with Glossator annotation files without a display.\n\n"));
  g_string_append (out, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (out, "\n");
  g_string_append_printf (out, _("Run “%s COMMAND --help” for the options of a command.\n"), g_get_prgname ());
  g_string_append (out, _("  --version  Show the version and exit\n"));
  g_string_append (out, "\n");
  g_string_append (out, _("Exit status, for every command:\n"
                          "  0  success\n"
                          "  1  a file is invalid, or an operation failed: the message names the file\n"
                          "  2  a usage error: an unknown command or option, or a missing or malformed\n"
                          "     argument\n"));

  fputs (out->str, stdout);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* GLOSSATOR_LOCALEDIR lets the tests use the translations of the build tree */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSSATOR_LOCALEDIR") ? g_getenv ("GLOSSATOR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("glossator-cli");

  if (argc < 2)
    return gls_cli_usage_error (NULL, _("missing COMMAND"));

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help ();
      return GLS_CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("glossator-cli %s\n", PACKAGE_VERSION);  /* not translatable */
      return GLS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (&commands[i], argc - 1, argv + 1);

  if (argv[1][0] == '-')
    return gls_cli_usage_error (NULL, _("unknown option “%s”"), argv[1]);

  return gls_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
}
