// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: touch %t/lib/escape-plugin.so %t/lib/libescape-rt.a %t/lib/libescape-rt-core.a
// RUN: printf '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n' > %t/clang
// RUN: chmod +x %t/clang
// RUN: env ESCAPE_CC_CLANG=%t/clang ESCAPE_CC_ARGS="-fplugin-arg-escape-transform=0 -O1" %t/bin/escape-cc -O2 -c %s | FileCheck %s --check-prefix=ARGS
// RUN: env ESCAPE_CC_CLANG=%t/clang ESCAPE_CC_ARGS="-fplugin-arg-escape-transform=0 -O1" %t/bin/escape-cc -E %s | FileCheck %s --check-prefix=NOPLUGIN
// RUN: env ESCAPE_CC_CLANG=%t/clang ESCAPE_CC_REPORT_DIR=%t/r %t/bin/escape-cc -c %s | FileCheck %s --check-prefix=REPORT
// RUN: not env ESCAPE_CC_CLANG=%t/none %t/bin/escape-cc -c %s 2>&1 | FileCheck %s --check-prefix=NOCLANG
// RUN: not env ESCAPE_CC_CLANG=%t/clang ESCAPE_CC_ARGS="'-O1" %t/bin/escape-cc -c %s 2>&1 | FileCheck %s --check-prefix=QUOTE
// REQUIRES: escape-cc
// ESCAPE_CC_ARGS comes after the user's arguments so it wins; plugin
// arguments in it are dropped when no plugin is loaded.  ESCAPE_CC_REPORT_DIR
// names one report per compile.  ESCAPE_CC_CLANG replaces clang.

// ARGS:      {{^}}-O2{{$}}
// ARGS:      {{^}}-fplugin-arg-escape-transform=0{{$}}
// ARGS-NEXT: {{^}}-O1{{$}}

// NOPLUGIN-NOT: -fplugin
// NOPLUGIN:     {{^}}-O1{{$}}

// REPORT: {{^}}-fplugin-arg-escape-report={{.*}}/r/escape-cc-env.c.{{[0-9]+}}.yaml{{$}}

// NOCLANG: escape-cc: error: cannot run clang '{{.*}}/none': No such file or directory
// QUOTE: escape-cc: error: ESCAPE_CC_ARGS has an unterminated quote
int main(void) { return 0; }
