// Temporary strings: snprintf into malloc'd buffers, strdup/strndup then
// free, a portable asprintf, join and split.  Kept: the joined string the
// caller owns and the label stored in a global.
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *last_label;

/* asprintf without GNU extensions: measure, allocate, format. */
static char *format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return NULL;
  char *s = malloc((size_t)n + 1);  // keep: returned
  if (!s) return NULL;
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

static char *join(const char *const *parts, int n, const char *sep) {
  size_t len = 1, seplen = strlen(sep);
  for (int i = 0; i < n; i++) len += strlen(parts[i]) + (i ? seplen : 0);
  char *out = malloc(len);  // keep: returned
  if (!out) return NULL;
  char *p = out;
  for (int i = 0; i < n; i++) {
    if (i) { memcpy(p, sep, seplen); p += seplen; }
    size_t l = strlen(parts[i]);
    memcpy(p, parts[i], l);
    p += l;
  }
  *p = '\0';
  return out;
}

static int count_fields(const char *line, char delim) {
  char *copy = strdup(line);
  if (!copy) return -1;
  int n = 0;
  char d[2] = {delim, '\0'};
  for (char *tok = strtok(copy, d); tok; tok = strtok(NULL, d)) n++;
  free(copy);
  return n;
}

static unsigned checksum_prefix(const char *s, size_t n) {
  char *pre = strndup(s, n);
  unsigned h = 5381;
  for (char *c = pre; *c; c++) h = h * 33 + (unsigned char)*c;
  free(pre);
  return h;
}

static void print_report(const char *name, int value) {
  char *buf = malloc(64);
  snprintf(buf, 64, "%-10s|%6d|", name, value);
  puts(buf);
  free(buf);
}

static void set_label(const char *who, int id) {
  free(last_label);
  last_label = format("%s#%d", who, id);
}

static int upper_len(const char *s) {
  size_t n = strlen(s);
  char *u = malloc(n + 1);
  for (size_t i = 0; i <= n; i++)
    u[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
  int len = (int)strlen(u);
  printf("upper: %s\n", u);
  free(u);
  return len;
}

int main(void) {
  const char *words[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
  char *csv = join(words, 5, ",");
  printf("joined: %s\n", csv);
  printf("fields: %d\n", count_fields(csv, ','));
  for (int i = 1; i <= 5; i++) printf("prefix %d: %u\n", i, checksum_prefix(csv, (size_t)i * 3));
  for (int i = 0; i < 5; i++) {
    char *line = format("%s=%d", words[i], i * i);
    print_report(line, (int)strlen(line));
    free(line);
  }
  for (int i = 0; i < 3; i++) set_label(words[i], i);
  printf("label: %s\n", last_label);
  printf("upper len: %d\n", upper_len(csv));
  free(csv);
  free(last_label);
  return 0;
}
