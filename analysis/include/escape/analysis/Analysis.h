//===- Analysis.h - Escape analysis entry point ---------------------------===//
//
// Runs the escape analysis over a whole translation unit and returns, for
// every allocation site, its verdict and the storage the policy chose.
// See analysis/Analysis.cpp for the design.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_ANALYSIS_H
#define ESCAPE_ANALYSIS_ANALYSIS_H

#include "escape/analysis/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
}

namespace escape::analysis {

/// One `#pragma escape off` or `#pragma escape on`.
struct PragmaMark {
  std::string File;
  unsigned Line = 0;
  bool Off = false;
};

/// The storage policy; every number is a plugin argument.
struct Policy {
  uint64_t StackLimit = 1024;      ///< largest object put on the stack
  /// Stack bytes promoted per function.  Small: code that runs on small
  /// stacks (coroutines, green threads) mallocs what it would not put on
  /// them, and a chain of calls adds up its functions' budgets.
  uint64_t FrameBudget = 1024;
  /// Stack bytes promoted along a chain of calls the file shows, a
  /// function's own with the most of any function it calls: a thread's
  /// 16 KiB stack held a chain of 25 functions with a 1000-byte block each
  /// in plain code, not with the blocks on it.  The functions nearest the
  /// leaves keep theirs; callers above them use the frame arena.
  uint64_t ChainBudget = 4096;
  uint64_t ArenaCap = 1u << 20;    ///< largest constant size for the arena
  /// Steps the solver may take for one function: points-to facts added,
  /// flow edges made or followed, and one per 16 objects passed along an
  /// edge.  Past it the function is left as if its body were in another
  /// file: its sites stay on the heap and its summary is the worst.  The
  /// largest function of SQLite's shell takes 485,000; a function linking
  /// 2,000 allocated nodes into one list, 4 million.
  uint64_t SolverBudget = 1u << 22;
  /// A stack slot this large for a malloc, calloc, strdup or strndup whose
  /// size is not a constant but which could take the stack otherwise: the
  /// block takes the slot when its size at run time fits, else the frame
  /// arena (as Go gives `make([]T, n)` a small stack buffer).  0: the arena
  /// only.
  uint64_t SmallStack = 64;
  bool ArenaEnabled = false;       ///< the frame arena runtime is linked
  /// -Wframe-larger-than=N: N, else 0.  No object goes on the stack then:
  /// its bytes could take a frame past N, a warning plain clang did not
  /// give (an error under -Werror).
  uint64_t FrameSizeLimit = 0;
  bool Transform = true;           ///< false: report what would be done
  /// -fno-strict-aliasing or -O0: memory may be read through any type, so
  /// a number read through any pointer may be a pointer's bytes.
  bool LooseAliasing = false;
  /// The program registers printf conversions or makes custom streams
  /// (fopencookie, funopen) in a file other than this one: every file's
  /// printf-family and stdio output calls may then run its code and keep
  /// their arguments, as in a file that does so itself.
  bool StdioHooks = false;
  /// -O1 and up: clang inlines, so it may take in an exported function's
  /// body as the pass takes in an allocation wrapper's.
  bool Optimize = true;
  /// `#pragma escape off|on` lines, in source order per file.
  std::vector<PragmaMark> Pragmas;
};

/// Analyzes every function with a body in \p Ctx's translation unit.
TUResult analyzeTranslationUnit(clang::ASTContext &Ctx, const Policy &P);

} // namespace escape::analysis

#endif
