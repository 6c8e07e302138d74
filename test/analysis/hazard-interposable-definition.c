// RUN: %escape -fsyntax-only -Xclang -verify=pic,pic0 -fplugin-arg-escape-m=1 -fPIC -I %inputs %s
// RUN: %escape -fsyntax-only -O2 -Xclang -verify=pic,pic0 -fplugin-arg-escape-m=1 -fPIC -fsemantic-interposition -I %inputs %s
// RUN: %escape -fsyntax-only -O2 -Xclang -verify=pic,picopt -fplugin-arg-escape-m=1 -fPIC -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=own -fplugin-arg-escape-m=1 -fPIC -fno-semantic-interposition -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=own -fplugin-arg-escape-m=1 -fPIC -fvisibility=hidden -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=own -fplugin-arg-escape-m=1 -fPIE -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=own -fplugin-arg-escape-m=1 -fno-pic -I %inputs %s
// In a shared object (-fPIC, not -fPIE), a function with default
// visibility may be interposed: the executable, or a library loaded
// earlier, defines the same name and the object's calls through the PLT run
// that definition, which may keep the pointer.  Its body here proves
// nothing.  -fno-semantic-interposition, hidden or protected visibility,
// `static`, or code for an executable make the body the one that runs.
// An allocation wrapper exported so stays a wrapper where clang may inline
// it (-O1 and up, without -fsemantic-interposition): the pass inlines its
// body into the caller of a promoted site, so that body is what runs; the
// pointers passed to it escape.  At -O0 clang calls it through the PLT,
// and so does the program.
#include "alloc.h"

void sink(char *p) { (void)p; }
static void own_sink(char *p) { (void)p; }
__attribute__((visibility("hidden"))) void hidden_sink(char *p) { (void)p; }
__attribute__((visibility("protected"))) void protected_sink(char *p) { (void)p; }

void use_exported(void) {
  char *p = malloc(16); // pic-remark {{'p' escapes to heap: passed to 'sink', which another shared object may replace (exported from position-independent code)}} own-remark {{allocation does not escape}}
  sink(p);
  free(p);
}

void use_own(void) {
  char *p = malloc(16); // pic-remark {{allocation does not escape}} own-remark {{allocation does not escape}}
  own_sink(p);
  hidden_sink(p);
  protected_sink(p);
  free(p);
}

char *xstrdup(const char *s) { // pic-remark {{leaking param content: 's'}} own-remark {{leaking param content: 's'}}
  char *d = malloc(strlen(s) + 1); // pic-remark {{'d' escapes to heap: returned from 'xstrdup'}} own-remark {{'d' escapes to heap: returned from 'xstrdup'}}
  return strcpy(d, s);
}

int use_wrapper(void) {
  char *name = malloc(8); // pic0-remark {{'name' escapes to heap: passed to 'xstrdup', which another shared object may replace}} picopt-remark {{'name' escapes to heap: passed to 'xstrdup', whose parameter 's' leaks}} own-remark {{allocation does not escape}}
  strcpy(name, "abc");
  char *copy = xstrdup(name); // picopt-remark {{allocation does not escape}} own-remark {{allocation does not escape}}
  int n = (int)strlen(copy);
  free(copy);
  free(name);
  return n;
}
