#!/usr/bin/python3
# test-atspi.py — the console driven through its accessibility tree, as a screen reader or an
# automation tool drives it.
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The installed way, end to end: a gateway in another process (`vigilctl sim`), the real
# `vigil` binary started with --gateway/--user/--password-file, GTK's AT-SPI backend on a bus
# of its own, and nothing but AT-SPI to act: the start-of-shift dialog is filled in, a panel
# is opened from the overview, a partition armed away and then disarmed with the buttons'
# accessible names, and each step is checked on the gateway with vigilctl. Widgets that have
# no usable name fail the test.
#
# Usage (meson runs it): test-atspi.py BUILD-DIR   — needs an X display (xvfb-run).
# TAP output.

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60 if os.environ.get("VIGIL_TEST_SANITIZED") else 25
OPERATOR = "Avery Stone"
plan = []


def tap(ok, what):
    plan.append(ok)
    print(("ok" if ok else "not ok") + " %d - %s" % (len(plan), what), flush=True)
    if not ok:
        raise SystemExit(finish())


def finish():
    print("1..%d" % len(plan), flush=True)
    return 0 if all(plan) else 1


def note(text):
    print("# " + text, flush=True)


def wait_for(what, func, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = func()
        except Exception:  # the tree changes under us: nodes go away while we read them
            value = None
        if value:
            return value
        time.sleep(0.2)
    tap(False, "timed out waiting for " + what)


def run_in_own_bus():
    """Re-runs this script inside a session bus on which the AT-SPI bus can start (and
    nothing else: no desktop portal)."""
    top = os.environ["VIGIL_SOURCE_DIR"]
    services = tempfile.mkdtemp(prefix="vigil-atspi-bus-")
    try:
        shutil.copy("/usr/share/dbus-1/services/org.a11y.Bus.service", services)
        with open(os.path.join(top, "build-aux", "dbus-session.conf")) as f:
            conf = f.read().replace("@SERVICEDIR@", services)
        with open(os.path.join(services, "session.conf"), "w") as f:
            f.write(conf)
        # libatspi's own warnings (a registry still starting) are not the console's: this
        # script runs without G_DEBUG, the console keeps it (see main()).
        env = dict(os.environ, VIGIL_ATSPI_BUS="1", VIGIL_ATSPI_G_DEBUG=os.environ.get("G_DEBUG", ""))
        env.pop("G_DEBUG", None)
        # The services the bus starts write to its stdout (the registry announces itself):
        # only TAP lines pass as they are.
        inner = subprocess.Popen(["dbus-run-session", "--config-file=" + services + "/session.conf", "--",
                                  sys.executable] + sys.argv, env=env, stdout=subprocess.PIPE, text=True)
        for line in inner.stdout:
            if not line.startswith(("ok ", "not ok ", "1..", "#")):
                line = "# " + line
            print(line, end="", flush=True)
        return inner.wait()
    finally:
        shutil.rmtree(services, ignore_errors=True)


def main():
    if os.environ.get("VIGIL_TEST_SANITIZED"):
        # Under the sanitizers the console takes longer to appear on the AT-SPI bus than
        # libatspi's cache waits for; the widget tests cover the same code sanitized.
        print("1..0 # SKIP not run under the sanitizers")
        return 0
    if not os.environ.get("VIGIL_ATSPI_BUS"):
        if not os.path.exists("/usr/share/dbus-1/services/org.a11y.Bus.service"):
            print("1..0 # SKIP at-spi2-core is not installed")
            return 0
        return run_in_own_bus()

    import pyatspi  # only inside the bus: importing it connects

    build = sys.argv[1]
    vigilctl = os.path.join(build, "src", "cli", "vigilctl")
    vigil = os.environ.get("VIGIL_ATSPI_BINARY") or os.path.join(build, "src", "app", "vigil")
    work = tempfile.mkdtemp(prefix="vigil-atspi-")
    procs = []

    def ctl(*args):
        out = subprocess.run([vigilctl, "-g", gw["url"], "-u", gw["user"], "--password-file", pwfile,
                              "--json"] + list(args), capture_output=True, text=True, timeout=30)
        if out.returncode != 0:
            note("vigilctl %s: %s" % (" ".join(args), out.stderr.strip()))
            return None
        return json.loads(out.stdout)

    try:
        # The gateway: another process, found the way an installer finds it.
        sim = subprocess.Popen([vigilctl, "sim", "--panels", "2"], stdout=subprocess.PIPE, text=True)
        procs.append(sim)
        gw = json.loads(sim.stdout.readline())
        pwfile = os.path.join(work, "password")
        with open(pwfile, "w") as f:
            f.write(gw["password"] + "\n")
        devices = ctl("devices", "list")
        dev = devices["SearchResult"]["MatchList"][0]["Device"]
        dev_index = dev["devIndex"]
        panel_name = dev["devName"]
        note("gateway %s, first panel %s (%s)" % (gw["url"], panel_name, dev_index))

        # The console as a user starts it, with GTK's real accessibility backend.
        env = {k: v for k, v in os.environ.items() if k not in ("GTK_A11Y", "NO_AT_BRIDGE")}
        if os.environ.get("VIGIL_ATSPI_G_DEBUG"):
            env["G_DEBUG"] = os.environ["VIGIL_ATSPI_G_DEBUG"]
        env.update(XDG_DATA_HOME=os.path.join(work, "data"), XDG_CONFIG_HOME=os.path.join(work, "config"),
                   XDG_CACHE_HOME=os.path.join(work, "cache"))
        # The AT-SPI bus comes up with the first call; its launcher holds the X server while
        # it starts, and a GTK starting in that moment cannot open the display.
        desktop = pyatspi.Registry.getDesktop(0)
        time.sleep(1)
        app_proc = subprocess.Popen([vigil, "--gateway", gw["url"], "--user", gw["user"],
                                     "--password-file", pwfile], env=env)
        procs.append(app_proc)

        def find_app():
            for a in desktop:
                if a is not None and a.name == "vigil":
                    return a
            return None

        app = wait_for("the console on the accessibility bus", find_app)
        tap(True, "the console is on the accessibility bus")

        def showing(node):
            # GTK 4.8 sets "showing" on windows only; "visible" is the widget's own flag.
            return node.getState().contains(pyatspi.STATE_VISIBLE)

        def find_all(root, pred):
            found = []
            stack = [root]
            while stack:
                node = stack.pop()
                try:
                    if pred(node):
                        found.append(node)
                    stack.extend(c for c in node if c is not None)
                except Exception:
                    continue
            return found

        def find(role, name, root=None):
            nodes = find_all(root or app, lambda n: n.getRoleName() == role and n.name == name and showing(n))
            return nodes[0] if nodes else None

        def click(node):
            action = node.queryAction()
            for i in range(action.nActions):
                if action.getName(i) in ("click", "activate", "press"):
                    return action.doAction(i)
            return action.doAction(0)

        # Start of shift: a dialog asks for the operator's name. (GTK 4.8 does not mark the
        # widgets of a dialog "showing": search inside the dialog instead.)
        dialog = wait_for("the Start of Shift dialog",
                          lambda: find_all(app, lambda n: n.getRoleName() == "dialog" and n.name == "Start of Shift"))[0]
        entry = wait_for("the operator's name entry",
                         lambda: find_all(dialog, lambda n: n.getRoleName() == "text" and n.name == "Operator Name"))
        entry[0].queryEditableText().setTextContents(OPERATOR)
        start = wait_for("the Start Shift button",
                         lambda: find_all(dialog, lambda n: n.getRoleName() == "push button" and n.name == "Start Shift"))
        click(start[0])
        tap(True, "the start-of-shift dialog takes the operator's name")

        # The overview: one card per panel, named with its state.
        card = wait_for("the panel's card",
                        lambda: [n for n in find_all(app, lambda n: n.name.startswith(panel_name + ", ")
                                                     and showing(n))])
        tap(True, "the overview names the card: " + card[0].name)

        # Open it: GTK 4.8 has no AT-SPI action on a grid cell and refuses GrabFocus, so click
        # where the card's extents say it is, as an automation tool would. GTK knows positions
        # in its window only (asking for screen ones is a warning); with no window manager on
        # the headless X server the window sits at the screen's origin.
        box = card[0].queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        note("card at %d,%d %dx%d" % (box.x, box.y, box.width, box.height))
        pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, "b1c")

        # Partition 1's Arm Away: several buttons share the name; the row says which partition.
        def partition_button(name):
            rows = find_all(app, lambda n: n.name == "Partition 1" and showing(n))
            for row in rows:
                buttons = find_all(row, lambda n: n.getRoleName() == "push button" and n.name == name)
                if buttons:
                    return buttons[0]
            return None

        click(wait_for("partition 1's Arm Away on the panel page", lambda: partition_button("Arm Away")))
        tap(True, "a click on a card opens the panel's page")

        def armed(state):
            status = ctl("status", "partitions", dev_index)
            subs = status["SubSysList"] if status else []
            for s in subs:
                sub = s.get("SubSys", s)
                if sub.get("id") == 1:
                    return sub.get("arming") == state
            return False

        wait_for("the gateway to report partition 1 armed away", lambda: armed("away"))
        tap(True, "Arm Away, found by its name, arms partition 1 on the gateway")

        click(wait_for("partition 1's Disarm", lambda: partition_button("Disarm")))
        wait_for("the gateway to report partition 1 disarmed", lambda: armed("disarm"))
        tap(True, "Disarm arms it off again")

        # Every control of the panel page has a name of its own: not its widget type, not its
        # label twice over with the mnemonic underscore. Each tab is shown first (a control is
        # named when it is first shown: see src/app/vigil-accessible.c).
        page = find_all(app, lambda n: n.name == "VigilPanelPage")[0]
        for tab in ("Zones", "Peripherals", "Partitions"):
            node = wait_for("the %s tab" % tab,
                            lambda: find_all(page, lambda n: n.getRoleName() == "page tab" and n.name == tab))[0]
            tab_box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            pyatspi.Registry.generateMouseEvent(tab_box.x + tab_box.width // 2, tab_box.y + tab_box.height // 2, "b1c")
            wait_for("the %s tab to be selected" % tab,
                     lambda: node.getState().contains(pyatspi.STATE_SELECTED) or
                     node.getState().contains(pyatspi.STATE_CHECKED))
        tap(True, "the panel page's tabs switch with a click")
        controls = find_all(page, lambda n: n.getRoleName() in ("push button", "toggle button", "check box"))
        unnamed = [n for n in controls if n.name == "" or n.name.startswith(("Gtk", "Adw"))]
        for n in unnamed:
            note("unnamed %s: %r (%s)" % (n.getRoleName(), n.name, n.description))
        tap(len(controls) > 0 and not unnamed, "all %d controls of the panel page have names" % len(controls))
        doubled = [n for n in controls if "_" in n.name]
        for n in doubled:
            note("mnemonic in the name: %r" % n.name)
        tap(not doubled, "no control of the panel page is named with a mnemonic underscore")
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
