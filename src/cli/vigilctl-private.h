/* vigilctl-private.h — what the command groups of vigilctl share
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vigil-client.h"
#include "vigil-error.h"
#include "vigil-json.h"
#include "vigil-messages.h"

G_BEGIN_DECLS

/* The exit statuses scripts rely on (issue 2 §4). */
typedef enum
{
  VIGILCTL_EXIT_OK          = 0,
  VIGILCTL_EXIT_REFUSED     = 1,   /* the gateway said no (or answered something unusable) */
  VIGILCTL_EXIT_USAGE       = 2,   /* bad command line or input file; nothing was sent */
  VIGILCTL_EXIT_AUTH        = 3,   /* wrong credentials or a locked user */
  VIGILCTL_EXIT_CONNECTION  = 4,   /* unreachable, timeout, TLS, or an address on another origin */
  VIGILCTL_EXIT_PARTIAL     = 5,   /* some items of a batch failed */
  VIGILCTL_EXIT_INTERRUPTED = 130, /* SIGINT/SIGTERM: 128 + SIGINT, as shells report it */
} VigilctlExit;

typedef struct
{
  /* Global options (command line, else environment). */
  char         *gateway;
  char         *user;
  char         *password_file;
  char         *pin_sha256;
  gint          timeout;
  gboolean      json;

  VigilClient  *client;
  gboolean      have_credentials;
  GCancellable *cancellable;     /* cancelled by SIGINT/SIGTERM */
  gboolean      interrupted;
  guint         sigint_id;
  guint         sigterm_id;

  /* vigilctl_wait(): the result that arrived, and the one handed out last. */
  GAsyncResult *pending;
  GAsyncResult *last;
} Vigilctl;

typedef int (*VigilctlCommandFunc) (Vigilctl  *ctl,
                                    int        argc,
                                    char     **argv);

typedef struct
{
  const char          *name;
  VigilctlCommandFunc  func;
  const char          *synopsis;
} VigilctlCommand;

/* ---- vigilctl.c: options, connection, waiting, errors ---- */

/* A context for one (sub)command: its own @entries (nullable) plus the global options, which
 * may follow the command too. @parameters is what the usage line shows after the options. */
GOptionContext *vigilctl_option_context_new (Vigilctl           *ctl,
                                             const char         *parameters,
                                             const char         *summary,
                                             const GOptionEntry *entries,
                                             gboolean            with_globals);
/* Parses; on failure prints the error with a hint and returns FALSE (exit with USAGE). */
gboolean        vigilctl_parse_options      (Vigilctl        *ctl,
                                             GOptionContext  *context,
                                             int             *argc,
                                             char          ***argv);
