//===- corelat.c - how long a cache line takes to go between two CPUs -----===//
//
// Part of escape.  Two threads, pinned to the first two CPUs the process may
// run on, hand one cache line back and forth and the program prints the
// mean round trip in nanoseconds.  The multi-thread workloads' figures
// depend on it: on this kind of virtual machine it was about 105 ns at one
// time of day, and at another the same larson binary under the same runtime
// took 1.8 times as long while mimalloc's did not move
// (docs/performance-runtime.md).  bench.sh prints it before and after the
// workloads.  Prints "n/a" with fewer than two CPUs.  Stops after about
// half a second, so a busy machine does not hold the benchmark up.
// Usage: corelat [round_trips=200000]
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static _Alignas(64) atomic_long corelat_turn;
static _Alignas(64) atomic_int corelat_stop;
static long corelat_rounds;
static int corelat_cpu[2];

static int corelat_pin(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  return pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

// Answers every round trip, pinned or not: returns NULL when it could not
// be pinned, so the figure is not reported.
static void *corelat_pong(void *arg) {
  void *pinned = corelat_pin(corelat_cpu[1]) == 0 ? arg : NULL;
  for (long i = 0;; i++) {
    while (atomic_load_explicit(&corelat_turn, memory_order_acquire) != 2 * i + 1)
      if (atomic_load_explicit(&corelat_stop, memory_order_relaxed)) return pinned;
    atomic_store_explicit(&corelat_turn, 2 * i + 2, memory_order_release);
  }
  return pinned;
}

int main(int argc, char **argv) {
  corelat_rounds = argc > 1 ? atol(argv[1]) : 200000;
  if (corelat_rounds < 1) {
    fprintf(stderr, "corelat: error: round trips must be a positive number\n");
    return 2;
  }
  cpu_set_t set;
  int n = 0;
  if (sched_getaffinity(0, sizeof set, &set) == 0)
    for (int c = 0; c < CPU_SETSIZE && n < 2; c++)
      if (CPU_ISSET(c, &set)) corelat_cpu[n++] = c;
  if (n < 2 || corelat_pin(corelat_cpu[0]) != 0) {
    puts("n/a");
    return 0;
  }
  pthread_t t;
  if (pthread_create(&t, NULL, corelat_pong, (void *)&corelat_rounds) != 0) {
    puts("n/a");
    return 0;
  }
  // At most about half a second: on a busy machine each hand-over may wait
  // for the other thread's turn on its processor.
  // The first WARM round trips, while the other thread starts, are not
  // timed.
  enum { WARM = 1000 };
  struct timespec a, b;
  long done = 0, i = 0;
  for (; i < WARM + corelat_rounds; i++) {
    if (i == WARM) clock_gettime(CLOCK_MONOTONIC, &a);
    atomic_store_explicit(&corelat_turn, 2 * i + 1, memory_order_release);
    while (atomic_load_explicit(&corelat_turn, memory_order_acquire) != 2 * i + 2) {
    }
    if (i < WARM) continue;
    if ((++done & 1023) == 0) {
      clock_gettime(CLOCK_MONOTONIC, &b);
      if ((double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9 > 0.5) break;
    }
  }
  atomic_store_explicit(&corelat_stop, 1, memory_order_relaxed);
  clock_gettime(CLOCK_MONOTONIC, &b);
  void *ok = NULL;
  pthread_join(t, &ok);
  if (!ok) { // the second thread could not be pinned
    puts("n/a");
    return 0;
  }
  double ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) /
              (double)done;
  printf("%.0f\n", ns);
  return 0;
}
