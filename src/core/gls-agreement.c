/* gls-agreement.c
 * How far coders agree: kappa and alpha on code points marked or not, per
 * category, and Krippendorff's unitizing alpha on the coders' spans. */
#define G_LOG_DOMAIN "gls-agreement"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-agreement.h"
#include "gls-error.h"
#include "gls-file-reader.h"
#include "gls-sidecar-reader-private.h"

typedef struct
{
  guint coder;
  guint category;
  guint start;
  guint end;
} CodedSpan;

typedef struct
{
  char   *name;
  guint   length;
  char   *sha256;
  char   *first_file;  /* the sidecar that described the article first */
  GArray *spans;       /* CodedSpan */
} Article;

struct _GlsAgreement
{
  GPtrArray  *coders;      /* names */
  GPtrArray  *categories;  /* names */
  GHashTable *category_index;
  GPtrArray  *articles;    /* Article */
};

/* One coder's stretch of an article: a unit of the category, or a gap. */
typedef struct
{
  guint    start;
  guint    end;
  gboolean unit;
} Section;

/* What a category's figures are made of, summed over the articles. */
typedef struct
{
  guint    n_coders;
  double   n_units;       /* code points */
  double  *histogram;     /* code points marked by m coders, m = 0 … n_coders */
  double  *ones;          /* code points marked, per coder */
  double   distances;     /* alpha_u: the distances of every pair of coders */
  double   n_c;           /* alpha_u: the units of the category, every coder's */
  double   self_pairs;    /* alpha_u: Σ l (l - 1) over those units */
  GArray  *unit_lengths;  /* double */
  GArray  *gap_lengths;   /* double */
} Tally;

static void
article_free (Article *article)
{
  g_free (article->name);
  g_free (article->sha256);
  g_free (article->first_file);
  g_array_unref (article->spans);
  g_free (article);
}

GlsAgreement *
gls_agreement_new (void)
{
  GlsAgreement *self = g_new0 (GlsAgreement, 1);

  self->coders = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);

  return self;
}

void
gls_agreement_free (GlsAgreement *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->coders);
  g_hash_table_unref (self->category_index);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->articles);
  g_free (self);
}

/**
 * gls_agreement_add_coder:
 *
 * Returns: the coder's number, in the order they were added
 */
guint
gls_agreement_add_coder (GlsAgreement *self,
                         const char   *name)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  g_ptr_array_add (self->coders, g_strdup (name));

  return self->coders->len - 1;
}

/* Returns: the number of the coder called @name, or -1 */
int
gls_agreement_lookup_coder (GlsAgreement *self,
                            const char   *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->coders->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->coders, i), name) == 0)
      return i;

  return -1;
}

guint
gls_agreement_get_n_coders (GlsAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->coders->len;
}

const char *
gls_agreement_get_coder (GlsAgreement *self,
                         guint         coder)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (coder < self->coders->len, NULL);

  return g_ptr_array_index (self->coders, coder);
}

/**
 * gls_agreement_add_article:
 * @length: the code points of its text; 0 when the first sidecar added to
 *   it will say
 *
 * Returns: the article's number
 */
guint
gls_agreement_add_article (GlsAgreement *self,
                           const char   *name,
                           guint         length)
{
  Article *article;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  article = g_new0 (Article, 1);
  article->name = g_strdup (name);
  article->length = length;
  article->spans = g_array_new (FALSE, FALSE, sizeof (CodedSpan));
  g_ptr_array_add (self->articles, article);

  return self->articles->len - 1;
}

guint
gls_agreement_get_n_articles (GlsAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->articles->len;
}

const char *
gls_agreement_get_article (GlsAgreement *self,
                           guint         article)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article < self->articles->len, NULL);

  return ((Article *) g_ptr_array_index (self->articles, article))->name;
}

