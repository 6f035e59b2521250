/* vigilctl-error.c — what went wrong, for a person (stderr) and a script (exit status, JSON)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <string.h>

#include <glib/gi18n.h>

#include "vigilctl-private.h"

int
vigilctl_usage_error (Vigilctl   *ctl,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("vigilctl: %s\n", message);
  g_printerr ("%s\n", _("Add --help to a command to see how it is used."));

  if (ctl != NULL && ctl->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "error");
      /* The same members as every other error document, so scripts read one shape. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "domain");
      json_builder_add_string_value (builder, "usage");
      json_builder_set_member_name (builder, "code");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "subStatusCode");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "statusCode");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "errorCode");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      vigilctl_print_json (node);
    }

  return VIGILCTL_EXIT_USAGE;
}

int
vigilctl_exit_status_for (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return VIGILCTL_EXIT_INTERRUPTED;

  if (error->domain == VIGIL_ISAPI_ERROR)
    return error->code == VIGIL_ISAPI_ERROR_BAD_AUTHORIZATION ? VIGILCTL_EXIT_AUTH : VIGILCTL_EXIT_REFUSED;

  if (error->domain == VIGIL_CLIENT_ERROR)
    {
      switch ((VigilClientError) error->code)
        {
        case VIGIL_CLIENT_ERROR_AUTH_FAILED:
        case VIGIL_CLIENT_ERROR_LOCKED:
        case VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED:
          return VIGILCTL_EXIT_AUTH;
        /* A URL on another origin is refused before any I/O: the connection the command
         * needed is one we will not open, so it counts with the connection failures. */
        case VIGIL_CLIENT_ERROR_CROSS_ORIGIN:
        case VIGIL_CLIENT_ERROR_TLS_UNTRUSTED:
        case VIGIL_CLIENT_ERROR_TLS_PIN_MISMATCH:
        case VIGIL_CLIENT_ERROR_CONNECTION:
        case VIGIL_CLIENT_ERROR_TIMEOUT:
          return VIGILCTL_EXIT_CONNECTION;
        case VIGIL_CLIENT_ERROR_INVALID_ARGUMENT:
          return VIGILCTL_EXIT_USAGE;
        case VIGIL_CLIENT_ERROR_HTTP:
        case VIGIL_CLIENT_ERROR_BAD_RESPONSE:
        default:
          return VIGILCTL_EXIT_REFUSED;
        }
    }

  if (error->domain == G_OPTION_ERROR)
    return VIGILCTL_EXIT_USAGE;

  if (error->domain == G_TLS_ERROR || error->domain == G_RESOLVER_ERROR)
    return VIGILCTL_EXIT_CONNECTION;

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_TIMED_OUT:
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
        case G_IO_ERROR_CONNECTION_CLOSED:
        case G_IO_ERROR_PARTIAL_INPUT:
          return VIGILCTL_EXIT_CONNECTION;
        default:
          break;
        }
    }

  return VIGILCTL_EXIT_REFUSED;
}

static const char *
client_error_nick (gint code)
{
  switch ((VigilClientError) code)
    {
    case VIGIL_CLIENT_ERROR_AUTH_FAILED: return "authFailed";
    case VIGIL_CLIENT_ERROR_LOCKED: return "locked";
    case VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED: return "credentialsRejected";
    case VIGIL_CLIENT_ERROR_TLS_UNTRUSTED: return "tlsUntrusted";
    case VIGIL_CLIENT_ERROR_TLS_PIN_MISMATCH: return "tlsPinMismatch";
    case VIGIL_CLIENT_ERROR_CROSS_ORIGIN: return "crossOrigin";
    case VIGIL_CLIENT_ERROR_CONNECTION: return "connection";
    case VIGIL_CLIENT_ERROR_TIMEOUT: return "timeout";
    case VIGIL_CLIENT_ERROR_HTTP: return "http";
    case VIGIL_CLIENT_ERROR_BAD_RESPONSE: return "badResponse";
    case VIGIL_CLIENT_ERROR_INVALID_ARGUMENT: return "invalidArgument";
    default: return "unknown";
    }
}

