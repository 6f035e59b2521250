/* vigil-panel-page.c — one panel: partitions, zones and peripherals, and their controls
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-page"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-list-watch.h"
#include "vigil-panel-page.h"
#include "vigil-partition-row.h"
#include "vigil-peripheral-row.h"
#include "vigil-window.h"
#include "vigil-zone-tile.h"

/* The pre-arm dialog names this many zones, then says how many more there are. */
#define MAX_LISTED_ZONES 12

struct _VigilPanelPage
{
  GtkWidget parent_instance;

  GtkBox *box;
  AdwViewStack *inner_stack;
  GtkListBox *all_list;
  GtkListBox *partitions_list;
  GtkToggleButton *zone_problems_toggle;
  GtkLabel *selection_label;
  GtkGridView *zones_grid;
  GtkMultiSelection *zone_selection;
  GtkFilterListModel *zone_filter_model;
  GtkCustomFilter *zone_filter;
  GtkListBox *peripherals_list;
  AdwPreferencesGroup *outputs_group;
  GtkListBox *outputs_list;

  VigilPanel *panel;
  VigilSession *session;
  VigilListWatch *zone_watch;
  GCancellable *cancellable;     /* reads for the panel shown; cancelled when it changes */
  guint n_pending;
};

G_DEFINE_FINAL_TYPE (VigilPanelPage, vigil_panel_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PANEL,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const panel_actions[] = {
  "panel.arm-stay", "panel.arm-away", "panel.disarm", "panel.clear-alarm",
  "panel.relay-open", "panel.relay-close", "panel.output-high", "panel.output-low",
  "panel.refresh",
};

/* ---- pending work ---- */

static void
begin (VigilPanelPage *self)
{
  if (self->n_pending++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
end (VigilPanelPage *self)
{
  g_return_if_fail (self->n_pending > 0);

  if (--self->n_pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static guint64
partition_from_param (GVariant *param)
{
  guint32 id = g_variant_get_uint32 (param);

  return id == (guint32) VIGIL_ALL_PARTITIONS ? VIGIL_ALL_PARTITIONS : id;
}

/* Every control action remembers what it was about until its answer arrives. */
typedef struct
{
  VigilPanelPage *self;
  VigilPanel *panel;
  guint64 partition;
  VigilArmMode mode;
  GArray *zones;                 /* zones to bypass first (pre-arm), or to (un)bypass */
  gboolean bypass;
  guint id;                      /* relay or output */
  gboolean unselect_zones;       /* done: clear the zone selection (it was bypassed) */
  char *target;                  /* "Partition 2", "All partitions", … */
  char *done_text;               /* the toast when the panel did it: "Partition 2 disarmed" */
  char *failed_text;             /* and when it refused, before its reason: "… not disarmed" */
} Request;

static Request *
request_new (VigilPanelPage *self)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->panel = g_object_ref (self->panel);
  request->zones = g_array_new (FALSE, FALSE, sizeof (guint));
  begin (self);
  return request;
}

static void
request_free (Request *request)
{
  end (request->self);
  g_clear_object (&request->self);
  g_clear_object (&request->panel);
  g_clear_pointer (&request->zones, g_array_unref);
  g_clear_pointer (&request->target, g_free);
  g_clear_pointer (&request->done_text, g_free);
  g_clear_pointer (&request->failed_text, g_free);
  g_free (request);
}

static char *
describe_zones (GArray *zones)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < zones->len; i++)
    g_string_append_printf (list, "%s%u", i > 0 ? ", " : "", g_array_index (zones, guint, i));
  if (zones->len == 1)
    return g_strdup_printf (_("Zone %s"), list->str);
  return g_strdup_printf (_("Zones %s"), list->str);
}

static void
toast (VigilPanelPage *self,
       const char     *text,
       gboolean        failure)
{
  vigil_window_toast_for (GTK_WIDGET (self), text, failure);
}

/* The end of every control request: a toast with what was done, or what was not and the
 * panel's reason (the error's message is the sentence of its sub status code, A.2). */
static void
on_control_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (vigil_session_control_finish (VIGIL_SESSION (source), result, &error))
    {
      text = g_steal_pointer (&request->done_text);
      if (request->unselect_zones && request->self->panel == request->panel)
        gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (request->self->zone_selection));
    }
  else
    /* Translators: a toast: what was not done ("Partition 2 not armed"), then the panel's reason */
    text = g_strdup_printf (_("%s: %s"), request->failed_text, error->message);

  toast (request->self, text, error != NULL);
  request_free (request);
}

