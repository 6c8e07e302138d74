// The other file of escapes.c: keeps the pointers it is given.
#include <stdlib.h>

static int *values[16];
static int count;

void registry_add(const char *name, int *value) {
  (void)name;
  if (count < 16) values[count++] = value;
}

int registry_sum(void) {
  int s = 0;
  for (int i = 0; i < count; i++) s += *values[i];
  return s;
}

void registry_clear(void) {
  for (int i = 0; i < count; i++) free(values[i]);
  count = 0;
}
