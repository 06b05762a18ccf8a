/* gls-passage.c
 * The coders of an article and the passages they annotated: overlapping
 * annotations of any coder make one passage, which they agree on or not. */
#define G_LOG_DOMAIN "gls-passage"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-error.h"
#include "gls-file-reader.h"
#include "gls-passage.h"
#include "gls-sidecar-reader-private.h"

struct _GlsPassage
{
  GObject         parent_instance;

  char           *key;
  guint           start;
  guint           end;
  guint           index;
  GlsPassageKind  kind;
  GPtrArray      *per_coder;  /* GPtrArray of GlsAnnotation, one per coder */
};

G_DEFINE_FINAL_TYPE (GlsPassage, gls_passage, G_TYPE_OBJECT)

GlsCoder *
gls_coder_new (const char *name)
{
  GlsCoder *coder = g_new0 (GlsCoder, 1);

  coder->name = g_strdup (name);
  coder->annotations = g_ptr_array_new_with_free_func (g_object_unref);

  return coder;
}

void
gls_coder_free (GlsCoder *coder)
{
  if (coder == NULL)
    return;

  g_free (coder->name);
  g_ptr_array_unref (coder->annotations);
  g_clear_object (&coder->codebook);
  g_free (coder);
}

static void
coder_add (GlsCoder      *coder,
           GlsAnnotation *annotation)
{
  if (gls_annotation_get_anchor (annotation) != GLS_ANCHOR_ORPHANED)
    g_ptr_array_add (coder->annotations, g_object_ref (annotation));
}

/* The annotator most of @annotations name, or NULL */
static char *
most_named_annotator (GPtrArray *annotations)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < annotations->len; i++)
    {
      const char *annotator = gls_annotation_get_annotator (g_ptr_array_index (annotations, i));
      guint count;

      if (annotator == NULL || *annotator == '\0')
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, annotator)) + 1;
      g_hash_table_insert (counts, (gpointer) annotator, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = annotator;
          best_count = count;
        }
    }

  return g_strdup (best);
}

/**
 * gls_coder_new_for_sidecar:
 * @name: (nullable): the coder's name; %NULL for the annotator most of the
 *   sidecar's annotations name, or else the sidecar's folder
 * @source: (nullable): the article the sidecar must describe
 *
 * Reads one coder's sidecar. A sidecar of another article than @source
 * (another length or SHA-256) is refused, naming the file.
 */
GlsCoder *
gls_coder_new_for_sidecar (GFile       *sidecar,
                           const char  *name,
                           GlsSource   *source,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  g_autofree char *found = NULL;
  GlsCoder *coder;

  g_return_val_if_fail (G_IS_FILE (sidecar), NULL);
  g_return_val_if_fail (source == NULL || GLS_IS_SOURCE (source), NULL);

  display = g_file_get_parse_name (sidecar);
  if ((bytes = gls_read_file (sidecar, GLS_FILE_SIDECAR, NULL, NULL, error)) == NULL)
    return NULL;
  if ((data = _gls_sidecar_read (bytes, display, problems, error)) == NULL)
    return NULL;

  if (source != NULL &&
      (data->length != gls_source_get_length (source) ||
       g_strcmp0 (data->sha256, gls_source_get_sha256 (source)) != 0))
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("“%s” annotates another article than “%s”: the length or the SHA-256 "
                     "of the article differs"),
                   display, gls_source_get_display_name (source));
      return NULL;
    }

  if (name == NULL && (found = most_named_annotator (data->annotations)) == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (sidecar);
      found = folder != NULL ? g_file_get_basename (folder) : g_strdup (display);
    }

  coder = gls_coder_new (name != NULL ? name : found);
  coder->codebook = data->codebook != NULL ? g_object_ref (data->codebook) : NULL;
  for (guint i = 0; i < data->annotations->len; i++)
    coder_add (coder, g_ptr_array_index (data->annotations, i));

  return coder;
}

/**
 * gls_coder_new_for_document:
 *
 * The annotations of @document (as they are now, saved or not) as one
 * coder's work.
 */
GlsCoder *
gls_coder_new_for_document (GlsDocument *document,
                            const char  *name)
{
  GListModel *annotations;
  GlsCoder *coder;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  coder = gls_coder_new (name);
  annotations = G_LIST_MODEL (gls_document_get_annotations (document));
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, i);
      coder_add (coder, annotation);
    }

  return coder;
}

static int
compare_coders (gconstpointer a,
                gconstpointer b)
{
  const GlsCoder *x = *(GlsCoder * const *) a, *y = *(GlsCoder * const *) b;

  return g_utf8_collate (x->name, y->name);
}

/**
 * gls_coders_by_annotator:
 *
 * Returns: (transfer full): the coders of one document, GlsCoder, as its
 *   annotations name them, sorted by name; annotations without an
 *   annotator are left out
 */
