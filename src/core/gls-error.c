/* gls-error.c
 * The GLS_ERROR domain and the FILE:LINE:COLUMN problem reports. */
#define G_LOG_DOMAIN "gls-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-error.h"

G_DEFINE_QUARK (gls-error-quark, gls_error)

GlsProblem *
gls_problem_new (GlsProblemSeverity  severity,
                 const char         *file,
                 guint               line,
                 guint               column,
                 const char         *message)
{
  GlsProblem *problem;

  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (GlsProblem, 1);
  problem->severity = severity;
  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = column;
  problem->message = g_strdup (message);

  return problem;
}

void
gls_problem_free (GlsProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

char *
gls_problem_to_string (const GlsProblem *problem)
{
  GString *str;

  g_return_val_if_fail (problem != NULL, NULL);

  str = g_string_new (problem->file ? problem->file : "");
  if (problem->line > 0)
    {
      g_string_append_printf (str, ":%u", problem->line);
      if (problem->column > 0)
        g_string_append_printf (str, ":%u", problem->column);
    }
  g_string_append (str, ": ");
  if (problem->severity == GLS_PROBLEM_WARNING)
    /* Translators: prefix of a warning about a file, as in compiler output */
    g_string_append (str, _("warning: "));
  g_string_append (str, problem->message);

  return g_string_free (str, FALSE);
}

GPtrArray *
gls_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gls_problem_free);
}

guint
gls_problems_count (GPtrArray          *problems,
                    GlsProblemSeverity  severity)
{
  guint count = 0;

  if (problems == NULL)
    return 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const GlsProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == severity)
        count++;
    }

  return count;
}

/* All problems of one severity, one per line, as a user-facing message. */
char *
gls_problems_to_string (GPtrArray          *problems,
                        GlsProblemSeverity  severity)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const GlsProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (problem->severity != severity)
        continue;

      line = gls_problem_to_string (problem);
      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, line);
    }

  return g_string_free (str, FALSE);
}
