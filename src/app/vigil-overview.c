/* vigil-overview.c — every panel of the site as a card
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cards live in a GtkGridView: only the visible ones are widgets, so 256 panels (or a
 * thousand) cost what a screenful does.
 */
#define G_LOG_DOMAIN "vigil-overview"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-list-watch.h"
#include "vigil-overview.h"
#include "vigil-panel-card.h"

struct _VigilOverview
{
  GtkWidget parent_instance;

  GtkBox *box;
  GtkSearchEntry *search_entry;
  GtkToggleButton *problems_toggle;
  GtkLabel *summary_label;
  GtkStack *content_stack;
  GtkGridView *grid;
  GtkFilterListModel *filter_model;
  GtkStringFilter *name_filter;
  GtkCustomFilter *problems_filter;
  GtkSpinner *loading_spinner;
  AdwStatusPage *empty_page;

  VigilSite *site;
  VigilListWatch *watch;
};

G_DEFINE_FINAL_TYPE (VigilOverview, vigil_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SITE,
  N_PROPS
};

enum {
  PANEL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
problems_filter_func (gpointer item,
                      gpointer user_data)
{
  VigilOverview *self = user_data;

  if (!gtk_toggle_button_get_active (self->problems_toggle))
    return TRUE;
  return vigil_panel_get_has_problems (VIGIL_PANEL (item));
}

static void
update_summary (VigilOverview *self)
{
  GListModel *panels = self->site ? vigil_site_get_panels (self->site) : NULL;
  guint n = panels ? g_list_model_get_n_items (panels) : 0;
  guint n_alarm = 0;
  guint n_problems = 0;
  guint n_offline = 0;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilPanel) panel = g_list_model_get_item (panels, i);

      if (vigil_panel_get_n_alarms (panel) > 0)
        n_alarm++;
      if (vigil_panel_get_has_problems (panel))
        n_problems++;
      if (!vigil_panel_get_online (panel))
        n_offline++;
    }

  total = g_strdup_printf (ngettext ("%u panel", "%u panels", n), n);
  /* Translators: "12 panels · 1 in alarm · 3 with problems · 0 offline" */
  text = g_strdup_printf (_("%s · %u in alarm · %u with problems · %u offline"), total, n_alarm, n_problems,
                          n_offline);
  gtk_label_set_label (self->summary_label, n > 0 ? text : "");
}

