/* test-reanchor.c
 * Annotations follow their text when the article changes (FORMAT.md §2.1),
 * on the seed articles, each edit made by the test and each expected
 * place computed from that edit; approximate matches are checked against
 * a plain dynamic-programming edit distance, independent of the Myers
 * search the program uses. */
#include "config.h"

#include <string.h>

#include "gls-core.h"
#include "gls-test-util.h"

/* ------------------------------------------------------------------ */
/* Fixtures                                                             */

typedef struct
{
  char  *dir;
  char  *path;      /* the article */
  GFile *file;
  char  *text;      /* the first seed article */
  char  *other;     /* the second */
} Fixture;

static char *
read_seed (const char *name)
{
  g_autofree char *path = g_build_filename (gls_test_shared_dir (), "corpus", "seeds", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gls_test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "article.txt", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->text = read_seed ("000_5b5f6f9e71fb7d34.txt");
  fixture->other = read_seed ("001_e2a903427bd796e1.txt");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gls_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
  g_free (fixture->text);
  g_free (fixture->other);
}

/* The code point offset of the @nth occurrence (from 0) of @needle. */
static guint
offset_of (const char *text,
           const char *needle,
           guint       nth)
{
  const char *p = text;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (nth-- == 0)
        return g_utf8_pointer_to_offset (text, p);
      p++;
    }
}

static GlsDocument *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GlsDocument *document = gls_test_load (fixture->file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Writes @text as the article, annotates @spans (one annotation each, in
 * that order) and saves. Returns the annotations' ids. */
static GPtrArray *
annotate_and_save (Fixture       *fixture,
                   const char    *text,
                   const GlsSpan *spans,
                   guint          n_spans)
{
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  gls_test_write (fixture->path, text, -1);
  document = load (fixture);
  for (guint i = 0; i < n_spans; i++)
    {
      GlsAnnotation *annotation = gls_document_annotate (document, "factual", spans[i].start, spans[i].end, &error);

      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (gls_annotation_get_id (annotation)));
    }
  g_assert_true (gls_test_save (document, &error));
  g_assert_no_error (error);

  return ids;
}

static GlsAnnotation *
lookup (GlsDocument *document,
        GPtrArray   *ids,
        guint        n)
{
  GlsAnnotation *annotation = gls_document_lookup_annotation (document, g_ptr_array_index (ids, n));

  g_assert_nonnull (annotation);
  return annotation;
}

static void
assert_at (GlsDocument *document,
           GPtrArray   *ids,
           guint        n,
           GlsAnchor    anchor,
           guint        start,
           guint        end)
{
  GlsAnnotation *annotation = lookup (document, ids, n);
  GlsSpan span = gls_annotation_get_target (annotation, 0);

  g_assert_cmpint (gls_annotation_get_anchor (annotation), ==, anchor);
  g_assert_cmpuint (span.start, ==, start);
  g_assert_cmpuint (span.end, ==, end);
}

/* [start, end) of @text as a new string */
static char *
slice (const char *text,
       guint       start,
       guint       end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);

  return g_strndup (from, g_utf8_offset_to_pointer (from, end - start) - from);
}

/* The smallest edit distance between @pattern and any substring of
 * @text: the textbook O(nm) table, row by row. */
static guint
oracle_distance (const char *pattern,
                 const char *text)
{
  glong m, n;
  g_autofree gunichar *p = g_utf8_to_ucs4_fast (pattern, -1, &m);
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (text, -1, &n);
  g_autofree guint *row = g_new (guint, m + 1);
  guint best;

  for (glong i = 0; i <= m; i++)
    row[i] = i;
  best = row[m];

  for (glong j = 1; j <= n; j++)
    {
      guint diagonal = row[0];

      row[0] = 0; /* a match may start anywhere */
      for (glong i = 1; i <= m; i++)
        {
          guint up = row[i];
          guint cost = p[i - 1] == t[j - 1] ? 0 : 1;

          row[i] = MIN (MIN (row[i] + 1, row[i - 1] + 1), diagonal + cost);
          diagonal = up;
        }
      best = MIN (best, row[m]);
    }

  return best;
}

