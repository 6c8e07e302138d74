#!/usr/bin/env bash
# bench.sh - what the escape analysis costs a compile: clang-19 with and
# without the escape plugin, in one run, on SQLite's amalgamation (built from
# Debian's sqlite3 source package) and on generated files of N functions.
#
# Usage: test/bench/analysis/bench.sh [-n REPEAT] [-b BUILD_DIR] [-w WORK_DIR]
#                                     [-s "SIZES"] [-o RESULTS] [-S] [-G]
#                                     [--smoke]
#   -n  timed runs per configuration, best one kept (default 3)
#   -b  build dir holding lib/escape-plugin.so (default: <repo>/build)
#   -w  work dir for sources, objects and reports
#       (default: BUILD_DIR/analysis-bench; keep it out of git)
#   -s  generated file sizes in functions (default: "1000 2000 5000 10000")
#   -O  optimization level of the generated files' object compiles
#       (default 0; the analysis runs before the optimizer, so -O2 adds only
#       optimizer time, which is the same with and without the plugin)
#   -o  results file (default: WORK_DIR/results.txt)
#   -S  skip SQLite          -G  skip the generated files
#   -I  count instructions instead of timing: valgrind's callgrind counts
#       the instructions executed inside the analysis (and, for SQLite, in
#       a plain -fsyntax-only compile); exact and repeatable, 50x slower
#   --smoke  N=200, one run, no SQLite: checks the harness, measures nothing
# Runs of the configurations alternate (A B C A B C ...) and the best CPU
# time (user + sys, from wait4) of each is kept: this machine is shared, and
# CPU time moves far less than wall time when others load it.  Wall time is
# printed too.  Every plugin run that writes a report is checked to hold one
# document per allocation site at least, so an empty run cannot pass.
# Exit status: 1 when a compile fails or a report is short; 0 otherwise (the
# 3% target and linearity are printed as met/MISSED, not enforced).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
repeat=3
build="$repo/build"
work=""
sizes="1000 2000 5000 10000"
genopt=0
results=""
do_sqlite=1
do_gen=1
smoke=0
count=0
cc=${CLANG:-clang-19}

usage() { sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

while (($#)); do
  case $1 in
    -n) repeat=$2; shift 2 ;;
    -b) build=$2; shift 2 ;;
    -w) work=$2; shift 2 ;;
    -s) sizes=$2; shift 2 ;;
    -O) genopt=$2; shift 2 ;;
    -o) results=$2; shift 2 ;;
    -S) do_sqlite=0; shift ;;
    -G) do_gen=0; shift ;;
    -I) count=1; shift ;;
    --smoke) smoke=1; shift ;;
    *) usage ;;
  esac
done
if ((smoke)); then
  repeat=1 sizes=200 do_sqlite=0 do_gen=1
fi

build=$(cd "$build" 2>/dev/null && pwd || echo "$build")
plugin="$build/lib/escape-plugin.so"
if [[ ! -f $plugin ]]; then
  echo "bench.sh: error: $plugin not found: build the escape-plugin target first" >&2
  exit 1
fi
work=${work:-$build/analysis-bench}
mkdir -p "$work/bin" "$work/gen" "$work/tmp"
work=$(cd "$work" && pwd)
results=${results:-$work/results.txt}
: >"$results"

say() { echo "$*" | tee -a "$results"; }

# --- helpers -----------------------------------------------------------------
"$cc" -std=c11 -O2 -Wall -Wextra -o "$work/bin/cputime" "$here/cputime.c"
"$cc" -std=c11 -O2 -Wall -Wextra -o "$work/bin/gen-functions" "$here/gen-functions.c"

failed=0

# timed NAME LOG CMD...: runs CMD once under cputime, appending its figures
# to $work/tmp/NAME.times; on failure prints the log and marks the run bad.
timed() {
  local name=$1 log=$2
  shift 2
  if ! "$work/bin/cputime" "$work/tmp/$name.times" "$@" >"$log" 2>&1; then
    echo "bench.sh: error: '$name' failed: $*" >&2
    tail -20 "$log" >&2
    failed=1
    return 1
  fi
}

# best NAME FIELD: the smallest FIELD (cpu or wall) over NAME's runs.
best() {
  sed -n "s/.*\\b$2=\\([0-9.]*\\).*/\\1/p" "$work/tmp/$1.times" | sort -g | head -1
}

# ratio A B: A / B with three decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

