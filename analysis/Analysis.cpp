//===- Analysis.cpp - Escape analysis for C --------------------------------===//
//
// Here we analyze functions to determine which heap allocations can be
// placed in the function's own frame (on the stack or in the thread's frame
// arena) instead of the general heap.
//
// For every allocation site we must prove one invariant: no pointer to the
// object can be used after the function that made it returns.  Two things
// break it.  The pointer may leave the frame: returned, stored in a global,
// stored into memory that outlives the frame, handed to code we cannot see.
// Or memory management may need the real heap object: realloc() or a free()
// in another function, allocator introspection.  Everything else may move.
//
// The analysis is Go's (cmd/compile/internal/escape) recast for C.  Go
// tracks only how values flow between locations, with a dereference count
// on each edge, and treats every store through a pointer as a flow to the
// heap.  C code stores through pointers all the time (`n->name =
// malloc(16)`), so we track what each pointer may point to instead: an
// inclusion-based (Andersen) points-to analysis, field insensitive, flow
// insensitive, per function.
//
// The model (graph.go's locations and edges become Graph.h's):
//
//   node    a place holding a pointer value: variable, temporary, the
//           contents of an object, or a sink
//   object  memory a pointer may point to: an allocation site, a local
//           variable, what a parameter points to, unknown memory (<heap>)
//   copy    Pts(dst) ⊇ Pts(src)                  p = q
//   load    Pts(dst) ⊇ Pts(*o) for o in Pts(ptr)  p = *q, p = q->f
//   store   Pts(*o) ⊇ Pts(src) for o in Pts(ptr)  *p = q, p->f = q
//
// Escape is reachability into two sinks.  <heap> is the contents of the
// unknown object: globals, unknown callees, integer casts and unions all
// copy into it, and it loads and stores into itself, so whatever escaped
// memory holds escapes too.  <outside> collects what the function returns
// and what it stores into its parameters' pointees.  An allocation escapes
// if it reaches either; the solver remembers, for each (node, object), the
// edge that brought the object there, which gives the flow chain of -m=2.
//
// Worked example:
//
//   struct node { char *name; };
//   struct node *make(void) {
//     struct node *n = malloc(sizeof *n);   // object A, n -> {A}
//     n->name = malloc(16);                 // object B, store: *A -> {B}
//     return n;                             // copy n -> <result> -> <outside>
//   }
//
// A reaches <outside>; B reaches it through the load <outside> = *<outside>
// ("reachable from memory that outlives the frame").  Without the return,
// neither escapes, and both could live in make's frame.
//
// Interprocedural: functions are analyzed bottom-up over the call graph's
// strongly connected components.  A parameter's pointee and everything
// beyond it are two objects of their own; after solving, where they ended
// up is the function's Summary (Go's leak tags): leaks to the heap, to the
// result, into another parameter's pointee; freed; returns fresh memory.
// Callers apply summaries instead of treating the call as unknown.  A
// recursive component iterates until its summaries stop growing.
//
// Then the storage policy (Policy.cpp) places every non-escaping object:
// stack when small and constant and not live across loop iterations (Go's
// loop-depth rule: an object allocated at loop depth d reachable from a
// node of depth < d is loop-carried), else the frame arena, else the heap.
//
//===----------------------------------------------------------------------===//
#include "escape/analysis/Analysis.h"
#include "Builder.h"
#include "LibcTable.h"
#include "Policy.h"
#include "SummaryBuilder.h"
#include "TailCalls.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

using namespace clang;
using namespace escape::analysis;

/// The expansion location of \p L as CodeGen writes it into DILocations.
static SourcePos positionOf(const SourceManager &SM, SourceLocation L) {
  SourcePos P;
  if (L.isInvalid())
    return P;
  P.Raw = L.getRawEncoding();
  PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(L));
  if (PL.isInvalid())
    return P;
  P.File = PL.getFilename();
  P.Line = PL.getLine();
  P.Column = PL.getColumn();
  return P;
}

namespace {

/// Reports whether argument \p A names a function this file defines, so
/// the call graph has the edge to it (CalleeCollector adds every function a
/// body refers to).
static bool isDefinedFunction(const Expr *A) {
  // A choice of functions (`by_age ? cmp_age : cmp_name`).
  if (const auto *C = dyn_cast<ConditionalOperator>(A->IgnoreParenImpCasts()))
    return isDefinedFunction(C->getTrueExpr()) && isDefinedFunction(C->getFalseExpr());
  const auto *R = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts());
  const auto *F = R ? dyn_cast<FunctionDecl>(R->getDecl()) : nullptr;
  return F && trustedDefinition(F);
}

/// What in the file lets the C library run its code (TUAnalysis::Hooks).
struct LibraryHooks {
  bool Streams = false; ///< fopencookie or funopen: a stdio call may run a stream's hooks
  bool Printf = false;  ///< register_printf_*: a printf-family call may run a handler
};

/// Reports whether call \p E to \p F (declared, not defined here, or with
/// a definition that may be replaced: trustedDefinition)
/// may run code of this program that the call graph does not show: a
/// function defined in another file may call back into this one, and so
/// may a library function given a callback other than a function this file
/// defines, and so may calls that run handlers the program registered
/// (signals, pthread_atfork, a library's constructors, \p H's hooks).  A
/// C library function (FunctionBuilder::isLibraryFunction) without a
/// function-pointer argument cannot.
static bool mayCallBack(const ASTContext &Ctx, const CallExpr *E,
                        const FunctionDecl *F, const LibraryHooks &H) {
  llvm::StringRef Name =
      canonicalCallee(F->getIdentifier() ? F->getName() : llvm::StringRef());
  // (Before the builtins: fwrite and printf are library builtins.)
  // A signal sent or unblocked runs the program's handler before the call
  // returns, on the caller's stack: a function holding a stack block that
  // raises a signal whose handler calls it again recursed unseen (64 KiB
  // signal stack; plain code ran 18 levels, the blocks on the stack 14).
  // So do fork (pthread_atfork's handlers) and dlopen and dlclose (the
  // library's constructors and destructors, which may call the program).
  static const char *const Handlers[] = {
      "raise", "kill", "killpg", "pthread_kill", "tgkill", "tkill", "sigqueue",
      "pthread_sigqueue", "sigprocmask", "pthread_sigmask", "sigsuspend", "sigrelse",
      "sigpause", "pause", "fork", "dlopen", "dlmopen", "dlclose"};
  if (llvm::is_contained(Handlers, Name))
    return true;
  // Streams of the program's own run its read and write functions from any
  // stdio call (stdout itself may be one); registered printf conversions
  // run from any printf-family call.
  const SourceManager &SM = Ctx.getSourceManager();
  if (H.Streams && SM.isInSystemHeader(F->getLocation()) &&
      SM.getFilename(SM.getSpellingLoc(F->getLocation())).contains("stdio"))
    return true;
  if (H.Printf && Name.contains("printf"))
    return true;
  if (F->getBuiltinID())
    return false;
  if (!FunctionBuilder::isLibraryFunction(F))
    return true; // code of the program's, maybe under a library's name
  static const char *const NoCallback[] = {
      "malloc", "calloc", "realloc", "reallocarray", "free", "cfree",
      "aligned_alloc", "posix_memalign", "memalign", "valloc", "strdup",
      "strndup", "exit", "_exit", "_Exit", "abort", "longjmp", "siglongjmp",
      "_longjmp", "setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp", "alloca"};
  for (const char *N : NoCallback)
    if (Name == N)
      return false;
  for (const Expr *A : E->arguments()) {
    QualType T = A->IgnoreParenImpCasts()->getType();
    if ((T->isFunctionPointerType() || T->isFunctionType()) &&
        !isDefinedFunction(A))
      return true;
  }
  return false;
}

