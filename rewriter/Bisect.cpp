//===- Bisect.cpp - Hash-selected subsets of allocation sites ------------===//
//
// This file implements the site keys and the bisect pattern: a miscompile is
// found by enabling the transformation for a hash-selected half of the sites,
// then a quarter, until one site remains (as Go's -d=...hash).
//
//===----------------------------------------------------------------------===//
#include "escape/rewriter/FrameRewrite.h"

namespace escape::rewriter {

std::string siteKey(const std::string &File, unsigned Line, unsigned Column) {
  return File + ":" + std::to_string(Line) + ":" + std::to_string(Column);
}

uint64_t siteHash(const std::string &Key) {
  uint64_t H = 0xcbf29ce484222325ULL; // FNV-1a offset basis
  for (unsigned char C : Key) {
    H ^= C;
    H *= 0x100000001b3ULL; // FNV-1a prime
  }
  return H;
}

bool bisectPatternValid(const std::string &Pattern) {
  if (Pattern.empty() || Pattern == "y" || Pattern == "n")
    return true;
  for (char C : Pattern)
    if (C != '0' && C != '1')
      return false;
  return true;
}

bool siteSelected(const std::string &Key, const std::string &Pattern) {
  if (Pattern.empty() || Pattern == "y")
    return true;
  if (Pattern == "n" || !bisectPatternValid(Pattern))
    return false;
  uint64_t H = siteHash(Key);
  size_t N = Pattern.size();
  for (size_t I = 0; I < N; ++I) {
    unsigned Bit = I < 64 ? unsigned((H >> I) & 1) : 0;
    if (Pattern[N - 1 - I] != char('0' + Bit))
      return false;
  }
  return true;
}

} // namespace escape::rewriter
