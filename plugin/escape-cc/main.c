//===- main.c - escape-cc entry point -------------------------------------===//
//
// escape-cc: a drop-in C compiler that runs clang-19 with the escape plugin
// and links the escape runtime.  See docs/escape-cc.md.
//
//===----------------------------------------------------------------------===//
#include "driver.h"

int main(int argc, char **argv) { return escc_main(argc, argv); }
