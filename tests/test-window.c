/* test-window.c
 * The annotation window in-process under a real display: annotating
 * through the actions, undo, the overlap chooser, highlights on the
 * glyphs, saving, the unsaved-changes dialog, drafts, broken sidecars and
 * failed saves. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gls-application.h"
#include "gls-article-view-private.h"
#include "gls-window-private.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

static GtkApplication *application;

static const char article[] =
  "Officials said on Monday that about 100 people were flown out.\n"
  "Critics called the operation a disgrace, and it is unclear what comes next.\n";

static void
spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GlsWindow *
open_window (const char *path)
{
  GlsWindow *window = gls_test_open_window (application, path);

  spin (100);

  return window;
}

static void
close_window (GlsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static char *
write_article (const char *dir,
               const char *name,
               const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  gls_test_write (path, text, -1);
  return path;
}

/* Runs the main loop until the window's background work (a save, an
 * export) is done and its results are shown. */
static void
wait_idle (GlsWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!gls_window_is_idle (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gls_window_is_idle (window));
  spin (20);
}

static void
activate (GlsWindow  *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  spin (20);
  wait_idle (window);
}

/* Select, press the key's action, get an annotation of that category. */
static void
test_annotate_and_undo (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GlsArticleView *view = gls_window_get_article_view (window);
  GlsAnnotation *annotation;

  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);

  /* "Officials said" with a sloppy selection: snapped to the words */
  gls_article_view_select_range (view, 1, 13);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);
  annotation = gls_annotation_list_get (gls_document_get_annotations (document), 0);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "factual");
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 0);
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 14);
  /* the new annotation is the selected one */
  g_assert_true (gls_article_view_get_selected (view) == annotation);
  g_assert_true (gls_document_get_modified (document));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "• a.txt"));

  /* by category id, from the palette or the context menu */
  gls_article_view_select_range (view, 30, 46);
  activate (window, "win.annotate", g_variant_new_string ("statistic"));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);

  /* a key without a category does nothing */
  gls_article_view_select_range (view, 50, 55);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.annotate-key", g_variant_new_int32 (9));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 3);

  activate (window, "win.undo", NULL);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  activate (window, "win.undo", NULL);
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
  g_assert_false (gls_document_can_undo (document));
  g_assert_false (gls_document_get_modified (document));
  activate (window, "win.redo", NULL);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);

  /* quick mode: armed, a mouse selection becomes an annotation at once */
  g_object_set (window, "armed", "hedge", NULL);
  gls_article_view_select_range (view, 40, 46);
  g_signal_emit_by_name (view, "range-selected", 40, 46);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  g_assert_cmpstr (gls_annotation_get_category (gls_article_view_get_selected (view)), ==, "hedge");
  /* Escape disarms it */
  activate (window, "win.escape", NULL);
  {
    g_autofree char *armed = NULL;

    g_object_get (window, "armed", &armed, NULL);
    g_assert_cmpstr (armed, ==, "");
  }
  gls_article_view_select_range (view, 50, 55);
  g_signal_emit_by_name (view, "range-selected", 50, 55);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  activate (window, "win.undo", NULL);

  /* the list's filter: by quote or note (any case), and by category */
  {
    GlsAnnotation *noted = gls_annotation_list_get (gls_document_get_annotations (document), 0);

    gls_document_set_annotation_note (document, noted, "Check the MINUTES");
    gls_article_view_select_range (view, 30, 46);
    activate (window, "win.annotate-key", g_variant_new_int32 (2));
    g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
    _gls_window_filter (window, "officials", 0);
    g_assert_cmpuint (_gls_window_n_listed (window), ==, 1);
    _gls_window_filter (window, "minutes", 0);
    g_assert_cmpuint (_gls_window_n_listed (window), ==, 1);
    _gls_window_filter (window, "nothing like this", 0);
    g_assert_cmpuint (_gls_window_n_listed (window), ==, 0);
    _gls_window_filter (window, "", 2);          /* the second category: statistic */
    g_assert_cmpuint (_gls_window_n_listed (window), ==, 1);
    _gls_window_filter (window, "", 0);
    g_assert_cmpuint (_gls_window_n_listed (window), ==, 2);
    activate (window, "win.undo", NULL);
    activate (window, "win.undo", NULL);
  }

  /* Delete removes the selected annotation */
  annotation = gls_annotation_list_get (gls_document_get_annotations (document), 0);
  gls_article_view_set_selected (view, annotation);
  activate (window, "win.delete-annotation", NULL);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
  g_assert_null (gls_article_view_get_selected (view));

  close_window (window);
  gls_test_rm_rf (dir);
}

/* The keys of keyboard labelling: a category key on a chosen annotation
 * with no text selected changes its category, as one step to undo; 0
 * repeats the last category. */
static void
test_label_by_keys (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GlsArticleView *view = gls_window_get_article_view (window);
  GlsAnnotation *annotation;

  gls_article_view_select_range (view, 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  annotation = gls_article_view_get_selected (view);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "factual");

  /* no text selected now: the key re-labels the chosen annotation */
  activate (window, "win.annotate-key", g_variant_new_int32 (2));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "statistic");
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);
  g_assert_cmpstr (gls_annotation_get_category (annotation), ==, "factual");

  /* 0 gives the next selection the last category used */
  gls_article_view_select_range (view, 15, 19);
  activate (window, "win.annotate-again", NULL);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  g_assert_cmpstr (gls_annotation_get_category (gls_article_view_get_selected (view)), ==, "statistic");

  close_window (window);
  gls_test_rm_rf (dir);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