int             vigilctl_usage_error        (Vigilctl   *ctl,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (2, 3);

/* Parses a command's options, checks that it got @min_args to @max_args positional arguments
 * (-1: no limit). FALSE with the exit status set (the problem is already reported). Commands
 * check their arguments before vigilctl_connect(), so a typo never costs a password prompt. */
gboolean        vigilctl_parse_command      (Vigilctl            *ctl,
                                             const char          *parameters,
                                             const char          *summary,
                                             const GOptionEntry  *entries,
                                             int                 *argc,
                                             char              ***argv,
                                             int                  min_args,
                                             int                  max_args,
                                             int                 *exit_status);

/* Runs @argv[1] of @commands, or prints the list (exit 0 for --help, USAGE otherwise). */
int             vigilctl_dispatch           (Vigilctl              *ctl,
                                             const char            *group,
                                             const VigilctlCommand *commands,
                                             int                    argc,
                                             char                 **argv);

/* Builds the client from the global options, without credentials (no I/O at all). */
gboolean        vigilctl_make_client        (Vigilctl *ctl,
                                             int      *exit_status);
/* Builds the client and gives it the credentials, asking for the password if needed. FALSE
 * with an exit status in @exit_status when it cannot (already reported). */
gboolean        vigilctl_connect            (Vigilctl *ctl,
                                             int      *exit_status);

/* Turns SIGINT and SIGTERM into a cancellation of ctl->cancellable and sets ctl->interrupted.
 * Done by vigilctl_make_client() (so by vigilctl_connect()) and vigilctl_wait(); until then the
 * signals keep their default action. */
void            vigilctl_watch_signals      (Vigilctl *ctl);

/* ---- vigilctl-password.c ---- */

/* --password-file (“-”: standard input), else $VIGIL_PASSWORD, else asked on the terminal
 * without echo. NULL with @error when there is none. */
char           *vigilctl_get_password       (Vigilctl  *ctl,
                                             GError   **error);
/* Overwrites, then frees. */
void            vigilctl_wipe_and_free      (char *secret);

/* The GAsyncReadyCallback for every call; vigilctl_wait() iterates the main context until it
 * has run and returns the result (owned by @ctl until the next wait). */
void            vigilctl_ready              (GObject      *source,
                                             GAsyncResult *result,
                                             gpointer      user_data);
GAsyncResult   *vigilctl_wait               (Vigilctl *ctl);

/* ---- vigilctl-error.c (and vigilctl_usage_error above) ---- */

/* Reports @error on stderr (and as {"error":…} on stdout with --json); returns the exit status
 * it maps to. */
int             vigilctl_fail               (Vigilctl     *ctl,
                                             const GError *error);
int             vigilctl_exit_status_for    (const GError *error);

/* ---- vigilctl-output.c ---- */

/* One JSON document, compact, on one line of stdout. */
void            vigilctl_print_json         (JsonNode *node);
/* {"@key": record} (or the bare record when @key is NULL), normalized by the record class. */
void            vigilctl_print_record       (const char             *key,
                                             const VigilRecordClass *klass,
                                             gconstpointer           record);
/* {"@key": [{"@item_key": record}, …]}. */
void            vigilctl_print_record_list  (const char             *key,
                                             const VigilRecordClass *klass,
                                             GPtrArray              *records,
                                             const char             *item_key);

/* Text from the network made safe for a terminal: valid UTF-8, no control or bidi-override
 * characters (a device name must not be able to move the cursor or recolour the screen). */
char           *vigilctl_sanitize           (const char *text);
/* Columns a string takes on a terminal (wide characters count two, combining marks none). */
gsize           vigilctl_display_width      (const char *text);

const char     *vigilctl_yes_no             (gboolean has_value,
                                             gboolean value);
char           *vigilctl_format_int         (gboolean has_value,
                                             gint64   value);
char           *vigilctl_format_size        (guint64 bytes);

typedef struct _VigilctlTable VigilctlTable;

/* A table with the given headers (NULL-terminated). Cells are sanitized when added. */
VigilctlTable  *vigilctl_table_new          (const char *first_header,
                                             ...) G_GNUC_NULL_TERMINATED;
/* Adds a row of exactly as many cells as headers; NULL cells print as "-". */
void            vigilctl_table_add_row      (VigilctlTable *table,
                                             ...);
void            vigilctl_table_add_rowv     (VigilctlTable      *table,
                                             const char * const *cells);
/* Rows ever added (printed or not). */
guint           vigilctl_table_get_n_rows   (VigilctlTable *table);
/* Prints the header (the first time) and the rows added since the last print, then forgets
 * them: a long listing can be printed page by page. Columns are as wide as the widest cell
 * seen so far. */
void            vigilctl_table_print        (VigilctlTable *table,
                                             FILE          *out);
void            vigilctl_table_free         (VigilctlTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilctlTable, vigilctl_table_free)

/* "Label:  value" lines, labels aligned; pairs of (label, value), NULL-terminated; a NULL or
 * empty value skips its line. */
void            vigilctl_print_fields       (FILE       *out,
                                             const char *first_label,
                                             ...) G_GNUC_NULL_TERMINATED;

/* The sentence for a sub status code (Appendix A.2), or NULL for "ok"/absent. */
char           *vigilctl_describe_sub_status (const char *sub_status_code);

/* ---- argument helpers (vigilctl-args.c) ---- */

gboolean        vigilctl_parse_uint         (const char *text,
                                             guint64     min,
                                             guint64     max,
                                             guint64    *out);
/* "all" (or 0xffffffff) → VIGIL_ALL_PARTITIONS, else 1…64. */
gboolean        vigilctl_parse_partition    (const char *text,
                                             guint64    *out);
/* A devIndex as given on the command line: non-empty, printable, bounded. */
gboolean        vigilctl_check_dev_index    (Vigilctl   *ctl,
                                             const char *dev_index,
                                             int        *exit_status);
/* A NULL-terminated copy of @argv[@first…@argc-1]. */
GStrv           vigilctl_strv_from_args     (int    argc,
                                             char **argv,
                                             int    first);
/* "2026-01-02T03:04:05+01:00", "2026-01-02 03:04:05" or "2026-01-02" (local), or "now". */
GDateTime      *vigilctl_parse_date_time    (const char *text);

/* ---- the commands ---- */

int vigilctl_cmd_login        (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_gateway      (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_devices      (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_device       (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_status       (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_arm          (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_disarm       (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_clear_alarm  (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_bypass       (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_unbypass     (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_relay        (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_video        (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_sim          (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_log          (Vigilctl *ctl, int argc, char **argv);
/* $VIGIL_DB, else ~/.local/share/vigil/events.db (the console's own). */
char *vigilctl_default_db_path (void);
int vigilctl_cmd_subscription (Vigilctl *ctl, int argc, char **argv);
int vigilctl_cmd_events       (Vigilctl *ctl, int argc, char **argv);

/* Shared by `gateway` and `device` (@dev_index NULL: the gateway itself). */
int vigilctl_show_device_info (Vigilctl *ctl, const char *dev_index);
int vigilctl_set_device_name  (Vigilctl *ctl, const char *dev_index, const char *name);
int vigilctl_show_or_set_time (Vigilctl *ctl, const char *dev_index, const char *set);
int vigilctl_reboot           (Vigilctl *ctl, const char *dev_index);

/* Shared by the control commands: the human line, or the ResponseStatus with --json. */
int vigilctl_report_status    (Vigilctl                  *ctl,
                               const VigilResponseStatus *status,
                               const char                *done_sentence);

G_END_DECLS
