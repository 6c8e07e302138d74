//===- Stmt.cpp - Lowering statements into flow constraints --------------===//
//
// Implements FunctionBuilder's walk over statements: declarations, returns,
// loops (which raise the loop depth), gotos and inline assembly.
//
//===----------------------------------------------------------------------===//
#include "Builder.h"
#include "LibcTable.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace escape::analysis;

FunctionBuilder::FunctionBuilder(ASTContext &Ctx, const FunctionDecl *FD,
                                 SummaryLookup Lookup)
    : Ctx(Ctx), FD(FD), Lookup(std::move(Lookup)) {
  for (unsigned I = 0; I != FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    NodeId V = varNode(P);
    // An integer or a struct of numbers may hold bytes of a pointer.
    ObjId Bytes = -1;
    QualType T = P->getType();
    if (isNumber(T) || (T->isRecordType() && !mayHoldPointer(T))) {
      Bytes = G.addObject(ObjKind::ParamBytes, G.save(P->getName() + " (bytes)"), 0, I);
      G.addr(isNumber(T) ? byteVar(P) : V, Bytes);
    }
    ParamBytes.push_back(Bytes);
    if (!mayHoldPointer(P->getType())) {
      ParamObj.push_back(-1);
      ParamDeep.push_back(-1);
      ParamDeeper.push_back(-1);
      continue;
    }
    ObjId Deep, Deeper;
    ParamObj.push_back(callerMemory(V, G.save(P->getName()), I, Deep, Deeper));
    ParamDeep.push_back(Deep);
    ParamDeeper.push_back(Deeper);
  }
  if (FD->isVariadic() && FD->getBody() &&
      vaListsStayLocal(Ctx, FD, VarArgsPrinted, VarArgsFormat, VarArgsCopied)) {
    VarArgsNode = temp("...");
    VarArgsObj = callerMemory(VarArgsNode, "...", FD->getNumParams(), VarArgsDeep,
                              VarArgsDeeper);
  }
}

ObjId FunctionBuilder::callerMemory(NodeId V, llvm::StringRef Name, unsigned Index,
                                    ObjId &Deep, ObjId &Deeper) {
  ObjId Pointee = G.addObject(ObjKind::ParamPointee, Name, 0, Index);
  Deep = G.addObject(ObjKind::ParamDeep, G.save("*" + Name), 0, Index);
  Deeper = G.addObject(ObjKind::ParamDeep, G.save(Name + "..."), 0, Index);
  G.addr(V, Pointee);
  G.addr(G.Objects[Pointee].Contents, Deep);
  G.addr(G.Objects[Deep].Contents, Deeper);
  G.addr(G.Objects[Deeper].Contents, Deeper);
  // The caller's memory outlives this frame.
  G.copy(G.Objects[Pointee].Contents, G.ExtNode, {}, "");
  G.copy(G.Objects[Deep].Contents, G.ExtNode, {}, "");
  G.copy(G.Objects[Deeper].Contents, G.ExtNode, {}, "");
  return Pointee;
}

void escape::analysis::typeSizeExprs(QualType T, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (T.isNull() || !T->isVariablyModifiedType())
    return;
  // `typeof(*(g = p, &vla))` evaluates its expression.
  if (const auto *TE = dyn_cast<TypeOfExprType>(T.getTypePtr())) {
    Out.push_back(TE->getUnderlyingExpr());
    return;
  }
  QualType C = T.getCanonicalType();
  if (const auto *VAT = dyn_cast<VariableArrayType>(C.getTypePtr())) {
    Out.push_back(VAT->getSizeExpr());
    typeSizeExprs(VAT->getElementType(), Out);
  } else if (const auto *AT = C->getAsArrayTypeUnsafe()) {
    typeSizeExprs(AT->getElementType(), Out);
  } else if (const auto *PT = C->getAs<PointerType>()) {
    typeSizeExprs(PT->getPointeeType(), Out);
  }
}

