/* gls-qdpx.c
 * Writing REFI-QDA projects (.qdpx): project.qde with the users, the
 * codebook, one TextSource per article (its decoded text as a UTF-8 file
 * in the zip), one PlainTextSelection per span with its Coding, the notes
 * as Note elements, and the relations as Links. Positions count code
 * points, as Glossator's offsets do. */
#define G_LOG_DOMAIN "gls-qdpx"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-annotation-private.h"
#include "gls-atomic-file-private.h"
#include "gls-document-private.h"
#include "gls-error.h"
#include "gls-format-private.h"
#include "gls-links.h"
#include "gls-qdpx.h"
#include "gls-qdpx-private.h"
#include "gls-names-private.h"
#include "gls-refi-qda.h"
#include "gls-refi-qda-private.h"
#include "gls-xml-private.h"

/* A name-based GUID (RFC 4122 version 5 layout, SHA-1) of @kind and
 * @parts: every export of the same corpus gives the same GUIDs, so that a
 * QDA tool can tell what it has seen before. */
char *
_gls_qdpx_derive_guid (const char *kind,
                       ...)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;
  const char *part;
  va_list args;

  g_checksum_update (checksum, (const guchar *) "glossator-", -1);
  g_checksum_update (checksum, (const guchar *) kind, -1);
  va_start (args, kind);
  while ((part = va_arg (args, const char *)) != NULL)
    {
      g_checksum_update (checksum, (const guchar *) "\n", 1);
      g_checksum_update (checksum, (const guchar *) part, -1);
    }
  va_end (args);

  g_checksum_get_digest (checksum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return _gls_refi_format_guid (digest);
}

typedef struct
{
  char *guid;
  char *name;
  char *text;
  char *user;       /* a user's GUID, or NULL */
  char *created;
} Note;

static void
note_free (Note *note)
{
  g_free (note->guid);
  g_free (note->name);
  g_free (note->text);
  g_free (note->user);
  g_free (note->created);
  g_free (note);
}

typedef struct
{
  GlsDocument       **documents;
  const char *const  *names;
  guint               n_documents;
  char              **source_guids;
  GHashTable         *users;        /* name → GUID */
  GPtrArray          *notes;        /* Note */
  GHashTable         *codes;        /* GUIDs of the codes written */
  GHashTable         *selections;   /* "SOURCE-GUID#annotation id" → its first selection's GUID */
  GFile              *file;
} Project;

static const char *
user_guid (Project    *project,
           const char *name)
{
  char *guid;

  if (name == NULL || *name == '\0')
    return NULL;
  if ((guid = g_hash_table_lookup (project->users, name)) == NULL)
    {
      guid = _gls_qdpx_derive_guid ("user", name, NULL);
      g_hash_table_insert (project->users, g_strdup (name), guid);
    }

  return guid;
}

static void
write_users (Project          *project,
             xmlTextWriterPtr  writer)
{
  g_autoptr(GList) names = NULL;

  for (guint i = 0; i < project->n_documents; i++)
    {
      GlsAnnotationList *list = gls_document_get_annotations (project->documents[i]);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (list)); j++)
        {
          g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (list), j);

          user_guid (project, gls_annotation_get_annotator (annotation));
        }
    }
  if (g_hash_table_size (project->users) == 0)
    return;

  /* sorted, so that the same project is written the same */
  names = g_list_sort (g_hash_table_get_keys (project->users), (GCompareFunc) strcmp);
  xmlTextWriterStartElement (writer, BAD_CAST "Users");
  for (GList *l = names; l != NULL; l = l->next)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "User");
      _gls_xml_write_attribute (writer, "guid", g_hash_table_lookup (project->users, l->data));
      _gls_xml_write_attribute (writer, "name", l->data);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

/* The codes of every article's codebook, each once: a corpus shares one
 * codebook, whose categories have one GUID. A category the annotations
 * use and their codebook lacks is written as a code of its own. */
