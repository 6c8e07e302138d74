// setjmp/longjmp "exceptions" thrown from helpers several calls deep while
// objects are live.  A try frame keeps a registry of the objects its
// callees allocate; the handler frees whatever is still registered.  Next
// to it, helpers that allocate scratch of their own and free it before a
// throw can happen, and a handler that reports through a message buffer.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

struct try_frame { jmp_buf env; void *live[16]; int nlive; int code; char msg[64]; struct try_frame *up; };
static struct try_frame *g_try;

static void *tracked(size_t n) {
  void *p = malloc(n);  // keep: registered in the global try frame
  g_try->live[g_try->nlive++] = p;
  return p;
}
static void untrack(void *p) {
  for (int i = g_try->nlive; i-- > 0;)
    if (g_try->live[i] == p) { g_try->live[i] = g_try->live[--g_try->nlive]; break; }
  free(p);
}

static _Noreturn void throw_error(int code, const char *what, int arg) {
  g_try->code = code;
  char *buf = malloc(64);
  snprintf(buf, 64, "%s(%d)", what, arg);
  strcpy(g_try->msg, buf);
  free(buf);
  longjmp(g_try->env, 1);
}

static int check_digit(const char *s, int i) {
  char *scratch = malloc(8);
  scratch[0] = s[i];
  scratch[1] = 0;
  int bad = scratch[0] < '0' || scratch[0] > '9';
  free(scratch);
  if (bad) throw_error(2, "digit", i);
  return s[i] - '0';
}

static int parse_number(const char *s, int *pos) {
  int *digits = tracked(sizeof(int) * 32);
  int n = 0;
  while (s[*pos] && s[*pos] != ',') {
    if (n == 32) throw_error(3, "long", *pos);
    digits[n] = check_digit(s, *pos);
    n++; ++*pos;
  }
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + digits[i];
  untrack(digits);
  return v;
}

static long parse_list(const char *s) {
  char *copy = tracked(strlen(s) + 1);
  strcpy(copy, s);
  long sum = 0;
  for (int pos = 0; copy[pos];) {
    int v = parse_number(copy, &pos);
    if (v > 5000) throw_error(4, "range", v);
    sum += v;
    if (copy[pos] == ',') pos++;
  }
  untrack(copy);
  return sum;
}

static long try_parse(const char *s, char *err, size_t errlen) {
  struct try_frame f;
  f.nlive = 0;
  f.up = g_try;
  g_try = &f;
  long r;
  if (setjmp(f.env) == 0) {
    r = parse_list(s);
    err[0] = 0;
  } else {
    snprintf(err, errlen, "E%d %s live %d", f.code, f.msg, f.nlive);
    while (f.nlive) free(f.live[--f.nlive]);
    r = -1;
  }
  g_try = f.up;
  return r;
}

int main(void) {
  const char *cases[] = { "1,2,3", "12,x4", "9999", "1,22,333,4444", "5,123456789012345678901234567890123", "" };
  char err[96];
  for (int i = 0; i < 6; i++) {
    long r = try_parse(cases[i], err, sizeof err);
    printf("%-40s -> %ld %s\n", cases[i], r, err);
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  long before = ru.ru_maxrss;
  long sum = 0, errors = 0;
  char line[64];
  for (int i = 0; i < 200000; i++) {
    snprintf(line, sizeof line, "%d,%d,%d%s", i % 100, i % 7000, i % 13, i % 5 ? "" : ",z");
    long r = try_parse(line, err, sizeof err);
    if (r < 0) errors++; else sum += r;
  }
  getrusage(RUSAGE_SELF, &ru);
  printf("sum %ld errors %ld peak RSS %s\n", sum, errors, ru.ru_maxrss - before < 32 * 1024 ? "bounded" : "grew");
  return 0;
}
