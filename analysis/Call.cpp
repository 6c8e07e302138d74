//===- Call.cpp - Lowering calls into flow constraints -------------------===//
//
// Implements how a call moves pointers: allocators create objects, free()
// is recorded for the rewriter, the libc table and callee summaries say
// which arguments leak, and everything else makes its arguments escape.
//
//===----------------------------------------------------------------------===//
#include "Builder.h"
#include "LibcTable.h"
#include "clang/Basic/SourceManager.h"

#include "clang/AST/Attr.h"

using namespace clang;
using namespace escape::analysis;

static llvm::StringRef nameOf(const FunctionDecl *FD) {
  return FD->getIdentifier() ? FD->getName() : llvm::StringRef();
}

bool FunctionBuilder::isLibraryFunction(const FunctionDecl *F) {
  const SourceManager &SM = F->getASTContext().getSourceManager();
  bool System = false;
  for (const FunctionDecl *D : F->redecls()) {
    bool InSystem = SM.isInSystemHeader(D->getLocation());
    // glibc's headers redirect with asm labels (__isoc99_sscanf); the
    // program's own labels name its own code.
    if (!InSystem && (D->hasAttr<AsmLabelAttr>() || D->hasAttr<AliasAttr>() ||
                      D->hasAttr<IFuncAttr>()))
      return false;
    System |= InSystem;
  }
  return System || F->getBuiltinID() != 0;
}

bool FunctionBuilder::isAllocator(const FunctionDecl *Callee,
                                  llvm::StringRef Name, AllocKind &K) {
  const FunctionDecl *Def = Callee->getDefinition();
  bool Library = (!Def || !Def->hasBody()) && isLibraryFunction(Callee);
  if (Library) {
    static const struct {
      const char *Name;
      AllocKind Kind;
    } Known[] = {{"malloc", AllocKind::Malloc},
                 {"calloc", AllocKind::Calloc},
                 {"realloc", AllocKind::Realloc},
                 {"reallocarray", AllocKind::ReallocArray},
                 {"aligned_alloc", AllocKind::AlignedAlloc},
                 {"posix_memalign", AllocKind::PosixMemalign},
                 {"strdup", AllocKind::Strdup},
                 {"strndup", AllocKind::Strndup},
                 {"asprintf", AllocKind::Asprintf},
                 {"vasprintf", AllocKind::Vasprintf}};
    bool Printf = StdioHooks || printfRegistered(Ctx);
    for (const auto &A : Known) {
      // glibc's fortified __asprintf_chk takes a flag before the format:
      // a call of the library's, not a site.  Nor is asprintf one where
      // printf conversions are hooked: its arena form may print a long
      // text twice (a measure, then the text), and a hook would run twice.
      bool Printing = A.Kind == AllocKind::Asprintf || A.Kind == AllocKind::Vasprintf;
      bool Fortified = Printing && nameOf(Callee) != Name;
      // -fno-builtin-strdup: the program's own strdup.
      bool Own = llvm::is_contained(Ctx.getLangOpts().NoBuiltinFuncs, A.Name);
      if (Name == A.Name && !Fortified && !(Printing && Printf) && !Own) {
        K = A.Kind;
        return true;
      }
    }
  }
  // A wrapper of this unit marked as an allocator (GNU style: xmalloc
  // with __attribute__((malloc))) is a wrapper: its body says what it does.
  if (Def && Def->hasBody() && !Def->isWeak())
    if (const Summary *S = Lookup(Def); S && S->Wrapper)
      return false;
  // The C library's own allocators that the libc table describes (glibc
  // marks fopen, popen, opendir... __attribute__((malloc))) are calls, not
  // sites: their objects are the library's, and their arguments do what
  // the table says (a path passed to fopen escaped, and the FILE was
  // reported as a site with "no known deallocator").
  if (Library && lookupLibc(canonicalCallee(Name)))
    return false;
  // __attribute__((malloc)) is RestrictAttr in Clang's AST.
  if (Callee->hasAttr<RestrictAttr>() || Callee->hasAttr<AllocSizeAttr>()) {
    K = AllocKind::User;
    return mayHoldPointer(Callee->getReturnType());
  }
  return false;
}

NodeId FunctionBuilder::call(const CallExpr *E) {
  std::vector<NodeId> Args, Bytes;
  for (const Expr *A : E->arguments()) {
    // An integer argument may be a byte of a pointer (`put(d, *s)`).
    QualType T = A->getType();
    bool Int = isNumber(T) || (T->isRecordType() && !mayHoldPointer(T));
    Bytes.push_back(Int ? bytesOf(A, true, true) : NoNode);
    Args.push_back(Int ? NoNode : rvalue(A));
  }
  AppliedSummary = nullptr;
  NodeId R = callee(E, Args);
  byteEffects(E, AppliedSummary, Args, Bytes);
  return R;
}

