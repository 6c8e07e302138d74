#!/usr/bin/env bash
# tls-size.sh LIB BUDGET_BYTES - the runtime's static thread-local storage
# (the PT_TLS segment's size in memory) must stay within BUDGET_BYTES.
# glibc carves static TLS out of every thread's stack mapping, so each byte
# of it is a byte of stack less for every thread of every program escape-cc
# links: with the runtime's 5.9 KiB of it, the largest buffer a 16 KiB
# thread could hold fell from about 11.7 KiB to 6.
set -euo pipefail
lib=${1:?usage: tls-size.sh LIB BUDGET_BYTES}
budget=${2:?usage: tls-size.sh LIB BUDGET_BYTES}
[[ -f $lib ]] || { echo "tls-size.sh: error: $lib: no such file" >&2; exit 2; }
hex=$(readelf -lW "$lib" | awk '$1 == "TLS" { print $6 }')
bytes=$(( ${hex:-0} ))
echo "runtime static TLS: $bytes bytes, budget $budget"
if (( bytes > budget )); then
  echo "tls-size.sh: error: $lib has more static TLS than its budget" >&2
  exit 1
fi
