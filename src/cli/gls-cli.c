/* gls-cli.c
 * glossator-cli: checks, lists, adds and counts annotations without a
 * display, for scripts and corpus pipelines. Links only the core. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gls-core.h"
#include "gls-format.h"

enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *parameters;
  const char  *summary;
} Command;

static int cmd_validate (int argc, char **argv);
static int cmd_list     (int argc, char **argv);
static int cmd_annotate (int argc, char **argv);
static int cmd_stats    (int argc, char **argv);
static int cmd_export   (int argc, char **argv);
static int cmd_import   (int argc, char **argv);

static const Command commands[] = {
  { "validate", cmd_validate, N_("FILE…"),
    N_("Check annotation files, codebooks, or the annotations of articles") },
  { "list", cmd_list, N_("SOURCE"),
    N_("List the annotations of an article, one line per span, separated by tabs") },
  { "annotate", cmd_annotate, N_("SOURCE"),
    N_("Add one annotation to an article’s annotation file") },
  { "stats", cmd_stats, N_("SOURCE…"),
    N_("Count annotations, annotated characters and notes per category") },
  { "export", cmd_export, N_("SOURCE…"),
    N_("Write the annotations of articles in another format (inline, tei, csv, brat, semeval, webanno)") },
  { "import", cmd_import, N_("SOURCE [ANNOTATION_FILE]"),
    N_("Merge annotations from another format (inline, brat, semeval) into an article’s annotation file") },
};

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gls_problem_to_string (g_ptr_array_index (problems, i));
      g_printerr ("%s\n", line);
    }
}

static void
print_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
}

/* Parses the options of one command. Returns FALSE with *exit_code set when
 * the command must stop (after --help, or on a usage error). */
static gboolean
parse_options (const Command  *command,
               GOptionEntry   *entries,
               int            *argc,
               char         ***argv,
               int             min_args,
               int            *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = g_strdup_printf ("%s %s", command->name, _(command->parameters));

  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      /* Translators: the program ("glossator-cli") and the command ("list") */
      g_printerr (_("Run “%s %s --help” to see how to use it.\n"), g_get_prgname (), command->name);
      *exit_code = EXIT_USAGE;
      return FALSE;
    }

  /* (*argv)[0] is the command name */
  if (*argc - 1 < min_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      /* Translators: the command ("list"), then what it needs, as in its
       * usage line ("SOURCE", "FILE…") */
      g_printerr (_("%s: missing %s\n"), command->name, _(command->parameters));
      g_printerr ("%s", help);
      *exit_code = EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}

static GFile *
source_for_sidecar (const char *path)
{
  g_autofree char *source = g_strndup (path, strlen (path) - strlen (".annotations.xml"));

  return g_file_new_for_commandline_arg (source);
}

/* The article and its sidecar, read by their owner; a sidecar that cannot
 * be taken fails, with its problems added to @problems. */
static GlsDocument *
read_document (GFile      *file,
               GPtrArray  *problems,
               GError    **error)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);
  gboolean loaded = gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, error);
  GPtrArray *found = gls_document_file_get_problems (document_file);

  while (found != NULL && found->len > 0)
    g_ptr_array_add (problems, g_ptr_array_steal_index (found, 0));

  return loaded ? g_object_ref (gls_document_file_get_document (document_file)) : NULL;
}

/* Saved as the window saves: safely, or not at all. */
static gboolean
save_document (GlsDocument  *document,
               GError      **error)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new_for_document (document);

  return gls_document_file_save (document_file, NULL, error);
}

static int
validate_document (GFile      *source_file,
                   const char *what)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GFile) sidecar = gls_sidecar_file_for_source (source_file);
  g_autofree char *name = g_file_get_parse_name (sidecar);

  document = read_document (source_file, problems, &error);
  print_problems (problems);

  if (document == NULL)
    {
      if (problems->len == 0 || gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
        print_error (error);
      return EXIT_INVALID;
    }

  if (!g_file_query_exists (sidecar, NULL))
    {
      g_print (_("%s: no annotations yet (there is no %s)\n"), what, name);
      return EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u annotation\n", "%s: valid, %u annotations\n",
                        gls_document_get_n_annotations (document)),
           name, gls_document_get_n_annotations (document));

  return EXIT_OK;
}

