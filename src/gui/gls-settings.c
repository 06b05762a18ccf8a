/* gls-settings.c
 * Finds the settings schema: on the default search path first, then in the
 * data folder the program was installed with (a prefix such as ./_install). */
#define G_LOG_DOMAIN "gls-settings"

#include "config.h"

#include "gls-annotation.h"
#include "gls-install.h"
#include "gls-settings.h"

/* @dir as a source in front of @parent, or @parent when it has no
 * compiled schemas */
static GSettingsSchemaSource *
add_source (GSettingsSchemaSource *parent,
            const char            *dir)
{
  g_autoptr(GError) error = NULL;
  GSettingsSchemaSource *source;

  source = g_settings_schema_source_new_from_directory (dir, parent, FALSE, &error);
  if (source == NULL)
    {
      g_debug ("No schemas in %s: %s", dir, error->message);
      return parent;
    }

  g_clear_pointer (&parent, g_settings_schema_source_unref);
  return source;
}

/* The default source; when it lacks our schema, the installation's schema
 * folder in front of it (see gls-install.c). Built once. */
static GSettingsSchemaSource *
get_source (void)
{
  static GSettingsSchemaSource *source;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GSettingsSchemaSource *found = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (found != NULL)
        {
          found = g_settings_schema_source_ref (found);
          schema = g_settings_schema_source_lookup (found, APPLICATION_ID, TRUE);
        }

      if (schema == NULL)
        {
          g_autofree char *data_dir = gls_install_dup_data_dir ();
          g_autofree char *dir = g_build_filename (data_dir, "glib-2.0", "schemas", NULL);

          found = add_source (found, dir);
        }

      source = found;
      g_once_init_leave (&initialized, 1);
    }

  return source;
}

/**
 * gls_settings_lookup_schema:
 *
 * Looks up the application's schema where gls_settings_new() does.
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL when it is
 *   installed nowhere Glossator looks
 */
GSettingsSchema *
gls_settings_lookup_schema (void)
{
  GSettingsSchemaSource *source = get_source ();

  if (source == NULL)
    return NULL;

  return g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
}

/**
 * gls_settings_new:
 *
 * The application's settings. Call gls_settings_lookup_schema() first
 * where the schema may be missing: like g_settings_new(), this aborts
 * without it.
 *
 * Returns: (transfer full): the settings
 */
GSettings *
gls_settings_new (void)
{
  g_autoptr(GSettingsSchema) schema = gls_settings_lookup_schema ();

  if (schema == NULL)
    g_error ("The settings schema %s is not installed", APPLICATION_ID);

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * gls_settings_dup_annotator:
 *
 * Returns: the name new annotations record: the pseudonym when one is
 *   asked for (one made from the name when none is given), else the
 *   annotator name, else the user's own
 */
char *
gls_settings_dup_annotator (GSettings *settings)
{
  g_autofree char *name = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  name = g_settings_get_string (settings, "annotator-name");
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (gls_default_annotator ());
    }

  if (!g_settings_get_boolean (settings, "use-pseudonym"))
    return g_steal_pointer (&name);

  pseudonym = g_settings_get_string (settings, "pseudonym");
  if (*pseudonym != '\0')
    return g_steal_pointer (&pseudonym);

  /* not translated: it is data, the same in every language */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  return g_strdup_printf ("coder-%.8s", hash);
}
