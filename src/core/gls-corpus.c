/* gls-corpus.c
 * The articles of a folder, recursively: text and HTML files, and any
 * other file that has annotations; hidden entries and sidecars skipped.
 * And GlsCorpus, the list of them that a worker thread fills. */
#define G_LOG_DOMAIN "gls-corpus"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gls-category-count.h"
#include "gls-context-private.h"
#include "gls-corpus.h"
#include "gls-document.h"
#include "gls-document-file.h"
#include "gls-error.h"

#define SIDECAR_SUFFIX ".annotations.xml"

static const char * const article_suffixes[] = { ".txt", ".html", ".htm", ".xhtml" };

static gboolean
is_sidecar_name (const char *name)
{
  gsize len = strlen (name);

  return len > strlen (SIDECAR_SUFFIX) &&
         g_ascii_strcasecmp (name + len - strlen (SIDECAR_SUFFIX), SIDECAR_SUFFIX) == 0;
}

/**
 * gls_corpus_is_article_name:
 *
 * Returns: whether a file called @name is an article whether or not it has
 *   annotations: a name ending in .txt, .html, .htm or .xhtml, in any case
 */
gboolean
gls_corpus_is_article_name (const char *name)
{
  gsize len;

  g_return_val_if_fail (name != NULL, FALSE);

  len = strlen (name);
  for (guint i = 0; i < G_N_ELEMENTS (article_suffixes); i++)
    {
      gsize suffix_len = strlen (article_suffixes[i]);

      if (len > suffix_len && g_ascii_strcasecmp (name + len - suffix_len, article_suffixes[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GPtrArray      *found;   /* relative paths */
  GlsCorpusFlags  flags;
  GCancellable   *cancellable;
} Scan;

static gboolean
scan_folder (Scan        *scan,
             const char  *root,
             const char  *relative,
             GError     **error)
{
  g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  const char *name;
  GDir *dir;

  if (g_cancellable_set_error_if_cancelled (scan->cancellable, error))
    return FALSE;

  if ((dir = g_dir_open (path, 0, &local_error)) == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, GLS_ERROR, GLS_ERROR_NOT_FOUND,
                   /* Translators: a folder, then the reason */
                   _("The folder “%s” cannot be read: %s"), display, local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_hash_table_add (names, g_strdup (name));
  g_dir_close (dir);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *child_relative = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      GStatBuf st;

      /* a link to a folder is not followed: no cycles, no corpus twice */
      if (g_lstat (child, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (folders, g_steal_pointer (&child_relative));
          continue;
        }

      if (is_sidecar_name (name))
        {
          g_autofree char *article = g_strndup (name, strlen (name) - strlen (SIDECAR_SUFFIX));

          if ((scan->flags & GLS_CORPUS_ORPHAN_SIDECARS) && !g_hash_table_contains (names, article))
            g_ptr_array_add (scan->found, g_steal_pointer (&child_relative));
          continue;
        }

      if (gls_corpus_is_article_name (name))
        g_ptr_array_add (scan->found, g_steal_pointer (&child_relative));
      else
        {
          g_autofree char *sidecar = g_strconcat (name, SIDECAR_SUFFIX, NULL);

          if (g_hash_table_contains (names, sidecar))
            g_ptr_array_add (scan->found, g_steal_pointer (&child_relative));
        }
    }

  for (guint i = 0; i < folders->len; i++)
    if (!scan_folder (scan, root, g_ptr_array_index (folders, i), error))
      return FALSE;

  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gls_corpus_list_articles:
 * @folder: the corpus, a path in the file system's encoding
 *
 * The articles of @folder and its subfolders, as paths relative to it,
 * sorted byte by byte so that every run lists them in the same order.
 * Entries whose name starts with a dot are skipped, folders and files
 * alike, and links to folders are not followed. Blocks: call it from a
 * worker thread in the user interface.
 *
 * Returns: (transfer full) (element-type filename): the relative paths, or
 *   %NULL with @error set when a folder cannot be read
 */
GPtrArray *
gls_corpus_list_articles (const char      *folder,
                          GlsCorpusFlags   flags,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Scan scan = { found, flags, cancellable };

  g_return_val_if_fail (folder != NULL, NULL);

  if (!scan_folder (&scan, folder, NULL, error))
    return NULL;

  g_ptr_array_sort (found, compare_paths);

  return g_steal_pointer (&found);
}

/* ------------------------------------------------------------------ */
/* The list of a folder's articles, filled from a worker thread         */

/* Articles are added to the list, and counts handed over, this many at
 * a time: few enough main-loop turns for 10,000 articles, and the first
 * names shown at once. */
#define BATCH 256

struct _GlsCorpus
{
  GObject       parent_instance;

  /* Owned */
  GFile        *folder;
  GListStore   *articles;     /* GlsCorpusArticle, in the order of the scan */
  GCancellable *cancellable;
  GMainContext *context;
  char         *problem;

  guint         n_counted;
  guint         scanning : 1;
};

G_DEFINE_FINAL_TYPE (GlsCorpus, gls_corpus, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_SCANNING,
  PROP_N_COUNTED,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gls_corpus_dispose (GObject *object)
{
  GlsCorpus *self = (GlsCorpus *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (gls_corpus_parent_class)->dispose (object);
}

static void
gls_corpus_finalize (GObject *object)
{
  GlsCorpus *self = (GlsCorpus *)object;

  g_clear_object (&self->folder);
  g_clear_object (&self->articles);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (gls_corpus_parent_class)->finalize (object);
}

static void
gls_corpus_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlsCorpus *self = GLS_CORPUS (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    case PROP_SCANNING:
      g_value_set_boolean (value, self->scanning);
      break;
    case PROP_N_COUNTED:
      g_value_set_uint (value, self->n_counted);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_corpus_class_init (GlsCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_corpus_dispose;
  object_class->finalize = gls_corpus_finalize;
  object_class->get_property = gls_corpus_get_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCANNING] =
    g_param_spec_boolean ("scanning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_COUNTED] =
    g_param_spec_uint ("n-counted", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_corpus_init (GlsCorpus *self)
{
  self->articles = g_list_store_new (GLS_TYPE_CORPUS_ARTICLE);
  self->cancellable = g_cancellable_new ();
}

/**
 * gls_corpus_new:
 * @folder: the corpus
 *
 * Returns: (transfer full): an empty list of @folder's articles; call
 *   gls_corpus_scan() to fill it
 */
GlsCorpus *
gls_corpus_new (GFile *folder)
{
  GlsCorpus *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (GLS_TYPE_CORPUS, NULL);
  self->folder = g_object_ref (folder);

  return self;
}

GFile *
gls_corpus_get_folder (GlsCorpus *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS (self), NULL);

  return self->folder;
}

/**
 * gls_corpus_get_articles:
 *
 * Returns: (transfer none): the articles (#GlsCorpusArticle), sorted by
 *   path, as many as the scan has found so far
 */
GListModel *
gls_corpus_get_articles (GlsCorpus *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS (self), NULL);

  return G_LIST_MODEL (self->articles);
}

gboolean
gls_corpus_get_scanning (GlsCorpus *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS (self), FALSE);

  return self->scanning;
}

/**
 * gls_corpus_get_n_counted:
 *
 * Returns: how many articles have been read for their counts
 */
guint
gls_corpus_get_n_counted (GlsCorpus *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS (self), 0);

  return self->n_counted;
}

/**
 * gls_corpus_get_problem:
 *
 * Returns: (nullable): why the folder could not be listed
 */
const char *
gls_corpus_get_problem (GlsCorpus *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS (self), NULL);

  return self->problem;
}

/* What the worker hands to the main thread: articles to add, or counts
 * of articles already added, or the end of the scan. */
typedef struct
{
  GlsCorpus *self;
  GPtrArray *added;      /* GlsCorpusArticle */
  GPtrArray *counted;    /* GlsCorpusArticle, with the counts below */
  GArray    *counts;     /* Counts */
  char      *problem;
  gboolean   done;
  gboolean   recounted;  /* one article read again, not the scan */
} Handover;

typedef struct
{
  int    n_annotations;
  guint  n_orphaned;
  guint  n_fuzzy;
  GlsWorkState state;
  char  *problem;
  GPtrArray *categories;  /* GlsCategoryCount */
} Counts;

static void
show_counts (GlsCorpusArticle *article,
             const Counts     *counts)
{
  /* first, so that who watches the count finds the categories */
  gls_corpus_article_set_categories (article, counts->categories);
  gls_corpus_article_set_counts (article, counts->n_annotations, counts->n_orphaned, counts->n_fuzzy,
                                 counts->problem);
  gls_corpus_article_set_state (article, counts->state);
}

static Counts
counts_from_document (GlsDocument *document)
{
  Counts counts = {
    (int) gls_document_get_n_annotations (document),
    gls_document_get_n_orphaned (document),
    gls_document_get_n_fuzzy (document),
    gls_document_get_work_state (document),
    NULL,
    gls_category_counts_for_document (document),
  };

  return counts;
}

static void
handover_free (Handover *handover)
{
  for (guint i = 0; handover->counts != NULL && i < handover->counts->len; i++)
    {
      g_free (g_array_index (handover->counts, Counts, i).problem);
      g_clear_pointer (&g_array_index (handover->counts, Counts, i).categories, g_ptr_array_unref);
    }
  g_clear_pointer (&handover->added, g_ptr_array_unref);
  g_clear_pointer (&handover->counted, g_ptr_array_unref);
  g_clear_pointer (&handover->counts, g_array_unref);
  g_free (handover->problem);
  g_clear_object (&handover->self);
  g_free (handover);
}

/* In the main thread */
static gboolean
take_handover (gpointer data)
{
  Handover *handover = data;
  GlsCorpus *self = handover->self;

  if (g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_REMOVE;

  if (handover->added != NULL)
    g_list_store_splice (self->articles, g_list_model_get_n_items (G_LIST_MODEL (self->articles)), 0,
                         handover->added->pdata, handover->added->len);

  for (guint i = 0; handover->counted != NULL && i < handover->counted->len; i++)
    show_counts (g_ptr_array_index (handover->counted, i), &g_array_index (handover->counts, Counts, i));
  if (handover->counted != NULL && handover->counted->len > 0 && !handover->recounted)
    {
      self->n_counted += handover->counted->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COUNTED]);
    }

  if (handover->problem != NULL)
    {
      g_free (self->problem);
      self->problem = g_steal_pointer (&handover->problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }

  if (handover->done)
    {
      self->scanning = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCANNING]);
    }

  return G_SOURCE_REMOVE;
}

static void
hand_over (GlsCorpus *self,
           Handover  *handover)
{
  handover->self = g_object_ref (self);
  _gls_context_dispatch (self->context, G_PRIORITY_DEFAULT_IDLE, take_handover, handover,
                         (GDestroyNotify) handover_free);
}

static Handover *
new_count_handover (void)
{
  Handover *handover = g_new0 (Handover, 1);

  handover->counted = g_ptr_array_new_with_free_func (g_object_unref);
  handover->counts = g_array_new (FALSE, TRUE, sizeof (Counts));

  return handover;
}

/* An article read as the command line reads it, changing nothing. */
static Counts
count_article (GlsCorpusArticle *article,
               GCancellable     *cancellable)
{
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (gls_corpus_article_get_file (article));
  g_autoptr(GError) error = NULL;
  Counts counts = { -1, 0, 0, GLS_WORK_STATE_NOT_STARTED, NULL, NULL };

  if (!gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_READ_ONLY, cancellable, &error))
    {
      counts.problem = g_strdup (error->message);
      return counts;
    }

  return counts_from_document (gls_document_file_get_document (document_file));
}

/* In a worker thread: the names first, then the counts. */
static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GlsCorpus *self = source_object;
  g_autofree char *root = g_file_get_path (self->folder);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  Handover *handover = NULL;
  Handover *end;

  if (root == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Only a folder on this computer can be opened as a corpus"));
  else
    names = gls_corpus_list_articles (root, GLS_CORPUS_NONE, cancellable, &error);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_resolve_relative_path (self->folder, name);
      GlsCorpusArticle *article = gls_corpus_article_new (file, name);

      g_ptr_array_add (articles, article);
      if (handover == NULL)
        {
          handover = g_new0 (Handover, 1);
          handover->added = g_ptr_array_new_with_free_func (g_object_unref);
        }
      g_ptr_array_add (handover->added, g_object_ref (article));
      if (handover->added->len == BATCH || i + 1 == names->len)
        hand_over (self, g_steal_pointer (&handover));
    }

  for (guint i = 0; i < articles->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      GlsCorpusArticle *article = g_ptr_array_index (articles, i);
      Counts counts = count_article (article, cancellable);

      if (handover == NULL)
        handover = new_count_handover ();
      g_ptr_array_add (handover->counted, g_object_ref (article));
      g_array_append_val (handover->counts, counts);
      if (handover->counted->len == BATCH / 4 || i + 1 == articles->len)
        hand_over (self, g_steal_pointer (&handover));
    }
  /* cancelled: what was not handed over goes */
  g_clear_pointer (&handover, handover_free);

  end = g_new0 (Handover, 1);
  end->done = TRUE;
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    end->problem = g_strdup (error->message);
  hand_over (self, end);

  g_task_return_boolean (task, TRUE);
}

/**
 * gls_corpus_cancel:
 *
 * Stops the scan: nothing more is added or counted.
 */
void
gls_corpus_cancel (GlsCorpus *self)
{
  g_return_if_fail (GLS_IS_CORPUS (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * gls_corpus_scan:
 *
 * Lists the folder's articles in a worker thread: they are added to the
 * list in batches as they are found, sorted by path; then each is read,
 * changing nothing, and its counts fill in. Call it once, from the thread
 * whose main context will receive the results.
 */
void
gls_corpus_scan (GlsCorpus *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLS_IS_CORPUS (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_main_context_ref_thread_default ();
  self->scanning = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCANNING]);

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, gls_corpus_scan);
  g_task_run_in_thread (task, scan_thread);
}

/* ------------------------------------------------------------------ */
/* An article open in a window                                          */

static int
compare_name (GlsCorpusArticle *article,
              const char       *name)
{
  return strcmp (gls_corpus_article_get_name (article), name);
}

/**
 * gls_corpus_find_article:
 *
 * Returns: (transfer none) (nullable): the article of the list that is
 *   @file, if the scan has listed it
 */
GlsCorpusArticle *
gls_corpus_find_article (GlsCorpus *self,
                         GFile     *file)
{
  g_autofree char *name = NULL;
  guint low = 0;
  guint high;

  g_return_val_if_fail (GLS_IS_CORPUS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((name = g_file_get_relative_path (self->folder, file)) == NULL)
    return NULL;

  /* the list is sorted by path, as gls_corpus_list_articles() sorts */
  high = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GlsCorpusArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), middle);
      int order = compare_name (article, name);

      if (order == 0)
        return article;
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return NULL;
}

/**
 * gls_corpus_show_document:
 * @document: @article's document, open in a window
 *
 * The counts and the state of work of @article as @document has them
 * now, saved or not (gls_corpus_article_get_modified() tells which).
 */
void
gls_corpus_show_document (GlsCorpus        *self,
                          GlsCorpusArticle *article,
                          GlsDocument      *document)
{
  Counts counts;

  g_return_if_fail (GLS_IS_CORPUS (self));
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (article));
  g_return_if_fail (GLS_IS_DOCUMENT (document));

  counts = counts_from_document (document);
  show_counts (article, &counts);
  g_ptr_array_unref (counts.categories);
}

static void
recount_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GlsCorpusArticle *article = task_data;
  Counts counts = count_article (article, cancellable);
  Handover *handover = new_count_handover ();

  handover->recounted = TRUE;
  g_ptr_array_add (handover->counted, g_object_ref (article));
  g_array_append_val (handover->counts, counts);
  hand_over (source_object, handover);

  g_task_return_boolean (task, TRUE);
}

