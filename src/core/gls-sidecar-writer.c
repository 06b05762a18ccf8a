/* gls-sidecar-writer.c
 * The sidecar file, written from a snapshot of the document: streamed into
 * any libxml2 output (a file being saved, or memory), annotations in text
 * order so that two saves of the same document are identical. */
#define G_LOG_DOMAIN "gls-sidecar-writer"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-codebook-file-private.h"
#include "gls-error.h"
#include "gls-names-private.h"
#include "gls-sidecar-writer-private.h"
#include "gls-xml-private.h"

/* How many characters of context a quote carries on each side. */
#define CONTEXT_LENGTH 32

/* How often the writer reports progress and looks for a cancel. */
#define STEP 1024

/**
 * _gls_sidecar_snapshot_new:
 * @owner: the object whose fields the snapshot borrows (the document); it
 *   is kept alive as long as the snapshot
 *
 * Returns: (transfer full): an empty snapshot, for the document to fill
 */
GlsSidecarSnapshot *
_gls_sidecar_snapshot_new (GObject     *owner,
                           GlsSource   *source,
                           GlsCodebook *codebook)
{
  GlsSidecarSnapshot *self = g_new0 (GlsSidecarSnapshot, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->owner = g_object_ref (owner);
  self->source = g_object_ref (source);
  self->codebook = g_object_ref (codebook);
  /* borrowed: frozen before they change or leave the document */
  self->annotations = g_ptr_array_new ();
  self->relations = g_ptr_array_new_with_free_func (g_object_unref);
  self->frozen = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  return self;
}

GlsSidecarSnapshot *
_gls_sidecar_snapshot_ref (GlsSidecarSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
_gls_sidecar_snapshot_unref (GlsSidecarSnapshot *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->frozen, g_hash_table_unref);
  g_clear_object (&self->codebook);
  g_clear_object (&self->source);
  g_free (self->version);
  g_free (self->note);
  g_clear_object (&self->owner);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

/**
 * _gls_sidecar_snapshot_freeze:
 *
 * Called on the main thread before @annotation changes in place: from
 * then on the snapshot writes the copy made here. A writer in another
 * thread finishes the annotation it is writing first.
 */
void
_gls_sidecar_snapshot_freeze (GlsSidecarSnapshot *self,
                              GlsAnnotation      *annotation)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  if (!g_hash_table_contains (self->frozen, annotation))
    g_hash_table_insert (self->frozen, annotation, _gls_annotation_copy (annotation));
  g_mutex_unlock (&self->mutex);
}

/**
 * _gls_sidecar_snapshot_dup_annotation:
 *
 * Returns: (transfer full): a copy of the annotation at @i as it was when
 *   the snapshot was taken; safe in any thread
 */
GlsAnnotation *
_gls_sidecar_snapshot_dup_annotation (GlsSidecarSnapshot *self,
                                      guint               i)
{
  GlsAnnotation *annotation;
  GlsAnnotation *frozen;
  GlsAnnotation *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->annotations->len, NULL);

  annotation = g_ptr_array_index (self->annotations, i);
  g_mutex_lock (&self->mutex);
  if ((frozen = g_hash_table_lookup (self->frozen, annotation)) != NULL)
    annotation = frozen;
  copy = _gls_annotation_copy (annotation);
  g_mutex_unlock (&self->mutex);

  return copy;
}

static void
write_quote (xmlTextWriterPtr  writer,
             const char       *name,
             GlsSource        *source,
             guint             start,
             guint             end)
{
  g_autofree char *quote = NULL;

  if (start >= end)
    return;

  quote = gls_source_dup_quote (source, start, end);
  _gls_xml_write_text_element (writer, name, quote);
}

static void
write_target (xmlTextWriterPtr  writer,
              GlsAnnotation    *annotation,
              const GlsTarget  *target,
              GlsSource        *source)
{
  guint length;

  xmlTextWriterStartElement (writer, BAD_CAST "target");
  _gls_xml_write_uint_attribute (writer, "start", target->start);
  _gls_xml_write_uint_attribute (writer, "end", target->end);

  if (source == NULL)
    {
      xmlTextWriterEndElement (writer);
      return;
    }

  _gls_foreign_write_attributes (target->foreign, writer);

  if (annotation->anchor == GLS_ANCHOR_ORPHANED || gls_source_get_text (source, NULL) == NULL)
    {
      /* The text is gone, or not at hand (a merge of sidecars): keep the
       * quote as it was read. */
      if (target->prefix != NULL && *target->prefix)
        _gls_xml_write_text_element (writer, "prefix", target->prefix);
      _gls_xml_write_text_element (writer, "exact", target->exact ? target->exact : "");
      if (target->suffix != NULL && *target->suffix)
        _gls_xml_write_text_element (writer, "suffix", target->suffix);
    }
  else
    {
      g_autofree char *exact = gls_source_dup_quote (source, target->start, target->end);

      length = gls_source_get_length (source);
      write_quote (writer, "prefix", source,
                   target->start > CONTEXT_LENGTH ? target->start - CONTEXT_LENGTH : 0,
                   target->start);
      _gls_xml_write_text_element (writer, "exact", exact);
      write_quote (writer, "suffix", source, target->end, MIN (length, target->end + CONTEXT_LENGTH));
    }

  /* the quote a fuzzy target had, until a person accepts the new one */
  if (target->previous != NULL)
    _gls_xml_write_text_element (writer, "previous", target->previous);

  _gls_foreign_write_elements (target->foreign, writer);
  xmlTextWriterEndElement (writer);
}

