// The other half of descent.c's parser.
#include <stdlib.h>

long parse_list(const char **s, int depth);

long parse_item(const char **s, int depth) {
  if (**s == '(') return parse_list(s, depth);
  long v = 0;
  while (**s >= '0' && **s <= '9') v = v * 10 + (*(*s)++ - '0');
  return v;
}
