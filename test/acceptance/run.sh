#!/usr/bin/env bash
# run.sh - the acceptance probe of the transformation: each program in
# test/acceptance/programs/ is built with plain `clang-19 -O2` and with
# `escape-cc` (-O2, -O0, and -O1 -fsanitize=address with the transformation
# forced on, next to a plain ASan
# build), run, and compared byte for byte with the plain build's output.
# Heap calls are counted with test/bench/heapcount.c (linked with --wrap),
# and every allocation site escape-cc kept on the heap is listed with the
# report's reason and checked against the program's own annotation:
#   an allocation line that carries `// keep: <why>` is expected to stay on
#   the heap (it escapes, or no storage but the heap is right for it);
#   every other site is expected to move.
# A kept site without `keep:` is a MISS (a missed opportunity); a moved site
# with `keep:` is MOVED? (a possible miscompile; the output decides).
#
# Usage: test/acceptance/run.sh [-b BUILD_DIR] [-p "PROGRAMS"] [-o OUT_DIR] [-v]
#   -b  build dir holding bin/escape-cc (default: <repo>/build)
#   -p  programs, by name (default: every programs/*.c but *.lib.c)
#   -o  scratch dir for binaries, outputs and reports
#       (default: BUILD_DIR/acceptance)
#   -v  print the diff of every output that differs
# A program NAME.c may have a companion NAME.lib.c: a separate translation
# unit compiled with the same compiler and linked in (functions declared
# only, as in a real multi-file build).
# Exit status: 0 all outputs equal and no crash; 1 an output differs, a
# build crashes or fails, or an escape build reports an ASan error the plain
# ASan build does not; 2 usage or setup error.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build="$repo/build"
programs=""
out=""
verbose=0

while getopts "b:p:o:vh" opt; do
  case $opt in
    b) build=$OPTARG ;;
    p) programs=$OPTARG ;;
    o) out=$OPTARG ;;
    v) verbose=1 ;;
    *) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
build=$(cd "$build" 2>/dev/null && pwd) || { echo "run.sh: error: no build dir '$build'" >&2; exit 2; }
esc_cc="$build/bin/escape-cc"
[[ -x $esc_cc ]] || { echo "run.sh: error: $esc_cc not found; build first" >&2; exit 2; }
plain_cc=${CLANG:-clang-19}
out=${out:-$build/acceptance}
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
if [[ -z $programs ]]; then
  for f in "$here"/programs/*.c; do
    [[ $f == *.lib.c ]] && continue
    programs="$programs $(basename "$f" .c)"
  done
fi

wrap=""
for f in malloc calloc realloc reallocarray aligned_alloc posix_memalign memalign valloc strdup strndup free; do
  wrap="$wrap,--wrap=$f"
done
wrap="-Wl${wrap}"
"$plain_cc" -O2 -c -o "$out/heapcount.o" "$repo/test/bench/heapcount.c" || exit 2
"$plain_cc" -O2 -o "$out/benchrun" "$repo/runtime/bench/benchrun.c" || exit 2

# Released frame-arena memory is poisoned, so a use after the frame is left
# changes the output instead of passing by luck.
export ESCAPE_RT_ARENA_POISON=1
# malloc(SIZE_MAX) returns NULL under ASan as it does without it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
timeout_s=${ACCEPT_TIMEOUT:-120}

# build NAME VARIANT CC FLAGS... : compile NAME.c (and NAME.lib.c) separately,
# then link.  Writes $out/NAME.VARIANT (binary) and .log; escape builds of
# the main file write the YAML report to $out/NAME.VARIANT.yaml.
build_one() {
  local p=$1 v=$2 cc=$3
  shift 3
  local src="$here/programs/$p.c" lib="$here/programs/$p.lib.c" objs=() rep=()
  [[ $cc == "$esc_cc" ]] && rep=(-fplugin-arg-escape-report="$out/$p.$v.yaml")
  local log="$out/$p.$v.log"
  : >"$log"
  "$cc" "$@" -pthread -c "$src" -o "$out/$p.$v.o" "${rep[@]}" >>"$log" 2>&1 || return 1
  objs+=("$out/$p.$v.o")
  if [[ -f $lib ]]; then
    "$cc" "$@" -pthread -c "$lib" -o "$out/$p.$v.lib.o" >>"$log" 2>&1 || return 1
    objs+=("$out/$p.$v.lib.o")
  fi
  local link=()
  [[ $v == *count* ]] && link=("$out/heapcount.o" "$wrap")
  "$cc" "$@" -pthread "${objs[@]}" "${link[@]}" -o "$out/$p.$v" >>"$log" 2>&1
}

# run NAME VARIANT : run it, output to .out, stderr to .err, status to .rc,
# peak RSS (benchrun's line) to .rss
run_one() {
  local p=$1 v=$2
  rm -f "$out/$p.$v.calls" "$out/$p.$v.rss"
  (cd "$out" && HEAPCOUNT_OUT="$out/$p.$v.calls" "$out/benchrun" -o "$out/$p.$v.rss" -- \
     timeout "$timeout_s" "./$p.$v" >"$out/$p.$v.out" 2>"$out/$p.$v.err")
  echo $? >"$out/$p.$v.rc"
}

rss_mib() {
  sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$out/$1.$2.rss" 2>/dev/null |
    awk '{ printf "%.1f", $1 / 1024 }'
}

# verdict NAME VARIANT : "yes" when it built, exited as plain did, and
# printed the same bytes; otherwise what went wrong.
verdict() {
  local p=$1 v=$2 base=${3:-plain}
  [[ -f $out/$p.$v.rc ]] || { echo "BUILD"; return; }
  local rc base_rc
  rc=$(cat "$out/$p.$v.rc"); base_rc=$(cat "$out/$p.$base.rc")
  if [[ $rc != "$base_rc" ]]; then
    if grep -q 'ERROR: AddressSanitizer' "$out/$p.$v.err" 2>/dev/null; then echo "ASAN"
    elif ((rc == 124)); then echo "TIMEOUT"
    elif ((rc > 128)); then echo "SIG$((rc - 128))"
    else echo "RC$rc"; fi
    return
  fi
  cmp -s "$out/$p.plain.out" "$out/$p.$v.out" && echo yes || echo NO
}

calls() {
  sed -n 's/.* total=\([0-9]*\).*/\1/p' "$out/$1.$2.calls" 2>/dev/null | tail -1
}

