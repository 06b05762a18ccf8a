/* gls-sidecar-reader.c
 * Reading a sidecar: what it says, with its form checked as
 * data/glossator-annotations.rng says while it is read. The document then
 * checks its meaning against the text. */
#define G_LOG_DOMAIN "gls-sidecar-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-codebook-file-private.h"
#include "gls-sidecar-shared-private.h"
#include "gls-names-private.h"
#include "gls-sidecar-reader-private.h"
#include "gls-xml-private.h"

/* The elements of a sidecar, as data/glossator-annotations.rng describes
 * them (its codebook is gls-codebook-file.c's); gls-xml.c reads by these
 * tables. */
static const GlsXmlAttributeSpec annotations_attributes[] = {
  { "version", GLS_XML_VALUE_VERSION, TRUE }, { "generator", GLS_XML_VALUE_STRING, FALSE }, { NULL }
};
static const GlsXmlSlot annotations_slots[] = {
  { "source", 1, 1 }, { "codebook", 0, 1 }, { "note", 0, 1 }, { "annotation|relation", 0, GLS_XML_MANY },
  { NULL }
};
static const GlsXmlAttributeSpec source_attributes[] = {
  { "href", GLS_XML_VALUE_STRING, TRUE }, { "encoding", GLS_XML_VALUE_STRING, TRUE },
  { "bom", GLS_XML_VALUE_BOOLEAN, TRUE }, { "newlines", GLS_XML_VALUE_NEWLINES, TRUE },
  { "length", GLS_XML_VALUE_COUNT, TRUE }, { "sha256", GLS_XML_VALUE_SHA256, TRUE },
  { "type", GLS_XML_VALUE_STRING, FALSE }, { NULL }
};
static const GlsXmlAttributeSpec annotation_attributes[] = {
  { "id", GLS_XML_VALUE_NCNAME, TRUE }, { "category", GLS_XML_VALUE_NCNAME, TRUE },
  { "annotator", GLS_XML_VALUE_STRING, FALSE }, { "created", GLS_XML_VALUE_DATE_TIME, FALSE },
  { "modified", GLS_XML_VALUE_DATE_TIME, FALSE }, { "anchor", GLS_XML_VALUE_ANCHOR, FALSE }, { NULL }
};
static const GlsXmlSlot annotation_slots[] = {
  { "target", 1, GLS_XML_MANY }, { "note", 0, 1 }, { "attribute", 0, GLS_XML_MANY }, { NULL }
};
static const GlsXmlAttributeSpec target_attributes[] = {
  { "start", GLS_XML_VALUE_COUNT, TRUE }, { "end", GLS_XML_VALUE_COUNT, TRUE }, { NULL }
};
static const GlsXmlSlot target_slots[] = {
  { "prefix", 0, 1 }, { "exact", 1, 1 }, { "suffix", 0, 1 }, { "previous", 0, 1 }, { NULL }
};
static const GlsXmlAttributeSpec attribute_attributes[] = {
  { "name", GLS_XML_VALUE_STRING, TRUE }, { NULL }
};
static const GlsXmlAttributeSpec relation_attributes[] = {
  { "id", GLS_XML_VALUE_NCNAME, TRUE }, { "type", GLS_XML_VALUE_STRING, TRUE },
  { "from", GLS_XML_VALUE_STRING, TRUE }, { "to", GLS_XML_VALUE_STRING, TRUE }, { NULL }
};

