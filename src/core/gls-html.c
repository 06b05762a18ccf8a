/* gls-html.c
 * HTML articles as FORMAT.md §5 says: libxml2's HTML parser, never fetching
 * anything, and the deterministic rule that turns a page into its text. */
#define G_LOG_DOMAIN "gls-html"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "gls-html-private.h"
#include "gls-xml-private.h"

/* The options of FORMAT.md §5; the text handed to the parser is already
 * UTF-8, so a meta charset must not switch it again. */
#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)

/* Where a meta charset is looked for: the start of the page, as browsers
 * look for it. */
#define SNIFF_BYTES (16 * 1024)

static const char * const dropped_elements[] = {
  "head", "script", "style", "template", "noscript",
};

static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
  "blockquote", "figcaption", "tr", "article", "section", "header",
  "footer", "aside", "nav", "pre", "table", "ul", "ol", "dl", "hr",
};

/* Labels a page may declare for the encodings browsers decode as
 * Windows-1252 (the WHATWG Encoding Standard), and as UTF-8: a page that
 * says UTF-16 without a byte-order mark is in fact ASCII-compatible. */
static const char * const windows_1252_labels[] = {
  "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
  "iso88591", "iso_8859-1:1987", "latin1", "l1", "us-ascii", "ascii",
  "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819", "csisolatin1",
};
static const char * const utf8_labels[] = {
  "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be",
};

