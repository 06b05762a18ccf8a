/* gls-style-manager.c
 * Light or dark: the "style" setting says light, dark, or follow the
 * desktop. The desktop's preference is the Settings portal's color-scheme
 * (read, then followed as it changes, and read again when the portal
 * starts); without a portal, GTK's own gtk-application-prefer-dark-theme
 * (from settings.ini or XSETTINGS) is left as it was. No libadwaita in
 * GTK 4.8: this does what AdwStyleManager would. */
#define G_LOG_DOMAIN "gls-style-manager"

#include "config.h"

#include "gls-style-manager.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS "org.freedesktop.portal.Settings"
#define APPEARANCE "org.freedesktop.appearance"

/* The portal's color-scheme values */
enum {
  SCHEME_NO_PREFERENCE = 0,
  SCHEME_PREFER_DARK = 1,
  SCHEME_PREFER_LIGHT = 2,
};

struct _GlsStyleManager
{
  GObject          parent_instance;

  /* Owned */
  GSettings       *settings;
  GtkSettings     *gtk_settings;
  GDBusConnection *bus;
  GCancellable    *cancellable;

  guint            watch_id;
  guint            signal_id;
  int              portal_scheme;     /* -1 while the portal has not said */
  guint            gtk_prefers_dark : 1;  /* before we changed it */
  guint            dark : 1;
};

G_DEFINE_FINAL_TYPE (GlsStyleManager, gls_style_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (GlsStyleManager *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  gboolean dark;

  if (g_strcmp0 (style, "dark") == 0)
    dark = TRUE;
  else if (g_strcmp0 (style, "light") == 0)
    dark = FALSE;
  else if (self->portal_scheme == SCHEME_PREFER_DARK)
    dark = TRUE;
  else if (self->portal_scheme >= 0)
    dark = FALSE;
  else
    dark = self->gtk_prefers_dark;

  g_object_set (self->gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);

  if (dark != self->dark)
    {
      self->dark = dark;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
    }
}

/* The portal wraps the value in one variant (Read) or two (older portals) */
static void
take_scheme (GlsStyleManager *self,
             GVariant        *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unwrapped = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = unwrapped;
    }

  if (!g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    return;

  self->portal_scheme = g_variant_get_uint32 (inner);
  update (self);
}

static void
on_setting_changed (GDBusConnection *bus,
                    const char      *sender,
                    const char      *path,
                    const char      *interface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  GlsStyleManager *self = user_data;
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_strcmp0 (namespace, APPEARANCE) == 0 && g_strcmp0 (key, "color-scheme") == 0)
    take_scheme (self, value);
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GlsStyleManager) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  g_autoptr(GVariant) value = NULL;

  if (reply == NULL)
    {
      g_debug ("No color-scheme from the Settings portal: %s", error->message);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  take_scheme (self, value);
}

static void
on_portal_appeared (GDBusConnection *bus,
                    const char      *name,
                    const char      *owner,
                    gpointer         user_data)
{
  GlsStyleManager *self = user_data;

  g_dbus_connection_call (bus, name, PORTAL_PATH, PORTAL_SETTINGS, "Read",
                          g_variant_new ("(ss)", APPEARANCE, "color-scheme"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_read, g_object_ref (self));
}

static void
on_portal_vanished (GDBusConnection *bus,
                    const char      *name,
                    gpointer         user_data)
{
  GlsStyleManager *self = user_data;

  if (self->portal_scheme < 0)
    return;

  self->portal_scheme = -1;
  update (self);
}

static void
gls_style_manager_dispose (GObject *object)
{
  GlsStyleManager *self = GLS_STYLE_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  if (self->signal_id != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->signal_id);
  self->signal_id = 0;
  g_clear_object (&self->bus);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->gtk_settings);

  G_OBJECT_CLASS (gls_style_manager_parent_class)->dispose (object);
}

static void
gls_style_manager_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlsStyleManager *self = GLS_STYLE_MANAGER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_style_manager_class_init (GlsStyleManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_style_manager_dispose;
  object_class->get_property = gls_style_manager_get_property;

  /**
   * GlsStyleManager:dark:
   *
   * Whether the windows are dark.
   */
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_style_manager_init (GlsStyleManager *self)
{
  self->portal_scheme = -1;
  self->cancellable = g_cancellable_new ();
}

/**
 * gls_style_manager_new:
 * @settings: the application's settings, with the "style" key
 * @gtk_settings: the display's settings, whose
 *   gtk-application-prefer-dark-theme it sets
 *
 * Returns: (transfer full): a style manager that keeps @gtk_settings
 *   light or dark, as the "style" setting and the desktop say, for as long
 *   as it lives
 */
GlsStyleManager *
gls_style_manager_new (GSettings   *settings,
                       GtkSettings *gtk_settings)
{
  GlsStyleManager *self;
  gboolean prefers_dark = FALSE;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (GTK_IS_SETTINGS (gtk_settings), NULL);

  self = g_object_new (GLS_TYPE_STYLE_MANAGER, NULL);
  self->settings = g_object_ref (settings);
  self->gtk_settings = g_object_ref (gtk_settings);
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &prefers_dark, NULL);
  self->gtk_prefers_dark = prefers_dark;

  g_signal_connect_object (settings, "changed::style", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  self->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (self->bus != NULL)
    {
      self->signal_id = g_dbus_connection_signal_subscribe (self->bus, PORTAL_NAME, PORTAL_SETTINGS,
                                                            "SettingChanged", PORTAL_PATH, APPEARANCE,
                                                            G_DBUS_SIGNAL_FLAGS_NONE,
                                                            on_setting_changed, self, NULL);
      self->watch_id = g_bus_watch_name_on_connection (self->bus, PORTAL_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                       on_portal_appeared, on_portal_vanished,
                                                       self, NULL);
    }

  update (self);

  return self;
}

gboolean
gls_style_manager_get_dark (GlsStyleManager *self)
{
  g_return_val_if_fail (GLS_IS_STYLE_MANAGER (self), FALSE);

  return self->dark;
}

/**
 * gls_style_get_foreground:
 *
 * The colour of @widget's text, for what it draws itself: GTK 4.8 has no
 * gtk_widget_get_color() yet.
 */
void
gls_style_get_foreground (GtkWidget *widget,
                          GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
G_GNUC_END_IGNORE_DEPRECATIONS
}

/**
 * gls_style_is_dark:
 *
 * Returns: whether @widget is drawn in a dark style, told from its light
 *   text: it holds for a dark theme chosen outside Glossator too
 */
gboolean
gls_style_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  gls_style_get_foreground (widget, &fg);

  return (fg.red + fg.green + fg.blue) / 3 > 0.5;
}
