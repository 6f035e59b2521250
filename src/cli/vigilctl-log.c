/* vigilctl-log.c — the stored event log: a table, CSV, or JSON
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read page by page from SQLite and printed as it comes, so a log of a million events never
 * sits in memory.
 */
#define G_LOG_DOMAIN "vigilctl"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-event-store.h"
#include "vigilctl-private.h"

#define PAGE_SIZE 500

typedef enum
{
  LOG_TABLE,
  LOG_CSV,
  LOG_JSON,
} LogFormat;

char *
vigilctl_default_db_path (void)
{
  const char *from_env = g_getenv ("VIGIL_DB");

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);
  return g_build_filename (g_get_user_data_dir (), "vigil", "events.db", NULL);
}

static gint64
to_unix_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static char *
format_usec (gint64   usec,
             gboolean utc_iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  if (utc_iso)
    return g_date_time_format_iso8601 (utc);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* ---- CSV (RFC 4180) ---- */

static void
csv_field (GString    *line,
           const char *value,
           gboolean    text)
{
  g_autofree char *clean = value != NULL ? vigil_utf8_repair (value, -1) : g_strdup ("");
  gboolean quote;

  if (line->len > 0)
    g_string_append_c (line, ',');

  /* A cell a spreadsheet would run as a formula (=, +, -, @ first) is defused: the names in
   * an event come from the panels, not from the operator. */
  if (text && (clean[0] == '=' || clean[0] == '+' || clean[0] == '-' || clean[0] == '@' ||
               clean[0] == '\t' || clean[0] == '\r'))
    {
      g_autofree char *prefixed = g_strconcat ("'", clean, NULL);
      g_free (clean);
      clean = g_steal_pointer (&prefixed);
    }

  quote = strpbrk (clean, ",\"\r\n") != NULL;
  if (!quote)
    {
      g_string_append (line, clean);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = clean; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
csv_int (GString *line,
         gint64   value,
         gboolean present)
{
  g_autofree char *text = present ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  csv_field (line, text, FALSE);
}

static void
print_csv_header (void)
{
  g_print ("id,received_at,panel_time,dev_index,panel_name,event_type,event_state,cid_code,"
           "restore,partition,zone,zone_name,description,priority,user_name,status,alarm_state,"
           "operator,has_video\r\n");
}

static void
print_csv_row (VigilEventRow *row)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *received = format_usec (vigil_event_row_get_received_at (row), TRUE);
  g_autofree char *panel_time = NULL;
  gboolean is_alarm = vigil_event_row_get_is_alarm (row);
  gboolean has_cid = vigil_event_row_get_cid_code (row) != NULL;

  if (vigil_event_row_get_panel_time (row) != NULL)
    panel_time = g_date_time_format_iso8601 (vigil_event_row_get_panel_time (row));

  csv_int (line, vigil_event_row_get_id (row), TRUE);
  csv_field (line, received, FALSE);
  csv_field (line, panel_time, FALSE);
  csv_field (line, vigil_event_row_get_dev_index (row), TRUE);
  csv_field (line, vigil_event_row_get_panel_name (row), TRUE);
  csv_field (line, vigil_event_row_get_event_type (row), TRUE);
  csv_field (line, vigil_event_row_get_event_state (row), TRUE);
  csv_field (line, vigil_event_row_get_cid_code (row), TRUE);
  csv_field (line, has_cid ? (vigil_event_row_get_cid_restore (row) ? "true" : "false") : NULL, FALSE);
  csv_int (line, vigil_event_row_get_partition (row), vigil_event_row_get_partition (row) > 0);
  csv_int (line, vigil_event_row_get_zone (row), vigil_event_row_get_zone (row) >= 0);
  csv_field (line, vigil_event_row_get_zone_name (row), TRUE);
  csv_field (line, vigil_event_row_get_description (row), TRUE);
  csv_int (line, vigil_event_row_get_priority (row), TRUE);
  csv_field (line, vigil_event_row_get_user_name (row), TRUE);
  csv_field (line, vigil_event_row_get_status (row), TRUE);
  csv_field (line, is_alarm ? vigil_alarm_state_to_string (vigil_event_row_get_alarm_state (row)) : NULL, TRUE);
  csv_field (line, vigil_event_row_get_operator (row), TRUE);
  csv_field (line, vigil_event_row_get_has_video (row) ? "true" : "false", FALSE);

  g_string_append (line, "\r\n");
  fputs (line->str, stdout);
}

/* ---- JSON: one document, written as it is read ---- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    {
      g_autofree char *valid = vigil_utf8_repair (value, -1);
      json_builder_add_string_value (builder, valid);
    }
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
row_to_json (VigilEventRow *row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *received = format_usec (vigil_event_row_get_received_at (row), TRUE);
  g_autofree char *panel_time = NULL;

  if (vigil_event_row_get_panel_time (row) != NULL)
    panel_time = g_date_time_format_iso8601 (vigil_event_row_get_panel_time (row));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, vigil_event_row_get_id (row));
  add_string (builder, "eventType", vigil_event_row_get_event_type (row));
  add_string (builder, "eventState", vigil_event_row_get_event_state (row));
  add_string (builder, "receivedAt", received);
  add_string (builder, "dateTime", panel_time);
  json_builder_set_member_name (builder, "timeZoneAssumed");
  json_builder_add_boolean_value (builder, vigil_event_row_get_time_zone_assumed (row));
  add_string (builder, "devIndex", vigil_event_row_get_dev_index (row));
  add_string (builder, "panelName", vigil_event_row_get_panel_name (row));
  json_builder_set_member_name (builder, "priority");
  json_builder_add_int_value (builder, vigil_event_row_get_priority (row));

  json_builder_set_member_name (builder, "cid");
  if (vigil_event_row_get_cid_code (row) != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "code", vigil_event_row_get_cid_code (row));
      json_builder_set_member_name (builder, "event");
      json_builder_add_int_value (builder, vigil_event_row_get_cid_event (row));
      json_builder_set_member_name (builder, "restore");
      json_builder_add_boolean_value (builder, vigil_event_row_get_cid_restore (row));
      add_string (builder, "description", vigil_event_row_get_description (row));
      json_builder_set_member_name (builder, "partition");
      json_builder_add_int_value (builder, vigil_event_row_get_partition (row));
      json_builder_set_member_name (builder, "zone");
      if (vigil_event_row_get_zone (row) >= 0)
        json_builder_add_int_value (builder, vigil_event_row_get_zone (row));
      else
        json_builder_add_null_value (builder);
      add_string (builder, "zoneName", vigil_event_row_get_zone_name (row));
      add_string (builder, "userName", vigil_event_row_get_user_name (row));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  add_string (builder, "description", vigil_event_row_get_description (row));
  add_string (builder, "status", vigil_event_row_get_status (row));

  json_builder_set_member_name (builder, "alarm");
  if (vigil_event_row_get_is_alarm (row))
    {
      json_builder_begin_object (builder);
      add_string (builder, "state", vigil_alarm_state_to_string (vigil_event_row_get_alarm_state (row)));
      add_string (builder, "operator", vigil_event_row_get_operator (row));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "restoresId");
  if (vigil_event_row_get_restores_id (row) > 0)
    json_builder_add_int_value (builder, vigil_event_row_get_restores_id (row));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "hasVideo");
  json_builder_add_boolean_value (builder, vigil_event_row_get_has_video (row));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- the table ---- */

static void
add_table_row (VigilctlTable *table,
               VigilEventRow *row)
{
  g_autofree char *received = format_usec (vigil_event_row_get_received_at (row), FALSE);
  g_autofree char *partition = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *alarm = NULL;
  const char *panel_name = vigil_event_row_get_panel_name (row);

  if (vigil_event_row_get_partition (row) > 0)
    partition = g_strdup_printf ("%d", vigil_event_row_get_partition (row));
  if (vigil_event_row_get_zone (row) >= 0)
    zone = vigil_event_row_get_zone_name (row) != NULL
           ? g_strdup_printf ("%d %s", vigil_event_row_get_zone (row), vigil_event_row_get_zone_name (row))
           : g_strdup_printf ("%d", vigil_event_row_get_zone (row));
  if (vigil_event_row_get_is_alarm (row))
    alarm = vigil_event_row_get_operator (row) != NULL
            ? g_strdup_printf ("%s (%s)", vigil_alarm_state_label (vigil_event_row_get_alarm_state (row)),
                               vigil_event_row_get_operator (row))
            : g_strdup (vigil_alarm_state_label (vigil_event_row_get_alarm_state (row)));

  vigilctl_table_add_row (table, received,
                          panel_name != NULL ? panel_name : vigil_event_row_get_dev_index (row),
                          vigil_event_row_get_event_type (row),
                          vigil_event_row_get_cid_code (row),
                          partition, zone,
                          vigil_event_row_get_description (row) != NULL ? vigil_event_row_get_description (row)
                                                                         : vigil_event_row_get_status (row),
                          alarm);
}

/* ---- the command ---- */

static gboolean
build_filter (Vigilctl          *ctl,
              VigilEventFilter  *filter,
              char             **devices,
              char             **types,
              const char        *since,
              const char        *until,
              const char        *search,
              int               *exit_status)
{
  gint64 since_usec = 0;
  gint64 until_usec = 0;

  for (guint i = 0; devices != NULL && devices[i] != NULL; i++)
    {
      if (!vigilctl_check_dev_index (ctl, devices[i], exit_status))
        return FALSE;
      vigil_event_filter_add_device (filter, devices[i]);
    }

  /* --type CIDAlarm,videoReview and --type CIDAlarm --type videoReview alike. */
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (types[i], ",", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_strstrip (names[j]);
          if (*names[j] == '\0')
            continue;
          if (!vigil_event_filter_add_type_name (filter, names[j]))
            {
              *exit_status = vigilctl_usage_error (ctl, _("“%s” is not an event type (CIDAlarm, videoReview, devStatusChanged, heartBeat, linkLost, linkRestored, …)."),
                                                   names[j]);
              return FALSE;
            }
        }
    }

  if (since != NULL)
    {
      g_autoptr(GDateTime) time = vigilctl_parse_date_time (since);

      if (time == NULL)
        {
          *exit_status = vigilctl_usage_error (ctl, _("--since takes an ISO 8601 time, not “%s”."), since);
          return FALSE;
        }
      since_usec = to_unix_usec (time);
    }
  if (until != NULL)
    {
      g_autoptr(GDateTime) time = vigilctl_parse_date_time (until);

      if (time == NULL)
        {
          *exit_status = vigilctl_usage_error (ctl, _("--until takes an ISO 8601 time, not “%s”."), until);
          return FALSE;
        }
      until_usec = to_unix_usec (time);
    }
  if (since_usec != 0 && until_usec != 0 && until_usec <= since_usec)
    {
      *exit_status = vigilctl_usage_error (ctl, "%s", _("--until must be later than --since."));
      return FALSE;
    }
  vigil_event_filter_set_time_range (filter, since_usec, until_usec);

  if (search != NULL)
    vigil_event_filter_set_text (filter, search);

  return TRUE;
}

int
vigilctl_cmd_log (Vigilctl  *ctl,
                  int        argc,
                  char     **argv)
{
  g_autoptr(VigilEventFilter) filter = vigil_event_filter_new ();
  g_autoptr(VigilEventStore) store = NULL;
  g_autoptr(VigilctlTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *search = NULL;
  g_auto(GStrv) devices = NULL;
  g_auto(GStrv) types = NULL;
  gboolean csv = FALSE;
  LogFormat format;
  gint64 before_id = 0;       /* keyset paging: the cost does not grow with the depth */
  gboolean first_page = TRUE;
  guint64 n_printed = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The event database (default $VIGIL_DB, else ~/.local/share/vigil/events.db)"), N_("FILE") },
    { "device", 0, 0, G_OPTION_ARG_STRING_ARRAY, &devices, N_("Only events of this panel (repeatable)"), N_("UUID") },
    { "type", 0, 0, G_OPTION_ARG_STRING_ARRAY, &types, N_("Only events of this type, e.g. CIDAlarm (repeatable, or comma-separated)"), N_("T") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only events received at or after this time"), N_("ISO8601") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Only events received before this time"), N_("ISO8601") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only events whose description, zone, panel or notes contain these words"), N_("TEXT") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV (RFC 4180) instead of a table"), NULL },
    { NULL },
  };
  int status;

  if (!vigilctl_parse_command (ctl, "log [--db FILE] [--device UUID] [--type T] [--since ISO8601] [--until ISO8601] [--search TEXT] [--csv]",
                               _("Show the stored events, newest first."),
                               entries, &argc, &argv, 0, 0, &status))
    return status;

  if (csv && ctl->json)
    return vigilctl_usage_error (ctl, "%s", _("--csv and --json cannot be combined."));
  format = csv ? LOG_CSV : ctl->json ? LOG_JSON : LOG_TABLE;

  if (!build_filter (ctl, filter, devices, types, since, until, search, &status))
    return status;

  if (db == NULL)
    db = vigilctl_default_db_path ();
  /* Reading never creates a database (opening one would). */
  if (!g_file_test (db, G_FILE_TEST_IS_REGULAR))
    return vigilctl_usage_error (ctl, _("No event database at %s: give --db FILE."), db);

  store = vigil_event_store_new_sync (db, ctl->cancellable, &error);
  if (store == NULL)
    return vigilctl_fail (ctl, error);

  if (format == LOG_TABLE)
    table = vigilctl_table_new (_("RECEIVED"), _("PANEL"), _("TYPE"), _("CID"), _("PARTITION"), _("ZONE"),
                                _("DESCRIPTION"), _("ALARM"), NULL);

  for (;;)
    {
      g_autoptr(GPtrArray) rows = NULL;

      rows = vigil_event_store_query_before_sync (store, filter, before_id, PAGE_SIZE, ctl->cancellable, &error);
      if (rows == NULL)
        break;

      /* Opened once the first page is in, so that a query that fails prints only the error
       * (with --json: one document either way). */
      if (first_page && format == LOG_CSV)
        print_csv_header ();
      else if (first_page && format == LOG_JSON)
        fputs ("{\"events\":[", stdout);
      first_page = FALSE;

      for (guint i = 0; i < rows->len; i++)
        {
          VigilEventRow *row = g_ptr_array_index (rows, i);

          switch (format)
            {
            case LOG_CSV:
              print_csv_row (row);
              break;

            case LOG_JSON:
              {
                g_autoptr(JsonNode) node = row_to_json (row);
                g_autofree char *text = vigil_json_to_string (node, FALSE);

                if (n_printed > 0)
                  fputc (',', stdout);
                fputs (text, stdout);
              }
              break;

            case LOG_TABLE:
            default:
              add_table_row (table, row);
              break;
            }
          n_printed++;
        }

      if (table != NULL && rows->len > 0)
        vigilctl_table_print (table, stdout);
      if (rows->len < PAGE_SIZE)
        break;
      before_id = vigil_event_row_get_id (g_ptr_array_index (rows, rows->len - 1));
    }

  if (format == LOG_JSON && (!first_page || error == NULL))
    fputs ("]}\n", stdout);
  else if (format == LOG_TABLE && n_printed == 0 && error == NULL)
    g_print ("%s\n", _("No events."));
  fflush (stdout);

  vigil_event_store_close (store);

  if (error != NULL)
    return vigilctl_fail (ctl, error);
  return VIGILCTL_EXIT_OK;
}