static guint
intern_category (GlsAgreement *self,
                 const char   *category)
{
  gpointer index;

  if (g_hash_table_lookup_extended (self->category_index, category, NULL, &index))
    return GPOINTER_TO_UINT (index);

  g_ptr_array_add (self->categories, g_strdup (category));
  g_hash_table_insert (self->category_index, g_ptr_array_index (self->categories, self->categories->len - 1),
                       GUINT_TO_POINTER (self->categories->len - 1));

  return self->categories->len - 1;
}

/**
 * gls_agreement_add_span:
 *
 * Says that @coder marked [@start, @end) of @article with @category. The
 * part of the span past the end of the article is left out.
 */
void
gls_agreement_add_span (GlsAgreement *self,
                        guint         article,
                        guint         coder,
                        const char   *category,
                        guint         start,
                        guint         end)
{
  Article *a;
  CodedSpan span;

  g_return_if_fail (self != NULL);
  g_return_if_fail (article < self->articles->len);
  g_return_if_fail (coder < self->coders->len);
  g_return_if_fail (category != NULL);

  a = g_ptr_array_index (self->articles, article);
  end = MIN (end, a->length);
  if (start >= end)
    return;

  span.coder = coder;
  span.category = intern_category (self, category);
  span.start = start;
  span.end = end;
  g_array_append_val (a->spans, span);
}

/* A coder's sidecar, read and parsed: what a worker thread hands over */
struct _GlsAgreementFile
{
  char           *name;
  GlsSidecarData *data;
};

void
gls_agreement_file_free (GlsAgreementFile *file)
{
  if (file == NULL)
    return;

  g_free (file->name);
  g_clear_pointer (&file->data, _gls_sidecar_data_free);
  g_free (file);
}

/**
 * gls_agreement_file_read:
 *
 * Reads and parses @sidecar, in any thread: touches no #GlsAgreement.
 *
 * Returns: (transfer full) (nullable): the sidecar for
 *   gls_agreement_add_file(), or %NULL with @error set
 */
GlsAgreementFile *
gls_agreement_file_read (GFile   *sidecar,
                         GError **error)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GlsAgreementFile *file;
  GlsSidecarData *data;

  g_return_val_if_fail (G_IS_FILE (sidecar), NULL);

  name = g_file_get_parse_name (sidecar);
  if ((bytes = gls_read_file (sidecar, GLS_FILE_SIDECAR, NULL, NULL, error)) == NULL ||
      (data = _gls_sidecar_read (bytes, name, problems, error)) == NULL)
    return NULL;

  file = g_new0 (GlsAgreementFile, 1);
  file->name = g_steal_pointer (&name);
  file->data = data;

  return file;
}

/**
 * gls_agreement_add_file:
 * @coder: the coder whose work @file is, or -1 for the coders its
 *   annotations name as their annotator (added as they come)
 * @file: a sidecar gls_agreement_file_read() read
 *
 * Adds the spans of @file to @article. The first sidecar of an article
 * says its length and hash; a sidecar of another article (another hash or
 * length) is refused, naming both files. An annotation whose text is gone
 * (orphaned) sits on no text and is left out; so, with @coder -1, is one
 * that names no annotator.
 */
gboolean
gls_agreement_add_file (GlsAgreement      *self,
                        guint              article,
                        int                coder,
                        GlsAgreementFile  *file,
                        GError           **error)
{
  GlsSidecarData *data;
  Article *a;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (article < self->articles->len, FALSE);
  g_return_val_if_fail (coder < (int) self->coders->len, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  a = g_ptr_array_index (self->articles, article);
  data = file->data;

  if (a->first_file == NULL)
    {
      a->first_file = g_strdup (file->name);
      a->sha256 = g_strdup (data->sha256);
      a->length = data->length;
    }
  else if (g_strcmp0 (a->sha256, data->sha256) != 0 || a->length != data->length)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("“%s” annotates another article than “%s”: the length or the SHA-256 "
                     "of the article differs"),
                   file->name, a->first_file);
      return FALSE;
    }

  for (guint i = 0; i < data->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (data->annotations, i);
      const char *annotator = gls_annotation_get_annotator (annotation);
      int who = coder;

      if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
        continue;

      if (who < 0)
        {
          if (annotator == NULL || *annotator == '\0')
            continue;
          if ((who = gls_agreement_lookup_coder (self, annotator)) < 0)
            who = gls_agreement_add_coder (self, annotator);
        }

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);

          gls_agreement_add_span (self, article, who, gls_annotation_get_category (annotation),
                                  span.start, span.end);
        }
    }

  return TRUE;
}

