/* vigil-posix-tz.c — the POSIX TZ strings of §8.5.10
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-posix-tz"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-posix-tz.h"
#include "vigil-error.h"

typedef struct
{
  const char *p;
  const char *start;
  GError **error;
} Scanner;

static gboolean
fail (Scanner    *s,
      const char *what)
{
  g_set_error (s->error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a valid time zone: %s at character %d."),
               s->start, what, (int) (s->p - s->start) + 1);
  return FALSE;
}

static gboolean
scan_name (Scanner  *s,
           char    **out)
{
  const char *begin = s->p;

  if (*s->p == '<')
    {
      /* <+08>-8: quoted names may hold digits and signs. */
      begin = ++s->p;
      while (*s->p != '\0' && *s->p != '>')
        {
          if (!g_ascii_isalnum (*s->p) && *s->p != '+' && *s->p != '-')
            return fail (s, _("a quoted name may hold only letters, digits and signs"));
          s->p++;
        }
      if (*s->p != '>')
        return fail (s, _("a quoted name is not closed"));
      *out = g_strndup (begin, s->p - begin);
      s->p++;
    }
  else
    {
      while (g_ascii_isalpha (*s->p))
        s->p++;
      *out = g_strndup (begin, s->p - begin);
    }

  if (strlen (*out) < 3)
    return fail (s, _("a zone name needs at least three letters"));
  return TRUE;
}

static gboolean
scan_number (Scanner *s,
             guint    max,
             guint   *out)
{
  guint value = 0;
  int digits = 0;

  while (g_ascii_isdigit (*s->p) && digits < 4)
    {
      value = value * 10 + (guint) (*s->p - '0');
      s->p++;
      digits++;
    }
  if (digits == 0)
    return fail (s, _("a number was expected"));
  if (value > max)
    return fail (s, _("a number is out of range"));
  *out = value;
  return TRUE;
}

/* [+-]hh[:mm[:ss]] */
static gboolean
scan_time (Scanner  *s,
           gboolean  allow_sign,
           guint     max_hours,
           gint     *seconds)
{
  gint sign = 1;
  guint h, m = 0, sec = 0;

  if (allow_sign && (*s->p == '+' || *s->p == '-'))
    sign = *s->p++ == '-' ? -1 : 1;

  if (!scan_number (s, max_hours, &h))
    return FALSE;
  if (*s->p == ':')
    {
      s->p++;
      if (!scan_number (s, 59, &m))
        return FALSE;
      if (*s->p == ':')
        {
          s->p++;
          if (!scan_number (s, 59, &sec))
            return FALSE;
        }
    }

  *seconds = sign * (gint) (h * 3600 + m * 60 + sec);
  return TRUE;
}

static gboolean
scan_rule (Scanner     *s,
           VigilTzRule *rule)
{
  rule->time_seconds = 2 * 3600;

  if (*s->p == 'M')
    {
      s->p++;
      rule->kind = VIGIL_TZ_RULE_MONTH_WEEK_DAY;
      if (!scan_number (s, 12, &rule->month))
        return FALSE;
      if (rule->month < 1)
        return fail (s, _("months run from 1 to 12"));
      if (*s->p++ != '.')
        return fail (s, _("“.” was expected after the month"));
      if (!scan_number (s, 5, &rule->week))
        return FALSE;
      if (rule->week < 1)
        return fail (s, _("weeks run from 1 to 5"));
      if (*s->p++ != '.')
        return fail (s, _("“.” was expected after the week"));
      if (!scan_number (s, 6, &rule->weekday))
        return FALSE;
    }
  else if (*s->p == 'J')
    {
      s->p++;
      rule->kind = VIGIL_TZ_RULE_JULIAN_NO_LEAP;
      if (!scan_number (s, 365, &rule->day))
        return FALSE;
      if (rule->day < 1)
        return fail (s, _("days run from 1 to 365"));
    }
  else if (g_ascii_isdigit (*s->p))
    {
      rule->kind = VIGIL_TZ_RULE_JULIAN;
      if (!scan_number (s, 365, &rule->day))
        return FALSE;
    }
  else
    return fail (s, _("a rule starts with M, J or a day number"));

  if (*s->p == '/')
    {
      s->p++;
      if (!scan_time (s, FALSE, 24, &rule->time_seconds))
        return FALSE;
    }

  return TRUE;
}

