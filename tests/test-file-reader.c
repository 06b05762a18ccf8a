/* test-file-reader.c
 * Files that are not normal articles: pipes, devices, folders, links to
 * them, binary and oversized files are refused at once, named, with the
 * reason, whatever reads them (article, sidecar, codebook, import). */
#define G_LOG_DOMAIN "gls-test"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gls-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gls_test_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gls_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Reads @path as @kind; asserts it is refused within a second with a
 * message naming it and containing @reason. */
static void
assert_refused (const char  *path,
                GlsFileKind  kind,
                const char  *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gint64 start = g_get_monotonic_time ();

  bytes = gls_read_file (file, kind, NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_nonnull (error);
  if (g_get_monotonic_time () - start >= G_USEC_PER_SEC)
    {
      /* a busy machine may stop us for a moment: once more */
      g_clear_error (&error);
      start = g_get_monotonic_time ();
      bytes = gls_read_file (file, kind, NULL, NULL, &error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }
  if (strstr (error->message, name) == NULL || strstr (error->message, reason) == NULL)
    g_error ("“%s” was refused with “%s”, which lacks its name or “%s”", path, error->message, reason);
}

static void
test_fifo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "article.txt", NULL);

  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  for (GlsFileKind kind = GLS_FILE_ARTICLE; kind <= GLS_FILE_IMPORT; kind++)
    assert_refused (path, kind, "not a regular file");
}

static void
test_devices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "article.txt", NULL);

  assert_refused ("/dev/zero", GLS_FILE_ARTICLE, "not a regular file");
  assert_refused ("/dev/urandom", GLS_FILE_SIDECAR, "not a regular file");
  assert_refused ("/dev/null", GLS_FILE_CODEBOOK, "not a regular file");

  /* a link named like an article, to a device */
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  assert_refused (link, GLS_FILE_ARTICLE, "not a regular file");
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  assert_refused (fixture->dir, GLS_FILE_ARTICLE, "folder");
}

/* A 200 MB binary file is refused from its first 64 KiB: a file whose
 * rest cannot be read at all shows that the rest is never read. */
static void
test_binary (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "photo.jpg.txt", NULL);
  guchar header[4096];
  int fd;

  for (guint i = 0; i < sizeof header; i++)
    header[i] = (guchar) (i * 7 + 3);
  header[10] = 0;
  header[11] = 0;
  header[13] = 0;
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, header, sizeof header), ==, sizeof header);
  /* 200 MB, sparse: reading it whole would take a while */
  g_assert_cmpint (ftruncate (fd, 200 * 1000 * 1000), ==, 0);
  close (fd);

  for (GlsFileKind kind = GLS_FILE_ARTICLE; kind <= GLS_FILE_IMPORT; kind++)
    if (kind != GLS_FILE_CODEBOOK)
      assert_refused (path, kind, "binary");
}

/* Above the limit, refused by its size before anything is read. */
static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  g_autofree char *codebook = g_build_filename (fixture->dir, "codebook.xml", NULL);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (ftruncate (fd, GLS_MAX_ARTICLE_SIZE + 1), ==, 0);
  close (fd);
  assert_refused (path, GLS_FILE_ARTICLE, "1073741825 bytes); Glossator reads articles up to 1.0");

  fd = g_open (codebook, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (ftruncate (fd, GLS_MAX_CODEBOOK_SIZE + 1), ==, 0);
  close (fd);
  assert_refused (codebook, GLS_FILE_CODEBOOK, "16777217 bytes); Glossator reads codebooks up to 16.0");
}

/* What is text reads whole: UTF-8, UTF-16 with or without a byte-order
 * mark, an empty file. */
static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  const char *texts[] = { "Plain text.\n", "\xff\xfeP\0l\0a\0i\0n\0", "P\0l\0a\0i\0n\0 \0t\0e\0x\0t\0", "" };
  const gsize lengths[] = { 12, 12, 20, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, "text.txt", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *etag = NULL;

      gls_test_write (path, texts[i], lengths[i]);
      bytes = gls_read_file (file, GLS_FILE_ARTICLE, &etag, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), ==, lengths[i]);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), lengths[i], texts[i], lengths[i]);
      g_assert_nonnull (etag);
    }
}

/* Whoever reads: a pipe as the sidecar leaves the article readable, and
 * the message names the sidecar. */
static void
test_fifo_sidecar (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *article = g_build_filename (fixture->dir, "a.txt", NULL);
  g_autofree char *sidecar = g_build_filename (fixture->dir, "a.txt.annotations.xml", NULL);
  g_autofree char *codebook = g_build_filename (fixture->dir, "codebook.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  gls_test_write (article, "A short article.\n", -1);
  g_assert_cmpint (mkfifo (sidecar, 0644), ==, 0);

  g_assert_false (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "a.txt.annotations.xml"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  g_assert_true (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_KEEP_ARTICLE, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gls_document_file_get_sidecar_error (document_file)->message, "not a regular file"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* a pipe as the folder's codebook */
  g_unlink (sidecar);
  g_assert_cmpint (mkfifo (codebook, 0644), ==, 0);
  g_assert_false (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "codebook.xml"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
}

/* A sidecar that is not XML says so (not "not UTF-8"); an encoding the
 * sidecar names that cannot decode the article is the sidecar's problem,
 * with its line. */
static void
test_sidecar_messages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *article = g_build_filename (fixture->dir, "a.txt", NULL);
  g_autofree char *sidecar = g_build_filename (fixture->dir, "a.txt.annotations.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GString) text = NULL;

  gls_test_write (article, "A short article.\n", -1);
  gls_test_write (sidecar, "garbage\n", -1);
  g_assert_false (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "a.txt.annotations.xml:1: the file is not XML"));
  g_clear_error (&error);

  /* a real sidecar, then an encoding nobody knows in it */
  g_unlink (sidecar);
  g_assert_true (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  gls_document_annotate (gls_document_file_get_document (document_file), "factual", 2, 7, &error);
  g_assert_true (gls_document_file_save (document_file, NULL, &error));
  g_assert_no_error (error);
  saved = gls_test_read (sidecar);
  text = g_string_new_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_cmpuint (g_string_replace (text, "encoding=\"UTF-8\" bom", "encoding=\"X-NO-SUCH-ENCODING\" bom", 1), ==, 1);
  gls_test_write (sidecar, text->str, text->len);

  g_assert_false (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "a.txt.annotations.xml:3:"));
  g_assert_nonnull (strstr (error->message, "X-NO-SUCH-ENCODING"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/file-reader/fifo", test_fifo);
  ADD ("/file-reader/devices", test_devices);
  ADD ("/file-reader/folder", test_folder);
  ADD ("/file-reader/binary", test_binary);
  ADD ("/file-reader/too-large", test_too_large);
  ADD ("/file-reader/text", test_text);
  ADD ("/file-reader/fifo-sidecar", test_fifo_sidecar);
  ADD ("/file-reader/sidecar-messages", test_sidecar_messages);

  return g_test_run ();
}
