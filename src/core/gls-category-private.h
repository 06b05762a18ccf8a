/* gls-category-private.h
 * What the codebook and the XML code may touch inside a category. */
#pragma once

#include "gls-category.h"
#include "gls-foreign-private.h"

G_BEGIN_DECLS

/* The second-level key (Alt+1…Alt+9) of categories past the ninth: an
 * extension attribute of the category (FORMAT.md §2), so that the `key`
 * of the format stays 1–9 and other readers keep it unchanged. */
#define GLS_KEYS_NAMESPACE "https://glossator.github.io/ns/keys/1"
#define GLS_KEYS_PREFIX "keys"

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
