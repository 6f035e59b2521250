/* vigil-sim-digest.c — server side of HTTP Digest authentication, with lockout
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand rather than with SoupAuthDomainDigest: a gateway offers MD5-sess and the
 * RFC 2069 form without qop, and locks a user out after repeated failures, none of which
 * SoupAuthDomainDigest can do.
 */
#define G_LOG_DOMAIN "vigil-sim-digest"

#include <string.h>

#include <libsoup/soup.h>

#include "vigil-sim-digest.h"

/* Bounds for what strangers can make us remember. */
#define MAX_NONCES 4096
#define MAX_USERS  256

typedef struct
{
  guint  failures;
  gint64 locked_until;  /* monotonic µs, 0 = not locked */
} UserState;

struct _VigilSimDigest
{
  GObject                  parent_instance;

  char                    *realm;
  char                    *user;
  char                    *password;
  VigilSimDigestAlgorithm  algorithm;
  VigilSimDigestQop        qop;
  guint                    max_attempts;
  guint                    lock_seconds;
  guint                    nonce_lifetime;

  GRand                   *rand;
  guint64                  nonce_counter;
  GHashTable              *nonces;   /* nonce → gint64* issued (monotonic µs) */
  GHashTable              *users;    /* user name → UserState* */
  guint64                  n_failures;
};

G_DEFINE_FINAL_TYPE (VigilSimDigest, vigil_sim_digest, G_TYPE_OBJECT)

static void
vigil_sim_digest_finalize (GObject *object)
{
  VigilSimDigest *self = (VigilSimDigest *)object;

  g_clear_pointer (&self->realm, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->nonces, g_hash_table_unref);
  g_clear_pointer (&self->users, g_hash_table_unref);

  G_OBJECT_CLASS (vigil_sim_digest_parent_class)->finalize (object);
}

static void
vigil_sim_digest_class_init (VigilSimDigestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_sim_digest_finalize;
}

static void
vigil_sim_digest_init (VigilSimDigest *self)
{
  self->user = g_strdup ("admin");
  self->password = g_strdup ("");
  self->algorithm = VIGIL_SIM_DIGEST_MD5;
  self->qop = VIGIL_SIM_DIGEST_QOP_AUTH;
  self->max_attempts = 5;
  self->lock_seconds = 30;
  self->nonce_lifetime = 300;
  self->nonces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * vigil_sim_digest_new:
 * @realm: the realm, e.g. "DS-GWAS0101(6419)"
 * @seed: seeds the nonces, so that a run is reproducible
 *
 * Returns: (transfer full): a new verifier for user "admin" with an empty password; set the
 *   real credentials with vigil_sim_digest_set_credentials().
 */
VigilSimDigest *
vigil_sim_digest_new (const char *realm,
                      guint32     seed)
{
  VigilSimDigest *self;

  g_return_val_if_fail (realm != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_SIM_DIGEST, NULL);
  self->realm = g_strdup (realm);
  self->rand = g_rand_new_with_seed (seed);

  return self;
}

const char *
vigil_sim_digest_get_realm (VigilSimDigest *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_DIGEST (self), NULL);

  return self->realm;
}

void
vigil_sim_digest_set_credentials (VigilSimDigest *self,
                                  const char     *user,
                                  const char     *password)
{
  g_return_if_fail (VIGIL_IS_SIM_DIGEST (self));
  g_return_if_fail (user != NULL && password != NULL);

  g_free (self->user);
  self->user = g_strdup (user);
  g_free (self->password);
  self->password = g_strdup (password);
  g_hash_table_remove_all (self->users);
}

void
vigil_sim_digest_set_mode (VigilSimDigest          *self,
                           VigilSimDigestAlgorithm  algorithm,
                           VigilSimDigestQop        qop)
{
  g_return_if_fail (VIGIL_IS_SIM_DIGEST (self));

  self->algorithm = algorithm;
  self->qop = qop;
}

void
vigil_sim_digest_set_lockout (VigilSimDigest *self,
                              guint           max_attempts,
                              guint           lock_seconds)
{
  g_return_if_fail (VIGIL_IS_SIM_DIGEST (self));
  g_return_if_fail (max_attempts > 0);

  self->max_attempts = max_attempts;
  self->lock_seconds = lock_seconds;
  g_hash_table_remove_all (self->users);
}

void
vigil_sim_digest_set_nonce_lifetime (VigilSimDigest *self,
                                     guint           seconds)
{
  g_return_if_fail (VIGIL_IS_SIM_DIGEST (self));
  g_return_if_fail (seconds > 0);

  self->nonce_lifetime = seconds;
}

guint
vigil_sim_digest_get_max_attempts (VigilSimDigest *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_DIGEST (self), 0);

  return self->max_attempts;
}

guint64
vigil_sim_digest_get_n_failures (VigilSimDigest *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_DIGEST (self), 0);

  return self->n_failures;
}

