/* gls-codebook-file.c
 * A codebook as XML: read from a file of its own, or from the codebook
 * element of a sidecar, checking what data/glossator-codebook.rng says;
 * written back the same way; and the built-in Claims codebook. */
#define G_LOG_DOMAIN "gls-codebook-file"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-atomic-file-private.h"
#include "gls-codebook-file-private.h"
#include "gls-codebook-private.h"
#include "gls-error.h"
#include "gls-names-private.h"
#include "gls-resources.h"
#include "gls-file-reader.h"

#define BUILTIN_CODEBOOK_PATH "/io/github/glossator/Glossator/codebooks/claims.xml"

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* The elements of a codebook, as data/glossator-codebook.rng describes
 * them; gls-xml.c reads by these tables. */
static const GlsXmlAttributeSpec codebook_attributes[] = {
  { "id", GLS_XML_VALUE_NCNAME, TRUE }, { "version", GLS_XML_VALUE_STRING, FALSE }, { NULL }
};
static const GlsXmlSlot codebook_slots[] = {
  { "label", 0, GLS_XML_MANY }, { "description", 0, GLS_XML_MANY }, { "category", 0, GLS_XML_MANY }, { NULL }
};
static const GlsXmlAttributeSpec category_attributes[] = {
  { "id", GLS_XML_VALUE_NCNAME, TRUE }, { "name", GLS_XML_VALUE_STRING, FALSE },
  { "key", GLS_XML_VALUE_KEY, FALSE }, { "color", GLS_XML_VALUE_COLOR, FALSE }, { NULL }
};
static const GlsXmlSlot category_slots[] = {
  { "label", 1, GLS_XML_MANY }, { "description", 0, GLS_XML_MANY }, { "category", 0, GLS_XML_MANY }, { NULL }
};

static const GlsXmlElementSpec codebook_spec = {
  "codebook", codebook_attributes, codebook_slots, GLS_XML_CONTENT_ELEMENTS, FALSE
};
static const GlsXmlElementSpec category_spec = {
  "category", category_attributes, category_slots, GLS_XML_CONTENT_ELEMENTS, FALSE
};
static const GlsXmlElementSpec label_spec = {
  "label", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_TEXT, TRUE
};
static const GlsXmlElementSpec description_spec = {
  "description", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_TEXT, TRUE
};

typedef struct
{
  GlsCodebook *codebook;
  GlsCategory *category;
  char        *lang;
} CodebookState;

static gboolean
category_attribute (GlsXmlReader *r,
                    const char   *name,
                    const char   *value,
                    gpointer      user_data)
{
  GlsCategory *category = user_data;

  if (strcmp (name, "id") == 0)
    _gls_set_string (&category->id, value);
  else if (strcmp (name, "name") == 0)
    _gls_set_string (&category->name, value);
  else if (strcmp (name, "color") == 0)
    _gls_set_string (&category->color, value);
  else if (strcmp (name, "key") == 0)
    category->key = (strlen (value) == 1 && value[0] >= '1' && value[0] <= '9') ? (guint) (value[0] - '0') : 0;
  else
    return FALSE;

  return TRUE;
}

static void read_category (GlsXmlReader *r,
                           GlsCodebook  *codebook,
                           GlsCategory  *parent);

static void
read_localized (GlsXmlReader            *r,
                const GlsXmlElementSpec *spec,
                GPtrArray               *variants)
{
  g_autofree char *lang = NULL;
  g_autofree char *text = NULL;

  text = _gls_xml_read_text_element (r, spec, &lang);
  _gls_localized_set (variants, lang, text);
}

static void
category_child (GlsXmlReader *r,
                gpointer      user_data)
{
  CodebookState *state = user_data;
  GlsCategory *category = state->category;

  if (_gls_xml_is_ours (r, "label"))
    read_localized (r, &label_spec, category->labels);
  else if (_gls_xml_is_ours (r, "description"))
    read_localized (r, &description_spec, category->descriptions);
  else if (_gls_xml_is_ours (r, "category"))
    read_category (r, state->codebook, category);
  else
    _gls_xml_keep_foreign_element (r, &category->foreign);
}

static void
read_category (GlsXmlReader *r,
               GlsCodebook  *codebook,
               GlsCategory  *parent)
{
  g_autoptr(GlsCategory) category = gls_category_new ("");
  CodebookState state = { codebook, category, NULL };
  guint line = _gls_xml_reader_line (r->reader);
  gpointer first_line;

  _gls_xml_read_attributes (r, &category_spec, category_attribute, category, &category->foreign, NULL);
  category->parent = parent;
  g_ptr_array_add (parent ? parent->children : codebook->roots, g_object_ref (category));

  /* said once, where the nesting first goes too deep */
  if (gls_category_get_depth (category) == GLS_MAX_CATEGORY_DEPTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("the categories are nested more than %u levels deep, the most a codebook can hold"),
                         GLS_MAX_CATEGORY_DEPTH);
      _gls_xml_report (r, GLS_PROBLEM_ERROR, line, 0, message);
    }

  if (g_hash_table_lookup_extended (r->category_lines, category->id, NULL, &first_line))
    {
      g_autofree char *message =
        g_strdup_printf (_("the category id “%s” is used twice (first on line %u)"),
                         category->id, GPOINTER_TO_UINT (first_line));
      _gls_xml_report (r, GLS_PROBLEM_ERROR, line, 0, message);
    }
  else
    g_hash_table_insert (r->category_lines, g_strdup (category->id), GUINT_TO_POINTER (line));

  _gls_xml_read_children (r, &category_spec, category_child, &state);
}

