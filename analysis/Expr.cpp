//===- Expr.cpp - Lowering expressions into flow constraints -------------===//
//
// Implements rvalue() (the node holding an expression's pointer value) and
// lvalue() (the place an expression denotes).  The model is field
// insensitive: a struct or array is one location holding the union of what
// its members point to.
//
//===----------------------------------------------------------------------===//
#include "Builder.h"
#include "LibcTable.h"

#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Type.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace escape::analysis;

bool FunctionBuilder::isNumber(QualType T) {
  if (const auto *AT = T->getAs<AtomicType>())
    T = AT->getValueType();
  // A vector (`__m128i`) is a number too: SIMD code copies memory with it;
  // so is a complex number (`memcpy(&c, &p, 8)`).
  return T->isIntegerType() || T->isRealFloatingType() || T->isVectorType() ||
         T->isAnyComplexType();
}

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
  if (S.empty())
    return "expression";
  // Spread over lines or long: one line, its middle elided.
  std::string T;
  for (char C : S) {
    bool Space = C == ' ' || C == '\t' || C == '\n' || C == '\r';
    if (!Space)
      T += C;
    else if (!T.empty() && T.back() != ' ')
      T += ' ';
  }
  if (T.size() > 64)
    T = T.substr(0, 30) + "..." + T.substr(T.size() - 30);
  return G.save(T);
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
  case Stmt::BuiltinBitCastExprClass:
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
  case Stmt::BlockExprClass: {
    // A block (-fblocks) may be copied to the heap and run after this
    // function returned; its body is a function of its own, not lowered
    // here.  What it captures escapes, and a variable it captures by
    // reference (__block) with it.
    for (const BlockDecl::Capture &C : cast<BlockExpr>(E)->getBlockDecl()->captures()) {
      const VarDecl *V = C.getVariable();
      if (!V->hasLocalStorage())
        continue;
      escape(varNode(V), E->getExprLoc(), "captured by a block");
      if (isNumber(V->getType())) // a number may hold a pointer's bytes
        escape(byteVar(V), E->getExprLoc(), "captured by a block");
      if (C.isByRef()) {
        Modified.insert(V);
        escape(G.pointerTo(varObject(V), "&var", Depth), E->getExprLoc(),
               "captured by a block");
      }
    }
    return G.HeapPtr;
  }
  case Stmt::StmtExprClass: {
    // GNU statement expression: its value is that of its last statement.
    const Expr *Last = stmtExprBody(cast<StmtExpr>(E));
    return Last ? rvalue(Last) : NoNode;
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
    // this function (VarArgsNode), else memory of unknown origin.  A
    // variably modified type evaluates its sizes (`va_arg(ap, char (*)[n = 300])`).
    if (const TypeSourceInfo *TI = cast<VAArgExpr>(E)->getWrittenTypeInfo())
      vlaSizes(TI->getType());
    rvalue(cast<VAArgExpr>(E)->getSubExpr());
    if (!mayHoldPointer(E->getType()))
      return NoNode;
    return VarArgsNode != NoNode ? VarArgsNode : G.HeapPtr;
  case Stmt::AtomicExprClass: {
    const auto *A = cast<AtomicExpr>(E);
    for (unsigned I = 0; I != A->getNumSubExprs(); ++I) {
      const Expr *Sub = A->getSubExprs()[I];
      escape(isNumber(Sub->getType()) ? bytesOf(Sub, true, true) : rvalue(Sub),
             E->getExprLoc(), "used by an atomic operation");
    }
    return mayHoldPointer(E->getType()) ? G.HeapPtr : NoNode;
  }
  case Stmt::UnaryExprOrTypeTraitExprClass: {
    // sizeof of a variable-length array type evaluates its sizes, and of
    // such an expression the expression (`sizeof(char[(g = p, n)])`).
    const auto *U = cast<UnaryExprOrTypeTraitExpr>(E);
    if (U->getTypeOfArgument()->isVariablyModifiedType()) {
      if (U->isArgumentType())
        vlaSizes(U->getArgumentType());
      else
        rvalue(U->getArgumentExpr());
    }
    return NoNode;
  }
  case Stmt::OffsetOfExprClass: {
    // A run-time array index is evaluated (a GNU extension).
    const auto *O = cast<OffsetOfExpr>(E);
    for (unsigned I = 0; I != O->getNumExpressions(); ++I)
      rvalue(O->getIndexExpr(I));
    return NoNode;
  }
  case Stmt::DesignatedInitUpdateExprClass: {
    // `{.in = base, .in.a[1] = p}`: the base, then the members it sets.
    const auto *U = cast<DesignatedInitUpdateExpr>(E);
    NodeId A = rvalue(U->getBase()), B = rvalue(U->getUpdater());
    return mayHoldPointer(E->getType()) ? merge(A, B, E) : NoNode;
  }
  case Stmt::NoInitExprClass:
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

/// Builds every statement of statement expression \p SE but the last, and
/// returns that one when it is an expression (the value), else null after
/// building it too.
const Expr *FunctionBuilder::stmtExprBody(const StmtExpr *SE) {
  const CompoundStmt *CS = SE->getSubStmt();
  for (const Stmt *S : CS->body()) {
    if (S == CS->body_back() && isa<Expr>(S))
      return cast<Expr>(S);
    stmt(S);
  }
  return nullptr;
}

/// The local array variable \p E names, and the type of its innermost
/// elements in \p Elem; null when \p E names none.
static const VarDecl *localArray(const Expr *E, QualType &Elem) {
  const auto *DR = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage())
    return nullptr;
  const ArrayType *AT = VD->getType()->getAsArrayTypeUnsafe();
  while (AT && AT->getElementType()->isArrayType())
    AT = AT->getElementType()->getAsArrayTypeUnsafe();
  if (!AT)
    return nullptr;
  Elem = AT->getElementType();
  return VD;
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
  QualType Elem;
  const VarDecl *VD = Base ? localArray(Base->IgnoreParenImpCasts(), Elem) : nullptr;
  return VD && Elem->isArithmeticType() ? VD : nullptr;
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

/// The local number variable (an integer, a float, either _Atomic) \p E
/// names, ignoring conversions, or null.
static const VarDecl *localNumberVar(const Expr *E) {
  const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() && FunctionBuilder::isNumber(VD->getType()) ? VD : nullptr;
}

/// Reports whether \p R names a local variable, or a member of one, whose
/// type holds no pointer (`struct ch t; t.cur`): its node holds only bytes
/// stored in it.  A member of a struct that also holds pointers is not
/// taken for bytes: the analysis does not tell its fields apart, and
/// `out_num(&o, body.n)` would pass what `body.buf` points to.
static bool numbersOnlyLocal(const Expr *R) {
  R = R->IgnoreParens();
  while (const auto *M = dyn_cast<MemberExpr>(R)) {
    if (M->isArrow())
      return false;
    R = M->getBase()->IgnoreParens();
  }
  const auto *DR = dyn_cast<DeclRefExpr>(R);
  const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() && !FunctionBuilder::mayHoldPointer(VD->getType());
}

/// Reports whether \p R is integer arithmetic whose result may hold bytes
/// of its operands (not a comparison or a logical operator, whose result is
/// 0 or 1).
static bool isByteArithmetic(const Expr *R) {
  if (!FunctionBuilder::isNumber(R->getType()))
    return false;
  if (const auto *B = dyn_cast<BinaryOperator>(R))
    return B->isAdditiveOp() || B->isMultiplicativeOp() || B->isShiftOp() ||
           B->isBitwiseOp();
  if (const auto *U = dyn_cast<UnaryOperator>(R))
    return U->getOpcode() == UO_Not || U->getOpcode() == UO_Minus ||
           U->getOpcode() == UO_Plus;
  return false;
}

/// Reports whether bytesOf follows the bytes of \p R into a number
/// variable, integer memory, a call or a return: a struct of numbers, a
/// local number variable, a conditional, arithmetic, a call, a table
/// indexed by such a value, or a read readCarriesBytes takes.
bool FunctionBuilder::carriesBytes(const Expr *R) const {
  // A struct of numbers, passed or stored whole (`struct ch x = {s[i]};`).
  if (R->getType()->isRecordType())
    return R->isGLValue() && !FunctionBuilder::mayHoldPointer(R->getType());
  if (localNumberVar(R) || isa<ConditionalOperator>(R) || isa<ShuffleVectorExpr>(R) ||
      isa<ConvertVectorExpr>(R) || isa<ExtVectorElementExpr>(R))
    return true;
  if (isByteArithmetic(R))
    return true;
  if (const auto *Bin = dyn_cast<BinaryOperator>(R->IgnoreParens()); Bin && Bin->getOpcode() == BO_Comma)
    return carriesBytes(Bin->getRHS()->IgnoreParenCasts());
  if (isa<StmtExpr>(R->IgnoreParens()))
    return isNumber(R->getType());
  if (const auto *IL = dyn_cast<InitListExpr>(R->IgnoreParens()); IL && isNumber(IL->getType()))
    return true;
  if (const auto *U = dyn_cast<UnaryOperator>(R->IgnoreParens());
      U && (U->getOpcode() == UO_Real || U->getOpcode() == UO_Imag))
    return carriesBytes(U->getSubExpr()->IgnoreParenCasts());
  if (isa<CallExpr>(R))
    return FunctionBuilder::isNumber(R->getType());
  // An element of a vector, or of a table indexed by a byte.
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(R->IgnoreParens());
      AS && (AS->getBase()->IgnoreParenImpCasts()->getType()->isVectorType() ||
             carriesBytes(AS->getIdx()->IgnoreParenCasts())))
    return true;
  return readCarriesBytes(R);
}

