// Coroutines on small stacks with guard pages (6 KiB, as green-thread
// libraries and embedded code use), running stages that take their 1000-byte
// buffers from malloc precisely because the stack is small; and small
// blocks whose low four bits carry a tag, which takes blocks aligned to 16
// as glibc gives them.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#define STACK (6 * 1024)

static ucontext_t main_ctx, co_ctx;
static unsigned result;
static int arg;

__attribute__((noinline)) static unsigned stage2(int k) {
  char *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  snprintf(a, 1000, "a%d", k);
  snprintf(b, 1000, "b%s", a);
  snprintf(c, 1000, "c%s", b);
  snprintf(d, 1000, "d%s", c);
  unsigned h = (unsigned)strlen(d);
  free(a);
  free(b);
  free(c);
  free(d);
  return h;
}

__attribute__((noinline)) static unsigned stage(int k) {
  char *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  snprintf(a, 1000, "a%d", k);
  snprintf(b, 1000, "b%s", a);
  snprintf(c, 1000, "c%s", b);
  snprintf(d, 1000, "d%s", c);
  unsigned h = stage2((int)strlen(d) + k);
  free(a);
  free(b);
  free(c);
  free(d);
  return h;
}

static void body(void) { result = stage(arg); }

// Tagged pointers: the tag lives in the low four bits of 8-byte blocks.
static uintptr_t tagged[64];

__attribute__((noinline)) static void tag_all(void) {
  for (int i = 0; i < 64; i++) {
    long *v = malloc(sizeof *v);  // keep: stored, tagged, in a global table
    *v = i * 3;
    tagged[i] = (uintptr_t)v | (uintptr_t)(i & 15);
  }
}

int main(void) {
  char *region = mmap(NULL, STACK + 4096, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) return 1;
  mprotect(region, 4096, PROT_NONE);
  for (arg = 1; arg <= 3; arg++) {
    getcontext(&co_ctx);
    co_ctx.uc_stack.ss_sp = region + 4096;
    co_ctx.uc_stack.ss_size = STACK;
    co_ctx.uc_link = &main_ctx;
    makecontext(&co_ctx, body, 0);
    swapcontext(&main_ctx, &co_ctx);
    printf("stage %d: %u\n", arg, result);
  }
  tag_all();
  long sum = 0;
  for (int i = 0; i < 64; i++) {
    uintptr_t t = tagged[i];
    long *v = (long *)(t & ~(uintptr_t)15);
    if ((int)(t & 15) != (i & 15)) printf("tag %d lost\n", i);
    sum += *v;
    free(v);
  }
  printf("tags sum %ld\n", sum);
  return 0;
}