static GtkWindow *
get_window (VigilPanelPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
can_act (VigilPanelPage *self)
{
  return self->panel != NULL && self->session != NULL;
}

/* ---- arming, with the pre-arm check ---- */

static void
arm_now (Request *request)
{
  VigilPanelPage *self = request->self;

  if (self->session == NULL)
    {
      request_free (request);
      return;
    }
  vigil_session_arm_async (self->session, request->panel, request->partition, request->mode,
                           NULL, on_control_done, request);
}

static void
on_prearm_bypassed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_session_control_finish (VIGIL_SESSION (source), result, &error))
    {
      g_autofree char *zones = describe_zones (request->zones);
      g_autofree char *text = g_strdup_printf (_("%s not bypassed, so nothing was armed: %s"),
                                               zones, error->message);

      toast (request->self, text, TRUE);
      request_free (request);
      return;
    }

  arm_now (request);
}

static void
on_prearm_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  Request *request = user_data;
  VigilPanelPage *self = request->self;

  if (g_str_equal (response, "bypass") && self->session != NULL)
    vigil_session_bypass_async (self->session, request->panel,
                                (const guint *) (gpointer) request->zones->data, request->zones->len, TRUE,
                                NULL, on_prearm_bypassed, request);
  else if (g_str_equal (response, "arm"))
    arm_now (request);
  else
    request_free (request);
}

/* Why a zone stops arming, in words: "open", "offline, tampered". */
static char *
describe_blocking (VigilZone *zone)
{
  const char *status = vigil_zone_get_status (zone);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (g_strcmp0 (status, "trigger") == 0)
    g_ptr_array_add (reasons, (gpointer) _("open"));
  else if (g_strcmp0 (status, "offline") == 0)
    g_ptr_array_add (reasons, (gpointer) _("offline"));
  else if (g_strcmp0 (status, "breakDown") == 0)
    g_ptr_array_add (reasons, (gpointer) _("in fault"));
  if (vigil_zone_get_alarm (zone))
    g_ptr_array_add (reasons, (gpointer) _("in alarm"));
  if (vigil_zone_get_tamper (zone))
    g_ptr_array_add (reasons, (gpointer) _("tampered"));
  if (vigil_zone_get_low_battery (zone))
    g_ptr_array_add (reasons, (gpointer) _("low battery"));
  g_ptr_array_add (reasons, NULL);

  return g_strjoinv (", ", (char **) reasons->pdata);
}

static void
present_prearm_dialog (Request   *request,
                       GPtrArray *blocking)
{
  VigilPanelPage *self = request->self;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < blocking->len; i++)
    {
      VigilZone *zone = g_ptr_array_index (blocking, i);
      guint id = vigil_zone_get_id (zone);
      const char *name = vigil_zone_get_name (zone);
      g_autofree char *why = describe_blocking (zone);

      g_array_append_val (request->zones, id);
      if (i >= MAX_LISTED_ZONES)
        continue;

      /* Translators: one line of the pre-arm check: "Zone 3 · Front door: open" */
      g_string_append_printf (body, _("Zone %u · %s: %s\n"), id,
                              name && *name ? name : _("no name"), why);
    }
  if (blocking->len > MAX_LISTED_ZONES)
    g_string_append_printf (body, ngettext ("and %u more zone\n", "and %u more zones\n",
                                            blocking->len - MAX_LISTED_ZONES),
                            blocking->len - MAX_LISTED_ZONES);
  g_string_append (body, _("\nBypassed zones are not watched until the bypass is restored."));

  heading = g_strdup_printf (ngettext ("%u Zone Would Stop Arming", "%u Zones Would Stop Arming", blocking->len),
                             blocking->len);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "arm", _("_Arm Anyway"),
                                    "bypass", _("_Bypass These and Arm"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "bypass", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "bypass");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_prearm_response), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_prearm_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GPtrArray) blocking = NULL;
  g_autoptr(GError) error = NULL;

  /* Without a fresh read the check uses what the screen shows (the page says it is stale). */
  if (!vigil_session_refresh_panel_finish (VIGIL_SESSION (source), result, &error))
    g_debug ("pre-arm read of %s failed: %s", vigil_panel_get_dev_index (request->panel), error->message);

  blocking = vigil_panel_dup_blocking_zones (request->panel);
  if (blocking->len == 0)
    arm_now (request);
  else
    present_prearm_dialog (request, blocking);
}

