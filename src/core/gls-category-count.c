/* gls-category-count.c
 * How many annotations of each category an article, or a whole corpus, has:
 * the figures behind the statistics charts and their text alternative. */
#define G_LOG_DOMAIN "gls-category-count"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-category-count.h"
#include "gls-codebook.h"

void
gls_category_count_free (GlsCategoryCount *count)
{
  if (count == NULL)
    return;

  g_free (count->id);
  g_free (count->label);
  g_free (count->color);
  g_free (count);
}

/**
 * gls_category_counts_new:
 *
 * Returns: (transfer full) (element-type GlsCategoryCount): no counts yet
 */
GPtrArray *
gls_category_counts_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gls_category_count_free);
}

static GlsCategoryCount *
find (GPtrArray  *counts,
      const char *id)
{
  for (guint i = 0; i < counts->len; i++)
    {
      GlsCategoryCount *count = g_ptr_array_index (counts, i);

      if (g_strcmp0 (count->id, id) == 0)
        return count;
    }

  return NULL;
}

static GlsCategoryCount *
append (GPtrArray  *counts,
        const char *id,
        const char *label,
        const char *color,
        guint       position)
{
  GlsCategoryCount *count = g_new0 (GlsCategoryCount, 1);

  count->id = g_strdup (id);
  count->label = g_strdup (label != NULL ? label : id);
  count->color = g_strdup (color);
  count->position = position;
  g_ptr_array_add (counts, count);

  return count;
}

/**
 * gls_category_counts_for_document:
 *
 * Safe in a worker thread on a document that thread owns.
 *
 * Returns: (transfer full) (element-type GlsCategoryCount): every category
 *   of @document's codebook in its order, with none too, then the
 *   categories used but missing from the codebook
 */
GPtrArray *
gls_category_counts_for_document (GlsDocument *document)
{
  GlsCodebook *codebook;
  GPtrArray *counts;
  guint n_counted = 0;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);

  codebook = gls_document_get_codebook (document);
  counts = gls_category_counts_new ();

  for (guint i = 0; codebook != NULL && i < gls_codebook_get_n_categories (codebook); i++)
    {
      GlsCategory *category = gls_codebook_get_category (codebook, i);
      GlsCategoryCount *count = append (counts, gls_category_get_id (category), gls_category_get_label (category),
                                        gls_category_get_color (category), i);

      count->count = gls_document_count_category (document, count->id);
      n_counted += count->count;
    }

  /* the document counts each category in O(1), but has no list of the
   * ones missing from its codebook: only then are its annotations read */
  if (n_counted < gls_document_get_n_annotations (document))
    {
      GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (document));

      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        {
          g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, i);
          const char *id = gls_annotation_get_category (annotation);
          GlsCategoryCount *count;

          if (codebook != NULL && gls_codebook_lookup (codebook, id) != NULL)
            continue;
          count = find (counts, id);
          if (count == NULL)
            count = append (counts, id, NULL, NULL, G_MAXUINT);
          count->count++;
        }
    }

  return counts;
}

/**
 * gls_category_counts_add:
 * @counts: (element-type GlsCategoryCount): the sums
 * @more: (element-type GlsCategoryCount): counts to add to them
 *
 * Adds @more to @counts, category by category (by id). A category new to
 * @counts keeps the label and colour @more gives it: the first article
 * that has a category names it, as `glossator-cli stats` does.
 */
void
gls_category_counts_add (GPtrArray *counts,
                         GPtrArray *more)
{
  g_return_if_fail (counts != NULL);

  for (guint i = 0; more != NULL && i < more->len; i++)
    {
      const GlsCategoryCount *other = g_ptr_array_index (more, i);
      GlsCategoryCount *count = NULL;

      /* the articles of a corpus mostly share a codebook: the sums then
       * hold each category at the same place, found without a search */
      if (i < counts->len && g_strcmp0 (((GlsCategoryCount *) g_ptr_array_index (counts, i))->id, other->id) == 0)
        count = g_ptr_array_index (counts, i);
      else
        count = find (counts, other->id);

      if (count == NULL)
        count = append (counts, other->id, other->label, other->color, other->position);
      count->count += other->count;
    }
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const GlsCategoryCount *x = *(GlsCategoryCount * const *) a;
  const GlsCategoryCount *y = *(GlsCategoryCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;

  return g_utf8_collate (x->label, y->label);
}

/**
 * gls_category_counts_sort:
 *
 * Orders @counts as a bar chart shows them: the most used category
 * first; equal counts in the codebook's order, then by label.
 */
void
gls_category_counts_sort (GPtrArray *counts)
{
  g_return_if_fail (counts != NULL);

  g_ptr_array_sort (counts, compare_counts);
}

guint
gls_category_counts_total (GPtrArray *counts)
{
  guint total = 0;

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    total += ((GlsCategoryCount *) g_ptr_array_index (counts, i))->count;

  return total;
}

/**
 * gls_category_counts_describe:
 *
 * The text alternative of a chart of @counts, in their order, for those
 * who do not see it: "Factual claim: 120, Opinion: 45".
 *
 * Returns: (transfer full): the figures, or a sentence saying there are none
 */
char *
gls_category_counts_describe (GPtrArray *counts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      const GlsCategoryCount *count = g_ptr_array_index (counts, i);

      if (text->len > 0)
        /* Translators: between the figures of two categories in the text
         * alternative of a chart, "Opinion: 45, Factual claim: 12" */
        g_string_append (text, _(", "));
      /* Translators: one category's figure in the text alternative of a
       * chart: its label, then how many annotations it has */
      g_string_append_printf (text, _("%s: %u"), count->label, count->count);
    }

  if (text->len == 0)
    g_string_append (text, _("No annotations"));

  return g_string_free (text, FALSE);
}
