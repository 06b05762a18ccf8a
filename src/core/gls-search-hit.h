/* gls-search-hit.h
 * One place a corpus search found: the article, the range of its text,
 * and a snippet of the text or note around it for a list of results. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLS_TYPE_SEARCH_HIT (gls_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (GlsSearchHit, gls_search_hit, GLS, SEARCH_HIT, GObject)

GlsSearchHit *gls_search_hit_new        (GFile        *file,
                                         const char   *name,
                                         guint         start,
                                         guint         end,
                                         const char   *before,
                                         const char   *match,
                                         const char   *after);
GFile        *gls_search_hit_get_file   (GlsSearchHit *self);
const char   *gls_search_hit_get_name   (GlsSearchHit *self);
guint         gls_search_hit_get_start  (GlsSearchHit *self);
guint         gls_search_hit_get_end    (GlsSearchHit *self);
const char   *gls_search_hit_get_before (GlsSearchHit *self);
const char   *gls_search_hit_get_match  (GlsSearchHit *self);
const char   *gls_search_hit_get_after  (GlsSearchHit *self);

G_END_DECLS
