/* gls-category.h
 * One category of a codebook: an id, labels and descriptions in several
 * languages, a colour, a shortcut key and its place in the hierarchy. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLS_TYPE_CATEGORY (gls_category_get_type ())

G_DECLARE_FINAL_TYPE (GlsCategory, gls_category, GLS, CATEGORY, GObject)

GlsCategory *gls_category_new                     (const char  *id);
GlsCategory *gls_category_copy                    (GlsCategory *self);
const char  *gls_category_get_id                  (GlsCategory *self);
const char  *gls_category_get_name                (GlsCategory *self);
void         gls_category_set_name                (GlsCategory *self,
                                                   const char  *name);
const char  *gls_category_get_original_name       (GlsCategory *self);
guint        gls_category_get_key                 (GlsCategory *self);
void         gls_category_set_key                 (GlsCategory *self,
                                                   guint        key);
guint        gls_category_get_alt_key             (GlsCategory *self);
void         gls_category_set_alt_key             (GlsCategory *self,
                                                   guint        key);
const char  *gls_category_get_color               (GlsCategory *self);
void         gls_category_set_color               (GlsCategory *self,
                                                   const char  *color);
const char  *gls_category_get_label               (GlsCategory *self);
const char  *gls_category_get_label_for_language  (GlsCategory *self,
                                                   const char  *language);
void         gls_category_set_label               (GlsCategory *self,
                                                   const char  *language,
                                                   const char  *label);
const char  *gls_category_get_description         (GlsCategory *self);
const char  *gls_category_get_description_for_language
                                                  (GlsCategory *self,
                                                   const char  *language);
void         gls_category_set_description         (GlsCategory *self,
                                                   const char  *language,
                                                   const char  *description);
guint        gls_category_get_n_labels            (GlsCategory *self);
const char  *gls_category_get_nth_label           (GlsCategory *self,
                                                   guint        n,
                                                   const char **language);
guint        gls_category_get_n_descriptions      (GlsCategory *self);
const char  *gls_category_get_nth_description     (GlsCategory *self,
                                                   guint        n,
                                                   const char **language);
GlsCategory *gls_category_get_parent              (GlsCategory *self);
guint        gls_category_get_depth               (GlsCategory *self);

const char  *gls_localized_lookup                 (GPtrArray   *variants,
                                                   const char  *language);

G_END_DECLS
