// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc --version | FileCheck %s --check-prefix=VERSION
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -print-file-name=libc.so | FileCheck %s --check-prefix=PRINT
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc -v | FileCheck %s --check-prefix=V
// RUN: env ESCAPE_CC_CLANG=%t/clang %t/bin/escape-cc --help | FileCheck %s --check-prefix=HELP
// RUN: printf '#!/bin/sh\nexit 3\n' > %t/badclang && chmod +x %t/badclang
// RUN: env ESCAPE_CC_CLANG=%t/badclang not %t/bin/escape-cc --version | count 0
// REQUIRES: escape-cc
// Questions to the compiler go to clang unchanged, so configure scripts see
// clang's answers; --version and --help then add escape-cc's own lines
// (they were clang's alone, and the plugin's arguments and escape-cc's
// environment variables were written nowhere a user would look).  A clang
// that fails gets no lines added.

// VERSION:      {{^}}--version{{$}}
// VERSION-NEXT: {{^}}escape-cc {{[0-9]+\.[0-9]+\.[0-9]+}}: plugin {{.*}}escape-plugin.so, runtime {{.*}}libescape-rt.a{{$}}
// VERSION-EMPTY:
// HELP:      {{^}}--help{{$}}
// HELP:      ESCAPE-CC (escape
// HELP:      arena-cap=BYTES
// HELP:      solver-budget=N
// HELP:      stdio-hooks=0|1
// HELP:      ESCAPE_CC_REPORT_DIR
// PRINT:      {{^}}-print-file-name=libc.so{{$}}
// PRINT-EMPTY:
// V:      {{^}}-v{{$}}
// V-EMPTY:
