/* gls-corpus-article.c
 * One article of a corpus as the corpus list shows it: its name in the
 * folder and, once read, how many annotations it has and how far the
 * work on it has got. */
#define G_LOG_DOMAIN "gls-corpus"

#include "config.h"

#include "gls-corpus-article.h"

struct _GlsCorpusArticle
{
  GObject  parent_instance;

  /* Owned */
  GFile   *file;
  char    *name;
  char    *problem;
  GPtrArray *categories;    /* GlsCategoryCount, NULL until counted */

  int      n_annotations;   /* -1 until counted */
  guint    n_orphaned;
  guint    n_fuzzy;
  GlsWorkState state;
  guint    modified : 1;
};

G_DEFINE_FINAL_TYPE (GlsCorpusArticle, gls_corpus_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_N_ANNOTATIONS,
  PROP_N_ORPHANED,
  PROP_N_FUZZY,
  PROP_PROBLEM,
  PROP_STATE,
  PROP_CATEGORIES,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gls_corpus_article_finalize (GObject *object)
{
  GlsCorpusArticle *self = (GlsCorpusArticle *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (gls_corpus_article_parent_class)->finalize (object);
}

static void
gls_corpus_article_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlsCorpusArticle *self = GLS_CORPUS_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_ANNOTATIONS:
      g_value_set_int (value, self->n_annotations);
      break;
    case PROP_N_ORPHANED:
      g_value_set_uint (value, self->n_orphaned);
      break;
    case PROP_N_FUZZY:
      g_value_set_uint (value, self->n_fuzzy);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case PROP_CATEGORIES:
      g_value_set_boxed (value, self->categories);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_corpus_article_class_init (GlsCorpusArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_corpus_article_finalize;
  object_class->get_property = gls_corpus_article_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_int ("n-annotations", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ORPHANED] =
    g_param_spec_uint ("n-orphaned", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FUZZY] =
    g_param_spec_uint ("n-fuzzy", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* GlsCategoryCount, for the statistics charts */
  properties[PROP_CATEGORIES] =
    g_param_spec_boxed ("categories", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* a GlsWorkState, as a number: the list sorts by it */
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, GLS_N_WORK_STATES - 1, GLS_WORK_STATE_NOT_STARTED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* open in a window whose document has unsaved changes */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_corpus_article_init (GlsCorpusArticle *self)
{
  self->n_annotations = -1;
}

/**
 * gls_corpus_article_new:
 * @name: its path inside the corpus's folder
 */
GlsCorpusArticle *
gls_corpus_article_new (GFile      *file,
                        const char *name)
{
  GlsCorpusArticle *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (GLS_TYPE_CORPUS_ARTICLE, NULL);
  self->file = g_object_ref (file);
  self->name = g_strdup (name);

  return self;
}

GFile *
gls_corpus_article_get_file (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), NULL);

  return self->file;
}

const char *
gls_corpus_article_get_name (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), NULL);

  return self->name;
}

/**
 * gls_corpus_article_get_n_annotations:
 *
 * Returns: its annotations, or -1 while it is not read yet or could not be
 */
int
gls_corpus_article_get_n_annotations (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), -1);

  return self->n_annotations;
}

guint
gls_corpus_article_get_n_orphaned (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), 0);

  return self->n_orphaned;
}

guint
gls_corpus_article_get_n_fuzzy (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), 0);

  return self->n_fuzzy;
}

/**
 * gls_corpus_article_get_problem:
 *
 * Returns: (nullable): why it could not be read, for the user
 */
const char *
gls_corpus_article_get_problem (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), NULL);

  return self->problem;
}

/**
 * gls_corpus_article_set_counts:
 * @problem: (nullable): why it could not be read
 *
 * What reading it found. Call it in the thread that owns the list.
 */
void
gls_corpus_article_set_counts (GlsCorpusArticle *self,
                               int               n_annotations,
                               guint             n_orphaned,
                               guint             n_fuzzy,
                               const char       *problem)
{
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_annotations != n_annotations)
    {
      self->n_annotations = n_annotations;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
    }
  if (self->n_orphaned != n_orphaned)
    {
      self->n_orphaned = n_orphaned;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ORPHANED]);
    }
  if (self->n_fuzzy != n_fuzzy)
    {
      self->n_fuzzy = n_fuzzy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FUZZY]);
    }
  if (g_strcmp0 (self->problem, problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * gls_corpus_article_get_state:
 *
 * Returns: how far the work on the article has got, as its sidecar says;
 *   not started until it is read
 */
GlsWorkState
gls_corpus_article_get_state (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), GLS_WORK_STATE_NOT_STARTED);

  return self->state;
}

/**
 * gls_corpus_article_set_state:
 *
 * What the sidecar says now. Call it in the thread that owns the list.
 */
void
gls_corpus_article_set_state (GlsCorpusArticle *self,
                              GlsWorkState      state)
{
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (self));
  g_return_if_fail (state < GLS_N_WORK_STATES);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * gls_corpus_article_get_categories:
 *
 * Returns: (transfer none) (nullable) (element-type GlsCategoryCount): its
 *   annotations per category (gls_category_counts_for_document()), or
 *   %NULL while it is not read yet or could not be
 */
GPtrArray *
gls_corpus_article_get_categories (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), NULL);

  return self->categories;
}

/**
 * gls_corpus_article_set_categories:
 * @categories: (nullable) (element-type GlsCategoryCount): its counts
 *   per category; a reference is taken
 *
 * Call it in the thread that owns the list.
 */
void
gls_corpus_article_set_categories (GlsCorpusArticle *self,
                                   GPtrArray        *categories)
{
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (self));

  if (categories == self->categories)
    return;
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = categories != NULL ? g_ptr_array_ref (categories) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORIES]);
}

/**
 * gls_corpus_article_get_modified:
 *
 * Returns: whether a window has it open with changes not saved yet
 */
gboolean
gls_corpus_article_get_modified (GlsCorpusArticle *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_ARTICLE (self), FALSE);

  return self->modified;
}

/**
 * gls_corpus_article_set_modified:
 *
 * Whether the document of the window that has it open has unsaved
 * changes. Call it in the thread that owns the list.
 */
void
gls_corpus_article_set_modified (GlsCorpusArticle *self,
                                 gboolean          modified)
{
  g_return_if_fail (GLS_IS_CORPUS_ARTICLE (self));

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}
