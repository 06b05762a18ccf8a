/* gls-format-import.c
 * The importer the import formats share: it takes a file's annotations,
 * categories, relations, notes and attributes into a document as one step
 * to undo, matching what the document already has, and counts them. */
#define G_LOG_DOMAIN "gls-format-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gls-format-private.h"
#include "gls-names-private.h"
#include "gls-palette.h"

/* The bytes of a file to import: never NULL, not even for an empty file,
 * whose GBytes may hold no data (and C does not allow NULL + 0). */
const char *
_gls_import_get_data (GBytes *bytes,
                      gsize  *len)
{
  const char *data = g_bytes_get_data (bytes, len);

  return data != NULL ? data : "";
}

void
_gls_importer_init (GlsImporter     *importer,
                    GlsDocument     *document,
                    const char      *display_name,
                    GlsImportFlags   flags,
                    GlsImportReport *report)
{
  memset (importer, 0, sizeof *importer);
  importer->document = document;
  importer->display_name = display_name;
  importer->flags = flags;
  importer->report = report;
  importer->codebook = g_object_ref (gls_document_get_codebook (document));
  importer->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_gls_importer_clear (GlsImporter *importer)
{
  if (importer->in_group)
    _gls_importer_end (importer);

  g_clear_object (&importer->codebook);
  g_clear_pointer (&importer->categories, g_hash_table_unref);
  g_clear_pointer (&importer->existing, g_hash_table_unref);
  g_clear_pointer (&importer->relations, g_hash_table_unref);
}

static void
add_problem (GlsImporter        *importer,
             GlsProblemSeverity  severity,
             guint               line,
             const char         *message)
{
  g_ptr_array_add (gls_import_report_get_problems (importer->report),
                   gls_problem_new (severity, importer->display_name, line, 0, message));
}

void
_gls_importer_error (GlsImporter *importer,
                     guint        line,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (importer, GLS_PROBLEM_ERROR, line, message);
  importer->n_errors++;
}

void
_gls_importer_warning (GlsImporter *importer,
                       guint        line,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (importer, GLS_PROBLEM_WARNING, line, message);
}

/**
 * _gls_importer_check_name:
 * @name: a category name, a relation type or an attribute name as the file
 *   spells it
 *
 * A name Glossator will write must be one an XML file can hold: a name
 * with U+FFFE, U+FFFF or a control character is an error on @line, with the
 * character named, rather than a name that silently loses it.
 *
 * Returns: whether @name can be kept as it is
 */
gboolean
_gls_importer_check_name (GlsImporter *importer,
                          guint        line,
                          const char  *name)
{
  g_autoptr(GString) shown = NULL;
  const char *bad;

  /* a line that is not UTF-8 is refused as such already */
  if (!g_utf8_validate (name, -1, NULL) || (bad = _gls_find_non_xml_char (name)) == NULL)
    return TRUE;

  /* the name as the user can read it: each such character as <U+XXXX> */
  shown = g_string_new (NULL);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_gls_is_xml_char (c))
        g_string_append_unichar (shown, c);
      else
        g_string_append_printf (shown, "<U+%04X>", c);
    }

  _gls_importer_error (importer, line,
                       /* Translators: a name from the imported file, then a
                        * character code such as FFFE */
                       _("the name “%s” holds the character U+%04X, which XML files cannot hold: "
                         "rename it and import again"),
                       shown->str, g_utf8_get_char (bad));

  return FALSE;
}

/* Returns FALSE, with @error listing every error, when any was found. */
gboolean
_gls_importer_check (GlsImporter  *importer,
                     GError      **error)
{
  g_autofree char *message = NULL;

  if (importer->n_errors == 0)
    return TRUE;

  message = gls_problems_to_string (gls_import_report_get_problems (importer->report),
                                    GLS_PROBLEM_ERROR);
  g_set_error_literal (error, GLS_ERROR, GLS_ERROR_INVALID, message);

  return FALSE;
}

static void
ensure_codebook_copy (GlsImporter *importer)
{
  if (!importer->codebook_copied)
    {
      GlsCodebook *copy = gls_codebook_copy (importer->codebook);

      g_object_unref (importer->codebook);
      importer->codebook = copy;
      importer->codebook_copied = TRUE;
    }
}

/* Makes @codebook the document's when the import is applied (the inline
 * format's --replace). */
void
_gls_importer_set_codebook (GlsImporter *importer,
                            GlsCodebook *codebook)
{
  g_set_object (&importer->codebook, codebook);
  importer->codebook_copied = TRUE;
  g_hash_table_remove_all (importer->categories);
}

