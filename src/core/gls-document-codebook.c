/* gls-document-codebook.c
 * The changes a user makes to the codebook of a document: each edits a
 * copy of the codebook and makes it the document's, as one step to undo. */
#define G_LOG_DOMAIN "gls-document-codebook"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-codebook-private.h"
#include "gls-document-codebook.h"
#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-names-private.h"
#include "gls-palette.h"

/* ------------------------------------------------------------------ */
/* Which language variant the user sees                                 */

static const char *
shown_language (GPtrArray *variants)
{
  const char *shown = gls_localized_lookup (variants, NULL);

  for (guint i = 0; shown != NULL && i + 1 < variants->len; i += 2)
    if (g_ptr_array_index (variants, i + 1) == shown)
      return g_ptr_array_index (variants, i);

  return NULL;
}

/**
 * gls_category_get_label_language:
 *
 * Returns: (nullable): the `xml:lang` of the label the user sees, or
 *   %NULL for the one without a language; editing the label edits this
 *   variant and keeps the others
 */
const char *
gls_category_get_label_language (GlsCategory *category)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (category), NULL);

  return shown_language (category->labels);
}

/**
 * gls_category_get_description_language:
 *
 * Returns: (nullable): the `xml:lang` of the description the user sees,
 *   or, when there is none, of the label the user sees
 */
const char *
gls_category_get_description_language (GlsCategory *category)
{
  g_return_val_if_fail (GLS_IS_CATEGORY (category), NULL);

  if (category->descriptions->len == 0)
    return shown_language (category->labels);

  return shown_language (category->descriptions);
}

/* ------------------------------------------------------------------ */
/* Editing a copy                                                       */

/* A copy of the document's codebook to edit, and @id's category in it. */
static GlsCodebook *
begin_edit (GlsDocument  *self,
            const char   *id,
            GlsCategory **category,
            GError      **error)
{
  g_autoptr(GlsCodebook) copy = gls_codebook_copy (self->codebook);

  if (id != NULL && (*category = gls_codebook_lookup (copy, id)) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY,
                   _("The codebook “%s” has no category “%s”"),
                   gls_codebook_get_id (self->codebook), id);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static void
commit_edit (GlsDocument *self,
             GlsCodebook *copy)
{
  _gls_codebook_rebuild (copy);
  gls_document_set_codebook (self, copy);
}

static GPtrArray *
siblings_of (GlsCodebook *codebook,
             GlsCategory *category)
{
  return category->parent ? category->parent->children : codebook->roots;
}

/* Takes @category out of the tree; the caller owns it. */
static GlsCategory *
detach (GlsCodebook *codebook,
        GlsCategory *category)
{
  GPtrArray *siblings = siblings_of (codebook, category);
  guint position;

  g_assert (g_ptr_array_find (siblings, category, &position));
  category = g_ptr_array_steal_index (siblings, position);
  category->parent = NULL;

  return category;
}

/* Puts @category (owned) under @parent at @position, or last. */
static void
attach (GlsCodebook *codebook,
        GlsCategory *parent,
        GlsCategory *category,
        guint        position)
{
  GPtrArray *siblings = parent ? parent->children : codebook->roots;

  category->parent = parent;
  g_ptr_array_insert (siblings, (int) MIN (position, siblings->len), category);
}

static guint
subtree_height (GlsCategory *category)
{
  guint height = 0;

  for (guint i = 0; i < category->children->len; i++)
    height = MAX (height, subtree_height (g_ptr_array_index (category->children, i)));

  return height + 1;
}

static gboolean
is_within (GlsCategory *category,
           GlsCategory *ancestor)
{
  for (GlsCategory *p = category; p != NULL; p = p->parent)
    if (p == ancestor)
      return TRUE;

  return FALSE;
}

static char *
clean_text (const char *text)
{
  g_autofree char *clean = _gls_clean_xml_text (text);

  _gls_limit_text (&clean);
  if (clean != NULL)
    g_strstrip (clean);
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);

  return g_steal_pointer (&clean);
}

/* ------------------------------------------------------------------ */
/* The changes                                                          */

/**
 * gls_document_add_category:
 * @parent: (nullable): the id of the new category's parent, or %NULL for
 *   a top-level one
 * @label: its label, in the language the user sees
 *
 * Adds a category named @label, last under @parent, with an id derived
 * from @label, the first palette colour the codebook does not use yet and
 * a free key, as one step to undo.
 *
 * Returns: (transfer none): the new category, or %NULL with @error set
 */
