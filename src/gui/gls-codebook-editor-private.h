/* gls-codebook-editor-private.h
 * What the editor's drag and drop, and the tests, may do to the editor. */
#pragma once

#include "gls-codebook-editor.h"

G_BEGIN_DECLS

/* gls-codebook-editor.c */
gboolean        _gls_codebook_editor_drop               (GlsCodebookEditor *self,
                                                         const char        *id,
                                                         const char        *target,
                                                         GlsCategoryDrop    where);

/* gls-codebook-editor-dnd.c */
GlsCategoryDrop _gls_codebook_editor_drop_position      (double             y,
                                                         double             height);
void            _gls_codebook_editor_add_drag_and_drop  (GtkWidget         *row);

G_END_DECLS
