/* gls-window.h
 * A window showing one article with its annotations. */
#pragma once

#include <gtk/gtk.h>

#include "gls-article-view.h"
#include "gls-compare-view.h"
#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_WINDOW (gls_window_get_type ())

G_DECLARE_FINAL_TYPE (GlsWindow, gls_window, GLS, WINDOW, GtkApplicationWindow)

GlsWindow      *gls_window_new              (GtkApplication *application);
void            gls_window_open             (GlsWindow      *self,
                                             GFile          *file);
GFile          *gls_window_get_file         (GlsWindow      *self);
GlsDocument    *gls_window_get_document     (GlsWindow      *self);
GlsArticleView *gls_window_get_article_view (GlsWindow      *self);
gboolean        gls_window_is_loading       (GlsWindow      *self);
gboolean        gls_window_is_idle          (GlsWindow      *self);
GlsDocumentFile *gls_window_get_document_file (GlsWindow    *self);
const char     *gls_window_get_info_message (GlsWindow      *self);
GtkWidget      *gls_window_get_note_view    (GlsWindow      *self);
GFile          *gls_window_dup_draft_file   (GlsWindow      *self);
gboolean        gls_window_save_draft       (GlsWindow      *self);
gboolean        gls_window_export           (GlsWindow      *self,
                                             GFile          *file,
                                             const char     *format_name);
void            gls_window_compare          (GlsWindow      *self,
                                             GFile          *file);
GlsCompareView *gls_window_get_compare      (GlsWindow      *self);
gboolean        gls_window_import           (GlsWindow      *self,
                                             GFile          *file,
                                             const char     *format_name,
                                             gboolean        replace);

GtkWindow *gls_window_adjudicate        (GtkApplication  *application,
                                        GtkWindow       *parent,
                                        GFile           *article,
                                        GFile          **coder_files,
                                        guint            n_coders);

G_END_DECLS
