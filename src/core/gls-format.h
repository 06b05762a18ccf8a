/* gls-format.h
 * The formats annotations leave Glossator in and come back from, behind one
 * small interface: a table of GlsFormat, each with an export function and,
 * for the formats that can be read back, an import function that merges
 * into a document as one step to undo and reports what it took and what it
 * could not, counted by kind. */
#pragma once

#include <gio/gio.h>

#include "gls-document.h"
#include "gls-error.h"

G_BEGIN_DECLS

typedef enum
{
  GLS_IMPORT_MERGE   = 0,
  /* Remove the document's annotations and relations first (in the same
   * step to undo); the inline format then also takes the file's codebook
   * and note. */
  GLS_IMPORT_REPLACE = 1 << 0,
} GlsImportFlags;

typedef struct _GlsImportReport GlsImportReport;

/* Writes one document. */
typedef GBytes   *(*GlsExportFunc)      (GlsDocument      *document,
                                         GError          **error);
/* Writes several documents into one file (CSV, with a document column). */
typedef GBytes   *(*GlsExportManyFunc)  (GlsDocument     **documents,
                                         guint             n_documents,
                                         GError          **error);
/* Reads @bytes, named @display_name in messages, into @document. Nothing
 * changes when it returns FALSE: every problem is in @report and @error
 * holds them all, one per line, as "FILE:LINE: message". */
typedef gboolean  (*GlsImportFunc)      (GlsDocument      *document,
                                         GBytes           *bytes,
                                         const char       *display_name,
                                         GlsImportFlags    flags,
                                         GlsImportReport  *report,
                                         GError          **error);

typedef struct
{
  const char        *name;               /* as on the command line: "brat" */
  const char        *label;              /* for the user, marked with N_() */
  const char        *extension;          /* with its dot: ".ann" */
  const char        *mime_type;
  /* Whether the file of "article.txt" is "article.ann" (brat's own rule)
   * rather than "article.txt.ann". */
  gboolean           replaces_extension;
  GlsExportFunc      export_document;
  GlsExportManyFunc  export_documents;   /* NULL: one file per document */
  GlsImportFunc      import_document;    /* NULL: export only */
} GlsFormat;

guint            gls_format_get_n_formats        (void);
const GlsFormat *gls_format_get_nth              (guint             n);
const GlsFormat *gls_format_lookup               (const char       *name);
char            *gls_format_list_names           (gboolean          importable_only);
char            *gls_format_dup_file_name        (const GlsFormat  *format,
                                                  const char       *source_name);
GBytes          *gls_format_export               (const GlsFormat  *format,
                                                  GlsDocument      *document,
                                                  GError          **error);
gboolean         gls_format_import               (const GlsFormat  *format,
                                                  GlsDocument      *document,
                                                  GBytes           *bytes,
                                                  const char       *display_name,
                                                  GlsImportFlags    flags,
                                                  GlsImportReport  *report,
                                                  GError          **error);
GBytes          *gls_format_csv_export_relations (GlsDocument     **documents,
                                                  guint             n_documents);

GlsImportReport *gls_import_report_new           (void);
void             gls_import_report_free          (GlsImportReport  *report);
GPtrArray       *gls_import_report_get_problems  (GlsImportReport  *report);
void             gls_import_report_count         (GlsImportReport  *report,
                                                  const char       *kind,
                                                  const char       *label,
                                                  gboolean          imported,
                                                  guint             n);
guint            gls_import_report_get_imported  (GlsImportReport  *report,
                                                  const char       *kind);
guint            gls_import_report_get_skipped   (GlsImportReport  *report,
                                                  const char       *kind);
guint            gls_import_report_get_n_kinds   (GlsImportReport  *report);
const char      *gls_import_report_get_kind      (GlsImportReport  *report,
                                                  guint             n,
                                                  const char      **label,
                                                  guint            *imported,
                                                  guint            *skipped);
char            *gls_import_report_to_string     (GlsImportReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsImportReport, gls_import_report_free)

G_END_DECLS
