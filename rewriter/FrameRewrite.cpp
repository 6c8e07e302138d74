//===- FrameRewrite.cpp - Apply escape verdicts to LLVM IR ---------------===//
//
// This file implements the pass that turns the analysis's promoted sites into
// stack or frame-arena storage, in the same compile, at pipeline start.
//
// The rule every change here must keep: the pass applies exactly the AST's
// verdicts and nothing else, and when the IR disagrees with a verdict in any
// way, the site stays on the heap and the disagreement is reported.
//
//   good: 'malloc' at a.c:4:13 is the only such call in f, its size operand
//         is the constant 64 the analysis saw    -> alloca [64 x i8]
//   bad:  two calls at a.c:4:13 (a macro), or a size that is a load at -O0
//         -> both stay malloc, "escape: warning: ..." under -trace
//
// A free() may release a promoted object only if its FreeSite says so; when
// one of those frees cannot be found or rewritten, its sites are declined
// too, because free() of stack storage would crash.
//
//===----------------------------------------------------------------------===//
#include "escape/rewriter/FrameRewrite.h"
#include "FrameTidy.h"
#include "InlineGuard.h"
#include "JmpRestore.h"
#include "SiteMatch.h"
#include "escape/analysis/Result.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include <map>
#include <memory>
#include <set>

using namespace llvm;
using escape::analysis::AllocKind;
using escape::analysis::AllocSite;
using escape::analysis::FreeSite;
using escape::analysis::Storage;
using escape::analysis::TUResult;

namespace escape::rewriter {

/// A promoted site the pass found in the IR and means to rewrite.
struct SitePlan {
  unsigned Id = 0;
  CallBase *Call = nullptr;
  uint64_t Align = 16;
  AllocaInst *Slot = nullptr; ///< the stack storage, once made
  /// An arena site given a stack slot of this many bytes, which it takes
  /// when its size at run time fits (AllocSite::SmallStack; makeArena makes
  /// the slot, SmallSlot.cpp the branch to it at the end of the pipeline).
  uint64_t Small = 0;
  /// A stack site of an inline-only definition, or of a function an
  /// always_inline call takes into a recursion: moved to the arena.
  bool ToArena = false;
  bool Done = false;
  /// A wrapper site: the allocator calls its inlined body brought in, whose
  /// blocks the call returned (Call is the first of them).
  SmallVector<std::pair<CallBase *, AllocKind>, 2> Inner;
  /// The frees of the inlined body that may release its temporaries
  /// (moved to the arena with it): they become esc_frame_free.
  SmallVector<CallBase *, 2> InnerFrees;
};

/// A free() call that releases at least one planned site.
struct FreePlan {
  unsigned Idx = 0;
  CallBase *Call = nullptr;
};

struct FunctionPlan {
  std::vector<unsigned> Sites; ///< ids, in TUResult order
  std::vector<FreePlan> Frees;
  uint64_t StackBytes = 0;
};

/// Rewriter carries one run of the pass over one module.
class Rewriter {
public:
  Rewriter(Module &M, const TUResult &R, const RewriteOptions &Opts,
           RewriteLog &Log)
      : M(M), R(R), Opts(Opts), Log(Log) {}
  bool run();

private:
  void planSite(unsigned Id);
  bool checkSite(const AllocSite &S, Function &F, SitePlan &P, std::string &Why);
  void planSmall(const AllocSite &S, Function &F, SitePlan &P);
  void planFree(unsigned Idx);
  void declineCalleeFreed(const std::string &Why);
  void declineFreeSites(const FreeSite &FS, const std::string &Why);
  void decline(unsigned Id, const std::string &Why);
  void applyFunction(Function &F, FunctionPlan &FP);
  void makeStack(const AllocSite &S, SitePlan &P);
  void makeArena(const AllocSite &S, SitePlan &P);
  CallBase *arenaCall(AllocKind K, CallBase *Call, AllocaInst *Slot = nullptr);
  bool inlineWrapper(const AllocSite &S, Function &F, SitePlan &P, std::string &Why);
  CallIndex &callsOf(Function &F);
  bool freesCallerMemory(const Function *F, SmallPtrSetImpl<const Function *> &Seen) const;
  void takeTemporaries(StringRef Fn, ArrayRef<CallBase *> Calls, SitePlan &P);
  void replaceFree(CallBase *Call, Value *Ptr, bool Arena);
  void rewriteFree(const FreeSite &FS, CallBase *Call, bool HasArena);
  void addFrame(Function &F, ArrayRef<Instruction *> ArenaCalls);
  FunctionCallee runtimeFn(StringRef Name, Type *Ret, ArrayRef<Type *> Params,
                           bool Allocates);
  bool planned(unsigned Id) const { return Plans.count(Id) != 0; }
  raw_ostream *trace(unsigned Level = 1) const {
    return Opts.Trace >= Level ? &errs() : nullptr;
  }
  void traceSite(const AllocSite &S, const Twine &What) const;
  bool sharedPosition(StringRef Fn, const analysis::SourcePos &At,
                      std::string &Why) const;

