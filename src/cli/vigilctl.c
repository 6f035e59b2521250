/* vigilctl.c — the installer's and the script's command line: options, dispatch, waiting
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <signal.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "vigilctl-private.h"
#include "vigil-i18n.h"

static const VigilctlCommand commands[] = {
  { "login",        vigilctl_cmd_login,        "login" },
  { "gateway",      vigilctl_cmd_gateway,      "gateway info | set --name NAME | time [--set ISO8601] | reboot" },
  { "devices",      vigilctl_cmd_devices,      "devices list | add | delete UUID... | refresh UUID..." },
  { "device",       vigilctl_cmd_device,       "device info | set | channels | reboot | time | timezone | net | io | trigger UUID ..." },
  { "status",       vigilctl_cmd_status,       "status partitions|zones|peripherals UUID" },
  { "arm",          vigilctl_cmd_arm,          "arm UUID PARTITION|all --stay|--away" },
  { "disarm",       vigilctl_cmd_disarm,       "disarm UUID PARTITION|all" },
  { "clear-alarm",  vigilctl_cmd_clear_alarm,  "clear-alarm UUID PARTITION|all" },
  { "bypass",       vigilctl_cmd_bypass,       "bypass UUID ZONE..." },
  { "unbypass",     vigilctl_cmd_unbypass,     "unbypass UUID ZONE..." },
  { "relay",        vigilctl_cmd_relay,        "relay UUID open|close RELAY..." },
  { "video",        vigilctl_cmd_video,        "video fetch PATH [-o FILE]" },
  { "events",       vigilctl_cmd_events,       "events [--follow] [--device UUID]... [--types LIST] [--heartbeats] [--db FILE]" },
  { "sim",          vigilctl_cmd_sim,          "sim [--port N] [--panels N] [--user U --password P] [--tls] [--seed N]" },
  { "log",          vigilctl_cmd_log,          "log [--db FILE] [--device UUID] [--type T] [--since T] [--until T] [--search TEXT] [--csv]" },
  { "subscription", vigilctl_cmd_subscription, "subscription status ID" },
  { NULL, NULL, NULL },
};

/* ---- global options ---- */

static void
replace_string (char       **slot,
                const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

/* Callbacks rather than plain storage: the global options are accepted before and after the
 * command, so the same slot may be set twice and the old value must be freed. */
static gboolean
on_global_option (const char  *option_name,
                  const char  *value,
                  gpointer     data,
                  GError     **error)
{
  Vigilctl *ctl = data;

  if (g_str_equal (option_name, "-g") || g_str_equal (option_name, "--gateway"))
    replace_string (&ctl->gateway, value);
  else if (g_str_equal (option_name, "-u") || g_str_equal (option_name, "--user"))
    replace_string (&ctl->user, value);
  else if (g_str_equal (option_name, "--password-file"))
    replace_string (&ctl->password_file, value);
  else if (g_str_equal (option_name, "--pin-sha256"))
    replace_string (&ctl->pin_sha256, value);
  else if (g_str_equal (option_name, "--json"))
    ctl->json = TRUE;
  else if (g_str_equal (option_name, "--timeout"))
    {
      guint64 seconds;

      if (!vigilctl_parse_uint (value, 1, 86400, &seconds))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--timeout takes a number of seconds from 1 to 86400, not “%s”"), value);
          return FALSE;
        }
      ctl->timeout = (gint) seconds;
    }

  return TRUE;
}

