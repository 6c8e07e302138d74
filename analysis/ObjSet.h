//===- ObjSet.h - Sets of objects, as sorted 64-bit words ----------------===//
//
// The points-to sets of the solver.  A set is a sorted vector of 64-bit
// words, each holding the objects [64 * Index, 64 * Index + 64); no word
// is zero.  Most functions have fewer than 64 objects, so most sets are
// one word kept inline, and the solver's step, adding what one set holds
// to another and naming the objects that were new (addNew), works a word
// at a time instead of testing object by object.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_OBJSET_H
#define ESCAPE_ANALYSIS_OBJSET_H

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace escape::analysis {

class ObjSet {
  struct Word {
    uint32_t Index;
    uint64_t Bits;
  };
  llvm::SmallVector<Word, 1> Words; ///< sorted by Index, no zero Bits
  unsigned Count = 0;               ///< objects in the set

  /// The first word whose Index is not below \p Index.
  const Word *lower(uint32_t Index) const {
    const Word *W = Words.begin(), *E = Words.end();
    if (E - W > 8)
      return std::lower_bound(W, E, Index,
                              [](const Word &A, uint32_t I) { return A.Index < I; });
    while (W != E && W->Index < Index)
      ++W;
    return W;
  }
  Word *lower(uint32_t Index) {
    return const_cast<Word *>(static_cast<const ObjSet *>(this)->lower(Index));
  }

public:
  bool empty() const { return Words.empty(); }

  bool test(unsigned O) const {
    const Word *W = lower(O / 64);
    return W != Words.end() && W->Index == O / 64 && (W->Bits >> (O % 64) & 1);
  }

  /// Adds \p O; returns whether it was new.
  bool test_and_set(unsigned O) {
    Word *W = lower(O / 64);
    uint64_t Bit = uint64_t(1) << (O % 64);
    if (W != Words.end() && W->Index == O / 64) {
      if (W->Bits & Bit)
        return false;
      W->Bits |= Bit;
      ++Count;
      return true;
    }
    Words.insert(W, Word{O / 64, Bit});
    ++Count;
    return true;
  }
  void set(unsigned O) { test_and_set(O); }

  void reset(unsigned O) {
    Word *W = lower(O / 64);
    uint64_t Bit = uint64_t(1) << (O % 64);
    if (W == Words.end() || W->Index != O / 64 || !(W->Bits & Bit))
      return;
    W->Bits &= ~Bit;
    --Count;
    if (!W->Bits)
      Words.erase(W);
  }

  unsigned count() const { return Count; }

  /// The smallest object in the set, or -1 when it is empty.
  int find_first() const {
    return Words.empty() ? -1 : int(Words[0].Index * 64 + __builtin_ctzll(Words[0].Bits));
  }

  /// Adds what \p R holds and calls \p OnNew(O) for each object that was
  /// not here, in increasing order.  Returns whether any was.
  template <typename Fn> bool addNew(const ObjSet &R, Fn OnNew) {
    bool Changed = false;
    auto report = [&](uint32_t Index, uint64_t New) {
      Changed = true;
      for (; New; New &= New - 1) {
        ++Count;
        OnNew(int(Index * 64 + __builtin_ctzll(New)));
      }
    };
    // Words of R whose index is here change in place; any other makes
    // the merged vector.
    Word *W = Words.begin();
    const Word *RW = R.Words.begin(), *RE = R.Words.end();
    for (; RW != RE; ++RW) {
      while (W != Words.end() && W->Index < RW->Index)
        ++W;
      if (W == Words.end() || W->Index != RW->Index)
        break;
      if (uint64_t New = RW->Bits & ~W->Bits) {
        W->Bits |= New;
        report(W->Index, New);
      }
    }
    if (RW == RE)
      return Changed;
    llvm::SmallVector<Word, 1> Merged;
    Merged.reserve(Words.size() + size_t(RE - RW));
    const Word *L = Words.begin(), *LE = Words.end();
    while (L != LE && L->Index < RW->Index)
      Merged.push_back(*L++);
    while (L != LE || RW != RE) {
      if (RW == RE || (L != LE && L->Index < RW->Index)) {
        Merged.push_back(*L++);
      } else if (L == LE || RW->Index < L->Index) {
        Merged.push_back(*RW);
        report(RW->Index, RW->Bits);
        ++RW;
      } else {
        uint64_t New = RW->Bits & ~L->Bits;
        Merged.push_back(Word{L->Index, L->Bits | New});
        if (New)
          report(L->Index, New);
        ++L, ++RW;
      }
    }
    Words = std::move(Merged);
    return Changed;
  }

  /// Adds what \p R holds; returns whether anything was new.
  bool operator|=(const ObjSet &R) {
    return addNew(R, [](int) {});
  }

  /// The objects in increasing order.
  class iterator {
    const Word *W = nullptr, *E = nullptr;
    uint64_t Left = 0; ///< bits of *W not yet visited

  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = int;
    using difference_type = std::ptrdiff_t;
    using pointer = const int *;
    using reference = int;

    iterator() = default;
    iterator(const Word *W, const Word *E) : W(W), E(E), Left(W != E ? W->Bits : 0) {}
    int operator*() const { return int(W->Index * 64 + __builtin_ctzll(Left)); }
    iterator &operator++() {
      Left &= Left - 1;
      if (!Left && ++W != E)
        Left = W->Bits;
      return *this;
    }
    bool operator==(const iterator &R) const { return W == R.W && Left == R.Left; }
    bool operator!=(const iterator &R) const { return !(*this == R); }
  };
  iterator begin() const { return iterator(Words.begin(), Words.end()); }
  iterator end() const { return iterator(Words.end(), Words.end()); }
};

} // namespace escape::analysis

#endif
