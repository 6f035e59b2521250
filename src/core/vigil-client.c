/* vigil-client.c — the session: authentication, TLS pinning, origin guard, timeouts
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-client"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-client-private.h"
#include "vigil-json.h"
#include "vigil-trace.h"

#define READ_CHUNK (64 * 1024)

struct _VigilClient
{
  GObject parent_instance;

  SoupSession *session;
  SoupSession *stream_session;
  GUri *base;
  char *base_uri;
  char *user;
  char *password;
  char *pinned_fingerprint;
  char *peer_fingerprint;
  guint timeout;
  gboolean credentials_rejected;
  VigilTrace *trace;             /* nullable: where finished calls are recorded */
};

G_DEFINE_FINAL_TYPE (VigilClient, vigil_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URI,
  PROP_USER,
  PROP_TIMEOUT,
  PROP_PINNED_FINGERPRINT,
  PROP_PEER_FINGERPRINT,
  PROP_CREDENTIALS_REJECTED,
  PROP_TRACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vigil_client_finalize (GObject *object)
{
  VigilClient *self = (VigilClient *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->stream_session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->user, g_free);
  if (self->password != NULL)
    {
      /* Do not leave the password in freed memory. */
      memset (self->password, 0, strlen (self->password));
      g_clear_pointer (&self->password, g_free);
    }
  g_clear_pointer (&self->pinned_fingerprint, g_free);
  g_clear_pointer (&self->peer_fingerprint, g_free);
  g_clear_object (&self->trace);

  G_OBJECT_CLASS (vigil_client_parent_class)->finalize (object);
}

static void
vigil_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VigilClient *self = VIGIL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_PINNED_FINGERPRINT:
      g_value_set_string (value, self->pinned_fingerprint);
      break;
    case PROP_PEER_FINGERPRINT:
      g_value_set_string (value, self->peer_fingerprint);
      break;
    case PROP_CREDENTIALS_REJECTED:
      g_value_set_boolean (value, self->credentials_rejected);
      break;
    case PROP_TRACE:
      g_value_set_object (value, self->trace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_client_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VigilClient *self = VIGIL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      vigil_client_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_TRACE:
      vigil_client_set_trace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_client_class_init (VigilClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_client_finalize;
  object_class->get_property = vigil_client_get_property;
  object_class->set_property = vigil_client_set_property;

  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, VIGIL_CLIENT_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PINNED_FINGERPRINT] =
    g_param_spec_string ("pinned-fingerprint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PEER_FINGERPRINT] =
    g_param_spec_string ("peer-fingerprint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIALS_REJECTED] =
    g_param_spec_boolean ("credentials-rejected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACE] =
    g_param_spec_object ("trace", NULL, NULL, VIGIL_TYPE_TRACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_client_init (VigilClient *self)
{
  self->timeout = VIGIL_CLIENT_DEFAULT_TIMEOUT;
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", "Vigil/" PACKAGE_VERSION,
                                "timeout", self->timeout,
                                "idle-timeout", 60,
                                /* A few connections are reused; a flood of calls queues
                                 * instead of opening hundreds of sockets to one gateway. */
                                "max-conns", 8,
                                "max-conns-per-host", 4,
                                NULL);
  /* Event streams live for hours between reads of a heartbeat: no I/O timeout (the stream has
   * its own watchdog), and their own connection slots so calls never queue behind them. */
  self->stream_session = g_object_new (SOUP_TYPE_SESSION,
                                       "user-agent", "Vigil/" PACKAGE_VERSION,
                                       "timeout", 0,
                                       "idle-timeout", 0,
                                       "max-conns", 8,
                                       "max-conns-per-host", 4,
                                       NULL);
}

static int
default_port (const char *scheme)
{
  return g_ascii_strcasecmp (scheme, "https") == 0 ? 443 : 80;
}

VigilClient *
vigil_client_new (const char  *base_uri,
                  GError     **error)
{
  g_autoptr(VigilClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  int port;

  g_return_val_if_fail (base_uri != NULL, NULL);

  uri = g_uri_parse (base_uri, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a gateway address; write it like http://192.0.2.10 or https://gateway.example:8443."),
                   base_uri);
      return NULL;
    }

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("The gateway address must start with http:// or https://, not “%s://”."), scheme);
      return NULL;
    }

  port = g_uri_get_port (uri);
  if (port <= 0)
    port = default_port (scheme);

  self = g_object_new (VIGIL_TYPE_CLIENT, NULL);
  self->base = g_uri_build (G_URI_FLAGS_NONE, scheme, NULL, g_uri_get_host (uri), port, "/",
                            NULL, NULL);
  self->base_uri = g_uri_to_string_partial (self->base, G_URI_HIDE_USERINFO);
  if (g_str_has_suffix (self->base_uri, "/"))
    self->base_uri[strlen (self->base_uri) - 1] = '\0';

  return g_steal_pointer (&self);
}

const char *
vigil_client_get_base_uri (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  return self->base_uri;
}

const char *
vigil_client_get_user (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  return self->user;
}

void
vigil_client_set_credentials (VigilClient *self,
                              const char  *user,
                              const char  *password)
{
  SoupSessionFeature *auth_manager;

  g_return_if_fail (VIGIL_IS_CLIENT (self));

  if (g_strcmp0 (self->user, user) != 0)
    {
      g_free (self->user);
      self->user = g_strdup (user);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
    }

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->password = g_strdup (password);

  /* New credentials: forget what the sessions cached for the old ones. */
  auth_manager = soup_session_get_feature (self->session, SOUP_TYPE_AUTH_MANAGER);
  if (auth_manager != NULL)
    soup_auth_manager_clear_cached_credentials (SOUP_AUTH_MANAGER (auth_manager));
  auth_manager = soup_session_get_feature (self->stream_session, SOUP_TYPE_AUTH_MANAGER);
  if (auth_manager != NULL)
    soup_auth_manager_clear_cached_credentials (SOUP_AUTH_MANAGER (auth_manager));

  if (self->credentials_rejected)
    {
      self->credentials_rejected = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS_REJECTED]);
    }
}

gboolean
vigil_client_get_credentials_rejected (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), FALSE);
  return self->credentials_rejected;
}

