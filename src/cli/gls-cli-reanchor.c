/* gls-cli-reanchor.c
 * glossator-cli reanchor: the annotations follow their article's text
 * after it changed (FORMAT.md §2.1), a line per target; and the JSON form
 * of `list`, which says how each annotation is anchored. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gls-cli-private.h"

/* The word for each state, as `reanchor` and `list --json` print it. */
static const char *
anchor_word (GlsAnchor anchor)
{
  static const char *words[] = {
    [GLS_ANCHOR_OK] = "exact",
    [GLS_ANCHOR_MOVED] = "moved",
    [GLS_ANCHOR_FUZZY] = "fuzzy",
    [GLS_ANCHOR_ORPHANED] = "orphaned",
  };

  return words[anchor];
}

/* Each target where it is: what `reanchor` reports when the article did
 * not change, so nothing was re-anchored. */
static GlsReanchorReport *
report_as_is (GlsDocument *document)
{
  GlsReanchorReport *report = g_new0 (GlsReanchorReport, 1);
  GlsAnnotationList *annotations = gls_document_get_annotations (document);
  guint n = gls_document_get_n_annotations (document);

  report->entries = g_array_new (FALSE, FALSE, sizeof (GlsReanchorEntry));
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (annotations, i);
      GlsAnchor anchor = gls_annotation_get_anchor (annotation);

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          GlsReanchorEntry entry = {
            g_object_ref (annotation), j, anchor, span.start, span.end, span.start, span.end
          };

          g_array_append_val (report->entries, entry);
        }
      report->n_annotations[anchor]++;
    }

  return report;
}

static void
print_entries (const GlsReanchorReport *report,
               const char              *path,
               gboolean                 name_source)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < report->entries->len; i++)
    {
      const GlsReanchorEntry *entry = &g_array_index (report->entries, GlsReanchorEntry, i);

      if (name_source)
        g_string_append_printf (out, "%s#", path);
      g_string_append_printf (out, "%s\t%s\t%u\t%u\t",
                              gls_annotation_get_id (entry->annotation), anchor_word (entry->anchor),
                              entry->old_start, entry->old_end);
      if (entry->anchor != GLS_ANCHOR_ORPHANED)
        g_string_append_printf (out, "%u\t%u\n", entry->new_start, entry->new_end);
      else
        g_string_append (out, "\t\n");
    }

  g_print ("%s", out->str);
}

static void
print_summary (const GlsReanchorReport *report,
               const char              *path,
               gboolean                 changed)
{
  const guint *n = report->n_annotations;

  if (!changed)
    {
      /* Translators: %s is a file */
      g_printerr (_("%s: the article did not change since the annotations were saved; nothing to re-anchor\n"),
                  path);
      return;
    }

  /* Translators: a summary of annotations, e.g. "a.txt: 40 in place, 2 moved, 1 to review, 0 not found" */
  g_printerr (_("%s: %u in place, %u moved, %u to review (similar text), %u not found (orphaned)\n"),
              path, n[GLS_ANCHOR_OK], n[GLS_ANCHOR_MOVED], n[GLS_ANCHOR_FUZZY], n[GLS_ANCHOR_ORPHANED]);
}

typedef struct
{
  gboolean dry_run;
  gboolean name_source;   /* several sources: each line says which */
} ReanchorRun;

/* In a worker thread: one article. */
static GlsCliExit
reanchor_one (const char *path,
              gpointer    user_data)
{
  ReanchorRun *run = user_data;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsReanchorReport) as_is = NULL;
  g_autoptr(GError) error = NULL;
  const GlsReanchorReport *report;
  gboolean changed;

  /* loading re-anchors whenever the article's hash differs */
  if ((document = gls_cli_load_document (path, GLS_LOAD_NONE)) == NULL)
    return GLS_CLI_EXIT_FAILED;

  changed = gls_document_get_source_changed (document);
  report = gls_document_get_reanchor_report (document);
  if (report == NULL)
    report = as_is = report_as_is (document);

  print_entries (report, path, run->name_source);
  print_summary (report, path, changed);

  if (changed && !run->dry_run && !gls_cli_save_document (document, &error))
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  return GLS_CLI_EXIT_OK;
}

GlsCliExit
gls_cli_reanchor (const GlsCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  g_autoptr(GPtrArray) sources = NULL;
  ReanchorRun run = { FALSE, FALSE };
  GlsCliExit exit_code;
  GlsCliExit run_code;
  guint n_folders;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &run.dry_run, N_("Report, but do not save"), NULL },
    { NULL }
  };

  if ((sources = gls_cli_parse_sources (command, entries, argc, argv, GLS_CORPUS_NONE,
                                        &n_folders, &exit_code)) == NULL)
    return exit_code;

  run.name_source = sources->len != 1 || n_folders > 0;
  run_code = gls_cli_run_parallel (sources, reanchor_one, NULL, &run);

  return MAX (exit_code, run_code);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static JsonNode *
annotation_to_json (GlsDocument   *document,
                    GlsAnnotation *annotation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GlsSource *source = gls_document_get_source (document);
  guint length = gls_source_get_length (source);
  GlsAnchor anchor = gls_annotation_get_anchor (annotation);

  json_builder_begin_object (builder);
  add_string_member (builder, "id", gls_annotation_get_id (annotation));
  add_string_member (builder, "category", gls_annotation_get_category (annotation));
  add_string_member (builder, "anchor", anchor_word (anchor));
  add_string_member (builder, "annotator", gls_annotation_get_annotator (annotation));
  add_string_member (builder, "note", gls_annotation_get_note (annotation));

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gls_annotation_get_n_targets (annotation); i++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, i);
      g_autofree char *exact = NULL;

      /* an orphan's text is gone: its quote is the one it was saved with */
      if (anchor == GLS_ANCHOR_ORPHANED)
        exact = g_strdup (gls_annotation_get_target_exact (annotation, i));
      else
        exact = gls_source_dup_range (source, MIN (span.start, length), MIN (span.end, length));

      json_builder_begin_object (builder);
      add_int_member (builder, "start", span.start);
      add_int_member (builder, "end", span.end);
      add_string_member (builder, "exact", exact ? exact : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* `list --json`: {"source": …, "annotations": […], "relations": […]} */
void
gls_cli_print_list_json (GlsDocument *document,
                         const char  *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GlsAnnotationList *annotations = gls_document_get_annotations (document);
  GListModel *relations = gls_document_get_relations (document);
  guint n = gls_document_get_n_annotations (document);

  json_builder_begin_object (builder);
  add_string_member (builder, "source", path);
  add_string_member (builder, "state", gls_work_state_to_string (gls_document_get_work_state (document)));

  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_value (builder, annotation_to_json (document, gls_annotation_list_get (annotations, i)));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", gls_relation_get_id (relation));
      add_string_member (builder, "type", gls_relation_get_relation_type (relation));
      add_string_member (builder, "from", gls_relation_get_from (relation));
      add_string_member (builder, "to", gls_relation_get_to (relation));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  gls_cli_print_json (builder);
}