static void
write_codebook (Project          *project,
                xmlTextWriterPtr  writer)
{
  gboolean started = FALSE;

  for (guint i = 0; i < project->n_documents; i++)
    {
      GlsCodebook *codebook = gls_document_get_codebook (project->documents[i]);
      GlsAnnotationList *list = gls_document_get_annotations (project->documents[i]);
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (list)); j++)
        {
          g_autoptr(GlsAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (list), j);
          const char *id = gls_annotation_get_category (annotation);

          gboolean listed = FALSE;

          for (guint k = 0; k < missing->len && !listed; k++)
            listed = strcmp (gls_category_get_id (g_ptr_array_index (missing, k)), id) == 0;
          if (!listed && gls_codebook_lookup (codebook, id) == NULL)
            g_ptr_array_add (missing, gls_category_new (id));
        }

      for (guint j = 0; j < codebook->roots->len + missing->len; j++)
        {
          GlsCategory *category = j < codebook->roots->len ? g_ptr_array_index (codebook->roots, j)
                                                           : g_ptr_array_index (missing, j - codebook->roots->len);
          g_autofree char *guid = gls_category_dup_guid (category, codebook);

          if (g_hash_table_contains (project->codes, guid))
            continue;
          if (!started)
            {
              xmlTextWriterStartElement (writer, BAD_CAST "CodeBook");
              xmlTextWriterStartElement (writer, BAD_CAST "Codes");
              started = TRUE;
            }
          _gls_refi_write_code (writer, codebook, category);
          g_hash_table_add (project->codes, g_steal_pointer (&guid));
        }
    }

  if (started)
    {
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }
}

static char *
add_note (Project    *project,
          const char *guid_seed,
          const char *name,
          const char *text,
          const char *annotator,
          const char *created)
{
  Note *note = g_new0 (Note, 1);

  note->guid = _gls_qdpx_derive_guid ("note", guid_seed, NULL);
  note->name = g_strdup (name);
  note->text = g_strdup (text);
  note->user = g_strdup (user_guid (project, annotator));
  note->created = g_strdup (created);
  g_ptr_array_add (project->notes, note);

  return g_strdup (note->guid);
}

static void
write_reference (xmlTextWriterPtr  writer,
                 const char       *element,
                 const char       *guid)
{
  xmlTextWriterStartElement (writer, BAD_CAST element);
  _gls_xml_write_attribute (writer, "targetGUID", guid);
  xmlTextWriterEndElement (writer);
}

/* A selection's name: the start of its quote, as QDA tools show it. */
static char *
selection_name (GlsSource *source,
                GlsSpan    span)
{
  g_autofree char *quote = gls_source_dup_quote (source, span.start, MIN (span.end, span.start + 60));
  g_autofree char *clean = _gls_clean_xml_text (quote);

  return g_strdup (g_strstrip (g_strdelimit (clean, "\r\n\t", ' ')));
}

