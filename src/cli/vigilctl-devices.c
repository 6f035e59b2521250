/* vigilctl-devices.c — the gateway's device list (guide §4.1, chapter 5, §8.1)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <glib/gi18n.h>

#include "vigilctl-private.h"

#define DEFAULT_PAGE_SIZE 100
#define MAX_PAGE_SIZE     1000
/* A gateway holds at most a few thousand devices; this bounds a listing that never ends. */
#define MAX_LISTED        1000000

/* ---- devices list ---- */

static void
print_search_result (const VigilSearchResult *result)
{
  g_autoptr(VigilctlTable) table = NULL;

  table = vigilctl_table_new (_("DEVICE INDEX"), _("NAME"), _("MODEL"), _("TYPE"), _("PROTOCOL"),
                              _("ISUP ID"), _("STATUS"), NULL);

  for (guint i = 0; result->devices != NULL && i < result->devices->len; i++)
    {
      VigilDeviceEntry *device = g_ptr_array_index (result->devices, i);

      vigilctl_table_add_row (table, device->dev_index, device->dev_name, device->dev_mode,
                              device->dev_type, device->protocol_type, device->ehome_id,
                              device->dev_status);
    }

  if (vigilctl_table_get_n_rows (table) == 0)
    {
      g_print ("%s\n", _("No devices."));
      return;
    }

  vigilctl_table_print (table, stdout);
  if (result->has_total_matches && result->total_matches > (gint64) result->devices->len)
    g_print (_("%u of %lld devices shown.\n"), result->devices->len, (long long) result->total_matches);
}

static VigilSearchResult *
search_page (Vigilctl                     *ctl,
             const VigilSearchDescription *search,
             GError                      **error)
{
  vigil_client_search_devices_async (ctl->client, search, ctl->cancellable, vigilctl_ready, ctl);
  return vigil_client_search_devices_finish (ctl->client, vigilctl_wait (ctl), error);
}

/* Every page, one after the other, into one SearchResult. Stops at totalMatches, at a short
 * page when the gateway does not say the total, and when a page brings nothing new (a
 * gateway that ignores `position` would otherwise be asked forever). */
static VigilSearchResult *
search_all (Vigilctl                *ctl,
            VigilSearchDescription  *search,
            GError                 **error)
{
  g_autoptr(VigilSearchResult) combined = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  search->position = 0;
  search->has_position = TRUE;

  for (;;)
    {
      g_autoptr(VigilSearchResult) page = search_page (ctl, search, error);
      guint added = 0;
      guint got;

      if (page == NULL)
        return NULL;

      got = page->devices != NULL ? page->devices->len : 0;

      if (combined == NULL)
        {
          combined = g_steal_pointer (&page);
          if (combined->devices == NULL)
            combined->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_entry_free);
          for (guint i = 0; i < combined->devices->len; i++)
            {
              VigilDeviceEntry *device = g_ptr_array_index (combined->devices, i);
              if (device->dev_index != NULL)
                g_hash_table_add (seen, g_strdup (device->dev_index));
            }
          added = got;
        }
      else
        {
          while (page->devices != NULL && page->devices->len > 0)
            {
              VigilDeviceEntry *device = g_ptr_array_steal_index (page->devices, 0);

              if (device->dev_index != NULL && g_hash_table_contains (seen, device->dev_index))
                {
                  vigil_device_entry_free (device);
                  continue;
                }
              if (device->dev_index != NULL)
                g_hash_table_add (seen, g_strdup (device->dev_index));
              g_ptr_array_add (combined->devices, device);
              added++;
            }
          if (page->has_total_matches)
            {
              combined->total_matches = page->total_matches;
              combined->has_total_matches = TRUE;
            }
        }

      if (got == 0 || added == 0 || combined->devices->len >= MAX_LISTED)
        break;
      if (combined->has_total_matches && (gint64) combined->devices->len >= combined->total_matches)
        break;
      if (!combined->has_total_matches && got < search->max_result)
        break;

      search->position += got;
    }

  combined->num_of_matches = combined->devices->len;
  combined->has_num_of_matches = TRUE;
  return g_steal_pointer (&combined);
}

