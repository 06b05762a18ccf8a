/* gls-adjudication.c
 * The adjudication of one article: its passages, the decision on each, the
 * gold document they build, the steps to undo, and the state file that lets
 * the adjudicator stop and come back. */
#define G_LOG_DOMAIN "gls-adjudication"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gls-adjudication-private.h"
#include "gls-annotation-private.h"
#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-file-reader.h"
#include "gls-packed-bytes-private.h"
#include "gls-sidecar-reader-private.h"

G_DEFINE_FINAL_TYPE (GlsAdjudication, gls_adjudication, G_TYPE_OBJECT)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
step_free (Step *step)
{
  g_array_unref (step->changes);
  g_ptr_array_unref (step->added);
  g_ptr_array_unref (step->removed);
  g_free (step);
}

static void
gls_adjudication_finalize (GObject *object)
{
  GlsAdjudication *self = (GlsAdjudication *) object;

  g_clear_object (&self->gold);
  g_clear_object (&self->gold_file);
  g_clear_pointer (&self->coders, g_ptr_array_unref);
  g_clear_pointer (&self->passages, g_ptr_array_unref);
  g_clear_pointer (&self->settled, g_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->gold_owner);

  G_OBJECT_CLASS (gls_adjudication_parent_class)->finalize (object);
}

static void
gls_adjudication_class_init (GlsAdjudicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gls_adjudication_finalize;

  /**
   * GlsAdjudication::decided:
   * @passage: the passage whose decision changed, was undone or redone
   */
  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
gls_adjudication_init (GlsAdjudication *self)
{
  self->settled = g_array_new (FALSE, TRUE, sizeof (Settled));
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/**
 * gls_adjudication_new:
 * @gold: the document the gold standard is made in
 * @coders: (transfer container): GlsCoder, two or three, whose free
 *   function frees them
 */
GlsAdjudication *
gls_adjudication_new (GlsDocument *gold,
                      GPtrArray   *coders)
{
  GlsAdjudication *self;

  g_return_val_if_fail (GLS_IS_DOCUMENT (gold), NULL);
  g_return_val_if_fail (coders != NULL, NULL);
  g_return_val_if_fail (coders->len >= 2 && coders->len <= GLS_ADJUDICATION_MAX_CODERS, NULL);

  self = g_object_new (GLS_TYPE_ADJUDICATION, NULL);
  self->gold = g_object_ref (gold);
  self->coders = coders;
  self->passages = gls_passages_find (coders, FALSE);
  g_array_set_size (self->settled, self->passages->len);

  return self;
}

static char *
gold_problem (GFile     *gold_file,
              GPtrArray *problems)
{
  g_autofree char *name = g_file_get_parse_name (gold_file);
  g_autofree char *what = gls_problems_to_string (problems, GLS_PROBLEM_ERROR);

  /* Translators: a file, then what is wrong in it */
  return g_strdup_printf (_("The gold standard “%s” cannot be read: %s"), name, what);
}

static GlsDocument *
open_gold (GlsSource    *source,
           GFile        *gold_file,
           GlsCodebook  *codebook,
           GError      **error)
{
  g_autoptr(GPtrArray) problems = gls_problems_new ();
  g_autoptr(GlsSidecarData) data = NULL;
  g_autoptr(GlsDocument) gold = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_parse_name (gold_file);

  /* a new adjudication */
  if (!g_file_query_exists (gold_file, NULL))
    {
      gold = gls_document_new (source, codebook);
      g_set_object (&gold->sidecar, gold_file);
      return g_steal_pointer (&gold);
    }

  /* the version read, asked for first: a save replaces only that one, and
   * a change made while it is read is seen as one */
  info = g_file_query_info (gold_file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if ((bytes = gls_read_file (gold_file, GLS_FILE_SIDECAR, NULL, NULL, error)) == NULL)
    return NULL;

  if ((data = _gls_sidecar_read (bytes, name, problems, error)) == NULL)
    return NULL;

  gold = gls_document_new (source, data->codebook != NULL ? data->codebook : codebook);
  if (!_gls_document_adopt (gold, data, problems))
    {
      g_autofree char *message = gold_problem (gold_file, problems);
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, message);
      return NULL;
    }
  g_set_object (&gold->sidecar, gold_file);
  gold->etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
  /* the base of a merge is kept packed, as every load keeps it */
  _gls_packed_slot_pack (&gold->base, bytes);

  return g_steal_pointer (&gold);
}

/**
 * gls_adjudication_open:
 * @coder_files: (array length=n_coders): the coders' sidecars of @article
 * @gold_file: (nullable): where the gold standard is saved; %NULL for the
 *   article's own sidecar
 *
 * Reads the article, the coders' sidecars, and the gold standard and its
 * state file when an earlier adjudication left them.
 */
GlsAdjudication *
gls_adjudication_open (GFile   *article,
                       GFile  **coder_files,
                       guint    n_coders,
                       GFile   *gold_file,
                       GError **error)
{
  g_autoptr(GPtrArray) coders = g_ptr_array_new_with_free_func ((GDestroyNotify) gls_coder_free);
  g_autoptr(GlsSource) source = NULL;
  g_autoptr(GlsDocument) gold = NULL;
  g_autoptr(GlsAdjudication) self = NULL;
  g_autoptr(GFile) default_gold = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (gold_file == NULL || G_IS_FILE (gold_file), NULL);

  if (n_coders < 2 || n_coders > GLS_ADJUDICATION_MAX_CODERS)
    {
      g_set_error (error, GLS_ERROR, GLS_ERROR_INVALID,
                   _("An adjudication needs the files of two or three coders, not %u"), n_coders);
      return NULL;
    }

  if ((source = gls_source_new_for_file (article, NULL, NULL, error)) == NULL)
    return NULL;

  for (guint i = 0; i < n_coders; i++)
    {
      GlsCoder *coder = gls_coder_new_for_sidecar (coder_files[i], NULL, source, error);

      if (coder == NULL)
        return NULL;

      /* two coders of one name stay apart */
      for (guint j = 0; j < coders->len; j++)
        if (g_strcmp0 (((GlsCoder *) g_ptr_array_index (coders, j))->name, coder->name) == 0)
          {
            char *name = g_strdup_printf ("%s (%u)", coder->name, i + 1);
            g_free (coder->name);
            coder->name = name;
          }
      g_ptr_array_add (coders, coder);
    }

  if (gold_file == NULL)
    gold_file = default_gold = gls_sidecar_file_for_source (article);

  if ((gold = open_gold (source, gold_file, ((GlsCoder *) g_ptr_array_index (coders, 0))->codebook, error)) == NULL)
    return NULL;

  self = gls_adjudication_new (gold, g_steal_pointer (&coders));
  self->gold_file = g_object_ref (gold_file);

  if (!gls_adjudication_load_state (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Returns: (transfer none) (nullable): where the gold standard is saved */
GFile *
gls_adjudication_get_gold_file (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), NULL);

  return self->gold_file;
}

GlsDocument *
gls_adjudication_get_gold (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), NULL);

  return self->gold;
}

/* Returns: (transfer none): GlsCoder */
GPtrArray *
gls_adjudication_get_coders (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), NULL);

  return self->coders;
}

