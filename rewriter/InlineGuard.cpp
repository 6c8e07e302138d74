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
// own, on top of the recursion, as its heap block did.  Such a function
// whose address is taken (a visitor passed to the walk, an entry of a
// table of operations, an alias) is not inlined anywhere: once constants
// are propagated, a call through the pointer in the walk becomes a direct
// call, which the inliner took in (`rec(n, visit)` calling `visit(n)`
// with `g`'s 512-byte buffer: 0x208 bytes a level).
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
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace escape::rewriter {

/// The name \p F has in the source, which the analysis gives recursive
/// functions: its debug information's, or its own without the suffix
/// -funique-internal-linkage-names adds.  (An asm label renames it; the
/// analysis lists that name too.)
static StringRef sourceName(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    return SP->getName();
  return F.getName().split(".__uniq.").first;
}

/// forEachCallIntoRecursion walks the holders of \p Seeds' stack storage:
/// the seeds, and every function that may take one in by inlining (its
/// non-recursive callers, transitively).  A recursive function is never
/// one: its own sites are not on the stack, and calls into it from
/// recursive code are what \p Visit sees.  \p Visit gets each direct call
/// from a function named in \p Recursive to a holder; the walk stops when
/// it returns true, and so reports.  \p Taken gets each holder used other
/// than as the callee of a direct call (its address stored, passed or put
/// in a table, an alias of it): a call through that pointer may become a
/// direct one in a recursive function after the rewrite, where the inliner
/// takes the holder in; it too stops the walk by returning true.
static bool forEachCallIntoRecursion(ArrayRef<Function *> Seeds,
                                     ArrayRef<std::string> Recursive,
                                     function_ref<bool(CallBase &, Function &)> Visit,
                                     function_ref<bool(Function &)> Taken) {
  if (Seeds.empty() || Recursive.empty())
    return false;
  StringSet<> IsRecursive;
  for (const std::string &Name : Recursive)
    IsRecursive.insert(Name);
  SmallPtrSet<Function *, 16> Holders(Seeds.begin(), Seeds.end());
  SmallVector<Function *, 16> Work(Seeds.begin(), Seeds.end());
  while (!Work.empty()) {
    Function *F = Work.pop_back_val();
    bool AddressTaken = false;
    for (User *U : F->users()) {
      auto *CB = dyn_cast<CallBase>(U);
      if (!CB || CB->getCalledFunction() != F) {
        AddressTaken = true;
        continue;
      }
      Function *Caller = CB->getFunction();
      if (IsRecursive.contains(Caller->getName()) || IsRecursive.contains(sourceName(*Caller))) {
        if (Visit(*CB, *F))
          return true;
      } else if (Holders.insert(Caller).second) {
        Work.push_back(Caller);
      }
    }
    if (AddressTaken && Taken(*F))
      return true;
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
  }, [&](Function &F) {
    // An always_inline holder holds no stack storage (inlinedIntoRecursion).
    if (F.hasFnAttribute(Attribute::NoInline) || F.hasFnAttribute(Attribute::AlwaysInline))
      return false;
    F.addFnAttr(Attribute::NoInline);
    ++Marked;
    if (Trace)
      *Trace << "escape: '" << F.getName()
             << "' is not inlined: it holds promoted stack storage and its address is "
                "taken, and a recursive function may call it\n";
    return false;
  });
  return Marked;
}

bool inlinedIntoRecursion(Function &F, ArrayRef<std::string> Recursive) {
  Function *Seed = &F;
  return forEachCallIntoRecursion(
      Seed, Recursive, [](CallBase &CB, Function &) { return CB.hasFnAttr(Attribute::AlwaysInline); },
      [](Function &H) { return H.hasFnAttribute(Attribute::AlwaysInline); });
}

} // namespace escape::rewriter
