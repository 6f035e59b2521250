/* vigil-connect-page.c — signing in to a gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-connect-page"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-connect-page.h"
#include "vigil-keyring.h"
#include "vigil-settings.h"
#include "vigil-window.h"

struct _VigilConnectPage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  AdwEntryRow *url_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
  GtkSwitch *remember_switch;
  GtkRevealer *error_revealer;
  GtkImage *error_icon;
  GtkLabel *error_title;
  GtkLabel *error_detail;
  GtkButton *trust_button;
  GtkButton *connect_button;
  GtkSpinner *spinner;
  GtkLabel *connect_label;
  GtkButton *demo_button;
  AdwPreferencesGroup *known_group;
  GtkListBox *known_list;

  GSettings *settings;
  GCancellable *login_cancellable;
  GCancellable *lookup_cancellable;
  VigilClient *client;           /* the attempt in flight, or the last one that failed */
  gboolean busy;
  gboolean once;                 /* this attempt is not remembered */
  char *keyring_key;             /* "url\nuser" of the password read from the keyring */

  char *untrusted_url;           /* "Trust this gateway" pins this … */
  char *untrusted_fingerprint;   /* … to this */

  gint64 unlock_at;              /* monotonic time the user lock ends, 0 when none */
  guint lock_tick_id;
};

G_DEFINE_FINAL_TYPE (VigilConnectPage, vigil_connect_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  CONNECTED,
  DEMO_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_login (VigilConnectPage *self,
                         gboolean          once);

/* ---- small helpers ---- */

static char *
get_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The address as the client and the settings spell it, or NULL when it is not one. */
static char *
normalize_url (const char *text)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(VigilClient) client = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  /* An address without a scheme is tried over HTTPS: never send a password in clear text
   * unless the operator wrote http:// on purpose. */
  with_scheme = strstr (text, "://") ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  client = vigil_client_new (with_scheme, NULL);
  return client ? g_strdup (vigil_client_get_base_uri (client)) : NULL;
}

static char *
keyring_key (const char *url,
             const char *user)
{
  return g_strconcat (url, "\n", user, NULL);
}

static void
set_busy (VigilConnectPage *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;

  /* The fields turn insensitive: a focused one would lose the focus without a focus-out (and
   * its cursor would blink on), so the focus goes to the button that now cancels. */
  if (busy)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL &&
          (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->url_row)) ||
           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->user_row)) ||
           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->password_row))))
        gtk_widget_grab_focus (GTK_WIDGET (self->connect_button));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* The label is the button's mnemonic label: it names the button, Connect or Cancel. */
  gtk_label_set_label (self->connect_label, busy ? _("_Cancel") : _("_Connect"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->known_list), !busy);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- failures ---- */

static void
stop_lock_countdown (VigilConnectPage *self)
{
  g_clear_handle_id (&self->lock_tick_id, g_source_remove);
  self->unlock_at = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), TRUE);
}

static void
hide_error (VigilConnectPage *self)
{
  stop_lock_countdown (self);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->trust_button), FALSE);
  g_clear_pointer (&self->untrusted_url, g_free);
  g_clear_pointer (&self->untrusted_fingerprint, g_free);
}

