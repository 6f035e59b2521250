/* vigil-event.c — one event from the gateway's stream, decoded
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-event.h"
#include "vigil-json.h"

G_DEFINE_BOXED_TYPE (VigilEvent, vigil_event, vigil_event_ref, vigil_event_unref)

static VigilEvent *
event_new (VigilEventType type)
{
  VigilEvent *event = g_new0 (VigilEvent, 1);

  event->ref_count = 1;
  event->type = type;
  event->zone = -1;
  event->user_no = -1;
  event->keyboard_no = -1;
  event->video_chan_no = -1;
  event->dsk_no = -1;
  event->module_addr = -1;
  event->priority = VIGIL_PRIORITY_INFO;
  return event;
}

VigilEvent *
vigil_event_ref (VigilEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail (event->ref_count > 0, NULL);

  g_atomic_int_inc (&event->ref_count);
  return event;
}

void
vigil_event_unref (VigilEvent *event)
{
  g_return_if_fail (event != NULL);
  g_return_if_fail (event->ref_count > 0);

  if (!g_atomic_int_dec_and_test (&event->ref_count))
    return;

  g_free (event->event_type);
  g_free (event->event_state);
  g_free (event->event_description);
  g_free (event->dev_index);
  g_free (event->device_id);
  g_free (event->channel_id);
  g_free (event->channel_name);
  g_free (event->status);
  g_clear_pointer (&event->date_time, g_date_time_unref);
  g_clear_pointer (&event->received_at, g_date_time_unref);
  g_free (event->cid_code);
  g_free (event->cid_description);
  g_free (event->cid_describe);
  g_free (event->cid_uuid);
  g_free (event->trigger_time);
  g_free (event->upload_time);
  g_free (event->user_name);
  g_free (event->video_url);
  g_free (event->protocol_type);
  g_clear_pointer (&event->gap_start, g_date_time_unref);
  g_clear_pointer (&event->gap_end, g_date_time_unref);
  g_free (event->dedup_key);
  g_free (event->raw);
  g_clear_pointer (&event->alert, json_node_unref);
  g_free (event->parse_note);
  g_free (event);
}

const char *
vigil_event_type_to_string (VigilEventType type)
{
  switch (type)
    {
    case VIGIL_EVENT_HEARTBEAT:
      return "heartBeat";
    case VIGIL_EVENT_DEV_STATUS_CHANGED:
      return "devStatusChanged";
    case VIGIL_EVENT_CID_ALARM:
      return "CIDAlarm";
    case VIGIL_EVENT_VIDEO_REVIEW:
      return "videoReview";
    case VIGIL_EVENT_LINK_LOST:
      return "linkLost";
    case VIGIL_EVENT_LINK_RESTORED:
      return "linkRestored";
    case VIGIL_EVENT_STREAM_ERROR:
      return "streamError";
    case VIGIL_EVENT_UNKNOWN:
    default:
      return "unknown";
    }
}

/* ---- time ------------------------------------------------------------------------------- */

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             gint        *out)
{
  guint n = 0;
  gint value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *p += n;
  *out = value;
  return TRUE;
}

/* "Z", "+08:00", "-4:00", "+0800", "+8". Seconds east of UTC. */
static gboolean
read_offset (const char *p,
             gint       *seconds,
             const char **end)
{
  gint sign;
  gint hours = 0;
  gint minutes = 0;
  guint digits = 0;
  const char *q;

  if (*p == 'Z' || *p == 'z')
    {
      *seconds = 0;
      *end = p + 1;
      return TRUE;
    }
  if (*p != '+' && *p != '-')
    return FALSE;
  sign = *p == '-' ? -1 : 1;
  p++;

  for (q = p; g_ascii_isdigit (*q); q++)
    digits++;

  if (digits == 3 || digits == 4)
    {
      /* "+0800", "+800": hours and minutes run together. */
      gint value = (gint) strtol (p, NULL, 10);

      hours = value / 100;
      minutes = value % 100;
      p = q;
    }
  else if (digits == 1 || digits == 2)
    {
      if (!read_number (&p, 1, 2, &hours))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_number (&p, 2, 2, &minutes))
            return FALSE;
        }
    }
  else
    return FALSE;

  if (hours > 18 || minutes > 59)
    return FALSE;

  *seconds = sign * (hours * 3600 + minutes * 60);
  *end = p;
  return TRUE;
}

