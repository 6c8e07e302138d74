#!/usr/bin/env bash
# Real code: builds C projects from Debian source packages with
# CC=escape-cc and runs their own test suites, then counts the sites the
# reports show as promoted.
#
#   test/real/run.sh [PROJECT...]     (default: zlib bzip2 jansson libyaml)
#
# Also known (longer, not in the default set): lz4 zstd libtasn1-6 json-c
# libonig giflib xz-utils gzip lzo2 jimtcl libarchive.
#
# The tests run with ESCAPE_RT_ARENA_POISON=1: memory a frame releases is
# overwritten, so a use after its frame returned changes what the tests see.
#
# Environment: ESCAPE_BUILD (build tree, default ./build), ESCAPE_REAL_WORK
# (work folder, default test/real/work, git-ignored).  Needs deb-src entries:
# when none is configured, the script adds one by copying
# /etc/apt/sources.list.d/debian.sources with "Types: deb-src" (root only).
# Prints one line per project and "N passed, M failed"; exit status 1 when a
# project fails to build or fails its tests.
set -u

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${ESCAPE_BUILD:-$here/../../build}" && pwd)
work=${ESCAPE_REAL_WORK:-$here/work}
cc=$build/bin/escape-cc
[ -x "$cc" ] || { echo "real: error: '$cc' not found; build first" >&2; exit 2; }
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(zlib bzip2 jansson libyaml)
mkdir -p "$work"
work=$(cd "$work" && pwd)
# One run per work folder: another would delete the trees this one builds
# and tests in.  The builds inherit the lock, so a killed run whose `make
# check` still runs holds it too.
exec 9>"$work/.lock"
if ! flock -n 9; then
  echo "real: error: another run (or what is left of one) uses $work" >&2
  exit 2
fi

# enable_deb_src: makes `apt-get source` work on a stock Debian 12.
enable_deb_src() {
  if grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0
  fi
  [ "$(id -u)" = 0 ] || { echo "real: error: no deb-src entries and not root" >&2; return 1; }
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
    >/etc/apt/sources.list.d/debian-src.sources
  apt-get update -q >/dev/null
}

# fetch PKG: unpacks the source package once; prints its directory.
fetch() {
  local dir
  dir=$(find "$work/src/$1" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | head -1)
  if [ -z "$dir" ]; then
    mkdir -p "$work/src/$1"
    (cd "$work/src/$1" && apt-get source -q "$1" >"$work/src/$1.fetch.log" 2>&1) || return 1
    dir=$(find "$work/src/$1" -mindepth 1 -maxdepth 1 -type d | head -1)
  fi
  echo "$dir"
}

# Each build_PKG runs in a fresh copy of the source, with CC and the report
# directory exported, and returns non-zero when the build or a test fails.
build_zlib() {
  ./configure && make -j2 && make test
}
build_bzip2() {
  make -j2 CC="$CC" && make check CC="$CC"
}
build_jansson() {
  cmake -S . -B _b -G Ninja -DCMAKE_C_COMPILER="$CC" -DJANSSON_BUILD_DOCS=OFF &&
    cmake --build _b -j2 && (cd _b && ctest --output-on-failure)
}
build_libyaml() {
  cmake -S . -B _b -G Ninja -DCMAKE_C_COMPILER="$CC" -DBUILD_TESTING=ON &&
    cmake --build _b -j2 && (cd _b && ctest --output-on-failure)
}
# lz4: upstream's `make check` plus the frame, fuzzer, amalgamation and
# example tests (Debian runs the whole `make test`: 256 MB streams, 90 s
# fuzzers).
build_lz4() {
  make -j2 && make -C tests test-lz4-essentials test-frametest test-fuzzer \
      test-amalgamation test-decompress-partial FUZZER_TIME=-T15s &&
    make -C examples test
}
# zstd: `make check` (playTests.sh without the large-data tests, which
# trains dictionaries) plus the API fuzzers with short time limits.
build_zstd() {
  export CFLAGS=-O2
  make -j2 && make check &&
    make -C tests -j2 test-fuzzer test-zstream test-invalidDictionaries \
      test-legacy test-decodecorpus test-pool FUZZERTEST=-T15s \
      ZSTREAM_TESTTIME=-T15s DECODECORPUS_TESTTIME=-T10
}
build_libtasn1-6() {
  CFLAGS=-O2 ./configure && make -j2 && make -j2 check
}
# json-c: -Werror trips on clang-19's -Wstrict-prototypes in json-c 0.16.
build_json-c() {
  CFLAGS=-O2 cmake -S . -B _b -G Ninja -DCMAKE_C_COMPILER="$CC" \
      -DCMAKE_BUILD_TYPE=None -DDISABLE_WERROR=ON &&
    cmake --build _b -j2 && (cd _b && ctest --output-on-failure)
}
# libonig (oniguruma): the tarball has no configure; needs autoconf,
# automake and libtool.
build_libonig() {
  command -v autoreconf >/dev/null ||
    apt-get install -y -q autoconf automake libtool >/dev/null || return 1
  autoreconf -fi && CFLAGS=-O2 ./configure && make -j2 && make -j2 check
}
# giflib: `make all` also builds the HTML manual (needs xmlto), so the
# library and the utilities the tests run are named.
build_giflib() {
  make -j2 libgif.so libgif.a libutil.so libutil.a gif2rgb gifbuild giffix \
      giftext giftool gifclrmp gifbg gifcolor gifecho giffilter gifhisto \
      gifinto gifsponge gifwedge && make -C tests
}