/* The plain edit distance of two strings. */
static guint
edit_distance (const char *a,
               const char *b)
{
  glong m, n;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &m);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &n);
  g_autofree guint *row = g_new (guint, m + 1);

  for (glong i = 0; i <= m; i++)
    row[i] = i;
  for (glong j = 1; j <= n; j++)
    {
      guint diagonal = row[0];

      row[0] = j;
      for (glong i = 1; i <= m; i++)
        {
          guint up = row[i];

          row[i] = MIN (MIN (row[i] + 1, row[i - 1] + 1), diagonal + (x[i - 1] == y[j - 1] ? 0 : 1));
          diagonal = up;
        }
    }

  return row[m];
}

#define SKIP_WITHOUT_CORPUS() \
  G_STMT_START { if (gls_test_shared_dir () == NULL) { g_test_skip ("no shared corpus"); return; } } G_STMT_END

/* ------------------------------------------------------------------ */
/* The cases of the issue                                               */

/* Text inserted at the start: everything moves by its length, as one
 * step to undo, and the document is modified. */
static void
test_insertion (Fixture       *fixture,
                gconstpointer  data)
{
  const char *insert = "UPDATE, Tuesday: officials now say 120 people were on board.\n";
  guint shift;
  GlsSpan spans[3];
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autofree char *changed = NULL;
  const GlsReanchorReport *report;

  SKIP_WITHOUT_CORPUS ();

  spans[0] = (GlsSpan) { offset_of (fixture->text, "approximately 100 Iranian", 0), 0 };
  spans[0].end = spans[0].start + 25;
  spans[1] = (GlsSpan) { offset_of (fixture->text, "human rights", 1), 0 };
  spans[1].end = spans[1].start + 12;
  spans[2] = (GlsSpan) { offset_of (fixture->text, "This remains a developing story.", 0), 0 };
  spans[2].end = spans[2].start + 32;
  ids = annotate_and_save (fixture, fixture->text, spans, 3);

  changed = g_strconcat (insert, fixture->text, NULL);
  shift = g_utf8_strlen (insert, -1);
  gls_test_write (fixture->path, changed, -1);
  document = load (fixture);

  g_assert_true (gls_document_get_source_changed (document));
  g_assert_true (gls_document_get_modified (document));
  for (guint i = 0; i < 3; i++)
    assert_at (document, ids, i, GLS_ANCHOR_MOVED, spans[i].start + shift, spans[i].end + shift);

  report = gls_document_get_reanchor_report (document);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_annotations[GLS_ANCHOR_MOVED], ==, 3);
  g_assert_cmpuint (report->entries->len, ==, 3);

  /* one step back: all three as they were read, orphaned with their quotes */
  g_assert_true (gls_document_undo (document));
  g_assert_cmpuint (gls_document_get_n_orphaned (document), ==, 3);
  g_assert_false (gls_document_can_undo (document));
  g_assert_true (gls_document_redo (document));
  g_assert_cmpuint (gls_document_get_n_orphaned (document), ==, 0);
  assert_at (document, ids, 1, GLS_ANCHOR_MOVED, spans[1].start + shift, spans[1].end + shift);
}

/* A sentence deleted between annotations: those before stay, those after
 * move back by its length. */
static void
test_deletion (Fixture       *fixture,
               gconstpointer  data)
{
  const char *sentence = "Sources confirm that the arrangements for this flight were finalized swiftly. ";
  guint cut_at, cut;
  GlsSpan spans[2];
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GString) changed = g_string_new (fixture->text);
  const char *p;

  SKIP_WITHOUT_CORPUS ();

  spans[0] = (GlsSpan) { offset_of (fixture->text, "approximately 100 Iranian", 0), 0 };
  spans[0].end = spans[0].start + 25;
  spans[1] = (GlsSpan) { offset_of (fixture->text, "human rights", 0), 0 };
  spans[1].end = spans[1].start + 12;
  ids = annotate_and_save (fixture, fixture->text, spans, 2);

  p = strstr (changed->str, sentence);
  g_assert_nonnull (p);
  cut_at = g_utf8_pointer_to_offset (changed->str, p);
  cut = g_utf8_strlen (sentence, -1);
  g_string_erase (changed, p - changed->str, strlen (sentence));
  g_assert_cmpuint (cut_at, >, spans[0].end);
  g_assert_cmpuint (cut_at, <, spans[1].start);
  gls_test_write (fixture->path, changed->str, -1);
  document = load (fixture);

  assert_at (document, ids, 0, GLS_ANCHOR_OK, spans[0].start, spans[0].end);
  assert_at (document, ids, 1, GLS_ANCHOR_MOVED, spans[1].start - cut, spans[1].end - cut);
}

