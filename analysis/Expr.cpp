//===- Expr.cpp - Lowering expressions into flow constraints -------------===//
//
// Implements rvalue() (the node holding an expression's pointer value) and
// lvalue() (the place an expression denotes).  The model is field
// insensitive: a struct or array is one location holding the union of what
// its members point to.
//
//===----------------------------------------------------------------------===//
#include "Builder.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Type.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace escape::analysis;

bool FunctionBuilder::mayHoldPointer(QualType T) {
  T = T.getCanonicalType();
  if (T->isPointerType() || T->isBlockPointerType() || T->isNullPtrType())
    return true;
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return mayHoldPointer(AT->getElementType());
  if (const auto *AT = T->getAs<AtomicType>())
    return mayHoldPointer(AT->getValueType());
  if (const auto *RT = T->getAs<RecordType>()) {
    const RecordDecl *RD = RT->getDecl()->getDefinition();
    if (!RD)
      return true;
    for (const FieldDecl *F : RD->fields())
      if (mayHoldPointer(F->getType()))
        return true;
  }
  return false;
}

NodeId FunctionBuilder::varNode(const VarDecl *VD) {
  auto It = Vars.find(VD);
  if (It != Vars.end())
    return It->second;
  NodeId N = G.addNode(G.save(VD->getName()), Depth);
  Vars[VD] = N;
  return N;
}

ObjId FunctionBuilder::varObject(const VarDecl *VD) {
  auto It = VarObjs.find(VD);
  if (It != VarObjs.end())
    return It->second;
  NodeId N = varNode(VD);
  ObjId O = G.addObject(ObjKind::Local, G.Nodes[N].Name,
                        G.Nodes[N].LoopDepth, -1, N);
  VarObjs[VD] = O;
  return O;
}

NodeId FunctionBuilder::temp(const char *Name) {
  return G.addNode(Name, Depth);
}

void FunctionBuilder::escape(NodeId N, SourceLocation Loc,
                             const llvm::Twine &Why) {
  if (N != NoNode)
    G.copy(N, G.HeapNode, Loc, G.save(Why));
}

void FunctionBuilder::modifies(const Expr *E) {
  if (const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
      Modified.insert(VD);
}

llvm::StringRef FunctionBuilder::text(const Expr *E) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef S = Lexer::getSourceText(R, SM, Ctx.getLangOpts());
  if (S.empty() || S.size() > 48 || S.contains('\n'))
    return "expression";
  return G.save(S);
}

NodeId FunctionBuilder::merge(NodeId A, NodeId B, const Expr *E) {
  if (A == NoNode)
    return B;
  if (B == NoNode)
    return A;
  NodeId T = temp("?:");
  G.copy(A, T, E->getExprLoc(), "selected by a conditional");
  G.copy(B, T, E->getExprLoc(), "selected by a conditional");
  return T;
}

