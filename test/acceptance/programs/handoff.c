// Ownership handed between two files (handoff.lib.c): blocks this file
// allocates and the other frees or keeps, blocks the other file allocates
// and this one frees, a release function fetched from the other file, and
// an exported helper of this file that both files call.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// handoff.lib.c
void sink_consume(char *p);
void sink_hold(int *p);
int sink_drain(void);
char *lib_make(const char *s);
char *lib_replace(char *old, const char *s);
void (*lib_releaser(void))(void *);
int lib_use_fill(void);

// Called from both files: writes a label into a caller's buffer.
int fill_label(char *buf, size_t n, int k) { return snprintf(buf, n, "label-%d", k); }

static int consume_some(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    char *p = malloc(32);  // keep: freed by another file
    s += fill_label(p, 32, i);
    sink_consume(p);
  }
  return s;
}

static int hold_some(int n) {
  for (int i = 0; i < n; i++) {
    int *v = malloc(sizeof(int) * 2);  // keep: kept by another file
    v[0] = i;
    v[1] = i * i;
    sink_hold(v);
  }
  return sink_drain();
}

static int local_fill(int k) {
  char *b = malloc(24);
  int r = fill_label(b, 24, k);
  r += b[0];
  free(b);
  return r;
}

static int released_indirectly(int k) {
  void (*rel)(void *) = lib_releaser();
  char *p = malloc(16);  // keep: passed to an indirect call
  snprintf(p, 16, "r%d", k);
  int r = (int)strlen(p);
  rel(p);
  return r;
}

int main(void) {
  printf("consume %d\n", consume_some(10));
  printf("hold %d\n", hold_some(12));
  char *s = lib_make("made in the other file");
  printf("made %s\n", s);
  s = lib_replace(s, "replaced there");
  printf("replaced %s\n", s);
  free(s);
  int t = 0;
  for (int i = 0; i < 5; i++) t += local_fill(i);
  printf("local_fill %d\n", t);
  printf("released %d\n", released_indirectly(77));
  printf("lib_use_fill %d\n", lib_use_fill());
  return 0;
}
