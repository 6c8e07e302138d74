//===- test-address-limit.c - malloc under an address-space limit ---------===//
//
// Part of escape.  Under RLIMIT_AS (`ulimit -v`, or overcommit off) what the
// program freed must serve what it asks for next: freed memory kept its
// address space for the release delay, so a big block after freeing many
// small ones failed with ENOMEM where glibc's malloc succeeded.  A new
// segment needs its own size of address space, not twice that.  Each check
// runs in a child, under a limit just above what the child maps.
//
//===----------------------------------------------------------------------===//
#include "escape.h"
#include "testhelper.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>

static size_t mapped_now(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  unsigned long pages = 0;
  if (f) {
    if (fscanf(f, "%lu", &pages) != 1) pages = 0;
    fclose(f);
  }
  return pages * (size_t)sysconf(_SC_PAGESIZE);
}

static void limit(size_t headroom) {
  struct rlimit rl;
  rl.rlim_cur = rl.rlim_max = mapped_now() + headroom;
  setrlimit(RLIMIT_AS, &rl);
}

// Frees 60 MiB of blocks of `size` bytes, then asks for 80 MiB with 96 MiB
// of headroom: only the freed address space makes room.
static int freed_then_big(size_t size) {
  limit((size_t)96 << 20);
  size_t n = ((size_t)60 << 20) / size;
  void **v = esc_malloc(n * sizeof *v);
  if (!v) return 2;
  for (size_t i = 0; i < n; i++)
    if (!(v[i] = esc_malloc(size))) return 3;
  for (size_t i = 0; i < n; i++) esc_free(v[i]);
  esc_free(v);
  char *big = esc_malloc((size_t)80 << 20);
  if (!big) return 4;
  big[0] = big[((size_t)80 << 20) - 1] = 1;
  return 0;
}

// 5 MiB of small blocks need a second segment, under 6 MiB of headroom.
static int new_segment(void) {
  limit((size_t)6 << 20);
  for (size_t got = 0; got < ((size_t)5 << 20); got += 64)
    if (!esc_malloc(64)) return 5;
  return 0;
}

static int in_child(int (*fn)(size_t), size_t arg) {
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) _exit(fn(arg));
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Fills the heap with blocks of `size` bytes up to the limit, frees them all,
// then maps 8 MiB itself (a thread's stack; python3 starting a thread after
// a MemoryError): the heap must have given the freed address space back,
// not kept it for the release delay.
static int filled_then_own_mapping(size_t size) {
  limit((size_t)56 << 20);
  size_t cap = ((size_t)64 << 20) / size, n = 0;
  void **v = mmap(NULL, cap * sizeof *v, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (v == MAP_FAILED) return 2;
  while (n < cap && (v[n] = esc_malloc(size)) != NULL) memset(v[n++], 1, size < 4096 ? size : 4096);
  if (n == cap) return 3;  // the limit was never reached
  for (size_t i = 0; i < n; i++) esc_free(v[i]);
  void *p = mmap(NULL, (size_t)8 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? 1 : 0;
}

static int new_segment_arg(size_t unused) {
  (void)unused;
  return new_segment();
}

int main(void) {
  esc_free(esc_malloc(1));
  static const size_t sizes[] = {64, 4000, 40000, 200000};
  for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    char name[96];
    snprintf(name, sizeof name, "80 MiB after freeing 60 MiB of %zu-byte blocks", sizes[i]);
    CHECK_BODY(name) { EXPECT(in_child(freed_then_big, sizes[i]) == 0); }
  }
  static const size_t fill[] = {64, 5000, 40000};
  for (unsigned i = 0; i < sizeof fill / sizeof *fill; i++) {
    char name[96];
    snprintf(name, sizeof name, "its own 8 MiB mapping after filling the limit with %zu-byte blocks", fill[i]);
    CHECK_BODY(name) { EXPECT(in_child(filled_then_own_mapping, fill[i]) == 0); }
  }
  CHECK_BODY("a new segment under 6 MiB of headroom") {
    EXPECT(in_child(new_segment_arg, 0) == 0);
  }
  return test_summary();
}
