//===- Builder.h - Lowering one function's AST into a Graph --------------===//
//
// FunctionBuilder walks a function body once and records its pointer flows
// in a Graph: Stmt.cpp lowers statements, Expr.cpp expressions, Call.cpp
// calls (allocators, free, the libc table, summaries of callees).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_BUILDER_H
#define ESCAPE_ANALYSIS_BUILDER_H

#include "BodyParents.h"
#include "Graph.h"
#include "Summary.h"
#include "escape/analysis/Result.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace escape::analysis {

/// Whether the file registers printf conversions of its own, or makes
/// streams of its own (fopencookie, funopen): Call.cpp.
bool printfRegistered(clang::ASTContext &Ctx);
bool streamHooksMade(clang::ASTContext &Ctx);

/// Reports whether a printf-style format \p E is a literal, or a choice
/// of literals, whose conversions only print numbers, characters and
/// strings (none when \p Registered); a variable of \p Body (the calling
/// function's) that it never writes stands for its initializer: Call.cpp.
bool formatIsSafe(const clang::Expr *E, bool Registered, const clang::Stmt *Body);

/// Collects in \p Targets the functions an indirect call may reach when
/// its pointer comes from a const object of static storage (`cmds[i].fn`,
/// `OPS.visit`: every function its constant initializer names), from a
/// choice of functions at the call, or from a variable of the function
/// \p Body that only its declaration sets.  False when the pointer comes
/// from anywhere else (Call.cpp).
bool tableTargets(const clang::Expr *Callee, const clang::Stmt *Body,
                  llvm::SmallVectorImpl<const clang::FunctionDecl *> &Targets);

/// The expressions that run where the type \p T is named: the sizes of its
/// variable-length arrays and a typeof's expression (Stmt.cpp).
void typeSizeExprs(clang::QualType T, llvm::SmallVectorImpl<const clang::Expr *> &Out);

/// The expressions of the type \p S names that run with it (typeSizeExprs:
/// casts, compound literals, va_arg, sizeof), which Stmt::children() leaves
/// out: `(char (*)[n = 300]){0}` assigns n.
void typeChildren(const clang::Stmt *S, llvm::SmallVectorImpl<const clang::Expr *> &Out);

/// Calls \p F with each child of \p S, then with each of its typeChildren;
/// stops at the first call that returns false, and returns false then.
template <typename Fn> bool allEvaluatedChildren(const clang::Stmt *S, Fn F) {
  for (const clang::Stmt *C : S->children())
    if (!F(C))
      return false;
  llvm::SmallVector<const clang::Expr *, 2> Types;
  typeChildren(S, Types);
  for (const clang::Expr *E : Types)
    if (!F(E))
      return false;
  return true;
}

/// Reports whether \p S assigns the variable \p V, steps it, or takes its
/// address: Stmt.cpp.
bool varWritten(const clang::Stmt *S, const clang::VarDecl *V);

struct WrittenVarsCache; // Stmt.cpp

/// While one lives, varWritten walks each statement once and keeps its
/// answer.  The statements must outlive it: one per translation unit.
class WrittenVarsScope {
public:
  WrittenVarsScope();
  ~WrittenVarsScope();
  WrittenVarsScope(const WrittenVarsScope &) = delete;
  WrittenVarsScope &operator=(const WrittenVarsScope &) = delete;

private:
  WrittenVarsCache *Cache;
  WrittenVarsCache *Outer;
};

class FreePaths; // MustFree.cpp
struct FreePathsDeleter {
  void operator()(FreePaths *P) const;
};

/// An allocation call found in the function.
struct SiteInfo {
  const clang::CallExpr *Call;
  AllocKind Kind;
  ObjId Obj;
  unsigned LoopDepth;
  std::string Callee;
  std::string Name; ///< what receives it, if known
};

/// A free() call and the node holding its argument.
struct FreeInfo {
  const clang::CallExpr *Call;
  NodeId Arg;
};

/// A place that an expression denotes.
struct LValue {
  enum Kind : uint8_t { None, Direct, Indirect } K = None;
  NodeId N = NoNode;   ///< Direct: the node; Indirect: the pointer
  bool Union = false;  ///< a member of a union
  bool Global = false; ///< Direct on global memory
  /// Indirect on a pointer member (or an element of a member array of
  /// pointers): the root type of its member path (memberPathRoot).
  const void *MemberRoot = nullptr;
};

