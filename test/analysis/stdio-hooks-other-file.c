// RUN: %escape -fsyntax-only -Xclang -verify=plain -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=hooks -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -fplugin-arg-escape-stdio-hooks=1 -I %inputs %s
// A printf conversion registered (register_printf_specifier, even for
// %s), or a custom stream made (fopencookie), in another file of the
// program runs program code from this file's printf, fwrite and fputs
// calls, which may keep their arguments.  The analysis sees only this
// file: it takes these calls for ones that keep nothing.  With
// -fplugin-arg-escape-stdio-hooks=1 every file is analysed as one that
// registers conversions and makes streams itself.
#include "alloc.h"

size_t fwrite(const void *, size_t, size_t, FILE *);
extern FILE *cookie_stream; // made with fopencookie in another file

void printed(void) {
  char *s = malloc(32); // plain-remark {{allocation does not escape; would move to the stack}} hooks-remark {{'s' escapes to heap: handed to the write function of a stream by 'printf'}}
  strcpy(s, "hello");
  printf("[%s]\n", s);
  free(s);
}

void written(void) {
  char *s = malloc(200); // plain-remark {{allocation does not escape; would move to the stack}} hooks-remark {{'s' escapes to heap: handed to the write function of a stream by 'fwrite'}}
  memset(s, 'x', 200);
  fwrite(s, 1, 200, cookie_stream);
  free(s);
}
