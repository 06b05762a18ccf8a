/* fail-write.c
 * An LD_PRELOAD shim for tests: writes to files whose path contains
 * $GLS_FAIL_WRITE_PATH fail with ENOSPC once $GLS_FAIL_WRITE_AFTER bytes
 * went through, as on a disk that fills up half-way through a save. */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long written;

static int
matches (int fd)
{
  const char *pattern = getenv ("GLS_FAIL_WRITE_PATH");
  char link[64];
  char path[4096];
  ssize_t len;

  if (pattern == NULL || *pattern == '\0' || fd <= 2)
    return 0;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  len = readlink (link, path, sizeof path - 1);
  if (len <= 0)
    return 0;
  path[len] = '\0';

  return strstr (path, pattern) != NULL;
}

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);
  const char *after;
  long long limit;

  if (real_write == NULL)
    real_write = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");

  if (!matches (fd))
    return real_write (fd, buffer, count);

  after = getenv ("GLS_FAIL_WRITE_AFTER");
  limit = after ? atoll (after) : 0;
  if (written >= limit)
    {
      errno = ENOSPC;
      return -1;
    }

  /* a short write first, as a filling disk gives */
  if (written + (long long) count > limit)
    count = (size_t) (limit - written);

  {
    ssize_t done = real_write (fd, buffer, count);

    if (done > 0)
      written += done;
    return done;
  }
}
