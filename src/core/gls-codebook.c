/* gls-codebook.c
 * The categories available to a document. */
#define G_LOG_DOMAIN "gls-codebook"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-codebook-private.h"
#include "gls-error.h"
#include "gls-names-private.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlsCodebook, gls_codebook, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
gls_codebook_get_item_type (GListModel *model)
{
  return GLS_TYPE_CATEGORY;
}

static guint
gls_codebook_get_n_items (GListModel *model)
{
  return GLS_CODEBOOK (model)->flat->len;
}

static gpointer
gls_codebook_get_item (GListModel *model,
                       guint       position)
{
  GlsCodebook *self = GLS_CODEBOOK (model);

  if (position >= self->flat->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->flat, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gls_codebook_get_item_type;
  iface->get_n_items = gls_codebook_get_n_items;
  iface->get_item = gls_codebook_get_item;
}

static void
gls_codebook_finalize (GObject *object)
{
  GlsCodebook *self = (GlsCodebook *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->descriptions, g_ptr_array_unref);
  g_clear_pointer (&self->flat, g_ptr_array_unref);
  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->foreign, _gls_foreign_free);

  G_OBJECT_CLASS (gls_codebook_parent_class)->finalize (object);
}

static void
gls_codebook_class_init (GlsCodebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_codebook_finalize;
}

static void
gls_codebook_init (GlsCodebook *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->descriptions = g_ptr_array_new_with_free_func (g_free);
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->flat = g_ptr_array_new ();
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

GlsCodebook *
gls_codebook_new (const char *id,
                  const char *version)
{
  GlsCodebook *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (GLS_TYPE_CODEBOOK, NULL);
  self->id = g_strdup (id);
  self->version = g_strdup (version);

  return self;
}

static void
flatten (GlsCodebook *self,
         GPtrArray   *categories)
{
  for (guint i = 0; i < categories->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (categories, i);

      g_ptr_array_add (self->flat, category);
      g_hash_table_insert (self->by_id, category->id, category);
      flatten (self, category->children);
    }
}

/* Rebuilds the flat list and the id table after the hierarchy changed,
 * and tells the list's observers. */
void
_gls_codebook_rebuild (GlsCodebook *self)
{
  guint old_len = self->flat->len;

  g_ptr_array_set_size (self->flat, 0);
  g_hash_table_remove_all (self->by_id);
  flatten (self, self->roots);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->flat->len);
}

GlsCodebook *
gls_codebook_copy (GlsCodebook *self)
{
  GlsCodebook *copy;

  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  copy = gls_codebook_new (self->id, self->version);
  copy->foreign = _gls_foreign_copy (self->foreign);
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (copy->labels, g_strdup (g_ptr_array_index (self->labels, i)));
  for (guint i = 0; i < self->descriptions->len; i++)
    g_ptr_array_add (copy->descriptions, g_strdup (g_ptr_array_index (self->descriptions, i)));
  for (guint i = 0; i < self->roots->len; i++)
    g_ptr_array_add (copy->roots, gls_category_copy (g_ptr_array_index (self->roots, i)));
  _gls_codebook_rebuild (copy);

  return copy;
}

const char *
gls_codebook_get_id (GlsCodebook *self)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  return self->id;
}

const char *
gls_codebook_get_version (GlsCodebook *self)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  return self->version;
}

/**
 * gls_codebook_get_label:
 *
 * Returns: the codebook's name in the user's language, or its id
 */
const char *
gls_codebook_get_label (GlsCodebook *self)
{
  const char *label;

  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  label = gls_localized_lookup (self->labels, NULL);

  return label ? label : self->id;
}

guint
gls_codebook_get_n_categories (GlsCodebook *self)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), 0);

  return self->flat->len;
}

/**
 * gls_codebook_get_category:
 *
 * Returns: (transfer none): the category at @position, depth first
 */
GlsCategory *
gls_codebook_get_category (GlsCodebook *self,
                           guint        position)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (position < self->flat->len, NULL);

  return g_ptr_array_index (self->flat, position);
}

GlsCategory *
gls_codebook_lookup (GlsCodebook *self,
                     const char  *id)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

