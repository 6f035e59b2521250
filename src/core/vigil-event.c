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
#include "vigil-event-private.h"
#include "vigil-json.h"
#include "vigil-json-flat.h"

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
  g_free (event->date_time_text);
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
  g_clear_pointer (&event->lazy_alert, json_node_unref);
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

/* The zone of a fixed offset, made once per offset in minutes and kept: making one per event
 * (a parse of "+08:00" and a global lock in GLib) cost more than the rest of the date. */
static GTimeZone *
offset_zone (gint seconds)
{
  static GTimeZone *zones[2 * 18 * 60 + 1];
  GTimeZone *tz;
  gint index;

  if (seconds % 60 != 0 || ABS (seconds) > 18 * 3600)
    return g_time_zone_new_offset (seconds);

  index = seconds / 60 + 18 * 60;
  tz = g_atomic_pointer_get (&zones[index]);
  if (tz == NULL)
    {
      tz = g_time_zone_new_offset (seconds);
      if (!g_atomic_pointer_compare_and_exchange (&zones[index], NULL, tz))
        {
          g_time_zone_unref (tz);
          tz = g_atomic_pointer_get (&zones[index]);
        }
    }
  return g_time_zone_ref (tz);
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
    tz = offset_zone (offset);
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

/* canonical_json() of the flat reader's nodes: the same text for the same values. */
static void
flat_canonical_string (GString    *out,
                       const char *text,
                       gsize       len)
{
  const char *run = text;
  const char *end = text + len;

  g_string_append_c (out, '"');
  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c != '"' && c != '\\' && c >= 0x20)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

/* As strcmp() orders the NUL-terminated names (they hold no NUL). */
static int
compare_flat_names (const VigilFlatNode *a,
                    const VigilFlatNode *b)
{
  int c = memcmp (a->name, b->name, MIN (a->name_len, b->name_len));

  if (c != 0)
    return c;
  return a->name_len < b->name_len ? -1 : a->name_len > b->name_len ? 1 : 0;
}

static void
flat_canonical_json (GString            *out,
                     const VigilFlatDoc *doc,
                     guint               index)
{
  const VigilFlatNode *node = &doc->nodes[index];

  switch (node->kind)
    {
    case VIGIL_FLAT_OBJECT:
      {
        /* The reader allows no more members than nodes; few enough to sort by insertion. */
        const VigilFlatNode *members[VIGIL_FLAT_MAX_NODES];
        guint n = 0;

        for (guint i = index + 1; i < node->end; i = doc->nodes[i].end)
          {
            const VigilFlatNode *member = &doc->nodes[i];
            guint j = n++;

            while (j > 0 && compare_flat_names (members[j - 1], member) > 0)
              {
                members[j] = members[j - 1];
                j--;
              }
            members[j] = member;
          }

        g_string_append_c (out, '{');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            flat_canonical_string (out, members[i]->name, members[i]->name_len);
            g_string_append_c (out, ':');
            flat_canonical_json (out, doc, (guint) (members[i] - doc->nodes));
          }
        g_string_append_c (out, '}');
        break;
      }

    case VIGIL_FLAT_ARRAY:
      g_string_append_c (out, '[');
      for (guint i = index + 1; i < node->end; i = doc->nodes[i].end)
        {
          if (i > index + 1)
            g_string_append_c (out, ',');
          flat_canonical_json (out, doc, i);
        }
      g_string_append_c (out, ']');
      break;

    case VIGIL_FLAT_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, node->v.integer);
      break;

    case VIGIL_FLAT_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", node->v.number));
        break;
      }

    case VIGIL_FLAT_BOOLEAN:
      g_string_append (out, node->v.boolean ? "true" : "false");
      break;

    case VIGIL_FLAT_STRING:
      flat_canonical_string (out, node->str, node->len);
      break;

    case VIGIL_FLAT_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

