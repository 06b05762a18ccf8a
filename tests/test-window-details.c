/* test-window-details.c
 * The details of issue 17 a window test can see: the context menu's
 * "Annotate as", shown whole, and its Undo, Ctrl+Home and Ctrl+End, the side panel's
 * width, the highlights' second cue and high contrast, the tooltip and the
 * overlap chooser, what the colour swatches and the article tell screen
 * readers. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "gls-accessible.h"
#include "gls-article-view-private.h"
#include "gls-renderer.h"
#include "gls-settings.h"
#include "gls-sidebar-private.h"
#include "gls-window-private.h"
#include "gls-test-gui.h"
#include "gls-test-util.h"

static GtkApplication *application;
/* GSK_RENDERER as the tests were started, before the application chose */
static char *renderer_asked;

static gboolean
deadline_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Runs the main loop for @msec milliseconds. */
static void
spin (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;

  gls_test_wait_for (deadline_passed, &deadline);
}

/* The actions of the context menu's items, opened as Shift+F10 opens it,
 * one string, each section on a line. */
static char *
context_menu_actions (GlsArticleView *view)
{
  GString *str = g_string_new (NULL);
  GMenuModel *menu;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.context-menu", NULL));
  g_assert_true (GTK_IS_POPOVER_MENU (view->context_menu));
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, view->context_menu);
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (view->context_menu));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          if (!g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (str, "%s%s", j > 0 ? " " : "", action ? action : label);
        }
      g_string_append_c (str, '\n');
    }
  gtk_popover_popdown (GTK_POPOVER (view->context_menu));

  return g_string_free (str, FALSE);
}

/* "Annotate as" only with text selected; Undo and Redo the document's. */
static void
test_context_menu (GlsTestWindowFixture *fixture,
                   gconstpointer         data)
{
  GlsWindow *window = fixture->window;
  GlsArticleView *view = gls_window_get_article_view (window);
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  gls_article_view_select_range (view, 3, 3);
  without = context_menu_actions (view);
  g_assert_cmpstr (without, ==,
                   "win.undo win.redo\n"
                   "clipboard.copy selection.select-all\n");

  gls_article_view_select_range (view, 0, 3);
  with = context_menu_actions (view);
  g_assert_cmpstr (with, ==,
                   "win.undo win.redo\n"
                   "clipboard.copy selection.select-all\n"
                   "Annotate as\n");
}

/* The first widget under @widget (itself included) of @type that has
 * @css_class, when one is given */
static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The context menu shows all of itself, "Annotate as" too: GtkPopoverMenu
 * measured before it had added the lines between its sections came out
 * too short, "Annotate as" hidden below a scroll. */
static void
test_context_menu_fits (GlsTestWindowFixture *fixture,
                        gconstpointer         data)
{
  GlsArticleView *view = gls_window_get_article_view (fixture->window);
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  gls_article_view_select_range (view, 0, 3);
  spin (200);     /* the right click comes a moment after the selection */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.context-menu", NULL));
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, view->context_menu);
  spin (200);

  scrolled = find_descendant (view->context_menu, GTK_TYPE_SCROLLED_WINDOW, NULL);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment));
  gtk_popover_popdown (GTK_POPOVER (view->context_menu));
}

static double
scroll_value (GtkTextView *view)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
}

/* Ctrl+End shows the very end, bottom margin included; Ctrl+Home the very
 * start. */
static void
test_start_and_end (GlsTestWindowFixture *fixture,
                    gconstpointer         data)
{
  GtkTextView *view = GTK_TEXT_VIEW (gls_window_get_article_view (fixture->window));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double bottom;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 400);
  spin (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.edge", "b", TRUE));
  spin (400);
  bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat (bottom, >, 0);
  g_assert_cmpfloat (scroll_value (view), ==, bottom);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.edge", "b", FALSE));
  spin (400);
  g_assert_cmpfloat (scroll_value (view), ==, gtk_adjustment_get_lower (adjustment));
}

static gboolean
sidebar_allocated (gpointer data)
{
  GlsWindow *window = data;

  return gtk_widget_get_width (GTK_WIDGET (window->sidebar)) > 0;
}

/* The side panel keeps its width when hidden and shown, and when the
 * window closes and another opens: what is saved is what shows. */