/// Looks up the summary of a function defined in the translation unit.
using SummaryLookup =
    std::function<const Summary *(const clang::FunctionDecl *)>;

class FunctionBuilder {
public:
  FunctionBuilder(clang::ASTContext &Ctx, const clang::FunctionDecl *FD,
                  SummaryLookup Lookup);

  /// Lowers the whole body.
  void build();

  Graph G;
  std::vector<SiteInfo> Sites;
  std::vector<FreeInfo> Frees;
  std::vector<ObjId> ParamObj;  ///< per parameter, or -1
  /// Per parameter, or -1: what the pointee points to (ParamDeep) and
  /// everything reachable beyond that (ParamDeeper), kept apart so that a
  /// function that only copies bytes out of the blocks an array of
  /// pointers points to does not make those blocks escape.
  std::vector<ObjId> ParamDeep;
  std::vector<ObjId> ParamDeeper;
  /// Per integer parameter, or -1: an object standing for its bytes, and
  /// the node of what an integer result's bytes may belong to.
  std::vector<ObjId> ParamBytes;
  NodeId ReturnBytes = NoNode;
  /// A variadic function whose va_lists stay local: the value va_arg
  /// returns (VarArgsNode) and the memory it points to, as for a parameter.
  NodeId VarArgsNode = NoNode;
  ObjId VarArgsObj = -1, VarArgsDeep = -1, VarArgsDeeper = -1;
  /// The va_lists are printed by vfprintf and kin, with a literal format
  /// or, when VarArgsFormat >= 0, with that parameter's.
  bool VarArgsPrinted = false;
  int VarArgsFormat = -1;
  bool VarArgsCopied = false; ///< printed into memory (vsnprintf)
  /// Local variables assigned after their declaration, or whose address
  /// is taken: the others keep their initializer's value.
  llvm::DenseSet<const clang::VarDecl *> Modified;
  /// -fno-strict-aliasing or -O0: a number read through any pointer may
  /// be a pointer's bytes (wordRead).  Set before build().
  bool LooseAliasing = false;
  /// Policy::StdioHooks: printf conversions and custom streams of another
  /// file.  Set before build().
  bool StdioHooks = false;
  bool HasSetjmp = false;
  /// The first function called that returns twice (setjmp, getcontext...).
  std::string SetjmpName;
  /// OpenMP directives: their regions run in functions of their own (a
  /// task even after this one returned), which the lowering does not see.
  bool HasOpenMP = false;
  bool HasDynamicStack = false; ///< VLA or alloca
  bool HasBackwardGoto = false;
  /// Calls through a function-pointer parameter the body never changes:
  /// per (parameter, argument position), what the argument points to
  /// (CallbackNodes).  Only the parameters' memory may get there
  /// (callbacksTakeOwn); otherwise the function is built again with
  /// CallbacksEscape, and every such argument escapes as at any indirect
  /// call.  Set before build().
  std::map<std::pair<unsigned, unsigned>, NodeId> CallbackNodes;
  bool CallbacksEscape = false;
  /// Reports whether a callback node holds anything but parameters' memory.
  bool callbacksTakeOwn() const;