static void
mark_credentials_rejected (VigilClient *self)
{
  if (!self->credentials_rejected)
    {
      self->credentials_rejected = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS_REJECTED]);
    }
}

guint
vigil_client_get_timeout (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), 0);
  return self->timeout;
}

void
vigil_client_set_timeout (VigilClient *self,
                          guint        seconds)
{
  g_return_if_fail (VIGIL_IS_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_set (self->session, "timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

VigilTrace *
vigil_client_get_trace (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  return self->trace;
}

void
vigil_client_set_trace (VigilClient *self,
                        VigilTrace  *trace)
{
  g_return_if_fail (VIGIL_IS_CLIENT (self));
  g_return_if_fail (trace == NULL || VIGIL_IS_TRACE (trace));

  if (g_set_object (&self->trace, trace))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACE]);
}

char *
vigil_fingerprint_normalize (const char *fingerprint)
{
  GString *out;

  if (fingerprint == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = fingerprint; *p; p++)
    {
      if (*p == ':' || *p == ' ' || *p == '-')
        continue;
      if (!g_ascii_isxdigit (*p))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (out->len > 0 && out->len % 3 == 2)
        g_string_append_c (out, ':');
      g_string_append_c (out, g_ascii_toupper (*p));
    }

  /* 32 bytes: 64 digits and 31 colons. */
  if (out->len != 95)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

char *
vigil_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  return vigil_fingerprint_normalize (g_checksum_get_string (checksum));
}

const char *
vigil_client_get_pinned_fingerprint (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  return self->pinned_fingerprint;
}

gboolean
vigil_client_set_pinned_fingerprint (VigilClient  *self,
                                     const char   *fingerprint,
                                     GError      **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (VIGIL_IS_CLIENT (self), FALSE);

  if (fingerprint != NULL && *fingerprint != '\0')
    {
      normalized = vigil_fingerprint_normalize (fingerprint);
      if (normalized == NULL)
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a SHA-256 fingerprint (64 hexadecimal digits)."), fingerprint);
          return FALSE;
        }
    }

  if (g_strcmp0 (normalized, self->pinned_fingerprint) == 0)
    return TRUE;

  g_free (self->pinned_fingerprint);
  self->pinned_fingerprint = g_steal_pointer (&normalized);

  /* With a pin, the pin is the only trust anchor: without a database every certificate goes
   * through accept-certificate, where it is compared with the pin. */
  if (self->pinned_fingerprint != NULL)
    {
      soup_session_set_tls_database (self->session, NULL);
      soup_session_set_tls_database (self->stream_session, NULL);
    }
  else
    {
      GTlsDatabase *database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
      soup_session_set_tls_database (self->session, database);
      soup_session_set_tls_database (self->stream_session, database);
      g_clear_object (&database);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_FINGERPRINT]);
  return TRUE;
}