static void
show_error_full (VigilConnectPage *self,
                 const char       *icon_name,
                 const char       *title,
                 const char       *detail)
{
  gtk_image_set_from_icon_name (self->error_icon, icon_name);
  gtk_label_set_label (self->error_title, title);
  gtk_label_set_label (self->error_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->error_detail), detail != NULL && *detail != '\0');
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);

  /* Screen readers announce the alert; its name is what went wrong. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_revealer_get_child (self->error_revealer)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail ? detail : "",
                                  -1);
}

void
vigil_connect_page_show_error (VigilConnectPage *self,
                               const char       *title,
                               const char       *detail)
{
  g_return_if_fail (VIGIL_IS_CONNECT_PAGE (self));

  hide_error (self);
  show_error_full (self, "dialog-warning-symbolic", title, detail);
}

static void
update_lock_text (VigilConnectPage *self)
{
  gint64 left_us = self->unlock_at - g_get_monotonic_time ();
  gint64 left = (left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  g_autofree char *detail = NULL;

  if (left <= 0)
    {
      stop_lock_countdown (self);
      gtk_label_set_label (self->error_title, _("The lock has ended"));
      gtk_label_set_label (self->error_detail, _("The gateway accepts this user again: check the password, then connect."));
      return;
    }

  detail = g_strdup_printf (_("Too many wrong passwords were tried. The gateway accepts this user again in "
                              "%d:%02d; connecting before then only extends the lock."),
                            (int) (left / 60), (int) (left % 60));
  gtk_label_set_label (self->error_detail, detail);
}

static gboolean
on_lock_tick (gpointer user_data)
{
  VigilConnectPage *self = user_data;

  update_lock_text (self);
  return self->lock_tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
start_lock_countdown (VigilConnectPage *self,
                      gint              seconds)
{
  self->unlock_at = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), FALSE);
  self->lock_tick_id = g_timeout_add_seconds (1, on_lock_tick, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->lock_tick_id),
                            "[vigil-connect-page] lock countdown");
  update_lock_text (self);
}

static void
show_login_error (VigilConnectPage *self,
                  const GError     *error)
{
  const VigilErrorDetails *details = vigil_error_get_details (error);
  g_autofree char *detail = NULL;

  hide_error (self);

  if (error->domain == VIGIL_ISAPI_ERROR)
    {
      show_error_full (self, "dialog-error-symbolic", _("The gateway refused the sign-in"), error->message);
      return;
    }

  if (error->domain != VIGIL_CLIENT_ERROR)
    {
      show_error_full (self, "dialog-error-symbolic", _("Could not connect"), error->message);
      return;
    }

  switch ((VigilClientError) error->code)
    {
    case VIGIL_CLIENT_ERROR_AUTH_FAILED:
    case VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED:
      if (details != NULL && details->has_retry_times && details->retry_times > 0)
        detail = g_strdup_printf (ngettext ("The gateway refused them. %d attempt is left before the user "
                                            "is locked: check the password, then connect again.",
                                            "The gateway refused them. %d attempts are left before the user "
                                            "is locked: check the password, then connect again.",
                                            details->retry_times),
                                  details->retry_times);
      else if (details != NULL && details->has_retry_times)
        detail = g_strdup (_("The gateway refused them. No attempts are left: one more wrong password "
                             "locks the user."));
      else
        detail = g_strdup (_("The gateway refused them. Check the user name and the password, then "
                             "connect again."));
      show_error_full (self, "dialog-password-symbolic", _("Wrong user name or password"), detail);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      break;

    case VIGIL_CLIENT_ERROR_LOCKED:
      show_error_full (self, "system-lock-screen-symbolic", _("The user is locked"), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->error_detail), TRUE);
      if (details != NULL && details->has_lock_seconds && details->lock_seconds > 0)
        start_lock_countdown (self, details->lock_seconds);
      else
        gtk_label_set_label (self->error_detail,
                             _("Too many wrong passwords were tried. Wait until the gateway unlocks the "
                               "user (often 30 minutes), then connect again."));
      break;

    case VIGIL_CLIENT_ERROR_TLS_UNTRUSTED:
      detail = g_strdup_printf (_("Its SHA-256 fingerprint is\n%s\n\nCompare it with the fingerprint the "
                                  "installer gave you or the gateway's own web page shows. Trust it only "
                                  "if they match: from then on only this certificate is accepted."),
                                details && details->tls_fingerprint ? details->tls_fingerprint : _("unknown"));
      show_error_full (self, "channel-insecure-symbolic", _("The gateway's certificate is not trusted"), detail);
      if (details != NULL && details->tls_fingerprint != NULL && self->client != NULL)
        {
          self->untrusted_url = g_strdup (vigil_client_get_base_uri (self->client));
          self->untrusted_fingerprint = g_strdup (details->tls_fingerprint);
          gtk_widget_set_visible (GTK_WIDGET (self->trust_button), TRUE);
        }
      break;

    case VIGIL_CLIENT_ERROR_TLS_PIN_MISMATCH:
      detail = g_strdup_printf (_("It presented a certificate with the SHA-256 fingerprint\n%s\nbut the "
                                  "trusted one is\n%s\n\nThis happens when the gateway was replaced or its "
                                  "certificate renewed, and also when someone intercepts the connection. "
                                  "Ask the installer before you trust the new certificate."),
                                details && details->tls_fingerprint ? details->tls_fingerprint : _("unknown"),
                                details && details->pinned_fingerprint ? details->pinned_fingerprint : _("unknown"));
      show_error_full (self, "channel-insecure-symbolic", _("The gateway's certificate has changed"), detail);
      if (details != NULL && details->tls_fingerprint != NULL && self->client != NULL)
        {
          self->untrusted_url = g_strdup (vigil_client_get_base_uri (self->client));
          self->untrusted_fingerprint = g_strdup (details->tls_fingerprint);
          gtk_widget_set_visible (GTK_WIDGET (self->trust_button), TRUE);
        }
      break;

    case VIGIL_CLIENT_ERROR_CONNECTION:
      detail = g_strdup_printf (_("%s\n\nCheck the address and the port, and that the gateway is switched "
                                  "on and on the network. If it does not use HTTPS, write http:// in "
                                  "front of the address."), error->message);
      show_error_full (self, "network-offline-symbolic", _("The gateway could not be reached"), detail);
      break;

    case VIGIL_CLIENT_ERROR_TIMEOUT:
      show_error_full (self, "network-offline-symbolic", _("The gateway did not answer in time"),
                       _("It may be overloaded, or the network between this computer and the gateway "
                         "drops traffic. Check the network, then connect again."));
      break;

    case VIGIL_CLIENT_ERROR_INVALID_ARGUMENT:
      detail = g_strdup_printf (_("%s\n\nAn address looks like https://192.0.2.10 or "
                                  "http://gateway.example:8080."), error->message);
      show_error_full (self, "dialog-warning-symbolic", _("The address is not valid"), detail);
      break;

    case VIGIL_CLIENT_ERROR_CROSS_ORIGIN:
    case VIGIL_CLIENT_ERROR_HTTP:
    case VIGIL_CLIENT_ERROR_BAD_RESPONSE:
    default:
      detail = g_strdup_printf (_("%s\n\nCheck the address and the port: they must be those of the "
                                  "gateway's ISAPI service."), error->message);
      show_error_full (self, "dialog-error-symbolic", _("This address does not answer like a device gateway"),
                       detail);
      break;
    }
}

char *
vigil_connect_page_dup_error_text (VigilConnectPage *self)
{
  g_return_val_if_fail (VIGIL_IS_CONNECT_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return g_strdup_printf ("%s\n%s", gtk_label_get_label (self->error_title),
                          gtk_widget_get_visible (GTK_WIDGET (self->error_detail))
                            ? gtk_label_get_label (self->error_detail) : "");
}

/* ---- the keyring ---- */

