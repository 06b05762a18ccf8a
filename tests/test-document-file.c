/* test-document-file.c
 * The owner of an article's files: saves that fail or are killed half-way
 * lose nothing, background saves with edits during them, drafts, broken
 * sidecars, watching, exports. */
#define G_LOG_DOMAIN "gls-test"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gls-test-util.h"

typedef struct
{
  char            *dir;
  char            *article;
  char            *sidecar;
  GFile           *file;
  GlsDocumentFile *document_file;
  GlsDocument     *document;
  GBytes          *saved;      /* the sidecar as first saved */
} Fixture;

/* An article of @n_lines lines with an annotation on each, saved. */
static void
make_article (Fixture *fixture,
              guint    n_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "Line %u says that the river rose by %u centimetres overnight.\n", i, i % 97);
  gls_test_write (fixture->article, text->str, text->len);

  fixture->document_file = gls_document_file_new (fixture->file);
  g_assert_true (gls_document_file_load (fixture->document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_no_error (error);
  fixture->document = g_object_ref (gls_document_file_get_document (fixture->document_file));

  gls_document_begin_group (fixture->document);
  for (guint i = 0, offset = 0; i < n_lines; i++)
    {
      g_autofree char *line = g_strdup_printf ("Line %u says that the river rose by %u centimetres overnight.\n", i, i % 97);
      GlsAnnotation *annotation = gls_document_annotate (fixture->document, i % 2 ? "statistic" : "factual",
                                                         offset, offset + 4, &error);

      g_assert_no_error (error);
      g_assert_nonnull (annotation);
      offset += g_utf8_strlen (line, -1);
    }
  gls_document_end_group (fixture->document);
}

static void
save_and_remember (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gls_document_get_modified (fixture->document));
  fixture->saved = gls_test_read (fixture->sidecar);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gls_test_tmpdir ();
  fixture->article = g_build_filename (fixture->dir, "article.txt", NULL);
  fixture->sidecar = g_strconcat (fixture->article, ".annotations.xml", NULL);
  fixture->file = g_file_new_for_path (fixture->article);
  make_article (fixture, GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 200);
  save_and_remember (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("GLS_FAIL_WRITE_PATH");
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->document_file);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->saved, g_bytes_unref);
  gls_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->article);
  g_free (fixture->sidecar);
}

/* The files in the folder whose names start with ".article.txt.annotations.xml." */
static guint
count_temporary_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, ".article.txt.annotations.xml.") || g_str_has_prefix (name, ".goutputstream"))
      n++;

  return n;
}

static void
assert_sidecar_is (Fixture *fixture,
                   GBytes  *expected)
{
  g_autoptr(GBytes) now = gls_test_read (fixture->sidecar);

  g_assert_true (gls_test_bytes_equal (now, expected));
}

static void
change_something (Fixture *fixture)
{
  GlsAnnotation *first = gls_annotation_list_get (gls_document_get_annotations (fixture->document), 0);
  static guint serial;
  g_autofree char *note = g_strdup_printf ("Note %u, written before the disk filled up.", ++serial);

  gls_document_set_annotation_note (fixture->document, first, note);
  g_assert_true (gls_document_get_modified (fixture->document));
}

static void
test_save_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GlsDocumentFile) again = gls_document_file_new (fixture->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) serialized = gls_document_serialize (fixture->document);
  struct stat st;

  /* what was streamed into the file is what the document holds */
  assert_sidecar_is (fixture, serialized);
  g_assert_cmpuint (count_temporary_files (fixture->dir), ==, 0);

  g_assert_true (gls_document_file_load (again, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_document_file_get_document (again)), ==, 200);

  /* a save keeps who may read the file */
  g_assert_cmpint (g_chmod (fixture->sidecar, 0640), ==, 0);
  change_something (fixture);
  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->sidecar, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}

/* A disk that fills up part-way through the save (the shim makes write()
 * fail with ENOSPC after so many bytes): the old sidecar is untouched,
 * no temporary file is left, the error says why, nothing is lost. */
