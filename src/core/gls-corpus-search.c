/* gls-corpus-search.c
 * Searching a corpus in a worker thread: each article is read as the
 * command line reads it, changing nothing, and what it holds is handed to
 * the main thread in batches, so the list of hits fills while the user
 * reads it. Matching ignores case, character by character, so that the
 * offsets of a hit are the offsets of the article's text. */
#define G_LOG_DOMAIN "gls-corpus-search"

#include "config.h"

#include <string.h>

#include "gls-context-private.h"
#include "gls-corpus.h"
#include "gls-corpus-search.h"
#include "gls-document-file.h"

/* Characters of context on each side of a hit. */
#define CONTEXT 48
/* Hits handed to the main thread at a time. */
#define BATCH 64

struct _GlsCorpusSearch
{
  GObject       parent_instance;

  /* Owned */
  GFile        *folder;
  GListStore   *hits;          /* GlsSearchHit */
  GCancellable *cancellable;   /* of the search running, if any */
  GMainContext *context;

  guint         searching : 1;
};

G_DEFINE_FINAL_TYPE (GlsCorpusSearch, gls_corpus_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * gls_text_find_all:
 * @text: UTF-8
 * @needle: what to find, in any case
 *
 * Finds @needle in @text ignoring case, one character against one (so
 * each match has the length of @needle), without overlaps.
 *
 * Returns: (transfer full) (element-type GlsSpan): the matches, as code
 *   point offsets into @text
 */
GArray *
gls_text_find_all (const char *text,
                   gsize       n_bytes,
                   const char *needle)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  g_autofree gunichar *wanted = NULL;
  glong n_wanted = 0;
  const char *end = text + n_bytes;
  const char *p = text;
  guint offset = 0;

  g_return_val_if_fail (text != NULL, found);
  g_return_val_if_fail (needle != NULL, found);

  wanted = g_utf8_to_ucs4_fast (needle, -1, &n_wanted);
  if (n_wanted == 0)
    return found;
  for (glong i = 0; i < n_wanted; i++)
    wanted[i] = g_unichar_tolower (wanted[i]);

  while (p < end)
    {
      const char *q = p;
      glong i = 0;

      while (i < n_wanted && q < end && g_unichar_tolower (g_utf8_get_char (q)) == wanted[i])
        {
          q = g_utf8_next_char (q);
          i++;
        }

      if (i == n_wanted)
        {
          GlsSpan span = { offset, offset + (guint) n_wanted };

          g_array_append_val (found, span);
          p = q;
          offset += n_wanted;
          continue;
        }

      p = g_utf8_next_char (p);
      offset++;
    }

  return found;
}

static void
gls_corpus_search_dispose (GObject *object)
{
  GlsCorpusSearch *self = (GlsCorpusSearch *)object;

  gls_corpus_search_cancel (self);

  G_OBJECT_CLASS (gls_corpus_search_parent_class)->dispose (object);
}

static void
gls_corpus_search_finalize (GObject *object)
{
  GlsCorpusSearch *self = (GlsCorpusSearch *)object;

  g_clear_object (&self->folder);
  g_clear_object (&self->hits);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (gls_corpus_search_parent_class)->finalize (object);
}

static void
gls_corpus_search_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlsCorpusSearch *self = GLS_CORPUS_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_corpus_search_class_init (GlsCorpusSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_corpus_search_dispose;
  object_class->finalize = gls_corpus_search_finalize;
  object_class->get_property = gls_corpus_search_get_property;

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_corpus_search_init (GlsCorpusSearch *self)
{
  self->hits = g_list_store_new (GLS_TYPE_SEARCH_HIT);
}

/**
 * gls_corpus_search_new:
 * @folder: the corpus
 */
GlsCorpusSearch *
gls_corpus_search_new (GFile *folder)
{
  GlsCorpusSearch *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (GLS_TYPE_CORPUS_SEARCH, NULL);
  self->folder = g_object_ref (folder);

  return self;
}

/**
 * gls_corpus_search_get_hits:
 *
 * Returns: (transfer none): the hits of the last search (#GlsSearchHit),
 *   by article path, then by offset
 */
GListModel *
gls_corpus_search_get_hits (GlsCorpusSearch *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_SEARCH (self), NULL);

  return G_LIST_MODEL (self->hits);
}

