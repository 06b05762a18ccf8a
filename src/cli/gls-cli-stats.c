/* gls-cli-stats.c
 * glossator-cli stats: the counts per category of each article, of a whole
 * corpus when a folder is named, as tables, as JSON or as CSV. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gls-cli-private.h"

/* The counts of one category */
typedef struct
{
  char    *category;
  char    *label;         /* "Label (id)", or "id (not in the codebook)" */
  gboolean in_codebook;
  guint    annotations;
  guint    notes;
  guint64  characters;    /* covered by at least one span */
  GArray  *spans;         /* GlsSpan, while counting */
} Tally;

/* The counts of one article, or of all */
typedef struct
{
  GPtrArray *tallies;     /* Tally, in the codebook's order, then others */
  guint      articles;
  guint      annotations;
  guint      notes;
  guint      fuzzy;
  guint      orphaned;
  guint64    characters;
  guint      states[GLS_N_WORK_STATES]; /* articles in each state of work */
} Stats;

/* How the locale groups the digits of a count: read once, in the main
 * thread (localeconv() is not safe in several threads at once). */
typedef struct
{
  char *separator;
  char *grouping;
} Digits;

static Digits digits;

typedef struct
{
  gboolean     json;
  gboolean     csv;
  gboolean     corpus;    /* a folder was named: a total at the end */
  Stats       *total;
  JsonBuilder *articles;  /* with --json */
  GPtrArray   *failed;    /* with --json: the sources that could not be read */
} StatsRun;

static void
tally_free (Tally *tally)
{
  g_free (tally->category);
  g_free (tally->label);
  g_clear_pointer (&tally->spans, g_array_unref);
  g_free (tally);
}

static Stats *
stats_new (void)
{
  Stats *stats = g_new0 (Stats, 1);

  stats->tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);

  return stats;
}

static void
stats_free (Stats *stats)
{
  g_ptr_array_unref (stats->tallies);
  g_free (stats);
}

static Tally *
tally_for (Stats       *stats,
           const char  *category,
           GlsCodebook *codebook)
{
  GlsCategory *known;
  Tally *tally;

  for (guint i = 0; i < stats->tallies->len; i++)
    {
      tally = g_ptr_array_index (stats->tallies, i);
      if (g_strcmp0 (tally->category, category) == 0)
        return tally;
    }

  tally = g_new0 (Tally, 1);
  tally->category = g_strdup (category);
  tally->spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  known = codebook != NULL ? gls_codebook_lookup (codebook, category) : NULL;
  tally->in_codebook = known != NULL;
  if (known != NULL)
    tally->label = g_strconcat (gls_category_get_label (known), " (", category, ")", NULL);
  else
    /* Translators: a category used in the file but missing from its codebook */
    tally->label = g_strdup_printf (_("%s (not in the codebook)"), category);
  g_ptr_array_add (stats->tallies, tally);

  return tally;
}

