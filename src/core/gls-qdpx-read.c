/* gls-qdpx-read.c
 * Reading REFI-QDA projects (.qdpx) into a folder: each plain-text source
 * becomes an article beside its annotation file, each coded selection an
 * annotation, notes their notes, Links relations. Nothing is written
 * until the whole project has been read, and no file of the folder is
 * ever replaced. */
#define G_LOG_DOMAIN "gls-qdpx"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "gls-annotation-private.h"
#include "gls-codebook-private.h"
#include "gls-document-file.h"
#include "gls-error.h"
#include "gls-links.h"
#include "gls-names-private.h"
#include "gls-qdpx.h"
#include "gls-refi-qda.h"
#include "gls-refi-qda-private.h"
#include "gls-xml-private.h"

/* Limits of what is taken from a zip: a zip bomb stops here. */
#define MAX_PROJECT_SIZE (256 * 1024 * 1024)
#define MAX_SOURCE_SIZE  (G_GINT64_CONSTANT (1) << 30)
#define MAX_TOTAL_SIZE   (G_GINT64_CONSTANT (2) << 30)
#define MAX_STEM_BYTES   200

typedef struct
{
  GlsAnnotation *annotation;
  guint          source;       /* index into Import.articles */
} Selection;

typedef struct
{
  char          *name;         /* the article's file name in the folder */
  GFile         *file;
  GBytes        *text;
  GlsDocumentFile *document_file;
  gboolean       created;      /* by this import, and removed if it fails */
  GlsDocument   *document;
  GPtrArray     *annotations;  /* GlsAnnotation, before they are added */
  char          *note;
} Article;

typedef struct
{
  const char  *display_name;   /* of the .qdpx */
  const char  *annotator;
  GHashTable  *entries;        /* path in the zip → GBytes */
  GHashTable  *users;          /* GUID → name */
  GHashTable  *notes;          /* GUID → text */
  GHashTable  *codes;          /* GUID → category id */
  GHashTable  *selections;     /* GUID → Selection */
  GHashTable  *names;          /* file names taken, folded */
  GlsCodebook *codebook;
  GPtrArray   *articles;       /* Article */
  GPtrArray   *skipped;        /* what was left out, for the user */
  GFile       *folder;
} Import;

static void
article_free (Article *article)
{
  g_free (article->name);
  g_clear_object (&article->file);
  g_clear_pointer (&article->text, g_bytes_unref);
  g_clear_object (&article->document);
  g_clear_object (&article->document_file);
  g_clear_pointer (&article->annotations, g_ptr_array_unref);
  g_free (article->note);
  g_free (article);
}

/* "PROJECT: project.qde:LINE: message", or without the line when the
 * problem is with the zip itself. */
static char *
describe (Import     *import,
          xmlNodePtr  node,
          const char *format,
          va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (node == NULL)
    return g_strdup_printf ("%s: %s", import->display_name, message);

  /* Translators: the project, the line in its project.qde, the problem */
  return g_strdup_printf (_("%s: project.qde:%ld: %s"), import->display_name, xmlGetLineNo (node), message);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Import      *import,
      xmlNodePtr   node,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = describe (import, node, format, args);
  va_end (args);
  g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, message);

  return FALSE;
}

/* Something of the project that Glossator has no place for. */
static void G_GNUC_PRINTF (3, 4)
skip (Import     *import,
      xmlNodePtr  node,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (import->skipped, describe (import, node, format, args));
  va_end (args);
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, GLS_REFI_PROJECT_NAMESPACE) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNodePtr
find_child (xmlNodePtr  node,
            const char *name)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;

  return NULL;
}

/* A GUID as the codebook keeps it: upper case, no braces. */
static char *
get_guid (xmlNodePtr  node,
          const char *name)
{
  g_autofree char *value = _gls_refi_get_attribute (node, name);
  const char *start;

  if (value == NULL)
    return NULL;
  start = value[0] == '{' ? value + 1 : value;

  return g_ascii_strup (start, MIN (strlen (start), 36));
}