NodeId FunctionBuilder::rvalue(const Expr *E) {
  if (!E)
    return NoNode;
  E = E->IgnoreParens();
  switch (E->getStmtClass()) {
  case Stmt::ImplicitCastExprClass:
  case Stmt::CStyleCastExprClass:
    return castExpr(cast<CastExpr>(E));
  case Stmt::UnaryOperatorClass:
    return unary(cast<UnaryOperator>(E));
  case Stmt::BinaryOperatorClass:
  case Stmt::CompoundAssignOperatorClass:
    return binary(cast<BinaryOperator>(E));
  case Stmt::ConditionalOperatorClass: {
    const auto *C = cast<ConditionalOperator>(E);
    rvalue(C->getCond());
    NodeId A = rvalue(C->getTrueExpr()), B = rvalue(C->getFalseExpr());
    return mayHoldPointer(E->getType()) ? merge(A, B, E) : NoNode;
  }
  case Stmt::BinaryConditionalOperatorClass: {
    const auto *C = cast<BinaryConditionalOperator>(E);
    NodeId A = rvalue(C->getCommon());
    Opaque[C->getOpaqueValue()] = A;
    NodeId B = rvalue(C->getFalseExpr());
    return mayHoldPointer(E->getType()) ? merge(A, B, E) : NoNode;
  }
  case Stmt::OpaqueValueExprClass: {
    auto It = Opaque.find(E);
    if (It != Opaque.end())
      return It->second;
    return rvalue(cast<OpaqueValueExpr>(E)->getSourceExpr());
  }
  case Stmt::CallExprClass:
    return call(cast<CallExpr>(E));
  case Stmt::StmtExprClass: {
    // GNU statement expression: its value is that of its last statement.
    const CompoundStmt *CS = cast<StmtExpr>(E)->getSubStmt();
    NodeId Last = NoNode;
    for (const Stmt *S : CS->body()) {
      if (S == CS->body_back() && isa<Expr>(S))
        Last = rvalue(cast<Expr>(S));
      else
        stmt(S);
    }
    return Last;
  }
  case Stmt::InitListExprClass:
    return initList(cast<InitListExpr>(E));
  case Stmt::CompoundLiteralExprClass:
  case Stmt::DeclRefExprClass:
  case Stmt::MemberExprClass:
  case Stmt::ArraySubscriptExprClass: {
    // Struct values and the like read as a whole.
    LValue LV = lvalue(E);
    return mayHoldPointer(E->getType()) ? read(LV, E) : NoNode;
  }
  case Stmt::GenericSelectionExprClass:
    return rvalue(cast<GenericSelectionExpr>(E)->getResultExpr());
  case Stmt::ChooseExprClass:
    return rvalue(cast<ChooseExpr>(E)->getChosenSubExpr());
  case Stmt::ConstantExprClass:
    return rvalue(cast<ConstantExpr>(E)->getSubExpr());
  case Stmt::VAArgExprClass:
    // A variadic argument: the callers' values when the va_lists stay in
    // this function (VarArgsNode), else memory of unknown origin.
    rvalue(cast<VAArgExpr>(E)->getSubExpr());
    if (!mayHoldPointer(E->getType()))
      return NoNode;
    return VarArgsNode != NoNode ? VarArgsNode : G.HeapPtr;
  case Stmt::AtomicExprClass: {
    const auto *A = cast<AtomicExpr>(E);
    for (unsigned I = 0; I != A->getNumSubExprs(); ++I)
      escape(rvalue(A->getSubExprs()[I]), E->getExprLoc(),
             "used by an atomic operation");
    return mayHoldPointer(E->getType()) ? G.HeapPtr : NoNode;
  }
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::OffsetOfExprClass:
  case Stmt::StringLiteralClass:
  case Stmt::PredefinedExprClass:
  case Stmt::IntegerLiteralClass:
  case Stmt::FloatingLiteralClass:
  case Stmt::CharacterLiteralClass:
  case Stmt::ImplicitValueInitExprClass:
    return NoNode;
  default:
    children(E);
    return mayHoldPointer(E->getType()) ? G.HeapPtr : NoNode;
  }
}

/// localNumberArray returns the local array variable of integers or
/// floats that \p E reads an element of (`b[i]`, `*b`), or null.
static const VarDecl *localNumberArray(const Expr *E) {
  E = E->IgnoreParens();
  const Expr *Base = nullptr;
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    Base = A->getBase();
  else if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
    Base = U->getSubExpr();
  if (!Base)
    return nullptr;
  const auto *DR = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
  const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage())
    return nullptr;
  const ArrayType *AT = VD->getType()->getAsArrayTypeUnsafe();
  while (AT && AT->getElementType()->isArrayType())
    AT = AT->getElementType()->getAsArrayTypeUnsafe();
  return AT && AT->getElementType()->isArithmeticType() ? VD : nullptr;
}

/// A number variable that may hold pointer bytes (memcpy into it, or a
/// store through a cast pointer) launders them when read.  Only whole
/// variables and elements of local arrays of numbers: an int field of a
/// struct is not its pointers.
void FunctionBuilder::numberRead(const Expr *Sub, const LValue &LV, SourceLocation Loc) {
  const auto *DR = dyn_cast<DeclRefExpr>(Sub->IgnoreParens());
  if (DR && LV.K == LValue::Direct && !LV.Global && DR->getType()->isArithmeticType())
    escape(LV.N, Loc,
           DR->getType()->isIntegerType() ? "read as an integer" : "read as a number");
  if (const VarDecl *A = localNumberArray(Sub))
    escape(varNode(A), Loc, "read as an integer");
}