static Stats *
count_document (GlsDocument *document)
{
  Stats *stats = stats_new ();
  g_autoptr(GArray) all_spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  GlsCodebook *codebook = gls_document_get_codebook (document);
  GlsAnnotationList *annotations = gls_document_get_annotations (document);

  for (guint i = 0; i < gls_codebook_get_n_categories (codebook); i++)
    tally_for (stats, gls_category_get_id (gls_codebook_get_category (codebook, i)), codebook);

  stats->articles = 1;
  stats->annotations = gls_document_get_n_annotations (document);
  stats->fuzzy = gls_document_get_n_fuzzy (document);
  stats->orphaned = gls_document_get_n_orphaned (document);
  stats->states[gls_document_get_work_state (document)] = 1;

  for (guint i = 0; i < stats->annotations; i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (annotations, i);
      Tally *tally = tally_for (stats, gls_annotation_get_category (annotation), codebook);
      const char *note = gls_annotation_get_note (annotation);

      tally->annotations++;
      if (note != NULL && *note != '\0')
        {
          tally->notes++;
          stats->notes++;
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

  for (guint i = 0; i < stats->tallies->len; i++)
    {
      Tally *tally = g_ptr_array_index (stats->tallies, i);

      tally->characters = gls_spans_count_covered (tally->spans);
      g_clear_pointer (&tally->spans, g_array_unref);
    }
  stats->characters = gls_spans_count_covered (all_spans);

  return stats;
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

/* The widths of the columns: as wide as their translated headings need */
typedef struct
{
  int label;
  int annotations;
  int characters;
  int notes;
} Widths;

static void
print_row (GString      *out,
           const Widths *widths,
           const char   *label,
           const char   *annotations,
           const char   *characters,
           const char   *notes)
{
  g_string_append (out, "  ");
  put_padded (out, label, widths->label, FALSE);
  g_string_append_c (out, ' ');
  put_padded (out, annotations, widths->annotations, TRUE);
  g_string_append_c (out, ' ');
  put_padded (out, characters, widths->characters, TRUE);
  g_string_append_c (out, ' ');
  put_padded (out, notes, widths->notes, TRUE);
  g_string_append_c (out, '\n');
}

/* @n with the locale's thousands separator, as printf's "%'" would write
 * it, without printf (it was a tenth of the work of stats). */
static void
format_count (char    *buf,
              gsize    size,
              guint64  n)
{
  char reversed[96];
  const char *group = digits.grouping ? digits.grouping : "";
  gsize sep_len = digits.separator ? strlen (digits.separator) : 0;
  guint in_group = 0, len = 0;

  do
    {
      /* a group is full: the separator, written backwards */
      if (sep_len > 0 && *group > 0 && *group != CHAR_MAX && in_group == (guint) *group)
        {
          for (gsize i = sep_len; i > 0 && len < sizeof reversed - 1; i--)
            reversed[len++] = digits.separator[i - 1];
          in_group = 0;
          if (group[1] != '\0')
            group++;
        }
      reversed[len++] = (char) ('0' + n % 10);
      in_group++;
      n /= 10;
    }
  while (n > 0 && len < sizeof reversed - 8);

  for (guint i = 0; i < len && i + 1 < size; i++)
    buf[i] = reversed[len - 1 - i];
  buf[MIN (len, size - 1)] = '\0';
}

static void
print_counts (GString      *out,
              const Widths *widths,
              const char   *label,
              guint         annotations,
              guint64       characters,
              guint         notes)
{
  char a[64], c[64], n[64];

  format_count (a, sizeof a, annotations);
  format_count (c, sizeof c, characters);
  format_count (n, sizeof n, notes);

  print_row (out, widths, label, a, c, n);
}

/* The table of @stats under the line @heading, in one piece. */
static void
print_table (const Stats *stats,
             const char  *heading)
{
  g_autoptr(GString) out = g_string_new (heading);
  Widths widths = {
    (int) g_utf8_strlen (_("Category"), -1),
    MAX (12, (int) g_utf8_strlen (_("Annotations"), -1)),
    MAX (12, (int) g_utf8_strlen (_("Characters"), -1)),
    MAX (8, (int) g_utf8_strlen (_("Notes"), -1)),
  };

  for (guint i = 0; i < stats->tallies->len; i++)
    widths.label = MAX (widths.label, (int) g_utf8_strlen (((Tally *) g_ptr_array_index (stats->tallies, i))->label, -1));

  g_string_append_c (out, '\n');
  print_row (out, &widths, _("Category"), _("Annotations"), _("Characters"), _("Notes"));
  for (guint i = 0; i < stats->tallies->len; i++)
    {
      Tally *tally = g_ptr_array_index (stats->tallies, i);

      print_counts (out, &widths, tally->label, tally->annotations, tally->characters, tally->notes);
    }
  print_counts (out, &widths, _("Total"), stats->annotations, stats->characters, stats->notes);

  if (stats->fuzzy > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "  %u annotation sits on similar text and waits for review (fuzzy)\n",
                                              "  %u annotations sit on similar text and wait for review (fuzzy)\n",
                                              stats->fuzzy),
                            stats->fuzzy);
  if (stats->orphaned > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "  %u annotation was not found in the text (orphaned)\n",
                                              "  %u annotations were not found in the text (orphaned)\n",
                                              stats->orphaned),
                            stats->orphaned);

  g_print ("%s", out->str);
}

static void
add_to_total (Stats       *total,
              const Stats *stats)
{
  total->articles += stats->articles;
  total->annotations += stats->annotations;
  total->notes += stats->notes;
  total->fuzzy += stats->fuzzy;
  total->orphaned += stats->orphaned;
  total->characters += stats->characters;
  for (guint i = 0; i < GLS_N_WORK_STATES; i++)
    total->states[i] += stats->states[i];

  for (guint i = 0; i < stats->tallies->len; i++)
    {
      const Tally *tally = g_ptr_array_index (stats->tallies, i);
      Tally *sum = tally_for (total, tally->category, NULL);

      /* the label of the first article that has the category */
      if (sum->annotations == 0 && sum->characters == 0 && sum->notes == 0 && !sum->in_codebook)
        {
          g_free (sum->label);
          sum->label = g_strdup (tally->label);
          sum->in_codebook = tally->in_codebook;
        }
      sum->annotations += tally->annotations;
      sum->notes += tally->notes;
      sum->characters += tally->characters;
    }
}

/* The state of work of the one article @stats counts. */
static GlsWorkState
stats_state (const Stats *stats)
{
  for (guint i = 0; i < GLS_N_WORK_STATES; i++)
    if (stats->states[i] > 0)
      return i;

  return GLS_WORK_STATE_NOT_STARTED;
}

static void
add_uint_member (JsonBuilder *builder,
                 const char  *name,
                 guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, (gint64) value);
}