void escape::analysis::typeChildren(const Stmt *S, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (const auto *C = dyn_cast<ExplicitCastExpr>(S))
    typeSizeExprs(C->getTypeAsWritten(), Out);
  else if (const auto *CL = dyn_cast<CompoundLiteralExpr>(S))
    typeSizeExprs(CL->getTypeSourceInfo()->getType(), Out);
  else if (const auto *VA = dyn_cast<VAArgExpr>(S); VA && VA->getWrittenTypeInfo())
    typeSizeExprs(VA->getWrittenTypeInfo()->getType(), Out);
  else if (const auto *U = dyn_cast<UnaryExprOrTypeTraitExpr>(S);
           U && U->isArgumentType() && !isa<VariableArrayType>(U->getArgumentType()))
    typeSizeExprs(U->getArgumentType(), Out); // (children() has a VLA's sizes)
}

/// Adds to \p Out every variable that \p S assigns, steps, takes the address
/// of or names as an asm output, blocks' bodies included.
static void collectWritten(const Stmt *S, llvm::DenseSet<const VarDecl *> &Out) {
  if (!S)
    return;
  auto add = [&](const Expr *E) {
    if (const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
        Out.insert(V);
  };
  if (const auto *A = dyn_cast<AsmStmt>(S))
    for (unsigned I = 0; I != A->getNumOutputs(); ++I)
      add(A->getOutputExpr(I));
  if (const auto *B = dyn_cast<BlockExpr>(S))
    collectWritten(B->getBody(), Out);
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
    add(BO->getLHS());
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf))
    add(UO->getSubExpr());
  allEvaluatedChildren(S, [&](const Stmt *C) {
    collectWritten(C, Out);
    return true;
  });
}

/// The written variables of each statement asked about while a
/// WrittenVarsScope lives: callers ask about one function body for many of
/// its variables, and a walk per question made a long function's analysis
/// quadratic.
struct escape::analysis::WrittenVarsCache {
  llvm::DenseMap<const Stmt *, llvm::DenseSet<const VarDecl *>> Sets;
};
static thread_local WrittenVarsCache *ActiveWritten = nullptr;

escape::analysis::WrittenVarsScope::WrittenVarsScope()
    : Cache(new WrittenVarsCache), Outer(ActiveWritten) {
  ActiveWritten = Cache;
}

escape::analysis::WrittenVarsScope::~WrittenVarsScope() {
  ActiveWritten = Outer;
  delete Cache;
}

bool escape::analysis::varWritten(const Stmt *S, const VarDecl *P) {
  if (!S)
    return false;
  // A __block variable may be written by any block that captures it.
  if (P->hasAttr<BlocksAttr>())
    return true;
  if (ActiveWritten) {
    auto [It, New] = ActiveWritten->Sets.try_emplace(S);
    if (New)
      collectWritten(S, It->second);
    return It->second.count(P);
  }
  llvm::DenseSet<const VarDecl *> Written;
  collectWritten(S, Written);
  return Written.count(P);
}

/// Where the format and the va_list are among the arguments of a call to
/// one of the C library's functions that print a va_list (vfprintf and
/// kin, their fortified forms included); false for other functions.
static bool vPrintfShape(const FunctionDecl *F, unsigned &Fmt, unsigned &List) {
  static const struct {
    const char *Name;
    unsigned Fmt, List;
  } Shapes[] = {{"vprintf", 0, 1},  {"vfprintf", 1, 2}, {"vdprintf", 1, 2},
                {"vsprintf", 1, 2}, {"vsnprintf", 2, 3}, {"vsyslog", 1, 2},
                {"vwarn", 0, 1},    {"vwarnx", 0, 1},   {"verr", 1, 2},
                {"verrx", 1, 2}};
  if (!F || !F->getIdentifier() || !FunctionBuilder::isLibraryFunction(F))
    return false;
  llvm::StringRef Called = F->getName(), Name = canonicalCallee(Called);
  for (const auto &Sh : Shapes)
    if (Name == Sh.Name) {
      FortifyExtra X = fortifyExtra(Called);
      Fmt = Sh.Fmt >= X.At ? Sh.Fmt + X.Count : Sh.Fmt;
      List = Sh.List >= X.At ? Sh.List + X.Count : Sh.List;
      return true;
    }
  return false;
}

