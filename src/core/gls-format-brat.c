/* gls-format-brat.c
 * brat standoff (.ann) in brat's offsets, both ways; what Glossator does not
 * model (events, normalisations…) is counted and kept as attributes. */
#define G_LOG_DOMAIN "gls-format-brat"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-format-private.h"
#include "gls-names-private.h"

/* Attributes that keep what Glossator does not model; none of them is
 * written back as an A line. Notes of another type than AnnotatorNotes
 * ("#1<TAB>Lemma T1<TAB>…") are kept as "brat:note:TYPE" and written back. */
#define KEPT_PREFIX   "brat:"
#define NOTE_PREFIX   "brat:note:"
#define ANNOTATOR_NOTES "AnnotatorNotes"

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* A type, name or value is one token: no white space. */
static void
put_token (GString    *out,
           const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, g_ascii_isspace (*p) ? '_' : *p);
}

/* Free text on one line: each line break (a CRLF is one) and tab becomes a
 * space, so that it has brat's length. */
static void
put_text (GString    *out,
          const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        {
          g_string_append_c (out, ' ');
          p++;
        }
      else if (*p == '\r' || *p == '\n' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

/* The text brat gives a T: its fragments joined by spaces. */
static void
put_span_text (GString       *out,
               GlsSource     *source,
               GlsAnnotation *annotation)
{
  for (guint i = 0; i < gls_annotation_get_n_targets (annotation); i++)
    {
      GlsSpan span = gls_annotation_get_target (annotation, i);
      g_autofree char *text = gls_source_dup_range (source, span.start, span.end);

      if (i > 0)
        g_string_append_c (out, ' ');
      put_text (out, text);
    }
}

GBytes *
_gls_format_brat_export (GlsDocument  *document,
                         GError      **error)
{
  g_autoptr(GPtrArray) annotations = _gls_format_dup_annotations (document, FALSE);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  GlsSource *source = gls_document_get_source (document);
  GListModel *relations = gls_document_get_relations (document);
  GString *out = g_string_sized_new (96 * annotations->len + 1);
  guint n_attributes = 0, n_notes = 0, n_relations = 0;
  GlsOffsetMap map;
  guint n;

  _gls_offset_map_init (&map, source, TRUE, TRUE);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);

      g_hash_table_insert (numbers, (gpointer) gls_annotation_get_id (annotation), GUINT_TO_POINTER (i + 1));

      g_string_append_printf (out, "T%u\t", i + 1);
      put_token (out, _gls_format_category_name (document, gls_annotation_get_category (annotation)));
      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);

          g_string_append_printf (out, "%c%u %u", j == 0 ? ' ' : ';',
                                  _gls_offset_map_to_external (&map, span.start),
                                  _gls_offset_map_to_external (&map, span.end));
        }
      g_string_append_c (out, '\t');
      put_span_text (out, source, annotation);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);

      for (guint j = 0; j < gls_annotation_get_n_attributes (annotation); j++)
        {
          const char *name = gls_annotation_get_attribute_name (annotation, j);
          const char *value = gls_annotation_get_attribute_value (annotation, j);

          if (g_str_has_prefix (name, KEPT_PREFIX))
            continue;

          g_string_append_printf (out, "A%u\t", ++n_attributes);
          put_token (out, name);
          g_string_append_printf (out, " T%u", i + 1);
          if (value != NULL && *value != '\0')
            {
              g_string_append_c (out, ' ');
              put_token (out, value);
            }
          g_string_append_c (out, '\n');
        }
    }

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, gls_relation_get_from (relation)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, gls_relation_get_to (relation)));

      /* links into other files, or to orphaned annotations, have no T */
      if (from == 0 || to == 0)
        continue;

      g_string_append_printf (out, "R%u\t", ++n_relations);
      put_token (out, gls_relation_get_relation_type (relation));
      g_string_append_printf (out, " Arg1:T%u Arg2:T%u\n", from, to);
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      GlsAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *note = gls_annotation_get_note (annotation);

      if (note != NULL && *note != '\0')
        {
          g_string_append_printf (out, "#%u\t" ANNOTATOR_NOTES " T%u\t", ++n_notes, i + 1);
          put_text (out, note);
          g_string_append_c (out, '\n');
        }

      for (guint j = 0; j < gls_annotation_get_n_attributes (annotation); j++)
        {
          const char *name = gls_annotation_get_attribute_name (annotation, j);

          if (!g_str_has_prefix (name, NOTE_PREFIX) || name[strlen (NOTE_PREFIX)] == '\0')
            continue;

          g_string_append_printf (out, "#%u\t", ++n_notes);
          put_token (out, name + strlen (NOTE_PREFIX));
          g_string_append_printf (out, " T%u\t", i + 1);
          put_text (out, gls_annotation_get_attribute_value (annotation, j));
          g_string_append_c (out, '\n');
        }
    }

  _gls_offset_map_clear (&map);

  return g_string_free_to_bytes (out);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

