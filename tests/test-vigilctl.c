/* test-vigilctl.c — the built vigilctl, run as a subprocess against the simulated gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs on this process's main context; every vigilctl run is awaited by
 * iterating that context, so the simulator answers while the subprocess talks to it.
 */
#define G_LOG_DOMAIN "test-vigilctl"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "vigil-client.h"
#include "vigil-event-store.h"
#include "vigil-posix-tz.h"
#include "vigil-sim-gateway.h"

#define RUN_TIMEOUT_SECONDS 60

/* ---- running vigilctl ---- */

typedef struct
{
  int     status;     /* exit status; -1 when killed by a signal */
  char   *out;
  gsize   out_len;
  char   *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

typedef struct
{
  gboolean  done;
  GBytes   *out;
  GBytes   *err;
  GError   *error;
} Communication;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Communication *c = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &c->out, &c->err, &c->error);
  c->done = TRUE;
}

static gboolean
on_flag_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
child_setup (gpointer user_data)
{
  /* No controlling terminal: vigilctl must never find one to prompt on in a test. */
  setsid ();
}

static const char *
vigilctl_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *build = g_getenv ("VIGIL_BUILD_DIR");
      g_assert_nonnull (build);
      path = g_build_filename (build, "src", "cli", "vigilctl", NULL);
    }
  return path;
}

/* The working directory of the next runs (NULL: this process's). */
static const char *run_cwd;

static GSubprocessLauncher *
make_launcher (GSubprocessFlags  flags,
               const char       *password)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  if (run_cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, run_cwd);
  g_subprocess_launcher_unsetenv (launcher, "VIGIL_GATEWAY");
  g_subprocess_launcher_unsetenv (launcher, "VIGIL_USER");
  g_subprocess_launcher_unsetenv (launcher, "VIGIL_PASSWORD");
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "VIGIL_PASSWORD", password, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  return launcher;
}

/* NUL-terminated (binary output keeps its length in @length). */
static char *
bytes_to_string (GBytes *bytes,
                 gsize  *length)
{
  gsize size = g_bytes_get_size (bytes);
  char *text = g_malloc (size + 1);

  if (size > 0)
    memcpy (text, g_bytes_get_data (bytes, NULL), size);
  text[size] = '\0';
  if (length != NULL)
    *length = size;
  return text;
}

/* Runs vigilctl with exactly @args (after the program name). */
static Result *
run_argv (const char * const *args,
          const char         *password,
          const char         *stdin_text)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  Communication c = { 0 };
  gboolean timed_out = FALSE;
  guint timeout_id;
  Result *result;

  g_ptr_array_add (argv, (gpointer) vigilctl_path ());
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (gpointer) args[i]);
      g_string_append_printf (shown, " %s", args[i]);
    }
  g_ptr_array_add (argv, NULL);
  g_test_message ("vigilctl%s", shown->str);

  launcher = make_launcher (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, password);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* Standard input is always a pipe, closed after @stdin_text (at once when NULL). */
  input = g_bytes_new (stdin_text, stdin_text != NULL ? strlen (stdin_text) : 0);
  g_subprocess_communicate_async (process, input, NULL, on_communicated, &c);

  timeout_id = g_timeout_add_seconds (RUN_TIMEOUT_SECONDS, on_flag_timeout, &timed_out);
  while (!c.done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    {
      g_subprocess_force_exit (process);
      while (!c.done)
        g_main_context_iteration (NULL, TRUE);
      g_error ("vigilctl%s did not finish within %d s", shown->str, RUN_TIMEOUT_SECONDS);
    }
  g_source_remove (timeout_id);
  g_assert_no_error (c.error);

  result = g_new0 (Result, 1);
  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  result->out = bytes_to_string (c.out, &result->out_len);
  result->err = bytes_to_string (c.err, NULL);
  g_bytes_unref (c.out);
  g_bytes_unref (c.err);

  g_test_message ("→ exit %d\nstdout: %.2000s\nstderr: %.2000s", result->status,
                  g_utf8_validate (result->out, -1, NULL) ? result->out : "(binary)", result->err);
  return result;
}

static Result *
run_raw (const char *password,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_argv ((const char * const *) args->pdata, password, NULL);
}

/* ---- the fixture: a simulated gateway on this main context ---- */

typedef struct
{
  VigilSimGateway *sim;
  char            *url;
  char            *user;
  char            *password;
  GStrv            dev_indexes;
  char            *tmpdir;
} Fixture;

static void
fixture_start (Fixture         *f,
               GTlsCertificate *certificate)
{
  g_autoptr(GError) error = NULL;

  f->sim = vigil_sim_gateway_new (42, 2);
  /* Long enough to still be offline when checked, even under a sanitizer; nothing waits for it. */
  vigil_sim_gateway_set_reboot_durations (f->sim, 10000, 10000);
  if (certificate != NULL)
    vigil_sim_gateway_set_tls_certificate (f->sim, certificate);
  vigil_sim_gateway_listen (f->sim, 0, &error);
  g_assert_no_error (error);

  f->url = vigil_sim_gateway_dup_url (f->sim);
  f->user = g_strdup (vigil_sim_gateway_get_user (f->sim));
  f->password = g_strdup (vigil_sim_gateway_get_password (f->sim));
  f->dev_indexes = vigil_sim_gateway_dup_dev_indexes (f->sim);
  g_assert_cmpuint (g_strv_length (f->dev_indexes), ==, 2);

  f->tmpdir = g_dir_make_tmp ("test-vigilctl-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_start (f, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->sim);
  /* Let the server's sources finish before the next test builds another one. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (f->url);
  g_free (f->user);
  g_free (f->password);
  g_strfreev (f->dev_indexes);
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

/* vigilctl -g URL -u USER ARGS… with the right password in VIGIL_PASSWORD. */
static Result *
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "-g");
  g_ptr_array_add (args, f->url);
  g_ptr_array_add (args, (gpointer) "-u");
  g_ptr_array_add (args, f->user);

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_argv ((const char * const *) args->pdata, f->password, NULL);
}

/* The one JSON document on stdout, an object with @key at its top. */
static JsonNode *
parse_output (const Result *result,
              const char   *key)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser, result->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));
  if (key != NULL)
    g_assert_true (json_object_has_member (object, key));
  /* One document, one line. */
  g_assert_nonnull (strchr (result->out, '\n'));
  g_assert_cmpstr (strchr (result->out, '\n') + 1, ==, "");

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
object_member (JsonNode   *root,
               const char *key)
{
  return json_object_get_object_member (json_node_get_object (root), key);
}