guint
gls_adjudication_get_n_passages (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), 0);

  return self->passages->len;
}

GlsPassage *
gls_adjudication_get_passage (GlsAdjudication *self,
                              guint            passage)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (passage < self->passages->len, NULL);

  return g_ptr_array_index (self->passages, passage);
}

/**
 * gls_adjudication_get_decision:
 * @coder: (out) (optional): the coder accepted, or -1
 */
GlsDecision
gls_adjudication_get_decision (GlsAdjudication *self,
                               guint            passage,
                               int             *coder)
{
  Settled *settled;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), GLS_DECISION_NONE);
  g_return_val_if_fail (passage < self->passages->len, GLS_DECISION_NONE);

  settled = &g_array_index (self->settled, Settled, passage);
  if (coder != NULL)
    *coder = settled->decision == GLS_DECISION_ACCEPT ? settled->coder : -1;

  return settled->decision;
}

guint
gls_adjudication_get_n_settled (GlsAdjudication *self)
{
  guint n = 0;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), 0);

  for (guint i = 0; i < self->settled->len; i++)
    if (g_array_index (self->settled, Settled, i).decision != GLS_DECISION_NONE)
      n++;

  return n;
}

/* Returns: whether decisions were taken since the last save */
gboolean
gls_adjudication_get_modified (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);

  return self->changes != self->saved_changes;
}

/**
 * gls_adjudication_find_next:
 * @after: the passage to start after, or -1 for the first
 * @backwards: look for the one before instead
 *
 * Returns: the next passage not settled yet, going round the end, or -1
 *   when all are settled
 */