typedef struct
{
  guint          line;
  char           kind;       /* T, A (or M), R, E, N, *, # */
  char          *id;
  char          *type;       /* the type, or the attribute's name */
  char          *target;     /* what A, N, # are about; E's trigger */
  char          *value;      /* A's value (NULL when it has none), #'s text */
  char          *arg1;       /* R */
  char          *arg2;
  char         **members;    /* * */
  char          *whole;      /* the line as it was */
  GArray        *spans;      /* T: GlsSpan in Glossator's offsets */
  GlsAnnotation *annotation; /* T: the new annotation, or the one already there */
  gboolean       duplicate;
} Line;

static void
line_clear (Line *line)
{
  g_free (line->id);
  g_free (line->type);
  g_free (line->target);
  g_free (line->value);
  g_free (line->arg1);
  g_free (line->arg2);
  g_strfreev (line->members);
  g_free (line->whole);
  g_clear_pointer (&line->spans, g_array_unref);
  g_clear_object (&line->annotation);
}

typedef struct
{
  GlsImporter   importer;
  GlsSource    *source;
  GlsOffsetMap  map;
  GArray       *lines;    /* Line */
  GHashTable   *ids;      /* brat id → index in lines + 1 */
  GHashTable   *about;    /* brat id → GArray of the indices of the
                             lines about it (A, N, #) */
} Reader;

static char *
excerpt (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 60)
    return g_strdup (text);

  {
    g_autofree char *head = g_utf8_substring (text, 0, 60);
    return g_strconcat (head, "…", NULL);
  }
}

static gboolean
parse_uint (const char *text,
            guint64    *value)
{
  return _gls_parse_unsigned (text, G_MAXUINT, value);
}

