/* gls-xml-private.h
 * Reading and writing Glossator's XML files with libxml2: the sidecar and
 * the codebook. Reading is one streaming pass that checks the structure
 * the RELAX NG schemas describe; the document then checks the meaning. */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "gls-annotation-private.h"
#include "gls-codebook-private.h"
#include "gls-source.h"

G_BEGIN_DECLS

#define GLS_NAMESPACE "https://glossator.github.io/ns/annotations/1"
#define GLS_FORMAT_VERSION "1.0"
#define GLS_SIDECAR_SUFFIX ".annotations.xml"

typedef struct _GlsDocument GlsDocument;

/* Everything a sidecar says, as read, before it is checked against the
 * text. */
typedef struct
{
  char        *display_name;
  char        *version;
  char        *generator;
  char        *href;
  char        *encoding;
  char        *sha256;
  char        *newlines;
  guint64      length;
  gboolean     bom;
  guint        source_line;
  GlsForeign  *source_foreign;
  GlsCodebook *codebook;
  char        *note;
  GPtrArray   *annotations;  /* GlsAnnotation */
  GPtrArray   *relations;    /* GlsRelation */
  GlsForeign  *foreign;
} GlsSidecarData;

void            _gls_core_ensure_resources (void);
GlsSidecarData *_gls_xml_read_sidecar     (GBytes          *bytes,
                                           const char      *display_name,
                                           GPtrArray       *problems,
                                           GError         **error);
void            _gls_sidecar_data_free    (GlsSidecarData  *data);
GlsCodebook    *_gls_xml_read_codebook    (GBytes          *bytes,
                                           const char      *display_name,
                                           GPtrArray       *problems,
                                           GError         **error);
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
void            _gls_xml_write_codebook_element (xmlTextWriterPtr  writer,
                                                 GlsCodebook      *codebook);
void            _gls_xml_write_string         (xmlTextWriterPtr  writer,
                                               const char       *text);
GBytes         *_gls_xml_write_codebook   (GlsCodebook     *codebook);
gboolean        _gls_xml_bytes_is_codebook (GBytes         *bytes);
char           *_gls_xml_peek_source_encoding (GBytes      *bytes);
gboolean        _gls_xml_is_utf8_xml      (const char      *data,
                                           gsize            len);
guint           _gls_xml_find_doctype     (const char      *data,
                                           gsize            len);
guint           _gls_xml_reader_line      (xmlTextReaderPtr  reader);
gboolean        _gls_xml_reader_is        (xmlTextReaderPtr  reader,
                                           const char       *ns,
                                           const char       *local_name);
int             _gls_xml_reader_step      (xmlTextReaderPtr  reader,
                                           guint            *line,
                                           const char      **message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsSidecarData, _gls_sidecar_data_free)

G_END_DECLS