  Module &M;
  const TUResult &R;
  const RewriteOptions &Opts;
  RewriteLog &Log;
  std::map<unsigned, SitePlan> Plans;             ///< by site id
  MapVector<Function *, FunctionPlan> Functions;  ///< in first-site order
  DenseMap<CallBase *, unsigned> Claimed; ///< call -> site id, or free index
  SmallPtrSet<Function *, 8> StackFunctions; ///< functions given stack storage
  /// Functions an always_inline call takes into a recursion (InlineGuard).
  DenseMap<Function *, bool> IntoRecursion;
  /// The calls of each function that has sites or frees, by position.
  DenseMap<Function *, std::unique_ptr<CallIndex>> Calls;
  static constexpr unsigned FreeMark = 1u << 31; ///< | free index
  /// A callee-freed site is planned: every free of a parameter goes to
  /// esc_frame_free (set once all frees are planned).
  bool CalleeFreedPlanned = false;
  /// Allocation sites by function and line:column.  The IR names a call by
  /// its line and column only, so two sites at one position (two calls of
  /// one macro expansion, or a #line) cannot be told apart, even when only
  /// one of them is compiled (the other in an `if (0)` branch).
  std::map<std::tuple<std::string, unsigned, unsigned>, unsigned> SitesAt;
  /// realloc() calls that are also a planned arena site (the site's
  /// esc_frame_realloc takes arena inputs): free index, call, site id.
  std::vector<std::tuple<unsigned, CallBase *, unsigned>> ReallocSites;
};

/// isRealloc reports whether a free site's callee also allocates: realloc
/// and reallocarray, whose result is heap memory.
static bool isRealloc(StringRef Callee) {
  Callee = canonicalCallee(Callee);
  return Callee == "realloc" || Callee == "reallocarray";
}

static std::string where(const analysis::SourcePos &P) {
  return siteKey(P.File, P.Line, P.Column);
}

void Rewriter::traceSite(const AllocSite &S, const Twine &What) const {
  if (raw_ostream *OS = trace())
    *OS << "escape: " << S.Function << ": '" << S.Callee << "' at "
        << where(S.Pos) << " -> " << What << "\n";
}

void Rewriter::decline(unsigned Id, const std::string &Why) {
  const AllocSite &S = R.Sites[Id];
  Log.Sites[Id] = SiteAction::Declined;
  Log.SiteWhy[Id] = Why;
  Plans.erase(Id); // its call stays claimed: no other site may take it
  if (raw_ostream *OS = trace())
    *OS << "escape: warning: " << S.Function << ": '" << S.Callee << "' at "
        << where(S.Pos) << ": left on the heap: " << Why << "\n";
}

bool Rewriter::sharedPosition(StringRef Fn, const analysis::SourcePos &At,
                              std::string &Why) const {
  auto It = SitesAt.find({Fn.str(), At.Line, At.Column});
  if (It == SitesAt.end() || It->second < 2)
    return false;
  Why = "another allocation call in '" + Fn.str() +
        "' has the same line and column (one macro expansion, or a #line): "
        "the compiled code cannot tell them apart";
  return true;
}

CallIndex &Rewriter::callsOf(Function &F) {
  std::unique_ptr<CallIndex> &I = Calls[&F];
  if (!I)
    I = std::make_unique<CallIndex>(F);
  return *I;
}

bool Rewriter::checkSite(const AllocSite &S, Function &F, SitePlan &P,
                         std::string &Why) {
  if (!callsOf(F).allows(Why))
    return false;
  if (sharedPosition(S.Function, S.Pos, Why))
    return false;
  // A wrapper's block on the stack is checked as the allocator call it
  // comes from, now in F.
  // An inline definition whose out-of-line body another file provides
  // (C99 `inline`, `extern inline` with gnu_inline: available_externally)
  // must stay inlinable by every caller, a recursive one too: a call
  // InlineGuard kept from taking in stack storage would name a body that
  // no file may emit (an always_inline helper did not link).  Nor can the
  // guard hold a call marked always_inline (every call of a `flatten`
  // function): noinline beside it broke the module, and at -O0 the call
  // was inlined anyway, a slot per level of the recursion.  Such sites
  // keep no stack storage: the arena's frames suit a recursion.
  auto [Forced, New] = IntoRecursion.try_emplace(&F, false);
  if (New)
    Forced->second = inlinedIntoRecursion(F, R.Recursive);
  bool InlineOnly = F.hasAvailableExternallyLinkage() || Forced->second;
  if (InlineOnly && S.Place == Storage::Stack && !Opts.Arena) {
    Why = "an inline definition another file may provide, or a function an "
          "always_inline call takes into a recursion, keeps no stack storage";
    return false;
  }
  P.ToArena = InlineOnly && S.Place == Storage::Stack;
  AllocSite Block = S;
  if (S.Kind == AllocKind::Wrapper) {
    if (!inlineWrapper(S, F, P, Why))
      return false;
    if (S.Place == Storage::Arena || P.ToArena) {
      if (!InlineOnly)
        planSmall(S, F, P);
      return true;
    }
    // A size the caller's arguments give (xmalloc(32)) is loaded from the
    // inlined parameters: the analysis read it through them
    // (SizeThroughLocals), as it reads a caller's unmodified locals.
    Block.Kind = P.Inner.front().second;
    Block.Callee = S.Inner.front().Callee;
  } else {
    P.Call = callsOf(F).find(S.Callee, S.Pos.Line, S.Pos.Column, Why);
    if (!P.Call)
      return false;
    if (S.Place == Storage::Arena || P.ToArena) {
      if (!checkArenaShape(*P.Call, S, Why))
        return false;
      if (!InlineOnly)
        planSmall(S, F, P);
      return true;
    }
  }
  if (!checkStackShape(*P.Call, Block, P.Align, Why))
    return false;
  uint64_t Bytes = std::max<uint64_t>(S.Size, 1);
  if (Bytes > Opts.MaxStackObject) {
    Why = std::to_string(Bytes) + " bytes exceed the stack object limit";
    return false;
  }
  FunctionPlan &FP = Functions[&F];
  if (FP.StackBytes + Bytes > Opts.MaxStackFrame) {
    Why = "the function's promoted stack would exceed the frame budget";
    return false;
  }
  FP.StackBytes += Bytes;
  return true;
}

/// planSmall gives arena site \p S the stack slot the policy chose for it
/// (AllocSite::SmallStack), where the rewrite's own limits leave room for
/// it and its block, or a wrapper's one block, comes from an allocation
/// with a _small form; else it has the arena alone.
void Rewriter::planSmall(const AllocSite &S, Function &F, SitePlan &P) {
  if (!P.Inner.empty() && S.Inner.size() != 1)
    return;
  AllocKind K = P.Inner.empty() ? S.Kind : P.Inner.front().second;
  FunctionPlan &FP = Functions[&F];
  if (S.SmallStack && S.SmallStack <= Opts.MaxStackObject &&
      FP.StackBytes + S.SmallStack <= Opts.MaxStackFrame &&
      (K == AllocKind::Malloc || K == AllocKind::Calloc || K == AllocKind::Strdup ||
       K == AllocKind::Strndup)) {
    P.Small = S.SmallStack;
    FP.StackBytes += S.SmallStack;
  }
}

/// inlineCall inlines \p CB and returns the calls its body brought in;
/// \p Index, the calls of CB's function, follows.
static bool inlineCall(CallBase *CB, CallIndex &Index,
                       SmallVectorImpl<CallBase *> &Out, std::string &Why) {
  Function *Callee = CB->getCalledFunction();
  if (!Callee || Callee->isDeclaration() || Callee->isVarArg()) {
    Why = "the wrapper's body is not in the IR";
    return false;
  }
  if (CB->getFunctionType() != Callee->getFunctionType() ||
      CB->getCallingConv() != Callee->getCallingConv()) {
    Why = "the call does not match the wrapper's type";
    return false;
  }
  InlineFunctionInfo IFI;
  const DILocation *At = CB->getDebugLoc().get();
  InlineResult Res = InlineFunction(*CB, IFI);
  if (!Res.isSuccess()) {
    Why = std::string("the wrapper could not be inlined: ") + Res.getFailureReason();
    return false;
  }
  Index.inlined(CB, At, IFI.InlinedCallSites);
  Out.assign(IFI.InlinedCallSites.begin(), IFI.InlinedCallSites.end());
  return true;
}

/// callNamed finds the one call in \p Calls at \p Pos (its own line and
/// column, wherever it was inlined into) to a function named \p Callee, or
/// to any function with a body when \p Callee is empty.
static CallBase *callNamed(ArrayRef<CallBase *> Calls,
                           const analysis::SourcePos &Pos, StringRef Callee,
                           std::string &Why) {
  CallBase *Found = nullptr;
  unsigned Count = 0;
  for (CallBase *CB : Calls) {
    const DILocation *DL = CB->getDebugLoc().get();
    const Function *T = CB->getCalledFunction();
    if (!DL || DL->getLine() != Pos.Line || DL->getColumn() != Pos.Column || !T)
      continue;
    if (Callee.empty() ? T->isDeclaration() : T->getName() != canonicalCallee(Callee))
      continue;
    Found = CB;
    ++Count;
  }
  if (Count != 1)
    Why = Count ? "several calls at one place of the inlined wrapper"
                : "the inlined wrapper has no call at line " + std::to_string(Pos.Line);
  return Count == 1 ? Found : nullptr;
}

/// inlineWrapper inlines the call to an allocation wrapper (and the nested
/// wrappers its returned blocks come from) and finds the allocator calls
/// that make those blocks, now in \p F.  Inlining keeps the program as it
/// was, so a failure half way only leaves the site on the heap.
bool Rewriter::inlineWrapper(const AllocSite &S, Function &F, SitePlan &P,
                             std::string &Why) {
  if (S.Inner.empty()) {
    Why = "the wrapper's allocations are unknown";
    return false;
  }
  CallIndex &Index = callsOf(F);
  CallBase *Outer = Index.find(S.Callee, S.Pos.Line, S.Pos.Column, Why);
  if (!Outer)
    return false;
  // Checked before anything is inlined: an inlined copy of such a free
  // would stay the C library's, and a block of the caller's frame may
  // reach it.
  SmallPtrSet<const Function *, 8> Seen;
  if (freesCallerMemory(Outer->getCalledFunction(), Seen)) {
    Why = "the wrapper, or a function it calls, frees or reallocates memory its caller passes";
    return false;
  }
  // The calls each inlining brought in, and the function it inlined, by
  // the positions of the calls inlined to get there ("" for the outer
  // call).  Keys are positions, not the calls: an inlined call is erased,
  // and a call made later may reuse its address.
  std::map<std::string, SmallVector<CallBase *, 8>> Brought;
  std::map<std::string, std::string> Inlined;
  Inlined[""] = Outer->getCalledFunction()->getName().str(); // find checked it
  if (!inlineCall(Outer, Index, Brought[""], Why))
    return false;
  for (const analysis::InnerCall &IC : S.Inner) {
    std::string Level;
    for (unsigned I = 0; I != IC.Chain.size(); ++I) {
      bool Last = I + 1 == IC.Chain.size();
      const analysis::SourcePos &At = IC.Chain[I];
      std::string Next = Level + "/" + std::to_string(At.Line) + ":" + std::to_string(At.Column);
      if (!Last && Brought.count(Next)) {
        Level = Next;
        continue;
      }
      if (sharedPosition(Inlined[Level], At, Why))
        return false;
      CallBase *C = callNamed(Brought[Level], At, Last ? StringRef(IC.Callee) : "", Why);
      if (!C)
        return false;
      if (Last) {
        AllocSite T = S;
        T.Kind = IC.Kind;
        T.Callee = IC.Callee;
        if (!checkArenaShape(*C, T, Why))
          return false;
        if (llvm::any_of(P.Inner, [&](const auto &E) { return E.first == C; })) {
          Why = "two of the wrapper's blocks name one call";
          return false;
        }
        P.Inner.push_back({C, IC.Kind});
        break;
      }
      Inlined[Next] = C->getCalledFunction()->getName().str();
      // Inlining erases the call: no list may keep it (a wrapper returning
      // `w ? xm(n) : ym(n)`, where ym calls xm, looked through pick's list
      // again for ym's call and read the erased xm call).
      auto &From = Brought[Level];
      From.erase(std::remove(From.begin(), From.end(), C), From.end());
      if (!inlineCall(C, Index, Brought[Next], Why))
        return false;
      Level = Next;
    }
  }
  for (auto &[Level, Calls] : Brought)
    takeTemporaries(Inlined[Level], Calls, P);
  P.Call = P.Inner.front().first;
  return true;
}

/// freesCallerMemory reports whether \p F, or a function of this module it
/// calls, frees or reallocates memory a parameter reaches (a FreesParam
/// free site): its own free() is redirected to the arena's when a
/// caller's promoted block may reach it, a copy the inliner makes is not.
bool Rewriter::freesCallerMemory(const Function *F,
                                 SmallPtrSetImpl<const Function *> &Seen) const {
  if (!F || F->isDeclaration() || !Seen.insert(F).second)
    return false;
  for (const FreeSite &FS : R.Frees)
    if (FS.FreesParam && FS.Function == F->getName())
      return true;
  for (const Instruction &I : instructions(*F))
    if (const auto *CB = dyn_cast<CallBase>(&I))
      if (freesCallerMemory(CB->getCalledFunction(), Seen))
        return true;
  return false;
}

/// takeTemporaries moves, with a wrapper site, the copies an inlining of
/// \p Fn brought in of Fn's own promoted blocks (temporaries it frees
/// itself), so that taking the wrapper in puts none of them back on the
/// heap; every free of Fn that may release one becomes esc_frame_free,
/// which hands other pointers to free().  When one of those frees is not
/// found, the temporaries stay as they were.
void Rewriter::takeTemporaries(StringRef Fn, ArrayRef<CallBase *> Calls,
                               SitePlan &P) {
  std::string Ignore;
  SmallVector<std::pair<CallBase *, AllocKind>, 4> Temps;
  SmallVector<CallBase *, 4> Frees;
  std::set<unsigned> Ids;
  for (unsigned T = 0; T < R.Sites.size(); ++T) {
    const AllocSite &TS = R.Sites[T];
    if (TS.Function != Fn || TS.Place == Storage::Heap)
      continue;
    if (!analysis::isPlainAllocator(TS.Kind))
      continue;
    if (sharedPosition(Fn, TS.Pos, Ignore))
      return;
    CallBase *C = callNamed(Calls, TS.Pos, TS.Callee, Ignore);
    if (!C || !checkArenaShape(*C, TS, Ignore) ||
        llvm::any_of(P.Inner, [&](const auto &E) { return E.first == C; }))
      return;
    Temps.push_back({C, TS.Kind});
    Ids.insert(T);
  }
  for (const FreeSite &FS : R.Frees) {
    if (FS.Function != Fn ||
        llvm::none_of(FS.Sites, [&](unsigned Id) { return Ids.count(Id); }))
      continue;
    if (canonicalCallee(FS.Callee) != "free" || FS.SharedPosition)
      return; // cfree, or realloc (which the analysis rules out)
    CallBase *C = callNamed(Calls, FS.Pos, "free", Ignore);
    if (!C || !checkFreeShape(*C, Ignore))
      return;
    Frees.push_back(C);
  }
  P.Inner.append(Temps.begin(), Temps.end());
  P.InnerFrees.append(Frees.begin(), Frees.end());
}

void Rewriter::planSite(unsigned Id) {
  const AllocSite &S = R.Sites[Id];
  if (S.Place == Storage::Heap)
    return;
  if (!siteSelected(where(S.Pos), Opts.Bisect)) {
    Log.Sites[Id] = SiteAction::NotSelected;
    Log.SiteWhy[Id] = "not selected by the bisect pattern";
    if (raw_ostream *OS = trace(2))
      *OS << "escape: " << S.Function << ": '" << S.Callee << "' at "
          << where(S.Pos) << " -> heap (bisect)\n";
    return;
  }
  Function *F = M.getFunction(S.Function);
  if (!F || F->isDeclaration())
    return decline(Id, "function '" + S.Function + "' is not in the IR");
  SitePlan P;
  P.Id = Id;
  std::string Why;
  if (!checkSite(S, *F, P, Why))
    return decline(Id, Why);
  auto [It, Fresh] = Claimed.try_emplace(P.Call, Id);
  if (!Fresh) {
    if (planned(It->second))
      decline(It->second, "another site names the same call");
    return decline(Id, "another site names the same call");
  }
  for (auto &[C, K] : P.Inner)
    Claimed.try_emplace(C, Id);
  Plans[Id] = P;
  Functions[F].Sites.push_back(Id);
}

void Rewriter::declineFreeSites(const FreeSite &FS, const std::string &Why) {
  for (unsigned Id : FS.Sites)
    if (planned(Id))
      decline(Id, "its free at " + where(FS.Pos) + " " + Why);
}

/// declineCalleeFreed leaves every site a callee frees on the heap: one of
/// the frees that may release them cannot be redirected to the arena.
void Rewriter::declineCalleeFreed(const std::string &Why) {
  for (unsigned Id = 0; Id < R.Sites.size(); ++Id)
    if (R.Sites[Id].CalleeFreed && planned(Id))
      decline(Id, Why);
}

void Rewriter::planFree(unsigned Idx) {
  const FreeSite &FS = R.Frees[Idx];
  bool Any = false;
  for (unsigned Id : FS.Sites)
    Any |= planned(Id);
  if (FS.FreesParam)
    for (unsigned Id = 0; Id < R.Sites.size() && !Any; ++Id)
      Any |= R.Sites[Id].CalleeFreed && planned(Id);
  if (!Any)
    return;
  Function *F = M.getFunction(FS.Function);
  std::string Why;
  if (FS.SharedPosition) {
    // Another free or realloc call at this line:column (one macro
    // expansion, or a #line) may be the one compiled.
    Log.Frees[Idx] = FreeAction::Declined;
    if (FS.FreesParam)
      declineCalleeFreed("a free that may release it, at " + where(FS.Pos) +
                         ", shares its position with another call");
    return declineFreeSites(FS, "shares its position with another free or "
                                "realloc call (one macro expansion, or a #line)");
  }
  CallBase *Call = F && !F->isDeclaration()
                       ? callsOf(*F).find(FS.Callee, FS.Pos.Line, FS.Pos.Column, Why)
                       : nullptr;
  if (F && Call && !checkFreeShape(*Call, Why))
    Call = nullptr;
  if (!F)
    Why = "is in a function that is not in the IR";
  if (!Call) {
    Log.Frees[Idx] = FreeAction::Declined;
    if (FS.FreesParam)
      declineCalleeFreed("a free that may release it, at " + where(FS.Pos) +
                         ", cannot be rewritten: " + Why);
    return declineFreeSites(FS, "cannot be rewritten: " + Why);
  }
  for (unsigned Id : FS.Sites)
    if (planned(Id) && Plans[Id].Call->getFunction() != F)
      decline(Id, "its free at " + where(FS.Pos) + " is in another function");
  if (isRealloc(FS.Callee)) {
    for (unsigned Id : FS.Sites) {
      if (planned(Id) && R.Sites[Id].Place != Storage::Arena && !Plans[Id].ToArena)
        decline(Id, "passed to '" + FS.Callee + "' at " + where(FS.Pos) +
                        " but not placed in the frame arena");
      else if (planned(Id))
        Plans[Id].Small = 0; // the arena's realloc takes no stack slot
    }
    auto Own = Claimed.find(Call);
    if (Own != Claimed.end() && !(Own->second & FreeMark) &&
        (R.Sites[Own->second].Kind == AllocKind::Realloc ||
         R.Sites[Own->second].Kind == AllocKind::ReallocArray)) {
      // The call is also a realloc site.  Promoted, its esc_frame_realloc
      // takes the arena input; should the site be declined later, the call
      // goes to esc_frame_realloc_heap instead (see run()).  Declined, it
      // goes there now.
      if (planned(Own->second))
        ReallocSites.emplace_back(Idx, Call, Own->second);
      else
        Functions[F].Frees.push_back({Idx, Call});
      return;
    }
  }
  auto [It, Fresh] = Claimed.try_emplace(Call, FreeMark | Idx);
  if (!Fresh) {
    // Two FreeSites name one call: neither is trusted.
    Log.Frees[Idx] = FreeAction::Declined;
    declineFreeSites(FS, "is named by two free sites");
    bool Param = FS.FreesParam;
    if (It->second & FreeMark) {
      unsigned First = It->second & ~FreeMark;
      Log.Frees[First] = FreeAction::Declined;
      declineFreeSites(R.Frees[First], "is named by two free sites");
      Param |= R.Frees[First].FreesParam;
    }
    if (Param)
      declineCalleeFreed("a free that may release it, at " + where(FS.Pos) +
                         ", is named by two free sites");
    return;
  }
  Functions[F].Frees.push_back({Idx, Call});
}

bool Rewriter::run() {
  Log.Sites.assign(R.Sites.size(), SiteAction::Untouched);
  Log.SiteWhy.assign(R.Sites.size(), "");
  Log.Frees.assign(R.Frees.size(), FreeAction::Untouched);
  Log.Ran = true;
  if (!Opts.Enabled || M.getNamedMetadata("escape.rewritten"))
    return false;
  for (const AllocSite &S : R.Sites)
    ++SitesAt[{S.Function, S.Pos.Line, S.Pos.Column}];
  // Wrapper sites last: inlining one takes in the wrapper's body as it
  // is, and the copies of its own promoted blocks follow their sites.
  for (unsigned Id = 0; Id < R.Sites.size(); ++Id)
    if (R.Sites[Id].Kind != AllocKind::Wrapper)
      planSite(Id);
  for (unsigned Id = 0; Id < R.Sites.size(); ++Id)
    if (R.Sites[Id].Kind == AllocKind::Wrapper)
      planSite(Id);
  for (unsigned Idx = 0; Idx < R.Frees.size(); ++Idx)
    planFree(Idx);
  for (auto &[Idx, Call, Id] : ReallocSites)
    if (!planned(Id))
      Functions[Call->getFunction()].Frees.push_back({Idx, Call});
  for (unsigned Id = 0; Id < R.Sites.size(); ++Id)
    CalleeFreedPlanned |= R.Sites[Id].CalleeFreed && planned(Id);
  bool Changed = false;
  for (auto &[F, FP] : Functions) {
    if (FP.Sites.empty() && FP.Frees.empty())
      continue;
    applyFunction(*F, FP);
    Changed = true;
  }
  // The inliner must not copy stack storage into every level of a recursion.
  guardRecursiveCallers(StackFunctions, R.Recursive, trace());
  // Callees' frames a longjmp skips are released where it lands.
  if (Opts.Arena)
    Changed |= bracketSetjmps(M, R.ExcludedSetjmp);
  if (Changed)
    M.getOrInsertNamedMetadata("escape.rewritten");
  return Changed;
}

/// endLifetime ends stack slot \p Slot's lifetime right before \p At.
static void endLifetime(AllocaInst *Slot, Instruction *At) {
  const DataLayout &DL = At->getModule()->getDataLayout();
  IRBuilder<> B(At);
  B.CreateLifetimeEnd(Slot, B.getInt64(DL.getTypeAllocSize(Slot->getAllocatedType()).getFixedValue()));
}

void Rewriter::applyFunction(Function &F, FunctionPlan &FP) {
  bool HasArena = false, HasStack = false;
  SmallVector<Instruction *, 4> ArenaCalls;
  for (unsigned Id : FP.Sites) {
    auto It = Plans.find(Id);
    if (It == Plans.end())
      continue; // declined while planning the frees
    const AllocSite &S = R.Sites[Id];
    SitePlan &P = It->second;
    bool Stack = S.Place == Storage::Stack && !P.ToArena;
    if (Stack) {
      makeStack(S, P);
      if (!P.Inner.empty()) {
        // A wrapper's block went to the stack; its temporaries go to the
        // arena as they would with the block there.
        P.Inner.erase(P.Inner.begin());
        for (auto &[C, K] : P.Inner)
          C = arenaCall(K, C);
        HasArena |= !P.Inner.empty();
      }
    } else {
      makeArena(S, P);
    }
    HasStack |= Stack || It->second.Small;
    HasArena |= !Stack;
    if (!Stack && It->second.Inner.empty())
      ArenaCalls.push_back(It->second.Call);
    for (auto &[C, K] : It->second.Inner)
      ArenaCalls.push_back(C);
    for (CallBase *C : It->second.InnerFrees)
      replaceFree(C, C->getArgOperand(0), true);
  }
  for (FreePlan &P : FP.Frees) {
    const FreeSite &FS = R.Frees[P.Idx];
    rewriteFree(FS, P.Call, HasArena || (FS.FreesParam && CalleeFreedPlanned));
  }
  if (HasArena)
    addFrame(F, ArenaCalls);
  if (!HasStack)
    return;
  StackFunctions.insert(&F);
  // Every return ends the slots' lifetimes too.  A slot that has a
  // lifetime.start gets no markers from the inliner, so without an end a
  // block never freed (left to die with its frame) stayed live to the end
  // of every function this one is inlined into, and sibling calls of it
  // added their blocks up in that frame.
  SmallVector<AllocaInst *, 4> Slots;
  for (unsigned Id : FP.Sites)
    if (auto It = Plans.find(Id); It != Plans.end() && It->second.Slot)
      Slots.push_back(It->second.Slot);
  for (BasicBlock &BB : F)
    if (auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator()))
      for (AllocaInst *Slot : Slots) // (no musttail calls: such functions are declined)
        endLifetime(Slot, Ret);
  // A 'tail' call promises not to read the caller's allocas; a call that
  // now receives stack storage may break that promise.
  for (Instruction &I : instructions(F))
    if (auto *CI = dyn_cast<CallInst>(&I))
      if (CI->getTailCallKind() == CallInst::TCK_Tail)
        CI->setTailCallKind(CallInst::TCK_None);
}

