//===- Policy.cpp - The storage policy -----------------------------------===//
//
// Implements the storage policy of DESIGN.md: small constant sizes go to
// the stack unless the function recurses, the object is loop-carried or
// the frame budget is spent; dynamic, larger, recursive and loop-carried
// objects go to the frame arena; everything else stays on the heap, with
// the reason.  A malloc, calloc, strdup or strndup of a dynamic size (or
// an allocation wrapper's block made by one) that would take the stack
// were its size a small constant gets a stack slot of that size, which it
// takes when its size at run time fits.
//
//===----------------------------------------------------------------------===//
#include "Policy.h"

#include "llvm/ADT/StringRef.h"

using namespace escape::analysis;

/// Why a function that calls \p Name, which returns twice, keeps its
/// blocks on the heap.  glibc's setjmp and sigsetjmp macros call _setjmp
/// and __sigsetjmp: the remark names what the program wrote.
static std::string setjmpReason(llvm::StringRef Name) {
  if (Name.empty() || Name == "_setjmp")
    Name = "setjmp";
  else if (Name == "__sigsetjmp")
    Name = "sigsetjmp";
  std::string Why = "function calls '" + Name.str() + "'";
  if (Name != "setjmp" && Name != "sigsetjmp")
    Why += ", which returns twice";
  return Why;
}

/// Returns why \p S cannot leave the heap at all, or "".
static std::string heapOnlyReason(const AllocSite &S, const SiteFacts &SF,
                                  const FunctionFacts &F) {
  if (S.Result == Verdict::Escapes)
    return S.Reason;
  if (SF.NeedsHeap)
    return SF.NeedsHeapReason;
  if (F.Excluded)
    return "promotion disabled for this function";
  if (F.Setjmp)
    return setjmpReason(F.SetjmpName);
  if (F.OpenMP)
    return "function has OpenMP directives, whose regions run as functions "
           "of their own";
  if (F.TailRecursion && F.Recursive)
    return "function recurses through a tail call, which plain code runs "
           "without a frame per level";
  if (F.TailRecursion)
    return "function may recurse through an indirect call or another file, "
           "by a tail call, which plain code runs without a frame per level";
  if (SF.Overflows)
    return "size overflows";
  switch (S.Kind) {
  case AllocKind::User:
    return "no known deallocator for '" + S.Callee + "'";
  default:
    return "";
  }
}

/// Returns why \p S cannot go on the stack, or "".
static std::string notStackReason(const AllocSite &S, const SiteFacts &SF,
                                  const FunctionFacts &F, const Policy &P,
                                  uint64_t Used, uint64_t Below) {
  if (SF.ArenaOnly)
    return SF.ArenaOnlyReason;
  if (S.Kind == AllocKind::Strdup || S.Kind == AllocKind::Strndup ||
      S.Kind == AllocKind::Realloc || S.Kind == AllocKind::ReallocArray)
    return "size is dynamic";
  if (S.Kind == AllocKind::Wrapper && !S.ConstantSize)
    return "allocated inside '" + S.Callee + "'";
  if (S.Kind == AllocKind::PosixMemalign || S.Kind == AllocKind::Asprintf ||
      S.Kind == AllocKind::Vasprintf)
    return "'" + S.Callee + "' returns its block through a pointer";
  if (!SF.ConstantAlign)
    return "alignment is dynamic or above 4096";
  if (!S.ConstantSize)
    return "size is dynamic";
  if (P.FrameSizeLimit)
    return "frame size is limited (-Wframe-larger-than=" + std::to_string(P.FrameSizeLimit) +
           ")";
  if (S.Size > P.StackLimit)
    return "size " + std::to_string(S.Size) + " exceeds the stack limit " +
           std::to_string(P.StackLimit);
  if (F.Recursive)
    return "function is recursive";
  if (F.HiddenRecursion)
    return "function may recurse through an indirect call or another file";
  // At -O0 nothing lets the stack slots of two inlined calls share bytes:
  // twelve always_inline helpers of 1000-byte slots gave their caller a
  // 12,304-byte frame (208 in plain code) and overflowed a 16 KiB thread.
  if (F.AlwaysInline && !P.Optimize)
    return "function is always_inline and the compile does not optimize: the "
           "stack slots of its calls add up in its callers' frames";
  if (SF.LoopCarried)
    return "object may be live across loop iterations";
  if (F.BackwardGoto)
    return "function loops with 'goto'";
  if (F.DynamicStack)
    return "function uses variable-length arrays or 'alloca'";
  if (Used + S.Size > P.FrameBudget)
    return "frame budget of " + std::to_string(P.FrameBudget) +
           " bytes is spent";
  if (Below + Used + S.Size > P.ChainBudget)
    return "call-chain budget of " + std::to_string(P.ChainBudget) +
           " bytes is spent by the functions it calls";
  return "";
}

