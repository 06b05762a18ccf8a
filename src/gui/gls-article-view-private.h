/* gls-article-view-private.h
 * The article view's fields, shared by its two files, and what the tests
 * may do to it that users do with the mouse. */
#pragma once

#include "gls-article-view.h"

G_BEGIN_DECLS

/* Bars under the text, one per overlapping annotation. */
#define BAR_HEIGHT 2
#define BAR_GAP 1
#define MAX_CACHED_LINES 4096

struct _GlsArticleView
{
  GtkTextView    parent_instance;

  /* Owned */
  GlsDocument   *document;
  GlsSource     *shown;        /* the text in the buffer */
  GlsAnnotation *selected;
  GPtrArray     *visible;      /* borrowed annotations found for the frame */
  GHashTable    *line_cache;   /* line number → GArray of graphene_rect_t, one per char */
  GHashTable    *simple_lines; /* line number → 1 left to right only, 2 not */
  GHashTable    *drawn;        /* GlsAnnotation → GArray of graphene_rect_t */
  GHashTable    *geometry;     /* GlsAnnotation → GArray of graphene_rect_t, kept */
  GHashTable    *related;      /* GlsAnnotation, the ends of the selected one's relations */
  GtkWidget     *popover;
  GtkWidget     *context_menu;

  GArray        *breaks;       /* guint offsets of the spaces shown as line breaks */
  GtkTextTag    *break_tag;    /* on a display paragraph that ends at one */
  gsize          filled;       /* bytes of the shown text in the buffer */
  guint          filled_chars; /* characters of it */
  gsize          run;          /* bytes since the last line break */
  guint          fill_source;

  int            cache_width;
  double         press_x;
  double         press_y;
  guint          click_source;
  GlsSpan        shift_selection;  /* the selection when Shift was pressed */
  guint          edge_source;
  guint          menu_source;  /* pops the context menu up, once GTK has laid it out */
  guint          edge_end : 1;  /* Ctrl+End, not Ctrl+Home */
  char          *announced;
  gboolean       high_contrast;     /* the accessible description, of the annotations at the caret */
};


void       _gls_article_view_click       (GlsArticleView *self,
                                          double          x,
                                          double          y);
GtkWidget *_gls_article_view_get_popover (GlsArticleView *self);
char      *_gls_article_view_dup_tooltip (GlsArticleView *self,
                                          double          x,
                                          double          y);
void       _gls_article_view_range_selected (GlsArticleView *self,
                                             guint           start,
                                             guint           end);

/* gls-article-view-selection.c */
void       _gls_article_view_add_selection_keys (GlsArticleView *self);

/* gls-article-view-actions.c */
void       _gls_article_view_install_actions  (GtkWidgetClass   *widget_class);
void       _gls_article_view_add_context_menu (GlsArticleView        *self,
                                               GtkShortcutController *shortcuts);
void       _gls_article_view_announce_caret   (GlsArticleView   *self);
void       _gls_article_view_follow_edge      (GlsArticleView   *self);

/* gls-article-view-highlights.c */
void       _gls_article_view_invalidate_cache (GlsArticleView   *self);
guint      _gls_article_view_get_pattern      (GlsArticleView   *self,
                                               GlsAnnotation    *annotation);
void       _gls_article_view_free_rects       (gpointer          data);
void       _gls_article_view_forget_geometry  (GlsArticleView   *self,
                                               GlsAnnotation    *annotation);
void       _gls_article_view_snapshot_layer   (GtkTextView      *view,
                                               GtkTextViewLayer  layer,
                                               GtkSnapshot      *snapshot);

G_END_DECLS