static void
on_keyring_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  const char *what = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (what, "store") == 0)
    ok = vigil_keyring_store_finish (result, &error);
  else
    ok = vigil_keyring_clear_finish (result, &error);

  /* No keyring (a bare session, a test): the password is simply not remembered. */
  if (!ok)
    g_debug ("keyring %s failed: %s", what, error->message);
}

static void
remember_password (VigilConnectPage *self,
                   const char       *url,
                   const char       *user,
                   const char       *password)
{
  g_autofree char *key = keyring_key (url, user);

  if (gtk_switch_get_active (self->remember_switch))
    {
      vigil_keyring_store_async (url, user, password, NULL, on_keyring_done, (gpointer) "store");
      g_free (self->keyring_key);
      self->keyring_key = g_steal_pointer (&key);
    }
  else if (g_strcmp0 (self->keyring_key, key) == 0)
    {
      /* It was remembered and the operator turned "remember" off: forget it. */
      vigil_keyring_clear_async (url, user, NULL, on_keyring_done, (gpointer) "clear");
      g_clear_pointer (&self->keyring_key, g_free);
    }
}

typedef struct
{
  VigilConnectPage *self;
  char *url;
  char *user;
  gboolean connect;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->self);
  g_free (lookup->url);
  g_free (lookup->user);
  g_free (lookup);
}