/// What the bytes passed to and returned by the call \p E do: a callee
/// that stores an integer parameter in memory (BytesStored), an indirect
/// call or a function of another file lets the bytes' objects escape; an
/// integer result that may hold bytes of the arguments' memory
/// (BytesResult) or other bytes goes to LastResultBytes.  \p S is the
/// summary applied, if any.
void FunctionBuilder::byteEffects(const CallExpr *E, const Summary *S,
                                  const std::vector<NodeId> &Args,
                                  const std::vector<NodeId> &Bytes) {
  SourceLocation Loc = E->getExprLoc();
  LastResultBytes = NoNode;
  const FunctionDecl *Callee = E->getDirectCallee();
  llvm::StringRef Fn = Callee ? nameOf(Callee) : llvm::StringRef();
  if (!S) {
    // The C library's functions and the compiler's builtins keep no byte
    // they are passed; a number they return may be one (abs, a rotate,
    // ntohl), and __builtin_add_overflow stores one through its last
    // argument.
    if (Callee && isLibraryFunction(Callee)) {
      // A byte written out (fputc) can be read back, as a buffer's can.
      static const char *const Out[] = {"fputc", "putc", "putchar", "fputc_unlocked",
                                        "putc_unlocked", "putchar_unlocked", "putw",
                                        "ungetc"};
      if (llvm::is_contained(Out, canonicalCallee(Fn))) {
        for (NodeId B : Bytes)
          escape(B, Loc, "written out as bytes by '" + Fn + "'");
        return;
      }
      // Other C library functions may write a number out or keep it
      // (`snprintf(buf, n, "%lx", a)`, `ldiv(a, 1).quot`); those that only
      // compute with it return it at most.
      static const char *const Pure[] = {
          "abs",     "labs",    "llabs",   "imaxabs", "toupper", "tolower", "htonl",
          "htons",   "ntohl",   "ntohs",   "ffs",     "ffsl",    "ffsll",   "isalnum",
          "isalpha", "isascii", "isblank", "iscntrl", "isdigit", "isgraph", "islower",
          "isprint", "ispunct", "isspace", "isupper", "isxdigit"};
      llvm::StringRef C = canonicalCallee(Fn);
      if (!Fn.starts_with("__builtin_") && !llvm::is_contained(Pure, C)) {
        for (NodeId B : Bytes)
          escape(B, Loc, "passed as bytes to '" + Fn + "'");
        return;
      }
      NodeId T = NoNode;
      for (NodeId B : Bytes) {
        if (B == NoNode)
          continue;
        if (T == NoNode)
          T = temp("returned bytes");
        G.copy(B, T, Loc, G.save("returned by '" + Fn + "'"));
      }
      if (T != NoNode && Fn.ends_with("_overflow") && !Args.empty() && Args.back() != NoNode)
        G.store(T, Args.back(), Loc, G.save("stored by '" + Fn + "'"));
      // A builtin the table does not describe that takes a pointer may load
      // and store through it: SIMD masked stores, scatters, gathers,
      // __builtin_nontemporal_store.  Its result may hold what the memory
      // held, and the memory the numbers passed.
      // (free, the allocators and alloca are builtins too, and callee()
      // models them: a store through free's argument put a list's nodes
      // into whatever the last one's link might point to.)
      llvm::StringRef Canon = canonicalCallee(Fn);
      AllocKind K;
      bool Modeled = lookupLibc(Canon) || isFreeName(Canon) || isAllocator(Callee, Canon, K) ||
                     isAllocaName(Canon);
      if (Callee->getBuiltinID() && !Modeled) {
        bool Ptr = false;
        for (NodeId A : Args)
          Ptr |= A != NoNode;
        if (Ptr) {
          if (T == NoNode)
            T = temp("returned bytes");
          for (NodeId A : Args)
            if (A != NoNode) {
              G.load(A, T, Loc, G.save("loaded by '" + Fn + "'"));
              G.store(T, A, Loc, G.save("stored by '" + Fn + "'"));
            }
        }
      }
      // A test of bits (SSE4.1's ptest, AVX's vtest) returns a flag: none
      // of the bytes it was given.
      bool Flag = Fn.starts_with("__builtin_ia32_ptest") || Fn.starts_with("__builtin_ia32_vtest");
      if (isNumber(E->getType()) && !Flag)
        LastResultBytes = T;
      return;
    }
    for (NodeId B : Bytes)
      escape(B, Loc,
             Callee ? "passed as an integer to '" + Fn + "', " + replacedBecause(Callee)
                    : llvm::Twine("passed as an integer to an indirect call"));
    return;
  }
  NodeId T = NoNode;
  auto result = [&] {
    if (T == NoNode)
      T = temp("returned bytes");
    return T;
  };
  for (unsigned I = 0; I != Bytes.size(); ++I) {
    const ParamSummary *P = I < S->Params.size() ? &S->Params[I] : nullptr;
    if (Bytes[I] != NoNode && (!P || P->BytesStored))
      escape(Bytes[I], Loc, "stored as bytes by '" + Fn + "'");
    if (!P)
      continue;
    llvm::StringRef Why = G.save("returned as bytes by '" + Fn + "'");
    NodeId A = Bytes[I] != NoNode ? Bytes[I] : Args[I];
    if (A == NoNode)
      continue;
    if (P->BytesResult)
      G.copy(A, result(), Loc, Why);
    if (P->ContentBytesResult || P->DeepBytesResult) {
      NodeId Pointee = G.addNode("<pointee>", ~0u);
      G.load(A, Pointee, Loc, Why);
      if (P->ContentBytesResult)
        G.copy(Pointee, result(), Loc, Why);
      if (P->DeepBytesResult)
        G.copy(G.reach(Pointee, Loc, Why), result(), Loc, Why);
    }
  }
  if (S->ReturnsUnknownBytes)
    G.copy(G.HeapPtr, result(), Loc, "");
  LastResultBytes = T;
}

NodeId FunctionBuilder::callee(const CallExpr *E, std::vector<NodeId> &Args) {
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee)
    return indirectCall(E, Args);
  llvm::StringRef Name = canonicalCallee(nameOf(Callee));
  SourceLocation Loc = E->getExprLoc();

  AllocKind K;
  if (isAllocator(Callee, Name, K))
    return allocation(E, K, nameOf(Callee), Args);
  const FunctionDecl *Def = Callee->getDefinition();
  bool Defined = Def && Def->hasBody();
  bool Library = !Defined && isLibraryFunction(Callee);
  if (Library && isFreeName(Name)) {
    if (!Args.empty() && Args[0] != NoNode)
      G.copy(Args[0], G.FreeNode, Loc, "passed to 'free'");
    // Recorded without a pointer too: its position may be another's.
    Frees.push_back(FreeInfo{E, Args.empty() ? NoNode : Args[0]});
    return NoNode;
  }
  if (Callee->hasAttr<ReturnsTwiceAttr>() || isSetjmpName(Name)) {
    if (!HasSetjmp)
      SetjmpName = Name.str();
    HasSetjmp = true;
  }
  if (Library && isAllocaName(Name)) {
    HasDynamicStack = true;
    ObjId O = G.addObject(ObjKind::Local, "alloca", Depth);
    return G.pointerTo(O, "alloca", Depth);
  }
  // A C library function the table describes is taken from the table even
  // when a system header defines it inline (glibc's bsearch at -O2): the
  // table checks its callbacks, where the inline body only sees an
  // indirect call.
  NodeId R;
  bool SystemDef =
      Defined && Ctx.getSourceManager().isInSystemHeader(Def->getLocation());
  if ((Library || SystemDef) && libcCall(E, Name, Args, R))
    return R;
  if (Defined)
    if (const Summary *S = Lookup(Def)) {
      if (S->Wrapper && mayHoldPointer(E->getType()))
        return wrapperCall(E, Def, *S, Args);
      return applySummary(Def, *S, Args, Loc, E);
    }
  return unknownCall(E, Callee, Args);
}

/// A call to an allocation wrapper is an allocation site of this function:
/// what the wrapper does with the arguments comes from its summary, the
/// block it returns is a new object here.
NodeId FunctionBuilder::wrapperCall(const CallExpr *E, const FunctionDecl *W,
                                    const Summary &S, std::vector<NodeId> &Args) {
  Summary Plain = S;
  Plain.ReturnsFresh = false;
  NodeId R = applySummary(W, Plain, Args, E->getExprLoc(), E);
  AppliedSummary = &S;
  std::string Name = E == PendingExpr ? PendingName : std::string();
  llvm::StringRef Fn = nameOf(W);
  ObjId O = G.addObject(ObjKind::Alloc, G.save(Fn + "()"), Depth,
                        int(Sites.size()));
  G.addr(G.Objects[O].Contents, G.HeapObj); // the wrapper fills it
  Sites.push_back(SiteInfo{E, AllocKind::Wrapper, O, Depth, Fn.str(), Name});
  NodeId T = G.pointerTo(O, G.save(Fn), Depth);
  G.copy(T, R, E->getExprLoc(), G.save("returned by '" + Fn + "'"));
  return R;
}

