#!/usr/bin/env bash
# The demo: compile docs/demo/demo.c with the escape plugin, show what it
# decided and why, then build it with escape-cc and plain clang and show
# that both print the same while escape-cc's makes fewer heap calls.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "$top" && cd "$build" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== escape analysis of docs/demo/demo.c (-fplugin-arg-escape-m=1)"
clang-19 -O2 -c -o "$out/demo.o" -fplugin="$build/lib/escape-plugin.so" \
  -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 \
  -fplugin-arg-escape-report="$out/demo.yaml" "$here/demo.c" 2>&1 |
  grep -E 'remark:' | sed "s|$here/||"

echo
echo "== the YAML report ($(grep -c '^---' "$out/demo.yaml") documents); the first one:"
awk '/^---/{n++} n==1' "$out/demo.yaml"

echo
echo "== plain clang-19 -O2 vs escape-cc -O2 (heap calls counted by test/bench/heapcount.c)"
wrap="-Wl"
for f in malloc calloc realloc reallocarray aligned_alloc posix_memalign memalign valloc strdup strndup free; do
  wrap="$wrap,--wrap=$f"
done
clang-19 -O2 -c -o "$out/heapcount.o" "$top/test/bench/heapcount.c"
clang-19 -O2 -o "$out/plain" "$here/demo.c" "$out/heapcount.o" $wrap
"$build/bin/escape-cc" -O2 -o "$out/escape" "$here/demo.c" "$out/heapcount.o" $wrap
HEAPCOUNT_OUT="$out/plain.count" "$out/plain" > "$out/plain.txt"
HEAPCOUNT_OUT="$out/escape.count" "$out/escape" > "$out/escape.txt"
echo "plain clang : $(cat "$out/plain.txt")"
echo "             $(cat "$out/plain.count")"
echo "escape-cc   : $(cat "$out/escape.txt")"
echo "             $(cat "$out/escape.count")"
if cmp -s "$out/plain.txt" "$out/escape.txt"; then
  echo "same output"
else
  echo "demo: error: the two builds print different output" >&2
  exit 1
fi
