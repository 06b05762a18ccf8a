/* gls-cli-links.c
 * glossator-cli link and compare, and the check of links that validate
 * runs: relations into other articles' annotation files, followed. */
#define G_LOG_DOMAIN "gls-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gls-cli-private.h"

/**
 * gls_cli_check_links:
 *
 * Follows each relation of @document into the annotation file it names,
 * and warns on standard error about each one that dangles.
 *
 * Returns: how many dangle
 */
guint
gls_cli_check_links (GlsDocument *document,
                     const char  *name)
{
  g_autoptr(GlsLinkResolver) resolver = gls_link_resolver_new ();
  GListModel *relations = gls_document_get_relations (document);
  guint n_dangling = 0;

  gls_link_resolver_add_document (resolver, document);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GlsLinkEnd) end = NULL;

      if (!gls_relation_is_link (relation))
        continue;

      end = gls_link_resolver_resolve (resolver, document, gls_relation_get_to (relation));
      if (end->state == GLS_LINK_NO_FILE)
        /* Translators: the annotation file, the relation's id, the reference it holds */
        g_printerr (_("%s: warning: relation “%s” leads to “%s”, whose annotation file cannot be read\n"),
                    name, gls_relation_get_id (relation), gls_relation_get_to (relation));
      else if (end->state == GLS_LINK_NO_ANNOTATION)
        g_printerr (_("%s: warning: relation “%s” leads to “%s”, which has no such annotation\n"),
                    name, gls_relation_get_id (relation), gls_relation_get_to (relation));
      if (end->state != GLS_LINK_OK)
        n_dangling++;
    }

  return n_dangling;
}

GlsCliExit
gls_cli_link (const GlsCliCommand  *command,
              int                   argc,
              char                **argv)
{
  g_autofree char *type = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) other = NULL;
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GFile) other_sidecar = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *from;
  GlsRelation *relation;
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &type,
      N_("The relation’s type, such as supports, contradicts, same-claim, paraphrases or cause"), N_("TYPE") },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;
  if (type == NULL)
    return gls_cli_usage_error (command, _("--%s is required"), "type");

  if ((document = gls_cli_load_document (argv[1], GLS_LOAD_NONE)) == NULL)
    {
      g_printerr (_("link: nothing was changed\n"));
      return GLS_CLI_EXIT_FAILED;
    }
  if ((from = gls_document_lookup_annotation (document, argv[2])) == NULL)
    {
      g_printerr (_("%s: there is no annotation “%s”; nothing was changed\n"), argv[1], argv[2]);
      return GLS_CLI_EXIT_FAILED;
    }

  other_file = g_file_new_for_commandline_arg (argv[3]);
  other_sidecar = gls_sidecar_file_for_source (other_file);
  if (g_file_equal (other_sidecar, gls_document_get_sidecar_file (document)))
    other = g_object_ref (document);
  else if ((other = gls_cli_load_document (argv[3], GLS_LOAD_READ_ONLY)) == NULL)
    {
      g_printerr (_("link: nothing was changed\n"));
      return GLS_CLI_EXIT_FAILED;
    }
  if (gls_document_lookup_annotation (other, argv[4]) == NULL)
    {
      g_printerr (_("%s: there is no annotation “%s”; nothing was changed\n"), argv[3], argv[4]);
      return GLS_CLI_EXIT_FAILED;
    }

  relation = gls_document_add_link (document, type, from, other_sidecar, argv[4], &error);
  if (relation == NULL || !gls_cli_save_document (document, &error))
    {
      gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  g_print ("%s\n", gls_relation_get_id (relation));

  return GLS_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* compare                                                              */

/* Per category of one side: its annotations, those linked with the other
 * side (in either file), and the links by type. */
typedef struct
{
  guint       n_annotations;
  guint       n_linked;
  GHashTable *by_type;  /* type → count, as GUINT_TO_POINTER */
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  g_hash_table_unref (count->by_type);
  g_free (count);
}

static Count *
get_count (GHashTable *counts,
           const char *category)
{
  Count *count = g_hash_table_lookup (counts, category);

  if (count == NULL)
    {
      count = g_new0 (Count, 1);
      count->by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (counts, g_strdup (category), count);
    }

  return count;
}

/* The links of @document into @other's file, each calling @found with the
 * annotation of @document and the id in @other. */
typedef void (*LinkFunc) (GlsAnnotation *here,
                          const char    *there,
                          const char    *type,
                          gpointer       data);

static void
foreach_link (GlsDocument *document,
              GlsDocument *other,
              LinkFunc     found,
              gpointer     data)
{
  GListModel *relations = gls_document_get_relations (document);
  GFile *other_sidecar = gls_document_get_sidecar_file (other);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GFile) sidecar = NULL;
      g_autofree char *id = NULL;
      GlsAnnotation *here;

      if (!gls_relation_is_link (relation) ||
          (here = gls_document_lookup_annotation (document, gls_relation_get_from (relation))) == NULL ||
          (sidecar = gls_link_dup_sidecar (gls_document_get_sidecar_file (document),
                                           gls_relation_get_to (relation), &id)) == NULL ||
          !g_file_equal (sidecar, other_sidecar))
        continue;
      found (here, id, gls_relation_get_relation_type (relation), data);
    }
}

