/* vigil-settings.c — the console's GSettings, and the lists kept in them
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-settings"

#include <glib/gi18n.h>

#include "vigil-settings.h"

static GSettingsSchema *
lookup_build_tree_schema (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = NULL;
  const char *candidates[2];

  if (exe == NULL)
    return NULL;

  /* The build tree: the console is build/src/app/vigil, the tests build/tests/test-*, and the
   * schema is compiled into build/data. Only looked at when no installed schema exists. */
  exe_dir = g_path_get_dirname (exe);
  candidates[0] = "../../data";
  candidates[1] = "../data";

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *dir = g_build_filename (exe_dir, candidates[i], NULL);
      g_autofree char *compiled = g_build_filename (dir, "gschemas.compiled", NULL);
      g_autoptr(GSettingsSchemaSource) source = NULL;
      GSettingsSchema *schema;

      if (!g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
        continue;

      source = g_settings_schema_source_new_from_directory (dir, g_settings_schema_source_get_default (),
                                                            FALSE, NULL);
      if (source == NULL)
        continue;

      schema = g_settings_schema_source_lookup (source, VIGIL_SCHEMA_ID, FALSE);
      if (schema != NULL)
        return schema;
    }

  return NULL;
}

GSettings *
vigil_settings_new (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, VIGIL_SCHEMA_ID, TRUE);
  if (schema == NULL)
    schema = lookup_build_tree_schema ();

  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The settings schema %s is not installed. Install Vigil, or run it with "
                     "GSETTINGS_SCHEMA_DIR pointing at the schema."), VIGIL_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
edit_known_gateways (GSettings  *settings,
                     const char *url,
                     const char *user,
                     gboolean    add)
{
  g_autoptr(GVariant) known = g_settings_get_value (settings, "known-gateways");
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a(ss)"));
  GVariantIter iter;
  const char *known_url;
  const char *known_user;
  guint n = 0;

  if (add)
    {
      g_variant_builder_add (builder, "(ss)", url, user);
      n++;
    }

  g_variant_iter_init (&iter, known);
  while (g_variant_iter_next (&iter, "(&s&s)", &known_url, &known_user))
    {
      if (g_strcmp0 (known_url, url) == 0 && g_strcmp0 (known_user, user) == 0)
        continue;
      if (n >= VIGIL_SETTINGS_MAX_KNOWN_GATEWAYS)
        break;
      g_variant_builder_add (builder, "(ss)", known_url, known_user);
      n++;
    }

  g_settings_set_value (settings, "known-gateways", g_variant_builder_end (builder));
}

void
vigil_settings_remember_gateway (GSettings  *settings,
                                 const char *url,
                                 const char *user)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (url != NULL);

  edit_known_gateways (settings, url, user ? user : "", TRUE);
}

void
vigil_settings_forget_gateway (GSettings  *settings,
                               const char *url,
                               const char *user)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (url != NULL);

  edit_known_gateways (settings, url, user ? user : "", FALSE);
}

char *
vigil_settings_dup_pinned_fingerprint (GSettings  *settings,
                                       const char *url)
{
  g_autoptr(GVariant) pins = NULL;
  char *fingerprint = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  if (url == NULL)
    return NULL;

  pins = g_settings_get_value (settings, "pinned-certificates");
  if (!g_variant_lookup (pins, url, "s", &fingerprint))
    return NULL;
  return fingerprint;
}

void
vigil_settings_set_pinned_fingerprint (GSettings  *settings,
                                       const char *url,
                                       const char *fingerprint)
{
  g_autoptr(GVariant) pins = NULL;
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key;
  const char *value;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (url != NULL);

  pins = g_settings_get_value (settings, "pinned-certificates");
  g_variant_iter_init (&iter, pins);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, url) != 0)
      g_variant_builder_add (builder, "{ss}", key, value);
  if (fingerprint != NULL)
    g_variant_builder_add (builder, "{ss}", url, fingerprint);

  g_settings_set_value (settings, "pinned-certificates", g_variant_builder_end (builder));
}
