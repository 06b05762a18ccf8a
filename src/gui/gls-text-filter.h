/* gls-text-filter.h
 * A filter of annotations by the text they quote or their note. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_TEXT_FILTER (gls_text_filter_get_type ())

G_DECLARE_FINAL_TYPE (GlsTextFilter, gls_text_filter, GLS, TEXT_FILTER, GtkFilter)

GlsTextFilter *gls_text_filter_new           (void);
void           gls_text_filter_set_document  (GlsTextFilter *self,
                                              GlsDocument   *document);
void           gls_text_filter_set_search    (GlsTextFilter *self,
                                              const char    *search);
gboolean       gls_text_filter_get_active    (GlsTextFilter *self);
gboolean       gls_text_filter_get_searching (GlsTextFilter *self);
void           gls_text_filter_prepare       (GlsTextFilter *self);

G_END_DECLS