/**
 * gls_agreement_add_sidecar:
 *
 * Reads @sidecar (gls_agreement_file_read()) and adds it to @article
 * (gls_agreement_add_file()).
 */
gboolean
gls_agreement_add_sidecar (GlsAgreement  *self,
                           guint          article,
                           int            coder,
                           GFile         *sidecar,
                           GError       **error)
{
  g_autoptr(GlsAgreementFile) file = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (sidecar), FALSE);

  if ((file = gls_agreement_file_read (sidecar, error)) == NULL)
    return FALSE;

  return gls_agreement_add_file (self, article, coder, file, error);
}

/* The articles that @article stands for: one, or all */
static void
article_range (GlsAgreement *self,
               int           article,
               guint        *first,
               guint        *last)
{
  g_assert (article == GLS_AGREEMENT_POOLED || (guint) article < self->articles->len);

  *first = article == GLS_AGREEMENT_POOLED ? 0 : (guint) article;
  *last = article == GLS_AGREEMENT_POOLED ? self->articles->len : (guint) article + 1;
}

guint
gls_agreement_get_n_units (GlsAgreement *self,
                           int           article)
{
  guint first, last;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  article_range (self, article, &first, &last);
  for (guint i = first; i < last; i++)
    n += ((Article *) g_ptr_array_index (self->articles, i))->length;

  return n;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gls_agreement_dup_categories:
 *
 * Returns: (transfer full): the categories some coder used in @article
 *   (or in any, for %GLS_AGREEMENT_POOLED), sorted by their id
 */
GStrv
gls_agreement_dup_categories (GlsAgreement *self,
                              int           article)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree gboolean *used = NULL;
  guint first, last;

  g_return_val_if_fail (self != NULL, NULL);

  used = g_new0 (gboolean, self->categories->len);
  article_range (self, article, &first, &last);
  for (guint i = first; i < last; i++)
    {
      Article *a = g_ptr_array_index (self->articles, i);

      for (guint j = 0; j < a->spans->len; j++)
        used[g_array_index (a->spans, CodedSpan, j).category] = TRUE;
    }

  for (guint i = 0; i < self->categories->len; i++)
    if (used[i])
      g_ptr_array_add (names, g_strdup (g_ptr_array_index (self->categories, i)));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const CodedSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/* One coder's units of a category in an article, in order: spans that
 * overlap make one unit, their union; spans that only touch stay two, as
 * in Krippendorff's examples. */
static GArray *
coder_units (Article *a,
             guint    coder,
             guint    category)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CodedSpan));
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Section));

  for (guint i = 0; i < a->spans->len; i++)
    {
      const CodedSpan *span = &g_array_index (a->spans, CodedSpan, i);

      if (span->coder == coder && span->category == category)
        g_array_append_val (spans, *span);
    }
  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      const CodedSpan *span = &g_array_index (spans, CodedSpan, i);
      Section *last = units->len > 0 ? &g_array_index (units, Section, units->len - 1) : NULL;

      if (last != NULL && span->start < last->end)
        last->end = MAX (last->end, span->end);
      else
        {
          Section unit = { span->start, span->end, TRUE };
          g_array_append_val (units, unit);
        }
    }

  return units;
}

