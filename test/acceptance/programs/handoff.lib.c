// The other file of handoff.c: frees, keeps, makes and replaces blocks.
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>

int fill_label(char *buf, size_t n, int k);

static int *held[32];
static int nheld;

void sink_consume(char *p) { free(p); }

void sink_hold(int *p) { if (nheld < 32) held[nheld++] = p; else free(p); }

int sink_drain(void) {
  int s = 0;
  for (int i = 0; i < nheld; i++) { s += held[i][0] + held[i][1]; free(held[i]); }
  nheld = 0;
  return s;
}

char *lib_make(const char *s) { return strdup(s); }

char *lib_replace(char *old, const char *s) {
  free(old);
  return strdup(s);
}

static void release(void *p) { free(p); }
void (*lib_releaser(void))(void *) { return release; }

int lib_use_fill(void) {
  char *b = malloc(40);
  int r = fill_label(b, 40, 99);
  r += b[6];
  free(b);
  return r;
}