on_clipboard_text (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

/* GTK's accessibility reads the text of "insert-text" as a string
 * whatever the length it is given: each piece must end with a NUL. */
static void
on_insert_text (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            len,
                gpointer       data)
{
  guint *n_pieces = data;

  g_assert_cmpint (len, >, 0);
  g_assert_cmpint (text[len], ==, '\0');
  (*n_pieces)++;
}

/* A paragraph of 200 KB is shown as display paragraphs of at most 4 KB,
 * at the same offsets as the document's; copying gives the article's
 * text. */
static void
test_long_paragraph (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *copied = NULL;
  g_auto(GStrv) lines = NULL;
  GlsWindow *window;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GFile) file = NULL;
  guint n_pieces = 0;

  for (guint i = 0; text->len < 200000; i++)
    g_string_append_printf (text, "Sentence %u says “%s” about Zürich. ", i, i % 7 ? "more" : "déjà vu");
  g_string_append_c (text, '\n');
  path = write_article (dir, "long.txt", text->str);
  file = g_file_new_for_path (path);
  window = gls_window_new (application);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gls_window_get_article_view (window)));
  g_signal_connect (buffer, "insert-text", G_CALLBACK (on_insert_text), &n_pieces);
  gls_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gls_test_wait_for (gls_test_window_loaded, window);
  while (gls_article_view_get_filling (gls_window_get_article_view (window)))
    g_main_context_iteration (NULL, TRUE);
  /* filled in pieces of 64 KiB */
  g_assert_cmpuint (n_pieces, >=, 3);
  g_signal_handlers_disconnect_by_func (buffer, on_insert_text, &n_pieces);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpuint (strlen (shown), ==, text->len);
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), >, 10);
  lines = g_strsplit (shown, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (strlen (lines[i]), <=, 4096);
  /* each break was a space, at a sentence's end */
  for (gsize i = 0; i + 1 < text->len; i++)
    if (shown[i] != text->str[i])
      {
        g_assert_cmpint (shown[i], ==, '\n');
        g_assert_cmpint (text->str[i], ==, ' ');
        g_assert_cmpint (text->str[i - 1], ==, '.');
      }

  gls_article_view_select_range (gls_window_get_article_view (window), 5, g_utf8_strlen (text->str, -1) - 1);
  g_signal_emit_by_name (gls_window_get_article_view (window), "copy-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, on_clipboard_text, &copied);
  gls_test_wait_for (is_set, &copied);
  g_assert_cmpuint (strlen (copied), ==, text->len - strlen ("Sente") - 1);
  g_assert_true (strncmp (copied, text->str + strlen ("Sente"), strlen (copied)) == 0);

  close_window (window);
  gls_test_rm_rf (dir);
}

static void
center_of (GlsArticleView *view,
           guint           offset,
           double         *x,
           double         *y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GdkRectangle rect;
  GtkTextIter iter;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &wx, &wy);
  *x = wx;
  *y = wy;
}

/* A click on one highlight selects it; on two, a popover lists both. */
static void
test_click_and_overlap (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GlsArticleView *view = gls_window_get_article_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(GError) error = NULL;
  GlsAnnotation *outer, *inner;
  GtkWidget *popover;
  GtkWidget *list;
  GtkTextIter start;
  double x, y;

  outer = gls_document_annotate (document, "opinion", 0, 40, &error);
  inner = gls_document_annotate (document, "statistic", 30, 39, &error);
  g_assert_no_error (error);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  spin (50);

  center_of (view, 5, &x, &y);
  _gls_article_view_click (view, x, y);
  g_assert_true (gls_article_view_get_selected (view) == outer);

  center_of (view, 33, &x, &y);
  _gls_article_view_click (view, x, y);
  spin (50);
  popover = _gls_article_view_get_popover (view);
  g_assert_true (gtk_widget_get_visible (popover));
  list = gtk_popover_get_child (GTK_POPOVER (popover));
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  /* choosing the second one selects it */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_true (gls_article_view_get_selected (view) == inner);

  /* a click on plain text selects nothing */
  center_of (view, 70, &x, &y);
  _gls_article_view_click (view, x, y);
  g_assert_null (gls_article_view_get_selected (view));

  gls_document_undo (document);
  gls_document_undo (document);
  close_window (window);
  gls_test_rm_rf (dir);
}

static gboolean
drawn (gpointer data)
{
  return gls_article_view_get_n_drawn (data) > 0;
}

/* What the view draws covers exactly the glyphs of the annotated text,
 * in left-to-right, right-to-left and mixed lines. */
static void
check_rects_cover (GlsArticleView *view,
                   GlsAnnotation  *annotation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GlsSpan span = gls_annotation_get_target (annotation, 0);
  double area = 0, covered = 0;

  gls_article_view_get_drawn_rects (view, annotation, rects);
  g_assert_cmpuint (rects->len, >, 0);

  /* every glyph of the span lies inside a drawn rectangle */
  for (guint offset = span.start; offset < span.end; offset++)
    {
      GtkTextIter iter;
      GdkRectangle glyph;
      gboolean inside = FALSE;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      if (gtk_text_iter_ends_line (&iter))
        continue;
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &glyph);
      if (glyph.width < 0)
        {
          glyph.x += glyph.width;
          glyph.width = -glyph.width;
        }
      if (glyph.width == 0)
        continue;
      covered += glyph.width;
      for (guint i = 0; i < rects->len && !inside; i++)
        {
          const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);
          graphene_point_t center = GRAPHENE_POINT_INIT (glyph.x + glyph.width / 2.0, glyph.y + glyph.height / 2.0);

          inside = graphene_rect_contains_point (r, &center) &&
                   r->origin.x <= glyph.x + 0.5 && glyph.x + glyph.width <= r->origin.x + r->size.width + 0.5;
        }
      g_assert_true (inside);
    }

  /* and nothing else: no more area than the glyphs have, and every edge
   * of a rectangle is the edge of a glyph of the span on that line */
  for (guint i = 0; i < rects->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);
      gboolean left = FALSE, right = FALSE;

      area += r->size.width;
      for (guint offset = span.start; offset < span.end; offset++)
        {
          GtkTextIter iter;
          GdkRectangle glyph;

          gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
          gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &glyph);
          if (glyph.width < 0)
            {
              glyph.x += glyph.width;
              glyph.width = -glyph.width;
            }
          if (glyph.y != (int) r->origin.y)
            continue;
          left |= ABS (glyph.x - r->origin.x) < 1;
          right |= ABS (glyph.x + glyph.width - (r->origin.x + r->size.width)) < 1;
        }
      g_assert_true (left);
      g_assert_true (right);
    }
  /* rectangles are as wide as the glyphs they cover, at most (heights
   * differ where a line mixes fonts, so widths are compared) */
  g_assert_cmpfloat (area, <=, covered + rects->len);
}