/* A word changed inside a quote: fuzzy, at the same place, with the old
 * quote kept for review; written as 1.1 with <previous>; accepting it
 * makes a plain 1.0 file again. */
static void
test_changed_word (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *old_quote = "from Louisiana on Monday evening";
  GlsSpan spans[1];
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GlsDocument) again = NULL;
  g_autoptr(GString) changed = g_string_new (fixture->text);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sidecar = g_strconcat (fixture->path, ".annotations.xml", NULL);
  g_autofree char *now = NULL;
  GlsAnnotation *annotation;
  const char *p;

  SKIP_WITHOUT_CORPUS ();

  spans[0] = (GlsSpan) { offset_of (fixture->text, old_quote, 0), 0 };
  spans[0].end = spans[0].start + strlen (old_quote);
  ids = annotate_and_save (fixture, fixture->text, spans, 1);

  /* "Monday" becomes "Sunday": same length, two letters */
  p = strstr (changed->str, "on Monday evening");
  changed->str[p - changed->str + 3] = 'S';
  changed->str[p - changed->str + 4] = 'u';
  gls_test_write (fixture->path, changed->str, -1);
  document = load (fixture);

  assert_at (document, ids, 0, GLS_ANCHOR_FUZZY, spans[0].start, spans[0].end);
  annotation = lookup (document, ids, 0);
  g_assert_cmpstr (gls_annotation_get_previous_quote (annotation, 0), ==, old_quote);
  now = slice (changed->str, spans[0].start, spans[0].end);
  g_assert_cmpuint (edit_distance (old_quote, now), ==, 2);
  g_assert_cmpuint (gls_document_get_n_fuzzy (document), ==, 1);

  g_assert_true (gls_test_save (document, &error));
  saved = gls_test_read (sidecar);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "version=\"1.1\""));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "anchor=\"fuzzy\""));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "<previous>from Louisiana on Monday evening</previous>"));
  g_clear_pointer (&saved, g_bytes_unref);

  /* read back: still fuzzy, still with its old quote */
  again = load (fixture);
  annotation = lookup (again, ids, 0);
  g_assert_cmpint (gls_annotation_get_anchor (annotation), ==, GLS_ANCHOR_FUZZY);
  g_assert_cmpstr (gls_annotation_get_previous_quote (annotation, 0), ==, old_quote);

  /* accepted: one step, then saved as a plain 1.0 file */
  gls_document_accept_anchor (again, annotation);
  g_assert_cmpint (gls_annotation_get_anchor (annotation), ==, GLS_ANCHOR_OK);
  g_assert_null (gls_annotation_get_previous_quote (annotation, 0));
  g_assert_true (gls_document_undo (again));
  g_assert_cmpint (gls_annotation_get_anchor (annotation), ==, GLS_ANCHOR_FUZZY);
  g_assert_true (gls_document_redo (again));
  g_assert_true (gls_test_save (again, &error));
  saved = gls_test_read (sidecar);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "version=\"1.0\""));
  g_assert_null (strstr (g_bytes_get_data (saved, NULL), "anchor="));
  g_assert_null (strstr (g_bytes_get_data (saved, NULL), "<previous>"));
}

/* A phrase that occurs three times: after the paragraph that holds the
 * annotated one moves to the end, context finds it, not nearness. */
static void
test_repeated_phrase (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GStrv) paragraphs = g_strsplit (fixture->text, "\n", -1);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *moved = NULL;
  guint n = g_strv_length (paragraphs);
  guint paragraph = 0, in_paragraph, new_start;
  GlsSpan spans[1];

  SKIP_WITHOUT_CORPUS ();

  /* the second "the United States" of the article, and its paragraph */
  spans[0].start = offset_of (fixture->text, "the United States", 1);
  spans[0].end = spans[0].start + 17;
  {
    guint at = 0;

    for (paragraph = 0; paragraph < n; paragraph++)
      {
        guint length = g_utf8_strlen (paragraphs[paragraph], -1);

        if (spans[0].start < at + length)
          break;
        at += length + 1;
      }
    in_paragraph = spans[0].start - at;
  }
  g_assert_cmpuint (paragraph, <, n - 1);
  ids = annotate_and_save (fixture, fixture->text, spans, 1);

  /* that paragraph moves to the end */
  moved = g_strdup (paragraphs[paragraph]);
  for (guint i = 0; i < n; i++)
    if (i != paragraph)
      {
        g_string_append (changed, paragraphs[i]);
        g_string_append_c (changed, '\n');
      }
  new_start = g_utf8_strlen (changed->str, -1) + in_paragraph;
  g_string_append (changed, moved);
  gls_test_write (fixture->path, changed->str, -1);
  document = load (fixture);

  assert_at (document, ids, 0, GLS_ANCHOR_MOVED, new_start, new_start + 17);
}

