/* gls-density.c
 * Where in an article each category occurs: its annotations bucketed into
 * the rows of a narrow strip, one lane per category, for the density strip
 * beside the article's scroll bar. */
#define G_LOG_DOMAIN "gls-density"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-density.h"
#include "gls-source.h"

struct _GlsDensity
{
  GPtrArray *counts;    /* GlsCategoryCount, owned */
  GPtrArray *lanes;     /* those of counts with annotations, in their order */
  guint     *cover;     /* n_rows × lanes->len: how many spans cover each row */
  guint     *first;     /* per lane: the first row marked */
  guint     *last;      /* per lane: the last row marked */
  GHashTable *placed;   /* GlsAnnotation → fingerprint() of where it marks */
  guint      n_rows;
  guint      length;    /* of the text, in characters */
};

/* A row of the strip stands for the same number of characters everywhere:
 * the marks are at the annotations' places in the text, which the
 * view only lays out near what it shows. */
static guint
row_of (GlsDensity *self,
        guint       offset)
{
  if (self->length == 0)
    return 0;

  return MIN ((guint64) offset * self->n_rows / self->length, self->n_rows - 1);
}

/* The last row that holds some of the characters before @end: with more
 * rows than characters, a character covers several rows. */
static guint
rows_to (GlsDensity *self,
         guint       end)
{
  guint64 rows;

  if (self->length == 0)
    return 0;

  /* the rows begun before @end: end × n_rows / length, rounded up */
  rows = ((guint64) end * self->n_rows + self->length - 1) / self->length;

  return rows == 0 ? 0 : MIN (rows, self->n_rows) - 1;
}

/* Where @annotation marks the strip, as one number: its lane and the rows
 * of each of its spans, hashed. Never 0, the hash table's "none". */
static guint
fingerprint (GlsDensity    *self,
             GlsAnnotation *annotation,
             guint          lane)
{
  guint hash = lane * 16777619u + 2166136261u;

  for (guint t = 0; t < gls_annotation_get_n_targets (annotation); t++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, t);
      guint top = row_of (self, span.start);

      hash = (hash ^ top) * 16777619u;
      hash = (hash ^ MAX (top, rows_to (self, span.end))) * 16777619u;
    }

  return hash != 0 ? hash : 1;
}

/* The lane of @annotation's category, counted from 1, or 0 for none. */
static guint
find_lane (GlsDensity    *self,
           GlsAnnotation *annotation)
{
  const char *category = gls_annotation_get_category (annotation);

  for (guint i = 0; i < self->lanes->len; i++)
    if (g_strcmp0 (((GlsCategoryCount *) g_ptr_array_index (self->lanes, i))->id, category) == 0)
      return i + 1;

  return 0;
}

/**
 * gls_density_new:
 * @n_rows: rows of the strip, at least 1
 *
 * Buckets @document's annotations, in time linear in their number and the
 * strip's size: marking a long annotation's rows costs two steps, not one
 * per row. Orphaned annotations have no place and are left out.
 *
 * Returns: (transfer full): the marks
 */