static void
write_selection (Project          *project,
                 xmlTextWriterPtr  writer,
                 guint             n,
                 GlsAnnotation    *annotation,
                 guint             target)
{
  GlsDocument *document = project->documents[n];
  GlsCodebook *codebook = gls_document_get_codebook (document);
  const char *id = gls_annotation_get_id (annotation);
  const char *category_id = gls_annotation_get_category (annotation);
  const char *annotator = gls_annotation_get_annotator (annotation);
  const char *note = gls_annotation_get_note (annotation);
  const char *user = user_guid (project, annotator);
  GlsSpan span = gls_annotation_get_target (annotation, target);
  g_autofree char *index = g_strdup_printf ("%u", target);
  g_autofree char *guid = _gls_qdpx_derive_guid ("selection", project->source_guids[n], id, index, NULL);
  g_autofree char *coding = _gls_qdpx_derive_guid ("coding", project->source_guids[n], id, index, NULL);
  g_autofree char *name = selection_name (gls_document_get_source (document), span);
  g_autoptr(GlsCategory) missing = NULL;
  g_autofree char *code = NULL;
  GlsCategory *category;

  if ((category = gls_codebook_lookup (codebook, category_id)) == NULL)
    category = missing = gls_category_new (category_id);
  code = gls_category_dup_guid (category, codebook);

  if (target == 0)
    g_hash_table_insert (project->selections,
                         g_strconcat (project->source_guids[n], "#", id, NULL), g_strdup (guid));

  xmlTextWriterStartElement (writer, BAD_CAST "PlainTextSelection");
  _gls_xml_write_attribute (writer, "guid", guid);
  _gls_xml_write_attribute (writer, "name", name);
  _gls_xml_write_uint_attribute (writer, "startPosition", span.start);
  _gls_xml_write_uint_attribute (writer, "endPosition", span.end);
  if (user != NULL)
    _gls_xml_write_attribute (writer, "creatingUser", user);
  _gls_xml_write_attribute (writer, "creationDateTime", gls_annotation_get_created (annotation));
  if (user != NULL)
    _gls_xml_write_attribute (writer, "modifyingUser", user);
  _gls_xml_write_attribute (writer, "modifiedDateTime", gls_annotation_get_modified (annotation));

  xmlTextWriterStartElement (writer, BAD_CAST "Coding");
  _gls_xml_write_attribute (writer, "guid", coding);
  if (user != NULL)
    _gls_xml_write_attribute (writer, "creatingUser", user);
  _gls_xml_write_attribute (writer, "creationDateTime", gls_annotation_get_created (annotation));
  write_reference (writer, "CodeRef", code);
  xmlTextWriterEndElement (writer);

  /* the note once, on the annotation's first span */
  if (target == 0 && note != NULL && *note != '\0')
    {
      g_autofree char *seed = g_strconcat (project->source_guids[n], "#", id, NULL);
      g_autofree char *note_guid = add_note (project, seed, name, note, annotator,
                                             gls_annotation_get_modified (annotation));

      write_reference (writer, "NoteRef", note_guid);
    }

  xmlTextWriterEndElement (writer);
}

static void
write_source (Project          *project,
              xmlTextWriterPtr  writer,
              guint             n)
{
  GlsDocument *document = project->documents[n];
  GPtrArray *annotations = _gls_format_dup_annotations (document, FALSE);
  g_autofree char *path = g_strconcat ("internal://", project->source_guids[n], ".txt", NULL);
  const char *note = gls_document_get_note (document);

  xmlTextWriterStartElement (writer, BAD_CAST "TextSource");
  _gls_xml_write_attribute (writer, "guid", project->source_guids[n]);
  _gls_xml_write_attribute (writer, "name", project->names[n]);
  _gls_xml_write_attribute (writer, "plainTextPath", path);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        write_selection (project, writer, n, annotation, j);
    }

  if (note != NULL && *note != '\0')
    {
      g_autofree char *seed = g_strconcat (project->source_guids[n], "#", NULL);
      g_autofree char *note_guid = add_note (project, seed, project->names[n], note, NULL, NULL);

      write_reference (writer, "NoteRef", note_guid);
    }

  xmlTextWriterEndElement (writer);
  g_ptr_array_unref (annotations);
}

