/* gls-xml.c
 * The libxml2 helpers of the sidecar and codebook files: one streaming pass
 * of xmlTextReader that checks the structure the RELAX NG schemas describe
 * as it reads, from each reader's tables, and xmlTextWriter for writing.
 * Every file is untrusted (FORMAT.md §6). */
#define G_LOG_DOMAIN "gls-xml"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "gls-error.h"
#include "gls-xml-private.h"
#include "gls-names-private.h"

#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"
#define XMLNS_NAMESPACE "http://www.w3.org/2000/xmlns/"

/**
 * _gls_xml_init:
 *
 * Sets libxml2 up, once, before anything parses or writes XML. Its 2.9
 * series builds its global tables (the encoding handlers among them) on
 * first use without a lock: two threads doing it at once, as parallel
 * reads of a corpus do, race on them.
 */
void
_gls_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static void
ignore_structured_error (void        *user_data,
                         xmlErrorPtr  error)
{
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

void
_gls_xml_report (GlsXmlReader       *r,
                 GlsProblemSeverity  severity,
                 guint               line,
                 guint               column,
                 const char         *message)
{
  g_ptr_array_add (r->problems, gls_problem_new (severity, r->name, line, column, message));
}

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  GlsXmlReader *r = user_data;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (r->malformed || error->level == XML_ERR_WARNING)
    return;

  text = g_strchomp (g_strdup (error->message ? error->message : ""));

  if (error->domain == XML_FROM_RELAXNGV)
    {
      /* Translators: %s is libxml2's English description of the problem */
      message = g_strdup_printf (_("does not follow the Glossator schema: %s"), text);
      r->n_schema_errors++;
    }
  else
    {
      /* Translators: %s is libxml2's English description of the problem */
      message = g_strdup_printf (_("not well-formed XML: %s"), text);
      r->malformed = TRUE;
      r->stop = TRUE;
    }

  _gls_xml_report (r, GLS_PROBLEM_ERROR, error->line > 0 ? (guint) error->line : 0,
                   error->int2 > 0 ? (guint) error->int2 : 0, message);
}

/* The line of the reader's current node, or of the parser. */
guint
_gls_xml_reader_line (xmlTextReaderPtr reader)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);
  long line = node ? xmlGetLineNo (node) : -1;

  return line > 0 ? (guint) line : (guint) xmlTextReaderGetParserLineNumber (reader);
}

/**
 * _gls_xml_reader_step:
 * @message: (out) (transfer none): why reading must stop, when it returns -1
 *
 * One step of an untrusted file's reader: 1 on a node, 0 at the end, -1
 * on a problem (not well-formed, or a DOCTYPE that got this far), with
 * its line in @line.
 */
int
_gls_xml_reader_step (xmlTextReaderPtr   reader,
                      guint             *line,
                      const char       **message)
{
  int ret = xmlTextReaderRead (reader);

  if (ret < 0)
    {
      *line = (guint) xmlTextReaderGetParserLineNumber (reader);
      *message = _("not well-formed XML");
      return -1;
    }

  if (ret == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      *line = _gls_xml_reader_line (reader);
      *message = _("a DOCTYPE is not allowed in Glossator files (no DTDs, no entities)");
      return -1;
    }

  return ret;
}

static guint
current_line (GlsXmlReader *r)
{
  return _gls_xml_reader_line (r->reader);
}

static int
advance (GlsXmlReader *r)
{
  const char *message;
  guint line;
  int ret;

  if (r->stop)
    return 0;

  if ((ret = _gls_xml_reader_step (r->reader, &line, &message)) < 0)
    {
      if (!r->malformed)
        _gls_xml_report (r, GLS_PROBLEM_ERROR, line, 0, message);
      r->malformed = TRUE;
      r->stop = TRUE;
      return 0;
    }

  return ret;
}

