/* bench-data.c
 * Writes a large English-like article and a sidecar full of annotations
 * through the core API, the same every time, for the benchmarks. */
#define G_LOG_DOMAIN "bench-data"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "gls-core.h"

#include "bench-data.h"

/* Every run draws the same article and the same annotations. */
#define BENCH_SEED 20261122u

/* Most words are plain ASCII; a few are not, so that byte and code point
 * offsets differ as they do in real text. */
static const char *word_list[] = {
  "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was",
  "with", "be", "by", "on", "not", "he", "she", "this", "are", "or", "his",
  "her", "from", "at", "which", "but", "have", "an", "had", "they", "you",
  "were", "their", "one", "all", "we", "can", "been", "has", "there", "more",
  "if", "no", "when", "so", "said", "would", "what", "about", "up", "its",
  "out", "into", "them", "than", "only", "other", "new", "some", "could",
  "time", "these", "two", "may", "first", "then", "do", "any", "like", "my",
  "now", "over", "such", "our", "man", "me", "even", "most", "made", "after",
  "also", "did", "many", "before", "must", "through", "back", "years",
  "where", "much", "your", "way", "well", "down", "should", "because",
  "each", "just", "those", "people", "how", "too", "little", "state",
  "good", "very", "make", "world", "still", "own", "see", "men", "work",
  "long", "get", "here", "between", "both", "life", "being", "under",
  "never", "day", "same", "another", "know", "while", "last", "might", "us",
  "great", "old", "year", "off", "come", "since", "against", "go", "came",
  "right", "used", "take", "three", "government", "minister", "officials",
  "report", "according", "percent", "million", "statement", "deported",
  "citizens", "agency", "spokesperson", "confirmed", "approximately",
  "announced", "spokesman", "claimed", "evidence", "election", "economy",
  "policy", "crisis", "border", "court", "ruling", "protest", "inflation",
  "wages", "prices", "quarter", "survey", "analysts", "committee",
  "café", "naïve", "Zürich", "résumé", "façade", "jalapeño", "Malmö",
  "São", "Kraków", "coöperate", "déjà", "piñata",
};

typedef struct
{
  guint start;  /* code points, [start, end) */
  guint end;
} WordSpan;

typedef struct
{
  GRand     *rand;
  GString   *text;
  GArray    *words;         /* WordSpan of every word, in text order */
  guint     *word_lengths;  /* code points of each entry of word_list */
  guint      length;        /* code points written so far */
  BenchShape shape;
} Generator;

static guint
random_below (Generator *gen,
              guint      n)
{
  return n <= 1 ? 0 : (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
}

static void
append_ascii (Generator  *gen,
              const char *s)
{
  g_string_append (gen->text, s);
  gen->length += strlen (s);
}

/* A paragraph of 40–120 words in sentences of 6–20 words. */
static void
append_paragraph (Generator *gen)
{
  guint n_words = 40 + random_below (gen, 81);
  guint left_in_sentence = 0;

  for (guint i = 0; i < n_words; i++)
    {
      guint w = random_below (gen, G_N_ELEMENTS (word_list));
      WordSpan span;
      gsize at;

      if (i > 0)
        append_ascii (gen, " ");

      at = gen->text->len;
      span.start = gen->length;
      g_string_append (gen->text, word_list[w]);
      gen->length += gen->word_lengths[w];
      span.end = gen->length;
      g_array_append_val (gen->words, span);

      if (left_in_sentence == 0)
        {
          /* Capitalises the first letter of a sentence (all list words
           * start with ASCII). */
          gen->text->str[at] = g_ascii_toupper (gen->text->str[at]);
          left_in_sentence = 6 + random_below (gen, 15);
        }

      if (--left_in_sentence == 0 || i + 1 == n_words)
        {
          append_ascii (gen, ".");
          left_in_sentence = 0;
        }
      else if (random_below (gen, 12) == 0)
        append_ascii (gen, ",");
    }
}

/* A note of a few words, with what an XML writer must escape, a line
 * break and non-ASCII text. */
static char *
make_note (Generator *gen,
           guint      number)
{
  GString *note = g_string_new (NULL);
  guint n_words = 5 + random_below (gen, 26);

  g_string_append_printf (note, "Check #%u: ", number);
  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, word_list[random_below (gen, G_N_ELEMENTS (word_list))]);
    }
  switch (number % 4)
    {
    case 0:
      g_string_append (note, " — source says “about 100” & <more>.");
      break;
    case 1:
      g_string_append (note, ".\nSecond line: ask the café desk.");
      break;
    default:
      g_string_append_c (note, '.');
    }

  return g_string_free (note, FALSE);
}

