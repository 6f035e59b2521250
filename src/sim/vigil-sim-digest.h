/* vigil-sim-digest.h — server side of HTTP Digest authentication, with lockout
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-sim-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SIM_DIGEST (vigil_sim_digest_get_type ())

G_DECLARE_FINAL_TYPE (VigilSimDigest, vigil_sim_digest, VIGIL, SIM_DIGEST, GObject)

typedef enum
{
  VIGIL_SIM_AUTH_OK,
  VIGIL_SIM_AUTH_MISSING,   /* no (Digest) Authorization header: challenge, not a failure */
  VIGIL_SIM_AUTH_STALE,     /* right password, nonce expired or unknown: challenge stale=true */
  VIGIL_SIM_AUTH_FAILED,    /* counted towards the lockout */
  VIGIL_SIM_AUTH_LOCKED,    /* the user is locked: refused whatever the password */
} VigilSimAuthResult;

/* What a 401 body says about the user (JSON_ResponseStatus_AuthenticationFailed). */
typedef struct
{
  gboolean locked;
  guint    retry_times;     /* attempts left */
  guint    res_lock_time;   /* seconds left of the lock, 0 when unlocked */
} VigilSimLockState;

VigilSimDigest     *vigil_sim_digest_new             (const char *realm,
                                                      guint32     seed);
const char         *vigil_sim_digest_get_realm       (VigilSimDigest *self);

void                vigil_sim_digest_set_credentials (VigilSimDigest *self,
                                                      const char     *user,
                                                      const char     *password);
void                vigil_sim_digest_set_mode        (VigilSimDigest          *self,
                                                      VigilSimDigestAlgorithm  algorithm,
                                                      VigilSimDigestQop        qop);
void                vigil_sim_digest_set_lockout     (VigilSimDigest *self,
                                                      guint           max_attempts,
                                                      guint           lock_seconds);
void                vigil_sim_digest_set_nonce_lifetime (VigilSimDigest *self,
                                                         guint           seconds);

/* Checks one request. @request_uri is the path and query as sent on the request line; the
 * `uri` directive must equal it, or its path alone (as the guide's example shows).
 * @user_out (nullable) receives the user name of an accepted request. */
VigilSimAuthResult  vigil_sim_digest_verify          (VigilSimDigest  *self,
                                                      const char      *method,
                                                      const char      *request_uri,
                                                      const char      *authorization,
                                                      char           **user_out);

/* A WWW-Authenticate value with a fresh nonce. */
char               *vigil_sim_digest_challenge       (VigilSimDigest *self,
                                                      gboolean        stale);

/* The lock state of @user (NULL: the configured user). */
void                vigil_sim_digest_get_lock_state  (VigilSimDigest    *self,
                                                      const char        *user,
                                                      VigilSimLockState *state);

guint               vigil_sim_digest_get_max_attempts (VigilSimDigest *self);
guint64             vigil_sim_digest_get_n_failures   (VigilSimDigest *self);

G_END_DECLS