VigilPosixTz *
vigil_posix_tz_parse (const char  *text,
                      GError     **error)
{
  g_autoptr(VigilPosixTz) tz = g_new0 (VigilPosixTz, 1);
  g_autofree char *trimmed = NULL;
  Scanner s;
  gint offset;

  if (text == NULL || strlen (text) > VIGIL_POSIX_TZ_MAX_LENGTH)
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The time zone is missing or too long."));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (text));
  s.p = s.start = trimmed;
  s.error = error;

  if (!scan_name (&s, &tz->std_name))
    return NULL;
  if (!scan_time (&s, TRUE, 24, &offset))
    return NULL;
  tz->utc_offset_seconds = -offset;

  if (*s.p != '\0')
    {
      tz->has_dst = TRUE;
      tz->dst_shift_seconds = 3600;
      if (!scan_name (&s, &tz->dst_name))
        return NULL;
      if (*s.p != '\0' && *s.p != ',')
        {
          gint shift;

          if (!scan_time (&s, TRUE, 24, &shift))
            return NULL;
          tz->dst_shift_seconds = ABS (shift);
          if (tz->dst_shift_seconds == 0 || tz->dst_shift_seconds > 2 * 3600)
            {
              fail (&s, _("daylight saving moves clocks by at most two hours"));
              return NULL;
            }
        }
      if (*s.p == ',')
        {
          s.p++;
          tz->has_rules = TRUE;
          if (!scan_rule (&s, &tz->start))
            return NULL;
          if (*s.p++ != ',')
            {
              s.p--;
              fail (&s, _("the end of daylight saving is missing"));
              return NULL;
            }
          if (!scan_rule (&s, &tz->end))
            return NULL;
        }
    }

  if (*s.p != '\0')
    {
      fail (&s, _("unexpected text"));
      return NULL;
    }

  return g_steal_pointer (&tz);
}

VigilPosixTz *
vigil_posix_tz_copy (const VigilPosixTz *tz)
{
  VigilPosixTz *copy = g_memdup2 (tz, sizeof *tz);

  copy->std_name = g_strdup (tz->std_name);
  copy->dst_name = g_strdup (tz->dst_name);
  return copy;
}

void
vigil_posix_tz_free (VigilPosixTz *tz)
{
  if (tz == NULL)
    return;
  g_free (tz->std_name);
  g_free (tz->dst_name);
  g_free (tz);
}

static void
append_name (GString    *out,
             const char *name)
{
  gboolean plain = TRUE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_isalpha (*p))
      plain = FALSE;

  if (plain)
    g_string_append (out, name);
  else
    g_string_append_printf (out, "<%s>", name);
}

/* The guide's spelling: the zone's offset with a bare hour ("-8:00:00"), the daylight-saving
 * shift and rule times with two digits ("00:30:00", "02:00:00"). */
static void
append_hms (GString *out,
            gint     seconds,
            gboolean two_digit_hours)
{
  if (seconds < 0)
    g_string_append_c (out, '-');
  seconds = ABS (seconds);
  g_string_append_printf (out, two_digit_hours ? "%02d:%02d:%02d" : "%d:%02d:%02d",
                          seconds / 3600, seconds / 60 % 60, seconds % 60);
}

static void
append_rule (GString           *out,
             const VigilTzRule *rule)
{
  switch (rule->kind)
    {
    case VIGIL_TZ_RULE_MONTH_WEEK_DAY:
      g_string_append_printf (out, "M%u.%u.%u", rule->month, rule->week, rule->weekday);
      break;
    case VIGIL_TZ_RULE_JULIAN_NO_LEAP:
      g_string_append_printf (out, "J%u", rule->day);
      break;
    case VIGIL_TZ_RULE_JULIAN:
    default:
      g_string_append_printf (out, "%u", rule->day);
      break;
    }
  g_string_append_c (out, '/');
  append_hms (out, rule->time_seconds, TRUE);
}