/// Reports whether the place \p E names lies in a union: a member of one,
/// or an element or member of such a member (`u.x.w[1]`).
static bool throughUnion(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      QualType B = M->getBase()->getType();
      if (M->isArrow())
        B = B->getPointeeType();
      if (B->isUnionType())
        return true;
      E = M->getBase();
    } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!A->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return false;
      E = A->getBase();
    } else {
      return false;
    }
  }
}

/// Reports whether \p T, or a typedef it is named by, or its struct, is
/// declared __attribute__((may_alias)): its lvalues may read any memory.
static bool mayAlias(QualType T) {
  while (const auto *TT = T->getAs<TypedefType>()) {
    if (TT->getDecl()->hasAttr<MayAliasAttr>())
      return true;
    T = TT->getDecl()->getUnderlyingType();
  }
  const auto *RT = T->getAs<RecordType>();
  return RT && RT->getDecl()->hasAttr<MayAliasAttr>();
}

/// Reports whether \p R reads memory through a pointer, in a way that may
/// read a pointer's bytes as a number: `*(long *)&p`, `((T *)p)[i]` and
/// `((struct wrap *)p)->v` (a cast at the read, as the SIMD loads of
/// <emmintrin.h> make), or a read through a may_alias type (`word *s;
/// *d++ = *s++;`).  Under -fno-strict-aliasing, and at -O0, where clang
/// does as written, any read through a pointer counts (`d[0] = s[0]` in a
/// helper given `(unsigned *)&p`).  A member read must be of a struct that
/// holds no pointer, and `q->vals[i]` is left out: the analysis does not
/// tell fields apart, and `n = q->len; p->len = n;` would link what p and
/// q point to.
bool FunctionBuilder::wordRead(const Expr *R) const {
  R = R->IgnoreParens();
  // Another member of a union may be read as this one (defined in C), and
  // a vector is how SIMD code moves memory, as char is.
  if (throughUnion(R) || (R->getType()->isVectorType() && R->isGLValue()))
    return true;
  const Expr *Base = nullptr;
  if (const auto *M = dyn_cast<MemberExpr>(R)) {
    if (!M->isArrow() || mayHoldPointer(M->getBase()->getType()->getPointeeType()))
      return false;
    Base = M->getBase();
  } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(R)) {
    Base = A->getBase();
  } else if (const auto *U = dyn_cast<UnaryOperator>(R); U && U->getOpcode() == UO_Deref) {
    Base = U->getSubExpr();
  } else {
    return false;
  }
  if (const auto *M = dyn_cast<MemberExpr>(Base->IgnoreParenCasts());
      M && M->getType()->isArrayType())
    return false;
  if (LooseAliasing || mayAlias(R->getType()))
    return true;
  if (const auto *M = dyn_cast<MemberExpr>(R); M && mayAlias(M->getBase()->getType()->getPointeeType()))
    return true;
  return isa<ExplicitCastExpr>(Base->IgnoreParens());
}