GDateTime *
vigil_event_parse_date_time (const char *text,
                             GTimeZone  *default_tz,
                             gboolean   *zone_assumed)
{
  const char *p = text;
  gint year, month, day, hour, minute, second = 0;
  gint usec = 0;
  gint offset = 0;
  gboolean has_zone = FALSE;
  g_autoptr(GTimeZone) tz = NULL;

  if (zone_assumed != NULL)
    *zone_assumed = FALSE;
  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*p))
    p++;

  if (!read_number (&p, 4, 4, &year) || (*p != '-' && *p != '/'))
    return NULL;
  p++;
  if (!read_number (&p, 1, 2, &month) || (*p != '-' && *p != '/'))
    return NULL;
  p++;
  if (!read_number (&p, 1, 2, &day))
    return NULL;
  if (*p != 'T' && *p != 't' && *p != ' ')
    return NULL;
  while (*p == 'T' || *p == 't' || *p == ' ')
    p++;
  if (!read_number (&p, 1, 2, &hour) || *p != ':')
    return NULL;
  p++;
  if (!read_number (&p, 2, 2, &minute))
    return NULL;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, 2, &second))
        return NULL;
      if (*p == '.' || *p == ',')
        {
          guint digits = 0;

          p++;
          if (!g_ascii_isdigit (*p))
            return NULL;
          for (; g_ascii_isdigit (*p); p++)
            {
              /* Microseconds are all a GDateTime holds; further digits are dropped. */
              if (digits < 6)
                usec = usec * 10 + (*p - '0');
              digits++;
            }
          for (; digits < 6; digits++)
            usec *= 10;
        }
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    {
      const char *end = NULL;

      if (!read_offset (p, &offset, &end))
        return NULL;
      p = end;
      has_zone = TRUE;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return NULL;

  /* A leap second, which GDateTime cannot hold: the last moment of the minute. */
  if (second == 60)
    {
      second = 59;
      usec = 999999;
    }

  if (has_zone)
    tz = g_time_zone_new_offset (offset);
  else
    {
      tz = default_tz != NULL ? g_time_zone_ref (default_tz) : g_time_zone_new_utc ();
      if (zone_assumed != NULL)
        *zone_assumed = TRUE;
    }

  return g_date_time_new (tz, year, month, day, hour, minute, second + usec / 1e6);
}

char *
vigil_event_format_date_time (GDateTime *date_time)
{
  GString *out;

  if (date_time == NULL)
    return NULL;

  /* Not g_date_time_format_iso8601(): it shortens "+08:00" to "+08". */
  out = g_string_new (NULL);
  g_string_append_printf (out, "%04d-%02d-%02dT%02d:%02d:%02d",
                          g_date_time_get_year (date_time), g_date_time_get_month (date_time),
                          g_date_time_get_day_of_month (date_time), g_date_time_get_hour (date_time),
                          g_date_time_get_minute (date_time), g_date_time_get_second (date_time));
  if (g_date_time_get_microsecond (date_time) != 0)
    g_string_append_printf (out, ".%06d", g_date_time_get_microsecond (date_time));

  if (g_date_time_get_utc_offset (date_time) == 0)
    g_string_append_c (out, 'Z');
  else
    {
      gint64 offset = g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_SECOND;
      gint64 magnitude = ABS (offset);

      g_string_append_printf (out, "%c%02d:%02d", offset < 0 ? '-' : '+',
                              (int) (magnitude / 3600), (int) (magnitude % 3600 / 60));
    }
  return g_string_free (out, FALSE);
}

/* ---- canonical form and keys -------------------------------------------------------------- */

static void
canonical_string (GString    *out,
                  const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The same JSON value always prints the same, whatever the member order or white space it
 * arrived with: a replay after a reconnect must give the same key. */
static void
canonical_json (GString  *out,
                JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          g_ptr_array_add (names, (gpointer) name);
        g_ptr_array_sort (names, compare_names);

        g_string_append_c (out, '{');
        for (guint i = 0; i < names->len; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_string (out, g_ptr_array_index (names, i));
            g_string_append_c (out, ':');
            canonical_json (out, json_object_get_member (object, g_ptr_array_index (names, i)));
          }
        g_string_append_c (out, '}');
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_json (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
        break;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g",
                                                   json_node_get_double (node)));
            break;
          }
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          canonical_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