/* "T1<TAB>Person 0 5;10 15<TAB>Alice Smith" */
static gboolean
parse_text_bound (Reader  *r,
                  Line    *line,
                  char   **fields)
{
  g_auto(GStrv) parts = NULL;
  guint external_length = _gls_offset_map_external_length (&r->map);
  char *space;

  if (g_strv_length (fields) < 3)
    {
      _gls_importer_error (&r->importer, line->line,
                           _("a text-bound annotation needs three fields separated by tabs: "
                             "id, “type start end”, and the text"));
      return FALSE;
    }

  space = strchr (fields[1], ' ');
  if (space == NULL || space == fields[1])
    {
      _gls_importer_error (&r->importer, line->line,
                           _("“%s” is not a type followed by the offsets “start end”"), fields[1]);
      return FALSE;
    }

  line->type = g_strndup (fields[1], space - fields[1]);
  line->value = g_strdup (fields[2]);
  line->spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));

  parts = g_strsplit (space + 1, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) offsets = g_strsplit (g_strstrip (parts[i]), " ", -1);
      guint64 start, end;
      GlsSpan span;

      if (g_strv_length (offsets) != 2 || !parse_uint (offsets[0], &start) || !parse_uint (offsets[1], &end))
        {
          _gls_importer_error (&r->importer, line->line,
                               _("“%s” is not a span “start end” of character offsets"), parts[i]);
          return FALSE;
        }
      if (start >= end)
        {
          _gls_importer_error (&r->importer, line->line,
                               _("the span %s–%s of %s is empty: its end must come after its start"),
                               offsets[0], offsets[1], line->id);
          return FALSE;
        }
      if (end > external_length)
        {
          _gls_importer_error (&r->importer, line->line,
                               _("the span %s–%s of %s ends beyond the end of the text (%u characters)"),
                               offsets[0], offsets[1], line->id, external_length);
          return FALSE;
        }
      if (!_gls_offset_map_from_external (&r->map, start, &span.start) ||
          !_gls_offset_map_from_external (&r->map, end, &span.end))
        {
          _gls_importer_error (&r->importer, line->line,
                               _("the span %s–%s of %s starts in the byte-order mark"),
                               offsets[0], offsets[1], line->id);
          return FALSE;
        }
      g_array_append_val (line->spans, span);
    }

  /* The text brat wrote must be the text at those offsets. */
  {
    g_autoptr(GString) expected = g_string_new (NULL);
    g_autoptr(GString) given = g_string_new (NULL);

    for (guint i = 0; i < line->spans->len; i++)
      {
        GlsSpan span = g_array_index (line->spans, GlsSpan, i);
        g_autofree char *text = gls_source_dup_range (r->source, span.start, span.end);

        if (i > 0)
          g_string_append_c (expected, ' ');
        put_text (expected, text);
      }
    put_text (given, line->value);

    if (strcmp (expected->str, given->str) != 0)
      {
        g_autofree char *want = excerpt (given->str);
        g_autofree char *have = excerpt (expected->str);

        _gls_importer_error (&r->importer, line->line,
                             _("the text of %s is “%s”, but the text at its offsets (%s) is “%s”"),
                             line->id, want, space + 1, have);
        return FALSE;
      }
  }

  return TRUE;
}

/* Splits the second field into its space-separated tokens. */
static char **
tokens (const char *field)
{
  g_auto(GStrv) all = g_strsplit (field, " ", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (all[i][0] != '\0')
      g_ptr_array_add (kept, g_strdup (all[i]));
  g_ptr_array_add (kept, NULL);

  return (char **) g_ptr_array_free (kept, FALSE);
}

static gboolean
parse_line (Reader     *r,
            Line       *line,
            const char *text)
{
  g_auto(GStrv) fields = g_strsplit (text, "\t", 3);
  g_auto(GStrv) words = NULL;
  guint n_words;

  if (g_strv_length (fields) < 2 || fields[0][0] == '\0')
    {
      g_autofree char *shown = excerpt (text);
      _gls_importer_error (&r->importer, line->line,
                           _("“%s” is not a brat annotation (an id, a tab, then the annotation)"), shown);
      return FALSE;
    }

  line->kind = fields[0][0] == 'M' ? 'A' : fields[0][0];
  line->id = g_strdup (fields[0]);
  line->whole = g_strdup (text);

  if (!strchr ("TAREN*#", line->kind))
    {
      g_autofree char *shown = excerpt (text);
      _gls_importer_error (&r->importer, line->line,
                           _("“%s” is not a brat annotation: its id must start with T, A, M, R, E, N, * or #"),
                           shown);
      return FALSE;
    }

  if (line->kind == 'T')
    return parse_text_bound (r, line, fields);

  words = tokens (fields[1]);
  n_words = g_strv_length (words);

  switch (line->kind)
    {
    case 'A':
      /* "A1<TAB>Negated T1" or "A2<TAB>Confidence E1 High" */
      if (n_words < 2)
        break;
      line->type = g_strdup (words[0]);
      line->target = g_strdup (words[1]);
      if (n_words > 2)
        line->value = g_strjoinv (" ", words + 2);
      return TRUE;

    case 'R':
      /* "R1<TAB>Family Arg1:T6 Arg2:T7" */
      if (n_words != 3 || strchr (words[1], ':') == NULL || strchr (words[2], ':') == NULL)
        break;
      line->type = g_strdup (words[0]);
      line->arg1 = g_strdup (strchr (words[1], ':') + 1);
      line->arg2 = g_strdup (strchr (words[2], ':') + 1);
      return TRUE;

    case 'E':
      /* "E1<TAB>Report:T17 Reporter-Arg:T1 Event-Arg:E2" */
      if (n_words < 1 || strchr (words[0], ':') == NULL)
        break;
      line->type = g_strndup (words[0], strchr (words[0], ':') - words[0]);
      line->target = g_strdup (strchr (words[0], ':') + 1);
      return TRUE;

    case 'N':
      /* "N1<TAB>Reference T5 Wikipedia:64488<TAB>Carlos Salinas" */
      if (n_words < 2)
        break;
      line->type = g_strdup (words[0]);
      line->target = g_strdup (words[1]);
      return TRUE;

    case '*':
      /* "*<TAB>Alias T2 T4" */
      if (n_words < 2)
        break;
      line->type = g_strdup (words[0]);
      line->members = g_strdupv (words + 1);
      return TRUE;

    case '#':
      /* "#1<TAB>AnnotatorNotes T1<TAB>Should it be?" */
      if (n_words != 2)
        break;
      line->type = g_strdup (words[0]);
      line->target = g_strdup (words[1]);
      line->value = g_strdup (fields[2] ? fields[2] : "");
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  {
    g_autofree char *shown = excerpt (text);
    _gls_importer_error (&r->importer, line->line,
                         _("“%s” is not a well-formed brat annotation of its kind"), shown);
  }
  return FALSE;
}

static Line *
lookup (Reader     *r,
        const char *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids, id));

  return index > 0 ? &g_array_index (r->lines, Line, index - 1) : NULL;
}

