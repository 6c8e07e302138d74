// RUN: %escape -fsyntax-only -Xclang -verify -fplugin-arg-escape-m=1 %s
// The remark names what returns twice: setjmp and sigsetjmp as the
// program wrote them (glibc's macros call _setjmp and __sigsetjmp), and
// getcontext by its own name.
#include <setjmp.h>
#include <stdlib.h>
#include <ucontext.h>

int plain(jmp_buf env) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function calls 'setjmp'}}
  int r = setjmp(env);
  free(p);
  return r;
}

int sig(sigjmp_buf env) {
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function calls 'sigsetjmp'}}
  int r = sigsetjmp(env, 1);
  free(p);
  return r;
}

int ctx(ucontext_t *uc) { // expected-remark {{leaking param: 'uc'}}
  char *p = malloc(16); // expected-remark {{allocation does not escape; stays on the heap: function calls 'getcontext', which returns twice}}
  int r = getcontext(uc);
  free(p);
  return r;
}