static JsonArray *
array_member (JsonNode   *root,
              const char *key)
{
  return json_object_get_array_member (json_node_get_object (root), key);
}

/* The inner object of element @i of a list shaped [{"Item":{…}}, …]. */
static JsonObject *
list_item (JsonArray  *array,
           guint       i,
           const char *item_key)
{
  JsonObject *wrapper = json_array_get_object_element (array, i);

  return item_key != NULL ? json_object_get_object_member (wrapper, item_key) : wrapper;
}

static VigilSimPanel *
panel (Fixture *f,
       guint    index)
{
  return vigil_sim_gateway_lookup_panel (f->sim, f->dev_indexes[index]);
}

static void
assert_error_document (const Result *result,
                       const char   *domain,
                       const char   *code)
{
  g_autoptr(JsonNode) root = parse_output (result, "error");
  JsonObject *error = object_member (root, "error");

  g_assert_cmpstr (json_object_get_string_member (error, "domain"), ==, domain);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_true (json_object_has_member (error, "message"));
  g_assert_true (json_object_has_member (error, "subStatusCode"));
  g_assert_true (json_object_has_member (error, "statusCode"));
  g_assert_true (json_object_has_member (error, "errorCode"));
}

/* ---- usage ---- */

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  guint64 requests = vigil_sim_gateway_get_n_requests (f->sim);
  g_autoptr(Result) r = NULL;
  g_autofree char *version_line = g_strdup_printf ("vigilctl %s\n", PACKAGE_VERSION);

  r = run_raw (NULL, "--version", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, version_line);
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "--help", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "clear-alarm UUID PARTITION|all"));
  g_assert_nonnull (strstr (r->out, "--pin-sha256"));
  g_clear_pointer (&r, result_free);

  /* Every command answers --help without a gateway. */
  {
    const char *helps[][4] = {
      { "login", "--help" }, { "gateway", "info", "--help" }, { "gateway", "set", "--help" },
      { "gateway", "time", "--help" }, { "gateway", "reboot", "--help" },
      { "devices", "list", "--help" }, { "devices", "add", "--help" }, { "devices", "delete", "--help" },
      { "devices", "refresh", "--help" }, { "device", "info", "--help" }, { "device", "set", "--help" },
      { "device", "channels", "--help" }, { "device", "reboot", "--help" }, { "device", "time", "--help" },
      { "device", "timezone", "--help" }, { "device", "net", "--help" }, { "device", "io", "--help" },
      { "device", "trigger", "--help" }, { "status", "--help" }, { "arm", "--help" }, { "disarm", "--help" },
      { "clear-alarm", "--help" }, { "bypass", "--help" }, { "unbypass", "--help" }, { "relay", "--help" },
      { "video", "fetch", "--help" }, { "sim", "--help" }, { "subscription", "status", "--help" },
      { "gateway", "--help" }, { "devices", "--help" }, { "device", "--help" }, { "log", "--help" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
      {
        g_autoptr(Result) h = run_argv (helps[i], NULL, NULL);
        g_assert_cmpint (h->status, ==, 0);
        g_assert_nonnull (strstr (h->out, "Usage"));
      }
  }

  r = run_raw (NULL, NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "frobnicate", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "gateway", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "--timeout", "0", "login", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);

  /* No gateway, no user, no password (and no terminal to ask on). */
  r = run_raw (f->password, "login", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "VIGIL_GATEWAY"));
  g_clear_pointer (&r, result_free);

  r = run_raw (f->password, "-g", f->url, "login", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "VIGIL_USER"));
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "-g", f->url, "-u", f->user, "login", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "VIGIL_PASSWORD"));
  g_clear_pointer (&r, result_free);

  /* Arguments are checked before anything is sent. */
  r = run (f, "arm", f->dev_indexes[0], "1", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "arm", f->dev_indexes[0], "1", "--stay", "--away", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "arm", f->dev_indexes[0], "first", "--stay", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "bypass", f->dev_indexes[0], "-3", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "relay", f->dev_indexes[0], "toggle", "1", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "status", "sirens", f->dev_indexes[0], NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "devices", "add", "--ehome-id", "PANEL9", "--key", "short", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "devices", "list", "--status", "asleep", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "device", "trigger", f->dev_indexes[0], "1", "middle", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "device", "timezone", f->dev_indexes[0], "--set", "not a zone", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "device", "net", f->dev_indexes[0], "1", "--set-ip", "192.168.1.300", "--mask", "255.255.255.0", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "device", "net", f->dev_indexes[0], "1", "--set-ip", "192.168.1.30", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "gateway", "time", "--set", "yesterday", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "gateway", "set", NULL);
  g_assert_cmpint (r->status, ==, 2);
  assert_error_document (r, "usage", NULL);
  g_clear_pointer (&r, result_free);

  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);
}

/* ---- authentication ---- */

static void
on_waited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
test_login (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *password_file = g_build_filename (f->tmpdir, "password", NULL);
  g_autofree char *with_newline = g_strconcat (f->password, "\n", NULL);

  r = run (f, "login", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Logged in"));
  g_clear_pointer (&r, result_free);

  r = run (f, "login", "--json", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "userCheck");
  g_assert_cmpint (json_object_get_int_member (object_member (root, "userCheck"), "statusValue"), ==, 200);
  g_clear_pointer (&r, result_free);

  /* The password from a file (its first line), and from standard input. */
  g_file_set_contents (password_file, with_newline, -1, NULL);
  r = run_raw (NULL, "-g", f->url, "-u", f->user, "--password-file", password_file, "login", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);

  {
    const char *args[] = { "-g", f->url, "-u", f->user, "--password-file", "-", "login", NULL };
    r = run_argv (args, NULL, with_newline);
    g_assert_cmpint (r->status, ==, 0);
    g_clear_pointer (&r, result_free);
  }

  /* The environment gives the gateway and the user. */
  {
    g_autoptr(GSubprocessLauncher) launcher = make_launcher (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, f->password);
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;

    g_subprocess_launcher_setenv (launcher, "VIGIL_GATEWAY", f->url, TRUE);
    g_subprocess_launcher_setenv (launcher, "VIGIL_USER", f->user, TRUE);
    gboolean exited = FALSE;

    process = g_subprocess_launcher_spawn (launcher, &error, vigilctl_path (), "login", NULL);
    g_assert_no_error (error);
    g_subprocess_wait_async (process, NULL, on_waited, &exited);
    while (!exited)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }
}

static void
test_wrong_password (Fixture       *f,
                     gconstpointer  data)
{
  guint64 with_credentials = vigil_sim_gateway_get_n_authorization_headers (f->sim);
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *error;

  r = run_raw ("not-the-password", "-g", f->url, "-u", f->user, "login", NULL);
  g_assert_cmpint (r->status, ==, 3);
  g_assert_nonnull (strstr (r->err, "4 attempts left"));
  /* Lockout safety: the rejected password went to the gateway exactly once. */
  g_assert_cmpuint (vigil_sim_gateway_get_n_authorization_headers (f->sim) - with_credentials, ==, 1);
  g_assert_cmpuint (vigil_sim_gateway_get_n_auth_failures (f->sim), ==, 1);
  g_clear_pointer (&r, result_free);

  r = run_raw ("not-the-password", "-g", f->url, "-u", f->user, "--json", "status", "zones",
               f->dev_indexes[0], NULL);
  g_assert_cmpint (r->status, ==, 3);
  root = parse_output (r, "error");
  error = object_member (root, "error");
  g_assert_cmpstr (json_object_get_string_member (error, "domain"), ==, "client");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "authFailed");
  g_assert_cmpint (json_object_get_int_member (error, "retryTimes"), ==, 3);
  g_assert_cmpuint (vigil_sim_gateway_get_n_authorization_headers (f->sim) - with_credentials, ==, 2);
}