static UserState *
lookup_user (VigilSimDigest *self,
             const char     *user)
{
  UserState *state = g_hash_table_lookup (self->users, user);
  gint64 now = g_get_monotonic_time ();

  if (state == NULL)
    {
      if (g_hash_table_size (self->users) >= MAX_USERS)
        {
          GHashTableIter iter;
          gpointer value;

          /* Forget users that are neither locked nor half-way there. */
          g_hash_table_iter_init (&iter, self->users);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              UserState *other = value;

              if (other->locked_until <= now)
                g_hash_table_iter_remove (&iter);
            }
          if (g_hash_table_size (self->users) >= MAX_USERS)
            g_hash_table_remove_all (self->users);
        }
      state = g_new0 (UserState, 1);
      g_hash_table_insert (self->users, g_strdup (user), state);
    }

  /* A lock that ran out gives the whole set of attempts back. */
  if (state->locked_until != 0 && state->locked_until <= now)
    {
      state->locked_until = 0;
      state->failures = 0;
    }

  return state;
}

void
vigil_sim_digest_get_lock_state (VigilSimDigest    *self,
                                 const char        *user,
                                 VigilSimLockState *lock_state)
{
  UserState *state;
  gint64 now;

  g_return_if_fail (VIGIL_IS_SIM_DIGEST (self));
  g_return_if_fail (lock_state != NULL);

  state = lookup_user (self, user != NULL ? user : self->user);
  now = g_get_monotonic_time ();

  lock_state->locked = state->locked_until > now;
  lock_state->retry_times = lock_state->locked || state->failures >= self->max_attempts
                            ? 0 : self->max_attempts - state->failures;
  lock_state->res_lock_time = lock_state->locked
                              ? (guint) ((state->locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC)
                              : 0;
}

static void
count_failure (VigilSimDigest *self,
               UserState      *state)
{
  self->n_failures++;
  state->failures++;
  if (state->failures >= self->max_attempts)
    state->locked_until = g_get_monotonic_time () + (gint64) self->lock_seconds * G_USEC_PER_SEC;
}

static char *
md5_hex (const char *first,
         ...)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  const char *part = first;
  gboolean separator = FALSE;
  va_list args;

  va_start (args, first);
  while (part != NULL)
    {
      if (separator)
        g_checksum_update (checksum, (const guchar *)":", 1);
      g_checksum_update (checksum, (const guchar *)part, strlen (part));
      separator = TRUE;
      part = va_arg (args, const char *);
    }
  va_end (args);

  return g_strdup (g_checksum_get_string (checksum));
}

static void
purge_nonces (VigilSimDigest *self)
{
  GHashTableIter iter;
  gpointer value;
  gint64 oldest = g_get_monotonic_time () - (gint64) self->nonce_lifetime * G_USEC_PER_SEC;

  g_hash_table_iter_init (&iter, self->nonces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (*(gint64 *)value < oldest)
        g_hash_table_iter_remove (&iter);
    }
  if (g_hash_table_size (self->nonces) >= MAX_NONCES)
    g_hash_table_remove_all (self->nonces);
}

static gboolean
nonce_is_fresh (VigilSimDigest *self,
                const char     *nonce)
{
  gint64 *issued = g_hash_table_lookup (self->nonces, nonce);

  return issued != NULL
         && *issued >= g_get_monotonic_time () - (gint64) self->nonce_lifetime * G_USEC_PER_SEC;
}

char *
vigil_sim_digest_challenge (VigilSimDigest *self,
                            gboolean        stale)
{
  g_autofree char *seed_text = NULL;
  g_autofree char *b64 = NULL;
  g_autofree char *opaque = NULL;
  GString *nonce;
  gint64 *issued;
  GString *out;

  g_return_val_if_fail (VIGIL_IS_SIM_DIGEST (self), NULL);

  purge_nonces (self);

  /* Shaped like the guide's nonces: the hex digits of a base64 text. */
  seed_text = g_strdup_printf ("%08x%08x:%" G_GUINT64_FORMAT,
                               g_rand_int (self->rand), g_rand_int (self->rand),
                               ++self->nonce_counter);
  b64 = g_base64_encode ((const guchar *)seed_text, strlen (seed_text));
  nonce = g_string_new (NULL);
  for (const char *p = b64; *p != '\0'; p++)
    g_string_append_printf (nonce, "%02x", (guchar) *p);

  issued = g_new (gint64, 1);
  *issued = g_get_monotonic_time ();
  g_hash_table_insert (self->nonces, g_strdup (nonce->str), issued);

  opaque = g_strdup_printf ("%08x", g_rand_int (self->rand));

  out = g_string_new ("Digest ");
  soup_header_g_string_append_param_quoted (out, "realm", self->realm);
  if (self->qop == VIGIL_SIM_DIGEST_QOP_AUTH)
    {
      g_string_append (out, ", ");
      soup_header_g_string_append_param_quoted (out, "qop", "auth");
    }
  g_string_append (out, ", ");
  soup_header_g_string_append_param_quoted (out, "nonce", nonce->str);
  g_string_append (out, ", ");
  soup_header_g_string_append_param_quoted (out, "opaque", opaque);
  g_string_append_printf (out, ", algorithm=\"%s\", stale=\"%s\"",
                          self->algorithm == VIGIL_SIM_DIGEST_MD5_SESS ? "MD5-sess" : "MD5",
                          stale ? "TRUE" : "FALSE");

  g_string_free (nonce, TRUE);
  return g_string_free (out, FALSE);
}