static void
test_highlight_geometry (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *persian = gls_test_data_path ("texts", "persian.txt", NULL);
  g_autofree char *path = gls_test_copy (persian, dir, "fa.txt");
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GlsArticleView *view = gls_window_get_article_view (window);
  guint length = gls_source_get_length (gls_document_get_source (document));
  g_autoptr(GError) error = NULL;
  GlsAnnotation *spans[4];

  /* a right-to-left run, a run across a Persian/English boundary, and
   * one across a line break */
  spans[0] = gls_document_annotate (document, "factual", 0, 12, &error);
  spans[1] = gls_document_annotate (document, "opinion", length / 2 - 10, length / 2 + 10, &error);
  spans[2] = gls_document_annotate (document, "hedge", 20, 80, &error);
  spans[3] = gls_document_annotate (document, "context", length - 30, length - 2, &error);
  g_assert_no_error (error);

  gtk_widget_queue_draw (GTK_WIDGET (view));
  gls_test_wait_for (drawn, view);
  spin (100);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    check_rects_cover (view, spans[i]);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    gls_document_undo (document);
  close_window (window);
  gls_test_rm_rf (dir);
}

/* The same for left-to-right text, whose runs are measured from a few
 * characters: spans inside a display line, across soft wraps, and over
 * a paragraph break. */
static void
test_highlight_geometry_ltr (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  GlsWindow *window;
  GlsDocument *document;
  GlsArticleView *view;
  g_autoptr(GError) error = NULL;
  GlsAnnotation *spans[4];

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "The council voted on Tuesday to keep the café open, reportedly. ");
  g_string_append (text, "\nA second paragraph follows here.\n");
  path = write_article (dir, "ltr.txt", text->str);
  window = open_window (path);
  document = gls_window_get_document (window);
  view = gls_window_get_article_view (window);

  spans[0] = gls_document_annotate (document, "factual", 4, 11, &error);       /* one word */
  spans[1] = gls_document_annotate (document, "opinion", 30, 400, &error);     /* across soft wraps */
  spans[2] = gls_document_annotate (document, "hedge", 500, 1100, &error);
  spans[3] = gls_document_annotate (document, "context", g_utf8_strlen (text->str, -1) - 30,
                                    g_utf8_strlen (text->str, -1) - 5, &error);
  g_assert_no_error (error);

  gtk_widget_queue_draw (GTK_WIDGET (view));
  gls_test_wait_for (drawn, view);
  spin (100);

  for (guint i = 0; i < 3; i++)
    check_rects_cover (view, spans[i]);
  {
    g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

    /* a span over several display lines has a rectangle on each */
    gls_article_view_get_drawn_rects (view, spans[1], rects);
    g_assert_cmpuint (rects->len, >=, 3);
  }

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    gls_document_undo (document);
  close_window (window);
  gls_test_rm_rf (dir);
}

/* Alt(+Shift)+arrows move an annotation's start (end) by a word, in
 * reading order: in right-to-left text the arrows swap. */
static void
test_move_by_words (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt",
                                         "Officials said on Monday that about 100 people were flown out.\n"
                                         "گفت شورای شهر امروز طرح را تصویب کرد\n");
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GlsArticleView *view = gls_window_get_article_view (window);
  g_autoptr(GError) error = NULL;
  GlsAnnotation *annotation;
  guint line2 = 63;

  /* "said": its end forward to "on", its start back to "Officials" */
  annotation = gls_document_annotate (document, "factual", 10, 14, &error);
  gls_article_view_set_selected (view, annotation);
  activate (window, "win.move-end", g_variant_new_int32 (1));
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 17);
  activate (window, "win.move-start", g_variant_new_int32 (-1));
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 0);
  activate (window, "win.move-end", g_variant_new_int32 (-1));
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, 14);
  activate (window, "win.move-start", g_variant_new_int32 (1));
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 10);
  /* each move is a step to undo */
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 0);

  /* in the Persian line, Left moves forward in reading order */
  annotation = gls_document_annotate (document, "hedge", line2 + 4, line2 + 9, &error);   /* شورای */
  g_assert_no_error (error);
  gls_article_view_set_selected (view, annotation);
  activate (window, "win.move-end", g_variant_new_int32 (-1));
  g_assert_cmpuint (gls_annotation_get_end (annotation), ==, line2 + 13);                /* شورای شهر */
  activate (window, "win.move-start", g_variant_new_int32 (1));
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, line2);                   /* گفت شورای شهر */

  close_window (window);
  gls_test_rm_rf (dir);
}

