// RUN: %escape -fsyntax-only -Xclang -verify=pic -fplugin-arg-escape-m=1 -fPIC -I %inputs %s
// RUN: %escape -fsyntax-only -Xclang -verify=pic -fplugin-arg-escape-m=1 -fPIC -fsemantic-interposition -I %inputs %s
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
