// REQUIRES: escape-cc
// RUN: rm -rf %t.d %t.file && touch %t.file
// RUN: env ESCAPE_CC_REPORT_DIR=%t.d/a/b %escape_cc -O2 -c %s -o %t.o
// RUN: ls %t.d/a/b | FileCheck %s --check-prefix=NAME
// RUN: cat %t.d/a/b/*.yaml | FileCheck %s --check-prefix=YAML
// RUN: env ESCAPE_CC_REPORT_DIR=%t.d/a/b %escape_cc -O2 -c %s -o %t.o
// RUN: ls %t.d/a/b | wc -l | FileCheck %s --check-prefix=TWO
// RUN: not env ESCAPE_CC_REPORT_DIR=%t.file/sub %escape_cc -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=ERR
// ESCAPE_CC_REPORT_DIR names a folder that escape-cc creates with its
// parents when missing (every compile failed with "cannot write escape
// report" before); each compile leaves a report of its own there.  A
// folder that cannot be made still stops the compile with the report's
// name.
// NAME: escape-cc-report-dir.c.{{[0-9]+}}.yaml
// YAML: Name:{{ *}}HeapToStack
// TWO: 2
// ERR: error: cannot write escape report '{{.*}}.file/sub/escape-cc-report-dir.c.{{[0-9]+}}.yaml'
#include <stdlib.h>
#include <string.h>

int scratch(const char *s) {
  char *t = malloc(16);
  strncpy(t, s, 15);
  t[15] = 0;
  int n = (int)strlen(t);
  free(t);
  return n;
}