/* The text-bound annotation @id is, or is the trigger of. */
static Line *
lookup_span (Reader     *r,
             const char *id)
{
  Line *found = lookup (r, id);

  if (found != NULL && found->kind == 'E')
    found = lookup (r, found->target);

  return found != NULL && found->kind == 'T' ? found : NULL;
}

static void
check_reference (Reader     *r,
                 Line       *line,
                 const char *id)
{
  if (lookup (r, id) == NULL)
    _gls_importer_error (&r->importer, line->line,
                         _("%s refers to “%s”, which this file does not define"), line->id, id);
}

static void
check_references (Reader *r)
{
  for (guint i = 0; i < r->lines->len; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);

      switch (line->kind)
        {
        case 'A':
        case 'N':
        case '#':
          check_reference (r, line, line->target);
          break;

        case 'E':
          if (lookup (r, line->target) == NULL || lookup (r, line->target)->kind != 'T')
            _gls_importer_error (&r->importer, line->line,
                                 _("the trigger “%s” of %s is not a text-bound annotation of this file"),
                                 line->target, line->id);
          break;

        case 'R':
          check_reference (r, line, line->arg1);
          check_reference (r, line, line->arg2);
          break;

        case '*':
          for (guint j = 0; line->members[j] != NULL; j++)
            check_reference (r, line, line->members[j]);
          break;

        default:
          break;
        }
    }
}

/* Keeps a line Glossator does not model as an attribute of the
 * annotation it is about, and counts it. */
static void
keep (Reader     *r,
      Line       *line,
      Line       *on,
      const char *name,
      const char *kind,
      const char *label)
{
  if (on != NULL)
    {
      _gls_importer_add_attribute (&r->importer, on->annotation, name, line->whole, FALSE);
      gls_import_report_count (r->importer.report, kind, label, FALSE, 1);
    }
  else
    gls_import_report_count (r->importer.report, kind, label, FALSE, 1);
}

typedef struct
{
  Reader *reader;
  Line   *line;
} Scoring;

/* How many of the A and # lines about @scoring's T the annotation has
 * already: of two identical spans, a second import matches each with the
 * one it made the first time. */