static void
test_lockout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Result) r = NULL;

  vigil_sim_gateway_set_lockout (f->sim, 2, 30);

  r = run_raw ("wrong", "-g", f->url, "-u", f->user, "login", NULL);
  g_assert_cmpint (r->status, ==, 3);
  g_assert_nonnull (strstr (r->err, "1 attempt left"));
  g_clear_pointer (&r, result_free);

  r = run_raw ("wrong", "-g", f->url, "-u", f->user, "login", NULL);
  g_assert_cmpint (r->status, ==, 3);
  g_assert_nonnull (strstr (r->err, "locked"));
  g_assert_nonnull (strstr (r->err, "30"));
  g_clear_pointer (&r, result_free);

  /* Even the right password is refused while the user is locked, and says for how long. */
  r = run (f, "--json", "login", NULL);
  g_assert_cmpint (r->status, ==, 3);
  assert_error_document (r, "client", "locked");
  g_assert_nonnull (strstr (r->out, "\"lockSeconds\""));
  g_assert_nonnull (strstr (r->err, "locked"));
}

/* ---- TLS ---- */

typedef struct
{
  Fixture  base;
  char    *fingerprint;
  char    *other_fingerprint;
} TlsFixture;

static void
tls_setup (TlsFixture    *f,
           gconstpointer  data)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GTlsCertificate) other = NULL;
  g_autoptr(GError) error = NULL;

  certificate = vigil_sim_builtin_certificate (0, &error);
  g_assert_no_error (error);
  other = vigil_sim_builtin_certificate (1, &error);
  g_assert_no_error (error);

  f->fingerprint = vigil_certificate_fingerprint (certificate);
  f->other_fingerprint = vigil_certificate_fingerprint (other);
  g_assert_cmpstr (f->fingerprint, !=, f->other_fingerprint);

  fixture_start (&f->base, certificate);
  g_assert_true (g_str_has_prefix (f->base.url, "https://"));
}

static void
tls_teardown (TlsFixture    *f,
              gconstpointer  data)
{
  fixture_teardown (&f->base, data);
  g_free (f->fingerprint);
  g_free (f->other_fingerprint);
}