static GOptionGroup *
global_group (Vigilctl *ctl)
{
  const GOptionEntry entries[] = {
    { "gateway", 'g', 0, G_OPTION_ARG_CALLBACK, on_global_option,
      N_("The gateway, http[s]://HOST[:PORT] (else $VIGIL_GATEWAY)"), N_("URL") },
    { "user", 'u', 0, G_OPTION_ARG_CALLBACK, on_global_option,
      N_("The user name (else $VIGIL_USER)"), N_("USER") },
    { "password-file", 0, 0, G_OPTION_ARG_CALLBACK, on_global_option,
      N_("Read the password from the first line of FILE, “-” for standard input (else $VIGIL_PASSWORD, else asked on the terminal)"),
      N_("FILE") },
    { "pin-sha256", 0, 0, G_OPTION_ARG_CALLBACK, on_global_option,
      N_("Trust only the TLS certificate with this SHA-256 fingerprint"), N_("HEX") },
    { "timeout", 0, 0, G_OPTION_ARG_CALLBACK, on_global_option,
      N_("Give up on a request after S seconds (default 15)"), N_("S") },
    { "json", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_global_option,
      N_("Print the gateway’s message as one JSON document"), NULL },
    { NULL },
  };
  GOptionGroup *group;

  group = g_option_group_new ("global", _("Global options:"), _("Show the global options"), ctl, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

GOptionContext *
vigilctl_option_context_new (Vigilctl           *ctl,
                             const char         *parameters,
                             const char         *summary,
                             const GOptionEntry *entries,
                             gboolean            with_globals)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (with_globals)
    g_option_context_add_group (context, global_group (ctl));

  return context;
}

gboolean
vigilctl_parse_options (Vigilctl         *ctl,
                        GOptionContext   *context,
                        int              *argc,
                        char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  vigilctl_usage_error (ctl, "%s", error->message);
  return FALSE;
}

gboolean
vigilctl_parse_command (Vigilctl            *ctl,
                        const char          *parameters,
                        const char          *summary,
                        const GOptionEntry  *entries,
                        int                 *argc,
                        char              ***argv,
                        int                  min_args,
                        int                  max_args,
                        int                 *exit_status)
{
  g_autoptr(GOptionContext) context = vigilctl_option_context_new (ctl, parameters, summary, entries, TRUE);
  int n_args;

  if (!vigilctl_parse_options (ctl, context, argc, argv))
    {
      *exit_status = VIGILCTL_EXIT_USAGE;
      return FALSE;
    }

  n_args = *argc - 1;
  if (n_args < min_args || (max_args >= 0 && n_args > max_args))
    {
      *exit_status = vigilctl_usage_error (ctl, _("Usage: vigilctl %s"), parameters);
      return FALSE;
    }

  return TRUE;
}

static void
print_command_list (FILE                  *out,
                    const char            *group,
                    const VigilctlCommand *list)
{
  fprintf (out, _("Usage: vigilctl [GLOBAL OPTION…] %s COMMAND [OPTION…]\n\n"), group);
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; list[i].name != NULL; i++)
    fprintf (out, "  %s %s\n", group, list[i].synopsis);
}

int
vigilctl_dispatch (Vigilctl              *ctl,
                   const char            *group,
                   const VigilctlCommand *list,
                   int                    argc,
                   char                 **argv)
{
  if (argc < 2)
    {
      print_command_list (stderr, group, list);
      return VIGILCTL_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_command_list (stdout, group, list);
      return VIGILCTL_EXIT_OK;
    }

  for (guint i = 0; list[i].name != NULL; i++)
    if (g_str_equal (argv[1], list[i].name))
      return list[i].func (ctl, argc - 1, argv + 1);

  print_command_list (stderr, group, list);
  return vigilctl_usage_error (ctl, _("“%s %s” is not a command."), group, argv[1]);
}

gboolean
vigilctl_make_client (Vigilctl *ctl,
                      int      *exit_status)
{
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (ctl->client != NULL)
    return TRUE;

  /* From here on the command talks to a gateway, and may be interrupted. */
  vigilctl_watch_signals (ctl);

  if (ctl->gateway == NULL || *ctl->gateway == '\0')
    {
      *exit_status = vigilctl_usage_error (ctl, "%s", _("No gateway: give -g URL or set VIGIL_GATEWAY."));
      return FALSE;
    }

  /* A bare "host:port" is what installers type; the scheme is then plain HTTP, as on a
   * gateway fresh from the box. */
  if (strstr (ctl->gateway, "://") == NULL)
    uri = g_strconcat ("http://", ctl->gateway, NULL);
  else
    uri = g_strdup (ctl->gateway);

  client = vigil_client_new (uri, &error);
  if (client == NULL)
    {
      *exit_status = vigilctl_usage_error (ctl, "%s", error->message);
      return FALSE;
    }

  if (ctl->pin_sha256 != NULL &&
      !vigil_client_set_pinned_fingerprint (client, ctl->pin_sha256, &error))
    {
      *exit_status = vigilctl_usage_error (ctl, "%s", error->message);
      return FALSE;
    }

  if (ctl->timeout > 0)
    vigil_client_set_timeout (client, (guint) ctl->timeout);

  ctl->client = g_steal_pointer (&client);
  return TRUE;
}