static const GlsXmlElementSpec annotations_spec = {
  "annotations", annotations_attributes, annotations_slots, GLS_XML_CONTENT_ELEMENTS, FALSE
};
static const GlsXmlElementSpec source_spec = {
  "source", source_attributes, NULL, GLS_XML_CONTENT_EMPTY, FALSE
};
static const GlsXmlElementSpec shared_codebook_spec = {
  "codebook", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_EMPTY, FALSE
};
static const GlsXmlElementSpec note_spec = {
  "note", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_TEXT, FALSE
};
static const GlsXmlElementSpec annotation_spec = {
  "annotation", annotation_attributes, annotation_slots, GLS_XML_CONTENT_ELEMENTS, FALSE
};
static const GlsXmlElementSpec target_spec = {
  "target", target_attributes, target_slots, GLS_XML_CONTENT_ELEMENTS, FALSE
};
static const GlsXmlElementSpec prefix_spec = {
  "prefix", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_TEXT, FALSE
};
static const GlsXmlElementSpec exact_spec = {
  "exact", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_TEXT, FALSE
};
static const GlsXmlElementSpec suffix_spec = {
  "suffix", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_TEXT, FALSE
};
static const GlsXmlElementSpec previous_spec = {
  "previous", _gls_xml_no_attributes, NULL, GLS_XML_CONTENT_TEXT, FALSE
};
static const GlsXmlElementSpec attribute_spec = {
  "attribute", attribute_attributes, NULL, GLS_XML_CONTENT_TEXT, FALSE
};
static const GlsXmlElementSpec relation_spec = {
  "relation", relation_attributes, NULL, GLS_XML_CONTENT_EMPTY, FALSE
};


static gboolean
parse_offset (GlsXmlReader *r,
              const char   *value,
              guint        *offset)
{
  guint64 number;

  if (_gls_parse_count (value, G_MAXUINT, &number))
    {
      *offset = (guint) number;
      return TRUE;
    }

  /* Not a number at all is the schema's to report; too large is ours. */
  if (_gls_is_count (value))
    {
      g_autofree char *message =
        g_strdup_printf (_("the offset %s is larger than any text Glossator can open"), value);
      _gls_xml_report (r, GLS_PROBLEM_ERROR, _gls_xml_reader_line (r->reader), 0, message);
    }

  *offset = G_MAXUINT;
  return FALSE;
}

static gboolean
target_attribute (GlsXmlReader *r,
                  const char   *name,
                  const char   *value,
                  gpointer      user_data)
{
  GlsTarget *target = user_data;

  if (strcmp (name, "start") == 0)
    parse_offset (r, value, &target->start);
  else if (strcmp (name, "end") == 0)
    parse_offset (r, value, &target->end);
  else
    return FALSE;

  return TRUE;
}

static void
target_child (GlsXmlReader *r,
              gpointer      user_data)
{
  GlsTarget *target = user_data;

  if (_gls_xml_is_ours (r, "exact"))
    target->exact = _gls_xml_read_text_element (r, &exact_spec, NULL);
  else if (_gls_xml_is_ours (r, "prefix"))
    target->prefix = _gls_xml_read_text_element (r, &prefix_spec, NULL);
  else if (_gls_xml_is_ours (r, "suffix"))
    target->suffix = _gls_xml_read_text_element (r, &suffix_spec, NULL);
  else if (_gls_xml_is_ours (r, "previous"))
    target->previous = _gls_xml_read_text_element (r, &previous_spec, NULL);
  else
    _gls_xml_keep_foreign_element (r, &target->foreign);
}

static gboolean
annotation_attribute (GlsXmlReader *r,
                      const char   *name,
                      const char   *value,
                      gpointer      user_data)
{
  GlsAnnotation *annotation = user_data;

  if (strcmp (name, "id") == 0)
    _gls_set_string (&annotation->id, value);
  else if (strcmp (name, "category") == 0)
    _gls_set_string (&annotation->category, value);
  else if (strcmp (name, "annotator") == 0)
    _gls_set_string (&annotation->annotator, value);
  else if (strcmp (name, "created") == 0)
    _gls_set_string (&annotation->created, value);
  else if (strcmp (name, "modified") == 0)
    _gls_set_string (&annotation->modified, value);
  else if (strcmp (name, "anchor") == 0)
    return gls_anchor_from_string (value, &annotation->anchor);
  else
    return FALSE;

  return TRUE;
}