# sites NAME : one line per allocation site in the -O2 report:
#   line col function name callee size storage annotation|reason
sites() {
  local p=$1
  python3 - "$out/$p.escape.yaml" "$here/programs/$p.c" <<'EOF'
import re, sys
report, src = sys.argv[1], sys.argv[2]
try:
    text = open(report).read()
except OSError:
    sys.exit(0)
lines = open(src).read().split("\n")
for doc in re.split(r"^--- ", text, flags=re.M)[1:]:
    tag = doc.split("\n", 1)[0].strip()
    name = re.search(r"^Name: (\S+)", doc, re.M)
    if not name or name.group(1) == "LeakingParam":
        continue
    loc = re.search(r"^DebugLoc: \{File: (.*?), Line: (\d+), Column: (\d+)\}", doc, re.M)
    def arg(k):
        m = re.search(r"^- %s: (.*)$" % k, doc, re.M)
        if not m:
            return "-"
        v = m.group(1).strip()
        if len(v) >= 2 and v[0] == v[-1] == "'":
            v = v[1:-1].replace("''", "'")
        return v
    line = int(loc.group(2))
    keep = re.search(r"// keep: (.*)$", lines[line - 1]) if line <= len(lines) else None
    storage = arg("Storage")
    if storage == "heap":
        cls = "ok" if keep else "MISS"
    else:
        cls = "MOVED?" if keep else "ok"
    func = re.search(r"^Function: (\S+)", doc, re.M)
    print("\t".join([cls, "%d:%s" % (line, loc.group(3)), func.group(1) if func else "-",
                     arg("Name"), arg("Callee"), arg("Size"), storage,
                     keep.group(1) if keep else "", arg("Reason")]))
EOF
}

status=0
table="$out/table.txt"
details="$out/sites.txt"
: >"$table"
: >"$details"
printf '%-10s %-5s %-5s %-6s %-10s %17s %16s %5s %5s %5s\n' program O2 O0 asan asan-plain \
  "heap calls" "peak RSS MiB" moved kept miss >"$table"
