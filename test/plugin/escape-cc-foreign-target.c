// REQUIRES: escape-cc
// RUN: %escape_cc -### %s -o %t 2>&1 | FileCheck %s --check-prefix=HOST
// RUN: %escape_cc -### -m32 %s -o %t 2>&1 | FileCheck %s --check-prefix=FOREIGN
// RUN: %escape_cc -### --target=aarch64-linux-gnu %s -o %t 2>&1 | FileCheck %s --check-prefix=FOREIGN
// RUN: %escape_cc -### -target riscv64-linux-gnu %s -o %t 2>&1 | FileCheck %s --check-prefix=FOREIGN
// RUN: %escape_cc -### --target=x86_64-linux-gnu %s -o %t 2>&1 | FileCheck %s --check-prefix=HOST
// RUN: %escape_cc -### -m32 -m64 %s -o %t 2>&1 | FileCheck %s --check-prefix=HOST
// The runtime is built for x86_64 Linux: a link for another target (-m32,
// --target=aarch64-...) gets no runtime (the 64-bit archive failed the
// -m32 link), and the plugin leaves such code's allocations alone
// (test/rewriter/no-transform-not-libc.c).
// HOST: libescape-rt.a
// FOREIGN-NOT: libescape-rt
int main(void) { return 0; }
