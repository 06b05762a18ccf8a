/* gls-cli-annotations.c
 * glossator-cli list, annotate and stats: an article's annotations as
 * lines, one more annotation, and the counts per category. */
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

  if ((document = gls_cli_load_document (argv[1])) == NULL)
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

  if ((document = gls_cli_load_document (argv[1])) == NULL)
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

static GlsCliExit
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

  if ((document = gls_cli_load_document (path)) == NULL)
    return GLS_CLI_EXIT_FAILED;

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

  if (gls_document_get_n_fuzzy (document) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  %u annotation sits on similar text and waits for review (fuzzy)\n",
                          "  %u annotations sit on similar text and wait for review (fuzzy)\n",
                          gls_document_get_n_fuzzy (document)),
             gls_document_get_n_fuzzy (document));
  if (gls_document_get_n_orphaned (document) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  %u annotation was not found in the text (orphaned)\n",
                          "  %u annotations were not found in the text (orphaned)\n",
                          gls_document_get_n_orphaned (document)),
             gls_document_get_n_orphaned (document));

  return GLS_CLI_EXIT_OK;
}

GlsCliExit
gls_cli_stats (const GlsCliCommand  *command,
               int                   argc,
               char                **argv)
{
  return gls_cli_run_on_files (command, argc, argv, stats_one);
}
