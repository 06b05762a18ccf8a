/* gls-document-reanchor.c
 * After the article changed: the annotations that no longer sit on their
 * text follow it (FORMAT.md §2.1), as one step to undo, and a fuzzy one's
 * new place is accepted by a person. */
#define G_LOG_DOMAIN "gls-document-reanchor"

#include "config.h"

#include "gls-annotation-list-private.h"
#include "gls-document-private.h"
#include "gls-reanchor-private.h"

/**
 * gls_reanchor_report_free:
 */
void
gls_reanchor_report_free (GlsReanchorReport *report)
{
  if (report == NULL)
    return;

  for (guint i = 0; i < report->entries->len; i++)
    g_object_unref (g_array_index (report->entries, GlsReanchorEntry, i).annotation);
  g_array_unref (report->entries);
  g_free (report);
}

static GlsReanchorReport *
report_new (void)
{
  GlsReanchorReport *report = g_new0 (GlsReanchorReport, 1);

  report->entries = g_array_new (FALSE, FALSE, sizeof (GlsReanchorEntry));

  return report;
}

static void
report_add (GlsReanchorReport *report,
            GlsAnnotation     *annotation,
            guint              n,
            GlsAnchor          anchor,
            guint              old_start,
            guint              old_end,
            guint              new_start,
            guint              new_end)
{
  GlsReanchorEntry entry = {
    g_object_ref (annotation), n, anchor, old_start, old_end, new_start, new_end
  };

  g_array_append_val (report->entries, entry);
}

/* An annotation that sits on its text: each target where it is. */
static void
report_in_place (GlsReanchorReport *report,
                 GlsAnnotation     *annotation)
{
  for (guint i = 0; i < annotation->targets->len; i++)
    {
      const GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, i);

      report_add (report, annotation, i, annotation->anchor,
                  target->start, target->end, target->start, target->end);
    }
  report->n_annotations[annotation->anchor]++;
}

static void
collect_cb (gpointer item,
            gpointer user_data)
{
  g_ptr_array_add (user_data, item);
}

/* The new targets of @annotation from what was found for each: quotes go
 * (the text has them), and a fuzzy target keeps the quote it had. */
static GArray *
moved_targets (GlsAnnotation           *annotation,
               const GlsReanchorTarget *found)
{
  GArray *targets = g_array_sized_new (FALSE, TRUE, sizeof (GlsTarget), annotation->targets->len);

  g_array_set_clear_func (targets, (GDestroyNotify) _gls_target_clear);
  for (guint i = 0; i < annotation->targets->len; i++)
    {
      const GlsTarget *old = &g_array_index (annotation->targets, GlsTarget, i);
      GlsTarget target = { found[i].start, found[i].end };

      target.foreign = _gls_foreign_copy (old->foreign);
      target.line = old->line;
      if (old->previous != NULL)
        target.previous = g_strdup (old->previous);
      else if (found[i].anchor == GLS_ANCHOR_FUZZY)
        target.previous = g_strdup (old->exact);
      g_array_append_val (targets, target);
    }

  g_array_sort (targets, gls_span_compare);

  return targets;
}

static gboolean
has_previous (GlsAnnotation *annotation)
{
  for (guint i = 0; i < annotation->targets->len; i++)
    if (g_array_index (annotation->targets, GlsTarget, i).previous != NULL)
      return TRUE;

  return FALSE;
}

/* Moves @annotation as found, or leaves it orphaned; says so in @report. */
static void
apply_found (GlsDocument             *self,
             GlsAnnotation           *annotation,
             const GlsReanchorTarget *found,
             GlsReanchorReport       *report)
{
  GlsAnchor worst = GLS_ANCHOR_OK;
  GlsChange *change;

  for (guint i = 0; i < annotation->targets->len; i++)
    worst = MAX (worst, found[i].anchor);

  /* an annotation is as well anchored as its worst target; a fuzzy one
   * waits for a person even where its text came back word for word */
  if (worst != GLS_ANCHOR_ORPHANED && has_previous (annotation))
    worst = GLS_ANCHOR_FUZZY;

  for (guint i = 0; i < annotation->targets->len; i++)
    {
      if (worst == GLS_ANCHOR_ORPHANED)
        report_add (report, annotation, i, GLS_ANCHOR_ORPHANED,
                    found[i].old_start, found[i].old_end, found[i].old_start, found[i].old_end);
      else
        report_add (report, annotation, i, found[i].anchor,
                    found[i].old_start, found[i].old_end, found[i].start, found[i].end);
    }
  report->n_annotations[worst]++;

  if (worst == GLS_ANCHOR_ORPHANED)
    return;

  change = _gls_change_new (GLS_CHANGE_ANCHOR);
  change->annotation = g_object_ref (annotation);
  change->anchored[0] = g_array_ref (annotation->targets);
  change->anchored[1] = moved_targets (annotation, found);
  change->anchor[0] = annotation->anchor;
  change->anchor[1] = worst;
  change->modified[0] = g_strdup (annotation->modified);
  change->modified[1] = g_strdup (annotation->modified);
  _gls_document_commit (self, change);
}