static gboolean
codebook_attribute (GlsXmlReader *r,
                    const char   *name,
                    const char   *value,
                    gpointer      user_data)
{
  GlsCodebook *codebook = user_data;

  if (strcmp (name, "id") == 0)
    _gls_set_string (&codebook->id, value);
  else if (strcmp (name, "version") == 0)
    _gls_set_string (&codebook->version, value);
  else
    return FALSE;

  return TRUE;
}

static void
codebook_child (GlsXmlReader *r,
                gpointer      user_data)
{
  GlsCodebook *codebook = user_data;

  if (_gls_xml_is_ours (r, "label"))
    read_localized (r, &label_spec, codebook->labels);
  else if (_gls_xml_is_ours (r, "description"))
    read_localized (r, &description_spec, codebook->descriptions);
  else if (_gls_xml_is_ours (r, "category"))
    read_category (r, codebook, NULL);
  else
    _gls_xml_keep_foreign_element (r, &codebook->foreign);
}

/**
 * _gls_codebook_file_read_element:
 *
 * Reads the codebook element @r is on, and moves past its end.
 *
 * Returns: (transfer full): the codebook, as far as it could be read
 */
GlsCodebook *
_gls_codebook_file_read_element (GlsXmlReader *r)
{
  GlsCodebook *codebook = gls_codebook_new ("", NULL);

  _gls_xml_read_attributes (r, &codebook_spec, codebook_attribute, codebook, &codebook->foreign, NULL);
  _gls_xml_read_children (r, &codebook_spec, codebook_child, codebook);
  _gls_codebook_rebuild (codebook);

  return codebook;
}

/**
 * read_bytes:
 *
 * Returns: (transfer full): the codebook in @bytes, or %NULL with @error
 *   set and the problems added to @problems
 */
static GlsCodebook *
read_bytes (GBytes      *bytes,
            const char  *display_name,
            GPtrArray   *problems,
            GError     **error)
{
  g_autoptr(GPtrArray) local_problems = gls_problems_new ();
  g_autoptr(GlsCodebook) codebook = NULL;
  GlsXmlReader r = { NULL, display_name, local_problems, };

  if (_gls_xml_open_reader (&r, bytes) && _gls_xml_check_root (&r, "codebook"))
    {
      codebook = _gls_codebook_file_read_element (&r);
      _gls_xml_finish_reader (&r);
    }

  if (gls_problems_count (local_problems, GLS_PROBLEM_ERROR) > 0 || r.malformed || r.n_schema_errors > 0)
    {
      _gls_xml_fail (&r, problems, _gls_xml_failure_code (&r), error);
      _gls_xml_hand_over_problems (&r, problems);
      _gls_xml_close_reader (&r);
      return NULL;
    }

  _gls_xml_hand_over_problems (&r, problems);
  _gls_xml_close_reader (&r);

  return g_steal_pointer (&codebook);
}

/**
 * bytes_is_codebook:
 *
 * Returns: whether the root element of @bytes is a `codebook`
 */
static gboolean
bytes_is_codebook (GBytes *bytes)
{
  xmlTextReaderPtr reader;
  gboolean result = FALSE;

  if ((reader = _gls_xml_new_peek_reader (bytes)) == NULL)
    return FALSE;

  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        break;
      if (type == XML_READER_TYPE_ELEMENT)
        {
          result = g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "codebook") == 0;
          break;
        }
    }
  xmlFreeTextReader (reader);

  return result;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void
write_localized (xmlTextWriterPtr  writer,
                 const char       *name,
                 GPtrArray        *variants)
{
  for (guint i = 0; i + 1 < variants->len; i += 2)
    {
      const char *lang = g_ptr_array_index (variants, i);

      xmlTextWriterStartElement (writer, BAD_CAST name);
      if (lang != NULL)
        xmlTextWriterWriteAttribute (writer, BAD_CAST "xml:lang", BAD_CAST lang);
      _gls_xml_write_string (writer, g_ptr_array_index (variants, i + 1));
      xmlTextWriterEndElement (writer);
    }
}

