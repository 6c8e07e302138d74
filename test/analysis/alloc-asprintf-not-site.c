// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=hooked -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-stdio-hooks=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=own -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fno-builtin-asprintf -fno-builtin-strdup -I %inputs %s
// An asprintf is a site (alloc-asprintf.c) unless printf conversions are
// hooked (the arena's asprintf may print a long text twice, a measure and
// then the text, and a hook would run twice): then it is a call of the
// library's.  A strdup is not one where the program says the function is
// its own (-fno-builtin-strdup).  Clang keeps -fno-builtin-NAME only for
// the functions it knows, so -fno-builtin-asprintf says nothing.
#include "alloc.h"

void local(int i) {
  char *msg;
  if (asprintf(&msg, "item %d\n", i) < 0) // expected-remark {{allocation does not escape; would move to the frame arena}} own-remark {{allocation does not escape; would move to the frame arena}}
    return;
  puts(msg);
  free(msg);
}

size_t copied(const char *name) { // own-remark {{leaking param: 'name'}}
  char *c = strdup(name); // expected-remark {{allocation does not escape; would move to the frame arena}} hooked-remark {{allocation does not escape; would move to the frame arena}}
  size_t n = strlen(c);
  free(c);
  return n;
}
