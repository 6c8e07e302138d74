//===- Graph.h - Locations, objects and constraints of one function ------===//
//
// The data model of the analysis: nodes hold pointer values, objects are
// the memory those values may point to, and constraints say how values
// flow.  The solver computes, for every node, the set of objects it may
// point to, and remembers for each (node, object) pair the edge that first
// brought the object there, so every escape can be explained step by step.
//
// DO: add flows with copy/load/store and let the solver close them.
// DON'T: add constraints after solve(), or read Pts before it: the
// solver assumes every constraint exists when it starts.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_GRAPH_H
#define ESCAPE_ANALYSIS_GRAPH_H

#include "ObjSet.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"

#include <cstdint>
#include <string>
#include <vector>

namespace escape::analysis {

using NodeId = int;
using ObjId = int;
constexpr NodeId NoNode = -1;

/// A place that holds a pointer value: a variable, a temporary, the
/// contents of an object, or one of the function's sinks.
struct Node {
  llvm::StringRef Name;
  unsigned LoopDepth = 0;
  ObjSet Pts;
  ObjSet Done; ///< objects already pushed along outgoing constraints
};

/// What an object stands for.
enum class ObjKind : uint8_t {
  Alloc,        ///< an allocation site of this function
  Local,        ///< a local variable, compound literal or alloca block
  Heap,         ///< everything unknown: globals, escaped memory
  ParamPointee, ///< what a pointer parameter points to (caller memory)
  ParamDeep,    ///< everything reachable beyond ParamPointee
  Fresh,        ///< memory a callee allocated and returned
  ParamBytes    ///< marks the bytes an integer parameter holds (Summary.cpp)
};

struct Object {
  ObjKind Kind;
  NodeId Contents = NoNode; ///< what the object's memory holds
  /// What its bytes may hold outside its pointer members: everything
  /// Contents gets but a pointer stored by member name (`n->next = p`).
  /// A string read out of a character-array member reads this
  /// (Graph::bytesLoad).  NoNode for objects made on a shared contents
  /// node, whose bytes are their contents.
  NodeId Bytes = NoNode;
  unsigned LoopDepth = 0;
  int Index = -1; ///< site index (Alloc) or parameter index (Param*)
};

/// A flow edge: Pts(Dst) includes Pts(Src).  Loc and Text explain it.
struct Edge {
  NodeId Src, Dst;
  clang::SourceLocation Loc;
  llvm::StringRef Text;
};

/// Dst = *Ptr (Load) or *Ptr = Src (Store), resolved as Ptr's set grows.
/// Root, when set, names the type at the outermost level of a member path
/// without unions from a local that holds a block's start (`n->next`,
/// `n->in.next`: n's struct; FunctionBuilder::memberPathRoot): a store of
/// a pointer member, or a load of a character-array member's bytes.  Two
/// paths from one root type are different bytes.
struct Deref {
  NodeId Ptr, Other;
  clang::SourceLocation Loc;
  llvm::StringRef Text;
  const void *Root = nullptr;
};

class Graph {
public:
  Graph();

  NodeId addNode(llvm::StringRef Name, unsigned LoopDepth);
  /// Creates an object; its contents node is made here unless given.
  ObjId addObject(ObjKind K, llvm::StringRef Name, unsigned LoopDepth,
                  int Index = -1, NodeId Contents = NoNode);
  /// Makes a fresh node that points to \p O.
  NodeId pointerTo(ObjId O, llvm::StringRef Name, unsigned LoopDepth);

  void addr(NodeId Dst, ObjId O);
  void copy(NodeId Src, NodeId Dst, clang::SourceLocation L, llvm::StringRef T);
  void load(NodeId Ptr, NodeId Dst, clang::SourceLocation L, llvm::StringRef T);
  /// With \p MemberRoot, *Ptr.member = Src for a pointer member on a path
  /// from that root: the value reaches the objects' Contents, and their
  /// Bytes only as seen from another root.
  void store(NodeId Src, NodeId Ptr, clang::SourceLocation L, llvm::StringRef T,
             const void *MemberRoot = nullptr);
  /// Dst = the bytes of a character-array member of *Ptr on a path from
  /// \p Root: what the objects' Bytes hold, and pointer members stored
  /// from other root types.
  void bytesLoad(NodeId Ptr, NodeId Dst, const void *Root,
                 clang::SourceLocation L, llvm::StringRef T);
  /// Returns a node holding everything reachable through \p Ptr's objects.
  /// Its loop depth is unbounded: it only relays to other nodes.
  NodeId reach(NodeId Ptr, clang::SourceLocation L, llvm::StringRef T);

  /// Computes the fixed point, or stops after Budget steps (facts added,
  /// edges made or followed, objects passed by 16) and sets Truncated:
  /// the sets are then incomplete, and nothing may be concluded from them.
  void solve();

  uint64_t Budget = UINT64_MAX;
  bool Truncated = false;

  /// The edges that brought \p O into \p N, from the object's origin.
  std::vector<const Edge *> chain(NodeId N, ObjId O) const;

  llvm::StringRef save(const llvm::Twine &S) { return Saver.save(S); }

  std::vector<Node> Nodes;
  std::vector<Object> Objects;
  std::vector<Edge> Edges;

  // Fixed locations of every function graph.
  ObjId HeapObj;    ///< unknown memory; contents = HeapNode
  NodeId HeapNode;  ///< sink: what lands here escapes to the heap
  NodeId HeapPtr;   ///< a value pointing to unknown memory
  NodeId ReturnNode;///< what the function returns
  NodeId ExtNode;   ///< sink: memory that outlives the frame (caller's)
  NodeId NeedsHeap; ///< marks objects that must stay heap objects
  NodeId FreeNode;  ///< what this function passes to free()
  NodeId CalleeFree; ///< objects a callee frees or reallocates
  NodeId ReallocIn;  ///< what this function passes to realloc() (also in FreeNode)
  NodeId FirstUserNode; ///< nodes before this one are the fixed ones above

private:
  void addEdge(NodeId Src, NodeId Dst, clang::SourceLocation L,
               llvm::StringRef T, bool Mirror = true);
  NodeId memberNode(ObjId O, const void *Root);
  void propagate(unsigned EdgeIdx, const ObjSet &Objs);

  std::vector<std::vector<unsigned>> Out; ///< edges by source
  std::vector<std::vector<unsigned>> LoadsOf, StoresOf; ///< derefs by Ptr
  std::vector<Deref> Loads, Stores;
  std::vector<std::vector<unsigned>> BytesLoadsOf; ///< bytes loads by Ptr
  std::vector<Deref> BytesLoads;
  std::vector<NodeId> MirrorOf; ///< a Contents node's Bytes node, or NoNode
  /// Per object: the node of pointer members stored from each root,
  /// and the bytes loads that reached it.
  llvm::DenseMap<ObjId, std::vector<std::pair<const void *, NodeId>>> Members;
  llvm::DenseMap<ObjId, std::vector<unsigned>> BytesReaders;
  llvm::DenseSet<std::pair<NodeId, NodeId>> EdgeSet;
  llvm::DenseMap<uint64_t, unsigned> Parent; ///< (node, obj) -> edge
  std::vector<NodeId> Work;
  std::vector<bool> InWork;
  uint64_t Spent = 0; ///< steps taken, against Budget
  llvm::BumpPtrAllocator Alloc;
  llvm::UniqueStringSaver Saver{Alloc};
};

} // namespace escape::analysis

#endif
