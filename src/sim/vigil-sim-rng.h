/* vigil-sim-rng.h — a tiny seeded generator, so that a thousand panels stay small
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SplitMix64: eight bytes of state instead of GRand's 2.5 KiB, and the same sequence for the
 * same seed on every platform, which is all a simulator needs (nothing here is secret).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline guint64
vigil_sim_rng_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A number in [begin, end). */
static inline guint
vigil_sim_rng_range (guint64 *state,
                     guint    begin,
                     guint    end)
{
  g_assert (end > begin);
  return begin + (guint) (vigil_sim_rng_next (state) % (end - begin));
}

/* A version 4 UUID in the guide's lower-case form, into @out (37 bytes). */
static inline void
vigil_sim_rng_uuid (guint64 *state,
                    char     out[37])
{
  guint64 hi = vigil_sim_rng_next (state);
  guint64 lo = vigil_sim_rng_next (state);

  hi = (hi & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF0FFF)) | G_GUINT64_CONSTANT (0x0000000000004000);
  lo = (lo & G_GUINT64_CONSTANT (0x3FFFFFFFFFFFFFFF)) | G_GUINT64_CONSTANT (0x8000000000000000);
  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (hi >> 32), (guint) ((hi >> 16) & 0xFFFF), (guint) (hi & 0xFFFF),
              (guint) (lo >> 48), lo & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF));
}

G_END_DECLS
