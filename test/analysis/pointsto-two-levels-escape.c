// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// If the root escapes, everything reachable from it escapes.
#include "alloc.h"

struct leaf { char *text; };
struct tree { struct leaf *left; };
struct tree *root;
void build(void) {
  struct tree *t = malloc(sizeof *t); // expected-remark {{'t' escapes to heap: assigned to global 'root'}}
  t->left = malloc(sizeof *t->left);  // expected-remark {{'t->left' escapes to heap}}
  t->left->text = malloc(8);          // expected-remark {{'t->left->text' escapes to heap}}
  root = t;
}
