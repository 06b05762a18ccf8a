/* gls-refi-qda.c
 * REFI-QDA codebooks: writing a codebook as a .qdc, and taking the codes
 * of a .qdc into a codebook, matched by GUID, else by name. */
#define G_LOG_DOMAIN "gls-refi-qda"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gls-codebook-private.h"
#include "gls-document-codebook.h"
#include "gls-error.h"
#include "gls-names-private.h"
#include "gls-palette.h"
#include "gls-refi-qda.h"
#include "gls-refi-qda-private.h"
#include "gls-xml-private.h"

/* Where a category keeps what REFI-QDA says of it and Glossator's format
 * has no place for (FORMAT.md §2, extension points): its GUID, and
 * isCodable when it is false. */
#define QDA_EXTENSION_NAMESPACE "https://glossator.github.io/ns/refi-qda/1"
#define QDA_EXTENSION_PREFIX "qda"

/* ------------------------------------------------------------------ */
/* GUIDs                                                                */

char *
_gls_refi_format_guid (const guint8 bytes[16])
{
  return g_strdup_printf ("%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5],
                          bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                          bytes[12], bytes[13], bytes[14], bytes[15]);
}

/**
 * gls_category_dup_guid:
 *
 * Returns: (transfer full): the GUID @category had in the tool it came
 *   from, else a name-based one (RFC 4122 version 5 layout, SHA-1) of the
 *   codebook's id and the category's id: the same in every export
 */
char *
gls_category_dup_guid (GlsCategory *category,
                       GlsCodebook *codebook)
{
  g_autoptr(GChecksum) checksum = NULL;
  const char *stored;
  guint8 digest[20];
  gsize len = sizeof digest;

  g_return_val_if_fail (GLS_IS_CATEGORY (category), NULL);
  g_return_val_if_fail (GLS_IS_CODEBOOK (codebook), NULL);

  if ((stored = _gls_foreign_get_attribute (category->foreign, QDA_EXTENSION_NAMESPACE, "guid")) != NULL)
    return g_ascii_strup (stored, -1);

  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, (const guchar *) "glossator-category\n", -1);
  g_checksum_update (checksum, (const guchar *) codebook->id, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) category->id, -1);
  g_checksum_get_digest (checksum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return _gls_refi_format_guid (digest);
}

static gboolean
is_guid (const char *value)
{
  static const guint groups[] = { 8, 4, 4, 4, 12 };
  const char *p = value;
  gsize len = strlen (value);

  if (len == 38 && value[0] == '{' && value[37] == '}')
    p++;
  else if (len != 36)
    return FALSE;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      for (guint i = 0; i < groups[g]; i++, p++)
        if (!g_ascii_isxdigit (*p))
          return FALSE;
      if (g + 1 < G_N_ELEMENTS (groups) && *p++ != '-')
        return FALSE;
    }

  return TRUE;
}

/* A GUID as this file keeps it: upper case, no braces. */
static char *
normalize_guid (const char *value)
{
  const char *start = value[0] == '{' ? value + 1 : value;

  return g_ascii_strup (start, 36);
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

/* One Code and the codes under it; the element is in the namespace of
 * the element around it, so that a project (.qdpx) writes the same. */
void
_gls_refi_write_code (xmlTextWriterPtr  writer,
                      GlsCodebook      *codebook,
                      GlsCategory      *category)
{
  g_autofree char *guid = gls_category_dup_guid (category, codebook);
  const char *codable = _gls_foreign_get_attribute (category->foreign, QDA_EXTENSION_NAMESPACE, "isCodable");
  const char *description = gls_category_get_description (category);

  xmlTextWriterStartElement (writer, BAD_CAST "Code");
  _gls_xml_write_attribute (writer, "guid", guid);
  _gls_xml_write_attribute (writer, "name", gls_category_get_label (category));
  _gls_xml_write_attribute (writer, "isCodable", g_strcmp0 (codable, "false") == 0 ? "false" : "true");
  if (category->color != NULL)
    {
      g_autofree char *upper = g_ascii_strup (category->color, -1);

      _gls_xml_write_attribute (writer, "color", upper);
    }
  if (description != NULL)
    _gls_xml_write_text_element (writer, "Description", description);
  for (guint i = 0; i < category->children->len; i++)
    _gls_refi_write_code (writer, codebook, g_ptr_array_index (category->children, i));
  xmlTextWriterEndElement (writer);
}

/**
 * gls_codebook_to_qdc:
 *
 * Returns: (transfer full): @codebook as a REFI-QDA codebook: one `Code`
 *   per category, nested as they are, named by the label and described by
 *   the description in the user's language
 */
GBytes *
gls_codebook_to_qdc (GlsCodebook *codebook)
{
  g_autofree char *origin = g_strdup_printf ("Glossator %s", PACKAGE_VERSION);
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;

  g_return_val_if_fail (GLS_IS_CODEBOOK (codebook), NULL);

  writer = _gls_xml_start_writer (&buffer, 4096);
  xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "CodeBook", BAD_CAST GLS_REFI_CODEBOOK_NAMESPACE);
  _gls_xml_write_attribute (writer, "origin", origin);
  xmlTextWriterStartElement (writer, BAD_CAST "Codes");
  for (guint i = 0; i < codebook->roots->len; i++)
    _gls_refi_write_code (writer, codebook, g_ptr_array_index (codebook->roots, i));
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  return _gls_xml_finish_writer (writer, buffer);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

typedef struct
{
  const char *name;
  GError    **error;
  const char *ns;      /* the codebook's, or a project's */
} Reading;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Reading    *reading,
      xmlNodePtr  node,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reading->error, GLS_ERROR, GLS_ERROR_INVALID, "%s:%ld: %s",
               reading->name, node ? xmlGetLineNo (node) : 0L, message);

  return FALSE;
}