/// Reports whether \p E reads a character from memory, ignoring
/// conversions (`*s`, `(unsigned char)p[i]`).
static bool isCharRead(const Expr *E) {
  const Expr *R = E->IgnoreParenCasts();
  return R->isGLValue() && R->getType()->isCharType() && !isa<DeclRefExpr>(R);
}

/// The local integer variable \p E names, ignoring conversions, or null.
static const VarDecl *localIntVar(const Expr *E) {
  const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() && VD->getType()->isIntegerType() ? VD : nullptr;
}

NodeId FunctionBuilder::byteVar(const VarDecl *VD) {
  auto [It, Fresh] = ByteVars.try_emplace(VD, NoNode);
  if (Fresh)
    It->second = G.addNode(G.save(VD->getName() + " (bytes)"), Depth);
  return It->second;
}

/// `int c = *s;`, `c = (unsigned char)p[i];`, `c = d;`: a character read
/// (or another such variable) stored in a local integer variable \p VD.
/// What the bytes may belong to goes to VD's byte node, for a character
/// store of VD to copy on (byteCopy).  Lowers \p Init and returns true when
/// it is such a read; false, having done nothing, otherwise.
bool FunctionBuilder::byteAssign(const VarDecl *VD, const Expr *Init, SourceLocation Loc) {
  if (!VD || !VD->hasLocalStorage() || !VD->getType()->isIntegerType())
    return false;
  const Expr *R = Init->IgnoreParenCasts();
  if (const VarDecl *W = localIntVar(R)) {
    rvalue(Init);
    if (W != VD)
      G.copy(byteVar(W), byteVar(VD), Loc, G.save("assigned to '" + VD->getName() + "'"));
    return true;
  }
  if (!R->isGLValue() || !R->getType()->isCharType())
    return false;
  LValue Src = lvalue(R);
  numberRead(R, Src, Init->getExprLoc());
  if (Src.K == LValue::Indirect && Src.N != NoNode)
    G.load(Src.N, byteVar(VD), Loc, G.save("read byte by byte into '" + VD->getName() + "'"));
  return true;
}

NodeId FunctionBuilder::castExpr(const CastExpr *E) {
  const Expr *Sub = E->getSubExpr();
  switch (E->getCastKind()) {
  case CK_LValueToRValue: {
    LValue LV = lvalue(Sub);
    if (mayHoldPointer(E->getType()))
      return read(LV, E);
    numberRead(Sub, LV, E->getExprLoc());
    return NoNode;
  }
  case CK_ArrayToPointerDecay:
    return addressOf(lvalue(Sub), Sub);
  case CK_FunctionToPointerDecay:
  case CK_BuiltinFnToFnPtr:
    return NoNode;
  case CK_PointerToIntegral: {
    NodeId N = rvalue(Sub);
    if (!pointerBitsStay(E))
      escape(N, E->getExprLoc(), "converted to an integer");
    return NoNode;
  }
  case CK_IntegralToPointer:
    rvalue(Sub);
    return G.HeapPtr;
  case CK_NullToPointer:
  case CK_ToVoid:
  case CK_PointerToBoolean:
    rvalue(Sub);
    return NoNode;
  default: {
    NodeId N = rvalue(Sub);
    return mayHoldPointer(E->getType()) ? N : NoNode;
  }
  }
}

NodeId FunctionBuilder::unary(const UnaryOperator *E) {
  switch (E->getOpcode()) {
  case UO_AddrOf:
    modifies(E->getSubExpr());
    return addressOf(lvalue(E->getSubExpr()), E->getSubExpr());
  case UO_Deref: {
    LValue LV = lvalue(E);
    return mayHoldPointer(E->getType()) ? read(LV, E) : NoNode;
  }
  case UO_PreInc:
  case UO_PreDec:
  case UO_PostInc:
  case UO_PostDec: {
    modifies(E->getSubExpr());
    LValue LV = lvalue(E->getSubExpr());
    return mayHoldPointer(E->getType()) ? read(LV, E) : NoNode;
  }
  case UO_Extension:
    return rvalue(E->getSubExpr());
  default:
    rvalue(E->getSubExpr());
    return NoNode;
  }
}