static gboolean
attribute_name (GlsXmlReader *r,
                const char   *name,
                const char   *value,
                gpointer      user_data)
{
  char **out = user_data;

  if (strcmp (name, "name") != 0)
    return FALSE;

  _gls_set_string (out, value);

  return TRUE;
}

static void
annotation_child (GlsXmlReader *r,
                  gpointer      user_data)
{
  GlsAnnotation *annotation = user_data;

  if (_gls_xml_is_ours (r, "target"))
    {
      GlsTarget target = { 0, };

      target.line = _gls_xml_reader_line (r->reader);
      _gls_xml_read_attributes (r, &target_spec, target_attribute, &target, &target.foreign, NULL);
      _gls_xml_read_children (r, &target_spec, target_child, &target);
      g_array_append_val (annotation->targets, target);
    }
  else if (_gls_xml_is_ours (r, "note"))
    {
      g_free (annotation->note);
      annotation->note = _gls_xml_read_text_element (r, &note_spec, NULL);
    }
  else if (_gls_xml_is_ours (r, "attribute"))
    {
      char *name = NULL;
      GlsForeign *ignored = NULL;

      _gls_xml_read_attributes (r, &attribute_spec, attribute_name, &name, &ignored, NULL);
      _gls_foreign_free (ignored);
      g_ptr_array_add (annotation->attributes, name ? name : g_strdup (""));
      g_ptr_array_add (annotation->attributes, _gls_xml_read_text (r, &attribute_spec));
    }
  else
    _gls_xml_keep_foreign_element (r, &annotation->foreign);
}

static gboolean
relation_attribute (GlsXmlReader *r,
                    const char   *name,
                    const char   *value,
                    gpointer      user_data)
{
  GlsRelation *relation = user_data;

  if (strcmp (name, "id") == 0)
    _gls_set_string (&relation->id, value);
  else if (strcmp (name, "type") == 0)
    _gls_set_string (&relation->type, value);
  else if (strcmp (name, "from") == 0)
    _gls_set_string (&relation->from, value);
  else if (strcmp (name, "to") == 0)
    _gls_set_string (&relation->to, value);
  else
    return FALSE;

  return TRUE;
}

static gboolean
source_attribute (GlsXmlReader *r,
                  const char   *name,
                  const char   *value,
                  gpointer      user_data)
{
  GlsSidecarData *data = user_data;

  if (strcmp (name, "href") == 0)
    _gls_set_string (&data->href, value);
  else if (strcmp (name, "encoding") == 0)
    _gls_set_string (&data->encoding, value);
  else if (strcmp (name, "sha256") == 0)
    _gls_set_string (&data->sha256, value);
  else if (strcmp (name, "newlines") == 0)
    _gls_set_string (&data->newlines, value);
  else if (strcmp (name, "type") == 0)
    _gls_set_string (&data->type, value);
  else if (strcmp (name, "bom") == 0)
    data->bom = strcmp (value, "true") == 0;
  else if (strcmp (name, "length") == 0)
    _gls_parse_count (value, G_MAXUINT64, &data->length);
  else
    return FALSE;

  return TRUE;
}

