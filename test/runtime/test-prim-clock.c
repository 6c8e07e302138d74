//===- test-prim-clock.c - the OS layer's clock and page size -------------===//
//
// Part of escape.  The runtime reads its clock through the kernel's vDSO
// and the page size from the auxiliary vector, so that a program the C
// library's clock_gettime and sysconf are not otherwise linked into does
// not get their neighbourhood of code pages mapped.  This test interposes
// clock_gettime (the static runtime's fallback call resolves here) to check
// the runtime does not call it where a vDSO exists, and that its clock
// agrees with the kernel's.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape/internal.h"
#include "testhelper.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static atomic_int libc_clock_calls;

int clock_gettime(clockid_t id, struct timespec *ts) {
  atomic_fetch_add(&libc_clock_calls, 1);
  return (int)syscall(SYS_clock_gettime, id, ts);
}

static uint64_t kernel_ms(void) {
  struct timespec ts;
  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

int main(void) {
  CHECK_BODY("the clock agrees with the kernel's monotonic clock") {
    uint64_t a = kernel_ms(), t = esc__prim_clock_ms(), b = kernel_ms();
    fprintf(stderr, " (kernel %llu, runtime %llu)", (unsigned long long)a, (unsigned long long)t);
    // CLOCK_MONOTONIC_COARSE lags by up to a tick.
    EXPECT(t + 20 >= a && t <= b);
    usleep(30000);
    uint64_t later = esc__prim_clock_ms();
    EXPECT(later >= t + 20);
  }
  CHECK_BODY("freeing large blocks reads the clock without the C library's clock_gettime") {
    for (int i = 0; i < 64; i++) {
      void *p = esc_malloc(200000);
      EXPECT(p != NULL);
      esc_free(p);
    }
    fprintf(stderr, " (%d calls; vDSO at %#lx)", atomic_load(&libc_clock_calls),
            getauxval(AT_SYSINFO_EHDR));
    if (getauxval(AT_SYSINFO_EHDR)) EXPECT(atomic_load(&libc_clock_calls) == 0);
  }
  CHECK("the page size is the kernel's", esc__prim_page_size() == (size_t)getpagesize());
  return test_summary();
}
