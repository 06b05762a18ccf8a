/* main.c
 * glossator: sets up gettext and runs the application. */
#define G_LOG_DOMAIN "glossator"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "gls-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlsApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* GLOSSATOR_LOCALEDIR lets the tests use the translations of the build tree */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSSATOR_LOCALEDIR") ? g_getenv ("GLOSSATOR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Glossator"));
  application = gls_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