/// Collects the functions a body calls that are defined in the TU, and
/// whether it makes a call that may run code the call graph does not show
/// (an indirect call, or one into another file).
class CalleeCollector : public RecursiveASTVisitor<CalleeCollector> {
public:
  explicit CalleeCollector(const ASTContext &Ctx) : Ctx(Ctx) {}
  std::vector<const FunctionDecl *> Callees;
  bool HiddenCall = false;
  LibraryHooks Hooks;
  const Stmt *Body = nullptr; ///< the function's, for tableTargets
  bool VisitCallExpr(CallExpr *E) {
    const FunctionDecl *F = E->getDirectCallee();
    if (!F) {
      HiddenCall = true;
      // A const table's functions are summarized before their users.
      llvm::SmallVector<const FunctionDecl *, 8> Targets;
      if (tableTargets(E->getCallee(), Body, Targets))
        for (const FunctionDecl *T : Targets)
          add(T);
      return true;
    }
    if (!trustedDefinition(F))
      HiddenCall |= mayCallBack(Ctx, E, F, Hooks);
    add(F);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (const auto *C = VD->getAttr<CleanupAttr>())
      if (const FunctionDecl *F = C->getFunctionDecl())
        add(F);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    // Callbacks (qsort's comparator) are summarized before their users.
    if (const auto *F = dyn_cast<FunctionDecl>(E->getDecl()))
      add(F);
    return true;
  }

private:
  void add(const FunctionDecl *F) {
    if (const FunctionDecl *Def = F->getDefinition())
      if (Def->hasBody())
        Callees.push_back(Def);
  }
  const ASTContext &Ctx;
};

/// Collects the functions whose address the TU takes: every reference that
/// is not the callee of a direct call (a callback, a table of handlers).
class AddressTakenCollector
    : public RecursiveASTVisitor<AddressTakenCollector> {
public:
  llvm::DenseSet<const FunctionDecl *> Taken;
  bool VisitCallExpr(CallExpr *E) {
    // Visited before its children: the callee's reference is known by then.
    if (const auto *R = dyn_cast<DeclRefExpr>(E->getCallee()->IgnoreParenImpCasts()))
      Callees.insert(R);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *F = dyn_cast<FunctionDecl>(E->getDecl()))
      if (!Callees.count(E))
        Taken.insert(F->getCanonicalDecl());
    return true;
  }

private:
  llvm::DenseSet<const DeclRefExpr *> Callees;
};

/// The whole-TU driver.
class TUAnalysis {
public:
  TUAnalysis(ASTContext &Ctx, const Policy &P) : Ctx(Ctx), P(P) {}
  TUResult run();

private:
  void collect();
  std::vector<std::vector<const FunctionDecl *>> components();
  void analyzeComponent(const std::vector<const FunctionDecl *> &SCC);
  void markHiddenRecursion(
      const std::vector<std::vector<const FunctionDecl *>> &Components);
  std::unique_ptr<FunctionBuilder> runOne(const FunctionDecl *FD);
  Summary initial(const FunctionDecl *FD);
  void record(const FunctionDecl *FD, FunctionBuilder &B, bool Recursive, uint64_t Below);
  void recordLeaks(const FunctionDecl *FD, const Summary &S);
  void markWrapper(const FunctionDecl *FD, const FunctionBuilder &B);
  std::vector<InnerCall> innerCalls(const SourceManager &SM, const CallExpr *Call);
  void wrapperSize(const CallExpr *Call, AllocSite &S, SiteFacts &SF,
                   const llvm::DenseSet<const VarDecl *> &CallerModified);
  FunctionFacts factsOf(const FunctionDecl *FD, const FunctionBuilder &B,
                        bool Recursive);
  SiteFacts siteFacts(const FunctionBuilder &B, const SiteInfo &SI,
                      AllocSite &S, const std::vector<unsigned> &MinDepth);
  std::vector<FlowStep> flow(const FunctionBuilder &B, NodeId Sink, ObjId O,
                             unsigned Depth);
  void sortBySource();

  ASTContext &Ctx;
  const Policy &P;
  TUResult Result;
  std::vector<const FunctionDecl *> Functions;
  llvm::DenseMap<const FunctionDecl *, std::vector<const FunctionDecl *>> Calls;
  /// Functions that make a call the call graph does not show.
  llvm::DenseSet<const FunctionDecl *> HiddenCalls;
  /// Functions that may recurse through such a call (markHiddenRecursion).
  llvm::DenseSet<const FunctionDecl *> HiddenRecursion;
  /// Recursive functions that may recurse through a tail call.
  llvm::DenseSet<const FunctionDecl *> TailRecursive;
  llvm::DenseMap<const FunctionDecl *, Summary> Summaries;
  /// While set, runOne adds every function whose summary it reads.
  llvm::SmallPtrSetImpl<const FunctionDecl *> *SummariesRead = nullptr;
  /// Allocation wrappers whose definition may be replaced, as their callers
  /// see them (runOne); a std::map, for stable addresses.
  std::map<const FunctionDecl *, Summary> ReplaceableWrappers;
  /// Per allocation wrapper, the variables it assigns or takes the address
  /// of (FunctionBuilder::Modified): wrapperSize reads the others as their
  /// initial values and, for parameters, as the arguments of a call.
  llvm::DenseMap<const FunctionDecl *, llvm::DenseSet<const VarDecl *>> WrapperModified;
  llvm::DenseSet<const FunctionDecl *> Quiet;
  LibraryHooks Hooks; ///< set by collect()
  /// Per function, the stack bytes promoted along its deepest chain of
  /// calls in the file, its own included (Policy::ChainBudget).
  llvm::DenseMap<const FunctionDecl *, uint64_t> ChainBytes;
  bool AnyCalleeFreed = false; ///< an arena site is freed by a callee
};

} // namespace