static int
devices_list (Vigilctl  *ctl,
              int        argc,
              char     **argv)
{
  g_autoptr(VigilSearchDescription) search = vigil_search_description_new ();
  g_autoptr(VigilSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *type = NULL;
  g_autofree char *protocol = NULL;
  g_autofree char *dev_status = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *page_size_text = NULL;
  guint64 page = 0;
  guint64 page_size = DEFAULT_PAGE_SIZE;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, N_("Devices whose ID, name or model matches TEXT"), N_("TEXT") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("Only this device type (SecurityCP, encodingDev, AccessControl)"), N_("T") },
    { "protocol", 0, 0, G_OPTION_ARG_STRING, &protocol, N_("Only this protocol (ehome, ehomeV5)"), N_("P") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &dev_status, N_("Only online or offline devices"), N_("online|offline") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page_text, N_("Only page N (from 1); without it every page is read"), N_("N") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_size_text, N_("Devices per request (default 100)"), N_("N") },
    { NULL },
  };
  int status;

  if (!vigilctl_parse_command (ctl, "devices list [--key TEXT] [--type T] [--protocol P] [--status online|offline] [--page N] [--page-size N]",
                               _("List the devices added to the gateway (POST /ISAPI/ContentMgmt/DeviceMgmt/deviceList)."),
                               entries, &argc, &argv, 0, 0, &status))
    return status;

  if (dev_status != NULL && !g_str_equal (dev_status, "online") && !g_str_equal (dev_status, "offline"))
    return vigilctl_usage_error (ctl, _("--status is “online” or “offline”, not “%s”."), dev_status);
  if (page_text != NULL && !vigilctl_parse_uint (page_text, 1, G_MAXINT32, &page))
    return vigilctl_usage_error (ctl, _("--page takes a page number from 1, not “%s”."), page_text);
  if (page_size_text != NULL && !vigilctl_parse_uint (page_size_text, 1, MAX_PAGE_SIZE, &page_size))
    return vigilctl_usage_error (ctl, _("--page-size takes a number from 1 to %d, not “%s”."),
                                 MAX_PAGE_SIZE, page_size_text);

  search->key = g_steal_pointer (&key);
  search->dev_type = g_steal_pointer (&type);
  search->protocol_type = g_steal_pointer (&protocol);
  search->dev_status = g_steal_pointer (&dev_status);
  search->max_result = (gint64) page_size;
  search->has_max_result = TRUE;

  if (!vigilctl_connect (ctl, &status))
    return status;

  if (page > 0)
    {
      search->position = (gint64) ((page - 1) * page_size);
      search->has_position = TRUE;
      result = search_page (ctl, search, &error);
    }
  else
    result = search_all (ctl, search, &error);

  if (result == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    vigilctl_print_record ("SearchResult", &vigil_search_result_class, result);
  else
    print_search_result (result);

  return VIGILCTL_EXIT_OK;
}

/* ---- devices add ---- */

static GPtrArray *
read_device_in_list (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array = NULL;
  GPtrArray *devices;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > VIGIL_JSON_MAX_BODY)
    {
      g_set_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_TOO_LARGE,
                   _("%s is too large for a device list."), path);
      return NULL;
    }

  root = vigil_json_parse (contents, (gssize) length, NULL, error);
  if (root == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    array = vigil_json_object_get_array (json_node_get_object (root), "DeviceInList");
  else if (JSON_NODE_HOLDS_ARRAY (root))
    array = json_node_get_array (root);

  if (array == NULL || json_array_get_length (array) == 0)
    {
      g_set_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_UNEXPECTED,
                   _("%s is not a JSON_DeviceInList document: {\"DeviceInList\":[{\"Device\":{…}}, …]}."),
                   path);
      return NULL;
    }

  devices = vigil_record_list_read (&vigil_device_add_class, array, "Device");
  g_ptr_array_set_free_func (devices, (GDestroyNotify) vigil_device_add_free);
  return devices;
}

static gboolean
add_succeeded (const VigilDeviceAddResult *result)
{
  if (result->status != NULL)
    return g_ascii_strcasecmp (result->status, "success") == 0;
  /* No status at all: only a sub status code says it failed. */
  return result->sub_status_code == NULL || g_ascii_strcasecmp (result->sub_status_code, "ok") == 0;
}

