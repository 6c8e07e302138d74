// REQUIRES: plugin, runtime
// RUN: %clang -O2 -fexceptions -c %s -o %t.plain.o
// RUN: %clang -O2 -x c++ %S/Inputs/exception-catch.cc -x none %t.plain.o -lstdc++ -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -fexceptions -fplugin-arg-escape-arena=1 -fplugin-arg-escape-m=1 -c %s -o %t.esc.o 2>&1 | FileCheck %s
// RUN: %clang -O2 -x c++ %S/Inputs/exception-catch.cc -x none %t.esc.o %libdir/libescape-rt.a -lstdc++ -lpthread -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O0 -fexceptions -fplugin-arg-escape-arena=1 -c %s -o %t.esc0.o
// RUN: %clang -O0 -x c++ %S/Inputs/exception-catch.cc -x none %t.esc0.o %libdir/libescape-rt.a -lstdc++ -lpthread -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// C compiled with -fexceptions, a block in the frame arena freed by a
// cleanup handler, and a C++ callback that throws through the frame to a
// catch in C++ code the compiler did not build.  The unwinder runs the
// cleanup but not the frame's leave, and no outer frame leaves after: each
// exception left the frame's 16-byte record in the arena, 1.6 MB after
// 100,000 (plain code, whose cleanup frees the block, holds nothing).  The
// function entered again from the same call site at the same stack
// pointer now releases the old frame, and the arena keeps one record.
#include <stdlib.h>
#include <string.h>

int cleanups;

static void free_ptr(char **p) {
  cleanups++;
  free(*p);
}

// CHECK: exception-through-frame.c:[[@LINE+4]]:{{[0-9]+}}: remark: {{.*}}moved to the frame arena
size_t count_a(const char *s, void (*cb)(const char *)) {
  size_t n = strlen(s);
  __attribute__((cleanup(free_ptr)))
  char *buf = malloc(n + 1);
  memcpy(buf, s, n + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += buf[i] == 'a';
  cb(s);
  return k;
}
