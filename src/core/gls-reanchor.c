/* gls-reanchor.c
 * Where quoted text went after the article changed, in the order of
 * FORMAT.md §2.1: at its old offsets (exact), elsewhere word for word
 * (moved), or close enough (fuzzy), else nowhere (orphaned).
 *
 * Targets are taken in the order of their old offsets, and each is first
 * looked for where the one before it went: an insertion or a deletion
 * shifts everything after it by the same amount, so most targets are found
 * at once, and only the few near an edit search the text. The approximate
 * search is Myers' bit-parallel algorithm, in blocks of 64 rows for long
 * quotes, near the expected place first and then in the whole text. */
#define G_LOG_DOMAIN "gls-reanchor"
#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <string.h>

#include "gls-reanchor-private.h"

/* How far around the expected place the near search looks, in code points,
 * besides the length of the quote itself. */
#define NEAR_WINDOW 2048
/* At most this many equally good approximate matches are compared. */
#define MAX_CANDIDATES 512
/* Quotes shorter than this also need their context (FORMAT.md §2.1). */
#define SHORT_QUOTE 16

typedef guint64 Word;

#define WORD_BITS 64

/* A pattern for Myers' algorithm: for each character, the bit vector of
 * the rows where it occurs. U+FFFD in a quote matches any character. */
typedef struct
{
  guint       m;
  guint       n_words;
  Word       *latin;      /* 256 × n_words, for U+0000–U+00FF */
  GHashTable *other;      /* gunichar → Word[n_words] */
  Word       *none;       /* a character the pattern lacks: its wildcards */
  Word        last_bit;   /* the last row, in the last word */
  Word       *pv;         /* the column: positive and negative deltas */
  Word       *mv;
} Pattern;

/* A quote and its context as code points. */
typedef struct
{
  gunichar *chars;
  glong     length;
} Chars;

/* Where each 4-byte sequence of the text occurs, built when many quotes
 * must be looked for in the whole text: a table of positions grouped by
 * a hash of the 4 bytes (collisions are sorted out by comparing). */
#define GRAM 4
#define GRAM_BUCKETS (1 << 20)
/* Whole-text searches before the index is worth building. */
#define INDEX_AFTER 32

typedef struct
{
  guint32 *first;      /* GRAM_BUCKETS + 1: where each bucket starts in positions */
  guint32 *positions;  /* byte positions, grouped by bucket */
} GramIndex;

typedef struct
{
  GlsSource    *source;
  const char   *text;
  gsize         n_bytes;
  guint         length;
  guint         n_whole_searches;
  GramIndex    *index;
} Text;

typedef struct
{
  gboolean found;
  guint    start;
  guint    end;
  guint    distance;    /* edit distance; 0 for an exact occurrence */
  guint    context;     /* code points of prefix and suffix that match */
  guint    nearness;    /* how far from the expected place */
} Match;

static void
chars_init (Chars      *chars,
            const char *str)
{
  chars->chars = g_utf8_to_ucs4_fast (str ? str : "", -1, &chars->length);
}

static void
chars_clear (Chars *chars)
{
  g_clear_pointer (&chars->chars, g_free);
}

static Word *
pattern_row_vector (Pattern  *pattern,
                    gunichar  c,
                    gboolean  create)
{
  Word *eq;

  if (c < 256)
    return pattern->latin + c * pattern->n_words;

  eq = g_hash_table_lookup (pattern->other, GUINT_TO_POINTER (c));
  if (eq == NULL && create)
    {
      eq = g_memdup2 (pattern->none, pattern->n_words * sizeof (Word));
      g_hash_table_insert (pattern->other, GUINT_TO_POINTER (c), eq);
    }

  return eq ? eq : pattern->none;
}