char *
vigil_posix_tz_to_string (const VigilPosixTz *tz)
{
  GString *out = g_string_new (NULL);

  append_name (out, tz->std_name);
  /* POSIX counts west of Greenwich as positive; the guide writes "-8:00:00" for UTC+8. */
  if (-tz->utc_offset_seconds < 0)
    append_hms (out, -tz->utc_offset_seconds, FALSE);
  else
    {
      g_string_append (out, "+");
      append_hms (out, -tz->utc_offset_seconds, FALSE);
    }

  if (tz->has_dst)
    {
      append_name (out, tz->dst_name);
      append_hms (out, tz->dst_shift_seconds, TRUE);
      if (tz->has_rules)
        {
          g_string_append_c (out, ',');
          append_rule (out, &tz->start);
          g_string_append_c (out, ',');
          append_rule (out, &tz->end);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
format_offset (gint seconds)
{
  gint a = ABS (seconds);

  if (a % 3600 == 0 && a / 3600 == 0)
    return g_strdup ("UTC");
  return g_strdup_printf ("UTC%c%02d:%02d", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

static const char *
month_name (guint month)
{
  static const char *names[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  return month >= 1 && month <= 12 ? g_dgettext (GETTEXT_PACKAGE, names[month - 1]) : "?";
}

static const char *
weekday_name (guint day)
{
  static const char *names[] = {
    N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"),
  };
  return day <= 6 ? g_dgettext (GETTEXT_PACKAGE, names[day]) : "?";
}

static char *
describe_rule (const VigilTzRule *rule)
{
  g_autofree char *time = g_strdup_printf ("%02d:%02d", rule->time_seconds / 3600,
                                           rule->time_seconds / 60 % 60);

  switch (rule->kind)
    {
    case VIGIL_TZ_RULE_MONTH_WEEK_DAY:
      {
        static const char *ordinals[] = { N_("first"), N_("second"), N_("third"), N_("fourth"), N_("last") };
        /* TRANSLATORS: "02:00 on the first Sunday of April" */
        return g_strdup_printf (_("%s on the %s %s of %s"), time,
                                g_dgettext (GETTEXT_PACKAGE, ordinals[CLAMP (rule->week, 1, 5) - 1]),
                                weekday_name (rule->weekday), month_name (rule->month));
      }
    case VIGIL_TZ_RULE_JULIAN_NO_LEAP:
      return g_strdup_printf (_("%s on day %u of the year (29 February not counted)"), time, rule->day);
    case VIGIL_TZ_RULE_JULIAN:
    default:
      return g_strdup_printf (_("%s on day %u of the year (counting from 0)"), time, rule->day);
    }
}

char *
vigil_posix_tz_describe (const VigilPosixTz *tz)
{
  g_autofree char *offset = format_offset (tz->utc_offset_seconds);
  g_autofree char *shift = g_strdup_printf ("%d:%02d", tz->dst_shift_seconds / 3600,
                                            tz->dst_shift_seconds / 60 % 60);

  if (!tz->has_dst)
    return g_strdup_printf (_("%s (%s), no daylight saving time."), offset, tz->std_name);

  if (!tz->has_rules)
    return g_strdup_printf (_("%s (%s). Daylight saving time (%s) moves clocks forward by %s; the gateway’s default dates apply."),
                            offset, tz->std_name, tz->dst_name, shift);

  {
    g_autofree char *start = describe_rule (&tz->start);
    g_autofree char *end = describe_rule (&tz->end);

    return g_strdup_printf (_("%s (%s). Daylight saving time (%s) moves clocks forward by %s at %s and back at %s."),
                            offset, tz->std_name, tz->dst_name, shift, start, end);
  }
}
