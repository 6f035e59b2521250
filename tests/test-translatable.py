#!/usr/bin/env python3
# test-translatable.py — every string a person reads is marked for translation
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-translatable.py SOURCE_ROOT
#
# Three checks, each naming the file and line of what it finds (TAP on stdout):
#  1. po/POTFILES.in lists exactly the files under src/ and ui/ that hold marked strings
#     (a new file with _() that is not listed never reaches the translators), and nothing
#     listed is missing.
#  2. In ui/*.ui, every property a person reads (label, title, tooltip-text, …) and every
#     <item>/<attribute name="label"> carries translatable="yes" unless it holds no words.
#  3. In C, a string literal with words passed to a call that shows or reports it
#     (gtk_label_set_text, adw_toast_new, g_set_error, g_printerr, …), or given to a
#     user-visible property in g_object_new, is wrapped in _(), N_() or C_().
#  4. No GLib format macro (G_GINT64_FORMAT, …) inside a marked string: xgettext cuts it.
# A literal may be exempted on its line with the comment /* not translated: WHY */.

import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()

# Words: two runs of letters with something between them, or one capitalised word of three
# letters or more. "%s", "%s: %s\n", "vigil", "title" are not sentences a person reads.
WORDS = re.compile(r"[A-Za-z]{2,}[^A-Za-z%\\\s]*\s+[^A-Za-z%\\]*[A-Za-z]{2,}")
WORD = re.compile(r"^[A-Z][a-z]{2,}")
MARKER_RE = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext|dgettext|gettext)\s*\(")

UI_PROPERTIES = {
    "label", "title", "subtitle", "tooltip-text", "tooltip-markup", "placeholder-text",
    "description", "text", "secondary-text", "heading", "body", "accessible-name",
    "comments", "message", "badge",
}

# Calls whose string arguments a person reads.
C_CALLS = [
    "gtk_label_set_text", "gtk_label_set_label", "gtk_label_set_markup", "gtk_label_new",
    "gtk_button_set_label", "gtk_button_new_with_label", "gtk_button_new_with_mnemonic",
    "gtk_check_button_new_with_label", "gtk_widget_set_tooltip_text",
    "gtk_widget_set_tooltip_markup", "gtk_window_set_title", "gtk_editable_set_text",
    "gtk_entry_set_placeholder_text", "gtk_menu_button_set_label",
    "adw_toast_new", "adw_toast_new_format", "adw_toast_set_title", "adw_status_page_set_title",
    "adw_status_page_set_description", "adw_preferences_row_set_title",
    "adw_action_row_set_subtitle", "adw_expander_row_set_subtitle",
    "adw_preferences_group_set_title", "adw_preferences_group_set_description",
    "adw_window_title_set_title", "adw_window_title_set_subtitle", "adw_message_dialog_new",
    "adw_message_dialog_format_heading", "adw_message_dialog_format_body",
    "adw_message_dialog_set_heading", "adw_message_dialog_set_body",
    "adw_message_dialog_add_response", "adw_message_dialog_add_responses",
    "adw_view_stack_add_titled", "adw_view_stack_page_set_title",
    "gtk_file_chooser_native_new", "gtk_accessible_update_property",
    "g_set_error", "g_set_error_literal", "g_error_new", "g_error_new_literal",
    "g_task_return_new_error", "g_prefix_error",
    "g_print", "g_printerr", "g_application_command_line_print",
    "g_application_command_line_printerr", "g_option_context_new",
    "g_option_context_set_summary", "g_option_context_set_description",
    "g_notification_new", "g_notification_set_body", "g_notification_add_button",
    "vigilctl_fail", "vigilctl_error", "vigilctl_print_error",
]
C_CALL_RE = re.compile(r"\b(" + "|".join(C_CALLS) + r")\s*\(")
C_PROPERTY_RE = re.compile(r'"(' + "|".join(sorted(UI_PROPERTIES | {"application-name", "developer-name"})) + r')"\s*,\s*"')
STRING_RE = re.compile(r'"(?:[^"\\\n]|\\.)*"')
FORMAT_MACRO_RE = re.compile(r'"\s*(G_G[A-Z0-9]+_FORMAT|G_GSIZE_FORMAT|G_GSSIZE_FORMAT|PRI[diux](?:8|16|32|64))\b')
CHAR_RE = re.compile(r"'(?:[^'\\\n]|\\.)'")

# The simulated gateway answers in the protocol's words, in English like a real gateway;
# its texts reach a person only as the gateway's own message, which is never translated.
SIMULATOR = os.path.join("src", "sim") + os.sep

problems = []


def rel(path):
    return os.path.relpath(path, ROOT)


def sources():
    for top in ("src", "ui"):
        for base, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".c", ".h", ".ui")):
                    yield os.path.join(base, name)