static void
action_arm (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (widget);
  Request *request;

  if (!can_act (self))
    return;

  request = request_new (self);
  request->partition = partition_from_param (param);
  request->mode = g_str_equal (action_name, "panel.arm-away") ? VIGIL_ARM_AWAY : VIGIL_ARM_STAY;
  request->target = vigil_session_describe_partition (request->partition);
  request->done_text = g_strdup_printf (request->mode == VIGIL_ARM_AWAY ? _("%s armed away") : _("%s armed stay"),
                                        request->target);
  request->failed_text = g_strdup_printf (_("%s not armed"), request->target);

  /* What the screen shows may be older than what the panel knows: read it, then check. */
  vigil_session_refresh_panel_async (self->session, self->panel, NULL, on_prearm_read, request);
}

/* ---- disarm and clear ---- */

static void
disarm_now (Request *request)
{
  VigilPanelPage *self = request->self;

  if (self->session == NULL)
    {
      request_free (request);
      return;
    }
  vigil_session_disarm_async (self->session, request->panel, request->partition, NULL, on_control_done, request);
}

static void
on_disarm_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  Request *request = user_data;

  if (g_str_equal (response, "disarm"))
    disarm_now (request);
  else
    request_free (request);
}

static gboolean
in_alarm (VigilPanel *panel,
          guint64     partition)
{
  GListModel *partitions = vigil_panel_get_partitions (panel);

  for (guint i = 0; i < g_list_model_get_n_items (partitions); i++)
    {
      g_autoptr(VigilPartition) p = g_list_model_get_item (partitions, i);

      if ((partition == VIGIL_ALL_PARTITIONS || vigil_partition_get_id (p) == partition) &&
          vigil_partition_get_alarm (p))
        return TRUE;
    }
  return FALSE;
}

static void
action_disarm (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Request *request;

  if (!can_act (self))
    return;

  request = request_new (self);
  request->partition = partition_from_param (param);
  request->target = vigil_session_describe_partition (request->partition);
  request->done_text = g_strdup_printf (_("%s disarmed"), request->target);
  request->failed_text = g_strdup_printf (_("%s not disarmed"), request->target);

  if (!in_alarm (self->panel, request->partition))
    {
      disarm_now (request);
      return;
    }

  /* Disarming silences an alarm on site: make sure that is what the operator means. */
  heading = g_strdup_printf (_("Disarm %s?"), request->target);
  body = g_strdup_printf (_("%s is in alarm. Disarming silences the sirens and ends the alarm on site: "
                            "do it once the alarm has been dealt with."), request->target);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "disarm", _("_Disarm"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "disarm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_disarm_response), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_clear_alarm (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (widget);
  Request *request;

  if (!can_act (self))
    return;

  request = request_new (self);
  request->partition = partition_from_param (param);
  request->target = vigil_session_describe_partition (request->partition);
  request->done_text = g_strdup_printf (_("Alarm cleared on %s"), request->target);
  request->failed_text = g_strdup_printf (_("Alarm not cleared on %s"), request->target);
  vigil_session_clear_alarm_async (self->session, self->panel, request->partition, NULL,
                                   on_control_done, request);
}

/* ---- zones ---- */

static void
action_bypass_selected (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (widget);
  GtkBitset *selected;
  GtkBitsetIter iter;
  Request *request;
  guint position;

  if (!can_act (self))
    return;

  request = request_new (self);
  request->bypass = g_str_equal (action_name, "panel.bypass-selected");

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->zone_selection));
  for (gboolean valid = gtk_bitset_iter_init_first (&iter, selected, &position);
       valid;
       valid = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(VigilZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zone_selection), position);
      guint id = vigil_zone_get_id (zone);

      g_array_append_val (request->zones, id);
    }
  gtk_bitset_unref (selected);

  if (request->zones->len == 0)
    {
      request_free (request);
      return;
    }

  request->target = describe_zones (request->zones);
  request->unselect_zones = TRUE;
  if (request->bypass)
    {
      request->done_text = g_strdup_printf (_("%s bypassed"), request->target);
      request->failed_text = g_strdup_printf (_("%s not bypassed"), request->target);
    }
  else
    {
      request->done_text = g_strdup_printf (_("Bypass restored on %s"), request->target);
      request->failed_text = g_strdup_printf (_("Bypass not restored on %s"), request->target);
    }
  vigil_session_bypass_async (self->session, self->panel, (const guint *) (gpointer) request->zones->data,
                              request->zones->len, request->bypass, NULL, on_control_done, request);
}

