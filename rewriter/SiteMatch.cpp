//===- SiteMatch.cpp - Find and check the IR call of an analysis site -----===//
//
// This file implements the match between an analysis site and its IR call,
// and the safety net that re-checks the call before the pass changes it.
// Every check that fails leaves the site on the heap with a reason.
//
//===----------------------------------------------------------------------===//
#include "SiteMatch.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;
using escape::analysis::AllocKind;
using escape::analysis::AllocSite;

namespace escape::rewriter {

StringRef canonicalCallee(StringRef Name) {
  Name.consume_front("__builtin_");
  return Name;
}

/// expectedCallee returns the allocator name of \p K and its argument count,
/// or "" for kinds the pass never rewrites.
static StringRef expectedCallee(AllocKind K, unsigned &NumArgs) {
  switch (K) {
  case AllocKind::Malloc:       NumArgs = 1; return "malloc";
  case AllocKind::Calloc:       NumArgs = 2; return "calloc";
  case AllocKind::AlignedAlloc: NumArgs = 2; return "aligned_alloc";
  case AllocKind::Strdup:       NumArgs = 1; return "strdup";
  case AllocKind::Strndup:      NumArgs = 2; return "strndup";
  case AllocKind::Realloc:      NumArgs = 2; return "realloc";
  case AllocKind::ReallocArray: NumArgs = 3; return "reallocarray";
  case AllocKind::PosixMemalign: NumArgs = 3; return "posix_memalign";
  case AllocKind::Asprintf:     NumArgs = 2; return "asprintf"; // and what it prints
  case AllocKind::Vasprintf:    NumArgs = 3; return "vasprintf";
  case AllocKind::User:
  case AllocKind::Wrapper:
    break;
  }
  NumArgs = 0;
  return "";
}

CallIndex::CallIndex(Function &F) {
  if (F.hasFnAttribute(Attribute::Naked))
    Refused = "function is naked";
  ReturnsTwice = F.hasFnAttribute(Attribute::ReturnsTwice);
  for (Instruction &I : instructions(F))
    if (auto *CB = dyn_cast<CallBase>(&I))
      add(*CB);
}

void CallIndex::add(CallBase &CB) {
  ReturnsTwice |= CB.hasFnAttr(Attribute::ReturnsTwice);
  if (const auto *CI = dyn_cast<CallInst>(&CB))
    MustTail |= CI->isMustTailCall();
  const DILocation *DL = CB.getDebugLoc().get();
  if (DL && !DL->getInlinedAt() && CB.getCalledFunction())
    At[{DL->getLine(), DL->getColumn()}].push_back(&CB);
}

CallBase *CallIndex::find(StringRef Callee, unsigned Line, unsigned Column,
                          std::string &Why) const {
  Callee = canonicalCallee(Callee);
  if (Line == 0) {
    Why = "site has no source line";
    return nullptr;
  }
  CallBase *Found = nullptr;
  unsigned Count = 0;
  auto It = At.find({Line, Column});
  if (It != At.end())
    for (CallBase *CB : It->second)
      if (CB->getCalledFunction()->getName() == Callee) {
        Found = CB;
        ++Count;
      }
  if (Count == 1)
    return Found;
  Why = Count == 0 ? "no call to '" + Callee.str() + "' at this location in the IR"
                   : std::to_string(Count) + " calls to '" + Callee.str() +
                         "' at this location in the IR";
  return nullptr;
}

bool CallIndex::allows(std::string &Why) const {
  if (Refused)
    Why = Refused;
  else if (ReturnsTwice)
    Why = "function calls setjmp or another returns_twice function";
  else if (MustTail)
    Why = "function has a musttail call";
  else
    return true;
  return false;
}

void CallIndex::inlined(CallBase *Gone, const DILocation *GoneAt,
                        ArrayRef<CallBase *> Added) {
  if (GoneAt && !GoneAt->getInlinedAt())
    if (auto It = At.find({GoneAt->getLine(), GoneAt->getColumn()}); It != At.end())
      llvm::erase(It->second, Gone);
  // The inlined calls carry the callee's locations, inlined at the call,
  // unless the callee had none (nodebug): then they take the call's own.
  for (CallBase *CB : Added)
    add(*CB);
}

/// checkCallee reports whether \p CB is a plain call to the external
/// allocator S.Kind names, with the right argument count.
static bool checkCallee(const CallBase &CB, const AllocSite &S,
                        std::string &Why) {
  unsigned NumArgs = 0;
  StringRef Expected = expectedCallee(S.Kind, NumArgs);
  const Function *Target = CB.getCalledFunction();
  if (Expected.empty()) {
    Why = "the pass does not rewrite this kind of allocator";
    return false;
  }
  if (!Target || Target->getName() != Expected ||
      canonicalCallee(S.Callee) != Expected) {
    Why = "call is not to '" + Expected.str() + "'";
    return false;
  }
  if (!Target->isDeclaration()) {
    Why = "'" + Expected.str() + "' is defined in this translation unit";
    return false;
  }
  // posix_memalign and asprintf return an int and their block through
  // their first argument; asprintf takes what it prints after its format.
  bool OutParam = S.Kind == AllocKind::PosixMemalign || S.Kind == AllocKind::Asprintf ||
                  S.Kind == AllocKind::Vasprintf;
  bool Result = OutParam ? CB.getType()->isIntegerTy() && CB.arg_size() > 0 &&
                               CB.getArgOperand(0)->getType()->isPointerTy()
                         : CB.getType()->isPointerTy();
  bool VarArg = S.Kind == AllocKind::Asprintf;
  bool Count = VarArg ? CB.arg_size() >= NumArgs : CB.arg_size() == NumArgs;
  if (!Count || CB.getFunctionType()->isVarArg() != VarArg || !Result) {
    Why = "call to '" + Expected.str() + "' has an unexpected signature";
    return false;
  }
  if (!isa<CallInst>(CB)) {
    Why = "call may unwind (invoke)";
    return false;
  }
  if (cast<CallInst>(CB).isMustTailCall()) {
    Why = "call is musttail";
    return false;
  }
  return true;
}

/// constantArg returns argument \p I of \p CB as an integer, if constant.
static bool constantArg(const CallBase &CB, unsigned I, uint64_t &Out) {
  auto *C = dyn_cast<ConstantInt>(CB.getArgOperand(I));
  if (!C || C->getValue().getActiveBits() > 64)
    return false;
  Out = C->getZExtValue();
  return true;
}

/// constantSize computes the byte count \p CB requests, when constant.
static bool constantSize(const CallBase &CB, AllocKind K, uint64_t &Size) {
  uint64_t A = 0, B = 0;
  switch (K) {
  case AllocKind::Malloc:
    return constantArg(CB, 0, Size);
  case AllocKind::AlignedAlloc:
    return constantArg(CB, 1, Size);
  case AllocKind::Calloc:
    if (!constantArg(CB, 0, A) || !constantArg(CB, 1, B))
      return false;
    return !__builtin_mul_overflow(A, B, &Size);
  default:
    return false;
  }
}

bool checkStackShape(const CallBase &CB, const AllocSite &S, uint64_t &Align,
                     std::string &Why) {
  if (!checkCallee(CB, S, Why))
    return false;
  if (S.Kind != AllocKind::Malloc && S.Kind != AllocKind::Calloc &&
      S.Kind != AllocKind::AlignedAlloc) {
    Why = "'" + S.Callee + "' cannot become stack storage";
    return false;
  }
  // The size must be the analysis' constant.  When the analysis read it
  // through unmodified locals, the unoptimized IR loads it instead; a
  // constant that disagrees still declines the site.
  uint64_t Size = 0;
  bool Constant = constantSize(CB, S.Kind, Size);
  bool Agrees = Constant ? Size == S.Size : S.SizeThroughLocals;
  if (!S.ConstantSize || !Agrees) {
    Why = "size in the IR is not the constant " + std::to_string(S.Size);
    return false;
  }
  Align = std::max<uint64_t>(16, S.Align);
  if (S.Kind == AllocKind::AlignedAlloc) {
    uint64_t Want = 0;
    if (!constantArg(CB, 0, Want) || Want == 0 || (Want & (Want - 1)) ||
        Want > (uint64_t(1) << 16)) {
      Why = "alignment in the IR is not a constant power of two";
      return false;
    }
    Align = std::max(Align, Want);
  }
  if (Align & (Align - 1) || Align > (uint64_t(1) << 16)) {
    Why = "alignment " + std::to_string(Align) + " is not supported";
    return false;
  }
  return true;
}

bool checkArenaShape(const CallBase &CB, const AllocSite &S, std::string &Why) {
  return checkCallee(CB, S, Why);
}

bool checkFreeShape(const CallBase &CB, std::string &Why) {
  const Function *Target = CB.getCalledFunction();
  unsigned Sizes = !Target                                  ? 0
                   : Target->getName() == "realloc"      ? 1
                   : Target->getName() == "reallocarray" ? 2
                                                         : 0;
  bool Realloc = Sizes != 0;
  if (!Target || (Target->getName() != "free" && !Realloc) || !Target->isDeclaration()) {
    Why = "call is not to the C library's 'free', 'realloc' or 'reallocarray'";
    return false;
  }
  auto integer = [&](unsigned I) { return CB.getArgOperand(I)->getType()->isIntegerTy(); };
  if (CB.arg_size() != 1 + Sizes ||
      !CB.getArgOperand(0)->getType()->isPointerTy() ||
      (Realloc && (!CB.getType()->isPointerTy() || !integer(1) ||
                   (Sizes == 2 && !integer(2)))) ||
      !isa<CallInst>(CB) || cast<CallInst>(CB).isMustTailCall()) {
    Why = "call to '" + Target->getName().str() + "' has an unexpected form";
    return false;
  }
  return true;
}

} // namespace escape::rewriter