NodeId FunctionBuilder::indirectCall(const CallExpr *E,
                                     std::vector<NodeId> &Args) {
  rvalue(E->getCallee());
  // A call through a function-pointer parameter: callers know the function
  // (each(a, n, fn, ctx) calling fn(&a[i], ctx)) and apply its summary.
  int K = CallbacksEscape ? -1 : callbackParam(E->getCallee());
  // A call through a const table of functions of the file, each of which
  // only reads and writes through its parameters (`cmds[i].fn(word)`).
  bool Harmless = K < 0 && tableCallIsHarmless(E->getCallee(), E->getNumArgs());
  for (unsigned M = 0; M != Args.size(); ++M) {
    if (Args[M] == NoNode || Harmless)
      continue;
    if (K < 0)
      escape(Args[M], E->getExprLoc(), "passed to an indirect call");
    else
      G.copy(Args[M], callbackNode(unsigned(K), M), E->getExprLoc(),
             G.save("passed to '" + FD->getParamDecl(K)->getName() + "'"));
  }
  return mayHoldPointer(E->getType()) ? G.HeapPtr : NoNode;
}

NodeId FunctionBuilder::callbackNode(unsigned K, unsigned Pos) {
  auto [It, New] = CallbackNodes.try_emplace({K, Pos}, NoNode);
  if (New)
    It->second = G.addNode("<callback argument>", ~0u);
  return It->second;
}

/// The index of the function-pointer parameter \p Fn names (a call's
/// callee, or an argument passing it on), when the body never assigns it
/// nor takes its address; -1 otherwise.
int FunctionBuilder::callbackParam(const Expr *Fn) const {
  const Expr *C = Fn->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(C); U && U->getOpcode() == UO_Deref)
    C = U->getSubExpr()->IgnoreParenImpCasts();
  const auto *DR = dyn_cast<DeclRefExpr>(C);
  const auto *PV = DR ? dyn_cast<ParmVarDecl>(DR->getDecl()) : nullptr;
  if (!PV || !FD->getBody() || !PV->getType()->isFunctionPointerType() ||
      PV->getType().isVolatileQualified())
    return -1;
  unsigned I = PV->getFunctionScopeIndex();
  if (I >= FD->getNumParams() || FD->getParamDecl(I) != PV)
    return -1;
  for (const DeclRefExpr *R : usesOf(PV)) {
    const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(parentOf(R).S);
    if (!IC || IC->getCastKind() != CK_LValueToRValue)
      return -1;
  }
  return int(I);
}

bool FunctionBuilder::callbacksTakeOwn() const {
  for (const auto &[Key, N] : CallbackNodes)
    for (ObjId O : G.Nodes[N].Pts) {
      const Object &OB = G.Objects[O];
      if ((OB.Kind != ObjKind::ParamPointee && OB.Kind != ObjKind::ParamDeep) || OB.Index < 0 ||
          unsigned(OB.Index) >= FD->getNumParams())
        return true;
    }
  return false;
}

/// The function \p E names (`f`, `&f`), or null.
static const FunctionDecl *namedFunction(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  const auto *DR = dyn_cast<DeclRefExpr>(E);
  return DR ? dyn_cast<FunctionDecl>(DR->getDecl()) : nullptr;
}

void FunctionBuilder::applyCallbacks(const FunctionDecl *F, const Summary &S,
                                     std::vector<NodeId> &Args, SourceLocation Loc,
                                     const CallExpr *Call,
                                     const std::function<NodeId(unsigned)> &ReachOf) {
  std::map<unsigned, std::vector<std::pair<unsigned, CallbackUse>>> ByFn;
  for (unsigned I = 0; I != S.Params.size() && I != Args.size(); ++I)
    if (Args[I] != NoNode)
      for (const CallbackUse &U : S.Params[I].Callbacks)
        ByFn[U.Fn].push_back({I, U});
  llvm::StringRef Fn = nameOf(F);
  for (const auto &[K, Uses] : ByFn) {
    const FunctionDecl *CB =
        Call && K < Call->getNumArgs() ? namedFunction(Call->getArg(K)) : nullptr;
    const FunctionDecl *Def = CB ? trustedDefinition(CB) : nullptr;
    const Summary *CS = Def && Def->hasBody() ? Lookup(Def) : nullptr;
    bool Known = CS && !Def->isVariadic() && llvm::all_of(Uses, [&](const auto &IU) {
                   return IU.second.Pos < Def->getNumParams() && IU.second.Pos < CS->Params.size();
                 });
    // What the function returns goes where the callee's graph put an
    // unknown pointer: it must not be the arguments' memory.
    if (Known && mayHoldPointer(Def->getReturnType()))
      for (const ParamSummary &P : CS->Params)
        Known &= !P.Result && !P.ContentResult && !P.ResultContent;
    if (!Known) {
      // A function-pointer parameter of this function passed on (a walk
      // that recurses with its visitor): this function's callers decide.
      int Own = Call && K < Call->getNumArgs() && !CallbacksEscape
                    ? callbackParam(Call->getArg(K))
                    : -1;
      for (const auto &[I, U] : Uses) {
        NodeId A = U.Deep ? ReachOf(I) : Args[I];
        if (Own >= 0)
          G.copy(A, callbackNode(unsigned(Own), U.Pos), Loc,
                 G.save("passed by '" + Fn + "' to '" + FD->getParamDecl(Own)->getName() + "'"));
        else
          escape(A, Loc, "passed by '" + Fn + "' to a function it was given");
      }
      continue;
    }
    std::vector<NodeId> CbArgs(Def->getNumParams(), NoNode);
    llvm::StringRef Why = G.save("passed by '" + Fn + "' to '" + nameOf(Def) + "'");
    for (const auto &[I, U] : Uses) {
      NodeId &T = CbArgs[U.Pos];
      if (T == NoNode)
        T = temp("callback argument");
      G.copy(U.Deep ? ReachOf(I) : Args[I], T, Loc, Why);
    }
    const Summary *Outer = AppliedSummary;
    applySummary(Def, *CS, CbArgs, Loc);
    AppliedSummary = Outer;
  }
}

