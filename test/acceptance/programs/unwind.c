// An error-unwinding library in the style of a parser with longjmp-based
// exceptions: TRY/CATCH macros over a stack of jmp_bufs, throws from
// several frames deep that hold stack-sized and dynamic-sized blocks,
// nested handlers that rethrow, repeated 100000 times with a peak RSS check.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static jmp_buf *g_handler;
static int g_code;

#define THROW(c) do { g_code = (c); longjmp(*g_handler, 1); } while (0)

static int leaf(int depth, int n) {
  char *small = malloc(32);
  char *big = malloc((size_t)(n % 200) + 64);
  snprintf(small, 32, "leaf%d", depth);
  memset(big, 'b', (size_t)(n % 200) + 63);
  big[(n % 200) + 63] = 0;
  if (n % 7 == 3) THROW(100 + n % 6 + depth);
  int r = (int)(strlen(small) + strlen(big));
  free(big);
  free(small);
  return r;
}

static int descend(int depth, int n) {
  int *frame = malloc(sizeof(int) * 16);
  for (int i = 0; i < 16; i++) frame[i] = depth + i;
  int r = depth == 0 ? leaf(depth, n) : descend(depth - 1, n) + frame[15];
  free(frame);
  return r;
}

// Catches, then rethrows codes above 104 to the outer handler.
static int guarded(int n) {
  jmp_buf here, *outer = g_handler;
  int *keep = malloc(sizeof(int) * 4);  // keep: its function calls setjmp
  keep[0] = n;
  g_handler = &here;
  if (setjmp(here) == 0) {
    int r = descend(n % 6, n);
    g_handler = outer;
    free(keep);
    return r;
  }
  g_handler = outer;
  int code = g_code;
  free(keep);
  if (code > 104) THROW(code);
  return -code;
}

static long peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

int main(void) {
  long before = peak_kb();
  volatile long sum = 0, caught = 0;
  for (int i = 0; i < 100000; i++) {
    jmp_buf top;
    g_handler = &top;
    if (setjmp(top) == 0) sum += guarded(i);
    else { caught++; sum += g_code; }
  }
  printf("sum %ld caught %ld\n", sum, caught);
  long grown = peak_kb() - before;
  printf("peak RSS %s\n", grown < 32 * 1024 ? "bounded" : "grew");
  return 0;
}
