//===- Summary.cpp - Reading a function's summary off its solved graph ---===//
//
// Implements summarize(): which parameters leak (to the heap, to the
// result, into another parameter's pointee), which are freed, and whether
// the function returns fresh memory.  Anything that reaches memory outside
// the frame by a way the summary cannot express counts as a heap leak.
//
//===----------------------------------------------------------------------===//
#include "SummaryBuilder.h"

#include "clang/Basic/TargetInfo.h"

using namespace clang;
using namespace escape::analysis;

Summary Summary::worst(const FunctionDecl *F) {
  Summary S;
  S.Params.resize(F->getNumParams());
  for (unsigned I = 0; I != S.Params.size(); ++I) {
    ParamSummary &P = S.Params[I];
    // A number's bytes may be a pointer's: they are stored and returned.
    P.BytesStored = P.BytesResult = P.ContentBytesResult = P.DeepBytesResult = true;
    if (!FunctionBuilder::mayHoldPointer(F->getParamDecl(I)->getType()))
      continue;
    P.Tracked = true;
    P.Heap = P.Content = P.Freed = P.ContentFreed = true;
    P.NeedsHeap = P.ContentNeedsHeap = true;
    P.WritesUnknown = P.DeepWrite = true;
  }
  S.ReturnsUnknown = S.ReturnsUnknownBytes = true;
  return S;
}

/// What the function stored anywhere beyond parameter \p I's pointee.
static ObjSet deepContents(const FunctionBuilder &B, unsigned I) {
  const Graph &G = B.G;
  ObjSet S = G.Nodes[G.Objects[B.ParamDeep[I]].Contents].Pts;
  S |= G.Nodes[G.Objects[B.ParamDeeper[I]].Contents].Pts;
  return S;
}

/// Reports whether \p Set holds either of the objects beyond a pointee.
static bool testDeep(const ObjSet &Set, ObjId PD, ObjId PDD) {
  return Set.test(PD) || Set.test(PDD);
}

/// Reports whether object \p M reached memory or a sink: a store of the
/// bytes it marks.  Not ExtNode: what it holds is returned (ReturnNode) or
/// held by an object (its contents), besides the returned bytes, which
/// BytesResult describes.
static bool storedAnywhere(const Graph &G, ObjId M) {
  for (NodeId Sink : {G.HeapNode, G.ReturnNode})
    if (G.Nodes[Sink].Pts.test(M))
      return true;
  for (const Object &O : G.Objects)
    if (O.Contents != NoNode && G.Nodes[O.Contents].Pts.test(M))
      return true;
  return false;
}

/// Reports whether \p O escaped only by being returned.
static bool isFresh(const FunctionBuilder &B, ObjId O) {
  const Graph &G = B.G;
  ObjKind K = G.Objects[O].Kind;
  if (K != ObjKind::Alloc && K != ObjKind::Fresh)
    return false;
  if (G.Nodes[G.HeapNode].Pts.test(O) || G.Nodes[G.NeedsHeap].Pts.test(O) ||
      G.Nodes[G.CalleeFree].Pts.test(O))
    return false;
  for (unsigned I = 0; I != B.ParamObj.size(); ++I) {
    if (B.ParamObj[I] < 0)
      continue;
    if (G.Nodes[G.Objects[B.ParamObj[I]].Contents].Pts.test(O) ||
        deepContents(B, I).test(O))
      return false;
  }
  if (B.VarArgsObj >= 0 &&
      (G.Nodes[G.Objects[B.VarArgsObj].Contents].Pts.test(O) ||
       G.Nodes[G.Objects[B.VarArgsDeep].Contents].Pts.test(O) ||
       G.Nodes[G.Objects[B.VarArgsDeeper].Contents].Pts.test(O)))
    return false;
  return true;
}