/**
 * _gls_importer_category:
 * @name: a category name as another tool spells it, such as a brat type
 *   or "Name_Calling,Labeling"
 *
 * Returns: the id of the category called @name, which is added to (a copy
 *   of) the codebook if it has none: with @name as its id when @name is an
 *   NCName, else with a derived id that keeps @name as its original name
 */
const char *
_gls_importer_category (GlsImporter *importer,
                        const char  *name)
{
  g_autoptr(GlsCategory) category = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GlsCategory *found;
  const char *cached;

  if ((cached = g_hash_table_lookup (importer->categories, name)) != NULL)
    return cached;

  found = gls_codebook_lookup_name (importer->codebook, name);
  if (found != NULL)
    {
      id = g_strdup (gls_category_get_id (found));
    }
  else
    {
      ensure_codebook_copy (importer);
      id = gls_codebook_derive_id (importer->codebook, name);
      category = gls_category_new (id);
      if (strcmp (id, name) != 0)
        gls_category_set_name (category, name);
      gls_category_set_label (category, NULL, name);
      /* a colour and a key no category has yet (gls-palette.c) */
      gls_category_set_color (category, gls_codebook_pick_color (importer->codebook));
      gls_codebook_give_free_key (importer->codebook, category);
      if (!gls_codebook_add_category (importer->codebook, NULL, category, &error))
        g_critical ("Cannot add the imported category “%s”: %s", id, error->message);
      importer->n_new_categories++;
      gls_import_report_count (importer->report, GLS_KIND_CATEGORY, _("new categories"), TRUE, 1);
    }

  g_hash_table_insert (importer->categories, g_strdup (name), g_strdup (id));

  return g_hash_table_lookup (importer->categories, name);
}

static char *
span_key (const char    *category,
          const GlsSpan *spans,
          guint          n_spans)
{
  GString *key = g_string_new (category);

  for (guint i = 0; i < n_spans; i++)
    g_string_append_printf (key, "%c%u-%u", i == 0 ? '\x1f' : ';', spans[i].start, spans[i].end);

  return g_string_free (key, FALSE);
}

static char *
relation_key (const char *type,
              const char *from,
              const char *to)
{
  return g_strconcat (type, "\x1f", from, "\x1f", to, NULL);
}

/* Starts the changes: one group to undo, the old annotations gone with
 * GLS_IMPORT_REPLACE, the codebook with the new categories in place. */
void
_gls_importer_begin (GlsImporter *importer)
{
  GlsDocument *document = importer->document;
  GListModel *relations = gls_document_get_relations (document);
  guint n;

  g_assert (!importer->in_group);

  gls_document_begin_group (document);
  importer->in_group = TRUE;

  if (importer->flags & GLS_IMPORT_REPLACE)
    {
      g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
      GlsAnnotationList *list = gls_document_get_annotations (document);

      n = gls_document_get_n_annotations (document);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (old, g_object_ref (gls_annotation_list_get (list, i)));

      /* The relations first, so that removing each annotation does not
       * search them all. */
      while (g_list_model_get_n_items (relations) > 0)
        {
          g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, 0);
          gls_document_remove_relation (document, relation);
        }
      for (guint i = 0; i < old->len; i++)
        gls_document_remove_annotation (document, g_ptr_array_index (old, i));

      if (old->len > 0)
        gls_import_report_count (importer->report, GLS_KIND_REMOVED,
                                 _("annotations removed first (replace)"), TRUE, old->len);
    }

  if (importer->codebook_copied && importer->codebook != gls_document_get_codebook (document))
    gls_document_set_codebook (document, importer->codebook);

  importer->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  n = gls_document_get_n_annotations (document);
  for (guint i = 0; i < n; i++)
    {
      GlsAnnotation *annotation = gls_annotation_list_get (gls_document_get_annotations (document), i);
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GlsSpan));
      g_autofree char *key = NULL;
      GPtrArray *twins;

      for (guint j = 0; j < gls_annotation_get_n_targets (annotation); j++)
        {
          GlsSpan span = gls_annotation_get_target (annotation, j);
          g_array_append_val (spans, span);
        }
      key = span_key (annotation->category, (const GlsSpan *) spans->data, spans->len);
      twins = g_hash_table_lookup (importer->existing, key);
      if (twins == NULL)
        {
          twins = g_ptr_array_new ();
          g_hash_table_insert (importer->existing, g_steal_pointer (&key), twins);
        }
      g_ptr_array_add (twins, annotation);
    }

  importer->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlsRelation) relation = g_list_model_get_item (relations, i);

      g_hash_table_add (importer->relations,
                        relation_key (gls_relation_get_relation_type (relation),
                                      gls_relation_get_from (relation),
                                      gls_relation_get_to (relation)));
    }
}