static gboolean
is_qdc (Reading    *reading,
        xmlNodePtr  node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, reading->ns) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

char *
_gls_refi_get_attribute (xmlNodePtr  node,
                         const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);

  return copy;
}

/* #rgb or #rrggbb, as the standard allows, to #rrggbb. */
static char *
normalize_color (const char *value)
{
  gsize len = value ? strlen (value) : 0;

  if (len == 4 && value[0] == '#' && g_ascii_isxdigit (value[1]) &&
      g_ascii_isxdigit (value[2]) && g_ascii_isxdigit (value[3]))
    return g_ascii_strdown ((char[]) { '#', value[1], value[1], value[2], value[2], value[3], value[3], 0 }, -1);

  if (len == 7 && value[0] == '#')
    {
      double rgb[3];

      if (gls_color_parse (value, rgb))
        return g_ascii_strdown (value, -1);
    }

  return NULL;
}

/* One Code of the file, and what becomes of it. */
typedef struct
{
  GlsCodebook *codebook;     /* the copy being changed */
  GHashTable  *by_guid;      /* GUID → GlsCategory of the copy */
  GHashTable  *taken;        /* GlsCategory already matched to a Code */
  guint        n_added;
} Merge;

static GlsCategory *
match (Merge      *merge,
       const char *guid,
       const char *name)
{
  GlsCategory *found = g_hash_table_lookup (merge->by_guid, guid);

  if (found == NULL)
    {
      for (guint i = 0; i < merge->codebook->flat->len && found == NULL; i++)
        {
          GlsCategory *category = g_ptr_array_index (merge->codebook->flat, i);

          if (g_strcmp0 (gls_category_get_label (category), name) == 0 ||
              g_strcmp0 (gls_category_get_original_name (category), name) == 0)
            found = category;
        }
    }

  if (found != NULL && g_hash_table_contains (merge->taken, found))
    return NULL;

  return found;
}

/* Takes @category out of its place; the caller owns it. */
static GlsCategory *
take_out (GlsCodebook *codebook,
          GlsCategory *category)
{
  GPtrArray *siblings = category->parent ? category->parent->children : codebook->roots;
  guint position;

  g_assert (g_ptr_array_find (siblings, category, &position));
  category->parent = NULL;

  return g_ptr_array_steal_index (siblings, position);
}

static gboolean read_codes (Reading     *reading,
                            Merge       *merge,
                            xmlNodePtr   parent_node,
                            GlsCategory *parent,
                            guint        depth);