static gboolean
no_more_windows (gpointer data)
{
  return gtk_application_get_windows (application) == NULL;
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

/* Save, reload in another window; and closing with changes asks. */
static void
test_save_and_close (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GlsArticleView *view = gls_window_get_article_view (window);
  GlsWindow *again;
  GtkWidget *dialog;
  g_autofree char *oracle = NULL;

  gls_article_view_select_range (view, 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (3));
  activate (window, "win.save", NULL);
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  g_assert_false (gls_document_get_modified (document));
  if (!gls_test_oracle (sidecar, &oracle))
    g_error ("%s", oracle);

  /* a change, then closing: the dialog; Cancel keeps the window */
  gls_article_view_select_range (view, 10, 14);
  activate (window, "win.annotate-key", g_variant_new_int32 (5));
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin (50);
  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);

  /* Save closes it after saving */
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gls_test_wait_for (no_more_windows, NULL);

  again = open_window (path);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (again)), ==, 2);

  /* Discard closes without saving */
  gls_article_view_select_range (gls_window_get_article_view (again), 20, 26);
  activate (again, "win.annotate-key", g_variant_new_int32 (2));
  gtk_window_close (GTK_WINDOW (again));
  spin (50);
  gtk_dialog_response (GTK_DIALOG (find_dialog ()), GTK_RESPONSE_REJECT);
  gls_test_wait_for (no_more_windows, NULL);

  again = open_window (path);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (again)), ==, 2);
  close_window (again);
  gls_test_rm_rf (dir);
}

/* An unreadable sidecar: the article opens, the file is never
 * overwritten, and the first save moves it aside. */
static void
test_broken_sidecar (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  const char broken[] = "<?xml version=\"1.0\"?>\n<annotations xmlns=\"https://glossator.github.io/ns/annotations/1\" version=\"1.0\">\n<<<<<<< HEAD\n";
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autofree char *aside = NULL;
  GlsWindow *window;
  const char *name;

  gls_test_write (sidecar, broken, -1);
  window = open_window (path);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (window)), ==, 0);
  g_assert_nonnull (gls_window_get_info_message (window));
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "a.txt.annotations.xml"));
  g_assert_nonnull (strstr (gls_window_get_info_message (window), ":3"));

  gls_article_view_select_range (gls_window_get_article_view (window), 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  activate (window, "win.save", NULL);

  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, "a.txt.annotations.xml.broken-"))
      aside = g_build_filename (dir, name, NULL);
  g_assert_nonnull (aside);
  after = gls_test_read (aside);
  g_assert_cmpstr (g_bytes_get_data (after, NULL), ==, broken);
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "broken-"));
  g_assert_false (gls_document_get_modified (gls_window_get_document (window)));

  close_window (window);
  window = open_window (path);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (window)), ==, 1);
  close_window (window);
  gls_test_rm_rf (dir);
}

/* The article no longer decodes as its annotations say (re-saved in
 * another encoding): it opens as it now is, and the annotations are kept
 * aside, never overwritten. */
static void
test_reencoded_article (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", "Caf\xC3\xA9 owners said prices rose.\n");
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GDir) folder = NULL;
  gboolean kept = FALSE;
  GlsWindow *window;
  const char *name;

  window = open_window (path);
  gls_article_view_select_range (gls_window_get_article_view (window), 0, 4);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  activate (window, "win.save", NULL);
  close_window (window);
  before = gls_test_read (sidecar);

  /* now in Windows-1252: not valid UTF-8 any more */
  gls_test_write (path, "Caf\xE9 owners said prices rose.\n", -1);
  window = open_window (path);
  g_assert_cmpstr (gls_source_get_encoding (gls_document_get_source (gls_window_get_document (window))), ==, "WINDOWS-1252");
  g_assert_nonnull (gls_window_get_info_message (window));
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "a.txt.annotations.xml"));

  gls_article_view_select_range (gls_window_get_article_view (window), 5, 11);
  activate (window, "win.annotate-key", g_variant_new_int32 (2));
  activate (window, "win.save", NULL);

  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, "a.txt.annotations.xml.broken-"))
      {
        g_autofree char *aside = g_build_filename (dir, name, NULL);
        g_autoptr(GBytes) bytes = gls_test_read (aside);

        kept = g_bytes_equal (bytes, before);
      }
  g_assert_true (kept);

  close_window (window);
  gls_test_rm_rf (dir);
}

/* The article changed since the annotations were saved: the info bar
 * sums up the re-anchoring, the list shows only what needs review, the
 * fuzzy one is accepted, the orphan deleted, and the review ends. */
