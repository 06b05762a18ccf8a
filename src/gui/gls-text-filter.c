/* gls-text-filter.c
 * Filters annotations by the text they quote or their note: the search runs
 * in short steps between frames and applies its results only when done. */
#define G_LOG_DOMAIN "gls-text-filter"

#include "config.h"

#include <string.h>

#include "gls-annotation-row.h"
#include "gls-text-filter.h"

/* how long one step of a search may keep the main loop */
#define STEP_USEC 4000
/* how much of a quote is searched, as the list shows it */
#define QUOTE_CHARS 2000

/* What is searched in one annotation, and whether the searches found it. */
typedef struct
{
  GlsAnnotation *annotation;     /* NULL once the annotation changed or went */
  char          *haystack;       /* its quote and note, case-folded */
  guint          matches : 1;    /* for the search applied */
  guint          pending : 1;    /* for the search under way */
} Entry;

struct _GlsTextFilter
{
  GtkFilter    parent_instance;

  /* Owned */
  GlsDocument *document;
  GPtrArray   *entries;          /* Entry, in the order they were folded */
  GHashTable  *by_annotation;    /* GlsAnnotation * → its Entry */
  char        *needle;           /* the search applied, case-folded, or NULL */

  /* the search under way, or the entries being prepared */
  char        *pending;          /* case-folded, or NULL while only preparing */
  guint        narrowing : 1;    /* pending contains needle: only its matches can match */
  guint        prepared : 1;     /* every annotation of the list was folded once */
  guint        position;         /* the next annotation to fold, then the next entry */
  guint        step_source;
};

G_DEFINE_FINAL_TYPE (GlsTextFilter, gls_text_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->haystack);
  g_free (entry);
}

/* Folded once per annotation, not once per key; tested against the
 * search applied as it is made. */
static Entry *
get_entry (GlsTextFilter *self,
           GlsAnnotation *annotation)
{
  g_autofree char *quote = NULL;
  g_autofree char *both = NULL;
  const char *note;
  Entry *entry;

  g_assert (GLS_IS_TEXT_FILTER (self));

  entry = g_hash_table_lookup (self->by_annotation, annotation);
  if (entry != NULL)
    return entry;

  quote = gls_annotation_dup_excerpt (self->document, annotation, QUOTE_CHARS);
  note = gls_annotation_get_note (annotation);
  /* a line break cannot be typed in the search entry: a search never
   * spans the quote and the note */
  both = g_strconcat (quote, "\n", note ? note : "", NULL);

  entry = g_new0 (Entry, 1);
  entry->annotation = annotation;
  entry->haystack = g_utf8_casefold (both, -1);
  entry->matches = self->needle != NULL && strstr (entry->haystack, self->needle) != NULL;
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_annotation, annotation, entry);

  return entry;
}

static gboolean
gls_text_filter_match (GtkFilter *filter,
                       gpointer   item)
{
  GlsTextFilter *self = GLS_TEXT_FILTER (filter);

  if (self->needle == NULL || self->document == NULL)
    return TRUE;

  return get_entry (self, item)->matches;
}

static GtkFilterMatch
gls_text_filter_get_strictness (GtkFilter *filter)
{
  GlsTextFilter *self = GLS_TEXT_FILTER (filter);

  return self->needle == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
stop_step (GlsTextFilter *self)
{
  gboolean searching = self->pending != NULL;

  g_clear_handle_id (&self->step_source, g_source_remove);
  g_clear_pointer (&self->pending, g_free);
  if (searching)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* The pending search is done: the list changes once, to its results. */
static void
finish_search (GlsTextFilter *self)
{
  g_assert (self->pending != NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      entry->matches = entry->pending;
    }
  g_free (self->needle);
  self->needle = g_steal_pointer (&self->pending);
  stop_step (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Folds the quotes of the annotations not folded yet, for STEP_USEC at
 * most. Returns: whether all are */
static gboolean
step_prepare (GlsTextFilter *self,
              gint64         until)
{
  GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (self->document));
  guint n = g_list_model_get_n_items (annotations);

  while (self->position < n)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, self->position++);

      get_entry (self, annotation);
      if ((self->position & 63) == 0 && g_get_monotonic_time () > until)
        return FALSE;
    }

  return TRUE;
}

/* Tests the folded entries against the pending search, for STEP_USEC at
 * most. Returns: whether all are */
static gboolean
step_search (GlsTextFilter *self,
             gint64         until)
{
  while (self->position < self->entries->len)
    {
      Entry *entry = g_ptr_array_index (self->entries, self->position++);

      entry->pending = entry->annotation != NULL &&
                       (!self->narrowing || entry->matches) &&
                       strstr (entry->haystack, self->pending) != NULL;
      if ((self->position & 1023) == 0 && g_get_monotonic_time () > until)
        return FALSE;
    }

  return TRUE;
}

/* Folds what is not folded yet, then searches, if a search is pending.
 * Returns: whether the work is done */
static gboolean
step (GlsTextFilter *self)
{
  gint64 until = g_get_monotonic_time () + STEP_USEC;

  if (!self->prepared)
    {
      if (!step_prepare (self, until))
        return FALSE;
      self->prepared = TRUE;
      self->position = 0;
    }

  return self->pending == NULL || step_search (self, until);
}

static gboolean
on_step (gpointer data)
{
  GlsTextFilter *self = data;

  if (!step (self))
    return G_SOURCE_CONTINUE;

  self->step_source = 0;
  if (self->pending != NULL)
    finish_search (self);

  return G_SOURCE_REMOVE;
}

/* Goes on in steps, from position. */
static void
start_steps (GlsTextFilter *self)
{
  if (self->step_source == 0)
    /* below drawing: frames and keys go between the steps */
    self->step_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_step, self, NULL);
}