/// entryInsertPoint returns the first instruction of \p F's entry block that
/// is not an alloca.
static BasicBlock::iterator entryInsertPoint(Function &F) {
  BasicBlock::iterator It = F.getEntryBlock().begin();
  while (isa<AllocaInst>(*It))
    ++It;
  return It;
}

void Rewriter::makeStack(const AllocSite &S, SitePlan &P) {
  CallBase *Call = P.Call;
  Function &F = *Call->getFunction();
  uint64_t Bytes = std::max<uint64_t>(S.Size, 1);
  const DataLayout &DL = M.getDataLayout();
  IRBuilder<> EB(&F.getEntryBlock(), entryInsertPoint(F));
  EB.SetCurrentDebugLocation(DebugLoc());
  Type *Ty = ArrayType::get(EB.getInt8Ty(), Bytes);
  AllocaInst *Slot = EB.CreateAlloca(Ty, DL.getAllocaAddrSpace(), nullptr,
                                     S.Name.empty() ? "escape.stack"
                                                    : S.Name + ".stack");
  Slot->setAlignment(Align(P.Align));

  IRBuilder<> B(Call);
  B.CreateLifetimeStart(Slot, B.getInt64(Bytes));
  if (S.Kind == AllocKind::Calloc || S.Zeroed)
    B.CreateMemSet(Slot, B.getInt8(0), Bytes, Align(P.Align));
  Value *Ptr = B.CreatePointerBitCastOrAddrSpaceCast(Slot, Call->getType());
  Call->replaceAllUsesWith(Ptr);
  Call->eraseFromParent();
  P.Call = nullptr;
  P.Slot = Slot;
  P.Done = true;
  Log.Sites[P.Id] = SiteAction::Stack;
  traceSite(S, "stack (" + Twine(Bytes) + (Bytes == 1 ? " byte)" : " bytes)"));
}

