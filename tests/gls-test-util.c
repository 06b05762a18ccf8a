/* gls-test-util.c
 * Fixtures, temporary folders and the Python oracle for the core's tests. */
#define G_LOG_DOMAIN "gls-test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "gls-test-util.h"

char *
gls_test_data_path (const char *first,
                    ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) (srcdir ? srcdir : "."));
  g_ptr_array_add (parts, (gpointer) "data");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

/* The shared corpus, or NULL when this clone has none. */
const char *
gls_test_shared_dir (void)
{
  const char *dir = g_getenv ("GLOSSATOR_SHARED_DIR");
  g_autofree char *seeds = NULL;

  if (dir == NULL)
    return NULL;

  seeds = g_build_filename (dir, "corpus", "seeds", NULL);
  return g_file_test (seeds, G_FILE_TEST_IS_DIR) ? dir : NULL;
}

char *
gls_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("glossator-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
gls_test_copy (const char *from,
               const char *dir,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *to;
  gsize len;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);

  if (name == NULL)
    {
      g_autofree char *base = g_path_get_basename (from);
      to = g_build_filename (dir, base, NULL);
    }
  else
    to = g_build_filename (dir, name, NULL);

  g_file_set_contents (to, contents, len, &error);
  g_assert_no_error (error);

  return to;
}

GBytes *
gls_test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

void
gls_test_write (const char *path,
                const char *data,
                gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

gboolean
gls_test_bytes_equal (GBytes *a,
                      GBytes *b)
{
  return g_bytes_equal (a, b);
}

/* Runs tests/check-quotes.py, which decodes the source and checks every
 * quote by FORMAT.md §1 on its own. */
gboolean
gls_test_oracle (const char  *sidecar,
                 char       **output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *python = g_getenv ("PYTHON");
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  int status = 0;

  script = g_build_filename (srcdir ? srcdir : ".", "check-quotes.py", NULL);
  {
    const char *argv[] = { python ? python : "python3", script, sidecar, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);

  if (output != NULL)
    *output = g_strconcat (out, err, NULL);

  return g_spawn_check_wait_status (status, NULL);
}

/* The rows of a tab-separated manifest without its header, flattened. */
char **
gls_test_read_manifest (const char *path,
                        guint      *n_columns)
{
  g_autoptr(GBytes) bytes = gls_test_read (path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint columns = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) row = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      row = g_strsplit (lines[i], "\t", -1);
      if (columns == 0)
        {
          columns = g_strv_length (row);
          continue; /* the header */
        }
      g_assert_cmpuint (g_strv_length (row), ==, columns);
      for (guint j = 0; j < columns; j++)
        g_ptr_array_add (cells, g_strdup (row[j]));
    }
  g_ptr_array_add (cells, NULL);

  *n_columns = columns;
  return (char **) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
}

/**
 * gls_test_keep_mime_database:
 *
 * Keeps the system's MIME database for the rest of the run; called before
 * g_test_init(), whose isolated data folders would hide it. Without it GTK
 * cannot tell an SVG icon (ours, found in the data folder the build was
 * configured with) from other XML, and warns.
 */
void
gls_test_keep_mime_database (void)
{
  const char * const *system = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) mime = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; system[i] != NULL; i++)
    g_ptr_array_add (mime, g_build_filename (system[i], "mime", NULL));
  g_ptr_array_add (mime, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime->pdata);
}

void
gls_test_rm_rf (const char *path)
{
  GDir *dir;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          gls_test_rm_rf (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      if (g_rmdir (path) != 0)
        g_printerr ("cannot remove %s: %s\n", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0 && errno != ENOENT)
    g_printerr ("cannot remove %s: %s\n", path, g_strerror (errno));
}

/* A document with the built-in codebook on @text, as if read from a file
 * called @name. */
GlsDocument *
gls_test_document_from_text (const char *text,
                             const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = gls_source_new_from_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);

  return gls_document_new (source, NULL);
}

/* A document with the built-in codebook on the article at @path. */
GlsDocument *
gls_test_document_from_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = gls_source_new_for_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return gls_document_new (source, NULL);
}

