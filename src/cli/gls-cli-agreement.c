/* gls-cli-agreement.c
 * glossator-cli agreement: how far coders agree, from their sidecars of
 * the same articles, as a table or as JSON. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gls-cli-private.h"

#define SIDECAR_SUFFIX ".annotations.xml"

static gboolean
is_folder (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_DIR);
}

/* The sidecars under @folder, as paths relative to @root, recursively. */
static gboolean
collect_sidecars (GFile      *root,
                  GFile      *folder,
                  GPtrArray  *found,
                  GError    **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, error))
        return FALSE;
      if (info == NULL)
        return TRUE;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (g_file_info_get_name (info)[0] != '.' && !collect_sidecars (root, child, found, error))
            return FALSE;
        }
      else if (g_str_has_suffix (g_file_info_get_name (info), SIDECAR_SUFFIX))
        g_ptr_array_add (found, g_file_get_relative_path (root, child));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The articles to compare: the sidecars that every folder has, by their
 * path inside it. A sidecar that some folders lack is named and left out. */
static GPtrArray *
common_sidecars (char   **folders,
                 int      n_folders,
                 GError **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *common = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer path, count;

  for (int i = 0; i < n_folders; i++)
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (folders[i]);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

      if (!collect_sidecars (root, root, found, error))
        {
          g_ptr_array_unref (common);
          return NULL;
        }

      for (guint j = 0; j < found->len; j++)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (found, j)));
          g_hash_table_replace (counts, g_steal_pointer (&found->pdata[j]), GUINT_TO_POINTER (n + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &path, &count))
    {
      if (GPOINTER_TO_INT (count) == n_folders)
        g_ptr_array_add (common, g_strdup (path));
      else
        /* Translators: a sidecar's path inside the coders' folders */
        g_printerr (_("%s: not in every folder, left out\n"), (const char *) path);
    }
  g_ptr_array_sort (common, compare_paths);

  return common;
}

/* The article's name: the sidecar's, without the suffix. */
static char *
article_name (const char *sidecar)
{
  if (g_str_has_suffix (sidecar, SIDECAR_SUFFIX))
    return g_strndup (sidecar, strlen (sidecar) - strlen (SIDECAR_SUFFIX));
  return g_strdup (sidecar);
}

static gboolean
add_sidecar (GlsAgreement *agreement,
             guint         article,
             int           coder,
             const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!gls_agreement_add_sidecar (agreement, article, coder, file, &error))
    {
      gls_cli_print_error (error);
      return FALSE;
    }

  return TRUE;
}

/* The coders' folders, read on every core: an article's sidecars in each
 * job, added to the study in the main thread, in the order of the
 * articles. */
typedef struct
{
  GlsAgreement  *agreement;
  char         **folders;
  int            n_folders;
  gboolean       by_annotator;
  GError        *error;      /* the first sidecar that could not be added */
} Study;

/* In a worker thread: @relative in every coder's folder */
static GlsCliExit
read_article (const char *relative,
              gpointer    user_data)
{
  Study *study = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_agreement_file_free);

  for (int i = 0; i < study->n_folders; i++)
    {
      g_autofree char *path = g_build_filename (study->folders[i], relative, NULL);
      g_autoptr(GFile) sidecar = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;
      GlsAgreementFile *file;

      if ((file = gls_agreement_file_read (sidecar, &error)) == NULL)
        {
          gls_cli_print_error (error);
          return GLS_CLI_EXIT_FAILED;
        }
      g_ptr_array_add (files, file);
    }

  gls_cli_job_set_result (g_steal_pointer (&files), (GDestroyNotify) g_ptr_array_unref);

  return GLS_CLI_EXIT_OK;
}

/* In the main thread, in order; a NULL stands for an article whose
 * sidecars could not all be read (already said). */
static void
add_article (const char *relative,
             gpointer    result,
             gpointer    user_data)
{
  Study *study = user_data;
  GPtrArray *files = result;
  g_autofree char *name = NULL;
  guint article;

  if (files == NULL || study->error != NULL)
    return;

  name = article_name (relative);
  article = gls_agreement_add_article (study->agreement, name, 0);
  for (guint i = 0; i < files->len && study->error == NULL; i++)
    gls_agreement_add_file (study->agreement, article, study->by_annotator ? -1 : (int) i,
                            g_ptr_array_index (files, i), &study->error);
}

