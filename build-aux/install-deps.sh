#!/usr/bin/env bash
# Installs the Debian 12 packages Vigil needs to build, run and test.
# Idempotent: packages already present are not downloaded again, and apt's
# lists are refreshed only when something is missing.
set -euo pipefail

packages=(
  build-essential pkgconf meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsqlite3-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-tools
  libgtk-4-media-gstreamer librsvg2-common adwaita-icon-theme fonts-dejavu-core
  xvfb xauth dbus-daemon at-spi2-core desktop-file-utils appstream
  libsecret-1-dev gnome-keyring
  flatpak-builder
  clang-14 libclang-rt-14-dev
  llvm-14 libc6-dbg
  curl openssl sqlite3 python3 python3-pyatspi
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# No recommends: flatpak's recommends (flatpak-builder depends on flatpak, for the
# manifest check) would pull in xdg-desktop-portal, which then starts in every headless test.
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