NodeId FunctionBuilder::allocation(const CallExpr *E, AllocKind K,
                                   llvm::StringRef Callee,
                                   std::vector<NodeId> &Args) {
  std::string Name = E == PendingExpr ? PendingName : std::string();
  SourceLocation Loc = E->getExprLoc();
  ObjId O = G.addObject(ObjKind::Alloc, G.save(Callee + "()"), Depth,
                        int(Sites.size()));
  NodeId Contents = G.Objects[O].Contents;
  NodeId T = G.pointerTo(O, G.save(Callee), Depth);
  Sites.push_back(SiteInfo{E, K, O, Depth, Callee.str(), Name});
  switch (K) {
  case AllocKind::Realloc:
  case AllocKind::ReallocArray:
    Frees.push_back(FreeInfo{E, Args.empty() ? NoNode : Args[0]});
    // Its input is released like free()'s: an arena object may reach it
    // once the call goes to esc_frame_realloc_heap (its result is heap
    // memory either way).  Never a stack object.
    if (!Args.empty() && Args[0] != NoNode) {
      llvm::StringRef Passed = G.save("passed to '" + Callee + "'");
      G.copy(Args[0], G.FreeNode, Loc, Passed);
      G.copy(Args[0], G.ReallocIn, Loc, Passed);
      G.load(Args[0], Contents, Loc, G.save("copied by '" + Callee + "'"));
    }
    return T;
  case AllocKind::Strdup:
  case AllocKind::Strndup:
    // The copy holds what the source holds, as strcpy's does: characters
    // may be a pointer's bytes (`strndup((char *)&p, 8)`, or a `char *`
    // to p, or a buffer a byte loop filled), whatever the source's type.
    if (!Args.empty() && Args[0] != NoNode)
      stringLoad(E->getArg(0), Args[0], Contents, Loc,
                 G.save("copied by '" + Callee + "'"));
    return T;
  case AllocKind::PosixMemalign:
    if (!Args.empty() && Args[0] != NoNode)
      G.store(T, Args[0], Loc, "stored by 'posix_memalign'");
    else if (!Args.empty())
      escape(T, Loc, "stored by 'posix_memalign' to unknown memory");
    return NoNode;
  case AllocKind::Asprintf:
  case AllocKind::Vasprintf: {
    if (!Args.empty() && Args[0] != NoNode)
      G.store(T, Args[0], Loc, G.save("stored by '" + Callee + "'"));
    else if (!Args.empty())
      escape(T, Loc, "stored by '" + Callee + "' to unknown memory");
    // The format and its arguments do what the libc table says, as for a
    // call that is not a site; what it prints is the block's contents.
    NodeId R = NoNode;
    NodeId Outer = PrintedInto;
    PrintedInto = T;
    libcCall(E, Callee, Args, R);
    PrintedInto = Outer;
    return NoNode;
  }
  case AllocKind::User: {
    // A user allocator may fill the memory with anything.
    G.addr(Contents, G.HeapObj);
    const FunctionDecl *Def = E->getDirectCallee()->getDefinition();
    const Summary *S = Def && Def->hasBody() ? Lookup(Def) : nullptr;
    if (S) {
      applySummary(Def, *S, Args, Loc, E);
    } else {
      for (NodeId A : Args)
        escape(A, Loc, "passed to '" + Callee + "', " + replacedBecause(E->getDirectCallee()));
    }
    return T;
  }
  default:
    return T;
  }
}

/// Reports whether the object another definition may replace at link or
/// load time: a weak one, or one a shared object (-fPIC, not -fPIE)
/// exports with default visibility, which the executable's copy may
/// interpose.
static bool mayBeReplaced(const VarDecl *D) {
  if (D->isWeak())
    return true;
  if (!D->isExternallyVisible() || D->getVisibility() != DefaultVisibility)
    return false;
  const LangOptions &LO = D->getASTContext().getLangOpts();
  return LO.PICLevel != 0 && !LO.PIE;
}

/// Reports whether a function of summary \p S only reads and writes
/// through its parameters: it keeps, returns, frees and replaces none of
/// what they point to.
static bool summaryIsHarmless(const Summary &S) {
  for (const ParamSummary &P : S.Params)
    if (P.leaks() || P.Freed || P.ContentFreed || P.NeedsHeap ||
        P.ContentNeedsHeap || P.WritesUnknown || P.FreshContent || P.DeepWrite)
      return false;
  return true;
}

bool FunctionBuilder::callbackIsHarmless(const Expr *E) {
  // No callback at all (glob's error function, NULL).
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  // A choice of callbacks (`qsort(v, n, sz, by_age ? cmp_age : cmp_name)`).
  if (const auto *C = dyn_cast<ConditionalOperator>(E->IgnoreParenImpCasts()))
    return callbackIsHarmless(C->getTrueExpr()) && callbackIsHarmless(C->getFalseExpr());
  const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *F = DR ? dyn_cast<FunctionDecl>(DR->getDecl()) : nullptr;
  const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
  const Summary *S = Def && Def->hasBody() ? Lookup(Def) : nullptr;
  return S && summaryIsHarmless(*S);
}

/// Adds to \p Targets the functions \p E names: a function, or a choice
/// between such (`c ? cmd_lower : cmd_upper`); false for anything else.
static bool functionChoices(const Expr *E,
                            llvm::SmallVectorImpl<const FunctionDecl *> &Targets) {
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<ConditionalOperator>(E))
    return functionChoices(C->getTrueExpr(), Targets) &&
           functionChoices(C->getFalseExpr(), Targets);
  const auto *R = dyn_cast<DeclRefExpr>(E);
  const auto *F = R ? dyn_cast<FunctionDecl>(R->getDecl()) : nullptr;
  if (!F)
    return false;
  Targets.push_back(F);
  return true;
}

/// Adds to \p Targets every function the constant initializer \p S names;
/// false when it names an object too (not a table of functions only).
static bool initializerFunctions(const Stmt *S,
                                 llvm::SmallVectorImpl<const FunctionDecl *> &Targets) {
  if (!S)
    return true;
  if (const auto *R = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *F = dyn_cast<FunctionDecl>(R->getDecl()))
      Targets.push_back(F);
    else if (!isa<EnumConstantDecl>(R->getDecl()))
      return false;
  }
  for (const Stmt *C : S->children())
    if (!initializerFunctions(C, Targets))
      return false;
  return true;
}

bool escape::analysis::tableTargets(const Expr *Callee, const Stmt *Body,
                                    llvm::SmallVectorImpl<const FunctionDecl *> &Targets) {
  // Down to the table: `cmds[i].fn`, `OPS.visit`, `handlers[k]`, `fp`.
  const Expr *E = Callee->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
    E = U->getSubExpr()->IgnoreParenImpCasts(); // `(*fp)(x)`
  // A choice made at the call, or by a variable of the function that only
  // its declaration sets: `fn_t f = c ? cmd_lower : cmd_upper; f(s);`.
  if (isa<ConditionalOperator>(E))
    return functionChoices(E, Targets);
  if (const auto *R = dyn_cast<DeclRefExpr>(E))
    if (const auto *L = dyn_cast<VarDecl>(R->getDecl());
        L && L->hasLocalStorage() && !isa<ParmVarDecl>(L)) {
      if (!Body || !L->getInit() || varWritten(Body, L))
        return false;
      return functionChoices(L->getInit(), Targets);
    }
  while (true) {
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      if (M->isArrow())
        return false;
      E = M->getBase()->IgnoreParenImpCasts();
    } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      E = A->getBase()->IgnoreParenImpCasts();
    } else {
      break;
    }
  }
  const auto *DR = dyn_cast<DeclRefExpr>(E);
  const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  const VarDecl *Def = V ? V->getDefinition() : nullptr;
  if (!Def || !Def->hasGlobalStorage() || !Def->getInit() || mayBeReplaced(Def))
    return false;
  // Writing a const object is undefined: what the table holds is what its
  // constant initializer put there.
  if (!Def->getASTContext().getBaseElementType(Def->getType()).isConstQualified())
    return false;
  return initializerFunctions(Def->getInit(), Targets) && !Targets.empty();
}

/// Reports whether every function the const table \p Callee reads its
/// pointer from may hold is defined here, takes at least \p NArgs
/// parameters and none variadic, and only reads and writes through them.
bool FunctionBuilder::tableCallIsHarmless(const Expr *Callee, unsigned NArgs) {
  llvm::SmallVector<const FunctionDecl *, 8> Targets;
  if (!tableTargets(Callee, FD->getBody(), Targets))
    return false;
  for (const FunctionDecl *F : Targets) {
    const FunctionDecl *Def = trustedDefinition(F);
    const Summary *S = Def && Def->hasBody() ? Lookup(Def) : nullptr;
    if (!S || Def->isVariadic() || Def->getNumParams() < NArgs || !summaryIsHarmless(*S))
      return false;
  }
  return true;
}

