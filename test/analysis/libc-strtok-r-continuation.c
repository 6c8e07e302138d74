// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strtok_r(NULL, ...) returns a pointer into the string saved in *saveptr.
#include "alloc.h"

char *strtok_r(char *, const char *, char **);
char *last;
void second_token(void) {
  char *s = malloc(8); // expected-remark {{'s' escapes to heap}}
  strcpy(s, "a,b");
  char *save;
  strtok_r(s, ",", &save);
  last = strtok_r(NULL, ",", &save);
}