static char *
content_key (JsonNode *alert)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *digest = NULL;

  canonical_json (text, alert);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
  return g_strconcat ("content:", digest, NULL);
}

char *
vigil_event_dup_restore_key (const VigilEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);

  if (!event->has_cid || event->cid_event == 0)
    return NULL;

  return g_strdup_printf ("%s:%d:%03u", event->dev_index ? event->dev_index : "",
                          event->zone, event->cid_event);
}

/* ---- priority ----------------------------------------------------------------------------- */

static VigilPriority
priority_of_category (VigilCidCategory category)
{
  switch (category)
    {
    case VIGIL_CID_CATEGORY_FIRE:
    case VIGIL_CID_CATEGORY_MEDICAL:
    case VIGIL_CID_CATEGORY_PANIC:
      return VIGIL_PRIORITY_LIFE_SAFETY;
    case VIGIL_CID_CATEGORY_ALARM:
      return VIGIL_PRIORITY_INTRUSION;
    case VIGIL_CID_CATEGORY_ARMING:
    case VIGIL_CID_CATEGORY_BYPASS:
    case VIGIL_CID_CATEGORY_TEST:
    case VIGIL_CID_CATEGORY_OUTPUT:
    case VIGIL_CID_CATEGORY_SYSTEM:
      return VIGIL_PRIORITY_ROUTINE;
    case VIGIL_CID_CATEGORY_TAMPER:
    case VIGIL_CID_CATEGORY_FAULT:
    case VIGIL_CID_CATEGORY_VIDEO:
    case VIGIL_CID_CATEGORY_UNKNOWN:
    default:
      /* A code we cannot place is looked at, not buried. */
      return VIGIL_PRIORITY_TROUBLE;
    }
}

static gboolean
is_offline (const VigilEvent *event)
{
  return event->status != NULL && g_ascii_strcasecmp (event->status, "offline") == 0;
}

static VigilPriority
compute_priority (const VigilEvent *event)
{
  VigilPriority priority;

  switch (event->type)
    {
    case VIGIL_EVENT_DEV_STATUS_CHANGED:
      return is_offline (event) ? VIGIL_PRIORITY_TROUBLE : VIGIL_PRIORITY_INFO;

    case VIGIL_EVENT_CID_ALARM:
    case VIGIL_EVENT_VIDEO_REVIEW:
      if (event->cid_event == 0 && event->type == VIGIL_EVENT_VIDEO_REVIEW)
        return VIGIL_PRIORITY_INTRUSION;   /* a verification video without a readable code */
      priority = priority_of_category (event->cid_category);
      if (event->cid_restore)
        priority = MIN (priority + 1, VIGIL_PRIORITY_INFO);
      return priority;

    case VIGIL_EVENT_STREAM_ERROR:
      /* A part that could not be read may have been an alarm. */
      return VIGIL_PRIORITY_TROUBLE;

    case VIGIL_EVENT_UNKNOWN:
      return VIGIL_PRIORITY_ROUTINE;

    case VIGIL_EVENT_HEARTBEAT:
    case VIGIL_EVENT_LINK_LOST:
    case VIGIL_EVENT_LINK_RESTORED:
    default:
      return VIGIL_PRIORITY_INFO;
    }
}

const char *
vigil_event_get_summary (const VigilEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);

  if (event->has_cid && event->cid_description != NULL && event->cid_description[0] != '\0')
    return event->cid_description;
  /* The gateway's text for these says only that something changed ("device status about
   * online or offline changed"); what changed is what an operator reads. */
  if (event->type == VIGIL_EVENT_DEV_STATUS_CHANGED && g_strcmp0 (event->status, "online") == 0)
    return N_("Panel online");
  if (event->type == VIGIL_EVENT_DEV_STATUS_CHANGED && g_strcmp0 (event->status, "offline") == 0)
    return N_("Panel offline");
  if (event->event_description != NULL && event->event_description[0] != '\0')
    return event->event_description;
  if (event->event_type != NULL)
    return event->event_type;
  return vigil_event_type_to_string (event->type);
}

