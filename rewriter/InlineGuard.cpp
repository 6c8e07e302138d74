//===- InlineGuard.cpp - Keep stack storage out of recursive frames --------===//
//
// The policy puts no stack storage in a recursive function: a recursion
// 100,000 levels deep would hold 100,000 copies.  But the rewrite runs at
// the start of the pipeline, and the inliner then moves a callee's allocas
// into its caller's entry block.  A helper that formats into a promoted
// 512-byte buffer, inlined into the recursive walk that calls it at every
// level, put the buffer in the walk's frame: 544 bytes per level, and the
// walk overflowed an 8 MiB stack at about 15,000 levels.  Plain code
// inlines the helper with its heap buffer and tail recursion elimination
// makes the walk a loop: 400,000 levels ran
// (test/rewriter/accept5-inlined-helper-recursion.c).
//
// So a call from a recursive function (one the analysis found in a cycle
// of calls, seen or through code the file does not show) to a function
// that holds promoted stack storage is not inlined.  Nor is a call to a
// function that may take such storage in by inlining: any non-recursive
// caller of one, transitively.  The helper then runs in a frame of its
// own, on top of the recursion, as its heap block did.
//
//   good: walk (recursive) -> fmt (512-byte stack buffer): call noinline
//         main -> fmt: inlined as before
//   bad:  walk -> log -> fmt, with only walk -> fmt guarded: log takes in
//         fmt's buffer, then walk takes in log's
//
//===----------------------------------------------------------------------===//
#include "InlineGuard.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace escape::rewriter {

/// forEachCallIntoRecursion walks the holders of \p Seeds' stack storage:
/// the seeds, and every function that may take one in by inlining (its
/// non-recursive callers, transitively).  A recursive function is never
/// one: its own sites are not on the stack, and calls into it from
/// recursive code are what \p Visit sees.  \p Visit gets each direct call
/// from a function named in \p Recursive to a holder; the walk stops when
/// it returns true, and so reports.
static bool forEachCallIntoRecursion(ArrayRef<Function *> Seeds,
                                     ArrayRef<std::string> Recursive,
                                     function_ref<bool(CallBase &, Function &)> Visit) {
  if (Seeds.empty() || Recursive.empty())
    return false;
  StringSet<> IsRecursive;
  for (const std::string &Name : Recursive)
    IsRecursive.insert(Name);
  SmallPtrSet<Function *, 16> Holders(Seeds.begin(), Seeds.end());
  SmallVector<Function *, 16> Work(Seeds.begin(), Seeds.end());
  while (!Work.empty()) {
    Function *F = Work.pop_back_val();
    for (User *U : F->users()) {
      auto *CB = dyn_cast<CallBase>(U);
      if (!CB || CB->getCalledFunction() != F)
        continue;
      Function *Caller = CB->getFunction();
      if (IsRecursive.contains(Caller->getName())) {
        if (Visit(*CB, *F))
          return true;
      } else if (Holders.insert(Caller).second) {
        Work.push_back(Caller);
      }
    }
  }
  return false;
}

unsigned guardRecursiveCallers(const SmallPtrSetImpl<Function *> &Stack,
                               ArrayRef<std::string> Recursive, raw_ostream *Trace) {
  SmallVector<Function *, 16> Seeds(Stack.begin(), Stack.end());
  unsigned Marked = 0;
  forEachCallIntoRecursion(Seeds, Recursive, [&](CallBase &CB, Function &F) {
    // A call marked always_inline cannot be: its callee holds no stack
    // storage (inlinedIntoRecursion).
    if (CB.isNoInline() || CB.hasFnAttr(Attribute::AlwaysInline))
      return false;
    CB.setIsNoInline();
    ++Marked;
    if (Trace)
      *Trace << "escape: call from recursive '" << CB.getFunction()->getName()
             << "' to '" << F.getName()
             << "' is not inlined: it holds promoted stack storage\n";
    return false;
  });
  return Marked;
}

bool inlinedIntoRecursion(Function &F, ArrayRef<std::string> Recursive) {
  Function *Seed = &F;
  return forEachCallIntoRecursion(Seed, Recursive, [](CallBase &CB, Function &) {
    return CB.hasFnAttr(Attribute::AlwaysInline);
  });
}

} // namespace escape::rewriter
