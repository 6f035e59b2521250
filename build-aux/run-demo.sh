#!/usr/bin/env bash
# Builds Vigil and starts it against the embedded simulated gateway.
# Installs what it needs from Debian's packages first (idempotent).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh
if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build

if [ -x _build/src/app/vigil ]; then
  exec _build/src/app/vigil --demo "$@"
fi

# Without the console: the simulated gateway and a first look at it from vigilctl.
vigilctl=_build/src/cli/vigilctl
info=$(mktemp)
"$vigilctl" sim --panels 4 > "$info" &
sim=$!
trap 'kill $sim 2>/dev/null; rm -f "$info"' EXIT
for _ in $(seq 50); do [ -s "$info" ] && break; sleep 0.1; done
url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$info")
user=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["user"])' "$info")
export VIGIL_PASSWORD
VIGIL_PASSWORD=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["password"])' "$info")
echo "Simulated gateway at $url (user $user, password $VIGIL_PASSWORD)"
"$vigilctl" -g "$url" -u "$user" gateway info
"$vigilctl" -g "$url" -u "$user" devices list
echo "The simulator keeps running; try: VIGIL_PASSWORD=$VIGIL_PASSWORD $vigilctl -g $url -u $user status zones <devIndex>"
echo "Press Ctrl+C to stop it."
wait $sim
