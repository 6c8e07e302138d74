//===- test-profile.c - the sampling heap profile -------------------------===//
//
// Part of escape.  Runs itself again with ESCAPE_RT_PROFILE and a small
// ESCAPE_RT_PROFILE_RATE; the child allocates from one known function,
// frees half, and exits.  The parent checks the written profile: the legacy
// header with heap_v2/RATE, a record whose stack passes through that
// function, in-use below allocated counts, the MAPPED_LIBRARIES section, and
// that google-pprof reads it and names the function.  A second thread
// allocates and exits while profiling (its cache's profiling bins are
// mapped at its first allocation and returned at its exit), and the main
// thread allocates after it.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape.h"
#include "testhelper.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { OBJECTS = 20000, SIZE = 1000 };
static void *keep[OBJECTS];

__attribute__((noinline)) void profile_hot_site(int n) {
  for (int i = 0; i < n; i++) {
    keep[i] = malloc(SIZE);
    memset(keep[i], 1, 8);
  }
  __asm__ volatile("" ::: "memory");
}

// calloc reaches malloc's slow path through the runtime's own calloc: the
// sample must still start at this function, not in the runtime.
enum { ZEROED = 5000 };
static void *zeroed[ZEROED];
__attribute__((noinline)) void profile_calloc_site(int n) {
  for (int i = 0; i < n; i++) {
    zeroed[i] = calloc(1, SIZE);
    memset(zeroed[i], 1, 8);
  }
  __asm__ volatile("" ::: "memory");
}

static void *thread_allocs(void *arg) {
  long sum = 0;
  for (int i = 0; i < 2000; i++) {
    char *p = malloc((size_t)(16 + i % 200));
    p[0] = (char)i;
    sum += p[0];
    free(p);
  }
  *(long *)arg = sum;
  return NULL;
}

static int child(void) {
  long sum = 0;
  pthread_t t;
  if (pthread_create(&t, NULL, thread_allocs, &sum) != 0 || pthread_join(t, NULL) != 0)
    return 1;
  // The parent needs this process's address of the function (PIE, ASLR).
  printf("%p %p %p %p\n", (void *)&profile_hot_site, (void *)&profile_calloc_site,
         (void *)&malloc, (void *)&calloc);
  fflush(stdout);
  profile_hot_site(OBJECTS);
  for (int i = 0; i < OBJECTS; i += 2) free(keep[i]);
  profile_calloc_site(ZEROED);
  return 0;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  static char buf[1 << 20];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = 0;
  fclose(f);
  return buf;
}

// The child's malloc and calloc: a runtime built without optimisation
// keeps their frames on top of a sample's stack, and pprof drops frames of
// these names, as `top` below does.
static uintptr_t entry_malloc, entry_calloc;

static bool in_entry(uintptr_t pc) {
  return (pc > entry_malloc && pc <= entry_malloc + 1024) ||
         (pc > entry_calloc && pc <= entry_calloc + 1024);
}

// The sites' addresses; a site's code ends before the next site's.
static uintptr_t site_malloc, site_calloc;

static uintptr_t site_end(uintptr_t lo) {
  uintptr_t hi = lo + 256;
  if (site_malloc > lo && site_malloc < hi) hi = site_malloc;
  if (site_calloc > lo && site_calloc < hi) hi = site_calloc;
  return hi;
}