void
_gls_importer_end (GlsImporter *importer)
{
  g_assert (importer->in_group);

  importer->in_group = FALSE;
  gls_document_end_group (importer->document);
}

/**
 * _gls_importer_claim_existing:
 * @spans: (element-type GlsSpan): sorted by start
 * @score: (nullable): how well an annotation already there matches what
 *   the file says about this one; the best is taken
 *
 * Importing the same file twice adds nothing the second time: each
 * annotation of the file is matched with one the document had before the
 * import, of the same category and spans, not yet matched with another
 * (a file may hold the same span twice).
 *
 * Returns: (nullable): that annotation, or %NULL if there is none
 */
GlsAnnotation *
_gls_importer_claim_existing (GlsImporter *importer,
                              const char  *category,
                              GArray      *spans,
                              GlsScoreFunc score,
                              gpointer     user_data)
{
  g_autofree char *key = span_key (category, (const GlsSpan *) spans->data, spans->len);
  GPtrArray *twins;
  GlsAnnotation *best = NULL;
  int best_score = G_MININT;
  guint best_index = 0;

  g_assert (importer->existing != NULL);

  if ((twins = g_hash_table_lookup (importer->existing, key)) == NULL)
    return NULL;

  for (guint i = 0; i < twins->len; i++)
    {
      GlsAnnotation *twin = g_ptr_array_index (twins, i);
      int value = score && twins->len > 1 ? score (twin, user_data) : 0;

      if (value > best_score)
        {
          best = twin;
          best_score = value;
          best_index = i;
        }
    }

  if (best != NULL)
    g_ptr_array_remove_index (twins, best_index);

  return best;
}

gboolean
_gls_importer_has_relation (GlsImporter *importer,
                            const char  *type,
                            const char  *from,
                            const char  *to)
{
  g_autofree char *key = relation_key (type, from, to);

  g_assert (importer->relations != NULL);

  return g_hash_table_contains (importer->relations, key);
}

static gboolean
is_in_document (GlsImporter   *importer,
                GlsAnnotation *annotation)
{
  return gls_document_lookup_annotation (importer->document, gls_annotation_get_id (annotation)) == annotation;
}

static void
warn_cut (GlsImporter   *importer,
          GlsAnnotation *annotation,
          const char    *what)
{
  /* Translators: what was too long ("the note", "the attribute “x”"), the
   * annotation's id, the limit */
  _gls_importer_warning (importer, annotation->line,
                         _("%s of annotation “%s” was longer than %u characters, the most Glossator keeps: it was cut"),
                         what, annotation->id ? annotation->id : "", GLS_MAX_TEXT_CHARS);
}

static void
repair_date (GlsImporter    *importer,
             GlsAnnotation  *annotation,
             char          **date)
{
  g_autofree char *bad = NULL;

  if (*date == NULL || _gls_is_date_time (*date))
    return;

  bad = g_steal_pointer (date);
  *date = gls_timestamp_now ();
  _gls_importer_warning (importer, annotation->line,
                         _("the date “%s” of annotation “%s” is not a valid date and time; the time of the import is used instead"),
                         bad, annotation->id ? annotation->id : "");
}

/* What another tool wrote that Glossator could not load again is mended
 * here, where every import adds its annotations, with a warning each. */
static void
mend (GlsImporter   *importer,
      GlsAnnotation *annotation)
{
  if (_gls_limit_text (&annotation->note))
    warn_cut (importer, annotation, _("the note"));

  for (guint i = 0; i + 1 < annotation->attributes->len; i += 2)
    if (_gls_limit_text ((char **) &g_ptr_array_index (annotation->attributes, i + 1)))
      {
        g_autofree char *what = g_strdup_printf (_("the attribute “%s”"),
                                                 (const char *) g_ptr_array_index (annotation->attributes, i));
        warn_cut (importer, annotation, what);
      }

  repair_date (importer, annotation, &annotation->created);
  repair_date (importer, annotation, &annotation->modified);
}