const char *
vigil_client_get_peer_fingerprint (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  return self->peer_fingerprint;
}

static void
set_peer_fingerprint (VigilClient *self,
                      const char  *fingerprint)
{
  if (fingerprint == NULL || g_strcmp0 (self->peer_fingerprint, fingerprint) == 0)
    return;

  g_free (self->peer_fingerprint);
  self->peer_fingerprint = g_strdup (fingerprint);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEER_FINGERPRINT]);
}

SoupSession *
vigil_client_get_session (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  return self->session;
}

SoupSession *
vigil_client_get_stream_session (VigilClient *self)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  return self->stream_session;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  int port_a = g_uri_get_port (a) > 0 ? g_uri_get_port (a) : default_port (g_uri_get_scheme (a));
  int port_b = g_uri_get_port (b) > 0 ? g_uri_get_port (b) : default_port (g_uri_get_scheme (b));

  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         port_a == port_b;
}

char *
vigil_client_resolve_same_origin (VigilClient  *self,
                                  const char   *path_or_url,
                                  GError      **error)
{
  g_autoptr(GUri) resolved = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);

  if (path_or_url == NULL || *path_or_url == '\0')
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The address is empty."));
      return NULL;
    }

  /* "//host/path" would silently change the host: only absolute paths or full URLs. */
  if (g_str_has_prefix (path_or_url, "//") ||
      (path_or_url[0] != '/' && !g_uri_is_valid (path_or_url, G_URI_FLAGS_NONE, NULL)))
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CROSS_ORIGIN,
                   _("Refused “%s”: only paths on the gateway %s are followed."),
                   path_or_url, self->base_uri);
      return NULL;
    }

  resolved = g_uri_parse_relative (self->base, path_or_url, G_URI_FLAGS_ENCODED, &local_error);
  if (resolved == NULL)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid address: %s"), path_or_url, local_error->message);
      return NULL;
    }

  if (g_uri_get_userinfo (resolved) != NULL || !same_origin (self->base, resolved))
    {
      g_autofree char *shown = g_uri_to_string_partial (resolved, G_URI_HIDE_USERINFO | G_URI_HIDE_PASSWORD);
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CROSS_ORIGIN,
                   _("Refused %s: it is not on the gateway %s, and the gateway’s credentials are never sent elsewhere."),
                   shown, self->base_uri);
      return NULL;
    }

  return g_uri_to_string (resolved);
}

static gboolean
on_authenticate (SoupMessage *message,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 VigilClient *self)
{
  /* Lockout safety: the gateway counts every wrong attempt, so a credential it refused is
   * never offered again — not by libsoup's retry, not by another call. */
  if (retrying || self->credentials_rejected || self->user == NULL || self->password == NULL)
    return FALSE;
  if (g_object_get_data (G_OBJECT (message), "vigil-credentials-sent") != NULL)
    return FALSE;

  /* Never to another origin (redirects are off, but be explicit). */
  if (!same_origin (self->base, soup_message_get_uri (message)))
    return FALSE;

  /* Basic sends the password in the clear: only inside TLS. */
  if (g_ascii_strcasecmp (soup_auth_get_scheme_name (auth), "Basic") == 0 &&
      g_ascii_strcasecmp (g_uri_get_scheme (self->base), "https") != 0)
    {
      g_warning ("The gateway asked for Basic authentication over plain HTTP; refused");
      return FALSE;
    }

  g_object_set_data (G_OBJECT (message), "vigil-credentials-sent", GINT_TO_POINTER (1));
  soup_auth_authenticate (auth, self->user, self->password);
  return TRUE;
}

static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       VigilClient          *self)
{
  g_autofree char *fingerprint = vigil_certificate_fingerprint (certificate);

  set_peer_fingerprint (self, fingerprint);
  g_object_set_data_full (G_OBJECT (message), "vigil-tls-fingerprint",
                          g_strdup (fingerprint), g_free);

  return self->pinned_fingerprint != NULL && fingerprint != NULL &&
         g_str_equal (fingerprint, self->pinned_fingerprint);
}

