/* gls-sidecar-merge.c
 * The three-way merge of sidecar files for git: annotations and relations
 * matched by id, field by field; both versions kept where both changed. */
#define G_LOG_DOMAIN "gls-sidecar-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-annotation-list-private.h"
#include "gls-atomic-file-private.h"
#include "gls-category-private.h"
#include "gls-codebook-file-private.h"
#include "gls-error.h"
#include "gls-file-reader.h"
#include "gls-sidecar-merge-private.h"
#include "gls-sidecar-merge.h"
#include "gls-sidecar-reader-private.h"
#include "gls-sidecar-writer-private.h"
#include "gls-source-private.h"

/* The three versions: @base may be NULL (a file both sides added). */
typedef struct
{
  GlsSidecarData *base;
  GlsSidecarData *ours;
  GlsSidecarData *theirs;
  GPtrArray      *conflicts;  /* messages */
} Merge;

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/* Of three versions of a field, the one to keep: the changed one, or @a;
 * sets @conflict when both changed it differently. */
static gconstpointer
choose (gconstpointer  o,
        gconstpointer  a,
        gconstpointer  b,
        gboolean     (*same) (gconstpointer, gconstpointer),
        gboolean      *conflict)
{
  if (same (a, b))
    return a;
  if (same (a, o))
    return b;
  if (same (b, o))
    return a;

  *conflict = TRUE;
  return a;
}

static gboolean
same_string (gconstpointer a,
             gconstpointer b)
{
  return same_text (a, b);
}

static gboolean
same_strings (GPtrArray *a,
              GPtrArray *b)
{
  guint n_a = a ? a->len : 0, n_b = b ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
same_foreign (gconstpointer a,
              gconstpointer b)
{
  const GlsForeign *x = a, *y = b;

  return same_strings (x ? x->attributes : NULL, y ? y->attributes : NULL) &&
         same_strings (x ? x->elements : NULL, y ? y->elements : NULL);
}

/* Spans, quotes and the anchor state that goes with them */
static gboolean
same_targets (gconstpointer a,
              gconstpointer b)
{
  GlsAnnotation *x = (GlsAnnotation *) a, *y = (GlsAnnotation *) b;

  if (x == NULL || y == NULL)
    return x == y;

  if (x->anchor != y->anchor || x->targets->len != y->targets->len)
    return FALSE;

  for (guint i = 0; i < x->targets->len; i++)
    {
      const GlsTarget *s = &g_array_index (x->targets, GlsTarget, i);
      const GlsTarget *t = &g_array_index (y->targets, GlsTarget, i);

      if (s->start != t->start || s->end != t->end || !same_text (s->exact, t->exact) ||
          !same_text (s->prefix, t->prefix) || !same_text (s->suffix, t->suffix) ||
          !same_foreign (s->foreign, t->foreign))
        return FALSE;
    }

  return TRUE;
}

/* The attributes as a set of names and values, in any order */
static gboolean
same_attributes (GlsAnnotation *a,
                 GlsAnnotation *b)
{
  if (a->attributes->len != b->attributes->len)
    return FALSE;

  for (guint i = 0; i + 1 < a->attributes->len; i += 2)
    if (!same_text (g_ptr_array_index (a->attributes, i + 1),
                    gls_annotation_lookup_attribute (b, g_ptr_array_index (a->attributes, i))))
      return FALSE;

  return TRUE;
}

/* Whether two versions say the same: every field but the time of the
 * last change. */
static gboolean
same_annotation (gconstpointer a,
                 gconstpointer b)
{
  GlsAnnotation *x = (GlsAnnotation *) a, *y = (GlsAnnotation *) b;

  if (x == NULL || y == NULL)
    return x == y;

  return same_text (x->category, y->category) && same_text (x->annotator, y->annotator) &&
         same_text (x->created, y->created) && same_text (x->note, y->note) &&
         same_targets (x, y) && same_attributes (x, y) && same_foreign (x->foreign, y->foreign);
}

static gboolean
same_relation (gconstpointer a,
               gconstpointer b)
{
  const GlsRelation *x = a, *y = b;

  if (x == NULL || y == NULL)
    return x == y;

  return same_text (x->type, y->type) && same_text (x->from, y->from) && same_text (x->to, y->to) &&
         same_foreign (x->foreign, y->foreign);
}

static GlsAnnotation *
find_annotation (GlsSidecarData *data,
                 const char     *id)
{
  if (data == NULL)
    return NULL;

  for (guint i = 0; i < data->annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (data->annotations, i);

      if (strcmp (annotation->id, id) == 0)
        return annotation;
    }

  return NULL;
}

static GlsRelation *
find_relation (GlsSidecarData *data,
               const char     *id)
{
  if (data == NULL)
    return NULL;

  for (guint i = 0; i < data->relations->len; i++)
    {
      GlsRelation *relation = g_ptr_array_index (data->relations, i);

      if (strcmp (relation->id, id) == 0)
        return relation;
    }

  return NULL;
}

static void
set_string (char       **field,
            const char  *value)
{
  if (*field != value)
    {
      char *copy = g_strdup (value);

      g_free (*field);
      *field = copy;
    }
}

static void
set_attribute (GlsAnnotation *annotation,
               const char    *name,
               const char    *value)
{
  for (guint i = 0; i + 1 < annotation->attributes->len; i += 2)
    if (strcmp (g_ptr_array_index (annotation->attributes, i), name) == 0)
      {
        if (value == NULL)
          g_ptr_array_remove_range (annotation->attributes, i, 2);
        else
          set_string ((char **) &annotation->attributes->pdata[i + 1], value);
        return;
      }

  if (value != NULL)
    {
      g_ptr_array_add (annotation->attributes, g_strdup (name));
      g_ptr_array_add (annotation->attributes, g_strdup (value));
    }
}

/* Attribute by attribute: the names of @b and @o that @merged (a copy of
 * @a) lacks are looked at too, so that one added or deleted there counts. */
static void
merge_attributes (GlsAnnotation *merged,
                  GlsAnnotation *o,
                  GlsAnnotation *a,
                  GlsAnnotation *b,
                  GString       *fields)
{
  GlsAnnotation *versions[] = { a, b, o };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    for (guint i = 0; versions[v] != NULL && i + 1 < versions[v]->attributes->len; i += 2)
      {
        char *name = g_ptr_array_index (versions[v]->attributes, i);

        if (g_hash_table_add (seen, name))
          g_ptr_array_add (names, name);
      }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean conflict = FALSE;
      const char *value;

      value = choose (o ? gls_annotation_lookup_attribute (o, name) : NULL,
                      gls_annotation_lookup_attribute (a, name),
                      gls_annotation_lookup_attribute (b, name),
                      same_string, &conflict);
      /* an absent attribute and an empty one are the same to same_text */
      set_attribute (merged, name, value);
      if (conflict)
        g_string_append_printf (fields, "%s%s", fields->len ? ", " : "", name);
    }
}

