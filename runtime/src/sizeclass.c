//===- sizeclass.c - size classes of small objects -------------------------===//
//
// Part of escape.  Builds the size classes (multiples of 16 up to 256, then
// sixteen classes per power of two up to 32 KiB, so a block wastes
// at most 1/9 of itself past 128 bytes and 1/17 past 256), the pages of each
// class's spans, the thread cache and transfer limits, and the size -> class
// lookup tables.
//
//===----------------------------------------------------------------------===//
#include "escape/internal.h"

uint32_t esc__class_size[ESC_NCLASSES];
uint32_t esc__class_pages[ESC_NCLASSES];
uint32_t esc__class_lead[ESC_NCLASSES];
uint32_t esc__class_batch[ESC_NCLASSES];
uint32_t esc__class_max[ESC_NCLASSES];
uint32_t esc__class_slots[ESC_NCLASSES];
uint8_t esc__class_small[129];
uint8_t esc__class_mid[513];

// esc_span_fit: the fewest pages that hold at least `min` objects of `size`
// bytes and leave at most 1/frac of themselves unused at the tail.
static uint32_t esc_span_fit(uint32_t size, size_t min, size_t frac) {
  for (uint32_t np = 1;; np++) {
    size_t bytes = np * ESC_PAGE_SIZE;
    size_t n = bytes / size;
    if (n >= min && (bytes - n * size) * frac <= bytes) return np;
  }
}

// esc_class_pages picks the smallest span that leaves at most 1/64 of itself
// unused at its tail (1/8 cost a uniform 32-4096 byte mix 5 % of its bytes)
// and holds at least four objects up to 4 KiB (fewer for bigger ones, so a
// span empties and returns to the page heap sooner).  Past 4 KiB, where
// that rule asked for up to 31 pages (a 248 KiB span of 32 blocks of 7,936
// bytes), a span of more than ESC_CLASS_SPAN_MAX pages gives way to the
// smallest that wastes at most 1/16: a class a program uses for a block or
// two at a time (a file copier's buffers, one per file size) had its whole
// span resident when the span was cut from pages freed by other blocks,
// and the uncarved part was never touched again.
#define ESC_CLASS_SPAN_MAX 8
static uint32_t esc_class_pages(uint32_t size) {
  size_t min = size <= 4096 ? 4 : 1;
  uint32_t np = esc_span_fit(size, min, 64);
  return size > 4096 && np > ESC_CLASS_SPAN_MAX ? esc_span_fit(size, min, 16) : np;
}

static uint32_t esc_clamp(size_t v, uint32_t lo, uint32_t hi) {
  return v < lo ? lo : v > hi ? hi : (uint32_t)v;
}

// esc_classes_sizes fills esc__class_size; returns the number of classes.
static unsigned esc_classes_sizes(void) {
  // No 8-byte class: every block is 16-aligned, as glibc's are, so a
  // program may keep tags in the low four bits of any malloc'd pointer.
  unsigned c = 1;
  for (uint32_t s = 16; s <= 256; s += 16) esc__class_size[c++] = s;
  for (uint32_t k = 8; k < 15; k++)
    for (uint32_t j = 1; j <= 16; j++)
      esc__class_size[c++] = (1u << k) + j * (1u << (k - 4));
  return c;
}

static void esc_classes_tables(unsigned nclasses) {
  unsigned c = 1;
  for (uint32_t i = 0; i <= 128; i++) {
    while (esc__class_size[c] < i * 8) c++;
    esc__class_small[i] = (uint8_t)c;
  }
  for (uint32_t i = 0; i <= 512; i++) {
    while (c < nclasses - 1 && esc__class_size[c] < i * 64) c++;
    esc__class_mid[i] = (uint8_t)(i <= 16 ? esc__class_small[i * 8] : c);
  }
}

void esc__classes_init(void) {
  unsigned n = esc_classes_sizes();
  ESC_ASSERT(n == ESC_NCLASSES);
  size_t budget = esc__options.cache_bytes;
  for (unsigned c = 1; c < n; c++) {
    uint32_t s = esc__class_size[c];
    esc__class_pages[c] = esc_class_pages(s);
    // Classes past 256 bytes get half the budget, past 512 a quarter: each
    // cached object is memory no other class can use, a thread that frees
    // what another allocates holds some of every class it sees
    // (producer/consumer: 32 classes from 16 to 512 bytes), and objects this
    // big cost enough to use that a refill is cheap next to them.
    size_t share = s > 512 ? budget / 4 : s > 256 ? budget / 2 : budget;
    // At least sixteen objects up to 2 KiB and eight up to 4 KiB: with
    // fewer, threads that share a class meet at its central lock every other
    // call (eight threads on 16-2016 byte blocks ran 3x slower with two to
    // four objects, and 1.13x mimalloc's time with eight, where sixteen
    // run at 0.93x for 4% more peak RSS: runtime/bench/threads).  Four past
    // 4 KiB: with one, four threads churning 4-32 KiB blocks took a central
    // lock at every other such call (runtime/bench/threadpool: 547,000
    // refills, 101,000 with four, for 2% more peak RSS).
    esc__class_max[c] = esc_clamp(share / s, s <= 2048 ? 16 : s <= 4096 ? 8 : 4, 1024);
    esc__class_batch[c] = esc_clamp(esc__class_max[c] / 2, 1, 256);
    // A span cut from resident pages holds the class's first carve: 4 KiB
    // of objects, or one object past 4 KiB (central.c).  The pages of a
    // batch, or a whole span up to 1 KiB, left resident pages uncarved in
    // every class a program used for a block or two at a time
    // (runtime/bench/filebufs: 5.8 -> 4.6 MiB peak RSS).
    uint32_t lead = (uint32_t)(((s > 4096 ? s : 4096) + ESC_PAGE_SIZE - 1) / ESC_PAGE_SIZE);
    esc__class_lead[c] = lead < esc__class_pages[c] ? lead : esc__class_pages[c];
    // Keep at most ESCAPE_RT_TRANSFER_BYTES of batches per class in the slots.
    size_t batch_bytes = (size_t)esc__class_batch[c] * s;
    esc__class_slots[c] = esc_clamp(esc__options.xfer_bytes / batch_bytes, 1, esc__options.xfer_slots);
    if (esc__options.xfer_slots == 0) esc__class_slots[c] = 0;
  }
  esc_classes_tables(n);
}