static void
write_notes (Project          *project,
             xmlTextWriterPtr  writer)
{
  if (project->notes->len == 0)
    return;

  xmlTextWriterStartElement (writer, BAD_CAST "Notes");
  for (guint i = 0; i < project->notes->len; i++)
    {
      Note *note = g_ptr_array_index (project->notes, i);

      xmlTextWriterStartElement (writer, BAD_CAST "Note");
      _gls_xml_write_attribute (writer, "guid", note->guid);
      _gls_xml_write_attribute (writer, "name", note->name);
      if (note->user != NULL)
        _gls_xml_write_attribute (writer, "creatingUser", note->user);
      if (note->created != NULL)
        _gls_xml_write_attribute (writer, "creationDateTime", note->created);
      _gls_xml_write_text_element (writer, "PlainTextContent", note->text);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

/* The source GUID of the article whose sidecar a link names, if it is
 * one of the project's. */
static const char *
linked_source (Project    *project,
               guint       n,
               const char *to,
               char      **id)
{
  GFile *base = gls_document_get_sidecar_file (project->documents[n]);
  g_autoptr(GFile) sidecar = NULL;

  if (base == NULL || (sidecar = gls_link_dup_sidecar (base, to, id)) == NULL)
    return NULL;

  for (guint i = 0; i < project->n_documents; i++)
    {
      GFile *other = gls_document_get_sidecar_file (project->documents[i]);

      if (other != NULL && g_file_equal (other, sidecar))
        return project->source_guids[i];
    }

  return NULL;
}

/* Relations as Links between the first selections of their ends, links
 * into other articles of the project too; a link to an article left out
 * has nothing to point at in the project and is left out with it. */
static void
write_links (Project          *project,
             xmlTextWriterPtr  writer)
{
  gboolean started = FALSE;

  for (guint n = 0; n < project->n_documents; n++)
    {
      GListModel *relations = gls_document_get_relations (project->documents[n]);

      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);
          g_autofree char *from_key = g_strconcat (project->source_guids[n], "#",
                                                   gls_relation_get_from (relation), NULL);
          g_autofree char *to_id = NULL;
          g_autofree char *to_key = NULL;
          g_autofree char *guid = NULL;
          const char *to_source = project->source_guids[n];
          const char *origin, *target;

          if (gls_relation_is_link (relation) &&
              (to_source = linked_source (project, n, gls_relation_get_to (relation), &to_id)) == NULL)
            continue;
          to_key = g_strconcat (to_source, "#", to_id ? to_id : gls_relation_get_to (relation), NULL);
          if ((origin = g_hash_table_lookup (project->selections, from_key)) == NULL ||
              (target = g_hash_table_lookup (project->selections, to_key)) == NULL)
            continue;

          if (!started)
            {
              xmlTextWriterStartElement (writer, BAD_CAST "Links");
              started = TRUE;
            }
          guid = _gls_qdpx_derive_guid ("link", project->source_guids[n], gls_relation_get_id (relation), NULL);
          xmlTextWriterStartElement (writer, BAD_CAST "Link");
          _gls_xml_write_attribute (writer, "guid", guid);
          _gls_xml_write_attribute (writer, "name", gls_relation_get_relation_type (relation));
          _gls_xml_write_attribute (writer, "direction", "OneWay");
          _gls_xml_write_attribute (writer, "originGUID", origin);
          _gls_xml_write_attribute (writer, "targetGUID", target);
          xmlTextWriterEndElement (writer);
        }
    }

  if (started)
    xmlTextWriterEndElement (writer);
}

static GBytes *
write_project (Project    *project,
               const char *project_name)
{
  g_autofree char *origin = g_strdup_printf ("Glossator %s", PACKAGE_VERSION);
  g_autofree char *now = gls_timestamp_now ();
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer = _gls_xml_start_writer (&buffer, 64 * 1024);

  xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "Project", BAD_CAST GLS_REFI_PROJECT_NAMESPACE);
  _gls_xml_write_attribute (writer, "name", project_name);
  _gls_xml_write_attribute (writer, "origin", origin);
  _gls_xml_write_attribute (writer, "creationDateTime", now);

  write_users (project, writer);
  write_codebook (project, writer);
  xmlTextWriterStartElement (writer, BAD_CAST "Sources");
  for (guint i = 0; i < project->n_documents; i++)
    write_source (project, writer, i);
  xmlTextWriterEndElement (writer);
  write_notes (project, writer);
  write_links (project, writer);
  xmlTextWriterEndElement (writer);

  return _gls_xml_finish_writer (writer, buffer);
}

/* libarchive writes the zip through these into the temporary file */
static la_ssize_t
archive_write_cb (struct archive *archive,
                  void           *data,
                  const void     *buffer,
                  size_t          len)
{
  if (!_gls_atomic_file_write (data, buffer, len))
    {
      archive_set_error (archive, EIO, "%s", _("the file cannot be written"));
      return -1;
    }

  return (la_ssize_t) len;
}

static gboolean
add_entry (struct archive *archive,
           const char     *path,
           const void     *data,
           gsize           len)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname (entry, path);
  archive_entry_set_size (entry, len);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
       (len == 0 || archive_write_data (archive, data, len) == (la_ssize_t) len);
  archive_entry_free (entry);

  return ok;
}

