// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -E %s | FileCheck %s --check-prefix=PLAIN
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -M %s | FileCheck %s --check-prefix=PLAIN
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -c foo.S -o foo.o | FileCheck %s --check-prefix=PLAIN
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -MD -MF %t/a.d -MT a.o -c %s | FileCheck %s --check-prefix=DEPS
// REQUIRES: escape-cc
// Preprocessing (-E, -M) and assembling need no plugin; a compile that also
// writes dependencies (-MD -MF -MT, with their values) does.

// PLAIN-NOT: -fplugin
// PLAIN-NOT: libescape-rt

// DEPS:     -fplugin-arg-escape-arena=1
// DEPS:     {{^}}-MT{{$}}
// DEPS-NEXT: {{^}}a.o{{$}}
// DEPS-NOT: libescape-rt
int main(void) { return 0; }