static void
test_side_panel_width (GlsTestWindowFixture *fixture,
                       gconstpointer         data)
{
  g_autoptr(GSettings) settings = gls_settings_new ();
  GlsWindow *window = fixture->window;
  int width;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  spin (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  gls_test_wait_for (sidebar_allocated, window);
  spin (200);
  width = gtk_widget_get_width (GTK_WIDGET (window->sidebar));
  g_assert_cmpint (width, >=, 300);

  for (guint i = 0; i < 3; i++)
    {
      gtk_window_close (GTK_WINDOW (window));
      spin (100);
      g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, width);

      window = gls_test_open_window (application, fixture->article);
      gls_test_wait_for (sidebar_allocated, window);
      spin (200);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->sidebar)), ==, width);
    }
}

/* Bars of other patterns for categories next to each other in the
 * codebook, and for fuzzy annotations. */
static void
test_patterns (GlsTestWindowFixture *fixture,
               gconstpointer         data)
{
  GlsArticleView *view = gls_window_get_article_view (fixture->window);
  GlsDocument *document = gls_window_get_document (fixture->window);
  GlsCodebook *codebook = gls_document_get_codebook (document);
  g_autoptr(GError) error = NULL;
  guint seen[4] = { 0, };

  /* one annotation of each of the first four categories */
  for (guint i = 0; i < 4; i++)
    {
      const char *id = gls_category_get_id (gls_codebook_get_category (codebook, i));
      GlsAnnotation *annotation = gls_document_annotate (document, id, 10 * i, 10 * i + 5, &error);

      g_assert_no_error (error);
      seen[i] = _gls_article_view_get_pattern (view, annotation);
      for (guint j = 0; j < i; j++)
        g_assert_cmpuint (seen[i], !=, seen[j]);
    }
}

/* The preference draws the article for high contrast and thickens the
 * window's focus rings. */
static void
test_high_contrast (GlsTestWindowFixture *fixture,
                    gconstpointer         data)
{
  g_autoptr(GSettings) settings = gls_settings_new ();
  GlsWindow *window = fixture->window;

  g_assert_false (gls_article_view_get_high_contrast (gls_window_get_article_view (window)));
  g_settings_set_boolean (settings, "high-contrast", TRUE);
  g_assert_true (gls_article_view_get_high_contrast (gls_window_get_article_view (window)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "high-contrast"));
  g_settings_set_boolean (settings, "high-contrast", FALSE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "high-contrast"));
}

/* No tooltip over the choice between overlapping annotations. */
static void
test_tooltip_and_choice (GlsTestWindowFixture *fixture,
                         gconstpointer         data)
{
  GlsArticleView *view = gls_window_get_article_view (fixture->window);
  GlsDocument *document = gls_window_get_document (fixture->window);
  GtkTextIter iter;
  GdkRectangle location;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  int x, y;

  gls_document_annotate (document, "opinion", 0, 20, &error);
  gls_document_annotate (document, "hedge", 2, 12, &error);
  g_assert_no_error (error);
  spin (50);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter, 5);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 2, location.y + location.height / 2, &x, &y);

  before = _gls_article_view_dup_tooltip (view, x, y);
  g_assert_nonnull (before);
  g_assert_nonnull (strstr (before, "\n"));

  _gls_article_view_click (view, x, y);
  spin (50);
  g_assert_true (gtk_widget_get_visible (_gls_article_view_get_popover (view)));
  during = _gls_article_view_dup_tooltip (view, x, y);
  g_assert_null (during);

  /* an open popover keeps its grab past the window's end, and the next
   * test's real clicks would go nowhere */
  gtk_popover_popdown (GTK_POPOVER (_gls_article_view_get_popover (view)));
  spin (50);
}

/* Colours in words, for the swatches' names: each of the built-in
 * codebook's its own. */
static void
test_color_names (void)
{
  const char *builtin[] = { "#3584e4", "#2190a4", "#26a269", "#c061cb", "#e66100",
                            "#c88800", "#ed333b", "#b5835a", "#6f8396" };
  const char *names[] = { "Blue", "Teal", "Green", "Purple", "Orange",
                          "Amber", "Red", "Brown", "Slate" };

  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    g_assert_cmpstr (gls_accessible_color_name (builtin[i]), ==, names[i]);

  g_assert_cmpstr (gls_accessible_color_name ("#f6d32d"), ==, "Yellow");
  g_assert_cmpstr (gls_accessible_color_name ("#865e3c"), ==, "Brown");
  g_assert_cmpstr (gls_accessible_color_name ("#77767b"), ==, "Grey");
  g_assert_cmpstr (gls_accessible_color_name ("not a colour"), ==, "Grey");
}