GPtrArray *
gls_coders_by_annotator (GlsDocument *document)
{
  GPtrArray *coders = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_coder_free);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *annotations;

  g_return_val_if_fail (GLS_IS_DOCUMENT (document), coders);

  annotations = G_LIST_MODEL (gls_document_get_annotations (document));
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *annotator = gls_annotation_get_annotator (annotation);
      GlsCoder *coder;

      if (annotator == NULL || *annotator == '\0')
        continue;
      if ((coder = g_hash_table_lookup (index, annotator)) == NULL)
        {
          coder = gls_coder_new (annotator);
          g_ptr_array_add (coders, coder);
          g_hash_table_insert (index, coder->name, coder);
        }
      coder_add (coder, annotation);
    }
  g_ptr_array_sort (coders, compare_coders);

  return coders;
}

/**
 * gls_coders_fill_agreement:
 * @length: the article's code points
 *
 * Adds @coders, GlsCoder, and their spans to @agreement, as one article.
 *
 * Returns: the article's number in @agreement
 */
guint
gls_coders_fill_agreement (GPtrArray    *coders,
                           GlsAgreement *agreement,
                           guint         length)
{
  guint article;

  g_return_val_if_fail (coders != NULL, 0);
  g_return_val_if_fail (agreement != NULL, 0);

  article = gls_agreement_add_article (agreement, "", length);
  for (guint i = 0; i < coders->len; i++)
    {
      GlsCoder *coder = g_ptr_array_index (coders, i);
      guint number = gls_agreement_add_coder (agreement, coder->name);

      for (guint j = 0; j < coder->annotations->len; j++)
        {
          GlsAnnotation *annotation = g_ptr_array_index (coder->annotations, j);

          for (guint k = 0; k < gls_annotation_get_n_targets (annotation); k++)
            {
              GlsSpan span = gls_annotation_get_target (annotation, k);
              gls_agreement_add_span (agreement, article, number,
                                      gls_annotation_get_category (annotation), span.start, span.end);
            }
        }
    }

  return article;
}

static void
gls_passage_finalize (GObject *object)
{
  GlsPassage *self = (GlsPassage *) object;

  g_free (self->key);
  g_ptr_array_unref (self->per_coder);

  G_OBJECT_CLASS (gls_passage_parent_class)->finalize (object);
}

static void
gls_passage_class_init (GlsPassageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gls_passage_finalize;
}

static void
gls_passage_init (GlsPassage *self)
{
  self->per_coder = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

typedef struct
{
  guint          coder;
  GlsAnnotation *annotation;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  guint xs = gls_annotation_get_start (x->annotation);
  guint ys = gls_annotation_get_start (y->annotation);

  if (xs != ys)
    return xs < ys ? -1 : 1;
  if (x->coder != y->coder)
    return x->coder < y->coder ? -1 : 1;
  return g_strcmp0 (gls_annotation_get_id (x->annotation), gls_annotation_get_id (y->annotation));
}

/* What one coder did in a passage, as text that is equal when the work is:
 * the sorted spans of each annotation, with its category or not. */
static char *
coder_signature (GPtrArray *annotations,
                 gboolean   with_category)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *part;

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);

      part = g_string_new (with_category ? gls_annotation_get_category (annotation) : "");
      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_string_append_printf (part, " %u-%u", span.start, span.end);
        }
      g_ptr_array_add (parts, g_string_free (part, FALSE));
    }
  g_ptr_array_sort (parts, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (";", (char **) parts->pdata);
}

static gboolean
coders_agree (GlsPassage *self,
              gboolean    with_category)
{
  g_autofree char *first = coder_signature (g_ptr_array_index (self->per_coder, 0), with_category);

  for (guint i = 1; i < self->per_coder->len; i++)
    {
      g_autofree char *other = coder_signature (g_ptr_array_index (self->per_coder, i), with_category);

      if (strcmp (first, other) != 0)
        return FALSE;
    }

  return TRUE;
}

static GlsPassageKind
classify (GlsPassage *self)
{
  for (guint i = 0; i < self->per_coder->len; i++)
    if (((GPtrArray *) g_ptr_array_index (self->per_coder, i))->len == 0)
      return GLS_PASSAGE_UNMATCHED;

  if (coders_agree (self, TRUE))
    return GLS_PASSAGE_AGREED;
  if (coders_agree (self, FALSE))
    return GLS_PASSAGE_CATEGORY;
  return GLS_PASSAGE_SPANS;
}

static GlsPassage *
passage_new (guint n_coders,
             guint start)
{
  GlsPassage *self = g_object_new (GLS_TYPE_PASSAGE, NULL);

  self->start = self->end = start;
  for (guint i = 0; i < n_coders; i++)
    g_ptr_array_add (self->per_coder, g_ptr_array_new_with_free_func (g_object_unref));

  return self;
}

/**
 * gls_passages_find:
 * @coders: GlsCoder, at least one
 * @disagreements_only: leave out the passages the coders agree on
 *
 * Annotations of any coder whose extents overlap make one passage; spans
 * that only touch stay apart.
 *
 * Returns: (transfer full): GlsPassage, in the order of the text
 */