static gboolean
write_zip (Project        *project,
           GBytes         *qde,
           GlsAtomicFile  *out,
           GError        **error)
{
  struct archive *archive = archive_write_new ();
  gboolean ok;
  gsize len;
  const char *data;

  archive_write_set_format_zip (archive);
  /* a zip is not blocked like a tape: no padding after its end */
  archive_write_set_bytes_in_last_block (archive, 1);
  ok = archive_write_open (archive, out, NULL, archive_write_cb, NULL) == ARCHIVE_OK;

  data = g_bytes_get_data (qde, &len);
  ok = ok && add_entry (archive, "project.qde", data, len);
  for (guint i = 0; ok && i < project->n_documents; i++)
    {
      GlsSource *source = gls_document_get_source (project->documents[i]);
      g_autofree char *path = g_strconcat ("sources/", project->source_guids[i], ".txt", NULL);
      const char *text = gls_source_get_text (source, &len);

      ok = add_entry (archive, path, text, len);
    }
  ok = ok && archive_write_close (archive) == ARCHIVE_OK;
  if (!ok && _gls_atomic_file_failed (out))
    {
      /* a write that failed (a full disk): the atomic file says which
       * file and why */
      if (!_gls_atomic_file_commit (out, error))
        ok = FALSE;
    }
  else if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (project->file);

      g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED, _("Cannot write “%s”: %s"), name,
                   archive_error_string (archive) ? archive_error_string (archive) : _("the file cannot be written"));
    }
  archive_write_free (archive);

  return ok;
}

/**
 * gls_qdpx_export:
 * @documents: (array length=n_documents): the articles
 * @names: (array length=n_documents): the name of each in the project,
 *   such as its path in the corpus
 * @project_name: the project's name
 * @file: the .qdpx to write, replaced whole or not at all
 *
 * Writes @documents as a REFI-QDA project. Each article's decoded text is
 * a plain-text source in UTF-8, so that the positions of its selections,
 * which count code points, fit it whatever the article's own encoding.
 * Orphaned annotations have no place in the text and are left out, as in
 * every export.
 */
gboolean
gls_qdpx_export (GlsDocument       **documents,
                 const char *const  *names,
                 guint               n_documents,
                 const char         *project_name,
                 GFile              *file,
                 GError            **error)
{
  g_autoptr(GlsAtomicFile) out = NULL;
  g_autoptr(GBytes) qde = NULL;
  g_autoptr(GError) local_error = NULL;
  Project project = { documents, names, n_documents };
  g_autoptr(GHashTable) seen = NULL;
  gboolean ok;

  g_return_val_if_fail (n_documents == 0 || documents != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  project.file = file;
  project.source_guids = g_new0 (char *, n_documents + 1);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_documents; i++)
    {
      const char *sha256 = gls_source_get_sha256 (gls_document_get_source (documents[i]));

      project.source_guids[i] = _gls_qdpx_derive_guid ("source", names[i], sha256, NULL);
      /* the same article named twice is two sources all the same */
      for (guint copy = 2; !g_hash_table_add (seen, project.source_guids[i]); copy++)
        {
          g_autofree char *number = g_strdup_printf ("%u", copy);

          g_free (project.source_guids[i]);
          project.source_guids[i] = _gls_qdpx_derive_guid ("source", names[i], sha256, number, NULL);
        }
    }
  project.users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  project.notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  project.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  project.selections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  qde = write_project (&project, project_name);
  ok = (out = _gls_atomic_file_new (file, &local_error)) != NULL &&
       write_zip (&project, qde, out, &local_error) &&
       _gls_atomic_file_commit (out, &local_error);

  g_strfreev (project.source_guids);
  g_hash_table_unref (project.users);
  g_ptr_array_unref (project.notes);
  g_hash_table_unref (project.codes);
  g_hash_table_unref (project.selections);

  /* the atomic file's own message names the file and the reason */
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}