/// Reports whether \p E is an integer constant below 2^16.
static bool smallConstant(const ASTContext &Ctx, const Expr *E) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return false;
  const llvm::APSInt &V = R.Val.getInt();
  return !V.isNegative() && V.getActiveBits() <= 16;
}

/// Follows the integer value of \p E up through conversions and integer
/// arithmetic.  True when it ends where no pointer can be rebuilt from it:
/// in a comparison, in a mask or remainder by a constant below 2^16 (an
/// alignment check: `(uintptr_t)p & 63`), or, with \p VD, back in VD
/// itself (`h ^= h >> 17; h *= K;`).  False anywhere else; when that is the
/// initializer of a variable, *Init is set to it.
static bool endsHarmless(ASTContext &Ctx, const Expr *E, const VarDecl *VD,
                         const VarDecl **Init) {
  for (;;) {
    auto Parents = Ctx.getParents(*E);
    if (Parents.size() != 1)
      return false;
    if (const auto *C = Parents[0].get<CastExpr>()) {
      if (C->getCastKind() != CK_LValueToRValue && C->getCastKind() != CK_IntegralCast &&
          C->getCastKind() != CK_NoOp)
        return false;
      E = C;
      continue;
    }
    if (const auto *P = Parents[0].get<ParenExpr>()) {
      E = P;
      continue;
    }
    if (const auto *U = Parents[0].get<UnaryOperator>()) {
      if (U->getOpcode() != UO_Not && U->getOpcode() != UO_Minus)
        return false;
      E = U;
      continue;
    }
    if (const auto *D = Parents[0].get<VarDecl>()) {
      if (Init && D->getInit() == E)
        *Init = D;
      return false;
    }
    const auto *B = Parents[0].get<BinaryOperator>();
    if (!B)
      return false;
    if (B->isComparisonOp())
      return true;
    if (B->isAssignmentOp()) {
      const auto *L = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
      return VD && L && L->getDecl() == VD;
    }
    const Expr *Other = B->getLHS() == E ? B->getRHS() : B->getLHS();
    switch (B->getOpcode()) {
    case BO_And:
    case BO_Rem:
      if (smallConstant(Ctx, Other))
        return true;
      [[fallthrough]];
    case BO_Add:
    case BO_Sub:
    case BO_Mul:
    case BO_Div:
    case BO_Xor:
    case BO_Or:
    case BO_Shl:
    case BO_Shr:
      E = B;
      continue;
    default:
      return false;
    }
  }
}

namespace {
/// Collects the references to one variable in a body.
struct VarUses : RecursiveASTVisitor<VarUses> {
  const VarDecl *VD;
  std::vector<const DeclRefExpr *> Uses;
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == VD)
      Uses.push_back(E);
    return true;
  }
};
} // namespace

/// Reports whether the pointer converted to an integer by \p E lets
/// nothing escape: its value ends harmlessly (endsHarmless), directly or
/// through a local integer variable it initializes whose every use does
/// (`uintptr_t x = (uintptr_t)a, y = (uintptr_t)b; return x < y;`, or a
/// hash mixed in place and masked to a slot).
bool FunctionBuilder::pointerBitsStay(const CastExpr *E) {
  const VarDecl *VD = nullptr;
  if (endsHarmless(Ctx, E, nullptr, &VD))
    return true;
  if (!VD || !VD->hasLocalStorage() || !VD->getType()->isIntegerType() ||
      VD->getType().isVolatileQualified() || !FD->getBody())
    return false;
  VarUses U;
  U.VD = VD;
  U.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  for (const DeclRefExpr *R : U.Uses)
    if (!endsHarmless(Ctx, R, VD, nullptr))
      return false;
  return true;
}

