// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// strtok keeps its string in hidden state: it escapes.
#include "alloc.h"

int count(void) {
  char *p = malloc(8); // expected-remark {{'p' escapes to heap: retained by 'strtok'}}
  strcpy(p, "a,b");
  int n = 0;
  for (char *t = strtok(p, ","); t; t = strtok(NULL, ","))
    n++;
  free(p);
  return n;
}
