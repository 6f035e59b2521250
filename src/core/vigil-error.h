/* vigil-error.h — the gateway's status codes (Appendix A.2) and the client's own errors
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A JSON_ResponseStatus that is not "ok" becomes a GError in this domain, its code named by
 * the sub status code. The gateway's own fields travel with it (vigil_error_get_details). */
#define VIGIL_ISAPI_ERROR (vigil_isapi_error_quark ())

typedef enum
{
  VIGIL_ISAPI_ERROR_OK,
  VIGIL_ISAPI_ERROR_RISK_PASSWORD,
  VIGIL_ISAPI_ERROR_NO_MEMORY,
  VIGIL_ISAPI_ERROR_UPGRADING,
  VIGIL_ISAPI_ERROR_NETWORK_ERROR,
  VIGIL_ISAPI_ERROR_DEVICE_ERROR,
  VIGIL_ISAPI_ERROR_CREATE_SOCKET_ERROR,
  VIGIL_ISAPI_ERROR_SEND_REQUEST_ERROR,
  VIGIL_ISAPI_ERROR_PASSWORD_DECODE_ERROR,
  VIGIL_ISAPI_ERROR_PASSWORD_ENCRYPT_ERROR,
  VIGIL_ISAPI_ERROR_PICTURE_UPLOAD_FAILED,
  VIGIL_ISAPI_ERROR_CONNECTE_DATABASE_ERROR,
  VIGIL_ISAPI_ERROR_INTERNAL_ERROR,
  VIGIL_ISAPI_ERROR_UNINITIALIZED,
  VIGIL_ISAPI_ERROR_NOT_SUPPORT,
  VIGIL_ISAPI_ERROR_LOW_PRIVILEGE,
  VIGIL_ISAPI_ERROR_BAD_AUTHORIZATION,
  VIGIL_ISAPI_ERROR_METHOD_NOT_ALLOWED,
  VIGIL_ISAPI_ERROR_NOT_ACTIVATED,
  VIGIL_ISAPI_ERROR_HAS_ACTIVATED,
  VIGIL_ISAPI_ERROR_INVALID_CONTENT,
  VIGIL_ISAPI_ERROR_MAX_SESSION_USER_LINK,
  VIGIL_ISAPI_ERROR_LOGIN_PASSWORD_ERROR,
  VIGIL_ISAPI_ERROR_INTERFACE_OPERATION_ERROR,
  VIGIL_ISAPI_ERROR_OPEN_FILE_ERROR,
  VIGIL_ISAPI_ERROR_TASK_PACKING,
  VIGIL_ISAPI_ERROR_TASK_NO_REC_FILE,
  VIGIL_ISAPI_ERROR_UPDATE_LANG_UNMATCHED,
  VIGIL_ISAPI_ERROR_USER_MAX_NUM,
  VIGIL_ISAPI_ERROR_MONITOR_NODE_OVER_LIMIT,
  VIGIL_ISAPI_ERROR_DEVICE_EXIST,
  VIGIL_ISAPI_ERROR_PWD_ERROR_LOGIN_FAILED,
  VIGIL_ISAPI_ERROR_SET_ARMING_ERROR,
  VIGIL_ISAPI_ERROR_TASK_MODIFY_FAILED,
  VIGIL_ISAPI_ERROR_GET_DEVICE_INFO_FAILED,
  VIGIL_ISAPI_ERROR_NO_DISK_SPACE,
  VIGIL_ISAPI_ERROR_CANNOT_SAME_AS_OLD_PASSWORD,
  VIGIL_ISAPI_ERROR_ORIGINAL_PASS_ERROR,
  VIGIL_ISAPI_ERROR_WRITE_FILE_ERROR,
  VIGIL_ISAPI_ERROR_ACCESS_FILE_DIRECTORY_FAILED,
  VIGIL_ISAPI_ERROR_UN_KNOWN_ERROR_CODE,
  VIGIL_ISAPI_ERROR_DEVICE_VERVISION_NOT_MATCH,
  VIGIL_ISAPI_ERROR_THE_SESSION_ID_DOES_NOT_EXIST,
  VIGIL_ISAPI_ERROR_THE_CAMERA_ID_DOES_NOT_EXIST,
  VIGIL_ISAPI_ERROR_THE_DEVICE_ID_DOES_NOT_EXIST,
  VIGIL_ISAPI_ERROR_GETTING_RESOURCE_NODE_INFORMATION_FAILED,
  VIGIL_ISAPI_ERROR_NO_MORE_TASKS_CAN_BE_ADDED,
  VIGIL_ISAPI_ERROR_BAD_JSON_FORMAT,
  VIGIL_ISAPI_ERROR_BAD_URL_FORMAT,
  VIGIL_ISAPI_ERROR_BAD_PARAMETERS,
  VIGIL_ISAPI_ERROR_BAD_XML_CONTENT,
  VIGIL_ISAPI_ERROR_BAD_PORT,
  VIGIL_ISAPI_ERROR_PORT_ERROR,
  VIGIL_ISAPI_ERROR_BAD_VERSION,
  VIGIL_ISAPI_ERROR_REQUEST_MEMORY_NULL,
  VIGIL_ISAPI_ERROR_TOKEN_TIMEOUT,
  VIGIL_ISAPI_ERROR_PASSWOR_LLEN_NO_MORE_THAN16,
  VIGIL_ISAPI_ERROR_DISK_ERROR,
  VIGIL_ISAPI_ERROR_REBOOT_REQUIRED,
  VIGIL_ISAPI_ERROR_UNKNOWN,  /* a sub status code the guide does not list */
} VigilIsapiError;