static void
on_zone_selection_changed (VigilPanelPage *self)
{
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->zone_selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *text = NULL;

  gtk_bitset_unref (selected);

  if (n > 0)
    text = g_strdup_printf (ngettext ("%u zone selected", "%u zones selected", (gulong) n), (guint) n);
  gtk_label_set_label (self->selection_label, text ? text : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.bypass-selected", can_act (self) && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.restore-selected", can_act (self) && n > 0);
}

static gboolean
zone_filter_func (gpointer item,
                  gpointer user_data)
{
  VigilPanelPage *self = user_data;

  if (!gtk_toggle_button_get_active (self->zone_problems_toggle))
    return TRUE;
  return vigil_zone_get_problem (VIGIL_ZONE (item));
}

static void
on_zone_problems_toggled (VigilPanelPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->zone_filter),
                      gtk_toggle_button_get_active (self->zone_problems_toggle)
                        ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_zone_watch_changed (VigilPanelPage *self)
{
  if (gtk_toggle_button_get_active (self->zone_problems_toggle))
    gtk_filter_changed (GTK_FILTER (self->zone_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- relays and outputs ---- */

/* Relays and outputs: "bypass" carries on/off. */
static void
describe_switch (Request *request)
{
  request->done_text = g_strdup_printf (request->bypass ? _("%s on") : _("%s off"), request->target);
  request->failed_text = g_strdup_printf (_("%s not switched"), request->target);
}

static void
action_relay (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (widget);
  Request *request;

  if (!can_act (self))
    return;

  request = request_new (self);
  request->id = g_variant_get_uint32 (param);
  request->bypass = g_str_equal (action_name, "panel.relay-open");
  request->target = g_strdup_printf (_("Relay %u"), request->id);
  describe_switch (request);
  vigil_session_control_relays_async (self->session, self->panel, &request->id, 1, request->bypass,
                                      NULL, on_control_done, request);
}

static void
action_output (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (widget);
  Request *request;

  if (!can_act (self))
    return;

  request = request_new (self);
  request->id = g_variant_get_uint32 (param);
  request->bypass = g_str_equal (action_name, "panel.output-high");
  request->target = g_strdup_printf (_("Output %u"), request->id);
  describe_switch (request);
  vigil_session_trigger_output_async (self->session, self->panel, request->id, request->bypass,
                                      NULL, on_control_done, request);
}

static GtkWidget *
create_output_row (const VigilIoPort *port)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *on = gtk_button_new_with_mnemonic (_("_Trigger"));
  GtkWidget *off = gtk_button_new_with_mnemonic (_("_Reset"));
  guint id = (guint) port->id;
  g_autofree char *title = port->name && *port->name ? g_strdup (port->name) : g_strdup_printf (_("Output %u"), id);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (port->triggering != NULL)
    /* Translators: the output's idle level as the panel reports it ("low", "high") */
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), port->triggering);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (on), "panel.output-high");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (on), "u", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (off), "panel.output-low");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (off), "u", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (on), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (off), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  gtk_box_append (GTK_BOX (box), on);
  gtk_box_append (GTK_BOX (box), off);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

static void
on_io_ports (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigilPanelPage) self = user_data;
  g_autoptr(VigilIoPorts) ports = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n = 0;

  ports = vigil_client_get_io_ports_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outputs_list))) != NULL)
    gtk_list_box_remove (self->outputs_list, child);

  /* Many panels have no IO outputs, and some refuse the question: then there is no group. */
  if (ports == NULL)
    g_debug ("IO ports not read: %s", error->message);
  for (guint i = 0; ports != NULL && ports->outputs != NULL && i < ports->outputs->len; i++)
    {
      const VigilIoPort *port = g_ptr_array_index (ports->outputs, i);

      if (!port->has_id || port->id < 0 || port->id > G_MAXUINT32)
        continue;
      gtk_list_box_append (self->outputs_list, create_output_row (port));
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->outputs_group), n > 0);
}

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_session_refresh_panel_finish (VIGIL_SESSION (source), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("%s not read: %s"), vigil_panel_get_name (request->panel),
                                               error->message);
      toast (request->self, text, TRUE);
    }
  request_free (request);
}

