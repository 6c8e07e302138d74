//===- Graph.cpp - Function graph construction and the solver ------------===//
//
// Implements the inclusion-based points-to solver with difference
// propagation.  Loads and stores turn into copy edges as the pointer's set
// grows; every (node, object) pair remembers the edge that brought it.
//
//===----------------------------------------------------------------------===//
#include "Graph.h"

#include <algorithm>

using namespace escape::analysis;

static uint64_t pairKey(NodeId N, ObjId O) {
  return (uint64_t(uint32_t(N)) << 32) | uint32_t(O);
}

Graph::Graph() {
  HeapNode = addNode("<heap>", 0);
  HeapObj = addObject(ObjKind::Heap, "<heap>", 0, -1, HeapNode);
  addr(HeapNode, HeapObj);
  HeapPtr = pointerTo(HeapObj, "<unknown>", 0);
  // Whatever escaped memory holds escapes too, and may be replaced by
  // anything unknown code stores there.
  load(HeapNode, HeapNode, {}, "reachable from escaped memory");
  store(HeapNode, HeapNode, {}, "stored into escaped memory");
  ReturnNode = addNode("<result>", 0);
  ExtNode = addNode("<outside>", 0);
  copy(ReturnNode, ExtNode, {}, "");
  load(ExtNode, ExtNode, {}, "reachable from memory that outlives the frame");
  NeedsHeap = addNode("<needs-heap>", 0);
  FreeNode = addNode("<freed>", 0);
  CalleeFree = addNode("<freed-by-callee>", 0);
  ReallocIn = addNode("<reallocated>", 0);
  FirstUserNode = NodeId(Nodes.size());
}

NodeId Graph::addNode(llvm::StringRef Name, unsigned LoopDepth) {
  Node N;
  N.Name = Name;
  N.LoopDepth = LoopDepth;
  Nodes.push_back(std::move(N));
  Out.emplace_back();
  LoadsOf.emplace_back();
  StoresOf.emplace_back();
  BytesLoadsOf.emplace_back();
  MirrorOf.push_back(NoNode);
  InWork.push_back(false);
  return NodeId(Nodes.size() - 1);
}

ObjId Graph::addObject(ObjKind K, llvm::StringRef Name, unsigned LoopDepth,
                       int Index, NodeId Contents) {
  NodeId Bytes = NoNode;
  if (Contents == NoNode) {
    Contents = addNode(save("*" + Name), LoopDepth);
    Bytes = addNode(save("*" + Name + " (bytes)"), LoopDepth);
    MirrorOf[Contents] = Bytes;
  }
  Objects.push_back(Object{K, Contents, Bytes, LoopDepth, Index});
  return ObjId(Objects.size() - 1);
}

NodeId Graph::pointerTo(ObjId O, llvm::StringRef Name, unsigned LoopDepth) {
  NodeId N = addNode(Name, LoopDepth);
  addr(N, O);
  return N;
}

void Graph::copy(NodeId Src, NodeId Dst, clang::SourceLocation L,
                 llvm::StringRef T) {
  if (Src == NoNode || Dst == NoNode || Src == Dst)
    return;
  addEdge(Src, Dst, L, T);
}

void Graph::addr(NodeId Dst, ObjId O) {
  Nodes[Dst].Pts.set(O);
  if (MirrorOf[Dst] != NoNode)
    Nodes[MirrorOf[Dst]].Pts.set(O);
}

void Graph::load(NodeId Ptr, NodeId Dst, clang::SourceLocation L,
                 llvm::StringRef T) {
  if (Ptr == NoNode || Dst == NoNode)
    return;
  LoadsOf[Ptr].push_back(Loads.size());
  Loads.push_back(Deref{Ptr, Dst, L, T});
}

void Graph::store(NodeId Src, NodeId Ptr, clang::SourceLocation L,
                  llvm::StringRef T, const void *MemberRoot) {
  if (Ptr == NoNode || Src == NoNode)
    return;
  StoresOf[Ptr].push_back(Stores.size());
  Stores.push_back(Deref{Ptr, Src, L, T, MemberRoot});
}

void Graph::bytesLoad(NodeId Ptr, NodeId Dst, const void *Root,
                      clang::SourceLocation L, llvm::StringRef T) {
  if (Ptr == NoNode || Dst == NoNode)
    return;
  BytesLoadsOf[Ptr].push_back(BytesLoads.size());
  BytesLoads.push_back(Deref{Ptr, Dst, L, T, Root});
}

NodeId Graph::reach(NodeId Ptr, clang::SourceLocation L, llvm::StringRef T) {
  NodeId R = addNode("<reachable>", ~0u);
  load(Ptr, R, L, T);
  load(R, R, L, T);
  return R;
}

