// scribble(n) writes over 16 KiB of the stack below its caller, so a block
// a returned function left there reads as the letters it wrote.
#ifndef ESCAPE_TEST_SCRIBBLE_H
#define ESCAPE_TEST_SCRIBBLE_H

__attribute__((noinline)) static int scribble(int n) {
  volatile char buf[16384];
  for (int i = 0; i < 16384; i++)
    buf[i] = (char)('a' + (i + n) % 26);
  return buf[n];
}

#endif