static gboolean
uri_matches (const char *directive,
             const char *request_uri)
{
  const char *query;

  if (g_strcmp0 (directive, request_uri) == 0)
    return TRUE;

  /* The guide's own example signs the path without its query. */
  query = strchr (request_uri, '?');
  return query != NULL
         && strlen (directive) == (gsize) (query - request_uri)
         && strncmp (directive, request_uri, query - request_uri) == 0;
}

static gboolean
is_hex32 (const char *text)
{
  if (text == NULL || strlen (text) != 32)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isxdigit (*text))
      return FALSE;
  return TRUE;
}

/* The expected response for these parameters, or NULL when they cannot give one. */
static char *
expected_response (VigilSimDigest *self,
                   const char     *method,
                   GHashTable     *params)
{
  const char *user = g_hash_table_lookup (params, "username");
  const char *nonce = g_hash_table_lookup (params, "nonce");
  const char *uri = g_hash_table_lookup (params, "uri");
  const char *cnonce = g_hash_table_lookup (params, "cnonce");
  const char *nc = g_hash_table_lookup (params, "nc");
  const char *qop = g_hash_table_lookup (params, "qop");
  g_autofree char *ha1 = NULL;
  g_autofree char *ha2 = NULL;

  ha1 = md5_hex (user, self->realm, self->password, NULL);
  if (self->algorithm == VIGIL_SIM_DIGEST_MD5_SESS)
    {
      char *sess;

      if (cnonce == NULL)
        return NULL;
      sess = md5_hex (ha1, nonce, cnonce, NULL);
      g_free (ha1);
      ha1 = sess;
    }
  ha2 = md5_hex (method, uri, NULL);

  if (self->qop == VIGIL_SIM_DIGEST_QOP_AUTH)
    {
      if (qop == NULL || g_ascii_strcasecmp (qop, "auth") != 0 || cnonce == NULL
          || nc == NULL || strlen (nc) != 8)
        return NULL;
      return md5_hex (ha1, nonce, nc, cnonce, "auth", ha2, NULL);
    }

  if (qop != NULL)
    return NULL;
  return md5_hex (ha1, nonce, ha2, NULL);
}

VigilSimAuthResult
vigil_sim_digest_verify (VigilSimDigest  *self,
                         const char      *method,
                         const char      *request_uri,
                         const char      *authorization,
                         char           **user_out)
{
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *expected = NULL;
  const char *user;
  const char *algorithm;
  const char *response;
  UserState *state;
  gboolean right;

  g_return_val_if_fail (VIGIL_IS_SIM_DIGEST (self), VIGIL_SIM_AUTH_FAILED);
  g_return_val_if_fail (method != NULL && request_uri != NULL, VIGIL_SIM_AUTH_FAILED);

  if (user_out != NULL)
    *user_out = NULL;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Digest ", 7) != 0)
    return VIGIL_SIM_AUTH_MISSING;

  params = soup_header_parse_param_list (authorization + 7);
  user = g_hash_table_lookup (params, "username");
  if (user == NULL || *user == '\0' || strlen (user) > 64)
    user = self->user;
  if (user_out != NULL)
    *user_out = g_strdup (user);

  state = lookup_user (self, user);
  if (state->locked_until != 0)
    return VIGIL_SIM_AUTH_LOCKED;

  algorithm = g_hash_table_lookup (params, "algorithm");
  response = g_hash_table_lookup (params, "response");

  right = g_strcmp0 (g_hash_table_lookup (params, "username"), self->user) == 0
          && g_strcmp0 (g_hash_table_lookup (params, "realm"), self->realm) == 0
          && g_hash_table_lookup (params, "nonce") != NULL
          && g_hash_table_lookup (params, "uri") != NULL
          && uri_matches (g_hash_table_lookup (params, "uri"), request_uri)
          && (algorithm == NULL
              ? self->algorithm == VIGIL_SIM_DIGEST_MD5
              : g_ascii_strcasecmp (algorithm,
                                    self->algorithm == VIGIL_SIM_DIGEST_MD5_SESS
                                    ? "MD5-sess" : "MD5") == 0)
          && is_hex32 (response)
          && (expected = expected_response (self, method, params)) != NULL
          && g_ascii_strcasecmp (expected, response) == 0;

  if (!right)
    {
      count_failure (self, state);
      return VIGIL_SIM_AUTH_FAILED;
    }

  /* The right password with an old nonce is not a failure: the client only has to sign again. */
  if (!nonce_is_fresh (self, g_hash_table_lookup (params, "nonce")))
    return VIGIL_SIM_AUTH_STALE;

  state->failures = 0;
  return VIGIL_SIM_AUTH_OK;
}
