// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 -fplugin-arg-escape-arena=1 %s
// An indirect call whose pointer comes from a const table of functions of
// the file (`commands[i].fn(w)`, `OPS.visit(w)`), from a choice of
// functions at the call, or from a variable only its declaration sets, may
// reach only those functions: when each of them only reads and writes
// through its parameters, what the call is given stays local.  A table one
// of whose functions keeps its argument, a table that is not const, a
// variable assigned again and a pointer reached through another pointer
// let the arguments escape as any indirect call does.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *kept;

static int cmd_upper(char *s) {
  for (; *s; s++)
    *s = (char)toupper((unsigned char)*s);
  return 0;
}
static int cmd_lower(char *s) {
  for (; *s; s++)
    *s = (char)tolower((unsigned char)*s);
  return 1;
}
static int cmd_keep(char *s) { // expected-remark {{leaking param: 's'}}
  kept = s;
  return 2;
}

typedef int (*cmd_fn)(char *);
static const struct {
  const char *name;
  cmd_fn fn;
} commands[] = {{"upper", cmd_upper}, {"lower", cmd_lower}};
static const struct {
  cmd_fn fn;
} keeping[] = {{cmd_upper}, {cmd_keep}};
static struct {
  cmd_fn fn;
} writable[] = {{cmd_upper}};
struct ops {
  cmd_fn visit;
};
static const struct ops OPS = {cmd_lower};
static const struct ops *const OPS_P = &OPS;

int run(int which, const char *word) { // expected-remark {{leaking param content: 'word'}}
  char *a = strdup(word); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *b = strdup(word); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *c = strdup(word); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *d = strdup(word); // expected-remark {{allocation does not escape; would move to the frame arena}}
  char *e = strdup(word); // expected-remark {{'e' escapes to heap: passed to an indirect call}}
  char *f = strdup(word); // expected-remark {{'f' escapes to heap: passed to an indirect call}}
  char *g = strdup(word); // expected-remark {{'g' escapes to heap: passed to an indirect call}}
  char *h = strdup(word); // expected-remark {{'h' escapes to heap: passed to an indirect call}}
  cmd_fn once = which ? cmd_lower : cmd_upper;
  cmd_fn again = cmd_upper;
  int r = commands[which & 1].fn(a);
  r += OPS.visit(b);
  r += (which > 2 ? cmd_lower : cmd_upper)(c);
  r += once(d);
  r += keeping[which & 1].fn(e);
  r += writable[0].fn(f);
  if (which > 3)
    again = cmd_keep;
  r += again(g);
  r += OPS_P->visit(h);
  free(a);
  free(b);
  free(c);
  free(d);
  return r;
}