/**
 * gls_document_reanchor:
 *
 * Looks for the text of every orphaned annotation (after the article
 * changed, every annotation whose quote is no longer at its offsets is
 * one) as FORMAT.md §2.1 says, and moves those found there, as one step
 * to undo. The result stays in gls_document_get_reanchor_report().
 * On a long text with many annotations this takes a while: the file
 * owner runs it in a worker thread while loading.
 *
 * Returns: FALSE when @cancellable was cancelled; nothing changed then
 */
gboolean
gls_document_reanchor (GlsDocument   *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) firsts = NULL;
  GlsReanchorReport *report;
  guint n;

  g_return_val_if_fail (GLS_IS_DOCUMENT (self), FALSE);

  n = gls_document_get_n_annotations (self);
  annotations = g_ptr_array_sized_new (n);
  _gls_annotation_list_foreach (self->annotations, collect_cb, annotations);

  targets = g_array_new (FALSE, FALSE, sizeof (GlsReanchorTarget));
  firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);
      guint first = targets->len;

      g_array_append_val (firsts, first);
      if (annotation->anchor != GLS_ANCHOR_ORPHANED)
        continue;

      for (guint j = 0; j < annotation->targets->len; j++)
        {
          const GlsTarget *target = &g_array_index (annotation->targets, GlsTarget, j);
          GlsReanchorTarget quote = {
            target->start, target->end, target->prefix, target->exact, target->suffix
          };

          g_array_append_val (targets, quote);
        }
    }

  if (!_gls_reanchor_find (self->source, (GlsReanchorTarget *) targets->data, targets->len,
                           cancellable, error))
    return FALSE;

  report = report_new ();

  gls_document_begin_group (self);
  /* the step exists even when nothing moved: the document then holds the
   * new text's facts, to be saved */
  _gls_document_commit (self, _gls_change_new (GLS_CHANGE_REANCHORED));

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);
      guint first = g_array_index (firsts, guint, i);

      if (annotation->anchor != GLS_ANCHOR_ORPHANED)
        report_in_place (report, annotation);
      else
        apply_found (self, annotation, &g_array_index (targets, GlsReanchorTarget, first), report);
    }

  gls_document_end_group (self);

  g_clear_pointer (&self->reanchor_report, gls_reanchor_report_free);
  self->reanchor_report = report;

  return TRUE;
}

/**
 * gls_document_get_reanchor_report:
 *
 * Returns: (nullable): what the last gls_document_reanchor() found, or
 *   %NULL when the document was not re-anchored
 */
const GlsReanchorReport *
gls_document_get_reanchor_report (GlsDocument *self)
{
  g_return_val_if_fail (GLS_IS_DOCUMENT (self), NULL);

  return self->reanchor_report;
}

/**
 * gls_document_accept_anchor:
 *
 * A person checked the new place of a fuzzy annotation: its mark and the
 * quotes it had go, as one step to undo.
 */
void
gls_document_accept_anchor (GlsDocument   *self,
                            GlsAnnotation *annotation)
{
  GlsChange *change;
  GArray *accepted;

  g_return_if_fail (GLS_IS_DOCUMENT (self));
  g_return_if_fail (GLS_IS_ANNOTATION (annotation));

  if (annotation->anchor != GLS_ANCHOR_FUZZY)
    return;

  accepted = _gls_targets_copy (annotation->targets);
  for (guint i = 0; i < accepted->len; i++)
    g_clear_pointer (&g_array_index (accepted, GlsTarget, i).previous, g_free);

  change = _gls_change_new (GLS_CHANGE_ANCHOR);
  change->annotation = g_object_ref (annotation);
  change->anchored[0] = g_array_ref (annotation->targets);
  change->anchored[1] = accepted;
  change->anchor[0] = GLS_ANCHOR_FUZZY;
  change->anchor[1] = GLS_ANCHOR_OK;
  change->modified[0] = g_strdup (annotation->modified);
  change->modified[1] = gls_timestamp_now ();
  _gls_document_commit (self, change);
}
