//===- ObjSetTest.cpp - ObjSet against std::set, by random operations ----===//
//
// Part of escape.  Runs random sequences of the solver's set operations on
// an ObjSet and on a std::set side by side, and fails at the first
// difference: contents, order of iteration, count, the objects addNew
// names as new and what the operations return.  Objects span several words (0..1000)
// or cluster in one (0..63), so both the inline and the merged paths run.
//
//===----------------------------------------------------------------------===//
#include "ObjSet.h"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <vector>

using escape::analysis::ObjSet;

static int Failures = 0;

static void check(bool Ok, const char *What, unsigned Seed, int Step) {
  if (!Ok && Failures++ < 10)
    std::fprintf(stderr, "ObjSetTest: seed %u step %d: %s\n", Seed, Step, What);
}

static bool same(const ObjSet &S, const std::set<int> &R) {
  std::vector<int> Got(S.begin(), S.end());
  return Got == std::vector<int>(R.begin(), R.end()) && S.count() == R.size() &&
         S.empty() == R.empty() && S.find_first() == (R.empty() ? -1 : *R.begin());
}

int main() {
  for (unsigned Seed = 1; Seed <= 400; ++Seed) {
    std::mt19937 Rng(Seed);
    int Range = Seed % 4 == 0 ? 64 : Seed % 4 == 1 ? 200 : 1000;
    auto obj = [&] { return int(Rng() % unsigned(Range)); };
    ObjSet S[3];
    std::set<int> R[3];
    for (int Step = 0; Step < 300; ++Step) {
      unsigned A = Rng() % 3, B = Rng() % 3;
      switch (Rng() % 7) {
      case 0: case 1: {
        int O = obj();
        check(S[A].test_and_set(O) == R[A].insert(O).second, "test_and_set", Seed, Step);
        break;
      }
      case 2: {
        int O = obj();
        S[A].reset(O);
        R[A].erase(O);
        break;
      }
      case 3: {
        std::vector<int> New, Want;
        for (int O : R[B])
          if (!R[A].count(O))
            Want.push_back(O);
        ObjSet From = S[B];
        bool Changed = S[A].addNew(From, [&](int O) { New.push_back(O); });
        R[A].insert(R[B].begin(), R[B].end());
        check(New == Want && Changed == !Want.empty(), "addNew", Seed, Step);
        break;
      }
      case 4: {
        ObjSet From = S[B];
        size_t Before = R[A].size();
        R[A].insert(R[B].begin(), R[B].end());
        check((S[A] |= From) == (R[A].size() != Before), "|=", Seed, Step);
        break;
      }
      case 5: {
        int O = obj();
        check(S[A].test(O) == (R[A].count(O) != 0), "test", Seed, Step);
        break;
      }
      case 6:
        // Sets emptied one object at a time, so merges start again from
        // words that are absent.
        if (Rng() % 8 == 0) {
          for (int O : std::set<int>(R[A]))
            S[A].reset(O);
          R[A].clear();
        }
        break;
      }
      for (int I = 0; I < 3; ++I)
        check(same(S[I], R[I]), "contents", Seed, Step);
    }
  }
  if (Failures) {
    std::fprintf(stderr, "ObjSetTest: %d failures\n", Failures);
    return 1;
  }
  std::puts("ObjSetTest: 400 seeds, 300 steps each: same as std::set");
  return 0;
}
