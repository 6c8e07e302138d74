#!/usr/bin/env bash
# bench.sh - run the allocator workloads against glibc, mimalloc, jemalloc,
# tcmalloc and the escape runtime in one run and print time, peak RSS and
# ratios.  Each workload is built with `cc -O2`; each allocator is loaded with
# LD_PRELOAD (glibc: none).  Every (workload, allocator) pair runs REPEAT
# times, allocators interleaved within a repetition; the table shows the best
# wall and CPU time and the largest peak RSS seen.
#
# Usage: runtime/bench/bench.sh [-n REPEAT] [-w "WORKLOADS"] [-a "ALLOCATORS"]
#                               [-b BUILD_DIR] [-o RESULTS_FILE] [-q]
#   -n  repetitions per pair (default 3)
#   -w  workloads (default: churn mixed prodcons realloc larson threads burst)
#   -a  allocators (default: glibc mimalloc jemalloc tcmalloc escape)
#   -b  build dir holding lib/libescape-rt.so (default: <repo>/build);
#       ESCAPE_RT_LIB=/path/libescape-rt.so overrides the library path
#   -o  results file (default: BUILD_DIR/runtime-bench/results.txt)
#   -q  quick: small inputs, one repetition (a smoke test, not a measurement)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
repeat=3
workloads="churn mixed prodcons realloc larson threads burst"
allocators="glibc mimalloc jemalloc tcmalloc escape"
build="$repo/build"
results=""
quick=0

while getopts "n:w:a:b:o:qh" opt; do
  case $opt in
    n) repeat=$OPTARG ;;
    w) workloads=$OPTARG ;;
    a) allocators=$OPTARG ;;
    b) build=$OPTARG ;;
    o) results=$OPTARG ;;
    q) quick=1; repeat=1 ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
build=$(cd "$build" 2>/dev/null && pwd || echo "$build")
out="$build/runtime-bench"
mkdir -p "$out"
# The copies each repetition runs (below) go when the script ends, however.
trap 'rm -f "$out"/run.*' EXIT
results=${results:-$out/results.txt}

# Arguments per workload: the default scale, and a quick one for smoke tests.
args_for() {
  if ((quick)); then
    case $1 in
      churn) echo 200000 ;; mixed) echo 50000 ;; prodcons) echo 50000 ;;
      realloc) echo 4 ;; larson) echo "4 20000" ;; threads) echo "100000 4" ;;
      burst) echo "16 300 4" ;; scratch) echo "4194304 20" ;; bigblocks) echo "2000 16" ;; rounds) echo "10000 5" ;;
      trees) echo 10 ;; xmalloc) echo "20000 2" ;; scratchshare) echo "2000 100 2" ;; large) echo "20 4" ;; strsort) echo "20000 1" ;; thrash) echo "2000 100 2" ;; builders) echo 100000 ;; threadpool) echo "100000 4" ;; bigvary) echo "50 2000" ;; resize) echo 20000 ;; filebufs) echo "2000 1" ;; appends) echo "100000 2000" ;;
    esac
  fi
}

libdir=/usr/lib/x86_64-linux-gnu
preload_for() {
  case $1 in
    glibc) echo "" ;;
    mimalloc) echo "$libdir/libmimalloc.so.2" ;;
    jemalloc) echo "$libdir/libjemalloc.so.2" ;;
    tcmalloc) echo "$libdir/libtcmalloc_minimal.so.4" ;;
    escape) echo "${ESCAPE_RT_LIB:-$build/lib/libescape-rt.so}" ;;
    *) echo "bench.sh: error: unknown allocator '$1'" >&2; exit 2 ;;
  esac
}

# The escape runtime comes from the project's CMake build; build it when the
# build dir is configured and the library is missing.
if [[ " $allocators " == *" escape "* && -z ${ESCAPE_RT_LIB:-} &&
      ! -f $build/lib/libescape-rt.so && -f $build/build.ninja ]]; then
  cmake --build "$build" --target escape-rt-shared -j2 >&2 || true
fi
active=""
for a in $allocators; do
  lib=$(preload_for "$a")
  if [[ -n $lib && ! -f $lib ]]; then
    echo "bench.sh: note: skipping '$a': $lib not found" >&2
    continue
  fi
  active="$active $a"
done

CC=${CC:-cc}
"$CC" -O2 -o "$out/benchrun" "$here/benchrun.c"
"$CC" -O2 -pthread -o "$out/corelat" "$here/corelat.c"
# The multi-thread workloads' figures depend on how long a cache line takes
# between two CPUs, which on a virtual machine changes with the time of day.
corelat_before=$("$out/corelat")
for w in $workloads; do
  [[ -f $here/$w/$w.c ]] || { echo "bench.sh: error: unknown workload '$w'" >&2; exit 2; }
  "$CC" -O2 -pthread -I"$here/common" -o "$out/$w" "$here/$w/$w.c"
done

