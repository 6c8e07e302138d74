// RUN: rm -rf %t && mkdir -p %t/bin %t/lib
// RUN: cp %escape_cc %t/bin/escape-cc
// RUN: not %t/bin/escape-cc -c %s -o %t/a.o 2>&1 | FileCheck %s --check-prefix=PLUGIN
// RUN: touch %t/lib/escape-plugin.so
// RUN: not %t/bin/escape-cc %t/a.o -o %t/a 2>&1 | FileCheck %s --check-prefix=RUNTIME
// RUN: mkdir -p %t/inst/bin %t/inst/lib/escape && mv %t/lib/escape-plugin.so %t/inst/lib/escape/
// RUN: touch %t/inst/lib/libescape-rt.a && cp %escape_cc %t/inst/bin/
// RUN: env ESCAPE_CC_CLANG=echo %t/inst/bin/escape-cc x.c %t/a.o -o %t/a | FileCheck %s --check-prefix=INSTALLED
// REQUIRES: escape-cc
// escape-cc finds the plugin and the runtime next to itself (../lib or
// ../lib/escape) and fails clearly when they are missing.

// PLUGIN: escape-cc: error: plugin 'escape-plugin.so' not found in {{.*}}/bin/../lib/escape or {{.*}}/bin/../lib
// RUNTIME: escape-cc: error: runtime library 'libescape-rt.a' not found in
// INSTALLED: -fplugin={{.*}}/inst/lib/escape/escape-plugin.so -fplugin-arg-escape-arena=1 x.c {{.*}}/a.o -o {{.*}}/a {{.*}}/inst/lib/libescape-rt.a -lpthread