GlsDensity *
gls_density_new (GlsDocument *document,
                 guint        n_rows)
{
  g_autoptr(GHashTable) lane_of = NULL;
  g_autofree int *steps = NULL;
  g_autoptr(GPtrArray) placed = NULL;
  GlsDensity *self;
  GlsSource *source;
  guint n_lanes;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (n_rows > 0, NULL);

  self = g_new0 (GlsDensity, 1);
  self->n_rows = n_rows;
  source = gls_document_get_source (document);
  self->length = source != NULL ? gls_source_get_length (source) : 0;

  /* one lane per category that has annotations, in the codebook's order */
  self->counts = gls_category_counts_for_document (document);
  self->lanes = g_ptr_array_new ();
  lane_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->counts->len; i++)
    {
      GlsCategoryCount *count = g_ptr_array_index (self->counts, i);

      if (count->count == 0)
        continue;
      /* 0 stands for no lane in the table */
      g_hash_table_insert (lane_of, count->id, GUINT_TO_POINTER (self->lanes->len + 1));
      g_ptr_array_add (self->lanes, count);
    }

  n_lanes = self->lanes->len;
  self->cover = g_new0 (guint, (gsize) n_rows * n_lanes);
  self->placed = g_hash_table_new (NULL, NULL);
  self->first = g_new (guint, n_lanes);
  self->last = g_new0 (guint, n_lanes);
  for (guint lane = 0; lane < n_lanes; lane++)
    self->first[lane] = G_MAXUINT;
  if (n_lanes == 0)
    return self;

  /* +1 where a span's rows begin, -1 after they end, summed row by row */
  steps = g_new0 (int, (gsize) (n_rows + 1) * n_lanes);
  /* the interval index walks them all in O(n), orphans left out; a list
   * position costs a walk down the tree each */
  placed = g_ptr_array_sized_new (gls_document_get_n_annotations (document));
  gls_document_query (document, 0, G_MAXUINT, placed);
  for (guint i = 0; i < placed->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (placed, i);
      guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of, gls_annotation_get_category (annotation)));

      if (lane == 0)
        continue;
      g_hash_table_insert (self->placed, annotation, GUINT_TO_POINTER (fingerprint (self, annotation, lane)));
      lane--;

      for (guint t = 0; t < gls_annotation_get_n_targets (annotation); t++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, t);
          guint top = row_of (self, span.start);
          guint bottom = MAX (top, rows_to (self, span.end));

          steps[(gsize) top * n_lanes + lane]++;
          steps[(gsize) (bottom + 1) * n_lanes + lane]--;
          self->first[lane] = MIN (self->first[lane], top);
          self->last[lane] = MAX (self->last[lane], bottom);
        }
    }

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      int depth = 0;

      for (guint row = 0; row < n_rows; row++)
        {
          depth += steps[(gsize) row * n_lanes + lane];
          self->cover[(gsize) row * n_lanes + lane] = depth;
        }
    }

  return self;
}

void
gls_density_free (GlsDensity *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_hash_table_unref);
  g_free (self->cover);
  g_free (self->first);
  g_free (self->last);
  g_free (self);
}

guint
gls_density_get_n_rows (GlsDensity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

guint
gls_density_get_n_lanes (GlsDensity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lanes->len;
}

/**
 * gls_density_get_lane:
 *
 * Returns: (transfer none): the category of @lane and how many
 *   annotations it has in the document
 */
const GlsCategoryCount *
gls_density_get_lane (GlsDensity *self,
                      guint       lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, lane);
}

/**
 * gls_density_get_mark:
 *
 * Returns: whether an annotation of @lane's category covers some of the
 *   characters of @row
 */
gboolean
gls_density_get_mark (GlsDensity *self,
                      guint       row,
                      guint       lane)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (row >= self->n_rows || lane >= self->lanes->len)
    return FALSE;

  return self->cover[(gsize) row * self->lanes->len + lane] > 0;
}

/**
 * gls_density_has_placed:
 *
 * Whether the marks already show @annotation as it is: in the same lane,
 * on the same rows. A change to its note or attributes leaves them, and
 * needs no new bucketing, however many annotations there are.
 *
 * Returns: %FALSE for an annotation the marks do not show, or show
 *   elsewhere
 */
gboolean
gls_density_has_placed (GlsDensity    *self,
                        GlsAnnotation *annotation)
{
  guint lane;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLS_IS_ANNOTATION (annotation), FALSE);

  lane = find_lane (self, annotation);

  return lane != 0 && gls_annotation_get_anchor (annotation) != GLS_ANCHOR_ORPHANED &&
         GPOINTER_TO_UINT (g_hash_table_lookup (self->placed, annotation)) == fingerprint (self, annotation, lane);
}

/* Covers, or uncovers with @delta -1, the rows of @annotation's spans in
 * @lane (counted from 1), then finds the lane's first and last rows again. */
static void
cover (GlsDensity    *self,
       GlsAnnotation *annotation,
       guint          lane,
       int            delta)
{
  guint n_lanes = self->lanes->len;

  lane--;
  for (guint t = 0; t < gls_annotation_get_n_targets (annotation); t++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, t);
      guint top = row_of (self, span.start);
      guint bottom = MAX (top, rows_to (self, span.end));

      for (guint row = top; row <= bottom; row++)
        self->cover[(gsize) row * n_lanes + lane] += delta;
    }

  self->first[lane] = G_MAXUINT;
  self->last[lane] = 0;
  for (guint row = 0; row < self->n_rows; row++)
    if (self->cover[(gsize) row * n_lanes + lane] > 0)
      {
        self->first[lane] = MIN (self->first[lane], row);
        self->last[lane] = row;
      }
}

