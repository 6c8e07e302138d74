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

// A pattern is y (every site), n (none), bits, or several bit patterns
// joined by '+' (the sites any of them selects: escape-bisect names the
// few sites a failure needs together by their full hashes).
bool bisectPatternValid(const std::string &Pattern) {
  if (Pattern.empty() || Pattern == "y" || Pattern == "n")
    return true;
  if (Pattern.front() == '+' || Pattern.back() == '+' ||
      Pattern.find("++") != std::string::npos)
    return false;
  for (char C : Pattern)
    if (C != '0' && C != '1' && C != '+')
      return false;
  return true;
}

static bool bitsSelect(uint64_t H, const std::string &Bits, size_t From, size_t To) {
  size_t N = To - From;
  for (size_t I = 0; I < N; ++I) {
    unsigned Bit = I < 64 ? unsigned((H >> I) & 1) : 0;
    if (Bits[To - 1 - I] != char('0' + Bit))
      return false;
  }
  return true;
}

bool siteSelected(const std::string &Key, const std::string &Pattern) {
  if (Pattern.empty() || Pattern == "y")
    return true;
  if (Pattern == "n" || !bisectPatternValid(Pattern))
    return false;
  uint64_t H = siteHash(Key);
  for (size_t From = 0; From <= Pattern.size();) {
    size_t To = Pattern.find('+', From);
    if (To == std::string::npos)
      To = Pattern.size();
    if (bitsSelect(H, Pattern, From, To))
      return true;
    From = To + 1;
  }
  return false;
}

} // namespace escape::rewriter