/* Whether the reader is on the element @local_name of namespace @ns. */
gboolean
_gls_xml_reader_is (xmlTextReaderPtr  reader,
                    const char       *ns,
                    const char       *local_name)
{
  const char *node_ns = (const char *) xmlTextReaderConstNamespaceUri (reader);

  return node_ns != NULL && strcmp (node_ns, ns) == 0 &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

gboolean
_gls_xml_is_ours (GlsXmlReader *r,
                  const char   *local_name)
{
  return _gls_xml_reader_is (r->reader, GLS_NAMESPACE, local_name);
}

/* Moves past the end of the current element, whatever it holds. */
static void
skip_element (GlsXmlReader *r)
{
  int depth;

  if (xmlTextReaderIsEmptyElement (r->reader))
    return;

  depth = xmlTextReaderDepth (r->reader);
  while (advance (r) == 1)
    {
      if (xmlTextReaderNodeType (r->reader) == XML_READER_TYPE_END_ELEMENT &&
          xmlTextReaderDepth (r->reader) == depth)
        return;
    }
}

/* Keeps the current element, of another namespace or a newer version,
 * as libxml2 serialises it, with the namespaces it uses declared. */
void
_gls_xml_keep_foreign_element (GlsXmlReader  *r,
                               GlsForeign   **foreign)
{
  xmlNodePtr node = xmlTextReaderExpand (r->reader);

  if (node != NULL)
    {
      xmlNodePtr copy = xmlDocCopyNode (node, r->scratch, 1);
      xmlBufferPtr buffer = xmlBufferCreate ();

      xmlNodeDump (buffer, r->scratch, copy, 0, 0);
      _gls_foreign_add_element (foreign, (const char *) xmlBufferContent (buffer));
      xmlBufferFree (buffer);
      xmlFreeNode (copy);
    }

  skip_element (r);
}

/* ------------------------------------------------------------------ */
/* The structure the schemas describe, checked as the file is read      */

/* libxml2's RELAX NG validator cannot stream a content model with
 * wildcards (our extension points): on a sidecar with 100,000 annotations
 * it takes minutes. So the reader checks, as it goes, exactly what
 * data/glossator-annotations.rng and data/glossator-codebook.rng say;
 * tests/test-structure.c holds the two to the same verdicts. */

/* Every element of the Glossator namespace, in sidecars and codebooks. */
static const char *known_names[] = {
  "annotations", "source", "codebook", "category", "label", "description",
  "note", "annotation", "target", "prefix", "exact", "suffix", "attribute",
  "relation", NULL
};

/* For the elements that take no attribute. */
const GlsXmlAttributeSpec _gls_xml_no_attributes[] = { { NULL } };

static void
schema_error_valist (GlsXmlReader *r,
                     guint         line,
                     const char   *format,
                     va_list       args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  g_autofree char *message = NULL;

  /* Translators: %s says what is wrong, such as "<target> needs an <exact>" */
  message = g_strdup_printf (_("does not follow the Glossator schema: %s"), text);
  _gls_xml_report (r, GLS_PROBLEM_ERROR, line, 0, message);
  r->n_schema_errors++;
}

static void G_GNUC_PRINTF (2, 3)
schema_error (GlsXmlReader *r,
              const char   *format,
              ...)
{
  va_list args;

  va_start (args, format);
  schema_error_valist (r, current_line (r), format, args);
  va_end (args);
}

/* A problem of the element that starts on @line, such as a missing child. */
static void G_GNUC_PRINTF (3, 4)
schema_error_at (GlsXmlReader *r,
                 guint         line,
                 const char   *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  schema_error_valist (r, line, format, args);
  va_end (args);
}

static const char *
local_name (GlsXmlReader *r)
{
  return (const char *) xmlTextReaderConstLocalName (r->reader);
}

/* Whether the current element is ours and has a name the format knows:
 * anything else is a foreign element, allowed everywhere elements are. */
static gboolean
is_known (GlsXmlReader *r)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);

  if (ns == NULL || strcmp (ns, GLS_NAMESPACE) != 0)
    return FALSE;

  return g_strv_contains (known_names, local_name (r));
}

