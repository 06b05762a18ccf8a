/* gls-annotation-search.c
 * A document's annotations that quote or note what the user searches, as
 * a list model. A worker thread searches a copy of the case-folded texts
 * while the model goes on showing the previous results; they then change
 * in one step, and no per-item test ever runs in the main thread. */
#define G_LOG_DOMAIN "gls-annotation-search"

#include "config.h"

#include <string.h>
#include <gdk/gdk.h>

#include "gls-annotation-list-private.h"
#include "gls-context-private.h"
#include "gls-annotation-row.h"
#include "gls-annotation-search.h"

/* how much of a quote is searched, as the list shows it */
#define QUOTE_CHARS 2000
/* a list this short is searched at once, in the main thread */
#define SEARCH_AT_ONCE 1000
/* how long one step of copying the annotations may keep the main loop */
#define STEP_USEC 4000
/* with no search applied, the folded texts are dropped rather than kept
 * up to date after this many changes to the list (such as restoring a
 * draft, one annotation at a time) */
#define MAX_UNSEARCHED_CHANGES 256
/* how many entries a worker tests between two looks at its cancellable */
#define CHECK_EVERY 1024
/* how long a key waits for its search: a quick one is shown in the
 * key's own frame, a slow one once it is done */
#define WAIT_USEC 8000
/* how many searches' results are kept, to show again at once when the
 * user takes back a key */
#define MAX_KEPT 16

/* One annotation as the worker sees it: copied in the main thread, then
 * folded once, by whichever thread needs its text first. */
typedef struct
{
  GlsAnnotation *annotation;  /* borrowed; only the main thread reads it */
  char          *text;        /* the quote, a line break and the note, case-folded; NULL until folded */
  char          *exact;       /* an orphaned annotation's stored quote, until folded */
  char          *note;        /* until folded */
  guint          start;
  guint          end;
  guint          more : 1;    /* more spans than the first */
} Entry;

/* One search, over a copy of the entries as they were when it began;
 * shared by the model and the worker. */
typedef struct
{
  gatomicrefcount ref_count;
  GWeakRef        owner;      /* the GlsAnnotationSearch */
  GMainContext   *context;    /* the owner's */
  GCancellable   *cancellable;
  GPtrArray      *orphans;    /* entries the owner let go of while the worker may read them */

  GlsSource *source;
  Entry    **entries;
  guint      n_entries;
  GArray    *candidates;      /* positions that can match, or NULL: every one */
  char      *needle;          /* case-folded, or NULL: the search only folds */
  GArray    *matches;         /* the result: positions in the list */
  guint      generation;      /* of the list when copied */

  GMutex     lock;
  GCond      cond;
  guint      finished : 1;    /* under lock: the worker read its last entry */
  guint      completed : 1;   /* under lock: and went to the end */
  guint      over : 1;        /* main thread: the model took it back */
} Search;

struct _GlsAnnotationSearch
{
  GObject       parent_instance;

  /* Owned */
  GlsDocument  *document;
  GListModel   *annotations;  /* the document's */
  GPtrArray    *entries;      /* Entry, in the list's order; NULL until a search needs them */
  GPtrArray    *to_copy;      /* while entries are made in steps: the annotations, borrowed */
  GPtrArray    *copied;       /* and the entries made so far */
  guint         step_source;
  GArray       *matches;      /* positions in the list of what the needle matches */
  char         *needle;       /* the search shown, case-folded; NULL: every annotation */
  char         *pending;      /* the search asked for and not shown yet, or NULL */
  Search       *running;      /* while a worker may read the entries */
  GHashTable   *kept;         /* needle → its matches, until the list changes */

  guint         generation;   /* counts the list's changes */
  guint         n_unsearched_changes;
  guint         prepared : 1; /* every entry was folded once */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlsAnnotationSearch, gls_annotation_search, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_search (GlsAnnotationSearch *self);

/* ------------------------------------------------------------------ */
/* Entries                                                              */

static Entry *
entry_new (GlsAnnotation *annotation)
{
  Entry *entry = g_new0 (Entry, 1);
  GlsSpan span = gls_annotation_get_target (annotation, 0);

  entry->annotation = annotation;
  if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
    entry->exact = g_strdup (gls_annotation_get_target_exact (annotation, 0));
  entry->note = g_strdup (gls_annotation_get_note (annotation));
  entry->start = span.start;
  entry->end = span.end;
  entry->more = gls_annotation_get_n_targets (annotation) > 1;

  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->text);
  g_free (entry->exact);
  g_free (entry->note);
  g_free (entry);
}