/* LF → CRLF: a quote within a line moves by the newlines before it; one
 * across a line break is fuzzy, one CR longer. */
static void
test_crlf (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(GStrv) lines = g_strsplit (fixture->text, "\n", -1);
  g_autofree char *changed = g_strjoinv ("\r\n", lines);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  GlsSpan spans[2];
  guint newline, before;

  SKIP_WITHOUT_CORPUS ();

  spans[0].start = offset_of (fixture->text, "human rights", 1);
  spans[0].end = spans[0].start + 12;
  /* 20 characters before the second line break and 20 after */
  newline = offset_of (fixture->text, "\n", 1);
  spans[1].start = newline - 20;
  spans[1].end = newline + 21;
  ids = annotate_and_save (fixture, fixture->text, spans, 2);

  gls_test_write (fixture->path, changed, -1);
  document = load (fixture);
  g_assert_cmpint (gls_source_get_newlines (gls_document_get_source (document)), ==, GLS_NEWLINES_CRLF);

  {
    g_autofree char *head = slice (fixture->text, 0, spans[0].start);

    before = 0;
    for (const char *p = head; *p; p++)
      before += *p == '\n';
  }
  assert_at (document, ids, 0, GLS_ANCHOR_MOVED, spans[0].start + before, spans[0].end + before);
  /* one line break before the second line break */
  assert_at (document, ids, 1, GLS_ANCHOR_FUZZY, spans[1].start + 1, spans[1].end + 2);
}

/* Saved again as UTF-16 with a byte-order mark: the mark wins over the
 * encoding the sidecar names, and every annotation is where it was. */
static void
test_utf16 (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) utf16 = g_string_new ("\xff\xfe");
  g_autofree gunichar2 *units = NULL;
  glong n_units;
  GlsSpan spans[1];

  SKIP_WITHOUT_CORPUS ();

  spans[0].start = offset_of (fixture->text, "Iranian", 4);
  spans[0].end = spans[0].start + 7;
  ids = annotate_and_save (fixture, fixture->text, spans, 1);

  units = g_utf8_to_utf16 (fixture->text, -1, NULL, &n_units, &error);
  g_assert_no_error (error);
  for (glong i = 0; i < n_units; i++)
    {
      g_string_append_c (utf16, units[i] & 0xff);
      g_string_append_c (utf16, units[i] >> 8);
    }
  g_assert_true (g_file_set_contents (fixture->path, utf16->str, utf16->len, &error));

  document = load (fixture);
  g_assert_cmpstr (gls_source_get_encoding (gls_document_get_source (document)), ==, "UTF-16LE");
  g_assert_true (gls_document_get_source_changed (document));
  assert_at (document, ids, 0, GLS_ANCHOR_OK, spans[0].start, spans[0].end);
  g_assert_cmpuint (gls_document_get_reanchor_report (document)->n_annotations[GLS_ANCHOR_OK], ==, 1);
}

/* The whole text replaced by the other article: nothing is attached to
 * text that merely looks alike. Each annotation whose quote the other
 * article lacks is orphaned unless a substring is within a quarter of its
 * length (the oracle), and then it is fuzzy there. */