static char *
get_text (xmlNodePtr node)
{
  xmlChar *text = xmlNodeGetContent (node);
  char *clean = _gls_clean_xml_text ((const char *) text);

  xmlFree (text);
  _gls_limit_text (&clean);

  return clean;
}

/* ------------------------------------------------------------------ */
/* The zip                                                              */

static gboolean
read_entries (Import  *import,
              GFile   *file,
              GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;
  gint64 total = 0;
  int status;

  archive_read_support_format_zip (archive);
  if (path == NULL || archive_read_open_filename (archive, path, 64 * 1024) != ARCHIVE_OK)
    {
      ok = fail (import, NULL, error, _("not a REFI-QDA project (.qdpx): %s"),
                 path ? archive_error_string (archive) : _("not a local file"));
      archive_read_free (archive);
      return ok;
    }

  while (ok && (status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      gint64 limit = g_strcmp0 (name, "project.qde") == 0 ? MAX_PROJECT_SIZE : MAX_SOURCE_SIZE;
      g_autoptr(GByteArray) data = NULL;
      char buffer[64 * 1024];
      la_ssize_t n;

      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG ||
          (strcmp (name, "project.qde") != 0 && g_ascii_strncasecmp (name, "sources/", 8) != 0))
        continue;

      data = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if ((gint64) data->len + n > limit)
            {
              ok = fail (import, NULL, error, _("“%s” in the project is larger than %u MiB"),
                         name, (guint) (limit / (1024 * 1024)));
              break;
            }
          /* many entries, each within its limit, are a zip bomb too */
          if ((total += n) > MAX_TOTAL_SIZE)
            {
              ok = fail (import, NULL, error, _("the project unpacks to more than %u MiB"),
                         (guint) (MAX_TOTAL_SIZE / (1024 * 1024)));
              break;
            }
          g_byte_array_append (data, (const guint8 *) buffer, n);
        }
      if (ok && n < 0)
        ok = fail (import, NULL, error, _("“%s” in the project cannot be read: %s"), name,
                   archive_error_string (archive));
      if (ok)
        g_hash_table_insert (import->entries, g_ascii_strdown (name, -1),
                             g_byte_array_free_to_bytes (g_steal_pointer (&data)));
    }
  if (ok && status != ARCHIVE_EOF)
    ok = fail (import, NULL, error, _("not a REFI-QDA project (.qdpx): %s"), archive_error_string (archive));
  archive_read_free (archive);

  return ok;
}

