/* gls-atomic-file.c
 * Writes a file as a temporary file in the same folder (a name of ours,
 * the old file's mode), checks every write, syncs, and renames it over the
 * old one; on any failure the temporary file goes and the old one stays. */
#define G_LOG_DOMAIN "gls-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gls-atomic-file-private.h"
#include "gls-error.h"

struct _GlsAtomicFile
{
  char *target;       /* the file to replace */
  char *display;      /* its name for messages */
  char *temporary;    /* ".NAME.XXXXXX" beside it, while it exists */
  int   fd;
  int   saved_errno;  /* the first failure, 0 while all went well */
};

/* The temporary name for @basename: hidden, ours, and recognisable. */
static char *
temporary_template (const char *folder,
                    const char *basename)
{
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", basename);

  return g_build_filename (folder, name, NULL);
}

static void
set_io_error (GError     **error,
              const char  *display,
              int          saved_errno)
{
  /* Translators: the file, then the system's reason, e.g. "No space left on device" */
  g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, _("Cannot save “%s”: %s"),
               display, g_strerror (saved_errno));
}

/**
 * _gls_atomic_file_new:
 * @target: the file to replace or create; it must have a local path
 *
 * Creates the temporary file that will replace @target, with @target's
 * permissions when it exists.
 *
 * Returns: (transfer full): the file to write, or %NULL with @error set
 */
GlsAtomicFile *
_gls_atomic_file_new (GFile   *target,
                      GError **error)
{
  g_autoptr(GlsAtomicFile) self = g_new0 (GlsAtomicFile, 1);
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  struct stat old;
  gboolean exists;

  self->fd = -1;
  self->display = g_file_get_parse_name (target);
  self->target = g_file_get_path (target);
  if (self->target == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED,
                   _("Cannot save “%s”: only files on this computer can be saved"), self->display);
      return NULL;
    }

  exists = g_stat (self->target, &old) == 0;
  if (exists && !S_ISREG (old.st_mode))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED,
                   _("Cannot save “%s”: it is not a regular file"), self->display);
      return NULL;
    }

  folder = g_path_get_dirname (self->target);
  basename = g_path_get_basename (self->target);
  self->temporary = temporary_template (folder, basename);

  /* 0666 lets the umask decide for a new file, as any editor does */
  self->fd = g_mkstemp_full (self->temporary, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      set_io_error (error, self->display, errno);
      g_clear_pointer (&self->temporary, g_free);
      return NULL;
    }

  if (exists)
    {
      /* keep who may read the old file; the owner only where we may */
      if (fchmod (self->fd, old.st_mode & 07777) != 0)
        g_debug ("Cannot keep the mode of %s: %s", self->target, g_strerror (errno));
      if ((old.st_uid != geteuid () || old.st_gid != getegid ()) &&
          fchown (self->fd, old.st_uid, old.st_gid) != 0)
        g_debug ("Cannot keep the owner of %s: %s", self->target, g_strerror (errno));
    }

  return g_steal_pointer (&self);
}

/**
 * _gls_atomic_file_write:
 *
 * Writes all of @data, retrying short writes. After the first failure
 * every write fails and the commit will too.
 *
 * Returns: whether everything written so far reached the file
 */
gboolean
_gls_atomic_file_write (GlsAtomicFile *self,
                        const void    *data,
                        gsize          len)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->saved_errno != 0 || self->fd < 0)
    return FALSE;

  while (len > 0)
    {
      gssize written = write (self->fd, p, MIN (len, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          self->saved_errno = errno;
          return FALSE;
        }
      if (written == 0)
        {
          self->saved_errno = ENOSPC;
          return FALSE;
        }

      p += written;
      len -= (gsize) written;
    }

  return TRUE;
}

gboolean
_gls_atomic_file_failed (GlsAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->saved_errno != 0;
}

const char *
_gls_atomic_file_get_path (GlsAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temporary;
}

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* the rename is durable once the folder is; not every file system
   * can sync a folder, and the data itself is already safe */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * _gls_atomic_file_commit:
 *
 * Syncs and closes the temporary file and renames it over the target. On
 * failure the temporary file is removed and the target is as it was.
 */
gboolean
_gls_atomic_file_commit (GlsAtomicFile  *self,
                         GError        **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->temporary != NULL, FALSE);

  if (self->saved_errno == 0 && fsync (self->fd) != 0)
    self->saved_errno = errno;

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0 && self->saved_errno == 0 && errno != EINTR)
    self->saved_errno = errno;

  if (self->saved_errno == 0 && g_rename (self->temporary, self->target) != 0)
    self->saved_errno = errno;

  if (self->saved_errno != 0)
    {
      set_io_error (error, self->display, self->saved_errno);
      g_unlink (self->temporary);
      g_clear_pointer (&self->temporary, g_free);
      return FALSE;
    }

  g_clear_pointer (&self->temporary, g_free);
  sync_folder (self->target);

  return TRUE;
}

/**
 * _gls_atomic_file_free:
 *
 * Frees @self; a temporary file that was not committed is removed.
 */
void
_gls_atomic_file_free (GlsAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->temporary != NULL)
    g_unlink (self->temporary);

  g_free (self->target);
  g_free (self->display);
  g_free (self->temporary);
  g_free (self);
}

static gboolean
is_our_temporary (const char *name,
                  const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  if (strncmp (name, prefix, prefix_len) != 0 || strlen (name) != prefix_len + 6)
    return FALSE;

  for (const char *p = name + prefix_len; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * _gls_atomic_file_remove_stale:
 * @older_than_usec: only files not modified for this long are removed: a
 *   younger one may belong to a save that is still running
 *
 * Removes the temporary files of saves of @target that were killed.
 *
 * Returns: how many were removed
 */
guint
_gls_atomic_file_remove_stale (GFile  *target,
                               gint64  older_than_usec)
{
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time ();
  const char *name;
  guint removed = 0;

  if (path == NULL)
    return 0;

  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  prefix = g_strdup_printf (".%s.", basename);

  if ((dir = g_dir_open (folder, 0, NULL)) == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;
      struct stat st;

      if (!is_our_temporary (name, prefix))
        continue;

      child = g_build_filename (folder, name, NULL);
      if (g_lstat (child, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (now - (gint64) st.st_mtime * G_USEC_PER_SEC < older_than_usec)
        continue;

      if (g_unlink (child) == 0)
        removed++;
    }

  return removed;
}