gboolean
vigil_event_is_alarm (const VigilEvent *event)
{
  g_return_val_if_fail (event != NULL, FALSE);

  switch (event->type)
    {
    case VIGIL_EVENT_DEV_STATUS_CHANGED:
      return is_offline (event);

    case VIGIL_EVENT_VIDEO_REVIEW:
      return !event->cid_restore;

    case VIGIL_EVENT_CID_ALARM:
      if (event->cid_restore)
        return FALSE;
      switch (event->cid_category)
        {
        case VIGIL_CID_CATEGORY_FIRE:
        case VIGIL_CID_CATEGORY_MEDICAL:
        case VIGIL_CID_CATEGORY_PANIC:
        case VIGIL_CID_CATEGORY_ALARM:
        case VIGIL_CID_CATEGORY_TAMPER:
        case VIGIL_CID_CATEGORY_FAULT:
        case VIGIL_CID_CATEGORY_UNKNOWN:
          return TRUE;
        case VIGIL_CID_CATEGORY_ARMING:
        case VIGIL_CID_CATEGORY_BYPASS:
        case VIGIL_CID_CATEGORY_TEST:
        case VIGIL_CID_CATEGORY_OUTPUT:
        case VIGIL_CID_CATEGORY_SYSTEM:
        case VIGIL_CID_CATEGORY_VIDEO:
        default:
          return FALSE;
        }

    case VIGIL_EVENT_UNKNOWN:
    case VIGIL_EVENT_HEARTBEAT:
    case VIGIL_EVENT_LINK_LOST:
    case VIGIL_EVENT_LINK_RESTORED:
    case VIGIL_EVENT_STREAM_ERROR:
    default:
      return FALSE;
    }
}

/* ---- decoding ------------------------------------------------------------------------------ */

/* A member as trimmed text; NULL when absent or empty. */
static char *
dup_trimmed (JsonObject *object,
             const char *key)
{
  char *value = vigil_json_object_dup_string (object, key);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
get_int (JsonObject *object,
         const char *key,
         gint       *out)
{
  gint64 value;

  if (object == NULL || !vigil_json_object_get_int (object, key, &value))
    return FALSE;
  *out = (gint) CLAMP (value, G_MININT, G_MAXINT);
  return TRUE;
}

static gint
parse_param_int (const char *text,
                 gint        invalid)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  gint64 value;

  if (*copy == '\0')
    return invalid;
  value = g_ascii_strtoll (copy, &end, 10);
  if (end == copy || *end != '\0')
    return invalid;
  return (gint) CLAMP (value, G_MININT, G_MAXINT);
}

/* "userType,userNo,zoneNo,keyboardNo,videoChanNo,dskNo,moduleAddr,userName": the name is last,
 * so it keeps any comma it holds. */
static void
parse_cid_param (VigilEvent *event,
                 const char *param,
                 gint       *param_zone)
{
  g_auto(GStrv) fields = g_strsplit (param, ",", 8);
  guint n = g_strv_length (fields);

  event->has_cid_param = TRUE;
  event->user_type = n > 0 ? parse_param_int (fields[0], 0) : 0;
  event->user_no = n > 1 ? parse_param_int (fields[1], -1) : -1;
  *param_zone = n > 2 ? parse_param_int (fields[2], -1) : -1;
  event->keyboard_no = n > 3 ? parse_param_int (fields[3], -1) : -1;
  event->video_chan_no = n > 4 ? parse_param_int (fields[4], -1) : -1;
  event->dsk_no = n > 5 ? parse_param_int (fields[5], -1) : -1;
  event->module_addr = n > 6 ? parse_param_int (fields[6], -1) : -1;

  if (n > 7)
    {
      g_autofree char *name = g_strstrip (g_strdup (fields[7]));

      if (*name != '\0' && g_ascii_strcasecmp (name, "NONE") != 0)
        event->user_name = g_steal_pointer (&name);
    }
}