static void
action_refresh (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (widget);

  if (can_act (self))
    vigil_session_refresh_panel_async (self->session, self->panel, NULL, on_refreshed, request_new (self));
}

/* ---- closures of the template ---- */

static char *
subtitle_text (gpointer    this,
               const char *model,
               gboolean    online,
               const char *arming_summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (model != NULL && *model != '\0')
    g_string_append_printf (text, "%s · ", model);
  g_string_append (text, online ? _("Online") : _("Offline"));
  if (arming_summary != NULL)
    g_string_append_printf (text, " · %s", arming_summary);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
stale_text (gpointer    this,
            const char *status_error)
{
  return g_strdup (status_error);
}

static gboolean
has_text (gpointer    this,
          const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
has_alarms (gpointer this,
            guint    n_alarms)
{
  return n_alarms > 0;
}

/* ---- the panel shown ---- */

static GtkWidget *
create_partition_row (gpointer item,
                      gpointer user_data)
{
  VigilPanelPage *self = user_data;

  return vigil_partition_row_new (self->panel, VIGIL_PARTITION (item));
}

static GtkWidget *
create_peripheral_row (gpointer item,
                       gpointer user_data)
{
  return vigil_peripheral_row_new (VIGIL_PERIPHERAL (item));
}

static void
update_actions (VigilPanelPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (panel_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), panel_actions[i], can_act (self));
  on_zone_selection_changed (self);
}

static void
read_outputs (VigilPanelPage *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outputs_list))) != NULL)
    gtk_list_box_remove (self->outputs_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->outputs_group), FALSE);

  if (!can_act (self) || !vigil_panel_get_online (self->panel))
    return;

  self->cancellable = g_cancellable_new ();
  vigil_client_get_io_ports_async (vigil_session_get_client (self->session),
                                   vigil_panel_get_dev_index (self->panel),
                                   self->cancellable, on_io_ports, g_object_ref (self));
}

VigilPanel *
vigil_panel_page_get_panel (VigilPanelPage *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_PAGE (self), NULL);
  return self->panel;
}

void
vigil_panel_page_set_panel (VigilPanelPage *self,
                            VigilPanel     *panel)
{
  GtkWidget *child;

  g_return_if_fail (VIGIL_IS_PANEL_PAGE (self));
  g_return_if_fail (panel == NULL || VIGIL_IS_PANEL (panel));

  if (self->panel == panel)
    return;

  g_set_object (&self->panel, panel);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->all_list))) != NULL)
    gtk_list_box_remove (self->all_list, child);

  if (panel != NULL)
    {
      gtk_list_box_append (self->all_list, vigil_partition_row_new (panel, NULL));
      gtk_list_box_bind_model (self->partitions_list, vigil_panel_get_partitions (panel),
                               create_partition_row, self, NULL);
      gtk_list_box_bind_model (self->peripherals_list, vigil_panel_get_peripherals (panel),
                               create_peripheral_row, self, NULL);
      gtk_filter_list_model_set_model (self->zone_filter_model, vigil_panel_get_zones (panel));
      vigil_list_watch_set_model (self->zone_watch, vigil_panel_get_zones (panel));
    }
  else
    {
      gtk_list_box_bind_model (self->partitions_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->peripherals_list, NULL, NULL, NULL, NULL);
      gtk_filter_list_model_set_model (self->zone_filter_model, NULL);
      vigil_list_watch_set_model (self->zone_watch, NULL);
    }

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->zone_selection));
  update_actions (self);
  read_outputs (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL]);
}

VigilSession *
vigil_panel_page_get_session (VigilPanelPage *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_PAGE (self), NULL);
  return self->session;
}