static void
test_replaced (Fixture       *fixture,
               gconstpointer  data)
{
  const char *quotes[] = {
    "approximately 100 Iranian",
    "all officials involved requested anonymity",
    "Christian converts who face severe persecution",
    "This remains a developing story.",
  };
  GlsSpan spans[G_N_ELEMENTS (quotes)];
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  guint n_orphaned = 0;

  SKIP_WITHOUT_CORPUS ();

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      spans[i].start = offset_of (fixture->text, quotes[i], 0);
      spans[i].end = spans[i].start + g_utf8_strlen (quotes[i], -1);
    }
  ids = annotate_and_save (fixture, fixture->text, spans, G_N_ELEMENTS (quotes));

  gls_test_write (fixture->path, fixture->other, -1);
  document = load (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      GlsAnnotation *annotation = lookup (document, ids, i);
      guint limit = g_utf8_strlen (quotes[i], -1) / 4;
      guint best = oracle_distance (quotes[i], fixture->other);

      g_assert_null (strstr (fixture->other, quotes[i]));
      if (best > limit)
        {
          g_assert_cmpint (gls_annotation_get_anchor (annotation), ==, GLS_ANCHOR_ORPHANED);
          /* kept whole: offsets and quote as they were */
          g_assert_cmpuint (gls_annotation_get_start (annotation), ==, spans[i].start);
          g_assert_cmpstr (gls_annotation_get_target_exact (annotation, 0), ==, quotes[i]);
          n_orphaned++;
        }
      else
        {
          GlsSpan span = gls_annotation_get_target (annotation, 0);
          g_autofree char *found = slice (fixture->other, span.start, span.end);

          g_assert_cmpint (gls_annotation_get_anchor (annotation), ==, GLS_ANCHOR_FUZZY);
          g_assert_cmpuint (edit_distance (quotes[i], found), <=, limit);
        }
    }

  /* "approximately 100 Iranian" against the other article's "around 100
   * Iranian" is 7 edits from its best, over the limit of 6 */
  g_assert_cmpuint (oracle_distance (quotes[0], fixture->other), >, 6);
  g_assert_cmpuint (n_orphaned, >=, 1);
  g_assert_cmpuint (gls_document_get_n_orphaned (document), ==, n_orphaned);
}

/* A short quote on changed text needs its context too. */
static void
test_short_quote (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autoptr(GString) changed = g_string_new (fixture->text);
  const char *p;
  GlsSpan spans[2];

  SKIP_WITHOUT_CORPUS ();

  /* "100 Iranian" (11 code points: one edit allowed), twice: the first
   * keeps its context, the second (the last "Iranian", alone) loses it */
  spans[0].start = offset_of (fixture->text, "100 Iranian", 0);
  spans[0].end = spans[0].start + 11;
  spans[1].start = offset_of (fixture->text, "Iranian", 9);
  spans[1].end = spans[1].start + 7;
  ids = annotate_and_save (fixture, fixture->text, spans, 2);

  /* 100 → 10; and every other "Iranian" in the text but the first becomes "Iranien" */
  p = strstr (changed->str, "100 Iranian");
  g_string_erase (changed, p - changed->str + 2, 1);
  for (char *q = strstr (changed->str, "Iranian") + 1; (q = strstr (q, "Iranian")) != NULL; q++)
    q[5] = 'e';
  {
    const char *last = g_utf8_offset_to_pointer (changed->str, spans[1].start - 1);
    g_assert_true (g_str_has_prefix (last, "Iranien"));
  }
  gls_test_write (fixture->path, changed->str, -1);
  document = load (fixture);

  assert_at (document, ids, 0, GLS_ANCHOR_FUZZY, spans[0].start, spans[0].end - 1);
  /* seven code points: no edit allowed, and no exact occurrence near
   * enough in context is needed: "Iranian" still occurs once, so it moves
   * there, as the first step (moved) comes before fuzzy */
  assert_at (document, ids, 1, GLS_ANCHOR_MOVED,
             offset_of (changed->str, "Iranian", 0), offset_of (changed->str, "Iranian", 0) + 7);
}

/* Random edits against the oracle: a target with no exact occurrence is
 * found (fuzzy) exactly when some substring is within the limit, and the
 * text it lands on is within the limit. */
