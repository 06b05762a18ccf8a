/* gls-codebook-editor.h
 * The codebook editor: the categories of an article's codebook as a tree,
 * and their label, description, colour and key; every change is a step in
 * the article's undo history. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_CODEBOOK_EDITOR (gls_codebook_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlsCodebookEditor, gls_codebook_editor, GLS, CODEBOOK_EDITOR, GtkWindow)

GtkWidget   *gls_codebook_editor_new          (GtkWindow         *parent,
                                               GlsDocument       *document);
const char  *gls_codebook_editor_get_selected (GlsCodebookEditor *self);
void         gls_codebook_editor_select       (GlsCodebookEditor *self,
                                               const char        *id);
GFile       *gls_codebook_editor_get_folder_codebook_file (GlsCodebookEditor *self);

G_END_DECLS