static void
test_tls (TlsFixture    *f,
          gconstpointer  data)
{
  g_autoptr(Result) r = NULL;
  g_autofree char *hint = g_strdup_printf ("--pin-sha256 %s", f->fingerprint);
  g_autofree char *upper = g_ascii_strup (f->fingerprint, -1);

  /* Self-signed and not pinned: refused, with what to pin. */
  r = run (&f->base, "gateway", "info", NULL);
  g_assert_cmpint (r->status, ==, 4);
  g_assert_nonnull (strstr (r->err, hint));
  g_clear_pointer (&r, result_free);

  /* Pinned: works (case and colons do not matter). */
  r = run (&f->base, "--pin-sha256", upper, "gateway", "info", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Model"));
  g_clear_pointer (&r, result_free);

  /* Another pin: refused, both fingerprints named. */
  r = run (&f->base, "--pin-sha256", f->other_fingerprint, "--json", "gateway", "info", NULL);
  g_assert_cmpint (r->status, ==, 4);
  g_assert_nonnull (strstr (r->err, f->fingerprint));
  g_assert_nonnull (strstr (r->err, f->other_fingerprint));
  assert_error_document (r, "client", "tlsPinMismatch");
  g_clear_pointer (&r, result_free);

  /* A pin that is not a fingerprint is a usage error. */
  r = run (&f->base, "--pin-sha256", "xyz", "gateway", "info", NULL);
  g_assert_cmpint (r->status, ==, 2);
}

/* ---- connection failures ---- */

static void
on_stalled_request (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  /* Never answered: the client's timeout, or an interruption, must end the wait. */
  (*(guint *) user_data)++;
  soup_server_message_pause (message);
}

static void
test_unreachable (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(SoupServer) stalled = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) r = NULL;
  g_autofree char *closed_url = NULL;
  g_autofree char *stalled_url = NULL;
  GSList *uris;
  gint64 started;
  guint n_stalled = 0;

  /* A port that was free a moment ago and is closed now: refused. */
  g_socket_listener_add_address (listener, any_port, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  closed_url = g_strdup_printf ("http://127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_listener_close (listener);

  r = run_raw ("pw", "-g", closed_url, "-u", "admin", "--json", "login", NULL);
  g_assert_cmpint (r->status, ==, 4);
  assert_error_document (r, "client", "connection");
  g_clear_pointer (&r, result_free);

  /* A server that never answers: --timeout ends it. */
  soup_server_add_handler (stalled, NULL, on_stalled_request, &n_stalled, NULL);
  soup_server_listen_local (stalled, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (stalled);
  stalled_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  started = g_get_monotonic_time ();
  r = run_raw ("pw", "-g", stalled_url, "-u", "admin", "--timeout", "1", "--json", "gateway", "info", NULL);
  g_assert_cmpint (r->status, ==, 4);
  assert_error_document (r, "client", "timeout");
  g_assert_cmpint (g_get_monotonic_time () - started, <, 20 * G_USEC_PER_SEC);
  g_clear_pointer (&r, result_free);

  /* SIGINT while waiting: a clean stop, status 130. */
  {
    g_autoptr(GSubprocessLauncher) launcher = make_launcher (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                             G_SUBPROCESS_FLAGS_STDERR_PIPE, "pw");
    g_autoptr(GSubprocess) process = NULL;
    g_autofree char *err = NULL;
    guint before = n_stalled;
    gboolean timed_out = FALSE;
    guint timeout_id;

    process = g_subprocess_launcher_spawn (launcher, &error, vigilctl_path (), "-g", stalled_url,
                                           "-u", "admin", "gateway", "info", NULL);
    g_assert_no_error (error);

    timeout_id = g_timeout_add_seconds (RUN_TIMEOUT_SECONDS, on_flag_timeout, &timed_out);
    while (n_stalled == before && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (timeout_id);

    g_subprocess_send_signal (process, SIGINT);
    g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 130);
    g_assert_nonnull (strstr (err, "Interrupted"));
  }

  soup_server_disconnect (stalled);
}

/* ---- gateway ---- */

static void
test_gateway (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;

  r = run (f, "gateway", "info", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Model:"));
  g_clear_pointer (&r, result_free);

  r = run (f, "--json", "gateway", "info", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "DeviceInfo");
  g_assert_true (json_object_has_member (object_member (root, "DeviceInfo"), "model"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "gateway", "set", "--name", "Gare du Nord ☎", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);

  r = run (f, "gateway", "info", "--json", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "DeviceInfo");
  g_assert_cmpstr (json_object_get_string_member (object_member (root, "DeviceInfo"), "deviceName"), ==,
                   "Gare du Nord ☎");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "gateway", "time", "--json", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "Time");
  g_assert_nonnull (json_object_get_string_member (object_member (root, "Time"), "localTime"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "gateway", "time", "--set", "2026-03-01T10:50:44+01:00", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);

  r = run (f, "gateway", "time", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "2026-03-01"));
  g_clear_pointer (&r, result_free);

  /* Last: the gateway goes away for a moment. */
  r = run (f, "--json", "gateway", "reboot", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "statusCode");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "statusCode"), ==, 1);
}

/* ---- devices ---- */

static void
test_devices_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *first = NULL;
  JsonObject *result;

  r = run (f, "devices", "list", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "DEVICE INDEX"));
  g_assert_nonnull (strstr (r->out, f->dev_indexes[0]));
  g_assert_nonnull (strstr (r->out, f->dev_indexes[1]));
  g_clear_pointer (&r, result_free);

  /* Every page is read, one device at a time. */
  r = run (f, "--json", "devices", "list", "--page-size", "1", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "SearchResult");
  result = object_member (root, "SearchResult");
  g_assert_cmpint (json_object_get_int_member (result, "totalMatches"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "MatchList")), ==, 2);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* One page. */
  r = run (f, "--json", "devices", "list", "--page", "1", "--page-size", "1", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "SearchResult");
  result = object_member (root, "SearchResult");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "MatchList")), ==, 1);
  first = g_strdup (json_object_get_string_member (list_item (json_object_get_array_member (result, "MatchList"), 0, "Device"), "devIndex"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "--json", "devices", "list", "--page", "2", "--page-size", "1", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "SearchResult");
  result = object_member (root, "SearchResult");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "MatchList")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (list_item (json_object_get_array_member (result, "MatchList"), 0, "Device"), "devIndex"), !=, first);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* Filters. */
  vigil_sim_panel_set_online (panel (f, 1), FALSE);
  r = run (f, "--json", "devices", "list", "--status", "offline", "--type", "SecurityCP", "--protocol", "ehomeV5", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "SearchResult");
  result = object_member (root, "SearchResult");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "MatchList")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (list_item (json_object_get_array_member (result, "MatchList"), 0, "Device"), "devIndex"), ==, f->dev_indexes[1]);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "--json", "devices", "list", "--key", vigil_sim_panel_get_ehome_id (panel (f, 0)), NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "SearchResult");
  result = object_member (root, "SearchResult");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "MatchList")), ==, 1);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "devices", "list", "--key", "nothing-matches-this", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "No devices"));
}

static void
test_devices_add_delete (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *list_file = g_build_filename (f->tmpdir, "devices.json", NULL);
  g_autofree char *document = NULL;
  g_autofree char *added = NULL;
  g_autofree char *added2 = NULL;
  JsonArray *out;
  guint64 requests;

  /* One device from flags. */
  r = run (f, "--json", "devices", "add", "--ehome-id", "SITE0100", "--key", "abcd1234efgh",
           "--name", "Boulangerie", "--type", "SecurityCP", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "DeviceOutList");
  out = array_member (root, "DeviceOutList");
  g_assert_cmpuint (json_array_get_length (out), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (list_item (out, 0, "Device"), "status"), ==, "success");
  added = g_strdup (json_object_get_string_member (list_item (out, 0, "Device"), "devIndex"));
  g_assert_nonnull (vigil_sim_gateway_lookup_panel (f->sim, added));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* A batch where one is a duplicate: per-device results, exit 5. */
  document = g_strdup_printf ("{\"DeviceInList\":[{\"Device\":{\"protocolType\":\"ehomeV5\",\"EhomeParams\":"
                              "{\"EhomeID\":\"SITE0101\",\"EhomeKey\":\"key0101key\"},\"devName\":\"Pharmacie\","
                              "\"devType\":\"SecurityCP\"}},{\"Device\":{\"protocolType\":\"ehomeV5\",\"EhomeParams\":"
                              "{\"EhomeID\":\"%s\",\"EhomeKey\":\"dupl1cate\"},\"devType\":\"SecurityCP\"}},]}",
                              vigil_sim_panel_get_ehome_id (panel (f, 0)));
  g_file_set_contents (list_file, document, -1, NULL);

  r = run (f, "devices", "add", "--from", list_file, NULL);
  g_assert_cmpint (r->status, ==, 5);
  g_assert_nonnull (strstr (r->err, "deviceExist"));
  g_assert_nonnull (strstr (r->out, "SITE0101"));
  g_assert_nonnull (strstr (r->out, "failed"));
  g_clear_pointer (&r, result_free);

  /* Again, as JSON: both fail now (SITE0101 exists too). */
  r = run (f, "--json", "devices", "add", "--from", list_file, NULL);
  g_assert_cmpint (r->status, ==, 5);
  root = parse_output (r, "DeviceOutList");
  out = array_member (root, "DeviceOutList");
  g_assert_cmpuint (json_array_get_length (out), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (list_item (out, 1, "Device"), "subStatusCode"), ==, "deviceExist");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* --from with something else is refused before any request. */
  requests = vigil_sim_gateway_get_n_requests (f->sim);
  g_file_set_contents (list_file, "{\"SearchResult\":{}}", -1, NULL);
  r = run (f, "devices", "add", "--from", list_file, NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);

  /* refresh */
  r = run (f, "--json", "devices", "refresh", f->dev_indexes[0], added, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "DeviceInfoList");
  g_assert_cmpuint (json_array_get_length (array_member (root, "DeviceInfoList")), ==, 2);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "devices", "refresh", f->dev_indexes[1], NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, f->dev_indexes[1]));
  g_clear_pointer (&r, result_free);

  /* delete: one with DELETE… */
  r = run (f, "--json", "devices", "delete", added, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "statusCode");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);
  g_assert_null (vigil_sim_gateway_lookup_panel (f->sim, added));

  /* …an unknown one is the gateway's refusal… */
  r = run (f, "devices", "delete", added, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "theDeviceIdDoesNotExist"));
  g_clear_pointer (&r, result_free);

  /* …several with the batch POST, one of them unknown: exit 5, per-device results. */
  {
    g_autoptr(Result) l = run (f, "--json", "devices", "list", "--key", "SITE0101", NULL);
    g_autoptr(JsonNode) lr = parse_output (l, "SearchResult");
    JsonArray *matches = json_object_get_array_member (object_member (lr, "SearchResult"), "MatchList");

    added2 = g_strdup (json_object_get_string_member (list_item (matches, 0, "Device"), "devIndex"));
  }
  r = run (f, "--json", "devices", "delete", added2, added, NULL);
  g_assert_cmpint (r->status, ==, 5);
  root = parse_output (r, "DelDevList");
  out = array_member (root, "DelDevList");
  g_assert_cmpuint (json_array_get_length (out), ==, 2);
  g_assert_nonnull (strstr (r->err, "theDeviceIdDoesNotExist"));
  g_assert_null (vigil_sim_gateway_lookup_panel (f->sim, added2));
}

