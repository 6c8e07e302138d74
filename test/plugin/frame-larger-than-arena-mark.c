// RUN: %escape -O2 -fplugin-arg-escape-arena=1 -Wframe-larger-than=520 -Werror -c %s -o /dev/null
// RUN: %clang -O2 -Wframe-larger-than=520 -Werror -c %s -o /dev/null
// A function whose blocks went to the frame arena, inlined into main, made
// main's frame 16 bytes bigger (the arena's mark): 536 bytes against
// -Wframe-larger-than=520, an error under -Werror where plain clang's
// frame is 520.  Under -Wframe-larger-than no block moves.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <setjmp.h>
#include <pthread.h>

__attribute__((noinline)) static void fill(volatile char *b, int n, int v) { int i; for (i = 0; i < n; i++) b[i] = (char)(v + i); }
__attribute__((noinline)) static int sumc(const char *b, int n) { int s = 0, i; for (i = 0; i < n; i++) s += b[i]; return s; }

/* frame near the -Wframe-larger-than=512 limit plus a small constant malloc */
int near_limit(int v) {
    char local[440];
    char *m = malloc(200);
    int r;
    fill(local, 440, v); fill(m, 200, v + 1);
    r = sumc(local, 440) + sumc(m, 200);
    free(m);
    return r;
}

/* deep recursion with a small constant block */
int deep(int d) {
    int *b = malloc(64 * sizeof(int)); int r;
    fill((char *)b, 256, d);
    r = d > 0 ? deep(d - 1) + sumc((char *)b, 256) : 0;
    free(b);
    return r;
}

static jmp_buf jb;
__attribute__((noinline)) static void jumper(size_t n, int doit) {
    char *b = malloc(n);
    fill(b, (int)n, 3);
    if (doit) longjmp(jb, sumc(b, (int)n) | 1);
    free(b);
}
long after_jump(size_t n) {
    char *c = calloc(n, 1); long bad = 0; size_t i;
    for (i = 0; i < n; i++) bad += c[i] != 0;
    fill(c, (int)n, 9);
    bad = bad * 100000 + sumc(c, (int)n);
    free(c);
    return bad;
}

int big_align(void) {
    void *p = aligned_alloc(4096, 4096); int ok = ((uintptr_t)p % 4096) == 0;
    void *q = NULL; int ok2;
    if (posix_memalign(&q, 256, 96)) return -1;
    ok2 = ((uintptr_t)q % 256) == 0;
    fill(p, 4096, 1); fill(q, 96, 2);
    ok = ok * 10 + ok2 + sumc(p, 4096) + sumc(q, 96);
    free(p); free(q);
    return ok;
}

int calloc_loop(int iters, int n) {
    int it, i, bad = 0;
    for (it = 0; it < iters; it++) {
        int *z = calloc(n, sizeof(int));
        for (i = 0; i < n; i++) bad += z[i] != 0;
        for (i = 0; i < n; i++) z[i] = -1;
        free(z);
        {
            int *y = malloc(n * sizeof(int));
            for (i = 0; i < n; i++) y[i] = 0x7f7f7f7f;
            free(y);
        }
    }
    return bad;
}

static void *thr(void *arg) {
    long id = (long)arg, s = 0; int k;
    for (k = 0; k < 200; k++) {
        size_t n = 100 + (size_t)((id * 37 + k) % 900);
        long *b = malloc(n * sizeof(long)); size_t i;
        for (i = 0; i < n; i++) b[i] = id + (long)i;
        for (i = 0; i < n; i++) s += b[i];
        free(b);
        s += after_jump(50 + k);
    }
    return (void *)s;
}

int main(int argc, char **argv) {
    int i; long s; pthread_t t[4]; void *rv; (void)argv;
    printf("near %d\n", near_limit(argc));
    printf("deep %d\n", deep(20000));
    for (i = 0; i < 5; i++) {
        if (setjmp(jb) == 0) jumper(1000 + 100 * (size_t)i, 1);
        else printf("jumped\n");
        printf("after %ld\n", after_jump(3000 + 10 * (size_t)i));
    }
    for (i = 0; i < 1000; i++) { if (setjmp(jb) == 0) jumper(5000 + (size_t)i, 1); }
    printf("after2 %ld\n", after_jump(100000));
    printf("balign %d\n", big_align());
    printf("cloop %d\n", calloc_loop(50, 77 + argc));
    printf("cloop2 %d\n", calloc_loop(20, 5000 + argc));
    for (i = 0; i < 4; i++) pthread_create(&t[i], NULL, thr, (void *)(long)i);
    for (s = 0, i = 0; i < 4; i++) { pthread_join(t[i], &rv); s += (long)rv; }
    printf("threads %ld\n", s);
    return 0;
}