static gboolean
write_article (Generator   *gen,
               const char  *path,
               gsize        text_bytes,
               GError     **error)
{
  gen->text = g_string_sized_new (text_bytes + 2048);
  gen->words = g_array_sized_new (FALSE, FALSE, sizeof (WordSpan), text_bytes / 5 + 256);

  do
    {
      if (gen->text->len > 0)
        append_ascii (gen, gen->shape == BENCH_SHAPE_PARAGRAPHS ? "\n\n" : "  ");
      append_paragraph (gen);
    }
  while (gen->text->len < text_bytes);
  append_ascii (gen, "\n");

  /* the same characters, in lines of about 80 words */
  if (gen->shape == BENCH_SHAPE_SHORT_LINES)
    {
      guint spaces = 0;

      for (gsize i = 0; i < gen->text->len; i++)
        if (gen->text->str[i] == ' ' && ++spaces % 80 == 0)
          gen->text->str[i] = '\n';
    }

  return g_file_set_contents (path, gen->text->str, gen->text->len, error);
}

typedef struct
{
  guint first;  /* word indices, both included */
  guint last;
} WordRange;

/* A span that overlaps @base: it crosses its end, lies inside it, or
 * contains it. @reach is how many words a span may stick out. */
static WordRange
overlapping_range (Generator *gen,
                   WordRange  base,
                   guint      reach)
{
  guint last_word = gen->words->len - 1;
  guint n = base.last - base.first + 1;
  WordRange range;

  switch (random_below (gen, 3))
    {
    case 0: /* starts inside, ends after */
      range.first = base.first + (n > 1 ? 1 + random_below (gen, n - 1) : 0);
      range.last = MIN (last_word, base.last + 1 + random_below (gen, reach));
      break;

    case 1: /* inside (possibly the same words) */
      range.first = base.first + random_below (gen, n);
      range.last = range.first + random_below (gen, base.last - range.first + 1);
      break;

    default: /* contains */
      range.first = base.first - MIN (base.first, 1 + random_below (gen, reach));
      range.last = MIN (last_word, base.last + random_below (gen, reach + 1));
      break;
    }

  return range;
}

static gboolean
annotate_range (Generator    *gen,
                GlsDocument  *document,
                WordRange     range,
                guint         number,
                GError      **error)
{
  GlsCodebook *codebook = gls_document_get_codebook (document);
  guint n_categories = gls_codebook_get_n_categories (codebook);
  GlsCategory *category = gls_codebook_get_category (codebook, number % n_categories);
  const WordSpan *first = &g_array_index (gen->words, WordSpan, range.first);
  const WordSpan *last = &g_array_index (gen->words, WordSpan, range.last);
  GlsAnnotation *annotation;

  annotation = gls_document_annotate (document, gls_category_get_id (category),
                                      first->start, last->end, error);
  if (annotation == NULL)
    return FALSE;

  if (number % 10 == 0)
    {
      g_autofree char *note = make_note (gen, number);
      gls_document_set_annotation_note (document, annotation, note);
    }

  return TRUE;
}

/* Two thirds of the annotations are spread evenly over the text without
 * overlapping each other; every other one of those gets a companion that
 * overlaps it, which makes the remaining third. */
static gboolean
add_annotations (Generator    *gen,
                 GlsDocument  *document,
                 guint         n_annotations,
                 GError      **error)
{
  guint n_words = gen->words->len;
  guint n_overlapping = n_annotations / 3;
  guint n_base = n_annotations - n_overlapping;
  double stride = n_base > 0 ? (double) n_words / n_base : 0;
  guint reach = CLAMP ((guint) (stride / 3), 1, 8);
  guint number = 0;
  guint next_overlapping = 0;

  for (guint k = 0; k < n_base; k++)
    {
      WordRange base;

      base.first = MIN ((guint) (k * stride), n_words - 1);
      base.last = MIN (base.first + random_below (gen, reach), n_words - 1);
      if (!annotate_range (gen, document, base, number++, error))
        return FALSE;

      while (next_overlapping < n_overlapping &&
             (guint64) next_overlapping * n_base / n_overlapping == k)
        {
          if (!annotate_range (gen, document, overlapping_range (gen, base, reach), number++, error))
            return FALSE;
          next_overlapping++;
        }
    }

  g_assert (number == n_annotations);

  return TRUE;
}

/**
 * bench_generate:
 * @dir: an existing folder
 * @text_bytes: the article's size, at least (it ends with a whole paragraph)
 * @n_annotations: how many annotations the sidecar holds
 * @out_source: (out) (optional): the article's file
 *
 * Writes `DIR/bench-article.txt`, pseudo-random English-like UTF-8 in
 * paragraphs of 40–120 words, and its sidecar, made and saved through
 * GlsDocument with the built-in codebook: @n_annotations annotations over
 * whole words spread through the text, a third of them overlapping another
 * one, a tenth with a note, categories taken in turn from the codebook.
 * An existing sidecar there is replaced. The same arguments always give
 * the same text and spans (ids and times differ).
 */
gboolean
bench_generate (const char  *dir,
                gsize        text_bytes,
                guint        n_annotations,
                GFile      **out_source,
                GError     **error)
{
  return bench_generate_shaped (dir, text_bytes, n_annotations, BENCH_SHAPE_PARAGRAPHS, out_source, error);
}

