// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -I %inputs %s
// A pointer converted to an integer escapes (the integer may come back as a
// pointer), unless the integer is only compared, or masked or reduced by a
// small constant before any shift or division: an alignment check cannot
// rebuild the pointer, but masks of shifted bits take it apart a piece at a
// time.
#include "alloc.h"

typedef __UINTPTR_TYPE__ uptr;
uptr kept;

int aligned_check(void) {
  char *p = aligned_alloc(64, 256); // expected-remark {{allocation does not escape; would move to the stack}}
  int ok = ((uptr)p & 63) == 0;
  ok += (int)((uptr)p % 16u);
  free(p);
  return ok;
}

int ordered(void) {
  char *a = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  int r = (uptr)a < (uptr)b;
  free(a);
  free(b);
  return r;
}

int stored(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  kept = (uptr)p;
  free(p);
  return 0;
}

int big_mask(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uptr v = (uptr)p & ~(uptr)0;
  free(p);
  return (int)(v >> 40);
}

// Through arithmetic to a remainder by a small power of two: the low bits.
int hashed(void) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  unsigned h = (unsigned)((uptr)p * 2654435761u % 64u);
  free(p);
  return (int)h;
}

// A remainder by another number depends on every bit: a few of them
// rebuild the pointer (the Chinese remainder theorem).
unsigned residues[4];
void by_primes(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  residues[0] = (unsigned)((uptr)p % 97u);
}

// An alignment check with a run-time alignment: the mask `align - 1`.
static int is_aligned(const void *p, uptr align) { return ((uptr)p & (align - 1)) == 0; }
int checked(uptr align) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  int ok = is_aligned(p, align);
  free(p);
  return ok;
}

// A bit tested with a variable mask, compared: one bit per test.
unsigned char bits[8];
void bit_tests(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  for (int i = 0; i < 64; i++)
    bits[i / 8] |= (unsigned char)((((uptr)p & (1ull << i)) != 0) << (i % 8));
}

// Through integer locals that are only compared: as the inline comparison.
int ordered_locals(void) {
  char *a = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  char *b = malloc(16); // expected-remark {{allocation does not escape; would move to the stack}}
  uptr x = (uptr)a, y = (uptr)b;
  int r = x < y ? -1 : x > y;
  free(a);
  free(b);
  return r;
}

// A local that is also returned, or changed, lets the pointer out.
uptr local_returned(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uptr v = (uptr)p;
  free(p);
  return v;
}

int local_changed_then_kept(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uptr v = (uptr)p;
  v += 8;
  kept = v;
  free(p);
  return 0;
}

// A hash mixed in place and masked to a slot: the variable changed in
// place may hold any bits of the pointer when it is masked, as it does
// when a loop takes the pointer apart (`saved[i] = v % 256; v /= 256;`).
unsigned slot_of(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uptr h = (uptr)p;
  h ^= h >> 17;
  h *= 0x9E3779B97F4A7C15ull;
  h = h ^ (h >> 29);
  unsigned slot = (unsigned)(h & 255);
  free(p);
  return slot;
}

// Mixed into another variable, which is then kept: the pointer escapes.
uptr mixed_elsewhere(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uptr h = (uptr)p;
  uptr g = h * 3;
  free(p);
  return g;
}

// A pointer taken apart a byte, a nibble or a bit at a time, each piece
// masked after a shift, and kept: it can be rebuilt after the return.
unsigned char saved[8];
char handle[17];

void bytes_out(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  __UINT64_TYPE__ v = (uptr)p;
  for (int i = 0; i < 8; i++)
    saved[i] = (v >> (8 * i)) & 0xff;
}

void hex_out(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  for (int i = 0; i < 16; i++)
    handle[i] = "0123456789abcdef"[((uptr)p >> (4 * (15 - i))) & 0xf];
}

void bits_out(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uptr v = (uptr)p;
  for (int i = 0; i < 64; i++)
    if ((v >> i) & 1)
      saved[i / 8] |= 1 << (i % 8);
}

void divided_out(void) {
  char *p = malloc(16); // expected-remark {{'p' escapes to heap: converted to an integer}}
  uptr v = (uptr)p;
  for (int i = 0; i < 8; i++) {
    saved[i] = v % 256;
    v /= 256;
  }
}
