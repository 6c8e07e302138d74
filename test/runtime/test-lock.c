//===- test-lock.c - the runtime's lock: exclusion, and waiters that sleep ===//
//
// Part of escape.  The central lists and the page heap share one kind of
// lock.  Checks that it excludes (threads adding to a counter under it, more
// threads than processors), and that a thread waiting while the holder is
// descheduled sleeps instead of spinning: with four threads on two
// processors a spinning or yielding waiter takes the processor the holder
// needs (the thread pool workload had thousands of involuntary context
// switches from it).  The holder here sleeps 200 ms with the lock held; each
// waiter may use a few milliseconds of CPU time in that while, not most of it.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape/internal.h"
#include "testhelper.h"

#include <pthread.h>
#include <sys/resource.h>
#include <time.h>

static esc_lock_t lock;
static long counter;
enum { ROUNDS = 200000, THREADS = 4 };

static void *adder(void *arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; i++) {
    esc__lock(&lock);
    long v = counter;
    if ((i & 1023) == 0) sched_yield();  // let another thread find it held
    counter = v + 1;
    esc__unlock(&lock);
  }
  return NULL;
}

static double thread_cpu_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void *waiter(void *arg) {
  double *cpu_ms = arg;
  double start = thread_cpu_ms();
  esc__lock(&lock);
  esc__unlock(&lock);
  *cpu_ms = thread_cpu_ms() - start;
  return NULL;
}

int main(void) {
  esc__lock_init(&lock);

  CHECK_BODY("the lock excludes: four threads, no lost update") {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) EXPECT(pthread_create(&t[i], NULL, adder, NULL) == 0);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    EXPECT(counter == (long)THREADS * ROUNDS);
    EXPECT(atomic_load(&lock.v) == 0);
  }

  CHECK_BODY("a waiter sleeps while the holder is off the processor") {
    double cpu_ms[2] = {0, 0};
    pthread_t t[2];
    esc__lock(&lock);
    for (int i = 0; i < 2; i++) EXPECT(pthread_create(&t[i], NULL, waiter, &cpu_ms[i]) == 0);
    struct timespec pause = {0, 200 * 1000 * 1000};
    nanosleep(&pause, NULL);
    esc__unlock(&lock);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    for (int i = 0; i < 2; i++) {
      if (cpu_ms[i] >= 50) fprintf(stderr, " waiter %d used %.1f ms of CPU", i, cpu_ms[i]);
      EXPECT(cpu_ms[i] < 50);
    }
    EXPECT(atomic_load(&lock.v) == 0);
  }

  CHECK_BODY("unlocking an uncontended lock leaves it free") {
    esc__lock(&lock);
    EXPECT(atomic_load(&lock.v) == 1);
    esc__unlock(&lock);
    EXPECT(atomic_load(&lock.v) == 0);
  }

  return test_summary();
}