void TUAnalysis::collect() {
  Hooks.Streams = P.StdioHooks || streamHooksMade(Ctx);
  Hooks.Printf = P.StdioHooks || printfRegistered(Ctx);
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext())
      continue;
    Functions.push_back(FD);
    // System headers are summarized for their callers, never reported.
    if (Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
      Quiet.insert(FD);
    CalleeCollector C(Ctx);
    C.Hooks = Hooks;
    C.Body = FD->getBody();
    C.TraverseStmt(FD->getBody());
    Calls[FD] = std::move(C.Callees);
    if (C.HiddenCall)
      HiddenCalls.insert(FD);
  }
}

/// Tarjan's algorithm, iteratively; components come out callees first.
std::vector<std::vector<const FunctionDecl *>> TUAnalysis::components() {
  std::vector<std::vector<const FunctionDecl *>> Out;
  llvm::DenseMap<const FunctionDecl *, unsigned> Index, Low;
  llvm::DenseMap<const FunctionDecl *, bool> OnStack;
  std::vector<const FunctionDecl *> Stack;
  unsigned Next = 0;
  struct Frame {
    const FunctionDecl *F;
    unsigned Child;
  };
  for (const FunctionDecl *Root : Functions) {
    if (Index.count(Root))
      continue;
    std::vector<Frame> Work{{Root, 0}};
    Index[Root] = Low[Root] = Next++;
    Stack.push_back(Root);
    OnStack[Root] = true;
    while (!Work.empty()) {
      Frame &Fr = Work.back();
      const auto &Succ = Calls[Fr.F];
      if (Fr.Child < Succ.size()) {
        const FunctionDecl *W = Succ[Fr.Child++];
        if (!Index.count(W)) {
          Index[W] = Low[W] = Next++;
          Stack.push_back(W);
          OnStack[W] = true;
          Work.push_back({W, 0});
        } else if (OnStack[W]) {
          Low[Fr.F] = std::min(Low[Fr.F], Index[W]);
        }
        continue;
      }
      const FunctionDecl *F = Fr.F;
      Work.pop_back();
      if (!Work.empty())
        Low[Work.back().F] = std::min(Low[Work.back().F], Low[F]);
      if (Low[F] != Index[F])
        continue;
      std::vector<const FunctionDecl *> SCC;
      const FunctionDecl *W;
      do {
        W = Stack.back();
        Stack.pop_back();
        OnStack[W] = false;
        SCC.push_back(W);
      } while (W != F);
      Out.push_back(std::move(SCC));
    }
  }
  return Out;
}

std::unique_ptr<FunctionBuilder> TUAnalysis::runOne(const FunctionDecl *FD) {
  auto Lookup = [this](const FunctionDecl *D) -> const Summary * {
    if (SummariesRead)
      SummariesRead->insert(D);
    auto It = Summaries.find(D);
    if (It == Summaries.end())
      return nullptr;
    if (trustedDefinition(D))
      return &It->second;
    // A body the linker or the loader may replace proves nothing of what
    // a call does with its arguments.  An allocation wrapper among them
    // (not a weak one) is still one: the pass inlines its body into the
    // caller of a promoted site, as clang's inliner may, so that body is
    // what runs; a call that stays a call lets its arguments escape.  Not
    // an interposable one where clang calls every such function through
    // the PLT: at -O0, and with -fsemantic-interposition.
    if (D->isWeak() || !It->second.Wrapper)
      return nullptr;
    if (mayBeInterposed(D) && (!P.Optimize || Ctx.getLangOpts().SemanticInterposition))
      return nullptr;
    auto [V, Fresh] = ReplaceableWrappers.try_emplace(D, It->second);
    if (Fresh) {
      for (unsigned I = 0; I != V->second.Params.size(); ++I) {
        ParamSummary &Q = V->second.Params[I];
        Q.BytesStored = true;
        if (FunctionBuilder::mayHoldPointer(D->getParamDecl(I)->getType()))
          Q.Tracked = Q.Heap = Q.Content = true;
      }
    }
    return &V->second;
  };
  auto solved = [&](bool CallbacksEscape) {
    auto B = std::make_unique<FunctionBuilder>(Ctx, FD, Lookup);
    B->LooseAliasing = P.LooseAliasing;
    B->StdioHooks = P.StdioHooks;
    B->CallbacksEscape = CallbacksEscape;
    B->G.Budget = P.SolverBudget;
    B->build();
    B->G.solve();
    return B;
  };
  auto B = solved(false);
  // The function hands its own memory, or memory of unknown origin, to a
  // function its caller gave: as at any indirect call, it escapes.
  if (!B->G.Truncated && B->callbacksTakeOwn())
    B = solved(true);
  return B;
}

Summary TUAnalysis::initial(const FunctionDecl *FD) {
  Summary S;
  S.Params.resize(FD->getNumParams());
  for (unsigned I = 0; I != FD->getNumParams(); ++I)
    S.Params[I].Tracked =
        FunctionBuilder::mayHoldPointer(FD->getParamDecl(I)->getType());
  return S;
}