int
gls_adjudication_find_next (GlsAdjudication *self,
                            int              after,
                            gboolean         backwards)
{
  int n;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), -1);

  if ((n = self->passages->len) == 0)
    return -1;
  if (after < 0 || after >= n)
    after = backwards ? 0 : n - 1;

  for (int i = 1; i <= n; i++)
    {
      int passage = ((after + (backwards ? -i : i)) % n + n) % n;

      if (g_array_index (self->settled, Settled, passage).decision == GLS_DECISION_NONE)
        return passage;
    }

  return -1;
}

static void
begin_step (GlsAdjudication *self)
{
  g_assert (self->step == NULL);

  self->step = g_new0 (Step, 1);
  self->step->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  self->step->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->step->removed = g_ptr_array_new_with_free_func (g_object_unref);
  gls_document_begin_group (self->gold);
}

static void
end_step (GlsAdjudication *self)
{
  Step *step = g_steal_pointer (&self->step);

  g_assert (step != NULL);

  gls_document_end_group (self->gold);
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }

  g_ptr_array_add (self->undo, step);
  /* a new decision is a new branch: what was undone cannot come back */
  g_ptr_array_set_size (self->redo, 0);
  self->changes++;
  for (guint i = 0; i < step->changes->len; i++)
    g_signal_emit (self, signals[DECIDED], 0, g_array_index (step->changes, Change, i).passage);
}

/* Sets the decision on @passage, in the step being made: the gold
 * annotations an earlier decision on it made go. */
static void
settle (GlsAdjudication *self,
        guint            passage,
        GlsDecision      decision,
        int              coder)
{
  Settled *settled = &g_array_index (self->settled, Settled, passage);
  const char *key = gls_passage_get_key (g_ptr_array_index (self->passages, passage));
  GListModel *annotations = G_LIST_MODEL (gls_document_get_annotations (self->gold));
  Change change = { passage, *settled, { decision, coder } };
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert (self->step != NULL);

  g_array_append_val (self->step->changes, change);
  *settled = change.after;

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_strcmp0 (gls_annotation_lookup_attribute (annotation, GLS_ADJUDICATED_PASSAGE), key) == 0)
        g_ptr_array_add (earlier, g_steal_pointer (&annotation));
    }
  for (guint i = 0; i < earlier->len; i++)
    {
      gls_document_remove_annotation (self->gold, g_ptr_array_index (earlier, i));
      g_ptr_array_add (self->step->removed, g_object_ref (g_ptr_array_index (earlier, i)));
    }
}

static void
add_attribute (GlsAnnotation *annotation,
               const char    *name,
               const char    *value)
{
  g_ptr_array_add (annotation->attributes, g_strdup (name));
  g_ptr_array_add (annotation->attributes, g_strdup (value));
}

/* Adds one gold annotation for @passage, with where it came from. */
static gboolean
add_gold (GlsAdjudication *self,
          guint            passage,
          const char      *category,
          const GlsSpan   *spans,
          guint            n_spans,
          const char      *from,
          const char      *as,
          const char      *note,
          GError         **error)
{
  g_autoptr(GlsAnnotation) annotation = NULL;

  annotation = gls_annotation_new (category, spans, n_spans, gls_document_get_annotator (self->gold));
  annotation->note = g_strdup (note);
  add_attribute (annotation, GLS_ADJUDICATED_FROM, from);
  add_attribute (annotation, GLS_ADJUDICATED_AS, as);
  add_attribute (annotation, GLS_ADJUDICATED_PASSAGE,
                 gls_passage_get_key (g_ptr_array_index (self->passages, passage)));

  if (!gls_document_add_annotation (self->gold, annotation, error))
    return FALSE;

  g_ptr_array_add (self->step->added, g_steal_pointer (&annotation));
  return TRUE;
}

static GArray *
annotation_spans (GlsAnnotation *annotation)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));

  for (guint i = 0; i < gls_annotation_get_n_targets (annotation); i++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, i);
      g_array_append_val (spans, span);
    }

  return spans;
}

/* The names of the coders who marked something in @passage, joined by “+” */
static char *
passage_coders (GlsAdjudication *self,
                GlsPassage      *passage)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->coders->len; i++)
    if (gls_passage_get_annotations (passage, i)->len > 0)
      g_ptr_array_add (names, ((GlsCoder *) g_ptr_array_index (self->coders, i))->name);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("+", (char **) names->pdata);
}

