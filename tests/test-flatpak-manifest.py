#!/usr/bin/env python3
# test-flatpak-manifest.py — the Flatpak manifest, checked without building it
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-flatpak-manifest.py MANIFEST APP_ID [FLATPAK_BUILDER]
#
# The GNOME runtime cannot be fetched where the tests run, so this checks what a build would
# rely on: the manifest is JSON flatpak-builder accepts, its id is the app id of data/, the
# console is built with meson from this tree, and the sandbox gets exactly the permissions
# the console needs — the gateway over the network, a display, the GPU for video, sound
# for the alert. Passwords go through the secret portal, so no bus name is granted.

import json
import os
import subprocess
import sys

MANIFEST, APP_ID = sys.argv[1:3]
BUILDER = sys.argv[3] if len(sys.argv) > 3 else None

INTENDED_FINISH_ARGS = {
    "--share=network",       # the gateway
    "--share=ipc",           # X11 shared memory, only used with fallback-x11
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",          # GL rendering of the verification video
    "--socket=pulseaudio",   # the alert sound
}

results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail, None))


def skip(name, why):
    results.append((True, name, "", why))


def main():
    try:
        with open(MANIFEST, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        check(False, "the manifest is valid JSON", str(e))
        return report()
    check(True, "the manifest is valid JSON")

    if BUILDER:
        r = subprocess.run([BUILDER, "--show-manifest", os.path.basename(MANIFEST)],
                           cwd=os.path.dirname(os.path.abspath(MANIFEST)),
                           capture_output=True, text=True, timeout=60)
        accepted = r.returncode == 0 and json.loads(r.stdout).get("id") == manifest.get("id")
        check(accepted, "flatpak-builder --show-manifest accepts it", r.stderr)
    else:
        skip("flatpak-builder --show-manifest accepts it", "flatpak-builder is not installed")

    check(manifest.get("id") == APP_ID, f"the app id is {APP_ID}, as in data/", manifest.get("id"))
    check(os.path.basename(MANIFEST) == APP_ID + ".json", "the file is named after the app id")
    check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
          "the GNOME runtime and SDK")
    check(str(manifest.get("runtime-version", "")).isdigit(), "a stable GNOME runtime version",
          str(manifest.get("runtime-version")))
    check(manifest.get("command") == "vigil", "it starts the console")

    finish_args = manifest.get("finish-args", [])
    extra = sorted(set(finish_args) - INTENDED_FINISH_ARGS)
    missing = sorted(INTENDED_FINISH_ARGS - set(finish_args))
    check(not extra and not missing and len(finish_args) == len(set(finish_args)),
          "the finish-args are exactly the intended set",
          f"not intended: {extra}; missing: {missing}")

    modules = manifest.get("modules", [])
    app = modules[-1] if modules else {}
    check(app.get("name") == "vigil" and app.get("buildsystem") == "meson",
          "the last module is the console, built with meson")
    sources = app.get("sources", [])
    source_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(MANIFEST)),
                                               sources[0].get("path", ""))) if sources else ""
    check(len(sources) == 1 and sources[0].get("type") == "dir" and
          os.path.isfile(os.path.join(source_dir, "meson.build")),
          "the module builds this source tree")
    return report()


def report():
    print(f"1..{len(results)}")
    for i, (ok, name, detail, why) in enumerate(results, 1):
        if why:
            print(f"ok {i} - {name} # SKIP {why}")
            continue
        if not ok and detail:
            for line in str(detail).strip().split("\n")[-10:]:
                print("# " + line)
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    return 0 if all(ok for ok, _, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
