/* gls-links.c
 * Relations as a person works with them, and links into other articles:
 * relative references written and followed, dangling ends reported. */
#define G_LOG_DOMAIN "gls-links"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gls-annotation-private.h"
#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-links.h"
#include "gls-names-private.h"
#include "gls-sidecar-reader-private.h"

/* Offered first, in this order, before the types a file already uses. */
static const char * const default_types[] = {
  "supports", "contradicts", "same-claim", "paraphrases", "cause",
};

void
gls_link_end_free (GlsLinkEnd *end)
{
  if (end == NULL)
    return;

  g_clear_object (&end->sidecar);
  g_free (end->id);
  g_free (end->quote);
  g_free (end->category);
  g_free (end);
}

/**
 * gls_document_dup_relation_types:
 *
 * Returns: (transfer full): the types to offer for a new relation: the
 *   usual ones, then those the document's relations use, each once
 */
char **
gls_document_dup_relation_types (GlsDocument *self)
{
  GListModel *relations;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_types); i++)
    {
      g_hash_table_add (seen, (char *) default_types[i]);
      g_strv_builder_add (builder, default_types[i]);
    }

  relations = gls_document_get_relations (self);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);

      if (relation->type == NULL || g_hash_table_contains (seen, relation->type))
        continue;
      g_hash_table_add (seen, relation->type);
      g_strv_builder_add (builder, relation->type);
    }

  return g_strv_builder_end (builder);
}

/**
 * gls_document_dup_relations_of:
 *
 * Returns: (transfer container) (element-type GlsRelation): the relations
 *   from or to @annotation, in the document's order
 */
GPtrArray *
gls_document_dup_relations_of (GlsDocument   *self,
                               GlsAnnotation *annotation)
{
  GListModel *relations;
  GPtrArray *found;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GLS_IS_ANNOTATION (annotation), NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  relations = gls_document_get_relations (self);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      GlsRelation *relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (relation->from, annotation->id) == 0 ||
          g_strcmp0 (relation->to, annotation->id) == 0)
        g_ptr_array_add (found, relation);
      else
        g_object_unref (relation);
    }

  return found;
}

/**
 * gls_document_set_relation_type:
 *
 * Gives @relation another type, as one step to undo; it keeps its id.
 *
 * Returns: whether it changed
 */
gboolean
gls_document_set_relation_type (GlsDocument *self,
                                GlsRelation *relation,
                                const char  *type)
{
  g_autoptr(GlsRelation) retyped = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLS_IS_RELATION (relation), FALSE);
  g_return_val_if_fail (type != NULL && *type != '\0', FALSE);

  if (g_strcmp0 (relation->type, type) == 0 || !_gls_document_find_relation (self, relation, NULL))
    return FALSE;

  retyped = _gls_relation_copy (relation);
  g_free (retyped->type);
  retyped->type = g_strdup (type);

  gls_document_begin_group (self);
  gls_document_remove_relation (self, relation);
  if (!gls_document_insert_relation (self, retyped, &error))
    g_critical ("Cannot retype relation %s: %s", relation->id, error->message);
  gls_document_end_group (self);

  return error == NULL;
}

/* The folders of @path, without the file's name. */
static char **
split_folders (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_auto(GStrv) parts = g_strsplit (dir, G_DIR_SEPARATOR_S, -1);
  g_autoptr(GStrvBuilder) folders = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (folders, parts[i]);

  return g_strv_builder_end (folders);
}

/**
 * gls_link_href:
 *
 * Returns: (transfer full): the reference to annotation @id of
 *   @to_sidecar, relative to @from_sidecar: "OTHER.txt.annotations.xml#ID"
 *   or "../b/OTHER.txt.annotations.xml#ID", with '%', '#' and spaces in
 *   names escaped as in a URI
 */