SoupMessage *
vigil_client_prepare_message (VigilClient  *self,
                              const char   *method,
                              const char   *path_or_url,
                              GError      **error)
{
  g_autofree char *uri = NULL;
  SoupMessage *message;

  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);

  uri = vigil_client_resolve_same_origin (self, path_or_url, error);
  if (uri == NULL)
    return NULL;

  message = soup_message_new (method, uri);
  if (message == NULL)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid address."), path_or_url);
      return NULL;
    }

  /* Redirects are answered by us, never followed blindly with credentials. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                "application/json, text/plain;q=0.9, */*;q=0.1");

  g_signal_connect_object (message, "authenticate", G_CALLBACK (on_authenticate), self, 0);
  g_signal_connect_object (message, "accept-certificate", G_CALLBACK (on_accept_certificate), self, 0);

  return message;
}

typedef struct
{
  char *content_type;
  GBytes *body;
} RequestBody;

static void
request_body_free (gpointer data,
                   GClosure *closure)
{
  RequestBody *request = data;

  g_free (request->content_type);
  g_bytes_unref (request->body);
  g_free (request);
}

static void
on_message_restarted (SoupMessage *message,
                      RequestBody *request)
{
  soup_message_set_request_body_from_bytes (message, request->content_type, request->body);
}

void
vigil_client_set_request_body (SoupMessage *message,
                               const char  *content_type,
                               GBytes      *body)
{
  RequestBody *request;

  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (body != NULL);

  soup_message_set_request_body_from_bytes (message, content_type, body);

  request = g_new0 (RequestBody, 1);
  request->content_type = g_strdup (content_type);
  request->body = g_bytes_ref (body);
  g_signal_connect_data (message, "restarted", G_CALLBACK (on_message_restarted), request,
                         request_body_free, 0);
}

/* What a 401 says: wrong password (attempts left) or locked (for how long). */
static GError *
auth_error_from_response (VigilClient *self,
                          GBytes      *body)
{
  g_auto(VigilErrorDetails) details = { 0 };
  g_autoptr(JsonNode) root = NULL;
  gboolean locked;

  details.http_status = SOUP_STATUS_UNAUTHORIZED;

  if (body != NULL && g_bytes_get_size (body) > 0)
    root = vigil_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL, NULL);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonObject *user_check = vigil_json_object_get_object (object, "userCheck");

      if (user_check != NULL)
        {
          gint64 value;

          details.lock_status = vigil_json_object_dup_string (user_check, "lockStatus");
          if (vigil_json_object_get_int (user_check, "retryLoginTime", &value))
            {
              details.has_retry_times = TRUE;
              details.retry_times = (gint) value;
            }
          if (vigil_json_object_get_int (user_check, "unlockTime", &value))
            {
              details.has_lock_seconds = TRUE;
              details.lock_seconds = (gint) value;
            }
          details.http_status = SOUP_STATUS_UNAUTHORIZED;
        }
      else
        vigil_error_details_parse (object, SOUP_STATUS_UNAUTHORIZED, &details);
    }

  locked = details.lock_status != NULL &&
           (g_ascii_strcasecmp (details.lock_status, "lock") == 0 ||
            g_ascii_strcasecmp (details.lock_status, "locked") == 0);

  mark_credentials_rejected (self);

  if (locked)
    {
      if (details.has_lock_seconds && details.lock_seconds > 0)
        return vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_LOCKED, &details,
                                             g_dngettext (GETTEXT_PACKAGE,
                                                          "The user is locked on the gateway for another %d second after too many wrong passwords.",
                                                          "The user is locked on the gateway for another %d seconds after too many wrong passwords.",
                                                          details.lock_seconds),
                                             details.lock_seconds);
      return vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_LOCKED, &details, "%s",
                                           _("The user is locked on the gateway after too many wrong passwords."));
    }

  if (details.has_retry_times)
    {
      if (details.retry_times <= 0)
        return vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED, &details, "%s",
                                             _("The gateway did not accept the user name or password. No attempts are left: one more wrong password locks the user."));
      return vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED, &details,
                                           g_dngettext (GETTEXT_PACKAGE,
                                                        "The gateway did not accept the user name or password (%d attempt left before the user is locked).",
                                                        "The gateway did not accept the user name or password (%d attempts left before the user is locked).",
                                                        details.retry_times),
                                           details.retry_times);
    }

  return vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED, &details, "%s",
                                       _("The gateway did not accept the user name or password."));
}