for p in $programs; do
  [[ -f $here/programs/$p.c ]] || { echo "run.sh: error: unknown program '$p'" >&2; exit 2; }
  rm -f "$out/$p".*.rc "$out/$p".*.yaml
  build_one "$p" plain "$plain_cc" -O2 && run_one "$p" plain
  [[ -f $out/$p.plain.rc ]] || { echo "run.sh: error: plain build of $p failed:" >&2; cat "$out/$p.plain.log" >&2; exit 2; }
  build_one "$p" plain.count "$plain_cc" -O2 && run_one "$p" plain.count
  build_one "$p" plain.O0 "$plain_cc" -O0 && run_one "$p" plain.O0
  build_one "$p" asan-plain "$plain_cc" -O1 -fsanitize=address && run_one "$p" asan-plain
  build_one "$p" escape "$esc_cc" -O2 && run_one "$p" escape
  build_one "$p" escape.count "$esc_cc" -O2 && run_one "$p" escape.count
  build_one "$p" escape.O0 "$esc_cc" -O0 && run_one "$p" escape.O0
  # escape-cc leaves allocations alone under ASan unless told otherwise;
  # here the transformed code is what ASan must check.
  build_one "$p" asan "$esc_cc" -O1 -fsanitize=address -fplugin-arg-escape-transform=1 &&
    run_one "$p" asan

  o2=$(verdict "$p" escape); o0=$(verdict "$p" escape.O0)
  as=$(verdict "$p" asan); asp=$(verdict "$p" asan-plain)
  # -O0 and ASan builds are held to plain builds with the same flags: the
  # same failure in both (say, a stack overflow in bigger frames) is not
  # escape's.
  if [[ $o0 != yes && $o0 == "$(verdict "$p" plain.O0)" ]] &&
     cmp -s "$out/$p.escape.O0.out" "$out/$p.plain.O0.out"; then
    o0="same"
  fi
  if [[ $as != yes && $as == "$asp" ]] && cmp -s "$out/$p.asan.out" "$out/$p.asan-plain.out"; then
    as="same"
  fi
  vc=$(verdict "$p" escape.count)
  [[ $vc == yes || $vc == "$o2" ]] || o2="$o2/count:$vc"
  for v in "$o2" "$o0" "$as"; do
    [[ $v == yes || $v == same ]] || status=1
  done
  if ((verbose)); then
    for v in escape escape.O0 asan; do
      [[ -f $out/$p.$v.out ]] && ! cmp -s "$out/$p.plain.out" "$out/$p.$v.out" &&
        { echo "== $p.$v differs from plain:"; diff "$out/$p.plain.out" "$out/$p.$v.out" | head -20; }
    done
  fi
  s=$(sites "$p")
  moved=$(grep -c -v -P '\theap\t' <<<"$s")
  kept=$(grep -c -P '\theap\t' <<<"$s")
  miss=$(grep -c '^MISS' <<<"$s")
  [[ -z $s ]] && moved=0 && kept=0 && miss=0
  rp=$(rss_mib "$p" plain); re=$(rss_mib "$p" escape)
  # Peak RSS more than twice plain's and 16 MiB above it is flagged.
  flag=$(awk -v a="${rp:-0}" -v b="${re:-0}" 'BEGIN { print (b > 2 * a && b > a + 16) ? "!" : " " }')
  printf '%-10s %-5s %-5s %-6s %-10s %7s -> %7s %6s -> %6s%s %5d %5d %5d\n' "$p" "$o2" "$o0" "$as" \
    "$asp" "$(calls "$p" plain.count)" "$(calls "$p" escape.count)" "$rp" "$re" "$flag" \
    "$moved" "$kept" "$miss" >>"$table"
  if [[ -n $s ]]; then
    echo "$p:" >>"$details"
    awk -F'\t' '$7 == "heap" || $1 != "ok" {
      printf "  %-6s %-7s %-20s %-8s %-7s %-9s %s\n", $1, $2, $3, $4, $5, $6,
        ($8 != "" ? "[keep: " $8 "] " : "") $9 }' <<<"$s" >>"$details"
  fi
done

cat "$table"
echo
echo "sites kept on the heap (and moved sites marked keep:), from the -O2 reports:"
echo "  class  line:col function             name     callee  size      reason"
cat "$details"
{
  echo
  echo "O2/O0: escape-cc -O2/-O0 output equals plain clang-19 -O2 (yes, NO, or how it failed:"
  echo "  SIGn signal, RCn exit status, TIMEOUT, ASAN); same = fails as plain clang-19 -O0 does"
  echo "asan: escape-cc -O1 -fsanitize=address vs plain; same = fails as the plain ASan build does"
  echo "asan-plain: plain clang-19 -O1 -fsanitize=address vs plain clang-19 -O2"
  echo "heap calls: malloc-family calls incl. free, plain -> escape-cc -O2 (heapcount.c)"
  echo "peak RSS: plain clang-19 -O2 -> escape-cc -O2 (benchrun, wait4); ! = over twice plain's and"
  echo "  16 MiB above it (flagged, not an error)"
  echo "miss: kept on the heap without a '// keep:' note on its line"
} | tee -a "$table" >/dev/null
echo "run.sh: binaries, outputs and reports in $out" >&2
exit $status
