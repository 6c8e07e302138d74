// REQUIRES: escape-cc
// RUN: %escape_cc -O2 -shared -fPIC %s -o %t.so
// RUN: nm -D --defined-only %t.so | FileCheck %s
// RUN: %escape_cc -O2 -fPIC -c %s -o %t.o -fplugin-arg-escape-m=1 2>&1 | FileCheck %s --check-prefix=REMARK
// A shared library built with escape-cc exports its own functions only: the
// runtime it carries stays inside (its 39 esc_* functions were exported, new
// interfaces to a symbols file or an ABI check).
// REMARK: moved to the frame arena
// CHECK: T count_letters
// CHECK-NOT: esc_
#include <stdlib.h>
#include <string.h>

int count_letters(const char *s, char c) {
  size_t n = strlen(s);
  char *copy = malloc(n + 1); // dynamic size: the frame arena
  memcpy(copy, s, n + 1);
  int k = 0;
  for (size_t i = 0; i < n; i++) k += copy[i] == c;
  free(copy);
  return k;
}