/* ---- one device ---- */

static void
test_device (Fixture       *f,
             gconstpointer  data)
{
  const char *uuid = f->dev_indexes[0];
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *canonical_tz = NULL;
  JsonObject *ip;

  r = run (f, "device", "info", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "DS-PWA32"));
  g_clear_pointer (&r, result_free);

  r = run (f, "device", "set", uuid, "--name", "Entrepôt Nord", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_cmpstr (vigil_sim_panel_get_name (panel (f, 0)), ==, "Entrepôt Nord");

  r = run (f, "--json", "device", "info", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "DeviceInfo");
  g_assert_cmpstr (json_object_get_string_member (object_member (root, "DeviceInfo"), "deviceName"), ==, "Entrepôt Nord");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "device", "channels", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "KIND"));
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "device", "channels", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "ChannelInfo");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "--json", "device", "time", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "Time");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);
  r = run (f, "device", "time", uuid, "--set", "2026-01-02 03:04:05", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);

  r = run (f, "device", "timezone", uuid, "--set", "CST-8:00:00", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  /* Sent in the core's canonical spelling of the zone. */
  {
    g_autoptr(VigilPosixTz) tz = vigil_posix_tz_parse ("CST-8:00:00", NULL);
    canonical_tz = vigil_posix_tz_to_string (tz);
  }
  g_assert_cmpstr (vigil_sim_panel_get_time_zone (panel (f, 0)), ==, canonical_tz);
  r = run (f, "device", "timezone", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, canonical_tz));
  g_assert_nonnull (strstr (r->out, "UTC+08:00"));
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "device", "timezone", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "timeZone");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "utcOffsetSeconds"), ==, 8 * 3600);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* Network. */
  r = run (f, "device", "net", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "IPV4 ADDRESS"));
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "device", "net", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "NetworkInterfaceList");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "device", "net", uuid, "1", "--set-ip", "10.20.30.40", "--mask", "255.255.255.0",
           "--gateway", "10.20.30.1", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "device", "net", uuid, "1", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "NetworkInterface");
  ip = json_object_get_object_member (object_member (root, "NetworkInterface"), "IPAddress");
  g_assert_cmpstr (json_object_get_string_member (ip, "ipAddress"), ==, "10.20.30.40");
  g_assert_cmpstr (json_object_get_string_member (ip, "addressingType"), ==, "static");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "device", "net", uuid, "1", "--dhcp", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_cmpstr (vigil_sim_panel_lookup_interface (panel (f, 0), "1")->addressing, ==, "dynamic");

  /* IO. */
  r = run (f, "device", "io", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "output"));
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "device", "io", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "IOPortList");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);
  r = run (f, "device", "trigger", uuid, "1", "high", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);

  /* An unknown devIndex: the gateway's refusal, its code on stderr and in the error document. */
  r = run (f, "--json", "device", "info", "00000000-0000-4000-8000-000000000000", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "theDeviceIdDoesNotExist"));
  assert_error_document (r, "isapi", "theDeviceIdDoesNotExist");
  root = parse_output (r, "error");
  g_assert_cmpstr (json_object_get_string_member (object_member (root, "error"), "subStatusCode"), ==,
                   "theDeviceIdDoesNotExist");
  g_assert_cmpint (json_object_get_int_member (object_member (root, "error"), "statusCode"), >, 1);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* Reboot: the panel goes offline for a moment. */
  r = run (f, "device", "reboot", f->dev_indexes[1], NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_false (vigil_sim_panel_get_online (panel (f, 1)));
}

/* ---- security control ---- */

