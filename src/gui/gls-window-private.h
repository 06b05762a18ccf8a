/* gls-window-private.h
 * The window's fields, shared by the gls-window*.c files that make up the
 * class, and what the tests may do to a window that users do with the mouse. */
#pragma once

#include "gls-agreement-dialog.h"
#include "gls-compare-view.h"
#include "gls-info-bar.h"
#include "gls-relation-dialog.h"
#include "gls-sidebar.h"
#include "gls-window.h"

G_BEGIN_DECLS

struct _GlsWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkToggleButton      *search_button;
  GtkStack             *stack;
  GtkLabel             *recent_heading;
  GtkListBox           *recent_list;
  GlsInfoBar           *info_bar;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkButton            *progress_cancel;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *match_label;
  GtkMenuButton        *match_menu_button;
  GtkPaned             *paned;
  GlsArticleView       *article_view;
  GlsSidebar           *sidebar;
  GtkLabel             *error_label;
  GtkLabel             *sticky_label;

  /* Owned */
  GSettings            *settings;
  GFile                *file;
  GlsDocumentFile      *document_file;  /* owns the files of the article */
  GlsDocument          *document;
  GCancellable         *cancellable;    /* of the background operation */
  GtkCssProvider       *font_css;
  GlsLinkResolver      *resolver;       /* the quotes of other articles */
  char                 *armed;
  GlsAnnotation        *reviewed;       /* the annotation under review, while its text is selected */
  char                 *last_category;  /* the key that repeats gives it */
  GMenuModel           *annotate_menu;  /* the context menu's "Annotate as", while text is selected */

  /* Borrowed */
  GlsRelationDialog    *relation_dialog; /* while it is open */
  GlsCompareView       *compare;         /* the article compared, in compare_paned */
  GtkPaned             *compare_paned;
  int                   compare_placed_at; /* where the window put its divider */

  guint                 progress_source;
  guint                 loading : 1;
  guint                 closing : 1;
  guint                 restoring_sidebar : 1;  /* until the side panel has its saved width */
  guint                 sticky : 1;             /* each finished selection gets last_category */
};

/* The responses by which the tests press the info bar's buttons */
enum {
  GLS_RESPONSE_RESTORE = 1,
  GLS_RESPONSE_DISCARD_DRAFT,
  GLS_RESPONSE_RELOAD_ARTICLE,
  GLS_RESPONSE_RELOAD,
  GLS_RESPONSE_KEEP_MINE,
  GLS_RESPONSE_MERGE,
};

/* For the tests */
void     _gls_window_respond            (GlsWindow      *self,
                                         int             response);
void     _gls_window_filter             (GlsWindow      *self,
                                         const char     *text,
                                         guint           category);
guint    _gls_window_n_listed           (GlsWindow      *self);

/* gls-window.c */
void     _gls_window_update_title       (GlsWindow      *self);
void     _gls_window_close_after_save   (GlsWindow      *self);
void     _gls_window_set_document       (GlsWindow      *self,
                                         GlsDocument    *document);
void     _gls_window_select_annotation  (GlsWindow      *self,
                                         GlsAnnotation  *annotation,
                                         gboolean        scroll);

/* gls-window-actions.c */
void     _gls_window_class_actions_init (GtkWidgetClass *klass);
void     _gls_window_set_work_state     (GlsWindow      *self,
                                         const char     *name);
void     _gls_window_update_match_menu  (GlsWindow      *self);
void     _gls_window_update_actions     (GlsWindow      *self);
void     _gls_window_annotate           (GlsWindow      *self,
                                         const char     *category);

/* gls-window-export.c */
void     _gls_window_class_export_init  (GtkWidgetClass *klass);
void     _gls_window_fill_export_menu   (GMenu          *menu);
void     _gls_window_start_chooser_here (GlsWindow      *self,
                                         GtkFileChooser *chooser);

/* gls-window-qdpx.c */
void     _gls_window_class_qdpx_init    (GtkWidgetClass *klass);
void     _gls_window_export_qdpx        (GlsWindow      *self,
                                         GFile          *file);
void     _gls_window_import_qdpx        (GlsWindow      *self,
                                         GFile          *file,
                                         GFile          *folder);
gboolean _gls_window_is_importing_qdpx  (GlsWindow      *self);

/* gls-window-files.c */
void     _gls_window_load               (GlsWindow      *self,
                                         const char     *encoding);
void     _gls_window_save               (GlsWindow      *self,
                                         gboolean        close);
void     _gls_window_save_copy          (GlsWindow      *self);
void     _gls_window_reload             (GlsWindow      *self);
void     _gls_window_merge              (GlsWindow      *self);
void     _gls_window_merge_file         (GlsWindow      *self,
                                         GlsDocumentFile *document_file,
                                         GlsInfoBar     *info_bar);
void     _gls_window_delete_draft       (GlsWindow      *self);
void     _gls_window_restore_draft      (GlsWindow      *self);
void     _gls_window_keep_mine          (GlsWindow      *self);
void     _gls_window_cancel_operation   (GlsWindow      *self);

/* gls-window-review.c */
void     _gls_window_class_review_init  (GtkWidgetClass *klass);
void     _gls_window_update_review_actions (GlsWindow   *self);
void     _gls_window_review_selected    (GlsWindow      *self);
gboolean _gls_window_review_enter       (GlsWindow      *self);
gboolean _gls_window_review_delete      (GlsWindow      *self,
                                         GlsAnnotation  *annotation);
gboolean _gls_window_show_reanchored    (GlsWindow      *self);
void     _gls_window_review_saved       (GlsWindow      *self);
void     _gls_window_article_changed    (GlsWindow      *self,
                                         const char     *message);
void     _gls_window_reload_article     (GlsWindow      *self);

/* gls-window-compare.c */
char    *_gls_window_dup_compare_title  (GlsWindow      *self);
void     _gls_window_class_compare_init (GtkWidgetClass *klass);
void     _gls_window_close_compare      (GlsWindow      *self);
void     _gls_window_compare_document_changed (GlsWindow *self);
GlsArticleView *
         _gls_window_active_view        (GlsWindow      *self,
                                         GlsDocument   **document);
gboolean _gls_window_compare_annotate   (GlsWindow      *self,
                                         const char     *category);
gboolean _gls_window_compare_delete     (GlsWindow      *self);

/* gls-window-relations.c */
void     _gls_window_class_relations_init (GtkWidgetClass *klass);
void     _gls_window_update_related     (GlsWindow      *self);
GlsRelationDialog *
         _gls_window_relate             (GlsWindow      *self);
gboolean _gls_window_relation_pick      (GlsWindow      *self,
                                         GlsAnnotation  *annotation);
void     _gls_window_follow             (GlsWindow      *self,
                                         GFile          *sidecar,
                                         const char     *id);

/* gls-window-sticky.c */
void     _gls_window_set_sticky         (GlsWindow      *self,
                                         gboolean        sticky);
void     _gls_window_update_sticky      (GlsWindow      *self);
gboolean _gls_window_sticky_annotate    (GlsWindow      *self);

/* gls-window-agreement.c */
void     _gls_window_class_agreement_init (GtkWidgetClass *klass);
GlsAgreementDialog *
         _gls_window_show_agreement     (GlsWindow      *self);

G_END_DECLS