/* @reversed: the pattern read from its end, for searching backwards */
static void
pattern_init (Pattern        *pattern,
              const gunichar *chars,
              guint           m,
              gboolean        reversed)
{
  g_assert (m > 0);

  pattern->m = m;
  pattern->n_words = (m + WORD_BITS - 1) / WORD_BITS;
  pattern->none = g_new0 (Word, pattern->n_words);
  pattern->latin = g_new (Word, 256 * pattern->n_words);
  pattern->other = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  pattern->last_bit = (Word) 1 << ((m - 1) % WORD_BITS);
  pattern->pv = g_new (Word, pattern->n_words);
  pattern->mv = g_new (Word, pattern->n_words);

  for (guint i = 0; i < m; i++)
    if (chars[reversed ? m - 1 - i : i] == 0xFFFD)
      pattern->none[i / WORD_BITS] |= (Word) 1 << (i % WORD_BITS);

  for (guint c = 0; c < 256; c++)
    memcpy (pattern->latin + c * pattern->n_words, pattern->none, pattern->n_words * sizeof (Word));

  for (guint i = 0; i < m; i++)
    {
      gunichar c = chars[reversed ? m - 1 - i : i];

      if (c != 0xFFFD)
        pattern_row_vector (pattern, c, TRUE)[i / WORD_BITS] |= (Word) 1 << (i % WORD_BITS);
    }
}

static void
pattern_clear (Pattern *pattern)
{
  g_clear_pointer (&pattern->none, g_free);
  g_clear_pointer (&pattern->latin, g_free);
  g_clear_pointer (&pattern->other, g_hash_table_unref);
  g_clear_pointer (&pattern->pv, g_free);
  g_clear_pointer (&pattern->mv, g_free);
}

/* Column 0 of the dynamic programming matrix: D[i][0] = i. */
static void
pattern_reset (Pattern *pattern)
{
  for (guint w = 0; w < pattern->n_words; w++)
    {
      pattern->pv[w] = ~(Word) 0;
      pattern->mv[w] = 0;
    }
}

/* One more text character: the next column, block by block, each block
 * passing the horizontal delta of its last row to the next. @top is the
 * delta of row 0: 0 when a match may start anywhere, +1 when it starts
 * at the first character scanned. Returns the delta of the last row. */
static int
pattern_advance (Pattern  *pattern,
                 gunichar  c,
                 int       top)
{
  const Word *eq_column = pattern_row_vector (pattern, c, FALSE);
  int hin = top;

  for (guint w = 0; w < pattern->n_words; w++)
    {
      Word pv = pattern->pv[w];
      Word mv = pattern->mv[w];
      Word eq = eq_column[w];
      Word high = w + 1 == pattern->n_words ? pattern->last_bit : (Word) 1 << (WORD_BITS - 1);
      Word xv, xh, ph, mh;
      int hout;

      xv = eq | mv;
      if (hin < 0)
        eq |= 1;
      xh = (((eq & pv) + pv) ^ pv) | eq;
      ph = mv | ~(xh | pv);
      mh = pv & xh;
      hout = (ph & high) ? 1 : (mh & high) ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0)
        mh |= 1;
      else if (hin > 0)
        ph |= 1;
      pattern->pv[w] = mh | ~(xv | ph);
      pattern->mv[w] = ph & xv;
      hin = hout;
    }

  return hin;
}

/* The edit distance between @pattern (built reversed when @backwards)
 * and the text that starts at @at and runs forwards (or ends at @at and
 * runs backwards), over lengths m − limit … m + limit: the smallest, the
 * length nearest m on a tie. Returns FALSE when none is within @limit. */
static gboolean
anchored_distance (const Text *text,
                   Pattern    *pattern,
                   guint       at,
                   gboolean    backwards,
                   guint       limit,
                   guint      *distance,
                   guint      *length)
{
  const char *p = gls_source_get_pointer (text->source, at);
  const char *stop = backwards ? text->text : text->text + text->n_bytes;
  guint m = pattern->m;
  guint best = G_MAXUINT, best_length = 0;
  int score = m;

  pattern_reset (pattern);

  if (m <= limit)
    {
      best = m;
      best_length = 0;
    }

  for (guint r = 1; r <= m + limit && p != stop; r++)
    {
      gunichar c;

      if (backwards)
        {
          p = g_utf8_prev_char (p);
          c = g_utf8_get_char (p);
        }
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }

      score += pattern_advance (pattern, c, 1);

      if (r + limit >= m && (guint) score <= limit &&
          ((guint) score < best ||
           ((guint) score == best && ABS ((int) r - (int) m) < ABS ((int) best_length - (int) m))))
        {
          best = score;
          best_length = r;
        }
    }

  if (best > limit)
    return FALSE;

  *distance = best;
  *length = best_length;
  return TRUE;
}