FunctionCallee Rewriter::runtimeFn(StringRef Name, Type *Ret,
                                   ArrayRef<Type *> Params, bool Allocates) {
  bool Existed = M.getFunction(Name) != nullptr;
  FunctionType *FT = FunctionType::get(Ret, Params, false);
  FunctionCallee FC = M.getOrInsertFunction(Name, FT);
  auto *Fn = dyn_cast<Function>(FC.getCallee());
  if (!Existed && Fn) {
    Fn->addFnAttr(Attribute::NoUnwind);
    if (Allocates)
      Fn->addRetAttr(Attribute::NoAlias);
  }
  return FC;
}

/// arenaName returns the frame-arena replacement of allocator kind \p K.
static StringRef arenaName(AllocKind K) {
  switch (K) {
  case AllocKind::Malloc:       return "esc_frame_alloc";
  case AllocKind::Calloc:       return "esc_frame_calloc";
  case AllocKind::AlignedAlloc: return "esc_frame_aligned_alloc";
  case AllocKind::Strdup:       return "esc_frame_strdup";
  case AllocKind::Strndup:      return "esc_frame_strndup";
  case AllocKind::Realloc:      return "esc_frame_realloc";
  case AllocKind::ReallocArray: return "esc_frame_realloc_array";
  case AllocKind::PosixMemalign: return "esc_frame_posix_memalign";
  case AllocKind::Asprintf:     return "esc_frame_asprintf";
  case AllocKind::Vasprintf:    return "esc_frame_vasprintf";
  default:                      return "";
  }
}

