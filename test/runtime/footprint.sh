#!/usr/bin/env bash
# footprint.sh LIB BUDGET_KIB - the runtime's code and read-only data (what a
# program that links it maps and faults in: .text, .rodata, .eh_frame, .plt,
# .data) must stay within BUDGET_KIB.  Every KiB of it is resident in every
# program escape-cc links, beside the allocations it saves.
set -euo pipefail
lib=${1:?usage: footprint.sh LIB BUDGET_KIB}
budget=${2:?usage: footprint.sh LIB BUDGET_KIB}
[[ -f $lib ]] || { echo "footprint.sh: error: $lib: no such file" >&2; exit 2; }
total=$(size -A "$lib" | awk '$1 ~ /^\.(text|rodata|eh_frame|eh_frame_hdr|plt|plt\.got|data|data\.rel\.ro|init_array|fini_array)$/ { s += $2 } END { print s + 0 }')
kib=$(( (total + 1023) / 1024 ))
echo "runtime code and data: $total bytes ($kib KiB), budget $budget KiB"
if (( kib > budget )); then
  echo "footprint.sh: error: $lib is over its budget; see runtime/CMakeLists.txt (ESCAPE_RT_HOT)" >&2
  exit 1
fi