static void
test_random_edits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  guint length = g_utf8_strlen (fixture->text, -1);

  SKIP_WITHOUT_CORPUS ();

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(GPtrArray) ids = NULL;
      g_autoptr(GlsDocument) document = NULL;
      g_autoptr(GString) changed = g_string_new (fixture->text);
      GlsSpan spans[6];

      for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
        {
          spans[i].start = g_rand_int_range (rand, 0, length - 80);
          spans[i].end = spans[i].start + g_rand_int_range (rand, 16, 80);
        }
      ids = annotate_and_save (fixture, fixture->text, spans, G_N_ELEMENTS (spans));

      /* ASCII edits at random places: the seed article is ASCII around them */
      for (guint e = 0; e < 25; e++)
        {
          guint at = g_rand_int_range (rand, 0, changed->len - 1);

          if ((guchar) changed->str[at] >= 0x80)
            continue;
          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0: g_string_insert_c (changed, at, "xyz"[g_rand_int_range (rand, 0, 3)]); break;
            case 1: if ((guchar) changed->str[at + 1] < 0x80) g_string_erase (changed, at, 1); break;
            default: changed->str[at] = 'q'; break;
            }
        }
      gls_test_write (fixture->path, changed->str, -1);
      document = load (fixture);

      for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
        {
          GlsAnnotation *annotation = lookup (document, ids, i);
          g_autofree char *quote = slice (fixture->text, spans[i].start, spans[i].end);
          guint limit = (spans[i].end - spans[i].start) / 4;
          GlsAnchor anchor = gls_annotation_get_anchor (annotation);
          GlsSpan span = gls_annotation_get_target (annotation, 0);

          if (strstr (changed->str, quote) != NULL)
            {
              g_assert_cmpint (anchor, !=, GLS_ANCHOR_FUZZY);
              g_assert_cmpint (anchor, !=, GLS_ANCHOR_ORPHANED);
            }
          else if (oracle_distance (quote, changed->str) <= limit)
            {
              g_autofree char *found = slice (changed->str, span.start, span.end);

              g_assert_cmpint (anchor, ==, GLS_ANCHOR_FUZZY);
              g_assert_cmpuint (edit_distance (quote, found), <=, limit);
            }
          else
            g_assert_cmpint (anchor, ==, GLS_ANCHOR_ORPHANED);
        }
    }
}

/* A long text whose paragraphs are shuffled: each annotation must be
 * looked for in the whole text, which then gets an index of its 4-byte
 * sequences; each lands where its paragraph went. */
static void
test_paragraphs_shuffled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(GStrv) words = g_strsplit_set (fixture->text, " \n", -1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) shuffled = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocument) document = NULL;
  g_autofree guint *old_at = NULL;
  g_autofree guint *new_at = NULL;
  guint n_words = g_strv_length (words);
  GlsSpan spans[64];
  guint line_of[64];
  gsize total = 0;

  SKIP_WITHOUT_CORPUS ();

  /* 200 KB of the article's ASCII words in a random order, 400-byte lines */
  while (total < 200 * 1024)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      while (line->len < 400)
        {
          const char *word = words[g_rand_int_range (rand, 0, n_words)];
          gboolean ascii = *word != '\0';

          for (const char *c = word; *c; c++)
            ascii = ascii && (guchar) *c < 0x80;
          if (!ascii)
            continue;
          if (line->len > 0)
            g_string_append_c (line, ' ');
          g_string_append (line, word);
        }
      total += line->len + 1;
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }

  old_at = g_new (guint, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      old_at[i] = text->len;
      g_string_append (text, g_ptr_array_index (lines, i));
      g_string_append_c (text, '\n');
      g_array_append_val (order, i);
    }
  for (guint i = order->len - 1; i > 0; i--)
    {
      guint k = g_rand_int_range (rand, 0, i + 1);
      guint swap = g_array_index (order, guint, i);

      g_array_index (order, guint, i) = g_array_index (order, guint, k);
      g_array_index (order, guint, k) = swap;
    }
  new_at = g_new (guint, lines->len);
  for (guint i = 0; i < order->len; i++)
    {
      guint line = g_array_index (order, guint, i);

      new_at[line] = shuffled->len;
      g_string_append (shuffled, g_ptr_array_index (lines, line));
      g_string_append_c (shuffled, '\n');
    }

  /* one annotation in each of 64 lines spread over the text */
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      line_of[i] = i * (lines->len / G_N_ELEMENTS (spans));
      spans[i].start = old_at[line_of[i]] + g_rand_int_range (rand, 0, 300);
      spans[i].end = spans[i].start + 40;
    }
  ids = annotate_and_save (fixture, text->str, spans, G_N_ELEMENTS (spans));

  gls_test_write (fixture->path, shuffled->str, -1);
  document = load (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autofree char *quote = slice (text->str, spans[i].start, spans[i].end);
      guint want = spans[i].start - old_at[line_of[i]] + new_at[line_of[i]];

      /* a quote that occurs twice may rightly land elsewhere: skip it */
      if (strstr (strstr (shuffled->str, quote) + 1, quote) != NULL)
        continue;
      assert_at (document, ids, i, want == spans[i].start ? GLS_ANCHOR_OK : GLS_ANCHOR_MOVED, want, want + 40);
    }
}