static gboolean
matches (GlsXmlValueType  type,
         const char      *value)
{
  static GRegex *regexes[GLS_XML_VALUE_VERSION + 1];
  static const char *patterns[GLS_XML_VALUE_VERSION + 1] = {
    [GLS_XML_VALUE_KEY] = "^[1-9]$",
    [GLS_XML_VALUE_COLOR] = "^#[0-9a-fA-F]{6}$",
    [GLS_XML_VALUE_SHA256] = "^[0-9a-fA-F]{64}$",
    [GLS_XML_VALUE_VERSION] = "^[0-9]+\\.[0-9]+$",
  };
  if (g_once_init_enter (&regexes[type]))
    g_once_init_leave (&regexes[type], g_regex_new (patterns[type], G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regexes[type], value, 0, NULL);
}

static gboolean
token_in (const char  *value,
          const char **tokens)
{
  g_autofree char *token = g_strstrip (g_strdup (value));

  return g_strv_contains (tokens, token);
}

static gboolean
value_is_valid (GlsXmlValueType  type,
                const char      *value)
{
  static const char *booleans[] = { "true", "false", NULL };
  static const char *newlines[] = { "lf", "crlf", "cr", "mixed", "none", NULL };
  static const char *anchors[] = { "moved", "fuzzy", "orphaned", NULL };

  switch (type)
    {
    case GLS_XML_VALUE_STRING:
      return TRUE;
    case GLS_XML_VALUE_NCNAME:
      return _gls_is_ncname (value);
    case GLS_XML_VALUE_BOOLEAN:
      return token_in (value, booleans);
    case GLS_XML_VALUE_NEWLINES:
      return token_in (value, newlines);
    case GLS_XML_VALUE_ANCHOR:
      return token_in (value, anchors);
    case GLS_XML_VALUE_COUNT:
      return _gls_is_count (value);
    case GLS_XML_VALUE_DATE_TIME:
      return _gls_is_date_time (value);
    default:
      return matches (type, value);
    }
}

/* Checks the attributes of the current element against @spec and calls
 * @func for each one it takes; attributes of other namespaces are kept in
 * @foreign, and xml:lang in @lang where @spec allows it. */
void
_gls_xml_read_attributes (GlsXmlReader             *r,
                          const GlsXmlElementSpec  *spec,
                          GlsXmlAttributeFunc       func,
                          gpointer                  user_data,
                          GlsForeign              **foreign,
                          char                    **lang)
{
  guint seen = 0;

  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    {
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
      const char *local = local_name (r);
      const char *value = (const char *) xmlTextReaderConstValue (r->reader);

      if (ns == NULL)
        {
          guint i;

          for (i = 0; spec->attributes[i].name != NULL; i++)
            if (strcmp (spec->attributes[i].name, local) == 0)
              break;

          if (spec->attributes[i].name == NULL)
            schema_error (r, _("<%s> has no attribute “%s”"), spec->name, local);
          else if (!value_is_valid (spec->attributes[i].type, value))
            schema_error (r, _("“%s” is not a valid value for the attribute “%s” of <%s>"),
                          value, local, spec->name);
          else
            {
              seen |= 1u << i;
              func (r, local, value, user_data);
            }
        }
      else if (strcmp (ns, XMLNS_NAMESPACE) == 0)
        continue;
      else if (strcmp (ns, XML_NAMESPACE) == 0)
        {
          if (spec->lang && strcmp (local, "lang") == 0 && lang != NULL)
            _gls_set_string (lang, value);
          else
            schema_error (r, _("<%s> has no attribute “xml:%s”"), spec->name, local);
        }
      else if (strcmp (ns, GLS_NAMESPACE) == 0)
        schema_error (r, _("<%s> has no attribute “%s” in the Glossator namespace"), spec->name, local);
      else if (foreign != NULL)
        _gls_foreign_add_attribute (foreign, ns,
                                    (const char *) xmlTextReaderConstPrefix (r->reader),
                                    local, value);
    }

  xmlTextReaderMoveToElement (r->reader);

  for (guint i = 0; spec->attributes[i].name != NULL; i++)
    {
      xmlChar *present;

      if (!spec->attributes[i].required || (seen & (1u << i)))
        continue;

      /* one present but invalid was reported already */
      present = xmlTextReaderGetAttribute (r->reader, BAD_CAST spec->attributes[i].name);
      if (present == NULL)
        schema_error (r, _("<%s> needs the attribute “%s”"), spec->name, spec->attributes[i].name);
      xmlFree (present);
    }
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (*text != ' ' && *text != '\t' && *text != '\r' && *text != '\n')
      return FALSE;

  return TRUE;
}

/* Reads the text of a text-only element and moves past its end. */
char *
_gls_xml_read_text (GlsXmlReader            *r,
                    const GlsXmlElementSpec *spec)
{
  GString *str;
  int depth;

  if (xmlTextReaderIsEmptyElement (r->reader))
    return g_strdup ("");

  str = NULL;
  depth = xmlTextReaderDepth (r->reader);
  while (advance (r) == 1)
    {
      int type = xmlTextReaderNodeType (r->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r->reader) == depth)
        break;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        {
          const char *value = (const char *) xmlTextReaderConstValue (r->reader);

          if (str == NULL)
            str = g_string_new (value);
          else
            g_string_append (str, value);
        }
      else if (type == XML_READER_TYPE_ELEMENT)
        {
          schema_error (r, _("<%s> holds text only, not the element <%s>"), spec->name, local_name (r));
          skip_element (r);
        }
    }

  return str ? g_string_free (str, FALSE) : g_strdup ("");
}