static gboolean
read_code (Reading     *reading,
           Merge       *merge,
           xmlNodePtr   node,
           GlsCategory *parent,
           guint        depth)
{
  g_autofree char *guid_value = _gls_refi_get_attribute (node, "guid");
  g_autofree char *name_value = _gls_refi_get_attribute (node, "name");
  g_autofree char *codable = _gls_refi_get_attribute (node, "isCodable");
  g_autofree char *color_value = _gls_refi_get_attribute (node, "color");
  g_autofree char *description = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  GlsCategory *category;

  if (depth >= GLS_MAX_CATEGORY_DEPTH)
    return fail (reading, node, _("the codes are nested more than %u levels deep, the most a codebook can hold"),
                 GLS_MAX_CATEGORY_DEPTH);
  if (guid_value == NULL || !is_guid (guid_value))
    return fail (reading, node, _("a Code needs a guid such as 0D62985D-B147-5D01-A9B5-CAE5DCD98342"));
  if (name_value == NULL || (name = _gls_clean_xml_text (name_value)) == NULL || *g_strstrip (name) == '\0')
    return fail (reading, node, _("a Code needs a name"));
  if (codable == NULL || (strcmp (codable, "true") != 0 && strcmp (codable, "false") != 0 &&
                          strcmp (codable, "1") != 0 && strcmp (codable, "0") != 0))
    return fail (reading, node, _("a Code needs isCodable, “true” or “false”"));
  if (color_value != NULL && (color = normalize_color (color_value)) == NULL)
    return fail (reading, node, _("“%s” is not a colour: write it as #rrggbb"), color_value);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_qdc (reading, child, "Description") && description == NULL)
      {
        xmlChar *text = xmlNodeGetContent (child);

        description = _gls_clean_xml_text ((const char *) text);
        _gls_limit_text (&description);
        xmlFree (text);
      }

  guid = normalize_guid (guid_value);
  category = match (merge, guid, name);
  if (category != NULL)
    {
      g_autoptr(GlsCategory) moved = take_out (merge->codebook, category);

      /* the label and description the user sees are the ones replaced */
      _gls_localized_set (category->labels, gls_category_get_label_language (category), name);
      if (description != NULL && *description != '\0')
        _gls_localized_set (category->descriptions, gls_category_get_description_language (category),
                            description);
      category->parent = parent;
      g_ptr_array_add (parent ? parent->children : merge->codebook->roots, g_steal_pointer (&moved));
    }
  else
    {
      g_autofree char *lower = g_utf8_strdown (name, -1);
      g_autofree char *id = NULL;
      g_autoptr(GlsCategory) added = NULL;

      _gls_codebook_rebuild (merge->codebook);
      id = gls_codebook_derive_id (merge->codebook, g_strdelimit (lower, " ", '-'));
      added = gls_category_new (id);
      _gls_localized_set (added->labels, NULL, name);
      if (description != NULL && *description != '\0')
        _gls_localized_set (added->descriptions, NULL, description);
      gls_category_set_color (added, gls_codebook_pick_color (merge->codebook));
      gls_codebook_give_free_key (merge->codebook, added);
      category = added;
      category->parent = parent;
      g_ptr_array_add (parent ? parent->children : merge->codebook->roots, g_steal_pointer (&added));
      merge->n_added++;
    }

  if (color != NULL)
    gls_category_set_color (category, color);
  _gls_foreign_set_attribute (&category->foreign, QDA_EXTENSION_NAMESPACE, QDA_EXTENSION_PREFIX, "guid", guid);
  _gls_foreign_set_attribute (&category->foreign, QDA_EXTENSION_NAMESPACE, QDA_EXTENSION_PREFIX, "isCodable",
                              codable[0] == 'f' || codable[0] == '0' ? "false" : NULL);
  g_hash_table_add (merge->taken, category);
  _gls_codebook_rebuild (merge->codebook);

  return read_codes (reading, merge, node, category, depth + 1);
}

static gboolean
read_codes (Reading     *reading,
            Merge       *merge,
            xmlNodePtr   parent_node,
            GlsCategory *parent,
            guint        depth)
{
  for (xmlNodePtr child = parent_node->children; child != NULL; child = child->next)
    if (is_qdc (reading, child, "Code") && !read_code (reading, merge, child, parent, depth))
      return FALSE;

  return TRUE;
}