/**
 * bench_generate_shaped:
 * @shape: how the text is cut into lines
 *
 * As bench_generate(), with the paragraphs' breaks chosen by @shape; the
 * shapes other than paragraphs have the same characters at the same
 * offsets, and the same annotations, for the same arguments.
 */
gboolean
bench_generate_shaped (const char  *dir,
                       gsize        text_bytes,
                       guint        n_annotations,
                       BenchShape   shape,
                       GFile      **out_source,
                       GError     **error)
{
  g_autofree char *path = g_build_filename (dir, BENCH_ARTICLE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) sidecar = gls_sidecar_file_for_source (file);
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  Generator gen = { 0, };
  gboolean ok = FALSE;

  g_return_val_if_fail (dir != NULL, FALSE);

  gen.rand = g_rand_new_with_seed (BENCH_SEED);
  gen.shape = shape;
  gen.word_lengths = g_new (guint, G_N_ELEMENTS (word_list));
  for (guint i = 0; i < G_N_ELEMENTS (word_list); i++)
    gen.word_lengths[i] = g_utf8_strlen (word_list[i], -1);

  if (!write_article (&gen, path, text_bytes, error))
    goto out;

  /* The text is no longer needed, only where its words are. */
  g_string_free (g_steal_pointer (&gen.text), TRUE);

  if (!g_file_delete (sidecar, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  if ((source = gls_source_new_for_file (file, NULL, NULL, error)) == NULL)
    goto out;

  document = gls_document_new (source, NULL);
  gls_document_set_annotator (document, "Zoë Benchmark");

  /* One step to undo: the history keeps one group, not 100,000. */
  gls_document_begin_group (document);
  ok = add_annotations (&gen, document, n_annotations, error);
  gls_document_end_group (document);
  if (!ok)
    goto out;

  {
    g_autoptr(GlsDocumentFile) document_file = gls_document_file_new_for_document (document);
    ok = gls_document_file_save (document_file, NULL, error);
  }
  if (!ok)
    goto out;

  if (out_source != NULL)
    *out_source = g_object_ref (file);

out:
  if (gen.text != NULL)
    g_string_free (gen.text, TRUE);
  g_clear_pointer (&gen.words, g_array_unref);
  g_clear_pointer (&gen.word_lengths, g_free);
  g_clear_pointer (&gen.rand, g_rand_free);

  return ok;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
bench_median (double *values,
              guint   n)
{
  g_assert (n > 0);

  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void
bench_print_goal (gboolean    pass,
                  const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("%s %s\n", pass ? "PASS" : "MISS", text);
}

GFile *
bench_generate_10mb (char **dir)
{
  g_autoptr(GError) error = NULL;
  GFile *source = NULL;

  *dir = g_dir_make_tmp ("glossator-bench-XXXXXX", &error);
  g_print ("Generating a 10 MB article with 100,000 annotations…\n");
  if (*dir == NULL || !bench_generate (*dir, 10 * 1000 * 1000, 100000, &source, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return NULL;
    }

  return source;
}

void
bench_remove (const char *dir,
              GFile      *source)
{
  g_autofree char *path = g_file_get_path (source);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);

  g_unlink (path);
  g_unlink (sidecar);
  g_rmdir (dir);
}

/**
 * bench_generate_corpus:
 * @corpus: an empty folder
 *
 * The same generated article and sidecar @n_articles times, @per_folder
 * to a subfolder (so that a scan recurses as in a real corpus).
 *
 * Returns: (transfer full) (element-type filename): the paths of the
 *   sidecars, or %NULL with @error set
 */
GPtrArray *
bench_generate_corpus (const char  *corpus,
                       guint        n_articles,
                       gsize        article_bytes,
                       guint        n_annotations,
                       guint        per_folder,
                       GError     **error)
{
  g_autoptr(GFile) source = NULL;
  g_autofree char *template_dir = g_build_filename (corpus, ".template", NULL);
  g_autofree char *article = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *article_path = NULL;
  g_autofree char *sidecar_path = NULL;
  g_autoptr(GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_free);
  gsize article_len, sidecar_len;

  g_mkdir_with_parents (template_dir, 0700);
  if (!bench_generate (template_dir, article_bytes, n_annotations, &source, error))
    return NULL;
  article_path = g_file_get_path (source);
  sidecar_path = g_strconcat (article_path, ".annotations.xml", NULL);
  if (!g_file_get_contents (article_path, &article, &article_len, error) ||
      !g_file_get_contents (sidecar_path, &sidecar, &sidecar_len, error))
    return NULL;

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *folder_name = g_strdup_printf ("part-%03u", i / per_folder);
      g_autofree char *name = g_strdup_printf ("article-%05u.txt", i);
      g_autofree char *folder = g_build_filename (corpus, folder_name, NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      char *path_sidecar = g_strconcat (path, ".annotations.xml", NULL);

      g_ptr_array_add (sidecars, path_sidecar);
      g_mkdir_with_parents (folder, 0700);
      if (!g_file_set_contents (path, article, article_len, error) ||
          !g_file_set_contents (path_sidecar, sidecar, sidecar_len, error))
        return NULL;
    }

  return g_steal_pointer (&sidecars);
}