static gboolean
no_attribute (GlsXmlReader *r,
              const char   *name,
              const char   *value,
              gpointer      user_data)
{
  return FALSE;
}

/* Reads a text-only element: its attributes are checked, and those of
 * other namespaces dropped. */
char *
_gls_xml_read_text_element (GlsXmlReader             *r,
                            const GlsXmlElementSpec  *spec,
                            char                    **lang)
{
  GlsForeign *ignored = NULL;

  _gls_xml_read_attributes (r, spec, no_attribute, NULL, &ignored, lang);
  _gls_foreign_free (ignored);

  return _gls_xml_read_text (r, spec);
}

static gboolean
slot_takes (const GlsXmlSlot *slot,
            const char       *name)
{
  gsize len = strlen (name);

  for (const char *p = slot->names; *p; )
    {
      const char *bar = strchr (p, '|');
      gsize n = bar ? (gsize) (bar - p) : strlen (p);

      if (n == len && memcmp (p, name, n) == 0)
        return TRUE;
      if (bar == NULL)
        break;
      p = bar + 1;
    }

  return FALSE;
}

/* Reads the children of the current element, checking them against the
 * slots of @spec, and calls @func for each child it takes (foreign ones
 * included), which must move past the child's end. */
void
_gls_xml_read_children (GlsXmlReader            *r,
                        const GlsXmlElementSpec *spec,
                        GlsXmlChildFunc          func,
                        gpointer                 user_data)
{
  guint slot = 0, count = 0;
  guint line = current_line (r);
  int depth;

  if (!xmlTextReaderIsEmptyElement (r->reader))
    {
      depth = xmlTextReaderDepth (r->reader);
      while (advance (r) == 1)
        {
          int type = xmlTextReaderNodeType (r->reader);

          if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r->reader) == depth)
            break;

          if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) &&
              !is_blank ((const char *) xmlTextReaderConstValue (r->reader)))
            {
              schema_error (r, _("<%s> holds elements only, not text"), spec->name);
              continue;
            }

          if (type != XML_READER_TYPE_ELEMENT)
            continue;

          if (spec->content == GLS_XML_CONTENT_EMPTY)
            {
              schema_error (r, _("<%s> must be empty, but holds <%s>"), spec->name, local_name (r));
              skip_element (r);
              continue;
            }

          if (!is_known (r))
            {
              func (r, user_data);
              continue;
            }

          /* the first slot from here on that takes this element */
          {
            guint found = slot;
            guint found_count = count;
            const char *name = local_name (r);

            while (spec->slots[found].names != NULL && !slot_takes (&spec->slots[found], name))
              {
                found++;
                found_count = 0;
              }

            if (spec->slots[found].names == NULL ||
                (found == slot && count >= spec->slots[slot].max))
              {
                schema_error (r, _("<%s> is not allowed here in <%s>"), name, spec->name);
                skip_element (r);
                continue;
              }

            for (guint i = slot; i < found; i++)
              if ((i == slot ? count : 0) < spec->slots[i].min)
                schema_error_at (r, line, _("<%s> needs a <%s> before <%s>"), spec->name,
                                 spec->slots[i].names, name);

            slot = found;
            count = found_count + 1;
          }

          func (r, user_data);
        }
    }

  if (spec->slots != NULL)
    for (guint i = slot; spec->slots[i].names != NULL; i++)
      if ((i == slot ? count : 0) < spec->slots[i].min)
        schema_error_at (r, line, _("<%s> needs a <%s>"), spec->name, spec->slots[i].names);
}

