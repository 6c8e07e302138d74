// RUN: %escape -fsyntax-only -fplugin-arg-escape-report=%t.yaml %s
// A file with no allocation sites gets an empty report.

// RUN: test -f %t.yaml
// RUN: not grep -q -- '---' %t.yaml
int add(int a, int b) { return a + b; }
