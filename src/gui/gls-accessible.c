/* gls-accessible.c
 * Names for what GTK 4.8 leaves unnamed or names twice, and colours said
 * in words, so that a screen reader announces every control once. */
#define G_LOG_DOMAIN "gls-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-accessible.h"

/* "_Open…" as said aloud: "Open…" ("__" is a literal underscore). */
static char *
strip_mnemonic (const char *label)
{
  GString *str = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else
            continue;
        }
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

static void
name_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *name = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  /* GTK 4.8 names such a button with its label, underscore included, and
   * then with its child label again ("_Open Open"): one name, said once */
  name = strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * gls_accessible_name_mnemonic_buttons:
 *
 * Gives every button under @root (itself included) whose label has a
 * mnemonic its label once, without the underscore, as its name.
 */
void
gls_accessible_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    name_mnemonic_button (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gls_accessible_name_mnemonic_buttons (child);
}

void
gls_accessible_set_label (GtkWidget  *widget,
                          const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* A row of a drop-down's popup as GTK draws it, its text and a check mark
 * on the chosen one; named, as GTK 4.8 does not: it announces the list
 * item's widget, the row's parent, and names it with nothing. */
static void
setup_drop_down_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     GtkDropDown              *drop_down)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "object-select-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), check);
  gtk_list_item_set_child (item, row);
}

static void
update_drop_down_check (GtkListItem *item,
                        GParamSpec  *pspec,
                        GtkDropDown *drop_down)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_visible (check, gtk_list_item_get_item (item) == gtk_drop_down_get_selected_item (drop_down));
}

static void
bind_drop_down_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GtkDropDown              *drop_down)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkStringObject *object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (object) : "";

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (row)), text);
  if (gtk_widget_get_parent (row) != NULL)
    gls_accessible_set_label (gtk_widget_get_parent (row), text);

  update_drop_down_check (item, NULL, drop_down);
  g_signal_connect_object (drop_down, "notify::selected-item",
                           G_CALLBACK (update_drop_down_check), item, G_CONNECT_SWAPPED);
}

static void
unbind_drop_down_row (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      GtkDropDown              *drop_down)
{
  g_signal_handlers_disconnect_by_func (drop_down, update_drop_down_check, item);
}

/**
 * gls_accessible_name_drop_down_rows:
 *
 * Gives the rows of @drop_down's popup, which show strings, their text as
 * their names.  They look as GTK's own do.
 */
void
gls_accessible_name_drop_down_rows (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  /* the factory lives no longer than the drop-down that holds it */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_drop_down_row), drop_down);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_drop_down_row), drop_down);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_drop_down_row), drop_down);
  gtk_drop_down_set_list_factory (drop_down, factory);
}

/**
 * gls_accessible_name_drop_down:
 *
 * Names @drop_down and the button inside it, which GTK 4.8 announces
 * without a name, the one that takes the focus, and the rows of its popup.
 */
void
gls_accessible_name_drop_down (GtkDropDown *drop_down,
                               const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gls_accessible_set_label (GTK_WIDGET (drop_down), label);
  gls_accessible_name_drop_down_rows (drop_down);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gls_accessible_set_label (child, label);
}

static GtkWidget *
find_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_close_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * gls_accessible_name_close_button:
 *
 * Names the close button that a GtkInfoBar or a GtkSearchBar adds itself,
 * an icon that GTK 4.8 announces as “GtkImage”.
 */
void
gls_accessible_name_close_button (GtkWidget  *container,
                                  const char *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_WIDGET (container));

  button = find_close_button (container);
  if (button != NULL)
    {
      gls_accessible_set_label (button, label);
      gtk_widget_set_tooltip_text (button, label);
    }
}

/**
 * gls_accessible_color_name:
 * @color: a colour GdkRGBA can parse, or %NULL
 *
 * Returns: the colour in a word, translated: what a swatch shows to those
 *   who cannot see it
 */
const char *
gls_accessible_color_name (const char *color)
{
  GdkRGBA rgba;
  float h, s, v;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    /* Translators: the colour of a category that has none */
    return C_("color", "Grey");

  gtk_rgb_to_hsv (rgba.red, rgba.green, rgba.blue, &h, &s, &v);
  h *= 360;

  if (v < 0.2)
    return C_("color", "Black");
  if (s < 0.12)
    return v > 0.85 ? C_("color", "White") : C_("color", "Grey");
  if (h < 15 || h >= 340)
    return C_("color", "Red");
  if (h < 38)
    return s < 0.6 || v < 0.6 ? C_("color", "Brown") : C_("color", "Orange");
  if (h < 70)
    return v < 0.6 ? C_("color", "Olive") : v < 0.85 ? C_("color", "Amber") : C_("color", "Yellow");
  if (h < 160)
    return C_("color", "Green");
  if (h < 195)
    return C_("color", "Teal");
  if (h < 250)
    return s < 0.35 ? C_("color", "Slate") : C_("color", "Blue");
  if (h < 300)
    return C_("color", "Purple");

  return C_("color", "Pink");
}
