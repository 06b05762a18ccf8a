/* gls-install.h
 * Where this copy of Glossator was installed: its data folder, found from
 * the program's own path so that a moved prefix (a DESTDIR) still works. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *gls_install_dup_data_dir      (void);
gboolean  gls_install_data_dir_searched (void);

G_END_DECLS
