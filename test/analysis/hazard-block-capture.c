// RUN: %escape -fsyntax-only -fblocks -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A block (-fblocks) may be copied to the heap (Block_copy) and run after
// the function that made it returned: the pointers it captures escape,
// and so does whatever is later stored into a variable it captures by
// reference (__block).  Blocks that capture no pointer change nothing.
#include "alloc.h"

typedef void (^work_t)(void);
void *_Block_copy(const void *);
work_t saved;

void by_copy(int i) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: captured by a block}}
  p[0] = (char)i;
  saved = (work_t)_Block_copy(^{ printf("%d\n", p[0]); });
}

void by_reference(int i) {
  __block char *q = 0;
  saved = (work_t)_Block_copy(^{ printf("%d\n", q[0]); });
  q = malloc(16); // expected-remark {{'q' escapes to heap}}
  q[0] = (char)i;
}

int numbers_only(int i) {
  char *t = malloc(16); // expected-remark {{allocation does not escape; would move to the frame arena}}
  t[0] = (char)i;
  int k = t[0];
  int (^twice)(void) = ^{ return 2 * k; };
  int r = twice();
  free(t);
  return r;
}

// A number holding a pointer's bytes, captured, takes them along.
void by_bytes(void) {
  char *p = malloc(16); // expected-remark {{escapes to heap}}
  unsigned long bits = 0;
  for (int k = 0; k < 8; k++)
    bits |= (unsigned long)((unsigned char *)&p)[k] << (8 * k);
  saved = (work_t)_Block_copy(^{ printf("%s\n", (char *)bits); });
}
