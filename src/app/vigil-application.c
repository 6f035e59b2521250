/* vigil-application.c — the console application
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-application"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vigil-accessible.h"
#include "vigil-alarm-notifier.h"
#include "vigil-application.h"
#include "vigil-operator-dialog.h"
#include "vigil-preferences-window.h"
#include "vigil-settings.h"
#include "vigil-window.h"

#define MAX_PASSWORD_FILE_SIZE 4096

struct _VigilApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  VigilJournal *journal;
  VigilAlertSound *alert_sound;
  VigilAlarmNotifier *notifier;
};

G_DEFINE_FINAL_TYPE (VigilApplication, vigil_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start the built-in simulated gateway and connect to it"), NULL },
  { "gateway", 'g', 0, G_OPTION_ARG_STRING, NULL,
    N_("Connect to the gateway at URL"), N_("URL") },
  { "user", 'u', 0, G_OPTION_ARG_STRING, NULL,
    N_("The user to sign in as"), N_("NAME") },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read the password from FILE (its first line)"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static VigilWindow *
get_window (VigilApplication *self,
            gboolean         *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    window = GTK_WINDOW (vigil_window_new (self));
  return VIGIL_WINDOW (window);
}

void
vigil_application_ask_operator (VigilApplication *self,
                                GtkWindow        *parent,
                                gboolean          start_of_shift)
{
  VigilOperatorDialog *dialog;

  g_return_if_fail (VIGIL_IS_APPLICATION (self));

  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  dialog = vigil_operator_dialog_new (parent, self->settings, start_of_shift);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
read_password_file (GApplicationCommandLine  *command_line,
                    const char               *path,
                    GError                  **error)
{
  g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_PASSWORD_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is too large to be a password file"), path);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  /* The first line, without its line ending: files written by editors and `echo` end in one. */
  contents[strcspn (contents, "\r\n")] = '\0';
  return g_steal_pointer (&contents);
}

static int
vigil_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  VigilApplication *self = VIGIL_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *gateway = NULL;
  const char *user = NULL;
  const char *password_file = NULL;
  g_autofree char *password = NULL;
  gboolean demo = FALSE;
  gboolean created;
  VigilWindow *window;

  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "gateway", "&s", &gateway);
  g_variant_dict_lookup (options, "user", "&s", &user);
  g_variant_dict_lookup (options, "password-file", "^&ay", &password_file);

  if (password_file != NULL)
    {
      g_autoptr(GError) error = NULL;

      password = read_password_file (command_line, password_file, &error);
      if (password == NULL)
        g_application_command_line_printerr (command_line, _("Cannot read the password: %s\n"),
                                             error->message);
    }

  window = get_window (self, &created);
  gtk_window_present (GTK_WINDOW (window));

  if (demo)
    vigil_window_start_demo (window);
  else if (gateway != NULL)
    vigil_window_connect (window, gateway, user, password);

  if (created)
    vigil_application_ask_operator (self, GTK_WINDOW (window), TRUE);

  return EXIT_SUCCESS;
}

static int
vigil_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("vigil %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "demo") && g_variant_dict_contains (options, "gateway"))
    {
      g_printerr (_("--demo and --gateway cannot be used together\n"));
      return 2;
    }

  /* Without its schema the console cannot start: say so here, in the terminal. */
  settings = vigil_settings_new (&error);
  if (settings == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  VigilApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets each end its subscription and save its size. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_destroy (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  VigilApplication *self = user_data;
  static const char *developers[] = { "The Vigil developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Vigil"),
                        "application-icon", VIGIL_APP_ID,
                        "developer-name", _("The Vigil developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Watch and control the alarm panels behind a Hikvision device gateway, "
                                      "a whole shift long."),
                        "copyright", "© 2026 The Vigil developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  VigilApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/vigilconsole/Vigil/ui/vigil-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (shortcuts);
}

static void
change_operator_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  vigil_application_ask_operator (VIGIL_APPLICATION (user_data), NULL, FALSE);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  VigilApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (vigil_preferences_window_new (parent, self->settings)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
  { "change-operator", change_operator_activated },
  { "preferences", preferences_activated },
};

static void
vigil_application_startup (GApplication *application)
{
  VigilApplication *self = VIGIL_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.back", { "<Alt>Left", NULL } },
    { "win.refresh", { "F5", "<Control>r", NULL } },
    { "win.show-alarms", { "<Control>l", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.mute", { "<Control>m", NULL } },
  };

  G_APPLICATION_CLASS (vigil_application_parent_class)->startup (application);
  vigil_accessible_install ();

  self->settings = vigil_settings_new (&error);
  if (self->settings == NULL)
    {
      /* Only when started without a command line (D-Bus activation) can this be reached. */
      g_printerr ("%s\n", error->message);
      exit (EXIT_FAILURE);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  /* The one owner of the event store: every window shows the same alarms. */
  self->journal = vigil_journal_new (NULL);
  g_settings_bind (self->settings, "operator", self->journal, "operator", G_SETTINGS_BIND_GET);
  self->alert_sound = vigil_alert_sound_new (self->settings);
  g_object_bind_property (self->journal, "queue", self->alert_sound, "queue", G_BINDING_SYNC_CREATE);
  self->notifier = vigil_alarm_notifier_new (GTK_APPLICATION (self), self->journal);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
vigil_application_activate (GApplication *application)
{
  VigilApplication *self = VIGIL_APPLICATION (application);
  gboolean created;
  VigilWindow *window = get_window (self, &created);

  gtk_window_present (GTK_WINDOW (window));
  if (created)
    vigil_application_ask_operator (self, GTK_WINDOW (window), TRUE);
}

static void
vigil_application_shutdown (GApplication *application)
{
  VigilApplication *self = VIGIL_APPLICATION (application);

  /* What the writer still holds is committed before the process ends. */
  g_clear_object (&self->notifier);
  g_clear_object (&self->alert_sound);
  if (self->journal != NULL)
    vigil_journal_close (self->journal);

  G_APPLICATION_CLASS (vigil_application_parent_class)->shutdown (application);
}

VigilJournal *
vigil_application_get_journal (VigilApplication *self)
{
  g_return_val_if_fail (VIGIL_IS_APPLICATION (self), NULL);
  return self->journal;
}

VigilAlertSound *
vigil_application_get_alert_sound (VigilApplication *self)
{
  g_return_val_if_fail (VIGIL_IS_APPLICATION (self), NULL);
  return self->alert_sound;
}

GSettings *
vigil_application_get_settings (VigilApplication *self)
{
  g_return_val_if_fail (VIGIL_IS_APPLICATION (self), NULL);
  return self->settings;
}

VigilApplication *
vigil_application_new (void)
{
  return g_object_new (VIGIL_TYPE_APPLICATION,
                       "application-id", VIGIL_APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/vigilconsole/Vigil",
                       NULL);
}

static void
vigil_application_finalize (GObject *object)
{
  VigilApplication *self = (VigilApplication *)object;

  g_clear_object (&self->notifier);
  g_clear_object (&self->alert_sound);
  g_clear_object (&self->journal);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vigil_application_parent_class)->finalize (object);
}

static void
vigil_application_class_init (VigilApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vigil_application_finalize;

  app_class->startup = vigil_application_startup;
  app_class->activate = vigil_application_activate;
  app_class->shutdown = vigil_application_shutdown;
  app_class->command_line = vigil_application_command_line;
  app_class->handle_local_options = vigil_application_handle_local_options;
}

static void
vigil_application_init (VigilApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The console for alarm-monitoring operators."));
}
