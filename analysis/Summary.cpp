//===- Summary.cpp - Reading a function's summary off its solved graph ---===//
//
// Implements summarize(): which parameters leak (to the heap, to the
// result, into another parameter's pointee), which are freed, and whether
// the function returns fresh memory.  Anything that reaches memory outside
// the frame by a way the summary cannot express counts as a heap leak.
//
//===----------------------------------------------------------------------===//
#include "SummaryBuilder.h"

using namespace escape::analysis;

Summary Summary::worst(unsigned NumParams) {
  Summary S;
  S.Params.resize(NumParams);
  for (ParamSummary &P : S.Params) {
    P.Tracked = true;
    P.Heap = P.Content = P.Freed = P.ContentFreed = true;
    P.NeedsHeap = P.ContentNeedsHeap = true;
    P.WritesUnknown = P.DeepWrite = true;
  }
  S.ReturnsUnknown = true;
  return S;
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
        G.Nodes[G.Objects[B.ParamDeep[I]].Contents].Pts.test(O))
      return false;
  }
  if (B.VarArgsObj >= 0 &&
      (G.Nodes[G.Objects[B.VarArgsObj].Contents].Pts.test(O) ||
       G.Nodes[G.Objects[B.VarArgsDeep].Contents].Pts.test(O)))
    return false;
  return true;
}

/// Pointers of unknown origin the function stores into the caller's memory
/// that \p PO (a parameter's pointee) and \p PD (what it reaches) stand
/// for; parameters' memory stored there is described by the other fields.
static void writesUnknown(const Graph &G, ObjId PO, ObjId PD, ParamSummary &P) {
  auto unknown = [&](ObjId O) {
    ObjKind K = G.Objects[O].Kind;
    return K != ObjKind::ParamPointee && K != ObjKind::ParamDeep;
  };
  for (ObjId O : G.Nodes[G.Objects[PO].Contents].Pts)
    P.WritesUnknown |= unknown(O);
  for (ObjId O : G.Nodes[G.Objects[PD].Contents].Pts)
    P.DeepWrite |= unknown(O);
}

/// The variadic arguments' summary: tracked when what va_arg returns, and
/// what it reaches, is only read or written through (anything else:
/// untracked, so callers let their variadic arguments escape).
static ParamSummary varArgs(const FunctionBuilder &B) {
  const Graph &G = B.G;
  ParamSummary P;
  if (B.VarArgsObj < 0)
    return P;
  ObjId PO = B.VarArgsObj, PD = B.VarArgsDeep;
  // What the arguments point to holds the callers' memory, which outlives
  // the frame (ExtNode holds it by construction, as for parameters); the
  // pointees themselves must not get there.
  if (G.Nodes[G.ExtNode].Pts.test(PO))
    return P;
  for (NodeId Sink : {G.HeapNode, G.ReturnNode, G.NeedsHeap, G.FreeNode,
                      G.CalleeFree, G.ReallocIn})
    if (G.Nodes[Sink].Pts.test(PO) || G.Nodes[Sink].Pts.test(PD))
      return P;
  P.Tracked = true;
  writesUnknown(G, PO, PD, P);
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
  for (ObjId O : Ret) {
    if (isFresh(B, O)) {
      S.ReturnsFresh = true;
      InFresh |= G.Nodes[G.Objects[O].Contents].Pts;
    } else if (G.Objects[O].Kind != ObjKind::ParamPointee &&
               G.Objects[O].Kind != ObjKind::ParamDeep) {
      S.ReturnsUnknown = true;
    }
  }

  S.VarArgs = varArgs(B);
  unsigned N = B.ParamObj.size();
  S.Params.resize(N);
  for (unsigned J = 0; J != N; ++J) {
    ObjId PO = B.ParamObj[J], PD = B.ParamDeep[J];
    if (PO < 0)
      continue;
    ParamSummary &P = S.Params[J];
    P.Tracked = true;
    P.Heap = Heap.test(PO);
    P.Content = Heap.test(PD);
    P.Result = Ret.test(PO);
    P.ContentResult = Ret.test(PD);
    P.ResultContent = InFresh.test(PO);
    P.Freed = Freed.test(PO) || CalleeFreed.test(PO);
    P.ContentFreed = Freed.test(PD) || CalleeFreed.test(PD);
    P.NeedsHeap = Needs.test(PO);
    P.ContentNeedsHeap = Needs.test(PD);
    bool Explained = P.Result || P.ResultContent;
    for (unsigned I = 0; I != N; ++I) {
      if (B.ParamObj[I] < 0)
        continue;
      const ObjSet &Into = G.Nodes[G.Objects[B.ParamObj[I]].Contents].Pts;
      const ObjSet &Deep = G.Nodes[G.Objects[B.ParamDeep[I]].Contents].Pts;
      if (Into.test(PO)) {
        P.IntoContentOf.push_back(I);
        Explained = true;
      }
      if (Deep.test(PO)) {
        P.IntoDeepOf.push_back(I);
        Explained = true;
      }
      if (I != J && Into.test(PD))
        P.ContentIntoContentOf.push_back(I);
      if (I != J && Deep.test(PD))
        P.ContentIntoDeepOf.push_back(I);
    }
    if (Ext.test(PO) && !Explained)
      P.Heap = true;
    if (InFresh.test(PD))
      P.Content = true;
    // An escaped pointee takes everything it reaches along: the finer
    // leaks add nothing for callers (and a self-store would be noise).
    if (P.Heap) {
      P.Content = P.ResultContent = false;
      P.IntoContentOf.clear();
      P.IntoDeepOf.clear();
      P.ContentIntoContentOf.clear();
      P.ContentIntoDeepOf.clear();
    } else if (P.Content) {
      P.ContentIntoContentOf.clear();
      P.ContentIntoDeepOf.clear();
    }

    writesUnknown(G, PO, PD, P);
  }
  return S;
}
