/* test-secrets.c — no password, Digest response or ISUP key in any log, trace or error message
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A console's logs and protocol trace end up in bug reports. One session against the simulated
 * gateway — a wrong password, the right one, a device added with an ISUP key, the device list
 * read back — with every log message of every level captured (G_MESSAGES_DEBUG=all) and the
 * VigilTrace of the client read out; then not one of the secrets may appear anywhere.
 * The simulator's own logs (vigil-sim-*) are the gateway's, not the console's, and are left out.
 */
#include <string.h>

#include "vigil-client.h"
#include "vigil-sim-gateway.h"

#define USER "admin"
#define PASSWORD "Vigil-Secret-Pw-4711"
#define WRONG_PASSWORD "Wrong-Secret-Pw-0815"
#define ISUP_KEY "IsupKey9QxZ"

static GString *captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  const char *domain = "";

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
      domain = fields[i].value;

  if (!g_str_has_prefix (domain, "vigil-sim"))
    {
      g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

      g_string_append (captured, line);
      g_string_append_c (captured, '\n');
    }
  /* Warnings still go to stderr (and stay fatal: GLib aborts after the writer); nothing goes to
   * stdout, where TAP is. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static GAsyncResult *
await (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *slot;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

#define RUN(result_var, async_call, finish_call)            \
  do {                                                      \
    GAsyncResult *r_ = NULL;                                \
    async_call;                                             \
    await (&r_);                                            \
    { GAsyncResult *r = r_; result_var = finish_call; }     \
    g_object_unref (r_);                                    \
  } while (0)

static void
assert_no_secret (const char *where,
                  const char *text)
{
  static const char *secrets[] = { PASSWORD, WRONG_PASSWORD, ISUP_KEY };
  g_autoptr(GRegex) digest = g_regex_new ("response=\"?[0-9a-fA-F]{32}", 0, 0, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (text, secrets[i]) != NULL)
      g_error ("%s holds the secret %s:\n%s", where, secrets[i], text);
  if (g_regex_match (digest, text, 0, NULL))
    g_error ("%s holds a Digest response:\n%s", where, text);
}

static void
test_session_leaks_nothing (void)
{
  g_autoptr(VigilSimGateway) sim = vigil_sim_gateway_new (42, 1);
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(VigilTrace) trace = vigil_trace_new (VIGIL_TRACE_DEFAULT_CAPACITY);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_add_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(VigilUserCheck) check = NULL;
  g_autoptr(GError) wrong_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *trace_text = NULL;
  VigilDeviceAdd *device;

  vigil_sim_gateway_set_credentials (sim, USER, PASSWORD);
  g_assert_true (vigil_sim_gateway_listen (sim, 0, &error));
  g_assert_no_error (error);
  url = vigil_sim_gateway_dup_url (sim);
  client = vigil_client_new (url, &error);
  g_assert_no_error (error);
  vigil_client_set_trace (client, trace);

  /* A wrong password: refused, and the error a person reads names no password. */
  vigil_client_set_credentials (client, USER, WRONG_PASSWORD);
  RUN (check, vigil_client_login_async (client, NULL, on_done, &r_),
       vigil_client_login_finish (client, r, &wrong_error));
  g_assert_error (wrong_error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED);
  assert_no_secret ("the wrong-password error", wrong_error->message);

  /* The right one, then a device with an ISUP key. */
  vigil_client_set_credentials (client, USER, PASSWORD);
  RUN (check, vigil_client_login_async (client, NULL, on_done, &r_),
       vigil_client_login_finish (client, r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (check);

  device = vigil_device_add_new ();
  device->protocol_type = g_strdup ("ehomeV5");
  device->ehome_id = g_strdup ("secretpanel1");
  device->ehome_key = g_strdup (ISUP_KEY);
  device->dev_name = g_strdup ("Secret Test Site");
  device->dev_type = g_strdup ("SecurityCP");
  g_ptr_array_add (devices, device);
  RUN (results, vigil_client_add_devices_async (client, devices, NULL, on_done, &r_),
       vigil_client_add_devices_finish (client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);

  /* The trace saw the whole session, secrets in place of redactions: the check is not empty. */
  trace_text = vigil_trace_to_text (trace, NULL);
  g_assert_nonnull (strstr (trace_text, "/ISAPI/"));
  g_assert_nonnull (strstr (trace_text, "secretpanel1"));
  g_assert_nonnull (strstr (trace_text, VIGIL_TRACE_REDACTED));
  g_assert_cmpuint (vigil_sim_gateway_get_n_authorization_headers (sim), >=, 2);

  assert_no_secret ("the protocol trace", trace_text);
  /* Close the session first: what the client logs as it goes counts too. */
  g_clear_object (&client);
  g_clear_object (&sim);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_test_message ("%zu bytes of log and %zu of trace checked", captured->len, strlen (trace_text));
  assert_no_secret ("the log", captured->str);
}

int
main (int argc, char *argv[])
{
  /* Every level, debug included: a secret in a debug message reaches bug reports too. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);
  captured = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_add_func ("/secrets/session-leaks-nothing", test_session_leaks_nothing);

  return g_test_run ();
}