/* What went wrong on Vigil's side of the wire. */
#define VIGIL_CLIENT_ERROR (vigil_client_error_quark ())

typedef enum
{
  VIGIL_CLIENT_ERROR_AUTH_FAILED,          /* wrong user or password; details say attempts left */
  VIGIL_CLIENT_ERROR_LOCKED,               /* the user is locked; details say for how long */
  VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED, /* these credentials were refused before: not resent */
  VIGIL_CLIENT_ERROR_TLS_UNTRUSTED,        /* unknown certificate; details carry its SHA-256 */
  VIGIL_CLIENT_ERROR_TLS_PIN_MISMATCH,     /* the certificate is not the pinned one */
  VIGIL_CLIENT_ERROR_CROSS_ORIGIN,         /* a redirect or URL to another scheme, host or port */
  VIGIL_CLIENT_ERROR_CONNECTION,           /* the gateway could not be reached */
  VIGIL_CLIENT_ERROR_TIMEOUT,
  VIGIL_CLIENT_ERROR_HTTP,                 /* an HTTP status with no ResponseStatus to explain it */
  VIGIL_CLIENT_ERROR_BAD_RESPONSE,         /* not JSON, or not the message expected */
  VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,     /* refused before anything was sent */
} VigilClientError;

/* The gateway's words, kept with the error so the UI can say "2 attempts left" and a log can
 * show the code. Strings may be NULL; the has_ flags say whether a number was sent. */
typedef struct
{
  guint     http_status;
  gint      status_code;       /* 1 ok … 7 reboot required */
  char     *status_string;
  char     *sub_status_code;   /* as sent, e.g. "badAuthorization" */
  guint32   error_code;        /* e.g. 0x40000003 */
  char     *error_msg;
  char     *request_url;
  gboolean  reboot_required;
  char     *lock_status;       /* "unlock"/"lock" (or "unlocked"/"locked" from userCheck) */
  gboolean  has_retry_times;
  gint      retry_times;       /* attempts left */
  gboolean  has_lock_seconds;
  gint      lock_seconds;      /* resLockTime / unlockTime */
  char     *tls_fingerprint;   /* SHA-256 of the presented certificate, hex with colons */
  char     *pinned_fingerprint;
} VigilErrorDetails;

GQuark                   vigil_isapi_error_quark  (void);
GQuark                   vigil_client_error_quark (void);

/* The details of an error in either domain; NULL for other domains. */
const VigilErrorDetails *vigil_error_get_details  (const GError *error);
VigilErrorDetails       *vigil_error_details_copy (const VigilErrorDetails *details);
void                     vigil_error_details_free (VigilErrorDetails *details);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilErrorDetails, vigil_error_details_free)

/* Makes a GError in @domain carrying a copy of @details. */
GError                  *vigil_error_new_with_details (GQuark                   domain,
                                                       gint                     code,
                                                       const VigilErrorDetails *details,
                                                       const char              *format,
                                                       ...) G_GNUC_PRINTF (4, 5);

/* Reads a JSON_ResponseStatus (or JSON_ResponseStatus_AuthenticationFailed) object. FALSE if
 * @object does not look like one (no statusCode nor subStatusCode). */
gboolean                 vigil_error_details_parse (JsonObject        *object,
                                                    guint              http_status,
                                                    VigilErrorDetails *details);
void                     vigil_error_details_clear (VigilErrorDetails *details);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilErrorDetails, vigil_error_details_clear)

/* The GError for a ResponseStatus that is not ok: code from the sub status code, message the
 * translated sentence followed by the gateway's errorMsg. */
GError                  *vigil_isapi_error_from_details (const VigilErrorDetails *details);

/* Appendix A.2 lookups. */
VigilIsapiError          vigil_isapi_error_from_sub_status (const char *sub_status_code);
VigilIsapiError          vigil_isapi_error_from_error_code (guint32 error_code);
const char              *vigil_isapi_error_sub_status      (VigilIsapiError code);
guint32                  vigil_isapi_error_code            (VigilIsapiError code);
gint                     vigil_isapi_error_status_code     (VigilIsapiError code);
const char              *vigil_isapi_error_sentence        (VigilIsapiError code);  /* translated */
guint                    vigil_isapi_error_table_size      (void);

G_END_DECLS