static int
report_add_results (Vigilctl  *ctl,
                    GPtrArray *devices,
                    GPtrArray *results)
{
  g_autoptr(VigilctlTable) table = NULL;
  guint n_failed = 0;

  for (guint i = 0; i < results->len; i++)
    {
      VigilDeviceAddResult *result = g_ptr_array_index (results, i);

      if (!add_succeeded (result))
        {
          g_autofree char *who = vigilctl_sanitize (result->ehome_id ? result->ehome_id
                                                    : result->dev_name ? result->dev_name : "?");
          g_autofree char *code = vigilctl_sanitize (result->sub_status_code ? result->sub_status_code
                                                     : result->status);
          g_autofree char *sentence = vigilctl_describe_sub_status (result->sub_status_code);

          g_printerr (_("vigilctl: device %s: %s%s%s\n"), who, code ? code : _("failed"),
                      sentence ? ": " : "", sentence ? sentence : "");
          n_failed++;
        }
    }

  /* A gateway that answers for fewer devices than were sent leaves the rest unknown. */
  if (results->len < devices->len)
    {
      g_printerr (_("vigilctl: the gateway answered for %u of the %u devices sent.\n"),
                  results->len, devices->len);
      n_failed += devices->len - results->len;
    }

  if (ctl->json)
    vigilctl_print_record_list ("DeviceOutList", &vigil_device_add_result_class, results, "Device");
  else
    {
      table = vigilctl_table_new (_("ISUP ID"), _("NAME"), _("PROTOCOL"), _("RESULT"),
                                  _("DEVICE INDEX"), _("REASON"), NULL);
      for (guint i = 0; i < results->len; i++)
        {
          VigilDeviceAddResult *result = g_ptr_array_index (results, i);

          vigilctl_table_add_row (table, result->ehome_id, result->dev_name, result->protocol_type,
                                  add_succeeded (result) ? _("added") : _("failed"),
                                  result->dev_index, result->sub_status_code);
        }
      vigilctl_table_print (table, stdout);
    }

  return n_failed > 0 ? VIGILCTL_EXIT_PARTIAL : VIGILCTL_EXIT_OK;
}