/// carriesBytes for a read of memory \p R: a character, a number stored
/// in the function's own storage (a local variable, an element of a local
/// array of numbers, a member of a local struct or union of numbers), or a
/// number read through a pointer (wordRead).  A number field read through
/// a pointer (`q->len`) is not taken for pointer bytes: the analysis does
/// not tell fields apart, and `n = q->len; p->len = n;` would link what p
/// and q point to.  (A character store of it still copies it, byteCopy.)
bool FunctionBuilder::readCarriesBytes(const Expr *R) const {
  if (!R->isGLValue() || !FunctionBuilder::isNumber(R->getType()))
    return false;
  if (const auto *DR = dyn_cast<DeclRefExpr>(R->IgnoreParens())) {
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    return VD && VD->hasLocalStorage();
  }
  if (R->getType()->isCharType() || localNumberArray(R) || wordRead(R))
    return true;
  return numbersOnlyLocal(R);
}

NodeId FunctionBuilder::byteVar(const VarDecl *VD) {
  auto [It, Fresh] = ByteVars.try_emplace(VD, NoNode);
  if (Fresh)
    It->second = G.addNode(G.save(VD->getName() + " (bytes)"), Depth);
  return It->second;
}

/// Lowers the number expression \p E once and returns the node of the
/// objects whose address bytes its value may hold, or NoNode: a read of
/// memory (`*s`, `p[i]`, `t.field`, a union member), a local variable's
/// bytes (byteVar), both arms of a conditional, the operands of arithmetic,
/// a table's index, or the result of a call (LastResultBytes, set by
/// byteEffects).  \p Strict follows only what carriesBytes takes (into
/// variables, calls and returns; a character store takes any read).
/// \p Launder applies numberRead's rule to a read (not for a byte stored
/// at once).
NodeId FunctionBuilder::bytesOf(const Expr *E, bool Launder, bool Strict) {
  const Expr *R = E->IgnoreParenCasts();
  // A pointer, float or struct under a conversion: only implicit ones are
  // looked through (a pointer converted to an integer is castExpr's).
  if (!isNumber(R->getType()))
    R = E->IgnoreParenImpCasts();
  if (Strict && !carriesBytes(R)) {
    rvalue(E);
    return NoNode;
  }
  if (const VarDecl *V = localNumberVar(R)) {
    rvalue(E);
    return byteVar(V);
  }
  if (const auto *C = dyn_cast<ConditionalOperator>(R)) {
    rvalue(C->getCond());
    NodeId A = bytesOf(C->getTrueExpr(), Launder, Strict);
    return merge(A, bytesOf(C->getFalseExpr(), Launder, Strict), C);
  }
  if (const auto *Bin = dyn_cast<BinaryOperator>(R); Bin && Bin->getOpcode() == BO_Comma) {
    rvalue(Bin->getLHS());
    return bytesOf(Bin->getRHS(), Launder, Strict);
  }
  // A statement expression's value is its last statement's.
  if (const auto *SE = dyn_cast<StmtExpr>(R)) {
    const Expr *Last = stmtExprBody(SE);
    return Last ? bytesOf(Last, Launder, Strict) : NoNode;
  }
  // A compound literal of numbers (`(struct S){a}`) holds what it was given.
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(R); CL && !mayHoldPointer(CL->getType()))
    return lvalue(CL).N;
  // A vector or complex number built from numbers (`v2 v = {0, a}`).
  if (const auto *IL = dyn_cast<InitListExpr>(R); IL && isNumber(IL->getType())) {
    NodeId A = NoNode;
    for (const Expr *Init : IL->inits())
      A = merge(A, isNumber(Init->getType()) ? bytesOf(Init, Launder, Strict) : rvalue(Init), IL);
    return A;
  }
  // A difference of pointers: binary() decides (`p - (char *)0` escapes).
  if (const auto *Bin = dyn_cast<BinaryOperator>(R);
      Bin && Bin->getOpcode() == BO_Sub && Bin->getLHS()->getType()->isPointerType()) {
    rvalue(E);
    return NoNode;
  }
  if (isByteArithmetic(R)) {
    if (const auto *U = dyn_cast<UnaryOperator>(R))
      return bytesOf(U->getSubExpr(), Launder, Strict);
    const auto *Bin = cast<BinaryOperator>(R);
    NodeId A = bytesOf(Bin->getLHS(), Launder, Strict);
    return merge(A, bytesOf(Bin->getRHS(), Launder, Strict), Bin);
  }
  if (isa<CallExpr>(R) && isNumber(R->getType())) {
    LastResultBytes = NoNode;
    rvalue(E);
    return LastResultBytes;
  }
  // An element of a vector (`v[1]`, `_mm_cvtsi128_si64`'s `__a[0]`) holds
  // the vector's bytes.
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(R);
      AS && AS->getBase()->IgnoreParenImpCasts()->getType()->isVectorType()) {
    rvalue(AS->getIdx());
    return bytesOf(AS->getBase(), Launder, Strict);
  }
  if (const auto *EV = dyn_cast<ExtVectorElementExpr>(R))
    return bytesOf(EV->getBase(), Launder, Strict);
  // A part of a complex number holds its bytes.
  if (const auto *U = dyn_cast<UnaryOperator>(R);
      U && (U->getOpcode() == UO_Real || U->getOpcode() == UO_Imag))
    return bytesOf(U->getSubExpr(), Launder, Strict);
  // SIMD lanes moved between vectors (`_mm_unpacklo_epi64`).
  if (const auto *SV = dyn_cast<ShuffleVectorExpr>(R)) {
    NodeId A = bytesOf(SV->getExpr(0), Launder, Strict);
    if (SV->getNumSubExprs() > 1)
      A = merge(A, bytesOf(SV->getExpr(1), Launder, Strict), SV);
    return A;
  }
  if (const auto *CV = dyn_cast<ConvertVectorExpr>(R))
    return bytesOf(CV->getSrcExpr(), Launder, Strict);
  // A table indexed by a byte (`d[i] = id[s[i]]`): the value read may
  // be the index itself.
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(R);
      AS && carriesBytes(AS->getIdx()->IgnoreParenCasts())) {
    LValue Src;
    Src.K = LValue::Indirect;
    Src.N = rvalue(AS->getBase());
    NodeId I = bytesOf(AS->getIdx(), Launder, Strict);
    if (Launder)
      numberRead(R, Src, E->getExprLoc());
    NodeId T = temp("byte");
    if (Src.N != NoNode && (!Strict || readCarriesBytes(R)))
      G.load(Src.N, T, E->getExprLoc(), "copied byte by byte");
    if (I != NoNode)
      G.copy(I, T, E->getExprLoc(), "looked up by a byte");
    return T;
  }
  if (R->isGLValue() &&
      (!R->getType()->isRecordType() || !mayHoldPointer(R->getType()))) {
    LValue Src = lvalue(R);
    if (Launder)
      numberRead(R, Src, E->getExprLoc());
    if (Src.K == LValue::Indirect && Src.N != NoNode) {
      NodeId T = temp("byte");
      G.load(Src.N, T, E->getExprLoc(), "copied byte by byte");
      return T;
    }
    if (Src.K == LValue::Direct && !Src.Global && (numbersOnlyLocal(R) || throughUnion(R)))
      return Src.N;
    return NoNode;
  }
  rvalue(E);
  return NoNode;
}