/// Returns the bytes of the stack slot \p S gets for its size at run time
/// (Policy::SmallStack), or 0: a malloc, calloc, strdup or strndup whose
/// size is dynamic but which would take the stack were its size that
/// constant, called directly or by an allocation wrapper.
static uint64_t smallStackBytes(const AllocSite &S, const SiteFacts &SF,
                                const FunctionFacts &F, const Policy &P,
                                uint64_t Used, uint64_t Below) {
  auto Fits = [](AllocKind K) {
    return K == AllocKind::Malloc || K == AllocKind::Calloc || K == AllocKind::Strdup ||
           K == AllocKind::Strndup;
  };
  // An allocation wrapper's call (xmalloc(n), xstrdup(s)): the one
  // allocation whose block it returns, which the rewrite takes in.
  bool Wrapped = S.Kind == AllocKind::Wrapper && S.Inner.size() == 1 && Fits(S.Inner[0].Kind);
  if (!P.SmallStack || S.ConstantSize || !(Fits(S.Kind) || Wrapped))
    return 0;
  AllocSite Fixed = S;
  Fixed.Kind = AllocKind::Malloc; // a copy of a string: its length at run time
  Fixed.ConstantSize = true;
  Fixed.Size = P.SmallStack;
  return notStackReason(Fixed, SF, F, P, Used, Below).empty() ? P.SmallStack : 0;
}

uint64_t escape::analysis::placeSites(std::vector<AllocSite *> &Sites,
                                      const std::vector<SiteFacts> &Facts,
                                      const FunctionFacts &F, const Policy &P,
                                      uint64_t Below) {
  uint64_t Used = 0;
  for (unsigned I = 0; I != Sites.size(); ++I) {
    AllocSite &S = *Sites[I];
    const SiteFacts &SF = Facts[I];
    std::string Why = heapOnlyReason(S, SF, F);
    if (!Why.empty()) {
      S.Place = Storage::Heap;
      S.Reason = Why;
      continue;
    }
    std::string NotStack = notStackReason(S, SF, F, P, Used, Below);
    if (NotStack.empty()) {
      S.Place = Storage::Stack;
      S.Reason = "does not escape";
      Used += S.Size;
      continue;
    }
    if (S.ConstantSize && S.Size > P.ArenaCap) {
      S.Place = Storage::Heap;
      S.Reason = "size " + std::to_string(S.Size) + " exceeds the arena cap " +
                 std::to_string(P.ArenaCap);
      continue;
    }
    if (!P.ArenaEnabled) {
      S.Place = Storage::Heap;
      S.Reason = NotStack + "; the frame arena is off "
                            "(-fplugin-arg-escape-arena=1)";
      continue;
    }
    // The arena keeps a mark per function, in a register it may save or
    // a stack slot: 16 bytes more took an inlined caller's frame past N
    // (a warning plain clang did not give, an error under -Werror).
    if (P.FrameSizeLimit) {
      S.Place = Storage::Heap;
      S.Reason = NotStack + "; the frame arena's mark takes frame bytes too";
      continue;
    }
    S.Place = Storage::Arena;
    S.Reason = "does not escape; " + NotStack;
    S.SmallStack = smallStackBytes(S, SF, F, P, Used, Below);
    if (S.SmallStack) {
      S.Reason += "; the stack when at most " + std::to_string(S.SmallStack) + " bytes";
      Used += S.SmallStack;
    }
  }
  return Used;
}