/* Safe in any thread, for an entry no other thread reads. */
static const char *
entry_fold (Entry     *entry,
            GlsSource *source)
{
  g_autofree char *quote = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *both = NULL;

  if (entry->text != NULL)
    return entry->text;

  if (entry->exact == NULL)
    quote = gls_source_dup_range (source, entry->start, MIN (entry->end, entry->start + QUOTE_CHARS + 1));
  excerpt = gls_excerpt_from_text (entry->exact ? entry->exact : quote, QUOTE_CHARS, entry->more);
  /* a line break cannot be typed in the search entry: a search never
   * spans the quote and the note */
  both = g_strconcat (excerpt, "\n", entry->note ? entry->note : "", NULL);
  entry->text = g_utf8_casefold (both, -1);
  g_clear_pointer (&entry->exact, g_free);
  g_clear_pointer (&entry->note, g_free);

  return entry->text;
}

/* An entry the list lost: a worker may still read it until it stops. */
static void
discard_entry (GlsAnnotationSearch *self,
               Entry               *entry)
{
  if (self->running != NULL)
    g_ptr_array_add (self->running->orphans, entry);
  else
    entry_free (entry);
}

static void
add_pointer (gpointer item,
             gpointer user_data)
{
  g_ptr_array_add (user_data, item);
}

static void
free_entries (GlsAnnotationSearch  *self,
              GPtrArray           **entries)
{
  if (*entries == NULL)
    return;

  for (guint i = 0; i < (*entries)->len; i++)
    discard_entry (self, g_ptr_array_index (*entries, i));
  g_clear_pointer (entries, g_ptr_array_unref);
}

/* Copies what is searched of the next annotations until @until.
 * Returns: whether all are */
static gboolean
copy_some (GlsAnnotationSearch *self,
           gint64               until)
{
  while (self->copied->len < self->to_copy->len)
    {
      g_ptr_array_add (self->copied, entry_new (g_ptr_array_index (self->to_copy, self->copied->len)));
      if (self->copied->len % 256 == 0 && g_get_monotonic_time () > until)
        return FALSE;
    }

  self->entries = g_steal_pointer (&self->copied);
  g_clear_pointer (&self->to_copy, g_ptr_array_unref);

  return TRUE;
}

/* One step of copying: once all are, the search starts, or the folding
 * ahead of one. */
static gboolean
copy_step (gpointer data)
{
  GlsAnnotationSearch *self = data;

  if (!copy_some (self, g_get_monotonic_time () + STEP_USEC))
    return G_SOURCE_CONTINUE;

  self->step_source = 0;
  start_search (self);

  return G_SOURCE_REMOVE;
}

static void
stop_copying (GlsAnnotationSearch *self)
{
  g_clear_handle_id (&self->step_source, g_source_remove);
  g_clear_pointer (&self->to_copy, g_ptr_array_unref);
  free_entries (self, &self->copied);
}

/* Makes the entries: at once for a short list, otherwise in steps between
 * frames. Returns: whether they are made */
static gboolean
ensure_entries (GlsAnnotationSearch *self)
{
  guint n = g_list_model_get_n_items (self->annotations);

  if (self->entries != NULL)
    return TRUE;
  if (self->to_copy != NULL)
    return FALSE;

  /* a copy that was to start again starts now */
  g_clear_handle_id (&self->step_source, g_source_remove);
  self->to_copy = g_ptr_array_sized_new (n);
  self->copied = g_ptr_array_sized_new (n);
  _gls_annotation_list_foreach (GLS_ANNOTATION_LIST (self->annotations), add_pointer, self->to_copy);
  if (n <= SEARCH_AT_ONCE)
    return copy_some (self, G_MAXINT64);

  /* just below drawing, above GtkTextView laying out the article in the
   * background: frames and keys go between the steps */
  self->step_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, copy_step, self, NULL);

  return FALSE;
}