/* How many code points of the stored context match the text next to
 * [start, end), counted outwards from the quote. */
static guint
context_score (const Text  *text,
               guint        start,
               guint        end,
               const Chars *prefix,
               const Chars *suffix)
{
  const char *p = gls_source_get_pointer (text->source, start);
  guint score = 0;

  for (glong i = prefix->length - 1; i >= 0 && p > text->text; i--)
    {
      p = g_utf8_prev_char (p);
      if (prefix->chars[i] != 0xFFFD && prefix->chars[i] != g_utf8_get_char (p))
        break;
      score++;
    }

  p = gls_source_get_pointer (text->source, end);
  for (glong i = 0; i < suffix->length && p < text->text + text->n_bytes; i++)
    {
      if (suffix->chars[i] != 0xFFFD && suffix->chars[i] != g_utf8_get_char (p))
        break;
      score++;
      p = g_utf8_next_char (p);
    }

  return score;
}

/* Whether the text around [start, end) is the stored context byte for
 * byte: the common case after an edit elsewhere, told without decoding. */
static gboolean
context_is_whole (const Text *text,
                  guint       start,
                  guint       end,
                  const char *prefix,
                  const char *suffix)
{
  gsize prefix_bytes = prefix ? strlen (prefix) : 0;
  gsize suffix_bytes = suffix ? strlen (suffix) : 0;
  const char *before = gls_source_get_pointer (text->source, start);
  const char *after = gls_source_get_pointer (text->source, end);

  return (gsize) (before - text->text) >= prefix_bytes &&
         memcmp (before - prefix_bytes, prefix ? prefix : "", prefix_bytes) == 0 &&
         (gsize) (text->text + text->n_bytes - after) >= suffix_bytes &&
         memcmp (after, suffix ? suffix : "", suffix_bytes) == 0;
}

/* Whether @candidate beats @best: smaller distance, then more context,
 * then nearer. */
static gboolean
match_better (const Match *candidate,
              const Match *best)
{
  if (!best->found)
    return TRUE;
  if (candidate->distance != best->distance)
    return candidate->distance < best->distance;
  if (candidate->context != best->context)
    return candidate->context > best->context;
  return candidate->nearness < best->nearness;
}

static guint
nearness (guint start,
          guint expected)
{
  return start > expected ? start - expected : expected - start;
}

/* The longest run of the quote without U+FFFD, to search for with memmem():
 * its bytes, and how many code points of the quote come before it. */
static const char *
literal_run (const char *quote,
             gsize      *n_bytes,
             guint      *offset)
{
  const char *best = NULL;
  gsize best_bytes = 0;
  guint best_offset = 0;
  const char *run = quote;
  guint run_offset = 0, position = 0;

  for (const char *p = quote;; p = g_utf8_next_char (p))
    {
      gboolean at_end = *p == '\0';

      if (at_end || g_utf8_get_char (p) == 0xFFFD)
        {
          if ((gsize) (p - run) > best_bytes)
            {
              best = run;
              best_bytes = p - run;
              best_offset = run_offset;
            }
          if (at_end)
            break;
          run = g_utf8_next_char (p);
          run_offset = position + 1;
        }
      position++;
    }

  *n_bytes = best_bytes;
  *offset = best_offset;
  return best;
}

