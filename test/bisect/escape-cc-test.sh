#!/bin/sh
# End-to-end test of escape-bisect with escape-cc: the test command "breaks"
# when the 72-byte malloc of Inputs/eight-sites.c is moved (it requires that
# call in the IR), and escape-bisect must name exactly that line.
#   escape-cc-test.sh BUILD-DIR
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: escape-cc-test.sh BUILD-DIR}
src=$here/Inputs/eight-sites.c
line=$(grep -n 'malloc(72)' "$src" | cut -d: -f1)
work=$(mktemp -d "${TMPDIR:-/tmp}/escape-bisect-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat >"$work/test-cmd" <<EOS
#!/bin/sh
"$build/bin/escape-cc" -O0 -S -emit-llvm "$src" -o "$work/out.ll" || exit 3
grep -q 'call.*@malloc(i64 noundef 72)' "$work/out.ll"
EOS
chmod +x "$work/test-cmd"
out=$("$here/escape-bisect" "$work/test-cmd" 2>&1)
rc=$?
printf '%s\n' "$out"
[ "$rc" = 0 ] || { echo "FAIL: escape-bisect exit status $rc"; exit 1; }
printf '%s\n' "$out" | grep -q "caused by the 'malloc' at [^ ]*eight-sites.c:$line:" ||
  { echo "FAIL: the site at line $line was not named"; exit 1; }
echo "ok: line $line found"