static void
drop_entries (GlsAnnotationSearch *self)
{
  stop_copying (self);
  free_entries (self, &self->entries);
  self->prepared = FALSE;
}

/* ------------------------------------------------------------------ */
/* Searches                                                             */

static Search *
search_ref (Search *search)
{
  g_atomic_ref_count_inc (&search->ref_count);

  return search;
}

/* Safe in any thread. */
static void
search_unref (Search *search)
{
  if (!g_atomic_ref_count_dec (&search->ref_count))
    return;

  g_weak_ref_clear (&search->owner);
  g_main_context_unref (search->context);
  g_clear_object (&search->cancellable);
  g_ptr_array_unref (search->orphans);
  g_clear_object (&search->source);
  g_free (search->entries);
  g_clear_pointer (&search->candidates, g_array_unref);
  g_clear_pointer (&search->matches, g_array_unref);
  g_free (search->needle);
  g_mutex_clear (&search->lock);
  g_cond_clear (&search->cond);
  g_free (search);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Search, search_unref)

static Search *
search_new (GlsAnnotationSearch *self)
{
  Search *search = g_new0 (Search, 1);

  g_atomic_ref_count_init (&search->ref_count);
  g_weak_ref_init (&search->owner, self);
  search->context = g_main_context_ref_thread_default ();
  search->cancellable = g_cancellable_new ();
  search->orphans = g_ptr_array_new_with_free_func (entry_free);
  search->source = g_object_ref (gls_document_get_source (self->document));
  search->n_entries = self->entries->len;
  search->entries = g_memdup2 (self->entries->pdata, sizeof (Entry *) * self->entries->len);
  search->needle = g_strdup (self->pending);
  /* typing on: only what the search shown found can match */
  if (self->pending != NULL && self->needle != NULL && strstr (self->pending, self->needle) != NULL)
    search->candidates = g_array_copy (self->matches);
  search->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  search->generation = self->generation;
  g_mutex_init (&search->lock);
  g_cond_init (&search->cond);

  return search;
}

/* Safe in any thread. Returns: whether the search went to its end */
static gboolean
search_run (Search       *search,
            GCancellable *cancellable)
{
  guint n = search->candidates ? search->candidates->len : search->n_entries;

  for (guint i = 0; i < n; i++)
    {
      guint position = search->candidates ? g_array_index (search->candidates, guint, i) : i;
      const char *text = entry_fold (search->entries[position], search->source);

      if (search->needle != NULL && strstr (text, search->needle) != NULL)
        g_array_append_val (search->matches, position);
      if (i % CHECK_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
    }

  return TRUE;
}

static gboolean search_done (gpointer data);

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  gboolean completed = search_run (search, cancellable);

  g_mutex_lock (&search->lock);
  search->finished = TRUE;
  search->completed = completed;
  g_cond_signal (&search->cond);
  g_mutex_unlock (&search->lock);

  _gls_context_dispatch (search->context, G_PRIORITY_DEFAULT, search_done,
                         search_ref (search), (GDestroyNotify) search_unref);
  g_task_return_boolean (task, completed);
}

/* Waits until @until at most for the worker to finish @search.
 * Returns: whether it did, and went to its end */
static gboolean
search_wait (Search *search,
             gint64  until)
{
  gboolean completed;

  g_mutex_lock (&search->lock);
  while (!search->finished)
    if (!g_cond_wait_until (&search->cond, &search->lock, until))
      break;
  completed = search->finished && search->completed;
  g_mutex_unlock (&search->lock);

  return completed;
}

