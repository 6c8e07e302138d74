//===- test-prim-sleep.c - the OS layer's sleep ---------------------------===//
//
// Part of escape.  The background thread sleeps through the OS layer, which
// on 64-bit Linux makes the nanosleep system call itself: the C library's
// nanosleep and clock_nanosleep lie among code no other part of a small
// program runs, and mapping them costs it resident pages.  This test
// interposes both (the static runtime's fallback calls resolve here) to
// check they are not called there, and that a sleep a signal interrupts
// still lasts the time asked for.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape/internal.h"
#include "testhelper.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static atomic_int libc_sleep_calls;

int nanosleep(const struct timespec *req, struct timespec *rem) {
  atomic_fetch_add(&libc_sleep_calls, 1);
  return (int)syscall(SYS_nanosleep, req, rem);
}

int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem) {
  atomic_fetch_add(&libc_sleep_calls, 1);
  long r = syscall(SYS_clock_nanosleep, id, flags, req, rem);
  return r == 0 ? 0 : errno;
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig) {
  (void)sig;
  alarms++;
}

static uint64_t kernel_ms(void) {
  struct timespec ts;
  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

int main(void) {
  CHECK_BODY("a sleep lasts as long as asked") {
    uint64_t a = kernel_ms();
    esc__prim_sleep_ms(30);
    uint64_t b = kernel_ms();
    fprintf(stderr, " (%llu ms)", (unsigned long long)(b - a));
    EXPECT(b - a >= 29); // the kernel clock reads whole milliseconds
  }
  CHECK_BODY("a sleep that signals interrupt goes on for the rest of its time") {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm; // no SA_RESTART: the sleep returns EINTR
    sigemptyset(&sa.sa_mask);
    EXPECT(sigaction(SIGALRM, &sa, NULL) == 0);
    struct itimerval it = {{0, 10000}, {0, 10000}}; // every 10 ms
    EXPECT(setitimer(ITIMER_REAL, &it, NULL) == 0);
    uint64_t a = kernel_ms();
    esc__prim_sleep_ms(100);
    uint64_t b = kernel_ms();
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    fprintf(stderr, " (%llu ms, %d signals)", (unsigned long long)(b - a), (int)alarms);
    EXPECT(alarms >= 2);
    EXPECT(b - a >= 99);
  }
#if defined(__linux__) && defined(SYS_nanosleep) && __SIZEOF_LONG__ == 8
  CHECK_BODY("the sleep does not call the C library's nanosleep") {
    fprintf(stderr, " (%d calls)", atomic_load(&libc_sleep_calls));
    EXPECT(atomic_load(&libc_sleep_calls) == 0);
  }
#endif
  return test_summary();
}