static int
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
          return EXIT_INVALID;
        }

      g_printerr (_("%s: the article it annotates, “%s”, is missing, so the offsets and quotes cannot be checked\n"),
                  path, source_name);
      return EXIT_INVALID;
    }

  return validate_document (source_file, path);
}

static int
validate_codebook (const char *path,
                   GBytes     *bytes)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;

  codebook = gls_codebook_new_from_bytes (bytes, path, problems, &error);
  print_problems (problems);
  if (codebook == NULL)
    {
      if (gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
        print_error (error);
      return EXIT_INVALID;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid codebook, %u category\n",
                        "%s: valid codebook, %u categories\n",
                        gls_codebook_get_n_categories (codebook)),
           path, gls_codebook_get_n_categories (codebook));

  return EXIT_OK;
}

static int
validate_file (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (path, ".annotations.xml"))
    return validate_sidecar (path);

  file = g_file_new_for_commandline_arg (path);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_printerr (_("Cannot read “%s”: %s\n"), path, error->message);
      return EXIT_INVALID;
    }

  if (gls_codebook_sniff (bytes))
    return validate_codebook (path, bytes);

  return validate_document (file, path);
}

static int
cmd_validate (int    argc,
              char **argv)
{
  int exit_code = EXIT_OK;

  if (!parse_options (&commands[0], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  for (int i = 1; i < argc; i++)
    {
      int file_code = validate_file (argv[i]);
      exit_code = MAX (exit_code, file_code);
    }

  return exit_code;
}

static GlsDocument *
load_document (const char *path)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  GlsDocument *document;

  document = read_document (file, problems, &error);
  print_problems (problems);
  if (document == NULL && gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
    print_error (error);

  return document;
}

/* Tab, newline, carriage return and backslash, escaped for one TSV field. */
static void
put_field (GString    *out,
           const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GString) out = NULL;
  GlsAnnotationList *annotations;
  GlsSource *source;
  int exit_code = EXIT_OK;
  guint length;

  if (!parse_options (&commands[1], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  if (argc > 2)
    {
      g_printerr (_("list: give one article at a time\n"));
      return EXIT_USAGE;
    }

  if ((document = load_document (argv[1])) == NULL)
    return EXIT_INVALID;

  source = gls_document_get_source (document);
  length = gls_source_get_length (source);
  annotations = gls_document_get_annotations (document);
  out = g_string_new (NULL);

  for (guint i = 0; i < gls_document_get_n_annotations (document); i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (annotations, i);

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_autofree char *exact = gls_source_dup_range (source, MIN (span.start, length),
                                                         MIN (span.end, length));

          g_string_append_printf (out, "%s\t%s\t%u\t%u\t",
                                  gls_annotation_get_id (annotation),
                                  gls_annotation_get_category (annotation),
                                  span.start, span.end);
          put_field (out, exact);
          g_string_append_c (out, '\t');
          put_field (out, gls_annotation_get_note (annotation));
          g_string_append_c (out, '\t');
          put_field (out, gls_annotation_get_annotator (annotation));
          g_string_append_c (out, '\n');
        }
    }

  fwrite (out->str, 1, out->len, stdout);

  return EXIT_OK;
}

static gboolean
parse_offset_option (const char *name,
                     const char *value,
                     guint      *offset)
{
  guint64 number;
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, &error))
    {
      g_printerr (_("annotate: --%s must be a character offset (a whole number from 0), not “%s”\n"),
                  name, value);
      return FALSE;
    }

  *offset = (guint) number;

  return TRUE;
}

