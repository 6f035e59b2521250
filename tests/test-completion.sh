#!/usr/bin/env bash
# test-completion.sh — the bash completion of vigilctl completes what vigilctl accepts
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-completion.sh COMPLETION_SCRIPT VIGILCTL
#
# Sources the completion into this bash (without the bash-completion package, as on a
# minimal system), completes command lines the way readline would, and compares the
# candidates. The command list is also compared with `vigilctl --help`, so a new command
# without completion fails here.
set -u

completion=$1
vigilctl=$2
n=0
failed=0

# shellcheck source=/dev/null
source "$completion"

# complete "WORD WORD ... CUR": the candidates for the last word, sorted, on one line.
complete_line() {
  local line=$1
  read -r -a COMP_WORDS <<<"$line"
  if [[ $line == *" " ]]; then
    COMP_WORDS+=("")
  fi
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  _vigilctl vigilctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]:-}"
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect() {
  local line=$1 want=$2 got
  got=$(complete_line "$line")
  n=$((n + 1))
  if [[ $got == "$want" ]]; then
    echo "ok $n - '$line' completes to '$want'"
  else
    echo "# got '$got'"
    echo "not ok $n - '$line' completes to '$want'"
    failed=1
  fi
}

echo "1..14"

commands=$(complete_line "vigilctl ")
help_commands=$(LC_ALL=C.UTF-8 LANGUAGE= "$vigilctl" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF && !/Commands:/ {print $1}' | sort | tr '\n' ' ' | sed 's/ $//')
n=$((n + 1))
if [[ -n $help_commands && $commands == "$help_commands" ]]; then
  echo "ok $n - every command of vigilctl --help is completed"
else
  echo "# completed: '$commands'"
  echo "# vigilctl --help: '$help_commands'"
  echo "not ok $n - every command of vigilctl --help is completed"
  failed=1
fi

expect "vigilctl dev" "device devices"
expect "vigilctl -g http://192.0.2.10 -u admin st" "status"
expect "vigilctl devices " "add delete list refresh"
expect "vigilctl devices list --st" "--status"
expect "vigilctl devices list --status o" "offline online"
expect "vigilctl devices add --protocol " "ehome ehomeV5"
expect "vigilctl arm 1 1 --a" "--away"
expect "vigilctl relay 1 " "close open"
expect "vigilctl device trigger 1 2 " "high low"
expect "vigilctl status " "partitions peripherals zones"
expect "vigilctl log --c" "--csv"
expect "vigilctl --js" "--json"

# A file argument completes files.
dir=$(mktemp -d)
touch "$dir/password.txt"
expect "vigilctl --password-file $dir/pass" "$dir/password.txt"
rm -rf "$dir"

exit $failed
