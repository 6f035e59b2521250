/* vigilctl-password.c — the password: a file, the environment, or the terminal without echo
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "vigilctl-private.h"

/* A password longer than this is not a password but a mistake (a binary file, say). */
#define MAX_PASSWORD_LENGTH 1024

static char *
first_line (const char *data,
            gsize       length)
{
  const char *end = memchr (data, '\n', length);
  gsize n = end != NULL ? (gsize) (end - data) : length;

  if (n > 0 && data[n - 1] == '\r')
    n--;
  return g_strndup (data, n);
}

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *line;

  if (g_str_equal (path, "-"))
    {
      char buffer[MAX_PASSWORD_LENGTH + 2];

      if (fgets (buffer, sizeof buffer, stdin) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("No password on standard input."));
          return NULL;
        }
      line = first_line (buffer, strlen (buffer));
      memset (buffer, 0, sizeof buffer);
    }
  else
    {
      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
      line = first_line (contents, MIN (length, (gsize) MAX_PASSWORD_LENGTH + 2));
      memset (contents, 0, length);
    }

  if (strlen (line) > MAX_PASSWORD_LENGTH)
    {
      g_free (line);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The first line of %s is longer than %d bytes: not a password."),
                   path, MAX_PASSWORD_LENGTH);
      return NULL;
    }

  return line;
}

/* The terminal state to put back if a signal arrives while echo is off. */
static struct termios saved_termios;
static volatile sig_atomic_t tty_fd_for_signal = -1;

static void
restore_terminal_and_die (int signum)
{
  if (tty_fd_for_signal >= 0)
    tcsetattr (tty_fd_for_signal, TCSANOW, &saved_termios);
  signal (signum, SIG_DFL);
  raise (signum);
}

static char *
prompt_password (Vigilctl  *ctl,
                 GError   **error)
{
  g_autofree char *prompt = NULL;
  struct termios quiet;
  struct sigaction action = { 0 }, old_int, old_term;
  char buffer[MAX_PASSWORD_LENGTH + 2];
  gsize used = 0;
  gboolean echo_off = FALSE;
  char *line;
  int fd;

  fd = open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No password: give --password-file FILE or set VIGIL_PASSWORD (there is no terminal to ask on)."));
      return NULL;
    }

  if (tcgetattr (fd, &saved_termios) == 0)
    {
      quiet = saved_termios;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      quiet.c_lflag |= ECHONL;

      tty_fd_for_signal = fd;
      action.sa_handler = restore_terminal_and_die;
      sigemptyset (&action.sa_mask);
      sigaction (SIGINT, &action, &old_int);
      sigaction (SIGTERM, &action, &old_term);
      echo_off = tcsetattr (fd, TCSAFLUSH, &quiet) == 0;
    }

  prompt = g_strdup_printf (_("Password for %s at %s: "), ctl->user, ctl->gateway);
  if (write (fd, prompt, strlen (prompt)) < 0)
    {
      /* Nothing to do: the read below still works, the user just sees no prompt. */
    }

  while (used < sizeof buffer - 1)
    {
      ssize_t n = read (fd, buffer + used, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || buffer[used] == '\n')
        break;
      used++;
    }
  buffer[used] = '\0';

  if (echo_off)
    {
      tcsetattr (fd, TCSAFLUSH, &saved_termios);
      sigaction (SIGINT, &old_int, NULL);
      sigaction (SIGTERM, &old_term, NULL);
    }
  tty_fd_for_signal = -1;
  close (fd);

  line = first_line (buffer, used);
  memset (buffer, 0, sizeof buffer);
  return line;
}

void
vigilctl_wipe_and_free (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

char *
vigilctl_get_password (Vigilctl  *ctl,
              GError   **error)
{
  const char *from_env;

  if (ctl->password_file != NULL)
    return read_password_file (ctl->password_file, error);

  from_env = g_getenv ("VIGIL_PASSWORD");
  if (from_env != NULL)
    return g_strdup (from_env);

  return prompt_password (ctl, error);
}