typedef struct
{
  GlsDocument *sides[2];
  GHashTable  *counts[2];  /* category → Count */
  GHashTable  *linked[2];  /* GlsAnnotation of that side already counted as linked */
  guint        from;       /* the side whose file holds the links being read */
} Comparison;

static void
count_link (GlsAnnotation *here,
            const char    *there,
            const char    *type,
            gpointer       data)
{
  Comparison *comparison = data;
  GlsAnnotation *ends[2];

  ends[comparison->from] = here;
  ends[1 - comparison->from] = gls_document_lookup_annotation (comparison->sides[1 - comparison->from], there);
  for (guint side = 0; side < 2; side++)
    {
      Count *count;
      guint n;

      if (ends[side] == NULL)
        continue;
      count = get_count (comparison->counts[side], gls_annotation_get_category (ends[side]));
      if (g_hash_table_add (comparison->linked[side], ends[side]))
        count->n_linked++;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (count->by_type, type));
      g_hash_table_replace (count->by_type, g_strdup (type), GUINT_TO_POINTER (n + 1));
    }
}

static GList *
sorted_keys (GHashTable *table)
{
  return g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);
}

static void
print_text (Comparison  *comparison,
            char       **names)
{
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr(GList) categories = sorted_keys (comparison->counts[side]);

      g_print ("%s\n", names[side]);
      for (GList *l = categories; l != NULL; l = l->next)
        {
          Count *count = g_hash_table_lookup (comparison->counts[side], l->data);
          g_autoptr(GList) types = sorted_keys (count->by_type);
          g_autoptr(GString) by_type = g_string_new (NULL);

          for (GList *t = types; t != NULL; t = t->next)
            g_string_append_printf (by_type, "%s%s=%u", by_type->len > 0 ? " " : "", (char *) t->data,
                                    GPOINTER_TO_UINT (g_hash_table_lookup (count->by_type, t->data)));
          /* category, annotations, linked, only on this side, links by type */
          g_print ("\t%s\t%u\t%u\t%u\t%s\n", (char *) l->data, count->n_annotations, count->n_linked,
                   count->n_annotations - count->n_linked, by_type->str);
        }
    }
}

static void
print_json (Comparison  *comparison,
            char       **names)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr(GList) categories = sorted_keys (comparison->counts[side]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, names[side]);
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_object (builder);
      for (GList *l = categories; l != NULL; l = l->next)
        {
          Count *count = g_hash_table_lookup (comparison->counts[side], l->data);
          g_autoptr(GList) types = sorted_keys (count->by_type);

          json_builder_set_member_name (builder, l->data);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "annotations");
          json_builder_add_int_value (builder, count->n_annotations);
          json_builder_set_member_name (builder, "linked");
          json_builder_add_int_value (builder, count->n_linked);
          json_builder_set_member_name (builder, "only_here");
          json_builder_add_int_value (builder, count->n_annotations - count->n_linked);
          json_builder_set_member_name (builder, "by_type");
          json_builder_begin_object (builder);
          for (GList *t = types; t != NULL; t = t->next)
            {
              json_builder_set_member_name (builder, t->data);
              json_builder_add_int_value (builder, GPOINTER_TO_UINT (g_hash_table_lookup (count->by_type, t->data)));
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  gls_cli_print_json (builder);
}

GlsCliExit
gls_cli_compare (const GlsCliCommand  *command,
                 int                   argc,
                 char                **argv)
{
  gboolean json = FALSE;
  Comparison comparison = { { NULL } };
  GlsCliExit exit_code = GLS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  for (guint side = 0; side < 2; side++)
    {
      GlsDocument *document = gls_cli_load_document (argv[1 + side], GLS_LOAD_READ_ONLY);
      GlsAnnotationList *annotations;

      comparison.counts[side] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, count_free);
      comparison.linked[side] = g_hash_table_new (NULL, NULL);
      if ((comparison.sides[side] = document) == NULL)
        {
          exit_code = GLS_CLI_EXIT_FAILED;
          continue;
        }
      annotations = gls_document_get_annotations (document);
      for (guint i = 0; i < gls_document_get_n_annotations (document); i++)
        get_count (comparison.counts[side],
                   gls_annotation_get_category (gls_annotation_list_get (annotations, i)))->n_annotations++;
    }

  if (exit_code == GLS_CLI_EXIT_OK)
    {
      for (comparison.from = 0; comparison.from < 2; comparison.from++)
        foreach_link (comparison.sides[comparison.from], comparison.sides[1 - comparison.from],
                      count_link, &comparison);
      if (json)
        print_json (&comparison, argv + 1);
      else
        print_text (&comparison, argv + 1);
    }

  for (guint side = 0; side < 2; side++)
    {
      g_clear_object (&comparison.sides[side]);
      g_hash_table_unref (comparison.counts[side]);
      g_hash_table_unref (comparison.linked[side]);
    }

  return exit_code;
}