/// Describes the arena's allocator and free functions to LLVM the way
/// malloc and free are, so the optimizer can still delete an allocation
/// whose contents fold away (as it would have deleted the malloc).  Only on
/// declarations the pass creates itself.
static void markAllocator(Function *Fn, AllocKind K) {
  LLVMContext &C = Fn->getContext();
  AllocFnKind Kind = AllocFnKind::Alloc;
  switch (K) {
  case AllocKind::Malloc:
    Kind |= AllocFnKind::Uninitialized;
    Fn->addFnAttr(Attribute::getWithAllocSizeArgs(C, 0, std::nullopt));
    break;
  case AllocKind::Calloc:
    Kind |= AllocFnKind::Zeroed;
    Fn->addFnAttr(Attribute::getWithAllocSizeArgs(C, 0, 1));
    break;
  case AllocKind::AlignedAlloc:
    // Not an allocator LLVM may delete: it keeps plain code's
    // aligned_alloc, and its test for NULL, where an impossible size
    // fails (a deleted allocation is taken to have succeeded).
    Fn->addFnAttr(Attribute::getWithAllocSizeArgs(C, 1, std::nullopt));
    Fn->addParamAttr(0, Attribute::AllocAlign);
    Fn->setMemoryEffects(MemoryEffects::inaccessibleMemOnly());
    return;
  case AllocKind::Realloc:
    // As realloc: LLVM deletes `q = realloc(p, 0); if (q) ...; free(q)`
    // with its input's allocation, taking the result as non-null, in plain
    // code; the arena's realloc takes only arena objects and NULL.
    Fn->addFnAttr(Attribute::get(C, Attribute::AllocKind,
                                 uint64_t(AllocFnKind::Realloc)));
    Fn->addFnAttr(Attribute::getWithAllocSizeArgs(C, 1, std::nullopt));
    Fn->addFnAttr("alloc-family", "esc_frame");
    Fn->addParamAttr(0, Attribute::AllocatedPointer);
    Fn->setMemoryEffects(MemoryEffects::argMemOnly() |
                         MemoryEffects::inaccessibleMemOnly());
    return;
  case AllocKind::Strdup:
  case AllocKind::Strndup:
    Fn->setMemoryEffects(MemoryEffects::argMemOnly(ModRefInfo::Ref) |
                         MemoryEffects::inaccessibleMemOnly());
    return;
  default:
    // Among them reallocarray's esc_frame_realloc_array: LLVM does not know
    // reallocarray, and treats its call as any other (a leaked
    // `reallocarray(p, 0, n)` compared with NULL is not folded).
    return;
  }
  Fn->addFnAttr(Attribute::get(C, Attribute::AllocKind, uint64_t(Kind)));
  Fn->addFnAttr("alloc-family", "esc_frame");
  // As LLVM describes malloc, calloc and aligned_alloc: only the
  // allocator's own state.  So a value stored before the call, errno's
  // included, is still known after it, as plain code knows it across malloc
  // (`errno = 0; p = malloc(n); if (!p) print(errno)` prints 0 there).
  Fn->setMemoryEffects(MemoryEffects::inaccessibleMemOnly());
}