static void
sidecar_child (GlsXmlReader *r,
               gpointer      user_data)
{
  GlsSidecarData *data = user_data;

  if (_gls_xml_is_ours (r, "annotation"))
    {
      GlsAnnotation *annotation = _gls_annotation_new_empty ();

      annotation->line = _gls_xml_reader_line (r->reader);
      _gls_xml_read_attributes (r, &annotation_spec, annotation_attribute, annotation, &annotation->foreign, NULL);
      _gls_xml_read_children (r, &annotation_spec, annotation_child, annotation);
      _gls_annotation_sort_targets (annotation);
      if (annotation->id == NULL)
        annotation->id = g_strdup ("");
      if (annotation->category == NULL)
        annotation->category = g_strdup ("");
      if (annotation->targets->len == 0)
        {
          GlsTarget target = { 0, };
          g_array_append_val (annotation->targets, target);
        }
      g_ptr_array_add (data->annotations, annotation);
    }
  else if (_gls_xml_is_ours (r, "relation"))
    {
      GlsRelation *relation = _gls_relation_new_empty ();

      relation->line = _gls_xml_reader_line (r->reader);
      _gls_xml_read_attributes (r, &relation_spec, relation_attribute, relation, &relation->foreign, NULL);
      _gls_xml_read_children (r, &relation_spec, NULL, NULL);
      if (relation->id == NULL)
        relation->id = g_strdup ("");
      if (relation->type == NULL)
        relation->type = g_strdup ("");
      if (relation->from == NULL)
        relation->from = g_strdup ("");
      if (relation->to == NULL)
        relation->to = g_strdup ("");
      g_ptr_array_add (data->relations, relation);
    }
  else if (_gls_xml_is_ours (r, "source"))
    {
      data->source_line = _gls_xml_reader_line (r->reader);
      _gls_xml_read_attributes (r, &source_spec, source_attribute, data, &data->source_foreign, NULL);
      _gls_xml_read_children (r, &source_spec, NULL, NULL);
    }
  else if (_gls_xml_is_ours (r, "codebook") && data->codebook == NULL && data->shared_codebook != NULL)
    {
      /* emptied: the same bytes were read before (gls-sidecar-shared.c) */
      data->codebook = g_object_ref (data->shared_codebook);
      _gls_xml_read_children (r, &shared_codebook_spec, NULL, NULL);
    }
  else if (_gls_xml_is_ours (r, "codebook") && data->codebook == NULL)
    data->codebook = _gls_codebook_file_read_element (r);
  else if (_gls_xml_is_ours (r, "note"))
    {
      g_free (data->note);
      data->note = _gls_xml_read_text_element (r, &note_spec, NULL);
    }
  else
    _gls_xml_keep_foreign_element (r, &data->foreign);
}

static gboolean
root_attribute (GlsXmlReader *r,
                const char   *name,
                const char   *value,
                gpointer      user_data)
{
  GlsSidecarData *data = user_data;

  if (strcmp (name, "version") == 0)
    _gls_set_string (&data->version, value);
  else if (strcmp (name, "generator") == 0)
    _gls_set_string (&data->generator, value);
  else
    return FALSE;

  return TRUE;
}

void
_gls_sidecar_data_free (GlsSidecarData *data)
{
  if (data == NULL)
    return;

  g_free (data->display_name);
  g_free (data->version);
  g_free (data->generator);
  g_free (data->href);
  g_free (data->encoding);
  g_free (data->sha256);
  g_free (data->newlines);
  g_free (data->type);
  _gls_foreign_free (data->source_foreign);
  g_clear_object (&data->codebook);
  g_clear_object (&data->shared_codebook);
  g_free (data->note);
  g_ptr_array_unref (data->annotations);
  g_ptr_array_unref (data->relations);
  _gls_foreign_free (data->foreign);
  g_free (data);
}