static void
add_stats_members (JsonBuilder *builder,
                   const Stats *stats)
{
  add_uint_member (builder, "annotations", stats->annotations);
  add_uint_member (builder, "characters", stats->characters);
  add_uint_member (builder, "notes", stats->notes);
  add_uint_member (builder, "fuzzy", stats->fuzzy);
  add_uint_member (builder, "orphaned", stats->orphaned);

  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->tallies->len; i++)
    {
      const Tally *tally = g_ptr_array_index (stats->tallies, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, tally->category);
      json_builder_set_member_name (builder, "in_codebook");
      json_builder_add_boolean_value (builder, tally->in_codebook);
      add_uint_member (builder, "annotations", tally->annotations);
      add_uint_member (builder, "characters", tally->characters);
      add_uint_member (builder, "notes", tally->notes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* In a worker thread: one article's table, and its counts for the total. */
static GlsCliExit
stats_one (const char *path,
           gpointer    user_data)
{
  StatsRun *run = user_data;
  g_autoptr(GlsDocument) document = NULL;
  Stats *stats;

  if ((document = gls_cli_load_document (path, GLS_LOAD_READ_ONLY)) == NULL)
    return GLS_CLI_EXIT_FAILED;

  if (run->csv)
    {
      g_autoptr(GString) rows = g_string_new (NULL);

      /* printed in the order of the sources, by the main thread */
      gls_stats_csv_append_document (rows, path, document);
      gls_cli_job_set_result (g_string_free (g_steal_pointer (&rows), FALSE), g_free);
      return GLS_CLI_EXIT_OK;
    }

  stats = count_document (document);
  if (!run->json)
    print_table (stats, path);
  gls_cli_job_set_result (stats, (GDestroyNotify) stats_free);

  return GLS_CLI_EXIT_OK;
}

/* In the main thread, in the order of the sources. */
static void
stats_result (const char *path,
              gpointer    result,
              gpointer    user_data)
{
  StatsRun *run = user_data;
  Stats *stats = result;

  if (stats == NULL)
    {
      g_ptr_array_add (run->failed, g_strdup (path));
      return;
    }

  if (run->csv)
    {
      fputs (result, stdout);
      return;
    }

  add_to_total (run->total, stats);

  if (run->json)
    {
      json_builder_begin_object (run->articles);
      json_builder_set_member_name (run->articles, "source");
      json_builder_add_string_value (run->articles, path);
      json_builder_set_member_name (run->articles, "state");
      json_builder_add_string_value (run->articles, gls_work_state_to_string (stats_state (stats)));
      add_stats_members (run->articles, stats);
      json_builder_end_object (run->articles);
    }
}

/* {"articles": [...], "failed": [...], "total": {...}} */
static void
print_json (StatsRun *run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_end_array (run->articles);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "articles");
  json_builder_add_value (builder, json_builder_get_root (run->articles));

  json_builder_set_member_name (builder, "failed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < run->failed->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (run->failed, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "total");
  json_builder_begin_object (builder);
  add_uint_member (builder, "articles", run->total->articles);
  /* how many articles are in each state of work */
  json_builder_set_member_name (builder, "states");
  json_builder_begin_object (builder);
  for (guint i = 0; i < GLS_N_WORK_STATES; i++)
    add_uint_member (builder, gls_work_state_to_string (i), run->total->states[i]);
  json_builder_end_object (builder);
  add_stats_members (builder, run->total);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  gls_cli_print_json (builder);
}

GlsCliExit
gls_cli_stats (const GlsCliCommand  *command,
               int                   argc,
               char                **argv)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(JsonBuilder) articles = json_builder_new ();
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  StatsRun run = { FALSE, FALSE, FALSE, NULL, articles, failed };
  GlsCliExit exit_code;
  GlsCliExit run_code;
  guint n_folders;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &run.json, N_("Print one JSON object: every article and the total"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &run.csv, N_("Print CSV: a row per article and category"), NULL },
    { NULL }
  };

  if ((sources = gls_cli_parse_sources (command, entries, argc, argv, GLS_CORPUS_NONE,
                                        &n_folders, &exit_code)) == NULL)
    return exit_code;
  if (run.json && run.csv)
    return gls_cli_usage_error (command, _("give either --json or --csv, not both"));

  run.corpus = n_folders > 0;
  {
    const struct lconv *conv = localeconv ();

    g_free (digits.separator);
    g_free (digits.grouping);
    digits.separator = g_strdup (conv->thousands_sep);
    digits.grouping = g_strdup (conv->grouping);
  }
  run.total = stats_new ();
  json_builder_begin_array (articles);

  if (run.csv)
    {
      g_autoptr(GString) header = g_string_new (NULL);

      gls_stats_csv_append_header (header);
      fputs (header->str, stdout);
    }
  run_code = gls_cli_run_parallel (sources, stats_one, stats_result, &run);

  if (run.csv)
    ;
  else if (run.json)
    print_json (&run);
  else if (run.corpus)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u article",
                                                               "All %u articles", run.total->articles),
                                                  run.total->articles);

      print_table (run.total, heading);
    }

  stats_free (run.total);

  return MAX (exit_code, run_code);
}