char *
gls_link_href (GFile      *from_sidecar,
               GFile      *to_sidecar,
               const char *id)
{
  g_autofree char *from_path = NULL;
  g_autofree char *to_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_auto(GStrv) from_dirs = NULL;
  g_auto(GStrv) to_dirs = NULL;
  g_autoptr(GString) relative = g_string_new (NULL);
  guint common = 0;

  g_return_val_if_fail (G_IS_FILE (from_sidecar), NULL);
  g_return_val_if_fail (G_IS_FILE (to_sidecar), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  from_path = g_file_get_path (from_sidecar);
  to_path = g_file_get_path (to_sidecar);
  name = g_file_get_basename (to_sidecar);

  if (from_path != NULL && to_path != NULL)
    {
      from_dirs = split_folders (from_path);
      to_dirs = split_folders (to_path);
      while (from_dirs[common] != NULL && to_dirs[common] != NULL &&
             strcmp (from_dirs[common], to_dirs[common]) == 0)
        common++;
      for (guint i = common; from_dirs[i] != NULL; i++)
        g_string_append (relative, "../");
      for (guint i = common; to_dirs[i] != NULL; i++)
        g_string_append_printf (relative, "%s/", to_dirs[i]);
    }
  g_string_append (relative, name);

  escaped = g_uri_escape_string (relative->str, "/!$&'()*+,;=:@", TRUE);

  return g_strconcat (escaped, "#", id, NULL);
}

/**
 * gls_link_dup_sidecar:
 * @base_sidecar: the sidecar that holds the relation
 * @to: the relation's end as written: an id, or "OTHER…#ID"
 * @id: (out) (optional): the annotation's id
 *
 * Returns: (transfer full) (nullable): the sidecar @to points into,
 *   @base_sidecar itself for a plain id; %NULL when @to cannot be one
 */
GFile *
gls_link_dup_sidecar (GFile       *base_sidecar,
                      const char  *to,
                      char       **id)
{
  const char *hash;
  g_autofree char *href = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (G_IS_FILE (base_sidecar), NULL);
  g_return_val_if_fail (to != NULL, NULL);

  if ((hash = strrchr (to, '#')) == NULL)
    {
      if (id != NULL)
        *id = g_strdup (to);
      return g_object_ref (base_sidecar);
    }

  href = g_strndup (to, hash - to);
  if (*href == '\0' || hash[1] == '\0' || (path = g_uri_unescape_string (href, NULL)) == NULL ||
      g_path_is_absolute (path) || strstr (href, "://") != NULL)
    return NULL;

  if (id != NULL)
    *id = g_strdup (hash + 1);
  folder = g_file_get_parent (base_sidecar);

  return g_file_resolve_relative_path (folder, path);
}

/**
 * gls_relation_is_link:
 *
 * Returns: whether @self leads into another article's sidecar
 */
gboolean
gls_relation_is_link (GlsRelation *self)
{
  g_return_val_if_fail (GLS_IS_RELATION (self), FALSE);

  return self->to != NULL && strchr (self->to, '#') != NULL;
}

/**
 * gls_document_add_link:
 * @other_sidecar: the sidecar of the other article, or this document's own
 *
 * Adds a relation from @from to annotation @other_id of another article,
 * written as a reference relative to this document's sidecar; as one step
 * to undo. A link to this document's own sidecar is a plain relation.
 *
 * Returns: (transfer none): the new relation
 */
GlsRelation *
gls_document_add_link (GlsDocument    *self,
                       const char     *type,
                       GlsAnnotation  *from,
                       GFile          *other_sidecar,
                       const char     *other_id,
                       GError        **error)
{
  g_autoptr(GlsRelation) relation = NULL;
  g_autofree char *href = NULL;
  GFile *sidecar;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (GLS_IS_ANNOTATION (from), NULL);
  g_return_val_if_fail (G_IS_FILE (other_sidecar), NULL);
  g_return_val_if_fail (other_id != NULL, NULL);

  if (!_gls_is_ncname (type))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("“%s” cannot be a relation type: it must start with a letter and hold only "
                     "letters, digits, “-”, “_” and “.”"), type);
      return NULL;
    }

  sidecar = gls_document_get_sidecar_file (self);
  if (sidecar != NULL && g_file_equal (sidecar, other_sidecar))
    {
      GlsAnnotation *to = gls_document_lookup_annotation (self, other_id);

      if (to == NULL)
        {
          g_set_error (error, GLS_ERROR, GLS_ERROR_NOT_FOUND,
                       _("There is no annotation “%s” in this article"), other_id);
          return NULL;
        }
      return gls_document_add_relation (self, type, from, to, error);
    }

  if (sidecar == NULL)
    {
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID,
                           _("An article that was never saved cannot link to another one"));
      return NULL;
    }

  href = gls_link_href (sidecar, other_sidecar, other_id);
  relation = gls_relation_new (type, from->id, href);
  if (!gls_document_insert_relation (self, relation, error))
    return NULL;

  return relation;
}

/* ------------------------------------------------------------------ */
/* Following links                                                      */

struct _GlsLinkResolver
{
  GHashTable *documents;  /* GFile sidecar → GlsDocument, the open ones */
  GHashTable *read;       /* GFile sidecar → GHashTable id → GlsAnnotation, or NULL when unreadable */
};

/* NULL stands for a sidecar that could not be read */
static void
unref_annotations (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

GlsLinkResolver *
gls_link_resolver_new (void)
{
  GlsLinkResolver *self = g_rc_box_new0 (GlsLinkResolver);

  self->documents = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, g_object_unref);
  self->read = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref,
                                      unref_annotations);

  return self;
}

static void
clear_resolver (gpointer data)
{
  GlsLinkResolver *self = data;

  g_hash_table_unref (self->documents);
  g_hash_table_unref (self->read);
}

GlsLinkResolver *
gls_link_resolver_ref (GlsLinkResolver *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
gls_link_resolver_unref (GlsLinkResolver *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, clear_resolver);
}