static void markFree(Function *Fn) {
  Fn->addFnAttr(Attribute::get(Fn->getContext(), Attribute::AllocKind,
                               uint64_t(AllocFnKind::Free)));
  Fn->addFnAttr("alloc-family", "esc_frame");
  Fn->addParamAttr(0, Attribute::AllocatedPointer);
}

/// reallocArgs turns reallocarray(p, count, size)'s arguments into
/// realloc's: p and count * size, or SIZE_MAX when the product overflows,
/// a size every allocator refuses with ENOMEM and the block intact, as
/// reallocarray does.
static SmallVector<Value *, 2> reallocArgs(IRBuilder<> &B, CallBase *Call) {
  Value *Mul = B.CreateBinaryIntrinsic(Intrinsic::umul_with_overflow,
                                       Call->getArgOperand(1), Call->getArgOperand(2));
  Value *Product = B.CreateExtractValue(Mul, 0);
  Value *Size = B.CreateSelect(B.CreateExtractValue(Mul, 1),
                               Constant::getAllOnesValue(Product->getType()), Product);
  return {Call->getArgOperand(0), Size};
}

/// arenaCall replaces allocator call \p Call of kind \p K by its arena
/// form.  With \p Slot, the form that may take that stack slot instead
/// (esc_frame_alloc_small(n, slot), ...; SmallSlot.cpp splits it at the
/// end of the pipeline): the slot is an argument it neither reads nor
/// keeps, which keeps the slot's alloca alive and lets the inliner scope
/// it to each inlined copy.
CallBase *Rewriter::arenaCall(AllocKind K, CallBase *Call, AllocaInst *Slot) {
  // asprintf's arena form is variadic too, and is called as asprintf was:
  // a variadic call passes what a variadic callee reads (on x86-64 the
  // count of vector registers in %al).
  if (Call->getFunctionType()->isVarArg()) {
    FunctionCallee FC = M.getOrInsertFunction(arenaName(K), Call->getFunctionType());
    if (auto *Fn = dyn_cast<Function>(FC.getCallee()))
      Fn->addFnAttr(Attribute::NoUnwind);
    Call->setCalledFunction(FC);
    return Call;
  }
  IRBuilder<> B(Call);
  SmallVector<Value *, 3> Args(Call->args());
  if (K == AllocKind::ReallocArray)
    Args = reallocArgs(B, Call);
  if (Slot)
    Args.push_back(Slot);
  SmallVector<Type *, 3> Params;
  for (Value *A : Args)
    Params.push_back(A->getType());
  std::string Name = (arenaName(K) + (Slot ? "_small" : "")).str();
  bool Existed = M.getFunction(Name) != nullptr;
  FunctionCallee FC = runtimeFn(Name, Call->getType(), Params, true);
  if (auto *Fn = dyn_cast<Function>(FC.getCallee()); Fn && !Existed) {
    markAllocator(Fn, K);
    if (Slot) {
      Fn->addParamAttr(Args.size() - 1, Attribute::NoCapture);
      Fn->addParamAttr(Args.size() - 1, Attribute::ReadNone);
    }
  }
  CallInst *New = B.CreateCall(FC, Args);
  New->takeName(Call);
  Call->replaceAllUsesWith(New);
  Call->eraseFromParent();
  return New;
}

