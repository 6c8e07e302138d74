// Objects freed on some paths only (early return on error), goto cleanup,
// realloc growth of a local buffer.  Kept: the buffer handed back through
// an out-parameter on success.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_pair(const char *s, int *a, int *b) {
  char *copy = strdup(s);
  if (!copy) return -1;
  char *colon = strchr(copy, ':');
  if (!colon) {
    free(copy);
    return -1;
  }
  *colon = '\0';
  *a = atoi(copy);
  *b = atoi(colon + 1);
  free(copy);
  return 0;
}

static int checked_sum(const int *v, int n, long *out) {
  int rc = -1;
  long *acc = malloc(sizeof *acc);
  int *neg = calloc(4, sizeof *neg);
  if (!acc || !neg) goto cleanup;
  *acc = 0;
  for (int i = 0; i < n; i++) {
    if (v[i] < 0) { neg[0]++; goto cleanup; }
    *acc += v[i];
  }
  *out = *acc;
  rc = 0;
cleanup:
  free(neg);
  free(acc);
  return rc;
}

static size_t collect_digits(const char *s, char *dst, size_t cap) {
  size_t cap2 = 4, len = 0;
  char *buf = malloc(cap2);
  for (; *s; s++) {
    if (*s < '0' || *s > '9') continue;
    if (len + 1 >= cap2) {
      cap2 *= 2;
      char *nb = realloc(buf, cap2);
      if (!nb) { free(buf); return 0; }
      buf = nb;
    }
    buf[len++] = *s;
  }
  buf[len] = '\0';
  snprintf(dst, cap, "%s", buf);
  free(buf);
  return len;
}

static int read_words(const char *text, char **out) {
  size_t cap = 8, len = 0;
  char *buf = malloc(cap);  // keep: stored through out-parameter
  if (!buf) return -1;
  for (const char *p = text; *p; p++) {
    if (len + 2 > cap) {
      char *nb = realloc(buf, cap * 2);  // keep: stored through out-parameter
      if (!nb) { free(buf); return -1; }
      buf = nb;
      cap *= 2;
    }
    buf[len++] = (*p == ' ') ? '_' : *p;
  }
  buf[len] = '\0';
  if (len < 3) { free(buf); return -1; }
  *out = buf;
  return (int)len;
}

int main(void) {
  const char *pairs[] = {"3:4", "10:-2", "nocolon", "7:7"};
  for (int i = 0; i < 4; i++) {
    int a = 0, b = 0;
    int rc = parse_pair(pairs[i], &a, &b);
    printf("pair %s -> rc %d a %d b %d\n", pairs[i], rc, a, b);
  }
  int good[] = {1, 2, 3, 4}, bad[] = {1, -2, 3};
  long s = -1;
  printf("sum good rc %d", checked_sum(good, 4, &s)); printf(" = %ld\n", s);
  s = -1;
  printf("sum bad rc %d", checked_sum(bad, 3, &s)); printf(" = %ld\n", s);
  char digits[64];
  size_t n = collect_digits("a1b22c333d4444e55555f666666", digits, sizeof digits);
  printf("digits %zu %s\n", n, digits);
  char *w = NULL;
  int len = read_words("the quick brown fox jumps over the lazy dog", &w);
  printf("words %d %s\n", len, w ? w : "(null)");
  free(w);
  char *w2 = NULL;
  printf("short %d %s\n", read_words("ab", &w2), w2 ? w2 : "(null)");
  return 0;
}
