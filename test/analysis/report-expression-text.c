// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Reports name a place by its source text: spread over lines it is put on
// one, and past 64 characters its middle is elided.  Such places used to
// be named 'expression'.
#include "alloc.h"

struct holder {
  int id;
  char *data;
};

void set(struct holder *h) {
  *(char **)((char *)h + __builtin_offsetof(struct holder, data) + 0 * sizeof(long)) = malloc(16); // expected-remark {{'*(char **)((char *)h + __built...der, data) + 0 * sizeof(long))' escapes to heap: stored into '*(char **)((char *)h + __built...der, data) + 0 * sizeof(long))'}}
}

void set_lines(struct holder *h) {
  h
      ->data = malloc(16); // expected-remark {{'h ->data' escapes to heap: stored into 'h ->data'}}
}