raw="$out/raw.txt"
: >"$raw"
for w in $workloads; do
  for ((r = 1; r <= repeat; r++)); do
    # Each repetition runs a copy of its own of the workload and of every
    # preloaded library, as test/bench/bench.sh runs copies of its
    # binaries: a file's pages stay where the kernel first put them, so one
    # file per allocator fixed where its code ran for the whole run (and
    # for later runs), a bias of a few percent that more repetitions did
    # not average out.  A copy per repetition draws new pages each time.
    # glibc's malloc is in the C library every run loads; it is not copied.
    cp "$out/$w" "$out/run.$w.$r"
    for a in $active; do
      lib=$(preload_for "$a")
      env=()
      if [[ -n $lib ]]; then
        cp "$lib" "$out/run.$a.$r.so"
        env=(-e "LD_PRELOAD=$out/run.$a.$r.so")
      fi
      : >"$out/one.txt"
      # shellcheck disable=SC2046
      if ! "$out/benchrun" -o "$out/one.txt" "${env[@]}" -- "$out/run.$w.$r" $(args_for "$w") \
           >"$out/$w.$a.out" 2>"$out/$w.$a.err"; then
        echo "bench.sh: error: $w under $a failed:" >&2
        cat "$out/$w.$a.err" >&2
        exit 1
      fi
      echo "$w $a $r $(cat "$out/one.txt") $(cat "$out/$w.$a.out")" >>"$raw"
    done
    rm -f "$out"/run.*
    # Every allocator must compute the same result (burst prints RSS instead).
    if [[ $w != burst ]]; then
      first=""
      for a in $active; do
        if [[ -z $first ]]; then first=$a
        elif ! cmp -s "$out/$w.$first.out" "$out/$w.$a.out"; then
          echo "bench.sh: error: $w prints different output under $first and $a" >&2
          exit 1
        fi
      done
    fi
  done
done

{
  echo "# runtime/bench/bench.sh -n $repeat$( ((quick)) && echo ' -q')   $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "# $(uname -srm), $(nproc) cores, $(cc --version | head -1)"
  echo "# cross-CPU cache line round trip (runtime/bench/corelat.c): $corelat_before ns before the workloads, $("$out/corelat") ns after"
  echo "# wall_s, cpu_s (user+sys): best of $repeat; rss: largest peak RSS (ru_maxrss); x_mi, x_gl: ratio to mimalloc, glibc (lower is better)"
  awk -v order="$active" '
    function kv(s, k,   i, n, f) {
      n = split(s, f, " ")
      for (i = 1; i <= n; i++) if (index(f[i], k "=") == 1) return substr(f[i], length(k) + 2)
      return ""
    }
    function ratio(a, b) { return b ? sprintf("%.2f", a / b) : "-" }
    {
      key = $1 SUBSEP $2
      t = kv($0, "wall_s") + 0; c = kv($0, "cpu_s") + 0; m = kv($0, "maxrss_kb") + 0
      if (!(key in best) || t < best[key]) best[key] = t
      if (!(key in cpu) || c < cpu[key]) cpu[key] = c
      if (m > rss[key]) rss[key] = m
      if ($1 == "burst") {
        b = kv($0, "rss_before_kb"); p = kv($0, "rss_peak_kb"); a = kv($0, "rss_after_kb")
        if (!(key in aft) || a + 0 > aft[key] + 0) { bef[key] = b; pk[key] = p; aft[key] = a }
      }
      if (!($1 in seen)) { seen[$1] = 1; wl[++nw] = $1 }
    }
    END {
      na = split(order, al, " ")
      for (i = 1; i <= nw; i++) {
        w = wl[i]
        printf "\n%-9s %-9s %7s %5s %5s %7s %5s %5s %8s %5s %5s", w, "allocator", "wall_s", "x_mi", "x_gl",
          "cpu_s", "x_mi", "x_gl", "rss_MiB", "x_gl", "x_mi"
        if (w == "burst") printf " %7s %7s %7s %7s", "before", "peak", "after", "aft/bef"
        printf "\n"
        mi = w SUBSEP "mimalloc"; gl = w SUBSEP "glibc"
        for (j = 1; j <= na; j++) {
          k = w SUBSEP al[j]
          if (!(k in best)) continue
          printf "%-9s %-9s %7.3f %5s %5s %7.3f %5s %5s %8.1f %5s %5s", "", al[j],
            best[k], ratio(best[k], best[mi]), ratio(best[k], best[gl]),
            cpu[k], ratio(cpu[k], cpu[mi]), ratio(cpu[k], cpu[gl]),
            rss[k] / 1024, ratio(rss[k], rss[gl]), ratio(rss[k], rss[mi])
          if (w == "burst")
            printf " %7.1f %7.1f %7.1f %7.2f", bef[k] / 1024, pk[k] / 1024, aft[k] / 1024, bef[k] ? aft[k] / bef[k] : 0
          printf "\n"
        }
      }
    }' "$raw"
} | tee "$results"
echo "bench.sh: results written to $results" >&2