static GError *
transport_error (VigilClient *self,
                 SoupMessage *message,
                 GError      *error,
                 gboolean     timed_out)
{
  const char *fingerprint = g_object_get_data (G_OBJECT (message), "vigil-tls-fingerprint");

  if (timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TIMEOUT,
                        _("The gateway at %s did not answer within %u seconds."),
                        self->base_uri, self->timeout);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR)
    {
      VigilErrorDetails details = { 0 };
      GError *result;

      details.tls_fingerprint = (char *) fingerprint;
      details.pinned_fingerprint = self->pinned_fingerprint;

      if (self->pinned_fingerprint != NULL && fingerprint != NULL)
        result = vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TLS_PIN_MISMATCH, &details,
                                               _("The gateway’s certificate has changed: it presented SHA-256 %s, but %s is pinned. Someone may be intercepting the connection."),
                                               fingerprint, self->pinned_fingerprint);
      else if (fingerprint != NULL)
        result = vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TLS_UNTRUSTED, &details,
                                               _("The gateway’s certificate is not trusted. Its SHA-256 fingerprint is %s; trust it only if it matches the one shown on the gateway."),
                                               fingerprint);
      else
        result = vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TLS_UNTRUSTED, &details,
                                               _("The secure connection to the gateway failed: %s"), error->message);
      return result;
    }

  return g_error_new (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CONNECTION,
                      _("Cannot reach the gateway at %s: %s"), self->base_uri, error->message);
}

gboolean
vigil_client_check_message (VigilClient  *self,
                            SoupMessage  *message,
                            GBytes       *body,
                            GError       *transport,
                            GError      **error)
{
  guint status;
  GTlsCertificate *peer;

  g_return_val_if_fail (VIGIL_IS_CLIENT (self), FALSE);

  if (transport != NULL)
    {
      g_propagate_error (error, transport_error (self, message, transport, FALSE));
      return FALSE;
    }

  peer = soup_message_get_tls_peer_certificate (message);
  if (peer != NULL)
    {
      g_autofree char *fingerprint = vigil_certificate_fingerprint (peer);
      set_peer_fingerprint (self, fingerprint);
    }

  status = soup_message_get_status (message);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      g_propagate_error (error, auth_error_from_response (self, body));
      return FALSE;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                           "Location");
      g_autofree char *target = NULL;
      g_autoptr(GError) origin_error = NULL;

      target = location ? vigil_client_resolve_same_origin (self, location, &origin_error) : NULL;
      if (target == NULL && origin_error != NULL &&
          g_error_matches (origin_error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CROSS_ORIGIN))
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CROSS_ORIGIN,
                       _("The gateway redirected to %s, another address; not followed, so the credentials stay with %s."),
                       location, self->base_uri);
          return FALSE;
        }
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_HTTP,
                   _("The gateway answered with a redirect (HTTP %u) to %s, which Vigil does not follow."),
                   status, location ? location : "?");
      return FALSE;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_HTTP,
                   _("The gateway answered HTTP %u %s."), status,
                   soup_message_get_reason_phrase (message) ? soup_message_get_reason_phrase (message) : "");
      return FALSE;
    }

  return TRUE;
}

char *
_vigil_client_path (const char *path,
                    gboolean    format_json,
                    const char *dev_index,
                    const char *extra_query)
{
  GString *out = g_string_new (path);
  char sep = '?';

  if (extra_query != NULL)
    {
      g_string_append_c (out, sep);
      g_string_append (out, extra_query);
      sep = '&';
    }
  if (format_json)
    {
      g_string_append_c (out, sep);
      g_string_append (out, "format=json");
      sep = '&';
    }
  if (dev_index != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (dev_index, NULL, FALSE);
      g_string_append_c (out, sep);
      g_string_append (out, "devIndex=");
      g_string_append (out, escaped);
    }

  return g_string_free (out, FALSE);
}

/* ---- one call: send, read the bounded body, interpret ---- */

