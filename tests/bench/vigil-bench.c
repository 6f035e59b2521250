/* vigil-bench.c — what the benchmark programs share: sizes, clocks and the table they print
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vigil-bench.h"

void
vigil_bench_parse_options (int                *argc,
                           char             ***argv,
                           VigilBenchOptions  *options)
{
  memset (options, 0, sizeof *options);
  options->sanitized = g_getenv ("VIGIL_TEST_SANITIZED") != NULL;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--smoke"))
        options->smoke = TRUE;
      else
        {
          g_printerr ("Usage: %s [--smoke]\n", (*argv)[0]);
          exit (2);
        }
    }
  /* The sanitizers make every figure meaningless: only the smoke run makes sense there. */
  if (options->sanitized)
    options->smoke = TRUE;
}

double
vigil_bench_now (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

void
vigil_bench_row (const VigilBenchOptions *options,
                 const char              *figure,
                 const char              *measured,
                 const char              *limit,
                 const char              *ratio,
                 const char              *target,
                 gboolean                 met)
{
  printf ("| %s | %s | %s | %s | %s | %s |\n", figure, measured, limit, ratio, target,
          options->smoke ? "–" : met ? "yes" : "**no**");
  fflush (stdout);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
vigil_bench_percentile (GArray *samples,
                        double  p)
{
  guint index;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_double);
  /* Nearest rank: p99 of 1,000 samples is the 990th. */
  index = (guint) MAX (0.0, (p / 100.0) * samples->len - 1e-9);
  index = MIN (index, samples->len - 1);
  if (p >= 100)
    index = samples->len - 1;
  return g_array_index (samples, double, index);
}

guint64
vigil_bench_rss (void)
{
  g_autofree char *text = NULL;
  unsigned long long pages_total = 0;
  unsigned long long pages_resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL))
    return 0;
  if (sscanf (text, "%llu %llu", &pages_total, &pages_resident) != 2)
    return 0;
  return (guint64) pages_resident * (guint64) sysconf (_SC_PAGESIZE);
}

char *
vigil_bench_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vigil-bench-XXXXXX", &error);

  if (dir == NULL)
    g_error ("No temporary directory: %s", error->message);
  return dir;
}

void
vigil_bench_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}
