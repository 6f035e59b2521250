/* vigil-sim-types.h — enumerations shared by the simulated gateway's public headers
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VigilSimDigestAlgorithm:
 * @VIGIL_SIM_DIGEST_MD5: `algorithm=MD5`
 * @VIGIL_SIM_DIGEST_MD5_SESS: `algorithm=MD5-sess` (needs a client nonce, so it is only
 *   verifiable together with qop `auth`; with no qop every attempt fails, as on a real device)
 *
 * The Digest algorithm the gateway offers in its challenge (guide §3.1).
 */
typedef enum
{
  VIGIL_SIM_DIGEST_MD5,
  VIGIL_SIM_DIGEST_MD5_SESS,
} VigilSimDigestAlgorithm;

/**
 * VigilSimDigestQop:
 * @VIGIL_SIM_DIGEST_QOP_AUTH: the challenge offers `qop="auth"`
 * @VIGIL_SIM_DIGEST_QOP_NONE: no qop (RFC 2069 style response)
 */
typedef enum
{
  VIGIL_SIM_DIGEST_QOP_AUTH,
  VIGIL_SIM_DIGEST_QOP_NONE,
} VigilSimDigestQop;

/**
 * VigilSimQuirks:
 * @VIGIL_SIM_QUIRK_NONE: strict output
 * @VIGIL_SIM_QUIRK_DATA_TIME: `dataTime` instead of `dateTime` (the guide's heartbeat example)
 * @VIGIL_SIM_QUIRK_HEARTBEAT_SPACE: `"heartBeat "` with a trailing space (guide §9.13)
 * @VIGIL_SIM_QUIRK_TRAILING_COMMA: a comma after the last member (guide §6.1 example)
 * @VIGIL_SIM_QUIRK_GLUED_BOUNDARY: no line break between the JSON and the next `--boundary`
 * @VIGIL_SIM_QUIRK_LF_ONLY: LF instead of CRLF in the multipart framing
 * @VIGIL_SIM_QUIRK_NO_CONTENT_LENGTH: parts without a Content-Length header
 * @VIGIL_SIM_QUIRK_WRONG_CONTENT_LENGTH: Content-Length 3 bytes short on odd parts and 7 bytes
 *   long on even parts
 * @VIGIL_SIM_QUIRK_FIRST_PART_NO_HEADERS: the first part (SubscribeDeviceMgmtRsp) comes right
 *   after its boundary line with no header lines at all
 * @VIGIL_SIM_QUIRK_SHORT_OFFSET: offsets written like `-4:00` instead of `-04:00`
 * @VIGIL_SIM_QUIRK_NO_ZONE: `dateTime` without any zone designator
 * @VIGIL_SIM_QUIRK_STRING_SCALARS: numbers and booleans of events sent as strings
 * @VIGIL_SIM_QUIRKS_GUIDE: the three quirks the guide's own examples show
 *
 * Deviations real gateways (and the guide's examples) show in the event stream. All off by
 * default.
 */
typedef enum
{
  VIGIL_SIM_QUIRK_NONE                  = 0,
  VIGIL_SIM_QUIRK_DATA_TIME             = 1 << 0,
  VIGIL_SIM_QUIRK_HEARTBEAT_SPACE       = 1 << 1,
  VIGIL_SIM_QUIRK_TRAILING_COMMA        = 1 << 2,
  VIGIL_SIM_QUIRK_GLUED_BOUNDARY        = 1 << 3,
  VIGIL_SIM_QUIRK_LF_ONLY               = 1 << 4,
  VIGIL_SIM_QUIRK_NO_CONTENT_LENGTH     = 1 << 5,
  VIGIL_SIM_QUIRK_WRONG_CONTENT_LENGTH  = 1 << 6,
  VIGIL_SIM_QUIRK_FIRST_PART_NO_HEADERS = 1 << 7,
  VIGIL_SIM_QUIRK_SHORT_OFFSET          = 1 << 8,
  VIGIL_SIM_QUIRK_NO_ZONE               = 1 << 9,
  VIGIL_SIM_QUIRK_STRING_SCALARS        = 1 << 10,

  VIGIL_SIM_QUIRKS_GUIDE = VIGIL_SIM_QUIRK_DATA_TIME
                         | VIGIL_SIM_QUIRK_HEARTBEAT_SPACE
                         | VIGIL_SIM_QUIRK_TRAILING_COMMA,
} VigilSimQuirks;

/**
 * VigilSimStreamFault:
 * @VIGIL_SIM_STREAM_FAULT_NONE: clears a stall
 * @VIGIL_SIM_STREAM_FAULT_DROP_MID_PART: sends the first half of a heartbeat part, then closes
 *   the connection (once)
 * @VIGIL_SIM_STREAM_FAULT_STALL: stops sending anything, heartbeats included, until
 *   %VIGIL_SIM_STREAM_FAULT_NONE; events raised meanwhile are kept and sent afterwards
 * @VIGIL_SIM_STREAM_FAULT_GARBAGE_PART: one part whose body is not JSON (once)
 *
 * Faults injected into open event streams.
 */
typedef enum
{
  VIGIL_SIM_STREAM_FAULT_NONE,
  VIGIL_SIM_STREAM_FAULT_DROP_MID_PART,
  VIGIL_SIM_STREAM_FAULT_STALL,
  VIGIL_SIM_STREAM_FAULT_GARBAGE_PART,
} VigilSimStreamFault;

/**
 * VigilSimArming:
 * @VIGIL_SIM_ARMING_DISARM: disarmed
 * @VIGIL_SIM_ARMING_STAY: stay (home) armed: interior zones stay off
 * @VIGIL_SIM_ARMING_AWAY: away armed
 */
typedef enum
{
  VIGIL_SIM_ARMING_DISARM,
  VIGIL_SIM_ARMING_STAY,
  VIGIL_SIM_ARMING_AWAY,
} VigilSimArming;

/**
 * VigilSimZoneKind:
 *
 * What a zone detects; decides which CID code its alarm raises and when it is armed.
 */
typedef enum
{
  VIGIL_SIM_ZONE_INSTANT,    /* 1130 Burglary */
  VIGIL_SIM_ZONE_DELAYED,    /* 1134 Delayed (entry/exit doors) */
  VIGIL_SIM_ZONE_INTERIOR,   /* 1132 Interior (follower PIRs; off when stay armed) */
  VIGIL_SIM_ZONE_PERIMETER,  /* 1131 Perimeter */
  VIGIL_SIM_ZONE_FIRE,       /* 1110 Fire, always armed */
  VIGIL_SIM_ZONE_GAS,        /* 1151 Gas leakage, always armed */
  VIGIL_SIM_ZONE_24H,        /* 1123 24H audible, always armed */
  VIGIL_SIM_ZONE_PANIC,      /* 1129 Panic, always armed */
} VigilSimZoneKind;

/* Partition number that means every partition (guide §8.4.1). */
#define VIGIL_SIM_ALL_PARTITIONS 0xffffffffu

G_END_DECLS
