//===- Policy.h - Choosing storage for allocation sites ------------------===//
#ifndef ESCAPE_ANALYSIS_POLICY_H
#define ESCAPE_ANALYSIS_POLICY_H

#include "escape/analysis/Analysis.h"

#include <string>
#include <vector>

namespace escape::analysis {

/// What the policy needs to know of a function.
struct FunctionFacts {
  bool Recursive = false;
  /// May recurse through an indirect call or another file.
  bool HiddenRecursion = false;
  /// Recursive or HiddenRecursion, and may recurse through a call plain
  /// code turns into a jump or a loop (TailCalls.h): a frame would keep
  /// every level.
  bool TailRecursion = false;
  bool Setjmp = false;
  std::string SetjmpName; ///< what returns twice, when Setjmp
  bool DynamicStack = false; ///< VLAs or alloca
  bool BackwardGoto = false;
  bool OpenMP = false;       ///< OpenMP directives (outlined regions, tasks)
  bool Excluded = false;     ///< attribute or pragma
  bool AlwaysInline = false; ///< __attribute__((always_inline))
};

/// What the policy needs to know of one site beyond its AllocSite.
struct SiteFacts {
  bool NeedsHeap = false;
  std::string NeedsHeapReason;
  /// A callee frees or reallocates it, or this function passes it to
  /// realloc(): arena, never stack (ArenaOnlyReason says which).
  bool ArenaOnly = false;
  bool CalleeFreed = false; ///< the first case: a callee frees it
  std::string ArenaOnlyReason;
  bool LoopCarried = false;
  bool ConstantAlign = true;
  bool Overflows = false; ///< calloc's count * size does not fit
};

/// Chooses Place and Reason for every site of one function, in source
/// order (the frame budget is spent first come, first served).  \p Below
/// is the most stack any function it calls promoted along its own calls
/// (Policy::ChainBudget); returns the bytes this function puts on the stack.
uint64_t placeSites(std::vector<AllocSite *> &Sites,
                    const std::vector<SiteFacts> &Facts, const FunctionFacts &F,
                    const Policy &P, uint64_t Below);

} // namespace escape::analysis

#endif