GlsCategory *
gls_codebook_lookup_key (GlsCodebook *self,
                         guint        key)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  for (guint i = 0; key != 0 && i < self->flat->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (self->flat, i);

      if (category->key == key)
        return category;
    }

  return NULL;
}

/**
 * gls_codebook_lookup_alt_key:
 *
 * Returns: (transfer none) (nullable): the category whose shortcut is
 *   Alt and the digit @key
 */
GlsCategory *
gls_codebook_lookup_alt_key (GlsCodebook *self,
                             guint        key)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);

  for (guint i = 0; key != 0 && i < self->flat->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (self->flat, i);

      if (gls_category_get_alt_key (category) == key)
        return category;
    }

  return NULL;
}

/**
 * gls_codebook_lookup_name:
 *
 * Finds a category by the name it had where it was imported from: its
 * original name if it has one, else its id.
 */
GlsCategory *
gls_codebook_lookup_name (GlsCodebook *self,
                          const char  *name)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->flat->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (self->flat, i);

      if (strcmp (gls_category_get_original_name (category), name) == 0)
        return category;
    }

  return NULL;
}

gboolean
gls_codebook_add_category (GlsCodebook  *self,
                           GlsCategory  *parent,
                           GlsCategory  *category,
                           GError      **error)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (parent == NULL || GLS_IS_CATEGORY (parent), FALSE);
  g_return_val_if_fail (GLS_IS_CATEGORY (category), FALSE);
  g_return_val_if_fail (category->parent == NULL, FALSE);

  if (!_gls_is_ncname (category->id))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("“%s” cannot be a category id: use letters, digits, “-”, “_” and “.”, starting with a letter"),
                   category->id);
      return FALSE;
    }

  if (g_hash_table_contains (self->by_id, category->id))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("The codebook already has a category “%s”"), category->id);
      return FALSE;
    }

  category->parent = parent;
  g_ptr_array_add (parent ? parent->children : self->roots, g_object_ref (category));
  _gls_codebook_rebuild (self);

  return TRUE;
}

gboolean
gls_codebook_remove_category (GlsCodebook *self,
                              GlsCategory *category)
{
  GPtrArray *siblings;

  g_return_val_if_fail (GLS_IS_CODEBOOK (self), FALSE);
  g_return_val_if_fail (GLS_IS_CATEGORY (category), FALSE);

  siblings = category->parent ? category->parent->children : self->roots;
  if (!g_ptr_array_remove (siblings, category))
    return FALSE;

  _gls_codebook_rebuild (self);

  return TRUE;
}

guint
gls_codebook_get_n_roots (GlsCodebook *self)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), 0);

  return self->roots->len;
}

GlsCategory *
gls_codebook_get_root (GlsCodebook *self,
                       guint        n)
{
  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (n < self->roots->len, NULL);

  return g_ptr_array_index (self->roots, n);
}

guint
gls_category_get_n_children (GlsCategory *category)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (category), 0);

  return category->children->len;
}

GlsCategory *
gls_category_get_child (GlsCategory *category,
                        guint        n)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (category), NULL);
  g_return_val_if_fail (n < category->children->len, NULL);

  return g_ptr_array_index (category->children, n);
}

/**
 * gls_codebook_derive_id:
 * @name: a category name from another tool, such as "Name_Calling,Labeling"
 *
 * Returns: (transfer full): an NCName for @name not yet used in the codebook:
 *   @name itself when it is one, else a spelling of it with every character
 *   an NCName cannot hold replaced by "_"
 */
char *
gls_codebook_derive_id (GlsCodebook *self,
                        const char  *name)
{
  g_autoptr(GString) str = NULL;
  g_autofree char *base = NULL;
  char *candidate;

  g_return_val_if_fail (GLS_IS_CODEBOOK (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (_gls_is_ncname (name) && !g_hash_table_contains (self->by_id, name))
    return g_strdup (name);

  str = g_string_new (NULL);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.')
        g_string_append_c (str, (char) c);
      else
        g_string_append_c (str, '_');
    }
  if (str->len == 0 || !g_ascii_isalpha (str->str[0]))
    g_string_prepend (str, "c_");

  base = g_string_free (g_steal_pointer (&str), FALSE);
  candidate = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (self->by_id, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }

  return candidate;
}