# check_report FILE MIN: sets docs to the number of YAML documents in FILE
# and fails the run when there are fewer than MIN.
check_report() {
  docs=$(grep -c '^--- !' "$1" 2>/dev/null || true)
  docs=${docs:-0}
  if ((docs < $2)); then
    echo "bench.sh: error: $1 holds $docs documents, expected at least $2" >&2
    failed=1
  fi
}

plug=(-fplugin="$plugin")

say "# escape analysis cost, $(date -u +%Y-%m-%dT%H:%MZ)"
say "# machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "# compiler: $("$cc" --version | head -1)"
say "# plugin: $plugin, built $(date -u -r "$plugin" +%Y-%m-%dT%H:%MZ); source tree at $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
((count)) || say "# best of $repeat alternating runs; cpu = user+sys seconds (wait4)"

# --- generated files: linear growth ----------------------------------------
run_generated() {
  local n src configs rep c
  say ""
  say "## generated files (gen-functions N): analysis cost per function"
  for n in $sizes; do
    src="$work/gen/f$n.c"
    "$work/bin/gen-functions" "$n" >"$src"
    rm -f "$work"/tmp/gen$n-*.times
    configs="syn-plain syn-escape obj-plain obj-escape"
    for ((rep = 1; rep <= repeat; rep++)); do
      for c in $configs; do
        case $c in
          syn-plain)  timed gen$n-$c "$work/tmp/gen$n-$c.log" \
                        "$cc" -fsyntax-only "$src" ;;
          syn-escape) rm -f "$work/gen/f$n.yaml"
                      timed gen$n-$c "$work/tmp/gen$n-$c.log" \
                        "$cc" -fsyntax-only "${plug[@]}" \
                        -fplugin-arg-escape-report="$work/gen/f$n.yaml" "$src" ;;
          obj-plain)  timed gen$n-$c "$work/tmp/gen$n-$c.log" \
                        "$cc" -O"$genopt" -c "$src" -o "$work/tmp/gen.o" ;;
          obj-escape) timed gen$n-$c "$work/tmp/gen$n-$c.log" \
                        "$cc" -O"$genopt" -c "${plug[@]}" -fplugin-arg-escape-transform=0 \
                        "$src" -o "$work/tmp/gen.o" ;;
        esac || true
      done
    done
  done
  ((failed)) && return 0

  say ""
  say "| N | report docs | -fsyntax-only plain | + escape | added per function | -O$genopt -c plain | + escape (transform=0) | ratio | added per function |"
  say "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  local first_pf="" last_pf="" first_n="" last_n="" prev_n="" prev_add=""
  local marg_lo="" marg_hi=""
  for n in $sizes; do
    local docs sp se op oe add_s add_o pf_s pf_o
    check_report "$work/gen/f$n.yaml" "$n"
    sp=$(best gen$n-syn-plain cpu); se=$(best gen$n-syn-escape cpu)
    op=$(best gen$n-obj-plain cpu);  oe=$(best gen$n-obj-escape cpu)
    add_s=$(awk -v a="$se" -v b="$sp" 'BEGIN { printf "%.3f", a - b }')
    add_o=$(awk -v a="$oe" -v b="$op" 'BEGIN { printf "%.3f", a - b }')
    pf_s=$(awk -v d="$add_s" -v n="$n" 'BEGIN { printf "%.1f", d * 1e6 / n }')
    pf_o=$(awk -v d="$add_o" -v n="$n" 'BEGIN { printf "%.1f", d * 1e6 / n }')
    say "| $n | $docs | ${sp}s | ${se}s | ${pf_s} us | ${op}s | ${oe}s | $(ratio "$oe" "$op") | ${pf_o} us |"
    [[ -z $first_pf ]] && first_pf=$pf_s first_n=$n
    last_pf=$pf_s last_n=$n
    if [[ -n $prev_n ]]; then
      local m
      m=$(awk -v a="$add_s" -v b="$prev_add" -v n="$n" -v p="$prev_n" \
            'BEGIN { printf "%.1f", (a - b) * 1e6 / (n - p) }')
      [[ -z $marg_lo ]] && marg_lo=$m
      marg_hi=$m
    fi
    prev_n=$n prev_add=$add_s
  done
  say ""
  say "added = (plugin - plain) CPU seconds; per function = added / N (microseconds)."
  if [[ $first_n != "$last_n" ]]; then
    local growth verdict
    growth=$(ratio "$last_pf" "$first_pf")
    verdict=$(awk -v g="$growth" 'BEGIN { print (g <= 1.5 ? "met" : "MISSED") }')
    say "linearity (-fsyntax-only): per-function cost at N=$last_n / at N=$first_n = $growth (target <= 1.5: $verdict)"
    say "marginal cost per added function: ${marg_lo} us (first step), ${marg_hi} us (last step)"
  fi
}

