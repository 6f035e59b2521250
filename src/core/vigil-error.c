/* vigil-error.c — the gateway's status codes (Appendix A.2) and the client's own errors
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-error"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-json.h"

#include <string.h>

typedef struct
{
  VigilIsapiError code;
  const char *sub_status;
  gint status_code;
  guint32 error_code;
  const char *sentence;
} IsapiErrorEntry;

/* Appendix A.2, in the guide's order. The sentences say what happened in words an operator
 * understands; the guide's own terse text is what errorMsg usually repeats. */
static const IsapiErrorEntry isapi_errors[] = {
  { VIGIL_ISAPI_ERROR_OK, "ok", 1, 0x1, N_("The gateway carried out the request.") },
  { VIGIL_ISAPI_ERROR_RISK_PASSWORD, "riskPassword", 1, 0x10000002, N_("The request was carried out, but the gateway considers this password risky: change it.") },
  { VIGIL_ISAPI_ERROR_NO_MEMORY, "noMemory", 2, 0x20000001, N_("The gateway is out of memory. Try again later, or restart the gateway.") },
  { VIGIL_ISAPI_ERROR_UPGRADING, "upgrading", 2, 0x20000003, N_("The gateway is being upgraded. Try again when the upgrade has finished.") },
  { VIGIL_ISAPI_ERROR_NETWORK_ERROR, "networkError", 2, 0x20000009, N_("The gateway could not reach the device over the network.") },
  { VIGIL_ISAPI_ERROR_DEVICE_ERROR, "deviceError", 3, 0x30000001, N_("The device reported a hardware error.") },
  { VIGIL_ISAPI_ERROR_CREATE_SOCKET_ERROR, "createSocketError", 3, 0x30000004, N_("The gateway could not open a network connection.") },
  { VIGIL_ISAPI_ERROR_SEND_REQUEST_ERROR, "sendRequestError", 3, 0x30000006, N_("The gateway could not pass the request on to the device.") },
  { VIGIL_ISAPI_ERROR_PASSWORD_DECODE_ERROR, "passwordDecodeError", 3, 0x30000008, N_("The gateway could not decrypt the password.") },
  { VIGIL_ISAPI_ERROR_PASSWORD_ENCRYPT_ERROR, "passwordEncryptError", 3, 0x30000009, N_("The gateway could not encrypt the password.") },
  { VIGIL_ISAPI_ERROR_PICTURE_UPLOAD_FAILED, "pictureUploadFailed", 3, 0x3000000B, N_("Uploading the picture failed.") },
  { VIGIL_ISAPI_ERROR_CONNECTE_DATABASE_ERROR, "connecteDatabaseError", 3, 0x3000000E, N_("The gateway could not open its database.") },
  { VIGIL_ISAPI_ERROR_INTERNAL_ERROR, "internalError", 3, 0x30000014, N_("The gateway hit an internal error.") },
  { VIGIL_ISAPI_ERROR_UNINITIALIZED, "uninitialized", 3, 0x3000000C, N_("The gateway is still starting up. Try again in a moment.") },
  { VIGIL_ISAPI_ERROR_NOT_SUPPORT, "notSupport", 4, 0x40000001, N_("The gateway or device does not support this request.") },
  { VIGIL_ISAPI_ERROR_LOW_PRIVILEGE, "lowPrivilege", 4, 0x40000002, N_("This user is not allowed to do that.") },
  { VIGIL_ISAPI_ERROR_BAD_AUTHORIZATION, "badAuthorization", 4, 0x40000003, N_("The user name or password was not accepted.") },
  { VIGIL_ISAPI_ERROR_METHOD_NOT_ALLOWED, "methodNotAllowed", 4, 0x40000004, N_("The gateway does not accept this kind of request here.") },
  { VIGIL_ISAPI_ERROR_NOT_ACTIVATED, "notActivated", 4, 0x40000007, N_("The device has not been activated yet.") },
  { VIGIL_ISAPI_ERROR_HAS_ACTIVATED, "hasActivated", 4, 0x40000008, N_("The device is already activated.") },
  { VIGIL_ISAPI_ERROR_INVALID_CONTENT, "invalidContent", 4, 0x4000000A, N_("The gateway did not accept the content of the request.") },
  { VIGIL_ISAPI_ERROR_MAX_SESSION_USER_LINK, "maxSessionUserLink", 4, 0x4000000B, N_("Too many users are logged in to the gateway. Try again later.") },
  { VIGIL_ISAPI_ERROR_LOGIN_PASSWORD_ERROR, "loginPasswordError", 4, 0x4000000C, N_("The password is wrong.") },
  { VIGIL_ISAPI_ERROR_INTERFACE_OPERATION_ERROR, "interfaceOperationError", 4, 0x40001002, N_("The panel refused the operation.") },
  { VIGIL_ISAPI_ERROR_OPEN_FILE_ERROR, "openFileError", 4, 0x40001014, N_("The gateway could not open the file.") },
  { VIGIL_ISAPI_ERROR_TASK_PACKING, "taskPacking", 4, 0x40001034, N_("The resource is busy with another task.") },
  { VIGIL_ISAPI_ERROR_TASK_NO_REC_FILE, "taskNoRecFile", 4, 0x40001039, N_("The video file does not exist on the gateway.") },
  { VIGIL_ISAPI_ERROR_UPDATE_LANG_UNMATCHED, "updateLangUnmatched", 4, 0x40001042, N_("The upgrade package is for another language.") },
  { VIGIL_ISAPI_ERROR_USER_MAX_NUM, "userMaxNum", 4, 0x40001047, N_("No more users can be added.") },
  { VIGIL_ISAPI_ERROR_MONITOR_NODE_OVER_LIMIT, "monitorNodeOverLimit", 4, 0x4000104D, N_("The gateway cannot take any more devices.") },
  { VIGIL_ISAPI_ERROR_DEVICE_EXIST, "deviceExist", 4, 0x40001054, N_("This device has already been added.") },
  { VIGIL_ISAPI_ERROR_PWD_ERROR_LOGIN_FAILED, "pwdErrorLoginFailed", 4, 0x40001055, N_("Login failed: check the user name and password.") },
  { VIGIL_ISAPI_ERROR_SET_ARMING_ERROR, "setArmingError", 4, 0x40001083, N_("The panel could not change the arming state.") },
  { VIGIL_ISAPI_ERROR_TASK_MODIFY_FAILED, "taskModifyFailed", 4, 0x400010B1, N_("Changing the task failed.") },
  { VIGIL_ISAPI_ERROR_GET_DEVICE_INFO_FAILED, "getDeviceInfoFailed", 4, 0x400010BC, N_("The gateway could not read the device information.") },
  { VIGIL_ISAPI_ERROR_NO_DISK_SPACE, "noDiskSpace", 4, 0x400010E6, N_("The gateway has no disk space left.") },
  { VIGIL_ISAPI_ERROR_CANNOT_SAME_AS_OLD_PASSWORD, "cannotSameAsOldPassword", 4, 0x400010E8, N_("The new password must differ from the old one.") },
  { VIGIL_ISAPI_ERROR_ORIGINAL_PASS_ERROR, "originalPassError", 4, 0x400010E9, N_("The old password is wrong.") },
  { VIGIL_ISAPI_ERROR_WRITE_FILE_ERROR, "writeFileError", 4, 0x400010EA, N_("The gateway could not write the file.") },
  { VIGIL_ISAPI_ERROR_ACCESS_FILE_DIRECTORY_FAILED, "accessFileDirectoryFailed", 4, 0x40001104, N_("The gateway could not reach the file path.") },
  { VIGIL_ISAPI_ERROR_UN_KNOWN_ERROR_CODE, "unKnownErrorCode", 4, 0x4000111D, N_("The gateway reported an unknown error.") },
  { VIGIL_ISAPI_ERROR_DEVICE_VERVISION_NOT_MATCH, "deviceVervisionNotMatch", 4, 0x40001128, N_("The device version does not match.") },
  { VIGIL_ISAPI_ERROR_THE_SESSION_ID_DOES_NOT_EXIST, "theSessionIdDoesNotExist", 4, 0x40001135, N_("The session no longer exists on the gateway.") },
  { VIGIL_ISAPI_ERROR_THE_CAMERA_ID_DOES_NOT_EXIST, "theCameraIdDoesNotExist", 4, 0x40001137, N_("The camera does not exist.") },
  { VIGIL_ISAPI_ERROR_THE_DEVICE_ID_DOES_NOT_EXIST, "theDeviceIdDoesNotExist", 4, 0x4000113B, N_("No device with this ID is added to the gateway.") },
  { VIGIL_ISAPI_ERROR_GETTING_RESOURCE_NODE_INFORMATION_FAILED, "gettingResourceNodeInformationFailed", 4, 0x40001176, N_("The gateway could not read the resource information.") },
  { VIGIL_ISAPI_ERROR_NO_MORE_TASKS_CAN_BE_ADDED, "noMoreTasksCanBeAdded", 4, 0x4000118A, N_("No more tasks can be added.") },
  { VIGIL_ISAPI_ERROR_BAD_JSON_FORMAT, "badJsonFormat", 5, 0x50000002, N_("The gateway could not read the request (invalid JSON).") },
  { VIGIL_ISAPI_ERROR_BAD_URL_FORMAT, "badURLFormat", 5, 0x50000003, N_("The gateway could not read the request address.") },
  { VIGIL_ISAPI_ERROR_BAD_PARAMETERS, "badParameters", 6, 0x60000001, N_("A value in the request was not accepted.") },
  { VIGIL_ISAPI_ERROR_BAD_XML_CONTENT, "badXmlContent", 6, 0x60000003, N_("The gateway could not read the request (invalid XML).") },
  { VIGIL_ISAPI_ERROR_BAD_PORT, "badPort", 6, 0x6000000B, N_("The port number is already in use.") },
  { VIGIL_ISAPI_ERROR_PORT_ERROR, "portError", 6, 0x6000000C, N_("The port number is not valid.") },
  { VIGIL_ISAPI_ERROR_BAD_VERSION, "badVersion", 6, 0x6000000F, N_("The version does not match.") },
  { VIGIL_ISAPI_ERROR_REQUEST_MEMORY_NULL, "requestMemoryNULL", 6, 0x6000003F, N_("The gateway could not allocate memory for the request.") },
  { VIGIL_ISAPI_ERROR_TOKEN_TIMEOUT, "tokenTimeout", 6, 0x60000040, N_("The session token has expired.") },
  { VIGIL_ISAPI_ERROR_PASSWOR_LLEN_NO_MORE_THAN16, "passworLlenNoMoreThan16", 6, 0x6000005F, N_("The password may have at most 16 characters.") },
  { VIGIL_ISAPI_ERROR_DISK_ERROR, "diskError", 6, 0x60001009, N_("The gateway reported a disk error.") },
  { VIGIL_ISAPI_ERROR_REBOOT_REQUIRED, "rebootRequired", 7, 0x70000001, N_("The change takes effect after the device restarts.") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (isapi_errors) == VIGIL_ISAPI_ERROR_UNKNOWN);

/* Both domains carry a VigilErrorDetails (GLib's extended errors). */
typedef VigilErrorDetails VigilIsapiErrorPrivate;
typedef VigilErrorDetails VigilClientErrorPrivate;

static void
details_copy_into (const VigilErrorDetails *src,
                   VigilErrorDetails       *dest)
{
  *dest = *src;
  dest->status_string = g_strdup (src->status_string);
  dest->sub_status_code = g_strdup (src->sub_status_code);
  dest->error_msg = g_strdup (src->error_msg);
  dest->request_url = g_strdup (src->request_url);
  dest->lock_status = g_strdup (src->lock_status);
  dest->tls_fingerprint = g_strdup (src->tls_fingerprint);
  dest->pinned_fingerprint = g_strdup (src->pinned_fingerprint);
}

void
vigil_error_details_clear (VigilErrorDetails *details)
{
  g_clear_pointer (&details->status_string, g_free);
  g_clear_pointer (&details->sub_status_code, g_free);
  g_clear_pointer (&details->error_msg, g_free);
  g_clear_pointer (&details->request_url, g_free);
  g_clear_pointer (&details->lock_status, g_free);
  g_clear_pointer (&details->tls_fingerprint, g_free);
  g_clear_pointer (&details->pinned_fingerprint, g_free);
}

static void
vigil_isapi_error_private_init (VigilIsapiErrorPrivate *priv)
{
}

static void
vigil_isapi_error_private_copy (const VigilIsapiErrorPrivate *src,
                                VigilIsapiErrorPrivate       *dest)
{
  details_copy_into (src, dest);
}

static void
vigil_isapi_error_private_clear (VigilIsapiErrorPrivate *priv)
{
  vigil_error_details_clear (priv);
}

static void
vigil_client_error_private_init (VigilClientErrorPrivate *priv)
{
}

static void
vigil_client_error_private_copy (const VigilClientErrorPrivate *src,
                                 VigilClientErrorPrivate       *dest)
{
  details_copy_into (src, dest);
}

static void
vigil_client_error_private_clear (VigilClientErrorPrivate *priv)
{
  vigil_error_details_clear (priv);
}

G_DEFINE_EXTENDED_ERROR (VigilIsapiError, vigil_isapi_error)
G_DEFINE_EXTENDED_ERROR (VigilClientError, vigil_client_error)

const VigilErrorDetails *
vigil_error_get_details (const GError *error)
{
  if (error == NULL)
    return NULL;
  if (error->domain == VIGIL_ISAPI_ERROR)
    return vigil_isapi_error_get_private (error);
  if (error->domain == VIGIL_CLIENT_ERROR)
    return vigil_client_error_get_private (error);
  return NULL;
}

VigilErrorDetails *
vigil_error_details_copy (const VigilErrorDetails *details)
{
  VigilErrorDetails *copy = g_new0 (VigilErrorDetails, 1);

  details_copy_into (details, copy);
  return copy;
}

void
vigil_error_details_free (VigilErrorDetails *details)
{
  if (details == NULL)
    return;
  vigil_error_details_clear (details);
  g_free (details);
}

GError *
vigil_error_new_with_details (GQuark                   domain,
                              gint                     code,
                              const VigilErrorDetails *details,
                              const char              *format,
                              ...)
{
  va_list args;
  GError *error;

  g_return_val_if_fail (domain == VIGIL_ISAPI_ERROR || domain == VIGIL_CLIENT_ERROR, NULL);

  va_start (args, format);
  error = g_error_new_valist (domain, code, format, args);
  va_end (args);

  if (details != NULL)
    {
      VigilErrorDetails *priv = (VigilErrorDetails *) vigil_error_get_details (error);

      vigil_error_details_clear (priv);
      details_copy_into (details, priv);
    }

  return error;
}

gboolean
vigil_error_details_parse (JsonObject        *object,
                           guint              http_status,
                           VigilErrorDetails *details)
{
  gint64 value;
  gboolean flag;

  memset (details, 0, sizeof *details);
  details->http_status = http_status;

  if (object == NULL)
    return FALSE;

  /* Some firmware wraps it: {"ResponseStatus":{…}}. */
  if (vigil_json_object_lookup (object, "statusCode") == NULL &&
      vigil_json_object_get_object (object, "ResponseStatus") != NULL)
    object = vigil_json_object_get_object (object, "ResponseStatus");

  if (vigil_json_object_lookup (object, "statusCode") == NULL &&
      vigil_json_object_lookup (object, "subStatusCode") == NULL)
    return FALSE;

  if (vigil_json_object_get_int (object, "statusCode", &value))
    details->status_code = (gint) value;
  details->status_string = vigil_json_object_dup_string (object, "statusString");
  details->sub_status_code = vigil_json_object_dup_string (object, "subStatusCode");
  if (details->sub_status_code != NULL)
    g_strstrip (details->sub_status_code);
  if (vigil_json_object_get_int (object, "errorCode", &value))
    details->error_code = (guint32) value;
  details->error_msg = vigil_json_object_dup_string (object, "errorMsg");
  details->request_url = vigil_json_object_dup_string (object, "requestURL");
  if (vigil_json_object_get_bool (object, "rebootRequired", &flag))
    details->reboot_required = flag;
  details->lock_status = vigil_json_object_dup_string (object, "lockStatus");
  if (vigil_json_object_get_int (object, "retryTimes", &value))
    {
      details->has_retry_times = TRUE;
      details->retry_times = (gint) CLAMP (value, G_MININT, G_MAXINT);
    }
  if (vigil_json_object_get_int (object, "resLockTime", &value))
    {
      details->has_lock_seconds = TRUE;
      details->lock_seconds = (gint) CLAMP (value, G_MININT, G_MAXINT);
    }

  /* A sub status code without a statusCode: take the class from the table. */
  if (details->status_code == 0)
    {
      VigilIsapiError code = vigil_isapi_error_from_sub_status (details->sub_status_code);
      if (code == VIGIL_ISAPI_ERROR_UNKNOWN && details->error_code != 0)
        code = vigil_isapi_error_from_error_code (details->error_code);
      details->status_code = code != VIGIL_ISAPI_ERROR_UNKNOWN ? isapi_errors[code].status_code : 0;
    }

  return TRUE;
}

GError *
vigil_isapi_error_from_details (const VigilErrorDetails *details)
{
  VigilIsapiError code = vigil_isapi_error_from_sub_status (details->sub_status_code);
  const char *sentence;

  if (code == VIGIL_ISAPI_ERROR_UNKNOWN && details->error_code != 0)
    code = vigil_isapi_error_from_error_code (details->error_code);

  if (code != VIGIL_ISAPI_ERROR_UNKNOWN)
    sentence = vigil_isapi_error_sentence (code);
  else
    sentence = _("The gateway refused the request.");

  if (details->error_msg != NULL && *details->error_msg != '\0' &&
      g_ascii_strcasecmp (details->error_msg, "ok") != 0)
    return vigil_error_new_with_details (VIGIL_ISAPI_ERROR, code, details, "%s (%s: %s)",
                                         sentence,
                                         details->sub_status_code ? details->sub_status_code : "?",
                                         details->error_msg);

  return vigil_error_new_with_details (VIGIL_ISAPI_ERROR, code, details, "%s (%s)", sentence,
                                       details->sub_status_code ? details->sub_status_code : "?");
}

VigilIsapiError
vigil_isapi_error_from_sub_status (const char *sub_status_code)
{
  if (sub_status_code == NULL)
    return VIGIL_ISAPI_ERROR_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (isapi_errors); i++)
    if (g_ascii_strcasecmp (isapi_errors[i].sub_status, sub_status_code) == 0)
      return isapi_errors[i].code;

  return VIGIL_ISAPI_ERROR_UNKNOWN;
}