static void
note_field (GString    *fields,
            gboolean    conflict,
            const char *name)
{
  if (conflict)
    g_string_append_printf (fields, "%s%s", fields->len ? ", " : "", name);
}

/* @a and @b changed an annotation of @o (or both added it): field by
 * field, the side that changed it; the fields both changed differently
 * are named in @fields, and keep @a's value. */
static GlsAnnotation *
merge_annotation (GlsAnnotation *o,
                  GlsAnnotation *a,
                  GlsAnnotation *b,
                  GString       *fields)
{
  GlsAnnotation *merged = _gls_annotation_copy (a);
  GlsAnnotation *targets;
  const GlsForeign *foreign;
  gboolean conflict;

#define MERGE_STRING(field, name) \
  G_STMT_START { \
    conflict = FALSE; \
    set_string (&merged->field, choose (o ? o->field : NULL, a->field, b->field, same_string, &conflict)); \
    note_field (fields, conflict, name); \
  } G_STMT_END

  MERGE_STRING (category, "category");
  MERGE_STRING (annotator, "annotator");
  MERGE_STRING (created, "created");
  MERGE_STRING (note, "note");
#undef MERGE_STRING

  conflict = FALSE;
  targets = (GlsAnnotation *) choose (o, a, b, same_targets, &conflict);
  note_field (fields, conflict, "target");
  if (targets != a)
    {
      g_array_unref (merged->targets);
      merged->targets = _gls_targets_copy (targets->targets);
      merged->anchor = targets->anchor;
    }

  conflict = FALSE;
  foreign = choose (o ? o->foreign : NULL, a->foreign, b->foreign, same_foreign, &conflict);
  if (foreign != a->foreign)
    {
      g_clear_pointer (&merged->foreign, _gls_foreign_free);
      merged->foreign = _gls_foreign_copy (foreign);
    }

  merge_attributes (merged, o, a, b, fields);

  /* the last change of either */
  if (g_strcmp0 (b->modified, merged->modified) > 0)
    set_string (&merged->modified, b->modified);

  return merged;
}