namespace {
/// What vaListUses found besides the four va_ macros: va_lists printed
/// by vfprintf and kin, with a literal format or a parameter's.
struct VaPrints {
  const FunctionDecl *FD;
  bool Printed = false;
  bool Copied = false; ///< by vsprintf or vsnprintf, into memory
  int FormatParam = -1;
};
} // namespace

/// Collects the uses of va_list variables that keep the variadic
/// arguments in the function: a va_list local to it named by va_start,
/// va_end, va_copy or va_arg, or printed by vfprintf and kin with a
/// literal format that only prints numbers, characters and strings, or
/// with the format one parameter the function never changes brings (a
/// logging wrapper: its callers check the format they pass).  Any other
/// use (passed to a helper, stored, a va_list parameter or global), and
/// any va_list those name that is not such a variable (a struct member,
/// an array element), clears \p OK.
static void vaListUses(const ASTContext &Ctx, const Stmt *S,
                       llvm::SmallPtrSetImpl<const DeclRefExpr *> &Allowed,
                       llvm::SmallVectorImpl<const DeclRefExpr *> &Uses, bool &OK,
                       VaPrints &VP) {
  if (!S)
    return;
  auto localList = [&](const Expr *E) -> const DeclRefExpr * {
    const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
        !Ctx.hasSameType(VD->getType(), Ctx.getBuiltinVaListType()))
      return nullptr;
    return DR;
  };
  if (const auto *VA = dyn_cast<VAArgExpr>(S)) {
    if (const DeclRefExpr *DR = localList(VA->getSubExpr()))
      Allowed.insert(DR);
    else
      OK = false;
  } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *F = CE->getDirectCallee();
    llvm::StringRef N = F && F->getIdentifier() ? F->getName() : "";
    unsigned Lists = N == "__builtin_va_copy" ? 2
                     : N == "__builtin_va_start" || N == "__builtin_c23_va_start" ||
                             N == "__builtin_va_end"
                         ? 1
                         : 0;
    for (unsigned I = 0; I != Lists; ++I) {
      const DeclRefExpr *DR = I < CE->getNumArgs() ? localList(CE->getArg(I)) : nullptr;
      if (DR)
        Allowed.insert(DR);
      else
        OK = false;
    }
    unsigned Fmt, List;
    if (Lists == 0 && vPrintfShape(F, Fmt, List) && List < CE->getNumArgs()) {
      if (const DeclRefExpr *DR = localList(CE->getArg(List))) {
        const auto *FDR = dyn_cast<DeclRefExpr>(CE->getArg(Fmt)->IgnoreParenImpCasts());
        const auto *P = FDR ? dyn_cast<ParmVarDecl>(FDR->getDecl()) : nullptr;
        unsigned Index = P ? P->getFunctionScopeIndex() : 0;
        llvm::StringRef Name = canonicalCallee(F->getName());
        bool Copies = Name == "vsprintf" || Name == "vsnprintf";
        if (formatIsSafe(CE->getArg(Fmt), false, VP.FD->getBody())) {
          Allowed.insert(DR);
          VP.Printed = true;
          VP.Copied |= Copies;
        } else if (P && Index < VP.FD->getNumParams() && VP.FD->getParamDecl(Index) == P &&
                   (VP.FormatParam < 0 || VP.FormatParam == int(Index)) &&
                   !varWritten(VP.FD->getBody(), P)) {
          Allowed.insert(DR);
          VP.Printed = true;
          VP.Copied |= Copies;
          VP.FormatParam = int(Index);
        }
      }
    }
  } else if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
      if (Ctx.hasSameType(VD->getType(), Ctx.getBuiltinVaListType()))
        Uses.push_back(DR);
  }
  allEvaluatedChildren(S, [&](const Stmt *C) {
    vaListUses(Ctx, C, Allowed, Uses, OK, VP);
    return true;
  });
}

