/* gls-document-matches.c
 * Annotating every match of a search in one article, as one step to undo:
 * what a find bar finds, the core annotates, skipping the matches that
 * already are annotated with the category. */
#define G_LOG_DOMAIN "gls-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-corpus-search.h"
#include "gls-document-private.h"
#include "gls-error.h"

/* Whether an annotation of @category already covers [@span). */
static gboolean
already_annotated (GlsDocument   *self,
                   const GlsSpan *span,
                   const char    *category)
{
  g_autoptr(GPtrArray) around = g_ptr_array_new ();

  gls_document_query (self, span->start, span->end, around);
  for (guint i = 0; i < around->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (around, i);

      if (g_strcmp0 (gls_annotation_get_category (annotation), category) != 0)
        continue;
      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan target = gls_annotation_get_target (annotation, j);

          if (target.start <= span->start && span->end <= target.end)
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * gls_document_annotate_matches:
 * @needle: the text to find, in any case, as the find bar finds it
 * @category: the category of the new annotations
 *
 * Annotates every match of @needle in the article with @category, as one
 * step to undo; a match an annotation of @category already covers is
 * skipped.
 *
 * Returns: how many annotations were made, or -1 with @error set when
 *   @category is not in the codebook (nothing is changed then)
 */
int
gls_document_annotate_matches (GlsDocument  *self,
                               const char   *needle,
                               const char   *category,
                               GError      **error)
{
  g_autoptr(GArray) found = NULL;
  const char *text;
  gsize n_bytes;
  int n = 0;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (needle != NULL, -1);
  g_return_val_if_fail (category != NULL, -1);

  if (gls_codebook_lookup (self->codebook, category) == NULL)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_UNKNOWN_CATEGORY,
                   _("The category “%s” is not in the codebook"), category);
      return -1;
    }

  text = gls_source_get_text (self->source, &n_bytes);
  found = gls_text_find_all (text, n_bytes, needle);

  gls_document_begin_group (self);
  for (guint i = 0; i < found->len; i++)
    {
      const GlsSpan *span = &g_array_index (found, GlsSpan, i);

      if (already_annotated (self, span, category))
        continue;
      if (gls_document_annotate (self, category, span->start, span->end, NULL) != NULL)
        n++;
    }
  gls_document_end_group (self);

  return n;
}
