// REQUIRES: escape-cc, runtime
// RUN: rm -rf %t && mkdir -p %t
// RUN: %bindir/escape-clang -O2 -fplugin-arg-escape-m=1 %s -o %t/prog 2> %t/remarks
// RUN: FileCheck %s --check-prefix=REMARK < %t/remarks
// RUN: %t/prog | FileCheck %s --check-prefix=OUT
// RUN: %bindir/escape-clang -O2 -c %s -o %t/prog.o
// RUN: %bindir/escape-clang++ -### %t/prog.o -o %t/prog-cxx 2>&1 | FileCheck %s --check-prefix=CXX
// RUN: cmake --install %bindir/.. --prefix %t/inst > %t/install.log
// RUN: %t/inst/bin/escape-clang -O2 %s -o %t/prog2
// RUN: %t/prog2 | FileCheck %s --check-prefix=OUT
// escape-clang and escape-clang++ are escape-cc and escape-c++ under names
// that contain "clang": a makefile that adds clang's flags when $(CC)
// contains "clang" (libtommath's) adds them for escape-clang too.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *p = malloc(32); // REMARK: [[@LINE]]:{{.*}}moved to the stack
  strcpy(p, "clang name");
  puts(p); // OUT: clang name
  free(p);
  return 0;
}
// CXX: {{/lib/libescape-rt.a}}
// CXX: {{"-lstdc\+\+"}}
