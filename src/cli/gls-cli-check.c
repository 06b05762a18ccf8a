/* gls-cli-check.c
 * glossator-cli validate: takes each file for an annotation file, a
 * codebook or an article by the rule its --help states, and checks it. */
#define G_LOG_DOMAIN "glossator-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-cli-private.h"

#define SIDECAR_SUFFIX ".annotations.xml"

/* Enough of a file for its root element, as the core reads a sidecar's
 * first elements. */
#define SNIFF_SIZE (64 * 1024)

static GFile *
source_for_sidecar (const char *path)
{
  g_autofree char *source = g_strndup (path, strlen (path) - strlen (SIDECAR_SUFFIX));

  return g_file_new_for_commandline_arg (source);
}

/* Whether @file's root element is a codebook's, from its first bytes. A
 * file that is not a regular file is not read here: the article's reader
 * refuses it with its reason. */
static gboolean
is_codebook (GFile *file)
{
  g_autoptr(GBytes) head = gls_read_file_head (file, SNIFF_SIZE);

  return head != NULL && g_bytes_get_size (head) > 0 && gls_codebook_sniff (head);
}

static gboolean
has_xml_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xml");
}

/* An article and its sidecar, checked together as the window loads them. */
static GlsCliExit
validate_document (GFile      *source_file,
                   const char *what)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GFile) sidecar = gls_sidecar_file_for_source (source_file);
  g_autofree char *name = g_file_get_parse_name (sidecar);

  document = gls_cli_read_document (source_file, GLS_LOAD_READ_ONLY, problems, &error);
  gls_cli_print_problems (problems);

  if (document == NULL)
    {
      if (gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
        gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  if (!g_file_query_exists (sidecar, NULL))
    {
      g_print (_("%s: no annotations yet (there is no %s)\n"), what, name);
      return GLS_CLI_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u annotation\n", "%s: valid, %u annotations\n",
                        gls_document_get_n_annotations (document)),
           name, gls_document_get_n_annotations (document));
  if (gls_document_get_n_fuzzy (document) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u annotation sits on similar text and waits for review (fuzzy)\n",
                          "%s: %u annotations sit on similar text and wait for review (fuzzy)\n",
                          gls_document_get_n_fuzzy (document)),
             name, gls_document_get_n_fuzzy (document));
  if (gls_document_get_n_orphaned (document) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u annotation was not found in the text (orphaned)\n",
                          "%s: %u annotations were not found in the text (orphaned)\n",
                          gls_document_get_n_orphaned (document)),
             name, gls_document_get_n_orphaned (document));
  /* a dangling link is a warning: the file itself is valid */
  gls_cli_check_links (document, name);

  return GLS_CLI_EXIT_OK;
}

/* A sidecar whose article is missing: what can be checked without the
 * article, with the sidecar's own problems at their lines, and then the
 * missing article. */
static GlsCliExit
validate_without_article (GFile      *sidecar,
                          GFile      *article,
                          const char *what)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *article_name = g_file_get_parse_name (article);
  gboolean read = gls_document_file_check_sidecar (sidecar, problems, NULL, &error);

  gls_cli_print_problems (problems);
  if (!read && gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
    gls_cli_print_error (error);

  g_printerr (_("%s: the article “%s” is missing, so the offsets and quotes of its annotations "
                "cannot be checked\n"),
              what, article_name);

  return GLS_CLI_EXIT_FAILED;
}

static GlsCliExit
validate_codebook (GFile      *file,
                   const char *path)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsCodebook) codebook = NULL;

  codebook = gls_codebook_new_from_file (file, NULL, problems, &error);
  gls_cli_print_problems (problems);
  if (codebook == NULL)
    {
      if (gls_problems_count (problems, GLS_PROBLEM_ERROR) == 0)
        gls_cli_print_error (error);
      return GLS_CLI_EXIT_FAILED;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid codebook, %u category\n",
                        "%s: valid codebook, %u categories\n",
                        gls_codebook_get_n_categories (codebook)),
           path, gls_codebook_get_n_categories (codebook));

  return GLS_CLI_EXIT_OK;
}

/* The rule of `validate --help`, in the same order. */
static GlsCliExit
validate_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) sidecar = NULL;

  if (g_str_has_suffix (path, SIDECAR_SUFFIX))
    {
      sidecar = g_object_ref (file);
      article = source_for_sidecar (path);

      if (!g_file_query_exists (sidecar, NULL))
        {
          g_printerr (_("%s: no such file\n"), path);
          return GLS_CLI_EXIT_FAILED;
        }
    }
  else
    {
      const GlsCliSource *source = gls_cli_job_get_source ();

      /* an article of a folder is an article (README.md), never sniffed */
      if ((source == NULL || source->relative == NULL) && is_codebook (file))
        return validate_codebook (file, path);

      article = g_object_ref (file);
      sidecar = gls_sidecar_file_for_source (file);

      if (has_xml_extension (path) && g_file_query_exists (file, NULL) && !g_file_query_exists (sidecar, NULL))
        {
          g_printerr (_("%s: not a Glossator annotation file or codebook: annotation files are named "
                        "ARTICLE.annotations.xml, and a codebook’s root element is <codebook> "
                        "(see “%s validate --help”)\n"),
                      path, g_get_prgname ());
          return GLS_CLI_EXIT_FAILED;
        }
    }

  if (!g_file_query_exists (article, NULL) && g_file_query_exists (sidecar, NULL))
    return validate_without_article (sidecar, article, path);

  return validate_document (article, path);
}

GlsCliExit
gls_cli_validate (const GlsCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  return gls_cli_run_on_files (command, argc, argv, GLS_CORPUS_ORPHAN_SIDECARS, validate_file);
}