static void
on_password_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Lookup *lookup = user_data;
  VigilConnectPage *self = lookup->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = vigil_keyring_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      lookup_free (lookup);
      return;
    }
  if (error != NULL)
    g_debug ("keyring lookup failed: %s", error->message);

  if (password != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      gtk_switch_set_active (self->remember_switch, TRUE);
      g_free (self->keyring_key);
      self->keyring_key = keyring_key (lookup->url, lookup->user);
      if (lookup->connect)
        start_login (self, FALSE);
    }
  else if (lookup->connect)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }

  lookup_free (lookup);
}

static void
fill (VigilConnectPage *self,
      const char       *url,
      const char       *user,
      const char       *password,
      gboolean          connect)
{
  g_autofree char *normalized = normalize_url (url);

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user ? user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password ? password : "");
  gtk_switch_set_active (self->remember_switch, FALSE);
  g_clear_pointer (&self->keyring_key, g_free);
  hide_error (self);

  if (password == NULL && normalized != NULL && user != NULL && *user != '\0')
    {
      Lookup *lookup = g_new0 (Lookup, 1);

      lookup->self = g_object_ref (self);
      lookup->url = g_steal_pointer (&normalized);
      lookup->user = g_strdup (user);
      lookup->connect = connect;
      self->lookup_cancellable = g_cancellable_new ();
      vigil_keyring_lookup_async (lookup->url, lookup->user, self->lookup_cancellable,
                                  on_password_looked_up, lookup);
    }
}

/* ---- signing in ---- */

static void
on_login (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VigilConnectPage) self = user_data;
  VigilClient *client = VIGIL_CLIENT (source);
  g_autoptr(VigilUserCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  check = vigil_client_login_finish (client, result, &error);

  /* A newer attempt, or a cancel: this answer no longer matters. */
  if (client != self->client || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  g_clear_object (&self->login_cancellable);

  if (check == NULL)
    {
      show_login_error (self, error);
      return;
    }

  if (!self->once && self->settings != NULL)
    {
      const char *url = vigil_client_get_base_uri (client);
      const char *user = vigil_client_get_user (client);

      vigil_settings_remember_gateway (self->settings, url, user);
      password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
      remember_password (self, url, user, password);
    }

  /* The password has done its work: it does not stay on screen or in a widget. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  hide_error (self);

  g_signal_emit (self, signals[CONNECTED], 0, client);
  g_clear_object (&self->client);
}

static void
start_login (VigilConnectPage *self,
             gboolean          once)
{
  g_autofree char *url_text = get_trimmed (self->url_row);
  g_autofree char *user = get_trimmed (self->user_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *with_scheme = NULL;
  g_autofree char *pin = NULL;
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (self->busy || self->unlock_at != 0)
    return;

  if (*url_text == '\0')
    {
      vigil_connect_page_show_error (self, _("Enter the gateway's address"),
                                     _("It looks like https://192.0.2.10 or http://gateway.example:8080."));
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }
  if (*user == '\0')
    {
      vigil_connect_page_show_error (self, _("Enter the user"),
                                     _("The gateway's administrator, or another user the installer set up."));
      gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
      return;
    }

  with_scheme = strstr (url_text, "://") ? g_strdup (url_text) : g_strconcat ("https://", url_text, NULL);
  client = vigil_client_new (with_scheme, &error);
  if (client == NULL)
    {
      show_login_error (self, error);
      return;
    }

  if (self->settings != NULL)
    {
      /* The session keeps this client: the setting holds for the whole connection. */
      vigil_client_set_timeout (client, g_settings_get_uint (self->settings, "request-timeout"));
      pin = vigil_settings_dup_pinned_fingerprint (self->settings, vigil_client_get_base_uri (client));
    }
  if (pin != NULL && !vigil_client_set_pinned_fingerprint (client, pin, &error))
    {
      g_debug ("ignoring the stored pin for %s: %s", vigil_client_get_base_uri (client), error->message);
      g_clear_error (&error);
    }

  vigil_client_set_credentials (client, user, password);
  /* Sign-in attempts go in the window's protocol trace too: a refused one is what support asks for. */
  if (VIGIL_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    vigil_client_set_trace (client, vigil_window_get_trace (VIGIL_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)))));

  hide_error (self);
  self->once = once;
  g_set_object (&self->client, client);
  g_clear_object (&self->login_cancellable);
  self->login_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  vigil_client_login_async (client, self->login_cancellable, on_login, g_object_ref (self));
}