VigilIsapiError
vigil_isapi_error_from_error_code (guint32 error_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (isapi_errors); i++)
    if (isapi_errors[i].error_code == error_code)
      return isapi_errors[i].code;

  return VIGIL_ISAPI_ERROR_UNKNOWN;
}

const char *
vigil_isapi_error_sub_status (VigilIsapiError code)
{
  if ((guint) code >= G_N_ELEMENTS (isapi_errors))
    return NULL;
  return isapi_errors[code].sub_status;
}

guint32
vigil_isapi_error_code (VigilIsapiError code)
{
  if ((guint) code >= G_N_ELEMENTS (isapi_errors))
    return 0;
  return isapi_errors[code].error_code;
}

gint
vigil_isapi_error_status_code (VigilIsapiError code)
{
  if ((guint) code >= G_N_ELEMENTS (isapi_errors))
    return 0;
  return isapi_errors[code].status_code;
}

const char *
vigil_isapi_error_sentence (VigilIsapiError code)
{
  if ((guint) code >= G_N_ELEMENTS (isapi_errors))
    return _("The gateway refused the request.");
  return g_dgettext (GETTEXT_PACKAGE, isapi_errors[code].sentence);
}

guint
vigil_isapi_error_table_size (void)
{
  return G_N_ELEMENTS (isapi_errors);
}
