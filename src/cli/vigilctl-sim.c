/* vigilctl-sim.c — a simulated gateway on 127.0.0.1, until killed
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <glib/gi18n.h>

#include "vigil-sim-gateway.h"
#include "vigilctl-private.h"

/* The first line on stdout, flushed at once: what a script needs to talk to the simulator. */
static void
print_connection_line (VigilSimGateway *sim,
                       const char      *fingerprint)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *url = vigil_sim_gateway_dup_url (sim);
  g_auto(GStrv) dev_indexes = vigil_sim_gateway_dup_dev_indexes (sim);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, vigil_sim_gateway_get_user (sim));
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, vigil_sim_gateway_get_password (sim));
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, vigil_sim_gateway_get_seed (sim));
  json_builder_set_member_name (builder, "sha256");
  if (fingerprint != NULL)
    json_builder_add_string_value (builder, fingerprint);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "devIndexes");
  json_builder_begin_array (builder);
  for (guint i = 0; dev_indexes != NULL && dev_indexes[i] != NULL; i++)
    json_builder_add_string_value (builder, dev_indexes[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  vigilctl_print_json (node);
}

int
vigilctl_cmd_sim (Vigilctl  *ctl,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VigilSimGateway) sim = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *port_text = NULL;
  g_autofree char *panels_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean tls = FALSE;
  gboolean demo = FALSE;
  gboolean json_ignored = FALSE;
  guint64 port = 0;
  guint64 panels = 2;
  guint64 seed;
  /* No global group here: --user and --password are the simulator's own. */
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_STRING, &port_text, N_("Listen on this port of 127.0.0.1 (default: a free one)"), N_("N") },
    { "panels", 0, 0, G_OPTION_ARG_STRING, &panels_text, N_("Security control panels to simulate, 0 to 1000 (default 2)"), N_("N") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user, N_("The user (default admin)"), N_("U") },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("The password (default: made from the seed)"), N_("P") },
    { "tls", 0, 0, G_OPTION_ARG_NONE, &tls, N_("Serve HTTPS with a self-signed certificate (its SHA-256 is printed)"), NULL },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("Everything simulated derives from this number (default: random)"), N_("N") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Let the panels live: zones open, alarms go off, faults come and go"), NULL },
    { "json", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &json_ignored, NULL, NULL },
    { NULL },
  };

  context = vigilctl_option_context_new (ctl, "sim [--port N] [--panels N] [--user U --password P] [--tls] [--seed N]",
                                         _("Run a simulated gateway on 127.0.0.1 until interrupted. The first line "
                                           "on standard output is {\"url\":…,\"user\":…,\"password\":…}."),
                                         entries, FALSE);
  if (!vigilctl_parse_options (ctl, context, &argc, &argv))
    return VIGILCTL_EXIT_USAGE;
  if (argc != 1)
    return vigilctl_usage_error (ctl, _("sim takes no arguments, only options (“%s”)."), argv[1]);

  if (port_text != NULL && !vigilctl_parse_uint (port_text, 0, 65535, &port))
    return vigilctl_usage_error (ctl, _("--port takes a port number, not “%s”."), port_text);
  if (panels_text != NULL && !vigilctl_parse_uint (panels_text, 0, 1000, &panels))
    return vigilctl_usage_error (ctl, _("--panels takes a number from 0 to 1000, not “%s”."), panels_text);
  if (seed_text != NULL)
    {
      if (!vigilctl_parse_uint (seed_text, 0, G_MAXUINT32, &seed))
        return vigilctl_usage_error (ctl, _("--seed takes a number from 0 to %u, not “%s”."), G_MAXUINT32, seed_text);
    }
  else
    seed = g_random_int ();
  if (user != NULL && *user == '\0')
    return vigilctl_usage_error (ctl, "%s", _("--user cannot be empty."));

  sim = vigil_sim_gateway_new ((guint32) seed, (guint) panels);
  if (user != NULL || password != NULL)
    vigil_sim_gateway_set_credentials (sim, user ? user : vigil_sim_gateway_get_user (sim),
                                       password ? password : vigil_sim_gateway_get_password (sim));

  if (tls)
    {
      certificate = vigil_sim_builtin_certificate (0, &error);
      if (certificate == NULL)
        return vigilctl_fail (ctl, error);
      fingerprint = vigil_certificate_fingerprint (certificate);
      vigil_sim_gateway_set_tls_certificate (sim, certificate);
    }

  if (!vigil_sim_gateway_listen (sim, (guint16) port, &error))
    {
      g_printerr (_("vigilctl: cannot listen on 127.0.0.1:%u: %s\n"), (guint) port, error->message);
      return VIGILCTL_EXIT_CONNECTION;
    }

  vigil_sim_gateway_set_demo_activity (sim, demo);
  print_connection_line (sim, fingerprint);

  /* Until SIGINT or SIGTERM. */
  vigilctl_watch_signals (ctl);
  while (!g_cancellable_is_cancelled (ctl->cancellable))
    g_main_context_iteration (NULL, TRUE);

  /* Let the server close its connections: their sources hold the last references. */
  g_clear_object (&sim);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return VIGILCTL_EXIT_OK;
}