/// Reports whether \p O, a block the function allocated (or a callee
/// returned to it), leaves it only through parameter \p J's pointee: not
/// leaked, returned, or stored into another parameter's memory.  Freeing
/// or reallocating it does not matter: it is heap memory the caller holds.
static bool freshInto(const FunctionBuilder &B, ObjId O, unsigned J) {
  const Graph &G = B.G;
  ObjKind K = G.Objects[O].Kind;
  if (K != ObjKind::Alloc && K != ObjKind::Fresh)
    return false;
  if (G.Nodes[G.HeapNode].Pts.test(O) || G.Nodes[G.ReturnNode].Pts.test(O))
    return false;
  for (unsigned I = 0; I != B.ParamObj.size(); ++I) {
    if (B.ParamObj[I] < 0)
      continue;
    if ((I != J && G.Nodes[G.Objects[B.ParamObj[I]].Contents].Pts.test(O)) ||
        deepContents(B, I).test(O))
      return false;
  }
  return B.VarArgsObj < 0 ||
         (!G.Nodes[G.Objects[B.VarArgsObj].Contents].Pts.test(O) &&
          !G.Nodes[G.Objects[B.VarArgsDeep].Contents].Pts.test(O) &&
          !G.Nodes[G.Objects[B.VarArgsDeeper].Contents].Pts.test(O));
}

/// Adds to \p P what the fresh block \p O holds: parameters' pointees
/// (FreshHolds), what they point to (FreshHoldsDeep) or only what lies
/// beyond that (FreshHoldsDeeper: the bytes of the strings an array of
/// pointers points to, copied).  False when it
/// holds anything else (a pointer of unknown origin, a block of its own,
/// the variadic arguments' memory), which no summary field describes.
static bool freshHolds(const FunctionBuilder &B, ObjId O, ParamSummary &P) {
  const Graph &G = B.G;
  for (ObjId C : G.Nodes[G.Objects[O].Contents].Pts) {
    const Object &CO = G.Objects[C];
    if (C == O || CO.Kind == ObjKind::ParamBytes)
      continue; // bytes stored anywhere make BytesStored
    if ((CO.Kind != ObjKind::ParamPointee && CO.Kind != ObjKind::ParamDeep) || CO.Index < 0 ||
        unsigned(CO.Index) >= B.ParamObj.size())
      return false;
    unsigned I = unsigned(CO.Index);
    std::vector<unsigned> &Into = CO.Kind == ObjKind::ParamPointee ? P.FreshHolds
                                  : C == B.ParamDeep[I]            ? P.FreshHoldsDeep
                                                                   : P.FreshHoldsDeeper;
    if (!llvm::is_contained(Into, I))
      Into.push_back(I);
  }
  return true;
}

/// The depth of \p O in the variadic arguments' memory: 0 what they point
/// to, 1 what that points to, 2 everything deeper; -1 for other objects.
static int varArgsDepth(const FunctionBuilder &B, ObjId O) {
  return O == B.VarArgsObj ? 0 : O == B.VarArgsDeep ? 1 : O == B.VarArgsDeeper ? 2 : -1;
}

/// Pointers of unknown origin the function stores into the caller's memory
/// that \p PO (a parameter's pointee), \p PD and \p PDD (what it reaches)
/// stand for; parameters' memory stored there is described by the other
/// fields.  Into *p (parameter \p J, or none), only blocks of its own that
/// go nowhere else are fresh memory, not unknown (FreshContent).
static void writesUnknown(const FunctionBuilder &B, ObjId PO, ObjId PD, ObjId PDD,
                          ParamSummary &P, int J) {
  const Graph &G = B.G;
  // The variadic arguments' memory is no field of a named parameter's
  // summary, nor a named parameter's of theirs (J < 0), nor, as all of
  // them are one summary, one argument's memory stored into another's
  // (`*va_arg(ap, T **) = va_arg(ap, T *)`): all of it is unknown to the
  // caller there.
  auto unknownIn = [&](ObjId C, ObjId O) {
    ObjKind K = G.Objects[O].Kind;
    if (K != ObjKind::ParamPointee && K != ObjKind::ParamDeep && K != ObjKind::ParamBytes)
      return true;
    int D = varArgsDepth(B, O);
    if (J >= 0)
      return D >= 0;
    // By construction the pointee holds what lies deeper, and the deepest
    // holds itself; anything else is a store.
    int In = varArgsDepth(B, C);
    return D < 0 || (D <= In && !(D == 2 && In == 2));
  };
  auto unknown = [&](ObjId O) { return unknownIn(PO, O); };
  for (ObjId O : G.Nodes[G.Objects[PO].Contents].Pts) {
    if (!unknown(O))
      continue;
    if (J >= 0 && freshInto(B, O, unsigned(J)) && freshHolds(B, O, P))
      P.FreshContent = true;
    else
      P.WritesUnknown = true;
  }
  if (P.WritesUnknown) {
    P.FreshContent = false;
    P.FreshHolds.clear();
    P.FreshHoldsDeep.clear();
    P.FreshHoldsDeeper.clear();
  }
  llvm::sort(P.FreshHolds);
  llvm::sort(P.FreshHoldsDeep);
  llvm::sort(P.FreshHoldsDeeper);
  for (ObjId D : {PD, PDD})
    for (ObjId O : G.Nodes[G.Objects[D].Contents].Pts)
      P.DeepWrite |= unknownIn(D, O);
}

