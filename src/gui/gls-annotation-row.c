/* gls-annotation-row.c
 * Shows an annotation in a list; the list view recycles rows, so a row
 * keeps nothing but the widgets it is bound to show. */
#define G_LOG_DOMAIN "gls-annotation-row"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gls-annotation-row.h"
#include "gls-color-swatch.h"

struct _GlsAnnotationRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GlsColorSwatch *swatch;
  GtkLabel       *category_label;
  GtkImage       *orphan_icon;
  GtkImage       *fuzzy_icon;
  GtkLabel       *quote_label;
  GtkLabel       *note_label;
};

G_DEFINE_FINAL_TYPE (GlsAnnotationRow, gls_annotation_row, GTK_TYPE_WIDGET)

static void
gls_annotation_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLS_TYPE_ANNOTATION_ROW);

  G_OBJECT_CLASS (gls_annotation_row_parent_class)->dispose (object);
}

/* The icons' tooltips: given when asked for, as setting them on each of
 * the list's rows would cost a round trip to the X server per icon. */
static gboolean
on_icon_query_tooltip (GtkWidget        *icon,
                       int               x,
                       int               y,
                       gboolean          keyboard,
                       GtkTooltip       *tooltip,
                       GlsAnnotationRow *self)
{
  if (icon == GTK_WIDGET (self->orphan_icon))
    gtk_tooltip_set_text (tooltip, _("The article changed: this annotation’s text is gone"));
  else
    gtk_tooltip_set_text (tooltip, _("The article changed: this annotation moved to similar text; review it"));

  return TRUE;
}

static void
gls_annotation_row_class_init (GlsAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_annotation_row_dispose;

  g_type_ensure (GLS_TYPE_COLOR_SWATCH);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossator/Glossator/ui/gls-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationRow, box);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationRow, category_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationRow, orphan_icon);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationRow, fuzzy_icon);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlsAnnotationRow, note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_icon_query_tooltip);
}

static void
gls_annotation_row_init (GlsAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gls_annotation_row_new (void)
{
  return g_object_new (GLS_TYPE_ANNOTATION_ROW, NULL);
}

/**
 * gls_excerpt_from_text:
 * @more: whether there is more to the annotation than @text (more spans)
 *
 * Safe in any thread.
 *
 * Returns: (transfer full): @text on one line, shortened to about
 *   @max_chars
 */
char *
gls_excerpt_from_text (const char *text,
                       guint       max_chars,
                       gboolean    more)
{
  const char *p = text ? text : "";
  GString *str = g_string_new (NULL);
  guint n = 0;

  for (; *p && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (str, g_unichar_isspace (c) || g_unichar_iscntrl (c) ? ' ' : c);
    }
  /* more text than shown, or more spans */
  if (*p != '\0' || more)
    g_string_append (str, "…");

  return g_string_free (str, FALSE);
}

/**
 * gls_annotation_dup_excerpt:
 *
 * Returns: (transfer full): the annotated text on one line, shortened to
 *   about @max_chars, or the stored quote of an orphaned annotation
 */
char *
gls_annotation_dup_excerpt (GlsDocument   *document,
                            GlsAnnotation *annotation,
                            guint          max_chars)
{
  GlsSource *source = gls_document_get_source (document);
  g_autofree char *text = NULL;

  if (gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED)
    text = g_strdup (gls_annotation_get_target_exact (annotation, 0));
  else
    {
      GlsSpan span = gls_annotation_get_target (annotation, 0);
      text = gls_source_dup_range (source, span.start, MIN (span.end, span.start + max_chars + 1));
    }

  return gls_excerpt_from_text (text, max_chars, gls_annotation_get_n_targets (annotation) > 1);
}

/**
 * gls_annotation_dup_category_label:
 *
 * Returns: (transfer full): the label of @annotation's category, or its id
 *   said to be missing from the codebook
 */
char *
gls_annotation_dup_category_label (GlsDocument   *document,
                                   GlsAnnotation *annotation)
{
  GlsCategory *category = gls_codebook_lookup (gls_document_get_codebook (document),
                                               gls_annotation_get_category (annotation));

  if (category != NULL)
    return g_strdup (gls_category_get_label (category));

  /* Translators: a category that is not in the document's codebook */
  return g_strdup_printf (_("%s (not in the codebook)"), gls_annotation_get_category (annotation));
}

/**
 * gls_annotation_row_dup_accessible_name:
 *
 * Returns: (transfer full): what a screen reader says of @annotation in
 *   a list: its category, its quote, whether it has a note, and whether
 *   the article's changes moved it or took its text away
 */
char *
gls_annotation_row_dup_accessible_name (GlsDocument   *document,
                                        GlsAnnotation *annotation)
{
  g_autofree char *label = gls_annotation_dup_category_label (document, annotation);
  g_autofree char *excerpt = gls_annotation_dup_excerpt (document, annotation, 80);
  const char *note = gls_annotation_get_note (annotation);
  gboolean has_note = note != NULL && *note != '\0';
  g_autofree char *name = NULL;

  /* Translators: the name a screen reader says for an annotation in the
   * list: category, quoted text, then "has note" or "no note", e.g.
   * "Factual claim, “voted on Tuesday”, has note" */
  name = g_strdup_printf (_("%s, “%s”, %s"), label, excerpt,
                          has_note ? _("has note") : _("no note"));

  switch (gls_annotation_get_anchor (annotation))
    {
    case GLS_ANCHOR_FUZZY:
      /* Translators: added to an annotation's name: the article changed and it moved to similar text */
      return g_strdup_printf ("%s, %s", name, _("moved, to review"));

    case GLS_ANCHOR_ORPHANED:
      /* Translators: added to an annotation's name: the article changed and its text is gone */
      return g_strdup_printf ("%s, %s", name, _("text gone"));

    default:
      return g_steal_pointer (&name);
    }
}

void
gls_annotation_row_bind (GlsAnnotationRow *self,
                         GlsDocument      *document,
                         GlsAnnotation    *annotation)
{
  GlsCategory *category;
  g_autofree char *excerpt = NULL;
  g_autofree char *label = NULL;
  const char *note;

  g_return_if_fail (GLS_IS_ANNOTATION_ROW (self));

  category = gls_codebook_lookup (gls_document_get_codebook (document), gls_annotation_get_category (annotation));
  gls_color_swatch_set_color (self->swatch, category ? gls_category_get_color (category) : NULL);
  gls_color_swatch_set_pattern (self->swatch,
                                gls_annotation_get_anchor (annotation) == GLS_ANCHOR_FUZZY
                                ? GLS_PATTERN_FUZZY
                                : gls_pattern_for_category (gls_document_get_codebook (document),
                                                            gls_annotation_get_category (annotation)));
  label = gls_annotation_dup_category_label (document, annotation);
  gtk_label_set_text (self->category_label, label);

  gtk_widget_set_visible (GTK_WIDGET (self->orphan_icon),
                          gls_annotation_get_anchor (annotation) == GLS_ANCHOR_ORPHANED);
  gtk_widget_set_visible (GTK_WIDGET (self->fuzzy_icon),
                          gls_annotation_get_anchor (annotation) == GLS_ANCHOR_FUZZY);

  excerpt = gls_annotation_dup_excerpt (document, annotation, 80);
  gtk_label_set_text (self->quote_label, excerpt);

  note = gls_annotation_get_note (annotation);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
  if (note != NULL)
    {
      const char *newline = strpbrk (note, "\r\n");
      g_autofree char *first = newline ? g_strndup (note, newline - note) : g_strdup (note);

      gtk_label_set_text (self->note_label, first);
    }
}
