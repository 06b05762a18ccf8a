/* gls-format-private.h
 * What the exporters and importers share: the functions each format file
 * provides for the table in gls-format.c, offsets as other tools count
 * them, and the importer that merges into a document as one step. */
#pragma once

#include <libxml/xmlwriter.h>

#include "gls-format.h"
#include "gls-document-private.h"

G_BEGIN_DECLS

/* How many characters of context the CSV and JSON-LD quotes carry, as in
 * the sidecar (FORMAT.md §2). */
#define GLS_FORMAT_CONTEXT_LENGTH 32

/* Each format file ---------------------------------------------------- */

GBytes   *_gls_format_inline_export   (GlsDocument      *document,
                                       GError          **error);
gboolean  _gls_format_inline_import   (GlsDocument      *document,
                                       GBytes           *bytes,
                                       const char       *display_name,
                                       GlsImportFlags    flags,
                                       GlsImportReport  *report,
                                       GError          **error);
GBytes   *_gls_format_tei_export      (GlsDocument      *document,
                                       GError          **error);
GBytes   *_gls_format_csv_export      (GlsDocument      *document,
                                       GError          **error);
GBytes   *_gls_format_csv_export_many (GlsDocument     **documents,
                                       guint             n_documents,
                                       GError          **error);
GBytes   *_gls_format_brat_export     (GlsDocument      *document,
                                       GError          **error);
gboolean  _gls_format_brat_import     (GlsDocument      *document,
                                       GBytes           *bytes,
                                       const char       *display_name,
                                       GlsImportFlags    flags,
                                       GlsImportReport  *report,
                                       GError          **error);
GBytes   *_gls_format_semeval_export  (GlsDocument      *document,
                                       GError          **error);
gboolean  _gls_format_semeval_import  (GlsDocument      *document,
                                       GBytes           *bytes,
                                       const char       *display_name,
                                       GlsImportFlags    flags,
                                       GlsImportReport  *report,
                                       GError          **error);
GBytes   *_gls_format_webanno_export  (GlsDocument      *document,
                                       GError          **error);

/* Shared by the exporters ------------------------------------------- */

char        *_gls_format_source_name     (GlsDocument *document);
GPtrArray   *_gls_format_dup_annotations (GlsDocument *document,
                                          gboolean     orphaned_too);
const char  *_gls_format_category_name   (GlsDocument *document,
                                          const char  *category);
const char  *_gls_format_category_label  (GlsDocument *document,
                                          const char  *category);
gboolean     _gls_format_is_exported     (GlsAnnotation *annotation);
void         _gls_format_dup_quote       (GlsSource   *source,
                                          GlsSpan      span,
                                          char       **prefix,
                                          char       **exact,
                                          char       **suffix);
/* Offsets as another tool counts them: brat folds each CRLF into one
 * character (universal newlines), and brat and SemEval count a leading
 * byte-order mark as character 0. Astral characters are one code point
 * in both, as in Glossator. */
typedef struct
{
  guint  *crlf;      /* Glossator offsets of the CR of each CRLF, sorted */
  guint   n_crlf;
  guint   bom;       /* 1 when a BOM counts as a character, else 0 */
  guint   length;    /* Glossator length */
} GlsOffsetMap;

void     _gls_offset_map_init      (GlsOffsetMap *map,
                                    GlsSource    *source,
                                    gboolean      fold_crlf,
                                    gboolean      count_bom);
void     _gls_offset_map_clear     (GlsOffsetMap *map);
guint    _gls_offset_map_external_length (const GlsOffsetMap *map);
guint    _gls_offset_map_to_external     (const GlsOffsetMap *map,
                                          guint               offset);
gboolean _gls_offset_map_from_external   (const GlsOffsetMap *map,
                                          guint64             external,
                                          guint              *offset);

/* Shared by the importers ------------------------------------------- */

typedef struct
{
  /* Borrowed */
  GlsDocument     *document;
  GlsImportReport *report;
  const char      *display_name;

  /* Owned */
  GlsCodebook     *codebook;        /* the document's, or a copy once a
                                       category was added to it */
  GHashTable      *categories;      /* name → category id */
  GHashTable      *existing;        /* span key → GPtrArray of the
                                       GlsAnnotation not matched yet, as
                                       the document was before the import */
  GHashTable      *relations;       /* "type\x1ffrom\x1fto" of the document's */

  GlsImportFlags   flags;
  guint            n_new_categories;
  guint            n_errors;
  gboolean         codebook_copied;
  gboolean         in_group;
} GlsImporter;

/* The keys of the report every importer uses. */
#define GLS_KIND_ANNOTATION  "annotation"
#define GLS_KIND_DUPLICATE   "duplicate"
#define GLS_KIND_CATEGORY    "category"
#define GLS_KIND_NOTE        "note"
#define GLS_KIND_ATTRIBUTE   "attribute"
#define GLS_KIND_RELATION    "relation"
#define GLS_KIND_REMOVED     "removed"

const char    *_gls_import_get_data        (GBytes           *bytes,
                                            gsize            *len);
void           _gls_importer_init          (GlsImporter      *importer,
                                            GlsDocument      *document,
                                            const char       *display_name,
                                            GlsImportFlags    flags,
                                            GlsImportReport  *report);
void           _gls_importer_clear         (GlsImporter      *importer);
void           _gls_importer_error         (GlsImporter      *importer,
                                            guint             line,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (3, 4);
void           _gls_importer_warning       (GlsImporter      *importer,
                                            guint             line,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (3, 4);
gboolean       _gls_importer_check_name    (GlsImporter      *importer,
                                            guint             line,
                                            const char       *name);
gboolean       _gls_importer_check         (GlsImporter      *importer,
                                            GError          **error);
const char    *_gls_importer_category      (GlsImporter      *importer,
                                            const char       *name);
void           _gls_importer_set_codebook  (GlsImporter      *importer,
                                            GlsCodebook      *codebook);
void           _gls_importer_begin         (GlsImporter      *importer);
void           _gls_importer_end           (GlsImporter      *importer);
typedef int (*GlsScoreFunc) (GlsAnnotation *annotation,
                             gpointer       user_data);

GlsAnnotation *_gls_importer_claim_existing (GlsImporter     *importer,
                                             const char      *category,
                                             GArray          *spans,
                                             GlsScoreFunc     score,
                                             gpointer         user_data);
gboolean       _gls_importer_has_relation  (GlsImporter      *importer,
                                            const char       *type,
                                            const char       *from,
                                            const char       *to);
gboolean       _gls_importer_add           (GlsImporter      *importer,
                                            GlsAnnotation    *annotation);
GlsRelation   *_gls_importer_relate        (GlsImporter      *importer,
                                            const char       *type,
                                            GlsAnnotation    *from,
                                            GlsAnnotation    *to);
void           _gls_importer_add_attribute (GlsImporter      *importer,
                                            GlsAnnotation    *annotation,
                                            const char       *name,
                                            const char       *value,
                                            gboolean          count);
void           _gls_importer_add_note      (GlsImporter      *importer,
                                            GlsAnnotation    *annotation,
                                            const char       *note);

G_END_DECLS