/// Adds to \p Out the texts a format argument may have: a narrow string
/// literal, a const character array initialized by one (`static const
/// char fmt[] = "%s\n"`), a variable of the function \p Body that it
/// never writes, initialized by one (`const char *fmt = c ? "%s\n" :
/// "<%s>\n"`), or a choice between such formats; false for anything else.
static bool formatLiterals(const Expr *E, const Stmt *Body, unsigned Depth,
                           llvm::SmallVectorImpl<llvm::StringRef> &Out) {
  E = E->IgnoreParenImpCasts();
  if (Depth > 8)
    return false;
  if (const auto *C = dyn_cast<ConditionalOperator>(E))
    return formatLiterals(C->getTrueExpr(), Body, Depth + 1, Out) &&
           formatLiterals(C->getFalseExpr(), Body, Depth + 1, Out);
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    if (!VD || isa<ParmVarDecl>(VD))
      return false;
    // Writing a const object is undefined: the initializer is its text,
    // unless another definition may take its place.
    const auto *AT = VD->getType()->getAsArrayTypeUnsafe();
    if (AT && isa<ConstantArrayType>(AT) && AT->getElementType().isConstQualified()) {
      const VarDecl *Def = VD->getDefinition();
      if (!Def || !Def->getInit() || mayBeReplaced(Def))
        return false;
      return formatLiterals(Def->getInit(), Body, Depth + 1, Out);
    }
    if (!VD->getInit())
      return false;
    // A pointer variable of the function, set once by its declaration.
    if (AT || !Body || !VD->isLocalVarDecl() || varWritten(Body, VD))
      return false;
    return formatLiterals(VD->getInit(), Body, Depth + 1, Out);
  }
  const auto *SL = dyn_cast<StringLiteral>(E);
  if (!SL || SL->getCharByteWidth() != 1)
    return false;
  Out.push_back(SL->getString());
  return true;
}

/// Reports whether the file refers to one of the functions \p Names
/// declared at file scope.
static bool fileUses(ASTContext &Ctx, llvm::ArrayRef<const char *> Names) {
  for (const char *N : Names)
    for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(N)))
      if (D->isReferenced())
        return true;
  return false;
}

/// Reports whether the file registers printf conversions of its own
/// (glibc's register_printf_specifier and friends): a handler may take
/// over any conversion, %s included, and keep its argument.
bool escape::analysis::printfRegistered(ASTContext &Ctx) {
  return fileUses(Ctx, {"register_printf_specifier", "register_printf_function",
                        "register_printf_modifier", "register_printf_type"});
}

/// Reports whether the file makes streams of its own (glibc's fopencookie,
/// BSD's funopen): a stdio write may hand the caller's buffer itself to
/// the stream's write function (unbuffered, or larger than the stream's
/// buffer), which may keep it.
bool escape::analysis::streamHooksMade(ASTContext &Ctx) {
  return fileUses(Ctx, {"fopencookie", "funopen"});
}

/// Reports whether a printf-style format is a literal whose conversions
/// are all the standard ones that print numbers, characters and strings:
/// then the variadic arguments are only read.  Anything else may let a
/// pointer out: %p prints an address that %p of scanf reads back, %n
/// stores, and a conversion registered with register_printf_specifier
/// may keep its argument (in a file that registers any, every format is
/// taken for unsafe).  Positional forms (`%2$p`, `%1$*2$d`) count as the
/// conversion they end in.
bool escape::analysis::formatIsSafe(const Expr *E, bool Registered, const Stmt *Body) {
  llvm::SmallVector<llvm::StringRef, 2> Fs;
  if (!formatLiterals(E, Body, 0, Fs) || Registered)
    return false;
  for (llvm::StringRef F : Fs)
    for (size_t I = F.find('%'); I != llvm::StringRef::npos;
         I = F.find('%', I + 1)) {
      size_t J = F.find_first_not_of("-+ #0123456789.*'$lhjztLqI", I + 1);
      if (J == llvm::StringRef::npos)
        return false;
      if (!llvm::StringRef("diouxXcsfFeEgGaACSm%").contains(F[J]))
        return false;
      I = J;
    }
  return true;
}

/// Reports whether a scanf-style format is a literal none of whose
/// conversions allocates: no m modifier (%ms, %m[, %mc) and no GNU %as.
/// Then the variadic arguments are only written with what was read.
static bool scanfFormatIsSafe(const Expr *E, const Stmt *Body) {
  llvm::SmallVector<llvm::StringRef, 2> Fs;
  if (!formatLiterals(E, Body, 0, Fs))
    return false;
  for (llvm::StringRef F : Fs)
    for (size_t I = F.find('%'); I != llvm::StringRef::npos;
         I = F.find('%', I + 1)) {
      size_t J = I + 1;
      if (J < F.size() && F[J] == '%') {
        I = J;
        continue;
      }
      while (J < F.size() && llvm::StringRef("*0123456789'$mhljztLqI").contains(F[J])) {
        if (F[J] == 'm')
          return false;
        ++J;
      }
      if (J < F.size() && F[J] == 'a' && J + 1 < F.size() &&
          llvm::StringRef("sS[").contains(F[J + 1]))
        return false;
      I = J < F.size() ? J : F.size() - 1;
    }
  return true;
}

/// storageType is the type of the memory a pointer argument points at, as
/// its expression declares it before any cast: `&p` -> the type of p, an
/// array -> its element type.  Null when the expression has no such type.
static QualType storageType(const Expr *Arg) {
  QualType T = Arg->IgnoreParenCasts()->getType();
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType();
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType();
  return QualType();
}

/// True when the memory \p Arg points at may hold a pointer: its declared
/// type says so, or it is void (unknown).
static bool storageMayHoldPointer(const Expr *Arg) {
  QualType T = storageType(Arg);
  return T.isNull() || T->isVoidType() || FunctionBuilder::mayHoldPointer(T);
}

void FunctionBuilder::stringLoad(const Expr *Arg, NodeId Ptr, NodeId Dst,
                                 SourceLocation Loc, llvm::StringRef Why) {
  // A string read out of a character-array member holds what the member's
  // bytes may hold: not the struct's pointer members stored by name
  // (`table[k] = strdup(n->name)` leaves n->vals alone).
  if (const void *Root = charMemberRoot(Arg))
    G.bytesLoad(Ptr, Dst, Root, Loc, Why);
  else
    G.load(Ptr, Dst, Loc, Why);
}