/* An id that no annotation of @kept has, from @id */
static char *
free_id (GHashTable *ids,
         const char *id)
{
  char *candidate = g_strconcat (id, "-theirs", NULL);

  for (guint n = 2; g_hash_table_contains (ids, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-theirs-%u", id, n);
    }

  return candidate;
}

/* An annotation both sides changed: the merge, their version, and the
 * fields both changed */
typedef struct
{
  GlsAnnotation *merged;  /* borrowed */
  GlsAnnotation *theirs;  /* borrowed */
  char          *fields;
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->fields);
  g_free (pending);
}

static void
keep (GPtrArray     *kept,
      GHashTable    *ids,
      GlsAnnotation *annotation)
{
  g_ptr_array_add (kept, annotation);
  g_hash_table_add (ids, annotation->id);
}

static void
merge_annotations (Merge      *m,
                   GPtrArray  *kept,
                   GHashTable *ids)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);

  /* ours, and what theirs did to it */
  for (guint i = 0; i < m->ours->annotations->len; i++)
    {
      GlsAnnotation *a = g_ptr_array_index (m->ours->annotations, i);
      GlsAnnotation *o = find_annotation (m->base, a->id);
      GlsAnnotation *b = find_annotation (m->theirs, a->id);

      if (b == NULL && o == NULL)
        keep (kept, ids, g_object_ref (a));                 /* added here */
      else if (b == NULL && same_annotation (o, a))
        ;                                                   /* deleted there */
      else if (b == NULL)
        {
          GlsAnnotation *copy = _gls_annotation_copy (a);   /* changed here, deleted there */

          set_attribute (copy, GLS_MERGE_CONFLICT_ATTRIBUTE, "deleted");
          keep (kept, ids, copy);
          g_ptr_array_add (m->conflicts,
                           g_strdup_printf (_("annotation “%s”: changed on this side, deleted on the other; "
                                              "kept, marked for review"), a->id));
        }
      else
        {
          g_autoptr(GString) fields = g_string_new (NULL);
          GlsAnnotation *merged = merge_annotation (o, a, b, fields);

          keep (kept, ids, merged);
          if (fields->len > 0)
            {
              Pending *p = g_new0 (Pending, 1);

              p->merged = merged;
              p->theirs = b;
              p->fields = g_strdup (fields->str);
              g_ptr_array_add (pending, p);
            }
        }
    }

  /* theirs that ours lacks */
  for (guint i = 0; i < m->theirs->annotations->len; i++)
    {
      GlsAnnotation *b = g_ptr_array_index (m->theirs->annotations, i);
      GlsAnnotation *o = find_annotation (m->base, b->id);

      if (find_annotation (m->ours, b->id) != NULL)
        continue;
      if (o == NULL)
        keep (kept, ids, g_object_ref (b));                 /* added there */
      else if (!same_annotation (o, b))
        {
          GlsAnnotation *copy = _gls_annotation_copy (b);   /* deleted here, changed there */

          set_attribute (copy, GLS_MERGE_CONFLICT_ATTRIBUTE, "deleted");
          keep (kept, ids, copy);
          g_ptr_array_add (m->conflicts,
                           g_strdup_printf (_("annotation “%s”: deleted on this side, changed on the other; "
                                              "kept, marked for review"), b->id));
        }
    }

  /* both changed the same field: their version beside ours, both marked,
   * once every id of the result is known */
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);
      GlsAnnotation *b = p->theirs;
      GlsAnnotation *copy = _gls_annotation_copy (b);
      g_autofree char *other = free_id (ids, b->id);

      set_string (&copy->id, other);
      set_attribute (copy, GLS_MERGE_CONFLICT_ATTRIBUTE, b->id);
      set_attribute (p->merged, GLS_MERGE_CONFLICT_ATTRIBUTE, other);
      keep (kept, ids, copy);
      g_ptr_array_add (m->conflicts,
                       /* Translators: an annotation's id, the fields (as "category, note"),
                        * then the id of the other version */
                       g_strdup_printf (_("annotation “%s”: both sides changed %s; both versions are kept, "
                                          "the other one as “%s”, marked for review"),
                                        b->id, p->fields, other));
    }
}

/* Relations by id, as a whole; both versions kept where both changed. A
 * relation whose annotation is gone goes too. */