static gboolean
copy_coder (GlsAdjudication *self,
            guint            passage,
            guint            coder,
            const char      *from,
            GError         **error)
{
  GPtrArray *annotations = gls_passage_get_annotations (g_ptr_array_index (self->passages, passage), coder);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GArray) spans = annotation_spans (annotation);

      if (!add_gold (self, passage, gls_annotation_get_category (annotation),
                     (GlsSpan *) spans->data, spans->len, from, "accept",
                     gls_annotation_get_note (annotation), error))
        return FALSE;
    }

  return TRUE;
}

/* Takes back what the step being made did, after an error. */
static void
abandon_step (GlsAdjudication *self)
{
  Step *step = self->step;

  for (guint i = 0; i < step->added->len; i++)
    gls_document_remove_annotation (self->gold, g_ptr_array_index (step->added, i));
  for (guint i = 0; i < step->removed->len; i++)
    gls_document_add_annotation (self->gold, g_ptr_array_index (step->removed, i), NULL);
  for (guint i = step->changes->len; i > 0; i--)
    {
      Change *change = &g_array_index (step->changes, Change, i - 1);
      g_array_index (self->settled, Settled, change->passage) = change->before;
    }
  g_array_set_size (step->changes, 0);
  end_step (self);
}

/**
 * gls_adjudication_accept:
 *
 * Settles @passage with the annotations @coder made in it (none, when the
 * coder marked nothing there), as one step to undo.
 */
gboolean
gls_adjudication_accept (GlsAdjudication  *self,
                         guint             passage,
                         guint             coder,
                         GError          **error)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (passage < self->passages->len, FALSE);
  g_return_val_if_fail (coder < self->coders->len, FALSE);

  begin_step (self);
  settle (self, passage, GLS_DECISION_ACCEPT, coder);
  if (!copy_coder (self, passage, coder, ((GlsCoder *) g_ptr_array_index (self->coders, coder))->name, error))
    {
      abandon_step (self);
      return FALSE;
    }
  end_step (self);

  return TRUE;
}

/* Settles @passage with nothing in the gold standard. */
void
gls_adjudication_reject (GlsAdjudication *self,
                         guint            passage)
{
  g_return_if_fail (GLS_IS_ADJUDICATION (self));
  g_return_if_fail (passage < self->passages->len);

  begin_step (self);
  settle (self, passage, GLS_DECISION_REJECT, -1);
  end_step (self);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return gls_span_compare (a, b);
}

/* The category most of @passage's annotations have; on a tie, the one of
 * the first coder who used one of the tied. */
static const char *
majority_category (GlsAdjudication *self,
                   GlsPassage      *passage)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < self->coders->len; i++)
    {
      GPtrArray *annotations = gls_passage_get_annotations (passage, i);

      for (guint j = 0; j < annotations->len; j++)
        {
          const char *category = gls_annotation_get_category (g_ptr_array_index (annotations, j));
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, category)) + 1;

          g_hash_table_insert (counts, (gpointer) category, GUINT_TO_POINTER (count));
        }
    }

  for (guint i = 0; i < self->coders->len; i++)
    {
      GPtrArray *annotations = gls_passage_get_annotations (passage, i);

      for (guint j = 0; j < annotations->len; j++)
        {
          const char *category = gls_annotation_get_category (g_ptr_array_index (annotations, j));
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, category));

          if (count > best_count)
            {
              best = category;
              best_count = count;
            }
        }
    }

  return best;
}

/**
 * gls_adjudication_merge:
 *
 * Settles @passage with one annotation over the union of every coder's
 * spans in it (spans that overlap or touch join), in the category most of
 * them gave.
 */
gboolean
gls_adjudication_merge (GlsAdjudication  *self,
                        guint             passage,
                        GError          **error)
{
  GlsPassage *p;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
  g_autofree char *from = NULL;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (passage < self->passages->len, FALSE);

  p = g_ptr_array_index (self->passages, passage);
  for (guint i = 0; i < self->coders->len; i++)
    {
      GPtrArray *annotations = gls_passage_get_annotations (p, i);

      for (guint j = 0; j < annotations->len; j++)
        {
          g_autoptr(GArray) spans = annotation_spans (g_ptr_array_index (annotations, j));
          g_array_append_vals (all, spans->data, spans->len);
        }
    }
  g_array_sort (all, compare_spans);

  for (guint i = 0; i < all->len; i++)
    {
      GlsSpan span = g_array_index (all, GlsSpan, i);
      GlsSpan *last = merged->len > 0 ? &g_array_index (merged, GlsSpan, merged->len - 1) : NULL;

      if (last != NULL && span.start <= last->end)
        last->end = MAX (last->end, span.end);
      else
        g_array_append_val (merged, span);
    }

  from = passage_coders (self, p);
  begin_step (self);
  settle (self, passage, GLS_DECISION_MERGE, -1);
  if (!add_gold (self, passage, majority_category (self, p), (GlsSpan *) merged->data, merged->len,
                 from, "merge", NULL, error))
    {
      abandon_step (self);
      return FALSE;
    }
  end_step (self);

  return TRUE;
}

