/* gls-codebook-private.h
 * What the XML code may touch inside a codebook. */
#pragma once

#include "gls-codebook.h"
#include "gls-category-private.h"

G_BEGIN_DECLS

struct _GlsCodebook
{
  GObject      parent_instance;

  /* Owned */
  char        *id;
  char        *version;
  GPtrArray   *labels;        /* pairs: language (or NULL), text */
  GPtrArray   *descriptions;  /* pairs: language (or NULL), text */
  GPtrArray   *roots;         /* GlsCategory */
  GPtrArray   *flat;          /* GlsCategory, depth first, borrowed */
  GHashTable  *by_id;         /* id → GlsCategory, borrowed */
  GlsForeign  *foreign;
};

void _gls_codebook_rebuild (GlsCodebook *self);

G_END_DECLS
