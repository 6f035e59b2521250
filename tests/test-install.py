#!/usr/bin/env python3
# test-install.py — `meson install --destdir`, then the installed programs run
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-install.py MESON BUILD_DIR APP_ID BASE_ID VERSION gui|cli
#
# Installs the build into a temporary DESTDIR and checks what a packager relies on: every
# file in its place (programs, desktop file, metainfo, schema, icons, D-Bus service, man
# pages, bash completion, the German catalogue), the paths written into them, and that the
# installed `vigil --version` and `vigilctl --help` run — in German with LANGUAGE=de, from
# the installed catalogue (the programs find it beside them, see src/core/vigil-i18n.c).

import json
import os
import subprocess
import sys
import tempfile

MESON, BUILD, APP_ID, BASE_ID, VERSION, PARTS = sys.argv[1:7]

results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def option(options, name):
    return next(o["value"] for o in options if o["name"] == name)


def run(args, env_extra=None):
    env = dict(os.environ)
    # No translation unless a test asks for one.
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    env.update(env_extra or {})
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)


def main():
    options = json.loads(subprocess.run([MESON, "introspect", "--buildoptions", BUILD],
                                        check=True, capture_output=True, text=True).stdout)
    prefix = option(options, "prefix")
    dirs = {name: os.path.join(prefix, option(options, name))
            for name in ("bindir", "datadir", "mandir", "localedir")}

    with tempfile.TemporaryDirectory() as destdir:
        r = subprocess.run([MESON, "install", "-C", BUILD, "--no-rebuild", "--destdir", destdir],
                           capture_output=True, text=True)
        check(r.returncode == 0, "meson install --destdir succeeds", r.stderr[-2000:])
        if r.returncode != 0:
            return report()

        def installed(*parts):
            return os.path.join(destdir + parts[0], *parts[1:])

        bindir = installed(dirs["bindir"])
        datadir = installed(dirs["datadir"])
        expected = [
            os.path.join(bindir, "vigil"),
            os.path.join(bindir, "vigilctl"),
            os.path.join(datadir, "applications", APP_ID + ".desktop"),
            os.path.join(datadir, "metainfo", APP_ID + ".metainfo.xml"),
            os.path.join(datadir, "glib-2.0", "schemas", BASE_ID + ".gschema.xml"),
            os.path.join(datadir, "icons", "hicolor", "scalable", "apps", APP_ID + ".svg"),
            os.path.join(datadir, "icons", "hicolor", "symbolic", "apps", APP_ID + "-symbolic.svg"),
            os.path.join(datadir, "dbus-1", "services", APP_ID + ".service"),
            os.path.join(datadir, "bash-completion", "completions", "vigilctl"),
            os.path.join(installed(dirs["mandir"]), "man1", "vigil.1"),
            os.path.join(installed(dirs["mandir"]), "man1", "vigilctl.1"),
            os.path.join(installed(dirs["localedir"]), "de", "LC_MESSAGES", "vigil.mo"),
        ]
        for path in expected:
            if PARTS == "cli" and path == expected[0]:
                continue
            check(os.path.isfile(path), "installed " + os.path.relpath(path, destdir))

        # The paths written into the files are the real ones, never the DESTDIR.
        with open(expected[7], encoding="utf-8") as f:
            service = f.read()
        check("Name=" + APP_ID + "\n" in service and
              "Exec=" + os.path.join(dirs["bindir"], "vigil") + " --gapplication-service" in service,
              "the D-Bus service starts the installed vigil", service)
        with open(expected[2], encoding="utf-8") as f:
            desktop = f.read()
        check("Icon=" + APP_ID + "\n" in desktop and "DBusActivatable=true\n" in desktop,
              "the desktop file names the icon and is D-Bus activatable", desktop)
        check("Name[de]=" in desktop or "Comment[de]=" in desktop,
              "the desktop file carries the German translation", desktop)
        with open(expected[3], encoding="utf-8") as f:
            metainfo = f.read()
        check("<id>" + APP_ID + "</id>" in metainfo and 'xml:lang="de"' in metainfo,
              "the metainfo has the app id and the German translation")

        if PARTS == "gui":
            r = run([expected[0], "--version"])
            check(r.returncode == 0 and r.stdout.strip() == "vigil " + VERSION,
                  "the installed vigil --version runs", r.stdout + r.stderr)

        r = run([expected[1], "--help"])
        check(r.returncode == 0 and "Commands:" in r.stdout and "subscription status ID" in r.stdout,
              "the installed vigilctl --help runs", r.stdout + r.stderr)

        r = run([expected[1], "--help"], {"LANGUAGE": "de"})
        check(r.returncode == 0 and "Befehle:" in r.stdout and
              "Mit einem Hikvision IP Receiver Device Gateway über ISAPI sprechen." in r.stdout and
              "Commands:" not in r.stdout,
              "the installed vigilctl --help speaks German with LANGUAGE=de", r.stdout + r.stderr)

        # A German error sentence, from the core's catalogue (the A.2 and argument errors).
        r = run([expected[1], "-g", "http://127.0.0.1:9", "-u", "admin", "arm", "1", "x", "--stay"],
                {"LANGUAGE": "de"})
        check(r.returncode == 2 and "ist kein Bereich" in r.stderr,
              "a vigilctl error is in German with LANGUAGE=de", r.stderr)

    return report()


def report():
    print(f"1..{len(results)}")
    for i, (ok, name, detail) in enumerate(results, 1):
        if not ok and detail:
            for line in detail.strip().split("\n")[-15:]:
                print("# " + line)
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