/* "1130", and the "E130"/"R130" some receivers write (new event / restore). */
static gboolean
parse_code_tolerant (const char *code,
                     guint      *event_out,
                     gboolean   *restore_out,
                     GPtrArray  *notes)
{
  g_autofree char *trimmed = NULL;

  if (vigil_cid_parse_code (code, event_out, restore_out))
    return TRUE;

  trimmed = g_strstrip (g_strdup (code));
  if (strlen (trimmed) == 4 && (trimmed[0] == 'E' || trimmed[0] == 'e' ||
                                trimmed[0] == 'R' || trimmed[0] == 'r') &&
      g_ascii_isdigit (trimmed[1]) && g_ascii_isdigit (trimmed[2]) && g_ascii_isdigit (trimmed[3]))
    {
      *event_out = (guint) strtoul (trimmed + 1, NULL, 10);
      *restore_out = trimmed[0] == 'R' || trimmed[0] == 'r';
      g_ptr_array_add (notes, g_strdup_printf ("CID code \"%s\" read as %c%03u", trimmed,
                                               *restore_out ? '3' : '1', *event_out));
      return TRUE;
    }

  g_ptr_array_add (notes, g_strdup_printf ("CID code \"%s\" unreadable", trimmed));
  return FALSE;
}

static void
decode_cid (VigilEvent *event,
            JsonObject *cid,
            GPtrArray  *notes)
{
  g_autofree char *param = NULL;
  gint param_zone = -1;
  gint zone;

  event->has_cid = TRUE;
  event->cid_code = dup_trimmed (cid, "CIDCode");
  event->cid_describe = vigil_json_object_dup_string (cid, "CIDDescribe");
  get_int (cid, "CIDType", &event->cid_type);
  get_int (cid, "subSys", &event->partition);
  get_int (cid, "timeZoneIdx", &event->time_zone_idx);
  event->trigger_time = dup_trimmed (cid, "triggerTime");
  event->upload_time = dup_trimmed (cid, "uploadTime");

  event->cid_uuid = dup_trimmed (cid, "UUID");
  if (g_strcmp0 (event->cid_uuid, "0") == 0)
    g_clear_pointer (&event->cid_uuid, g_free);

  param = dup_trimmed (cid, "CIDParam");
  if (param != NULL)
    parse_cid_param (event, param, &param_zone);

  /* "zoneNo" in CIDAlarm, "ZoneNo" in HikCIDParams: the lookup ignores case. */
  if (get_int (cid, "zoneNo", &zone))
    event->zone = zone;
  else if (param_zone >= 0)
    event->zone = param_zone;

  if (event->cid_code != NULL &&
      parse_code_tolerant (event->cid_code, &event->cid_event, &event->cid_restore, notes))
    {
      const VigilCidInfo *info = vigil_cid_lookup ((event->cid_restore ? 3000 : 1000) +
                                                   event->cid_event);

      event->cid_category = info != NULL ? info->category
                                         : vigil_cid_category_for_event (event->cid_event);

      /* The English of the table: stored and exported as data, translated when shown. */
      if (info != NULL)
        event->cid_description = g_strdup (info->description);
      else if (event->cid_describe != NULL && *event->cid_describe != '\0')
        event->cid_description = g_strdup (event->cid_describe);
      else
        event->cid_description = g_strdup_printf (event->cid_restore ? "CID event %03u restored"
                                                                     : "CID event %03u",
                                                  event->cid_event);
    }
  else if (event->cid_describe != NULL && *event->cid_describe != '\0')
    event->cid_description = g_strdup (event->cid_describe);
}

static VigilEventType
type_from_string (const char *event_type)
{
  if (event_type == NULL)
    return VIGIL_EVENT_UNKNOWN;
  if (g_ascii_strcasecmp (event_type, "heartBeat") == 0)
    return VIGIL_EVENT_HEARTBEAT;
  if (g_ascii_strcasecmp (event_type, "devStatusChanged") == 0)
    return VIGIL_EVENT_DEV_STATUS_CHANGED;
  if (g_ascii_strcasecmp (event_type, "CIDAlarm") == 0)
    return VIGIL_EVENT_CID_ALARM;
  if (g_ascii_strcasecmp (event_type, "videoReview") == 0)
    return VIGIL_EVENT_VIDEO_REVIEW;
  return VIGIL_EVENT_UNKNOWN;
}