static int
score_twin (GlsAnnotation *annotation,
            gpointer       user_data)
{
  Scoring *scoring = user_data;
  GArray *lines = scoring->reader->lines;
  GArray *about = g_hash_table_lookup (scoring->reader->about, scoring->line->id);
  const char *note = gls_annotation_get_note (annotation);
  int score = 0;

  for (guint i = 0; about != NULL && i < about->len; i++)
    {
      Line *line = &g_array_index (lines, Line, g_array_index (about, guint, i));
      const char *value;

      if (line->kind == 'A')
        {
          value = gls_annotation_lookup_attribute (annotation, line->type);
          score += value != NULL && g_strcmp0 (value, line->value ? line->value : "") == 0 ? 1 : -1;
        }
      else if (line->kind == '#' && strcmp (line->type, ANNOTATOR_NOTES) == 0)
        score += note != NULL && strstr (note, line->value) != NULL ? 1 : -1;
    }

  return score;
}

static void
apply (Reader *r)
{
  GlsImporter *importer = &r->importer;
  GlsDocument *document = importer->document;
  Scoring scoring;

  /* The annotations, new or already there. */
  for (guint i = 0; i < r->lines->len; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);
      const char *category;
      GlsAnnotation *existing;

      if (line->kind != 'T')
        continue;

      scoring.reader = r;
      scoring.line = line;
      category = _gls_importer_category (importer, line->type);
      existing = _gls_importer_claim_existing (importer, category, line->spans, score_twin, &scoring);
      if (existing != NULL)
        {
          line->annotation = g_object_ref (existing);
          line->duplicate = TRUE;
          continue;
        }

      line->annotation = gls_annotation_new (category, (const GlsSpan *) line->spans->data,
                                             line->spans->len, gls_document_get_annotator (document));
      line->annotation->line = line->line;
    }

  /* What they say about them, set before the new ones are added. */
  for (guint i = 0; i < r->lines->len; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);
      Line *target = NULL;
      Line *about;

      switch (line->kind)
        {
        case 'A':
          about = lookup (r, line->target);
          if (about->kind == 'T')
            _gls_importer_add_attribute (importer, about->annotation, line->type,
                                         line->value ? line->value : "", TRUE);
          else if (about->kind == 'E')
            keep (r, line, lookup_span (r, line->target), KEPT_PREFIX "attribute",
                  "brat-event-attribute", _("attributes of events (A), kept as attributes of their trigger"));
          else
            keep (r, line, NULL, NULL, "brat-other-attribute", _("attributes of relations or notes (A)"));
          break;

        case '#':
          about = lookup (r, line->target);
          if (about->kind == 'T' && strcmp (line->type, ANNOTATOR_NOTES) == 0)
            _gls_importer_add_note (importer, about->annotation, line->value);
          else if (about->kind == 'T')
            {
              g_autofree char *name = g_strconcat (NOTE_PREFIX, line->type, NULL);

              _gls_importer_add_attribute (importer, about->annotation, name, line->value, FALSE);
              gls_import_report_count (importer->report, "brat-other-note",
                                       _("notes of other types than AnnotatorNotes (#), kept as attributes"),
                                       TRUE, 1);
            }
          else if (about->kind == 'E')
            keep (r, line, lookup_span (r, line->target), KEPT_PREFIX "event-note",
                  "brat-event-note", _("notes on events (#), kept as attributes of their trigger"));
          else
            keep (r, line, NULL, NULL, "brat-relation-note", _("notes on relations or other notes (#)"));
          break;

        case 'E':
          target = lookup (r, line->target);
          keep (r, line, target, KEPT_PREFIX "event",
                "brat-event", _("events (E), kept as attributes of their trigger"));
          break;

        case 'N':
          keep (r, line, lookup_span (r, line->target), KEPT_PREFIX "normalization",
                "brat-normalization", _("normalisations (N), kept as attributes"));
          break;

        case '*':
          for (guint j = 0; line->members[j] != NULL && target == NULL; j++)
            target = lookup_span (r, line->members[j]);
          keep (r, line, target, KEPT_PREFIX "equiv",
                "brat-equiv", _("equivalences (*), kept as attributes of their first member"));
          break;

        default:
          break;
        }
    }

  for (guint i = 0; i < r->lines->len; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);

      if (line->kind != 'T')
        continue;
      if (line->duplicate)
        gls_import_report_count (importer->report, GLS_KIND_DUPLICATE,
                                 _("annotations already in the document"), FALSE, 1);
      else
        _gls_importer_add (importer, line->annotation);
    }

  for (guint i = 0; i < r->lines->len; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);
      Line *from, *to;

      if (line->kind != 'R')
        continue;

      from = lookup (r, line->arg1);
      to = lookup (r, line->arg2);
      if (from->kind != 'T' || to->kind != 'T')
        {
          gls_import_report_count (importer->report, "brat-event-relation",
                                   _("relations between events or relations (R)"), FALSE, 1);
          continue;
        }
      _gls_importer_relate (importer, line->type, from->annotation, to->annotation);
    }
}