# --- instruction counts (callgrind) ----------------------------------------
# instructions NAME ONLY CMD...: sets ir to the instructions CMD executes,
# counted by callgrind; ONLY, when not empty, is the function whose
# instructions (with its callees') are counted, else all are.
instructions() {
  local name=$1 only=$2 log="$work/tmp/$1.callgrind.log"
  shift 2
  local opts=(--tool=callgrind --callgrind-out-file="$work/tmp/$name.callgrind")
  [[ -n $only ]] && opts+=(--collect-atstart=no "--toggle-collect=$only")
  ir=0
  if ! valgrind "${opts[@]}" "$@" >"$log" 2>&1; then
    echo "bench.sh: error: '$name' failed under valgrind: $*" >&2
    tail -20 "$log" >&2
    failed=1
    return 0
  fi
  ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log" | tail -1)
  ir=${ir:-0}
}

analysis_fn='escape::analysis::analyzeTranslationUnit*'

count_generated() {
  local n src first=""
  command -v valgrind >/dev/null || { echo "bench.sh: error: -I needs valgrind" >&2; exit 1; }
  say ""
  say "## generated files: instructions executed by the analysis (callgrind)"
  say ""
  say "| N | report docs | analysis instructions | per function | per function vs N=${sizes%% *} |"
  say "|---:|---:|---:|---:|---:|"
  for n in $sizes; do
    src="$work/gen/f$n.c"
    "$work/bin/gen-functions" "$n" >"$src"
    rm -f "$work/gen/f$n.yaml"
    instructions gen$n "$analysis_fn" "$cc" -fsyntax-only "${plug[@]}" \
      -fplugin-arg-escape-report="$work/gen/f$n.yaml" "$src"
    check_report "$work/gen/f$n.yaml" "$n"
    local pf
    pf=$((ir / n))
    first=${first:-$pf}
    say "| $n | $docs | $ir | $pf | $(ratio "$pf" "$first") |"
  done
  say ""
  say "linear growth: the last column stays near 1.000 (target <= 1.5: $(awk -v a="$pf" -v b="$first" 'BEGIN { print (a <= 1.5 * b ? "met" : "MISSED") }'))"
}

count_sqlite() {
  local dir="$work/sqlite" src a p
  fetch_sqlite
  src="$dir/sqlite3.c"
  rm -f "$dir/sqlite3.yaml"
  instructions sqlite-analysis "$analysis_fn" "$cc" -fsyntax-only "${plug[@]}" \
    -fplugin-arg-escape-report="$dir/sqlite3.yaml" "$src"
  a=$ir
  check_report "$dir/sqlite3.yaml" 50
  instructions sqlite-syntax "" "$cc" -fsyntax-only "$src"
  p=$ir
  say ""
  say "## SQLite amalgamation: instructions (callgrind)"
  say ""
  say "| what | instructions |"
  say "|---|---:|"
  say "| plain clang-19 -fsyntax-only sqlite3.c (whole process) | $p |"
  say "| the analysis (analyzeTranslationUnit, $docs report documents) | $a |"
  say ""
  say "analysis / plain front end = $(ratio "$a" "$p")"
}

# --- SQLite ------------------------------------------------------------------
# fetch_sqlite: $work/sqlite/sqlite3.c from Debian's sqlite3 source package.
fetch_sqlite() {
  local dir="$work/sqlite" src
  if [[ -f $dir/sqlite3.c ]]; then
    return 0
  fi
  mkdir -p "$dir"
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ &&
     ! grep -qs '^deb-src' /etc/apt/sources.list; then
    echo "bench.sh: enabling deb-src in /etc/apt/sources.list.d/debian-src.sources" >&2
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      >/etc/apt/sources.list.d/debian-src.sources
    apt-get update -q >&2
  fi
  (cd "$dir" && apt-get source --download-only sqlite3 >&2)
  rm -rf "$dir/src"
  (cd "$dir" && dpkg-source -x ./sqlite3_*.dsc src >&2)
  src="$dir/src"
  if [[ ! -f $src/sqlite3.c ]]; then
    # The Debian source is SQLite's full tree: generate the amalgamation
    # (tool/mksqlite3c.tcl, hence tclsh from the 'tcl' package).
    (cd "$src" && ./configure --disable-tcl >"$dir/configure.log" 2>&1 &&
       make sqlite3.c >"$dir/make.log" 2>&1) || {
      echo "bench.sh: error: generating sqlite3.c failed; see $dir/make.log" >&2
      return 1
    }
  fi
  cp "$src/sqlite3.c" "$src/sqlite3.h" "$dir/"
}