bool FunctionBuilder::libcCall(const CallExpr *E, llvm::StringRef Name,
                               std::vector<NodeId> &Args, NodeId &Result) {
  const LibcEntry *L = lookupLibc(Name);
  if (!L)
    return false;
  SourceLocation Loc = E->getExprLoc();
  llvm::StringRef Spec = L->Params;
  bool Variadic = Spec.ends_with(".");
  if (Variadic)
    Spec = Spec.drop_back();
  llvm::StringRef Fn = L->Name;
  bool Capturing = false;
  // In a file that makes fopencookie streams, what a stdio output
  // function writes may reach a stream's write function (glibc hands it a
  // long string or buffer itself): printf's format and arguments, perror's
  // message, fputs's string, fwrite's buffer.
  static const char *const StreamWriters[] = {
      "printf", "fprintf", "vprintf", "vfprintf", "puts", "fputs",
      "fwrite", "perror", "fputs_unlocked", "fwrite_unlocked",
      "warn", "warnx", "err", "errx", "vwarn", "vwarnx", "verr", "verrx",
      "error", "error_at_line"};
  bool Hooked = llvm::is_contained(StreamWriters, Fn) && (StdioHooks || streamHooksMade(Ctx));
  char Rest = 'n'; // what the variadic arguments are, when not escaping
  // A fortified variant may take its extra numbers before some of the
  // function's own parameters (__printf_chk(flag, fmt, ...)): argument I is
  // the function's parameter SpecIndex(I), or one of those numbers ('n').
  const FunctionDecl *Callee = E->getDirectCallee();
  FortifyExtra X = fortifyExtra(Callee ? nameOf(Callee) : llvm::StringRef());
  auto SpecIndex = [&](unsigned I) { return I >= X.At + X.Count ? I - X.Count : I; };
  auto Inserted = [&](unsigned I) { return I >= X.At && I < X.At + X.Count; };
  auto Letter = [&](unsigned I) {
    if (Inserted(I))
      return 'n';
    unsigned J = SpecIndex(I);
    return J < Spec.size() ? Spec[J] : '\0';
  };
  for (unsigned I = 0; I != Args.size(); ++I) {
    char C = Letter(I);
    if (C == 'f' && !callbackIsHarmless(E->getArg(I)))
      Capturing = true;
    if (C == 'p' && !formatIsSafe(E->getArg(I), StdioHooks || printfRegistered(Ctx), FD->getBody()))
      Variadic = false;
    if (C == 'm' && !scanfFormatIsSafe(E->getArg(I), FD->getBody()))
      Rest = 'w';
  }
  NodeId Dst = NoNode, Src = NoNode;
  unsigned DstArg = 0, SrcArg = 0;
  for (unsigned I = 0; I != Args.size(); ++I) {
    NodeId A = Args[I];
    bool Extra = !Inserted(I) && SpecIndex(I) >= Spec.size();
    char C = Extra ? (Variadic ? Rest : 'e') : Letter(I);
    if (A == NoNode)
      continue;
    if (Hooked && (C == 'b' || C == 'p' || Extra || Fn == "perror")) {
      escape(A, Loc, "handed to the write function of a stream by '" + Fn + "'");
      continue;
    }
    if (Capturing && C != 'f')
      C = 'e';
    switch (C) {
    case 'e':
      escape(A, Loc, "retained by '" + Fn + "'");
      break;
    case 't':
      if (!freedOnEveryPath(E, E->getArg(I), /*CallsReturn=*/true)) {
        escape(A, Loc, "retained by '" + Fn + "'");
        break;
      }
      // Freed before the function returns: later uses of the saved string
      // read freed memory in the plain program too.  What later calls
      // return still points into it.
      if (Retained == NoNode)
        Retained = G.addNode("<saved string>", ~0u);
      G.copy(A, Retained, Loc, G.save("saved by '" + Fn + "'"));
      break;
    case 'd':
      Dst = A;
      DstArg = I;
      break;
    case 's':
      Src = A;
      SrcArg = I;
      break;
    case 'b':
    {
      // Its bytes go to a file, a pipe, a socket or the environment, from
      // which the program may read them back: a pointer among them leaves
      // the analysis' view.  Whatever the argument's declared type: a
      // helper that writes a buffer in full takes it as `const void *` and
      // writes through a `char *` (`full_write(fd, &job, sizeof job)`
      // passing a block to another thread), and characters may hold a
      // pointer's bytes (a byte loop, a store through a cast).  Text
      // written to a stream (fputs, puts, as printf's `%s`) is read back as
      // an address only when its memory is declared to hold one: a string
      // field of a struct is written without the struct's blocks
      // (docs/user-guide.md, Assumptions).
      bool Text = Fn == "fputs" || Fn == "puts";
      if (Text && !storageMayHoldPointer(E->getArg(I)))
        break;
      NodeId T = temp("bytes");
      G.load(A, T, Loc, G.save("written out by '" + Fn + "'"));
      escape(T, Loc, "written out as bytes by '" + Fn + "'");
      break;
    }
    case 'w':
      // asprintf's block: a site of its own (allocation()).
      if (PrintedInto == NoNode || I != 0)
        G.store(G.HeapPtr, A, Loc, G.save("overwritten by '" + Fn + "'"));
      break;
    case 'r': {
      NodeId T = temp("realloc'd");
      G.load(A, T, Loc, G.save("loaded by '" + Fn + "'"));
      G.copy(T, G.NeedsHeap, Loc, G.save("reallocated by '" + Fn + "'"));
      G.store(G.HeapPtr, A, Loc, G.save("overwritten by '" + Fn + "'"));
      break;
    }
    case 'o':
      G.store(Args[0], A, Loc, G.save("stored by '" + Fn + "'"));
      break;
    case 'x':
      G.copy(A, G.NeedsHeap, Loc, G.save("passed to '" + Fn + "'"));
      break;
    default:
      break;
    }
  }
  // Characters may be a pointer's bytes, and these copy characters as
  // strcpy does: sprintf and snprintf the format's and `%s` arguments'
  // into the buffer, asprintf into its block (a site, or when the call is
  // not one, a block the caller cannot follow: as if written out), sscanf
  // the input's into `%c`, `%s` and `%[` targets (a number's is text
  // parsed back).
  auto copyChars = [&](unsigned From, NodeId Into) {
    NodeId T = temp("bytes");
    stringLoad(E->getArg(From), Args[From], T, Loc, G.save("copied by '" + Fn + "'"));
    if (Into == NoNode)
      escape(T, Loc, "copied by '" + Fn + "' into a block it allocated");
    else
      G.store(T, Into, Loc, G.save("copied by '" + Fn + "'"));
  };
  for (unsigned I = 1; I < Args.size(); ++I) {
    if (Args[I] == NoNode || Inserted(I))
      continue;
    if (Fn == "sprintf" || Fn == "snprintf") {
      if (Args[0] != NoNode)
        copyChars(I, Args[0]);
    } else if (Fn == "asprintf" || (Fn == "vasprintf" && SpecIndex(I) == 1)) {
      copyChars(I, PrintedInto);
    } else if (Fn == "sscanf" && Args[0] != NoNode && SpecIndex(I) >= Spec.size()) {
      // The storage's type, or the argument's as written: `(char *)&q`
      // takes characters into a pointer's bytes.
      QualType T = storageType(E->getArg(I));
      QualType W = E->getArg(I)->IgnoreParenImpCasts()->getType();
      QualType P = W->isPointerType() ? W->getPointeeType() : QualType();
      if (T.isNull() || T->isVoidType() || T->isAnyCharacterType() ||
          (!P.isNull() && (P->isVoidType() || P->isAnyCharacterType())))
        copyChars(0, Args[I]);
    }
  }
  if (Dst != NoNode && Src != NoNode) {
    NodeId T = temp("bytes");
    // A string copy stops at the terminator, within the source's array; a
    // copy of n bytes may run past a member into the next ones.
    if (Fn.starts_with("str") || Fn.starts_with("stp"))
      stringLoad(E->getArg(SrcArg), Src, T, Loc, G.save("copied by '" + Fn + "'"));
    else
      G.load(Src, T, Loc, G.save("copied by '" + Fn + "'"));
    // Pointers copied into memory declared as bytes, integers or floats
    // (a wire format, a handle, a NaN-boxed value) come back as numbers
    // the analysis cannot follow; into `void` memory, whose type is
    // unknown, they may as well.  They may also come back as pointers, by
    // a copy out of that memory (a swap through a byte buffer, a generic
    // container's slot): the memory holds them too, so what is stored
    // through a pointer copied back reaches where it points.
    QualType DstT = storageType(E->getArg(DstArg));
    if (!DstT.isNull() && !mayHoldPointer(DstT) && storageMayHoldPointer(E->getArg(SrcArg)))
      escape(T, Loc, "copied as raw bytes by '" + Fn + "'");
    G.store(T, Dst, Loc, G.save("copied by '" + Fn + "'"));
  }
  Result = NoNode;
  if (!mayHoldPointer(E->getType()))
    return true;
  switch (L->Result) {
  case LibcResult::None:
    break;
  case LibcResult::Heap:
    Result = G.HeapPtr;
    break;
  case LibcResult::Arg0:
    Result = Args.empty() ? NoNode : Args[0];
    if (Spec.starts_with("t") && Retained != NoNode) {
      NodeId T = temp("call");
      if (Result != NoNode)
        G.copy(Result, T, Loc, G.save("returned by '" + Fn + "'"));
      G.copy(Retained, T, Loc, G.save("returned by '" + Fn + "'"));
      Result = T;
    }
    break;
  case LibcResult::Arg1:
    Result = Args.size() < 2 ? NoNode : Args[1];
    break;
  case LibcResult::Arg2:
    Result = Args.size() < 3 ? NoNode : Args[2];
    break;
  case LibcResult::LoadArg0:
    if (!Args.empty() && Args[0] != NoNode) {
      Result = temp("load");
      G.load(Args[0], Result, Loc, G.save("returned by '" + Fn + "'"));
    }
    break;
  case LibcResult::Arg0OrLoadArg2:
    Result = temp("call");
    if (!Args.empty())
      G.copy(Args[0], Result, Loc, G.save("returned by '" + Fn + "'"));
    if (Args.size() > 2 && Args[2] != NoNode)
      G.load(Args[2], Result, Loc, G.save("returned by '" + Fn + "'"));
    break;
  case LibcResult::HeapOrArg0:
    Result = temp("call");
    G.copy(G.HeapPtr, Result, Loc, G.save("returned by '" + Fn + "'"));
    if (!Args.empty())
      G.copy(Args[0], Result, Loc, G.save("returned by '" + Fn + "'"));
    break;
  case LibcResult::HeapOrArg1:
    Result = temp("call");
    G.copy(G.HeapPtr, Result, Loc, G.save("returned by '" + Fn + "'"));
    if (Args.size() > 1)
      G.copy(Args[1], Result, Loc, G.save("returned by '" + Fn + "'"));
    break;
  }
  return true;
}