static void
set_pending (GlsAnnotationSearch *self,
             char                *needle)
{
  gboolean was_searching = self->pending != NULL;

  g_free (self->pending);
  self->pending = needle;
  if (was_searching != (needle != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* The position in the list of the @i-th of @positions, or of every
 * annotation with %NULL. */
static inline guint
nth (GArray *positions,
     guint   i)
{
  return positions != NULL ? g_array_index (positions, guint, i) : i;
}

/* The model changes once, from showing @old (NULL: every annotation) to
 * what it shows now: only between what both do not share at their ends. */
static void
emit_changes (GlsAnnotationSearch *self,
              GArray              *old,
              guint                old_n)
{
  GArray *now = self->needle != NULL ? self->matches : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self));
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < n && nth (old, prefix) == nth (now, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < n - prefix &&
         nth (old, old_n - 1 - suffix) == nth (now, n - 1 - suffix))
    suffix++;

  if (old_n - prefix - suffix > 0 || n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, n - prefix - suffix);
}

/* Shows @positions as what @needle (NULL: nothing) matches. */
static void
show (GlsAnnotationSearch *self,
      char                *needle,
      GArray              *positions)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self));
  g_autoptr(GArray) old = g_steal_pointer (&self->matches);
  gboolean was_all = self->needle == NULL;

  g_free (self->needle);
  self->needle = needle;
  self->matches = positions;
  if (needle != NULL)
    {
      if (g_hash_table_size (self->kept) >= MAX_KEPT)
        g_hash_table_remove_all (self->kept);
      g_hash_table_insert (self->kept, g_strdup (needle), g_array_ref (positions));
    }
  emit_changes (self, was_all ? NULL : old, old_n);
}

static void
show_search (GlsAnnotationSearch *self,
             Search              *search)
{
  set_pending (self, NULL);
  show (self, g_steal_pointer (&search->needle), g_steal_pointer (&search->matches));
}

/* The worker of @search reads the entries no more: its results are
 * shown, or the search the user wants now starts. */
static void
search_over (GlsAnnotationSearch *self,
             Search              *search,
             gboolean             completed)
{
  gboolean current = completed && search->generation == self->generation;

  search->over = TRUE;
  g_clear_pointer (&self->running, search_unref);

  if (current && search->candidates == NULL)
    self->prepared = TRUE;

  if (current && search->needle != NULL && g_strcmp0 (search->needle, self->pending) == 0)
    show_search (self, search);
  else if (self->pending != NULL)
    /* overtaken by a newer key, or by a change to the list */
    start_search (self);
}

/* In the main thread, once the worker of @data stopped. */
static gboolean
search_done (gpointer data)
{
  Search *search = data;
  g_autoptr(GlsAnnotationSearch) self = g_weak_ref_get (&search->owner);

  if (self != NULL && !search->over)
    search_over (self, search, search->completed);

  return G_SOURCE_REMOVE;
}

/* Searches the pending search, or folds ahead of one. */
static void
start_search (GlsAnnotationSearch *self)
{
  g_autoptr(GTask) task = NULL;
  Search *search;

  if (self->document == NULL)
    return;

  if (self->running != NULL)
    {
      /* one worker at a time: this one starts the next when it stops */
      g_cancellable_cancel (self->running->cancellable);
      return;
    }

  self->n_unsearched_changes = 0;
  /* when made, they start this again */
  if (!ensure_entries (self))
    return;

  if (self->entries->len <= SEARCH_AT_ONCE)
    {
      g_autoptr(Search) at_once = search_new (self);

      search_run (at_once, NULL);
      self->prepared = TRUE;
      if (at_once->needle != NULL)
        show_search (self, at_once);
      return;
    }

  /* the worker holds the search, not the model: the model may go away
   * first, and leaves the entries it let go of to the search */
  search = self->running = search_new (self);
  task = g_task_new (NULL, search->cancellable, NULL, NULL);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, search_ref (search), (GDestroyNotify) search_unref);
  g_task_run_in_thread (task, search_thread);

  if (search->needle != NULL && search_wait (search, g_get_monotonic_time () + WAIT_USEC))
    search_over (self, search, TRUE);
}

/* ------------------------------------------------------------------ */
/* Following the list                                                   */

static guint
lower_bound (GArray *positions,
             guint   position)
{
  guint low = 0, high = positions->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (positions, guint, middle) < position)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
update_entries (GlsAnnotationSearch *self,
                guint                position,
                guint                removed,
                guint                added)
{
  if (self->entries == NULL)
    return;

  if (self->needle == NULL && self->pending == NULL && self->running == NULL &&
      ++self->n_unsearched_changes > MAX_UNSEARCHED_CHANGES)
    {
      drop_entries (self);
      return;
    }

  for (guint i = position; i < position + removed; i++)
    discard_entry (self, g_ptr_array_index (self->entries, i));
  g_ptr_array_remove_range (self->entries, position, removed);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (self->annotations, i);

      g_ptr_array_insert (self->entries, i, entry_new (annotation));
    }
}

