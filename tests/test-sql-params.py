#!/usr/bin/env python3
# test-sql-params.py — every value reaches SQLite as a bound parameter, never inside SQL text
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-sql-params.py SOURCE_ROOT
#
# Whatever comes from the network (a device name, an event's text, a search typed by the
# operator) must be bound with sqlite3_bind_*; a value formatted into SQL text is an injection.
# Checks over src/ (TAP on stdout, each finding with its file and line):
#  1. No sqlite3_mprintf / sqlite3_snprintf / sqlite3_vmprintf (%q formatting) at all.
#  2. sqlite3_exec and sqlite3_prepare* take a string literal, or a variable that is only ever
#     assigned string literals or the query builder's GString — unless listed in ALLOWED.
#  3. A printf-style call whose format holds SQL (SELECT, INSERT, WHERE, PRAGMA, …) formats only
#     what ALLOWED lists: code constants (column names, "?%u" placeholders, a schema number),
#     never a value.

import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()

# (file, a fragment of the line): why it is safe. Each entry must still match something, so the
# list cannot rot silently.
ALLOWED = {
    ('src/core/vigil-event-store-queries.c', '"?%u"'):
        'the placeholder number of the value just added to the bind list',
    ('src/core/vigil-event-store-queries.c', '(SELECT %s AS id"'):
        'the literal "%ID%" marker, replaced by a column name chosen in code',
    ('src/core/vigil-event-store-queries.c', '" AND %s <= ", id'):
        'id is a column name chosen in code ("e.id", "f.rowid"); the value is bound',
    ('src/core/vigil-event-store-queries.c', '" AND %s %s ", id'):
        'column name and comparison operator chosen in code; the value is bound',
    ('src/core/vigil-event-store-queries.c', '" AND %s > ", id'):
        'id is a column name chosen in code; the value is bound',
    ('src/core/vigil-event-store-queries.c', '" ORDER BY %s %s LIMIT ", id, direction'):
        'column name and ASC/DESC chosen in code; the limit is bound',
    ('src/core/vigil-event-store-queries.c', '") AS page CROSS JOIN events e ON e.id = page.id"'):
        'its %s (next line) is ASC or DESC chosen in code',
    ('src/core/vigil-event-store-schema.c', '"PRAGMA user_version = %d"'):
        'PRAGMA takes no parameters; the number is the schema version counted in code',
}

SQL_WORDS = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|WHERE|PRAGMA|VALUES|ORDER BY|'
                       r'CREATE|DROP|ALTER|JOIN|LIMIT)\b')
PRINTF = re.compile(r'\b(g_strdup_printf|g_string_append_printf|g_string_printf|'
                    r'g_snprintf|snprintf|sprintf|g_strdup_vprintf)\s*\(')
MPRINTF = re.compile(r'\bsqlite3_(mprintf|snprintf|vmprintf|vsnprintf)\s*\(')
# vigil_store_db_exec() is the store's wrapper of sqlite3_exec: its callers are checked too.
EXEC = re.compile(r'\b(sqlite3_exec|sqlite3_prepare(?:_v2|_v3)?|vigil_store_db_exec)\s*\('
                  r'\s*[^,]+,\s*([^,)]+)[,)]')

results = []
used = set()


def check(ok, what):
    results.append((ok, what))


def allowed(rel, text):
    for (path, fragment), _why in ALLOWED.items():
        if path == rel and fragment in text:
            used.add((path, fragment))
            return True
    return False


def statement_at(lines, i):
    """The call starting on line i, joined up to its closing parenthesis (at most 6 lines)."""
    text = ''
    for j in range(i, min(i + 6, len(lines))):
        text += lines[j].strip() + ' '
        if text.count('(') <= text.count(')'):
            break
    return text


for dirpath, _dirs, files in os.walk(os.path.join(ROOT, 'src')):
    for name in sorted(files):
        if not name.endswith('.c'):
            continue
        path = os.path.join(dirpath, name)
        rel = os.path.relpath(path, ROOT)
        lines = open(path, encoding='utf-8').read().split('\n')
        for i, line in enumerate(lines):
            where = '%s:%d' % (rel, i + 1)
            if MPRINTF.search(line):
                check(False, '%s: sqlite3 printf formatting; bind the value instead' % where)
            if PRINTF.search(line):
                text = statement_at(lines, i)
                if SQL_WORDS.search(text) or ('sql' in text and '%' in text):
                    if allowed(rel, text):
                        check(True, '%s: formatted SQL of code constants only' % where)
                    else:
                        check(False, '%s: SQL built with printf: %s' % (where, text.strip()[:100]))
            m = EXEC.search(statement_at(lines, i)) if ('sqlite3_' in line or 'vigil_store_db_exec' in line) else None
            if m:
                arg = m.group(2).strip()
                if arg.startswith('"') or re.fullmatch(r'[A-Z_]+', arg):
                    continue
                var = re.sub(r'^self->|^query->|^query\.', '', arg)
                var = var.split('->')[-1]
                # The variable must only ever be assigned literals, or be the builder's GString.
                assigns = [l for l in lines if re.search(r'\b%s\s*=\s*(?!=)' % re.escape(var), l)]
                bad = [a for a in assigns
                       if not re.search(r'=\s*("|[A-Z_]+\b|g_string_new|NULL)', a)
                       and not allowed(rel, a)]
                if var in ('sql->str',) or arg.endswith('sql->str'):
                    check(True, '%s: the query builder (placeholders only, see ALLOWED)' % where)
                elif bad:
                    check(False, '%s: SQL from %s, assigned %s' % (where, arg, bad[0].strip()))
                else:
                    check(True, '%s: %s holds SQL literals only' % (where, arg))

for key in ALLOWED:
    check(key in used, 'allow-list entry still in use: %s %s' % key)

print('1..%d' % len(results))
for n, (ok, what) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', n, what))
sys.exit(0 if all(ok for ok, _ in results) else 1)