/**
 * _gls_sidecar_write_annotation:
 * @source: (nullable): the text, to write each target's quote from; with
 *   %NULL, targets are written as offsets only (the inline export)
 */
void
_gls_sidecar_write_annotation (xmlTextWriterPtr  writer,
                               GlsAnnotation    *annotation,
                               GlsSource        *source)
{
  /* never write what the reader refuses: whatever enters is held to these
   * limits where it enters (an import, an edit) */
  g_warn_if_fail (annotation->created == NULL || _gls_is_date_time (annotation->created));
  g_warn_if_fail (annotation->modified == NULL || _gls_is_date_time (annotation->modified));
  g_warn_if_fail (annotation->note == NULL || strlen (annotation->note) <= 4 * GLS_MAX_TEXT_CHARS);

  xmlTextWriterStartElement (writer, BAD_CAST "annotation");
  _gls_xml_write_attribute (writer, "id", annotation->id);
  _gls_xml_write_attribute (writer, "category", annotation->category);
  _gls_xml_write_attribute (writer, "annotator", annotation->annotator);
  _gls_xml_write_attribute (writer, "created", annotation->created);
  _gls_xml_write_attribute (writer, "modified", annotation->modified);
  /* a moved annotation sits on its text again: only the marks a person
   * must look at are written (FORMAT.md §2.1) */
  if (annotation->anchor == GLS_ANCHOR_FUZZY || annotation->anchor == GLS_ANCHOR_ORPHANED)
    _gls_xml_write_attribute (writer, "anchor", gls_anchor_to_string (annotation->anchor));
  _gls_foreign_write_attributes (annotation->foreign, writer);

  for (guint i = 0; i < annotation->targets->len; i++)
    write_target (writer, annotation, &g_array_index (annotation->targets, GlsTarget, i), source);

  if (annotation->note != NULL && *annotation->note != '\0')
    _gls_xml_write_text_element (writer, "note", annotation->note);

  for (guint i = 0; i + 1 < annotation->attributes->len; i += 2)
    {
      const char *value = g_ptr_array_index (annotation->attributes, i + 1);

      xmlTextWriterStartElement (writer, BAD_CAST "attribute");
      _gls_xml_write_attribute (writer, "name", g_ptr_array_index (annotation->attributes, i));
      if (value != NULL && *value != '\0')
        _gls_xml_write_string (writer, value);
      xmlTextWriterEndElement (writer);
    }

  _gls_foreign_write_elements (annotation->foreign, writer);
  xmlTextWriterEndElement (writer);
}

void
_gls_sidecar_write_relation (xmlTextWriterPtr  writer,
                             GlsRelation      *relation)
{
  xmlTextWriterStartElement (writer, BAD_CAST "relation");
  _gls_xml_write_attribute (writer, "id", relation->id);
  _gls_xml_write_attribute (writer, "type", relation->type);
  _gls_xml_write_attribute (writer, "from", relation->from);
  _gls_xml_write_attribute (writer, "to", relation->to);
  _gls_foreign_write_attributes (relation->foreign, writer);
  _gls_foreign_write_elements (relation->foreign, writer);
  xmlTextWriterEndElement (writer);
}

static void
write_source (xmlTextWriterPtr    writer,
              GlsSidecarSnapshot *snapshot)
{
  GlsSource *source = snapshot->source;
  g_autofree char *href = NULL;

  if (gls_source_get_file (source) != NULL)
    href = g_file_get_basename (gls_source_get_file (source));
  else
    href = g_strdup (gls_source_get_display_name (source));

  xmlTextWriterStartElement (writer, BAD_CAST "source");
  _gls_xml_write_attribute (writer, "href", href);
  if (gls_source_get_kind (source) == GLS_SOURCE_KIND_HTML)
    _gls_xml_write_attribute (writer, "type", "html");
  _gls_xml_write_attribute (writer, "encoding", gls_source_get_encoding (source));
  _gls_xml_write_attribute (writer, "bom", gls_source_get_bom (source) ? "true" : "false");
  _gls_xml_write_attribute (writer, "newlines", gls_newlines_to_string (gls_source_get_newlines (source)));
  _gls_xml_write_uint_attribute (writer, "length", gls_source_get_length (source));
  _gls_xml_write_attribute (writer, "sha256", gls_source_get_sha256 (source));
  _gls_foreign_write_attributes (snapshot->source_foreign, writer);
  _gls_foreign_write_elements (snapshot->source_foreign, writer);
  xmlTextWriterEndElement (writer);
}