/// `int c = *s;`, `c = (unsigned char)p[i];`, `c = d;`, `c = f(s);`: a
/// value that may hold bytes (bytesOf) stored in a local integer variable
/// \p VD goes to VD's byte node, for a store of VD to copy on (byteCopy).
/// Lowers \p Init and returns true when it is such a value; false, having
/// done nothing, otherwise.
bool FunctionBuilder::byteAssign(const VarDecl *VD, const Expr *Init, SourceLocation Loc) {
  if (!VD || !VD->hasLocalStorage() || !isNumber(VD->getType()))
    return false;
  if (!carriesBytes(Init->IgnoreParenCasts()))
    return false;
  G.copy(bytesOf(Init, true, true), byteVar(VD), Loc,
         G.save("stored byte by byte in '" + VD->getName() + "'"));
  return true;
}

/// The local array of numbers other than characters that \p E names, or
/// null.  Its elements' bytes are followed in its node, so its address
/// taken (`q = arr`, `&arr[0]`, `&arr`) lets them escape: a read through a
/// pointer to numbers is not followed for bytes.
static const VarDecl *wordArray(const Expr *E) {
  QualType Elem;
  const VarDecl *VD = localArray(E->IgnoreParens(), Elem);
  return VD && FunctionBuilder::isNumber(Elem) && !Elem->isCharType() ? VD : nullptr;
}

void FunctionBuilder::vlaSizes(QualType T) {
  llvm::SmallVector<const Expr *, 2> Sizes;
  typeSizeExprs(T, Sizes);
  for (const Expr *E : Sizes)
    rvalue(E);
}

