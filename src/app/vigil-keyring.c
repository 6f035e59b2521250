/* vigil-keyring.c — gateway passwords in the user's keyring (libsecret)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-keyring"

#include <glib/gi18n.h>

#include "vigil-keyring.h"

const SecretSchema *
vigil_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    VIGIL_KEYRING_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vigil_keyring_store_async (const char          *url,
                           const char          *user,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf (_("Vigil gateway %s (%s)"), url, user);

  g_task_set_source_tag (task, vigil_keyring_store_async);
  secret_password_store (vigil_keyring_get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, on_stored, task,
                         "url", url,
                         "user", user,
                         NULL);
}

gboolean
vigil_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Out of libsecret's non-pageable memory into ours, which the caller frees with g_free(). */
  g_task_return_pointer (task, g_strdup (secret), g_free);
  secret_password_free (secret);
}

void
vigil_keyring_lookup_async (const char          *url,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, vigil_keyring_lookup_async);
  secret_password_lookup (vigil_keyring_get_schema (), cancellable, on_looked_up, task,
                          "url", url,
                          "user", user,
                          NULL);
}

char *
vigil_keyring_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to clear: that is fine too. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
vigil_keyring_clear_async (const char          *url,
                           const char          *user,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, vigil_keyring_clear_async);
  secret_password_clear (vigil_keyring_get_schema (), cancellable, on_cleared, task,
                         "url", url,
                         "user", user,
                         NULL);
}

gboolean
vigil_keyring_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
