// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 %s
// glibc lets a program register printf conversions of its own, %s
// included, whose handler receives the argument and may keep it.  In a
// file that registers any, no format is taken for one that only reads its
// arguments.
#include <printf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const void *kept;

static int keep_s(FILE *f, const struct printf_info *info, const void *const *args) { // expected-remark {{leaking param deep content: 'args'}}
  (void)info;
  kept = *(const void *const *)args[0];
  return fputs("[s]", f) < 0 ? -1 : 3;
}

static int arg_s(const struct printf_info *info, size_t n, int *types, int *size) {
  (void)info;
  if (n > 0) {
    types[0] = PA_POINTER;
    size[0] = sizeof(void *);
  }
  return 1;
}

void setup(void) { register_printf_specifier('s', keep_s, arg_s); }

int show(const char *name) { // expected-remark {{leaking param content: 'name'}}
  char *p = strdup(name); // expected-remark {{'p' escapes to heap}}
  char out[32];
  int n = snprintf(out, sizeof out, "%s", p);
  free(p);
  return n;
}
