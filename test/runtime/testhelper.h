//===- testhelper.h - check macros for the runtime's unit tests -*- C -*-===//
//
// Part of escape.  CHECK_BODY("name") { ... result = false; } runs a named
// check; EXPECT(cond) inside a body reports the failing condition with its
// line and clears `result`.  test_summary() prints the totals and returns the
// process exit status (0 when every check passed).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_TESTHELPER_H
#define ESCAPE_TESTHELPER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int test_ok, test_failed;

static inline bool test_begin(const char *name) {
  fprintf(stderr, "test: %s...", name);
  fflush(stderr);
  return true;
}

static inline void test_end(const char *name, bool result) {
  (void)name;
  if (result) {
    test_ok++;
    fprintf(stderr, " ok\n");
  } else {
    test_failed++;
    fprintf(stderr, " FAILED\n");
  }
}

#define CHECK_BODY(name)                                                      \
  for (bool result = true, test_once_ = test_begin(name); test_once_;         \
       test_once_ = false, test_end(name, result))

#define CHECK(name, expr) CHECK_BODY(name) { result = (expr); }

#define EXPECT(cond)                                                          \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "\n  %s:%d: expected: %s", __FILE__, __LINE__, #cond);  \
      result = false;                                                         \
    }                                                                         \
  } while (0)

// test_rerun_with runs this test again, as "PROGRAM child", with the
// options in `env` ("NAME=VALUE" strings, NULL-terminated) set: the
// runtime reads its options at the first allocation, before main could
// set them.  Returns at once in the rerun; exits if the exec fails.
static inline void test_rerun_with(int argc, char **argv, const char *const *env) {
  if (argc >= 2) return;
  for (; *env; env++) {
    char name[64];
    const char *eq = strchr(*env, '=');
    size_t n = eq ? (size_t)(eq - *env) : 0;
    if (!eq || n >= sizeof name) continue;
    memcpy(name, *env, n);
    name[n] = '\0';
    setenv(name, eq + 1, 1);
  }
  execl("/proc/self/exe", argv[0], "child", (char *)NULL);
  perror("exec /proc/self/exe");
  exit(2);
}

static inline int test_summary(void) {
  fprintf(stderr, "\n%d checks passed, %d failed\n", test_ok, test_failed);
  return test_failed ? 1 : 0;
}

#endif // ESCAPE_TESTHELPER_H