typedef struct
{
  SoupMessage *message;
  GCancellable *cancellable;     /* ours: the caller's and the timeout both cancel it */
  gulong caller_cancel_id;
  GCancellable *caller_cancellable;
  GSource *timeout_source;
  gboolean timed_out;
  GInputStream *stream;
  GByteArray *body;
  VigilCallFlags flags;
  VigilResponseParser parser;
  gpointer parser_data;
  GDestroyNotify parser_data_free;
  GDestroyNotify result_free;
  char *path;
  gint64 started_us;             /* for the trace */
  GBytes *request_body;          /* for the trace; NULL without a body */
} CallData;

static void
call_data_free (CallData *data)
{
  if (data->caller_cancel_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_cancel_id);
  g_clear_object (&data->caller_cancellable);
  if (data->timeout_source != NULL)
    {
      g_source_destroy (data->timeout_source);
      g_source_unref (data->timeout_source);
    }
  g_clear_object (&data->message);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->request_body, g_bytes_unref);
  if (data->parser_data_free != NULL)
    g_clear_pointer (&data->parser_data, data->parser_data_free);
  g_free (data);
}

static gboolean
on_call_timeout (gpointer user_data)
{
  CallData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *cancellable,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static gboolean
looks_like_response_status (JsonObject *object)
{
  return vigil_json_object_lookup (object, "statusCode") != NULL ||
         vigil_json_object_lookup (object, "subStatusCode") != NULL ||
         vigil_json_object_get_object (object, "ResponseStatus") != NULL;
}

/* Records the exchange in the client's trace (if any): once per call, where it ends. */
static void
trace_call (VigilClient  *self,
            CallData     *data,
            GBytes       *response_body,
            const GError *error)
{
  if (self->trace == NULL)
    return;

  vigil_trace_add_exchange (self->trace, data->message,
                            g_get_monotonic_time () - data->started_us,
                            data->request_body ? g_bytes_get_data (data->request_body, NULL) : NULL,
                            data->request_body ? g_bytes_get_size (data->request_body) : 0,
                            response_body ? g_bytes_get_data (response_body, NULL) : NULL,
                            response_body ? g_bytes_get_size (response_body) : 0,
                            error ? error->message : NULL);
}

static void
interpret_response (GTask    *task,
                    CallData *data)
{
  VigilClient *self = g_task_get_source_object (task);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  VigilResponse response = { 0 };
  guint status = soup_message_get_status (data->message);
  gsize size = g_bytes_get_size (body);
  gpointer result;

  trace_call (self, data, body, NULL);

  if (status == SOUP_STATUS_UNAUTHORIZED || SOUP_STATUS_IS_REDIRECTION (status))
    {
      vigil_client_check_message (self, data->message, body, NULL, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (size > 0)
    {
      g_autoptr(GError) parse_error = NULL;

      root = vigil_json_parse (g_bytes_get_data (body, NULL), size, NULL, &parse_error);
      if (root == NULL && !(data->flags & VIGIL_CALL_TEXT) && SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          g_task_return_new_error (task, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                                   _("The gateway’s answer to %s could not be read. %s"),
                                   data->path, parse_error->message);
          return;
        }
    }

  response.status = status;
  response.body = body;
  response.root = root;
  response.request_path = data->path;
  response.parser_data = data->parser_data;

  /* A ResponseStatus that is not ok is the gateway saying no — unless it comes with per-item
   * results that say which items went through. */
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      looks_like_response_status (json_node_get_object (root)))
    {
      g_auto(VigilErrorDetails) details = { 0 };

      vigil_error_details_parse (json_node_get_object (root), status, &details);
      if (details.status_code != 1 ||
          (details.sub_status_code != NULL && g_ascii_strcasecmp (details.sub_status_code, "ok") != 0 &&
           g_ascii_strcasecmp (details.sub_status_code, "riskPassword") != 0))
        {
          if (data->flags & VIGIL_CALL_BATCH)
            {
              result = data->parser (&response, NULL);
              if (result != NULL)
                {
                  g_task_return_pointer (task, result, data->result_free);
                  return;
                }
            }
          g_task_return_error (task, vigil_isapi_error_from_details (&details));
          return;
        }
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if ((data->flags & VIGIL_CALL_BATCH) && root != NULL)
        {
          result = data->parser (&response, NULL);
          if (result != NULL)
            {
              g_task_return_pointer (task, result, data->result_free);
              return;
            }
        }

      if (size > 0)
        {
          g_autofree char *excerpt = vigil_json_excerpt (g_bytes_get_data (body, NULL), size, 120);
          g_task_return_new_error (task, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_HTTP,
                                   _("The gateway answered HTTP %u %s to %s: %s"), status,
                                   soup_status_get_phrase (status), data->path, excerpt);
        }
      else
        g_task_return_new_error (task, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_HTTP,
                                 _("The gateway answered HTTP %u %s to %s."), status,
                                 soup_status_get_phrase (status), data->path);
      return;
    }

  result = data->parser (&response, &error);
  if (result == NULL)
    {
      if (error == NULL)
        error = g_error_new (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                             _("The gateway’s answer to %s was empty."), data->path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, data->result_free);
}

static void on_body_read (GObject *source, GAsyncResult *result, gpointer user_data);

static void
read_more (GTask *task)
{
  CallData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->cancellable, on_body_read, task);
}

static void
on_body_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      trace_call (self, data, NULL, error);
      g_task_return_error (task, transport_error (self, data->message, error, data->timed_out));
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      interpret_response (task, data);
      return;
    }

  if (data->body->len + g_bytes_get_size (chunk) > VIGIL_JSON_MAX_BODY)
    {
      g_autoptr(GError) too_large = g_error_new (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                                                 _("The gateway’s answer to %s is larger than %d bytes; refused."),
                                                 data->path, VIGIL_JSON_MAX_BODY);
      trace_call (self, data, NULL, too_large);
      g_task_return_error (task, g_steal_pointer (&too_large));
      return;
    }

  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_more (g_steal_pointer (&task));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (data->stream == NULL)
    {
      trace_call (self, data, NULL, error);
      g_task_return_error (task, transport_error (self, data->message, error, data->timed_out));
      return;
    }

  {
    GTlsCertificate *peer = soup_message_get_tls_peer_certificate (data->message);
    if (peer != NULL)
      {
        g_autofree char *fingerprint = vigil_certificate_fingerprint (peer);
        set_peer_fingerprint (self, fingerprint);
      }
  }

  data->body = g_byte_array_new ();
  read_more (g_steal_pointer (&task));
}