void Rewriter::makeArena(const AllocSite &S, SitePlan &P) {
  // A site with a stack slot for its dynamic size: the slot is made here,
  // in the function's entry, and the branch to it at the end of the
  // pipeline (SmallSlot.cpp), where the optimizer has had its chance to
  // delete the allocation as it deletes a malloc whose contents fold away
  // (taking it to have succeeded).  No lifetime markers yet: the inliner
  // scopes the slot to each copy it makes of the function.
  AllocaInst *Slot = nullptr;
  if (P.Small) {
    Function &F = *P.Call->getFunction();
    IRBuilder<> EB(&F.getEntryBlock(), entryInsertPoint(F));
    EB.SetCurrentDebugLocation(DebugLoc());
    Slot = EB.CreateAlloca(ArrayType::get(EB.getInt8Ty(), P.Small),
                           M.getDataLayout().getAllocaAddrSpace(), nullptr,
                           S.Name.empty() ? "escape.small" : S.Name + ".small");
    Slot->setAlignment(Align(16));
  }
  if (P.Inner.empty()) {
    P.Call = arenaCall(S.Kind, P.Call, Slot);
  } else {
    for (auto &[C, K] : P.Inner) {
      C = arenaCall(K, C, Slot);
      Slot = nullptr; // the first is the block the wrapper returns
    }
    P.Call = P.Inner.front().first;
  }
  P.Done = true;
  Log.Sites[P.Id] = SiteAction::Arena;
  if (P.Small)
    traceSite(S, "arena, or a stack slot when at most " + Twine(P.Small) + " bytes");
  else
    traceSite(S, "arena");
}

void Rewriter::rewriteFree(const FreeSite &FS, CallBase *Call, bool HasArena) {
  unsigned Idx = &FS - R.Frees.data();
  SmallVector<AllocaInst *, 4> Slots;
  bool AllStack = !FS.MayFreeOther, AnyDone = false;
  for (unsigned Id : FS.Sites) {
    auto It = Plans.find(Id);
    bool Done = It != Plans.end() && It->second.Done;
    AnyDone |= Done;
    AllStack &= Done && It->second.Slot;
    if (Done && It->second.Slot)
      Slots.push_back(It->second.Slot);
  }
  if (!AnyDone && !(FS.FreesParam && CalleeFreedPlanned))
    return; // its sites were declined after planning; leave it alone
  auto Say = [&](StringRef What) {
    if (raw_ostream *OS = trace())
      *OS << "escape: " << FS.Function << ": '" << FS.Callee << "' at "
          << where(FS.Pos) << " -> " << What << "\n";
  };
  if (isRealloc(FS.Callee)) {
    // The arena's realloc moves an arena object to the heap and passes
    // every other pointer to realloc: the result is heap memory, as the
    // analysis assumes of a realloc site.  No stack slot reaches it.
    IRBuilder<> B(Call);
    SmallVector<Value *, 2> Args(Call->args());
    if (canonicalCallee(FS.Callee) == "reallocarray")
      Args = reallocArgs(B, Call);
    FunctionCallee FC = runtimeFn("esc_frame_realloc_heap", Call->getType(),
                                  {Args[0]->getType(), Args[1]->getType()}, true);
    CallInst *New = B.CreateCall(FC, Args);
    New->setDebugLoc(Call->getDebugLoc());
    Call->replaceAllUsesWith(New);
    New->takeName(Call);
    Call->eraseFromParent();
    Log.Frees[Idx] = FreeAction::Redirected;
    return Say("esc_frame_realloc_heap");
  }
  if (AllStack) {
    // A free of one stack block ends its slot's lifetime there, so slots
    // that never live at once can share their bytes: a helper with a
    // 1000-byte block, inlined at 16 calls of one function, made that
    // frame 16,000 bytes where the budget is 1,024, and overflowed a 16
    // KiB thread stack that plain code ran in.  (A free that may release
    // one of several blocks ends none, nor one that may release nothing:
    // a free of `k ? p : NULL` ended p's life where p was read after.)
    if (Slots.size() == 1 && FS.Sites.size() == 1 && FS.ReleasesSite)
      endLifetime(Slots[0], Call);
    Call->eraseFromParent();
    Log.Frees[Idx] = FreeAction::Removed;
    return Say("removed");
  }
  IRBuilder<> B(Call);
  Value *Ptr = Call->getArgOperand(0);
  if (!Slots.empty()) {
    Value *IsStack = B.getFalse();
    for (AllocaInst *Slot : Slots)
      IsStack = B.CreateOr(IsStack, B.CreateICmpEQ(
          Ptr, B.CreatePointerBitCastOrAddrSpaceCast(Slot, Ptr->getType())));
    Ptr = B.CreateSelect(IsStack, Constant::getNullValue(Ptr->getType()), Ptr,
                         "escape.heap");
  }
  StringRef Target = HasArena ? "esc_frame_free" : "free";
  replaceFree(Call, Ptr, HasArena);
  Log.Frees[Idx] = FreeAction::Redirected;
  Say(Slots.empty() ? Target.str() : (Target + " unless stack").str());
}

/// replaceFree replaces the free() call \p Call by a call that releases
/// \p Ptr: esc_frame_free when \p Arena (it hands non-arena pointers to
/// free), else the same free().
void Rewriter::replaceFree(CallBase *Call, Value *Ptr, bool Arena) {
  IRBuilder<> B(Call);
  bool Existed = M.getFunction("esc_frame_free") != nullptr;
  FunctionCallee FC =
      Arena ? runtimeFn("esc_frame_free", B.getVoidTy(), {Ptr->getType()}, false)
            : FunctionCallee(Call->getFunctionType(), Call->getCalledOperand());
  if (auto *Fn = dyn_cast<Function>(FC.getCallee()); Arena && Fn && !Existed)
    markFree(Fn);
  B.CreateCall(FC, {Ptr});
  Call->eraseFromParent();
}

/// frameLoc returns a location for calls the pass adds to \p F: \p Near's,
/// else the function's own line, so that every call keeps a !dbg.
static DebugLoc frameLoc(Function &F, const Instruction *Near) {
  if (Near && Near->getDebugLoc())
    return Near->getDebugLoc();
  if (DISubprogram *SP = F.getSubprogram())
    return DILocation::get(F.getContext(), SP->getScopeLine(), 0, SP);
  return DebugLoc();
}

