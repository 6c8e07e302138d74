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
// getcontext and vfork also return twice, but resume code whose frames are
// still alive (a coroutine, a parent): they are not bracketed.
//
//===----------------------------------------------------------------------===//
#include "JmpRestore.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape::rewriter {

static bool isSetjmpCall(const CallInst *CI) {
  const Function *Fn = CI->getCalledFunction();
  if (!Fn)
    return false;
  StringRef N = Fn->getName();
  return N == "setjmp" || N == "_setjmp" || N == "sigsetjmp" || N == "__sigsetjmp";
}

bool bracketSetjmps(Module &M, ArrayRef<std::string> Excluded) {
  StringSet<> Skip;
  for (const std::string &Name : Excluded)
    Skip.insert(Name);
  SmallVector<CallInst *, 4> Calls;
  for (Function &F : M) {
    if (F.isDeclaration() || Skip.contains(F.getName()))
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
    if (auto *Fn = dyn_cast<Function>(FC.getCallee()))
      Fn->addFnAttr(Attribute::NoUnwind);
  for (CallInst *CI : Calls) {
    IRBuilder<> B(CI);
    B.SetCurrentDebugLocation(CI->getDebugLoc());
    CallInst *T = B.CreateCall(Save, {}, "escape.jmp");
    B.SetInsertPoint(CI->getNextNode());
    B.SetCurrentDebugLocation(CI->getDebugLoc());
    B.CreateCall(Restore, {T});
  }
  return true;
}

} // namespace escape::rewriter