/* The units with the gaps between them: the whole article, in order. */
static GArray *
sections_of (GArray *units,
             guint   length)
{
  GArray *sections = g_array_new (FALSE, FALSE, sizeof (Section));
  guint pos = 0;

  for (guint i = 0; i <= units->len; i++)
    {
      guint next = i < units->len ? g_array_index (units, Section, i).start : length;

      if (next > pos)
        {
          Section gap = { pos, next, FALSE };
          g_array_append_val (sections, gap);
        }
      if (i < units->len)
        {
          g_array_append_val (sections, g_array_index (units, Section, i));
          pos = g_array_index (units, Section, i).end;
        }
    }

  return sections;
}

static double
square (double x)
{
  return x * x;
}

/* Krippendorff's distance of two sections that overlap, one of each coder:
 * two units, by how far their ends lie apart; a unit inside the other's
 * gap, by its length; otherwise none. */
static double
section_distance (const Section *x,
                  const Section *y)
{
  if (x->unit && y->unit)
    return square ((double) x->start - y->start) + square ((double) x->end - y->end);
  if (x->unit && !y->unit && y->start <= x->start && x->end <= y->end)
    return square ((double) x->end - x->start);
  if (!x->unit && y->unit && x->start <= y->start && y->end <= x->end)
    return square ((double) y->end - y->start);
  return 0;
}

/* The distances of every section of one coder with every section of the
 * other that overlaps it: both cover the article, so walking them side by
 * side meets each such pair once. */
static double
pair_distance (GArray *a,
               GArray *b)
{
  double sum = 0;
  guint i = 0, j = 0;

  while (i < a->len && j < b->len)
    {
      const Section *x = &g_array_index (a, Section, i);
      const Section *y = &g_array_index (b, Section, j);

      sum += section_distance (x, y);
      if (x->end <= y->end)
        i++;
      if (y->end <= x->end)
        j++;
    }

  return sum;
}

/* Code points marked by m coders, from the coders' units: a sweep over
 * their starts and ends. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
tally_coverage (Tally   *tally,
                GArray **units,
                guint    length)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint count = 0, pos = 0;

  for (guint r = 0; r < tally->n_coders; r++)
    for (guint i = 0; i < units[r]->len; i++)
      {
        const Section *unit = &g_array_index (units[r], Section, i);
        /* position × 2, plus 1 for a start */
        gint64 start = (gint64) unit->start * 2 + 1, end = (gint64) unit->end * 2;

        g_array_append_val (events, start);
        g_array_append_val (events, end);
        tally->ones[r] += unit->end - unit->start;
      }
  g_array_sort (events, compare_events);

  for (guint i = 0; i < events->len; i++)
    {
      gint64 event = g_array_index (events, gint64, i);
      guint at = (guint) (event / 2);

      tally->histogram[count] += at - pos;
      pos = at;
      if (event % 2 == 1)
        count++;
      else
        count--;
    }
  tally->histogram[count] += length - pos;
  tally->n_units += length;
}