static void
test_review (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autoptr(GString) changed = g_string_new (article);
  const char *update = "Update: ";
  GlsArticleView *view;
  GlsDocument *document;
  GlsAnnotation *selected;
  GlsWindow *window;
  guint officials, about, disgrace;

  officials = 0;
  about = strstr (article, "about 100 people") - article;
  disgrace = strstr (article, "a disgrace") - article;
  window = open_window (path);
  view = gls_window_get_article_view (window);
  gls_article_view_select_range (view, officials, officials + 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  gls_article_view_select_range (view, about, about + 16);
  activate (window, "win.annotate-key", g_variant_new_int32 (2));
  gls_article_view_select_range (view, disgrace, disgrace + 10);
  activate (window, "win.annotate-key", g_variant_new_int32 (3));
  activate (window, "win.save", NULL);
  close_window (window);

  /* an update line, 100 → 120, and the disgrace gone */
  g_string_prepend (changed, update);
  changed->str[strstr (changed->str, "100") - changed->str + 1] = '2';
  g_string_erase (changed, strstr (changed->str, "a disgrace") - changed->str, strlen ("a disgrace"));
  g_string_insert (changed, strstr (changed->str, "operation ") - changed->str + strlen ("operation "), "unlawful");
  gls_test_write (path, changed->str, -1);

  window = open_window (path);
  view = gls_window_get_article_view (window);
  document = gls_window_get_document (window);
  g_assert_true (gls_document_get_modified (document));
  g_assert_nonnull (gls_window_get_info_message (window));
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "1 moved, 1 need review, 1 could not be found"));

  /* reviewing: two listed, the first in the text selected */
  g_assert_cmpuint (_gls_window_n_listed (window), ==, 2);
  selected = gls_article_view_get_selected (view);
  g_assert_nonnull (selected);
  g_assert_cmpint (gls_annotation_get_anchor (selected), ==, GLS_ANCHOR_FUZZY);
  g_assert_cmpuint (gls_annotation_get_start (selected), ==, about + strlen (update));
  g_assert_cmpstr (gls_annotation_get_previous_quote (selected, 0), ==, "about 100 people");

  activate (window, "win.accept-anchor", NULL);
  g_assert_cmpint (gls_annotation_get_anchor (selected), ==, GLS_ANCHOR_OK);
  g_assert_cmpuint (_gls_window_n_listed (window), ==, 1);
  selected = gls_article_view_get_selected (view);
  g_assert_nonnull (selected);
  g_assert_cmpint (gls_annotation_get_anchor (selected), ==, GLS_ANCHOR_ORPHANED);

  /* the orphan attached to the new word instead */
  {
    guint unlawful = g_utf8_pointer_to_offset (changed->str, strstr (changed->str, "unlawful"));

    gls_article_view_select_range (view, unlawful, unlawful + 8);
    activate (window, "win.settle-anchor", NULL);
    g_assert_cmpint (gls_annotation_get_anchor (selected), ==, GLS_ANCHOR_OK);
    g_assert_cmpuint (gls_annotation_get_start (selected), ==, unlawful);
  }

  /* nothing left: the list shows everything again */
  g_assert_cmpuint (_gls_window_n_listed (window), ==, 3);
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "Every annotation is reviewed"));
  g_assert_cmpuint (gls_document_get_n_orphaned (document) + gls_document_get_n_fuzzy (document), ==, 0);

  /* undone: the orphan and the fuzzy one again */
  activate (window, "win.undo", NULL);
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (gls_document_get_n_orphaned (document), ==, 1);
  g_assert_cmpuint (gls_document_get_n_fuzzy (document), ==, 1);

  /* saved with two left: the bar says they still wait */
  g_assert_true (_gls_window_show_reanchored (window));
  activate (window, "win.save", NULL);
  g_assert_false (gls_document_get_modified (document));
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "2 annotations still wait for review"));

  close_window (window);
  gls_test_rm_rf (dir);
}

static gboolean
says_article_changed (gpointer data)
{
  const char *message = gls_window_get_info_message (data);

  return message != NULL && strstr (message, "changed on disk") != NULL;
}

/* Another program changes the open article: the window says so, a save
 * is refused, and Reload Article keeps the unsaved annotation and moves
 * every annotation with its text. */
static void
test_reload_article (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  g_autofree char *changed = g_strconcat ("New first line.\n", article, NULL);
  guint shift = strlen ("New first line.\n");
  GlsArticleView *view;
  GlsDocument *document;
  GlsWindow *window;
  GlsAnnotation *annotation;

  window = open_window (path);
  view = gls_window_get_article_view (window);
  gls_article_view_select_range (view, 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  activate (window, "win.save", NULL);
  gls_article_view_select_range (view, 18, 24);
  activate (window, "win.annotate-key", g_variant_new_int32 (2));   /* unsaved */

  gls_test_write (path, changed, -1);
  gls_test_wait_for (says_article_changed, window);

  activate (window, "win.save", NULL);
  g_assert_true (says_article_changed (window));
  g_assert_true (gls_document_get_modified (gls_window_get_document (window)));

  _gls_window_respond (window, GLS_RESPONSE_RELOAD_ARTICLE);
  wait_idle (window);
  document = gls_window_get_document (window);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  g_assert_true (gls_document_get_modified (document));
  annotation = gls_annotation_list_get (gls_document_get_annotations (document), 1);
  g_assert_cmpuint (gls_annotation_get_start (annotation), ==, 18 + shift);
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "2 moved"));

  activate (window, "win.save", NULL);
  g_assert_false (gls_document_get_modified (document));
  /* saved: "save to keep the new places" is old news */
  g_assert_null (gls_window_get_info_message (window));
  {
    g_autoptr(GBytes) saved = gls_test_read (sidecar);
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, changed, -1);

    g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), sha));
  }

  close_window (window);
  gls_test_rm_rf (dir);
}

/* A failed save says so and keeps every change. */
static void
test_failed_save (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "project", NULL);
  g_autofree char *path = NULL;
  GlsWindow *window;
  GtkWidget *dialog;
  const char *secondary = NULL;

  g_mkdir (sub, 0755);
  path = write_article (sub, "a.txt", article);
  window = open_window (path);
  gls_article_view_select_range (gls_window_get_article_view (window), 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));

  gls_test_rm_rf (sub);
  activate (window, "win.save", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "a.txt.annotations.xml"));
  g_free ((char *) secondary);
  g_assert_true (gls_document_get_modified (gls_window_get_document (window)));
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (window)), ==, 1);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin (50);

  /* the folder is back: saving works, nothing was lost */
  g_mkdir (sub, 0755);
  gls_test_write (path, article, -1);
  activate (window, "win.save", NULL);
  g_assert_false (gls_document_get_modified (gls_window_get_document (window)));

  close_window (window);
  gls_test_rm_rf (dir);
}