static void
write_category (xmlTextWriterPtr  writer,
                GlsCategory      *category)
{
  /* never deeper than a reader takes (gls-names-private.h) */
  g_warn_if_fail (gls_category_get_depth (category) < GLS_MAX_CATEGORY_DEPTH);

  xmlTextWriterStartElement (writer, BAD_CAST "category");
  _gls_xml_write_attribute (writer, "id", category->id);
  _gls_xml_write_attribute (writer, "name", category->name);
  if (category->key > 0)
    _gls_xml_write_uint_attribute (writer, "key", category->key);
  _gls_xml_write_attribute (writer, "color", category->color);
  _gls_foreign_write_attributes (category->foreign, writer);
  /* the schema wants a label: a category made without one is named by
   * its original name */
  if (category->labels->len == 0)
    _gls_xml_write_text_element (writer, "label", gls_category_get_original_name (category));
  write_localized (writer, "label", category->labels);
  write_localized (writer, "description", category->descriptions);
  for (guint i = 0; i < category->children->len; i++)
    write_category (writer, g_ptr_array_index (category->children, i));
  _gls_foreign_write_elements (category->foreign, writer);
  xmlTextWriterEndElement (writer);
}

static void
write_codebook (xmlTextWriterPtr  writer,
                GlsCodebook      *codebook,
                gboolean          root)
{
  if (root)
    xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "codebook", BAD_CAST GLS_NAMESPACE);
  else
    xmlTextWriterStartElement (writer, BAD_CAST "codebook");
  _gls_xml_write_attribute (writer, "id", codebook->id);
  _gls_xml_write_attribute (writer, "version", codebook->version);
  _gls_foreign_write_attributes (codebook->foreign, writer);
  write_localized (writer, "label", codebook->labels);
  write_localized (writer, "description", codebook->descriptions);
  for (guint i = 0; i < codebook->roots->len; i++)
    write_category (writer, g_ptr_array_index (codebook->roots, i));
  _gls_foreign_write_elements (codebook->foreign, writer);
  xmlTextWriterEndElement (writer);
}

/* A codebook element inside another document, in its default namespace. */
void
_gls_codebook_file_write_element (xmlTextWriterPtr  writer,
                                  GlsCodebook      *codebook)
{
  write_codebook (writer, codebook, FALSE);
}

GBytes *
_gls_codebook_file_write (GlsCodebook *codebook)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer = _gls_xml_start_writer (&buffer, 4096);

  write_codebook (writer, codebook, TRUE);

  return _gls_xml_finish_writer (writer, buffer);
}

/* ------------------------------------------------------------------ */
/* Codebooks from files                                                 */

static void
ensure_resources (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_resources_register (gls_core_get_resource ());
      g_once_init_leave (&done, 1);
    }
}

GlsCodebook *
gls_codebook_new_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GPtrArray   *problems,
                             GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return read_bytes (bytes, display_name, problems, error);
}

GlsCodebook *
gls_codebook_new_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GPtrArray     *problems,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = gls_read_file (file, GLS_FILE_CODEBOOK, NULL, cancellable, &local_error);
  if (bytes == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return read_bytes (bytes, name, problems, error);
}

/**
 * gls_codebook_new_builtin:
 *
 * Returns: (transfer full): a new copy of the built-in Claims codebook,
 *   with its labels in every language Glossator is translated into
 */
GlsCodebook *
gls_codebook_new_builtin (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlsCodebook *codebook;

  ensure_resources ();

  bytes = g_resources_lookup_data (BUILTIN_CODEBOOK_PATH, 0, &error);
  g_assert_no_error (error);

  codebook = read_bytes (bytes, "claims.xml", NULL, &error);
  g_assert_no_error (error);

  return codebook;
}

/**
 * gls_codebook_sniff:
 *
 * Returns: whether @bytes look like a codebook file (root `codebook`)
 */
gboolean
gls_codebook_sniff (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, FALSE);

  return bytes_is_codebook (bytes);
}

/**
 * gls_codebook_serialize:
 *
 * Returns: (transfer full): @self as a codebook file (FORMAT.md §3)
 */
GBytes *
gls_codebook_serialize (GlsCodebook *self)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  return _gls_codebook_file_write (self);
}

/**
 * gls_codebook_save:
 *
 * Writes @self as a codebook file to @file, replacing it whole or not at
 * all, as the project codebook `codebook.xml` of a folder is written.
 */
gboolean
gls_codebook_save (GlsCodebook  *self,
                   GFile        *file,
                   GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlsAtomicFile) atomic = NULL;
  gsize len;
  const void *data;

  g_return_val_if_fail (GLS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = _gls_codebook_file_write (self);
  data = g_bytes_get_data (bytes, &len);
  if ((atomic = _gls_atomic_file_new (file, error)) == NULL)
    return FALSE;
  _gls_atomic_file_write (atomic, data, len);

  return _gls_atomic_file_commit (atomic, error);
}

/**
 * gls_codebook_equal:
 *
 * Returns: whether @self and @other would be written as the same file:
 *   the same categories, labels in every language, colours and keys
 */
gboolean
gls_codebook_equal (GlsCodebook *self,
                    GlsCodebook *other)
{
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  g_return_val_if_fail (GLS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (GLS_IS_CODEBOOK (other), FALSE);

  a = _gls_codebook_file_write (self);
  b = _gls_codebook_file_write (other);

  return g_bytes_equal (a, b);
}