/* The caret inside annotations makes the article describe them. */
static void
test_caret_announces (GlsTestWindowFixture *fixture,
                      gconstpointer         data)
{
  GlsArticleView *view = gls_window_get_article_view (fixture->window);
  GlsDocument *document = gls_window_get_document (fixture->window);
  GlsAnnotation *annotation = gls_annotation_list_get (gls_document_get_annotations (document), 0);
  guint inside = gls_annotation_get_start (annotation) + 1;

  gls_article_view_select_range (view, inside, inside);
  g_assert_nonnull (view->announced);
  g_assert_true (g_str_has_prefix (view->announced, "Factual claim, has note"));

  gls_article_view_select_range (view, 0, 0);
  g_assert_cmpstr (view->announced, ==, "");
}

/* The annotation list, not the category drop-down's */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  return find_descendant (widget, GTK_TYPE_LIST_VIEW, "navigation-sidebar");
}

static gboolean
list_filled (gpointer sidebar)
{
  return !gls_sidebar_get_filling (sidebar);
}

/* The side panel lists a document's annotations once the article's frame
 * with it is painted, and then selects what was selected meanwhile. */
static void
test_list_after_frame (GlsTestWindowFixture *fixture,
                       gconstpointer         data)
{
  GlsWindow *window = fixture->window;
  GlsSidebar *sidebar = window->sidebar;
  GlsDocument *document = gls_window_get_document (window);
  GlsAnnotation *annotation = gls_annotation_list_get (gls_document_get_annotations (document), 1);
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (find_list_view (GTK_WIDGET (sidebar))));
  g_autoptr(GlsAnnotation) selected = NULL;

  g_assert_false (gls_window_is_loading (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, _gls_sidebar_n_listed (sidebar));
  g_assert_cmpuint (_gls_sidebar_n_listed (sidebar), >, 1);

  gls_sidebar_set_document (sidebar, NULL);
  gls_sidebar_set_document (sidebar, document);
  gls_sidebar_select (sidebar, annotation);
  g_assert_true (gls_sidebar_get_filling (sidebar));
  g_assert_true (gls_window_is_loading (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  gtk_widget_queue_draw (GTK_WIDGET (window));
  gls_test_wait_for (list_filled, sidebar);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, _gls_sidebar_n_listed (sidebar));
  selected = g_list_model_get_item (G_LIST_MODEL (selection),
                                    gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)));
  g_assert_true (selected == annotation);
}


static int
list_height (GlsWindow *window)
{
  return gtk_widget_get_height (gtk_widget_get_parent (find_list_view (GTK_WIDGET (window->sidebar))));
}

static guint
n_annotations (GlsWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gls_document_get_annotations (gls_window_get_document (window))));
}

/* Clicking the codebook's heading folds the categories away and gives
 * their room to the annotation list; the category keys still annotate;
 * the next window remembers it, and a click brings them back. */
static void
test_palette_folds (GlsTestWindowFixture *fixture,
                    gconstpointer         data)
{
  g_autoptr(GSettings) settings = gls_settings_new ();
  GlsWindow *window = fixture->window;
  GtkWidget *heading = find_descendant (GTK_WIDGET (window->sidebar), GTK_TYPE_WIDGET, "palette-heading");
  GtkWidget *palette = find_descendant (GTK_WIDGET (window->sidebar), GTK_TYPE_WIDGET, "palette");
  GlsArticleView *view = gls_window_get_article_view (window);
  guint before = n_annotations (window);
  int unfolded;

  if (!gls_test_can_send_input (GTK_WIDGET (window)))
    {
      g_test_skip ("real clicks and keys need X11 and xdotool");
      return;
    }

  g_assert_nonnull (heading);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (heading)));
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, palette);
  unfolded = list_height (window);

  gls_test_click (heading);
  spin (800);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (heading)));
  g_assert_false (gtk_widget_get_mapped (palette));
  g_assert_false (g_settings_get_boolean (settings, "palette-expanded"));
  /* nine categories' rows, about 28 px each */
  g_assert_cmpint (list_height (window), >=, unfolded + 200);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  gls_article_view_select_range (view, 3, 10);
  gls_test_press_keys (GTK_WIDGET (view), "1");
  spin (200);
  g_assert_cmpuint (n_annotations (window), ==, before + 1);
  /* unsaved, the window would ask before it closes */
  gls_test_press_keys (GTK_WIDGET (view), "ctrl+z");
  spin (200);
  g_assert_cmpuint (n_annotations (window), ==, before);

  gtk_window_close (GTK_WINDOW (window));
  spin (100);
  window = gls_test_open_window (application, fixture->article);
  heading = find_descendant (GTK_WIDGET (window->sidebar), GTK_TYPE_WIDGET, "palette-heading");
  palette = find_descendant (GTK_WIDGET (window->sidebar), GTK_TYPE_WIDGET, "palette");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (heading)));
  g_assert_true (gtk_widget_get_mapped (heading));
  g_assert_false (gtk_widget_get_mapped (palette));

  gls_test_click (heading);
  gls_test_wait_for ((GlsTestDoneFunc) gtk_widget_get_mapped, palette);
  g_assert_true (g_settings_get_boolean (settings, "palette-expanded"));
}