static int
cmd_annotate (int    argc,
              char **argv)
{
  g_autofree char *category = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *annotator = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  int exit_code = EXIT_OK;
  guint start, end;
  GOptionEntry entries[] = {
    { "category", 'c', 0, G_OPTION_ARG_STRING, &category, N_("The category id, as in the codebook"), N_("ID") },
    { "start", 's', 0, G_OPTION_ARG_STRING, &start_text, N_("Where the span starts, in characters from 0"), N_("N") },
    { "end", 'e', 0, G_OPTION_ARG_STRING, &end_text, N_("Where the span ends (the first character after it)"), N_("N") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("A note on the annotation"), N_("TEXT") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator, N_("Who annotates (default: your name)"), N_("NAME") },
    { NULL }
  };

  if (!parse_options (&commands[2], entries, &argc, &argv, 1, &exit_code))
    return exit_code;

  if (argc > 2)
    {
      g_printerr (_("annotate: give one article at a time\n"));
      return EXIT_USAGE;
    }

  if (category == NULL)
    {
      g_printerr (_("annotate: --category is required\n"));
      return EXIT_USAGE;
    }

  if (start_text == NULL || end_text == NULL)
    {
      g_printerr (_("annotate: --%s is required\n"), start_text == NULL ? "start" : "end");
      return EXIT_USAGE;
    }

  if (!parse_offset_option ("start", start_text, &start) ||
      !parse_offset_option ("end", end_text, &end))
    return EXIT_INVALID;

  if ((document = load_document (argv[1])) == NULL)
    {
      g_printerr (_("annotate: nothing was changed\n"));
      return EXIT_INVALID;
    }

  gls_document_set_annotator (document, annotator ? annotator : gls_default_annotator ());

  annotation = gls_document_annotate (document, category, start, end, &error);
  if (annotation == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return EXIT_INVALID;
    }

  if (note != NULL)
    gls_document_set_annotation_note (document, annotation, note);

  if (!save_document (document, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }

  g_print ("%s\n", gls_annotation_get_id (annotation));

  return EXIT_OK;
}

typedef struct
{
  char   *category;
  guint   annotations;
  guint   notes;
  GArray *spans;   /* GlsSpan */
} Tally;

static void
tally_free (Tally *tally)
{
  g_free (tally->category);
  g_array_unref (tally->spans);
  g_free (tally);
}

/* The number of characters covered by at least one of @spans. */
static guint64
covered (GArray *spans)
{
  guint64 total = 0;
  guint reach = 0;

  g_array_sort (spans, gls_span_compare);
  for (guint i = 0; i < spans->len; i++)
    {
      const GlsSpan *span = &g_array_index (spans, GlsSpan, i);
      guint from = MAX (span->start, reach);

      if (span->end > from)
        {
          total += span->end - from;
          reach = span->end;
        }
    }

  return total;
}

static Tally *
tally_for (GPtrArray  *tallies,
           const char *category)
{
  Tally *tally;

  for (guint i = 0; i < tallies->len; i++)
    {
      tally = g_ptr_array_index (tallies, i);
      if (g_strcmp0 (tally->category, category) == 0)
        return tally;
    }

  tally = g_new0 (Tally, 1);
  tally->category = g_strdup (category);
  tally->spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  g_ptr_array_add (tallies, tally);

  return tally;
}

/* Pads @text with spaces to @width characters (not bytes). */
static void
put_padded (GString    *out,
            const char *text,
            int         width,
            gboolean    right)
{
  int pad = MAX (0, width - (int) g_utf8_strlen (text, -1));

  if (right)
    g_string_append_printf (out, "%*s%s", pad, "", text);
  else
    g_string_append_printf (out, "%s%*s", text, pad, "");
}

static void
print_row (int         width,
           const char *label,
           const char *annotations,
           const char *characters,
           const char *notes)
{
  g_autoptr(GString) out = g_string_new ("  ");
  /* the columns are as wide as their translated headings need */
  int annotations_width = MAX (12, (int) g_utf8_strlen (_("Annotations"), -1));
  int characters_width = MAX (12, (int) g_utf8_strlen (_("Characters"), -1));
  int notes_width = MAX (8, (int) g_utf8_strlen (_("Notes"), -1));

  put_padded (out, label, width, FALSE);
  g_string_append_c (out, ' ');
  put_padded (out, annotations, annotations_width, TRUE);
  g_string_append_c (out, ' ');
  put_padded (out, characters, characters_width, TRUE);
  g_string_append_c (out, ' ');
  put_padded (out, notes, notes_width, TRUE);
  g_print ("%s\n", out->str);
}

static void
print_counts (int         width,
              const char *label,
              guint       annotations,
              guint64     characters,
              guint       notes)
{
  g_autofree char *a = g_strdup_printf ("%'u", annotations);
  g_autofree char *c = g_strdup_printf ("%'" G_GUINT64_FORMAT, characters);
  g_autofree char *n = g_strdup_printf ("%'u", notes);

  print_row (width, label, a, c, n);
}

static int
stats_one (const char *path)
{
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  g_autoptr(GArray) all_spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  g_autoptr(GPtrArray) labels = NULL;
  GlsAnnotationList *annotations;
  GlsCodebook *codebook;
  guint total_notes = 0;
  int width;
  guint n;

  if ((document = load_document (path)) == NULL)
    return EXIT_INVALID;

  codebook = gls_document_get_codebook (document);
  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    tally_for (tallies, gls_category_get_id (gls_codebook_get_category (codebook, i)));

  annotations = gls_document_get_annotations (document);
  n = gls_document_get_n_annotations (document);
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (annotations, i);
      Tally *tally = tally_for (tallies, gls_annotation_get_category (annotation));
      const char *note = gls_annotation_get_note (annotation);

      tally->annotations++;
      if (note != NULL && *note != '\0')
        {
          tally->notes++;
          total_notes++;
        }

      if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
        continue;

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);

          g_array_append_val (tally->spans, span);
          g_array_append_val (all_spans, span);
        }
    }

  labels = g_ptr_array_new_with_free_func (g_free);
  width = (int) g_utf8_strlen (_("Category"), -1);
  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *tally = g_ptr_array_index (tallies, i);
      GlsCategory *category = gls_codebook_lookup (codebook, tally->category);
      char *label;

      if (category != NULL)
        label = g_strdup_printf ("%s (%s)", gls_category_get_label (category), tally->category);
      else
        /* Translators: a category used in the file but missing from its codebook */
        label = g_strdup_printf (_("%s (not in the codebook)"), tally->category);

      g_ptr_array_add (labels, label);
      width = MAX (width, (int) g_utf8_strlen (label, -1));
    }

  g_print ("%s\n", path);
  print_row (width, _("Category"), _("Annotations"), _("Characters"), _("Notes"));
  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *tally = g_ptr_array_index (tallies, i);

      print_counts (width, g_ptr_array_index (labels, i), tally->annotations,
                    covered (tally->spans), tally->notes);
    }
  print_counts (width, _("Total"), n, covered (all_spans), total_notes);

  return EXIT_OK;
}