NodeId FunctionBuilder::castExpr(const CastExpr *E) {
  // A cast to a variably modified type evaluates its sizes
  // (`(char (*)[(o->s = p, n)])0`).
  if (const auto *X = dyn_cast<ExplicitCastExpr>(E))
    vlaSizes(X->getTypeAsWritten());
  const Expr *Sub = E->getSubExpr();
  switch (E->getCastKind()) {
  case CK_LValueToRValue: {
    LValue LV = lvalue(Sub);
    if (mayHoldPointer(E->getType()))
      return read(LV, E);
    numberRead(Sub, LV, E->getExprLoc());
    return NoNode;
  }
  case CK_ArrayToPointerDecay: {
    // An array of numbers holding a pointer's bytes is followed in its own
    // node; through a pointer to it (`q = arr; g = q[1];`, `fwrite(arr,
    // ...)`) the bytes go where the analysis does not look.  Indexing it
    // directly is followed.  (Character arrays: a read through a pointer
    // carries bytes.)
    if (const VarDecl *VD = wordArray(Sub)) {
      const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(parentOf(E).S);
      if (!(AS && AS->getBase() == E))
        numbersAddressTaken(varNode(VD), E->getExprLoc());
    }
    // So for a compound literal of numbers (`*(unsigned long[]){a}`).
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(Sub->IgnoreParens());
        CL && !mayHoldPointer(CL->getType())) {
      LValue LV = lvalue(Sub);
      if (LV.N != NoNode)
        numbersAddressTaken(LV.N, E->getExprLoc());
      return addressOf(LV, Sub);
    }
    return addressOf(lvalue(Sub), Sub);
  }
  case CK_FunctionToPointerDecay:
  case CK_BuiltinFnToFnPtr:
    return NoNode;
  case CK_PointerToIntegral: {
    NodeId N = rvalue(Sub);
    if (!pointerBitsStay(E))
      escape(N, E->getExprLoc(), "converted to an integer");
    return NoNode;
  }
  case CK_IntegralToPointer: {
    // A pointer rounded as a number, `(T *)(((uintptr_t)p + 63) & ~63)`:
    // only p's own bits and constants, so it points where p does, and p's
    // bits go nowhere else.
    llvm::SmallVector<const Expr *, 2> Own;
    if (ownBitsOnly(Sub, Own)) {
      NodeId T = temp("(pointer rounded as a number)");
      for (const Expr *P : Own)
        if (NodeId N = rvalue(P); N != NoNode)
          G.copy(N, T, E->getExprLoc(), "converted to an integer and back");
      return T;
    }
    // A pointer rebuilt from bytes read out of memory (`(char *)x` after
    // `x |= (uint64_t)p[i] << 8 * i`) may point to what they belong to.
    NodeId B = bytesOf(Sub, true, true);
    if (B == NoNode)
      return G.HeapPtr;
    NodeId T = temp("(pointer from bytes)");
    G.copy(G.HeapPtr, T, E->getExprLoc(), "");
    G.copy(B, T, E->getExprLoc(), "converted from an integer");
    return T;
  }
  case CK_NullToPointer:
  case CK_ToVoid:
  case CK_PointerToBoolean:
    rvalue(Sub);
    return NoNode;
  case CK_LValueToRValueBitCast: {
    // `__builtin_bit_cast(unsigned long, p)`: the pointer's bytes as a
    // number, as a conversion to an integer gives them.
    NodeId N = rvalue(Sub);
    if (mayHoldPointer(E->getType()))
      return N;
    if (mayHoldPointer(Sub->getType()))
      escape(N, E->getExprLoc(), "converted to an integer");
    return NoNode;
  }
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
    // A number variable's bytes are followed in its own node, not in
    // memory a pointer reads: through its address (`long *pa = &a; g =
    // *pa;`, `write(fd, &a, 8)`) they go where the analysis does not look.
    if (const VarDecl *V = localNumberVar(E->getSubExpr()))
      escape(byteVar(V), E->getExprLoc(), "address of a number holding its bytes taken");
    // Local memory declared as numbers: a variable, a struct of numbers or
    // a member of one (`&u`, `&t`, `&t.u`), a compound literal of numbers.
    if (const Expr *Sub = E->getSubExpr()->IgnoreParens();
        localNumberVar(Sub) || (isa<CompoundLiteralExpr>(Sub) && !mayHoldPointer(Sub->getType())) ||
        (numbersOnlyLocal(Sub) && !Sub->getType()->getBaseElementTypeUnsafe()->isAnyCharacterType())) {
      LValue LV = lvalue(Sub);
      if (LV.K == LValue::Direct && LV.N != NoNode)
        numbersAddressTaken(LV.N, E->getExprLoc());
      return addressOf(LV, Sub);
    }
    // An element's or the whole array's address (`&arr[0]`, `&arr`).
    {
      const Expr *Base = E->getSubExpr()->IgnoreParens();
      while (const auto *AS = dyn_cast<ArraySubscriptExpr>(Base))
        Base = AS->getBase()->IgnoreParenImpCasts();
      if (const VarDecl *A = wordArray(Base))
        numbersAddressTaken(varNode(A), E->getExprLoc());
    }
    // An element's address by an index holding a pointer's bytes
    // (`&((char *)0)[a]`, `&base[a - (long)base]`) may be that pointer.
    // Not an element read or written (`types[hash] = x`): a hash of a
    // string's characters indexes its table.
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E->getSubExpr()->IgnoreParens());
        A && carriesBytes(A->getIdx()->IgnoreParenCasts())) {
      NodeId Ptr = rvalue(A->getBase());
      return offsetBy(Ptr, bytesOf(A->getIdx(), false, true), E->getExprLoc());
    }
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

/// Reports whether \p E is an integer constant below 2^16 (and, with \p Pow2,
/// a power of two).
static bool smallConstant(const ASTContext &Ctx, const Expr *E, bool Pow2 = false) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return false;
  const llvm::APSInt &V = R.Val.getInt();
  return !V.isNegative() && V.getActiveBits() <= 16 && (!Pow2 || V.isPowerOf2());
}

/// Reports whether \p E is `x - 1`, the mask of an alignment x.
static bool alignmentMask(const Expr *E) {
  const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  const auto *One = B ? dyn_cast<IntegerLiteral>(B->getRHS()->IgnoreParenImpCasts()) : nullptr;
  return B && B->getOpcode() == BO_Sub && One && One->getValue() == 1;
}

