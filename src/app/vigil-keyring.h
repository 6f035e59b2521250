/* vigil-keyring.h — gateway passwords in the user's keyring (libsecret)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A remembered password lives in the Secret Service (or the secret portal inside a Flatpak),
 * keyed by the gateway's address and the user: never in GSettings, never in a file.
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define VIGIL_KEYRING_SCHEMA_NAME "io.github.vigilconsole.Vigil.Gateway"

const SecretSchema *vigil_keyring_get_schema   (void);

void      vigil_keyring_store_async   (const char          *url,
                                       const char          *user,
                                       const char          *password,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  vigil_keyring_store_finish  (GAsyncResult  *result,
                                       GError       **error);

/* The password, or NULL (without an error) when none is stored. Free with g_free(). */
void      vigil_keyring_lookup_async  (const char          *url,
                                       const char          *user,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char     *vigil_keyring_lookup_finish (GAsyncResult  *result,
                                       GError       **error);

void      vigil_keyring_clear_async   (const char          *url,
                                       const char          *user,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  vigil_keyring_clear_finish  (GAsyncResult  *result,
                                       GError       **error);

G_END_DECLS