gboolean
vigilctl_connect (Vigilctl *ctl,
                  int      *exit_status)
{
  g_autoptr(GError) error = NULL;
  char *password;

  if (ctl->have_credentials)
    return TRUE;

  if (!vigilctl_make_client (ctl, exit_status))
    return FALSE;

  if (ctl->user == NULL || *ctl->user == '\0')
    {
      *exit_status = vigilctl_usage_error (ctl, "%s", _("No user: give -u USER or set VIGIL_USER."));
      return FALSE;
    }

  password = vigilctl_get_password (ctl, &error);
  if (password == NULL)
    {
      *exit_status = vigilctl_usage_error (ctl, "%s", error->message);
      return FALSE;
    }

  vigil_client_set_credentials (ctl->client, ctl->user, password);
  vigilctl_wipe_and_free (password);
  ctl->have_credentials = TRUE;
  return TRUE;
}

/* ---- waiting for results ---- */

static gboolean
on_signal (gpointer user_data)
{
  Vigilctl *ctl = user_data;

  ctl->interrupted = TRUE;
  g_cancellable_cancel (ctl->cancellable);
  return G_SOURCE_CONTINUE;
}

void
vigilctl_watch_signals (Vigilctl *ctl)
{
  /* Only once there is something to interrupt: watching signals starts GLib's worker thread,
   * which a command that ends at once (--help, a usage error) does not need. */
  if (ctl->sigint_id != 0)
    return;
  ctl->sigint_id = g_unix_signal_add (SIGINT, on_signal, ctl);
  ctl->sigterm_id = g_unix_signal_add (SIGTERM, on_signal, ctl);
}

void
vigilctl_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Vigilctl *ctl = user_data;

  g_set_object (&ctl->pending, result);
}

GAsyncResult *
vigilctl_wait (Vigilctl *ctl)
{
  vigilctl_watch_signals (ctl);

  while (ctl->pending == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&ctl->last);
  ctl->last = g_steal_pointer (&ctl->pending);
  return ctl->last;
}


/* ---- main ---- */

static void
print_main_help_description (GOptionContext *context)
{
  GString *text = g_string_new (NULL);

  g_string_append (text, _("Commands:\n"));
  for (guint i = 0; commands[i].name != NULL; i++)
    g_string_append_printf (text, "  %s\n", commands[i].synopsis);
  g_string_append (text, _("\nEvery command takes --help.\n\n"
                           "Exit status: 0 done; 1 the gateway refused; 2 usage; 3 authentication failed or\n"
                           "user locked; 4 connection or TLS failure, or an address on another origin;\n"
                           "5 some items of a batch failed; 130 interrupted."));
  g_option_context_set_description (context, text->str);
  g_string_free (text, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  Vigilctl ctl = { 0 };
  gboolean version = FALSE;
  int status = VIGILCTL_EXIT_USAGE;
  const GOptionEntry main_entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL },
  };

  vigil_i18n_init ();
  g_set_prgname ("vigilctl");

  ctl.cancellable = g_cancellable_new ();

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Talk to a Hikvision IP Receiver Device Gateway over ISAPI."));
  /* Options after the command belong to the command (which takes the global ones too). */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_main_group (context, global_group (&ctl));
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  print_main_help_description (context);

  if (!vigilctl_parse_options (&ctl, context, &argc, &argv))
    goto out;

  if (version)
    {
      g_print ("vigilctl %s\n", PACKAGE_VERSION);
      status = VIGILCTL_EXIT_OK;
      goto out;
    }

  if (ctl.gateway == NULL)
    ctl.gateway = g_strdup (g_getenv ("VIGIL_GATEWAY"));
  if (ctl.user == NULL)
    ctl.user = g_strdup (g_getenv ("VIGIL_USER"));

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      goto out;
    }

  status = -1;
  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        status = commands[i].func (&ctl, argc - 1, argv + 1);
        break;
      }

  if (status == -1)
    status = vigilctl_usage_error (&ctl, _("“%s” is not a command."), argv[1]);

out:
  if (ctl.sigint_id != 0)
    g_source_remove (ctl.sigint_id);
  if (ctl.sigterm_id != 0)
    g_source_remove (ctl.sigterm_id);
  g_clear_object (&ctl.pending);
  g_clear_object (&ctl.last);
  g_clear_object (&ctl.client);
  g_clear_object (&ctl.cancellable);
  g_free (ctl.gateway);
  g_free (ctl.user);
  g_free (ctl.password_file);
  g_free (ctl.pin_sha256);

  /* A full disk or a closed pipe must not look like success to a script. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      if (status == VIGILCTL_EXIT_OK)
        status = VIGILCTL_EXIT_REFUSED;
    }

  return status;
}
