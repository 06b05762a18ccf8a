/* gls-category.c
 * A codebook category and the choice of a label in the user's language. */
#define G_LOG_DOMAIN "gls-category"

#include "config.h"

#include <string.h>

#include "gls-category-private.h"

G_DEFINE_FINAL_TYPE (GlsCategory, gls_category, G_TYPE_OBJECT)

static void
gls_category_finalize (GObject *object)
{
  GlsCategory *self = (GlsCategory *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->descriptions, g_ptr_array_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->foreign, _gls_foreign_free);

  G_OBJECT_CLASS (gls_category_parent_class)->finalize (object);
}

static void
gls_category_class_init (GlsCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_category_finalize;
}

static void
gls_category_init (GlsCategory *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->descriptions = g_ptr_array_new_with_free_func (g_free);
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
}

GlsCategory *
gls_category_new (const char *id)
{
  GlsCategory *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (GLS_TYPE_CATEGORY, NULL);
  self->id = g_strdup (id);

  return self;
}

static void
copy_variants (GPtrArray *to,
               GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

/**
 * gls_category_copy:
 *
 * A deep copy, children included, with no parent.
 */
GlsCategory *
gls_category_copy (GlsCategory *self)
{
  GlsCategory *copy;

  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  copy = gls_category_new (self->id);
  copy->name = g_strdup (self->name);
  copy->color = g_strdup (self->color);
  copy->key = self->key;
  copy->foreign = _gls_foreign_copy (self->foreign);
  copy_variants (copy->labels, self->labels);
  copy_variants (copy->descriptions, self->descriptions);

  for (guint i = 0; i < self->children->len; i++)
    {
      GlsCategory *child = gls_category_copy (g_ptr_array_index (self->children, i));

      child->parent = copy;
      g_ptr_array_add (copy->children, child);
    }

  return copy;
}

const char *
gls_category_get_id (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return self->id;
}

/**
 * gls_category_get_name:
 *
 * Returns: (nullable): the original spelling of an imported category
 *   whose name is not an NCName, or %NULL
 */
const char *
gls_category_get_name (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return self->name;
}

void
gls_category_set_name (GlsCategory *self,
                       const char  *name)
{
  g_return_if_fail (GLS_IS_CATEGORY (self));

  g_free (self->name);
  self->name = g_strdup (name);
}

/**
 * gls_category_get_original_name:
 *
 * Returns: the name to use when exporting: the original name if the
 *   category was imported under a derived id, else its id
 */
const char *
gls_category_get_original_name (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return self->name ? self->name : self->id;
}

guint
gls_category_get_key (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), 0);

  return self->key;
}

void
gls_category_set_key (GlsCategory *self,
                      guint        key)
{
  g_return_if_fail (GLS_IS_CATEGORY (self));
  g_return_if_fail (key <= 9);

  self->key = key;
}

/**
 * gls_category_get_alt_key:
 *
 * Returns: the digit of the category's Alt+digit shortcut, from 1 to 9,
 *   or 0 for none (or a value that is no digit)
 */
guint
gls_category_get_alt_key (GlsCategory *self)
{
  const char *value;

  g_return_val_if_fail (GLS_IS_CATEGORY (self), 0);

  value = _gls_foreign_get_attribute (self->foreign, GLS_KEYS_NAMESPACE, "alt");
  if (value == NULL || value[0] < '1' || value[0] > '9' || value[1] != '\0')
    return 0;

  return value[0] - '0';
}

/**
 * gls_category_set_alt_key:
 * @key: 1 to 9, or 0 for none
 */
void
gls_category_set_alt_key (GlsCategory *self,
                          guint        key)
{
  char value[2] = { '0' + key, '\0' };

  g_return_if_fail (GLS_IS_CATEGORY (self));
  g_return_if_fail (key <= 9);

  _gls_foreign_set_attribute (&self->foreign, GLS_KEYS_NAMESPACE, GLS_KEYS_PREFIX, "alt",
                              key > 0 ? value : NULL);
}

const char *
gls_category_get_color (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return self->color;
}

/* "#rrggbb", the only colours the file format holds */
static gboolean
is_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/**
 * gls_category_set_color:
 * @color: (nullable): "#rrggbb"; anything else leaves the category
 *   without a colour
 */
void
gls_category_set_color (GlsCategory *self,
                        const char  *color)
{
  g_return_if_fail (GLS_IS_CATEGORY (self));

  g_free (self->color);
  self->color = is_color (color) ? g_strdup (color) : NULL;
}

/* "de_DE.UTF-8@euro" and "de-de" both become "de-de". */
static char *
normalize_language (const char *language)
{
  GString *str = g_string_new (NULL);

  for (const char *p = language; *p && *p != '.' && *p != '@'; p++)
    g_string_append_c (str, *p == '_' ? '-' : g_ascii_tolower (*p));

  return g_string_free (str, FALSE);
}

static const char *
lookup_exact (GPtrArray  *variants,
              const char *language)
{
  g_autofree char *wanted = normalize_language (language);

  for (guint i = 0; i + 1 < variants->len; i += 2)
    {
      const char *lang = g_ptr_array_index (variants, i);
      g_autofree char *have = NULL;

      if (lang == NULL)
        continue;

      have = normalize_language (lang);
      if (strcmp (have, wanted) == 0)
        return g_ptr_array_index (variants, i + 1);
    }

  return NULL;
}

