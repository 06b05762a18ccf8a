/* gls-file-reader.c
 * Reads a file only once it is known to be a regular file of a sensible
 * size that looks like text: a pipe, a device, a folder, a huge or a
 * binary file is refused at once, naming the file and the reason. */
#define G_LOG_DOMAIN "gls-file-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gls-error.h"
#include "gls-file-reader.h"

goffset
gls_file_kind_max_size (GlsFileKind kind)
{
  switch (kind)
    {
    case GLS_FILE_ARTICLE:
      return GLS_MAX_ARTICLE_SIZE;
    case GLS_FILE_SIDECAR:
      return GLS_MAX_SIDECAR_SIZE;
    case GLS_FILE_CODEBOOK:
      return GLS_MAX_CODEBOOK_SIZE;
    case GLS_FILE_IMPORT:
    default:
      return GLS_MAX_IMPORT_SIZE;
    }
}

static const char *
describe_kind (GlsFileKind kind)
{
  switch (kind)
    {
    case GLS_FILE_ARTICLE:
      return _("articles");
    case GLS_FILE_SIDECAR:
      return _("annotation files");
    case GLS_FILE_CODEBOOK:
      return _("codebooks");
    case GLS_FILE_IMPORT:
    default:
      return _("files to import");
    }
}

/* Text has no NUL byte, unless it is UTF-16, whose NUL bytes fall almost
 * all on the same side of each pair; and few control characters. */
static gboolean
looks_binary (const guchar *data,
              gsize         len)
{
  gsize nul_even = 0, nul_odd = 0, controls = 0;

  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == 0)
        {
          if (i % 2 == 0)
            nul_even++;
          else
            nul_odd++;
        }
      else if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' && data[i] != '\f')
        controls++;
    }

  if (nul_even + nul_odd > 0)
    {
      /* UTF-16 without a byte-order mark, as a sidecar may name: its
       * NUL bytes are (nearly) all high or all low bytes */
      gsize most = MAX (nul_even, nul_odd);
      gsize fewest = MIN (nul_even, nul_odd);

      return fewest * 20 > most;
    }

  return controls * 10 > len;
}

static void
set_error (GError     **error,
           int          code,
           const char  *display,
           const char  *reason)
{
  /* Translators: the file, then why it cannot be read */
  g_set_error (error, GLS_ERROR, code, _("Cannot read “%s”: %s"), display, reason);
}