NodeId FunctionBuilder::binary(const BinaryOperator *E) {
  const Expr *L = E->getLHS(), *R = E->getRHS();
  if (E->isAssignmentOp())
    modifies(L);
  switch (E->getOpcode()) {
  case BO_Assign: {
    if (const VarDecl *V = localIntVar(L); V && L->IgnoreParens() == L->IgnoreParenCasts() &&
        byteAssign(V, R, E->getOperatorLoc())) {
      lvalue(L);
      return NoNode;
    }
    // A character store, or a character read stored in integer memory
    // (`int tmp[8]; tmp[i] = s[i];`): bytes copied one at a time.
    if (L->getType()->isCharType() ||
        (L->getType()->isIntegerType() && isCharRead(R)))
      return byteCopy(E);
    LValue LV = lvalue(L);
    PendingExpr = R->IgnoreParenCasts();
    PendingName = text(L).str();
    NodeId V = rvalue(R);
    assign(LV, V, L, E->getOperatorLoc());
    return V;
  }
  case BO_Comma:
    rvalue(L);
    return rvalue(R);
  case BO_AddAssign:
  case BO_SubAssign: {
    LValue LV = lvalue(L);
    rvalue(R);
    return mayHoldPointer(E->getType()) ? read(LV, E) : NoNode;
  }
  case BO_Add:
  case BO_Sub: {
    NodeId A = rvalue(L), B = rvalue(R);
    if (!E->getType()->isPointerType())
      return NoNode;
    return L->getType()->isPointerType() ? A : B;
  }
  default:
    if (E->isCompoundAssignmentOp()) {
      lvalue(L);
      rvalue(R);
      return NoNode;
    }
    rvalue(L);
    rvalue(R);
    return NoNode;
  }
}

/// `*d = *s` on characters may copy a pointer's bytes one by one (a
/// hand-written memcpy): model it as copying whatever *s may hold.
NodeId FunctionBuilder::byteCopy(const BinaryOperator *E) {
  LValue Dst = lvalue(E->getLHS());
  const Expr *R = E->getRHS()->IgnoreParenImpCasts();
  // `*d = (unsigned char)*s`: a conversion of a character read.
  if (const Expr *C = E->getRHS()->IgnoreParenCasts();
      C->isGLValue() && C->getType()->isCharType())
    R = C;
  if (const VarDecl *V = localIntVar(R)) {
    // Through a temporary: `int c = *s; *d = (char)c;`.
    rvalue(E->getRHS());
    if (Dst.K != LValue::None)
      assign(Dst, byteVar(V), E->getLHS(), E->getOperatorLoc());
    return NoNode;
  }
  if (!R->isGLValue()) {
    rvalue(E->getRHS());
    return NoNode;
  }
  LValue Src = lvalue(R);
  if (Src.K != LValue::Indirect || Src.N == NoNode || Dst.K == LValue::None)
    return NoNode;
  NodeId T = temp("byte");
  G.load(Src.N, T, E->getExprLoc(), "copied byte by byte");
  assign(Dst, T, E->getLHS(), E->getOperatorLoc());
  return NoNode;
}

NodeId FunctionBuilder::initList(const InitListExpr *E) {
  if (const InitListExpr *Syn = E->getSyntacticForm())
    E = Syn->isSemanticForm() ? Syn : E;
  NodeId T = NoNode;
  for (const Expr *Init : E->inits()) {
    NodeId V = rvalue(Init);
    if (V == NoNode)
      continue;
    if (T == NoNode)
      T = temp("{...}");
    G.copy(V, T, Init->getExprLoc(), "stored in an initializer");
  }
  bool Union = E->getType()->isUnionType();
  if (Union && T != NoNode)
    escape(T, E->getExprLoc(), "stored in a union");
  return T;
}