static gboolean
name_in (const xmlChar      *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp ((const char *) name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

#define NAME_IN(name, names) name_in ((name), (names), G_N_ELEMENTS (names))

static gboolean
has_suffix_nocase (const char *name,
                   const char *suffix)
{
  gsize len = strlen (name), suffix_len = strlen (suffix);

  return len >= suffix_len && g_ascii_strcasecmp (name + len - suffix_len, suffix) == 0;
}

static gboolean
starts_with_nocase (const guint8 *data,
                    gsize         len,
                    const char   *prefix)
{
  gsize prefix_len = strlen (prefix);

  return len >= prefix_len && g_ascii_strncasecmp ((const char *) data, prefix, prefix_len) == 0;
}

/**
 * _gls_html_is_html:
 * @name: (nullable): the file's name
 *
 * Returns: whether @name ends in .html, .htm or .xhtml, or the content
 *   starts (after a UTF-8 byte-order mark and white space) with an HTML
 *   doctype or `<html`
 */
gboolean
_gls_html_is_html (const char   *name,
                   const guint8 *data,
                   gsize         len)
{
  if (name != NULL &&
      (has_suffix_nocase (name, ".html") || has_suffix_nocase (name, ".htm") ||
       has_suffix_nocase (name, ".xhtml")))
    return TRUE;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      len -= 3;
    }
  while (len > 0 && (*data == ' ' || *data == '\t' || *data == '\n' || *data == '\r' || *data == '\f'))
    {
      data++;
      len--;
    }

  if (starts_with_nocase (data, len, "<html"))
    return len == 5 || !g_ascii_isalnum (data[5]);

  if (starts_with_nocase (data, len, "<!doctype"))
    {
      data += 9;
      len -= 9;
      while (len > 0 && g_ascii_isspace (*data))
        {
          data++;
          len--;
        }
      return starts_with_nocase (data, len, "html");
    }

  return FALSE;
}

static char *
normalize_label (const char *label)
{
  g_autofree char *stripped = g_strstrip (g_strdup (label));

  if (*stripped == '\0')
    return NULL;
  if (NAME_IN (BAD_CAST stripped, windows_1252_labels))
    return g_strdup ("WINDOWS-1252");
  if (NAME_IN (BAD_CAST stripped, utf8_labels))
    return g_strdup ("UTF-8");

  /* another encoding, if the system can decode it */
  {
    GIConv conv = g_iconv_open ("UTF-8", stripped);

    if (conv == (GIConv) -1)
      return NULL;
    g_iconv_close (conv);
  }

  return g_ascii_strup (stripped, -1);
}

/* The charset in a Content-Type value: `text/html; charset=koi8-r`. */
static char *
charset_of_content_type (const char *content)
{
  const char *p = content;

  while ((p = strchr (p, '=')) != NULL)
    {
      const char *name_end = p;
      const char *value, *end;

      while (name_end > content && g_ascii_isspace (name_end[-1]))
        name_end--;
      if (name_end - content >= 7 && g_ascii_strncasecmp (name_end - 7, "charset", 7) == 0)
        {
          value = p + 1;
          while (g_ascii_isspace (*value))
            value++;
          if (*value == '"' || *value == '\'')
            value++;
          for (end = value; *end && *end != ';' && *end != '"' && *end != '\'' && !g_ascii_isspace (*end); end++)
            ;
          return g_strndup (value, end - value);
        }
      p++;
    }

  return NULL;
}

static char *
charset_of_meta (xmlNode *meta)
{
  g_autofree char *charset = (char *) xmlGetProp (meta, BAD_CAST "charset");
  g_autofree char *http_equiv = NULL;
  g_autofree char *content = NULL;

  if (charset != NULL)
    return normalize_label (charset);

  http_equiv = (char *) xmlGetProp (meta, BAD_CAST "http-equiv");
  if (http_equiv == NULL || g_ascii_strcasecmp (g_strstrip (http_equiv), "content-type") != 0)
    return NULL;

  content = (char *) xmlGetProp (meta, BAD_CAST "content");
  if (content != NULL)
    {
      g_autofree char *label = charset_of_content_type (content);

      if (label != NULL)
        return normalize_label (label);
    }

  return NULL;
}

/* The next node in document order; @skip_children to pass a subtree. */
static xmlNode *
next_node (xmlNode  *node,
           xmlNode  *root,
           gboolean  skip_children)
{
  if (!skip_children && node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;

  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

/**
 * _gls_html_sniff_encoding:
 *
 * The encoding the page declares with a `meta` element in its first
 * 16 KiB, found by libxml2's HTML parser reading those bytes as ISO-8859-1
 * (which any byte is). Labels browsers read as Windows-1252 (ISO-8859-1,
 * ASCII) give `WINDOWS-1252`; a declared UTF-16 gives `UTF-8`; a label the
 * system cannot decode is not taken.
 *
 * Returns: (transfer full): the encoding, `UTF-8` when none is declared
 */
char *
_gls_html_sniff_encoding (const guint8 *data,
                          gsize         len)
{
  htmlDocPtr doc;
  char *found = NULL;
  xmlNode *root;

  len = MIN (len, SNIFF_BYTES);
  if (len == 0)
    return g_strdup ("UTF-8");

  _gls_xml_init ();
  doc = htmlReadMemory ((const char *) data, (int) len, NULL, "ISO-8859-1",
                        PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
  if (doc == NULL)
    return g_strdup ("UTF-8");

  root = (xmlNode *) doc;
  for (xmlNode *node = root->children; node != NULL && found == NULL; node = next_node (node, root, FALSE))
    if (node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, "meta") == 0)
      found = charset_of_meta (node);

  xmlFreeDoc (doc);

  return found != NULL ? found : g_strdup ("UTF-8");
}

/* The extracted text as it grows. What separates the last character from
 * the next is decided only when the next one comes, so that nothing is
 * ever written before the first or after the last character, and empty
 * lines and paragraphs at their edges vanish. */
typedef struct
{
  GString *out;
  guint    pending_lines;      /* line breaks since the last character */
  guint    pending_space : 1;
  guint    pending_paragraph : 1;
} Extractor;

static inline gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
separate (Extractor *x)
{
  if (x->out->len > 0)
    {
      if (x->pending_paragraph)
        g_string_append (x->out, "\n\n");
      else if (x->pending_lines > 0)
        for (guint i = 0; i < x->pending_lines; i++)
          g_string_append_c (x->out, '\n');
      else if (x->pending_space)
        g_string_append_c (x->out, ' ');
    }

  x->pending_lines = 0;
  x->pending_space = FALSE;
  x->pending_paragraph = FALSE;
}

static void
end_paragraph (Extractor *x)
{
  x->pending_paragraph = TRUE;
  x->pending_lines = 0;
}

static void
end_line (Extractor *x)
{
  /* a break before any character of the paragraph leaves a leading empty
   * line, which is dropped */
  if (x->out->len > 0 && !x->pending_paragraph)
    x->pending_lines++;
}

static void
add_text (Extractor  *x,
          const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *word = p;

      if (is_html_space (*p))
        {
          x->pending_space = TRUE;
          p++;
          continue;
        }

      while (*p != '\0' && !is_html_space (*p))
        p++;
      separate (x);
      g_string_append_len (x->out, word, p - word);
    }
}

/* The text of a `pre` as written: its text nodes and line breaks, with
 * dropped elements dropped. */
static void
add_pre (Extractor *x,
         xmlNode   *pre)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean blank = TRUE;

  for (xmlNode *node = pre->children; node != NULL;)
    {
      gboolean skip = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            g_string_append (text, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (NAME_IN (node->name, dropped_elements))
            skip = TRUE;
          else if (g_ascii_strcasecmp ((const char *) node->name, "br") == 0)
            g_string_append_c (text, '\n');
        }
      node = next_node (node, pre, skip);
    }

  for (gsize i = 0; i < text->len && blank; i++)
    blank = is_html_space (text->str[i]);
  if (blank)
    {
      /* a pre of white space only is an empty paragraph */
      end_paragraph (x);
      return;
    }

  end_paragraph (x);
  separate (x);
  g_string_append_len (x->out, text->str, text->len);
  end_paragraph (x);
}

/* Leaves @node (an element whose subtree was walked), and every ancestor
 * that this also leaves, up to the one that has a next sibling. */
static xmlNode *
leave (Extractor *x,
       xmlNode   *node,
       xmlNode   *root)
{
  while (node != NULL && node != root)
    {
      if (node->type == XML_ELEMENT_NODE && NAME_IN (node->name, block_elements))
        end_paragraph (x);
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

/**
 * _gls_html_extract:
 * @utf8: the page, decoded to UTF-8
 *
 * The extracted text of FORMAT.md §5. The walk is a loop, not a
 * recursion, so a page nested ten thousand levels deep costs no stack.
 *
 * Returns: (transfer full): the text, valid UTF-8
 */
char *
_gls_html_extract (const char *utf8,
                   gsize       len,
                   gsize      *out_len)
{
  Extractor x = { 0, };
  htmlDocPtr doc = NULL;
  xmlNode *root;
  xmlNode *node;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);
  g_return_val_if_fail (len <= G_MAXINT, NULL);

  x.out = g_string_sized_new (len / 2 + 1);

  _gls_xml_init ();
  if (len > 0)
    doc = htmlReadMemory (utf8, (int) len, NULL, "UTF-8", PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);

  root = (xmlNode *) doc;
  node = root != NULL ? root->children : NULL;

  while (node != NULL)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            add_text (&x, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          gboolean dropped = NAME_IN (node->name, dropped_elements);

          if (!dropped && g_ascii_strcasecmp ((const char *) node->name, "pre") == 0)
            add_pre (&x, node);
          if (dropped || g_ascii_strcasecmp ((const char *) node->name, "pre") == 0)
            {
              /* the subtree is done: on to what follows it */
              node = node->next != NULL ? node->next : leave (&x, node->parent, root);
              continue;
            }
          if (g_ascii_strcasecmp ((const char *) node->name, "br") == 0)
            end_line (&x);
          else if (NAME_IN (node->name, block_elements))
            end_paragraph (&x);

          if (node->children != NULL)
            {
              node = node->children;
              continue;
            }
          node = leave (&x, node, root);
          continue;
        }

      node = node->next != NULL ? node->next : leave (&x, node->parent, root);
    }

  if (doc != NULL)
    xmlFreeDoc (doc);

  *out_len = x.out->len;
  return g_string_free (x.out, FALSE);
}