static void
test_security (Fixture       *f,
               gconstpointer  data)
{
  const char *uuid = f->dev_indexes[0];
  VigilSimPanel *p = panel (f, 0);
  guint zone = vigil_sim_panel_find_zone (p, VIGIL_SIM_ZONE_INSTANT, 1);
  g_autofree char *zone_text = g_strdup_printf ("%u", zone);
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpuint (zone, >, 0);

  r = run (f, "status", "zones", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "BYPASSED"));
  g_assert_nonnull (strstr (r->out, vigil_sim_panel_get_zone_name (p, zone)));
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "status", "zones", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "ZoneList");
  g_assert_cmpuint (json_array_get_length (array_member (root, "ZoneList")), ==, vigil_sim_panel_get_n_zones (p));
  g_assert_true (json_object_has_member (list_item (array_member (root, "ZoneList"), 0, "Zone"), "id"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "status", "partitions", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "ARMING"));
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "status", "partitions", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "SubSysList");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  r = run (f, "status", "peripherals", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "LINKAGE"));
  g_clear_pointer (&r, result_free);
  r = run (f, "--json", "status", "peripherals", uuid, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "ExDevStatus");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* An open zone keeps the partition from arming… */
  vigil_sim_panel_set_zone_open (p, zone, TRUE);
  r = run (f, "arm", uuid, "1", "--away", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpint (vigil_sim_panel_get_partition_arming (p, 1), ==, VIGIL_SIM_ARMING_DISARM);
  g_clear_pointer (&r, result_free);

  /* …until it is bypassed. */
  r = run (f, "bypass", uuid, zone_text, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_true (vigil_sim_panel_get_zone_bypassed (p, zone));

  r = run (f, "--json", "arm", uuid, "1", "--away", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "statusCode");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "statusCode"), ==, 1);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);
  g_assert_cmpint (vigil_sim_panel_get_partition_arming (p, 1), ==, VIGIL_SIM_ARMING_AWAY);

  r = run (f, "disarm", uuid, "1", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_cmpint (vigil_sim_panel_get_partition_arming (p, 1), ==, VIGIL_SIM_ARMING_DISARM);

  r = run (f, "unbypass", uuid, zone_text, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_false (vigil_sim_panel_get_zone_bypassed (p, zone));

  /* All partitions, stay; then an alarm and clear-alarm. */
  vigil_sim_panel_set_zone_open (p, zone, FALSE);
  r = run (f, "arm", uuid, "all", "--stay", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_cmpint (vigil_sim_panel_get_partition_arming (p, 1), ==, VIGIL_SIM_ARMING_STAY);

  vigil_sim_panel_set_zone_open (p, zone, TRUE);
  g_assert_true (vigil_sim_panel_get_partition_alarm (p, 1));
  r = run (f, "disarm", uuid, "all", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  r = run (f, "clear-alarm", uuid, "1", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_false (vigil_sim_panel_get_partition_alarm (p, 1));

  /* Relays: all through, then one that does not exist (exit 5, per-relay results). */
  g_assert_cmpuint (vigil_sim_panel_get_n_relays (p), >=, 2);
  r = run (f, "--json", "relay", uuid, "open", "1", "2", NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "ErrorList");
  g_assert_cmpuint (json_array_get_length (array_member (root, "ErrorList")), ==, 2);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);
  g_assert_true (vigil_sim_panel_get_relay_on (p, 1));
  g_assert_true (vigil_sim_panel_get_relay_on (p, 2));

  r = run (f, "relay", uuid, "close", "1", "999", NULL);
  g_assert_cmpint (r->status, ==, 5);
  g_assert_nonnull (strstr (r->err, "relay 999"));
  g_assert_nonnull (strstr (r->out, "RELAY"));
  g_clear_pointer (&r, result_free);
  g_assert_false (vigil_sim_panel_get_relay_on (p, 1));
}

/* ---- video ---- */

typedef struct
{
  guint n_requests;
} Bystander;

static void
on_bystander_request (SoupServer        *server,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  Bystander *bystander = user_data;

  bystander->n_requests++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static gboolean
read_file (const char  *path,
           GBytes     **out)
{
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  *out = g_bytes_new_take (contents, length);
  return TRUE;
}

static void
test_video (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *clip_path = vigil_sim_gateway_add_clip (f->sim);
  g_autofree char *file = g_build_filename (f->tmpdir, "clip.mp4", NULL);
  g_autofree char *part = g_strconcat (file, ".part", NULL);
  g_autofree char *full_url = g_strconcat (f->url, clip_path, NULL);
  g_autoptr(GBytes) expected = vigil_sim_builtin_clip ();
  g_autoptr(GBytes) got = NULL;
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SoupServer) bystander_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = NULL;
  Bystander bystander = { 0 };
  GSList *uris;
  guint64 requests;

  g_assert_nonnull (clip_path);
  g_assert_nonnull (strchr (clip_path, '?'));

  r = run (f, "video", "fetch", clip_path, "-o", file, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  g_assert_true (read_file (file, &got));
  g_assert_true (g_bytes_equal (got, expected));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_clear_pointer (&got, g_bytes_unref);
  g_remove (file);

  /* The full URL on the gateway's origin is fine too; --json says what was saved. */
  r = run (f, "--json", "video", "fetch", full_url, "-o", file, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "file");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "bytes"), ==,
                   (gint64) g_bytes_get_size (expected));
  {
    g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, expected);

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "sha256"), ==, sha256);
  }
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* Without -o: the clip's own name (the query of the guide's videoURL), in the working
   * directory. */
  run_cwd = f->tmpdir;
  r = run (f, "video", "fetch", clip_path, NULL);
  run_cwd = NULL;
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  {
    g_autofree char *named = g_build_filename (f->tmpdir, strchr (clip_path, '?') + 1, NULL);

    g_assert_true (read_file (named, &got));
    g_assert_true (g_bytes_equal (got, expected));
    g_clear_pointer (&got, g_bytes_unref);
    g_remove (named);
  }

  /* To standard output. */
  r = run (f, "video", "fetch", clip_path, "-o", "-", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (r->out_len, ==, g_bytes_get_size (expected));
  g_assert_cmpmem (r->out, r->out_len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_clear_pointer (&r, result_free);

  /* Cut short every 10000 bytes: resumed with a Range each time, whole in the end. */
  g_remove (file);
  vigil_sim_gateway_set_video_cut (f->sim, 10000);
  r = run (f, "video", "fetch", clip_path, "-o", file, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, result_free);
  {
    g_autofree char *resumed = NULL;
    gsize resumed_len = 0;

    g_assert_true (g_file_get_contents (file, &resumed, &resumed_len, NULL));
    g_assert_cmpmem (resumed, resumed_len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  }
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_remove (file);
  vigil_sim_gateway_set_video_cut (f->sim, 0);

  /* A path the gateway does not have. */
  r = run (f, "video", "fetch", "/HikGatewayStorage/no/such/clip.mp4", "-o", file, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_clear_pointer (&r, result_free);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Another origin: refused before any I/O. A second server on 127.0.0.1 proves that nothing
   * was sent there, and the gateway saw nothing either. */
  bystander_server = soup_server_new (NULL, NULL);
  soup_server_add_handler (bystander_server, NULL, on_bystander_request, &bystander, NULL);
  soup_server_listen_local (bystander_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (bystander_server);
  elsewhere = g_strdup_printf ("http://127.0.0.1:%d%s", g_uri_get_port (uris->data), clip_path);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  requests = vigil_sim_gateway_get_n_requests (f->sim);
  r = run (f, "--json", "video", "fetch", elsewhere, "-o", file, NULL);
  g_assert_cmpint (r->status, ==, 4);
  assert_error_document (r, "client", "crossOrigin");
  g_clear_pointer (&r, result_free);

  r = run (f, "video", "fetch", "http://other.example/HikGatewayStorage/clip.mp4", NULL);
  g_assert_cmpint (r->status, ==, 4);
  g_assert_nonnull (strstr (r->err, "other.example"));
  g_clear_pointer (&r, result_free);

  r = run (f, "video", "fetch", "//other.example/clip.mp4", NULL);
  g_assert_cmpint (r->status, ==, 4);
  g_clear_pointer (&r, result_free);

  g_assert_cmpuint (bystander.n_requests, ==, 0);
  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

/* ---- subscription ---- */

static void
on_stream_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GInputStream **stream = user_data;
  g_autoptr(GError) error = NULL;

  *stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

static void
test_subscription (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *request = NULL;
  g_autofree char *id_text = NULL;
  JsonArray *list;

  /* A subscription of the first panel, opened the guide's way and kept open. */
  client = vigil_client_new (f->url, &error);
  g_assert_no_error (error);
  vigil_client_set_credentials (client, f->user, f->password);
  message = vigil_client_prepare_message (client, "POST", "/ISAPI/Event/notification/subscribeDeviceMgmt?format=json",
                                          &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("{\"SubscribeDeviceMgmt\":{\"eventMode\":\"device\",\"DevEventList\":"
                             "[{\"Dev\":{\"devIndex\":\"%s\",\"uploadMode\":\"all\"}}]}}", f->dev_indexes[0]);
  body = g_bytes_new (request, strlen (request));
  vigil_client_set_request_body (message, "application/json", body);
  soup_session_send_async (vigil_client_get_session (client), message, G_PRIORITY_DEFAULT, NULL,
                           on_stream_opened, &stream);
  while (stream == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);

  ids = vigil_sim_gateway_dup_subscription_ids (f->sim);
  g_assert_cmpuint (ids->len, ==, 1);
  id_text = g_strdup_printf ("%u", g_array_index (ids, guint, 0));

  r = run (f, "subscription", "status", id_text, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, f->dev_indexes[0]));
  g_assert_nonnull (strstr (r->out, "connected"));
  g_clear_pointer (&r, result_free);

  r = run (f, "--json", "subscription", "status", id_text, NULL);
  g_assert_cmpint (r->status, ==, 0);
  root = parse_output (r, "SubscribeQueryStatusList");
  list = array_member (root, "SubscribeQueryStatusList");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (list_item (list, 0, "Dev"), "status"), ==, "continue");
  g_clear_pointer (&r, result_free);

  r = run (f, "subscription", "status", "4242", NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_clear_pointer (&r, result_free);

  r = run (f, "subscription", "status", "soon", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);

  g_input_stream_close (stream, NULL, NULL);
}

/* ---- vigilctl sim ---- */

typedef struct
{
  gboolean  done;
  char     *line;
  GError   *error;
} LineRead;

static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LineRead *read = user_data;

  read->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                          &read->error);
  read->done = TRUE;
}

static void
check_sim_command (gboolean tls)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(Result) r = NULL;
  LineRead read = { 0 };
  gboolean exited = FALSE;
  JsonObject *info;
  const char *url;

  const char *argv[] = { vigilctl_path (), "sim", "--panels", "3", "--seed", "7", "--user", "installer",
                         "--password", "s3cret-Pa55", tls ? "--tls" : "--port=0", NULL };

  launcher = make_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, NULL, on_line_read, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (read.error);
  g_assert_nonnull (read.line);
  g_test_message ("sim: %s", read.line);

  json_parser_load_from_data (parser, read.line, -1, &error);
  g_assert_no_error (error);
  info = json_node_get_object (json_parser_get_root (parser));
  url = json_object_get_string_member (info, "url");
  g_assert_true (g_str_has_prefix (url, tls ? "https://127.0.0.1:" : "http://127.0.0.1:"));
  g_assert_cmpstr (json_object_get_string_member (info, "user"), ==, "installer");
  g_assert_cmpstr (json_object_get_string_member (info, "password"), ==, "s3cret-Pa55");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (info, "devIndexes")), ==, 3);

  if (tls)
    {
      const char *fingerprint = json_object_get_string_member (info, "sha256");

      g_assert_nonnull (fingerprint);
      r = run_raw ("s3cret-Pa55", "-g", url, "-u", "installer", "--pin-sha256", fingerprint, "login", NULL);
    }
  else
    r = run_raw ("s3cret-Pa55", "-g", url, "-u", "installer", "status", "zones",
                 json_array_get_string_element (json_object_get_array_member (info, "devIndexes"), 2), NULL);
  g_assert_cmpint (r->status, ==, 0);

  /* SIGTERM ends it cleanly. */
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_async (process, NULL, on_waited, &exited);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  g_free (read.line);
}

