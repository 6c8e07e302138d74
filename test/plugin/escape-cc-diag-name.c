// REQUIRES: escape-cc
// RUN: not %escape_cc -c %t.missing.c 2>&1 | FileCheck %s
// RUN: not %escape_cc -Wunused-command-line-argument -Werror -c %s -o %t.o -L/nonexistent 2>&1 | FileCheck %s --check-prefix=WARN
// clang's own diagnostics read as those of Debian's clang-19 command that
// a build without escape-cc runs ("clang: error: ..." before), so build
// logs and scripts that match them see the same text.
// CHECK: clang-19: error: no such file or directory: '{{.*}}missing.c'
// WARN: clang-19: error: argument unused during compilation: '-L/nonexistent'
int main(void) { return 0; }
