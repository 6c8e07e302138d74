//===- SmallSlot.cpp - Stack slots for small dynamic sizes ----------------===//
//
// An arena allocation of a dynamic size that the policy gave a stack slot
// of K bytes (AllocSite::SmallStack) takes the slot when its size at run
// time fits.  The rewrite made the slot, an alloca of K bytes in the
// function's entry, and passed it to the allocation's _small form, which
// keeps it alive (the inliner scopes it to each copy it makes, so that
// copies share their bytes); here that call becomes
//
//   m = esc_frame_enter();                if (n <= K) { p1 = slot }
//   p = esc_frame_alloc_small(n, slot) -> else { m1 = esc_frame_enter(); p2 = esc_frame_alloc(n) }
//                                         p = phi(p1, p2), m = phi(0, m1)
//
// calloc(c, n) takes it when c * n fits without overflow, and zeroes it;
// strdup(s) and strndup(s, n) when the copy, with its terminating null,
// fits: the C library's strlen (strnlen) measures it, and the characters
// are copied into the slot.  A module with something else under the name
// strlen or strnlen (a function or a variable of its own) keeps the arena.
//
// This runs last, not where the rewrite makes the arena call: up to here
// the optimizer may delete the allocation, as it deletes a malloc whose
// contents fold away, taking it to have succeeded.  A branch to a slot
// kept it alive, and a huge size then failed where plain code's
// 'succeeded' (`p = calloc(n, SIZE_MAX / 2); r = !p; free(p)`).
//
// The frame's entry moves to the arena's path with the allocation when it
// came right before it and the function allocates nothing else in the
// arena.  Then, in the function: every esc_frame_free passes null for a
// slot (it hands every other pointer that is not the arena's to free()); a
// leave of a mark that is now 0 on the slot's path runs only when it is
// not; a slot the inliner did not scope gets lifetime markers of its own
// (from the slot's path to a free of the block itself, and every return);
// and no call stays 'tail', which promises not to read the caller's stack.
//
//===----------------------------------------------------------------------===//
#include "SmallSlot.h"
#include "FrameTidy.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

using namespace llvm;