/* The limit exactly: a 40-code-point quote with 10 letters changed is
 * fuzzy, with 11 it is orphaned. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  SKIP_WITHOUT_CORPUS ();

  for (guint n_changed = 10; n_changed <= 11; n_changed++)
    {
      g_autoptr(GPtrArray) ids = NULL;
      g_autoptr(GlsDocument) document = NULL;
      g_autoptr(GString) changed = g_string_new (fixture->text);
      g_autofree char *quote = NULL;
      g_autofree char *now = NULL;
      GlsSpan spans[1];
      char *p;

      spans[0].start = offset_of (fixture->text, "This mass deportation marks one of the", 0);
      spans[0].end = spans[0].start + 40;
      ids = annotate_and_save (fixture, fixture->text, spans, 1);

      p = g_utf8_offset_to_pointer (changed->str, spans[0].start);
      for (guint i = 0; i < n_changed; i++)
        p[i * 3] = 'Q';
      quote = slice (fixture->text, spans[0].start, spans[0].end);
      now = slice (changed->str, spans[0].start, spans[0].end);
      g_assert_cmpuint (edit_distance (quote, now), ==, n_changed);
      g_assert_cmpuint (oracle_distance (quote, changed->str), ==, n_changed);

      gls_test_write (fixture->path, changed->str, -1);
      document = load (fixture);
      if (n_changed == 10)
        assert_at (document, ids, 0, GLS_ANCHOR_FUZZY, spans[0].start, spans[0].end);
      else
        assert_at (document, ids, 0, GLS_ANCHOR_ORPHANED, spans[0].start, spans[0].end);
    }
}

/* The article is read again while the document has unsaved changes:
 * they are kept, the annotations follow the new text, and the document
 * stays modified even undone back to where it was read. */