static void
merge_relations (Merge      *m,
                 GHashTable *ids,
                 GPtrArray  *kept)
{
  g_autoptr(GHashTable) relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  GlsSidecarData *sides[] = { m->ours, m->theirs };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; i < sides[s]->relations->len; i++)
      {
        GlsRelation *r = g_ptr_array_index (sides[s]->relations, i);
        GlsRelation *o = find_relation (m->base, r->id);
        GlsRelation *other = find_relation (s == 0 ? m->theirs : m->ours, r->id);
        gboolean conflict = FALSE;
        const GlsRelation *chosen;

        if (s == 1 && other != NULL)
          continue;                                   /* merged with ours already */
        if (other == NULL)
          {
            if (o == NULL || !same_relation (o, r))
              g_ptr_array_add (candidates, g_object_ref (r)); /* added, or changed and deleted */
            continue;                                 /* else deleted on the other side */
          }

        chosen = choose (o, r, other, same_relation, &conflict);
        g_ptr_array_add (candidates, g_object_ref ((GlsRelation *) chosen));
        if (conflict)
          {
            GlsRelation *copy = _gls_relation_copy (other);
            char *id = g_strconcat (r->id, "-theirs", NULL);

            for (guint n = 2; find_relation (m->ours, id) || find_relation (m->theirs, id); n++)
              {
                g_free (id);
                id = g_strdup_printf ("%s-theirs-%u", r->id, n);
              }
            g_free (copy->id);
            copy->id = id;
            g_ptr_array_add (candidates, copy);
            g_ptr_array_add (m->conflicts,
                             g_strdup_printf (_("relation “%s”: both sides changed it; both versions are kept, "
                                                "the other one as “%s”"), r->id, copy->id));
          }
      }

  for (guint i = 0; i < candidates->len; i++)
    {
      GlsRelation *r = g_ptr_array_index (candidates, i);
      gboolean local_to = r->to != NULL && strchr (r->to, '#') == NULL;

      if (!g_hash_table_contains (ids, r->from) || (local_to && !g_hash_table_contains (ids, r->to)))
        continue;
      if (g_hash_table_add (relation_ids, r->id))
        g_ptr_array_add (kept, g_object_ref (r));
    }
}

static gboolean
same_localized (GPtrArray *a,
                GPtrArray *b)
{
  return same_strings (a, b);
}

static gboolean
same_category (GlsCategory *a,
               GlsCategory *b)
{
  return same_text (a->name, b->name) && same_text (a->color, b->color) && a->key == b->key &&
         same_text (a->parent ? a->parent->id : NULL, b->parent ? b->parent->id : NULL) &&
         same_localized (a->labels, b->labels) && same_localized (a->descriptions, b->descriptions);
}

/**
 * _gls_codebook_add_missing:
 *
 * Returns: (transfer full) (nullable): a copy of @mine with the categories
 *   of @theirs that it lacks, each under the same broader category where
 *   @mine has it; %NULL when it lacks none
 */
GlsCodebook *
_gls_codebook_add_missing (GlsCodebook *mine,
                           GlsCodebook *theirs)
{
  g_autoptr(GlsCodebook) copy = NULL;

  for (guint i = 0; i < gls_codebook_get_n_categories (theirs); i++)
    {
      GlsCategory *category = gls_codebook_get_category (theirs, i);
      g_autoptr(GlsCategory) added = NULL;
      GlsCategory *parent;

      if (gls_codebook_lookup (copy ? copy : mine, category->id) != NULL)
        continue;

      if (copy == NULL)
        copy = gls_codebook_copy (mine);

      added = gls_category_new (category->id);
      added->name = g_strdup (category->name);
      added->color = g_strdup (category->color);
      if (gls_codebook_lookup_key (copy, category->key) == NULL)
        added->key = category->key;
      for (guint j = 0; j < category->labels->len; j++)
        g_ptr_array_add (added->labels, g_strdup (g_ptr_array_index (category->labels, j)));
      for (guint j = 0; j < category->descriptions->len; j++)
        g_ptr_array_add (added->descriptions, g_strdup (g_ptr_array_index (category->descriptions, j)));

      parent = category->parent ? gls_codebook_lookup (copy, category->parent->id) : NULL;
      gls_codebook_add_category (copy, parent, added, NULL);
    }

  return g_steal_pointer (&copy);
}

static gboolean
same_codebook (gconstpointer a,
               gconstpointer b)
{
  g_autoptr(GBytes) x = NULL;
  g_autoptr(GBytes) y = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  x = _gls_codebook_file_write ((GlsCodebook *) a);
  y = _gls_codebook_file_write ((GlsCodebook *) b);

  return g_bytes_equal (x, y);
}

