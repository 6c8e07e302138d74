//===- FrameTidy.cpp - Last touches to the frame-arena calls -------------===//
//
// This file implements the pass that runs last in the pipeline over the
// frame-arena calls the rewrite made.  Where the optimizer deleted every
// arena allocation of a function (their contents folded away), the frame
// has nothing left to release and goes.  Where an enter is followed by an
// allocation, or a free by a leave, with no other call between them, the
// two become one runtime call (esc_frame_enter_alloc, esc_frame_free_leave):
// a one-object frame then costs two calls instead of four.
//
// The rule fusing keeps: the fused call does what the two calls did, in the
// same order relative to every other call.  It may run a free later (at
// the leave), past instructions that are not calls, which cannot use the
// freed object; it never moves an enter, allocation or leave across a call.
//
//   good: m = enter(); p = alloc(n)           -> {p, m} = enter_alloc(n)
//         free(p); x = y + 1; leave(m)        -> x = y + 1; free_leave(p, m)
//   bad:  free(p); g(); leave(m)              (g may enter frames of its own)
//
// When p and m are the two halves of one enter_alloc, the fused free and
// leave is esc_frame_free_leave_pair(p), which finds the frame from p: the
// mark need not stay live to the end, which in a recursive function is a
// callee-saved register (8 or 16 bytes of stack) per level.  A leave that
// shares its block with other paths (the join after `if (!p) return`) is
// first copied into the block's predecessors, so that the path that frees
// p can fuse:
//
//   good: free(p); br join  /  join: r = phi ...; leave(m); ret r
//         -> free_leave_pair(p); br join  /  (other edge) leave(m)
//   bad:  join: x = load q; leave(m)        (the leave would move above a load)
//
// And when a call follows the free of a one-object frame that every path
// frees (leaveAtFree), the frame ends at the free instead of the returns:
// the leave moves up to it, past calls, which is sound because nothing can
// be in the frame after the free (no other arena call in the function).
//
//===----------------------------------------------------------------------===//
#include "FrameTidy.h"
#include "SmallSlot.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/InstructionSimplify.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Scalar/TailRecursionElimination.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Local.h"

using namespace llvm;
using namespace llvm::PatternMatch;