static int
cmd_stats (int    argc,
           char **argv)
{
  int exit_code = EXIT_OK;

  if (!parse_options (&commands[3], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  for (int i = 1; i < argc; i++)
    {
      int file_code = stats_one (argv[i]);
      exit_code = MAX (exit_code, file_code);
    }

  return exit_code;
}

/* The format named by --format, or NULL with the reason printed. */
static const GlsFormat *
find_format (const char *command,
             const char *name,
             gboolean    importable)
{
  g_autofree char *names = gls_format_list_names (importable);
  const GlsFormat *format;

  if (name == NULL)
    {
      g_printerr (_("%s: --format is required: one of %s\n"), command, names);
      return NULL;
    }

  format = gls_format_lookup (name);
  if (format == NULL || (importable && format->import_document == NULL))
    {
      if (format == NULL)
        g_printerr (_("%s: unknown format “%s”: use one of %s\n"), command, name, names);
      else
        g_printerr (_("%s: Glossator cannot import the format “%s”: use one of %s\n"),
                    command, name, names);
      return NULL;
    }

  return format;
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

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outputs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const GlsFormat *format;
  int exit_code = EXIT_OK;
  gboolean one_file;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: inline, tei, csv, brat, semeval or webanno"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write: a file for one article (default: standard output), a folder for several (CSV: one file)"),
      N_("OUT") },
    { NULL }
  };

  if (!parse_options (&commands[4], entries, &argc, &argv, 1, &exit_code))
    return exit_code;

  if ((format = find_format ("export", format_name, FALSE)) == NULL)
    return EXIT_USAGE;

  one_file = argc == 2 || format->export_documents != NULL;
  if (!one_file && output == NULL)
    {
      g_printerr (_("export: with several articles, -o must name a folder for the %s files\n"),
                  format->name);
      return EXIT_USAGE;
    }

  /* Everything is read before anything is written. */
  for (int i = 1; i < argc; i++)
    {
      GlsDocument *document = load_document (argv[i]);

      if (document == NULL)
        {
          g_printerr (_("export: nothing was written\n"));
          return EXIT_INVALID;
        }
      g_ptr_array_add (documents, document);

      if (!one_file)
        {
          g_autofree char *base = g_path_get_basename (argv[i]);
          g_autofree char *name = gls_format_dup_file_name (format, base);

          if (g_hash_table_contains (names, name))
            {
              g_printerr (_("export: two articles would both be written to “%s”; export them one at a time\n"),
                          name);
              return EXIT_USAGE;
            }
          g_ptr_array_add (outputs, g_build_filename (output, name, NULL));
          g_hash_table_add (names, g_steal_pointer (&name));
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
          print_error (error);
          return EXIT_INVALID;
        }

      return write_output (output, bytes) ? EXIT_OK : EXIT_INVALID;
    }

  if (g_mkdir_with_parents (output, 0755) != 0)
    {
      g_printerr (_("export: cannot create the folder “%s”: %s\n"), output, g_strerror (errno));
      return EXIT_INVALID;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      bytes = gls_format_export (format, g_ptr_array_index (documents, i), &error);
      if (bytes == NULL)
        {
          print_error (error);
          exit_code = EXIT_INVALID;
          continue;
        }
      if (!write_output (g_ptr_array_index (outputs, i), bytes))
        exit_code = EXIT_INVALID;
    }

  return exit_code;
}