static void
test_sim_command (void)
{
  check_sim_command (FALSE);
  check_sim_command (TRUE);
}

/* ---- vigilctl log ---- */

#define LOG_PANEL_A "5a1f6c2e-0b7d-4e38-9c41-2d8e7f6a9b10"
#define LOG_PANEL_B "8c3d2b1a-7e6f-4a5b-9c8d-0e1f2a3b4c5d"

static VigilEvent *
cid_event (const char *dev_index,
           const char *code,
           int         zone,
           const char *uuid)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  VigilEvent *event;

  text = g_strdup_printf ("{\"EventNotificationAlert\":{\"channelID\":\"1\","
                          "\"dateTime\":\"2026-03-01T10:02:11+01:00\",\"activePostCount\":1,"
                          "\"eventType\":\"CIDAlarm\",\"eventState\":\"active\","
                          "\"eventDescription\":\"CID alarm\",\"devIndex\":\"%s\","
                          "\"channelName\":\"Panel\",\"CIDAlarm\":{\"subSys\":1,\"zoneNo\":%d,"
                          "\"CIDCode\":\"%s\",\"CIDType\":1,\"CIDDescribe\":\"x\","
                          "\"timeZoneIdx\":16,\"triggerTime\":\"2026-03-01 10:02:11\","
                          "\"uploadTime\":\"2026-03-01 10:02:11\","
                          "\"CIDParam\":\"1,3,%d,-1,-1,-1,-1,NONE\",\"UUID\":\"%s\"}}}",
                          dev_index, zone, code, zone, uuid);
  event = vigil_event_parse (text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  return event;
}