  /// Reports whether values of type \p T may hold a pointer.
  static bool mayHoldPointer(clang::QualType T);
  /// For a member access `v->m` (or `v->in.m`, `v->arr[i].m`) through a
  /// local pointer v that only ever holds what an allocation call returned
  /// (blockStart), v's pointee type, as a key; null when a union is on the
  /// path or the path starts anywhere else.  Two members on paths from one
  /// root are different bytes: both lie at their offsets from the block's
  /// start.  (A view of the struct type elsewhere in the block, `(struct
  /// node *)(n->name + 8)` or the second of two records packed in one
  /// buffer, may lay a pointer member over another view's name.)
  const void *memberPathRoot(const clang::Expr *E);
  /// For an argument that is a character-array member (`n->name`,
  /// `&n->name[0]`), the root of its path; null otherwise.
  const void *charMemberRoot(const clang::Expr *Arg);
  /// Reports whether local \p V is a pointer to the start of a block: its
  /// address is never taken, and its initializer and every assignment are
  /// an allocation call's result (or null).
  bool blockStart(const clang::VarDecl *V);
  /// Reports whether a call to \p F runs the C library's function of that
  /// name: clang takes it for its builtin, or a system header declares it.
  /// A program may define a function the C standard does not reserve
  /// (basename, index, read, reallocarray) in another file, or name other
  /// code with an asm label, alias or ifunc.
  static bool isLibraryFunction(const clang::FunctionDecl *F);
  /// Dst = the characters Arg (node Ptr) points at, as a string function
  /// reads them (Call.cpp).
  void stringLoad(const clang::Expr *Arg, NodeId Ptr, NodeId Dst,
                  clang::SourceLocation Loc, llvm::StringRef Why);
  /// Reports whether \p T is an integer, floating or vector type, or an
  /// _Atomic one: a value that may hold a byte of a pointer.
  static bool isNumber(clang::QualType T);
  /// Reports whether every va_list of \p FD's body is a local used only
  /// by va_start, va_arg, va_copy and va_end, or printed by vfprintf and
  /// kin (\p Printed) with a safe literal format or the format parameter
  /// \p FormatParam brings (-1: none), into memory by vsprintf or
  /// vsnprintf (\p Copied) (Stmt.cpp).
  static bool vaListsStayLocal(const clang::ASTContext &Ctx, const clang::FunctionDecl *FD,
                               bool &Printed, int &FormatParam, bool &Copied);

private:
  // Stmt.cpp
  /// The caller's memory an incoming pointer \p V stands for: what it
  /// points to (returned), what that points to (\p Deep) and everything
  /// deeper (\p Deeper), all held by the caller beyond this frame.
  /// \p Index is the parameter's position.
  ObjId callerMemory(NodeId V, llvm::StringRef Name, unsigned Index, ObjId &Deep,
                     ObjId &Deeper);
  void stmt(const clang::Stmt *S);
  void varDecl(const clang::VarDecl *VD);
  void loop(const clang::Stmt *Cond, const clang::Stmt *Inc,
            const clang::Stmt *Body);
  void asmStmt(const clang::AsmStmt *A);

  // Expr.cpp
  NodeId rvalue(const clang::Expr *E);
  NodeId castExpr(const clang::CastExpr *E);
  NodeId unary(const clang::UnaryOperator *E);
  NodeId binary(const clang::BinaryOperator *E);
  bool pointerBitsStay(const clang::Expr *E);
  bool endsHarmless(const clang::Expr *E, const clang::VarDecl *VD,
                    const clang::VarDecl **Init, bool Moved) const;
  bool ownBitsOnly(const clang::Expr *E, llvm::SmallVectorImpl<const clang::Expr *> &Own);
  NodeId initList(const clang::InitListExpr *E);
  NodeId byteCopy(const clang::BinaryOperator *E);
  NodeId compoundAssign(const clang::BinaryOperator *E);
  const clang::Expr *stmtExprBody(const clang::StmtExpr *SE);
  NodeId offsetBy(NodeId Ptr, NodeId Bytes, clang::SourceLocation Loc);
  bool byteAssign(const clang::VarDecl *VD, const clang::Expr *Init,
                  clang::SourceLocation Loc);
  NodeId bytesOf(const clang::Expr *E, bool Launder, bool Strict);
  bool carriesBytes(const clang::Expr *R) const;
  bool readCarriesBytes(const clang::Expr *R) const;
  bool wordRead(const clang::Expr *R) const;
  void byteEffects(const clang::CallExpr *E, const Summary *S,
                   const std::vector<NodeId> &Args, const std::vector<NodeId> &Bytes);
  NodeId byteVar(const clang::VarDecl *VD);
  void numbersAddressTaken(NodeId N, clang::SourceLocation Loc);
  /// Lowers the size expressions of the variable-length arrays in \p T,
  /// which run where a declaration, cast or sizeof of the type does.
  void vlaSizes(clang::QualType T);
  void numberRead(const clang::Expr *Sub, const LValue &LV, clang::SourceLocation Loc);
  LValue lvalue(const clang::Expr *E);
  NodeId addressOf(const LValue &LV, const clang::Expr *E);
  NodeId read(const LValue &LV, const clang::Expr *E);
  void assign(const LValue &LV, NodeId V, const clang::Expr *Target,
              clang::SourceLocation Loc);
  NodeId merge(NodeId A, NodeId B, const clang::Expr *E);
  void children(const clang::Stmt *S);