NodeId FunctionBuilder::applySummary(const FunctionDecl *F,
                                     const Summary &S, std::vector<NodeId> &Args,
                                     SourceLocation Loc, const CallExpr *Call) {
  AppliedSummary = &S;
  llvm::StringRef Fn = nameOf(F);
  NodeId Result = NoNode;
  if (mayHoldPointer(F->getReturnType()))
    Result = temp("call");
  std::vector<NodeId> Reaches(Args.size(), NoNode);
  auto reachOf = [&](unsigned K) {
    if (Reaches[K] == NoNode)
      Reaches[K] = G.reach(Args[K], Loc,
                           G.save("reachable from argument " +
                                  llvm::Twine(K + 1) + " of '" + Fn + "'"));
    return Reaches[K];
  };
  // A logging wrapper prints its variadic arguments with its caller's
  // format: checked here as printf's is.  In a file that registers
  // conversions or makes streams, they escape as printf's do.
  bool PrintedKept = false;
  if (S.VarArgs.Tracked && S.VarArgsPrinted) {
    bool Hooks = StdioHooks || printfRegistered(Ctx) || streamHooksMade(Ctx);
    unsigned K = unsigned(S.VarArgsFormat);
    PrintedKept = Hooks || (S.VarArgsFormat >= 0 &&
                            (!Call || K >= Call->getNumArgs() ||
                             !formatIsSafe(Call->getArg(K), false, FD->getBody())));
  }
  for (unsigned I = 0; I != Args.size(); ++I) {
    NodeId A = Args[I];
    if (A == NoNode)
      continue;
    if (I >= F->getNumParams() && S.VarArgs.Tracked && PrintedKept) {
      escape(A, Loc, "printed by '" + Fn + "' with a format that may keep it");
      continue;
    }
    // Printed into memory: a `%s` argument's characters may be a pointer's
    // bytes, copied where the analysis does not follow them (snprintf's
    // into its buffer are followed, by libcCall).
    if (I >= F->getNumParams() && S.VarArgs.Tracked && S.VarArgsPrinted && S.VarArgsCopied &&
        Call && I < Call->getNumArgs()) {
      NodeId T = temp("bytes");
      stringLoad(Call->getArg(I), A, T, Loc, G.save("copied by '" + Fn + "'"));
      escape(T, Loc, "copied as characters by '" + Fn + "' into memory it prints to");
    }
    if (I >= F->getNumParams() && S.VarArgs.Tracked) {
      // A variadic argument the callee only reads or writes through.
      if (S.VarArgs.WritesUnknown)
        G.store(G.HeapPtr, A, Loc, G.save("overwritten by '" + Fn + "'"));
      if (S.VarArgs.DeepWrite)
        G.store(G.HeapPtr, reachOf(I), Loc, G.save("overwritten by '" + Fn + "'"));
      continue;
    }
    if (I >= S.Params.size() || !S.Params[I].Tracked) {
      escape(A, Loc, "passed to '" + Fn + "'");
      continue;
    }
    const ParamSummary &P = S.Params[I];
    llvm::StringRef PN = G.save(F->getParamDecl(I)->getName());
    auto reach = [&] { return reachOf(I); };
    if (P.Heap)
      escape(A, Loc, "passed to '" + Fn + "', whose parameter '" + PN +
                         "' leaks");
    if (P.Content)
      G.load(A, G.HeapNode, Loc,
             G.save("content leaks through parameter '" + PN + "' of '" +
                    Fn + "'"));
    if (P.DeepContent) {
      // What the blocks A's pointee points to hold escapes, not the blocks.
      NodeId Mid = G.addNode("<content>", ~0u);
      G.load(A, Mid, Loc, G.save("read by '" + Fn + "' through '" + PN + "'"));
      G.load(Mid, G.HeapNode, Loc,
             G.save("deep content leaks through parameter '" + PN + "' of '" +
                    Fn + "'"));
    }
    if (P.Result)
      G.copy(A, Result, Loc,
             G.save("returned by '" + Fn + "' through '" + PN + "'"));
    if (P.ContentResult)
      G.copy(reach(), Result, Loc,
             G.save("returned by '" + Fn + "' from '" + PN + "'"));
    if (P.ResultContent)
      G.store(A, Result, Loc,
              G.save("stored by '" + Fn + "' into its result"));
    for (unsigned J : P.IntoContentOf) {
      if (J < Args.size() && Args[J] != NoNode)
        G.store(A, Args[J], Loc,
                G.save("stored by '" + Fn + "' into '*" +
                       F->getParamDecl(J)->getName() + "'"));
      else
        escape(A, Loc, "stored by '" + Fn + "' into unknown memory");
    }
    // Into the blocks argument J's pointee points to, or into all it reaches.
    auto storeDeep = [&](unsigned J, bool Further) {
      if (J >= Args.size() || Args[J] == NoNode) {
        escape(A, Loc, "stored by '" + Fn + "' into unknown memory");
        return;
      }
      llvm::StringRef Why = G.save("stored by '" + Fn + "' into memory reachable from '" +
                                   F->getParamDecl(J)->getName() + "'");
      NodeId Into = Further ? reachOf(J) : G.addNode("<pointee's targets>", ~0u);
      if (!Further)
        G.load(Args[J], Into, Loc, Why);
      G.store(A, Into, Loc, Why);
    };
    for (unsigned J : P.IntoDeepOf)
      storeDeep(J, false);
    for (unsigned J : P.IntoDeeperOf)
      storeDeep(J, true);
    for (unsigned J : P.ContentIntoContentOf) {
      if (J < Args.size() && Args[J] != NoNode)
        G.store(reach(), Args[J], Loc,
                G.save("stored by '" + Fn + "' into '*" +
                       F->getParamDecl(J)->getName() + "'"));
      else
        G.load(A, G.HeapNode, Loc, G.save("stored by '" + Fn + "' into unknown memory"));
    }
    for (unsigned J : P.ContentIntoDeepOf) {
      if (J < Args.size() && Args[J] != NoNode)
        G.store(reach(), reachOf(J), Loc,
                G.save("stored by '" + Fn + "' into memory reachable from '" +
                       F->getParamDecl(J)->getName() + "'"));
      else
        G.load(A, G.HeapNode, Loc, G.save("stored by '" + Fn + "' into unknown memory"));
    }
    // A callee's free() of an arena object is redirected to the arena
    // (esc_frame_free), so being freed there keeps an object off the stack
    // only; a callee that reallocates it needs heap memory.
    NodeId FreedInto = S.FreesStayHeap ? G.NeedsHeap : G.CalleeFree;
    if (P.Freed)
      G.copy(A, FreedInto, Loc, G.save("freed by '" + Fn + "'"));
    if (P.ContentFreed)
      G.copy(reach(), FreedInto, Loc, G.save("freed by '" + Fn + "'"));
    if (P.NeedsHeap)
      G.copy(A, G.NeedsHeap, Loc, G.save("kept on the heap by '" + Fn + "'"));
    if (P.ContentNeedsHeap)
      G.copy(reach(), G.NeedsHeap, Loc, G.save("kept on the heap by '" + Fn + "'"));
    if (P.WritesUnknown)
      G.store(G.HeapPtr, A, Loc, G.save("overwritten by '" + Fn + "'"));
    if (P.FreshContent) {
      // A heap block of the callee's own (a vector's storage it grows),
      // holding what the summary says of the arguments: what the caller
      // stores into it stays as local as the block.
      ObjId O = G.addObject(ObjKind::Fresh, G.save(Fn + "()"), Depth);
      NodeId C = G.Objects[O].Contents;
      llvm::StringRef Why = G.save("stored by '" + Fn + "' into a block it allocated");
      for (unsigned K : P.FreshHolds)
        if (K < Args.size() && Args[K] != NoNode)
          G.copy(Args[K], C, Loc, Why);
      for (unsigned K : P.FreshHoldsDeep)
        if (K < Args.size() && Args[K] != NoNode)
          G.copy(reachOf(K), C, Loc, Why);
      for (unsigned K : P.FreshHoldsDeeper)
        if (K < Args.size() && Args[K] != NoNode) {
          NodeId Mid = G.addNode("<content>", ~0u);
          G.load(Args[K], Mid, Loc, Why);
          G.copy(G.reach(Mid, Loc, Why), C, Loc, Why);
        }
      NodeId T = temp("fresh");
      G.addr(T, O);
      G.store(T, A, Loc, G.save("allocated by '" + Fn + "' into '*" + PN + "'"));
    }
    if (P.DeepWrite)
      G.store(G.HeapPtr, reach(), Loc, G.save("overwritten by '" + Fn + "'"));
  }
  applyCallbacks(F, S, Args, Loc, Call, reachOf);
  if (Result != NoNode && S.ReturnsFresh) {
    ObjId O = G.addObject(ObjKind::Fresh, G.save(Fn + "()"), Depth);
    G.addr(G.Objects[O].Contents, G.HeapObj);
    G.addr(Result, O);
  }
  if (Result != NoNode && S.ReturnsUnknown)
    G.copy(G.HeapPtr, Result, Loc, G.save("returned by '" + Fn + "'"));
  return Result;
}