static void
test_save_disk_full (Fixture       *fixture,
                     gconstpointer  data)
{
  const gsize limits[] = { 0, 1, 4095, 4096, 50000, g_bytes_get_size (fixture->saved) - 10 };

  if (g_getenv ("LD_PRELOAD") == NULL || strstr (g_getenv ("LD_PRELOAD"), "fail-write") == NULL)
    {
      g_test_skip ("the fail-write shim is not preloaded");
      return;
    }

  change_something (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = g_strdup_printf ("%" G_GSIZE_FORMAT, limits[i]);

      g_setenv ("GLS_FAIL_WRITE_AFTER", after, TRUE);
      g_setenv ("GLS_FAIL_WRITE_PATH", "/.article.txt.annotations.xml.", TRUE);
      g_assert_false (gls_document_file_save (fixture->document_file, NULL, &error));
      g_unsetenv ("GLS_FAIL_WRITE_PATH");

      g_assert_error (error, GLS_ERROR, GLS_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "No space left on device"));
      g_assert_nonnull (strstr (error->message, "article.txt.annotations.xml"));
      assert_sidecar_is (fixture, fixture->saved);
      g_assert_cmpuint (count_temporary_files (fixture->dir), ==, 0);
      g_assert_true (gls_document_get_modified (fixture->document));
    }

  /* with room again, the same document saves */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (gls_document_get_modified (fixture->document));
  }
}

