/* gls-document-codebook.h
 * Editing a document's codebook: each change is one step in the same undo
 * history as the annotations. Categories are named by id: every change
 * replaces the document's codebook with an edited copy, so a GlsCategory
 * from before a change belongs to the old codebook. */
#pragma once

#include "gls-document.h"

G_BEGIN_DECLS

/* What deleting a category that annotations use does to them. */
typedef enum
{
  GLS_CATEGORY_DELETE_REFUSE_USED,  /* refuse, saying how many use it */
  GLS_CATEGORY_DELETE_MOVE,         /* give them another category */
  GLS_CATEGORY_DELETE_ANNOTATIONS,  /* delete them too */
} GlsCategoryDelete;

/* Where a category dragged onto another goes. */
typedef enum
{
  GLS_CATEGORY_DROP_BEFORE,  /* its sibling, just before it */
  GLS_CATEGORY_DROP_AFTER,   /* its sibling, just after it */
  GLS_CATEGORY_DROP_INTO,    /* its last child */
} GlsCategoryDrop;

const char  *gls_category_get_label_language       (GlsCategory        *category);
const char  *gls_category_get_description_language (GlsCategory        *category);

GlsCategory *gls_document_add_category             (GlsDocument        *self,
                                                    const char         *parent,
                                                    const char         *label,
                                                    GError            **error);
gboolean     gls_document_set_category_label       (GlsDocument        *self,
                                                    const char         *id,
                                                    const char         *language,
                                                    const char         *label,
                                                    GError            **error);
gboolean     gls_document_set_category_description (GlsDocument        *self,
                                                    const char         *id,
                                                    const char         *language,
                                                    const char         *description,
                                                    GError            **error);
gboolean     gls_document_set_category_color       (GlsDocument        *self,
                                                    const char         *id,
                                                    const char         *color,
                                                    GError            **error);
gboolean     gls_document_set_category_key         (GlsDocument        *self,
                                                    const char         *id,
                                                    guint               key,
                                                    GError            **error);
gboolean     gls_document_set_category_shortcut    (GlsDocument        *self,
                                                    const char         *id,
                                                    guint               key,
                                                    gboolean            alt,
                                                    GError            **error);
gboolean     gls_document_move_category            (GlsDocument        *self,
                                                    const char         *id,
                                                    const char         *parent,
                                                    guint               position,
                                                    GError            **error);
gboolean     gls_document_drop_category            (GlsDocument        *self,
                                                    const char         *id,
                                                    const char         *target,
                                                    GlsCategoryDrop     where,
                                                    GError            **error);
gboolean     gls_document_merge_categories         (GlsDocument        *self,
                                                    const char         *id,
                                                    const char         *into,
                                                    guint              *n_moved,
                                                    GError            **error);
gboolean     gls_document_delete_category          (GlsDocument        *self,
                                                    const char         *id,
                                                    GlsCategoryDelete   how,
                                                    const char         *move_to,
                                                    guint              *n_annotations,
                                                    GError            **error);

G_END_DECLS