static const char *
domain_name (const GError *error)
{
  if (error->domain == VIGIL_ISAPI_ERROR)
    return "isapi";
  if (error->domain == VIGIL_CLIENT_ERROR)
    return "client";
  if (error->domain == VIGIL_JSON_ERROR)
    return "json";
  if (error->domain == G_OPTION_ERROR)
    return "usage";
  if (error->domain == G_TLS_ERROR)
    return "tls";
  if (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    return "io";
  return g_quark_to_string (error->domain);
}

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
print_error_json (const GError            *error,
                  const VigilErrorDetails *details)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *message = vigil_utf8_repair (error->message, -1);
  const char *sub_status = NULL;
  const char *code = NULL;
  gint status_code = 0;
  guint32 error_code = 0;

  if (details != NULL)
    {
      sub_status = details->sub_status_code;
      status_code = details->status_code;
      error_code = details->error_code;
    }

  if (error->domain == VIGIL_ISAPI_ERROR)
    {
      if (sub_status == NULL)
        sub_status = vigil_isapi_error_sub_status (error->code);
      if (status_code == 0)
        status_code = vigil_isapi_error_status_code (error->code);
      if (error_code == 0)
        error_code = vigil_isapi_error_code (error->code);
      code = sub_status;
    }
  else if (error->domain == VIGIL_CLIENT_ERROR)
    code = client_error_nick (error->code);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);

  add_string_or_null (builder, "domain", domain_name (error));
  add_string_or_null (builder, "code", code);
  add_string_or_null (builder, "subStatusCode", sub_status);

  json_builder_set_member_name (builder, "statusCode");
  if (status_code != 0)
    json_builder_add_int_value (builder, status_code);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "errorCode");
  if (error_code != 0)
    json_builder_add_int_value (builder, error_code);
  else
    json_builder_add_null_value (builder);

  add_string_or_null (builder, "message", message);

  if (details != NULL)
    {
      if (details->http_status != 0)
        {
          json_builder_set_member_name (builder, "httpStatus");
          json_builder_add_int_value (builder, details->http_status);
        }
      if (details->error_msg != NULL)
        add_string_or_null (builder, "errorMsg", details->error_msg);
      if (details->request_url != NULL)
        add_string_or_null (builder, "requestURL", details->request_url);
      if (details->lock_status != NULL)
        add_string_or_null (builder, "lockStatus", details->lock_status);
      if (details->has_retry_times)
        {
          json_builder_set_member_name (builder, "retryTimes");
          json_builder_add_int_value (builder, details->retry_times);
        }
      if (details->has_lock_seconds)
        {
          json_builder_set_member_name (builder, "lockSeconds");
          json_builder_add_int_value (builder, details->lock_seconds);
        }
      if (details->tls_fingerprint != NULL)
        add_string_or_null (builder, "fingerprint", details->tls_fingerprint);
      if (details->pinned_fingerprint != NULL)
        add_string_or_null (builder, "pinnedFingerprint", details->pinned_fingerprint);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  vigilctl_print_json (node);
}

int
vigilctl_fail (Vigilctl     *ctl,
               const GError *error)
{
  const VigilErrorDetails *details = vigil_error_get_details (error);
  g_autofree char *message = vigilctl_sanitize (error->message);
  int status = vigilctl_exit_status_for (error);

  if (status == VIGILCTL_EXIT_INTERRUPTED && ctl->interrupted)
    {
      g_printerr ("vigilctl: %s\n", _("Interrupted."));
      return status;
    }

  if (error->domain == VIGIL_ISAPI_ERROR)
    {
      g_autofree char *sub_status = vigilctl_sanitize (details && details->sub_status_code
                                                       ? details->sub_status_code
                                                       : vigil_isapi_error_sub_status (error->code));
      g_printerr ("vigilctl: %s: %s\n", sub_status, message);
    }
  else
    g_printerr ("vigilctl: %s\n", message);

  /* The client's sentences already carry the numbers; they are added only where a message
   * lacks them, so that a script can always find them on stderr. */
  if (details != NULL && error->domain == VIGIL_CLIENT_ERROR)
    {
      g_autofree char *number = NULL;

      switch ((VigilClientError) error->code)
        {
        case VIGIL_CLIENT_ERROR_AUTH_FAILED:
          number = g_strdup_printf ("%d", details->retry_times);
          if (details->has_retry_times && strstr (message, number) == NULL)
            g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                     "vigilctl: %d attempt left before the user is locked.\n",
                                     "vigilctl: %d attempts left before the user is locked.\n",
                                     details->retry_times),
                        details->retry_times);
          break;

        case VIGIL_CLIENT_ERROR_LOCKED:
          number = g_strdup_printf ("%d", details->lock_seconds);
          if (details->has_lock_seconds && strstr (message, number) == NULL)
            g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                     "vigilctl: locked for %d more second.\n",
                                     "vigilctl: locked for %d more seconds.\n",
                                     details->lock_seconds),
                        details->lock_seconds);
          break;

        case VIGIL_CLIENT_ERROR_TLS_UNTRUSTED:
          if (details->tls_fingerprint != NULL)
            {
              if (strstr (message, details->tls_fingerprint) == NULL)
                g_printerr (_("vigilctl: the certificate’s SHA-256 fingerprint is %s\n"), details->tls_fingerprint);
              g_printerr (_("vigilctl: if it matches the one the gateway shows, trust it with --pin-sha256 %s\n"),
                          details->tls_fingerprint);
            }
          break;

        case VIGIL_CLIENT_ERROR_TLS_PIN_MISMATCH:
          if (details->tls_fingerprint == NULL || strstr (message, details->tls_fingerprint) == NULL)
            g_printerr (_("vigilctl: presented SHA-256 %s\n"),
                        details->tls_fingerprint ? details->tls_fingerprint : "?");
          if (details->pinned_fingerprint == NULL || strstr (message, details->pinned_fingerprint) == NULL)
            g_printerr (_("vigilctl: pinned SHA-256 %s\n"),
                        details->pinned_fingerprint ? details->pinned_fingerprint : "?");
          break;

        case VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED:
        case VIGIL_CLIENT_ERROR_CROSS_ORIGIN:
        case VIGIL_CLIENT_ERROR_CONNECTION:
        case VIGIL_CLIENT_ERROR_TIMEOUT:
        case VIGIL_CLIENT_ERROR_HTTP:
        case VIGIL_CLIENT_ERROR_BAD_RESPONSE:
        case VIGIL_CLIENT_ERROR_INVALID_ARGUMENT:
        default:
          break;
        }
    }

  if (ctl->json)
    print_error_json (error, details);

  return status;
}