bool FunctionBuilder::vaListsStayLocal(const ASTContext &Ctx, const FunctionDecl *FD,
                                       bool &Printed, int &FormatParam, bool &Copied) {
  llvm::SmallPtrSet<const DeclRefExpr *, 8> Allowed;
  llvm::SmallVector<const DeclRefExpr *, 8> Uses;
  bool OK = true;
  VaPrints VP{FD};
  vaListUses(Ctx, FD->getBody(), Allowed, Uses, OK, VP);
  for (const DeclRefExpr *DR : Uses)
    OK &= Allowed.count(DR) != 0;
  Printed = OK && VP.Printed;
  FormatParam = OK ? VP.FormatParam : -1;
  Copied = OK && VP.Copied;
  return OK;
}

void FunctionBuilder::build() {
  // A variably modified parameter's sizes are evaluated on entry.
  for (const ParmVarDecl *P : FD->parameters())
    vlaSizes(P->getOriginalType());
  if (const Stmt *Body = FD->getBody())
    stmt(Body);
  // An integer variable whose address is taken is also memory: its bytes
  // may be read through a pointer (`fnv((const char *)&k, sizeof k)`), and
  // stored through one.
  for (auto [VD, N] : ByteVars)
    if (VarObjs.count(VD)) {
      G.copy(N, varNode(VD), VD->getLocation(), "");
      G.copy(varNode(VD), N, VD->getLocation(), "");
    }
}

void FunctionBuilder::stmt(const Stmt *S) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    rvalue(E);
    return;
  }
  // A directive may run its region elsewhere (outlined, on another
  // thread, later), and the lowering does not walk into the captured
  // region (an `omp simd` loop's body included).
  if (isa<OMPExecutableDirective>(S))
    HasOpenMP = true;
  switch (S->getStmtClass()) {
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S)->decls()) {
      if (const auto *VD = dyn_cast<VarDecl>(D))
        varDecl(VD);
      else if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        vlaSizes(TD->getUnderlyingType());
    }
    return;
  case Stmt::ReturnStmtClass: {
    const auto *R = cast<ReturnStmt>(S);
    const Expr *RV = R->getRetValue();
    // A struct of numbers returned carries what its members hold, as a
    // number does.
    bool Numbers = RV && RV->getType()->isRecordType() && !mayHoldPointer(RV->getType());
    if (RV && (isNumber(RV->getType()) || Numbers)) {
      NodeId B = bytesOf(RV, true, !Numbers);
      if (B != NoNode) {
        // The caller may make the number a pointer again: the blocks whose
        // addresses it may hold outlive the frame, as a returned pointer's.
        if (ReturnBytes == NoNode) {
          ReturnBytes = G.addNode("<returned bytes>", 0);
          G.copy(ReturnBytes, G.ExtNode, {}, "");
        }
        G.copy(B, ReturnBytes, R->getBeginLoc(),
               G.save("returned as an integer from '" + FD->getName() + "'"));
      }
      return;
    }
    NodeId V = rvalue(RV);
    G.copy(V, G.ReturnNode, R->getBeginLoc(),
           G.save("returned from '" + FD->getName() + "'"));
    return;
  }
  case Stmt::ForStmtClass: {
    const auto *F = cast<ForStmt>(S);
    stmt(F->getInit());
    ++Depth;
    if (F->getConditionVariable())
      varDecl(F->getConditionVariable());
    --Depth;
    loop(F->getCond(), F->getInc(), F->getBody());
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    ++Depth;
    if (W->getConditionVariable())
      varDecl(W->getConditionVariable());
    --Depth;
    loop(W->getCond(), nullptr, W->getBody());
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    loop(D->getCond(), nullptr, D->getBody());
    return;
  }
  case Stmt::LabelStmtClass: {
    const auto *L = cast<LabelStmt>(S);
    LabelsSeen[L->getDecl()] = true;
    stmt(L->getSubStmt());
    return;
  }
  case Stmt::GotoStmtClass:
    // A goto to a label already walked closes a loop the AST does not show.
    if (LabelsSeen.count(cast<GotoStmt>(S)->getLabel()))
      HasBackwardGoto = true;
    return;
  case Stmt::IndirectGotoStmtClass:
    HasBackwardGoto = true;
    rvalue(cast<IndirectGotoStmt>(S)->getTarget());
    return;
  case Stmt::GCCAsmStmtClass:
  case Stmt::MSAsmStmtClass:
    asmStmt(cast<AsmStmt>(S));
    return;
  default:
    children(S);
    return;
  }
}