/* Writes the annotation at @i as it was when the snapshot was taken. */
static void
write_nth_annotation (xmlTextWriterPtr    writer,
                      GlsSidecarSnapshot *snapshot,
                      guint               i)
{
  GlsAnnotation *annotation = g_ptr_array_index (snapshot->annotations, i);
  GlsAnnotation *frozen;

  g_mutex_lock (&snapshot->mutex);
  if ((frozen = g_hash_table_lookup (snapshot->frozen, annotation)) != NULL)
    annotation = frozen;
  _gls_sidecar_write_annotation (writer, annotation, snapshot->source);
  g_mutex_unlock (&snapshot->mutex);
}

/* FORMAT.md §2.1: 1.1 for a file that holds a mark or a link to another
 * article, or whose article is HTML (§5), else 1.0 so that older readers still open it; a higher minor
 * version that was read is kept, for what it may hold that we do not know. */
static const char *
version_to_write (GlsSidecarSnapshot *snapshot)
{
  const char *read = snapshot->version;

  if (read != NULL && g_str_has_prefix (read, "1.") &&
      g_ascii_strtoull (read + 2, NULL, 10) > 1)
    return read;

  return snapshot->needs_1_1 ? GLS_FORMAT_VERSION_1_1 : GLS_FORMAT_VERSION;
}

static gboolean
write_document (xmlTextWriterPtr     writer,
                GlsSidecarSnapshot  *snapshot,
                GlsProgressFunc      progress,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autofree char *generator = g_strdup_printf ("Glossator %s", PACKAGE_VERSION);
  guint n = snapshot->annotations->len;

  xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "annotations", BAD_CAST GLS_NAMESPACE);
  _gls_xml_write_attribute (writer, "version", version_to_write (snapshot));
  _gls_xml_write_attribute (writer, "generator", generator);
  _gls_foreign_write_attributes (snapshot->foreign, writer);

  write_source (writer, snapshot);
  _gls_codebook_file_write_element (writer, snapshot->codebook);

  if (snapshot->note != NULL && *snapshot->note != '\0')
    _gls_xml_write_text_element (writer, "note", snapshot->note);

  for (guint i = 0; i < n; i++)
    {
      if (i % STEP == 0 && i > 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          /* a failed write (a full disk) ends the save early */
          if (xmlTextWriterFlush (writer) < 0)
            return TRUE;
          if (progress != NULL)
            progress (i, n, user_data);
        }

      write_nth_annotation (writer, snapshot, i);
    }

  for (guint i = 0; i < snapshot->relations->len; i++)
    _gls_sidecar_write_relation (writer, g_ptr_array_index (snapshot->relations, i));

  _gls_foreign_write_elements (snapshot->foreign, writer);
  xmlTextWriterEndElement (writer);

  if (progress != NULL)
    progress (n, n, user_data);

  return TRUE;
}

/**
 * _gls_sidecar_write:
 * @output: (transfer full): where the bytes go; closed when done
 *
 * Streams the sidecar of @snapshot into @output. Safe to call from a
 * worker thread while the document changes. Whether the bytes arrived is
 * for @output's own callbacks to tell: this only fails when cancelled or
 * when libxml2 reports an error.
 */
gboolean
_gls_sidecar_write (GlsSidecarSnapshot  *snapshot,
                    xmlOutputBufferPtr   output,
                    GlsProgressFunc      progress,
                    gpointer             user_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  xmlTextWriterPtr writer;
  gboolean ok;
  int status;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  writer = _gls_xml_new_writer (output);
  ok = write_document (writer, snapshot, progress, user_data, cancellable, error);
  status = xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  if (ok && status < 0)
    {
      /* the output's own callbacks have the reason; this is the fallback */
      g_set_error_literal (error, GLS_ERROR, GLS_ERROR_FAILED, _("The annotations could not be written"));
      return FALSE;
    }

  return ok;
}

/**
 * _gls_sidecar_write_bytes:
 *
 * Returns: (transfer full): the sidecar of @snapshot, in memory
 */
GBytes *
_gls_sidecar_write_bytes (GlsSidecarSnapshot *snapshot)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;

  g_return_val_if_fail (snapshot != NULL, NULL);

  writer = _gls_xml_start_writer (&buffer, 256 * snapshot->annotations->len + 4096);
  write_document (writer, snapshot, NULL, NULL, NULL, NULL);

  return _gls_xml_finish_writer (writer, buffer);
}
