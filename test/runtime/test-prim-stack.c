//===- test-prim-stack.c - the OS layer's answer for a thread's stack -----===//
//
// Part of escape.  The frame arena asks once per thread where its stack
// is, to tell a coroutine's frames from the thread's own.  For the main
// thread the runtime reads the memory map itself instead of calling
// pthread_getattr_np, which opens a stdio stream.  This test interposes
// pthread_getattr_np to count calls and checks the answers against the C
// library's: on the main thread, on a coroutine running on a heap stack
// (the answer is still the thread's stack), and on a second thread.
//
//===----------------------------------------------------------------------===//
#define _GNU_SOURCE
#include "escape/internal.h"
#include "testhelper.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <ucontext.h>
#include <unistd.h>

static atomic_int getattr_calls;

typedef int (*getattr_fn)(pthread_t, pthread_attr_t *);

static int real_getattr(pthread_t t, pthread_attr_t *attr) {
  getattr_fn f = (getattr_fn)dlsym(RTLD_NEXT, "pthread_getattr_np");
  return f ? f(t, attr) : ENOSYS;
}

int pthread_getattr_np(pthread_t t, pthread_attr_t *attr) {
  atomic_fetch_add(&getattr_calls, 1);
  return real_getattr(t, attr);
}

// libc_stack is the C library's answer: [*lo, *hi).
static int libc_stack(uintptr_t *lo, uintptr_t *hi) {
  pthread_attr_t attr;
  void *addr;
  size_t size;
  if (real_getattr(pthread_self(), &attr) != 0) return -1;
  int err = pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  if (err) return -1;
  *lo = (uintptr_t)addr;
  *hi = (uintptr_t)addr + size;
  return 0;
}

static int holds(uintptr_t lo, size_t size, const void *p) {
  return (uintptr_t)p - lo < size;
}

static ucontext_t main_ctx, co_ctx;
static int co_ok;

static void coroutine(void) {
  int here = 0;
  uintptr_t lo = 0;
  size_t size = 0;
  co_ok = esc__prim_thread_stack(&lo, &size) == 0 && !holds(lo, size, &here);
  swapcontext(&co_ctx, &main_ctx);
}

static void *thread_main(void *arg) {
  int here = 0, *ok = arg;
  uintptr_t lo = 0, glo = 0, ghi = 0;
  size_t size = 0;
  *ok = esc__prim_thread_stack(&lo, &size) == 0 && libc_stack(&glo, &ghi) == 0 &&
        lo == glo && lo + size == ghi && holds(lo, size, &here);
  return NULL;
}

int main(void) {
  uintptr_t lo = 0;
  size_t size = 0;
  int here = 0;
  CHECK_BODY("the main thread's stack, read without pthread_getattr_np") {
    EXPECT(esc__prim_thread_stack(&lo, &size) == 0);
    EXPECT(atomic_load(&getattr_calls) == 0);
    EXPECT(holds(lo, size, &here));
  }
  CHECK_BODY("it matches the C library's answer") {
    uintptr_t glo = 0, ghi = 0;
    EXPECT(libc_stack(&glo, &ghi) == 0);
    fprintf(stderr, " (runtime %#lx+%#zx, libc %#lx-%#lx)", (unsigned long)lo, size,
            (unsigned long)glo, (unsigned long)ghi);
    // The C library ends the stack at the page after the first frame, the
    // runtime at the end of its mapping, which also holds the arguments
    // and the environment.
    uintptr_t page = (uintptr_t)getpagesize();
    EXPECT(lo + page >= glo && glo + page >= lo);
    EXPECT(lo + size >= ghi);
  }
  CHECK_BODY("a coroutine on a heap stack still gets the thread's stack") {
    size_t co_size = 64 * 1024;
    char *co_stack = malloc(co_size);
    EXPECT(co_stack != NULL);
    getcontext(&co_ctx);
    co_ctx.uc_stack.ss_sp = co_stack;
    co_ctx.uc_stack.ss_size = co_size;
    co_ctx.uc_link = &main_ctx;
    makecontext(&co_ctx, coroutine, 0);
    swapcontext(&main_ctx, &co_ctx);
    EXPECT(co_ok);
    free(co_stack);
  }
  CHECK_BODY("a second thread's stack is the C library's") {
    pthread_t t;
    int ok = 0;
    EXPECT(pthread_create(&t, NULL, thread_main, &ok) == 0);
    pthread_join(t, NULL);
    EXPECT(ok);
  }
  return test_summary();
}