static void
tally_article (Tally   *tally,
               Article *a,
               guint    category)
{
  g_autofree GArray **units = g_new0 (GArray *, tally->n_coders);
  g_autofree GArray **sections = g_new0 (GArray *, tally->n_coders);

  for (guint r = 0; r < tally->n_coders; r++)
    {
      units[r] = coder_units (a, r, category);
      sections[r] = sections_of (units[r], a->length);

      for (guint i = 0; i < sections[r]->len; i++)
        {
          const Section *s = &g_array_index (sections[r], Section, i);
          double l = (double) s->end - s->start;

          g_array_append_val (s->unit ? tally->unit_lengths : tally->gap_lengths, l);
          if (s->unit)
            {
              tally->n_c++;
              tally->self_pairs += l * (l - 1);
            }
        }
    }

  tally_coverage (tally, units, a->length);

  for (guint r1 = 0; r1 < tally->n_coders; r1++)
    for (guint r2 = r1 + 1; r2 < tally->n_coders; r2++)
      tally->distances += pair_distance (sections[r1], sections[r2]);

  for (guint r = 0; r < tally->n_coders; r++)
    {
      g_array_unref (units[r]);
      g_array_unref (sections[r]);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Krippendorff's expected disagreement of unitizing (2004), as DKPro
 * Statistics computes it: every unit of the category set against every
 * other unit and against every gap at least as long, of every coder. */
static double
expected_disagreement (Tally *tally)
{
  GArray *gaps = tally->gap_lengths;
  g_autofree double *tail = NULL;
  double total = tally->n_coders * tally->n_units;
  double sum = 0;

  /* tail[i]: the sum of the gaps from i on, the gaps sorted */
  g_array_sort (gaps, compare_doubles);
  tail = g_new0 (double, gaps->len + 1);
  for (guint i = gaps->len; i > 0; i--)
    tail[i - 1] = tail[i] + g_array_index (gaps, double, i - 1);

  for (guint i = 0; i < tally->unit_lengths->len; i++)
    {
      double l = g_array_index (tally->unit_lengths, double, i);
      guint lo = 0, hi = gaps->len;

      /* the first gap at least l long */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (gaps, double, mid) < l)
            lo = mid + 1;
          else
            hi = mid;
        }

      sum += (tally->n_c - 1) * (2 * l * l * l - 3 * l * l + l) / 3;
      sum += l * l * (tail[lo] - (gaps->len - lo) * (l - 1));
    }

  return sum * 2 / tally->n_units / (total * (total - 1) - tally->self_pairs);
}

static void
figure_set (GlsAgreementFigure    *figure,
            gboolean               defined,
            double                 value,
            GlsAgreementUndefined  why)
{
  figure->undefined = defined ? GLS_AGREEMENT_DEFINED : why;
  figure->value = defined ? value : 0;
}

static void
finish_figures (Tally               *tally,
                GlsAgreementFigures *figures)
{
  guint k = tally->n_coders;
  double n = tally->n_units;
  double n1 = 0, disagreeing = 0, agreeing = 0;

  for (guint m = 0; m <= k; m++)
    {
      n1 += m * tally->histogram[m];
      disagreeing += tally->histogram[m] * m * (k - m) / (k - 1);
      agreeing += tally->histogram[m] * ((double) m * (m - 1) + (double) (k - m) * (k - m - 1));
    }

  if (n == 0)
    {
      figure_set (&figures->kappa, FALSE, 0, GLS_AGREEMENT_NO_UNITS);
      figure_set (&figures->alpha, FALSE, 0, GLS_AGREEMENT_NO_UNITS);
    }
  else
    {
      double p_o, p_e;
      gboolean one_value = n1 == 0 || n1 == n * k;

      if (k == 2)
        {
          /* Cohen: chance from each coder's own proportion */
          double p_a = tally->ones[0] / n, p_b = tally->ones[1] / n;

          p_o = (tally->histogram[0] + tally->histogram[2]) / n;
          p_e = p_a * p_b + (1 - p_a) * (1 - p_b);
          figure_set (&figures->kappa, !((tally->ones[0] == 0 && tally->ones[1] == 0) ||
                                         (tally->ones[0] == n && tally->ones[1] == n)),
                      (p_o - p_e) / (1 - p_e), GLS_AGREEMENT_CHANCE_IS_ONE);
        }
      else
        {
          /* Fleiss: agreeing pairs of coders, chance from the pooled proportion */
          double p = n1 / (n * k);

          p_o = agreeing / (n * k * (k - 1));
          p_e = p * p + (1 - p) * (1 - p);
          figure_set (&figures->kappa, !one_value, (p_o - p_e) / (1 - p_e), GLS_AGREEMENT_CHANCE_IS_ONE);
        }

      /* Krippendorff, nominal, every coder coding every code point */
      figure_set (&figures->alpha, !one_value,
                  1 - (n * k - 1) * disagreeing / ((n * k - n1) * n1), GLS_AGREEMENT_ONE_VALUE);
    }

  if (tally->n_c == 0)
    {
      figures->observed = figures->expected = 0;
      figure_set (&figures->alpha_u, FALSE, 0, GLS_AGREEMENT_UNUSED);
    }
  else
    {
      figures->observed = 2 * tally->distances / ((double) k * (k - 1) * n * n);
      figures->expected = expected_disagreement (tally);
      figure_set (&figures->alpha_u, figures->expected > 0, 1 - figures->observed / figures->expected,
                  GLS_AGREEMENT_ONE_VALUE);
    }
}

