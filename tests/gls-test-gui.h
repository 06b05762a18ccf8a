/* gls-test-gui.h
 * Helpers shared by the window tests: running the main loop until
 * something is true, and a window that has loaded its article. */
#pragma once

#include <gtk/gtk.h>

#include "gls-window.h"

G_BEGIN_DECLS

typedef gboolean (*GlsTestDoneFunc) (gpointer data);

/* A window showing a copy of the sample article (and its annotations) in
 * a folder of its own */
typedef struct {
  char      *dir;
  char      *article;
  GlsWindow *window;
} GlsTestWindowFixture;

void       gls_test_wait_for        (GlsTestDoneFunc  done,
                                     gpointer         data);
gboolean   gls_test_window_loaded   (gpointer         window);
GtkWidget *gls_test_find_message_dialog (void);
gboolean   gls_test_can_send_input  (GtkWidget       *widget);
void       gls_test_click           (GtkWidget       *widget);
void       gls_test_press_keys      (GtkWidget       *widget,
                                     const char      *keys);
GlsWindow *gls_test_open_window     (GtkApplication  *application,
                                     const char      *path);
GtkApplication *gls_test_gui_init   (int             *argc,
                                     char          ***argv,
                                     const char      *application_id,
                                     char           **recent_home);

void gls_test_window_fixture_set_up    (GlsTestWindowFixture *fixture,
                                       gconstpointer         data);
void gls_test_window_fixture_tear_down (GlsTestWindowFixture *fixture,
                                       gconstpointer         data);

G_END_DECLS