/* Whether @data starts as a UTF-8 XML file can: a BOM, white space or
 * "<". UTF-16 and the like are refused before any parsing, so that the
 * DOCTYPE check below cannot be bypassed. */
gboolean
_gls_xml_is_utf8_xml (const char *data,
                      gsize       len)
{
  return _gls_xml_describe_start (data, len) == NULL;
}

/**
 * _gls_xml_describe_start:
 *
 * Returns: (nullable): what is wrong with the start of @data for a
 *   Glossator XML file (UTF-8, starting with markup), or %NULL
 */
const char *
_gls_xml_describe_start (const char *data,
                         gsize       len)
{
  const guchar *p = (const guchar *) data;
  const char *end;
  gsize head;

  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      p += 3;
      len -= 3;
    }
  if (len == 0)
    return NULL;

  if ((len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) ||
      memchr (p, '\0', MIN (len, 4)) != NULL)
    return _("the file is not UTF-8 (it looks like UTF-16 or UTF-32): Glossator files are always UTF-8");

  while (len > 0 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    {
      p++;
      len--;
    }
  if (len == 0 || *p == '<')
    return NULL;

  /* bytes further on that are not UTF-8 are for the parser to place */
  head = MIN (len, 4);
  if (!g_utf8_validate_len ((const char *) p, head, &end) && end == (const char *) p)
    return _("the file is not UTF-8: Glossator files are always UTF-8");

  return _("the file is not XML: it starts with text, not with “<”");

  return NULL;
}

/* Finds a DOCTYPE before any parsing, so that no declaration in it is
 * ever processed. Returns its line, or 0. */
guint
_gls_xml_find_doctype (const char *data,
                       gsize       len)
{
  const char *p = data, *end = data + len;
  guint line = 1;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (*p == '\n')
        line++;

      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "?>");
          if (close == NULL)
            return 0;
          for (; p < close; p++)
            line += *p == '\n';
          p = close + 2;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "-->");
          if (close == NULL)
            return 0;
          for (; p < close; p++)
            line += *p == '\n';
          p = close + 3;
        }
      else if (end - p >= 9 && g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0)
        return line;
      else
        return 0;
    }

  return 0;
}

/* Sets up a reader on @bytes and moves it to the root element. Returns
 * FALSE (with the problem reported) if there is none to read. */