/* Unsaved work left in a draft is offered back. */
static void
test_draft (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autoptr(GFile) draft = NULL;
  GlsWindow *window = open_window (path);
  GlsWindow *second;

  gls_article_view_select_range (gls_window_get_article_view (window), 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (4));
  g_assert_true (gls_window_save_draft (window));
  wait_idle (window);
  draft = gls_window_dup_draft_file (window);
  g_assert_true (g_file_query_exists (draft, NULL));
  {
    g_autofree char *draft_path = g_file_get_path (draft);
    g_assert_true (g_str_has_prefix (draft_path, g_get_user_state_dir ()));
  }

  /* as if the first window had died: the second one offers the draft */
  second = open_window (path);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (second)), ==, 0);
  g_assert_nonnull (gls_window_get_info_message (second));
  g_assert_nonnull (strstr (gls_window_get_info_message (second), "Unsaved"));
  _gls_window_respond (second, GLS_RESPONSE_RESTORE);
  /* the draft is read in the background */
  wait_idle (second);
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (second)), ==, 1);
  g_assert_cmpstr (gls_annotation_get_category (gls_annotation_list_get (gls_document_get_annotations (gls_window_get_document (second)), 0)), ==, "anonymous");
  g_assert_true (gls_document_get_modified (gls_window_get_document (second)));

  /* a save removes the draft */
  activate (second, "win.save", NULL);
  g_assert_false (g_file_query_exists (draft, NULL));

  gls_document_undo (gls_window_get_document (window));
  close_window (window);
  close_window (second);
  gls_test_rm_rf (dir);
}

/* The sidecar changes on disk while open: Merge takes both sides, and
 * asks about the annotation changed on both. */
static void
test_merge_conflict (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlsDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shared_id = NULL;
  GlsWindow *window;
  GlsDocument *document;
  GtkWidget *dialog;
  GlsAnnotation *added;

  /* both start from one saved annotation */
  other = gls_test_load (file, NULL, NULL, NULL, &error);
  shared_id = g_strdup (gls_annotation_get_id (gls_document_annotate (other, "factual", 0, 9, &error)));
  g_assert_true (gls_test_save (other, &error));

  window = open_window (path);
  document = gls_window_get_document (window);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 1);

  /* another annotator adds one and recategorises the shared one... */
  added = gls_document_annotate (other, "hedge", 100, 110, &error);
  gls_document_set_category (other, gls_document_lookup_annotation (other, shared_id), "opinion");
  g_usleep (20 * 1000);
  g_assert_true (gls_test_save (other, &error));
  g_assert_no_error (error);

  /* ...while this window gives it a note */
  gls_document_set_annotation_note (document, gls_document_lookup_annotation (document, shared_id), "mine");
  spin (300);

  _gls_window_respond (window, GLS_RESPONSE_MERGE);
  /* the version on disk is read in the background */
  wait_idle (window);
  g_assert_nonnull (gls_document_lookup_annotation (document, gls_annotation_get_id (added)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);   /* take theirs */
  spin (50);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (gls_annotation_get_category (gls_document_lookup_annotation (document, shared_id)), ==, "opinion");
  g_assert_nonnull (strstr (gls_window_get_info_message (window), "merged"));

  /* the merged result saves over theirs, and holds both */
  activate (window, "win.save", NULL);
  g_assert_false (gls_document_get_modified (document));
  g_clear_object (&other);
  other = gls_test_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gls_document_get_n_annotations (other), ==, 2);

  close_window (window);
  gls_test_rm_rf (dir);
}

/* Import… brings annotations from another tool in, as one step to undo,
 * and reports what it took. */
static void
test_import (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autofree char *ann = g_build_filename (dir, "a.ann", NULL);
  g_autoptr(GFile) file = NULL;
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GtkWidget *dialog;
  const char *secondary = NULL;

  gls_test_write (ann, "T1\tOrganization 0 9\tOfficials\nT2\tDate 18 24\tMonday\n#1\tAnnotatorNotes T2\tthe day\n", -1);
  file = g_file_new_for_path (ann);
  g_assert_true (gls_window_import (window, file, "brat", FALSE));
  wait_idle (window);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 2);
  g_assert_nonnull (gls_codebook_lookup (gls_document_get_codebook (document), "Organization"));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (secondary);
  g_assert_nonnull (strstr (secondary, "2"));
  g_free ((char *) secondary);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin (50);

  /* Export… writes the chosen format where asked, says so, and
   * remembers the format */
  {
    g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
    g_autoptr(GFile) out_file = g_file_new_for_path (out);
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_autoptr(GBytes) written = NULL;

    g_assert_true (gls_window_export (window, out_file, "tei"));

    wait_idle (window);
    written = gls_test_read (out);
    g_assert_nonnull (strstr (g_bytes_get_data (written, NULL), "http://www.tei-c.org/ns/1.0"));
    g_assert_nonnull (strstr (gls_window_get_info_message (window), "out.xml"));
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    first = g_settings_get_string (settings, "last-export-format");
    g_assert_cmpstr (first, ==, "tei");
    g_assert_true (gls_window_export (window, out_file, "csv"));
    wait_idle (window);
    second = g_settings_get_string (settings, "last-export-format");
    g_assert_cmpstr (second, ==, "csv");
  }

  /* one undo takes it all back, the new categories included */
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
  g_assert_null (gls_codebook_lookup (gls_document_get_codebook (document), "Organization"));

  /* a broken file is refused as a whole (the import starts, then says why) */
  gls_test_write (ann, "T1\tOrganization 0 9\tOfficials\nthis is not brat\n", -1);
  g_assert_true (gls_window_import (window, file, "brat", FALSE));
  wait_idle (window);
  g_assert_cmpuint (gls_document_get_n_annotations (document), ==, 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "a.ann:2"));
  g_free ((char *) secondary);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin (50);

  close_window (window);
  gls_test_rm_rf (dir);
}