static xmlDocPtr
parse_project (Import  *import,
               GError **error)
{
  GBytes *bytes = g_hash_table_lookup (import->entries, "project.qde");
  xmlParserCtxtPtr context;
  const char *data;
  xmlDocPtr doc;
  gsize len;

  if (bytes == NULL)
    {
      fail (import, NULL, error, _("not a REFI-QDA project (.qdpx): it holds no project.qde"));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  /* the standard's XML is UTF-8: in any other encoding a DOCTYPE would
   * escape the byte scan below */
  if (len > 0 && (len > G_MAXINT || !g_utf8_validate (data, len, NULL)))
    {
      fail (import, NULL, error, _("its project.qde is not UTF-8"));
      return NULL;
    }
  if (len == 0 || _gls_xml_find_doctype (data, len) > 0)
    {
      fail (import, NULL, error, len == 0 ? _("its project.qde is empty")
                                          : _("its project.qde has a DOCTYPE, which is not allowed (no DTDs, no entities)"));
      return NULL;
    }

  _gls_xml_init ();
  context = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (context, data, (int) len, "project.qde", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  if (doc != NULL && doc->intSubset != NULL)
    {
      fail (import, NULL, error, _("its project.qde has a DOCTYPE, which is not allowed (no DTDs, no entities)"));
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  if (doc == NULL || !context->wellFormed)
    {
      const xmlError *xml_error = xmlCtxtGetLastError (context);

      /* Translators: the project, the line in its project.qde, "not well-formed XML:", the parser's reason */
      g_set_error (error, GLS_ERROR, GLS_ERROR_MALFORMED, _("%s: project.qde:%d: %s %s"), import->display_name,
                   xml_error ? xml_error->line : 0, _("not well-formed XML:"),
                   xml_error && xml_error->message ? g_strstrip (xml_error->message) : "");
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (context);

  return doc;
}

/* ------------------------------------------------------------------ */
/* The project                                                          */

static void
read_users_and_notes (Import     *import,
                      xmlNodePtr  root)
{
  xmlNodePtr users = find_child (root, "Users");
  xmlNodePtr notes = find_child (root, "Notes");

  for (xmlNodePtr user = users ? users->children : NULL; user != NULL; user = user->next)
    if (is_element (user, "User"))
      {
        g_autofree char *guid = get_guid (user, "guid");
        g_autofree char *name = _gls_refi_get_attribute (user, "name");

        if (guid == NULL)
          continue;
        if (name == NULL || *g_strstrip (name) == '\0')
          {
            g_free (name);
            name = _gls_refi_get_attribute (user, "id");
          }
        if (name != NULL)
          g_hash_table_insert (import->users, g_steal_pointer (&guid), _gls_clean_xml_text (name));
      }

  for (xmlNodePtr note = notes ? notes->children : NULL; note != NULL; note = note->next)
    if (is_element (note, "Note"))
      {
        g_autofree char *guid = get_guid (note, "guid");
        xmlNodePtr content = find_child (note, "PlainTextContent");

        if (guid != NULL && content != NULL)
          g_hash_table_insert (import->notes, g_steal_pointer (&guid), get_text (content));
      }
}

static void
collect_code_guids (xmlNodePtr  codes,
                    GHashTable *named,
                    guint       depth)
{
  for (xmlNodePtr child = codes->children; child != NULL && depth < GLS_MAX_CATEGORY_DEPTH; child = child->next)
    if (is_element (child, "Code"))
      {
        char *guid = get_guid (child, "guid");

        if (guid != NULL)
          g_hash_table_add (named, guid);
        collect_code_guids (child, named, depth + 1);
      }
}

/* The folder's codebook.xml (FORMAT.md §3), else the built-in one. */
static GlsCodebook *
folder_codebook (GFile *folder)
{
  g_autoptr(GFile) file = g_file_get_child (folder, "codebook.xml");
  GlsCodebook *codebook = NULL;

  if (g_file_query_exists (file, NULL))
    codebook = gls_codebook_new_from_file (file, NULL, NULL, NULL);

  return codebook != NULL ? codebook : gls_codebook_new_builtin ();
}

static gboolean
read_codebook (Import     *import,
               xmlNodePtr  root,
               GError    **error)
{
  xmlNodePtr codebook = find_child (root, "CodeBook");
  xmlNodePtr codes = codebook ? find_child (codebook, "Codes") : NULL;
  g_autoptr(GlsCodebook) seed = folder_codebook (import->folder);
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *name = g_strdup_printf ("%s: project.qde", import->display_name);

  if (codes == NULL)
    return fail (import, root, error, _("the project has no codebook (CodeBook with Codes)"));

  /* Codes are matched by GUID to the categories of the codebook the
   * folder's articles would get, so that a project Glossator wrote comes
   * back with its categories' ids; the categories the project does not
   * name are dropped. */
  if ((import->codebook = _gls_refi_merge_codes (seed, codes, GLS_REFI_PROJECT_NAMESPACE, name, error)) == NULL)
    return FALSE;
  collect_code_guids (codes, named, 0);
  for (guint i = import->codebook->flat->len; i > 0; i--)
    {
      GlsCategory *category = g_ptr_array_index (import->codebook->flat, i - 1);
      g_autofree char *guid = gls_category_dup_guid (category, import->codebook);

      if (!g_hash_table_contains (named, guid) && gls_category_get_n_children (category) == 0)
        gls_codebook_remove_category (import->codebook, category);
    }

  for (guint i = 0; i < import->codebook->flat->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (import->codebook->flat, i);

      g_hash_table_insert (import->codes, gls_category_dup_guid (category, import->codebook),
                           g_strdup (gls_category_get_id (category)));
    }

  return TRUE;
}

/* The notes a NoteRef child of @node points at, and its Description,
 * joined by a blank line. */
static char *
collect_notes (Import     *import,
               xmlNodePtr  node)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (is_element (child, "Description"))
        text = get_text (child);
      else if (is_element (child, "NoteRef"))
        {
          g_autofree char *guid = get_guid (child, "targetGUID");

          text = g_strdup (guid ? g_hash_table_lookup (import->notes, guid) : NULL);
        }
      if (text == NULL || *g_strstrip (text) == '\0')
        continue;
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, text);
    }

  return notes->len > 0 ? g_string_free (g_steal_pointer (&notes), FALSE) : NULL;
}

/* The article's file name: the source's name without folders, with .txt
 * unless it has it, and made unique in the project. */
static char *
article_name (Import     *import,
              xmlNodePtr  node,
              guint       n)
{
  g_autofree char *name = _gls_refi_get_attribute (node, "name");
  g_autofree char *base = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *stem = NULL;
  char *unique = NULL;

  if (name != NULL)
    {
      g_strdelimit (name, "\\", '/');
      base = g_path_get_basename (name);
    }
  if (base == NULL || *base == '.' || strcmp (base, "/") == 0)
    {
      g_free (base);
      base = g_strdup_printf ("source-%u", n + 1);
    }
  clean = _gls_clean_xml_text (base);
  g_strdelimit (clean, "\n\r\t", ' ');

  {
    g_autofree char *lower = g_utf8_strdown (clean, -1);

    stem = g_str_has_suffix (lower, ".txt") ? g_strndup (clean, strlen (clean) - 4) : g_strdup (clean);
  }
  /* a file name has room for 255 bytes, with ".txt", " (N)" and the
   * sidecar's ".annotations.xml" after the stem: cut on a character */
  if (strlen (stem) > MAX_STEM_BYTES)
    {
      char *end = stem + MAX_STEM_BYTES;

      while (end > stem && (*end & 0xC0) == 0x80)
        end--;
      *end = '\0';
    }

  for (guint i = 1; unique == NULL; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strconcat (stem, ".txt", NULL)
                                          : g_strdup_printf ("%s (%u).txt", stem, i);
      g_autofree char *folded = g_utf8_casefold (candidate, -1);

      if (g_hash_table_add (import->names, g_steal_pointer (&folded)))
        unique = g_steal_pointer (&candidate);
    }

  return unique;
}

static GBytes *
source_text (Import     *import,
             xmlNodePtr  node,
             GError    **error)
{
  xmlNodePtr content = find_child (node, "PlainTextContent");
  g_autofree char *path = _gls_refi_get_attribute (node, "plainTextPath");
  g_autofree char *entry = NULL;
  GBytes *bytes;
  const char *data;
  gsize len;

  if (content != NULL)
    {
      xmlChar *text = xmlNodeGetContent (content);
      gsize n = strlen ((const char *) text);

      bytes = g_bytes_new ((const char *) text, n);
      xmlFree (text);
      return bytes;
    }

  if (path == NULL || !g_str_has_prefix (path, "internal://"))
    {
      fail (import, node, error, path ? _("the source “%s” is outside the project; only sources inside it are read")
                                      : _("a TextSource needs its text: PlainTextContent or a plainTextPath"),
            path);
      return NULL;
    }

  entry = g_ascii_strdown (path + strlen ("internal://"), -1);
  {
    g_autofree char *key = g_strconcat ("sources/", entry, NULL);

    bytes = g_hash_table_lookup (import->entries, key);
  }
  if (bytes == NULL)
    {
      fail (import, node, error, _("the source “%s” is not in the project"), path);
      return NULL;
    }

  /* the standard's plain text is UTF-8; a byte-order mark is dropped */
  data = g_bytes_get_data (bytes, &len);
  if (!g_utf8_validate (data, len, NULL) || memchr (data, '\0', len) != NULL)
    {
      fail (import, node, error, _("the source “%s” is not UTF-8 text"), path);
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return g_bytes_new_from_bytes (bytes, 3, len - 3);

  return g_bytes_ref (bytes);
}

static const char *
user_name (Import     *import,
           xmlNodePtr  node)
{
  g_autofree char *guid = get_guid (node, "creatingUser");
  const char *name = guid ? g_hash_table_lookup (import->users, guid) : NULL;

  return name;
}

/* When a coding was made: its own date, else its selection's, else now. */
static char *
date_of (xmlNodePtr coding,
         xmlNodePtr selection)
{
  g_autofree char *value = _gls_refi_get_attribute (coding, "creationDateTime");

  if (value == NULL || !_gls_is_date_time (value))
    {
      g_free (value);
      value = _gls_refi_get_attribute (selection, "creationDateTime");
    }
  if (value != NULL && _gls_is_date_time (value))
    return g_steal_pointer (&value);

  return gls_timestamp_now ();
}

/* One annotation per Coding of the selection, in the category its
 * CodeRef names. */
static void
read_selection (Import     *import,
                xmlNodePtr  node,
                Article    *article,
                guint       index,
                guint       length)
{
  g_autofree char *guid = get_guid (node, "guid");
  g_autofree char *start_value = _gls_refi_get_attribute (node, "startPosition");
  g_autofree char *end_value = _gls_refi_get_attribute (node, "endPosition");
  g_autofree char *note = collect_notes (import, node);
  guint64 start, end;
  gboolean first = TRUE;

  if (start_value == NULL || end_value == NULL ||
      !_gls_parse_unsigned (start_value, length, &start) ||
      !_gls_parse_unsigned (end_value, length, &end) || start >= end)
    {
      skip (import, node, _("a selection of “%s” from %s to %s is not inside its text (%u characters): left out"),
            article->name, start_value ? start_value : "?", end_value ? end_value : "?", length);
      return;
    }

  for (xmlNodePtr coding = node->children; coding != NULL; coding = coding->next)
    {
      xmlNodePtr code_ref;
      g_autofree char *code = NULL;
      const char *category;
      const char *annotator;
      GlsAnnotation *annotation;
      GlsSpan span = { (guint) start, (guint) end };

      if (!is_element (coding, "Coding"))
        continue;
      code_ref = find_child (coding, "CodeRef");
      code = code_ref ? get_guid (code_ref, "targetGUID") : NULL;
      if (code == NULL || (category = g_hash_table_lookup (import->codes, code)) == NULL)
        {
          skip (import, coding, _("a coding of “%s” names no code of the codebook: left out"), article->name);
          continue;
        }

      annotator = user_name (import, coding);
      if (annotator == NULL)
        annotator = user_name (import, node);
      annotation = gls_annotation_new (category, &span, 1, annotator ? annotator : import->annotator);
      g_free (annotation->created);
      annotation->created = date_of (coding, node);
      g_free (annotation->modified);
      annotation->modified = g_strdup (annotation->created);
      if (first && note != NULL)
        annotation->note = g_strdup (note);
      g_ptr_array_add (article->annotations, annotation);

      if (first && guid != NULL)
        {
          Selection *selection = g_new0 (Selection, 1);

          selection->annotation = annotation;
          selection->source = index;
          g_hash_table_insert (import->selections, g_strdup (guid), selection);
        }
      first = FALSE;
    }

  if (first)
    skip (import, node, _("a selection of “%s” has no coding: left out"), article->name);
}

static gboolean
read_sources (Import     *import,
              xmlNodePtr  root,
              GError    **error)
{
  xmlNodePtr sources = find_child (root, "Sources");

  for (xmlNodePtr node = sources ? sources->children : NULL; node != NULL; node = node->next)
    {
      Article *article;
      gsize len;
      guint length;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!is_element (node, "TextSource"))
        {
          skip (import, node, _("a %s is not text: left out"), (const char *) node->name);
          continue;
        }

      article = g_new0 (Article, 1);
      g_ptr_array_add (import->articles, article);
      article->annotations = g_ptr_array_new_with_free_func (g_object_unref);
      article->name = article_name (import, node, import->articles->len - 1);
      if ((article->text = source_text (import, node, error)) == NULL)
        return FALSE;
      article->note = collect_notes (import, node);
      {
        const char *data = g_bytes_get_data (article->text, &len);

        length = g_utf8_strlen (data, len);
      }

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (is_element (child, "PlainTextSelection"))
          read_selection (import, child, article, import->articles->len - 1, length);
        else if (is_element (child, "Coding"))
          skip (import, child, _("a coding of the whole of “%s” has no span: left out"), article->name);
    }

  if (import->articles->len == 0)
    return fail (import, root, error, _("the project has no text sources"));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Writing the folder                                                   */

/* Every article and annotation file is new: nothing of the folder is
 * replaced, and nothing is written when one is there already. */
static gboolean
check_folder (Import  *import,
              GError **error)
{
  for (guint i = 0; i < import->articles->len; i++)
    {
      Article *article = g_ptr_array_index (import->articles, i);
      g_autoptr(GFile) sidecar = NULL;

      article->file = g_file_get_child (import->folder, article->name);
      sidecar = gls_sidecar_file_for_source (article->file);
      if (g_file_query_exists (article->file, NULL) || g_file_query_exists (sidecar, NULL))
        {
          g_autofree char *name = g_file_get_parse_name (article->file);

          g_set_error (error, GLS_ERROR, GLS_ERROR_FAILED,
                       _("%s: “%s” is there already; nothing was imported"), import->display_name, name);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
link_type (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name ? name : "", -1);

  g_strdelimit (g_strstrip (lower), " \t", '-');
  if (_gls_is_ncname (lower))
    return g_steal_pointer (&lower);

  return g_strdup ("related");
}

static void
read_links (Import     *import,
            xmlNodePtr  root)
{
  xmlNodePtr links = find_child (root, "Links");

  for (xmlNodePtr node = links ? links->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *origin = NULL;
      g_autofree char *target = NULL;
      g_autofree char *name = NULL;
      g_autofree char *type = NULL;
      Selection *from, *to;
      Article *article, *other;
      GlsRelation *relation;

      if (!is_element (node, "Link"))
        continue;
      origin = get_guid (node, "originGUID");
      target = get_guid (node, "targetGUID");
      if (origin == NULL || target == NULL ||
          (from = g_hash_table_lookup (import->selections, origin)) == NULL ||
          (to = g_hash_table_lookup (import->selections, target)) == NULL)
        {
          skip (import, node, _("a link between things other than coded text selections: left out"));
          continue;
        }

      name = _gls_refi_get_attribute (node, "name");
      type = link_type (name);
      article = g_ptr_array_index (import->articles, from->source);
      other = g_ptr_array_index (import->articles, to->source);
      if (article == other)
        relation = gls_document_add_relation (article->document, type, from->annotation, to->annotation, NULL);
      else
        {
          g_autoptr(GFile) sidecar = gls_sidecar_file_for_source (other->file);

          relation = gls_document_add_link (article->document, type, from->annotation, sidecar,
                                            gls_annotation_get_id (to->annotation), NULL);
        }
      if (relation == NULL)
        skip (import, node, _("the link “%s” cannot be made: left out"), name ? name : "");
    }
}

/* The article first, then its document, read back through the file's
 * owner as any article is, with the project's codebook and annotations:
 * a sidecar is never without its article. */
static gboolean
write_article (Import     *import,
               Article    *article,
               GPtrArray  *written,
               GError    **error)
{
  gsize len;
  const char *data = g_bytes_get_data (article->text, &len);

  g_autoptr(GFileOutputStream) out = NULL;

  /* created, never replaced: a file that appeared since the folder was
   * checked (or a link put there) makes the import fail instead */
  if ((out = g_file_create (article->file, G_FILE_CREATE_NONE, NULL, error)) == NULL)
    return FALSE;
  article->created = TRUE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, len, NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return FALSE;
  if (written != NULL)
    g_ptr_array_add (written, g_object_ref (article->file));

  article->document_file = gls_document_file_new (article->file);
  if (!gls_document_file_load (article->document_file, "UTF-8", import->codebook, GLS_LOAD_NONE, NULL, error))
    return FALSE;
  article->document = g_object_ref (gls_document_file_get_document (article->document_file));
  gls_document_set_annotator (article->document, import->annotator);
  if (article->note != NULL)
    gls_document_set_note (article->document, article->note);
  for (guint j = 0; j < article->annotations->len; j++)
    if (!gls_document_add_annotation (article->document, g_ptr_array_index (article->annotations, j), error))
      return FALSE;

  return TRUE;
}

static void
remove_created (Import *import)
{
  for (guint i = 0; i < import->articles->len; i++)
    {
      Article *article = g_ptr_array_index (import->articles, i);
      g_autoptr(GFile) sidecar = NULL;

      if (!article->created)
        continue;
      sidecar = gls_sidecar_file_for_source (article->file);
      g_file_delete (sidecar, NULL, NULL);
      g_file_delete (article->file, NULL, NULL);
    }
}

/**
 * gls_qdpx_import:
 * @file: the .qdpx
 * @folder: a folder that exists, where the articles go
 * @annotator: who annotated what the project does not say
 * @written: (element-type GFile) (nullable): the articles written are added
 * @skipped: (element-type utf8) (nullable): a message for each thing of
 *   the project left out (a picture source, a selection with no coding…)
 *
 * Reads a REFI-QDA project: each text source becomes an article in
 * @folder (UTF-8, named after the source, with .txt) with its annotation
 * file. The project's codebook becomes each article's codebook, keeping
 * its GUIDs. Refused, writing nothing, when the project cannot be read or
 * one of the files is in @folder already.
 */
gboolean
gls_qdpx_import (GFile      *file,
                 GFile      *folder,
                 const char *annotator,
                 GPtrArray  *written,
                 GPtrArray  *skipped,
                 GError    **error)
{
  g_autofree char *display_name = g_file_get_parse_name (file);
  Import import = { display_name, annotator ? annotator : gls_default_annotator () };
  xmlDocPtr doc = NULL;
  xmlNodePtr root;
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  import.folder = folder;
  import.entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  import.users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.selections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  import.skipped = skipped ? g_ptr_array_ref (skipped) : g_ptr_array_new_with_free_func (g_free);

  if (!read_entries (&import, file, error) || (doc = parse_project (&import, error)) == NULL)
    goto out;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "Project"))
    {
      fail (&import, root, error, _("not a REFI-QDA project: the root element of project.qde must be Project in the namespace %s"),
            GLS_REFI_PROJECT_NAMESPACE);
      goto out;
    }

  read_users_and_notes (&import, root);
  if (!read_codebook (&import, root, error) || !read_sources (&import, root, error) ||
      !check_folder (&import, error))
    goto out;

  ok = TRUE;
  for (guint i = 0; ok && i < import.articles->len; i++)
    ok = write_article (&import, g_ptr_array_index (import.articles, i), written, error);
  if (ok)
    read_links (&import, root);
  for (guint i = 0; ok && i < import.articles->len; i++)
    {
      Article *article = g_ptr_array_index (import.articles, i);

      ok = gls_document_file_save (article->document_file, NULL, error);
    }
  /* all or nothing: a folder is not left with half a project */
  if (!ok)
    {
      remove_created (&import);
      if (written != NULL)
        g_ptr_array_set_size (written, 0);
    }

out:
  g_clear_pointer (&doc, xmlFreeDoc);
  g_hash_table_unref (import.entries);
  g_hash_table_unref (import.users);
  g_hash_table_unref (import.notes);
  g_hash_table_unref (import.codes);
  g_hash_table_unref (import.selections);
  g_hash_table_unref (import.names);
  g_clear_object (&import.codebook);
  g_ptr_array_unref (import.articles);
  g_ptr_array_unref (import.skipped);

  return ok;
}