static xmlDocPtr
parse (Reading *reading,
       GBytes  *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlParserCtxtPtr context;
  xmlDocPtr doc;
  guint line;

  if (len == 0 || len > G_MAXINT)
    {
      fail (reading, NULL, len == 0 ? _("the file is empty, it holds no XML at all")
                                    : _("the file is too large to read"));
      return NULL;
    }
  /* the standard's XML is UTF-8: in any other encoding a DOCTYPE would
   * escape the byte scan below */
  if (!g_utf8_validate (data, len, NULL))
    {
      fail (reading, NULL, _("the file is not UTF-8, as a REFI-QDA codebook must be"));
      return NULL;
    }
  if ((line = _gls_xml_find_doctype (data, len)) > 0)
    {
      g_set_error (reading->error, GLS_ERROR, GLS_ERROR_MALFORMED, "%s:%u: %s", reading->name, line,
                   _("a DOCTYPE is not allowed in Glossator files (no DTDs, no entities)"));
      return NULL;
    }

  _gls_xml_init ();
  context = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (context, data, (int) len, reading->name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  if (doc != NULL && doc->intSubset != NULL)
    {
      g_set_error (reading->error, GLS_ERROR, GLS_ERROR_MALFORMED, "%s: %s", reading->name,
                   _("a DOCTYPE is not allowed in Glossator files (no DTDs, no entities)"));
      xmlFreeDoc (doc);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  if (doc == NULL || !context->wellFormed)
    {
      const xmlError *error = xmlCtxtGetLastError (context);

      g_set_error (reading->error, GLS_ERROR, GLS_ERROR_MALFORMED, "%s:%d: %s %s", reading->name,
                   error ? error->line : 0, _("not well-formed XML:"),
                   error && error->message ? g_strstrip (error->message) : "");
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (context);

  return doc;
}

/* The codes under @codes (a Codes element) taken into a copy of @into. */
static GlsCodebook *
merge_codes (GlsCodebook *into,
             Reading     *reading,
             xmlNodePtr   codes,
             guint       *n_added)
{
  g_autoptr(GlsCodebook) copy = NULL;
  g_autoptr(GHashTable) by_guid = NULL;
  g_autoptr(GHashTable) taken = NULL;
  Merge merge;
  gboolean ok;

  copy = gls_codebook_copy (into);
  by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  taken = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < copy->flat->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (copy->flat, i);

      g_hash_table_insert (by_guid, gls_category_dup_guid (category, copy), category);
    }

  merge = (Merge) { copy, by_guid, taken, 0 };
  ok = read_codes (reading, &merge, codes, NULL, 0);
  if (!ok)
    return NULL;

  _gls_codebook_rebuild (copy);
  if (n_added != NULL)
    *n_added = merge.n_added;

  return g_steal_pointer (&copy);
}

/**
 * gls_codebook_import_qdc:
 * @into: the codebook the codes go into
 * @n_added: (out) (optional): how many categories are new
 *
 * Takes the codes of a REFI-QDA codebook into a copy of @into: a code
 * whose GUID (or, failing that, name) a category has updates it — label
 * and description in the user's language, colour, place in the tree —
 * keeping its id, key and other languages; any other code becomes a new
 * category with a free key. Categories the file does not name stay.
 *
 * Returns: (transfer full): the new codebook, or %NULL with @error set
 *   (naming the file and the line) when @bytes is not a REFI-QDA codebook
 */
GlsCodebook *
gls_codebook_import_qdc (GlsCodebook  *into,
                         GBytes       *bytes,
                         const char   *display_name,
                         guint        *n_added,
                         GError      **error)
{
  g_autoptr(GlsCodebook) copy = NULL;
  Reading reading = { display_name, error, GLS_REFI_CODEBOOK_NAMESPACE };
  xmlDocPtr doc;
  xmlNodePtr root, codes = NULL;

  g_return_val_if_fail (GLS_IS_CODEBOOK (into), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if ((doc = parse (&reading, bytes)) == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_qdc (&reading, root, "CodeBook"))
    {
      fail (&reading, root, _("this is not a REFI-QDA codebook: its root element must be CodeBook in the namespace %s"),
            GLS_REFI_CODEBOOK_NAMESPACE);
      xmlFreeDoc (doc);
      return NULL;
    }
  for (xmlNodePtr child = root->children; child != NULL && codes == NULL; child = child->next)
    if (is_qdc (&reading, child, "Codes"))
      codes = child;
  if (codes == NULL)
    {
      fail (&reading, root, _("a CodeBook needs a Codes element"));
      xmlFreeDoc (doc);
      return NULL;
    }

  copy = merge_codes (into, &reading, codes, n_added);
  xmlFreeDoc (doc);

  return g_steal_pointer (&copy);
}


/* The codes of a project's CodeBook/Codes element, @codes, in @ns, taken
 * into a copy of @into as gls_codebook_import_qdc() takes a .qdc's. */
GlsCodebook *
_gls_refi_merge_codes (GlsCodebook  *into,
                       xmlNodePtr    codes,
                       const char   *ns,
                       const char   *display_name,
                       GError      **error)
{
  Reading reading = { display_name, error, ns };

  return merge_codes (into, &reading, codes, NULL);
}