/* A disk that fills up during the save (the preloaded shim makes writes
 * fail with ENOSPC): the dialog says why, the old sidecar is untouched,
 * no temporary file is left, and nothing typed is lost. */
static void
test_save_disk_full (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autofree char *sidecar = g_strconcat (path, ".annotations.xml", NULL);
  g_autoptr(GBytes) before = NULL;
  const char *secondary = NULL;
  GlsWindow *window;
  GtkWidget *dialog;

  if (g_getenv ("LD_PRELOAD") == NULL || strstr (g_getenv ("LD_PRELOAD"), "fail-write") == NULL)
    {
      g_test_skip ("the fail-write shim is not preloaded");
      gls_test_rm_rf (dir);
      return;
    }

  window = open_window (path);
  gls_article_view_select_range (gls_window_get_article_view (window), 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  activate (window, "win.save", NULL);
  before = gls_test_read (sidecar);

  gls_article_view_select_range (gls_window_get_article_view (window), 15, 20);
  activate (window, "win.annotate-key", g_variant_new_int32 (2));
  g_setenv ("GLS_FAIL_WRITE_AFTER", "300", TRUE);
  g_setenv ("GLS_FAIL_WRITE_PATH", "/.a.txt.annotations.xml.", TRUE);
  activate (window, "win.save", NULL);
  g_unsetenv ("GLS_FAIL_WRITE_PATH");

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "a.txt.annotations.xml"));
  g_assert_nonnull (strstr (secondary, "No space left on device"));
  g_free ((char *) secondary);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin (50);

  {
    g_autoptr(GBytes) after = gls_test_read (sidecar);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    g_assert_true (g_bytes_equal (before, after));
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_equal (name, "a.txt") || g_str_equal (name, "a.txt.annotations.xml"));
  }
  g_assert_true (gls_document_get_modified (gls_window_get_document (window)));
  g_assert_cmpuint (gls_document_get_n_annotations (gls_window_get_document (window)), ==, 2);

  /* room again: the same save goes through */
  activate (window, "win.save", NULL);
  g_assert_false (gls_document_get_modified (gls_window_get_document (window)));

  close_window (window);
  gls_test_rm_rf (dir);
}

/* The first button of each row of the details' relations. */
static GtkWidget *
relation_link (GlsWindow *window,
               guint      index)
{
  GlsAnnotationDetails *details = gls_sidebar_get_details (window->sidebar);
  GtkWidget *row = gtk_widget_get_first_child (_gls_annotation_details_get_relations_box (details));

  for (guint i = 0; row != NULL && i < index; i++)
    row = gtk_widget_get_next_sibling (row);

  return row != NULL && GTK_IS_BOX (row) ? gtk_widget_get_first_child (row) : NULL;
}

static gboolean
compare_loaded (gpointer data)
{
  GlsCompareView *compare = gls_window_get_compare (data);

  return compare != NULL && gls_compare_view_get_document (compare) != NULL && !gls_compare_view_is_busy (compare);
}

static gboolean
window_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* Closing the window with unsaved changes on the compared side asks, and
 * Save writes them: nothing of the second article is lost. */