/* The entry of @annotation is out of date: it is folded again when asked. */
static void
forget (GlsTextFilter *self,
        GlsAnnotation *annotation)
{
  Entry *entry = g_hash_table_lookup (self->by_annotation, annotation);

  if (entry == NULL)
    return;

  g_hash_table_remove (self->by_annotation, annotation);
  entry->annotation = NULL;
  g_clear_pointer (&entry->haystack, g_free);
  entry->haystack = g_strdup ("");
}

static void
clear_entries (GlsTextFilter *self)
{
  g_hash_table_remove_all (self->by_annotation);
  g_ptr_array_set_size (self->entries, 0);
}

static void
gls_text_filter_dispose (GObject *object)
{
  GlsTextFilter *self = (GlsTextFilter *)object;

  gls_text_filter_set_document (self, NULL);

  G_OBJECT_CLASS (gls_text_filter_parent_class)->dispose (object);
}

static void
gls_text_filter_finalize (GObject *object)
{
  GlsTextFilter *self = (GlsTextFilter *)object;

  g_clear_pointer (&self->by_annotation, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (gls_text_filter_parent_class)->finalize (object);
}

static void
gls_text_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlsTextFilter *self = GLS_TEXT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, gls_text_filter_get_searching (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_text_filter_class_init (GlsTextFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = gls_text_filter_dispose;
  object_class->finalize = gls_text_filter_finalize;
  object_class->get_property = gls_text_filter_get_property;

  filter_class->match = gls_text_filter_match;
  filter_class->get_strictness = gls_text_filter_get_strictness;

  /* whether a search runs whose results are not shown yet */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_text_filter_init (GlsTextFilter *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->by_annotation = g_hash_table_new (NULL, NULL);
}

GlsTextFilter *
gls_text_filter_new (void)
{
  return g_object_new (GLS_TYPE_TEXT_FILTER, NULL);
}

/**
 * gls_text_filter_set_document:
 *
 * Filters the annotations of @document, or lets every item through with
 * %NULL. The search, if any, starts again.
 */
void
gls_text_filter_set_document (GlsTextFilter *self,
                              GlsDocument   *document)
{
  g_autofree char *search = NULL;

  g_return_if_fail (GLS_IS_TEXT_FILTER (self));
  g_return_if_fail (document == NULL || GLS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  search = g_strdup (self->pending ? self->pending : self->needle);
  stop_step (self);
  g_clear_pointer (&self->needle, g_free);
  clear_entries (self);
  self->prepared = FALSE;
  self->position = 0;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document == NULL)
    return;

  g_signal_connect_object (document, "annotation-changed", G_CALLBACK (forget), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "annotation-removed", G_CALLBACK (forget), self, G_CONNECT_SWAPPED);
  if (search != NULL)
    gls_text_filter_set_search (self, search);
}

/**
 * gls_text_filter_set_search:
 *
 * Searches @search (any case) in the annotations' quotes and notes. The
 * filter goes on letting through what the previous search found until
 * this one is done; a short list is searched at once.
 */
void
gls_text_filter_set_search (GlsTextFilter *self,
                            const char    *search)
{
  g_autofree char *needle = NULL;
  gboolean was_searching;

  g_return_if_fail (GLS_IS_TEXT_FILTER (self));

  if (search != NULL && *search != '\0')
    needle = g_utf8_casefold (search, -1);

  if (self->pending != NULL ? g_strcmp0 (needle, self->pending) == 0
                            : self->step_source == 0 && g_strcmp0 (needle, self->needle) == 0)
    return;

  was_searching = self->pending != NULL;
  g_clear_pointer (&self->pending, g_free);

  if (needle == NULL || self->document == NULL || g_strcmp0 (needle, self->needle) == 0)
    {
      gboolean changed = g_strcmp0 (needle, self->needle) != 0;

      if (was_searching)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
      if (!changed)
        return;
      g_clear_pointer (&self->needle, g_free);
      self->needle = g_steal_pointer (&needle);
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
      return;
    }

  self->pending = g_steal_pointer (&needle);
  /* typing on: only what the last search found can match */
  self->narrowing = self->needle != NULL && strstr (self->pending, self->needle) != NULL;
  /* folding goes on from where it is; a search starts at the first entry */
  if (self->prepared)
    self->position = 0;
  if (!was_searching)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);

  /* the first step now: a short list needs no other */
  if (step (self))
    {
      g_clear_handle_id (&self->step_source, g_source_remove);
      finish_search (self);
    }
  else
    start_steps (self);
}

/* Whether some items may not pass: a search is applied. */
gboolean
gls_text_filter_get_active (GlsTextFilter *self)
{
  g_return_val_if_fail (GLS_IS_TEXT_FILTER (self), FALSE);

  return self->needle != NULL;
}

gboolean
gls_text_filter_get_searching (GlsTextFilter *self)
{
  g_return_val_if_fail (GLS_IS_TEXT_FILTER (self), FALSE);

  return self->pending != NULL;
}

/**
 * gls_text_filter_prepare:
 *
 * Folds the annotations' quotes and notes in steps, ahead of a search,
 * such as when the search entry is focused.
 */
void
gls_text_filter_prepare (GlsTextFilter *self)
{
  g_return_if_fail (GLS_IS_TEXT_FILTER (self));

  if (self->document != NULL && !self->prepared)
    start_steps (self);
}
