// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// Pointers two levels deep in local objects do not escape.
#include "alloc.h"

struct leaf { char *text; };
struct tree { struct leaf *left; };
int use(void) {
  struct tree *t = malloc(sizeof *t);       // expected-remark {{allocation does not escape; would move to the stack}}
  t->left = malloc(sizeof *t->left);        // expected-remark {{allocation does not escape; would move to the stack}}
  t->left->text = malloc(8);                // expected-remark {{allocation does not escape; would move to the stack}}
  t->left->text[0] = 1;
  int r = t->left->text[0];
  free(t->left->text);
  free(t->left);
  free(t);
  return r;
}