static char *
flat_content_key (const VigilFlatDoc *doc,
                  gconstpointer       alert)
{
  g_autoptr(GString) text = g_string_sized_new (1024);
  g_autofree char *digest = NULL;

  flat_canonical_json (text, doc, (guint) ((const VigilFlatNode *) alert - doc->nodes));
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

/* Where the members come from: json-glib's tree (the reference, which reads anything), or the
 * flat array of vigil-json-flat.c (the fast path). One decoder reads both, so that the two ways
 * differ only in how a member is found; an object is a JsonObject or a VigilFlatNode. */
typedef struct
{
  const VigilFlatDoc *flat;   /* NULL: the tree */
  gboolean refused;           /* the flat document is ambiguous here: decode it as a tree */
} Source;

static gboolean
name_matches_loosely (const char *name,
                      gsize       name_len,
                      const char *key,
                      gsize       key_len)
{
  while (name_len > 0 && g_ascii_isspace (*name))
    {
      name++;
      name_len--;
    }
  while (name_len > 0 && g_ascii_isspace (name[name_len - 1]))
    name_len--;
  return name_len == key_len && g_ascii_strncasecmp (name, key, key_len) == 0;
}

/* vigil_json_object_lookup() on the flat array: the exact name, else the one name that differs
 * only in case or surrounding white space. Two such names would be found in the order of
 * json-glib's hash table: the tree decides then. */
static const VigilFlatNode *
flat_lookup (Source              *src,
             const VigilFlatNode *object,
             const char          *key)
{
  const VigilFlatNode *nodes = src->flat->nodes;
  const VigilFlatNode *found = NULL;
  gsize key_len = strlen (key);
  guint n_found = 0;

  for (guint i = (guint) (object - nodes) + 1; i < object->end; i = nodes[i].end)
    {
      const VigilFlatNode *member = &nodes[i];

      /* Trimming only shortens a name: a shorter one cannot match. */
      if (member->name_len < key_len)
        continue;
      if (member->name_len == key_len)
        {
          if (memcmp (member->name, key, key_len) == 0)
            return member;
          if (g_ascii_strncasecmp (member->name, key, key_len) != 0)
            continue;
        }
      else if (!name_matches_loosely (member->name, member->name_len, key, key_len))
        continue;
      found = member;
      n_found++;
    }
  if (n_found > 1)
    {
      src->refused = TRUE;
      return NULL;
    }
  return found;
}

static gboolean
src_has (Source        *src,
         gconstpointer  object,
         const char    *key)
{
  if (object == NULL)
    return FALSE;
  if (src->flat == NULL)
    return vigil_json_object_lookup ((JsonObject *) object, key) != NULL;
  return flat_lookup (src, object, key) != NULL;
}

static gconstpointer
src_get_object (Source        *src,
                gconstpointer  object,
                const char    *key)
{
  const VigilFlatNode *node;

  if (object == NULL)
    return NULL;
  if (src->flat == NULL)
    return vigil_json_object_get_object ((JsonObject *) object, key);
  node = flat_lookup (src, object, key);
  return node != NULL && node->kind == VIGIL_FLAT_OBJECT ? node : NULL;
}

/* vigil_json_object_dup_string(): scalars as text, NULL for anything else. */
static char *
src_dup_string (Source        *src,
                gconstpointer  object,
                const char    *key)
{
  const VigilFlatNode *node;

  if (object == NULL)
    return NULL;
  if (src->flat == NULL)
    return vigil_json_object_dup_string ((JsonObject *) object, key);

  node = flat_lookup (src, object, key);
  if (node == NULL)
    return NULL;
  switch (node->kind)
    {
    case VIGIL_FLAT_STRING:
      /* Valid UTF-8 without NULs (the reader checked): vigil_utf8_repair() would copy it. */
      return g_strndup (node->str, node->len);
    case VIGIL_FLAT_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, node->v.integer);
    case VIGIL_FLAT_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, node->v.number));
      }
    case VIGIL_FLAT_BOOLEAN:
      return g_strdup (node->v.boolean ? "true" : "false");
    case VIGIL_FLAT_NULL:
    case VIGIL_FLAT_OBJECT:
    case VIGIL_FLAT_ARRAY:
    default:
      return NULL;
    }
}

/* vigil_json_object_get_int(). */
static gboolean
src_get_int (Source        *src,
             gconstpointer  object,
             const char    *key,
             gint64        *out)
{
  const VigilFlatNode *node;

  if (object == NULL)
    return FALSE;
  if (src->flat == NULL)
    return vigil_json_object_get_int ((JsonObject *) object, key, out);

  node = flat_lookup (src, object, key);
  if (node == NULL)
    return FALSE;
  switch (node->kind)
    {
    case VIGIL_FLAT_INT:
      *out = node->v.integer;
      return TRUE;
    case VIGIL_FLAT_DOUBLE:
      {
        double d = node->v.number;

        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == (double) (gint64) d))
          return FALSE;
        *out = (gint64) d;
        return TRUE;
      }
    case VIGIL_FLAT_BOOLEAN:
      *out = node->v.boolean ? 1 : 0;
      return TRUE;
    case VIGIL_FLAT_STRING:
      {
        g_autofree char *text = g_strndup (node->str, node->len);

        return vigil_json_text_get_int (text, out);
      }
    case VIGIL_FLAT_NULL:
    case VIGIL_FLAT_OBJECT:
    case VIGIL_FLAT_ARRAY:
    default:
      return FALSE;
    }
}