/// Follows the integer value of \p E up through conversions and integer
/// arithmetic.  True when it ends where no pointer can be rebuilt from it:
/// in a comparison, or a mask by a constant below 2^16 or a remainder by a
/// power of two below it, of bits no shift, division or variable mask has
/// moved (`(uintptr_t)a < (uintptr_t)b`, an alignment check `(uintptr_t)p
/// & 63`; \p Moved: they may have been), or, with \p VD, back in VD
/// itself (`h += 8;`).  Only the low 16 bits can come out so.  Masks and
/// tests of moved bits take a pointer apart (`saved[i] = (v >> 8 * i) &
/// 0xff`, a hand-written `%p`, `(v & (1ull << i)) != 0` per bit), and so
/// do remainders by other numbers (by a few primes, rebuilt with the
/// Chinese remainder theorem).  False anywhere else; when that is the
/// initializer of a variable, *Init is set to it.
bool FunctionBuilder::endsHarmless(const Expr *E, const VarDecl *VD, const VarDecl **Init,
                                   bool Moved) const {
  for (;;) {
    BodyParents::Parent P = parentOf(E);
    if (const auto *D = dyn_cast_or_null<VarDecl>(P.D)) {
      if (Init && D->getInit() == E)
        *Init = D;
      return false;
    }
    if (const auto *C = dyn_cast_or_null<CastExpr>(P.S)) {
      if (C->getCastKind() != CK_LValueToRValue && C->getCastKind() != CK_IntegralCast &&
          C->getCastKind() != CK_NoOp)
        return false;
      E = C;
      continue;
    }
    if (const auto *Paren = dyn_cast_or_null<ParenExpr>(P.S)) {
      E = Paren;
      continue;
    }
    if (const auto *U = dyn_cast_or_null<UnaryOperator>(P.S)) {
      if (U->getOpcode() != UO_Not && U->getOpcode() != UO_Minus)
        return false;
      E = U;
      continue;
    }
    const auto *B = dyn_cast_or_null<BinaryOperator>(P.S);
    if (!B)
      return false;
    if (B->isComparisonOp())
      return !Moved;
    if (B->isAssignmentOp()) {
      const auto *L = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
      return VD && L && L->getDecl() == VD;
    }
    const Expr *Other = B->getLHS() == E ? B->getRHS() : B->getLHS();
    switch (B->getOpcode()) {
    case BO_And:
      if (!Moved && smallConstant(Ctx, Other))
        return true;
      // `(uintptr_t)p & (align - 1)`, compared: an alignment check with a
      // run-time alignment.  (A test of one bit at a time, `v & (1ull <<
      // i)`, moves the bits it looks at.)
      Moved |= !Other->isIntegerConstantExpr(Ctx) && !alignmentMask(Other);
      E = B;
      continue;
    case BO_Rem:
      if (!Moved && smallConstant(Ctx, Other, /*Pow2=*/true))
        return true;
      Moved = true;
      E = B;
      continue;
    case BO_Add:
    case BO_Sub:
    case BO_Mul:
    case BO_Xor:
    case BO_Or:
    case BO_Shl:
      E = B;
      continue;
    case BO_Div:
    case BO_Shr:
      Moved = true;
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

BodyParents::Parent FunctionBuilder::parentOf(const Stmt *S) const {
  if (!Parents)
    Parents = std::make_unique<BodyParents>(FD);
  return Parents->of(S);
}

std::vector<const DeclRefExpr *> FunctionBuilder::usesOf(const VarDecl *VD) const {
  VarUses U;
  U.VD = VD;
  if (FD->getBody())
    U.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  return std::move(U.Uses);
}

/// Reports whether the pointer converted to an integer by \p E lets
/// nothing escape: its value ends harmlessly (endsHarmless), directly or
/// through a local integer variable it initializes whose every use does
/// (`uintptr_t x = (uintptr_t)a, y = (uintptr_t)b; return x < y;`, or a
/// hash mixed in place and masked to a slot).
bool FunctionBuilder::pointerBitsStay(const Expr *E) {
  const VarDecl *VD = nullptr;
  if (endsHarmless(E, nullptr, &VD, false))
    return true;
  if (!VD || !VD->hasLocalStorage() || !VD->getType()->isIntegerType() ||
      VD->getType().isVolatileQualified() || !FD->getBody())
    return false;
  std::vector<const DeclRefExpr *> Uses = usesOf(VD);
  // A variable changed in place (`v /= 256` in a loop, a hash mixed with
  // `h ^= h >> 17`) may hold any bits of the pointer by the time a use
  // masks it.
  bool Changed = false;
  for (const DeclRefExpr *R : Uses) {
    const Stmt *P = parentOf(R).S;
    const auto *B = dyn_cast_or_null<BinaryOperator>(P);
    const auto *Un = dyn_cast_or_null<UnaryOperator>(P);
    Changed |= (B && B->isAssignmentOp() && B->getLHS() == R) ||
               (Un && Un->isIncrementDecrementOp());
  }
  for (const DeclRefExpr *R : Uses)
    if (!endsHarmless(R, VD, nullptr, Changed))
      return false;
  return true;
}

/// Reports whether the integer \p E is made of pointers' own bits and
/// integer constants only: pointers converted to integers at least as wide
/// as a pointer, added to, masked with or offset by constants
/// (`((uintptr_t)p + 63) & ~(uintptr_t)63`).  Those pointers go to \p Own.
bool FunctionBuilder::ownBitsOnly(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Own) {
  E = E->IgnoreParens();
  uint64_t PtrBits = Ctx.getTypeSize(Ctx.VoidPtrTy);
  if (!E->getType()->isIntegerType() || Ctx.getTypeSize(E->getType()) < PtrBits)
    return false;
  if (const auto *C = dyn_cast<CastExpr>(E)) {
    if (C->getCastKind() == CK_PointerToIntegral) {
      Own.push_back(C->getSubExpr());
      return true;
    }
    if (C->getCastKind() == CK_IntegralCast || C->getCastKind() == CK_NoOp)
      return ownBitsOnly(C->getSubExpr(), Own);
    return false;
  }
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B)
    return false;
  switch (B->getOpcode()) {
  case BO_Add:
  case BO_And:
  case BO_Or:
  case BO_Xor:
    if (B->getLHS()->isIntegerConstantExpr(Ctx))
      return ownBitsOnly(B->getRHS(), Own);
    [[fallthrough]];
  case BO_Sub:
    return B->getRHS()->isIntegerConstantExpr(Ctx) && ownBitsOnly(B->getLHS(), Own);
  default:
    return false;
  }
}

/// Reports whether the pointer \p P was made from an integer (`(char *)0`,
/// `(T *)addr`), not from an object.
static bool fromInteger(const Expr *P) {
  return P->IgnoreParenCasts()->getType()->isIntegerType();
}

/// \p Ptr offset by an integer holding the bytes \p Bytes (`(char *)0 + a`,
/// `&base[a - (long)base]`): it may point where those bytes came from.
NodeId FunctionBuilder::offsetBy(NodeId Ptr, NodeId Bytes, SourceLocation Loc) {
  if (Bytes == NoNode)
    return Ptr;
  NodeId T = temp("offset");
  if (Ptr != NoNode)
    G.copy(Ptr, T, Loc, "");
  G.copy(Bytes, T, Loc, "a pointer offset by its bytes");
  return T;
}

/// Reports whether \p E moves bytes to a position: a left shift, or a
/// product with a constant of 256 or more, anywhere in it.
static bool placesBytes(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() == BO_Shl)
      return true;
    if (B->getOpcode() == BO_Mul)
      for (const Expr *Op : {B->getLHS(), B->getRHS()})
        if (const auto *IL = dyn_cast<IntegerLiteral>(Op->IgnoreParenCasts());
            IL && IL->getValue().uge(256))
          return true;
    return placesBytes(B->getLHS()) || placesBytes(B->getRHS());
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return placesBytes(U->getSubExpr());
  if (const auto *C = dyn_cast<ConditionalOperator>(E))
    return placesBytes(C->getTrueExpr()) || placesBytes(C->getFalseExpr());
  return false;
}

NodeId FunctionBuilder::binary(const BinaryOperator *E) {
  const Expr *L = E->getLHS(), *R = E->getRHS();
  if (E->isAssignmentOp())
    modifies(L);
  switch (E->getOpcode()) {
  case BO_Assign: {
    if (const VarDecl *V = localNumberVar(L); V && byteAssign(V, R, E->getOperatorLoc())) {
      lvalue(L);
      return NoNode;
    }
    // A part of a complex number set (`__real__ c = a`): c holds its bytes.
    if (const auto *U = dyn_cast<UnaryOperator>(L->IgnoreParens());
        U && (U->getOpcode() == UO_Real || U->getOpcode() == UO_Imag))
      if (const VarDecl *V = localNumberVar(U->getSubExpr());
          V && carriesBytes(R->IgnoreParenCasts())) {
        G.copy(bytesOf(R, true, true), byteVar(V), E->getOperatorLoc(),
               G.save("stored byte by byte in '" + V->getName() + "'"));
        return NoNode;
      }
    // A character store, or a character read stored in integer memory
    // (`int tmp[8]; tmp[i] = s[i];`), or a struct of numbers copied whole
    // by a read wordRead takes (`*d = *s` for `struct words { long a, b;
    // }` under -fno-strict-aliasing): bytes copied.
    QualType LT = L->getType();
    if (LT->isCharType() ||
        (isNumber(LT) && carriesBytes(R->IgnoreParenCasts())) ||
        (LT->isRecordType() && !mayHoldPointer(LT) &&
         (wordRead(R->IgnoreParenImpCasts()) || numbersOnlyLocal(R->IgnoreParenImpCasts()) ||
          isa<CompoundLiteralExpr>(R->IgnoreParenImpCasts()))))
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
    // `a += (uint64_t)b[i] << 8 * i` assembles a pointer's bytes as `|=`
    // does; a sum of characters (`r += s[i]`) is a checksum, and taking it
    // for bytes made the blocks a string's struct points to escape with
    // the sum returned (the analysis does not tell fields apart).
    if (!E->getType()->isPointerType()) {
      if (placesBytes(R))
        return compoundAssign(E);
      lvalue(L);
      rvalue(R);
      return NoNode;
    }
    LValue LV = lvalue(L);
    // `z += a` with a holding a pointer's bytes: z may point there.
    NodeId Bytes = bytesOf(R, false, true);
    if (Bytes != NoNode && LV.K != LValue::None)
      assign(LV, Bytes, L, E->getOperatorLoc());
    return read(LV, E);
  }
  case BO_Add:
  case BO_Sub: {
    if (E->getType()->isPointerType()) {
      // An offset holding a pointer's bytes (`(char *)0 + a`, `base + (a -
      // (long)base)`) may make the result point there.  The offset is
      // evaluated once, for its bytes.
      bool PtrLeft = L->getType()->isPointerType();
      NodeId Ptr = rvalue(PtrLeft ? L : R);
      return offsetBy(Ptr, bytesOf(PtrLeft ? R : L, false, true), E->getExprLoc());
    }
    NodeId A = rvalue(L), B = rvalue(R);
    // `p - (char *)0` is p's address as a number, as `(intptr_t)p` is, and
    // `(char *)0 + d` gives p back (glibc's obstack.h aligns pointers so).
    // The difference of two pointers to objects is not: their distance.
    if (E->getOpcode() == BO_Sub && L->getType()->isPointerType() &&
        fromInteger(L) != fromInteger(R) && !pointerBitsStay(E))
      escape(fromInteger(L) ? B : A, E->getExprLoc(),
             "converted to an integer (a null pointer subtracted)");
    return NoNode;
  }
  default:
    if (E->isCompoundAssignmentOp())
      return compoundAssign(E);
    rvalue(L);
    rvalue(R);
    return NoNode;
  }
}

/// `x |= (uint64_t)p[i] << 8 * i`, `x += ...`: bytes mixed into a number.
NodeId FunctionBuilder::compoundAssign(const BinaryOperator *E) {
  const Expr *L = E->getLHS(), *R = E->getRHS();
  LValue Dst = lvalue(L);
  if (!isNumber(L->getType()) || !carriesBytes(R->IgnoreParenCasts())) {
    rvalue(R);
    return NoNode;
  }
  NodeId B = bytesOf(R, true, true);
  if (const VarDecl *V = localNumberVar(L)) {
    G.copy(B, byteVar(V), E->getOperatorLoc(), G.save("mixed into '" + V->getName() + "'"));
  } else if (B != NoNode && Dst.K == LValue::Indirect && !L->getType()->isCharType() &&
             !localNumberArray(L) && !throughUnion(L)) {
    // A number field through a pointer (`o->n += n`, `*t |= b`): a read of
    // it is not followed for bytes, and storing them would link what the
    // other fields point to (the analysis does not tell fields apart).
    escape(B, E->getOperatorLoc(), "mixed into a number through a pointer");
  } else if (B != NoNode && Dst.K != LValue::None) {
    assign(Dst, B, L, E->getOperatorLoc());
  }
  return NoNode;
}

/// `*d = *s` on characters may copy a pointer's bytes one by one (a
/// hand-written memcpy): model it as copying whatever *s may hold.
NodeId FunctionBuilder::byteCopy(const BinaryOperator *E) {
  LValue Dst = lvalue(E->getLHS());
  NodeId B = bytesOf(E->getRHS(), false, false);
  if (B != NoNode && Dst.K != LValue::None)
    assign(Dst, B, E->getLHS(), E->getOperatorLoc());
  return NoNode;
}

NodeId FunctionBuilder::initList(const InitListExpr *E) {
  if (const InitListExpr *Syn = E->getSyntacticForm())
    E = Syn->isSemanticForm() ? Syn : E;
  NodeId T = NoNode;
  for (const Expr *Init : E->inits()) {
    // A number may be a byte of a pointer (`struct ch x = {s[i]};`).
    NodeId V = isNumber(Init->getType()) ? bytesOf(Init, true, true) : rvalue(Init);
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
    const Expr *B = A->getBase()->IgnoreParenImpCasts();
    if (E->getType()->isPointerType() && isa<MemberExpr>(B) &&
        B->getType()->isArrayType())
      LV.MemberRoot = memberPathRoot(B);
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
    LV.MemberRoot = E->getType()->isPointerType() ? memberPathRoot(M) : nullptr;
    return LV;
  }
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E)) {
    // `(char (*)[n = 300]){0}` evaluates the sizes of its type.
    vlaSizes(CL->getTypeSourceInfo()->getType());
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

void FunctionBuilder::numbersAddressTaken(NodeId N, SourceLocation Loc) {
  // Memory declared as numbers whose address is taken: the pointer bytes
  // it holds escape, and a pointer copied back out of it through the
  // address (`memcpy(&s, &u, 8)`, a byte loop) points to memory that
  // escaped with them: anywhere.
  escape(N, Loc, "address of numbers holding bytes taken");
  G.copy(G.HeapPtr, N, Loc, "");
}

NodeId FunctionBuilder::read(const LValue &LV, const Expr *E) {
  // A pointer read out of a union may be a number's bytes written through
  // another member (`u.n = (uintptr_t)o; s = u.p;`): anywhere, as the
  // number's pointer escaped.
  if (LV.Union && LV.K != LValue::None && mayHoldPointer(E->getType())) {
    NodeId T = temp("union read");
    G.copy(G.HeapPtr, T, E->getExprLoc(), "");
    if (LV.K == LValue::Direct)
      G.copy(LV.N, T, E->getExprLoc(), G.save("loaded from '" + text(E) + "'"));
    else if (LV.N != NoNode)
      G.load(LV.N, T, E->getExprLoc(), G.save("loaded from '" + text(E) + "'"));
    return T;
  }
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
      G.store(V, LV.N, Loc, G.save("stored into '" + text(Target) + "'"), LV.MemberRoot);
    return;
  }
}