/* Adds an annotation of @category over @spans to @document, by the
 * document's annotator, and returns it (the document owns it). */
GlsAnnotation *
gls_test_annotate_spans (GlsDocument   *document,
                         const char    *category,
                         const GlsSpan *spans,
                         guint          n_spans)
{
  g_autoptr(GlsAnnotation) annotation = gls_annotation_new (category, spans, n_spans,
                                                            gls_document_get_annotator (document));
  g_autoptr(GError) error = NULL;

  gls_document_add_annotation (document, annotation, &error);
  g_assert_no_error (error);

  return annotation;
}

/* Loads @file as the command-line tool does: a sidecar that cannot be
 * taken fails the load. */
GlsDocument *
gls_test_load (GFile        *file,
               const char   *encoding,
               GlsCodebook  *codebook,
               GPtrArray    *problems,
               GError      **error)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);
  gboolean loaded = gls_document_file_load (document_file, encoding, codebook, GLS_LOAD_NONE, NULL, error);
  GPtrArray *found = gls_document_file_get_problems (document_file);

  while (problems != NULL && found != NULL && found->len > 0)
    g_ptr_array_add (problems, g_ptr_array_steal_index (found, 0));

  return loaded ? g_object_ref (gls_document_file_get_document (document_file)) : NULL;
}

gboolean
gls_test_save (GlsDocument  *document,
               GError      **error)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new_for_document (document);

  return gls_document_file_save (document_file, NULL, error);
}

gboolean
gls_test_save_copy (GlsDocument  *document,
                    GFile        *file,
                    GError      **error)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new_for_document (document);

  return gls_document_file_save_copy (document_file, file, NULL, error);
}

gboolean
gls_test_changed_on_disk (GlsDocument *document)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new_for_document (document);

  return gls_document_file_changed_on_disk (document_file);
}

static void
ignore_schema_error (void        *data,
                     xmlErrorPtr  error)
{
}

/* The RELAX NG schema data/@name of the source tree. */
xmlRelaxNGPtr
gls_test_load_schema (const char *name)
{
  g_autofree char *rng = g_build_filename (g_getenv ("GLOSSATOR_SOURCE_ROOT"), "data", name, NULL);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (rng);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (parser);

  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);

  return schema;
}

/* Whether @schema takes @xml, which must be well-formed. */
gboolean
gls_test_schema_accepts (xmlRelaxNGPtr  schema,
                         const char    *xml,
                         gsize          len)
{
  xmlDocPtr doc = xmlReadMemory (xml, (int) len, "test.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlRelaxNGValidCtxtPtr context;
  gboolean valid;

  g_assert_nonnull (doc);
  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, ignore_schema_error, NULL);
  valid = xmlRelaxNGValidateDoc (context, doc) == 0;
  xmlRelaxNGFreeValidCtxt (context);
  xmlFreeDoc (doc);

  return valid;
}

/* Two warnings of GTK's own must not stop a test; every other warning
 * still does, as G_DEBUG=fatal-warnings would have it:
 * - the isolated data folders hide the MIME database, without which
 *   gdk-pixbuf cannot tell the format of the file chooser's and the
 *   message dialogs' icons (GTK warns from its icon thread);
 * - GTK 4.8 sometimes draws a scrollbar's trough (a GtkGizmo) in the
 *   frame in which the text view's validation of newly shown lines
 *   changed the adjustment, before the trough is allocated again: the
 *   trough misses one frame. Seen while scrolling and reloading on a
 *   machine under load, in GTK's own widgets only. */
GLogWriterOutput
gls_test_log_writer (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      (g_str_has_prefix (message, "Failed to load icon ") ||
       (g_str_has_prefix (message, "Trying to snapshot GtkGizmo ") &&
        g_str_has_suffix (message, " without a current allocation"))))
    return G_LOG_WRITER_HANDLED;

  g_log_writer_default (log_level, fields, n_fields, user_data);
  if (log_level & G_LOG_LEVEL_WARNING)
    g_abort ();

  return G_LOG_WRITER_HANDLED;
}