GlsCategory *
gls_document_add_category (GlsDocument  *self,
                           const char   *parent,
                           const char   *label,
                           GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  g_autoptr(GlsCategory) category = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *id = NULL;
  GlsCategory *parent_category = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if ((clean = clean_text (label)) == NULL)
    {
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, _("A category needs a label"));
      return NULL;
    }

  if ((copy = begin_edit (self, parent, &parent_category, error)) == NULL)
    return NULL;

  if (parent_category != NULL && gls_category_get_depth (parent_category) + 1 >= GLS_MAX_CATEGORY_DEPTH)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("Categories cannot be nested more than %u levels deep"), GLS_MAX_CATEGORY_DEPTH);
      return NULL;
    }

  lower = g_utf8_strdown (clean, -1);
  id = gls_codebook_derive_id (copy, g_strdelimit (lower, " ", '-'));
  category = gls_category_new (id);
  gls_category_set_label (category, NULL, clean);
  gls_category_set_color (category, gls_codebook_pick_color (copy));
  gls_codebook_give_free_key (copy, category);
  if (!gls_codebook_add_category (copy, parent_category, category, error))
    return NULL;

  commit_edit (self, copy);

  return gls_codebook_lookup (self->codebook, id);
}

static const char *
exact_variant (GPtrArray  *variants,
               const char *language)
{
  for (guint i = 0; i + 1 < variants->len; i += 2)
    if (g_strcmp0 (g_ptr_array_index (variants, i), language) == 0)
      return g_ptr_array_index (variants, i + 1);

  return NULL;
}

static gboolean
set_localized (GlsDocument  *self,
               const char   *id,
               const char   *language,
               const char   *text,
               gboolean      label,
               GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  g_autofree char *clean = clean_text (text);
  GlsCategory *category;
  GPtrArray *variants;

  if (label && clean == NULL)
    {
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, _("A category needs a label"));
      return FALSE;
    }

  if ((copy = begin_edit (self, id, &category, error)) == NULL)
    return FALSE;

  variants = label ? category->labels : category->descriptions;
  if (g_strcmp0 (exact_variant (variants, language), clean) == 0)
    return TRUE;

  _gls_localized_set (variants, language, clean);
  commit_edit (self, copy);

  return TRUE;
}

/**
 * gls_document_set_category_label:
 * @language: (nullable): the variant to change (see
 *   gls_category_get_label_language()), %NULL for the one without a
 *   language; the other variants stay
 */
gboolean
gls_document_set_category_label (GlsDocument  *self,
                                 const char   *id,
                                 const char   *language,
                                 const char   *label,
                                 GError      **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_localized (self, id, language, label, TRUE, error);
}

/**
 * gls_document_set_category_description:
 * @description: (nullable): the coding rule, or %NULL or "" to remove
 *   this language's variant
 */
gboolean
gls_document_set_category_description (GlsDocument  *self,
                                       const char   *id,
                                       const char   *language,
                                       const char   *description,
                                       GError      **error)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_localized (self, id, language, description, FALSE, error);
}

gboolean
gls_document_set_category_color (GlsDocument  *self,
                                 const char   *id,
                                 const char   *color,
                                 GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  g_autofree char *lower = NULL;
  GlsCategory *category;
  double rgb[3];

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!gls_color_parse (color, rgb))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("“%s” is not a colour: write it as #rrggbb"), color ? color : "");
      return FALSE;
    }

  if ((copy = begin_edit (self, id, &category, error)) == NULL)
    return FALSE;

  lower = g_ascii_strdown (color, -1);
  if (g_strcmp0 (category->color, lower) == 0)
    return TRUE;

  gls_category_set_color (category, lower);
  commit_edit (self, copy);

  return TRUE;
}

/**
 * gls_document_set_category_key:
 * @key: 1 to 9, or 0 for none
 *
 * Gives @id the shortcut @key; a category that had it loses it, in the
 * same step.
 */
gboolean
gls_document_set_category_key (GlsDocument  *self,
                               const char   *id,
                               guint         key,
                               GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  GlsCategory *category, *holder;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (key > 9)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID, _("A category’s key is a digit from 1 to 9"));
      return FALSE;
    }

  if ((copy = begin_edit (self, id, &category, error)) == NULL)
    return FALSE;

  if (category->key == key)
    return TRUE;

  if ((holder = gls_codebook_lookup_key (copy, key)) != NULL)
    gls_category_set_key (holder, 0);
  gls_category_set_key (category, key);
  commit_edit (self, copy);

  return TRUE;
}

/**
 * gls_document_set_category_shortcut:
 * @key: 1 to 9, or 0 for none
 * @alt: whether the shortcut is Alt and @key rather than @key alone
 *
 * Gives @id one shortcut, @key or Alt+@key, in place of the one it had, as
 * one step. Unlike gls_document_set_category_key(), a shortcut another
 * category has is refused: the user picked it by mistake, or must first
 * take it from the other category.
 */