static const void *rootKey(QualType T) {
  return T.getCanonicalType().getUnqualifiedType().getAsOpaquePtr();
}

const void *FunctionBuilder::memberPathRoot(const Expr *E) {
  E = E->IgnoreParens();
  while (true) {
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!F || F->getParent()->isUnion())
        return nullptr;
      if (M->isArrow()) {
        const auto *P = M->getBase()->getType()->getAs<PointerType>();
        const auto *DR = dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts());
        const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
        return P && V && blockStart(V) ? rootKey(P->getPointeeType()) : nullptr;
      }
      E = M->getBase()->IgnoreParens();
      continue;
    }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *B = A->getBase()->IgnoreParenImpCasts();
      if (B->getType()->isArrayType()) { // an element of an array member
        E = B;
        continue;
      }
    }
    return nullptr;
  }
}

/// Walks a function body for blockStart: which locals are assigned
/// anything but an allocation call's result, or have their address taken.
static void findBlockStarts(const Stmt *S, llvm::DenseMap<const VarDecl *, bool> &Out,
                            const std::function<bool(const Expr *)> &IsBlock) {
  if (!S)
    return;
  auto local = [](const Expr *E) -> const VarDecl * {
    const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParens());
    const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    return V && V->hasLocalStorage() && !isa<ParmVarDecl>(V) ? V : nullptr;
  };
  auto note = [&](const VarDecl *V, bool Ok) {
    auto [It, New] = Out.try_emplace(V, Ok);
    if (!New)
      It->second = It->second && Ok;
  };
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->hasLocalStorage() && V->getType()->isPointerType())
          note(V, (!V->getInit() || IsBlock(V->getInit())) &&
                      !V->hasAttr<BlocksAttr>()); // a block may assign it
  } else if (const auto *A = dyn_cast<GCCAsmStmt>(S)) {
    for (const Expr *O : A->outputs())
      if (const VarDecl *V = local(O))
        note(V, false);
  } else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp())
      if (const VarDecl *V = local(B->getLHS()))
        note(V, B->getOpcode() == BO_Assign && IsBlock(B->getRHS()));
  } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->getOpcode() == UO_AddrOf || U->isIncrementDecrementOp())
      if (const VarDecl *V = local(U->getSubExpr()))
        note(V, false);
  }
  allEvaluatedChildren(S, [&](const Stmt *C) {
    findBlockStarts(C, Out, IsBlock);
    return true;
  });
}

