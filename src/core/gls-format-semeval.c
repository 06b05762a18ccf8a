/* gls-format-semeval.c
 * SemEval-2020 task 11 technique labels (article, technique, start, end) in
 * code points of the UTF-8 article, a leading BOM counted as character 0. */
#define G_LOG_DOMAIN "gls-format-semeval"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-format-private.h"
#include "gls-names-private.h"

/* "article111111111.txt" is article "111111111"; any other file is known
 * by its name without the extension. */
static char *
article_id (GlsDocument *document)
{
  g_autofree char *name = _gls_format_source_name (document);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  if (g_str_has_prefix (name, "article") && name[7] != '\0')
    return g_strdup (name + 7);

  return g_steal_pointer (&name);
}

/* A field cannot hold a tab or a line break. */
static void
put_field (GString    *out,
           const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? '_' : *p);
}

GBytes *
_gls_format_semeval_export (GlsDocument  *document,
                            GError      **error)
{
  g_autoptr(GPtrArray) annotations = _gls_format_dup_annotations (document, FALSE);
  g_autofree char *id = article_id (document);
  GString *out = g_string_sized_new (64 * annotations->len + 1);
  GlsOffsetMap map;

  _gls_offset_map_init (&map, gls_document_get_source (document), FALSE, TRUE);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *technique = _gls_format_category_name (document, gls_annotation_get_category (annotation));

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);

          put_field (out, id);
          g_string_append_c (out, '\t');
          put_field (out, technique);
          g_string_append_printf (out, "\t%u\t%u\n",
                                  _gls_offset_map_to_external (&map, span.start),
                                  _gls_offset_map_to_external (&map, span.end));
        }
    }

  _gls_offset_map_clear (&map);

  return g_string_free_to_bytes (out);
}

typedef struct
{
  guint  line;
  char  *article;
  char  *technique;
  guint  start;
  guint  end;
} Label;

static void
label_clear (Label *label)
{
  g_free (label->article);
  g_free (label->technique);
}

static gboolean
parse_offset (const char *text,
              guint64    *value)
{
  return _gls_parse_unsigned (text, G_MAXUINT, value);
}

