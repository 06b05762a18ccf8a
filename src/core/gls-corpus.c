/* gls-corpus.c
 * The articles of a folder, recursively: text and HTML files, and any
 * other file that has annotations; hidden entries and sidecars skipped. */
#define G_LOG_DOMAIN "gls-corpus"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gls-corpus.h"
#include "gls-error.h"

#define SIDECAR_SUFFIX ".annotations.xml"

static const char * const article_suffixes[] = { ".txt", ".html", ".htm", ".xhtml" };

static gboolean
is_sidecar_name (const char *name)
{
  gsize len = strlen (name);

  return len > strlen (SIDECAR_SUFFIX) &&
         g_ascii_strcasecmp (name + len - strlen (SIDECAR_SUFFIX), SIDECAR_SUFFIX) == 0;
}

/**
 * gls_corpus_is_article_name:
 *
 * Returns: whether a file called @name is an article whether or not it has
 *   annotations: a name ending in .txt, .html, .htm or .xhtml, in any case
 */
gboolean
gls_corpus_is_article_name (const char *name)
{
  gsize len;

  g_return_val_if_fail (name != NULL, FALSE);

  len = strlen (name);
  for (guint i = 0; i < G_N_ELEMENTS (article_suffixes); i++)
    {
      gsize suffix_len = strlen (article_suffixes[i]);

      if (len > suffix_len && g_ascii_strcasecmp (name + len - suffix_len, article_suffixes[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GPtrArray      *found;   /* relative paths */
  GlsCorpusFlags  flags;
  GCancellable   *cancellable;
} Scan;

static gboolean
scan_folder (Scan        *scan,
             const char  *root,
             const char  *relative,
             GError     **error)
{
  g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  const char *name;
  GDir *dir;

  if (g_cancellable_set_error_if_cancelled (scan->cancellable, error))
    return FALSE;

  if ((dir = g_dir_open (path, 0, &local_error)) == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, GLS_ERROR, GLS_ERROR_NOT_FOUND,
                   /* Translators: a folder, then the reason */
                   _("The folder “%s” cannot be read: %s"), display, local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_hash_table_add (names, g_strdup (name));
  g_dir_close (dir);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *child_relative = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      GStatBuf st;

      /* a link to a folder is not followed: no cycles, no corpus twice */
      if (g_lstat (child, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (folders, g_steal_pointer (&child_relative));
          continue;
        }

      if (is_sidecar_name (name))
        {
          g_autofree char *article = g_strndup (name, strlen (name) - strlen (SIDECAR_SUFFIX));

          if ((scan->flags & GLS_CORPUS_ORPHAN_SIDECARS) && !g_hash_table_contains (names, article))
            g_ptr_array_add (scan->found, g_steal_pointer (&child_relative));
          continue;
        }

      if (gls_corpus_is_article_name (name))
        g_ptr_array_add (scan->found, g_steal_pointer (&child_relative));
      else
        {
          g_autofree char *sidecar = g_strconcat (name, SIDECAR_SUFFIX, NULL);

          if (g_hash_table_contains (names, sidecar))
            g_ptr_array_add (scan->found, g_steal_pointer (&child_relative));
        }
    }

  for (guint i = 0; i < folders->len; i++)
    if (!scan_folder (scan, root, g_ptr_array_index (folders, i), error))
      return FALSE;

  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gls_corpus_list_articles:
 * @folder: the corpus, a path in the file system's encoding
 *
 * The articles of @folder and its subfolders, as paths relative to it,
 * sorted byte by byte so that every run lists them in the same order.
 * Entries whose name starts with a dot are skipped, folders and files
 * alike, and links to folders are not followed. Blocks: call it from a
 * worker thread in the user interface.
 *
 * Returns: (transfer full) (element-type filename): the relative paths, or
 *   %NULL with @error set when a folder cannot be read
 */
GPtrArray *
gls_corpus_list_articles (const char      *folder,
                          GlsCorpusFlags   flags,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Scan scan = { found, flags, cancellable };

  g_return_val_if_fail (folder != NULL, NULL);

  if (!scan_folder (&scan, folder, NULL, error))
    return NULL;

  g_ptr_array_sort (found, compare_paths);

  return g_steal_pointer (&found);
}