/// The variadic arguments' summary: tracked when what va_arg returns, and
/// what it reaches, is only read or written through (anything else:
/// untracked, so callers let their variadic arguments escape).
static ParamSummary varArgs(const FunctionBuilder &B, const ObjSet &HeldByOwn) {
  const Graph &G = B.G;
  ParamSummary P;
  if (B.VarArgsObj < 0)
    return P;
  ObjId PO = B.VarArgsObj, PD = B.VarArgsDeep, PDD = B.VarArgsDeeper;
  if (HeldByOwn.test(PO) || testDeep(HeldByOwn, PD, PDD))
    return P;
  // What the arguments point to holds the callers' memory, which outlives
  // the frame (ExtNode holds it by construction, as for parameters); the
  // pointees themselves must not get there.
  if (G.Nodes[G.ExtNode].Pts.test(PO))
    return P;
  for (NodeId Sink : {G.HeapNode, G.ReturnNode, G.NeedsHeap, G.FreeNode,
                      G.CalleeFree, G.ReallocIn})
    if (G.Nodes[Sink].Pts.test(PO) || testDeep(G.Nodes[Sink].Pts, PD, PDD))
      return P;
  P.Tracked = true;
  writesUnknown(B, PO, PD, PDD, P, -1);
  return P;
}