void TUAnalysis::analyzeComponent(const std::vector<const FunctionDecl *> &SCC) {
  bool Recursive = SCC.size() > 1;
  for (const FunctionDecl *Callee : Calls[SCC[0]])
    Recursive |= Callee == SCC[0];
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionBuilder>> Last;
  if (Recursive)
    for (const FunctionDecl *F : SCC)
      Summaries[F] = initial(F);
  // A round runs again only the functions that read a summary the rounds
  // changed since they last ran: the others would build the same graph.
  // SQLite's largest cycle has 442 functions and takes four rounds.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallPtrSet<const FunctionDecl *, 8>> Read;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Stale(SCC.begin(), SCC.end());
  const unsigned MaxRounds = 8;
  for (unsigned Round = 0;; ++Round) {
    bool Changed = false;
    for (const FunctionDecl *F : SCC) {
      if (!Stale.erase(F))
        continue;
      Read[F].clear();
      SummariesRead = &Read[F];
      auto B = runOne(F);
      SummariesRead = nullptr;
      // An OpenMP region runs in a function of its own, a task perhaps
      // after this one returned: what the body seems to do with the
      // parameters proves nothing.  Nor does a solve cut short.
      Summary S = B->HasOpenMP || B->G.Truncated ? Summary::worst(F) : summarize(*B);
      // Summaries in a cycle must only grow: the variadic arguments start
      // and stay untracked there.
      if (Recursive)
        S.VarArgs = ParamSummary();
      auto It = Summaries.find(F);
      if (It == Summaries.end() || It->second != S) {
        Summaries[F] = std::move(S);
        Changed = true;
        for (const FunctionDecl *G : SCC)
          if (Read[G].count(F))
            Stale.insert(G);
      }
      Last[F] = std::move(B);
    }
    if (!Recursive || !Changed)
      break;
    if (Round + 1 == MaxRounds) {
      // Give up on precision, never on soundness.
      for (const FunctionDecl *F : SCC)
        Summaries[F] = Summary::worst(F);
      for (const FunctionDecl *F : SCC)
        Last[F] = runOne(F);
      break;
    }
  }
  if (!Recursive && !Quiet.count(SCC[0]) && !Last[SCC[0]]->G.Truncated)
    markWrapper(SCC[0], *Last[SCC[0]]);
  llvm::DenseSet<const FunctionDecl *> Members(SCC.begin(), SCC.end());
  auto CallsBack = [this](const CallExpr *E, const FunctionDecl *Callee) {
    return mayCallBack(Ctx, E, Callee, Hooks);
  };
  for (const FunctionDecl *F : SCC) {
    bool Hidden = HiddenRecursion.count(F) != 0;
    if (!Recursive && !Hidden)
      continue;
    Result.Recursive.push_back(F->getNameAsString());
    // The rewrite meets it in the IR under its asm label, if it has one.
    if (const auto *L = F->getAttr<AsmLabelAttr>())
      Result.Recursive.push_back(L->getLabel().str());
    llvm::DenseSet<const FunctionDecl *> HiddenCallees;
    if (Hidden)
      for (const FunctionDecl *C : Calls[F])
        if (HiddenCalls.count(C) || HiddenRecursion.count(C))
          HiddenCallees.insert(C);
    if (makesTailCall(Ctx, F, Recursive ? Members : llvm::DenseSet<const FunctionDecl *>(),
                      Hidden, HiddenCallees, CallsBack))
      TailRecursive.insert(F);
  }
  // The most stack the functions this component calls promoted along
  // their own calls (components come callees first).
  uint64_t Below = 0;
  for (const FunctionDecl *F : SCC)
    for (const FunctionDecl *Callee : Calls[F])
      if (!Members.count(Callee))
        Below = std::max(Below, ChainBytes.lookup(Callee));
  for (const FunctionDecl *F : SCC) {
    ChainBytes[F] = Below;
    if (Quiet.count(F)) {
      // Its free() calls are not rewritten: what it frees stays on the heap.
      Summaries[F].FreesStayHeap = true;
      continue;
    }
    record(F, *Last[F], Recursive, Below);
    recordLeaks(F, Summaries[F]);
  }
}

/// Decides whether \p FD is an allocation wrapper (Summary::Wrapper): it
/// returns only blocks that its own allocator calls, or the wrappers it
/// calls, make; it neither frees them nor lets them escape another way;
/// and nothing stops a caller from taking its body in (setjmp, alloca,
/// variadic arguments, noinline, a weak definition, exclusion).
void TUAnalysis::markWrapper(const FunctionDecl *FD, const FunctionBuilder &B) {
  Summary &S = Summaries[FD];
  if (!S.ReturnsFresh || S.ReturnsUnknown || FD->isVariadic() || FD->isWeak() ||
      !FD->hasWrittenPrototype() ||
      FD->isMain() || FD->hasAttr<NoInlineAttr>() || B.HasSetjmp ||
      B.HasDynamicStack || B.HasBackwardGoto || factsOf(FD, B, false).Excluded)
    return;
  const Graph &G = B.G;
  const ObjSet &Released = G.Nodes[G.FreeNode].Pts;
  // A caller sees the block's contents as unknown memory: a returned block
  // that holds a pointer to a returned block (a list head linked to
  // itself), directly or through other blocks, would hide a pointer to the
  // caller's site there.
  const ObjSet &Ret = G.Nodes[G.ReturnNode].Pts;
  ObjSet Seen, Work;
  for (ObjId O : Ret)
    Work |= G.Nodes[G.Objects[O].Contents].Pts;
  while (!Work.empty()) {
    ObjId X = Work.find_first();
    Work.reset(X);
    if (G.Objects[X].Kind == ObjKind::ParamBytes) // a parameter's bytes, not a block
      continue;
    if (Ret.test(X))
      return;
    if (Seen.test_and_set(X))
      Work |= G.Nodes[G.Objects[X].Contents].Pts;
  }
  // Its own blocks that do not escape (temporaries) move in the copies
  // callers take in too, with the frees of the wrapper that release them
  // (FrameRewrite.cpp): only allocator calls the pass rewrites, freed by
  // the wrapper itself, never reallocated.
  const ObjSet &Heap = G.Nodes[G.HeapNode].Pts, &Ext = G.Nodes[G.ExtNode].Pts,
               &Needs = G.Nodes[G.NeedsHeap].Pts;
  for (const SiteInfo &SI : B.Sites) {
    if (Ret.test(SI.Obj) || Heap.test(SI.Obj) || Ext.test(SI.Obj) ||
        Needs.test(SI.Obj))
      continue;
    if (!isPlainAllocator(SI.Kind) || G.Nodes[G.CalleeFree].Pts.test(SI.Obj) ||
        G.Nodes[G.ReallocIn].Pts.test(SI.Obj))
      return;
  }
  std::vector<WrapperAlloc> Allocs;
  for (ObjId O : Ret) {
    const Object &Obj = G.Objects[O];
    if (Obj.Kind == ObjKind::ParamBytes) // an integer field set from a parameter
      continue;
    if (Obj.Kind != ObjKind::Alloc || Released.test(O) ||
        G.Nodes[G.ReallocIn].Pts.test(O))
      return;
    const SiteInfo &SI = B.Sites[Obj.Index];
    // A caller's copy of the site makes one block per call: a site in a
    // loop may return several (`r.p[i] = malloc(16)` for each i, returned
    // in a struct), and all of them would share the caller's slot.
    if (SI.LoopDepth > 0)
      return;
    if (isPlainAllocator(SI.Kind)) {
      Allocs.push_back(WrapperAlloc{{SI.Call}, SI.Kind, SI.Callee});
      continue;
    }
    if (SI.Kind != AllocKind::Wrapper)
      return;
    const FunctionDecl *Inner = SI.Call->getDirectCallee();
    Inner = Inner ? Inner->getDefinition() : nullptr;
    auto It = Inner ? Summaries.find(Inner) : Summaries.end();
    if (It == Summaries.end() || !It->second.Wrapper)
      return;
    for (const WrapperAlloc &A : It->second.Allocs) {
      WrapperAlloc W = A;
      W.Chain.insert(W.Chain.begin(), SI.Call);
      if (W.Chain.size() > 4)
        return;
      Allocs.push_back(std::move(W));
    }
  }
  if (Allocs.empty() || Allocs.size() > 4)
    return;
  S.Wrapper = true;
  S.Allocs = std::move(Allocs);
  WrapperModified[FD] = B.Modified;
}