/**
 * gls_localized_lookup:
 * @variants: pairs of language (or %NULL) and text
 * @language: (nullable): a language such as "de" or "pt_BR", or %NULL for
 *   the user's languages from g_get_language_names()
 *
 * Returns: (nullable): the best variant: the first of the user's languages
 *   that has one, then the variant without a language, then the first one
 */
const char *
gls_localized_lookup (GPtrArray  *variants,
                      const char *language)
{
  const char *found = NULL;

  if (variants->len == 0)
    return NULL;

  if (language != NULL)
    {
      g_autofree char *base = normalize_language (language);
      char *dash;

      found = lookup_exact (variants, base);
      if (found == NULL && (dash = strchr (base, '-')) != NULL)
        {
          *dash = '\0';
          found = lookup_exact (variants, base);
        }
    }
  else
    {
      const char * const *names = g_get_language_names ();

      for (guint i = 0; found == NULL && names[i] != NULL; i++)
        {
          if (strcmp (names[i], "C") == 0 || strcmp (names[i], "POSIX") == 0)
            continue;
          found = lookup_exact (variants, names[i]);
        }
    }

  if (found != NULL)
    return found;

  for (guint i = 0; i + 1 < variants->len; i += 2)
    if (g_ptr_array_index (variants, i) == NULL)
      return g_ptr_array_index (variants, i + 1);

  return g_ptr_array_index (variants, 1);
}

void
_gls_localized_set (GPtrArray  *variants,
                    const char *language,
                    const char *text)
{
  for (guint i = 0; i + 1 < variants->len; i += 2)
    {
      const char *lang = g_ptr_array_index (variants, i);

      if (g_strcmp0 (lang, language) == 0)
        {
          if (text == NULL)
            {
              g_ptr_array_remove_range (variants, i, 2);
            }
          else
            {
              g_free (g_ptr_array_index (variants, i + 1));
              g_ptr_array_index (variants, i + 1) = g_strdup (text);
            }
          return;
        }
    }

  if (text != NULL)
    {
      g_ptr_array_add (variants, g_strdup (language));
      g_ptr_array_add (variants, g_strdup (text));
    }
}

/**
 * gls_category_get_label:
 *
 * Returns: the label in the user's language, falling back to the one
 *   without a language, and to the id if there is no label at all
 */
const char *
gls_category_get_label (GlsCategory *self)
{
  const char *label;

  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  label = gls_localized_lookup (self->labels, NULL);

  return label ? label : gls_category_get_original_name (self);
}

const char *
gls_category_get_label_for_language (GlsCategory *self,
                                     const char  *language)
{
  const char *label;

  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  label = gls_localized_lookup (self->labels, language);

  return label ? label : gls_category_get_original_name (self);
}

void
gls_category_set_label (GlsCategory *self,
                        const char  *language,
                        const char  *label)
{
  g_return_if_fail (GLS_IS_CATEGORY (self));

  _gls_localized_set (self->labels, language, label);
}

/**
 * gls_category_get_description:
 *
 * Returns: (nullable): the description in the user's language
 */
const char *
gls_category_get_description (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return gls_localized_lookup (self->descriptions, NULL);
}

const char *
gls_category_get_description_for_language (GlsCategory *self,
                                           const char  *language)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return gls_localized_lookup (self->descriptions, language);
}

void
gls_category_set_description (GlsCategory *self,
                              const char  *language,
                              const char  *description)
{
  g_return_if_fail (GLS_IS_CATEGORY (self));

  _gls_localized_set (self->descriptions, language, description);
}

guint
gls_category_get_n_labels (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), 0);

  return self->labels->len / 2;
}

const char *
gls_category_get_nth_label (GlsCategory  *self,
                            guint         n,
                            const char  **language)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);
  g_return_val_if_fail (n < self->labels->len / 2, NULL);

  if (language != NULL)
    *language = g_ptr_array_index (self->labels, 2 * n);

  return g_ptr_array_index (self->labels, 2 * n + 1);
}

guint
gls_category_get_n_descriptions (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), 0);

  return self->descriptions->len / 2;
}

const char *
gls_category_get_nth_description (GlsCategory  *self,
                                  guint         n,
                                  const char  **language)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);
  g_return_val_if_fail (n < self->descriptions->len / 2, NULL);

  if (language != NULL)
    *language = g_ptr_array_index (self->descriptions, 2 * n);

  return g_ptr_array_index (self->descriptions, 2 * n + 1);
}

/**
 * gls_category_get_parent:
 *
 * Returns: (nullable) (transfer none): the broader category
 */
GlsCategory *
gls_category_get_parent (GlsCategory *self)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (self), NULL);

  return self->parent;
}

guint
gls_category_get_depth (GlsCategory *self)
{
  guint depth = 0;

  g_return_val_if_fail (GLS_IS_CATEGORY (self), 0);

  for (GlsCategory *p = self->parent; p != NULL; p = p->parent)
    depth++;

  return depth;
}
