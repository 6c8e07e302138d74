//===- sizeclass.c - size classes of small objects -------------------------===//
//
// Part of escape.  Builds the size classes (8 bytes, then multiples of 16 up
// to 128, then eight classes per power of two up to 32 KiB, so a block wastes
// at most 1/9 of itself past 128 bytes), the pages of each class's spans, the
// thread cache limits and the size -> class lookup tables.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

uint32_t esc__class_size[ESC_NCLASSES];
uint32_t esc__class_pages[ESC_NCLASSES];
uint32_t esc__class_batch[ESC_NCLASSES];
uint32_t esc__class_max[ESC_NCLASSES];
uint8_t esc__class_small[129];
uint8_t esc__class_mid[257];

// esc_class_pages picks the smallest span that holds at least four objects
// and leaves at most 1/8 of itself unused at its tail.
static uint32_t esc_class_pages(uint32_t size) {
  for (uint32_t np = 1;; np++) {
    size_t bytes = np * ESC_PAGE_SIZE;
    size_t n = bytes / size;
    if (n >= 4 && (bytes - n * size) * 8 <= bytes) return np;
  }
}

static uint32_t esc_clamp(size_t v, uint32_t lo, uint32_t hi) {
  return v < lo ? lo : v > hi ? hi : (uint32_t)v;
}

// esc_classes_sizes fills esc__class_size; returns the number of classes.
static unsigned esc_classes_sizes(void) {
  unsigned c = 1;
  esc__class_size[c++] = 8;
  for (uint32_t s = 16; s <= 128; s += 16) esc__class_size[c++] = s;
  for (uint32_t k = 7; k < 15; k++)
    for (uint32_t j = 1; j <= 8; j++)
      esc__class_size[c++] = (1u << k) + j * (1u << (k - 3));
  return c;
}

static void esc_classes_tables(unsigned nclasses) {
  unsigned c = 1;
  for (uint32_t i = 0; i <= 128; i++) {
    while (esc__class_size[c] < i * 8) c++;
    esc__class_small[i] = (uint8_t)c;
  }
  for (uint32_t i = 0; i <= 256; i++) {
    while (c < nclasses - 1 && esc__class_size[c] < i * 128) c++;
    esc__class_mid[i] = (uint8_t)(i <= 8 ? esc__class_small[i * 16] : c);
  }
}

void esc__classes_init(void) {
  unsigned n = esc_classes_sizes();
  ESC_ASSERT(n == ESC_NCLASSES);
  size_t budget = esc__options.cache_bytes;
  for (unsigned c = 1; c < n; c++) {
    uint32_t s = esc__class_size[c];
    esc__class_pages[c] = esc_class_pages(s);
    esc__class_max[c] = esc_clamp(budget / s, 4, 1024);
    esc__class_batch[c] = esc_clamp(esc__class_max[c] / 2, 2, 256);
  }
  esc_classes_tables(n);
}
