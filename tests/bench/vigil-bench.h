/* vigil-bench.h — what the benchmark programs share: sizes, clocks and the table they print
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is printed beside a limit measured in the same run on the same machine (the
 * fastest anything could do the same work), so that the ratio holds when the machine is
 * busy. Rows go to stdout as `| figure | measured | limit | ratio | target | met |`;
 * build-aux/bench.sh prints the header once and runs every program.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* --smoke: small sizes, checks that the benchmark works (CI), prints rows all the same. */
typedef struct
{
  gboolean smoke;
  gboolean sanitized;   /* VIGIL_TEST_SANITIZED: even smaller, longer deadlines */
} VigilBenchOptions;

void     vigil_bench_parse_options (int                *argc,
                                    char             ***argv,
                                    VigilBenchOptions  *options);

/* Seconds, from the monotonic clock. */
double   vigil_bench_now           (void);

/* A row: @met is the target's verdict, printed as "yes"/"no" ("–" in smoke runs, whose
 * sizes are too small for a verdict). */
void     vigil_bench_row           (const VigilBenchOptions *options,
                                    const char              *figure,
                                    const char              *measured,
                                    const char              *limit,
                                    const char              *ratio,
                                    const char              *target,
                                    gboolean                 met);

/* Percentiles of @samples (seconds), which it sorts. @p in 0..100. */
double   vigil_bench_percentile    (GArray *samples,
                                    double  p);

/* Resident memory of this process, in bytes (0 when /proc is not there). */
guint64  vigil_bench_rss           (void);

/* A fresh temporary directory, and its removal with everything in it (one level). */
char    *vigil_bench_make_tmp_dir  (void);
void     vigil_bench_remove_dir    (const char *dir);

G_END_DECLS