  // Call.cpp
  NodeId call(const clang::CallExpr *E);
  NodeId callee(const clang::CallExpr *E, std::vector<NodeId> &Args);
  NodeId indirectCall(const clang::CallExpr *E, std::vector<NodeId> &Args);
  NodeId allocation(const clang::CallExpr *E, AllocKind K,
                    llvm::StringRef Callee, std::vector<NodeId> &Args);
  bool libcCall(const clang::CallExpr *E, llvm::StringRef Name,
                std::vector<NodeId> &Args, NodeId &Result);
  NodeId wrapperCall(const clang::CallExpr *E, const clang::FunctionDecl *W,
                     const Summary &S, std::vector<NodeId> &Args);
  NodeId applySummary(const clang::FunctionDecl *FD, const Summary &S,
                      std::vector<NodeId> &Args, clang::SourceLocation Loc,
                      const clang::CallExpr *Call = nullptr);
  void applyCallbacks(const clang::FunctionDecl *FD, const Summary &S,
                      std::vector<NodeId> &Args, clang::SourceLocation Loc,
                      const clang::CallExpr *Call,
                      const std::function<NodeId(unsigned)> &ReachOf);
  int callbackParam(const clang::Expr *Fn) const;
  NodeId callbackNode(unsigned K, unsigned Pos);
  NodeId unknownCall(const clang::CallExpr *E, const clang::FunctionDecl *FD,
                     std::vector<NodeId> &Args);
  bool callbackIsHarmless(const clang::Expr *E);
  bool tableCallIsHarmless(const clang::Expr *Callee, unsigned NArgs);

  // MustFree.cpp
  /// Reports whether \p Arg names a local variable whose block this
  /// function frees on every path after \p At, with no assignment between;
  /// with \p CallsReturn, through calls that all return (a pointer the
  /// library keeps must not outlive the block when one leaves by longjmp).
  bool freedOnEveryPath(const clang::CallExpr *At, const clang::Expr *Arg,
                        bool CallsReturn);

  // Helpers
  NodeId varNode(const clang::VarDecl *VD);
  ObjId varObject(const clang::VarDecl *VD);
  NodeId temp(const char *Name);
  void escape(NodeId N, clang::SourceLocation Loc, const llvm::Twine &Why);
  llvm::StringRef text(const clang::Expr *E);
  void modifies(const clang::Expr *E);
  /// The references to \p VD in the function's body.
  std::vector<const clang::DeclRefExpr *> usesOf(const clang::VarDecl *VD) const;
  /// The one parent of \p S in the function (BodyParents::of).
  BodyParents::Parent parentOf(const clang::Stmt *S) const;
  bool isAllocator(const clang::FunctionDecl *FD, llvm::StringRef Name,
                   AllocKind &K);

  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  /// blockStart's answers, made for the whole body at the first question.
  llvm::DenseMap<const clang::VarDecl *, bool> BlockStarts;
  bool BlockStartsDone = false;
  SummaryLookup Lookup;
  unsigned Depth = 0;
  llvm::DenseMap<const clang::VarDecl *, NodeId> Vars;
  /// Local integer variables a character read is stored in (`int c =
  /// *s;`): what the bytes read may belong to, which a character store of
  /// the variable copies on (`*d = c;`, a memcpy through a temporary).
  llvm::DenseMap<const clang::VarDecl *, NodeId> ByteVars;
  /// The summary call() applied last, and what the bytes of the integer
  /// it returned may belong to (bytesOf reads it).
  const Summary *AppliedSummary = nullptr;
  NodeId LastResultBytes = NoNode;
  /// While libcCall applies the table to an asprintf that is a site: the
  /// pointer to the site's block, into which it prints.
  NodeId PrintedInto = NoNode;
  llvm::DenseMap<const clang::VarDecl *, ObjId> VarObjs;
  llvm::DenseMap<const clang::Expr *, NodeId> Opaque;
  llvm::DenseMap<const clang::LabelDecl *, bool> LabelsSeen;
  /// The right-hand side being assigned, and the name of its target: an
  /// allocation call that is exactly PendingExpr is named PendingName.
  std::unique_ptr<FreePaths, FreePathsDeleter> Paths; ///< built on first use
  mutable std::unique_ptr<BodyParents> Parents;       ///< built on first use
  NodeId Retained = NoNode; ///< strtok's saved string, when freed here
  const clang::Expr *PendingExpr = nullptr;
  std::string PendingName;
};

} // namespace escape::analysis

#endif