/// The allocations a call to a wrapper returns, as source positions.
std::vector<InnerCall> TUAnalysis::innerCalls(const SourceManager &SM,
                                              const CallExpr *Call) {
  std::vector<InnerCall> Out;
  const FunctionDecl *W = Call->getDirectCallee();
  W = W ? W->getDefinition() : nullptr;
  auto It = W ? Summaries.find(W) : Summaries.end();
  if (It == Summaries.end())
    return Out;
  for (const WrapperAlloc &A : It->second.Allocs) {
    InnerCall I;
    I.Kind = A.Kind;
    I.Callee = A.Callee;
    for (const CallExpr *C : A.Chain)
      I.Chain.push_back(positionOf(SM, C->getBeginLoc()));
    Out.push_back(std::move(I));
  }
  return Out;
}

static bool excludedByAttr(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == "escape_off")
        return true;
  return false;
}

FunctionFacts TUAnalysis::factsOf(const FunctionDecl *FD,
                                  const FunctionBuilder &B, bool Recursive) {
  FunctionFacts F;
  F.Recursive = Recursive;
  F.HiddenRecursion = HiddenRecursion.count(FD) != 0;
  F.TailRecursion = TailRecursive.count(FD) != 0;
  F.Setjmp = B.HasSetjmp;
  F.SetjmpName = B.SetjmpName;
  F.DynamicStack = B.HasDynamicStack;
  F.BackwardGoto = B.HasBackwardGoto;
  F.OpenMP = B.HasOpenMP;
  F.Excluded = excludedByAttr(FD);
  F.AlwaysInline = FD->hasAttr<AlwaysInlineAttr>();
  SourcePos Pos = positionOf(Ctx.getSourceManager(), FD->getBeginLoc());
  bool Off = false;
  for (const PragmaMark &M : P.Pragmas)
    if (M.File == Pos.File && M.Line <= Pos.Line)
      Off = M.Off;
  F.Excluded |= Off;
  return F;
}

/// Evaluates the integer expression \p E as a constant of its type, reading
/// through local variables that are never modified after their constant
/// initializer (`size_t n = 64;`).  With \p Params, a parameter it maps
/// (never modified: not in \p Modified) reads as its value.  A conversion
/// or an operation whose value C would wrap or truncate (`(signed char)n`
/// with n = 200, `(unsigned short)(a + 1)` with a = 65535, an unsigned
/// product past its type) is no constant here: the call then takes its
/// size at run time, which is always right.  Stripping the casts had read
/// `malloc((size_t)(signed char)n)` as 200 bytes where the C library is
/// asked for SIZE_MAX - 55 and fails.
using ParamValues = llvm::DenseMap<const ParmVarDecl *, llvm::APSInt>;
static bool constValue(ASTContext &Ctx, const Expr *E, llvm::APSInt &V,
                       const llvm::DenseSet<const VarDecl *> &Modified, bool Locals,
                       unsigned Depth, const ParamValues *Params) {
  if (!E || E->isValueDependent() || Depth > 8 || !E->getType()->isIntegerType())
    return false;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx)) {
    V = R.Val.getInt();
    return true;
  }
  if (!Locals)
    return false;
  // X as a value of E's type, when that type holds it.
  QualType T = E->getType();
  auto as = [&](const llvm::APSInt &X) {
    llvm::APSInt Y = X.extOrTrunc(Ctx.getIntWidth(T));
    Y.setIsUnsigned(T->isUnsignedIntegerOrEnumerationType());
    if (!llvm::APSInt::isSameValue(X, Y))
      return false;
    V = Y;
    return true;
  };
  llvm::APSInt X, Y;
  if (const auto *P = dyn_cast<ParenExpr>(E))
    return constValue(Ctx, P->getSubExpr(), V, Modified, true, Depth + 1, Params);
  if (const auto *C = dyn_cast<CastExpr>(E)) {
    CastKind K = C->getCastKind();
    if (K != CK_IntegralCast && K != CK_NoOp && K != CK_LValueToRValue)
      return false;
    return constValue(Ctx, C->getSubExpr(), X, Modified, true, Depth + 1, Params) && as(X);
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    if (!VD || !VD->hasLocalStorage() || Modified.count(VD) ||
        VD->getType().isVolatileQualified())
      return false;
    if (const auto *PV = dyn_cast<ParmVarDecl>(VD)) {
      auto It = Params ? Params->find(PV) : ParamValues::const_iterator();
      return Params && It != Params->end() && as(It->second);
    }
    return constValue(Ctx, VD->getInit(), X, Modified, true, Depth + 1, Params) && as(X);
  }
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B || !constValue(Ctx, B->getLHS(), X, Modified, true, Depth + 1, Params) ||
      !constValue(Ctx, B->getRHS(), Y, Modified, true, Depth + 1, Params))
    return false;
  // The operands have the operation's type (the usual conversions are in
  // the AST); the result is computed wide enough that nothing wraps, and
  // must fit the type.
  unsigned W = std::max(X.getBitWidth(), Y.getBitWidth()) * 2 + 2;
  llvm::APSInt L(X.extend(W), /*isUnsigned=*/false), Rv(Y.extend(W), false);
  switch (B->getOpcode()) {
  case BO_Add:
    return as(L + Rv);
  case BO_Sub:
    return as(L - Rv);
  case BO_Mul:
    return as(L * Rv);
  default:
    return false;
  }
}

/// constValue as a byte count: non-negative, at most 64 bits.
static bool constInt(ASTContext &Ctx, const Expr *E, uint64_t &V,
                     const llvm::DenseSet<const VarDecl *> &Modified, bool Locals,
                     const ParamValues *Params = nullptr) {
  llvm::APSInt X;
  if (!constValue(Ctx, E, X, Modified, Locals, 0, Params) || X.isNegative() ||
      X.getActiveBits() > 64)
    return false;
  V = X.getZExtValue();
  return true;
}