namespace escape::rewriter {

/// enterBefore returns the rewrite's esc_frame_enter right before \p Alloc
/// in its block, with no other call and no use of its mark between them.
static CallInst *enterBefore(CallInst *Alloc) {
  for (Instruction *I = Alloc->getPrevNode(); I; I = I->getPrevNode()) {
    if (!isa<CallBase>(I) || isa<IntrinsicInst>(I))
      continue;
    auto *CI = dyn_cast<CallInst>(I);
    if (!CI || calleeName(CI) != "esc_frame_enter" || CI->arg_size() != 0 ||
        !CI->getMetadata("escape.frame"))
      return nullptr;
    for (Instruction *J = CI->getNextNode(); J != Alloc; J = J->getNextNode())
      if (is_contained(J->operands(), CI))
        return nullptr;
    return CI;
  }
  return nullptr;
}

/// libcFn returns the C library's function \p Name of type \p FT, or null
/// when the module has something else under that name (the program's own
/// strlen, or a variable).
static FunctionCallee libcFn(Module &M, StringRef Name, FunctionType *FT) {
  if (GlobalValue *GV = M.getNamedValue(Name)) {
    auto *F = dyn_cast<Function>(GV);
    // A variable of that name (`static int strlen[4]`), or a function of
    // the program's own.
    if (!F || !F->isDeclaration() || F->getFunctionType() != FT || F->hasLocalLinkage())
      return FunctionCallee();
  }
  return M.getOrInsertFunction(Name, FT);
}

/// stringLength measures the string a strdup or strndup call copies, with
/// the C library's strlen or strnlen, at \p B; null when the module has
/// something else under that name (libcFn).
static Value *stringLength(CallInst *Alloc, bool Bounded, IRBuilder<> &B) {
  Module &M = *Alloc->getModule();
  Value *S = Alloc->getArgOperand(0);
  Type *SizeTy = M.getDataLayout().getIntPtrType(M.getContext());
  SmallVector<Type *, 2> Params{S->getType()};
  if (Bounded)
    Params.push_back(Alloc->getArgOperand(1)->getType());
  FunctionCallee Fn = libcFn(M, Bounded ? "strnlen" : "strlen",
                             FunctionType::get(SizeTy, Params, false));
  if (!Fn)
    return nullptr;
  if (Bounded)
    return B.CreateCall(Fn, {S, Alloc->getArgOperand(1)});
  return B.CreateCall(Fn, {S});
}

/// One allocation given its slot: the slot and the phi its uses now take.
struct Split {
  AllocaInst *Slot;
  PHINode *Ptr;
  bool Scoped; ///< the inliner's markers bound the slot's lifetime
};

/// plainCall replaces \p Small, an arena allocation's _small form, by the
/// allocation itself (its arguments but the slot).
static CallInst *plainCall(CallInst *Small) {
  Module &M = *Small->getModule();
  SmallVector<Value *, 2> Args(Small->args());
  Args.pop_back();
  SmallVector<Type *, 2> Params;
  for (Value *A : Args)
    Params.push_back(A->getType());
  Function *SmallFn = Small->getCalledFunction();
  StringRef Name = SmallFn->getName().drop_back(6);
  bool Existed = M.getFunction(Name) != nullptr;
  FunctionCallee Fn = M.getOrInsertFunction(Name, FunctionType::get(Small->getType(), Params, false));
  // Declared as the rewrite declares it (an allocator, for a later link-time
  // optimizer): the _small form's attributes but the slot's.
  if (auto *F = dyn_cast<Function>(Fn.getCallee()); F && !Existed)
    F->setAttributes(SmallFn->getAttributes().removeParamAttributes(
        M.getContext(), SmallFn->arg_size() - 1));
  IRBuilder<> B(Small);
  CallInst *Plain = B.CreateCall(Fn, Args);
  Plain->setDebugLoc(Small->getDebugLoc());
  Plain->takeName(Small);
  Small->replaceAllUsesWith(Plain);
  Small->eraseFromParent();
  return Plain;
}

/// hasLifetime reports whether \p Slot has lifetime markers (the inliner's).
static bool hasLifetime(const AllocaInst *Slot) {
  return any_of(Slot->users(), [](const User *U) {
    const auto *II = dyn_cast<IntrinsicInst>(U);
    return II && II->isLifetimeStartOrEnd();
  });
}

static Split splitOne(CallInst *Alloc, AllocaInst *Slot, uint64_t K, bool MoveEnter,
                      SmallVectorImpl<PHINode *> &Marks) {
  StringRef Kind = calleeName(Alloc);
  bool Copy = Kind == "esc_frame_strdup" || Kind == "esc_frame_strndup";
  bool Scoped = hasLifetime(Slot);

  CallInst *Enter = MoveEnter ? enterBefore(Alloc) : nullptr;
  if (Enter)
    Enter->moveBefore(Alloc);
  Instruction *First = Enter ? static_cast<Instruction *>(Enter) : Alloc;
  IRBuilder<> B(First);
  B.SetCurrentDebugLocation(Alloc->getDebugLoc());
  bool Calloc = Kind == "esc_frame_calloc";
  Value *Size = Alloc->getArgOperand(0), *Fits, *Len = nullptr;
  if (Copy) {
    Len = stringLength(Alloc, Kind == "esc_frame_strndup", B);
    if (!Len)
      return {nullptr, nullptr, false};
    // The length is at most the object's size minus one: no overflow.
    Fits = B.CreateICmpULT(Len, ConstantInt::get(Len->getType(), K));
  } else if (Calloc) {
    Value *Mul = B.CreateBinaryIntrinsic(Intrinsic::umul_with_overflow,
                                         Alloc->getArgOperand(0), Alloc->getArgOperand(1));
    Size = B.CreateExtractValue(Mul, 0);
    Fits = B.CreateAnd(B.CreateNot(B.CreateExtractValue(Mul, 1)),
                       B.CreateICmpULE(Size, ConstantInt::get(Size->getType(), K)));
  } else {
    Fits = B.CreateICmpULE(Size, ConstantInt::get(Size->getType(), K));
  }
  Instruction *Then = nullptr, *Else = nullptr;
  SplitBlockAndInsertIfThenElse(Fits, First, &Then, &Else);
  BasicBlock *Join = Alloc->getParent();
  if (Enter)
    Enter->moveBefore(Else);
  Alloc->moveBefore(Else);

  B.SetInsertPoint(Then);
  if (!Scoped)
    B.CreateLifetimeStart(Slot, B.getInt64(K));
  if (Calloc)
    B.CreateMemSet(Slot, B.getInt8(0), Size, Align(16));
  if (Copy) {
    B.CreateMemCpy(Slot, Align(16), Alloc->getArgOperand(0), Align(1), Len);
    B.CreateStore(B.getInt8(0), B.CreateGEP(B.getInt8Ty(), Slot, Len));
  }
  Value *SlotPtr = B.CreatePointerBitCastOrAddrSpaceCast(Slot, Alloc->getType());

  auto join = [&](Instruction *V, Value *OnSlot) {
    PHINode *Phi = PHINode::Create(V->getType(), 2, "", Join->begin());
    Phi->setDebugLoc(V->getDebugLoc());
    V->replaceAllUsesWith(Phi);
    Phi->takeName(V);
    Phi->addIncoming(OnSlot, Then->getParent());
    Phi->addIncoming(V, Else->getParent());
    return Phi;
  };
  PHINode *Ptr = join(Alloc, SlotPtr);
  if (Enter)
    Marks.push_back(join(Enter, Constant::getNullValue(Enter->getType())));
  return {Slot, Ptr, Scoped};
}

/// leaveIfEntered makes each esc_frame_leave of \p Mark run only when the
/// mark is not 0 (the slot's path entered no frame).
static void leaveIfEntered(PHINode *Mark) {
  SmallVector<CallInst *, 4> Leaves;
  for (User *U : Mark->users())
    if (auto *CI = dyn_cast<CallInst>(U); CI && calleeName(CI) == "esc_frame_leave" &&
                                           CI->getArgOperand(0) == Mark)
      Leaves.push_back(CI);
  for (CallInst *CI : Leaves) {
    IRBuilder<> B(CI);
    Value *Entered = B.CreateICmpNE(Mark, Constant::getNullValue(Mark->getType()));
    Instruction *T = SplitBlockAndInsertIfThen(Entered, CI, false);
    CI->moveBefore(T);
  }
}

bool splitSmall(Function &F) {
  SmallVector<CallInst *, 2> Smalls;
  for (Instruction &I : instructions(F)) {
    StringRef N = calleeName(&I);
    if (isa<CallInst>(I) && cast<CallInst>(I).arg_size() > 1 &&
        (N == "esc_frame_alloc_small" || N == "esc_frame_calloc_small" ||
         N == "esc_frame_strdup_small" || N == "esc_frame_strndup_small"))
      Smalls.push_back(cast<CallInst>(&I));
  }
  if (Smalls.empty())
    return false;
  SmallVector<std::tuple<CallInst *, AllocaInst *, uint64_t>, 2> Allocs;
  const DataLayout &DL = F.getParent()->getDataLayout();
  for (CallInst *CI : Smalls) {
    auto *Slot = dyn_cast<AllocaInst>(CI->getArgOperand(CI->arg_size() - 1));
    CallInst *Plain = plainCall(CI);
    std::optional<TypeSize> Size = Slot ? Slot->getAllocationSize(DL) : std::nullopt;
    if (Size && !Size->isScalable() && Size->getFixedValue() > 0)
      Allocs.push_back({Plain, Slot, Size->getFixedValue()});
  }
  // The frame's entry goes to the arena's path only when nothing else
  // allocates in it: another allocation would find no frame entered.
  unsigned ArenaAllocs = 0;
  for (Instruction &I : instructions(F)) {
    StringRef N = calleeName(&I);
    ArenaAllocs += N.starts_with("esc_frame_") && N != "esc_frame_enter" &&
                   N != "esc_frame_leave" && N != "esc_frame_free" &&
                   !N.starts_with("esc_frame_jmp_");
  }
  SmallVector<Split, 2> Splits;
  SmallVector<PHINode *, 2> Marks;
  for (auto &[CI, Slot, K] : Allocs) {
    if (Split S = splitOne(CI, Slot, K, ArenaAllocs == 1, Marks); S.Slot)
      Splits.push_back(S);
    else if (Slot->use_empty())
      Slot->eraseFromParent();
  }
  if (Splits.empty())
    return true;
  for (PHINode *M : Marks)
    leaveIfEntered(M);

  SmallVector<CallInst *, 4> Frees;
  for (Instruction &I : instructions(F))
    if (calleeName(&I) == "esc_frame_free" && cast<CallBase>(I).arg_size() == 1)
      Frees.push_back(cast<CallInst>(&I));
  auto end = [&](AllocaInst *Slot, Instruction *At) {
    IRBuilder<> B(At);
    B.CreateLifetimeEnd(Slot, B.getInt64(DL.getTypeAllocSize(Slot->getAllocatedType())));
  };
  for (CallInst *Free : Frees) {
    Value *P = Free->getArgOperand(0);
    IRBuilder<> B(Free);
    Value *IsSlot = B.getFalse();
    for (const Split &S : Splits) {
      IsSlot = B.CreateOr(IsSlot, B.CreateICmpEQ(P, B.CreatePointerBitCastOrAddrSpaceCast(
                                                         S.Slot, P->getType())));
      if (P == S.Ptr && !S.Scoped)
        end(S.Slot, Free);
    }
    Free->setArgOperand(0, B.CreateSelect(IsSlot, Constant::getNullValue(P->getType()), P));
  }
  for (BasicBlock &BB : F)
    if (auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator()))
      for (const Split &S : Splits)
        if (!S.Scoped)
          end(S.Slot, Ret);
  for (Instruction &I : instructions(F))
    if (auto *CI = dyn_cast<CallInst>(&I); CI && CI->getTailCallKind() == CallInst::TCK_Tail)
      CI->setTailCallKind(CallInst::TCK_None);
  return true;
}

} // namespace escape::rewriter