void Graph::addEdge(NodeId Src, NodeId Dst, clang::SourceLocation L,
                    llvm::StringRef T, bool Mirror) {
  // What reaches an object's contents reaches its bytes, but for pointer
  // members stored by name (memberNode).
  if (Mirror && MirrorOf[Dst] != NoNode)
    addEdge(Src, MirrorOf[Dst], L, T);
  if (Src == Dst || !EdgeSet.insert({Src, Dst}).second)
    return;
  unsigned E = Edges.size();
  ++Spent;
  Edges.push_back(Edge{Src, Dst, L, T});
  Out[Src].push_back(E);
  // Objects not yet in Done arrive when Src is processed.
  propagate(E, Nodes[Src].Done);
}

NodeId Graph::memberNode(ObjId O, const void *Root) {
  auto &Ms = Members[O];
  for (const auto &[R, N] : Ms)
    if (R == Root)
      return N;
  NodeId N = addNode(save(Nodes[Objects[O].Contents].Name + " (members)"),
                     Nodes[Objects[O].Contents].LoopDepth);
  Ms.push_back({Root, N});
  addEdge(N, Objects[O].Contents, {}, "", /*Mirror=*/false);
  // Bytes read from another root type may overlap these members.
  for (unsigned I : BytesReaders[O])
    if (BytesLoads[I].Root != Root)
      addEdge(N, BytesLoads[I].Other, BytesLoads[I].Loc, BytesLoads[I].Text);
  return N;
}

void Graph::propagate(unsigned EdgeIdx, const ObjSet &Objs) {
  NodeId Dst = Edges[EdgeIdx].Dst;
  bool Changed = Nodes[Dst].Pts.addNew(Objs, [&](ObjId O) {
    Parent.try_emplace(pairKey(Dst, O), EdgeIdx);
    ++Spent;
  });
  // The objects Dst already has cost a step per 16: passing a large set
  // again and again to nodes that hold it is where a long recursive
  // function spent its time.
  Spent += 1 + Objs.count() / 16;
  if (Changed && !InWork[Dst]) {
    InWork[Dst] = true;
    Work.push_back(Dst);
  }
}

void Graph::solve() {
  for (NodeId N = 0, E = Nodes.size(); N != E; ++N) {
    if (!Nodes[N].Pts.empty() && !InWork[N]) {
      InWork[N] = true;
      Work.push_back(N);
    }
  }
  while (!Work.empty() && Spent <= Budget) {
    NodeId N = Work.back();
    Work.pop_back();
    InWork[N] = false;
    ObjSet Delta;
    if (!Nodes[N].Done.addNew(Nodes[N].Pts, [&](ObjId O) { Delta.set(O); }))
      continue;
    // One node's new objects may add millions of facts: the budget is
    // checked along the way.
    for (unsigned I = 0; I != LoadsOf[N].size() && Spent <= Budget; ++I) {
      Deref D = Loads[LoadsOf[N][I]];
      for (ObjId O : Delta) {
        if (Spent > Budget)
          break;
        addEdge(Objects[O].Contents, D.Other, D.Loc, D.Text);
      }
    }
    for (unsigned I = 0; I != StoresOf[N].size() && Spent <= Budget; ++I) {
      Deref D = Stores[StoresOf[N][I]];
      for (ObjId O : Delta) {
        if (Spent > Budget)
          break;
        if (D.Root && Objects[O].Bytes != NoNode)
          addEdge(D.Other, memberNode(O, D.Root), D.Loc, D.Text);
        else
          addEdge(D.Other, Objects[O].Contents, D.Loc, D.Text);
      }
    }
    for (unsigned I = 0; I != BytesLoadsOf[N].size() && Spent <= Budget; ++I) {
      unsigned Idx = BytesLoadsOf[N][I];
      Deref D = BytesLoads[Idx];
      for (ObjId O : Delta) {
        if (Spent > Budget)
          break;
        if (Objects[O].Bytes == NoNode) {
          addEdge(Objects[O].Contents, D.Other, D.Loc, D.Text);
          continue;
        }
        addEdge(Objects[O].Bytes, D.Other, D.Loc, D.Text);
        BytesReaders[O].push_back(Idx);
        for (const auto &[R, M] : Members[O])
          if (R != D.Root)
            addEdge(M, D.Other, D.Loc, D.Text);
      }
    }
    for (unsigned I = 0; I != Out[N].size() && Spent <= Budget; ++I)
      propagate(Out[N][I], Delta);
  }
  Truncated = Spent > Budget;
}

std::vector<const Edge *> Graph::chain(NodeId N, ObjId O) const {
  std::vector<const Edge *> Steps;
  NodeId Cur = N;
  while (Steps.size() <= Nodes.size()) {
    auto It = Parent.find(pairKey(Cur, O));
    if (It == Parent.end())
      break;
    const Edge &E = Edges[It->second];
    Steps.push_back(&E);
    Cur = E.Src;
  }
  std::reverse(Steps.begin(), Steps.end());
  return Steps;
}