/**
 * gls_agreement_compute:
 * @article: an article, or %GLS_AGREEMENT_POOLED for all of them, the
 *   code points of all as one continuum
 *
 * The figures of @category. A coder who never used it counts as having
 * marked nothing. Needs two coders or more.
 */
void
gls_agreement_compute (GlsAgreement        *self,
                       int                  article,
                       const char          *category,
                       GlsAgreementFigures *figures)
{
  Tally tally = { 0, };
  guint first, last;
  gpointer index;

  g_return_if_fail (self != NULL);
  g_return_if_fail (category != NULL);
  g_return_if_fail (figures != NULL);
  g_return_if_fail (self->coders->len >= 2);

  tally.n_coders = self->coders->len;
  tally.histogram = g_new0 (double, tally.n_coders + 1);
  tally.ones = g_new0 (double, tally.n_coders);
  tally.unit_lengths = g_array_new (FALSE, FALSE, sizeof (double));
  tally.gap_lengths = g_array_new (FALSE, FALSE, sizeof (double));

  article_range (self, article, &first, &last);
  if (g_hash_table_lookup_extended (self->category_index, category, NULL, &index))
    for (guint i = first; i < last; i++)
      tally_article (&tally, g_ptr_array_index (self->articles, i), GPOINTER_TO_UINT (index));
  else
    for (guint i = first; i < last; i++)
      tally.n_units += ((Article *) g_ptr_array_index (self->articles, i))->length;

  finish_figures (&tally, figures);

  g_free (tally.histogram);
  g_free (tally.ones);
  g_array_unref (tally.unit_lengths);
  g_array_unref (tally.gap_lengths);
}

/**
 * gls_agreement_compute_overall:
 *
 * The unitizing alpha of all categories at once, as DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement gives it: 1 - Σ D_o / Σ D_e over the
 * categories used, not the mean of their alphas. Only @figures->alpha_u,
 * observed and expected are set.
 */
void
gls_agreement_compute_overall (GlsAgreement        *self,
                               int                  article,
                               GlsAgreementFigures *figures)
{
  g_auto(GStrv) categories = NULL;
  double observed = 0, expected = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (figures != NULL);

  categories = gls_agreement_dup_categories (self, article);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      GlsAgreementFigures one;

      gls_agreement_compute (self, article, categories[i], &one);
      observed += one.observed;
      expected += one.expected;
    }

  memset (figures, 0, sizeof *figures);
  figures->observed = observed;
  figures->expected = expected;
  figure_set (&figures->alpha_u, expected > 0, 1 - observed / expected, GLS_AGREEMENT_UNUSED);
  figure_set (&figures->kappa, FALSE, 0, GLS_AGREEMENT_UNUSED);
  figure_set (&figures->alpha, FALSE, 0, GLS_AGREEMENT_UNUSED);
}

/* Returns: why a figure has no value, for people */
const char *
gls_agreement_undefined_to_string (GlsAgreementUndefined undefined)
{
  switch (undefined)
    {
    case GLS_AGREEMENT_NO_UNITS:
      return _("the article has no text");
    case GLS_AGREEMENT_CHANCE_IS_ONE:
      return _("agreement by chance is certain (p_e = 1)");
    case GLS_AGREEMENT_ONE_VALUE:
      return _("every character has the same value for every coder");
    case GLS_AGREEMENT_UNUSED:
      return _("nobody used the category");
    case GLS_AGREEMENT_DEFINED:
    default:
      g_return_val_if_reached (NULL);
    }
}