/* Adds a new annotation, its note and attributes already set. */
gboolean
_gls_importer_add (GlsImporter   *importer,
                   GlsAnnotation *annotation)
{
  g_autoptr(GError) error = NULL;

  g_assert (importer->in_group);

  mend (importer, annotation);

  if (!gls_document_add_annotation (importer->document, annotation, &error))
    {
      /* Everything was checked before: this is a bug, but not a reason
       * to lose the rest of the import. */
      _gls_importer_warning (importer, annotation->line, "%s", error->message);
      return FALSE;
    }

  gls_import_report_count (importer->report, GLS_KIND_ANNOTATION, _("annotations"), TRUE, 1);

  return TRUE;
}

GlsRelation *
_gls_importer_relate (GlsImporter   *importer,
                      const char    *type,
                      GlsAnnotation *from,
                      GlsAnnotation *to)
{
  g_autoptr(GError) error = NULL;
  GlsRelation *relation;

  if (_gls_importer_has_relation (importer, type, gls_annotation_get_id (from), gls_annotation_get_id (to)))
    {
      gls_import_report_count (importer->report, GLS_KIND_RELATION,
                               _("relations"), FALSE, 1);
      return NULL;
    }

  relation = gls_document_add_relation (importer->document, type, from, to, &error);
  if (relation == NULL)
    {
      _gls_importer_warning (importer, 0, "%s", error->message);
      return NULL;
    }

  g_hash_table_add (importer->relations,
                    relation_key (type, gls_annotation_get_id (from), gls_annotation_get_id (to)));
  gls_import_report_count (importer->report, GLS_KIND_RELATION, _("relations"), TRUE, 1);

  return relation;
}

/* Whether @annotation has this very pair (a name may repeat). */
static gboolean
has_attribute (GlsAnnotation *annotation,
               const char    *name,
               const char    *value)
{
  for (guint i = 0; i < gls_annotation_get_n_attributes (annotation); i++)
    if (g_strcmp0 (gls_annotation_get_attribute_name (annotation, i), name) == 0 &&
        g_strcmp0 (gls_annotation_get_attribute_value (annotation, i), value) == 0)
      return TRUE;

  return FALSE;
}

/* Sets an attribute: on a new annotation before it is added (a name may
 * then repeat), on one already in the document through the history,
 * unless it has that value already. With @count, it is counted in the
 * report as an attribute. */
void
_gls_importer_add_attribute (GlsImporter   *importer,
                             GlsAnnotation *annotation,
                             const char    *name,
                             const char    *value,
                             gboolean       count)
{
  g_autofree char *clean = _gls_clean_xml_text (value ? value : "");

  if (_gls_limit_text (&clean))
    {
      g_autofree char *what = g_strdup_printf (_("the attribute “%s”"), name);
      warn_cut (importer, annotation, what);
    }

  if (!is_in_document (importer, annotation))
    {
      g_ptr_array_add (annotation->attributes, g_strdup (name));
      g_ptr_array_add (annotation->attributes, g_steal_pointer (&clean));
      if (count)
        gls_import_report_count (importer->report, GLS_KIND_ATTRIBUTE, _("attributes"), TRUE, 1);
      return;
    }

  if (has_attribute (annotation, name, clean))
    {
      if (count)
        gls_import_report_count (importer->report, GLS_KIND_ATTRIBUTE, _("attributes"), FALSE, 1);
      return;
    }

  gls_document_set_attribute (importer->document, annotation, name, clean);
  if (count)
    gls_import_report_count (importer->report, GLS_KIND_ATTRIBUTE, _("attributes"), TRUE, 1);
}

/* Adds @note to the annotation's note, on a line of its own, unless it is
 * there already. */
void
_gls_importer_add_note (GlsImporter   *importer,
                        GlsAnnotation *annotation,
                        const char    *note)
{
  const char *old = gls_annotation_get_note (annotation);
  g_autofree char *clean = _gls_clean_xml_text (note);
  g_autofree char *combined = NULL;

  if (clean == NULL || *clean == '\0')
    return;

  if (old != NULL && strstr (old, clean) != NULL)
    {
      gls_import_report_count (importer->report, GLS_KIND_NOTE, _("notes"), FALSE, 1);
      return;
    }

  combined = (old != NULL && *old != '\0') ? g_strconcat (old, "\n", clean, NULL) : g_strdup (clean);
  if (_gls_limit_text (&combined))
    warn_cut (importer, annotation, _("the note"));

  if (is_in_document (importer, annotation))
    gls_document_set_annotation_note (importer->document, annotation, combined);
  else
    _gls_set_string (&annotation->note, combined);

  gls_import_report_count (importer->report, GLS_KIND_NOTE, _("notes"), TRUE, 1);
}
