/* gls-unlinked-popover.h
 * The annotations of either side of a comparison that have no link to the
 * other side ("claims only in A"), one side at a time, with their counts. */
#pragma once

#include <gtk/gtk.h>

#include "gls-core.h"

G_BEGIN_DECLS

#define GLS_TYPE_UNLINKED_POPOVER (gls_unlinked_popover_get_type ())

G_DECLARE_FINAL_TYPE (GlsUnlinkedPopover, gls_unlinked_popover, GLS, UNLINKED_POPOVER, GtkPopover)

GtkWidget *gls_unlinked_popover_new       (void);
void       gls_unlinked_popover_set_side  (GlsUnlinkedPopover *self,
                                           guint               side,
                                           const char         *name,
                                           GlsDocument        *document,
                                           GPtrArray          *annotations);
guint      gls_unlinked_popover_get_n     (GlsUnlinkedPopover *self,
                                           guint               side);
char      *gls_unlinked_popover_dup_summary (GlsUnlinkedPopover *self);
void       gls_unlinked_popover_show_side (GlsUnlinkedPopover *self,
                                           guint               side);

G_END_DECLS