/* A software OpenGL is told from a GPU's by its GL_RENDERER */
static void
test_software_gl (void)
{
  g_assert_true (gls_renderer_is_software_gl ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (gls_renderer_is_software_gl ("softpipe"));
  g_assert_true (gls_renderer_is_software_gl ("Software Rasterizer"));
  g_assert_false (gls_renderer_is_software_gl ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (gls_renderer_is_software_gl ("AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49)"));
  g_assert_false (gls_renderer_is_software_gl ("NVIDIA GeForce GTX 1650/PCIe/SSE2"));
  g_assert_false (gls_renderer_is_software_gl (NULL));
}

/* On a software OpenGL (Xvfb's is llvmpipe) the window is drawn with
 * Cairo, which draws only what changed; on a GPU, with GTK's default;
 * GSK_RENDERER, when set, decides. */
static void
test_renderer (GlsTestWindowFixture *fixture,
               gconstpointer         data)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  g_autofree char *gl = gls_renderer_dup_gl_renderer (gtk_widget_get_display (GTK_WIDGET (fixture->window)));

  g_test_message ("OpenGL: %s; GSK_RENDERER: %s; drawn by %s", gl ? gl : "none",
                  renderer_asked ? renderer_asked : "unset", G_OBJECT_TYPE_NAME (renderer));
  if (renderer_asked != NULL)
    {
      g_test_skip ("GSK_RENDERER chooses the renderer");
      return;
    }

  if (gls_renderer_is_software_gl (gl))
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  else if (gl != NULL)
    g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));
}

/* The tests on a window showing the sample article */
static const struct {
  const char *path;
  void      (*func) (GlsTestWindowFixture *fixture,
                     gconstpointer         data);
} window_tests[] = {
  { "/window-details/context-menu", test_context_menu },
  { "/window-details/context-menu-fits", test_context_menu_fits },
  { "/window-details/start-and-end", test_start_and_end },
  { "/window-details/side-panel-width", test_side_panel_width },
  { "/window-details/caret-announces", test_caret_announces },
  { "/window-details/patterns", test_patterns },
  { "/window-details/high-contrast", test_high_contrast },
  { "/window-details/tooltip-and-choice", test_tooltip_and_choice },
  { "/window-details/list-after-frame", test_list_after_frame },
  { "/window-details/palette-folds", test_palette_folds },
  { "/window-details/renderer", test_renderer },
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recent_home = NULL;
  int status;

  renderer_asked = g_strdup (g_getenv ("GSK_RENDERER"));
  application = gls_test_gui_init (&argc, &argv, "io.github.glossator.GlossatorDetailsTest", &recent_home);
  if (application == NULL)
    return 0;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  for (guint i = 0; i < G_N_ELEMENTS (window_tests); i++)
    g_test_add (window_tests[i].path, GlsTestWindowFixture, NULL,
                gls_test_window_fixture_set_up, window_tests[i].func, gls_test_window_fixture_tear_down);
  g_test_add_func ("/window-details/color-names", test_color_names);
  g_test_add_func ("/window-details/software-gl", test_software_gl);

  status = g_test_run ();

  g_object_unref (application);
  gls_test_rm_rf (recent_home);

  return status;
}