gboolean
_gls_xml_open_reader (GlsXmlReader *r,
                      GBytes       *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  guint doctype_line;

  if (len == 0)
    {
      _gls_xml_report (r, GLS_PROBLEM_ERROR, 1, 0, _("the file is empty, it holds no XML at all"));
      r->malformed = TRUE;
      return FALSE;
    }

  if (len > G_MAXINT)
    {
      _gls_xml_report (r, GLS_PROBLEM_ERROR, 0, 0, _("the file is too large to read"));
      r->malformed = TRUE;
      return FALSE;
    }

  if (!_gls_xml_is_utf8_xml (data, len))
    {
      _gls_xml_report (r, GLS_PROBLEM_ERROR, 1, 0, _gls_xml_describe_start (data, len));
      r->malformed = TRUE;
      return FALSE;
    }

  if ((doctype_line = _gls_xml_find_doctype (data, len)) > 0)
    {
      _gls_xml_report (r, GLS_PROBLEM_ERROR, doctype_line, 0,
                       _("a DOCTYPE is not allowed in Glossator files (no DTDs, no entities)"));
      r->malformed = TRUE;
      return FALSE;
    }

  _gls_xml_init ();
  r->reader = xmlReaderForMemory (data, (int) len, r->name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  if (r->reader == NULL)
    {
      _gls_xml_report (r, GLS_PROBLEM_ERROR, 0, 0, _("not well-formed XML"));
      r->malformed = TRUE;
      return FALSE;
    }

  xmlTextReaderSetStructuredErrorHandler (r->reader, on_xml_error, r);
  r->scratch = xmlNewDoc (BAD_CAST "1.0");
  r->category_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (advance (r) == 1)
    if (xmlTextReaderNodeType (r->reader) == XML_READER_TYPE_ELEMENT)
      return TRUE;

  if (!r->malformed)
    _gls_xml_report (r, GLS_PROBLEM_ERROR, 0, 0, _("not well-formed XML: there is no root element"));
  r->malformed = TRUE;

  return FALSE;
}

/* Reads to the end, so that the parser and the validator see everything. */
void
_gls_xml_finish_reader (GlsXmlReader *r)
{
  while (advance (r) == 1)
    ;
}

void
_gls_xml_close_reader (GlsXmlReader *r)
{
  g_clear_pointer (&r->reader, xmlFreeTextReader);
  g_clear_pointer (&r->scratch, xmlFreeDoc);
  g_clear_pointer (&r->category_lines, g_hash_table_unref);
}

gboolean
_gls_xml_check_root (GlsXmlReader *r,
                     const char   *expected)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
  const char *local = (const char *) xmlTextReaderConstLocalName (r->reader);
  g_autofree char *message = NULL;

  if (_gls_xml_is_ours (r, expected))
    return TRUE;

  if (g_strcmp0 (local, expected) == 0)
    message = g_strdup_printf (_("the root element “%s” is in the namespace “%s”, not in Glossator’s “%s”"),
                               local, ns ? ns : "", GLS_NAMESPACE);
  else
    message = g_strdup_printf (_("the root element is “%s”, but a Glossator file of this kind has “%s”"),
                               local, expected);

  _gls_xml_report (r, GLS_PROBLEM_ERROR, current_line (r), 0, message);
  r->stop = TRUE;

  return FALSE;
}

int
_gls_xml_failure_code (GlsXmlReader *r)
{
  return r->malformed ? GLS_ERROR_MALFORMED : GLS_ERROR_INVALID;
}

void
_gls_xml_fail (GlsXmlReader  *r,
               GPtrArray     *caller_problems,
               int            code,
               GError       **error)
{
  g_autofree char *message = gls_problems_to_string (r->problems, GLS_PROBLEM_ERROR);

  g_set_error_literal (error, GLS_ERROR, code, message);
}

