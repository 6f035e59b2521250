/* vigil-device-csv.c — devices to add, read from a CSV file an installer prepared
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-device-csv"

#include <glib/gi18n.h>
#include <string.h>

#include "vigil-client.h"
#include "vigil-device-csv.h"
#include "vigil-messages.h"

#define MAX_FIELDS 8

/* Splits one line into fields, with "…" quoting and "" for a quote inside. */
static GPtrArray *
split_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',' || *p == ';')
        {
          g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
  return fields;
}

static const char *
field_at (GPtrArray *fields,
          guint      i)
{
  const char *value = i < fields->len ? g_ptr_array_index (fields, i) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
parse_protocol (const char  *text,
                char       **protocol)
{
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "ehome") == 0 || g_ascii_strcasecmp (text, "ISUP") == 0)
    *protocol = g_strdup ("ehome");
  else if (g_ascii_strcasecmp (text, "ehomeV5") == 0 || g_ascii_strcasecmp (text, "ISUP 5.0") == 0 ||
           g_ascii_strcasecmp (text, "ISUP5") == 0)
    *protocol = g_strdup ("ehomeV5");
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_type (const char  *text,
            char       **type)
{
  static const char * const types[] = { "SecurityCP", "encodingDev", "AccessControl" };

  if (text == NULL)
    {
      *type = g_strdup ("SecurityCP");
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (text, types[i]) == 0)
      {
        *type = g_strdup (types[i]);
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_count (const char *text,
             gint64      min,
             gint64      max,
             gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, min, max, value, NULL);
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0 ||
      g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0 || g_ascii_strcasecmp (text, "false") == 0 ||
           g_str_equal (text, "0"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static VigilDeviceAdd *
parse_device (GPtrArray  *fields,
              GError    **error)
{
  g_autoptr(VigilDeviceAdd) device = vigil_device_add_new ();
  const char *text;

  if (fields->len > MAX_FIELDS)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("it has %u fields; at most %d are read (protocol, ISUP ID, key, name, type, heartbeat interval, heartbeat count, visual verification)."),
                   fields->len, MAX_FIELDS);
      return NULL;
    }
  if (!parse_protocol (field_at (fields, 0), &device->protocol_type))
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("the protocol must be ISUP (ehome) or ISUP 5.0 (ehomeV5), not “%s”."),
                   field_at (fields, 0) ? field_at (fields, 0) : "");
      return NULL;
    }
  device->ehome_id = g_strdup (field_at (fields, 1));
  device->ehome_key = g_strdup (field_at (fields, 2));
  device->dev_name = g_strdup (field_at (fields, 3));
  if (!parse_type (field_at (fields, 4), &device->dev_type))
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("the type must be SecurityCP, encodingDev or AccessControl, not “%s”."),
                   field_at (fields, 4));
      return NULL;
    }
  if ((text = field_at (fields, 5)) != NULL)
    {
      if (!parse_count (text, 1, 3600, &device->heart_interval))
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                       _("the heartbeat interval must be 1 to 3600 seconds, not “%s”."), text);
          return NULL;
        }
      device->has_heart_interval = TRUE;
    }
  if ((text = field_at (fields, 6)) != NULL)
    {
      if (!parse_count (text, 1, 100, &device->heart_exceeded_count))
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                       _("the heartbeat count must be 1 to 100, not “%s”."), text);
          return NULL;
        }
      device->has_heart_exceeded_count = TRUE;
    }
  if ((text = field_at (fields, 7)) != NULL)
    {
      if (!parse_bool (text, &device->visual_verification))
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                       _("visual verification must be yes or no, not “%s”."), text);
          return NULL;
        }
      device->has_visual_verification = TRUE;
    }

  if (!vigil_device_add_validate (device, error))
    return NULL;

  return g_steal_pointer (&device);
}

GPtrArray *
vigil_device_csv_parse (const char  *text,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_add_free);
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The file is not UTF-8 text; save it as CSV (UTF-8) and try again."));
      return NULL;
    }

  copy = g_strndup (text, length);
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      g_autoptr(GError) line_error = NULL;
      VigilDeviceAdd *device;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      /* A header line from a spreadsheet: skipped, but only as the first line. */
      if (devices->len == 0 && g_ascii_strncasecmp (line, "protocol", 8) == 0)
        continue;

      fields = split_line (line);
      device = parse_device (fields, &line_error);
      if (device == NULL)
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                       _("Line %u: %s Nothing was added."), i + 1, line_error->message);
          return NULL;
        }
      g_ptr_array_add (devices, device);
    }

  if (devices->len == 0)
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The file lists no devices."));
      return NULL;
    }

  return g_steal_pointer (&devices);
}
