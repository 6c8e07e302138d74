// REQUIRES: escape-cc, openmp
// RUN: %clang -O2 -fopenmp %s -o %t.plain
// RUN: %t.plain | sort > %t.plain.out
// RUN: %escape_cc -O2 -fopenmp %s -o %t.esc
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc 2>&1 | sort > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %escape_cc -O0 -fopenmp %s -o %t.esc0
// RUN: env ESCAPE_RT_ARENA_POISON=1 %t.esc0 2>&1 | sort > %t.esc0.out
// RUN: diff %t.plain.out %t.esc0.out
// RUN: FileCheck %s < %t.esc.out
// A block handed to a deferred OpenMP task, which frees it after the
// function that made it returned, and one a parallel region fills: both
// stay on the heap.  Moved to the stack, the task printed what later calls
// wrote over the block, and its free, in the outlined task function, was
// left a call to free() of stack memory ("free of a pointer the runtime
// does not own").
// CHECK: fill 2016
// CHECK-NEXT: task 1
// CHECK-NEXT: task 2
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void spawn(int i) {
  char *p = malloc(16);
  snprintf(p, 16, "task %d", i);
#pragma omp task firstprivate(p)
  {
    usleep(20000);
    printf("%s\n", p);
    free(p);
  }
}

static int fill(int n) {
  char *b = malloc((size_t)n);
#pragma omp parallel for num_threads(2)
  for (int k = 0; k < n; k++)
    b[k] = (char)k;
  int s = 0;
  for (int k = 0; k < n; k++)
    s += b[k];
  free(b);
  return s;
}

__attribute__((noinline)) static void scribble(void) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++)
    big[i] = 'X';
  (void)big[0];
}

int main(void) {
  printf("fill %d\n", fill(64));
#pragma omp parallel num_threads(2)
#pragma omp single
  {
    spawn(1);
    scribble();
    spawn(2);
    scribble();
  }
  return 0;
}
