// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A store into a field of a global struct escapes.
#include "alloc.h"

struct config { char *name; int n; } cfg;
void set(void) {
  cfg.name = malloc(16); // expected-remark {{escapes to heap}}
}