/**
 * gls_corpus_recount:
 *
 * Reads @article again from its files, in a worker thread, as the scan
 * did: after a window that had it open closes, what is on disk is what
 * the list shows again.
 */
void
gls_corpus_recount (GlsCorpus        *self,
                    GlsCorpusArticle *article)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLS_IS_CORPUS (self));
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (article));
  g_return_if_fail (self->context != NULL);

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, gls_corpus_recount);
  g_task_set_task_data (task, g_object_ref (article), g_object_unref);
  g_task_run_in_thread (task, recount_thread);
}

/* ------------------------------------------------------------------ */
/* The state of work of an article no window has open                  */

typedef struct
{
  GlsCorpusArticle *article;
  GlsWorkState      state;
} SetState;

static void
set_state_free (SetState *set)
{
  g_clear_object (&set->article);
  g_free (set);
}

/* In a worker thread: the sidecar is read and written as the window
 * would (the same load, the same safe save that refuses to overwrite a
 * sidecar changed since it was read); one that cannot be read is left
 * alone. */
static void
set_state_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SetState *set = task_data;
  GFile *file = gls_corpus_article_get_file (set->article);
  g_autoptr(GlsDocumentFile) document_file = gls_document_file_new (file);
  g_autoptr(GError) error = NULL;
  GlsDocument *document;

  if (!gls_document_file_load (document_file, NULL, NULL, GLS_LOAD_NONE, cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: an article, then why its annotations cannot be read */
      g_task_return_new_error (task, GLS_ERROR, GLS_ERROR_FAILED,
                               _("The state of work of “%s” was not changed: %s"), name, error->message);
      return;
    }

  document = gls_document_file_get_document (document_file);
  gls_document_set_work_state (document, set->state);
  if (gls_document_get_modified (document) &&
      !gls_document_file_save (document_file, cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: an article, then why its annotations cannot be saved */
      g_task_return_new_error (task, GLS_ERROR, GLS_ERROR_FAILED,
                               _("The state of work of “%s” was not changed: %s"), name, error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * gls_corpus_set_state_async:
 * @article: one of the corpus's articles, which no window has open
 *
 * Records @state in @article's sidecar, in a worker thread: the sidecar
 * is loaded and saved safely, or left as it was when it cannot be read.
 * An article open in a window changes through its document instead
 * (gls_document_set_work_state()), as a step to undo.
 */
void
gls_corpus_set_state_async (GlsCorpus           *self,
                            GlsCorpusArticle    *article,
                            GlsWorkState         state,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SetState *set;

  g_return_if_fail (GLS_IS_CORPUS (self));
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (article));
  g_return_if_fail (state < GLS_N_WORK_STATES);

  set = g_new0 (SetState, 1);
  set->article = g_object_ref (article);
  set->state = state;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gls_corpus_set_state_async);
  g_task_set_task_data (task, set, (GDestroyNotify) set_state_free);
  g_task_run_in_thread (task, set_state_thread);
}

/**
 * gls_corpus_set_state_finish:
 *
 * Returns: whether the sidecar now records the state; the article in the
 *   list shows it then
 */
gboolean
gls_corpus_set_state_finish (GlsCorpus     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  SetState *set;

  g_return_val_if_fail (GLS_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  set = g_task_get_task_data (G_TASK (result));
  gls_corpus_article_set_state (set->article, set->state);

  return TRUE;
}
