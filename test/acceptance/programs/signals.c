// Signals: a handler that reads a global pointer to a block main keeps, a
// handler that writes a flag while a function holds local blocks, and a
// handler that leaves with siglongjmp out of a function holding a stack
// block and an arena block, 20000 times (the plain build leaks the blocks
// it jumps over, about 17 MiB; escape-cc's frame arena must not add to it).
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *volatile g_msg;
static volatile sig_atomic_t g_seen;
static volatile sig_atomic_t g_len;
static sigjmp_buf g_env;

static void on_usr1(int sig) {
  (void)sig;
  g_seen++;
  if (g_msg) g_len = (sig_atomic_t)strlen(g_msg);
}

static void on_usr2(int sig) {
  (void)sig;
  siglongjmp(g_env, 1);
}

static int flagged(int n) {
  char *a = malloc(64);
  int *b = malloc(sizeof(int) * (size_t)(n + 1));
  snprintf(a, 64, "flagged-%d", n);
  for (int i = 0; i <= n; i++) b[i] = i;
  raise(SIGUSR1);
  int r = (int)strlen(a) + b[n];
  free(b);
  free(a);
  return r;
}

static int interrupted(int n) {
  char *a = malloc(128);
  char *d = malloc((size_t)n * 64 + 1);
  memset(a, 'a', 127);
  a[127] = 0;
  memset(d, 'd', (size_t)n * 64);
  d[(size_t)n * 64] = 0;
  if (n % 2) raise(SIGUSR2);
  int r = (int)(strlen(a) + strlen(d));
  free(d);
  free(a);
  return r;
}

static long jumpy(int rounds) {
  volatile long ok = 0, jumped = 0;
  for (int i = 0; i < rounds; i++) {
    if (sigsetjmp(g_env, 1) == 0) ok += interrupted(i % 50 + 1);
    else jumped++;
  }
  return ok * 10 + jumped;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  sa.sa_handler = on_usr2;
  sigaction(SIGUSR2, &sa, NULL);

  char *msg = malloc(40);  // keep: stored in a global the handler reads
  snprintf(msg, 40, "message for the handler");
  g_msg = msg;
  int s = 0;
  for (int i = 0; i < 100; i++) s += flagged(i);
  printf("flagged %d seen %d len %d\n", s, (int)g_seen, (int)g_len);
  g_msg = NULL;
  free(msg);

  printf("jumpy %ld\n", jumpy(20000));
  return 0;
}