/* Stops asking @document. */
void
gls_link_resolver_remove_document (GlsLinkResolver *self,
                                   GlsDocument     *document)
{
  GFile *sidecar;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GLS_IS_DOCUMENT (document));

  if ((sidecar = gls_document_get_sidecar_file (document)) != NULL &&
      g_hash_table_lookup (self->documents, sidecar) == document)
    g_hash_table_remove (self->documents, sidecar);
}

/* Asks @document, not its file, for the annotations of its sidecar. */
void
gls_link_resolver_add_document (GlsLinkResolver *self,
                                GlsDocument     *document)
{
  GFile *sidecar;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GLS_IS_DOCUMENT (document));

  if ((sidecar = gls_document_get_sidecar_file (document)) != NULL)
    g_hash_table_replace (self->documents, g_object_ref (sidecar), g_object_ref (document));
}

/* Forgets the sidecars read so far, so that they are read again. */
void
gls_link_resolver_forget (GlsLinkResolver *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->read);
}

/* The annotations of a sidecar that is not open, by id; NULL when it
 * cannot be read. */
static GHashTable *
read_sidecar (GlsLinkResolver *self,
              GFile           *sidecar)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autofree char *name = NULL;
  GHashTable *annotations = NULL;

  if (g_hash_table_lookup_extended (self->read, sidecar, NULL, (gpointer *) &annotations))
    return annotations;

  name = g_file_get_parse_name (sidecar);
  if ((bytes = g_file_load_bytes (sidecar, NULL, NULL, NULL)) != NULL &&
      (data = _gls_sidecar_read (bytes, name, problems, NULL)) != NULL)
    {
      annotations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      for (guint i = 0; i < data->annotations->len; i++)
        {
          GlsAnnotation *annotation = g_ptr_array_index (data->annotations, i);

          g_hash_table_replace (annotations, annotation->id, g_object_ref (annotation));
        }
    }

  g_hash_table_insert (self->read, g_object_ref (sidecar), annotations);

  return annotations;
}

/* An annotation's text from its sidecar: its quotes, joined. */
static char *
dup_stored_quote (GlsAnnotation *annotation)
{
  g_autoptr(GString) quote = g_string_new (NULL);

  for (guint i = 0; i < annotation->targets->len; i++)
    {
      GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, i);

      if (quote->len > 0)
        g_string_append (quote, " … ");
      g_string_append (quote, target->exact ? target->exact : "");
    }

  return g_string_free (g_steal_pointer (&quote), FALSE);
}

static char *
dup_document_quote (GlsDocument   *document,
                    GlsAnnotation *annotation)
{
  GlsSource *source = gls_document_get_source (document);
  g_autoptr(GString) quote = g_string_new (NULL);

  for (guint i = 0; i < gls_annotation_get_n_targets (annotation); i++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, i);
      g_autofree char *text = NULL;

      if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
        return dup_stored_quote (annotation);
      text = gls_source_dup_quote (source, span.start, span.end);
      if (quote->len > 0)
        g_string_append (quote, " … ");
      g_string_append (quote, text ? text : "");
    }

  return g_string_free (g_steal_pointer (&quote), FALSE);
}

/**
 * gls_link_resolver_resolve:
 * @document: the document that holds the relation
 * @end: one end of a relation of @document, as written
 *
 * Returns: (transfer full): where @end leads, with the other annotation's
 *   quote, or why it dangles
 */
GlsLinkEnd *
gls_link_resolver_resolve (GlsLinkResolver *self,
                           GlsDocument     *document,
                           const char      *end)
{
  g_autoptr(GlsLinkEnd) found = g_new0 (GlsLinkEnd, 1);
  GlsDocument *other;
  GlsAnnotation *annotation = NULL;
  GHashTable *annotations;
  GFile *base;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (end != NULL, NULL);

  base = gls_document_get_sidecar_file (document);
  if (strchr (end, '#') == NULL || base == NULL)
    {
      other = document;
      found->sidecar = base ? g_object_ref (base) : NULL;
      found->id = g_strdup (end);
    }
  else if ((found->sidecar = gls_link_dup_sidecar (base, end, &found->id)) == NULL)
    {
      found->state = GLS_LINK_NO_FILE;
      found->id = g_strdup (end);
      return g_steal_pointer (&found);
    }
  else
    other = g_hash_table_lookup (self->documents, found->sidecar);

  if (other != NULL)
    {
      annotation = gls_document_lookup_annotation (other, found->id);
      if (annotation != NULL)
        found->quote = dup_document_quote (other, annotation);
    }
  else if ((annotations = read_sidecar (self, found->sidecar)) == NULL)
    {
      found->state = GLS_LINK_NO_FILE;
      return g_steal_pointer (&found);
    }
  else if ((annotation = g_hash_table_lookup (annotations, found->id)) != NULL)
    found->quote = dup_stored_quote (annotation);

  if (annotation == NULL)
    {
      found->state = GLS_LINK_NO_ANNOTATION;
      return g_steal_pointer (&found);
    }

  found->state = GLS_LINK_OK;
  found->category = g_strdup (annotation->category);

  return g_steal_pointer (&found);
}
