/* gls-category-count.h
 * How many annotations of each category an article, or a whole corpus, has:
 * the figures behind the statistics charts and their text alternative. */
#pragma once

#include "gls-document.h"

G_BEGIN_DECLS

typedef struct
{
  char  *id;
  char  *label;      /* in the user's language */
  char  *color;      /* #rrggbb, or NULL */
  guint  position;   /* in its codebook; G_MAXUINT when not in it */
  guint  count;
} GlsCategoryCount;

void       gls_category_count_free      (GlsCategoryCount *count);
GPtrArray *gls_category_counts_new      (void);
GPtrArray *gls_category_counts_for_document
                                        (GlsDocument      *document);
void       gls_category_counts_add      (GPtrArray        *counts,
                                         GPtrArray        *more);
void       gls_category_counts_sort     (GPtrArray        *counts);
guint      gls_category_counts_total    (GPtrArray        *counts);
char      *gls_category_counts_describe (GPtrArray        *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsCategoryCount, gls_category_count_free)

G_END_DECLS
