/* vigil-sim-replay.c — a recorded event stream, and a gateway that plays it back
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-replay"

#include <string.h>

#include "vigil-sim-alert.h"
#include "vigil-sim-gateway-private.h"
#include "vigil-sim-replay.h"
#include "vigil-sim-rng.h"

/* Seconds of panel time between two recorded events: a busy site, spread over hours. */
#define EVENTS_PER_SECOND 20

typedef struct
{
  guint code;
  guint cid_type;
} Code;

/* Triggers that come with a restore (3xxx), and routine reports that do not (A.3). */
static const Code alarm_codes[] = {
  { 1130, 1 },  /* burglary */
  { 1110, 1 },  /* fire */
  { 1120, 1 },  /* panic */
  { 1134, 1 },  /* entry/exit */
  { 1137, 5 },  /* tamper */
  { 1301, 5 },  /* AC loss */
};

static const Code routine_codes[] = {
  { 1401, 6 },  /* disarm by user */
  { 3401, 6 },  /* arm by user */
  { 1570, 6 },  /* bypass */
  { 1602, 6 },  /* periodic test */
};

static void
fill_event (VigilSimPanel    *panel,
            const Code       *code,
            gboolean          restore,
            guint64          *rng,
            gint64            time,
            VigilSimCidEvent *event)
{
  guint n_zones = MAX (vigil_sim_panel_get_n_zones (panel), 1);
  guint zone = code->cid_type == 1 ? vigil_sim_rng_range (rng, 1, n_zones + 1) : 0;

  memset (event, 0, sizeof *event);
  event->code = restore ? 3000 + code->code % 1000 : code->code;
  event->cid_type = code->cid_type;
  event->zone = zone;
  event->partition = zone > 0 ? vigil_sim_panel_get_zone_partition (panel, zone) : 1;
  event->user_type = code->cid_type == 6 ? 1 : 0;
  event->user_no = code->cid_type == 6 ? (int) vigil_sim_rng_range (rng, 1, 8) : -1;
  event->keyboard_no = -1;
  event->video_channel = code->cid_type == 1 ? (int) vigil_sim_rng_range (rng, 1, 5) : -1;
  event->module_addr = -1;
  g_strlcpy (event->user_name, code->cid_type == 6 ? "operator" : "NONE", sizeof event->user_name);
  vigil_sim_rng_uuid (rng, event->uuid);
  event->time = time;
}

/* Content quirks, per part: most parts are clean, a third look like the guide's examples. */
static VigilSimQuirks
pick_quirks (guint64 *rng)
{
  switch (vigil_sim_rng_range (rng, 0, 12))
    {
    case 0: case 1: case 2: case 3:
      return VIGIL_SIM_QUIRKS_GUIDE;
    case 4:
      return VIGIL_SIM_QUIRK_SHORT_OFFSET;
    case 5:
      return VIGIL_SIM_QUIRK_STRING_SCALARS | VIGIL_SIM_QUIRK_TRAILING_COMMA;
    default:
      return VIGIL_SIM_QUIRK_NONE;
    }
}

static char *
next_body (VigilSimGateway *gateway,
           guint64          i,
           guint64         *rng,
           gint64           time)
{
  VigilSimPanel *panel = g_ptr_array_index (gateway->panels,
                                            vigil_sim_rng_range (rng, 0, gateway->panels->len));
  VigilSimQuirks quirks = pick_quirks (rng);
  guint roll = vigil_sim_rng_range (rng, 0, 100);
  VigilSimCidEvent event;

  if (roll < 40)
    {
      fill_event (panel, &alarm_codes[vigil_sim_rng_range (rng, 0, G_N_ELEMENTS (alarm_codes))],
                  FALSE, rng, time, &event);
      return vigil_sim_alert_cid (panel, &event, 0, quirks);
    }
  if (roll < 65)
    {
      fill_event (panel, &alarm_codes[vigil_sim_rng_range (rng, 0, G_N_ELEMENTS (alarm_codes))],
                  TRUE, rng, time, &event);
      return vigil_sim_alert_cid (panel, &event, 0, quirks);
    }
  if (roll < 75)
    {
      fill_event (panel, &routine_codes[vigil_sim_rng_range (rng, 0, G_N_ELEMENTS (routine_codes))],
                  FALSE, rng, time, &event);
      return vigil_sim_alert_cid (panel, &event, 0, quirks);
    }
  if (roll < 80)
    {
      g_autofree char *url = NULL;

      fill_event (panel, &alarm_codes[0], FALSE, rng, time, &event);
      url = g_strdup_printf ("/HikGatewayStorage/pic?%016" G_GINT64_MODIFIER "XQ%08u_CH%02d.mp4",
                             vigil_sim_rng_next (rng), vigil_sim_rng_range (rng, 0, 100000000),
                             event.video_channel);
      return vigil_sim_alert_video_review (panel, &event, url, quirks);
    }
  if (roll < 83)
    return vigil_sim_alert_dev_status (panel, roll % 2 == 0, quirks);

  {
    g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (time);

    return vigil_sim_alert_heartbeat (now, i + 1, quirks);
  }
}

GBytes *
vigil_sim_replay_record (VigilSimGateway *gateway,
                         guint64          n_events,
                         guint32          seed)
{
  GString *out;
  guint64 rng = seed;
  gint64 start;

  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (gateway), NULL);
  g_return_val_if_fail (gateway->panels->len > 0, NULL);

  out = g_string_sized_new (n_events * 900);
  start = g_get_real_time () / G_USEC_PER_SEC - (gint64) (n_events / EVENTS_PER_SECOND);

  for (guint64 i = 0; i < n_events; i++)
    {
      g_autofree char *body = next_body (gateway, i, &rng, start + (gint64) (i / EVENTS_PER_SECOND));
      guint framing = vigil_sim_rng_range (&rng, 0, 16);

      /* The framing quirks firmware shows: no Content-Length on some parts (the parser finds
       * the next boundary), the next boundary glued to the JSON on others. */
      g_string_append (out, "--boundary\r\nContent-Type: application/json; charset=\"UTF-8\"\r\n");
      if (framing != 0)
        g_string_append_printf (out, "Content-Length: %" G_GSIZE_FORMAT "\r\n", strlen (body));
      g_string_append (out, "\r\n");
      g_string_append (out, body);
      if (framing != 1)
        g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

void
vigil_sim_gateway_set_replay (VigilSimGateway *self,
                              GBytes          *recording)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));

  if (recording != NULL)
    g_bytes_ref (recording);
  g_clear_pointer (&self->replay, g_bytes_unref);
  self->replay = recording;
}
