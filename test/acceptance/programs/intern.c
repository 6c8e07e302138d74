// String interning in a local table: every distinct word is copied once
// into a chunked string store, the table maps words to the interned copy,
// and interned pointers are then compared by address (equality, and
// ordering to sort a local array of them).  The whole table is torn down
// before the function returns.  Kept: a global's interned label.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store { char *chunk; size_t used, cap; struct store *prev; };
struct table { const char **slots; size_t cap, count; struct store *strings; };

static unsigned long hash_str(const char *s) {
  unsigned long h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

static const char *store_add(struct table *t, const char *s, size_t n) {
  struct store *st = t->strings;
  if (!st || st->used + n + 1 > st->cap) {
    size_t cap = n + 1 > 256 ? n + 1 : 256;
    struct store *ns = malloc(sizeof *ns);  // keep: linked into the caller's table
    ns->chunk = malloc(cap);                // keep: linked into the caller's table
    ns->used = 0;
    ns->cap = cap;
    ns->prev = st;
    t->strings = st = ns;
  }
  char *p = st->chunk + st->used;
  memcpy(p, s, n);
  p[n] = '\0';
  st->used += n + 1;
  return p;
}

static const char *intern(struct table *t, const char *s, size_t n) {
  if (2 * (t->count + 1) > t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 16;
    const char **slots = calloc(cap, sizeof *slots);  // keep: stored in the caller's table
    for (size_t i = 0; i < t->cap; i++) {
      if (!t->slots[i]) continue;
      size_t j = hash_str(t->slots[i]) & (cap - 1);
      while (slots[j]) j = (j + 1) & (cap - 1);
      slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
  }
  char key[64];
  if (n >= sizeof key) n = sizeof key - 1;
  memcpy(key, s, n);
  key[n] = '\0';
  size_t j = hash_str(key) & (t->cap - 1);
  while (t->slots[j]) {
    if (strcmp(t->slots[j], key) == 0) return t->slots[j];
    j = (j + 1) & (t->cap - 1);
  }
  t->count++;
  return t->slots[j] = store_add(t, key, n);
}

static void table_free(struct table *t) {
  while (t->strings) {
    struct store *p = t->strings->prev;
    free(t->strings->chunk);
    free(t->strings);
    t->strings = p;
  }
  free(t->slots);
}

static int by_address(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)*(const char *const *)a, y = (uintptr_t)*(const char *const *)b;
  return x < y ? -1 : x > y;
}

static const char *g_label;

static void word_stats(const char *text, int rounds) {
  struct table t = { 0 };
  size_t nwords = 0, cap = 64;
  const char **words = malloc(cap * sizeof *words);
  for (int r = 0; r < rounds; r++) {
    for (const char *p = text; *p;) {
      while (*p == ' ') p++;
      const char *q = p;
      while (*q && *q != ' ') q++;
      if (q == p) break;
      if (nwords == cap) words = realloc(words, (cap *= 2) * sizeof *words);
      words[nwords++] = intern(&t, p, (size_t)(q - p));
      p = q;
    }
  }
  /* Equal words share one pointer: count runs after sorting by address. */
  qsort(words, nwords, sizeof *words, by_address);
  size_t distinct = 0, longest_run = 0, run = 0;
  for (size_t i = 0; i < nwords; i++) {
    if (i == 0 || words[i] != words[i - 1]) { distinct++; run = 0; }
    if (++run > longest_run) longest_run = run;
  }
  const char *the = intern(&t, "the", 3), *the2 = intern(&t, "the", 3);
  printf("words %zu distinct %zu/%zu longest run %zu same 'the' %d\n",
         nwords, distinct, t.count, longest_run, the == the2);
  free(words);
  table_free(&t);
}

int main(void) {
  const char *text = "the quick brown fox jumps over the lazy dog while the cat "
                     "watches the fox and the dog sleeps under the old oak tree";
  word_stats(text, 1);
  word_stats(text, 50);
  char *many = malloc(20000);
  size_t off = 0;
  for (int i = 0; i < 2000; i++) off += (size_t)sprintf(many + off, "w%d ", i % 700);
  word_stats(many, 3);
  free(many);
  char *label = malloc(16);  // keep: stored in a global
  strcpy(label, "interned");
  g_label = label;
  printf("label %s\n", g_label);
  return 0;
}