/* The side that changed the codebook; when both did, ours with the
 * categories theirs added; a category both changed differently keeps
 * ours, and is a conflict. Categories are never dropped by a merge. */
static GlsCodebook *
merge_codebook (Merge *m)
{
  GlsCodebook *o = m->base ? m->base->codebook : NULL;
  GlsCodebook *a = m->ours->codebook, *b = m->theirs->codebook;
  gboolean conflict = FALSE;
  GlsCodebook *chosen;
  GlsCodebook *merged;

  chosen = (GlsCodebook *) choose (o, a, b, same_codebook, &conflict);
  if (!conflict || b == NULL)
    return chosen ? g_object_ref (chosen) : gls_codebook_new (NULL, NULL);
  if (a == NULL)
    return g_object_ref (b);

  for (guint i = 0; i < gls_codebook_get_n_categories (b); i++)
    {
      GlsCategory *theirs = gls_codebook_get_category (b, i);
      GlsCategory *ours = gls_codebook_lookup (a, theirs->id);
      GlsCategory *base = o ? gls_codebook_lookup (o, theirs->id) : NULL;

      if (ours == NULL || same_category (ours, theirs))
        continue;
      if (base != NULL && (same_category (base, ours) || same_category (base, theirs)))
        continue;
      g_ptr_array_add (m->conflicts,
                       g_strdup_printf (_("category “%s”: both sides changed it differently; this side’s "
                                          "version is kept"), theirs->id));
    }

  merged = _gls_codebook_add_missing (a, b);

  return merged ? merged : g_object_ref (a);
}

/* The article both sides describe; when both changed it differently
 * (the article itself conflicts in git), ours. */
static GlsSource *
merge_source (Merge *m)
{
  GlsSidecarData *o = m->base, *a = m->ours, *b = m->theirs;
  GlsSidecarData *chosen = a;
  g_autofree char *oa = NULL, *ob = NULL, *ab = NULL;
  GlsNewlines newlines = GLS_NEWLINES_LF;

#define DESCRIBE(d) g_strdup_printf ("%s\n%s\n%d\n%s\n%" G_GUINT64_FORMAT "\n%s", (d)->href, \
                                     (d)->encoding, (d)->bom, (d)->newlines, (d)->length, (d)->sha256)
  ab = DESCRIBE (a);
  ob = DESCRIBE (b);
  oa = o ? DESCRIBE (o) : NULL;
#undef DESCRIBE

  if (g_strcmp0 (ab, ob) != 0)
    {
      if (g_strcmp0 (oa, ab) == 0)
        chosen = b;
      else if (g_strcmp0 (oa, ob) != 0)
        g_ptr_array_add (m->conflicts,
                         g_strdup (_("the article: both sides annotated a changed article, differently; "
                                     "this side’s is kept")));
    }

  gls_newlines_from_string (chosen->newlines, &newlines);

  return _gls_source_new_described (chosen->href ? chosen->href : "",
                                    g_strcmp0 (chosen->type, "html") == 0 ? GLS_SOURCE_KIND_HTML : GLS_SOURCE_KIND_TEXT,
                                    chosen->encoding, chosen->bom,
                                    newlines, (guint) chosen->length, chosen->sha256);
}

static GlsSidecarData *
read_sidecar (GFile    *file,
              gboolean  may_be_empty,
              GError  **error)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  GlsSidecarData *data;

  if ((bytes = gls_read_file (file, GLS_FILE_SIDECAR, NULL, NULL, error)) == NULL)
    return NULL;

  /* git's base of a file both sides added is empty */
  if (may_be_empty && g_bytes_get_size (bytes) == 0)
    {
      data = g_new0 (GlsSidecarData, 1);
      data->annotations = g_ptr_array_new_with_free_func (g_object_unref);
      data->relations = g_ptr_array_new_with_free_func (g_object_unref);
      return data;
    }

  if ((data = _gls_sidecar_read (bytes, name, problems, error)) == NULL)
    return NULL;

  return data;
}

static void
add_to_array (gpointer item,
              gpointer user_data)
{
  g_ptr_array_add (user_data, item);
}