/**
 * gls_density_add:
 *
 * Marks @annotation, just added to the document, in time linear in the
 * strip's size, whatever the number of annotations.
 *
 * Returns: %FALSE if the marks cannot follow without gls_density_new(): its
 *   category has no lane yet
 */
gboolean
gls_density_add (GlsDensity    *self,
                 GlsAnnotation *annotation)
{
  guint lane;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLS_IS_ANNOTATION (annotation), FALSE);

  lane = find_lane (self, annotation);
  if (lane == 0 || g_hash_table_contains (self->placed, annotation))
    return FALSE;

  ((GlsCategoryCount *) g_ptr_array_index (self->lanes, lane - 1))->count++;
  if (gls_annotation_get_anchor (annotation) != GLS_ANCHOR_ORPHANED)
    {
      g_hash_table_insert (self->placed, annotation, GUINT_TO_POINTER (fingerprint (self, annotation, lane)));
      cover (self, annotation, lane, 1);
    }

  return TRUE;
}

/**
 * gls_density_remove:
 *
 * Takes out the marks of @annotation, just removed from the document, in
 * time linear in the strip's size.
 *
 * Returns: %FALSE if the marks cannot follow without gls_density_new(): its
 *   lane would empty, or the marks do not show it where it is
 */
gboolean
gls_density_remove (GlsDensity    *self,
                    GlsAnnotation *annotation)
{
  GlsCategoryCount *count;
  gboolean placed;
  guint lane;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLS_IS_ANNOTATION (annotation), FALSE);

  lane = find_lane (self, annotation);
  if (lane == 0)
    return FALSE;

  count = g_ptr_array_index (self->lanes, lane - 1);
  placed = gls_density_has_placed (self, annotation);
  if (count->count <= 1 ||
      placed != (gls_annotation_get_anchor (annotation) != GLS_ANCHOR_ORPHANED))
    return FALSE;

  count->count--;
  if (placed)
    {
      g_hash_table_remove (self->placed, annotation);
      cover (self, annotation, lane, -1);
    }

  return TRUE;
}

/**
 * gls_density_row_offset:
 * @fraction: a place in the strip, 0 at the top, 1 at the bottom
 *
 * Returns: the offset of the character at that place in the text
 */
guint
gls_density_row_offset (GlsDensity *self,
                        double      fraction)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->length == 0)
    return 0;

  return MIN ((guint) (CLAMP (fraction, 0.0, 1.0) * self->length), self->length - 1);
}

/**
 * gls_density_describe:
 *
 * The text alternative of the strip: each category, how many annotations
 * it has and over which part of the text they spread, "Opinion: 12, from
 * 5 % to 80 % of the text".
 *
 * Returns: (transfer full): the summary
 */
char *
gls_density_describe (GlsDensity *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint lane = 0; lane < self->lanes->len; lane++)
    {
      const GlsCategoryCount *count = g_ptr_array_index (self->lanes, lane);

      if (text->len > 0)
        /* Translators: between two categories in the description of the
         * strip that shows where they occur in the article */
        g_string_append (text, _("; "));
      if (self->first[lane] == G_MAXUINT)
        /* Translators: a category whose annotations all lost their place
         * in the article: its label, then their number */
        g_string_append_printf (text, _("%s: %u, none placed"), count->label, count->count);
      else
        /* Translators: a category in the description of the strip that
         * shows where it occurs: its label, its annotations, then the
         * part of the article they spread over, "Opinion: 12, from 5 % to 80 % of the text" */
        g_string_append_printf (text, _("%s: %u, from %u %% to %u %% of the text"), count->label, count->count,
                                self->first[lane] * 100 / self->n_rows,
                                (self->last[lane] + 1) * 100 / self->n_rows);
    }

  if (text->len == 0)
    g_string_append (text, _("No annotations"));

  return g_string_free (text, FALSE);
}
