/* gls-agreement.h
 * Inter-coder agreement of several coders who annotated the same articles:
 * Cohen's or Fleiss' kappa and Krippendorff's alpha on code points, and
 * Krippendorff's unitizing alpha on the spans themselves. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GlsAgreement GlsAgreement;
typedef struct _GlsAgreementFile GlsAgreementFile;

/* Why a figure has no value: its expected disagreement is 0. */
typedef enum
{
  GLS_AGREEMENT_DEFINED,
  GLS_AGREEMENT_NO_UNITS,       /* the articles have no text */
  GLS_AGREEMENT_CHANCE_IS_ONE,  /* kappa: p_e = 1 */
  GLS_AGREEMENT_ONE_VALUE,      /* alpha: every unit has one value */
  GLS_AGREEMENT_UNUSED,         /* alpha_u: nobody used the category */
} GlsAgreementUndefined;

typedef struct
{
  double                value;
  GlsAgreementUndefined undefined;  /* GLS_AGREEMENT_DEFINED when @value holds */
} GlsAgreementFigure;

/* The figures of one category, or of all (then only @alpha_u is set) */
typedef struct
{
  GlsAgreementFigure kappa;
  GlsAgreementFigure alpha;
  GlsAgreementFigure alpha_u;
  double             observed;  /* alpha_u's D_o */
  double             expected;  /* alpha_u's D_e */
} GlsAgreementFigures;

/* All the articles of a GlsAgreement, for the pooled figures */
#define GLS_AGREEMENT_POOLED (-1)

GlsAgreement *gls_agreement_new              (void);
void          gls_agreement_free             (GlsAgreement         *self);

guint         gls_agreement_add_coder        (GlsAgreement         *self,
                                              const char           *name);
int           gls_agreement_lookup_coder     (GlsAgreement         *self,
                                              const char           *name);
guint         gls_agreement_get_n_coders     (GlsAgreement         *self);
const char   *gls_agreement_get_coder        (GlsAgreement         *self,
                                              guint                 coder);

guint         gls_agreement_add_article      (GlsAgreement         *self,
                                              const char           *name,
                                              guint                 length);
guint         gls_agreement_get_n_articles   (GlsAgreement         *self);
const char   *gls_agreement_get_article      (GlsAgreement         *self,
                                              guint                 article);
void          gls_agreement_add_span         (GlsAgreement         *self,
                                              guint                 article,
                                              guint                 coder,
                                              const char           *category,
                                              guint                 start,
                                              guint                 end);
gboolean      gls_agreement_add_sidecar      (GlsAgreement         *self,
                                              guint                 article,
                                              int                   coder,
                                              GFile                *sidecar,
                                              GError              **error);

GlsAgreementFile *gls_agreement_file_read    (GFile                *sidecar,
                                              GError              **error);
void          gls_agreement_file_free        (GlsAgreementFile     *file);
gboolean      gls_agreement_add_file         (GlsAgreement         *self,
                                              guint                 article,
                                              int                   coder,
                                              GlsAgreementFile     *file,
                                              GError              **error);

guint         gls_agreement_get_n_units      (GlsAgreement         *self,
                                              int                   article);
GStrv         gls_agreement_dup_categories   (GlsAgreement         *self,
                                              int                   article);
void          gls_agreement_compute          (GlsAgreement         *self,
                                              int                   article,
                                              const char           *category,
                                              GlsAgreementFigures  *figures);
void          gls_agreement_compute_overall  (GlsAgreement         *self,
                                              int                   article,
                                              GlsAgreementFigures  *figures);

const char   *gls_agreement_undefined_to_string (GlsAgreementUndefined undefined);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsAgreement, gls_agreement_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsAgreementFile, gls_agreement_file_free)

G_END_DECLS