GPtrArray *
gls_passages_find (GPtrArray *coders,
                   gboolean   disagreements_only)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  GPtrArray *passages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlsPassage) current = NULL;

  g_return_val_if_fail (coders != NULL && coders->len > 0, passages);

  for (guint i = 0; i < coders->len; i++)
    {
      GlsCoder *coder = g_ptr_array_index (coders, i);

      for (guint j = 0; j < coder->annotations->len; j++)
        {
          Entry entry = { i, g_ptr_array_index (coder->annotations, j) };
          g_array_append_val (entries, entry);
        }
    }
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i <= entries->len; i++)
    {
      Entry *entry = i < entries->len ? &g_array_index (entries, Entry, i) : NULL;

      if (current != NULL && (entry == NULL || gls_annotation_get_start (entry->annotation) >= current->end))
        {
          current->kind = classify (current);
          current->key = g_strdup_printf ("p%u-%u", current->start, current->end);
          if (!disagreements_only || current->kind != GLS_PASSAGE_AGREED)
            {
              current->index = passages->len;
              g_ptr_array_add (passages, g_steal_pointer (&current));
            }
          g_clear_object (&current);
        }
      if (entry == NULL)
        break;

      if (current == NULL)
        current = passage_new (coders->len, gls_annotation_get_start (entry->annotation));
      current->end = MAX (current->end, gls_annotation_get_end (entry->annotation));
      g_ptr_array_add (g_ptr_array_index (current->per_coder, entry->coder), g_object_ref (entry->annotation));
    }

  return passages;
}

/* Returns: the passage's name, stable while the coders' files are: its
 * offsets */
const char *
gls_passage_get_key (GlsPassage *self)
{
  g_return_val_if_fail (GLS_IS_PASSAGE (self), NULL);

  return self->key;
}

guint
gls_passage_get_start (GlsPassage *self)
{
  g_return_val_if_fail (GLS_IS_PASSAGE (self), 0);

  return self->start;
}

guint
gls_passage_get_end (GlsPassage *self)
{
  g_return_val_if_fail (GLS_IS_PASSAGE (self), 0);

  return self->end;
}

/* Returns: the passage's place in the array gls_passages_find() made */
guint
gls_passage_get_index (GlsPassage *self)
{
  g_return_val_if_fail (GLS_IS_PASSAGE (self), 0);

  return self->index;
}

GlsPassageKind
gls_passage_get_kind (GlsPassage *self)
{
  g_return_val_if_fail (GLS_IS_PASSAGE (self), GLS_PASSAGE_AGREED);

  return self->kind;
}

guint
gls_passage_get_n_coders (GlsPassage *self)
{
  g_return_val_if_fail (GLS_IS_PASSAGE (self), 0);

  return self->per_coder->len;
}

/* Returns: (transfer none): the annotations of @coder in the passage, in
 * the order of the text */
GPtrArray *
gls_passage_get_annotations (GlsPassage *self,
                             guint       coder)
{
  g_return_val_if_fail (GLS_IS_PASSAGE (self), NULL);
  g_return_val_if_fail (coder < self->per_coder->len, NULL);

  return g_ptr_array_index (self->per_coder, coder);
}

const char *
gls_passage_kind_to_string (GlsPassageKind kind)
{
  switch (kind)
    {
    case GLS_PASSAGE_AGREED:
      return _("agreed");
    case GLS_PASSAGE_UNMATCHED:
      return _("marked by some coders only");
    case GLS_PASSAGE_CATEGORY:
      return _("different categories");
    case GLS_PASSAGE_SPANS:
      return _("different spans");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gls_passage_dup_summary:
 * @coders: the GlsCoder the passage was found in
 *
 * Returns: what each coder marked, on one line: “alice: claim 10–25 ·
 *   bob: —”
 */
char *
gls_passage_dup_summary (GlsPassage *self,
                         GPtrArray  *coders)
{
  GString *summary = g_string_new (NULL);

  g_return_val_if_fail (GLS_IS_PASSAGE (self), NULL);
  g_return_val_if_fail (coders != NULL && coders->len == self->per_coder->len, NULL);

  for (guint i = 0; i < coders->len; i++)
    {
      GPtrArray *annotations = g_ptr_array_index (self->per_coder, i);

      if (i > 0)
        g_string_append (summary, " · ");
      g_string_append_printf (summary, "%s:", ((GlsCoder *) g_ptr_array_index (coders, i))->name);
      if (annotations->len == 0)
        g_string_append (summary, " —");
      for (guint j = 0; j < annotations->len; j++)
        {
          GlsAnnotation *annotation = g_ptr_array_index (annotations, j);

          /* Translators: a category and the offsets of its annotation */
          g_string_append_printf (summary, _(" %s %u–%u"), gls_annotation_get_category (annotation),
                                  gls_annotation_get_start (annotation), gls_annotation_get_end (annotation));
        }
    }

  return g_string_free (summary, FALSE);
}
