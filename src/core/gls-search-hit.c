/* gls-search-hit.c
 * One place a corpus search found: the article, the range of its text,
 * and a snippet of the text or note around it for a list of results. */
#define G_LOG_DOMAIN "gls-corpus-search"

#include "config.h"

#include "gls-search-hit.h"

struct _GlsSearchHit
{
  GObject  parent_instance;

  /* Owned */
  GFile   *file;
  char    *name;
  char    *before;
  char    *match;
  char    *after;

  guint    start;
  guint    end;
};

G_DEFINE_FINAL_TYPE (GlsSearchHit, gls_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_BEFORE,
  PROP_MATCH,
  PROP_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gls_search_hit_finalize (GObject *object)
{
  GlsSearchHit *self = (GlsSearchHit *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->before, g_free);
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->after, g_free);

  G_OBJECT_CLASS (gls_search_hit_parent_class)->finalize (object);
}

static void
gls_search_hit_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlsSearchHit *self = GLS_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BEFORE:
      g_value_set_string (value, self->before);
      break;
    case PROP_MATCH:
      g_value_set_string (value, self->match);
      break;
    case PROP_AFTER:
      g_value_set_string (value, self->after);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_search_hit_class_init (GlsSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_search_hit_finalize;
  object_class->get_property = gls_search_hit_get_property;

  /* read-only: a list of results binds them */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BEFORE] = g_param_spec_string ("before", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATCH] = g_param_spec_string ("match", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFTER] = g_param_spec_string ("after", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_search_hit_init (GlsSearchHit *self)
{
}

/**
 * gls_search_hit_new:
 * @name: the article's path in the corpus
 * @start: the first code point of the range in the article's text
 * @before: the text shown before @match, on one line
 *
 * Returns: (transfer full): the hit
 */
GlsSearchHit *
gls_search_hit_new (GFile      *file,
                    const char *name,
                    guint       start,
                    guint       end,
                    const char *before,
                    const char *match,
                    const char *after)
{
  GlsSearchHit *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (GLS_TYPE_SEARCH_HIT, NULL);
  self->file = g_object_ref (file);
  self->name = g_strdup (name);
  self->start = start;
  self->end = end;
  self->before = g_strdup (before ? before : "");
  self->match = g_strdup (match ? match : "");
  self->after = g_strdup (after ? after : "");

  return self;
}

GFile *
gls_search_hit_get_file (GlsSearchHit *self)
{
  g_return_val_if_fail (GLS_IS_SEARCH_HIT (self), NULL);
  return self->file;
}

const char *
gls_search_hit_get_name (GlsSearchHit *self)
{
  g_return_val_if_fail (GLS_IS_SEARCH_HIT (self), NULL);
  return self->name;
}

guint
gls_search_hit_get_start (GlsSearchHit *self)
{
  g_return_val_if_fail (GLS_IS_SEARCH_HIT (self), 0);
  return self->start;
}

guint
gls_search_hit_get_end (GlsSearchHit *self)
{
  g_return_val_if_fail (GLS_IS_SEARCH_HIT (self), 0);
  return self->end;
}

const char *
gls_search_hit_get_before (GlsSearchHit *self)
{
  g_return_val_if_fail (GLS_IS_SEARCH_HIT (self), NULL);
  return self->before;
}

const char *
gls_search_hit_get_match (GlsSearchHit *self)
{
  g_return_val_if_fail (GLS_IS_SEARCH_HIT (self), NULL);
  return self->match;
}

const char *
gls_search_hit_get_after (GlsSearchHit *self)
{
  g_return_val_if_fail (GLS_IS_SEARCH_HIT (self), NULL);
  return self->after;
}