void
vigil_connect_page_connect (VigilConnectPage *self)
{
  g_return_if_fail (VIGIL_IS_CONNECT_PAGE (self));
  start_login (self, FALSE);
}

void
vigil_connect_page_sign_in (VigilConnectPage *self,
                            const char       *url,
                            const char       *user,
                            const char       *password)
{
  g_return_if_fail (VIGIL_IS_CONNECT_PAGE (self));

  fill (self, url, user, password, TRUE);
  if (password != NULL)
    start_login (self, FALSE);
}

void
vigil_connect_page_sign_in_once (VigilConnectPage *self,
                                 const char       *url,
                                 const char       *user,
                                 const char       *password)
{
  g_return_if_fail (VIGIL_IS_CONNECT_PAGE (self));
  g_return_if_fail (password != NULL);

  fill (self, url, user, password, FALSE);
  start_login (self, TRUE);
}

gboolean
vigil_connect_page_get_busy (VigilConnectPage *self)
{
  g_return_val_if_fail (VIGIL_IS_CONNECT_PAGE (self), FALSE);
  return self->busy;
}

/* ---- known gateways ---- */

static void
on_forget_clicked (GtkButton        *button,
                   VigilConnectPage *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");
  const char *user = g_object_get_data (G_OBJECT (button), "user");

  vigil_keyring_clear_async (url, user, NULL, on_keyring_done, (gpointer) "clear");
  if (self->settings != NULL)
    vigil_settings_forget_gateway (self->settings, url, user);
}

static GtkWidget *
create_known_row (VigilConnectPage *self,
                  const char       *url,
                  const char       *user)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *forget = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *forget_label = g_strdup_printf (_("Forget %s"), url);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), url);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), user);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "url", g_strdup (url), g_free);
  g_object_set_data_full (G_OBJECT (row), "user", g_strdup (user), g_free);

  gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (forget, "flat");
  gtk_widget_set_tooltip_text (forget, _("Forget This Gateway"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (forget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, forget_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (forget), "url", g_strdup (url), g_free);
  g_object_set_data_full (G_OBJECT (forget), "user", g_strdup (user), g_free);
  g_signal_connect_object (forget, "clicked", G_CALLBACK (on_forget_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);

  return row;
}

static void
rebuild_known (VigilConnectPage *self)
{
  g_autoptr(GVariant) known = NULL;
  GtkWidget *child;
  GVariantIter iter;
  const char *url;
  const char *user;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->known_list))) != NULL)
    gtk_list_box_remove (self->known_list, child);

  if (self->settings == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->known_group), FALSE);
      return;
    }

  known = g_settings_get_value (self->settings, "known-gateways");
  g_variant_iter_init (&iter, known);
  while (g_variant_iter_next (&iter, "(&s&s)", &url, &user))
    {
      gtk_list_box_append (self->known_list, create_known_row (self, url, user));
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->known_group), n > 0);
}