static int
cmd_import (int    argc,
            char **argv)
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
  int exit_code = EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: inline, brat or semeval"), N_("FORMAT") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the article’s annotations instead of adding to them"), NULL },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Who the imported annotations are by, for formats that do not say (default: nobody)"), N_("NAME") },
    { NULL }
  };

  if (!parse_options (&commands[5], entries, &argc, &argv, 1, &exit_code))
    return exit_code;

  if ((format = find_format ("import", format_name, TRUE)) == NULL)
    return EXIT_USAGE;

  if (argc > 3)
    {
      g_printerr (_("import: give one article and at most one file to import\n"));
      return EXIT_USAGE;
    }

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
      return EXIT_INVALID;
    }

  if ((document = load_document (argv[1])) == NULL)
    {
      g_printerr (_("import: nothing was written\n"));
      return EXIT_INVALID;
    }
  if (annotator != NULL)
    gls_document_set_annotator (document, annotator);

  report = gls_import_report_new ();
  problems = gls_import_report_get_problems (report);
  if (!gls_format_import (format, document, bytes, annotation_path,
                          replace ? GLS_IMPORT_REPLACE : GLS_IMPORT_MERGE, report, &error))
    {
      if (gls_problems_count (problems, GLS_PROBLEM_ERROR) > 0)
        print_problems (problems);
      else
        print_error (error);
      g_printerr (_("import: “%s” was refused as a whole; nothing was written\n"), annotation_path);
      return EXIT_INVALID;
    }

  print_problems (problems);

  if (gls_document_get_modified (document) && !save_document (document, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }

  summary = gls_import_report_to_string (report);
  g_print ("%s", summary);

  return EXIT_OK;
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) str = g_string_new (NULL);

  g_string_append_printf (str, _("Usage: %s COMMAND [OPTION…] [FILE…]\n\n"), g_get_prgname ());
  g_string_append (str, _("Work with Glossator annotation files without a display.\n\n"));
  g_string_append (str, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (str, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (str, "\n");
  g_string_append_printf (str, _("Run “%s COMMAND --help” for the options of a command.\n"), g_get_prgname ());
  g_string_append (str, _("  --version  Show the version and exit\n"));

  fputs (str->str, stream);
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
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("glossator-cli %s\n", PACKAGE_VERSION);  /* not translatable */
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  g_printerr (_("%s: unknown command “%s”\n"), g_get_prgname (), argv[1]);
  print_usage (stderr);

  return EXIT_USAGE;
}