/// Fills in size, alignment and zeroing from the call's arguments.
/// With \p Params, the call is in a wrapper's body and reads its
/// parameters as the values a caller passes.
static void sizeOf(ASTContext &Ctx, const CallExpr *E, AllocSite &S,
                   SiteFacts &SF,
                   const llvm::DenseSet<const VarDecl *> &Modified,
                   const ParamValues *Params = nullptr) {
  auto Arg = [&](unsigned I) -> const Expr * {
    return I < E->getNumArgs() ? E->getArg(I) : nullptr;
  };
  // A value read through locals marks the site (SizeThroughLocals).  The
  // answer is this argument's alone: calloc(k, n) with k read through a
  // local and n known only at run time had taken n for a constant (0), and
  // a wrapper's calloc(1, n) got a 16-byte stack slot for n bytes.
  auto constInt = [&](ASTContext &Ctx, const Expr *E, uint64_t &V) {
    static const llvm::DenseSet<const VarDecl *> None;
    if (::constInt(Ctx, E, V, None, /*Locals=*/false))
      return true;
    if (!::constInt(Ctx, E, V, Modified, /*Locals=*/true, Params))
      return false;
    S.SizeThroughLocals = true;
    return true;
  };
  uint64_t A = 0, B = 0;
  // aligned_alloc(align, size), posix_memalign(&p, align, size).
  auto aligned = [&](unsigned AlignArg, unsigned SizeArg) {
    S.ConstantSize = constInt(Ctx, Arg(SizeArg), S.Size);
    SF.ConstantAlign = constInt(Ctx, Arg(AlignArg), A);
    if (SF.ConstantAlign && A > S.Align)
      S.Align = A;
    if (SF.ConstantAlign && (A == 0 || (A & (A - 1)) || A > 4096))
      SF.ConstantAlign = false;
  };
  switch (S.Kind) {
  case AllocKind::Malloc:
    S.ConstantSize = constInt(Ctx, Arg(0), S.Size);
    break;
  case AllocKind::Calloc:
    S.Zeroed = true;
    if (constInt(Ctx, Arg(0), A) && constInt(Ctx, Arg(1), B)) {
      SF.Overflows = __builtin_mul_overflow(A, B, &S.Size);
      S.ConstantSize = !SF.Overflows;
    }
    break;
  case AllocKind::AlignedAlloc:
    aligned(0, 1);
    break;
  case AllocKind::PosixMemalign:
    aligned(1, 2);
    break;
  default:
    break;
  }
}

/// For each object, the smallest loop depth of a place that may hold a
/// pointer to it, directly or through other objects.  An object allocated
/// at depth d whose MinDepth is below d may be live across iterations of a
/// loop (Go's loop-depth rule, closed over containers: a node of a list
/// built in a loop carries its fields along).
static std::vector<unsigned> minDepths(const Graph &G) {
  std::vector<unsigned> M(G.Objects.size(), ~0u);
  for (NodeId N = G.FirstUserNode, E = G.Nodes.size(); N != E; ++N)
    for (ObjId O : G.Nodes[N].Pts)
      M[O] = std::min(M[O], G.Nodes[N].LoopDepth);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (ObjId A = 0, E = G.Objects.size(); A != E; ++A) {
      if (M[A] == ~0u)
        continue;
      for (ObjId B : G.Nodes[G.Objects[A].Contents].Pts)
        if (M[A] < M[B]) {
          M[B] = M[A];
          Changed = true;
        }
    }
  }
  return M;
}

/// Gives a wrapper site the size of the one block the wrapper returns when
/// that size is a constant in the wrapper's own call (`malloc(sizeof *n)`
/// in a constructor), or one this call's arguments make constant
/// (`xmalloc(32)`: the allocator call reads parameters the wrapper never
/// assigns, and the arguments are constants or unmodified locals of the
/// caller, \p CallerModified), so the policy may put it on the stack.
/// Through nested wrappers (`twice(8)` calling `xmalloc(2 * n)`) each
/// call's arguments are read the same way in the function that makes it.
/// The pass takes the size from the site then, as the IR it sees loads the
/// inlined parameters.
void TUAnalysis::wrapperSize(const CallExpr *Call, AllocSite &S, SiteFacts &SF,
                             const llvm::DenseSet<const VarDecl *> &CallerModified) {
  const FunctionDecl *W = Call->getDirectCallee();
  W = W ? W->getDefinition() : nullptr;
  auto It = W ? Summaries.find(W) : Summaries.end();
  if (It == Summaries.end() || It->second.Allocs.size() != 1)
    return;
  const WrapperAlloc &A = It->second.Allocs.front();
  // Fn: the wrapper whose body holds Chain[K]; In: the call of Fn, in a
  // body whose modified variables are OuterMod and parameters Outer.
  const FunctionDecl *Fn = W;
  const CallExpr *In = Call;
  const llvm::DenseSet<const VarDecl *> *OuterMod = &CallerModified, *Modified = nullptr;
  ParamValues Outer, Params;
  for (unsigned K = 0; K != A.Chain.size(); ++K) {
    auto MI = Fn ? WrapperModified.find(Fn) : WrapperModified.end();
    if (MI == WrapperModified.end() || In->getNumArgs() != Fn->getNumParams())
      return;
    Modified = &MI->second;
    Params.clear();
    for (unsigned I = 0; I != Fn->getNumParams(); ++I) {
      const ParmVarDecl *P = Fn->getParamDecl(I);
      llvm::APSInt V;
      if (P->getType()->isIntegerType() && !Modified->count(P) &&
          constValue(Ctx, In->getArg(I), V, *OuterMod, /*Locals=*/true, 0,
                     K ? &Outer : nullptr))
        Params[P] = V;
    }
    In = A.Chain[K];
    Fn = In->getDirectCallee();
    Fn = Fn ? Fn->getDefinition() : nullptr;
    OuterMod = Modified;
    Outer = std::move(Params);
  }
  AllocSite T;
  T.Kind = A.Kind;
  SiteFacts TF;
  sizeOf(Ctx, A.Chain.back(), T, TF, *Modified, &Outer);
  if (!T.ConstantSize)
    return;
  // Through the wrapper's locals: only its parameters are read as values
  // (ParamValues), so a size that needed more is not constant.
  S.SizeThroughLocals = T.SizeThroughLocals;
  S.ConstantSize = true;
  S.Size = T.Size;
  S.Align = T.Align;
  S.Zeroed = T.Zeroed;
  SF.ConstantAlign = TF.ConstantAlign;
}

