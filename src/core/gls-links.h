/* gls-links.h
 * Relations as a person works with them: the types to offer, the relations
 * of one annotation, retyping, and links into another article's sidecar
 * (FORMAT.md §2, since 1.1), resolved by reading that sidecar. */
#pragma once

#include <gio/gio.h>

#include "gls-document.h"

G_BEGIN_DECLS

/**
 * GlsLinkState:
 * @GLS_LINK_OK: the other end was found
 * @GLS_LINK_NO_FILE: the other article's sidecar is gone or cannot be read
 * @GLS_LINK_NO_ANNOTATION: the sidecar is there, the annotation is not
 *
 * What became of the other end of a relation. A dangling link is kept and
 * reported, never dropped.
 */
typedef enum
{
  GLS_LINK_OK,
  GLS_LINK_NO_FILE,
  GLS_LINK_NO_ANNOTATION,
} GlsLinkState;

/* The other end of a relation, as found. */
typedef struct
{
  GlsLinkState  state;
  GFile        *sidecar;   /* the sidecar the end lives in (this one's for a local end) */
  char         *id;        /* the annotation's id in it */
  char         *quote;     /* its text, NULL when dangling */
  char         *category;  /* its category, NULL when dangling */
} GlsLinkEnd;

void          gls_link_end_free                (GlsLinkEnd    *end);

char        **gls_document_dup_relation_types  (GlsDocument   *self);
GPtrArray    *gls_document_dup_relations_of    (GlsDocument   *self,
                                                GlsAnnotation *annotation);
gboolean      gls_document_set_relation_type   (GlsDocument   *self,
                                                GlsRelation   *relation,
                                                const char    *type);
GlsRelation  *gls_document_add_link            (GlsDocument   *self,
                                                const char    *type,
                                                GlsAnnotation *from,
                                                GFile         *other_sidecar,
                                                const char    *other_id,
                                                GError       **error);

gboolean      gls_relation_is_link             (GlsRelation   *self);
char         *gls_link_href                    (GFile         *from_sidecar,
                                                GFile         *to_sidecar,
                                                const char    *id);
GFile        *gls_link_dup_sidecar             (GFile         *base_sidecar,
                                                const char    *to,
                                                char         **id);

/* Reads the other articles' sidecars once each; documents that are open
 * are asked directly, so that their unsaved annotations count. */
typedef struct _GlsLinkResolver GlsLinkResolver;

GlsLinkResolver *gls_link_resolver_new         (void);
GlsLinkResolver *gls_link_resolver_ref         (GlsLinkResolver *self);
void          gls_link_resolver_unref          (GlsLinkResolver *self);
void          gls_link_resolver_add_document   (GlsLinkResolver *self,
                                                GlsDocument     *document);
void          gls_link_resolver_remove_document (GlsLinkResolver *self,
                                                GlsDocument     *document);
void          gls_link_resolver_forget         (GlsLinkResolver *self);
GlsLinkEnd   *gls_link_resolver_resolve        (GlsLinkResolver *self,
                                                GlsDocument     *document,
                                                const char      *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsLinkEnd, gls_link_end_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsLinkResolver, gls_link_resolver_unref)

G_END_DECLS