void
_gls_xml_hand_over_problems (GlsXmlReader *r,
                             GPtrArray    *problems)
{
  if (problems == NULL || problems == r->problems)
    return;

  for (guint i = 0; i < r->problems->len; i++)
    g_ptr_array_add (problems, g_steal_pointer (&g_ptr_array_index (r->problems, i)));
  g_ptr_array_set_size (r->problems, 0);
}

/**
 * _gls_xml_new_peek_reader:
 *
 * A reader for a quick look at the first elements of @bytes, which says
 * nothing of the problems it meets: the full read reports them.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL when @bytes is
 *   not a file to read (empty, too large, not UTF-8, or with a DOCTYPE)
 */
xmlTextReaderPtr
_gls_xml_new_peek_reader (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlTextReaderPtr reader;

  if (len == 0 || len > G_MAXINT || !_gls_xml_is_utf8_xml (data, len) || _gls_xml_find_doctype (data, len) > 0)
    return NULL;

  _gls_xml_init ();
  reader = xmlReaderForMemory (data, (int) len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (reader, ignore_structured_error, NULL);

  return reader;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* @text without the characters XML 1.0 cannot hold: C0 controls but tab,
 * newline and carriage return, and U+FFFE and U+FFFF. */
static const char *
xml_safe (const char  *text,
          char       **to_free)
{
  gboolean safe = TRUE;

  for (const guchar *p = (const guchar *) text; *p && safe; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        safe = FALSE;
      else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        safe = FALSE;
    }

  if (safe)
    return text;

  *to_free = _gls_clean_xml_text (text);
  return *to_free;
}

void
_gls_xml_write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  g_autofree char *to_free = NULL;

  if (value != NULL)
    xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST xml_safe (value, &to_free));
}

void
_gls_xml_write_uint_attribute (xmlTextWriterPtr  writer,
                      const char       *name,
                      guint64           value)
{
  char buffer[24];

  g_snprintf (buffer, sizeof buffer, "%" G_GUINT64_FORMAT, value);
  xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST buffer);
}

void
_gls_xml_write_text_element (xmlTextWriterPtr  writer,
                    const char       *name,
                    const char       *text)
{
  g_autofree char *to_free = NULL;

  xmlTextWriterStartElement (writer, BAD_CAST name);
  if (text != NULL && *text != '\0')
    xmlTextWriterWriteString (writer, BAD_CAST xml_safe (text, &to_free));
  xmlTextWriterEndElement (writer);
}

/* Text content, without the characters XML cannot hold. */
void
_gls_xml_write_string (xmlTextWriterPtr  writer,
                       const char       *text)
{
  g_autofree char *to_free = NULL;

  xmlTextWriterWriteString (writer, BAD_CAST xml_safe (text, &to_free));
}

GBytes *
_gls_xml_finish_writer (xmlTextWriterPtr writer,
                        xmlBufferPtr     buffer)
{
  GBytes *bytes;

  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  {
    gsize len = xmlBufferLength (buffer);
    xmlChar *content = xmlBufferDetach (buffer);

    bytes = g_bytes_new_with_free_func (content, len, (GDestroyNotify) xmlFree, content);
  }
  xmlBufferFree (buffer);

  return bytes;
}

/* A writer into @output, indented by two spaces, with the XML declaration
 * written: for the sidecar and every XML export. */
xmlTextWriterPtr
_gls_xml_new_writer (xmlOutputBufferPtr output)
{
  xmlTextWriterPtr writer;

  _gls_xml_init ();
  writer = xmlNewTextWriter (output);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);

  return writer;
}

/* The same, into a growing buffer. */
xmlTextWriterPtr
_gls_xml_start_writer (xmlBufferPtr *buffer,
                       gsize         size_hint)
{
  xmlTextWriterPtr writer;

  _gls_xml_init ();
  *buffer = xmlBufferCreateSize (MAX (size_hint, 4096));
  xmlBufferSetAllocationScheme (*buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  writer = xmlNewTextWriterMemory (*buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);

  return writer;
}