Summary escape::analysis::summarize(const FunctionBuilder &B) {
  const Graph &G = B.G;
  Summary S;
  const ObjSet &Ret = G.Nodes[G.ReturnNode].Pts;
  const ObjSet &Heap = G.Nodes[G.HeapNode].Pts;
  const ObjSet &Ext = G.Nodes[G.ExtNode].Pts;
  const ObjSet &Needs = G.Nodes[G.NeedsHeap].Pts;
  const ObjSet &Freed = G.Nodes[G.FreeNode].Pts;
  const ObjSet &CalleeFreed = G.Nodes[G.CalleeFree].Pts;

  // What the function returns, and what fresh returned memory holds.
  ObjSet InFresh;
  // What the integer result's bytes may belong to: a parameter's memory,
  // an integer parameter's own bytes, or anything else.
  ObjSet RetBytes;
  if (B.ReturnBytes != NoNode)
    RetBytes = G.Nodes[B.ReturnBytes].Pts;
  for (ObjId O : RetBytes) {
    ObjKind K = G.Objects[O].Kind;
    if (K != ObjKind::ParamPointee && K != ObjKind::ParamDeep && K != ObjKind::ParamBytes)
      S.ReturnsUnknownBytes = true;
  }
  for (ObjId O : Ret) {
    if (isFresh(B, O)) {
      S.ReturnsFresh = true;
      InFresh |= G.Nodes[G.Objects[O].Contents].Pts;
    } else if ((G.Objects[O].Kind != ObjKind::ParamPointee &&
                G.Objects[O].Kind != ObjKind::ParamDeep &&
                G.Objects[O].Kind != ObjKind::ParamBytes) ||
               varArgsDepth(B, O) >= 0) {
      // Memory of no named parameter (the variadic arguments' too: no
      // summary field returns them).
      S.ReturnsUnknown = true;
    }
  }

  unsigned N = B.ParamObj.size();
  S.Params.resize(N);
  // What the function stores into its callers' memory, first: the blocks
  // of its own that a FreshContent summary describes.
  ObjSet Described;
  for (unsigned J = 0; J != N; ++J) {
    ObjId PO = B.ParamObj[J];
    if (PO < 0)
      continue;
    writesUnknown(B, PO, B.ParamDeep[J], B.ParamDeeper[J], S.Params[J], int(J));
    if (S.Params[J].FreshContent)
      for (ObjId O : G.Nodes[G.Objects[PO].Contents].Pts)
        if (G.Objects[O].Kind == ObjKind::Alloc || G.Objects[O].Kind == ObjKind::Fresh)
          Described.set(O);
  }
  for (ObjId O : Ret)
    if (isFresh(B, O))
      Described.set(O);
  // Blocks of its own (allocated here or by a callee, locals) that its
  // callers' memory reaches, other than those a summary bit describes: a
  // parameter's memory they hold reaches the callers with them, unseen (a
  // copy of an array of pointers stored through an out-parameter, beside a
  // pointer to a static).
  ObjSet HeldByOwn;
  for (ObjId O : Ext) {
    ObjKind K = G.Objects[O].Kind;
    if ((K == ObjKind::Alloc || K == ObjKind::Fresh || K == ObjKind::Local) && !Described.test(O))
      HeldByOwn |= G.Nodes[G.Objects[O].Contents].Pts;
  }

  S.VarArgs = varArgs(B, HeldByOwn);
  S.VarArgsPrinted = B.VarArgsPrinted;
  S.VarArgsFormat = B.VarArgsFormat;
  S.VarArgsCopied = B.VarArgsCopied;
  for (unsigned J = 0; J != N; ++J) {
    ObjId PO = B.ParamObj[J], PD = B.ParamDeep[J], PDD = B.ParamDeeper[J];
    ParamSummary &P = S.Params[J];
    if (ObjId M = B.ParamBytes[J]; M >= 0) {
      P.BytesResult = RetBytes.test(M) || Ret.test(M);
      P.BytesStored = storedAnywhere(G, M);
    }
    if (PO < 0)
      continue;
    P.Tracked = true;
    P.BytesResult = RetBytes.test(PO);
    P.ContentBytesResult = RetBytes.test(PD);
    P.DeepBytesResult = RetBytes.test(PDD);
    P.Heap = Heap.test(PO);
    P.Content = Heap.test(PD) || InFresh.test(PD) || HeldByOwn.test(PD);
    P.DeepContent = Heap.test(PDD) || InFresh.test(PDD) || HeldByOwn.test(PDD);
    P.Result = Ret.test(PO);
    P.ContentResult = testDeep(Ret, PD, PDD);
    P.ResultContent = InFresh.test(PO);
    P.Freed = Freed.test(PO) || CalleeFreed.test(PO);
    P.ContentFreed = testDeep(Freed, PD, PDD) || testDeep(CalleeFreed, PD, PDD);
    P.NeedsHeap = Needs.test(PO);
    P.ContentNeedsHeap = testDeep(Needs, PD, PDD);
    bool Explained = P.Result || P.ResultContent;
    for (unsigned I = 0; I != N; ++I) {
      if (B.ParamObj[I] < 0)
        continue;
      const ObjSet &Into = G.Nodes[G.Objects[B.ParamObj[I]].Contents].Pts;
      ObjSet Deep = deepContents(B, I);
      if (Into.test(PO)) {
        P.IntoContentOf.push_back(I);
        Explained = true;
      }
      // Stored into the blocks *q points to (a vector's items), or only
      // further: a caller stores it into those blocks, or into all it
      // reaches through them, which may be the stored block itself (a
      // string pushed into a vector then held a pointer to itself, and a
      // hash of its characters carried its address).
      if (G.Nodes[G.Objects[B.ParamDeeper[I]].Contents].Pts.test(PO)) {
        P.IntoDeeperOf.push_back(I);
        Explained = true;
      } else if (Deep.test(PO)) {
        P.IntoDeepOf.push_back(I);
        Explained = true;
      }
      if (I != J && testDeep(Into, PD, PDD))
        P.ContentIntoContentOf.push_back(I);
      // Within one parameter's memory, storing what its pointee points to
      // deeper changes the depths callers see (DeepContent); everything
      // else is already there by construction.
      if (I != J ? testDeep(Deep, PD, PDD) : Deep.test(PD))
        P.ContentIntoDeepOf.push_back(I);
    }
    if ((Ext.test(PO) && !Explained) || HeldByOwn.test(PO))
      P.Heap = true;
    for (const auto &[Key, N] : B.CallbackNodes)
      for (ObjId O : G.Nodes[N].Pts) {
        const Object &OB = G.Objects[O];
        if (OB.Index != int(J) || (OB.Kind != ObjKind::ParamPointee && OB.Kind != ObjKind::ParamDeep))
          continue;
        CallbackUse U{Key.first, Key.second, OB.Kind == ObjKind::ParamDeep};
        if (!llvm::is_contained(P.Callbacks, U))
          P.Callbacks.push_back(U);
      }
    llvm::sort(P.Callbacks);
    // An escaped pointee takes everything it reaches along: what it holds
    // escapes too.  Where the function stores it still matters to callers:
    // a pointer a caller reads back from there reaches the escaped memory,
    // and what the caller stores through it escapes (a swap through a byte
    // buffer whose bytes escaped, then `*y = s`).
    if (P.Heap)
      P.Content = P.DeepContent = false;
    else if (P.Content)
      P.DeepContent = false;
  }
  return S;
}

