#!/usr/bin/env python3
# test-po-complete.py — every translation in po/LINGUAS is valid and complete
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-po-complete.py PO_DIR
#
# For each language: msgfmt --check accepts it (format strings match their msgid, plural
# forms are right), and against a template made now from po/POTFILES.in no message is
# missing, untranslated or fuzzy. After adding strings: `meson compile -C BUILD vigil-update-po`,
# then translate what msgmerge left empty or fuzzy.

import os
import subprocess
import sys
import tempfile

PO_DIR = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(PO_DIR)

# The keywords of meson's 'glib' preset.
KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
            "g_dpgettext2:2c,3", "ngettext:1,2"]


def run(args):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


def main():
    with open(os.path.join(PO_DIR, "LINGUAS"), encoding="utf-8") as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    print(f"1..{2 * len(languages)}")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "vigil.pot")
        r = run(["xgettext", "--from-code=UTF-8", "--files-from=po/POTFILES.in", "-o", pot,
                 "--package-name=vigil"] + ["--keyword=" + k for k in KEYWORDS] +
                ["--flag=g_strdup_printf:1:c-format", "--flag=g_set_error:4:c-format"])
        if r.returncode != 0:
            print("# " + r.stderr.replace("\n", "\n# "))
            print("Bail out! xgettext failed")
            return 1
        test = 0
        for lang in languages:
            po = os.path.join(PO_DIR, lang + ".po")
            test += 1
            r = run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", po])
            stats = r.stderr.strip()
            if r.returncode != 0 or "untranslated" in stats or "fuzzy" in stats:
                print("# " + stats.replace("\n", "\n# "))
                print(f"not ok {test} - {lang}.po is valid and has no fuzzy or empty message")
                failed += 1
            else:
                print(f"ok {test} - {lang}.po is valid: {stats}")
            test += 1
            r = run(["msgcmp", po, pot])
            if r.returncode != 0:
                missing = [l for l in r.stderr.split("\n") if "this message" in l]
                print("# " + r.stderr.strip().replace("\n", "\n# "))
                print(f"not ok {test} - {lang}.po translates every message in the sources "
                      f"({len(missing)} missing)")
                failed += 1
            else:
                print(f"ok {test} - {lang}.po translates every message in the sources")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