static guint32
gram_hash (const guchar *p)
{
  guint32 x = (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;

  return (x * 2654435761u) >> (32 - 20);
}

static GramIndex *
gram_index_new (const Text *text)
{
  GramIndex *index = g_new0 (GramIndex, 1);
  const guchar *t = (const guchar *) text->text;
  gsize n = text->n_bytes >= GRAM ? text->n_bytes - GRAM + 1 : 0;

  index->first = g_new0 (guint32, GRAM_BUCKETS + 1);
  index->positions = g_new (guint32, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    index->first[gram_hash (t + i) + 1]++;
  for (guint b = 0; b < GRAM_BUCKETS; b++)
    index->first[b + 1] += index->first[b];
  {
    g_autofree guint32 *fill = g_memdup2 (index->first, GRAM_BUCKETS * sizeof (guint32));

    for (gsize i = 0; i < n; i++)
      index->positions[fill[gram_hash (t + i)]++] = i;
  }

  return index;
}

static void
gram_index_free (GramIndex *index)
{
  g_free (index->first);
  g_free (index->positions);
  g_free (index);
}

typedef struct
{
  const char  *quote;
  guint        quote_length;
  const Chars *prefix;
  const Chars *suffix;
  guint        expected;
  guint        from;
  guint        to;
  guint        run_offset;
  gsize        run_bytes;
  Match       *best;
} Search;

/* The literal run of the quote was found at @hit: is the whole quote
 * there, and is it better than what was found so far? */
static void
consider_hit (const Text   *text,
              const Search *search,
              const char   *hit)
{
  Match match = { TRUE };
  guint start = gls_source_get_offset (text->source, hit);

  if (start < search->run_offset)
    return;
  start -= search->run_offset;
  if (start < search->from || start >= search->to || start + search->quote_length > text->length)
    return;
  if (search->run_bytes != strlen (search->quote) &&
      !gls_source_quote_matches (text->source, start, start + search->quote_length, search->quote))
    return;

  match.start = start;
  match.end = start + search->quote_length;
  match.context = context_score (text, match.start, match.end, search->prefix, search->suffix);
  match.nearness = nearness (start, search->expected);
  if (match_better (&match, search->best))
    *search->best = match;
}

/* Every occurrence of the run in the whole text, through the index: the
 * positions of its rarest 4 bytes, each compared. */
static void
find_in_index (const Text   *text,
               const Search *search,
               const char   *run)
{
  const guchar *r = (const guchar *) run;
  guint32 best_bucket = 0, best_size = G_MAXUINT32;
  gsize best_at = 0;

  for (gsize j = 0; j + GRAM <= search->run_bytes; j++)
    {
      guint32 bucket = gram_hash (r + j);
      guint32 size = text->index->first[bucket + 1] - text->index->first[bucket];

      if (size < best_size)
        {
          best_size = size;
          best_bucket = bucket;
          best_at = j;
        }
    }

  for (guint32 k = text->index->first[best_bucket]; k < text->index->first[best_bucket + 1]; k++)
    {
      guint32 position = text->index->positions[k];

      if (position < best_at || position - best_at + search->run_bytes > text->n_bytes)
        continue;
      if (memcmp (text->text + position - best_at, run, search->run_bytes) == 0)
        consider_hit (text, search, text->text + position - best_at);
    }
}

/* Every occurrence of the quote that starts in [from, to), the best kept
 * in @best. */
static void
find_exact (Text        *text,
            const char  *quote,
            guint        quote_length,
            const Chars *prefix,
            const Chars *suffix,
            guint        expected,
            guint        from,
            guint        to,
            Match       *best)
{
  Search search = { quote, quote_length, prefix, suffix, expected, from, to, 0, 0, best };
  const char *run = literal_run (quote, &search.run_bytes, &search.run_offset);
  const char *p, *stop;

  if (run == NULL || search.run_bytes == 0)
    return;

  /* many quotes to look for in the whole of a long text: index it once */
  if (from == 0 && to > text->length && search.run_bytes >= GRAM && text->n_bytes > 64 * 1024)
    {
      if (text->index == NULL && ++text->n_whole_searches > INDEX_AFTER)
        text->index = gram_index_new (text);
      if (text->index != NULL)
        {
          find_in_index (text, &search, run);
          return;
        }
    }

  /* the run starts @run_offset code points into each occurrence */
  p = gls_source_get_pointer (text->source, MIN ((gsize) from + search.run_offset, text->length));
  stop = gls_source_get_pointer (text->source, MIN ((gsize) to + quote_length, text->length));

  while (p < stop)
    {
      const char *hit = memmem (p, stop - p, run, search.run_bytes);

      if (hit == NULL)
        break;
      p = hit + 1;
      consider_hit (text, &search, hit);
    }
}

/* Whether the stored context @context matches the text next to @at
 * within a quarter of its length (before the quote when @before). */
static gboolean
context_matches (const Text  *text,
                 guint        at,
                 const Chars *context,
                 gboolean     before)
{
  Pattern pattern = { 0 };
  guint distance, length;
  gboolean matches;

  if (context->length == 0)
    return FALSE;

  pattern_init (&pattern, context->chars, context->length, before);
  matches = anchored_distance (text, &pattern, at, before, _gls_edit_distance_limit (context->length),
                               &distance, &length);
  pattern_clear (&pattern);

  return matches;
}

/* The best approximate occurrence of the quote that ends in (from, to]. */
static void
find_fuzzy (const Text  *text,
            Pattern     *forward,
            Pattern     *backward,
            const Chars *quote,
            const Chars *prefix,
            const Chars *suffix,
            guint        expected,
            guint        from,
            guint        to,
            GCancellable *cancellable,
            Match       *best)
{
  guint limit = _gls_edit_distance_limit (quote->length);
  const char *p = gls_source_get_pointer (text->source, from);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint best_score = limit + 1;
  int score = quote->length;

  pattern_reset (forward);

  for (guint j = from; j < to; j++)
    {
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      score += pattern_advance (forward, c, 0);

      if ((guint) score < best_score)
        {
          best_score = score;
          g_array_set_size (ends, 0);
        }
      if ((guint) score == best_score && ends->len < MAX_CANDIDATES)
        {
          guint end = j + 1;
          g_array_append_val (ends, end);
        }

      if ((j & 0xFFFFF) == 0 && g_cancellable_is_cancelled (cancellable))
        return;
    }

  for (guint i = 0; i < ends->len; i++)
    {
      guint end = g_array_index (ends, guint, i);
      Match match = { TRUE };
      guint length;

      if (!anchored_distance (text, backward, end, TRUE, limit, &match.distance, &length) || length == 0)
        continue;

      match.start = end - length;
      match.end = end;

      if (quote->length < SHORT_QUOTE &&
          !context_matches (text, match.start, prefix, TRUE) &&
          !context_matches (text, match.end, suffix, FALSE))
        continue;

      match.context = context_score (text, match.start, match.end, prefix, suffix);
      match.nearness = nearness (match.start, expected);
      if (match_better (&match, best))
        *best = match;
    }
}

/**
 * _gls_edit_distance_limit:
 *
 * Returns: the largest edit distance at which a quote of @quote_length
 *   code points still counts as found: a quarter of its length
 */
guint
_gls_edit_distance_limit (guint quote_length)
{
  return quote_length / 4;
}

/* Returns whether the place found says where the text around it went:
 * not so for a quote found far away with little of its context. */
static gboolean
reanchor_one (Text              *text,
              GlsReanchorTarget *target,
              guint              expected,
              GCancellable      *cancellable)
{
  gboolean telling = FALSE;
  glong quote_length;
  Chars quote, prefix, suffix;
  guint max_context;
  guint near_from, near_to;
  Match best = { FALSE };

  target->anchor = GLS_ANCHOR_ORPHANED;
  target->start = target->old_start;
  target->end = target->old_end;

  if (target->exact == NULL || *target->exact == '\0')
    return FALSE;

  /* 1. exact: where it was */
  quote_length = g_utf8_strlen (target->exact, -1);
  if (target->old_start + quote_length == target->old_end && target->old_end <= text->length &&
      gls_source_quote_matches (text->source, target->old_start, target->old_end, target->exact))
    {
      target->anchor = GLS_ANCHOR_OK;
      return TRUE;
    }

  /* 2. moved, the common case: where the target before it went, with
   * the whole of its context */
  expected = MIN (expected, text->length);
  if (expected + quote_length <= text->length &&
      gls_source_quote_matches (text->source, expected, expected + quote_length, target->exact) &&
      context_is_whole (text, expected, expected + quote_length, target->prefix, target->suffix))
    {
      target->anchor = GLS_ANCHOR_MOVED;
      target->start = expected;
      target->end = expected + quote_length;
      return TRUE;
    }

  chars_init (&quote, target->exact);
  chars_init (&prefix, target->prefix);
  chars_init (&suffix, target->suffix);
  max_context = prefix.length + suffix.length;

  /* 2. moved: near the expected place, then anywhere; context decides,
   * then nearness. An occurrence near the expected place whose whole
   * context matches cannot be beaten. */
  near_from = expected > NEAR_WINDOW ? expected - NEAR_WINDOW : 0;
  near_to = MIN ((gsize) expected + quote.length + NEAR_WINDOW, text->length);

  if (expected + quote.length <= text->length &&
      gls_source_quote_matches (text->source, expected, expected + quote.length, target->exact) &&
      context_score (text, expected, expected + quote.length, &prefix, &suffix) == max_context)
    {
      best = (Match) { TRUE, expected, expected + quote.length, 0, max_context, 0 };
    }
  else
    {
      find_exact (text, target->exact, quote.length, &prefix, &suffix, expected,
                  near_from, near_to + 1, &best);
      if (!(best.found && best.context == max_context) && (near_from > 0 || near_to < text->length))
        find_exact (text, target->exact, quote.length, &prefix, &suffix, expected,
                    0, text->length + 1, &best);
    }

  if (best.found)
    {
      target->anchor = GLS_ANCHOR_MOVED;
    }
  else if (_gls_edit_distance_limit (quote.length) > 0)
    {
      /* 3. fuzzy: the nearest approximate match, then anywhere */
      Pattern forward = { 0 }, backward = { 0 };

      pattern_init (&forward, quote.chars, quote.length, FALSE);
      pattern_init (&backward, quote.chars, quote.length, TRUE);

      find_fuzzy (text, &forward, &backward, &quote, &prefix, &suffix, expected,
                  near_from, near_to, cancellable, &best);
      if (!best.found && (near_from > 0 || near_to < text->length))
        find_fuzzy (text, &forward, &backward, &quote, &prefix, &suffix, expected,
                    0, text->length, cancellable, &best);

      pattern_clear (&forward);
      pattern_clear (&backward);

      if (best.found)
        target->anchor = best.distance == 0 ? GLS_ANCHOR_MOVED : GLS_ANCHOR_FUZZY;
    }

  if (best.found)
    {
      telling = best.nearness <= NEAR_WINDOW || 2 * best.context >= max_context;
      target->start = best.start;
      target->end = best.end;
      if (target->anchor == GLS_ANCHOR_MOVED && target->start == target->old_start &&
          target->end == target->old_end)
        target->anchor = GLS_ANCHOR_OK;
    }

  chars_clear (&quote);
  chars_clear (&prefix);
  chars_clear (&suffix);

  return telling;
}

static int
compare_old_start (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const GlsReanchorTarget *targets = user_data;
  const GlsReanchorTarget *x = &targets[*(const guint *) a];
  const GlsReanchorTarget *y = &targets[*(const guint *) b];

  if (x->old_start != y->old_start)
    return x->old_start < y->old_start ? -1 : 1;
  if (x->old_end != y->old_end)
    return x->old_end < y->old_end ? -1 : 1;
  return 0;
}

/**
 * _gls_reanchor_find:
 * @targets: (array length=n_targets): what the sidecar says of each
 *   target; the result is written into them
 *
 * Looks for each target's quote in @source, as FORMAT.md §2.1 says.
 * This may take a while on a long text: call it in a worker thread.
 *
 * Returns: FALSE when cancelled
 */
gboolean
_gls_reanchor_find (GlsSource          *source,
                    GlsReanchorTarget  *targets,
                    guint               n_targets,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autofree guint *order = g_new (guint, n_targets);
  Text text = { 0 };
  gint64 shift = 0;
  gboolean done;

  g_return_val_if_fail (GLS_IS_SOURCE (source), FALSE);

  text.source = source;
  text.text = gls_source_get_text (source, &text.n_bytes);
  text.length = gls_source_get_length (source);

  for (guint i = 0; i < n_targets; i++)
    order[i] = i;
  g_qsort_with_data (order, n_targets, sizeof (guint), compare_old_start, targets);

  for (guint i = 0; i < n_targets; i++)
    {
      GlsReanchorTarget *target = &targets[order[i]];
      gint64 expected = (gint64) target->old_start + shift;

      if ((i & 0xFF) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      /* the next target is expected where this one's neighbourhood went */
      if (reanchor_one (&text, target, CLAMP (expected, 0, (gint64) text.length), cancellable))
        shift = (gint64) target->start - (gint64) target->old_start;
    }

  done = !g_cancellable_set_error_if_cancelled (cancellable, error);
  g_clear_pointer (&text.index, gram_index_free);

  return done;
}