/* The first save of a new sidecar on a full disk leaves nothing at all. */
static void
test_first_save_disk_full (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *sidecar = g_strconcat (article, ".annotations.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);
  g_autoptr(GError) error = NULL;

  if (g_getenv ("LD_PRELOAD") == NULL || strstr (g_getenv ("LD_PRELOAD"), "fail-write") == NULL)
    {
      g_test_skip ("the fail-write shim is not preloaded");
      gls_test_rm_rf (dir);
      return;
    }

  gls_test_write (article, "A short article about a river.\n", -1);
  g_assert_true (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  gls_document_annotate (gls_document_file_get_document (document_file), "factual", 2, 7, &error);
  g_assert_no_error (error);

  g_setenv ("GLS_FAIL_WRITE_AFTER", "100", TRUE);
  g_setenv ("GLS_FAIL_WRITE_PATH", "/.article.txt.annotations.xml.", TRUE);
  g_assert_false (gls_document_file_save (document_file, NULL, &error));
  g_unsetenv ("GLS_FAIL_WRITE_PATH");
  g_assert_error (error, GLS_ERROR, GLS_ERROR_FAILED);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_cmpstr (name, ==, "article.txt");
  }

  /* the next save, with room, is an ordinary first save */
  g_clear_error (&error);
  g_assert_true (gls_document_file_save (document_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  gls_test_rm_rf (dir);
}

/* A real full disk: a tmpfs of 256 KiB, where this machine lets us mount
 * one (as root). */
static void
test_save_real_full_disk (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *sidecar = g_strconcat (article, ".annotations.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GlsDocumentFile) document_file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GlsDocument *document;

  if (mount ("tmpfs", dir, "tmpfs", 0, "size=256k") != 0)
    {
      g_test_skip ("cannot mount a small tmpfs here (not root?)");
      gls_test_rm_rf (dir);
      return;
    }

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "Officials said the flight left at dawn. ");
  gls_test_write (article, text->str, text->len);

  document_file = gls_document_file_new (file);
  g_assert_true (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  document = gls_document_file_get_document (document_file);
  gls_document_annotate (document, "factual", 0, 9, &error);
  g_assert_no_error (error);
  g_assert_true (gls_document_file_save (document_file, NULL, &error));
  g_assert_no_error (error);
  before = gls_test_read (sidecar);

  /* enough annotations that the sidecar cannot fit beside the article */
  gls_document_begin_group (document);
  for (guint i = 1; i < 1000; i++)
    gls_document_annotate (document, "statistic", i * 40, i * 40 + 9, NULL);
  gls_document_end_group (document);

  g_assert_false (gls_document_file_save (document_file, NULL, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "No space left on device"));
  {
    g_autoptr(GBytes) after = gls_test_read (sidecar);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    g_assert_true (gls_test_bytes_equal (before, after));
    while ((name = g_dir_read_name (listing)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
  g_assert_true (gls_document_get_modified (document));

  g_clear_object (&document_file);
  umount (dir);
  gls_test_rm_rf (dir);
}

static guint
count_and_age_temporary_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct utimbuf old = { time (NULL) - 120, time (NULL) - 120 };

      if (!g_str_has_prefix (name, ".article.txt.annotations.xml."))
        continue;

      path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (utime (path, &old), ==, 0);
      n++;
    }

  return n;
}

/* A save killed at any moment leaves the old file or the new one, never a
 * third state; its debris goes at the next open. */
static void
test_save_killed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, save_usec;
  guint n_old = 0, n_new = 0, n_debris = 0;

  change_something (fixture);
  expected = gls_document_serialize (fixture->document);

  /* how long a save takes here, to kill within it */
  start = g_get_monotonic_time ();
  {
    g_autoptr(GBytes) bytes = gls_document_serialize (fixture->document);
  }
  save_usec = MAX (g_get_monotonic_time () - start, 2000);

  for (guint run = 0; run < 30; run++)
    {
      pid_t pid;
      int status;

      gls_test_write (fixture->sidecar, g_bytes_get_data (fixture->saved, NULL), g_bytes_get_size (fixture->saved));
      {
        /* the document takes the file as its own again */
        g_autoptr(GlsDocumentFile) reset = gls_document_file_new_for_document (fixture->document);
        gls_document_file_keep_mine (reset);
      }

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          gboolean ok = gls_document_file_save (fixture->document_file, NULL, NULL);
          _exit (ok ? 0 : 1);
        }

      g_usleep (g_random_int_range (0, (int) (save_usec * 3)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      {
        g_autoptr(GBytes) now = gls_test_read (fixture->sidecar);

        if (gls_test_bytes_equal (now, fixture->saved))
          n_old++;
        else if (gls_test_bytes_equal (now, expected))
          n_new++;
        else
          g_assert_not_reached ();
      }

      n_debris += count_and_age_temporary_files (fixture->dir);

      /* the next open removes what a killed save left */
      {
        g_autoptr(GlsDocumentFile) reopened = gls_document_file_new (fixture->file);

        g_assert_true (gls_document_file_load (reopened, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (count_temporary_files (fixture->dir), ==, 0);
      }
    }

  g_test_message ("30 killed saves: %u left the old file, %u the new one, %u left debris that the next open removed",
                  n_old, n_new, n_debris);
  g_assert_cmpuint (n_old + n_new, ==, 30);
}

/* Debris of our own saves goes when older than a minute; a younger one
 * may be a save under way, and other files are not ours. */
static void
test_stale_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GlsDocumentFile) reopened = gls_document_file_new (fixture->file);
  g_autoptr(GError) error = NULL;
  const char *names[] = { ".article.txt.annotations.xml.Ab12Cd", ".article.txt.annotations.xml.young1",
                          ".article.txt.annotations.xml.toolong7", "article.txt.annotations.xml.Ab12Cd",
                          ".other.txt.annotations.xml.Ab12Cd" };
  const gboolean removed[] = { TRUE, FALSE, FALSE, FALSE, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      struct utimbuf old = { time (NULL) - 120, time (NULL) - 120 };

      gls_test_write (path, "<half", -1);
      if (i != 1)
        g_assert_cmpint (utime (path, &old), ==, 0);
    }

  g_assert_true (gls_document_file_load (reopened, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, !removed[i]);
    }
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* A save in the background writes the document as it was when the save
 * started; edits made meanwhile are kept, and leave it modified. */
static void
test_background_save (Fixture       *fixture,
                      gconstpointer  data)
{
  GlsAnnotationList *list = gls_document_get_annotations (fixture->document);
  guint n = gls_document_get_n_annotations (fixture->document);
  GlsAnnotation *last = gls_annotation_list_get (list, n - 1);
  GlsAnnotation *middle = gls_annotation_list_get (list, n / 2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) after_edits = NULL;
  g_autoptr(GError) error = NULL;
  guint n_progress = 0;
  GlsAnnotation *added;

  change_something (fixture);
  expected = gls_document_serialize (fixture->document);
  g_signal_connect_swapped (fixture->document_file, "notify::progress", G_CALLBACK (count_notify), &n_progress);

  gls_document_file_save_async (fixture->document_file, NULL, on_done, &result);
  g_assert_cmpint (gls_document_file_get_operation (fixture->document_file), ==, GLS_FILE_OPERATION_SAVE);

  /* edits while the worker writes: in place, added, removed */
  gls_document_set_category (fixture->document, last, "opinion");
  gls_document_set_annotation_note (fixture->document, middle, "Written during the save.");
  added = gls_document_annotate (fixture->document, "hedge", 5, 9, &error);
  g_assert_no_error (error);
  gls_document_remove_annotation (fixture->document, gls_annotation_list_get (list, 1));
  /* a note typed during the save must not be merged into the saved step */
  gls_document_set_annotation_note (fixture->document, gls_annotation_list_get (list, 0), "Typed on.");
  after_edits = gls_document_serialize (fixture->document);

  g_assert_true (gls_document_file_save_finish (fixture->document_file, wait_for (&result), NULL, &error));
  g_assert_no_error (error);

  assert_sidecar_is (fixture, expected);
  g_assert_true (gls_document_get_modified (fixture->document));
  g_assert_cmpstr (gls_annotation_get_category (last), ==, "opinion");
  g_assert_nonnull (added);
  g_assert_cmpint (gls_document_file_get_operation (fixture->document_file), ==, GLS_FILE_OPERATION_NONE);
  g_assert_cmpuint (n_progress, >, 0);

  /* undoing the edits made during the save returns to the saved state */
  for (guint i = 0; i < 5; i++)
    g_assert_true (gls_document_undo (fixture->document));
  g_assert_false (gls_document_get_modified (fixture->document));
  for (guint i = 0; i < 5; i++)
    g_assert_true (gls_document_redo (fixture->document));
  g_assert_true (gls_document_get_modified (fixture->document));

  /* the next save has them */
  g_clear_object (&result);
  gls_document_file_save_async (fixture->document_file, NULL, on_done, &result);
  g_assert_true (gls_document_file_save_finish (fixture->document_file, wait_for (&result), NULL, &error));
  g_assert_no_error (error);
  assert_sidecar_is (fixture, after_edits);
  g_assert_false (gls_document_get_modified (fixture->document));
}

/* An annotation that is gone for good during a save (its adding undone,
 * then the redo dropped by a new edit) is still written as it was. */
static void
test_background_save_freed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *added;

  added = gls_document_annotate (fixture->document, "prediction", 3, 11, &error);
  g_assert_no_error (error);
  gls_document_set_annotation_note (fixture->document, added, "Only in the saved file.");
  expected = gls_document_serialize (fixture->document);

  gls_document_file_save_async (fixture->document_file, NULL, on_done, &result);
  g_assert_true (gls_document_undo (fixture->document));
  g_assert_true (gls_document_undo (fixture->document));
  change_something (fixture);

  g_assert_true (gls_document_file_save_finish (fixture->document_file, wait_for (&result), NULL, &error));
  g_assert_no_error (error);
  assert_sidecar_is (fixture, expected);
}

/* A save or an export cancelled while it runs leaves everything as it
 * was: the old sidecar, no temporary file, no export, still modified. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.tei.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GError) error = NULL;

  change_something (fixture);
  gls_document_file_save_async (fixture->document_file, cancellable, on_done, &saved);
  gls_document_file_export_async (fixture->document_file, gls_format_lookup ("tei"), file, cancellable,
                                  on_done, &exported);
  /* as the user presses Cancel, while the worker writes */
  g_cancellable_cancel (cancellable);

  g_assert_false (gls_document_file_save_finish (fixture->document_file, wait_for (&saved), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (gls_document_file_export_finish (fixture->document_file, wait_for (&exported), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  assert_sidecar_is (fixture, fixture->saved);
  g_assert_cmpuint (count_temporary_files (fixture->dir), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gls_document_get_modified (fixture->document));
}

/* Saves asked for while one runs wait their turn. */
static void
test_queued_saves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;

  change_something (fixture);
  gls_document_file_save_async (fixture->document_file, NULL, on_done, &first);
  gls_document_set_category (fixture->document,
                             gls_annotation_list_get (gls_document_get_annotations (fixture->document), 3),
                             "prediction");
  expected = gls_document_serialize (fixture->document);
  gls_document_file_save_async (fixture->document_file, NULL, on_done, &second);

  g_assert_true (gls_document_file_save_finish (fixture->document_file, wait_for (&first), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gls_document_file_save_finish (fixture->document_file, wait_for (&second), NULL, &error));
  g_assert_no_error (error);
  assert_sidecar_is (fixture, expected);
  g_assert_false (gls_document_get_modified (fixture->document));
}

/* Another program's version is never overwritten without being asked. */
static void
test_changed_by_another_program (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) theirs = NULL;
  const char *other = "<not-ours/>\n";

  change_something (fixture);
  g_usleep (20000);
  gls_test_write (fixture->sidecar, other, -1);
  theirs = gls_test_read (fixture->sidecar);

  g_assert_true (gls_document_file_changed_on_disk (fixture->document_file));
  g_assert_false (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK);
  assert_sidecar_is (fixture, theirs);
  g_assert_cmpuint (count_temporary_files (fixture->dir), ==, 0);

  /* "Keep My Version" */
  g_clear_error (&error);
  gls_document_file_keep_mine (fixture->document_file);
  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_no_error (error);
}

/* Merging with another program's version reads it in the background and
 * takes its additions; keeping ours makes the next save replace it. */
static void
test_merge_in_background (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GlsDocumentFile) other = gls_document_file_new (fixture->file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *theirs;
  guint n = gls_document_get_n_annotations (fixture->document);
  g_autofree char *id = NULL;

  /* another annotator adds one and saves */
  g_assert_true (gls_document_file_load (other, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  theirs = gls_document_annotate (gls_document_file_get_document (other), "framing", 20, 30, &error);
  g_assert_no_error (error);
  id = g_strdup (gls_annotation_get_id (theirs));
  g_usleep (20000);
  g_assert_true (gls_document_file_save (other, NULL, &error));
  g_assert_no_error (error);

  /* here, we add another */
  gls_document_annotate (fixture->document, "hedge", 40, 45, &error);
  g_assert_no_error (error);
  g_assert_true (gls_document_file_changed_on_disk (fixture->document_file));

  gls_document_file_merge_async (fixture->document_file, NULL, on_done, &result);
  g_assert_cmpint (gls_document_file_get_operation (fixture->document_file), ==, GLS_FILE_OPERATION_MERGE);
  conflicts = gls_document_file_merge_finish (fixture->document_file, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (gls_document_get_n_annotations (fixture->document), ==, n + 2);
  g_assert_nonnull (gls_document_lookup_annotation (fixture->document, id));
  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_no_error (error);

  /* keeping ours: the next save replaces theirs */
  g_usleep (20000);
  gls_test_write (fixture->sidecar, "<theirs/>\n", -1);
  change_something (fixture);
  g_assert_false (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_clear_object (&result);
  gls_document_file_keep_mine_async (fixture->document_file, NULL, on_done, &result);
  g_assert_true (gls_document_file_keep_mine_finish (fixture->document_file, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_no_error (error);
}

static void
test_drafts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) draft = gls_document_file_dup_draft_file (fixture->document_file);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) with_note = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  /* nothing unsaved: no draft */
  g_assert_false (gls_document_file_save_draft (fixture->document_file, &error));
  g_assert_no_error (error);
  g_assert_null (gls_document_file_find_draft (fixture->document_file));

  change_something (fixture);
  with_note = gls_document_serialize (fixture->document);
  gls_document_file_save_draft_async (fixture->document_file, NULL, on_done, &result);
  g_assert_true (gls_document_file_save_draft_finish (fixture->document_file, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (draft, NULL));
  when = gls_document_file_find_draft (fixture->document_file);
  g_assert_nonnull (when);
  /* a draft is not a save */
  g_assert_true (gls_document_get_modified (fixture->document));
  assert_sidecar_is (fixture, fixture->saved);

  /* a new session finds it and restores it as one step to undo */
  {
    g_autoptr(GlsDocumentFile) reopened = gls_document_file_new (fixture->file);
    GlsDocument *document;

    g_assert_true (gls_document_file_load (reopened, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
    document = gls_document_file_get_document (reopened);
    g_assert_true (gls_document_file_restore_draft (reopened, &error));
    g_assert_no_error (error);
    g_assert_true (gls_document_get_modified (document));
    {
      g_autoptr(GBytes) restored = gls_document_serialize (document);
      g_assert_true (gls_test_bytes_equal (restored, with_note));
    }
    g_assert_true (gls_document_undo (document));
    g_assert_false (gls_document_get_modified (document));
  }

  /* a save deletes it; so does discarding */
  g_assert_true (gls_document_file_save (fixture->document_file, NULL, &error));
  g_assert_false (g_file_query_exists (draft, NULL));
  change_something (fixture);
  gls_document_set_annotation_note (fixture->document,
                                    gls_annotation_list_get (gls_document_get_annotations (fixture->document), 2),
                                    "Another.");
  g_assert_true (gls_document_file_save_draft (fixture->document_file, &error));
  gls_document_file_discard_draft (fixture->document_file);
  g_assert_false (g_file_query_exists (draft, NULL));
}

/* Drafts are written on their own while there are unsaved changes. */
static void
test_draft_timer (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) draft = gls_document_file_dup_draft_file (fixture->document_file);
  gint64 deadline;

  gls_document_file_set_draft_interval (fixture->document_file, 1);
  change_something (fixture);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!g_file_query_exists (draft, NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_true (g_file_query_exists (draft, NULL));
  while (gls_document_file_get_operation (fixture->document_file) != GLS_FILE_OPERATION_NONE)
    g_main_context_iteration (NULL, TRUE);
  gls_document_file_discard_draft (fixture->document_file);
}

/* An unreadable sidecar is never overwritten: the article opens alone and
 * the first save moves the file aside, byte for byte. */
static void
test_broken_sidecar (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *broken = "<<<<<<< HEAD\n<annotations/>\n=======\n>>>>>>> theirs\n";
  g_autoptr(GlsDocumentFile) reopened = gls_document_file_new (fixture->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) aside = NULL;
  GlsDocument *document;

  gls_test_write (fixture->sidecar, broken, -1);

  g_assert_false (gls_document_file_load (reopened, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (gls_document_file_load (reopened, NULL, NULL, GLS_LOAD_KEEP_ARTICLE, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gls_document_file_get_broken_sidecar (reopened));
  g_assert_nonnull (gls_document_file_get_sidecar_error (reopened));
  document = gls_document_file_get_document (reopened);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);

  gls_document_annotate (document, "opinion", 0, 4, &error);
  gls_document_file_save_async (reopened, NULL, on_done, &result);
  g_assert_true (gls_document_file_save_finish (reopened, wait_for (&result), &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_null (gls_document_file_get_broken_sidecar (reopened));

  {
    g_autofree char *path = g_file_get_path (aside);
    g_autoptr(GBytes) kept = gls_test_read (path);
    g_autoptr(GBytes) want = g_bytes_new_static (broken, strlen (broken));

    g_assert_true (g_str_has_prefix (path, fixture->sidecar));
    g_assert_nonnull (strstr (path, ".broken-"));
    g_assert_true (gls_test_bytes_equal (kept, want));
  }
}

static void
on_signal (gboolean *seen)
{
  *seen = TRUE;
}

static void
wait_until (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* Watching: another program's change to either file is told; our own
 * save is not. */
static void
test_watching (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlsDocumentFile) watched = gls_document_file_new (fixture->file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean sidecar_changed = FALSE, source_changed = FALSE, source_ready = FALSE;

  g_signal_connect_swapped (watched, "sidecar-changed", G_CALLBACK (on_signal), &sidecar_changed);
  g_signal_connect_swapped (watched, "source-changed", G_CALLBACK (on_signal), &source_changed);
  g_signal_connect_swapped (watched, "source-ready", G_CALLBACK (on_signal), &source_ready);

  gls_document_file_load_async (watched, NULL, NULL, GLS_LOAD_KEEP_ARTICLE, NULL, on_done, &result);
  g_assert_true (gls_document_file_load_finish (watched, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (source_ready);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_document_file_get_document (watched)), ==, 200);

  /* our own save */
  gls_document_set_note (gls_document_file_get_document (watched), "Ours.");
  g_clear_object (&result);
  gls_document_file_save_async (watched, NULL, on_done, &result);
  g_assert_true (gls_document_file_save_finish (watched, wait_for (&result), NULL, &error));
  g_assert_no_error (error);
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE), g_usleep (5000);
  }
  g_assert_false (sidecar_changed);

  /* theirs */
  g_usleep (20000);
  gls_test_write (fixture->sidecar, "<changed-by-git/>\n", -1);
  wait_until (&sidecar_changed);
  g_assert_true (sidecar_changed);

  g_usleep (20000);
  gls_test_write (fixture->article, "An edited article.\n", -1);
  wait_until (&source_changed);
  g_assert_true (source_changed);
}

/* An export runs from a copy: edits during it do not reach the file. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  const GlsFormat *csv = gls_format_lookup ("csv");

  expected = gls_format_export (csv, fixture->document, &error);
  gls_document_file_export_async (fixture->document_file, csv, file, NULL, on_done, &result);
  gls_document_set_category (fixture->document,
                             gls_annotation_list_get (gls_document_get_annotations (fixture->document), 0),
                             "framing");
  g_assert_true (gls_document_file_export_finish (fixture->document_file, wait_for (&result), &error));
  g_assert_no_error (error);

  written = gls_test_read (path);
  g_assert_true (gls_test_bytes_equal (written, expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, lines) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (lines), fixture_set_up, func, fixture_tear_down)

  ADD ("/document-file/save-round-trip", test_save_round_trip, 200);
  ADD ("/document-file/save-disk-full", test_save_disk_full, 2000);
  g_test_add_func ("/document-file/first-save-disk-full", test_first_save_disk_full);
  g_test_add_func ("/document-file/save-real-full-disk", test_save_real_full_disk);
  ADD ("/document-file/save-killed", test_save_killed, 20000);
  ADD ("/document-file/stale-files", test_stale_files, 20);
  ADD ("/document-file/background-save", test_background_save, 20000);
  ADD ("/document-file/background-save-freed", test_background_save_freed, 20000);
  ADD ("/document-file/queued-saves", test_queued_saves, 2000);
  ADD ("/document-file/cancel", test_cancel, 20000);
  ADD ("/document-file/changed-by-another-program", test_changed_by_another_program, 20);
  ADD ("/document-file/merge-in-background", test_merge_in_background, 50);
  ADD ("/document-file/drafts", test_drafts, 50);
  ADD ("/document-file/draft-timer", test_draft_timer, 20);
  ADD ("/document-file/broken-sidecar", test_broken_sidecar, 20);
  ADD ("/document-file/watching", test_watching, 200);
  ADD ("/document-file/export", test_export, 500);

  return g_test_run ();
}