static char *
copy_raw (const char *data,
          gsize       len)
{
  char *raw = g_malloc (len + 1);

  if (len > 0)
    memcpy (raw, data, len);
  raw[len] = '\0';
  return raw;
}

VigilEvent *
vigil_event_parse (const char  *data,
                   gsize        len,
                   GTimeZone   *panel_tz,
                   GDateTime   *received_at,
                   GError     **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *repair_note = NULL;
  g_autofree char *date_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *root_object;
  JsonObject *alert;
  JsonObject *video;
  JsonObject *cid;
  JsonNode *alert_node;
  VigilEvent *event;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > G_MAXSSIZE)
    len = G_MAXSSIZE;

  root = vigil_json_parse (data, (gssize) len, &repair_note, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *excerpt = vigil_json_excerpt (data, len, 80);

      g_set_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_UNEXPECTED,
                   _("Not an EventNotificationAlert: %s"), excerpt);
      return NULL;
    }

  root_object = json_node_get_object (root);
  alert_node = vigil_json_object_lookup (root_object, "EventNotificationAlert");
  if (alert_node == NULL || !JSON_NODE_HOLDS_OBJECT (alert_node))
    {
      /* Firmware that drops the wrapper still names its event. */
      if (vigil_json_object_lookup (root_object, "eventType") == NULL)
        {
          g_autofree char *excerpt = vigil_json_excerpt (data, len, 80);

          g_set_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_UNEXPECTED,
                       _("Not an EventNotificationAlert: %s"), excerpt);
          return NULL;
        }
      alert_node = root;
      g_ptr_array_add (notes, g_strdup ("no EventNotificationAlert wrapper"));
    }
  if (repair_note != NULL)
    g_ptr_array_insert (notes, 0, g_steal_pointer (&repair_note));

  event = event_new (VIGIL_EVENT_UNKNOWN);
  event->raw = copy_raw (data, len);
  event->raw_len = len;
  event->received_at = received_at != NULL ? g_date_time_to_utc (received_at)
                                           : g_date_time_new_now_utc ();

  /* The parser made the tree immutable, so the object can be shared between threads as it is;
   * a shallow copy keeps it (in its member order) after the root is gone. */
  event->alert = json_node_copy (alert_node);
  if (!json_node_is_immutable (event->alert))
    json_node_seal (event->alert);
  alert = json_node_get_object (event->alert);

  event->event_type = dup_trimmed (alert, "eventType");
  event->type = type_from_string (event->event_type);
  if (event->event_type != NULL)
    {
      g_autofree char *sent = vigil_json_object_dup_string (alert, "eventType");

      if (g_strcmp0 (sent, event->event_type) != 0)
        g_ptr_array_add (notes, g_strdup_printf ("eventType \"%s\" trimmed", sent));
    }

  event->event_state = dup_trimmed (alert, "eventState");
  event->event_description = vigil_json_object_dup_string (alert, "eventDescription");
  event->dev_index = dup_trimmed (alert, "devIndex");
  event->device_id = dup_trimmed (alert, "deviceID");
  event->channel_id = dup_trimmed (alert, "channelID");
  event->channel_name = vigil_json_object_dup_string (alert, "channelName");
  event->status = dup_trimmed (alert, "status");
  if (!vigil_json_object_get_int (alert, "activePostCount", &event->active_post_count))
    event->active_post_count = 0;

  date_text = vigil_json_object_dup_string (alert, "dateTime");
  if (date_text == NULL)
    {
      date_text = vigil_json_object_dup_string (alert, "dataTime");
      if (date_text != NULL)
        g_ptr_array_add (notes, g_strdup ("dataTime read as dateTime"));
    }
  if (date_text != NULL)
    {
      event->date_time = vigil_event_parse_date_time (date_text, panel_tz,
                                                      &event->time_zone_assumed);
      if (event->date_time == NULL)
        g_ptr_array_add (notes, g_strdup_printf ("dateTime \"%s\" unreadable", date_text));
      else if (event->time_zone_assumed)
        g_ptr_array_add (notes, g_strdup_printf ("dateTime \"%s\" has no zone, read in %s",
                                                 date_text,
                                                 panel_tz ? "the panel's zone" : "UTC"));
    }

  video = vigil_json_object_get_object (alert, "VideoReview");
  cid = vigil_json_object_get_object (alert, "CIDAlarm");
  if (video != NULL)
    {
      JsonObject *params = vigil_json_object_get_object (video, "HikCIDParams");

      if (cid == NULL)
        cid = params;
      event->protocol_type = dup_trimmed (video, "protocolType");
      event->video_url = dup_trimmed (params, "videoURL");
      if (event->video_url == NULL)
        event->video_url = dup_trimmed (video, "videoURL");
    }
  if (cid != NULL)
    decode_cid (event, cid, notes);

  /* An eventType that is missing or unknown, but whose content says what it is. */
  if (event->type == VIGIL_EVENT_UNKNOWN && event->event_type == NULL)
    {
      if (video != NULL)
        event->type = VIGIL_EVENT_VIDEO_REVIEW;
      else if (cid != NULL)
        event->type = VIGIL_EVENT_CID_ALARM;
    }

  event->priority = compute_priority (event);

  /* The videoReview of a CID alarm carries the alarm's UUID (§7.2): its own key, or the store
   * would drop it as a copy of the alarm and the clip's URL with it. */
  if (event->cid_uuid != NULL)
    event->dedup_key = g_strdup_printf ("%s:%s:%s",
                                        event->type == VIGIL_EVENT_VIDEO_REVIEW ? "uuid-video" : "uuid",
                                        event->dev_index ? event->dev_index : "", event->cid_uuid);
  else
    event->dedup_key = content_key (event->alert);

  if (notes->len > 0)
    {
      g_ptr_array_add (notes, NULL);
      event->parse_note = g_strjoinv ("; ", (char **) notes->pdata);
    }

  return event;
}