// hot_record finds a record line with an address inside the function at
// lo (its first address but for malloc's and calloc's, the sample's own
// frame, when `top`).
static bool hot_record(char *text, uintptr_t lo, bool top, long *inuse, long *allocs) {
  uintptr_t hi = site_end(lo);
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    char *at = strstr(line, " @ 0x");
    if (!at || strncmp(line, "heap profile:", 13) == 0) continue;
    char *a = strstr(at, "0x");
    while (top && a && in_entry((uintptr_t)strtoull(a, NULL, 16))) a = strstr(a + 2, "0x");
    for (; a; a = top ? NULL : strstr(a + 2, "0x")) {
      uintptr_t pc = (uintptr_t)strtoull(a, NULL, 16);
      if (pc > lo && pc <= hi) {
        long ib, ab;
        return sscanf(line, " %ld: %ld [ %ld: %ld]", inuse, &ib, allocs, &ab) == 4;
      }
    }
  }
  return false;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "child") == 0) return child();
  char path[] = "/tmp/escape-profile-XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  int out[2];
  if (pipe(out) != 0) return 1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    setenv("ESCAPE_RT_PROFILE", path, 1);
    setenv("ESCAPE_RT_PROFILE_RATE", "65536", 1);
    execl("/proc/self/exe", argv[0], "child", (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  char addr[128] = {0};
  ssize_t got = read(out[0], addr, sizeof addr - 1);
  close(out[0]);
  char *rest = addr;
  uintptr_t hot = got > 0 ? (uintptr_t)strtoull(addr, &rest, 16) : 0;
  uintptr_t zero_site = got > 0 ? (uintptr_t)strtoull(rest, &rest, 16) : 0;
  entry_malloc = got > 0 ? (uintptr_t)strtoull(rest, &rest, 16) : 0;
  entry_calloc = got > 0 ? (uintptr_t)strtoull(rest, NULL, 16) : 0;
  site_malloc = hot;
  site_calloc = zero_site;
  int status = -1;
  waitpid(pid, &status, 0);
  CHECK("the profiled child exits cleanly", WIFEXITED(status) && WEXITSTATUS(status) == 0);
  char *text = slurp(path);
  CHECK_BODY("the profile has the legacy heap header and mappings") {
    EXPECT(text != NULL);
    if (!text) break;
    EXPECT(strncmp(text, "heap profile: ", 14) == 0);
    EXPECT(strstr(text, "@ heap_v2/65536\n") != NULL);
    EXPECT(strstr(text, "\nMAPPED_LIBRARIES:\n") != NULL);
    EXPECT(strstr(text, "r-xp") != NULL);
  }
  CHECK_BODY("samples name the allocating function; frees are matched") {
    long inuse = 0, allocs = 0;
    static char copy[1 << 20];
    size_t len = text ? strlen(text) : 0;
    memcpy(copy, text ? text : "", len < sizeof copy ? len + 1 : 0);
    EXPECT(hot != 0 && hot_record(copy, hot, false, &inuse, &allocs));
    // 20 MB at one sample per 64 KiB: about 300 samples, half of them freed.
    fprintf(stderr, " [samples %ld, in use %ld]", allocs, inuse);
    EXPECT(allocs > 150 && allocs < 600);
    EXPECT(inuse > allocs / 4 && inuse < allocs * 3 / 4);
  }
  CHECK_BODY("samples start at the program's frame, for malloc and calloc") {
    static char copy[1 << 20];
    size_t len = text ? strlen(text) : 0;
    long inuse = 0, allocs = 0, zinuse = 0, zallocs = 0;
    memcpy(copy, text ? text : "", len < sizeof copy ? len + 1 : 0);
    EXPECT(hot != 0 && hot_record(copy, hot, true, &inuse, &allocs));
    memcpy(copy, text ? text : "", len < sizeof copy ? len + 1 : 0);
    EXPECT(zero_site != 0 && hot_record(copy, zero_site, true, &zinuse, &zallocs));
    // 5 MB of calloc at one sample per 64 KiB: about 75 samples.
    fprintf(stderr, " [malloc site %ld, calloc site %ld]", allocs, zallocs);
    EXPECT(allocs > 150 && zallocs > 25);
  }
  CHECK_BODY("google-pprof reads the profile") {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "google-pprof --text --inuse_objects /proc/%d/exe %s 2>&1",
             (int)getpid(), path);
    FILE *p = popen(cmd, "r");
    EXPECT(p != NULL);
    if (!p) break;
    char line[512];
    bool named = false;
    while (fgets(line, sizeof line, p)) named |= strstr(line, "profile_hot_site") != NULL;
    int rc = pclose(p);
    EXPECT(rc == 0);
    EXPECT(named);
  }
  unlink(path);
  return test_summary();
}