LValue FunctionBuilder::lvalue(const Expr *E) {
  LValue LV;
  if (!E)
    return LV;
  E = E->IgnoreParens();
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    if (!VD)
      return LV;
    LV.K = LValue::Direct;
    if (VD->hasLocalStorage()) {
      LV.N = varNode(VD);
      LV.Union = VD->getType()->isUnionType();
    } else {
      LV.N = G.HeapNode;
      LV.Global = true;
    }
    return LV;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_Deref) {
      LV.K = LValue::Indirect;
      LV.N = rvalue(U->getSubExpr());
      return LV;
    }
  }
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
    LV.K = LValue::Indirect;
    LV.N = rvalue(A->getBase());
    rvalue(A->getIdx());
    return LV;
  }
  if (const auto *M = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = M->getBase();
    if (M->isArrow()) {
      LV.K = LValue::Indirect;
      LV.N = rvalue(Base);
    } else {
      LV = lvalue(Base);
    }
    if (const auto *RD = dyn_cast<RecordDecl>(M->getMemberDecl()->getDeclContext()))
      LV.Union |= RD->isUnion();
    return LV;
  }
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E)) {
    LV.K = LValue::Direct;
    LV.N = temp("(compound literal)");
    NodeId V = rvalue(CL->getInitializer());
    G.copy(V, LV.N, CL->getExprLoc(), "stored in a compound literal");
    return LV;
  }
  if (const auto *O = dyn_cast<OpaqueValueExpr>(E)) {
    if (O->getSourceExpr())
      return lvalue(O->getSourceExpr());
    return LV;
  }
  if (isa<StringLiteral>(E) || isa<PredefinedExpr>(E))
    return LV;
  if (const auto *C = dyn_cast<CastExpr>(E)) {
    if (C->getCastKind() == CK_NoOp || C->getCastKind() == CK_LValueBitCast)
      return lvalue(C->getSubExpr());
  }
  // A struct-valued rvalue (a call, a statement expression, ...).
  NodeId V = rvalue(E);
  LV.K = LValue::Direct;
  LV.N = V != NoNode ? V : temp("(value)");
  return LV;
}

NodeId FunctionBuilder::addressOf(const LValue &LV, const Expr *E) {
  switch (LV.K) {
  case LValue::None:
    return NoNode;
  case LValue::Indirect:
    return LV.N;
  case LValue::Direct:
    break;
  }
  if (LV.Global || LV.N == G.HeapNode)
    return G.HeapPtr;
  // Find the variable object owning this node, or make one.
  const Expr *Base = E->IgnoreParenImpCasts();
  while (const auto *M = dyn_cast<MemberExpr>(Base)) {
    if (M->isArrow())
      break;
    Base = M->getBase()->IgnoreParenImpCasts();
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(Base))
    if (const auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
      return G.pointerTo(varObject(VD), "&var", Depth);
  ObjId O = G.addObject(ObjKind::Local, "(temporary)", Depth, -1, LV.N);
  return G.pointerTo(O, "&temporary", Depth);
}

NodeId FunctionBuilder::read(const LValue &LV, const Expr *E) {
  switch (LV.K) {
  case LValue::None:
    return NoNode;
  case LValue::Direct:
    return LV.N;
  case LValue::Indirect:
    break;
  }
  if (LV.N == NoNode)
    return G.HeapPtr;
  NodeId T = temp("load");
  G.load(LV.N, T, E->getExprLoc(), G.save("loaded from '" + text(E) + "'"));
  return T;
}

void FunctionBuilder::assign(const LValue &LV, NodeId V, const Expr *Target,
                             SourceLocation Loc) {
  if (V == NoNode)
    return;
  if (LV.Union)
    escape(V, Loc, "stored in a union");
  switch (LV.K) {
  case LValue::None:
    escape(V, Loc, "stored to unknown memory");
    return;
  case LValue::Direct:
    if (LV.Global)
      G.copy(V, LV.N, Loc, G.save("assigned to global '" + text(Target) + "'"));
    else
      G.copy(V, LV.N, Loc, G.save("assigned to '" + text(Target) + "'"));
    return;
  case LValue::Indirect:
    if (LV.N == NoNode)
      escape(V, Loc, "stored to unknown memory");
    else
      G.store(V, LV.N, Loc, G.save("stored into '" + text(Target) + "'"));
    return;
  }
}
