// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=%t.yaml -I %inputs %s
// Reasons with quotes and colons are valid YAML: a YAML parser reads them back.
#include "alloc.h"

// RUN: %python -c "import sys, yaml; [d for d in yaml.load_all(open(sys.argv[1]), Loader=yaml.BaseLoader)]; print('parsed')" %t.yaml | FileCheck %s
char *last;
static void keep(char *q) { last = q; }
void use(void) { char *p = malloc(8); keep(p); }
void local(size_t n) { char *p = malloc(n); free(p); }
// CHECK: parsed