gboolean
gls_corpus_search_get_searching (GlsCorpusSearch *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_SEARCH (self), FALSE);

  return self->searching;
}

static void
set_searching (GlsCorpusSearch *self,
               gboolean         searching)
{
  if (self->searching == !!searching)
    return;

  self->searching = !!searching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/**
 * gls_corpus_search_cancel:
 *
 * Stops the search running: no more hits are added.
 */
void
gls_corpus_search_cancel (GlsCorpusSearch *self)
{
  g_return_if_fail (GLS_IS_CORPUS_SEARCH (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_searching (self, FALSE);
}

/* ------------------------------------------------------------------ */
/* The worker                                                           */

typedef struct
{
  char           *text;
  char           *category;
  GlsSearchScope  scope;
  GFile          *folder;
} Query;

static void
query_free (Query *query)
{
  g_free (query->text);
  g_free (query->category);
  g_clear_object (&query->folder);
  g_free (query);
}

typedef struct
{
  GlsCorpusSearch *self;
  GCancellable    *cancellable;
  GPtrArray       *hits;   /* GlsSearchHit, NULL at the end */
} Handover;

static void
handover_free (Handover *handover)
{
  g_clear_object (&handover->self);
  g_clear_object (&handover->cancellable);
  g_clear_pointer (&handover->hits, g_ptr_array_unref);
  g_free (handover);
}

/* In the main thread; a search cancelled since says nothing more. */
static gboolean
take_handover (gpointer data)
{
  Handover *handover = data;
  GlsCorpusSearch *self = handover->self;

  if (g_cancellable_is_cancelled (handover->cancellable))
    return G_SOURCE_REMOVE;

  if (handover->hits != NULL)
    g_list_store_splice (self->hits, g_list_model_get_n_items (G_LIST_MODEL (self->hits)), 0,
                         handover->hits->pdata, handover->hits->len);
  else
    set_searching (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
hand_over (GlsCorpusSearch *self,
           GCancellable    *cancellable,
           GPtrArray       *hits)
{
  Handover *handover = g_new0 (Handover, 1);

  handover->self = g_object_ref (self);
  handover->cancellable = g_object_ref (cancellable);
  handover->hits = hits;
  _gls_context_dispatch (self->context, G_PRIORITY_DEFAULT_IDLE, take_handover, handover,
                         (GDestroyNotify) handover_free);
}

/* @text from @from to @to on one line: line breaks and tabs as spaces. */
static char *
one_line (const char *from,
          const char *to)
{
  char *line = g_strndup (from, to - from);

  g_strdelimit (line, "\r\n\t", ' ');
  return line;
}

/* A hit on [@start, @end) of @text, with context: the match itself from
 * [@match_start, @match_end) of @text (the note's text for a note). */
static GlsSearchHit *
new_hit (GFile      *file,
         const char *name,
         guint       start,
         guint       end,
         const char *text,
         const char *match_start,
         const char *match_end)
{
  const char *before = match_start;
  const char *after = match_end;
  g_autofree char *before_text = NULL;
  g_autofree char *match_text = NULL;
  g_autofree char *after_text = NULL;

  for (guint i = 0; i < CONTEXT && before > text; i++)
    before = g_utf8_prev_char (before);
  for (guint i = 0; i < CONTEXT && *after != '\0'; i++)
    after = g_utf8_next_char (after);

  before_text = one_line (before, match_start);
  match_text = one_line (match_start, match_end);
  after_text = one_line (match_end, after);

  return gls_search_hit_new (file, name, start, end, before_text, match_text, after_text);
}

static gboolean
has_category (GlsAnnotation *annotation,
              const char    *category)
{
  return category == NULL || g_strcmp0 (gls_annotation_get_category (annotation), category) == 0;
}

/* Whether [@span) lies inside an annotation of @category. */
static gboolean
inside_category (GlsDocument   *document,
                 const GlsSpan *span,
                 const char    *category)
{
  g_autoptr(GPtrArray) around = g_ptr_array_new ();

  if (category == NULL)
    return TRUE;

  gls_document_query (document, span->start, span->end, around);
  for (guint i = 0; i < around->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (around, i);

      if (!has_category (annotation, category))
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

/* The hits of one article, appended to @hits. */
static void
search_document (GlsDocument *document,
                 GFile       *file,
                 const char  *name,
                 const Query *query,
                 GPtrArray   *hits)
{
  GlsSource *source = gls_document_get_source (document);
  GlsAnnotationList *annotations = gls_document_get_annotations (document);
  gsize n_bytes;
  const char *text = gls_source_get_text (source, &n_bytes);

  if (query->scope == GLS_SEARCH_TEXT && query->text != NULL)
    {
      g_autoptr(GArray) found = gls_text_find_all (text, n_bytes, query->text);

      for (guint i = 0; i < found->len; i++)
        {
          const GlsSpan *span = &g_array_index (found, GlsSpan, i);

          if (inside_category (document, span, query->category))
            g_ptr_array_add (hits, new_hit (file, name, span->start, span->end, text,
                                            gls_source_get_pointer (source, span->start),
                                            gls_source_get_pointer (source, span->end)));
        }
      return;
    }

  /* the annotations of a category, or the notes that hold the text */
  for (guint i = 0; i < gls_document_get_n_annotations (document); i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (annotations, i);
      const char *note = gls_annotation_get_note (annotation);
      GlsSpan target;

      if (!has_category (annotation, query->category) ||
          gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED ||
          gls_annotation_get_n_targets (annotation) == 0)
        continue;
      target = gls_annotation_get_target (annotation, 0);

      if (query->scope == GLS_SEARCH_NOTES)
        {
          g_autoptr(GArray) found = NULL;
          const char *from;

          if (note == NULL || query->text == NULL)
            continue;
          found = gls_text_find_all (note, strlen (note), query->text);
          if (found->len == 0)
            continue;
          from = g_utf8_offset_to_pointer (note, g_array_index (found, GlsSpan, 0).start);
          g_ptr_array_add (hits, new_hit (file, name, target.start, target.end, note, from,
                                          g_utf8_offset_to_pointer (from, g_utf8_strlen (query->text, -1))));
        }
      else
        g_ptr_array_add (hits, new_hit (file, name, target.start, target.end, text,
                                        gls_source_get_pointer (source, target.start),
                                        gls_source_get_pointer (source, target.end)));
    }
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GlsCorpusSearch *self = source_object;
  Query *query = task_data;
  g_autofree char *root = g_file_get_path (query->folder);
  g_autoptr(GPtrArray) names = NULL;
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_object_unref);

  if (root != NULL)
    names = gls_corpus_list_articles (root, GLS_CORPUS_NONE, cancellable, NULL);

  for (guint i = 0; names != NULL && i < names->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_resolve_relative_path (query->folder, name);
      g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);

      /* one that cannot be read has nothing to find; the list says why */
      if (!gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_READ_ONLY, cancellable, NULL))
        continue;

      search_document (gls_document_file_get_document (document_file), file, name, query, hits);
      if (hits->len >= BATCH)
        {
          hand_over (self, cancellable, hits);
          hits = g_ptr_array_new_with_free_func (g_object_unref);
        }
    }

  if (hits->len > 0)
    hand_over (self, cancellable, hits);
  else
    g_ptr_array_unref (hits);
  hand_over (self, cancellable, NULL);

  g_task_return_boolean (task, TRUE);
}

/**
 * gls_corpus_search_start:
 * @text: (nullable): what to find, in any case; %NULL or "" with a
 *   @category finds every annotation of it
 * @scope: in the articles' text or in the notes of their annotations
 * @category: (nullable): only within annotations of this category
 *
 * Cancels the search running, empties the hits and searches again, in a
 * worker thread. Call it from the thread whose main context receives the
 * hits. Nothing to find (no text, no category) leaves the hits empty.
 */
void
gls_corpus_search_start (GlsCorpusSearch *self,
                         const char      *text,
                         GlsSearchScope   scope,
                         const char      *category)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  g_return_if_fail (GLS_IS_CORPUS_SEARCH (self));

  gls_corpus_search_cancel (self);
  g_list_store_remove_all (self->hits);
  if (text != NULL && *text == '\0')
    text = NULL;
  if (category != NULL && *category == '\0')
    category = NULL;
  if (text == NULL && (category == NULL || scope == GLS_SEARCH_NOTES))
    return;

  if (self->context == NULL)
    self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  set_searching (self, TRUE);

  query = g_new0 (Query, 1);
  query->text = g_strdup (text);
  query->category = g_strdup (category);
  query->scope = scope;
  query->folder = g_object_ref (self->folder);

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, gls_corpus_search_start);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, search_thread);
}