static gboolean
read_folders (GlsAgreement  *agreement,
              char         **folders,
              int            n_folders,
              gboolean       by_annotator,
              GPtrArray     *articles)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_cli_source_free);
  Study study = { agreement, folders, n_folders, by_annotator, NULL };
  GlsCliExit exit_code;

  for (guint i = 0; i < articles->len; i++)
    {
      GlsCliSource *source = g_new0 (GlsCliSource, 1);

      source->path = g_strdup (g_ptr_array_index (articles, i));
      g_ptr_array_add (sources, source);
    }

  exit_code = gls_cli_run_parallel (sources, read_article, add_article, &study);
  if (study.error != NULL)
    {
      gls_cli_print_error (study.error);
      g_clear_error (&study.error);
      return FALSE;
    }

  return exit_code == GLS_CLI_EXIT_OK;
}

/* Reads the coders' files: one sidecar per coder, or the folders of the
 * coders; with --by-annotator, one sidecar or folder of all coders. */
static gboolean
read_study (GlsAgreement  *agreement,
            char         **paths,
            int            n_paths,
            gboolean       by_annotator,
            gboolean       folders)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  if (!by_annotator)
    for (int i = 0; i < n_paths; i++)
      gls_agreement_add_coder (agreement, paths[i]);

  if (!folders)
    {
      g_autofree char *name = article_name (paths[0]);
      guint article = gls_agreement_add_article (agreement, name, 0);

      for (int i = 0; i < n_paths; i++)
        if (!add_sidecar (agreement, article, by_annotator ? -1 : i, paths[i]))
          return FALSE;
      return TRUE;
    }

  if ((articles = common_sidecars (paths, n_paths, &error)) == NULL)
    {
      gls_cli_print_error (error);
      return FALSE;
    }
  if (articles->len == 0)
    {
      g_printerr (_("No annotation file is in every folder: there is nothing to compare\n"));
      return FALSE;
    }

  return read_folders (agreement, paths, n_paths, by_annotator, articles);
}

static void
add_json_figure (JsonBuilder              *builder,
                 const char               *name,
                 const GlsAgreementFigure *figure)
{
  json_builder_set_member_name (builder, name);
  if (figure->undefined == GLS_AGREEMENT_DEFINED)
    json_builder_add_double_value (builder, figure->value);
  else
    json_builder_add_null_value (builder);
}

/* {"units": N, "categories": {…}, "overall": {…}} of an article, or of all */
static void
add_json_figures (JsonBuilder  *builder,
                  GlsAgreement *agreement,
                  int           article)
{
  g_auto(GStrv) categories = gls_agreement_dup_categories (agreement, article);
  GlsAgreementFigures figures;

  json_builder_set_member_name (builder, "units");
  json_builder_add_int_value (builder, gls_agreement_get_n_units (agreement, article));

  json_builder_set_member_name (builder, "categories");
  json_builder_begin_object (builder);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      gls_agreement_compute (agreement, article, categories[i], &figures);
      json_builder_set_member_name (builder, categories[i]);
      json_builder_begin_object (builder);
      add_json_figure (builder, "kappa", &figures.kappa);
      add_json_figure (builder, "alpha", &figures.alpha);
      add_json_figure (builder, "alpha_u", &figures.alpha_u);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  gls_agreement_compute_overall (agreement, article, &figures);
  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  add_json_figure (builder, "alpha_u", &figures.alpha_u);
  json_builder_end_object (builder);
}

