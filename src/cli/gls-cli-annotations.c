/* gls-cli-annotations.c
 * glossator-cli list and annotate: an article's annotations as lines, and
 * one more annotation. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"

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

GlsCliExit
gls_cli_list (const GlsCliCommand  *command,
              int                   argc,
              char                **argv)
{
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GString) out = NULL;
  GlsAnnotationList *annotations;
  GlsSource *source;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  gboolean json = FALSE;
  guint length;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  if ((document = gls_cli_load_document (argv[1], GLS_LOAD_READ_ONLY)) == NULL)
    return GLS_CLI_EXIT_FAILED;

  if (json)
    {
      gls_cli_print_list_json (document, argv[1]);
      return GLS_CLI_EXIT_OK;
    }

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

  return GLS_CLI_EXIT_OK;
}

/* An offset that is not a whole number an offset can be is malformed: a
 * usage error. One that is, but does not fit the text, is the article's
 * problem, which the document reports. */
static gboolean
parse_offset_option (const GlsCliCommand *command,
                     const char          *name,
                     const char          *value,
                     guint               *offset,
                     GlsCliExit          *exit_code)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL))
    {
      *exit_code = gls_cli_usage_error (command,
                                        _("--%s must be a character offset (a whole number from 0 to %u), "
                                          "not “%s”"),
                                        name, G_MAXUINT, value);
      return FALSE;
    }

  *offset = (guint) number;

  return TRUE;
}

GlsCliExit
gls_cli_annotate (const GlsCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *category = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *annotator = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  guint start, end;
  GOptionEntry entries[] = {
    { "category", 'c', 0, G_OPTION_ARG_STRING, &category, N_("The category id, as in the codebook"), N_("ID") },
    { "start", 's', 0, G_OPTION_ARG_STRING, &start_text, N_("Where the span starts, in characters from 0"), N_("N") },
    { "end", 'e', 0, G_OPTION_ARG_STRING, &end_text, N_("Where the span ends (the first character after it)"), N_("N") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("A note on the annotation"), N_("TEXT") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator, N_("Who annotates (default: your name)"), N_("NAME") },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  if (category == NULL)
    return gls_cli_usage_error (command, _("--%s is required"), "category");

  if (start_text == NULL || end_text == NULL)
    return gls_cli_usage_error (command, _("--%s is required"), start_text == NULL ? "start" : "end");

  if (!parse_offset_option (command, "start", start_text, &start, &exit_code) ||
      !parse_offset_option (command, "end", end_text, &end, &exit_code))
    return exit_code;

  if ((document = gls_cli_load_document (argv[1], GLS_LOAD_NONE)) == NULL)
    {
      g_printerr (_("annotate: nothing was changed\n"));
      return GLS_CLI_EXIT_FAILED;
    }

  gls_document_set_annotator (document, annotator ? annotator : gls_default_annotator ());

  annotation = gls_document_annotate (document, category, start, end, &error);
  if (annotation == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return GLS_CLI_EXIT_FAILED;
    }

  if (note != NULL)
    gls_document_set_annotation_note (document, annotation, note);

  if (!gls_cli_save_document (document, &error))
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  g_print ("%s\n", gls_annotation_get_id (annotation));

  return GLS_CLI_EXIT_OK;
}