bool FunctionBuilder::blockStart(const VarDecl *V) {
  if (!BlockStartsDone) {
    BlockStartsDone = true;
    auto IsBlock = [&](const Expr *E) {
      E = E->IgnoreParenCasts();
      if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        return true;
      const auto *C = dyn_cast<CallExpr>(E);
      const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
      if (!F)
        return false;
      // An allocation wrapper of this file makes a new block at each call,
      // as malloc does (it may point into it at an offset of its own: v's
      // members are still at their offsets from where v points).
      if (const FunctionDecl *D = F->getDefinition())
        if (const Summary *S = Lookup(D); S && S->Wrapper)
          return true;
      AllocKind K;
      return F->getIdentifier() && isAllocator(F, canonicalCallee(F->getName()), K) &&
             K != AllocKind::PosixMemalign && K != AllocKind::Asprintf &&
             K != AllocKind::Vasprintf;
    };
    findBlockStarts(FD->getBody(), BlockStarts, IsBlock);
  }
  auto It = BlockStarts.find(V);
  return It != BlockStarts.end() && It->second;
}

const void *FunctionBuilder::charMemberRoot(const Expr *Arg) {
  if (!Arg)
    return nullptr;
  const Expr *E = Arg->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E)) { // &n->name[0]
    if (U->getOpcode() != UO_AddrOf)
      return nullptr;
    const auto *A = dyn_cast<ArraySubscriptExpr>(U->getSubExpr()->IgnoreParens());
    if (!A)
      return nullptr;
    E = A->getBase()->IgnoreParenImpCasts();
  }
  const auto *M = dyn_cast<MemberExpr>(E);
  if (!M)
    return nullptr;
  const ArrayType *AT = M->getType()->getAsArrayTypeUnsafe();
  if (!AT || !AT->getElementType()->isAnyCharacterType())
    return nullptr;
  return memberPathRoot(M);
}
