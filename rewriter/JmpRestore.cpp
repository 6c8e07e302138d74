//===- JmpRestore.cpp - Release skipped frames after a longjmp -------------===//
//
// A longjmp skips the esc_frame_leave calls of the frames it unwinds; an
// outer frame's leave releases their objects later (runtime/src/arena.c,
// invariant 3).  A function that calls setjmp has no frame of its own (the
// pass declines its sites), so when it loops around its setjmp, as an
// error-recovery loop does, nothing released what each jump skipped and the
// arena grew with every jump.  Bracketing the call fixes that:
//
//     %t = call i64 @esc_frame_jmp_save()
//     %r = call i32 @_setjmp(ptr %env)
//     call void @esc_frame_jmp_restore(i64 %t)
//
// Everything above the saved top when setjmp returns again was pushed by
// frames the jump left or skipped.  %t is computed before setjmp and never
// changed, so it holds its value when setjmp returns the second time.
//
// The two functions are weak references, and each call runs only when the
// function is there.  A file with a setjmp and no promoted site then needs
// no runtime at link time (a C++ test driver linked it with g++ and failed
// on the undefined esc_frame_jmp_save).  Skipping the bracket is safe: the
// arena's frame functions live in the same object file, so a program
// without it has no frames to release, and a skipped bracket only leaves
// skipped frames to an outer frame's leave, as before the brackets.
// getcontext and vfork also return twice, but resume code whose frames are
// still alive (a coroutine, a parent): they are not bracketed.
//
//===----------------------------------------------------------------------===//
#include "JmpRestore.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

using namespace llvm;

namespace escape::rewriter {

static const char *const SetjmpNames[] = {"setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp"};

static bool isSetjmpCall(const CallInst *CI) {
  const Function *Fn = CI->getCalledFunction();
  return Fn && llvm::is_contained(SetjmpNames, Fn->getName());
}

/// The functions that call setjmp, found through its uses: a walk over
/// every instruction of the module was 1% of a large file's compile.
static SmallPtrSet<const Function *, 8> settersOfJmp(Module &M) {
  SmallPtrSet<const Function *, 8> Out;
  for (const char *Name : SetjmpNames)
    if (const Function *Fn = M.getFunction(Name))
      for (const User *U : Fn->users())
        if (const auto *CI = dyn_cast<CallInst>(U); CI && isSetjmpCall(CI))
          Out.insert(CI->getFunction());
  return Out;
}

bool bracketSetjmps(Module &M, ArrayRef<std::string> Excluded) {
  StringSet<> Skip;
  for (const std::string &Name : Excluded)
    Skip.insert(Name);
  SmallPtrSet<const Function *, 8> Setters = settersOfJmp(M);
  if (Setters.empty())
    return false;
  SmallVector<CallInst *, 4> Calls;
  for (Function &F : M) {
    if (!Setters.contains(&F) || Skip.contains(F.getName()))
      continue;
    for (Instruction &I : instructions(F))
      if (auto *CI = dyn_cast<CallInst>(&I); CI && isSetjmpCall(CI))
        Calls.push_back(CI);
  }
  if (Calls.empty())
    return false;
  LLVMContext &C = M.getContext();
  Type *MarkTy = M.getDataLayout().getIntPtrType(C);
  FunctionCallee Save = M.getOrInsertFunction(
      "esc_frame_jmp_save", FunctionType::get(MarkTy, false));
  FunctionCallee Restore = M.getOrInsertFunction(
      "esc_frame_jmp_restore",
      FunctionType::get(Type::getVoidTy(C), {MarkTy}, false));
  for (FunctionCallee FC : {Save, Restore})
    if (auto *Fn = dyn_cast<Function>(FC.getCallee())) {
      Fn->addFnAttr(Attribute::NoUnwind);
      if (Fn->isDeclaration())
        Fn->setLinkage(GlobalValue::ExternalWeakLinkage);
    }
  for (CallInst *CI : Calls) {
    IRBuilder<> B(CI);
    B.SetCurrentDebugLocation(CI->getDebugLoc());
    Value *Have = B.CreateIsNotNull(Save.getCallee(), "escape.jmp.have");
    // if (have) t = save();  setjmp;  if (have) restore(t);
    BasicBlock *Before = CI->getParent();
    Instruction *SaveAt = SplitBlockAndInsertIfThen(Have, CI, false);
    B.SetInsertPoint(SaveAt);
    CallInst *T = B.CreateCall(Save, {}, "escape.jmp");
    B.SetInsertPoint(CI);
    PHINode *Mark = B.CreatePHI(MarkTy, 2, "escape.jmp.top");
    Mark->addIncoming(T, SaveAt->getParent());
    Mark->addIncoming(ConstantInt::get(MarkTy, 0), Before);
    Instruction *RestoreAt = SplitBlockAndInsertIfThen(Have, CI->getNextNode(), false);
    B.SetInsertPoint(RestoreAt);
    B.SetCurrentDebugLocation(CI->getDebugLoc());
    B.CreateCall(Restore, {Mark});
  }
  return true;
}

} // namespace escape::rewriter