/* A member as trimmed text; NULL when absent or empty. */
static char *
dup_trimmed (Source        *src,
             gconstpointer  object,
             const char    *key)
{
  char *value = src_dup_string (src, object, key);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
get_int (Source        *src,
         gconstpointer  object,
         const char    *key,
         gint          *out)
{
  gint64 value;

  if (object == NULL || !src_get_int (src, object, key, &value))
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
decode_cid (VigilEvent    *event,
            Source        *src,
            gconstpointer  cid,
            GPtrArray     *notes)
{
  g_autofree char *param = NULL;
  gint param_zone = -1;
  gint zone;

  event->has_cid = TRUE;
  event->cid_code = dup_trimmed (src, cid, "CIDCode");
  event->cid_describe = src_dup_string (src, cid, "CIDDescribe");
  get_int (src, cid, "CIDType", &event->cid_type);
  get_int (src, cid, "subSys", &event->partition);
  get_int (src, cid, "timeZoneIdx", &event->time_zone_idx);
  event->trigger_time = dup_trimmed (src, cid, "triggerTime");
  event->upload_time = dup_trimmed (src, cid, "uploadTime");

  event->cid_uuid = dup_trimmed (src, cid, "UUID");
  if (g_strcmp0 (event->cid_uuid, "0") == 0)
    g_clear_pointer (&event->cid_uuid, g_free);

  param = dup_trimmed (src, cid, "CIDParam");
  if (param != NULL)
    parse_cid_param (event, param, &param_zone);

  /* "zoneNo" in CIDAlarm, "ZoneNo" in HikCIDParams: the lookup ignores case. */
  if (get_int (src, cid, "zoneNo", &zone))
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

/* The caller's moment in UTC; one already in UTC is kept as it is (no copy per event). */
static GDateTime *
received_at_utc (GDateTime *received_at)
{
  if (received_at == NULL)
    return g_date_time_new_now_utc ();
  if (g_date_time_get_utc_offset (received_at) == 0 &&
      g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (received_at)), "UTC") == 0)
    return g_date_time_ref (received_at);
  return g_date_time_to_utc (received_at);
}

/* What both ways share, from the root object on; the caller adds the alert's tree and, when
 * there is no UUID, the content key. NULL when the root is not an EventNotificationAlert (with
 * @error), or when the flat source refused (src->refused, without). */
static VigilEvent *
decode (Source         *src,
        gconstpointer   root,
        const char     *data,
        gsize           len,
        const char     *repair_note,
        GTimeZone      *panel_tz,
        GDateTime      *received_at,
        gconstpointer  *alert_out,
        GError        **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date_text = NULL;
  g_autoptr(VigilEvent) event = NULL;
  gconstpointer alert;
  gconstpointer video;
  gconstpointer cid;
  gconstpointer inner;

  if (repair_note != NULL)
    g_ptr_array_add (notes, g_strdup (repair_note));

  alert = src_get_object (src, root, "EventNotificationAlert");
  if (alert == NULL)
    {
      /* Firmware that drops the wrapper still names its event. */
      if (!src_has (src, root, "eventType"))
        {
          g_autofree char *excerpt = NULL;

          if (src->flat != NULL)
            return NULL;   /* the tree path says why */
          excerpt = vigil_json_excerpt (data, len, 80);
          g_set_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_UNEXPECTED,
                       _("Not an EventNotificationAlert: %s"), excerpt);
          return NULL;
        }
      alert = root;
      g_ptr_array_add (notes, g_strdup ("no EventNotificationAlert wrapper"));
    }
  if (src->refused)
    return NULL;

  event = event_new (VIGIL_EVENT_UNKNOWN);
  event->raw = copy_raw (data, len);
  event->raw_len = len;
  event->received_at = received_at_utc (received_at);

  event->event_type = dup_trimmed (src, alert, "eventType");
  event->type = type_from_string (event->event_type);
  if (event->event_type != NULL)
    {
      g_autofree char *sent = src_dup_string (src, alert, "eventType");

      if (g_strcmp0 (sent, event->event_type) != 0)
        g_ptr_array_add (notes, g_strdup_printf ("eventType \"%s\" trimmed", sent));
    }

  event->event_state = dup_trimmed (src, alert, "eventState");
  event->event_description = src_dup_string (src, alert, "eventDescription");
  event->dev_index = dup_trimmed (src, alert, "devIndex");
  event->device_id = dup_trimmed (src, alert, "deviceID");
  event->channel_id = dup_trimmed (src, alert, "channelID");
  event->channel_name = src_dup_string (src, alert, "channelName");
  event->status = dup_trimmed (src, alert, "status");
  if (!src_get_int (src, alert, "activePostCount", &event->active_post_count))
    event->active_post_count = 0;

  date_text = src_dup_string (src, alert, "dateTime");
  if (date_text == NULL)
    {
      date_text = src_dup_string (src, alert, "dataTime");
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

  /* The text the store keeps as the panel's time: a wrapper inside the wrapper is where some
   * firmware puts it. */
  inner = src_get_object (src, alert, "EventNotificationAlert");
  if (inner != NULL)
    {
      event->date_time_text = src_dup_string (src, inner, "dateTime");
      if (event->date_time_text == NULL)
        event->date_time_text = src_dup_string (src, inner, "dataTime");
    }
  else
    event->date_time_text = g_strdup (date_text);

  video = src_get_object (src, alert, "VideoReview");
  cid = src_get_object (src, alert, "CIDAlarm");
  if (video != NULL)
    {
      gconstpointer params = src_get_object (src, video, "HikCIDParams");

      if (cid == NULL)
        cid = params;
      event->protocol_type = dup_trimmed (src, video, "protocolType");
      event->video_url = dup_trimmed (src, params, "videoURL");
      if (event->video_url == NULL)
        event->video_url = dup_trimmed (src, video, "videoURL");
    }
  if (cid != NULL)
    decode_cid (event, src, cid, notes);

  if (src->refused)
    return NULL;

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
    event->dedup_key = g_strconcat (event->type == VIGIL_EVENT_VIDEO_REVIEW ? "uuid-video:" : "uuid:",
                                    event->dev_index ? event->dev_index : "", ":",
                                    event->cid_uuid, NULL);

  if (notes->len > 0)
    {
      g_ptr_array_add (notes, NULL);
      event->parse_note = g_strjoinv ("; ", (char **) notes->pdata);
    }

  *alert_out = alert;
  return g_steal_pointer (&event);
}

VigilEvent *
vigil_event_parse_tree (const char  *data,
                        gsize        len,
                        GTimeZone   *panel_tz,
                        GDateTime   *received_at,
                        GError     **error)
{
  g_autofree char *repair_note = NULL;
  g_autoptr(JsonNode) root = NULL;
  Source src = { NULL, FALSE };
  gconstpointer alert = NULL;
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

  event = decode (&src, json_node_get_object (root), data, len, repair_note, panel_tz,
                  received_at, &alert, error);
  if (event == NULL)
    return NULL;

  /* The parser made the tree immutable, so the object can be shared between threads as it is;
   * the node keeps it after the root is gone. */
  event->lazy_alert = json_node_init_object (json_node_alloc (), (JsonObject *) alert);
  json_node_seal (event->lazy_alert);
  if (event->dedup_key == NULL)
    event->dedup_key = content_key (event->lazy_alert);
  return event;
}

VigilEvent *
vigil_event_parse_flat (const char *data,
                        gsize       len,
                        GTimeZone  *panel_tz,
                        GDateTime  *received_at)
{
  VigilFlatDoc doc;
  Source src = { &doc, FALSE };
  gconstpointer alert = NULL;
  VigilEvent *event = NULL;

  if (data == NULL || len > VIGIL_JSON_MAX_BODY)
    return NULL;

  if (vigil_json_flat_read (&doc, data, len))
    event = decode (&src, &doc.nodes[0], data, len,
                    doc.trailing_commas ? "trailing commas removed" : NULL,
                    panel_tz, received_at, &alert, NULL);
  if (event != NULL)
    {
      /* The tree is what few ever read: it is built from the raw bytes when asked for. */
      event->alert_from_raw = TRUE;
      if (event->dedup_key == NULL)
        event->dedup_key = flat_content_key (&doc, alert);
    }
  vigil_json_flat_clear (&doc);
  return event;
}

VigilEvent *
vigil_event_parse (const char  *data,
                   gsize        len,
                   GTimeZone   *panel_tz,
                   GDateTime   *received_at,
                   GError     **error)
{
  VigilEvent *event;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  /* Straight off the bytes when they hold nothing the flat reader is unsure of (most parts);
   * json-glib's tree and the repairs for everything else. Both give the same event. */
  event = vigil_event_parse_flat (data, len, panel_tz, received_at);
  if (event != NULL)
    return event;
  return vigil_event_parse_tree (data, len, panel_tz, received_at, error);
}

JsonNode *
vigil_event_get_alert (const VigilEvent *event)
{
  VigilEvent *self = (VigilEvent *) event;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *wrapped;
  JsonNode *alert;

  g_return_val_if_fail (event != NULL, NULL);

  alert = g_atomic_pointer_get (&self->lazy_alert);
  if (alert != NULL || !event->alert_from_raw)
    return alert;

  /* The flat reader accepted these bytes, so the tree reads them too, to the same values. */
  root = vigil_json_parse (event->raw, (gssize) event->raw_len, NULL, NULL);
  g_return_val_if_fail (root != NULL && JSON_NODE_HOLDS_OBJECT (root), NULL);
  wrapped = vigil_json_object_get_object (json_node_get_object (root), "EventNotificationAlert");
  alert = wrapped != NULL ? json_node_init_object (json_node_alloc (), wrapped)
                          : json_node_ref (root);
  json_node_seal (alert);

  /* Another thread may have built it meanwhile: the first one stays. */
  if (!g_atomic_pointer_compare_and_exchange (&self->lazy_alert, NULL, alert))
    {
      json_node_unref (alert);
      alert = g_atomic_pointer_get (&self->lazy_alert);
    }
  return alert;
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
      if (vigil_event_get_alert (event) != NULL)
        json_builder_add_value (builder, json_node_copy (vigil_event_get_alert (event)));
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

/* ---- comparing ------------------------------------------------------------------------------ */

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

char *
vigil_event_diff (const VigilEvent *a,
                  const VigilEvent *b)
{
  g_autofree char *line_a = NULL;
  g_autofree char *line_b = NULL;
  JsonNode *alert_a;
  JsonNode *alert_b;

#define DIFF_STR(field) \
  if (g_strcmp0 (a->field, b->field) != 0) \
    return g_strdup_printf (#field ": \"%s\" != \"%s\"", a->field ? a->field : "(null)", \
                            b->field ? b->field : "(null)");
#define DIFF_INT(field) \
  if (a->field != b->field) \
    return g_strdup_printf (#field ": %" G_GINT64_FORMAT " != %" G_GINT64_FORMAT, \
                            (gint64) a->field, (gint64) b->field);
#define DIFF_TIME(field) \
  if (!same_time (a->field, b->field)) \
    return g_strdup (#field);

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  DIFF_INT (type);
  DIFF_STR (event_type);
  DIFF_STR (event_state);
  DIFF_STR (event_description);
  DIFF_STR (dev_index);
  DIFF_STR (device_id);
  DIFF_STR (channel_id);
  DIFF_STR (channel_name);
  DIFF_STR (status);
  DIFF_INT (active_post_count);
  DIFF_TIME (date_time);
  DIFF_STR (date_time_text);
  DIFF_INT (time_zone_assumed);
  DIFF_TIME (received_at);
  DIFF_INT (has_cid);
  DIFF_STR (cid_code);
  DIFF_INT (cid_event);
  DIFF_INT (cid_restore);
  DIFF_INT (cid_category);
  DIFF_STR (cid_description);
  DIFF_STR (cid_describe);
  DIFF_INT (cid_type);
  DIFF_INT (partition);
  DIFF_INT (zone);
  DIFF_STR (cid_uuid);
  DIFF_STR (trigger_time);
  DIFF_STR (upload_time);
  DIFF_INT (time_zone_idx);
  DIFF_INT (has_cid_param);
  DIFF_INT (user_type);
  DIFF_INT (user_no);
  DIFF_INT (keyboard_no);
  DIFF_INT (video_chan_no);
  DIFF_INT (dsk_no);
  DIFF_INT (module_addr);
  DIFF_STR (user_name);
  DIFF_STR (video_url);
  DIFF_STR (protocol_type);
  DIFF_INT (priority);
  DIFF_TIME (gap_start);
  DIFF_TIME (gap_end);
  DIFF_STR (dedup_key);
  DIFF_INT (raw_len);
  if (a->raw_len > 0 && memcmp (a->raw, b->raw, a->raw_len) != 0)
    return g_strdup ("raw");
  DIFF_STR (parse_note);

#undef DIFF_STR
#undef DIFF_INT
#undef DIFF_TIME

  alert_a = vigil_event_get_alert (a);
  alert_b = vigil_event_get_alert (b);
  if ((alert_a == NULL) != (alert_b == NULL) ||
      (alert_a != NULL && !json_node_equal (alert_a, alert_b)))
    return g_strdup ("alert");

  line_a = vigil_event_to_json_line (a);
  line_b = vigil_event_to_json_line (b);
  if (g_strcmp0 (line_a, line_b) != 0)
    return g_strdup_printf ("JSON line: %s != %s", line_a, line_b);

  return NULL;
}