static GlsSidecarData *
read_sidecar (GBytes       *bytes,
              const char   *display_name,
              GlsCodebook  *shared_codebook,
              GPtrArray    *problems,
              gboolean     *clean,
              GError      **error)
{
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GPtrArray) local_problems = gls_problems_new ();
  GlsXmlReader r = { NULL, display_name, local_problems, };
  guint n_errors;

  data = g_new0 (GlsSidecarData, 1);
  data->display_name = g_strdup (display_name);
  data->shared_codebook = shared_codebook ? g_object_ref (shared_codebook) : NULL;
  data->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  data->relations = g_ptr_array_new_with_free_func (g_object_unref);

  if (_gls_xml_open_reader (&r, bytes) && _gls_xml_check_root (&r, "annotations"))
    {
      _gls_xml_read_attributes (&r, &annotations_spec, root_attribute, data, &data->foreign, NULL);

      if (data->version != NULL && !g_str_has_prefix (data->version, "1."))
        {
          g_autofree char *message =
            g_strdup_printf (_("this file is in format version %s, which this version of Glossator "
                               "cannot read (it reads 1.x); use a newer Glossator"),
                             data->version);
          _gls_xml_report (&r, GLS_PROBLEM_ERROR, _gls_xml_reader_line (r.reader), 0, message);
          _gls_xml_fail (&r, problems, GLS_ERROR_VERSION, error);
          _gls_xml_hand_over_problems (&r, problems);
          _gls_xml_close_reader (&r);
          return NULL;
        }

      _gls_xml_read_children (&r, &annotations_spec, sidecar_child, data);
      _gls_xml_finish_reader (&r);
    }

  n_errors = gls_problems_count (local_problems, GLS_PROBLEM_ERROR);
  if (n_errors > 0 || r.malformed || r.n_schema_errors > 0)
    {
      int code = _gls_xml_failure_code (&r);

      _gls_xml_fail (&r, problems, code, error);
      _gls_xml_hand_over_problems (&r, problems);
      _gls_xml_close_reader (&r);
      return NULL;
    }

  *clean = local_problems->len == 0;
  _gls_xml_hand_over_problems (&r, problems);
  _gls_xml_close_reader (&r);

  if (data->version == NULL)
    data->version = g_strdup (GLS_FORMAT_VERSION);
  if (data->sha256 == NULL)
    data->sha256 = g_strdup ("");

  return g_steal_pointer (&data);
}

/**
 * _gls_sidecar_read:
 *
 * Reads a sidecar, checking its form against the schema. Its meaning (the
 * offsets and quotes against the text) is checked by the document.
 *
 * Returns: (transfer full): what it says, or %NULL with @error set and
 *   every problem (only the first one for XML that is not well-formed)
 *   added to @problems
 */
GlsSidecarData *
_gls_sidecar_read (GBytes      *bytes,
                   const char  *display_name,
                   GPtrArray   *problems,
                   GError     **error)
{
  gboolean clean;

  return read_sidecar (bytes, display_name, NULL, problems, &clean, error);
}

/**
 * _gls_sidecar_read_sharing_codebook:
 *
 * Like _gls_sidecar_read(), for a load that changes nothing: the codebook
 * may be the one a sidecar with the same codebook element gave before on
 * this thread, shared, which must not be changed.
 */
GlsSidecarData *
_gls_sidecar_read_sharing_codebook (GBytes      *bytes,
                                    const char  *display_name,
                                    GPtrArray   *problems,
                                    GError     **error)
{
  g_autoptr(GlsCodebook) shared = NULL;
  g_autoptr(GBytes) stripped = _gls_sidecar_strip_known_codebook (bytes, &shared);
  GlsSidecarData *data;
  gboolean clean = FALSE;

  data = read_sidecar (stripped ? stripped : bytes, display_name, shared, problems, &clean, error);
  if (data != NULL && stripped == NULL && clean && data->codebook != NULL)
    _gls_sidecar_remember_codebook (bytes, data->codebook);

  return data;
}

/**
 * _gls_sidecar_peek_source_encoding:
 *
 * Returns: (nullable): the encoding the `source` element of a sidecar
 *   names, read from the first elements only; %NULL when there is none or
 *   the file is not one to read (the full read reports why)
 */
char *
_gls_sidecar_peek_source_encoding (GBytes *bytes,
                                   guint  *line)
{
  xmlTextReaderPtr reader;
  char *encoding = NULL;
  guint elements = 0;

  if ((reader = _gls_xml_new_peek_reader (bytes)) == NULL)
    return NULL;

  while (elements < 8 && xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        break;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      elements++;
      if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "source") == 0 &&
          g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), GLS_NAMESPACE) == 0)
        {
          xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST "encoding");

          encoding = g_strdup ((const char *) value);
          if (line != NULL)
            *line = _gls_xml_reader_line (reader);
          xmlFree (value);
          break;
        }
    }
  xmlFreeTextReader (reader);

  return encoding;
}
