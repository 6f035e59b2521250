/* vigilctl-output.c — tables for people, JSON for scripts
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <string.h>

#include <glib/gi18n.h>

#include "vigilctl-private.h"

/* ---- JSON ---- */

void
vigilctl_print_json (JsonNode *node)
{
  g_autofree char *text = vigil_json_to_string (node, FALSE);

  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

void
vigilctl_print_record (const char             *key,
                       const VigilRecordClass *klass,
                       gconstpointer           record)
{
  g_autoptr(JsonObject) object = vigil_record_write (klass, record);
  g_autoptr(JsonNode) node = NULL;

  if (key != NULL)
    node = vigil_message_wrap (key, object);
  else
    node = json_node_init_object (json_node_alloc (), object);

  vigilctl_print_json (node);
}

void
vigilctl_print_record_list (const char             *key,
                            const VigilRecordClass *klass,
                            GPtrArray              *records,
                            const char             *item_key)
{
  g_autoptr(JsonArray) array = vigil_record_list_write (klass, records, item_key);
  g_autoptr(JsonNode) node = vigil_message_wrap_array (key, array);

  vigilctl_print_json (node);
}

/* ---- text from the network ---- */

static gboolean
is_unsafe (gunichar c)
{
  /* C0/C1 controls (escape sequences), and the bidirectional overrides and isolates that
   * can make a name read backwards on screen. */
  if (g_unichar_iscntrl (c))
    return TRUE;
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return TRUE;
  return FALSE;
}

char *
vigilctl_sanitize (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  valid = vigil_utf8_repair (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t')
        g_string_append_c (out, ' ');
      else if (is_unsafe (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gsize
vigilctl_display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

const char *
vigilctl_yes_no (gboolean has_value,
                 gboolean value)
{
  if (!has_value)
    return "-";
  return value ? _("yes") : _("no");
}

char *
vigilctl_format_int (gboolean has_value,
                     gint64   value)
{
  if (!has_value)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

char *
vigilctl_format_size (guint64 bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_IEC_UNITS);
}

char *
vigilctl_describe_sub_status (const char *sub_status_code)
{
  VigilIsapiError code;

  if (sub_status_code == NULL || g_ascii_strcasecmp (sub_status_code, "ok") == 0)
    return NULL;

  code = vigil_isapi_error_from_sub_status (sub_status_code);
  if (code == VIGIL_ISAPI_ERROR_UNKNOWN)
    return g_strdup_printf (_("The gateway answered “%s”."), sub_status_code);

  return g_strdup (vigil_isapi_error_sentence (code));
}

/* ---- tables ---- */

struct _VigilctlTable
{
  guint      n_columns;
  GPtrArray *headers;        /* char * */
  GPtrArray *rows;           /* GStrv, n_columns each; emptied by each print */
  gsize     *widths;         /* the widest cell seen so far, per column */
  gboolean   header_printed;
  guint      n_added;        /* rows ever added */
};

VigilctlTable *
vigilctl_table_new (const char *first_header,
                    ...)
{
  VigilctlTable *table = g_new0 (VigilctlTable, 1);
  va_list args;

  table->headers = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  va_start (args, first_header);
  for (const char *h = first_header; h != NULL; h = va_arg (args, const char *))
    g_ptr_array_add (table->headers, g_strdup (h));
  va_end (args);

  table->n_columns = table->headers->len;
  table->widths = g_new0 (gsize, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    table->widths[c] = vigilctl_display_width (g_ptr_array_index (table->headers, c));

  return table;
}

void
vigilctl_table_add_rowv (VigilctlTable      *table,
                         const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    {
      row[i] = cells[i] != NULL && *cells[i] != '\0' ? vigilctl_sanitize (cells[i]) : g_strdup ("-");
      table->widths[i] = MAX (table->widths[i], vigilctl_display_width (row[i]));
    }

  g_ptr_array_add (table->rows, row);
  table->n_added++;
}

void
vigilctl_table_add_row (VigilctlTable *table,
                        ...)
{
  g_autofree const char **cells = g_new0 (const char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    cells[i] = va_arg (args, const char *);
  va_end (args);

  vigilctl_table_add_rowv (table, cells);
}

guint
vigilctl_table_get_n_rows (VigilctlTable *table)
{
  return table->n_added;
}

static void
print_cell (FILE       *out,
            const char *text,
            gsize       width,
            gboolean    last)
{
  fputs (text, out);
  if (last)
    return;
  for (gsize w = vigilctl_display_width (text); w < width + 2; w++)
    fputc (' ', out);
}

void
vigilctl_table_print (VigilctlTable *table,
                      FILE          *out)
{
  if (!table->header_printed)
    {
      for (guint c = 0; c < table->n_columns; c++)
        print_cell (out, g_ptr_array_index (table->headers, c), table->widths[c], c + 1 == table->n_columns);
      fputc ('\n', out);
      table->header_printed = TRUE;
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        print_cell (out, row[c], table->widths[c], c + 1 == table->n_columns);
      fputc ('\n', out);
    }

  /* Printed rows are let go: a long listing is printed page by page in bounded memory. */
  g_ptr_array_set_size (table->rows, 0);
}

void
vigilctl_table_free (VigilctlTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table->widths);
  g_free (table);
}

void
vigilctl_print_fields (FILE       *out,
                       const char *first_label,
                       ...)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  gsize width = 0;
  va_list args;

  va_start (args, first_label);
  for (const char *label = first_label; label != NULL; label = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL || *value == '\0')
        continue;
      g_ptr_array_add (labels, (gpointer) label);
      g_ptr_array_add (values, vigilctl_sanitize (value));
      width = MAX (width, vigilctl_display_width (label));
    }
  va_end (args);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      fputs (label, out);
      fputc (':', out);
      for (gsize w = vigilctl_display_width (label); w < width + 2; w++)
        fputc (' ', out);
      fputs (g_ptr_array_index (values, i), out);
      fputc ('\n', out);
    }
}

/* ---- the answer of a control ---- */

int
vigilctl_report_status (Vigilctl                  *ctl,
                        const VigilResponseStatus *status,
                        const char                *done_sentence)
{
  if (ctl->json)
    {
      vigilctl_print_record (NULL, &vigil_response_status_class, status);
      return VIGILCTL_EXIT_OK;
    }

  g_print ("%s\n", done_sentence);
  if (status->has_reboot_required && status->reboot_required)
    g_print ("%s\n", _("The gateway says the change takes effect after a reboot."));
  if (status->sub_status_code != NULL &&
      g_ascii_strcasecmp (status->sub_status_code, "riskPassword") == 0)
    g_printerr ("vigilctl: %s\n", vigil_isapi_error_sentence (VIGIL_ISAPI_ERROR_RISK_PASSWORD));

  return VIGILCTL_EXIT_OK;
}