static int
devices_add (Vigilctl  *ctl,
             int        argc,
             char     **argv)
{
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ehome_id = NULL;
  g_autofree char *ehome_key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *protocol = NULL;
  g_autofree char *type = NULL;
  g_autofree char *from = NULL;
  const GOptionEntry entries[] = {
    { "ehome-id", 0, 0, G_OPTION_ARG_STRING, &ehome_id, N_("The device’s ISUP (EHome) ID"), N_("ID") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &ehome_key, N_("The ISUP 5.0 key (ehomeV5 only)"), N_("KEY") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A name for the device"), N_("NAME") },
    { "protocol", 0, 0, G_OPTION_ARG_STRING, &protocol, N_("ehome or ehomeV5 (default: ehomeV5 with --key, else ehome)"), N_("P") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("SecurityCP, encodingDev or AccessControl"), N_("T") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Add the devices of a JSON_DeviceInList document"), N_("FILE") },
    { NULL },
  };
  int status;

  if (!vigilctl_parse_command (ctl, "devices add --ehome-id ID [--key KEY] [--name NAME] [--protocol ehome|ehomeV5] [--type T] | --from FILE",
                               _("Add devices to the gateway (POST /ISAPI/ContentMgmt/DeviceMgmt/addDevice)."),
                               entries, &argc, &argv, 0, 0, &status))
    return status;

  if (from != NULL)
    {
      if (ehome_id != NULL || ehome_key != NULL || name != NULL || protocol != NULL || type != NULL)
        return vigilctl_usage_error (ctl, "%s", _("--from FILE cannot be combined with the options of a single device."));

      devices = read_device_in_list (from, &error);
      if (devices == NULL)
        return vigilctl_usage_error (ctl, "%s", error->message);
    }
  else
    {
      VigilDeviceAdd *device;

      if (ehome_id == NULL)
        return vigilctl_usage_error (ctl, "%s", _("devices add needs --ehome-id ID (or --from FILE)."));

      device = vigil_device_add_new ();
      device->ehome_id = g_steal_pointer (&ehome_id);
      device->ehome_key = g_steal_pointer (&ehome_key);
      device->dev_name = g_steal_pointer (&name);
      device->dev_type = g_steal_pointer (&type);
      if (protocol != NULL)
        device->protocol_type = g_steal_pointer (&protocol);
      else
        device->protocol_type = g_strdup (device->ehome_key != NULL ? "ehomeV5" : "ehome");

      devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_add_free);
      g_ptr_array_add (devices, device);
    }

  /* Checked here too so that a typo is reported before the password is asked for. */
  for (guint i = 0; i < devices->len; i++)
    if (!vigil_device_add_validate (g_ptr_array_index (devices, i), &error))
      {
        if (devices->len > 1)
          return vigilctl_usage_error (ctl, _("Device %u: %s"), i + 1, error->message);
        return vigilctl_usage_error (ctl, "%s", error->message);
      }

  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_add_devices_async (ctl->client, devices, ctl->cancellable, vigilctl_ready, ctl);
  results = vigil_client_add_devices_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (results == NULL)
    return vigilctl_fail (ctl, error);

  return report_add_results (ctl, devices, results);
}

/* ---- devices delete ---- */

static gboolean
delete_succeeded (const VigilDeviceDeleteResult *result)
{
  if (result->status != NULL)
    return g_ascii_strcasecmp (result->status, "success") == 0;
  return result->sub_status_code == NULL || g_ascii_strcasecmp (result->sub_status_code, "ok") == 0;
}

static int
report_delete_results (Vigilctl  *ctl,
                       char     **dev_indexes,
                       GPtrArray *results)
{
  g_autoptr(VigilctlTable) table = NULL;
  guint n_failed = 0;

  for (guint i = 0; dev_indexes[i] != NULL; i++)
    {
      const VigilDeviceDeleteResult *found = NULL;

      for (guint j = 0; j < results->len && found == NULL; j++)
        {
          const VigilDeviceDeleteResult *result = g_ptr_array_index (results, j);
          if (g_strcmp0 (result->dev_index, dev_indexes[i]) == 0)
            found = result;
        }

      if (found == NULL)
        {
          g_printerr (_("vigilctl: device %s: the gateway did not say whether it was deleted.\n"), dev_indexes[i]);
          n_failed++;
        }
      else if (!delete_succeeded (found))
        {
          g_autofree char *code = vigilctl_sanitize (found->sub_status_code ? found->sub_status_code : found->status);
          g_autofree char *sentence = vigilctl_describe_sub_status (found->sub_status_code);

          g_printerr (_("vigilctl: device %s: %s%s%s\n"), dev_indexes[i], code ? code : _("failed"),
                      sentence ? ": " : "", sentence ? sentence : "");
          n_failed++;
        }
    }

  if (ctl->json)
    vigilctl_print_record_list ("DelDevList", &vigil_device_delete_result_class, results, "Dev");
  else
    {
      table = vigilctl_table_new (_("DEVICE INDEX"), _("RESULT"), _("REASON"), NULL);
      for (guint i = 0; i < results->len; i++)
        {
          VigilDeviceDeleteResult *result = g_ptr_array_index (results, i);

          vigilctl_table_add_row (table, result->dev_index,
                                  delete_succeeded (result) ? _("deleted") : _("failed"),
                                  result->sub_status_code);
        }
      vigilctl_table_print (table, stdout);
    }

  return n_failed > 0 ? VIGILCTL_EXIT_PARTIAL : VIGILCTL_EXIT_OK;
}

static int
devices_delete (Vigilctl  *ctl,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!vigilctl_parse_command (ctl, "devices delete UUID...",
                               _("Delete devices from the gateway: one with DELETE, several with the batch POST (/ISAPI/ContentMgmt/DeviceMgmt/delDevice)."),
                               NULL, &argc, &argv, 1, -1, &status))
    return status;

  for (int i = 1; i < argc; i++)
    if (!vigilctl_check_dev_index (ctl, argv[i], &status))
      return status;

  if (!vigilctl_connect (ctl, &status))
    return status;

  if (argc == 2)
    {
      g_autoptr(VigilResponseStatus) response = NULL;
      g_autofree char *done = NULL;

      vigil_client_delete_device_async (ctl->client, argv[1], ctl->cancellable, vigilctl_ready, ctl);
      response = vigil_client_delete_device_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (response == NULL)
        return vigilctl_fail (ctl, error);

      done = g_strdup_printf (_("Device %s deleted."), argv[1]);
      return vigilctl_report_status (ctl, response, done);
    }
  else
    {
      g_autoptr(GPtrArray) results = NULL;
      g_auto(GStrv) dev_indexes = vigilctl_strv_from_args (argc, argv, 1);

      vigil_client_delete_devices_async (ctl->client, (const char * const *) dev_indexes, ctl->cancellable,
                                         vigilctl_ready, ctl);
      results = vigil_client_delete_devices_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (results == NULL)
        return vigilctl_fail (ctl, error);

      return report_delete_results (ctl, dev_indexes, results);
    }
}

