/* gls-xml-private.h
 * The libxml2 helpers of Glossator's XML files, the sidecar and the
 * codebook. Reading is one streaming pass that checks the structure the
 * RELAX NG schemas describe, from each reader's tables of elements;
 * writing keeps out the characters XML cannot hold. */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "gls-error.h"
#include "gls-foreign-private.h"

G_BEGIN_DECLS

#define GLS_NAMESPACE "https://glossator.github.io/ns/annotations/1"
#define GLS_FORMAT_VERSION "1.0"
#define GLS_FORMAT_VERSION_1_1 "1.1"
#define GLS_SIDECAR_SUFFIX ".annotations.xml"

/* Checks before any parsing, and steps of any untrusted file's reader
 * (the inline format has its own) ----------------------------------- */

const char      *_gls_xml_describe_start  (const char        *data,
                                           gsize              len);
void             _gls_xml_init            (void);
gboolean         _gls_xml_is_utf8_xml     (const char        *data,
                                           gsize              len);
guint            _gls_xml_find_doctype    (const char        *data,
                                           gsize              len);
guint            _gls_xml_reader_line     (xmlTextReaderPtr   reader);
gboolean         _gls_xml_reader_is       (xmlTextReaderPtr   reader,
                                           const char        *ns,
                                           const char        *local_name);
int              _gls_xml_reader_step     (xmlTextReaderPtr   reader,
                                           guint             *line,
                                           const char       **message);
xmlTextReaderPtr _gls_xml_new_peek_reader (GBytes            *bytes);

/* The reader of an untrusted Glossator file --------------------------- */

/* One pass over a file: what it found wrong goes to @problems, named
 * after @name, and reading stops at the first sign that the file is not
 * well-formed. */
typedef struct
{
  xmlTextReaderPtr  reader;
  const char       *name;
  GPtrArray        *problems;
  xmlDocPtr         scratch;
  GHashTable       *category_lines;
  guint             n_schema_errors;
  gboolean          malformed;
  gboolean          stop;
} GlsXmlReader;

/* What an attribute's value may be, as the schemas' data types say. */
typedef enum
{
  GLS_XML_VALUE_STRING,
  GLS_XML_VALUE_NCNAME,
  GLS_XML_VALUE_COUNT,
  GLS_XML_VALUE_DATE_TIME,
  GLS_XML_VALUE_BOOLEAN,
  GLS_XML_VALUE_NEWLINES,
  GLS_XML_VALUE_ANCHOR,
  GLS_XML_VALUE_KEY,
  GLS_XML_VALUE_COLOR,
  GLS_XML_VALUE_SHA256,
  GLS_XML_VALUE_VERSION,
} GlsXmlValueType;

typedef struct
{
  const char      *name;
  GlsXmlValueType  type;
  gboolean         required;
} GlsXmlAttributeSpec;

typedef struct
{
  const char *names;   /* "annotation|relation" */
  guint       min;
  guint       max;
} GlsXmlSlot;

typedef enum
{
  GLS_XML_CONTENT_ELEMENTS,    /* the slots, in order, with foreign elements anywhere */
  GLS_XML_CONTENT_TEXT,        /* text only */
  GLS_XML_CONTENT_EMPTY,       /* nothing */
} GlsXmlContent;

/* An element as the schemas describe it: its attributes, and its children
 * in slots, in order. */
typedef struct
{
  const char                *name;
  const GlsXmlAttributeSpec *attributes;
  const GlsXmlSlot          *slots;
  GlsXmlContent              content;
  gboolean                   lang;
} GlsXmlElementSpec;

#define GLS_XML_MANY G_MAXUINT

extern const GlsXmlAttributeSpec _gls_xml_no_attributes[];

/* Takes one attribute the spec allows, already checked. */
typedef gboolean (*GlsXmlAttributeFunc) (GlsXmlReader *r,
                                         const char   *name,
                                         const char   *value,
                                         gpointer      user_data);
/* Reads one child the spec allows (or a foreign one) and moves past it. */
typedef void     (*GlsXmlChildFunc)     (GlsXmlReader *r,
                                         gpointer      user_data);

gboolean  _gls_xml_open_reader          (GlsXmlReader             *r,
                                         GBytes                   *bytes);
gboolean  _gls_xml_check_root           (GlsXmlReader             *r,
                                         const char               *expected);
void      _gls_xml_finish_reader        (GlsXmlReader             *r);
void      _gls_xml_close_reader         (GlsXmlReader             *r);
void      _gls_xml_report               (GlsXmlReader             *r,
                                         GlsProblemSeverity        severity,
                                         guint                     line,
                                         guint                     column,
                                         const char               *message);
int       _gls_xml_failure_code         (GlsXmlReader             *r);
void      _gls_xml_fail                 (GlsXmlReader             *r,
                                         GPtrArray                *caller_problems,
                                         int                       code,
                                         GError                  **error);
void      _gls_xml_hand_over_problems   (GlsXmlReader             *r,
                                         GPtrArray                *problems);
gboolean  _gls_xml_is_ours              (GlsXmlReader             *r,
                                         const char               *local_name);
void      _gls_xml_keep_foreign_element (GlsXmlReader             *r,
                                         GlsForeign              **foreign);
void      _gls_xml_read_attributes      (GlsXmlReader             *r,
                                         const GlsXmlElementSpec  *spec,
                                         GlsXmlAttributeFunc       func,
                                         gpointer                  user_data,
                                         GlsForeign              **foreign,
                                         char                    **lang);
void      _gls_xml_read_children        (GlsXmlReader             *r,
                                         const GlsXmlElementSpec  *spec,
                                         GlsXmlChildFunc           func,
                                         gpointer                  user_data);
char     *_gls_xml_read_text            (GlsXmlReader             *r,
                                         const GlsXmlElementSpec  *spec);
char     *_gls_xml_read_text_element    (GlsXmlReader             *r,
                                         const GlsXmlElementSpec  *spec,
                                         char                    **lang);

/* Writing ------------------------------------------------------------ */

xmlTextWriterPtr _gls_xml_new_writer          (xmlOutputBufferPtr output);
xmlTextWriterPtr _gls_xml_start_writer        (xmlBufferPtr     *buffer,
                                               gsize             size_hint);
GBytes         *_gls_xml_finish_writer        (xmlTextWriterPtr  writer,
                                               xmlBufferPtr      buffer);

/* Pieces shared by the sidecar, the codebook and the XML exports. */
void            _gls_xml_write_attribute      (xmlTextWriterPtr  writer,
                                               const char       *name,
                                               const char       *value);
void            _gls_xml_write_uint_attribute (xmlTextWriterPtr  writer,
                                               const char       *name,
                                               guint64           value);
void            _gls_xml_write_text_element   (xmlTextWriterPtr  writer,
                                               const char       *name,
                                               const char       *text);
void            _gls_xml_write_string         (xmlTextWriterPtr  writer,
                                               const char       *text);

G_END_DECLS