# Autotools packages whose own `make check` is the test suite.
build_xz-utils() {
  ./configure && make -j2 && make -j2 check
}
# gzip: the copy's timestamps make the manual look stale; makeinfo may be
# missing, and the manual is not what is tested.
build_gzip() {
  ./configure && make -j2 MAKEINFO=true && make -j2 check MAKEINFO=true
}
# lzo2: `make check` and the more thorough `make test`.
build_lzo2() {
  ./configure && make -j2 && make check && make test
}
# jimtcl: the Tcl interpreter with UTF-8, math and IPv6 built in, and its
# 5,000-odd tests (nine frame-arena sites in its list and string code).
build_jimtcl() {
  ./configure --utf8 --math --ipv6 && make -j2 && make test
}
# libarchive: its four test programs (libarchive, bsdtar, bsdcpio, bsdcat)
# without the optional crypto and XML libraries.  Debian's patches touch
# Makefile.am, and the generated files of the tarball expect libtool
# 2.4.7: regenerated with Debian's autotools first.
build_libarchive() {
  command -v autoreconf >/dev/null ||
    apt-get install -y -q autoconf automake libtool >/dev/null || return 1
  autoreconf -fi && ./configure --without-openssl --without-xml2 --without-expat &&
    make -j2 && make -j2 check
}

# version_of PKG DIR: the version in the source directory's name
# (xz-utils-5.4.1 -> 5.4.1).
version_of() {
  local v
  v=$(basename "$2")
  case $v in
    "$1"-*) echo "${v#"$1"-}" ;;
    *) echo "$v" | sed 's/^[^-]*-//' ;;
  esac
}

# count_reports DIR: "sites promoted stack arena" over every report.
count_reports() {
  cat "$1"/*.yaml 2>/dev/null | awk '
    /^--- / { sites++; passed = ($2 == "!Passed") ; promoted += passed }
    /^Name: *HeapToStack/ { stack++ }
    /^Name: *HeapToArena/ { arena++ }
    END { printf "%d %d %d %d\n", sites, promoted, stack, arena }'
}

enable_deb_src || exit 2
passed=0
failed=0
summary=$work/summary.txt
: >"$summary"
for p in "${projects[@]}"; do
  if ! declare -f "build_$p" >/dev/null; then
    echo "real: error: unknown project '$p'" >&2; exit 2
  fi
  src=$(fetch "$p") || { echo "real: $p: apt-get source failed (see $work/src/$p.fetch.log)"; failed=$((failed + 1)); continue; }
  tree=$work/build/$p
  rm -rf "$tree" "$work/reports/$p"
  mkdir -p "$work/build" "$work/reports/$p"
  cp -a "$src" "$tree"
  start=$(date +%s)
  (cd "$tree" && export CC="$cc" ESCAPE_CC_REPORT_DIR="$work/reports/$p" \
      ESCAPE_RT_ARENA_POISON=1 && "build_$p") \
    >"$work/$p.log" 2>&1
  rc=$?
  read -r sites promoted stack arena < <(count_reports "$work/reports/$p")
  secs=$(( $(date +%s) - start ))
  if [ $rc = 0 ] && [ "$sites" -gt 0 ]; then
    verdict=passed; passed=$((passed + 1))
  elif [ $rc = 0 ]; then
    verdict="FAILED (no reports: escape-cc was not used)"; failed=$((failed + 1))
  else
    verdict="FAILED (see $work/$p.log)"; failed=$((failed + 1))
  fi
  line=$(printf '%-8s %-9s entries %5d  promoted %4d (stack %d, arena %d)  %ds  %s' \
    "$p" "$(version_of "$p" "$src")" "$sites" "$promoted" "$stack" "$arena" "$secs" "$verdict")
  echo "$line" | tee -a "$summary"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