/* ---- Vigil's own notes --------------------------------------------------------------------- */

static void
finish_note (VigilEvent *event,
             const char *key_prefix,
             const char *key_detail)
{
  g_autofree char *digest = NULL;

  event->event_type = g_strdup (vigil_event_type_to_string (event->type));
  event->received_at = g_date_time_new_now_utc ();
  event->priority = compute_priority (event);
  event->raw = vigil_event_to_json_line (event);
  event->raw_len = strlen (event->raw);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key_detail, -1);
  event->dedup_key = g_strconcat (key_prefix, digest, NULL);
}

VigilEvent *
vigil_event_new_link_lost (GDateTime *since)
{
  VigilEvent *event;
  g_autofree char *when = NULL;

  g_return_val_if_fail (since != NULL, NULL);

  event = event_new (VIGIL_EVENT_LINK_LOST);
  event->gap_start = g_date_time_ref (since);
  event->date_time = g_date_time_ref (since);
  event->event_description = g_strdup ("Link to the gateway lost");
  when = vigil_event_format_date_time (since);
  finish_note (event, "link-lost:", when);
  return event;
}

VigilEvent *
vigil_event_new_link_restored (GDateTime *gap_start,
                               GDateTime *gap_end)
{
  VigilEvent *event;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (gap_start != NULL, NULL);
  g_return_val_if_fail (gap_end != NULL, NULL);

  event = event_new (VIGIL_EVENT_LINK_RESTORED);
  event->gap_start = g_date_time_ref (gap_start);
  event->gap_end = g_date_time_ref (gap_end);
  event->date_time = g_date_time_ref (gap_end);
  event->event_description = g_strdup ("Link to the gateway restored");
  start = vigil_event_format_date_time (gap_start);
  end = vigil_event_format_date_time (gap_end);
  detail = g_strconcat (start, "/", end, NULL);
  finish_note (event, "link-restored:", detail);
  return event;
}