void
_vigil_client_call (VigilClient         *self,
                    const char          *method,
                    const char          *path,
                    JsonNode            *body,
                    const char          *text_body,
                    VigilCallFlags       flags,
                    VigilResponseParser  parser,
                    GDestroyNotify       result_free,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  _vigil_client_call_full (self, method, path, body, text_body, flags, parser, NULL, NULL,
                           result_free, source_tag, cancellable, callback, user_data);
}

void
_vigil_client_call_full (VigilClient         *self,
                         const char          *method,
                         const char          *path,
                         JsonNode            *body,
                         const char          *text_body,
                         VigilCallFlags       flags,
                         VigilResponseParser  parser,
                         gpointer             parser_data,
                         GDestroyNotify       parser_data_free,
                         GDestroyNotify       result_free,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) owned_body = body;
  g_autoptr(GError) error = NULL;
  CallData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (self->credentials_rejected)
    {
      if (parser_data_free != NULL)
        parser_data_free (parser_data);
      g_task_return_new_error (task, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED,
                               _("The gateway rejected these credentials; Vigil will not send them again. Enter the password again to retry."));
      return;
    }

  data = g_new0 (CallData, 1);
  data->flags = flags;
  data->parser = parser;
  data->parser_data = parser_data;
  data->parser_data_free = parser_data_free;
  data->result_free = result_free;
  data->path = g_strdup (path);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  data->message = vigil_client_prepare_message (self, method, path, &error);
  if (data->message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (owned_body != NULL)
    {
      g_autofree char *text = vigil_json_to_string (owned_body, FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
      text = NULL;
      vigil_client_set_request_body (data->message, "application/json", bytes);
      data->request_body = g_bytes_ref (bytes);
    }
  else if (text_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (text_body, strlen (text_body));
      vigil_client_set_request_body (data->message, "text/plain", bytes);
      data->request_body = g_bytes_ref (bytes);
    }

  data->started_us = g_get_monotonic_time ();
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                      data->cancellable, NULL);
    }

  /* The session's timeout covers each socket operation; this one bounds the whole call. */
  data->timeout_source = g_timeout_source_new_seconds (self->timeout);
  g_source_set_callback (data->timeout_source, on_call_timeout, data, NULL);
  g_source_set_static_name (data->timeout_source, "[vigil] call timeout");
  g_source_attach (data->timeout_source, g_main_context_get_thread_default ());

  soup_session_send_async (self->session, data->message, G_PRIORITY_DEFAULT, data->cancellable,
                           on_sent, g_steal_pointer (&task));
}

