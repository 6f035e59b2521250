/* vigil-cid.h — Appendix A.3 (Hikvision CID codes) and A.1 (event types)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_CID_CATEGORY_UNKNOWN = 0,
  VIGIL_CID_CATEGORY_FIRE,        /* fire, gas leakage */
  VIGIL_CID_CATEGORY_MEDICAL,
  VIGIL_CID_CATEGORY_PANIC,       /* duress, panic, 24h silent */
  VIGIL_CID_CATEGORY_ALARM,       /* burglary, perimeter, interior, instant, delayed, 24h … */
  VIGIL_CID_CATEGORY_TAMPER,
  VIGIL_CID_CATEGORY_FAULT,       /* bus, expander, power, battery, network, offline devices */
  VIGIL_CID_CATEGORY_ARMING,      /* arming, disarming, alarm clearing */
  VIGIL_CID_CATEGORY_BYPASS,
  VIGIL_CID_CATEGORY_TEST,        /* report tests, heartbeat, duty checking */
  VIGIL_CID_CATEGORY_OUTPUT,      /* outputs by schedule */
  VIGIL_CID_CATEGORY_SYSTEM,      /* programming, detectors added/deleted, keypad lock … */
  VIGIL_CID_CATEGORY_VIDEO,       /* motion, video loss, HDD (9xx video device codes) */
} VigilCidCategory;

typedef struct
{
  guint event;                 /* the three-digit event, e.g. 130 */
  guint code;                  /* the four-digit code, e.g. 1130 or 3130 */
  gboolean restore;            /* TRUE for a restore (code 3xxx) */
  VigilCidCategory category;
  const char *description;     /* English, as in the guide; translate with vigil_cid_describe() */
} VigilCidInfo;

/* Looks up a four-digit code ("1130", 1130). NULL if the guide does not list it. */
const VigilCidInfo *vigil_cid_lookup      (guint code);
const VigilCidInfo *vigil_cid_lookup_string (const char *code);

/* Parses "1130" → event 130, restore FALSE. Accepts surrounding spaces. FALSE if not 4 digits
 * starting with 1 or 3. */
gboolean     vigil_cid_parse_code    (const char *code,
                                      guint      *event,
                                      gboolean   *restore);

/* A translated sentence for a code; for an unknown code "CID event 123" (never NULL). */
char        *vigil_cid_describe      (guint code);

/* The category of an event number even when only its trigger or restore is listed. */
VigilCidCategory vigil_cid_category_for_event (guint event);

const char  *vigil_cid_category_to_string (VigilCidCategory category);  /* "fire", "alarm", … */
const char  *vigil_cid_category_label     (VigilCidCategory category);  /* translated label */

/* The full table, for listing (vigilctl, tests). */
const VigilCidInfo *vigil_cid_table (guint *n_entries);

/* A.1: known eventType strings ("devStatusChanged", "videoReview", "CIDAlarm", "heartBeat"). */
gboolean     vigil_event_type_is_known (const char *event_type);
const char  *vigil_event_type_label    (const char *event_type);  /* translated, or the string */

G_END_DECLS