run_sqlite() {
  local dir="$work/sqlite" src c rep configs
  fetch_sqlite
  src="$dir/sqlite3.c"
  rm -f "$work"/tmp/sqlite-*.times
  configs="plain escape-t0 escape-t1 plain-loc syn-plain syn-escape"
  for ((rep = 1; rep <= repeat; rep++)); do
    for c in $configs; do
      case $c in
        plain)      timed sqlite-$c "$work/tmp/sqlite-$c.log" \
                      "$cc" -O2 -c "$src" -o "$work/tmp/sqlite3.o" ;;
        escape-t0)  timed sqlite-$c "$work/tmp/sqlite-$c.log" \
                      "$cc" -O2 -c "${plug[@]}" -fplugin-arg-escape-transform=0 \
                      "$src" -o "$work/tmp/sqlite3.o" ;;
        escape-t1)  timed sqlite-$c "$work/tmp/sqlite-$c.log" \
                      "$cc" -O2 -c "${plug[@]}" -fplugin-arg-escape-transform=1 \
                      "$src" -o "$work/tmp/sqlite3.o" ;;
        plain-loc)  timed sqlite-$c "$work/tmp/sqlite-$c.log" \
                      "$cc" -O2 -c -Rpass='^escape-matches-no-pass$' \
                      "$src" -o "$work/tmp/sqlite3.o" ;;
        syn-plain)  timed sqlite-$c "$work/tmp/sqlite-$c.log" \
                      "$cc" -fsyntax-only "$src" ;;
        syn-escape) rm -f "$dir/sqlite3.yaml"
                    timed sqlite-$c "$work/tmp/sqlite-$c.log" \
                      "$cc" -fsyntax-only "${plug[@]}" \
                      -fplugin-arg-escape-report="$dir/sqlite3.yaml" "$src" ;;
      esac || true
    done
  done
  ((failed)) && return 0

  local lines docs p t0 t1 sp se
  lines=$(wc -l <"$src")
  check_report "$dir/sqlite3.yaml" 50
  p=$(best sqlite-plain cpu); t0=$(best sqlite-escape-t0 cpu); t1=$(best sqlite-escape-t1 cpu)
  sp=$(best sqlite-syn-plain cpu); se=$(best sqlite-syn-escape cpu)
  say ""
  say "## SQLite amalgamation ($lines lines, $docs report documents)"
  say ""
  say "| compile | cpu (best) | wall (best) | ratio (cpu) | target |"
  say "|---|---:|---:|---:|---|"
  say "| clang-19 -O2 -c | ${p}s | $(best sqlite-plain wall)s | 1.000 | |"
  local r0 r1 v0
  r0=$(ratio "$t0" "$p"); r1=$(ratio "$t1" "$p")
  v0=$(awk -v r="$r0" 'BEGIN { print (r <= 1.03 ? "<= 1.03 met" : "<= 1.03 MISSED") }')
  say "| + escape, transform=0 | ${t0}s | $(best sqlite-escape-t0 wall)s | $r0 | $v0 |"
  say "| + escape, transform=1 | ${t1}s | $(best sqlite-escape-t1 wall)s | $r1 | (report) |"
  local pl
  pl=$(best sqlite-plain-loc cpu)
  say "| clang-19 -O2 -c -Rpass=<none> (location tracking, as transform=1 turns on) | ${pl}s | $(best sqlite-plain-loc wall)s | $(ratio "$pl" "$p") | (report) |"
  say "| clang-19 -fsyntax-only | ${sp}s | $(best sqlite-syn-plain wall)s | 1.000 | |"
  say "| + escape (analysis + report) | ${se}s | $(best sqlite-syn-escape wall)s | $(ratio "$se" "$sp") | |"
  say ""
  say "analysis alone: $(awk -v a="$se" -v b="$sp" 'BEGIN { printf "%.3f", a - b }')s of CPU, $(awk -v a="$se" -v b="$sp" -v p="$p" 'BEGIN { printf "%.1f", (a - b) * 100 / p }')% of the plain -O2 compile"
}

if ((count)); then
  ((do_gen)) && count_generated
  ((do_sqlite)) && count_sqlite
else
  ((do_gen)) && run_generated
  ((do_sqlite)) && run_sqlite
fi
say ""
say "results: $results"
exit $failed