static void
test_close_compare_unsaved (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  g_autofree char *other_path = write_article (dir, "b.txt", "Another outlet said 120 people were deported.\n");
  g_autofree char *other_sidecar = g_strconcat (other_path, ".annotations.xml", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog = NULL;
  GlsWindow *window;
  GlsDocument *compared;
  GlsAnnotation *annotation;
  GListModel *toplevels;

  window = open_window (path);
  g_object_ref (window);
  gls_window_compare (window, other);
  gls_test_wait_for (compare_loaded, window);
  compared = gls_compare_view_get_document (gls_window_get_compare (window));
  annotation = gls_document_annotate (compared, "statistic", 20, 23, &error);
  g_assert_no_error (error);
  /* by the same person as the annotations of the other side */
  g_assert_nonnull (gls_document_get_annotator (gls_window_get_document (window)));
  g_assert_cmpstr (gls_annotation_get_annotator (annotation), ==,
                   gls_document_get_annotator (gls_window_get_document (window)));
  g_assert_false (g_file_test (other_sidecar, G_FILE_TEST_EXISTS));

  /* the window stays, and asks */
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  /* the save and the closing take what a loaded machine gives them */
  gls_test_wait_for (window_hidden, window);
  g_assert_true (g_file_test (other_sidecar, G_FILE_TEST_EXISTS));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_object_unref (window);
  gls_test_rm_rf (dir);
}

/* R on a selected annotation, the other picked by a click, a type chosen:
 * a relation, undone and redone; the related annotation is marked in the
 * text; the details list it, follow it, retype and delete it; it is saved
 * and shown again on reopening. */
static void
test_relations (void)
{
  g_autofree char *dir = gls_test_tmpdir ();
  g_autofree char *path = write_article (dir, "a.txt", article);
  GlsWindow *window = open_window (path);
  GlsDocument *document = gls_window_get_document (window);
  GlsArticleView *view = gls_window_get_article_view (window);
  GListModel *relations = gls_document_get_relations (document);
  GlsAnnotationList *annotations = gls_document_get_annotations (document);
  GlsAnnotation *first, *second;
  GlsRelationDialog *dialog;
  GlsRelation *relation;
  GtkWidget *link, *label;

  gls_article_view_select_range (view, 0, 9);
  activate (window, "win.annotate-key", g_variant_new_int32 (1));
  gls_article_view_select_range (view, 63, 70);
  activate (window, "win.annotate-key", g_variant_new_int32 (4));
  first = gls_annotation_list_get (annotations, 0);
  second = gls_annotation_list_get (annotations, 1);

  /* nothing selected: nothing to relate */
  _gls_window_select_annotation (window, NULL, FALSE);
  spin (20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.relate", NULL);
  spin (20);
  g_assert_null (window->relation_dialog);

  _gls_window_select_annotation (window, first, FALSE);
  activate (window, "win.relate", NULL);
  dialog = window->relation_dialog;
  g_assert_nonnull (dialog);
  g_assert_true (gls_relation_dialog_get_from (dialog) == first);

  /* a click on the other highlight picks it, and keeps the dialog's start */
  {
    double x, y;

    center_of (view, 65, &x, &y);
    _gls_article_view_click (view, x, y);
    spin (20);
  }
  g_assert_true (gls_relation_dialog_get_from (dialog) == first);
  gls_relation_dialog_set_type (dialog, "contradicts");
  g_assert_nonnull (gls_relation_dialog_relate (dialog, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (20);
  g_assert_null (window->relation_dialog);

  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  relation = g_list_model_get_item (relations, 0);
  g_object_unref (relation);
  g_assert_cmpstr (gls_relation_get_relation_type (relation), ==, "contradicts");
  g_assert_cmpstr (gls_relation_get_from (relation), ==, gls_annotation_get_id (first));
  g_assert_cmpstr (gls_relation_get_to (relation), ==, gls_annotation_get_id (second));

  /* undone and redone as one step */
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
  activate (window, "win.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);

  /* the first selected: the second is marked, and the details list it */
  _gls_window_select_annotation (window, first, FALSE);
  spin (50);
  g_assert_true (gls_article_view_is_related (view, second));
  g_assert_false (gls_article_view_is_related (view, first));
  link = relation_link (window, 0);
  g_assert_nonnull (link);
  label = gtk_button_get_child (GTK_BUTTON (link));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "→ contradicts “Critics”"));

  /* following it selects the other end, whose details say where from */
  g_signal_emit_by_name (link, "clicked");
  spin (50);
  g_assert_true (gls_article_view_get_selected (view) == second);
  g_assert_true (gls_article_view_is_related (view, first));
  label = gtk_button_get_child (GTK_BUTTON (relation_link (window, 0)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "← contradicts “Officials”"));

  /* retyped through the row's drop-down: one step, the id kept */
  {
    GtkWidget *dropdown = gtk_widget_get_next_sibling (relation_link (window, 0));
    g_autofree char *id = g_strdup (gls_relation_get_id (relation));

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
    spin (50);
    relation = g_list_model_get_item (relations, 0);
    g_object_unref (relation);
    g_assert_cmpstr (gls_relation_get_relation_type (relation), ==, "supports");
    g_assert_cmpstr (gls_relation_get_id (relation), ==, id);
    activate (window, "win.undo", NULL);
    relation = g_list_model_get_item (relations, 0);
    g_object_unref (relation);
    g_assert_cmpstr (gls_relation_get_relation_type (relation), ==, "contradicts");
  }

  /* saved, and shown again on reopening */
  activate (window, "win.save", NULL);
  close_window (window);
  window = open_window (path);
  document = gls_window_get_document (window);
  view = gls_window_get_article_view (window);
  first = gls_annotation_list_get (gls_document_get_annotations (document), 0);
  _gls_window_select_annotation (window, first, TRUE);
  spin (50);
  label = gtk_button_get_child (GTK_BUTTON (relation_link (window, 0)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "→ contradicts “Critics”"));
  g_assert_true (gls_article_view_is_related (view, gls_annotation_list_get (gls_document_get_annotations (document), 1)));

  /* deleted from its row, undone */
  g_signal_emit_by_name (gtk_widget_get_last_child (gtk_widget_get_parent (relation_link (window, 0))), "clicked");
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (document)), ==, 0);
  g_assert_false (gls_article_view_is_related (view, gls_annotation_list_get (gls_document_get_annotations (document), 1)));
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gls_document_get_relations (document)), ==, 1);

  activate (window, "win.save", NULL);
  close_window (window);
  gls_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorTest", &recent_home);
  if (application == NULL)
    return 0;

  g_test_add_func ("/window/annotate-and-undo", test_annotate_and_undo);
  g_test_add_func ("/window/click-and-overlap", test_click_and_overlap);
  g_test_add_func ("/window/label-by-keys", test_label_by_keys);
  g_test_add_func ("/window/long-paragraph", test_long_paragraph);
  g_test_add_func ("/window/highlight-geometry", test_highlight_geometry);
  g_test_add_func ("/window/highlight-geometry-ltr", test_highlight_geometry_ltr);
  g_test_add_func ("/window/save-and-close", test_save_and_close);
  g_test_add_func ("/window/broken-sidecar", test_broken_sidecar);
  g_test_add_func ("/window/failed-save", test_failed_save);
  g_test_add_func ("/window/reencoded-article", test_reencoded_article);
  g_test_add_func ("/window/review", test_review);
  g_test_add_func ("/window/reload-article", test_reload_article);
  g_test_add_func ("/window/close-compare-unsaved", test_close_compare_unsaved);
  g_test_add_func ("/window/draft", test_draft);
  g_test_add_func ("/window/merge-conflict", test_merge_conflict);
  g_test_add_func ("/window/import", test_import);
  g_test_add_func ("/window/save-disk-full", test_save_disk_full);
  g_test_add_func ("/window/move-by-words", test_move_by_words);
  g_test_add_func ("/window/relations", test_relations);

  status = g_test_run ();
  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