void
vigil_panel_page_set_session (VigilPanelPage *self,
                              VigilSession   *session)
{
  g_return_if_fail (VIGIL_IS_PANEL_PAGE (self));
  g_return_if_fail (session == NULL || VIGIL_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Panels belong to a session: a new one starts with no panel shown. */
  vigil_panel_page_set_panel (self, NULL);
  g_set_object (&self->session, session);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkSelectionModel *
vigil_panel_page_get_zone_selection (VigilPanelPage *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->zone_selection);
}

void
vigil_panel_page_set_only_problems (VigilPanelPage *self,
                                    gboolean        only_problems)
{
  g_return_if_fail (VIGIL_IS_PANEL_PAGE (self));
  gtk_toggle_button_set_active (self->zone_problems_toggle, only_problems);
}

gboolean
vigil_panel_page_get_busy (VigilPanelPage *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_PAGE (self), FALSE);
  return self->n_pending > 0;
}

/* ---- GObject ---- */

static void
vigil_panel_page_dispose (GObject *object)
{
  VigilPanelPage *self = (VigilPanelPage *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->zone_filter_model != NULL)
    vigil_panel_page_set_panel (self, NULL);
  if (self->zone_watch != NULL)
    vigil_list_watch_set_model (self->zone_watch, NULL);
  g_clear_object (&self->zone_watch);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PANEL_PAGE);

  G_OBJECT_CLASS (vigil_panel_page_parent_class)->dispose (object);
}

static void
vigil_panel_page_finalize (GObject *object)
{
  VigilPanelPage *self = (VigilPanelPage *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vigil_panel_page_parent_class)->finalize (object);
}

static void
vigil_panel_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (object);

  switch (prop_id)
    {
    case PROP_PANEL:   g_value_set_object (value, self->panel); break;
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_BUSY:    g_value_set_boolean (value, self->n_pending > 0); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilPanelPage *self = VIGIL_PANEL_PAGE (object);

  switch (prop_id)
    {
    case PROP_PANEL:   vigil_panel_page_set_panel (self, g_value_get_object (value)); break;
    case PROP_SESSION: vigil_panel_page_set_session (self, g_value_get_object (value)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_page_class_init (VigilPanelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_panel_page_dispose;
  object_class->finalize = vigil_panel_page_finalize;
  object_class->get_property = vigil_panel_page_get_property;
  object_class->set_property = vigil_panel_page_set_property;

  properties[PROP_PANEL] =
    g_param_spec_object ("panel", NULL, NULL, VIGIL_TYPE_PANEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, VIGIL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "panel.arm-stay", "u", action_arm);
  gtk_widget_class_install_action (widget_class, "panel.arm-away", "u", action_arm);
  gtk_widget_class_install_action (widget_class, "panel.disarm", "u", action_disarm);
  gtk_widget_class_install_action (widget_class, "panel.clear-alarm", "u", action_clear_alarm);
  gtk_widget_class_install_action (widget_class, "panel.bypass-selected", NULL, action_bypass_selected);
  gtk_widget_class_install_action (widget_class, "panel.restore-selected", NULL, action_bypass_selected);
  gtk_widget_class_install_action (widget_class, "panel.relay-open", "u", action_relay);
  gtk_widget_class_install_action (widget_class, "panel.relay-close", "u", action_relay);
  gtk_widget_class_install_action (widget_class, "panel.output-high", "u", action_output);
  gtk_widget_class_install_action (widget_class, "panel.output-low", "u", action_output);
  gtk_widget_class_install_action (widget_class, "panel.refresh", NULL, action_refresh);

  g_type_ensure (VIGIL_TYPE_PANEL);
  g_type_ensure (VIGIL_TYPE_ZONE_TILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-panel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, box);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, inner_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, all_list);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, partitions_list);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, zone_problems_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, zones_grid);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, zone_selection);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, zone_filter_model);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, zone_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, peripherals_list);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, outputs_group);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelPage, outputs_list);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_problems_toggled);
  gtk_widget_class_bind_template_callback (widget_class, subtitle_text);
  gtk_widget_class_bind_template_callback (widget_class, stale_text);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, has_alarms);
}

static void
vigil_panel_page_init (VigilPanelPage *self)
{
  static const char * const watched[] = { "problem", NULL };
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->zone_filter, zone_filter_func, self, NULL);
  self->zone_watch = vigil_list_watch_new (watched);
  g_signal_connect_object (self->zone_watch, "changed", G_CALLBACK (on_zone_watch_changed), self,
                           G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("This panel reports no peripherals."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->peripherals_list, placeholder);

  update_actions (self);
}