static guint
count_events (const Result *result)
{
  g_autoptr(JsonNode) root = parse_output (result, "events");

  return json_array_get_length (array_member (root, "events"));
}

static void
test_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("test-vigilctl-log-XXXXXX", &error);
  g_autofree char *db = g_build_filename (tmpdir, "events.db", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "nothing-here.db", NULL);
  g_autoptr(VigilEventStore) store = NULL;
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  const char *panel_a_line = NULL;
  JsonObject *first;

  g_assert_no_error (error);
  store = vigil_event_store_new_sync (db, NULL, &error);
  g_assert_no_error (error);
  /* A name with a comma and quotes, and a leading "=" a spreadsheet would run. */
  vigil_event_store_set_panel_name (store, LOG_PANEL_A, "=Bakery, \"Rossi\"");
  vigil_event_store_set_zone_name (store, LOG_PANEL_A, 3, "Front door");

  {
    g_autoptr(VigilEvent) burglary = cid_event (LOG_PANEL_A, "1130", 3, "11111111-1111-4111-8111-111111111111");
    g_autoptr(VigilEvent) fire = cid_event (LOG_PANEL_B, "1110", 5, "22222222-2222-4222-8222-222222222222");
    g_autoptr(VigilEvent) restore = cid_event (LOG_PANEL_A, "3130", 3, "33333333-3333-4333-8333-333333333333");

    vigil_event_store_append (store, burglary);
    vigil_event_store_append (store, fire);
    vigil_event_store_append (store, restore);
  }
  vigil_event_store_flush_sync (store, &error);
  g_assert_no_error (error);
  vigil_event_store_close (store);

  r = run_raw (NULL, "log", "--db", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "RECEIVED"));
  g_assert_nonnull (strstr (r->out, "Burglary Alarm"));
  g_assert_nonnull (strstr (r->out, "Fire Alarm"));
  g_assert_nonnull (strstr (r->out, "3 Front door"));
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "--json", "log", "--db", db, NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (count_events (r), ==, 3);
  root = parse_output (r, "events");
  first = json_array_get_object_element (array_member (root, "events"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "eventType"), ==, "CIDAlarm");
  g_assert_true (json_object_has_member (first, "cid"));
  g_assert_true (json_object_has_member (first, "receivedAt"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&r, result_free);

  /* CSV: RFC 4180 quoting, and the formula defused. */
  r = run_raw (NULL, "log", "--db", db, "--csv", NULL);
  g_assert_cmpint (r->status, ==, 0);
  lines = g_strsplit (r->out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* header, 3 rows, the empty end */
  g_assert_true (g_str_has_prefix (lines[0], "id,received_at,"));
  for (guint i = 1; lines[i] != NULL; i++)
    if (strstr (lines[i], ",1130,") != NULL)
      panel_a_line = lines[i];
  g_assert_nonnull (panel_a_line);
  g_assert_nonnull (strstr (panel_a_line, ",\"'=Bakery, \"\"Rossi\"\"\","));
  g_clear_pointer (&r, result_free);

  /* Filters. */
  r = run_raw (NULL, "--json", "log", "--db", db, "--device", LOG_PANEL_B, "--type", "CIDAlarm", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (count_events (r), ==, 1);
  g_assert_nonnull (strstr (r->out, LOG_PANEL_B));
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "--json", "log", "--db", db, "--type", "heartBeat,videoReview", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (count_events (r), ==, 0);
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "--json", "log", "--db", db, "--search", "fire", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (count_events (r), ==, 1);
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "--json", "log", "--db", db, "--since", "2000-01-01T00:00:00Z", "--until", "2999-01-01T00:00:00Z", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (count_events (r), ==, 3);
  g_clear_pointer (&r, result_free);

  r = run_raw (NULL, "log", "--db", db, "--since", "2999-01-01T00:00:00Z", NULL);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "No events"));
  g_clear_pointer (&r, result_free);

  /* Usage: nothing is created or read. */
  r = run_raw (NULL, "log", "--db", missing, NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&r, result_free);
  r = run_raw (NULL, "--json", "log", "--db", db, "--csv", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run_raw (NULL, "log", "--db", db, "--type", "coffeeBreak", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);
  r = run_raw (NULL, "log", "--db", db, "--since", "2026-02-01", "--until", "2026-01-01", NULL);
  g_assert_cmpint (r->status, ==, 2);
  g_clear_pointer (&r, result_free);

  g_clear_object (&store);
  remove_tree (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vigilctl/usage", Fixture, NULL, fixture_setup, test_usage, fixture_teardown);
  g_test_add ("/vigilctl/login", Fixture, NULL, fixture_setup, test_login, fixture_teardown);
  g_test_add ("/vigilctl/wrong-password", Fixture, NULL, fixture_setup, test_wrong_password, fixture_teardown);
  g_test_add ("/vigilctl/lockout", Fixture, NULL, fixture_setup, test_lockout, fixture_teardown);
  g_test_add ("/vigilctl/tls-pin", TlsFixture, NULL, tls_setup, test_tls, tls_teardown);
  g_test_add_func ("/vigilctl/unreachable", test_unreachable);
  g_test_add ("/vigilctl/gateway", Fixture, NULL, fixture_setup, test_gateway, fixture_teardown);
  g_test_add ("/vigilctl/devices/list", Fixture, NULL, fixture_setup, test_devices_list, fixture_teardown);
  g_test_add ("/vigilctl/devices/add-delete", Fixture, NULL, fixture_setup, test_devices_add_delete, fixture_teardown);
  g_test_add ("/vigilctl/device", Fixture, NULL, fixture_setup, test_device, fixture_teardown);
  g_test_add ("/vigilctl/security", Fixture, NULL, fixture_setup, test_security, fixture_teardown);
  g_test_add ("/vigilctl/video", Fixture, NULL, fixture_setup, test_video, fixture_teardown);
  g_test_add ("/vigilctl/subscription", Fixture, NULL, fixture_setup, test_subscription, fixture_teardown);
  g_test_add_func ("/vigilctl/sim", test_sim_command);
  g_test_add_func ("/vigilctl/log", test_log);

  return g_test_run ();
}
