/* vigilctl-subscription.c — the state of an event subscription (guide §8.2.2)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <glib/gi18n.h>

#include "vigilctl-private.h"

static const char *
describe_link (const char *status)
{
  if (status == NULL)
    return NULL;
  if (g_ascii_strcasecmp (status, "continue") == 0)
    return _("connected");
  if (g_ascii_strcasecmp (status, "abnormalLink") == 0)
    return _("connection problem");
  if (g_ascii_strcasecmp (status, "fail") == 0)
    return _("subscribing failed");
  return NULL;
}

static int
subscription_status (Vigilctl  *ctl,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilctlTable) table = NULL;
  guint64 id;
  int status;

  if (!vigilctl_parse_command (ctl, "subscription status ID",
                               _("Show how each device of a subscription is linked (GET /ISAPI/Event/notification/subscribeDeviceMgmt/<ID>/queryStatus)."),
                               NULL, &argc, &argv, 1, 1, &status))
    return status;
  if (!vigilctl_parse_uint (argv[1], 0, G_MAXINT64, &id))
    return vigilctl_usage_error (ctl, _("“%s” is not a subscription ID."), argv[1]);
  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_get_subscription_status_async (ctl->client, (gint64) id, ctl->cancellable, vigilctl_ready, ctl);
  devices = vigil_client_get_subscription_status_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (devices == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    {
      vigilctl_print_record_list ("SubscribeQueryStatusList", &vigil_subscription_device_class, devices, "Dev");
      return VIGILCTL_EXIT_OK;
    }

  table = vigilctl_table_new (_("DEVICE INDEX"), _("STATUS"), _("MEANING"), NULL);
  for (guint i = 0; i < devices->len; i++)
    {
      VigilSubscriptionDevice *device = g_ptr_array_index (devices, i);

      vigilctl_table_add_row (table, device->dev_index, device->status, describe_link (device->status));
    }

  if (vigilctl_table_get_n_rows (table) == 0)
    g_print ("%s\n", _("No devices in this subscription."));
  else
    vigilctl_table_print (table, stdout);
  return VIGILCTL_EXIT_OK;
}

int
vigilctl_cmd_subscription (Vigilctl  *ctl,
                           int        argc,
                           char     **argv)
{
  static const VigilctlCommand subcommands[] = {
    { "status", subscription_status, "status ID" },
    { NULL, NULL, NULL },
  };

  return vigilctl_dispatch (ctl, "subscription", subcommands, argc, argv);
}