gboolean
_gls_format_semeval_import (GlsDocument      *document,
                            GBytes           *bytes,
                            const char       *display_name,
                            GlsImportFlags    flags,
                            GlsImportReport  *report,
                            GError          **error)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_autoptr(GHashTable) articles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *own_id = article_id (document);
  GlsSource *source = gls_document_get_source (document);
  GlsImporter importer;
  GlsOffsetMap map;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end, *p, *bad;
  const char *wanted = own_id;
  guint line = 0;

  g_array_set_clear_func (labels, (GDestroyNotify) label_clear);
  _gls_importer_init (&importer, document, display_name, flags, report);
  _gls_offset_map_init (&map, source, FALSE, TRUE);

  /* empty bytes may have no data at all, and NULL + 0 is undefined */
  if (data == NULL)
    data = "";
  p = data;
  end = data + len;

  if (!g_utf8_validate_len (data, len, &bad))
    {
      guint bad_line = 1;

      for (const char *q = data; q < bad; q++)
        bad_line += *q == '\n';
      _gls_importer_error (&importer, bad_line, _("this line is not valid UTF-8"));
    }
  else if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol ? eol : end;
      g_autofree char *text = NULL;
      g_auto(GStrv) fields = NULL;
      guint64 start, finish;
      Label label = { 0, };

      line++;
      if (stop > p && stop[-1] == '\r')
        text = g_strndup (p, stop - 1 - p);
      else
        text = g_strndup (p, stop - p);
      p = eol ? eol + 1 : end;

      {
        /* blank lines, such as one at the end, say nothing */
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        if (*stripped == '\0')
          continue;
      }

      fields = g_strsplit (text, "\t", -1);
      if (g_strv_length (fields) != 4)
        {
          _gls_importer_error (&importer, line,
                               _("expected 4 fields separated by tabs (article, technique, start, end), found %u"),
                               g_strv_length (fields));
          continue;
        }
      if (!parse_offset (fields[2], &start) || !parse_offset (fields[3], &finish))
        {
          _gls_importer_error (&importer, line,
                               _("the start and end must be character offsets (whole numbers from 0), not “%s” and “%s”"),
                               fields[2], fields[3]);
          continue;
        }
      if (fields[1][0] == '\0')
        {
          _gls_importer_error (&importer, line, _("the technique is empty"));
          continue;
        }
      if (!_gls_importer_check_name (&importer, line, fields[1]))
        continue;
      if (start >= finish)
        {
          _gls_importer_error (&importer, line,
                               _("the span %s–%s is empty: its end must come after its start"),
                               fields[2], fields[3]);
          continue;
        }

      label.line = line;
      label.article = g_strdup (fields[0]);
      label.technique = g_strdup (fields[1]);
      label.start = (guint) start;
      label.end = (guint) finish;
      g_array_append_val (labels, label);
      g_hash_table_add (articles, g_array_index (labels, Label, labels->len - 1).article);
    }

  /* A file of one article's labels is that article's, whatever its id; of
   * a file with several articles, only the lines of this one count. */
  if (g_hash_table_size (articles) == 1)
    wanted = g_array_index (labels, Label, 0).article;
  else if (g_hash_table_size (articles) > 1 && !g_hash_table_contains (articles, own_id))
    _gls_importer_error (&importer, 0,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "this file holds the labels of %u article, which is not article “%s”",
                                      "this file holds the labels of %u articles, none of which is article “%s”",
                                      g_hash_table_size (articles)),
                         g_hash_table_size (articles), own_id);

  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      guint start, finish;

      if (strcmp (label->article, wanted) != 0)
        continue;

      if (!_gls_offset_map_from_external (&map, label->start, &start) ||
          !_gls_offset_map_from_external (&map, label->end, &finish))
        {
          guint external_length = _gls_offset_map_external_length (&map);

          if (label->end > external_length)
            _gls_importer_error (&importer, label->line,
                                 _("the span %u–%u ends beyond the end of the text (%u characters)"),
                                 label->start, label->end, external_length);
          else
            _gls_importer_error (&importer, label->line,
                                 _("the span %u–%u starts in the byte-order mark"),
                                 label->start, label->end);
          continue;
        }
      label->start = start;
      label->end = finish;
    }

  if (!_gls_importer_check (&importer, error))
    {
      _gls_offset_map_clear (&map);
      _gls_importer_clear (&importer);
      return FALSE;
    }

  /* Every category first, so that the codebook changes once. */
  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);

      if (strcmp (label->article, wanted) == 0)
        _gls_importer_category (&importer, label->technique);
    }

  _gls_importer_begin (&importer);

  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      const char *category;
      g_autoptr(GArray) spans = NULL;
      g_autoptr(GlsAnnotation) annotation = NULL;
      GlsSpan span;

      if (strcmp (label->article, wanted) != 0)
        {
          gls_import_report_count (report, "semeval-other-article",
                                   _("lines for other articles"), FALSE, 1);
          continue;
        }

      category = _gls_importer_category (&importer, label->technique);
      span.start = label->start;
      span.end = label->end;
      spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
      g_array_append_val (spans, span);

      if (_gls_importer_claim_existing (&importer, category, spans, NULL, NULL) != NULL)
        {
          gls_import_report_count (report, GLS_KIND_DUPLICATE,
                                   _("annotations already in the document"), FALSE, 1);
          continue;
        }

      annotation = gls_annotation_new (category, &span, 1, gls_document_get_annotator (document));
      annotation->line = label->line;
      _gls_importer_add (&importer, annotation);
    }

  _gls_importer_end (&importer);
  _gls_offset_map_clear (&map);
  _gls_importer_clear (&importer);

  return TRUE;
}
