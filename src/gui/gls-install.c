/* gls-install.c
 * The data folder of the installed program (schema, help, icons): the one
 * configured at build time, or the same folder under the prefix the binary
 * now runs from, when it was installed somewhere else. */
#define G_LOG_DOMAIN "gls-install"

#include "config.h"

#include <string.h>

#include "gls-install.h"

/* @path relative to the configured prefix, or NULL when it is not under it */
static const char *
relative_to_prefix (const char *path)
{
  gsize len = strlen (PREFIX);

  if (strncmp (path, PREFIX, len) != 0 || path[len] != '/')
    return NULL;

  return path + len + 1;
}

/**
 * gls_install_dup_data_dir:
 *
 * The data folder of this installation: when the running program sits in
 * PREFIX/bin of some prefix (as the configured bindir is in the configured
 * prefix), the data folder under that prefix; else the configured one.
 *
 * Returns: (transfer full): a folder, which may not exist
 */
char *
gls_install_dup_data_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = NULL;
  const char *bin = relative_to_prefix (BINDIR);
  const char *data = relative_to_prefix (DATADIR);
  gsize dir_len, bin_len;

  if (exe == NULL || bin == NULL || data == NULL)
    return g_strdup (DATADIR);

  exe_dir = g_path_get_dirname (exe);
  dir_len = strlen (exe_dir);
  bin_len = strlen (bin);
  if (dir_len <= bin_len || exe_dir[dir_len - bin_len - 1] != '/' || strcmp (exe_dir + dir_len - bin_len, bin) != 0)
    return g_strdup (DATADIR);

  exe_dir[dir_len - bin_len - 1] = '\0';

  return g_build_filename (exe_dir, data, NULL);
}

/**
 * gls_install_data_dir_searched:
 *
 * Whether the desktop's data folders ($XDG_DATA_DIRS) include this
 * installation's, so that other programs (the help viewer) find our files.
 */
gboolean
gls_install_data_dir_searched (void)
{
  g_autofree char *ours = gls_install_dup_data_dir ();
  g_autofree char *canonical = g_canonicalize_filename (ours, NULL);
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_canonicalize_filename (dirs[i], NULL);

      if (g_strcmp0 (dir, canonical) == 0)
        return TRUE;
    }

  return FALSE;
}