NodeId FunctionBuilder::unknownCall(const CallExpr *E, const FunctionDecl *F,
                                    std::vector<NodeId> &Args) {
  SourceLocation Loc = E->getExprLoc();
  llvm::StringRef Fn = nameOf(F);
  for (unsigned I = 0; I != Args.size(); ++I) {
    NodeId A = Args[I];
    if (A == NoNode)
      continue;
    if (I < F->getNumParams() && F->getParamDecl(I)->hasAttr<NoEscapeAttr>()) {
      // noescape promises the pointer is not retained; what it points to
      // may still be read and overwritten.
      G.load(A, G.HeapNode, Loc,
             G.save("content passed to '" + Fn + "'"));
      G.store(G.HeapPtr, A, Loc, G.save("overwritten by '" + Fn + "'"));
      // Nor does it promise the callee leaves the block alone: it may free
      // or reallocate it, with a free() this compile cannot redirect.  It
      // did not when this function frees the same pointer afterwards.
      if (!freedOnEveryPath(E, E->getArg(I), /*CallsReturn=*/false))
        G.copy(A, G.NeedsHeap, Loc,
               G.save("may be freed by '" + Fn +
                      "' (noescape does not say it is not)"));
      continue;
    }
    // Not "passed to" alone: that read like a callee known to keep the
    // pointer; this one may or may not.
    escape(A, Loc, "passed to '" + Fn + "', " + replacedBecause(F));
  }
  return mayHoldPointer(E->getType()) ? G.HeapPtr : NoNode;
}