gboolean
_gls_format_brat_import (GlsDocument      *document,
                         GBytes           *bytes,
                         const char       *display_name,
                         GlsImportFlags    flags,
                         GlsImportReport  *report,
                         GError          **error)
{
  Reader r = { { 0, }, };
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end, *p, *bad;
  guint number = 0;
  gboolean ok = FALSE;

  _gls_importer_init (&r.importer, document, display_name, flags, report);
  r.source = gls_document_get_source (document);
  _gls_offset_map_init (&r.map, r.source, TRUE, TRUE);
  r.lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (r.lines, (GDestroyNotify) line_clear);
  r.ids = g_hash_table_new (g_str_hash, g_str_equal);

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
      _gls_importer_error (&r.importer, bad_line, _("this line is not valid UTF-8"));
      p = end;
    }
  else if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol ? eol : end;
      g_autofree char *text = NULL;
      Line line = { 0, };

      number++;
      if (stop > p && stop[-1] == '\r')
        stop--;
      text = g_strndup (p, stop - p);
      p = eol ? eol + 1 : end;

      if (*text == '\0')
        continue;

      line.line = number;
      if (!parse_line (&r, &line, text) ||
          (line.type != NULL && !_gls_importer_check_name (&r.importer, line.line, line.type)))
        {
          line_clear (&line);
          continue;
        }

      if (line.kind != '*' && g_hash_table_contains (r.ids, line.id))
        {
          _gls_importer_error (&r.importer, line.line,
                               _("the id %s is used twice (first on line %u)"), line.id,
                               lookup (&r, line.id)->line);
          line_clear (&line);
          continue;
        }

      if (line.spans != NULL)
        g_array_sort (line.spans, gls_span_compare);
      g_array_append_val (r.lines, line);
      if (line.kind != '*')
        g_hash_table_insert (r.ids, g_array_index (r.lines, Line, r.lines->len - 1).id,
                             GUINT_TO_POINTER (r.lines->len));
    }

  if (r.importer.n_errors == 0)
    check_references (&r);

  r.about = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < r.lines->len; i++)
    {
      Line *line = &g_array_index (r.lines, Line, i);
      GArray *indices;

      if (line->target == NULL || line->kind == 'E')
        continue;
      if ((indices = g_hash_table_lookup (r.about, line->target)) == NULL)
        {
          indices = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (r.about, line->target, indices);
        }
      g_array_append_val (indices, i);
    }

  if (_gls_importer_check (&r.importer, error))
    {
      /* Every category first, so that the codebook changes once. */
      for (guint i = 0; i < r.lines->len; i++)
        {
          Line *line = &g_array_index (r.lines, Line, i);

          if (line->kind == 'T')
            _gls_importer_category (&r.importer, line->type);
        }

      _gls_importer_begin (&r.importer);
      apply (&r);
      _gls_importer_end (&r.importer);
      ok = TRUE;
    }

  g_hash_table_unref (r.about);
  g_hash_table_unref (r.ids);
  g_array_unref (r.lines);
  _gls_offset_map_clear (&r.map);
  _gls_importer_clear (&r.importer);

  return ok;
}