/* Whether @st is a file to read; @error says why not. */
static gboolean
check_stat (const struct stat  *st,
            GlsFileKind         kind,
            const char         *display,
            GError            **error)
{
  goffset max = gls_file_kind_max_size (kind);

  if (S_ISDIR (st->st_mode))
    {
      set_error (error, GLS_ERROR_FAILED, display, _("it is a folder, not a file"));
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      set_error (error, GLS_ERROR_FAILED, display,
                 _("it is not a regular file (it is a device, a pipe or a socket)"));
      return FALSE;
    }

  if ((goffset) st->st_size > max)
    {
      g_autofree char *size = g_format_size_full ((guint64) st->st_size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full ((guint64) max, G_FORMAT_SIZE_IEC_UNITS);
      /* Translators: the file's size, the kind of file, the limit, e.g.
       * "it is 2.1 GB; Glossator reads articles up to 1.1 GB" */
      g_autofree char *reason = g_strdup_printf (_("it is %s; Glossator reads %s up to %s"),
                                                 size, describe_kind (kind), limit);

      set_error (error, GLS_ERROR_FAILED, display, reason);
      return FALSE;
    }

  return TRUE;
}

/* Reads up to @want bytes into @buffer; -1 with errno on failure. */
static gssize
read_fully (int     fd,
            char   *buffer,
            gsize   want)
{
  gsize done = 0;

  while (done < want)
    {
      gssize n = read (fd, buffer + done, want - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += (gsize) n;
    }

  return (gssize) done;
}

static GBytes *
read_local (const char    *path,
            GFile         *file,
            GlsFileKind    kind,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *buffer = NULL;
  goffset max = gls_file_kind_max_size (kind);
  struct stat st;
  gsize size, sniff;
  gssize got;
  int fd;

  /* never blocks, even on a pipe nobody writes to */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_error (error, saved_errno == ENOENT ? GLS_ERROR_NOT_FOUND : GLS_ERROR_FAILED,
                 display, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !check_stat (&st, kind, display, error))
    {
      if (error != NULL && *error == NULL)
        set_error (error, GLS_ERROR_FAILED, display, g_strerror (errno));
      close (fd);
      return NULL;
    }

  /* reads as they come back on a regular file; the descriptor's
   * O_NONBLOCK changes nothing there */
  size = (gsize) st.st_size;
  sniff = MIN (size, GLS_SNIFF_SIZE);
  buffer = g_malloc (sniff + 1);

  /* the first 64 KiB tell a binary file: the rest is never read */
  got = read_fully (fd, buffer, sniff);
  if (got >= 0 && looks_binary ((const guchar *) buffer, (gsize) got))
    {
      close (fd);
      g_set_error (error, GLS_ERROR, GLS_ERROR_BINARY,
                   _("“%s” is a binary file, not text"), display);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      close (fd);
      return NULL;
    }

  /* the rest, and one byte more to see whether it grew */
  if (got >= 0 && (gsize) got == sniff)
    {
      gssize rest;

      buffer = g_realloc (buffer, size + 1);
      rest = read_fully (fd, buffer + sniff, size + 1 - sniff);

      got = rest < 0 ? rest : (gssize) sniff + rest;
    }

  if (got < 0)
    {
      int saved_errno = errno;

      close (fd);
      set_error (error, GLS_ERROR_FAILED, display, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  /* it grew while it was read: another program is writing it */
  if ((gsize) got > size)
    {
      set_error (error, GLS_ERROR_FAILED, display,
                 _("it changed while it was read; try again once the program writing it is done"));
      return NULL;
    }
  g_assert ((goffset) got <= max);

  buffer[got] = '\0';
  return g_bytes_new_take (g_steal_pointer (&buffer), (gsize) got);
}

/**
 * gls_read_file:
 * @kind: what the file is read as, for its size limit and the messages
 * @etag: (out) (optional) (nullable): the file's etag, taken before it is
 *   read (so that a change made meanwhile is never mistaken for ours)
 *
 * Reads @file whole, if it is a regular file, no larger than the limit
 * for @kind, and does not look binary in its first 64 KiB; otherwise
 * refuses at once, without reading the rest, with @error naming the file
 * and the reason. A file that does not exist is %GLS_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full): the bytes, NUL-terminated after their end
 */
GBytes *
gls_read_file (GFile         *file,
               GlsFileKind    kind,
               char         **etag,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (etag != NULL)
    *etag = NULL;

  /* without an etag to take, a local file is just read: its reader tells
   * a missing file itself */
  if (etag == NULL && (path = g_file_get_path (file)) != NULL)
    return read_local (path, file, kind, cancellable, error);

  display = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      set_error (error, GLS_ERROR_NOT_FOUND, display, local_error->message);
      return NULL;
    }

  if (path != NULL || (path = g_file_get_path (file)) != NULL)
    bytes = read_local (path, file, kind, cancellable, error);
  else
    {
      /* a file of another kind of location (GVfs): GIO reads it */
      g_autoptr(GFileInfo) type = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (type != NULL && g_file_info_get_file_type (type) != G_FILE_TYPE_REGULAR)
        {
          set_error (error, GLS_ERROR_FAILED, display, _("it is not a regular file (it is a device, a pipe or a socket)"));
          return NULL;
        }
      if (type != NULL && g_file_info_get_size (type) > gls_file_kind_max_size (kind))
        {
          struct stat st = { .st_mode = S_IFREG, .st_size = g_file_info_get_size (type) };

          check_stat (&st, kind, display, error);
          return NULL;
        }

      g_clear_error (&local_error);
      if ((bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)) == NULL)
        {
          set_error (error, g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                              ? GLS_ERROR_NOT_FOUND : GLS_ERROR_FAILED,
                     display, local_error->message);
          return NULL;
        }
    }

  if (bytes != NULL && etag != NULL && info != NULL)
    *etag = g_strdup (g_file_info_get_etag (info));

  return bytes;
}

/**
 * gls_read_file_head:
 *
 * Returns: (transfer full) (nullable): the first @max_len bytes of @file
 *   when it is a regular file that can be read, else %NULL (the full read
 *   says why)
 */
GBytes *
gls_read_file_head (GFile *file,
                    gsize  max_len)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *buffer = NULL;
  struct stat st;
  gssize got;
  int fd;

  if (path == NULL || (fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0)) < 0)
    return NULL;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }

  buffer = g_malloc (max_len);
  got = read_fully (fd, buffer, max_len);
  close (fd);
  if (got < 0)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), (gsize) got);
}

/**
 * gls_file_starts_with_bom:
 *
 * Returns: whether @file starts with a UTF-8 or UTF-16 byte-order mark
 */
gboolean
gls_file_starts_with_bom (GFile *file)
{
  g_autoptr(GBytes) head = gls_read_file_head (file, 3);
  const guint8 *b;
  gsize n;

  if (head == NULL)
    return FALSE;

  b = g_bytes_get_data (head, &n);
  return (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) ||
         (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF);
}