/// onCycle reports whether \p BB can reach itself.
static bool onCycle(BasicBlock *BB) {
  SmallPtrSet<BasicBlock *, 32> Seen;
  SmallVector<BasicBlock *, 32> Work(succ_begin(BB), succ_end(BB));
  while (!Work.empty()) {
    BasicBlock *X = Work.pop_back_val();
    if (X == BB)
      return true;
    if (Seen.insert(X).second)
      Work.append(succ_begin(X), succ_end(X));
  }
  return false;
}

/// frameEntry returns where \p F enters its frame: before the first of
/// \p ArenaCalls in their nearest common dominator, so that paths which
/// allocate nothing in the arena (an early return) pay nothing.  When that
/// block is on a cycle (it would enter once per iteration) the entry moves
/// up the dominator tree to the first block on none; the entry block never
/// is.
static Instruction *frameEntry(Function &F, const DominatorTree &DT,
                               ArrayRef<Instruction *> ArenaCalls) {
  BasicBlock *D = nullptr;
  for (Instruction *I : ArenaCalls)
    if (DT.isReachableFromEntry(I->getParent()))
      D = D ? DT.findNearestCommonDominator(D, I->getParent()) : I->getParent();
  if (!D)
    return &*entryInsertPoint(F);
  // Right before a first allocation that may take its stack slot instead,
  // so that the slot's path can leave the frame out (splitSmall).
  if (D == &F.getEntryBlock()) {
    for (Instruction &I : *D)
      if (is_contained(ArenaCalls, &I))
        return cast<CallBase>(I).getCalledFunction()->getName().ends_with("_small")
                   ? &I
                   : &*entryInsertPoint(F);
    return &*entryInsertPoint(F);
  }
  while (D != &F.getEntryBlock() && onCycle(D))
    D = DT.getNode(D)->getIDom()->getBlock();
  if (D == &F.getEntryBlock())
    return &*entryInsertPoint(F);
  for (Instruction &I : *D)
    if (is_contained(ArenaCalls, &I))
      return &I;
  return D->getTerminator();
}

void Rewriter::addFrame(Function &F, ArrayRef<Instruction *> ArenaCalls) {
  // esc_frame_mark_t is uintptr_t.
  Type *MarkTy = M.getDataLayout().getIntPtrType(M.getContext());
  bool Existed = M.getFunction("esc_frame_enter") != nullptr;
  FunctionCallee Enter = runtimeFn("esc_frame_enter", MarkTy, {}, false);
  // A mark is never 0 (escape.h), so the optimizer drops the test of a
  // lazily entered frame on paths that entered it.
  if (auto *Fn = dyn_cast<Function>(Enter.getCallee()); Fn && !Existed) {
    unsigned Bits = MarkTy->getIntegerBitWidth();
    Fn->addRetAttr(Attribute::get(
        M.getContext(), Attribute::Range,
        ConstantRange(APInt(Bits, 1), APInt::getZero(Bits))));
    // Only the arena's own state, as the allocations it comes before: a
    // frame entered lazily, after `errno = 0`, must not make the errno
    // plain code takes as known across malloc unknown (the escape build
    // printed glibc's ENOMEM where plain code printed 0).
    Fn->setMemoryEffects(MemoryEffects::inaccessibleMemOnly());
  }
  FunctionCallee Leave = runtimeFn("esc_frame_leave",
                                   Type::getVoidTy(M.getContext()), {MarkTy}, false);
  DominatorTree DT(F);
  Instruction *At = frameEntry(F, DT, ArenaCalls);
  SmallVector<ReturnInst *, 4> Rets, Unsure;
  for (BasicBlock &BB : F)
    if (auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator()))
      (DT.dominates(At, Ret) ? Rets : Unsure).push_back(Ret);
  IRBuilder<> B(At);
  B.SetCurrentDebugLocation(frameLoc(F, At->getParent() == &F.getEntryBlock() ? nullptr : At));
  CallInst *Mark = B.CreateCall(Enter, {}, "escape.mark");
  Mark->setMetadata("escape.frame", MDNode::get(M.getContext(), {}));
  for (ReturnInst *Ret : Rets) {
    IRBuilder<> RB(Ret);
    RB.SetCurrentDebugLocation(frameLoc(F, Ret));
    RB.CreateCall(Leave, {Mark});
  }
  if (Unsure.empty())
    return;
  // A return that some path reaches without entering the frame leaves it
  // only if it was entered: the mark lives in a slot that holds 0 until
  // then, and mem2reg turns the slot into phis.
  IRBuilder<> EB(&F.getEntryBlock(), entryInsertPoint(F));
  EB.SetCurrentDebugLocation(DebugLoc());
  AllocaInst *Slot = EB.CreateAlloca(MarkTy, nullptr, "escape.mark.slot");
  EB.CreateStore(ConstantInt::get(MarkTy, 0), Slot);
  B.SetInsertPoint(Mark->getNextNode());
  B.CreateStore(Mark, Slot);
  for (ReturnInst *Ret : Unsure) {
    IRBuilder<> RB(Ret);
    RB.SetCurrentDebugLocation(frameLoc(F, Ret));
    Value *Saved = RB.CreateLoad(MarkTy, Slot, "escape.mark.saved");
    Value *Entered = RB.CreateICmpNE(Saved, ConstantInt::get(MarkTy, 0));
    Instruction *Then = SplitBlockAndInsertIfThen(Entered, Ret, false);
    RB.SetInsertPoint(Then);
    RB.CreateCall(Leave, {Saved});
  }
}

bool rewriteModule(Module &M, const TUResult &Result, const RewriteOptions &Opts,
                   RewriteLog *Log) {
  RewriteLog Local;
  Rewriter RW(M, Result, Opts, Log ? *Log : Local);
  return RW.run();
}

/// FrameRewritePass is the module pass the plugin registers.
class FrameRewritePass : public PassInfoMixin<FrameRewritePass> {
public:
  FrameRewritePass(std::shared_ptr<const TUResult> Result, RewriteOptions Opts,
                   std::shared_ptr<RewriteLog> Log)
      : Result(std::move(Result)), Opts(std::move(Opts)), Log(std::move(Log)) {}

  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    if (!Result)
      return PreservedAnalyses::all();
    if (!rewriteModule(M, *Result, Opts, Log.get()))
      return PreservedAnalyses::all();
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
  static StringRef name() { return "escape-frame-rewrite"; }

private:
  std::shared_ptr<const TUResult> Result;
  RewriteOptions Opts;
  std::shared_ptr<RewriteLog> Log;
};

void registerFrameRewrite(PassBuilder &PB,
                          std::shared_ptr<const TUResult> Result,
                          const RewriteOptions &Opts,
                          std::shared_ptr<RewriteLog> Log) {
  PB.registerPipelineStartEPCallback(
      [Result, Opts, Log](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(FrameRewritePass(Result, Opts, Log));
      });
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(FrameTidyPass());
      });
}

} // namespace escape::rewriter