namespace escape::rewriter {

StringRef calleeName(const Instruction *I) {
  const auto *CB = dyn_cast<CallBase>(I);
  const Function *Fn = CB ? CB->getCalledFunction() : nullptr;
  return Fn ? Fn->getName() : StringRef();
}

/// allocatesInArena reports whether \p F still calls an arena function
/// other than enter and leave.
static bool allocatesInArena(Function &F) {
  for (Instruction &I : instructions(F)) {
    StringRef N = calleeName(&I);
    if (N.starts_with("esc_frame_") && N != "esc_frame_enter" &&
        N != "esc_frame_leave" && !N.starts_with("esc_frame_jmp_"))
      return true;
  }
  return false;
}

/// dropFrames removes from \p F the frames the rewrite made (enter calls
/// with !escape.frame) once no arena allocation is left: each mark becomes
/// 0, the phis, loads and tests of a lazy entry fold with it, and every
/// esc_frame_leave(0), a no-op, goes.
static bool dropFrames(Function &F, Function *Enter) {
  SmallVector<CallInst *, 2> Marks;
  for (Instruction &I : instructions(F))
    if (auto *CI = dyn_cast<CallInst>(&I))
      if (CI->getCalledFunction() == Enter && CI->getMetadata("escape.frame"))
        Marks.push_back(CI);
  if (Marks.empty() || allocatesInArena(F))
    return false;
  for (CallInst *Mark : Marks) {
    replaceAndRecursivelySimplify(Mark, Constant::getNullValue(Mark->getType()));
    Mark->eraseFromParent();
  }
  SmallVector<CallInst *, 4> Dead;
  for (Instruction &I : instructions(F))
    if (calleeName(&I) == "esc_frame_leave" && cast<CallInst>(I).arg_size() == 1)
      if (auto *C = dyn_cast<Constant>(cast<CallInst>(I).getArgOperand(0));
          C && C->isNullValue())
        Dead.push_back(cast<CallInst>(&I));
  for (CallInst *CI : Dead)
    CI->eraseFromParent();
  for (BasicBlock &BB : F)
    ConstantFoldTerminator(&BB, true);
  removeUnreachableBlocks(F);
  return true;
}

/// declare returns the runtime function \p Name of type \p FT, nounwind.
static FunctionCallee declare(Module &M, StringRef Name, FunctionType *FT) {
  FunctionCallee FC = M.getOrInsertFunction(Name, FT);
  if (auto *Fn = dyn_cast<Function>(FC.getCallee()))
    Fn->addFnAttr(Attribute::NoUnwind);
  return FC;
}

/// pairOf returns the esc_frame_enter_alloc call whose half \p Idx (0 the
/// object, 1 the mark) \p V is, or null.
static const CallInst *pairOf(const Value *V, unsigned Idx) {
  const auto *EV = dyn_cast<ExtractValueInst>(V);
  if (!EV || EV->getNumIndices() != 1 || EV->getIndices()[0] != Idx)
    return nullptr;
  const auto *CI = dyn_cast<CallInst>(EV->getAggregateOperand());
  return CI && calleeName(CI) == "esc_frame_enter_alloc" ? CI : nullptr;
}

/// fuseEnterAlloc turns \p Enter and an esc_frame_alloc after it in its
/// block, with no call and no use of the mark between them, into
/// esc_frame_enter_alloc.
static CallInst *fuseEnterAlloc(CallInst *Enter) {
  CallInst *Alloc = nullptr;
  for (Instruction *I = Enter->getNextNode(); I && !Alloc; I = I->getNextNode()) {
    if (is_contained(I->operands(), Enter))
      return nullptr;
    if (isa<IntrinsicInst>(I) || !isa<CallBase>(I))
      continue;
    if (calleeName(I) != "esc_frame_alloc" || !isa<CallInst>(I) ||
        cast<CallInst>(I)->arg_size() != 1)
      return nullptr;
    Alloc = cast<CallInst>(I);
  }
  if (!Alloc)
    return nullptr;
  Module &M = *Enter->getModule();
  Value *Size = Alloc->getArgOperand(0);
  StructType *Pair = StructType::get(Alloc->getType(), Enter->getType());
  FunctionCallee Fused = declare(
      M, "esc_frame_enter_alloc", FunctionType::get(Pair, {Size->getType()}, false));
  IRBuilder<> B(Alloc);
  CallInst *Call = B.CreateCall(Fused, {Size});
  Call->setDebugLoc(Alloc->getDebugLoc());
  Alloc->replaceAllUsesWith(B.CreateExtractValue(Call, 0));
  Enter->replaceAllUsesWith(B.CreateExtractValue(Call, 1));
  Alloc->eraseFromParent();
  Enter->eraseFromParent();
  return Call;
}

/// callFreeLeavePair puts esc_frame_free_leave_pair(\p Ptr) before \p At,
/// at \p At's location.
static void callFreeLeavePair(Instruction *At, Value *Ptr) {
  Module &M = *At->getModule();
  IRBuilder<> B(At);
  B.CreateCall(declare(M, "esc_frame_free_leave_pair",
                       FunctionType::get(Type::getVoidTy(M.getContext()),
                                         {Ptr->getType()}, false)),
               {Ptr})
      ->setDebugLoc(At->getDebugLoc());
}

/// fuseFreeLeave turns \p Leave and an esc_frame_free before it in its
/// block, with no call between them, into esc_frame_free_leave.
static bool fuseFreeLeave(CallInst *Leave) {
  CallInst *Free = nullptr;
  for (Instruction *I = Leave->getPrevNode(); I && !Free; I = I->getPrevNode()) {
    if (isa<IntrinsicInst>(I) || !isa<CallBase>(I))
      continue;
    if (calleeName(I) != "esc_frame_free" || !isa<CallInst>(I) ||
        cast<CallInst>(I)->arg_size() != 1)
      return false;
    Free = cast<CallInst>(I);
  }
  if (!Free)
    return false;
  Module &M = *Leave->getModule();
  Value *Ptr = Free->getArgOperand(0), *Mark = Leave->getArgOperand(0);
  if (pairOf(Ptr, 0) && pairOf(Ptr, 0) == pairOf(Mark, 1)) {
    callFreeLeavePair(Leave, Ptr);
  } else {
    IRBuilder<> B(Leave);
    B.CreateCall(declare(M, "esc_frame_free_leave",
                         FunctionType::get(Type::getVoidTy(M.getContext()),
                                           {Ptr->getType(), Mark->getType()}, false)),
                 {Ptr, Mark})
        ->setDebugLoc(Leave->getDebugLoc());
  }
  Free->eraseFromParent();
  Leave->eraseFromParent();
  RecursivelyDeleteTriviallyDeadInstructions(Mark);
  return true;
}

/// freesPairLast reports whether the last call in \p BB before its
/// terminator is esc_frame_free of half 0 of \p Pair.
static bool freesPairLast(BasicBlock *BB, const CallInst *Pair) {
  for (Instruction *I = BB->getTerminator()->getPrevNode(); I; I = I->getPrevNode()) {
    if (isa<IntrinsicInst>(I) || !isa<CallBase>(I))
      continue;
    return calleeName(I) == "esc_frame_free" && cast<CallBase>(I)->arg_size() == 1 &&
           pairOf(cast<CallBase>(I)->getArgOperand(0), 0) == Pair;
  }
  return false;
}

/// sinkPairLeave copies \p Leave, the leave of an enter_alloc pair's mark,
/// into the predecessors of its block when one of them frees the pair's
/// object last, and appends the copies to \p Copies: a copy can then fuse
/// into esc_frame_free_leave_pair.  Only phis and instructions that touch
/// no memory may precede the leave in its block (the copies run before
/// them), the mark must come from another block (so it dominates every
/// predecessor), and each predecessor must end in a branch or switch with
/// one edge to the block (a split edge when it has other successors).
static bool sinkPairLeave(CallInst *Leave, SmallVectorImpl<CallInst *> &Copies) {
  BasicBlock *BB = Leave->getParent();
  auto *Mark = dyn_cast<Instruction>(Leave->getArgOperand(0));
  const CallInst *Pair = Mark ? pairOf(Mark, 1) : nullptr;
  if (!Pair || Mark->getParent() == BB || BB->isEHPad())
    return false;
  for (Instruction *I = BB->getFirstNonPHI(); I != Leave; I = I->getNextNode())
    if (I->mayReadOrWriteMemory() || I->mayHaveSideEffects() || isa<CallBase>(I))
      return false;
  SmallSetVector<BasicBlock *, 4> Preds(pred_begin(BB), pred_end(BB));
  bool Fusable = false;
  for (BasicBlock *P : Preds) {
    Instruction *T = P->getTerminator();
    if (!isa<BranchInst>(T) && !isa<SwitchInst>(T))
      return false;
    if (count(successors(P), BB) != 1)
      return false;
    Fusable |= freesPairLast(P, Pair);
  }
  if (!Fusable)
    return false;
  for (BasicBlock *P : Preds) {
    BasicBlock *Into = P->getSingleSuccessor() == BB ? P : SplitEdge(P, BB);
    auto *Copy = cast<CallInst>(Leave->clone());
    Copy->insertBefore(Into->getTerminator());
    Copies.push_back(Copy);
  }
  Leave->eraseFromParent();
  return true;
}

/// callFollows reports whether a call other than an intrinsic or a leave
/// may run after \p I before the function returns.  Without one, the leave
/// at the return costs no register across a call, and fuseFreeLeave's later
/// free keeps the values computed after it out of callee-saved registers.
static bool callFollows(Instruction *I) {
  SmallVector<BasicBlock *, 8> Work;
  SmallPtrSet<BasicBlock *, 8> Seen;
  auto Scan = [](BasicBlock::iterator It, BasicBlock::iterator End) {
    for (; It != End; ++It)
      if (isa<CallBase>(*It) && !isa<IntrinsicInst>(*It) &&
          calleeName(&*It) != "esc_frame_leave")
        return true;
    return false;
  };
  BasicBlock *BB = I->getParent();
  if (Scan(std::next(I->getIterator()), BB->end()))
    return true;
  append_range(Work, successors(BB));
  while (!Work.empty()) {
    BasicBlock *B = Work.pop_back_val();
    if (!Seen.insert(B).second)
      continue;
    if (Scan(B->begin(), B->end()))
      return true;
    append_range(Work, successors(B));
  }
  return false;
}

/// passesFree reports whether every path from \p Pair to a return passes
/// \p Free, or leaves the pair's block on the edge where its object \p Ptr
/// is NULL: a NULL object opened no frame (the runtime's contract), so
/// that path needs no leave.  That is the usual `if (!p) return ...;`.
static bool passesFree(CallInst *Pair, Value *Ptr, CallInst *Free,
                       const PostDominatorTree &PDT) {
  if (PDT.dominates(Free, Pair))
    return true;
  BasicBlock *BB = Pair->getParent();
  auto *Br = dyn_cast<BranchInst>(BB->getTerminator());
  ICmpInst::Predicate Pred;
  if (!Br || !Br->isConditional() ||
      !match(Br->getCondition(), m_ICmp(Pred, m_Specific(Ptr), m_Zero())) ||
      !ICmpInst::isEquality(Pred))
    return false;
  BasicBlock *NonNull = Br->getSuccessor(Pred == ICmpInst::ICMP_EQ ? 1 : 0);
  return NonNull != Br->getSuccessor(Pred == ICmpInst::ICMP_EQ ? 0 : 1) &&
         NonNull->getSinglePredecessor() == BB &&
         PDT.dominates(Free, &NonNull->front());
}

/// leaveAtFree ends \p Pair's frame at the free of its object when nothing
/// else can be in the frame: the function makes no other arena call, the
/// object has one esc_frame_free, which every path from the pair to a
/// return passes but where the object is NULL (passesFree), and the mark is
/// used by leaves alone.  The free becomes esc_frame_free_leave_pair and
/// the leaves go, so neither the object nor the mark stays live to the
/// returns: a recursive function that frees its buffer before it recurses
/// keeps no register for the frame across the call.  Only when a call may
/// follow the free (callFollows): otherwise the free moves to the leave.
///
///   good: {p, m} = enter_alloc(32); ...; free(p); f(n - 1); leave(m)
///         -> {p} = enter_alloc(32); ...; free_leave_pair(p); f(n - 1)
///   bad:  if (n > 2) free(p);  (a path from the pair around the free)
static bool leaveAtFree(CallInst *Pair, const PostDominatorTree &PDT) {
  Function &F = *Pair->getFunction();
  Instruction *Ptr = nullptr, *Mark = nullptr;
  for (User *U : Pair->users()) {
    if (pairOf(U, 0) == Pair && !Ptr)
      Ptr = cast<Instruction>(U);
    else if (pairOf(U, 1) == Pair && !Mark)
      Mark = cast<Instruction>(U);
    else
      return false;
  }
  if (!Ptr || !Mark)
    return false;
  CallInst *Free = nullptr;
  SmallVector<CallInst *, 4> Leaves;
  for (Instruction &I : instructions(F)) {
    StringRef N = calleeName(&I);
    if (!N.starts_with("esc_frame_") || &I == Pair)
      continue;
    auto *CI = dyn_cast<CallInst>(&I);
    if (!CI)
      return false;
    if (N == "esc_frame_free" && CI->arg_size() == 1 && CI->getArgOperand(0) == Ptr && !Free)
      Free = CI;
    else if (N == "esc_frame_leave" && CI->arg_size() == 1 && CI->getArgOperand(0) == Mark)
      Leaves.push_back(CI);
    else
      return false;
  }
  if (!Free || Leaves.size() != Mark->getNumUses() || !passesFree(Pair, Ptr, Free, PDT) ||
      !callFollows(Free))
    return false;
  callFreeLeavePair(Free, Ptr);
  Free->eraseFromParent();
  for (CallInst *L : Leaves)
    L->eraseFromParent();
  RecursivelyDeleteTriviallyDeadInstructions(Mark);
  return true;
}

/// fuse applies fuseEnterAlloc, leaveAtFree and fuseFreeLeave throughout
/// \p F.
static bool fuse(Function &F) {
  SmallVector<CallInst *, 8> Enters, Leaves;
  for (Instruction &I : instructions(F))
    if (calleeName(&I) == "esc_frame_enter" && cast<CallBase>(I).arg_size() == 0)
      Enters.push_back(cast<CallInst>(&I));
  bool Changed = false;
  SmallVector<CallInst *, 2> Pairs;
  for (CallInst *E : Enters)
    if (CallInst *Pair = fuseEnterAlloc(E))
      Pairs.push_back(Pair);
  Changed |= !Pairs.empty();
  if (!Pairs.empty()) {
    PostDominatorTree PDT(F);
    for (CallInst *Pair : Pairs)
      leaveAtFree(Pair, PDT);
  }
  for (Instruction &I : instructions(F))
    if (calleeName(&I) == "esc_frame_leave" && cast<CallBase>(I).arg_size() == 1)
      Leaves.push_back(cast<CallInst>(&I));
  SmallVector<CallInst *, 4> Copies;
  for (CallInst *L : Leaves)
    Changed |= fuseFreeLeave(L) || sinkPairLeave(L, Copies);
  for (CallInst *L : Copies)
    fuseFreeLeave(L);
  return Changed;
}

/// fusesOn reports whether the fused calls' IR types match the C ABI of
/// esc_frame_enter_alloc's struct return on \p M's target: checked on
/// x86-64 only (two integer registers).
static bool fusesOn(const Module &M) {
  return Triple(M.getTargetTriple()).getArch() == Triple::x86_64;
}

/// eliminateTailCalls runs tail recursion elimination on \p F again, once
/// its frame is gone.  The optimizer folded away F's arena allocations late,
/// after the pass that turns a recursion into a loop had found the leave
/// after the recursive call in the way.  Plain code folds its malloc and
/// free early and gets the loop: a recursion two million deep whose buffer
/// folded away ran as a loop under plain clang and overflowed the stack
/// under escape-cc (test/rewriter/accept7-folded-frame-recursion.c).
static void eliminateTailCalls(Function &F, ModuleAnalysisManager &MAM) {
  if (F.hasOptNone())
    return;
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(*F.getParent()).getManager();
  FAM.invalidate(F, PreservedAnalyses::none());
  PreservedAnalyses PA = TailCallElimPass().run(F, FAM);
  FAM.invalidate(F, PA);
}

PreservedAnalyses FrameTidyPass::run(Module &M, ModuleAnalysisManager &MAM) {
  Function *Enter = M.getFunction("esc_frame_enter");
  if (!Enter || Enter->use_empty())
    return PreservedAnalyses::all();
  bool Changed = false, Fuse = fusesOn(M);
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    if (dropFrames(F, Enter)) {
      eliminateTailCalls(F, MAM);
      Changed = true;
    }
    Changed |= splitSmall(F);
    if (Fuse)
      Changed |= fuse(F);
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace escape::rewriter
