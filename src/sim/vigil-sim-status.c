/* vigil-sim-status.c — the simulator's side of Appendix A.2 (status and error codes)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-status"

#include <libsoup/soup.h>

#include "vigil-sim-status.h"

G_DEFINE_QUARK (vigil-sim-status-error-quark, vigil_sim_status_error)

typedef struct
{
  int         status_code;
  const char *sub_code;
  gint64      error_code;
  const char *description;
  guint       http;
} StatusInfo;

/* The HTTP status follows the statusCode family the way Hikvision firmware does: invalid
 * operation 403, bad format or content 400, busy 503, device error 500; a few get the HTTP
 * code that says the same thing (401, 404, 405). */
static const StatusInfo statuses[] = {
  [VIGIL_SIM_STATUS_OK] = { 1, "ok", 0x1, "ok", SOUP_STATUS_OK },
  [VIGIL_SIM_STATUS_NETWORK_ERROR] = { 2, "networkError", 0x20000009, "Network error.", SOUP_STATUS_SERVICE_UNAVAILABLE },
  [VIGIL_SIM_STATUS_DEVICE_ERROR] = { 3, "deviceError", 0x30000001, "Device hardware error.", SOUP_STATUS_INTERNAL_SERVER_ERROR },
  [VIGIL_SIM_STATUS_INTERNAL_ERROR] = { 3, "internalError", 0x30000014, "Internal error.", SOUP_STATUS_INTERNAL_SERVER_ERROR },
  [VIGIL_SIM_STATUS_NOT_SUPPORT] = { 4, "notSupport", 0x40000001, "Not supported.", SOUP_STATUS_FORBIDDEN },
  [VIGIL_SIM_STATUS_BAD_AUTHORIZATION] = { 4, "badAuthorization", 0x40000003, "Authentication failed.", SOUP_STATUS_UNAUTHORIZED },
  [VIGIL_SIM_STATUS_METHOD_NOT_ALLOWED] = { 4, "methodNotAllowed", 0x40000004, "Invalid HTTP method.", SOUP_STATUS_METHOD_NOT_ALLOWED },
  [VIGIL_SIM_STATUS_INTERFACE_OPERATION_ERROR] = { 4, "interfaceOperationError", 0x40001002, "Operation failed.", SOUP_STATUS_FORBIDDEN },
  [VIGIL_SIM_STATUS_TASK_NO_REC_FILE] = { 4, "taskNoRecFile", 0x40001039, "The video file does not exist.", SOUP_STATUS_NOT_FOUND },
  [VIGIL_SIM_STATUS_MONITOR_NODE_OVER_LIMIT] = { 4, "monitorNodeOverLimit", 0x4000104D, "No more camera can be added.", SOUP_STATUS_FORBIDDEN },
  [VIGIL_SIM_STATUS_DEVICE_EXIST] = { 4, "deviceExist", 0x40001054, "The device is already added.", SOUP_STATUS_FORBIDDEN },
  [VIGIL_SIM_STATUS_SESSION_ID_DOES_NOT_EXIST] = { 4, "theSessionIdDoesNotExist", 0x40001135, "The session ID does not exist.", SOUP_STATUS_FORBIDDEN },
  [VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST] = { 4, "theDeviceIdDoesNotExist", 0x4000113B, "The device ID does not exist.", SOUP_STATUS_FORBIDDEN },
  [VIGIL_SIM_STATUS_BAD_JSON_FORMAT] = { 5, "badJsonFormat", 0x50000002, "Invalid JSON format.", SOUP_STATUS_BAD_REQUEST },
  [VIGIL_SIM_STATUS_BAD_URL_FORMAT] = { 5, "badURLFormat", 0x50000003, "Invalid URL format.", SOUP_STATUS_BAD_REQUEST },
  [VIGIL_SIM_STATUS_BAD_PARAMETERS] = { 6, "badParameters", 0x60000001, "Incorrect parameter.", SOUP_STATUS_BAD_REQUEST },
};

static const char *status_strings[] = {
  NULL,
  "OK",
  "Device Busy",
  "Device Error",
  "Invalid Operation",
  "Invalid Message Format",
  "Invalid Message Content",
  "Reboot Required",
};

static const StatusInfo *
lookup (VigilSimStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (statuses))
    status = VIGIL_SIM_STATUS_INTERNAL_ERROR;
  return &statuses[status];
}

int
vigil_sim_status_code (VigilSimStatus status)
{
  return lookup (status)->status_code;
}

const char *
vigil_sim_status_string (VigilSimStatus status)
{
  return status_strings[lookup (status)->status_code];
}

const char *
vigil_sim_status_sub_code (VigilSimStatus status)
{
  return lookup (status)->sub_code;
}

gint64
vigil_sim_status_error_code (VigilSimStatus status)
{
  return lookup (status)->error_code;
}

guint
vigil_sim_status_http (VigilSimStatus status)
{
  return lookup (status)->http;
}

void
vigil_sim_status_build_members (JsonBuilder    *builder,
                                const char     *request_url,
                                VigilSimStatus  status,
                                const char     *error_msg)
{
  const StatusInfo *info = lookup (status);

  if (request_url != NULL)
    {
      json_builder_set_member_name (builder, "requestURL");
      json_builder_add_string_value (builder, request_url);
    }
  json_builder_set_member_name (builder, "statusCode");
  json_builder_add_int_value (builder, info->status_code);
  json_builder_set_member_name (builder, "statusString");
  json_builder_add_string_value (builder, status_strings[info->status_code]);
  json_builder_set_member_name (builder, "subStatusCode");
  json_builder_add_string_value (builder, info->sub_code);
  json_builder_set_member_name (builder, "errorCode");
  json_builder_add_int_value (builder, info->error_code);
  json_builder_set_member_name (builder, "errorMsg");
  json_builder_add_string_value (builder, error_msg != NULL ? error_msg : info->description);
}

VigilSimStatus
vigil_sim_status_from_error (const GError *error)
{
  if (error == NULL)
    return VIGIL_SIM_STATUS_OK;
  if (error->domain != VIGIL_SIM_STATUS_ERROR
      || error->code < 0
      || (guint) error->code >= G_N_ELEMENTS (statuses))
    return VIGIL_SIM_STATUS_INTERNAL_ERROR;
  return (VigilSimStatus) error->code;
}

void
vigil_sim_status_build_error (JsonBuilder  *builder,
                              const char   *request_url,
                              const GError *error)
{
  vigil_sim_status_build_members (builder, request_url,
                                  vigil_sim_status_from_error (error),
                                  error != NULL ? error->message : NULL);
}