SiteFacts TUAnalysis::siteFacts(const FunctionBuilder &B, const SiteInfo &SI,
                                AllocSite &S,
                                const std::vector<unsigned> &MinDepth) {
  const Graph &G = B.G;
  SiteFacts SF;
  if (G.Truncated) {
    S.Result = Verdict::Escapes;
    S.Reason = "the function is too large to analyse: the solver spent its budget of " +
               std::to_string(P.SolverBudget) + " steps (-fplugin-arg-escape-solver-budget)";
    SF.NeedsHeap = true;
    SF.NeedsHeapReason = S.Reason;
    return SF;
  }
  ObjId O = SI.Obj;
  NodeId Sink = NoNode;
  if (G.Nodes[G.HeapNode].Pts.test(O))
    Sink = G.HeapNode;
  else if (G.Nodes[G.ExtNode].Pts.test(O))
    Sink = G.ExtNode;
  if (Sink != NoNode) {
    S.Result = Verdict::Escapes;
    S.Flow = flow(B, Sink, O, 0);
    S.Reason = S.Flow.empty() ? "escapes" : S.Flow.back().Text;
  } else {
    S.Result = Verdict::DoesNotEscape;
    S.Reason = "does not escape";
  }
  if (G.Nodes[G.NeedsHeap].Pts.test(O)) {
    SF.NeedsHeap = true;
    std::vector<FlowStep> F = flow(B, G.NeedsHeap, O, 0);
    SF.NeedsHeapReason = F.empty() ? "must stay a heap object" : F.back().Text;
    if (S.Result == Verdict::DoesNotEscape)
      S.Flow = std::move(F);
  }
  // Freed or reallocated by a callee, or passed to realloc() here: the
  // arena's free and realloc take it, the stack's storage cannot.
  SF.CalleeFreed = !SF.NeedsHeap && G.Nodes[G.CalleeFree].Pts.test(O);
  NodeId Released = SF.CalleeFreed ? G.CalleeFree : G.ReallocIn;
  if (!SF.NeedsHeap && G.Nodes[Released].Pts.test(O)) {
    SF.ArenaOnly = true;
    std::vector<FlowStep> F = flow(B, Released, O, 0);
    SF.ArenaOnlyReason = F.empty() ? "freed or reallocated" : F.back().Text;
    if (S.Result == Verdict::DoesNotEscape && S.Flow.empty())
      S.Flow = std::move(F);
  }
  SF.LoopCarried = MinDepth[O] < G.Objects[O].LoopDepth;
  return SF;
}

std::vector<FlowStep> TUAnalysis::flow(const FunctionBuilder &B, NodeId Sink,
                                       ObjId O, unsigned Depth) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Graph &G = B.G;
  std::vector<FlowStep> Steps;
  for (const Edge *E : G.chain(Sink, O)) {
    if (!E->Text.empty()) {
      FlowStep S{positionOf(SM, E->Loc), E->Text.str()};
      if (Steps.empty() || Steps.back().Text != S.Text)
        Steps.push_back(std::move(S));
    }
    // An object reached a sink because its container did: explain the
    // container's journey too.
    if ((E->Dst == G.HeapNode || E->Dst == G.ExtNode) && Depth < 3) {
      for (ObjId C = 0, N = G.Objects.size(); C != N; ++C) {
        if (G.Objects[C].Contents != E->Src || C == O ||
            G.Objects[C].Kind == ObjKind::Heap)
          continue;
        if (!G.Nodes[E->Dst].Pts.test(C))
          break;
        for (FlowStep &S : flow(B, E->Dst, C, Depth + 1))
          Steps.push_back(std::move(S));
        break;
      }
    }
  }
  return Steps;
}

void TUAnalysis::record(const FunctionDecl *FD, FunctionBuilder &B,
                        bool Recursive, uint64_t Below) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned First = Result.Sites.size();
  std::vector<SiteFacts> Facts;
  std::vector<unsigned> MinDepth = minDepths(B.G);
  for (const SiteInfo &SI : B.Sites) {
    AllocSite S;
    S.Id = Result.Sites.size();
    S.Function = FD->getNameAsString();
    S.Callee = SI.Callee;
    S.Kind = SI.Kind;
    S.Pos = positionOf(SM, SI.Call->getBeginLoc());
    S.Name = SI.Name;
    S.LoopDepth = SI.LoopDepth;
    SiteFacts SF = siteFacts(B, SI, S, MinDepth);
    if (SI.Kind == AllocKind::Wrapper) {
      S.Inner = innerCalls(SM, SI.Call);
      wrapperSize(SI.Call, S, SF, B.Modified);
    } else {
      sizeOf(Ctx, SI.Call, S, SF, B.Modified);
    }
    Facts.push_back(std::move(SF));
    Result.Sites.push_back(std::move(S));
  }
  std::vector<AllocSite *> Ptrs;
  for (unsigned I = First; I != Result.Sites.size(); ++I)
    Ptrs.push_back(&Result.Sites[I]);
  FunctionFacts FF = factsOf(FD, B, Recursive);
  ChainBytes[FD] = Below + placeSites(Ptrs, Facts, FF, P, Below);
  if (FF.Setjmp && FF.Excluded)
    Result.ExcludedSetjmp.push_back(FD->getNameAsString());
  for (unsigned I = 0; I != Facts.size(); ++I) {
    AllocSite &S = Result.Sites[First + I];
    S.CalleeFreed = Facts[I].CalleeFreed && S.Place == Storage::Arena;
    AnyCalleeFreed |= S.CalleeFreed;
  }

  // free() calls that may release a promoted object, or a caller's object
  // through a parameter.
  llvm::DenseMap<ObjId, unsigned> Promoted;
  for (unsigned I = 0; I != B.Sites.size(); ++I)
    if (Result.Sites[First + I].Place != Storage::Heap)
      Promoted[B.Sites[I].Obj] = First + I;
  std::vector<SourcePos> FreePos;
  std::map<std::pair<unsigned, unsigned>, unsigned> FreesAt;
  for (const FreeInfo &FI : B.Frees) {
    FreePos.push_back(positionOf(SM, FI.Call->getBeginLoc()));
    ++FreesAt[{FreePos.back().Line, FreePos.back().Column}];
  }
  for (unsigned I = 0; I != B.Frees.size(); ++I) {
    const FreeInfo &FI = B.Frees[I];
    if (FI.Arg == NoNode)
      continue;
    FreeSite F;
    // A solve cut short knows nothing of what the free releases.
    F.MayFreeOther = F.FreesParam = B.G.Truncated;
    for (ObjId O : B.G.Nodes[FI.Arg].Pts) {
      auto It = Promoted.find(O);
      if (It != Promoted.end()) {
        F.Sites.push_back(It->second);
        continue;
      }
      F.MayFreeOther = true;
      ObjKind K = B.G.Objects[O].Kind;
      F.FreesParam |= K == ObjKind::ParamPointee || K == ObjKind::ParamDeep;
    }
    if (F.Sites.empty() && !F.FreesParam)
      continue;
    F.Function = FD->getNameAsString();
    F.Callee = FI.Call->getDirectCallee()->getNameAsString();
    F.Pos = FreePos[I];
    if (F.Sites.size() == 1 && !F.MayFreeOther && FI.Call->getNumArgs() > 0) {
      const auto *DR = dyn_cast<DeclRefExpr>(FI.Call->getArg(0)->IgnoreParenCasts());
      const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
      const Expr *Init = V && V->isLocalVarDecl() ? V->getInit() : nullptr;
      F.ReleasesSite = Init && Init->IgnoreParenCasts() == B.Sites[F.Sites[0] - First].Call &&
                       !varWritten(FD->getBody(), V);
    }
    F.SharedPosition = FreesAt[{F.Pos.Line, F.Pos.Column}] > 1;
    Result.Frees.push_back(std::move(F));
  }
}

