/* gls-codebook.h
 * A codebook: the categories a document's annotations may use, in order,
 * as a flat GListModel (depth first) over a hierarchy. */
#pragma once

#include <gio/gio.h>

#include "gls-category.h"

G_BEGIN_DECLS

#define GLS_TYPE_CODEBOOK (gls_codebook_get_type ())

G_DECLARE_FINAL_TYPE (GlsCodebook, gls_codebook, GLS, CODEBOOK, GObject)

GlsCodebook *gls_codebook_new                (const char   *id,
                                              const char   *version);
GlsCodebook *gls_codebook_new_from_file      (GFile        *file,
                                              GCancellable *cancellable,
                                              GPtrArray    *problems,
                                              GError      **error);
GlsCodebook *gls_codebook_new_from_bytes     (GBytes       *bytes,
                                              const char   *display_name,
                                              GPtrArray    *problems,
                                              GError      **error);
GlsCodebook *gls_codebook_new_builtin        (void);
gboolean     gls_codebook_sniff              (GBytes       *bytes);
GBytes      *gls_codebook_serialize          (GlsCodebook  *self);
gboolean     gls_codebook_save               (GlsCodebook  *self,
                                              GFile        *file,
                                              GError      **error);
gboolean     gls_codebook_equal              (GlsCodebook  *self,
                                              GlsCodebook  *other);
GlsCodebook *gls_codebook_copy               (GlsCodebook  *self);
const char  *gls_codebook_get_id             (GlsCodebook  *self);
const char  *gls_codebook_get_version        (GlsCodebook  *self);
const char  *gls_codebook_get_label          (GlsCodebook  *self);
guint        gls_codebook_get_n_categories   (GlsCodebook  *self);
GlsCategory *gls_codebook_get_category       (GlsCodebook  *self,
                                              guint         position);
GlsCategory *gls_codebook_lookup             (GlsCodebook  *self,
                                              const char   *id);
GlsCategory *gls_codebook_lookup_key         (GlsCodebook  *self,
                                              guint         key);
GlsCategory *gls_codebook_lookup_alt_key     (GlsCodebook  *self,
                                              guint         key);
GlsCategory *gls_codebook_lookup_name        (GlsCodebook  *self,
                                              const char   *name);
gboolean     gls_codebook_add_category       (GlsCodebook  *self,
                                              GlsCategory  *parent,
                                              GlsCategory  *category,
                                              GError      **error);
gboolean     gls_codebook_remove_category    (GlsCodebook  *self,
                                              GlsCategory  *category);
guint        gls_codebook_get_n_roots        (GlsCodebook  *self);
GlsCategory *gls_codebook_get_root           (GlsCodebook  *self,
                                              guint         n);
guint        gls_category_get_n_children     (GlsCategory  *category);
GlsCategory *gls_category_get_child          (GlsCategory  *category,
                                              guint         n);
char        *gls_codebook_derive_id          (GlsCodebook  *self,
                                              const char   *name);

G_END_DECLS
