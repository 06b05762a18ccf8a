/* gls-category-private.h
 * What the codebook and the XML code may touch inside a category. */
#pragma once

#include "gls-category.h"
#include "gls-foreign-private.h"

G_BEGIN_DECLS

struct _GlsCategory
{
  GObject      parent_instance;

  /* Borrowed */
  GlsCategory *parent;

  /* Owned */
  char        *id;
  char        *name;
  char        *color;
  GPtrArray   *labels;        /* pairs: language (or NULL), text */
  GPtrArray   *descriptions;  /* pairs: language (or NULL), text */
  GPtrArray   *children;      /* GlsCategory */
  GlsForeign  *foreign;

  guint        key;
};

void _gls_localized_set (GPtrArray  *variants,
                         const char *language,
                         const char *text);

G_END_DECLS