/* ---- devices refresh ---- */

static int
devices_refresh (Vigilctl  *ctl,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilctlTable) table = NULL;
  g_auto(GStrv) dev_indexes = NULL;
  gboolean all_indexed = TRUE;
  guint n_missing = 0;
  int status;

  if (!vigilctl_parse_command (ctl, "devices refresh UUID...",
                               _("Read the basic information of devices (POST /ISAPI/ContentMgmt/DeviceMgmt/refreshDevInfo)."),
                               NULL, &argc, &argv, 1, -1, &status))
    return status;

  for (int i = 1; i < argc; i++)
    if (!vigilctl_check_dev_index (ctl, argv[i], &status))
      return status;

  if (!vigilctl_connect (ctl, &status))
    return status;

  dev_indexes = vigilctl_strv_from_args (argc, argv, 1);
  vigil_client_refresh_devices_async (ctl->client, (const char * const *) dev_indexes, ctl->cancellable,
                                      vigilctl_ready, ctl);
  infos = vigil_client_refresh_devices_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (infos == NULL)
    return vigilctl_fail (ctl, error);

  for (guint j = 0; j < infos->len; j++)
    if (((VigilDeviceInfo *) g_ptr_array_index (infos, j))->dev_index == NULL)
      all_indexed = FALSE;

  /* devIndex is optional in the answer: only when every entry names its device can a missing
   * one be told apart. */
  for (int i = 1; all_indexed && i < argc; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < infos->len && !found; j++)
        found = g_strcmp0 (((VigilDeviceInfo *) g_ptr_array_index (infos, j))->dev_index, argv[i]) == 0;
      if (!found)
        {
          g_printerr (_("vigilctl: device %s: not in the gateway’s answer.\n"), argv[i]);
          n_missing++;
        }
    }

  if (ctl->json)
    vigilctl_print_record_list ("DeviceInfoList", &vigil_device_info_class, infos, "DeviceInfo");
  else
    {
      table = vigilctl_table_new (_("DEVICE INDEX"), _("NAME"), _("MODEL"), _("SERIAL NUMBER"),
                                  _("FIRMWARE"), _("TYPE"), NULL);
      for (guint j = 0; j < infos->len; j++)
        {
          VigilDeviceInfo *info = g_ptr_array_index (infos, j);

          vigilctl_table_add_row (table, info->dev_index, info->device_name, info->model,
                                  info->serial_number, info->firmware_version, info->device_type);
        }
      vigilctl_table_print (table, stdout);
    }

  return n_missing > 0 ? VIGILCTL_EXIT_PARTIAL : VIGILCTL_EXIT_OK;
}

int
vigilctl_cmd_devices (Vigilctl  *ctl,
                      int        argc,
                      char     **argv)
{
  static const VigilctlCommand subcommands[] = {
    { "list",    devices_list,    "list [--key TEXT] [--type T] [--protocol P] [--status online|offline] [--page N] [--page-size N]" },
    { "add",     devices_add,     "add --ehome-id ID [--key KEY] [--name NAME] [--protocol ehome|ehomeV5] [--type T] | --from FILE" },
    { "delete",  devices_delete,  "delete UUID..." },
    { "refresh", devices_refresh, "refresh UUID..." },
    { NULL, NULL, NULL },
  };

  return vigilctl_dispatch (ctl, "devices", subcommands, argc, argv);
}
