// RUN: rm -rf %t && mkdir -p %t
// RUN: cmake --install %bindir/.. --prefix %t/inst > %t/install.log
// RUN: %t/inst/bin/escape-cc -O2 %s -o %t/prog -fplugin-arg-escape-report=%t/report.yaml
// RUN: %t/prog | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=REPORT < %t/report.yaml
// RUN: env PKG_CONFIG_PATH=%t/inst/lib/pkgconfig pkg-config --libs escape | FileCheck %s --check-prefix=LIBS
// RUN: env PKG_CONFIG_PATH=%t/inst/lib/pkgconfig pkg-config --variable=escape_cc escape | FileCheck %s --check-prefix=CC
// RUN: sh -c '%clang -O2 %s -c -o %t/plain.o $(PKG_CONFIG_PATH=%t/inst/lib/pkgconfig pkg-config --variable=plugin_cflags --cflags escape)'
// RUN: %t/inst/bin/escape-c++ -### %t/plain.o -o %t/prog-cxx 2>&1 | FileCheck %s --check-prefix=CXX
// REQUIRES: escape-cc, runtime
// `cmake --install` lays out escape-cc, the plugin, the runtime and escape.pc
// so that the installed escape-cc works from any prefix and pkg-config
// points at the installed files.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *p = malloc(32); // REPORT: HeapToStack
  if (!p)
    return 1;
  strcpy(p, "installed");
  puts(p); // OUT: installed
  free(p);
  return 0;
}
// LIBS: {{.*}}/inst/lib/pkgconfig/../../lib/libescape-rt.a -lpthread
// CC: {{.*}}/inst/lib/pkgconfig/../../bin/escape-cc
// CXX: {{/inst/lib/libescape-rt.a}}
// CXX: {{"-lstdc\+\+"}}