def strip_comments(text):
    # Keep line numbers: replace each comment by as many newlines as it spans.
    def blank(m):
        s = m.group(0)
        if s.startswith(("/*", "//")):
            return "\n" * s.count("\n") + " "
        return s
    return re.sub(r'/\*.*?\*/|//[^\n]*|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', blank, text, flags=re.S)


def has_marks(path, text):
    if path.endswith(".ui"):
        return 'translatable="yes"' in text
    return re.search(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(", strip_comments(text)) is not None


def check_potfiles(files):
    listed = []
    with open(os.path.join(ROOT, "po", "POTFILES.in"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
                if not os.path.exists(os.path.join(ROOT, line)):
                    problems.append(f"po/POTFILES.in:{n}: {line} does not exist")
    for path, text in files.items():
        if has_marks(path, text) and rel(path) not in listed:
            problems.append(f"{rel(path)}: has translatable strings but is not in po/POTFILES.in")


def check_ui(path, text):
    try:
        tree = ET.fromstring(text)
    except ET.ParseError as e:
        problems.append(f"{rel(path)}: {e}")
        return
    lines = text.split("\n")
    for el in tree.iter():
        name = el.get("name")
        if el.tag == "property" and name in UI_PROPERTIES or \
           el.tag == "attribute" and name == "label" or \
           el.tag == "item" and el.text and el.text.strip():
            value = (el.text or "").strip()
            if el.get("translatable") != "yes" and (WORDS.search(value) or WORD.search(value)):
                n = next((i + 1 for i, l in enumerate(lines) if value in l), 0)
                problems.append(f"{rel(path)}:{n}: <{el.tag} name=\"{name}\"> \"{value}\" is not translatable=\"yes\"")


def call_arguments(text, start):
    """The text of the call's arguments, from the opening parenthesis at start."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c == '"':
            m = STRING_RE.match(text, i)
            i = m.end() if m else i + 1
            continue
        if c == "'":
            m = CHAR_RE.match(text, i)
            i = m.end() if m else i + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    return text[start + 1:]


def marked_spans(code):
    """Where the arguments of _(), N_(), C_(), ngettext() … lie: literals inside are marked."""
    spans = []
    for m in MARKER_RE.finditer(code):
        args = call_arguments(code, m.end() - 1)
        spans.append((m.end(), m.end() + len(args)))
    return spans


def unmarked_literals(code, args_start, args, spans):
    for m in STRING_RE.finditer(args):
        at = args_start + 1 + m.start()
        if any(a <= at < b for a, b in spans):
            continue
        value = m.group(0)[1:-1]
        if WORDS.search(value):
            yield at, value


def check_c(path, text):
    lines = text.split("\n")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", lambda m: "\n" * m.group(0).count("\n") + " ", text, flags=re.S)
    spans = marked_spans(code)
    found = set()
    # xgettext cannot expand GLib's format macros: it cuts the message at the macro, and the
    # translation of the cut message never matches the one the program looks up.
    for a, b in spans:
        macro = FORMAT_MACRO_RE.search(code, a, b)
        if macro:
            n = code.count("\n", 0, macro.start()) + 1
            problems.append(f"{rel(path)}:{n}: {macro.group(1)} inside a translatable string "
                            "(use %lld or %llu with a cast)")
    for m in C_CALL_RE.finditer(code):
        args_start = m.end() - 1
        args = call_arguments(code, args_start)
        for at, value in unmarked_literals(code, args_start, args, spans):
            n = code.count("\n", 0, at) + 1
            if "not translated:" in lines[n - 1] or (n, value) in found:
                continue
            found.add((n, value))
            problems.append(f"{rel(path)}:{n}: {m.group(1)}() shows \"{value}\" without _()")
    for m in C_PROPERTY_RE.finditer(code):
        lit = STRING_RE.match(code, m.end() - 1)
        value = lit.group(0)[1:-1] if lit else ""
        if WORDS.search(value) or WORD.search(value):
            n = code.count("\n", 0, m.start()) + 1
            if "not translated:" in lines[n - 1]:
                continue
            problems.append(f"{rel(path)}:{n}: property \"{m.group(1)}\" set to \"{value}\" without _()")


def main():
    files = {}
    for path in sources():
        with open(path, encoding="utf-8") as f:
            files[path] = f.read()
    check_potfiles(files)
    for path, text in files.items():
        if path.endswith(".ui"):
            check_ui(path, text)
        elif path.endswith(".c") and not rel(path).startswith(SIMULATOR):
            check_c(path, text)
    print("1..1")
    if problems:
        for p in problems:
            print("# " + p)
        print(f"not ok 1 - {len(problems)} user-visible string(s) not ready for translation")
        return 1
    print(f"ok 1 - {len(files)} files under src/ and ui/ checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