/* The search shown, kept up to date: what the change added is tested
 * here, a few annotations at a time. */
static void
update_matches (GlsAnnotationSearch *self,
                guint                position,
                guint                removed,
                guint                added)
{
  GlsSource *source = gls_document_get_source (self->document);
  guint first = lower_bound (self->matches, position);
  guint last = lower_bound (self->matches, position + removed);
  guint n_found = 0;

  g_assert (self->entries != NULL);

  for (guint i = last; i < self->matches->len; i++)
    g_array_index (self->matches, guint, i) += added - removed;
  g_array_remove_range (self->matches, first, last - first);
  for (guint i = position; i < position + added; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (strstr (entry_fold (entry, source), self->needle) != NULL)
        g_array_insert_val (self->matches, first + n_found++, i);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, n_found);
}

static gboolean
copy_again (gpointer data)
{
  GlsAnnotationSearch *self = data;

  self->step_source = 0;
  start_search (self);

  return G_SOURCE_REMOVE;
}

static void
on_items_changed (GlsAnnotationSearch *self,
                  guint                position,
                  guint                removed,
                  guint                added)
{
  gboolean was_copying = self->step_source != 0;

  self->generation++;
  g_hash_table_remove_all (self->kept);
  stop_copying (self);
  update_entries (self, position, removed, added);

  if (self->needle == NULL)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else
    update_matches (self, position, removed, added);

  /* the worker's positions are out of date: it starts again */
  if (self->running != NULL && self->pending != NULL)
    g_cancellable_cancel (self->running->cancellable);
  /* so are the annotations being copied: once the changes are over */
  if (was_copying)
    self->step_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, copy_again, self, NULL);
}

/* ------------------------------------------------------------------ */
/* The list model                                                       */

static GType
gls_annotation_search_get_item_type (GListModel *model)
{
  return GLS_TYPE_ANNOTATION;
}

static guint
gls_annotation_search_get_n_items (GListModel *model)
{
  GlsAnnotationSearch *self = GLS_ANNOTATION_SEARCH (model);

  if (self->annotations == NULL)
    return 0;

  return self->needle != NULL ? self->matches->len : g_list_model_get_n_items (self->annotations);
}

static gpointer
gls_annotation_search_get_item (GListModel *model,
                                guint       position)
{
  GlsAnnotationSearch *self = GLS_ANNOTATION_SEARCH (model);
  Entry *entry;

  if (position >= gls_annotation_search_get_n_items (model))
    return NULL;

  position = nth (self->needle != NULL ? self->matches : NULL, position);
  if (self->entries == NULL)
    return g_list_model_get_item (self->annotations, position);

  entry = g_ptr_array_index (self->entries, position);

  return g_object_ref (entry->annotation);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gls_annotation_search_get_item_type;
  iface->get_n_items = gls_annotation_search_get_n_items;
  iface->get_item = gls_annotation_search_get_item;
}

/* ------------------------------------------------------------------ */

static void
gls_annotation_search_dispose (GObject *object)
{
  GlsAnnotationSearch *self = (GlsAnnotationSearch *)object;

  gls_annotation_search_set_document (self, NULL);
  g_clear_pointer (&self->running, search_unref);

  G_OBJECT_CLASS (gls_annotation_search_parent_class)->dispose (object);
}

static void
gls_annotation_search_finalize (GObject *object)
{
  GlsAnnotationSearch *self = (GlsAnnotationSearch *)object;

  g_clear_pointer (&self->kept, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->pending, g_free);

  G_OBJECT_CLASS (gls_annotation_search_parent_class)->finalize (object);
}