gpointer
_vigil_client_call_finish (VigilClient   *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
_vigil_response_member (VigilResponse  *response,
                        const char     *key,
                        GError        **error)
{
  JsonNode *member = NULL;

  if (response->root != NULL && JSON_NODE_HOLDS_OBJECT (response->root))
    member = vigil_json_object_lookup (json_node_get_object (response->root), key);

  if (member == NULL)
    {
      g_autofree char *excerpt = NULL;

      if (response->body != NULL)
        excerpt = vigil_json_excerpt (g_bytes_get_data (response->body, NULL),
                                      g_bytes_get_size (response->body), 120);
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                   _("The gateway’s answer to %s has no %s: %s"), response->request_path, key,
                   excerpt ? excerpt : _("(empty)"));
    }

  return member;
}

gpointer
_vigil_parse_response_status (VigilResponse  *response,
                              GError        **error)
{
  JsonObject *object;
  JsonObject *inner;

  /* Some gateways answer a successful control with an empty 200. */
  if (response->root == NULL)
    {
      VigilResponseStatus *status = vigil_response_status_new ();
      status->status_code = 1;
      status->has_status_code = TRUE;
      status->status_string = g_strdup ("OK");
      status->sub_status_code = g_strdup ("ok");
      return status;
    }

  if (!JSON_NODE_HOLDS_OBJECT (response->root))
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                   _("The gateway’s answer to %s is not a ResponseStatus."), response->request_path);
      return NULL;
    }

  object = json_node_get_object (response->root);
  inner = vigil_json_object_get_object (object, "ResponseStatus");
  return vigil_response_status_from_json (inner ? inner : object);
}

gpointer
_vigil_response_record (VigilResponse          *response,
                        const char             *key,
                        const VigilRecordClass *klass,
                        GError                **error)
{
  JsonNode *member = _vigil_response_member (response, key, error);

  if (member == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                   _("The gateway’s answer to %s has a %s that is not an object."),
                   response->request_path, key);
      return NULL;
    }

  return vigil_record_read (klass, json_node_get_object (member));
}

GPtrArray *
_vigil_response_list (VigilResponse          *response,
                      const char             *key,
                      const char             *item_key,
                      const VigilRecordClass *klass,
                      GDestroyNotify          free_func,
                      GError                **error)
{
  JsonNode *member = _vigil_response_member (response, key, error);
  GPtrArray *list;

  if (member == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (member))
    {
      /* {"DeviceInfoList": {…}} — one item where the guide promises a list. */
      g_autoptr(JsonArray) array = json_array_new ();
      json_array_add_element (array, json_node_copy (member));
      list = vigil_record_list_read (klass, array, item_key);
    }
  else if (JSON_NODE_HOLDS_ARRAY (member))
    list = vigil_record_list_read (klass, json_node_get_array (member), item_key);
  else if (JSON_NODE_HOLDS_NULL (member))
    list = g_ptr_array_new ();
  else
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                   _("The gateway’s answer to %s has a %s that is not a list."),
                   response->request_path, key);
      return NULL;
    }

  g_ptr_array_set_free_func (list, free_func);
  return list;
}

gboolean
_vigil_response_is_ok (VigilResponse *response)
{
  g_auto(VigilErrorDetails) details = { 0 };

  if (response->root == NULL || !JSON_NODE_HOLDS_OBJECT (response->root))
    return SOUP_STATUS_IS_SUCCESSFUL (response->status);

  if (!vigil_error_details_parse (json_node_get_object (response->root), response->status, &details))
    return SOUP_STATUS_IS_SUCCESSFUL (response->status);

  return details.status_code == 1;
}

void
_vigil_client_call_for_status (VigilClient         *self,
                               const char          *method,
                               const char          *path,
                               JsonNode            *body,
                               const char          *text_body,
                               gpointer             source_tag,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  _vigil_client_call (self, method, path, body, text_body, VIGIL_CALL_DEFAULT,
                      _vigil_parse_response_status, (GDestroyNotify) vigil_response_status_free,
                      source_tag, cancellable, callback, user_data);
}
