// REQUIRES: escape-cc
// RUN: %clang -O2 %s -lpthread -o %t.plain
// RUN: %t.plain abcdefghij > %t.plain.out
// RUN: %escape_cc -O2 -fplugin-arg-escape-m=1 %s -lpthread -o %t.esc 2> %t.remarks
// RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
// RUN: %t.esc abcdefghij > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O2 -c -fstack-usage %s -o %t.o
// RUN: FileCheck --check-prefix=FRAME %s < %t.su
// A helper whose block of a dynamic size takes a stack slot, inlined 160
// times into one function that runs on a 16 KiB thread stack.  Each copy's
// slot must share its bytes with the others: the inliner scopes each copy
// of the slot, as it does the helper's own locals.  Marked at the end of
// the pipeline, a copy's slot stayed live on the path of the helper's
// `if (!p) return -1;`, and the 160 slots took a 10,936-byte frame (776 in
// plain code) and overflowed the thread's stack.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h(const char *s, int k) {
  size_t n = strlen(s) + (size_t)(k & 15) + 1;
  char *p = malloc(n); // REMARK: [[#@LINE]]:13: remark: allocation does not escape; moved to the frame arena (the stack when at most 64 bytes)
  if (!p)
    return -1;
  memset(p, 'a' + (k & 15), n - 1);
  p[n - 1] = 0;
  int r = (int)strlen(p) ^ p[0];
  free(p);
  return r;
}

static const char *S;
#define C1(k) t += h(s, k);
#define C10(k) C1(k) C1(k + 1) C1(k + 2) C1(k + 3) C1(k + 4) C1(k + 5) C1(k + 6) C1(k + 7) C1(k + 8) C1(k + 9)
#define C40(k) C10(k) C10(k + 10) C10(k + 20) C10(k + 30)

// FRAME: :many{{[[:space:]]+[0-9]{1,3}[[:space:]]}}
static void *many(void *x) {
  const char *s = S;
  int t = 0;
  C40(0) C40(40) C40(80) C40(120)
  *(int *)x = t;
  return NULL;
}

int main(int argc, char **argv) {
  S = argc > 1 ? argv[1] : "abcdefghij";
  pthread_attr_t at;
  pthread_attr_init(&at);
  pthread_attr_setstacksize(&at, 16384);
  pthread_t th;
  int r = 0;
  pthread_create(&th, &at, many, &r);
  pthread_join(th, NULL);
  printf("%d\n", r);
  return 0;
}
