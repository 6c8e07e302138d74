// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=arena -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 -I %inputs %s
// A function may recurse where this file's call graph does not show it: it
// reaches a call that may run code the graph does not show (an indirect
// call, a call into another file, a library callback that is not a function
// of this file) and it can be entered from such code (it, or a function
// reaching it, is visible to other files or has its address taken; 'main'
// is not taken to be called from other files).  Such a
// function's objects go to the frame arena, never the stack, so a recursion
// through another file or a table of handlers cannot overflow the stack.
#include "alloc.h"

void elsewhere(int depth);          // defined in another file
typedef void (*handler_fn)(int);
int qsort_cmp_calls;

// Visible to other files and calls into one: 'elsewhere' may call it back.
void visible_calls_out(int depth) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function may recurse through an indirect call or another file; the frame arena is off (-fplugin-arg-escape-arena=1)}} arena-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 1;
  elsewhere(depth + p[0]);
  free(p);
}

// File-local and reached from 'main' alone, which no other file calls:
// nothing outside can enter it, so the call out is no cycle through it.
static void local_calls_out(int depth) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}} arena-remark {{allocation does not escape; would move to the stack}}
  p[0] = 1;
  elsewhere(depth + p[0]);
  free(p);
}
int main(void) {
  local_calls_out(0);
  return 0;
}

// File-local but reached from a visible function that is on the hidden
// cycle's path: entry -> helper -> elsewhere -> entry.
static void helper(int depth) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function may recurse through an indirect call or another file; the frame arena is off (-fplugin-arg-escape-arena=1)}} arena-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = 1;
  elsewhere(depth + p[0]);
  free(p);
}
void entry(int depth) { helper(depth); }

// A table of handlers: 'dispatch' calls through it, and the handler, whose
// address is taken, calls 'dispatch'.
static void dispatch(int op, int depth);
static void on_add(int depth) {
  char *p = malloc(32); // expected-remark {{allocation does not escape; stays on the heap: function is recursive; the frame arena is off (-fplugin-arg-escape-arena=1)}} arena-remark {{allocation does not escape; would move to the frame arena}}
  p[0] = (char)depth;
  if (depth > 0)
    dispatch(0, depth - 1);
  free(p);
}
static const handler_fn table[] = {on_add};
static void dispatch(int op, int depth) { table[op](depth); }
void run(int depth) { dispatch(0, depth); }

// Library calls without callbacks, and qsort given a comparator of this
// file, run no hidden code.
static int cmp(const void *a, const void *b) {
  qsort_cmp_calls++;
  return *(const char *)a - *(const char *)b;
}
void visible_calls_library(void) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; would move to the stack}} arena-remark {{allocation does not escape; would move to the stack}}
  strcpy(p, "cba");
  qsort(p, strlen(p), 1, cmp);
  free(p);
}

// qsort given a comparator it cannot see runs hidden code.
char sorted[4] = "cba";
void visible_sorts_with(int (*by)(const void *, const void *)) {
  char *p = malloc(8); // expected-remark {{allocation does not escape; stays on the heap: function may recurse through an indirect call or another file; the frame arena is off (-fplugin-arg-escape-arena=1)}} arena-remark {{allocation does not escape; would move to the frame arena}}
  strcpy(p, "x");
  qsort(sorted, strlen(p) + 2, 1, by);
  free(p);
}