void FunctionBuilder::loop(const Stmt *Cond, const Stmt *Inc,
                           const Stmt *Body) {
  ++Depth;
  stmt(Cond);
  stmt(Body);
  stmt(Inc);
  --Depth;
}

void FunctionBuilder::varDecl(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!VD->hasLocalStorage()) {
    // Statics and thread-locals live as long as globals do.
    if (Init)
      escape(rvalue(Init), VD->getLocation(),
             "assigned to static '" + VD->getName() + "'");
    return;
  }
  if (VD->getType()->isVariablyModifiedType()) {
    HasDynamicStack = true;
    vlaSizes(VD->getType());
  }
  NodeId N = varNode(VD);
  if (Init && byteAssign(VD, Init, VD->getLocation()))
    Init = nullptr;
  // A struct of numbers initialised from another (`struct S t = s;`): the
  // bytes its members hold.
  if (Init && VD->getType()->isRecordType() && !mayHoldPointer(VD->getType()) &&
      !isa<InitListExpr>(Init->IgnoreParenImpCasts())) {
    if (NodeId B = bytesOf(Init, false, false); B != NoNode)
      G.copy(B, N, VD->getLocation(), G.save("stored byte by byte in '" + VD->getName() + "'"));
    Init = nullptr;
  }
  if (Init) {
    PendingExpr = Init->IgnoreParenCasts();
    PendingName = VD->getName().str();
    NodeId V = rvalue(Init);
    G.copy(V, N, VD->getLocation(),
           G.save("assigned to '" + VD->getName() + "'"));
  }
  // __attribute__((cleanup(f))) calls f(&var) when the scope ends; the
  // analysis is flow-insensitive, so the call can be modelled here.
  if (const auto *C = VD->getAttr<CleanupAttr>()) {
    const FunctionDecl *F = C->getFunctionDecl();
    std::vector<NodeId> Args{G.pointerTo(varObject(VD), "&var", Depth)};
    const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
    const Summary *S = Def ? Lookup(Def) : nullptr;
    if (S) {
      applySummary(Def, *S, Args, VD->getLocation());
    } else {
      escape(Args[0], VD->getLocation(),
             "passed to cleanup function '" +
                 (F ? F->getName() : llvm::StringRef("?")) + "'");
    }
  }
}

void FunctionBuilder::asmStmt(const AsmStmt *A) {
  SourceLocation L = A->getBeginLoc();
  for (unsigned I = 0; I != A->getNumOutputs(); ++I) {
    modifies(A->getOutputExpr(I));
    LValue LV = lvalue(A->getOutputExpr(I));
    assign(LV, G.HeapPtr, A->getOutputExpr(I), L);
    escape(addressOf(LV, A->getOutputExpr(I)), L, "used by inline assembly");
  }
  for (unsigned I = 0; I != A->getNumInputs(); ++I) {
    const Expr *In = A->getInputExpr(I);
    if (isNumber(In->getType()))
      escape(bytesOf(In, false, true), L, "used as bytes by inline assembly");
    else
      escape(rvalue(In), L, "used by inline assembly");
  }
}

void FunctionBuilder::children(const Stmt *S) {
  for (const Stmt *C : S->children())
    stmt(C);
}