VigilEvent *
vigil_event_new_stream_error (const char *message,
                              const char *raw,
                              gsize       raw_len)
{
  VigilEvent *event = event_new (VIGIL_EVENT_STREAM_ERROR);
  g_autofree char *digest = NULL;
  g_autofree char *detail = NULL;

  event->event_type = g_strdup (vigil_event_type_to_string (event->type));
  event->event_description = vigil_utf8_repair (message ? message : "", -1);
  event->received_at = g_date_time_new_now_utc ();
  event->priority = compute_priority (event);

  /* The bytes that could not be used are what an operator or a developer needs to see. */
  if (raw != NULL)
    {
      event->raw = copy_raw (raw, raw_len);
      event->raw_len = raw_len;
    }
  else
    {
      event->raw = vigil_event_to_json_line (event);
      event->raw_len = strlen (event->raw);
    }

  /* Two identical errors at different moments are two errors: the time is in the key. */
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) event->raw,
                                        event->raw_len);
  detail = g_strdup_printf ("%" G_GINT64_FORMAT ".%06d:%s:%s",
                            g_date_time_to_unix (event->received_at),
                            g_date_time_get_microsecond (event->received_at),
                            digest, event->event_description);
  g_free (digest);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, detail, -1);
  event->dedup_key = g_strconcat ("stream-error:", digest, NULL);
  return event;
}

/* ---- JSON line ------------------------------------------------------------------------------ */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time_or_null (JsonBuilder *builder,
                  const char  *name,
                  GDateTime   *value)
{
  g_autofree char *text = vigil_event_format_date_time (value);

  add_string_or_null (builder, name, text);
}

JsonNode *
vigil_event_to_json (const VigilEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (event != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "eventType");

  switch (event->type)
    {
    case VIGIL_EVENT_LINK_LOST:
      json_builder_add_string_value (builder, "linkLost");
      add_time_or_null (builder, "since", event->gap_start);
      break;

    case VIGIL_EVENT_LINK_RESTORED:
      json_builder_add_string_value (builder, "linkRestored");
      add_time_or_null (builder, "gapStart", event->gap_start);
      add_time_or_null (builder, "gapEnd", event->gap_end);
      break;

    case VIGIL_EVENT_STREAM_ERROR:
      json_builder_add_string_value (builder, "streamError");
      add_string_or_null (builder, "message", event->event_description);
      break;

    case VIGIL_EVENT_HEARTBEAT:
    case VIGIL_EVENT_DEV_STATUS_CHANGED:
    case VIGIL_EVENT_CID_ALARM:
    case VIGIL_EVENT_VIDEO_REVIEW:
    case VIGIL_EVENT_UNKNOWN:
    default:
      /* Known types by their canonical name ("heartBeat", not "heartBeat "); unknown ones as
       * the gateway spelled them. */
      if (event->type != VIGIL_EVENT_UNKNOWN || event->event_type == NULL)
        json_builder_add_string_value (builder, vigil_event_type_to_string (event->type));
      else
        json_builder_add_string_value (builder, event->event_type);

      add_time_or_null (builder, "dateTime", event->date_time);
      add_string_or_null (builder, "devIndex", event->dev_index);
      add_string_or_null (builder, "eventState", event->event_state);
      json_builder_set_member_name (builder, "priority");
      json_builder_add_int_value (builder, event->priority);

      json_builder_set_member_name (builder, "cid");
      if (event->has_cid)
        {
          json_builder_begin_object (builder);
          add_string_or_null (builder, "code", event->cid_code);
          json_builder_set_member_name (builder, "event");
          if (event->cid_event != 0)
            json_builder_add_int_value (builder, event->cid_event);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "restore");
          json_builder_add_boolean_value (builder, event->cid_restore);
          add_string_or_null (builder, "description", event->cid_description);
          json_builder_set_member_name (builder, "partition");
          json_builder_add_int_value (builder, event->partition);
          json_builder_set_member_name (builder, "zone");
          if (event->zone >= 0)
            json_builder_add_int_value (builder, event->zone);
          else
            json_builder_add_null_value (builder);
          add_string_or_null (builder, "uuid", event->cid_uuid);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);

      add_string_or_null (builder, "videoURL", event->video_url);
      add_time_or_null (builder, "receivedAt", event->received_at);

      json_builder_set_member_name (builder, "alert");
      if (event->alert != NULL)
        json_builder_add_value (builder, json_node_copy (event->alert));
      else
        json_builder_add_null_value (builder);
      break;
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
vigil_event_to_json_line (const VigilEvent *event)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  node = vigil_event_to_json (event);
  return vigil_json_to_string (node, FALSE);
}
