// REQUIRES: escape-cc
// RUN: %escape_cc -O2 %s -o %t -fplugin-arg-escape-m=1 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %t | FileCheck %s
// RUN: env ESCAPE_RT_STATS=1 %t 2>&1 >/dev/null | FileCheck %s --check-prefix=STATS
// RUN: %escape_cc -O0 %s -o %t0
// RUN: %t0 | FileCheck %s
// A program may name its own functions as the runtime's public API does
// (escape.h: esc_free, esc_malloc, esc_stats_print...).  It links with
// escape-cc as with clang: the runtime's public names are weak, so the
// program's definitions win ("multiple definition of `esc_free'" before),
// and the runtime's own calls (calloc, the statistics printed at exit) never
// reach the program's functions.
// REMARK: moved to the frame arena
// CHECK: escaped: say \"hi\"
// CHECK: own esc_malloc: 1, esc_free: 1, esc_stats_print: 0
// CHECK: zeroed: 0
// STATS: escape-rt statistics:
// STATS-NOT: own esc_stats_print
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int own_malloc, own_free, own_stats;

// "escape a string": quotes get a backslash.
char *esc_malloc(const char *s) {
  own_malloc++;
  char *d = malloc(2 * strlen(s) + 1), *o = d;
  for (; *s; s++) {
    if (*s == '"')
      *o++ = '\\';
    *o++ = *s;
  }
  *o = 0;
  return d;
}
void esc_free(char *s) {
  own_free++;
  free(s);
}
int esc_stats_print(int fd) {
  own_stats++;
  return dprintf(fd, "own esc_stats_print\n");
}

int main(int argc, char **argv) {
  (void)argv;
  char *e = esc_malloc("say \"hi\"");
  printf("escaped: %s\n", e);
  esc_free(e);
  // A promoted site, and calloc, which the runtime serves.
  char *tmp = malloc((size_t)argc * 32);
  snprintf(tmp, 32, "%d", argc);
  int *z = calloc(64, sizeof(int));
  printf("own esc_malloc: %d, esc_free: %d, esc_stats_print: %d\n", own_malloc, own_free,
         own_stats);
  printf("zeroed: %d\n", z[63] + (tmp[0] == '1' ? 0 : 1));
  free(z);
  free(tmp);
  return 0;
}