static gboolean
write_result (Merge       *m,
              GFile       *target,
              GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlsAnnotationList) list = _gls_annotation_list_new ();
  g_autoptr(GlsSidecarSnapshot) snapshot = NULL;
  g_autoptr(GlsSource) source = merge_source (m);
  g_autoptr(GlsCodebook) codebook = merge_codebook (m);
  g_autoptr(GlsAtomicFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const GlsForeign *foreign, *source_foreign;
  gboolean conflict = FALSE;
  const char *note;

  merge_annotations (m, kept, ids);

  snapshot = _gls_sidecar_snapshot_new (G_OBJECT (source), source, codebook);
  /* in the order every save writes them */
  for (guint i = 0; i < kept->len; i++)
    _gls_annotation_list_insert (list, g_ptr_array_index (kept, i), FALSE);
  _gls_annotation_list_foreach (list, add_to_array, snapshot->annotations);
  merge_relations (m, ids, snapshot->relations);

  snapshot->version = g_strdup (choose (m->base ? m->base->version : NULL, m->ours->version,
                                        m->theirs->version, same_string, &conflict));
  if (conflict && g_strcmp0 (m->theirs->version, m->ours->version) > 0)
    set_string (&snapshot->version, m->theirs->version);

  /* the note: both, ours first, where both changed it */
  conflict = FALSE;
  note = choose (m->base ? m->base->note : NULL, m->ours->note, m->theirs->note, same_string, &conflict);
  if (conflict)
    {
      gboolean both = !same_text (m->ours->note, NULL) && !same_text (m->theirs->note, NULL);

      snapshot->note = g_strconcat (m->ours->note ? m->ours->note : "", both ? "\n\n" : "",
                                    m->theirs->note ? m->theirs->note : "", NULL);
      g_ptr_array_add (m->conflicts,
                       g_strdup (_("the note on the article: both sides changed it; both versions are kept, "
                                   "one after the other")));
    }
  else
    snapshot->note = g_strdup (note);

  foreign = choose (m->base ? m->base->foreign : NULL, m->ours->foreign, m->theirs->foreign,
                    same_foreign, &conflict);
  source_foreign = choose (m->base ? m->base->source_foreign : NULL, m->ours->source_foreign,
                           m->theirs->source_foreign, same_foreign, &conflict);
  snapshot->foreign = foreign;
  snapshot->source_foreign = source_foreign;
  snapshot->needs_1_1 = gls_source_get_kind (source) == GLS_SOURCE_KIND_HTML;

  bytes = _gls_sidecar_write_bytes (snapshot);

  if ((file = _gls_atomic_file_new (target, error)) == NULL)
    return FALSE;
  _gls_atomic_file_write (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return _gls_atomic_file_commit (file, error);
}

/**
 * gls_sidecar_merge_files:
 * @base: the common ancestor (git's %O); an empty file is no ancestor
 * @ours: this side (git's %A), replaced by the result
 * @theirs: the other side (git's %B)
 * @conflicts: where a message for each conflict goes
 *
 * Merges three versions of a sidecar without their article, as git's
 * merge driver: annotations and relations are matched by id; what one
 * side added, deleted or changed is taken; a field both sides changed
 * differently is a conflict, and then both versions are kept, marked with
 * the attribute %GLS_MERGE_CONFLICT_ATTRIBUTE. The result is written as
 * every save is, sorted, and atomically.
 *
 * Returns: %FALSE with @error set when a file cannot be read or written
 *   (then @ours is unchanged)
 */
gboolean
gls_sidecar_merge_files (GFile      *base,
                         GFile      *ours,
                         GFile      *theirs,
                         GPtrArray  *conflicts,
                         GError    **error)
{
  g_autoptr(GlsSidecarData) o = NULL;
  g_autoptr(GlsSidecarData) a = NULL;
  g_autoptr(GlsSidecarData) b = NULL;
  Merge m;

  g_return_val_if_fail (G_IS_FILE (base), FALSE);
  g_return_val_if_fail (G_IS_FILE (ours), FALSE);
  g_return_val_if_fail (G_IS_FILE (theirs), FALSE);
  g_return_val_if_fail (conflicts != NULL, FALSE);

  if ((o = read_sidecar (base, TRUE, error)) == NULL ||
      (a = read_sidecar (ours, FALSE, error)) == NULL ||
      (b = read_sidecar (theirs, FALSE, error)) == NULL)
    return FALSE;

  /* an empty base says nothing, not even which article */
  m.base = o->sha256 != NULL ? o : NULL;
  m.ours = a;
  m.theirs = b;
  m.conflicts = conflicts;

  return write_result (&m, ours, error);
}