/**
 * gls_adjudication_edit:
 *
 * Settles @passage with one annotation the adjudicator drew: @category
 * over [@start, @end).
 */
gboolean
gls_adjudication_edit (GlsAdjudication  *self,
                       guint             passage,
                       const char       *category,
                       guint             start,
                       guint             end,
                       GError          **error)
{
  g_autofree char *from = NULL;
  GlsSpan span = { start, end };

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (passage < self->passages->len, FALSE);
  g_return_val_if_fail (category != NULL, FALSE);

  from = passage_coders (self, g_ptr_array_index (self->passages, passage));
  begin_step (self);
  settle (self, passage, GLS_DECISION_EDIT, -1);
  if (!add_gold (self, passage, category, &span, 1, from, "edit", NULL, error))
    {
      abandon_step (self);
      return FALSE;
    }
  end_step (self);

  return TRUE;
}

/**
 * gls_adjudication_accept_agreed:
 *
 * Settles every passage the coders agree on and that is not settled yet
 * with their common annotations, as one step.
 *
 * Returns: the passages settled
 */
guint
gls_adjudication_accept_agreed (GlsAdjudication *self)
{
  guint n = 0;

  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), 0);

  begin_step (self);
  for (guint i = 0; i < self->passages->len; i++)
    {
      GlsPassage *passage = g_ptr_array_index (self->passages, i);
      g_autofree char *from = NULL;

      if (gls_passage_get_kind (passage) != GLS_PASSAGE_AGREED ||
          g_array_index (self->settled, Settled, i).decision != GLS_DECISION_NONE)
        continue;

      from = passage_coders (self, passage);
      settle (self, i, GLS_DECISION_ACCEPT, 0);
      /* the coders agree: the first one's spans are everybody's, and
       * they are in the text, so that they cannot fail */
      if (!copy_coder (self, i, 0, from, NULL))
        g_warn_if_reached ();
      n++;
    }
  end_step (self);

  return n;
}

gboolean
gls_adjudication_can_undo (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);

  return self->undo->len > 0;
}

gboolean
gls_adjudication_can_redo (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);

  return self->redo->len > 0;
}

/* Moves the last step of @from to @to, taking it back (@undo) or doing it
 * again: its gold annotations and the decisions it took. */
static gboolean
replay_step (GlsAdjudication *self,
             GPtrArray       *from,
             GPtrArray       *to,
             gboolean         undo)
{
  Step *step;
  GPtrArray *take_out;
  GPtrArray *put_back;
  guint n;

  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  take_out = undo ? step->added : step->removed;
  put_back = undo ? step->removed : step->added;

  gls_document_begin_group (self->gold);
  for (guint i = 0; i < take_out->len; i++)
    gls_document_remove_annotation (self->gold, g_ptr_array_index (take_out, i));
  for (guint i = 0; i < put_back->len; i++)
    if (!gls_document_add_annotation (self->gold, g_ptr_array_index (put_back, i), NULL))
      g_warn_if_reached ();
  gls_document_end_group (self->gold);

  /* a passage a step settled twice ends as it was first (undo) or last */
  n = step->changes->len;
  for (guint i = 0; i < n; i++)
    {
      Change *change = &g_array_index (step->changes, Change, undo ? n - 1 - i : i);
      g_array_index (self->settled, Settled, change->passage) = undo ? change->before : change->after;
    }
  g_ptr_array_add (to, step);
  self->changes++;

  for (guint i = 0; i < n; i++)
    g_signal_emit (self, signals[DECIDED], 0, g_array_index (step->changes, Change, i).passage);

  return TRUE;
}

/* Takes back the last step: its decisions and its gold annotations. */
gboolean
gls_adjudication_undo (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);

  return replay_step (self, self->undo, self->redo, TRUE);
}

/* Does the last step undone again, until a new decision is taken. */
gboolean
gls_adjudication_redo (GlsAdjudication *self)
{
  g_return_val_if_fail (GLS_IS_ADJUDICATION (self), FALSE);

  return replay_step (self, self->redo, self->undo, FALSE);
}
