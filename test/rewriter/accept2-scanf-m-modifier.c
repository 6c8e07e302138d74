// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape -O2 -DPOSITIONAL -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc.pos
// RUN: %t.esc.pos > %t.esc.pos.out
// RUN: diff %t.plain.out %t.esc.pos.out
// RUN: %escape -O2 -DLOCALE_DIGITS -nostdinc -I%S/Inputs -fplugin-arg-escape-arena=1 %s %libdir/libescape-rt.a -lpthread -o %t.esc.i
// RUN: %t.esc.i > %t.esc.i.out
// RUN: diff %t.plain.out %t.esc.i.out
// sscanf's '%ms' conversion allocates the word and stores its address in
// the argument, but the libc table says scanf's variadic arguments are
// only written ("nn."), so 'w' is taken to point only at the default
// block, which goes to the stack, and 'free(w)' is deleted with it: every
// word sscanf allocates leaks.  300000 words of 200 bytes raise the peak
// RSS by about 65 MiB where plain code needs one page.  The program prints
// whether its peak RSS grew by less than 32 MiB.
#include "alloc.h"
int sscanf(const char *s, const char *fmt, ...);
char *strcpy(char *d, const char *s);
struct rusage { long utime[2], stime[2], maxrss_kb, rest[13]; };
int getrusage(int who, struct rusage *ru);

static long peak_rss_kb(void) {
  struct rusage ru;
  return getrusage(0 /* RUSAGE_SELF */, &ru) == 0 ? ru.maxrss_kb : -1;
}

// The first word of a line, or "none": the default is freed when sscanf
// replaced it, the word when it did not.
static size_t first_word(const char *line) {
  char *dflt = malloc(16);
  strcpy(dflt, "none");
  char *w = dflt;
#ifdef POSITIONAL
  if (sscanf(line, "%1$ms", &w) == 1) // the same conversion, positional
#elif defined LOCALE_DIGITS
  if (sscanf(line, "%Ims", &w) == 1) // glibc's I flag before the m
#else
  if (sscanf(line, "%ms", &w) == 1)
#endif
    free(dflt);
  else
    w = dflt;
  size_t n = strlen(w);
  free(w);
  return n;
}

int main(void) {
  char line[256];
  memset(line, 'w', 200);
  line[200] = '\0';
  long before = peak_rss_kb();
  size_t total = 0;
  for (int i = 0; i < 600000; i++) total += first_word(i % 2 ? line : "");
  long grown = peak_rss_kb() - before;
  printf("total %zu\n", total);
  printf("peak RSS %s\n", before > 0 && grown < (32l << 10) ? "bounded" : "grew");
  return 0;
}