static void
test_reload_keeps_changes (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *insert = "Correction appended at the top.\n";
  guint shift = g_utf8_strlen (insert, -1);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (fixture->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *sidecar = g_strconcat (fixture->path, ".annotations.xml", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GlsDocument *document;
  GlsAnnotation *unsaved;
  GlsSpan spans[1];
  guint start;

  SKIP_WITHOUT_CORPUS ();

  spans[0].start = offset_of (fixture->text, "human rights", 0);
  spans[0].end = spans[0].start + 12;
  ids = annotate_and_save (fixture, fixture->text, spans, 1);
  before = gls_test_read (sidecar);

  g_assert_true (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  document = gls_document_file_get_document (document_file);
  start = offset_of (fixture->text, "Louisiana", 0);
  unsaved = gls_document_annotate (document, "context", start, start + 9, &error);
  g_assert_no_error (error);
  g_ptr_array_add (ids, g_strdup (gls_annotation_get_id (unsaved)));

  changed = g_strconcat (insert, fixture->text, NULL);
  gls_test_write (fixture->path, changed, -1);
  g_assert_true (gls_document_file_reload_article (document_file, NULL, &error));
  g_assert_no_error (error);

  document = gls_document_file_get_document (document_file);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  assert_at (document, ids, 0, GLS_ANCHOR_MOVED, spans[0].start + shift, spans[0].end + shift);
  assert_at (document, ids, 1, GLS_ANCHOR_MOVED, start + shift, start + 9 + shift);
  g_assert_true (gls_document_get_modified (document));
  while (gls_document_can_undo (document))
    g_assert_true (gls_document_undo (document));
  g_assert_true (gls_document_get_modified (document));
  while (gls_document_can_redo (document))
    g_assert_true (gls_document_redo (document));

  /* nothing was written until now; then a save records the new text */
  after = gls_test_read (sidecar);
  g_assert_true (gls_test_bytes_equal (before, after));
  g_assert_true (gls_document_file_save (document_file, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_bytes_unref);
  after = gls_test_read (sidecar);
  g_assert_nonnull (strstr (g_bytes_get_data (after, NULL),
                            gls_source_get_sha256 (gls_document_get_source (document))));
  g_assert_false (gls_document_get_modified (document));
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
on_source_changed (gboolean *changed)
{
  *changed = TRUE;
}

/* Another program changes the article while it is open: a save is
 * refused (the old hash is never written over the new text) and the
 * sidecar stays byte for byte; after a reload it saves. */
static void
test_save_refused_after_change (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (fixture->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *sidecar = g_strconcat (fixture->path, ".annotations.xml", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gboolean source_changed = FALSE;
  gint64 deadline;
  GlsSpan spans[1];

  SKIP_WITHOUT_CORPUS ();

  spans[0].start = offset_of (fixture->text, "human rights", 0);
  spans[0].end = spans[0].start + 12;
  ids = annotate_and_save (fixture, fixture->text, spans, 1);
  before = gls_test_read (sidecar);

  {
    g_autoptr(GMainLoop) loop = NULL;
    GAsyncResult *result = NULL;

    /* loaded asynchronously: the files are watched from then on */
    gls_document_file_load_async (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, on_loaded, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gls_document_file_load_finish (document_file, result, &error));
    g_object_unref (result);
  }
  g_signal_connect_swapped (document_file, "source-changed", G_CALLBACK (on_source_changed), &source_changed);
  gls_document_set_note (gls_document_file_get_document (document_file), "an unsaved note");

  changed = g_strconcat ("New first line.\n", fixture->text, NULL);
  gls_test_write (fixture->path, changed, -1);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!source_changed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (source_changed);
  g_assert_true (gls_document_file_get_article_changed (document_file));

  g_assert_false (gls_document_file_save (document_file, NULL, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_SOURCE_CHANGED);
  g_assert_nonnull (strstr (error->message, "article.txt"));
  g_clear_error (&error);
  after = gls_test_read (sidecar);
  g_assert_true (gls_test_bytes_equal (before, after));

  g_assert_true (gls_document_file_reload_article (document_file, NULL, &error));
  g_assert_false (gls_document_file_get_article_changed (document_file));
  g_assert_cmpstr (gls_document_get_note (gls_document_file_get_document (document_file)), ==, "an unsaved note");
  g_assert_true (gls_document_file_save (document_file, NULL, &error));
  g_assert_no_error (error);
}

/* The article changes and the save follows at once, before any file
 * monitor could tell: the save is still refused. */
static void
test_save_refused_at_once (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (fixture->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *sidecar = g_strconcat (fixture->path, ".annotations.xml", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GlsSpan spans[1];

  SKIP_WITHOUT_CORPUS ();

  spans[0].start = offset_of (fixture->text, "human rights", 0);
  spans[0].end = spans[0].start + 12;
  ids = annotate_and_save (fixture, fixture->text, spans, 1);
  before = gls_test_read (sidecar);

  g_assert_true (gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, NULL, &error));
  gls_document_set_note (gls_document_file_get_document (document_file), "a note");
  changed = g_strconcat (fixture->text, "An added last line.\n", NULL);
  gls_test_write (fixture->path, changed, -1);

  g_assert_false (gls_document_file_save (document_file, NULL, &error));
  g_assert_error (error, GLS_ERROR, GLS_ERROR_SOURCE_CHANGED);
  after = gls_test_read (sidecar);
  g_assert_true (gls_test_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/reanchor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  if (gls_test_shared_dir () == NULL)
    {
      g_print ("1..0 # SKIP no shared corpus\n");
      return 0;
    }

  ADD ("insertion", test_insertion);
  ADD ("deletion", test_deletion);
  ADD ("changed-word", test_changed_word);
  ADD ("repeated-phrase", test_repeated_phrase);
  ADD ("crlf", test_crlf);
  ADD ("utf16", test_utf16);
  ADD ("replaced", test_replaced);
  ADD ("short-quote", test_short_quote);
  ADD ("random-edits", test_random_edits);
  ADD ("limit", test_limit);
  ADD ("paragraphs-shuffled", test_paragraphs_shuffled);
  ADD ("reload-keeps-changes", test_reload_keeps_changes);
  ADD ("save-refused-after-change", test_save_refused_after_change);
  ADD ("save-refused-at-once", test_save_refused_at_once);

  return g_test_run ();
}