namespace {
enum class Replaced { No, NoBody, Weak, Inline, Interposed };
} // namespace

static Replaced replacement(const FunctionDecl *F) {
  const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
  if (!Def || !Def->hasBody())
    return Replaced::NoBody;
  // The linker takes a strong definition over a weak one.
  if (Def->isWeak())
    return Replaced::Weak;
  const ASTContext &Ctx = Def->getASTContext();
  // A C99 inline definition (or a GNU extern inline one) is there to be
  // inlined: a call may run another file's external definition instead.
  if (Ctx.GetGVALinkageForFunction(Def) == GVA_AvailableExternally)
    return Replaced::Inline;
  // A function a shared object exports may be interposed: the executable,
  // or a library loaded earlier, defines the same name, and calls through
  // the PLT run that one (clang -O0 makes every such call through the PLT,
  // and -fsemantic-interposition does at every level).  Only
  // -fno-semantic-interposition, or hidden or protected visibility, makes
  // the object's own definition the one that runs.
  const LangOptions &LO = Ctx.getLangOpts();
  if (LO.PICLevel && !LO.PIE &&
      (LO.SemanticInterposition || LO.HalfNoSemanticInterposition) &&
      Ctx.getTargetInfo().getTriple().isOSBinFormatELF() &&
      Def->isExternallyVisible() && Def->getVisibility() == DefaultVisibility)
    return Replaced::Interposed;
  return Replaced::No;
}

const FunctionDecl *escape::analysis::trustedDefinition(const FunctionDecl *F) {
  return replacement(F) == Replaced::No ? F->getDefinition() : nullptr;
}

bool escape::analysis::mayBeInterposed(const FunctionDecl *F) {
  return replacement(F) == Replaced::Interposed;
}

llvm::StringRef escape::analysis::replacedBecause(const FunctionDecl *F) {
  switch (replacement(F)) {
  case Replaced::Weak:
    return "whose weak definition another may replace at link time";
  case Replaced::Inline:
    return "whose inline definition may not be the code a call runs";
  case Replaced::Interposed:
    return "which another shared object may replace (exported from "
           "position-independent code)";
  default:
    return "whose code is not in this file";
  }
}
