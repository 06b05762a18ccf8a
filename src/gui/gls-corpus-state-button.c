/* gls-corpus-state-button.c
 * The state of work of one article in the corpus list: a menu button
 * labelled with the state; its items ask the corpus window to change it
 * (its action corpus.set-state), which knows whether the article is open
 * in a window. The corpus window opens the menu from the keyboard. */
#define G_LOG_DOMAIN "gls-corpus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gls-corpus-state-button.h"

struct _GlsCorpusStateButton
{
  GtkWidget         parent_instance;

  /* Owned */
  GtkMenuButton    *button;
  GlsCorpusArticle *article;
};

G_DEFINE_FINAL_TYPE (GlsCorpusStateButton, gls_corpus_state_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (GlsCorpusStateButton *self)
{
  GlsWorkState state = GLS_WORK_STATE_NOT_STARTED;
  g_autofree char *accessible = NULL;

  if (self->article != NULL)
    state = gls_corpus_article_get_state (self->article);

  gtk_menu_button_set_label (self->button, gls_work_state_get_label (state));
  /* Translators: the accessible name of the button that shows and sets
   * an article's state of work, e.g. "State of work of news/a.txt: Done" */
  accessible = g_strdup_printf (_("State of work of %s: %s"),
                                self->article ? gls_corpus_article_get_name (self->article) : "",
                                gls_work_state_get_label (state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
action_set (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GlsCorpusStateButton *self = GLS_CORPUS_STATE_BUTTON (widget);

  if (self->article == NULL)
    return;

  gtk_widget_activate_action (widget, "corpus.set-state", "(ss)", gls_corpus_article_get_name (self->article),
                              g_variant_get_string (parameter, NULL));
}

static void
gls_corpus_state_button_dispose (GObject *object)
{
  GlsCorpusStateButton *self = (GlsCorpusStateButton *)object;

  gls_corpus_state_button_set_article (self, NULL);
  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }

  G_OBJECT_CLASS (gls_corpus_state_button_parent_class)->dispose (object);
}

static void
gls_corpus_state_button_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GlsCorpusStateButton *self = GLS_CORPUS_STATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_corpus_state_button_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GlsCorpusStateButton *self = GLS_CORPUS_STATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      gls_corpus_state_button_set_article (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Given when asked for: setting a tooltip's text asks the display where
 * the pointer is, for each of the hundreds of rows a list makes at once. */
static gboolean
gls_corpus_state_button_query_tooltip (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_tooltip,
                                       GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("State of Work"));
  return TRUE;
}

static void
gls_corpus_state_button_class_init (GlsCorpusStateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gls_corpus_state_button_dispose;
  object_class->get_property = gls_corpus_state_button_get_property;
  object_class->set_property = gls_corpus_state_button_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, GLS_TYPE_CORPUS_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->query_tooltip = gls_corpus_state_button_query_tooltip;

  gtk_widget_class_install_action (widget_class, "state.set", "s", action_set);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The menu is made when it is first opened, not with each row: a corpus
 * list makes a few hundred rows at once, and a popover each made them
 * slow to appear. */
static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (GlsWorkState state = 0; state < GLS_N_WORK_STATES; state++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (gls_work_state_get_label (state), NULL);

      g_menu_item_set_action_and_target (item, "state.set", "s", gls_work_state_to_string (state));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
gls_corpus_state_button_init (GlsCorpusStateButton *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_create_popup_func (self->button, create_popup, NULL, NULL);
  gtk_menu_button_set_has_frame (self->button, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "corpus-state");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
  update_label (self);
}

GlsCorpusArticle *
gls_corpus_state_button_get_article (GlsCorpusStateButton *self)
{
  g_return_val_if_fail (GLS_IS_CORPUS_STATE_BUTTON (self), NULL);

  return self->article;
}

/**
 * gls_corpus_state_button_set_article:
 * @article: (nullable): the article of the row, which a list recycles
 */
void
gls_corpus_state_button_set_article (GlsCorpusStateButton *self,
                                     GlsCorpusArticle     *article)
{
  g_return_if_fail (GLS_IS_CORPUS_STATE_BUTTON (self));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (article, "notify::state", G_CALLBACK (update_label), self, G_CONNECT_SWAPPED);
  if (self->button != NULL)
    update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * gls_corpus_state_button_popup:
 *
 * Opens the menu of states, as a click on the button does.
 */
void
gls_corpus_state_button_popup (GlsCorpusStateButton *self)
{
  g_return_if_fail (GLS_IS_CORPUS_STATE_BUTTON (self));

  gtk_menu_button_popup (self->button);
}