gboolean
gls_document_set_category_shortcut (GlsDocument  *self,
                                    const char   *id,
                                    guint         key,
                                    gboolean      alt,
                                    GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  GlsCategory *category, *holder;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (key > 9)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID, _("A category’s key is a digit from 1 to 9"));
      return FALSE;
    }

  if ((copy = begin_edit (self, id, &category, error)) == NULL)
    return FALSE;

  holder = alt ? gls_codebook_lookup_alt_key (copy, key) : gls_codebook_lookup_key (copy, key);
  if (holder == category ||
      (key == 0 && category->key == 0 && gls_category_get_alt_key (category) == 0))
    return TRUE;
  if (holder != NULL)
    {
      if (alt)
        g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                     /* Translators: the digit, the label of the category that has it */
                     _("Alt+%u is the key of “%s” already"), key, gls_category_get_label (holder));
      else
        g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                     /* Translators: the digit, the label of the category that has it */
                     _("%u is the key of “%s” already"), key, gls_category_get_label (holder));
      return FALSE;
    }

  gls_category_set_key (category, alt ? 0 : key);
  gls_category_set_alt_key (category, alt ? key : 0);
  commit_edit (self, copy);

  return TRUE;
}

/**
 * gls_document_move_category:
 * @parent: (nullable): the id of the new parent, or %NULL for the top level
 * @position: the place among its new siblings, G_MAXUINT for the last
 *
 * Moves @id, with the categories under it, as one step: both reordering
 * (the same parent) and re-parenting.
 */
gboolean
gls_document_move_category (GlsDocument  *self,
                            const char   *id,
                            const char   *parent,
                            guint         position,
                            GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  GlsCategory *category, *new_parent = NULL;
  guint old_position;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if ((copy = begin_edit (self, id, &category, error)) == NULL)
    return FALSE;

  if (parent != NULL && (new_parent = gls_codebook_lookup (copy, parent)) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY,
                   _("The codebook “%s” has no category “%s”"), gls_codebook_get_id (copy), parent);
      return FALSE;
    }

  if (new_parent != NULL && is_within (new_parent, category))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("“%s” cannot go under itself or under a category of its own"),
                   gls_category_get_label (category));
      return FALSE;
    }

  if (new_parent != NULL &&
      gls_category_get_depth (new_parent) + 1 + subtree_height (category) > GLS_MAX_CATEGORY_DEPTH)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("Categories cannot be nested more than %u levels deep"), GLS_MAX_CATEGORY_DEPTH);
      return FALSE;
    }

  g_ptr_array_find (siblings_of (copy, category), category, &old_position);
  if (category->parent == new_parent &&
      MIN (position, siblings_of (copy, category)->len - 1) == old_position)
    return TRUE;

  attach (copy, new_parent, detach (copy, category), position);
  commit_edit (self, copy);

  return TRUE;
}

/**
 * gls_document_drop_category:
 * @target: the category @id was dropped on
 *
 * Moves @id next to @target or under it, as the codebook editor's drag and
 * drop does, in one step through gls_document_move_category(): refused
 * into its own subtree.
 */
gboolean
gls_document_drop_category (GlsDocument      *self,
                            const char       *id,
                            const char       *target,
                            GlsCategoryDrop   where,
                            GError          **error)
{
  GlsCategory *category, *onto, *parent;
  GPtrArray *siblings;
  guint position, old_position;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if ((category = gls_codebook_lookup (self->codebook, id)) == NULL ||
      (onto = gls_codebook_lookup (self->codebook, target)) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY, _("The codebook “%s” has no category “%s”"),
                   gls_codebook_get_id (self->codebook), category == NULL ? id : target);
      return FALSE;
    }

  if (where == GLS_CATEGORY_DROP_INTO)
    return gls_document_move_category (self, id, target, G_MAXUINT, error);

  /* a sibling of @onto: its place once @category has left its own */
  parent = onto->parent;
  siblings = siblings_of (self->codebook, onto);
  g_ptr_array_find (siblings, onto, &position);
  if (category->parent == parent && g_ptr_array_find (siblings, category, &old_position) && old_position < position)
    position--;
  if (where == GLS_CATEGORY_DROP_AFTER && category != onto)
    position++;

  return gls_document_move_category (self, id, parent ? parent->id : NULL, position, error);
}

/* Every annotation of @category, in the document's order. */
static GPtrArray *
annotations_of (GlsDocument *self,
                const char  *category)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = gls_document_get_n_annotations (self);

  for (guint i = 0; i < n && found->len < gls_document_count_category (self, category); i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (self->annotations, i);

      if (g_strcmp0 (gls_annotation_get_category (annotation), category) == 0)
        g_ptr_array_add (found, g_object_ref (annotation));
    }

  return found;
}

