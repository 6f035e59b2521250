/* vigil-sim-status.h — the simulator's side of Appendix A.2 (status and error codes)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define VIGIL_SIM_STATUS_ERROR (vigil_sim_status_error_quark ())

/* The sub status codes the simulator answers with. A GError in VIGIL_SIM_STATUS_ERROR carries
 * one of these as its code and the errorMsg as its message. */
typedef enum
{
  VIGIL_SIM_STATUS_OK,
  VIGIL_SIM_STATUS_NETWORK_ERROR,             /* 2 0x20000009 */
  VIGIL_SIM_STATUS_DEVICE_ERROR,              /* 3 0x30000001 */
  VIGIL_SIM_STATUS_INTERNAL_ERROR,            /* 3 0x30000014 */
  VIGIL_SIM_STATUS_NOT_SUPPORT,               /* 4 0x40000001 */
  VIGIL_SIM_STATUS_BAD_AUTHORIZATION,         /* 4 0x40000003 */
  VIGIL_SIM_STATUS_METHOD_NOT_ALLOWED,        /* 4 0x40000004 */
  VIGIL_SIM_STATUS_INTERFACE_OPERATION_ERROR, /* 4 0x40001002 */
  VIGIL_SIM_STATUS_TASK_NO_REC_FILE,          /* 4 0x40001039 */
  VIGIL_SIM_STATUS_MONITOR_NODE_OVER_LIMIT,   /* 4 0x4000104D */
  VIGIL_SIM_STATUS_DEVICE_EXIST,              /* 4 0x40001054 */
  VIGIL_SIM_STATUS_SESSION_ID_DOES_NOT_EXIST, /* 4 0x40001135 */
  VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST,  /* 4 0x4000113B */
  VIGIL_SIM_STATUS_BAD_JSON_FORMAT,           /* 5 0x50000002 */
  VIGIL_SIM_STATUS_BAD_URL_FORMAT,            /* 5 0x50000003 */
  VIGIL_SIM_STATUS_BAD_PARAMETERS,            /* 6 0x60000001 */
} VigilSimStatus;

GQuark      vigil_sim_status_error_quark   (void);

int         vigil_sim_status_code          (VigilSimStatus status);  /* statusCode, 1…7 */
const char *vigil_sim_status_string        (VigilSimStatus status);  /* statusString */
const char *vigil_sim_status_sub_code      (VigilSimStatus status);  /* subStatusCode */
gint64      vigil_sim_status_error_code    (VigilSimStatus status);  /* errorCode */
guint       vigil_sim_status_http          (VigilSimStatus status);  /* HTTP status to answer */

/* Adds the members of a JSON_ResponseStatus (requestURL, statusCode, statusString,
 * subStatusCode, errorCode, errorMsg) to the object being built. @error_msg NULL means the
 * guide's description of the code ("ok" for success). */
void        vigil_sim_status_build_members (JsonBuilder    *builder,
                                            const char     *request_url,
                                            VigilSimStatus  status,
                                            const char     *error_msg);

/* The same members for the GError (any domain other than VIGIL_SIM_STATUS_ERROR is an
 * internalError). */
void        vigil_sim_status_build_error   (JsonBuilder  *builder,
                                            const char   *request_url,
                                            const GError *error);

/* The status a GError stands for. */
VigilSimStatus vigil_sim_status_from_error (const GError *error);

G_END_DECLS
