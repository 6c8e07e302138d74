// RUN: %escape -fsyntax-only -O2 -mavx2 -mavx512f -Xclang -verify -fplugin-arg-escape-m=1 %s
// SIMD builtins that store through a pointer (masked stores, compress
// stores, scatters, non-temporal stores) or load through one (gathers,
// masked loads) move a pointer's bytes: the blocks whose addresses they
// store into escaping memory escape.  Lanes only computed on stay.
#include <immintrin.h>
#include <stdlib.h>

long long g[8];

void masked(void) {
  char *a[4] = {malloc(16), malloc(16), malloc(16), malloc(16)}; // expected-remark 4 {{escapes to heap}}
  __m256i v = _mm256_loadu_si256((const __m256i *)a);
  _mm256_maskstore_epi64(g, _mm256_set1_epi64x(-1), v);
}

void compress(void) {
  char *a[8] = {malloc(16), 0, 0, 0, 0, 0, 0, 0}; // expected-remark {{escapes to heap}}
  _mm512_mask_compressstoreu_epi64(g, 0xff, _mm512_loadu_si512(a));
}

void scatter(void) {
  char *a[8] = {malloc(16), 0, 0, 0, 0, 0, 0, 0}; // expected-remark {{escapes to heap}}
  __m512i idx = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
  _mm512_i64scatter_epi64(g, idx, _mm512_loadu_si512(a), 8);
}

void nontemporal(void) {
  char *a[2] = {malloc(16), 0}; // expected-remark {{escapes to heap}}
  __builtin_nontemporal_store(*(long long *)a, &g[0]);
}

int lanes_only(void) {
  char *a[4] = {malloc(16), malloc(16), malloc(16), malloc(16)}; // expected-remark 4 {{allocation does not escape}}
  __m256i v = _mm256_loadu_si256((const __m256i *)a);
  int z = _mm256_testz_si256(v, v);
  for (int i = 0; i < 4; i++)
    free(a[i]);
  return z;
}