void TUAnalysis::recordLeaks(const FunctionDecl *FD, const Summary &S) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = 0; I != S.Params.size(); ++I) {
    const ParamSummary &PS = S.Params[I];
    const ParmVarDecl *PD = FD->getParamDecl(I);
    auto add = [&](const std::string &Where) {
      LeakingParam L;
      L.Function = FD->getNameAsString();
      L.Param = PD->getNameAsString();
      L.Index = I;
      L.Pos = positionOf(SM, PD->getLocation());
      L.Where = Where;
      Result.Leaks.push_back(std::move(L));
    };
    if (PS.Heap)
      add("heap");
    if (PS.Content)
      add("content");
    if (PS.DeepContent)
      add("deep content");
    if (PS.Result)
      add("result");
    if (PS.ContentResult)
      add("content to result");
    // An escaped pointee's other leaks say nothing more to a reader (the
    // summary keeps them: where it is stored is where callers find it).
    if (PS.Heap)
      continue;
    if (PS.ResultContent)
      add("result content");
    for (unsigned J : PS.IntoContentOf)
      add("*" + FD->getParamDecl(J)->getNameAsString());
    for (unsigned J : PS.IntoDeepOf)
      add("**" + FD->getParamDecl(J)->getNameAsString());
    for (unsigned J : PS.IntoDeeperOf)
      add("**" + FD->getParamDecl(J)->getNameAsString());
    if (PS.Content)
      continue;
    for (unsigned J : PS.ContentIntoContentOf)
      add("content to *" + FD->getParamDecl(J)->getNameAsString());
    for (unsigned J : PS.ContentIntoDeepOf)
      add("content to **" + FD->getParamDecl(J)->getNameAsString());
  }
}

/// Components come callees first; users read reports top to bottom.
void TUAnalysis::sortBySource() {
  std::vector<AllocSite> &Sites = Result.Sites;
  std::stable_sort(Sites.begin(), Sites.end(),
                   [](const AllocSite &A, const AllocSite &B) {
                     return std::tie(A.Pos.File, A.Pos.Line, A.Pos.Column) <
                            std::tie(B.Pos.File, B.Pos.Line, B.Pos.Column);
                   });
  std::vector<unsigned> NewId(Sites.size());
  for (unsigned I = 0; I != Sites.size(); ++I) {
    NewId[Sites[I].Id] = I;
    Sites[I].Id = I;
  }
  for (FreeSite &F : Result.Frees)
    for (unsigned &Id : F.Sites)
      Id = NewId[Id];
  std::stable_sort(Result.Leaks.begin(), Result.Leaks.end(),
                   [](const LeakingParam &A, const LeakingParam &B) {
                     return std::tie(A.Pos.File, A.Pos.Line, A.Pos.Column) <
                            std::tie(B.Pos.File, B.Pos.Line, B.Pos.Column);
                   });
}

/// A function F may recurse where no call graph of this file shows it when
/// F reaches a call that may run code the graph does not show (an indirect
/// call, a call into another file or a library callback) and F can be
/// entered from such code: F, or a function that reaches F, has its
/// address taken or is visible to other files ('main' aside: C allows a
/// call to it, no program recurses through one).  A recursive-descent parser
/// split over two files, or an evaluator that dispatches through a table of
/// handlers, recurses this way; its objects must not grow the stack per
/// level.  Components come callees first, so one pass in order finds what
/// reaches a hidden call and one in reverse what is reachable from an entry.
void TUAnalysis::markHiddenRecursion(
    const std::vector<std::vector<const FunctionDecl *>> &Components) {
  AddressTakenCollector A;
  A.TraverseDecl(Ctx.getTranslationUnitDecl());
  llvm::DenseSet<const FunctionDecl *> Reaches, Entered;
  for (const auto &SCC : Components) {
    bool Any = false;
    for (const FunctionDecl *F : SCC) {
      Any |= HiddenCalls.count(F) != 0;
      for (const FunctionDecl *C : Calls[F])
        Any |= Reaches.count(C) != 0;
    }
    if (Any)
      Reaches.insert(SCC.begin(), SCC.end());
  }
  llvm::DenseMap<const FunctionDecl *, unsigned> ComponentOf;
  for (unsigned I = 0; I != Components.size(); ++I)
    for (const FunctionDecl *F : Components[I])
      ComponentOf[F] = I;
  std::vector<bool> EnteredC(Components.size(), false);
  for (unsigned I = Components.size(); I-- > 0;) {
    bool Entry = EnteredC[I];
    for (const FunctionDecl *F : Components[I])
      Entry |= (F->isExternallyVisible() && !F->isMain()) ||
               A.Taken.count(F->getCanonicalDecl());
    if (!Entry)
      continue;
    EnteredC[I] = true;
    for (const FunctionDecl *F : Components[I]) {
      for (const FunctionDecl *C : Calls[F]) {
        auto It = ComponentOf.find(C);
        if (It != ComponentOf.end())
          EnteredC[It->second] = true;
      }
      if (Reaches.count(F))
        HiddenRecursion.insert(F);
    }
  }
}

TUResult TUAnalysis::run() {
  Result.MainFile = positionOf(Ctx.getSourceManager(),
                               Ctx.getSourceManager().getLocForStartOfFile(
                                   Ctx.getSourceManager().getMainFileID()))
                        .File;
  collect();
  std::vector<std::vector<const FunctionDecl *>> Components = components();
  markHiddenRecursion(Components);
  for (const auto &SCC : Components)
    analyzeComponent(SCC);
  // Frees of parameters matter only when a callee-freed object is promoted.
  if (!AnyCalleeFreed) {
    std::vector<FreeSite> Kept;
    for (FreeSite &F : Result.Frees) {
      F.FreesParam = false;
      if (!F.Sites.empty())
        Kept.push_back(std::move(F));
    }
    Result.Frees = std::move(Kept);
  }
  sortBySource();
  return std::move(Result);
}

TUResult escape::analysis::analyzeTranslationUnit(ASTContext &Ctx,
                                                  const Policy &P) {
  WrittenVarsScope Written;
  return TUAnalysis(Ctx, P).run();
}