static void
print_json (GlsAgreement *agreement,
            gboolean      per_article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gls_agreement_get_n_coders (agreement); i++)
    json_builder_add_string_value (builder, gls_agreement_get_coder (agreement, i));
  json_builder_end_array (builder);

  add_json_figures (builder, agreement, GLS_AGREEMENT_POOLED);

  if (per_article)
    {
      json_builder_set_member_name (builder, "articles");
      json_builder_begin_object (builder);
      for (guint i = 0; i < gls_agreement_get_n_articles (agreement); i++)
        {
          json_builder_set_member_name (builder, gls_agreement_get_article (agreement, i));
          json_builder_begin_object (builder);
          add_json_figures (builder, agreement, i);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  gls_cli_print_json (builder);
}

/* One cell of the table; a figure without value is a dash, with its
 * reason added to @notes. */
static void
append_cell (GString                  *out,
             GString                  *notes,
             const char               *category,
             const char               *measure,
             const GlsAgreementFigure *figure)
{
  if (figure->undefined == GLS_AGREEMENT_DEFINED)
    g_string_append_printf (out, " %9.3f", figure->value);
  else
    {
      /* the dash is three bytes wide for printf, one character on screen */
      g_string_append_printf (out, " %11s", "—");
      /* Translators: a category, a measure ("kappa"), then why it has no
       * value, as in "claim: kappa has no value: nobody used the category" */
      g_string_append_printf (notes, _("  %s: %s has no value: %s\n"), category, measure,
                              gls_agreement_undefined_to_string (figure->undefined));
    }
}

static void
append_table (GString      *out,
              GlsAgreement *agreement,
              int           article)
{
  g_auto(GStrv) categories = gls_agreement_dup_categories (agreement, article);
  g_autoptr(GString) notes = g_string_new (NULL);
  GlsAgreementFigures figures;
  guint n_units = gls_agreement_get_n_units (agreement, article);
  int width = 20;

  for (guint i = 0; categories[i] != NULL; i++)
    width = MAX (width, (int) g_utf8_strlen (categories[i], -1));

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Units: %u character\n", "Units: %u characters\n",
                                            n_units),
                          n_units);
  if (categories[0] == NULL)
    {
      g_string_append (out, _("Nobody annotated anything.\n"));
      return;
    }

  /* Translators: the heading of the first column of the agreement table */
  g_string_append_printf (out, "%-*s %9s %9s %9s\n", width, _("Category"), "kappa", "alpha", "alpha_u");
  for (guint i = 0; categories[i] != NULL; i++)
    {
      gls_agreement_compute (agreement, article, categories[i], &figures);
      g_string_append_printf (out, "%-*s", width, categories[i]);
      append_cell (out, notes, categories[i], "kappa", &figures.kappa);
      append_cell (out, notes, categories[i], "alpha", &figures.alpha);
      append_cell (out, notes, categories[i], "alpha_u", &figures.alpha_u);
      g_string_append_c (out, '\n');
    }

  gls_agreement_compute_overall (agreement, article, &figures);
  /* Translators: the last row of the agreement table, all categories */
  g_string_append_printf (out, "%-*s %9s %9s", width, _("All categories"), "", "");
  append_cell (out, notes, _("All categories"), "alpha_u", &figures.alpha_u);
  g_string_append_c (out, '\n');

  if (notes->len > 0)
    {
      g_string_append (out, _("Without value:\n"));
      g_string_append (out, notes->str);
    }
}

static void
print_table (GlsAgreement *agreement,
             gboolean      per_article)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_coders = gls_agreement_get_n_coders (agreement);

  g_string_append (out, g_dngettext (GETTEXT_PACKAGE, "Coder:\n", "Coders:\n", n_coders));
  for (guint i = 0; i < n_coders; i++)
    g_string_append_printf (out, "  %s\n", gls_agreement_get_coder (agreement, i));
  g_string_append (out, _("kappa: Cohen’s for two coders, Fleiss’ for more; alpha: Krippendorff’s, "
                          "on characters; alpha_u: Krippendorff’s unitizing alpha, on spans\n"));

  if (per_article)
    for (guint i = 0; i < gls_agreement_get_n_articles (agreement); i++)
      {
        g_string_append_printf (out, "\n%s\n", gls_agreement_get_article (agreement, i));
        append_table (out, agreement, i);
      }

  if (per_article)
    g_string_append_printf (out, "\n%s\n", _("All articles"));
  else
    g_string_append_c (out, '\n');
  append_table (out, agreement, GLS_AGREEMENT_POOLED);

  fputs (out->str, stdout);
}

GlsCliExit
gls_cli_agreement (const GlsCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  g_autoptr(GlsAgreement) agreement = gls_agreement_new ();
  gboolean json = FALSE;
  gboolean by_annotator = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { "by-annotator", 0, 0, G_OPTION_ARG_NONE, &by_annotator,
      N_("Take the annotators named in one file (or one folder) as the coders"), NULL },
    { NULL }
  };
  GlsCliExit exit_code;
  gboolean folders;
  int n_paths;

  if (!gls_cli_parse_options (command, entries, &argc, &argv, &exit_code))
    return exit_code;

  n_paths = argc - 1;
  if (by_annotator && n_paths != 1)
    return gls_cli_usage_error (command, _("--by-annotator takes one file or folder"));
  if (!by_annotator && n_paths < 2)
    return gls_cli_usage_error (command, _("give the files of two coders or more, or --by-annotator"));

  folders = is_folder (argv[1]);
  for (int i = 2; i <= n_paths; i++)
    if (is_folder (argv[i]) != folders)
      return gls_cli_usage_error (command, _("give either files or folders, not both"));

  if (!read_study (agreement, argv + 1, n_paths, by_annotator, folders))
    return GLS_CLI_EXIT_FAILED;

  if (gls_agreement_get_n_coders (agreement) < 2)
    {
      g_printerr (_("%s: fewer than two annotators, so there is no agreement to measure\n"), argv[1]);
      return GLS_CLI_EXIT_FAILED;
    }

  if (json)
    print_json (agreement, folders);
  else
    print_table (agreement, folders);

  return GLS_CLI_EXIT_OK;
}