static void
gls_annotation_search_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlsAnnotationSearch *self = GLS_ANNOTATION_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, gls_annotation_search_get_searching (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_annotation_search_class_init (GlsAnnotationSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_annotation_search_dispose;
  object_class->finalize = gls_annotation_search_finalize;
  object_class->get_property = gls_annotation_search_get_property;

  /* whether a search runs whose results are not shown yet */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_annotation_search_init (GlsAnnotationSearch *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

GlsAnnotationSearch *
gls_annotation_search_new (void)
{
  return g_object_new (GLS_TYPE_ANNOTATION_SEARCH, NULL);
}

/**
 * gls_annotation_search_set_document:
 *
 * Shows the annotations of @document, or none with %NULL. The search, if
 * any, starts again.
 */
void
gls_annotation_search_set_document (GlsAnnotationSearch *self,
                                    GlsDocument         *document)
{
  g_autofree char *search = NULL;
  guint old_n;

  g_return_if_fail (GLS_IS_ANNOTATION_SEARCH (self));
  g_return_if_fail (document == NULL || GLS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  old_n = gls_annotation_search_get_n_items (G_LIST_MODEL (self));
  search = g_strdup (self->pending ? self->pending : self->needle);
  if (self->running != NULL)
    g_cancellable_cancel (self->running->cancellable);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  drop_entries (self);
  set_pending (self, NULL);
  g_clear_pointer (&self->needle, g_free);
  g_array_set_size (self->matches, 0);
  g_hash_table_remove_all (self->kept);
  self->generation++;

  g_set_object (&self->document, document);
  g_clear_object (&self->annotations);
  if (document != NULL)
    {
      self->annotations = g_object_ref (G_LIST_MODEL (gls_document_get_annotations (document)));
      g_signal_connect_object (self->annotations, "items-changed", G_CALLBACK (on_items_changed),
                               self, G_CONNECT_SWAPPED);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n,
                              gls_annotation_search_get_n_items (G_LIST_MODEL (self)));
  if (search != NULL && document != NULL)
    gls_annotation_search_set_search (self, search);
}

/**
 * gls_annotation_search_set_search:
 *
 * Searches @search (any case) in the annotations' quotes and notes. The
 * model goes on showing what the previous search found until this one is
 * done; a short list is searched at once.
 */
void
gls_annotation_search_set_search (GlsAnnotationSearch *self,
                                  const char          *search)
{
  char *needle = NULL;

  g_return_if_fail (GLS_IS_ANNOTATION_SEARCH (self));

  if (search != NULL && *search != '\0')
    needle = g_utf8_casefold (search, -1);

  if (g_strcmp0 (needle, self->pending ? self->pending : self->needle) == 0)
    {
      g_free (needle);
      return;
    }

  if (self->pending != NULL && self->running != NULL)
    g_cancellable_cancel (self->running->cancellable);

  if (g_strcmp0 (needle, self->needle) == 0)
    {
      /* back to the search shown */
      set_pending (self, NULL);
      g_free (needle);
    }
  else if (needle == NULL)
    {
      set_pending (self, NULL);
      show (self, NULL, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
  else if (g_hash_table_contains (self->kept, needle))
    {
      /* a key taken back: its results are known */
      set_pending (self, NULL);
      show (self, needle, g_array_ref (g_hash_table_lookup (self->kept, needle)));
    }
  else
    {
      set_pending (self, needle);
      start_search (self);
    }
}

/* Whether a search runs whose results are not shown yet. */
gboolean
gls_annotation_search_get_searching (GlsAnnotationSearch *self)
{
  g_return_val_if_fail (GLS_IS_ANNOTATION_SEARCH (self), FALSE);

  return self->pending != NULL;
}

/**
 * gls_annotation_search_prepare:
 *
 * Folds the annotations' quotes and notes in a worker thread ahead of a
 * search, such as when the search entry is focused.
 */
void
gls_annotation_search_prepare (GlsAnnotationSearch *self)
{
  g_return_if_fail (GLS_IS_ANNOTATION_SEARCH (self));

  if (self->document != NULL && !self->prepared && self->running == NULL && self->pending == NULL)
    start_search (self);
}

/* The position of @annotation in the model, if the search found it. */
gboolean
gls_annotation_search_find (GlsAnnotationSearch *self,
                            GlsAnnotation       *annotation,
                            guint               *position)
{
  guint in_list, i;

  g_return_val_if_fail (GLS_IS_ANNOTATION_SEARCH (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  if (self->annotations == NULL ||
      !gls_annotation_list_find (GLS_ANNOTATION_LIST (self->annotations), annotation, &in_list))
    return FALSE;

  if (self->needle == NULL)
    {
      *position = in_list;
      return TRUE;
    }

  i = lower_bound (self->matches, in_list);
  if (i == self->matches->len || g_array_index (self->matches, guint, i) != in_list)
    return FALSE;

  *position = i;

  return TRUE;
}
