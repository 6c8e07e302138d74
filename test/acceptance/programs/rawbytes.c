// Pointers that leave as bytes and come back: a job pointer sent through a
// pipe, an opaque 64-bit handle assembled byte by byte from a pointer, a
// pointer NaN-boxed in a double, a record written to a temporary file and
// read back.  Between sending and receiving, other functions fill their own
// scratch buffers, which would overwrite a block that had moved to their
// frames.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct job {
  int id;
  char name[28];
};

static int fds[2];

__attribute__((noinline)) static void submit(int id, const char *name) {
  struct job *j = malloc(sizeof *j);  // keep: its address goes through a pipe
  j->id = id;
  snprintf(j->name, sizeof j->name, "%s", name);
  if (write(fds[1], &j, sizeof j) != (ssize_t)sizeof j) abort();
}

static uint64_t handle;

__attribute__((noinline)) static void make_handle(const char *s) {
  char *p = strdup(s);  // keep: its bytes become a handle in a global
  unsigned char b[sizeof p];
  memcpy(b, &p, sizeof p);
  uint64_t x = 0;
  for (unsigned i = 0; i < sizeof p; i++) x |= (uint64_t)b[i] << (8 * i);
  handle = x;
}

static double boxed;

__attribute__((noinline)) static void box(const char *s) {
  char *p = strdup(s);  // keep: NaN-boxed into a global double
  double d;
  memcpy(&d, &p, sizeof d);
  boxed = d;
}

struct rec {
  char *text;
  long len;
};

__attribute__((noinline)) static void spool(FILE *f, const char *s) {
  struct rec r;
  r.text = strdup(s);  // keep: the record holding it is written to a file
  r.len = (long)strlen(s);
  fwrite(&r, sizeof r, 1, f);
}

// Scratch that reuses the frames and the arena the blocks above would have
// been given.
__attribute__((noinline)) static unsigned scratch(int n) {
  char *a = malloc(48);
  char *b = malloc((size_t)n);
  memset(a, 'X', 48);
  memset(b, 'Y', (size_t)n);
  unsigned h = 0;
  for (int i = 0; i < 48; i++) h = h * 31 + (unsigned char)a[i];
  for (int i = 0; i < n; i++) h = h * 31 + (unsigned char)b[i];
  free(b);
  free(a);
  return h;
}

int main(void) {
  if (pipe(fds) != 0) return 1;
  FILE *f = tmpfile();  // keep: a stream, closed by fclose
  if (!f) return 1;
  unsigned h = 0;
  for (int round = 0; round < 3; round++) {
    char name[16];
    snprintf(name, sizeof name, "job-%d", round);
    submit(round + 7, name);
    make_handle("hidden in bytes");
    box("boxed in a double");
    spool(f, "spooled text");
    h ^= scratch(40 + round);

    struct job *j;
    if (read(fds[0], &j, sizeof j) != (ssize_t)sizeof j) return 1;
    printf("job %d %s\n", j->id, j->name);
    free(j);
    char *p = (char *)(uintptr_t)handle;
    char *q;
    memcpy(&q, &boxed, sizeof q);
    printf("%s | %s\n", p, q);
    free(p);
    free(q);
    rewind(f);
    struct rec r;
    if (fread(&r, sizeof r, 1, f) != 1) return 1;
    printf("%.*s (%ld)\n", (int)r.len, r.text, r.len);
    free(r.text);
    rewind(f);
  }
  printf("scratch %u\n", h);
  fclose(f);
  return 0;
}
