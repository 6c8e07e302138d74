#!/usr/bin/env bash
# cet-property.sh ARCHIVE... - every object of the runtime's archives carries
# the x86 IBT and SHSTK property.  A program built with -fcf-protection has
# it only when every object linked into it does: one runtime object without
# it and the linker silently drops the program's.
set -euo pipefail
(( $# )) || { echo "usage: cet-property.sh ARCHIVE..." >&2; exit 2; }
bad=0
for a in "$@"; do
  [[ -f $a ]] || { echo "cet-property.sh: error: $a: no such file" >&2; exit 2; }
  objs=$(ar t "$a" | wc -l)
  marked=$(readelf -n "$a" | grep -c 'x86 feature: IBT, SHSTK' || true)
  echo "$a: $marked of $objs objects carry IBT and SHSTK"
  (( marked == objs )) || bad=1
done
exit $bad