static void
update_content (VigilOverview *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = self->site ? g_list_model_get_n_items (vigil_site_get_panels (self->site)) : 0;
  const char *refresh_error = self->site ? vigil_site_get_refresh_error (self->site) : NULL;
  gboolean loading = self->site == NULL || (total == 0 && vigil_site_get_loading (self->site));
  const char *page;

  if (shown > 0)
    page = "grid";
  else if (loading)
    page = "loading";
  else
    page = "empty";

  if (total == 0 && refresh_error != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (refresh_error, -1);

      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Panels"));
      /* Markup, and the gateway's words may be an HTML error page. */
      adw_status_page_set_description (self->empty_page, markup);
    }
  else if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "security-low-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Panels"));
      adw_status_page_set_description (self->empty_page,
                                       _("No security control panel is registered on this gateway yet."));
    }
  else if (gtk_toggle_button_get_active (self->problems_toggle) &&
           *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Panel Has a Problem"));
      adw_status_page_set_description (self->empty_page,
                                       _("No alarms, no faults and every panel online."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Panels Match"));
      adw_status_page_set_description (self->empty_page, _("Try another name."));
    }

  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
on_watch_changed (VigilOverview *self)
{
  /* The filters read these properties; a panel that changed may now pass or fail them. */
  if (gtk_toggle_button_get_active (self->problems_toggle) ||
      *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_filter_changed (GTK_FILTER (self->problems_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
on_panels_changed (VigilOverview *self)
{
  update_summary (self);
  update_content (self);
}

static void
on_problems_toggled (VigilOverview *self)
{
  gtk_filter_changed (GTK_FILTER (self->problems_filter),
                      gtk_toggle_button_get_active (self->problems_toggle)
                        ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_content (self);
}

static void
on_filtered_items_changed (VigilOverview *self)
{
  update_content (self);
}

static void
on_grid_activate (VigilOverview *self,
                  guint          position)
{
  g_autoptr(VigilPanel) panel = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (panel != NULL)
    g_signal_emit (self, signals[PANEL_ACTIVATED], 0, panel);
}

VigilSite *
vigil_overview_get_site (VigilOverview *self)
{
  g_return_val_if_fail (VIGIL_IS_OVERVIEW (self), NULL);
  return self->site;
}

void
vigil_overview_set_site (VigilOverview *self,
                         VigilSite     *site)
{
  GListModel *panels;

  g_return_if_fail (VIGIL_IS_OVERVIEW (self));
  g_return_if_fail (site == NULL || VIGIL_IS_SITE (site));

  if (self->site == site)
    return;

  if (self->site != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->site, self);
      g_signal_handlers_disconnect_by_data (vigil_site_get_panels (self->site), self);
    }
  g_set_object (&self->site, site);

  panels = site ? vigil_site_get_panels (site) : NULL;
  if (site != NULL)
    {
      g_signal_connect_object (site, "notify::loading", G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (site, "notify::refresh-error", G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (panels, "items-changed", G_CALLBACK (on_panels_changed), self, G_CONNECT_SWAPPED);
    }
  gtk_filter_list_model_set_model (self->filter_model, panels);
  vigil_list_watch_set_model (self->watch, panels);

  update_summary (self);
  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE]);
}

GListModel *
vigil_overview_get_model (VigilOverview *self)
{
  g_return_val_if_fail (VIGIL_IS_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

void
vigil_overview_set_search (VigilOverview *self,
                           const char    *text)
{
  g_return_if_fail (VIGIL_IS_OVERVIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
}

void
vigil_overview_set_only_problems (VigilOverview *self,
                                  gboolean       only_problems)
{
  g_return_if_fail (VIGIL_IS_OVERVIEW (self));
  gtk_toggle_button_set_active (self->problems_toggle, only_problems);
}

void
vigil_overview_focus_search (VigilOverview *self)
{
  g_return_if_fail (VIGIL_IS_OVERVIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
vigil_overview_dispose (GObject *object)
{
  VigilOverview *self = (VigilOverview *)object;

  if (self->filter_model != NULL)
    vigil_overview_set_site (self, NULL);
  if (self->watch != NULL)
    vigil_list_watch_set_model (self->watch, NULL);
  g_clear_object (&self->watch);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_OVERVIEW);

  G_OBJECT_CLASS (vigil_overview_parent_class)->dispose (object);
}

static void
vigil_overview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VigilOverview *self = VIGIL_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_SITE: g_value_set_object (value, self->site); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_overview_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VigilOverview *self = VIGIL_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_SITE: vigil_overview_set_site (self, g_value_get_object (value)); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_overview_class_init (VigilOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_overview_dispose;
  object_class->get_property = vigil_overview_get_property;
  object_class->set_property = vigil_overview_set_property;

  properties[PROP_SITE] =
    g_param_spec_object ("site", NULL, NULL, VIGIL_TYPE_SITE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilOverview::panel-activated:
   * @panel: the panel whose card was activated
   */
  signals[PANEL_ACTIVATED] =
    g_signal_new ("panel-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VIGIL_TYPE_PANEL);

  /* Named in the template and in the grid's item template, looked up by name. */
  g_type_ensure (VIGIL_TYPE_PANEL);
  g_type_ensure (VIGIL_TYPE_PANEL_CARD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, box);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, problems_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, grid);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, filter_model);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, name_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, problems_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilOverview, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filtered_items_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);
}

static void
vigil_overview_init (VigilOverview *self)
{
  static const char * const watched[] = { "has-problems", "name", "n-alarms", "online", NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->problems_filter, problems_filter_func, self, NULL);
  self->watch = vigil_list_watch_new (watched);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (on_watch_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (update_content), self,
                           G_CONNECT_SWAPPED);
  update_content (self);
}