/* Takes @category out of @copy, its children taking its place. */
static void
remove_lifting_children (GlsCodebook *copy,
                         GlsCategory *category)
{
  g_autoptr(GlsCategory) removed = NULL;
  GlsCategory *parent = category->parent;
  guint position;

  g_ptr_array_find (siblings_of (copy, category), category, &position);
  removed = detach (copy, category);
  while (removed->children->len > 0)
    {
      GlsCategory *child = g_ptr_array_steal_index (removed->children, removed->children->len - 1);

      attach (copy, parent, child, position);
    }
}

/**
 * gls_document_merge_categories:
 * @id: the category that goes away
 * @into: the category that stays
 * @n_moved: (out) (optional): how many annotations moved to @into
 *
 * Gives the annotations of @id the category @into and removes @id, as one
 * step. The categories under @id go under @into (or, if @into is one of
 * them, take @id's place).
 */
gboolean
gls_document_merge_categories (GlsDocument  *self,
                               const char   *id,
                               const char   *into,
                               guint        *n_moved,
                               GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  g_autoptr(GPtrArray) moving = NULL;
  GlsCategory *category, *kept;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (into != NULL, FALSE);

  if (n_moved != NULL)
    *n_moved = 0;

  if ((copy = begin_edit (self, id, &category, error)) == NULL)
    return FALSE;

  if ((kept = gls_codebook_lookup (copy, into)) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY,
                   _("The codebook “%s” has no category “%s”"), gls_codebook_get_id (copy), into);
      return FALSE;
    }

  if (kept == category)
    {
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, _("A category cannot be merged into itself"));
      return FALSE;
    }

  if (is_within (kept, category))
    remove_lifting_children (copy, category);
  else
    {
      g_autoptr(GlsCategory) removed = detach (copy, category);

      while (removed->children->len > 0)
        attach (copy, kept, g_ptr_array_steal_index (removed->children, 0), G_MAXUINT);
    }
  if (kept->key == 0)
    kept->key = category->key;

  moving = annotations_of (self, id);

  gls_document_begin_group (self);
  for (guint i = 0; i < moving->len; i++)
    gls_document_set_category (self, g_ptr_array_index (moving, i), into);
  commit_edit (self, copy);
  gls_document_end_group (self);

  if (n_moved != NULL)
    *n_moved = moving->len;

  return TRUE;
}

/**
 * gls_document_delete_category:
 * @how: what to do with the annotations that use @id
 * @move_to: (nullable): with %GLS_CATEGORY_DELETE_MOVE, their new category
 * @n_annotations: (out) (optional): how many annotations used @id
 *
 * Removes @id, as one step; the categories under it take its place. With
 * %GLS_CATEGORY_DELETE_REFUSE_USED, a category that annotations use is
 * not deleted and @error says how many use it.
 */
gboolean
gls_document_delete_category (GlsDocument        *self,
                              const char         *id,
                              GlsCategoryDelete   how,
                              const char         *move_to,
                              guint              *n_annotations,
                              GError            **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  g_autoptr(GPtrArray) used = NULL;
  GlsCategory *category;
  guint n;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (how != GLS_CATEGORY_DELETE_MOVE || move_to != NULL, FALSE);

  n = gls_document_count_category (self, id);
  if (n_annotations != NULL)
    *n_annotations = n;

  if ((copy = begin_edit (self, id, &category, error)) == NULL)
    return FALSE;

  if (n > 0 && how == GLS_CATEGORY_DELETE_REFUSE_USED)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is used by %u annotation: move it to another category or delete it first",
                                "“%s” is used by %u annotations: move them to another category or delete them first",
                                n),
                   gls_category_get_label (category), n);
      return FALSE;
    }

  if (how == GLS_CATEGORY_DELETE_MOVE &&
      (g_strcmp0 (move_to, id) == 0 || gls_codebook_lookup (copy, move_to) == NULL))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY,
                   _("The codebook “%s” has no category “%s”"), gls_codebook_get_id (copy), move_to);
      return FALSE;
    }

  remove_lifting_children (copy, category);
  used = annotations_of (self, id);

  gls_document_begin_group (self);
  for (guint i = 0; i < used->len; i++)
    {
      if (how == GLS_CATEGORY_DELETE_MOVE)
        gls_document_set_category (self, g_ptr_array_index (used, i), move_to);
      else
        gls_document_remove_annotation (self, g_ptr_array_index (used, i));
    }
  commit_edit (self, copy);
  gls_document_end_group (self);

  return TRUE;
}