static void
on_known_row_activated (VigilConnectPage *self,
                        GtkListBoxRow    *row)
{
  fill (self,
        g_object_get_data (G_OBJECT (row), "url"),
        g_object_get_data (G_OBJECT (row), "user"),
        NULL, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
vigil_connect_page_set_settings (VigilConnectPage *self,
                                 GSettings        *settings)
{
  g_autoptr(GVariant) known = NULL;

  g_return_if_fail (VIGIL_IS_CONNECT_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::known-gateways", G_CALLBACK (rebuild_known), self,
                             G_CONNECT_SWAPPED);
  rebuild_known (self);

  /* Start from the gateway used last. */
  if (settings != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) == '\0')
    {
      const char *url;
      const char *user;

      known = g_settings_get_value (settings, "known-gateways");
      if (g_variant_n_children (known) > 0)
        {
          g_variant_get_child (known, 0, "(&s&s)", &url, &user);
          fill (self, url, user, NULL, FALSE);
        }
    }
}

/* ---- template callbacks ---- */

static void
on_connect_clicked (VigilConnectPage *self)
{
  if (self->busy)
    {
      /* Cancel: the operator gave up waiting for an address that does not answer. */
      g_cancellable_cancel (self->login_cancellable);
      g_clear_object (&self->login_cancellable);
      g_clear_object (&self->client);
      set_busy (self, FALSE);
      return;
    }
  start_login (self, FALSE);
}

static void
on_demo_clicked (VigilConnectPage *self)
{
  g_signal_emit (self, signals[DEMO_REQUESTED], 0);
}

static void
on_trust_clicked (VigilConnectPage *self)
{
  if (self->untrusted_url == NULL || self->untrusted_fingerprint == NULL)
    return;

  /* The operator compared the fingerprint and chose to trust it: pin it, and try again. */
  if (self->settings != NULL)
    vigil_settings_set_pinned_fingerprint (self->settings, self->untrusted_url, self->untrusted_fingerprint);
  start_login (self, self->once);
}

static void
on_fields_changed (VigilConnectPage *self)
{
  /* Once the operator edits the form, the old failure no longer describes it (a lock
   * countdown stays: the gateway keeps the lock whatever is typed). */
  if (self->unlock_at == 0 && !self->busy)
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
on_entry_activated (VigilConnectPage *self)
{
  start_login (self, FALSE);
}

/* ---- GObject ---- */

static void
vigil_connect_page_dispose (GObject *object)
{
  VigilConnectPage *self = (VigilConnectPage *)object;

  g_cancellable_cancel (self->login_cancellable);
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_handle_id (&self->lock_tick_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_CONNECT_PAGE);

  G_OBJECT_CLASS (vigil_connect_page_parent_class)->dispose (object);
}

static void
vigil_connect_page_finalize (GObject *object)
{
  VigilConnectPage *self = (VigilConnectPage *)object;

  g_clear_object (&self->login_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_pointer (&self->keyring_key, g_free);
  g_clear_pointer (&self->untrusted_url, g_free);
  g_clear_pointer (&self->untrusted_fingerprint, g_free);

  G_OBJECT_CLASS (vigil_connect_page_parent_class)->finalize (object);
}

static void
vigil_connect_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilConnectPage *self = VIGIL_CONNECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY: g_value_set_boolean (value, self->busy); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_connect_page_class_init (VigilConnectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_connect_page_dispose;
  object_class->finalize = vigil_connect_page_finalize;
  object_class->get_property = vigil_connect_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilConnectPage::connected:
   * @client: signed in, with its credentials
   */
  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VIGIL_TYPE_CLIENT);
  signals[DEMO_REQUESTED] =
    g_signal_new ("demo-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-connect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, error_icon);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, error_title);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, error_detail);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, trust_button);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, connect_label);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, known_group);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectPage, known_list);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_trust_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_known_row_activated);
}

static void
vigil_connect_page_init (VigilConnectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
