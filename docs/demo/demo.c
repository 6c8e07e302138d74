/* A small word-frequency counter with the allocation patterns escape
   looks for: scratch buffers, temporary strings, per-iteration work
   areas, and a table that outlives the function that builds it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
  char *word;
  int count;
  struct entry *next;
};

struct table {
  struct entry *buckets[64];
};

static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h % 64;
}

/* The table and its entries outlive add_word: they escape. */
static void add_word(struct table *t, const char *w) {
  unsigned h = hash(w);
  for (struct entry *e = t->buckets[h]; e; e = e->next)
    if (strcmp(e->word, w) == 0) {
      e->count++;
      return;
    }
  struct entry *e = malloc(sizeof *e);
  e->word = strdup(w);
  e->count = 1;
  e->next = t->buckets[h];
  t->buckets[h] = e;
}

/* A scratch copy of each line, lowered and split: never leaves. */
static void count_line(struct table *t, const char *line) {
  size_t n = strlen(line);
  char *copy = malloc(n + 1);
  memcpy(copy, line, n + 1);
  for (char *p = copy; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      *p += 'a' - 'A';
  char *word = malloc(64); /* a fixed work area */
  size_t len = 0;
  for (char *p = copy;; p++) {
    if ((*p >= 'a' && *p <= 'z') && len < 63) {
      word[len++] = *p;
      continue;
    }
    if (len) {
      word[len] = 0;
      add_word(t, word);
      len = 0;
    }
    if (!*p)
      break;
  }
  free(word);
  free(copy);
}

static struct table *new_table(void) {
  return calloc(1, sizeof(struct table));
}

int main(void) {
  static const char *text[] = {
      "The quick brown fox jumps over the lazy dog",
      "the dog sleeps and the fox runs",
      "A fox, a dog, and THE end",
  };
  struct table *t = new_table();
  for (int round = 0; round < 1000; round++)
    for (unsigned i = 0; i < sizeof text / sizeof *text; i++)
      count_line(t, text[i]);
  int *counts = calloc(4, sizeof(int)); /* a small histogram */
  for (int b = 0; b < 64; b++)
    for (struct entry *e = t->buckets[b]; e; e = e->next)
      counts[e->count >= 3000 ? 3 : e->count / 1000]++;
  printf("words seen 1000x: %d, 2000x: %d, 3000x+: %d\n", counts[1],
         counts[2], counts[3]);
  free(counts);
  return 0;
}
