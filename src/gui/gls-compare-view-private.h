/* gls-compare-view-private.h
 * What the compare view's files share: its fields, split by concern as
 * the window's are. */
#pragma once

#include "gls-compare-view.h"
#include "gls-settings.h"
#include "gls-unlinked-popover.h"

G_BEGIN_DECLS

/* One link between the two sides: ends[0] on the window's side. */
typedef struct
{
  GlsAnnotation *ends[2];
  char          *type;
} Link;

struct _GlsCompareView
{
  GtkWidget        parent_instance;

  /* Widgets */
  GtkWidget       *box;
  GtkWidget       *gutter;
  GtkLabel        *name_label;
  GlsInfoBar      *info_bar;
  GtkScrolledWindow *scroller;
  GlsArticleView  *view;
  GlsSidebar      *sidebar;
  GtkMenuButton   *links_button;
  GtkDropDown     *type_filter;
  GtkListBox      *link_list;
  GtkMenuButton   *unlinked_button;
  GlsUnlinkedPopover *unlinked;

  /* Weak: the window's view may go first when the window is destroyed */
  GlsArticleView  *primary_view;

  /* Owned */
  GSettings       *settings;
  GlsLinkResolver *resolver;
  GlsDocument     *primary;
  GFile           *file;
  GlsDocumentFile *document_file;
  GlsDocument     *document;
  GArray          *links;          /* Link */
  char            *filter;         /* the type the list shows, NULL for all */

  guint            n_drawn;
  guint            following : 1;
  guint            active : 1;
};

void _gls_compare_view_set_document      (GlsCompareView *self,
                                          GlsDocument    *document);
void _gls_compare_view_class_files_init (GtkWidgetClass *widget_class);

G_END_DECLS
