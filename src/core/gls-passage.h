/* gls-passage.h
 * Several coders' annotations of one article, and the passages where they
 * annotated something: a stretch of text whose annotations overlap, on
 * which the coders agree or not. The agreement report lists them, and the
 * adjudication settles them one by one. */
#pragma once

#include <gio/gio.h>

#include "gls-agreement.h"
#include "gls-annotation.h"
#include "gls-document.h"

G_BEGIN_DECLS

/* One coder's work on the article: borrowed from nobody, all owned */
typedef struct
{
  char        *name;
  GPtrArray   *annotations;  /* GlsAnnotation, on the text (never orphaned) */
  GlsCodebook *codebook;     /* (nullable): the one its sidecar holds */
} GlsCoder;

GlsCoder  *gls_coder_new                (const char    *name);
void       gls_coder_free               (GlsCoder      *coder);
GlsCoder  *gls_coder_new_for_sidecar    (GFile         *sidecar,
                                         const char    *name,
                                         GlsSource     *source,
                                         GError       **error);
GlsCoder  *gls_coder_new_for_document   (GlsDocument   *document,
                                         const char    *name);
GPtrArray *gls_coders_by_annotator      (GlsDocument   *document);
guint      gls_coders_fill_agreement    (GPtrArray     *coders,
                                         GlsAgreement  *agreement,
                                         guint          length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsCoder, gls_coder_free)

typedef enum
{
  GLS_PASSAGE_AGREED,     /* every coder marked the same spans with the same category */
  GLS_PASSAGE_UNMATCHED,  /* some coders marked it, others did not */
  GLS_PASSAGE_CATEGORY,   /* the same spans, another category */
  GLS_PASSAGE_SPANS,      /* overlapping spans that differ */
} GlsPassageKind;

#define GLS_TYPE_PASSAGE (gls_passage_get_type ())

G_DECLARE_FINAL_TYPE (GlsPassage, gls_passage, GLS, PASSAGE, GObject)

GPtrArray      *gls_passages_find             (GPtrArray     *coders,
                                               gboolean       disagreements_only);
const char     *gls_passage_get_key           (GlsPassage    *self);
guint           gls_passage_get_start         (GlsPassage    *self);
guint           gls_passage_get_end           (GlsPassage    *self);
guint           gls_passage_get_index         (GlsPassage    *self);
GlsPassageKind  gls_passage_get_kind          (GlsPassage    *self);
guint           gls_passage_get_n_coders      (GlsPassage    *self);
GPtrArray      *gls_passage_get_annotations   (GlsPassage    *self,
                                               guint          coder);
char           *gls_passage_dup_summary       (GlsPassage    *self,
                                               GPtrArray     *coders);
const char     *gls_passage_kind_to_string    (GlsPassageKind kind);

G_END_DECLS
