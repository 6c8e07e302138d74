//===- RewriteIR.cpp - Run the frame rewrite on an IR file ----------------===//
//
// This file implements escape-rewrite-ir, a test driver for the rewriter: it
// reads an IR module and a site list written by hand, runs the same pipeline
// clang would (the pass at pipeline start, then -O0..-O3), verifies the
// result and prints it.  It lets the test suite feed the pass IR that C
// rarely produces (invoke, musttail, no ret, unreachable blocks).
//
// Site list lines, found anywhere in the spec file (so a .ll or .c test can
// carry them in comments), in TUResult order:
//   ESCAPE-SITE: <function> <callee> <file>:<line>:<col> stack|arena|heap
//                [size=N] [align=N] [kind=malloc|calloc|...] [name=X] [zeroed]
//                [calleefreed] [small=N]
//   ESCAPE-FREE: <function> <callee> <file>:<line>:<col> sites=I,J [other]
//                [param] [cross] [releases]
// where the position may also be @+N:<col> (N lines below this entry).  Site
// ids count ESCAPE-SITE entries from 0 across the whole file; every id must
// name a site, and a site of another function only with `cross`, so that a
// miscounted id is an error, not a free silently matched to the wrong site.
//
//===----------------------------------------------------------------------===//
#include "escape/analysis/Result.h"
#include "escape/rewriter/FrameRewrite.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
namespace A = escape::analysis;

static cl::opt<std::string> Input(cl::Positional, cl::desc("<input .ll>"));
static cl::opt<std::string> Output("o", cl::desc("output file"), cl::init("-"));
static cl::opt<std::string> Spec("spec", cl::desc("site list (default: input)"));
static cl::opt<unsigned> OptLevel("O", cl::desc("optimization level 0-3"),
                                  cl::Prefix, cl::init(0));
static cl::opt<std::string> Bisect("bisect", cl::desc("bisect pattern"));
static cl::opt<unsigned> Trace("trace", cl::desc("trace level"), cl::init(0));
static cl::opt<bool> Disable("disable", cl::desc("report only"));
static cl::opt<uint64_t> MaxObject("max-stack-object", cl::init(4096));
static cl::opt<uint64_t> MaxFrame("max-stack-frame", cl::init(16384));
static cl::list<std::string> HashKeys(
    "print-hash", cl::desc("print a site key's hash and whether -bisect selects it"));

static bool fail(const Twine &Msg) {
  errs() << "escape-rewrite-ir: error: " << Msg << "\n";
  return false;
}

/// The spec file being read and the line of the current entry, for
/// positions written relative to it.
static std::string SpecFile;
static unsigned SpecLine = 0;
/// The spec line of each ESCAPE-FREE entry and whether it may name sites of
/// another function.
static std::vector<std::pair<unsigned, bool>> FreeLines;

/// parsePos reads "<file>:<line>:<col>", the file possibly holding colons,
/// or "@+N:<col>" / "@-N:<col>": N lines below/above the entry, in the spec
/// file.
static bool parsePos(StringRef Text, A::SourcePos &Pos) {
  auto [Rest, Col] = Text.rsplit(':');
  if (Rest.consume_front("@")) {
    int Delta = 0;
    bool Down = Rest.consume_front("+");
    if (Rest.getAsInteger(10, Delta) || (!Down && Delta > 0))
      return false;
    Pos.File = sys::path::filename(SpecFile).str();
    Pos.Line = SpecLine + Delta;
    return !Col.getAsInteger(10, Pos.Column);
  }
  auto [File, Line] = Rest.rsplit(':');
  Pos.File = File.str();
  return !File.empty() && !Line.getAsInteger(10, Pos.Line) &&
         !Col.getAsInteger(10, Pos.Column);
}

static bool parseKind(StringRef Name, A::AllocKind &K) {
  Name.consume_front("__builtin_");
  static const std::pair<const char *, A::AllocKind> Kinds[] = {
      {"malloc", A::AllocKind::Malloc}, {"calloc", A::AllocKind::Calloc},
      {"realloc", A::AllocKind::Realloc},
      {"reallocarray", A::AllocKind::ReallocArray},
      {"aligned_alloc", A::AllocKind::AlignedAlloc},
      {"posix_memalign", A::AllocKind::PosixMemalign},
      {"asprintf", A::AllocKind::Asprintf}, {"vasprintf", A::AllocKind::Vasprintf},
      {"strdup", A::AllocKind::Strdup}, {"strndup", A::AllocKind::Strndup}};
  K = A::AllocKind::User;
  for (auto &[N, V] : Kinds)
    if (Name == N)
      K = V;
  return true;
}

static bool parseSite(SmallVectorImpl<StringRef> &W, A::TUResult &R) {
  if (W.size() < 4)
    return fail("ESCAPE-SITE needs <function> <callee> <pos> <storage>");
  A::AllocSite S;
  S.Id = R.Sites.size();
  S.Function = W[0].str();
  S.Callee = W[1].str();
  parseKind(W[1], S.Kind);
  if (!parsePos(W[2], S.Pos))
    return fail("bad position '" + W[2] + "'");
  S.Place = W[3] == "stack" ? A::Storage::Stack
            : W[3] == "arena" ? A::Storage::Arena : A::Storage::Heap;
  S.Result = S.Place == A::Storage::Heap ? A::Verdict::Escapes
                                         : A::Verdict::DoesNotEscape;
  S.Zeroed = S.Kind == A::AllocKind::Calloc;
  for (StringRef Opt : ArrayRef(W).drop_front(4)) {
    auto [Key, Val] = Opt.split('=');
    if (Key == "size")
      S.ConstantSize = !Val.getAsInteger(10, S.Size);
    else if (Key == "align")
      Val.getAsInteger(10, S.Align);
    else if (Key == "kind")
      parseKind(Val, S.Kind);
    else if (Key == "name")
      S.Name = Val.str();
    else if (Key == "zeroed")
      S.Zeroed = true;
    else if (Key == "calleefreed")
      S.CalleeFreed = true;
    else if (Key == "small")
      Val.getAsInteger(10, S.SmallStack);
    else
      return fail("unknown site option '" + Opt + "'");
  }
  R.Sites.push_back(S);
  return true;
}

static bool parseFree(SmallVectorImpl<StringRef> &W, A::TUResult &R) {
  if (W.size() < 4 || !W[3].starts_with("sites="))
    return fail("ESCAPE-FREE needs <function> <callee> <pos> sites=I,...");
  A::FreeSite F;
  bool Cross = false;
  F.Function = W[0].str();
  F.Callee = W[1].str();
  if (!parsePos(W[2], F.Pos))
    return fail("bad position '" + W[2] + "'");
  SmallVector<StringRef, 4> Ids;
  W[3].drop_front(6).split(Ids, ',', -1, false);
  for (StringRef Id : Ids) {
    unsigned N = 0;
    if (Id.getAsInteger(10, N))
      return fail("bad site id '" + Id + "'");
    F.Sites.push_back(N);
  }
  for (StringRef Opt : ArrayRef(W).drop_front(4)) {
    if (Opt == "other")
      F.MayFreeOther = true;
    else if (Opt == "param")
      F.FreesParam = F.MayFreeOther = true;
    else if (Opt == "cross")
      Cross = true;
    else if (Opt == "releases")
      F.ReleasesSite = true;
    else
      return fail("unknown free option '" + Opt + "'");
  }
  R.Frees.push_back(F);
  FreeLines.push_back({SpecLine, Cross});
  return true;
}

/// checkFrees rejects a free whose site id names no site, or a site of
/// another function without `cross`.
static bool checkFrees(const A::TUResult &R) {
  for (size_t I = 0; I < R.Frees.size(); ++I) {
    const A::FreeSite &F = R.Frees[I];
    auto [Line, Cross] = FreeLines[I];
    for (unsigned Id : F.Sites) {
      if (Id >= R.Sites.size())
        return fail(SpecFile + ":" + Twine(Line) + ": site " + Twine(Id) +
                    " does not exist (" + Twine(R.Sites.size()) + " sites)");
      if (!Cross && R.Sites[Id].Function != F.Function)
        return fail(SpecFile + ":" + Twine(Line) + ": site " + Twine(Id) + " is in '" +
                    R.Sites[Id].Function + "', not '" + F.Function +
                    "' (add `cross` if that is meant)");
    }
  }
  return true;
}

static bool readSpec(StringRef Path, A::TUResult &R) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return fail("cannot read '" + Path + "'");
  SmallVector<StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  SpecFile = Path.str();
  SpecLine = 0;
  for (StringRef L : Lines) {
    ++SpecLine;
    bool IsSite = L.contains("ESCAPE-SITE:");
    if (!IsSite && !L.contains("ESCAPE-FREE:"))
      continue;
    L = L.drop_front(L.find(':', L.find("ESCAPE-")) + 1);
    SmallVector<StringRef, 8> W;
    L.split(W, ' ', -1, false);
    if (!(IsSite ? parseSite(W, R) : parseFree(W, R)))
      return false;
  }
  return checkFrees(R);
}

static OptimizationLevel level(unsigned N) {
  switch (N) {
  case 0: return OptimizationLevel::O0;
  case 1: return OptimizationLevel::O1;
  case 2: return OptimizationLevel::O2;
  default: return OptimizationLevel::O3;
  }
}

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "escape frame rewrite test driver\n");
  if (!HashKeys.empty()) {
    for (const std::string &Key : HashKeys)
      outs() << Key << " " << format_hex(escape::rewriter::siteHash(Key), 18)
             << (escape::rewriter::siteSelected(Key, Bisect) ? " selected\n"
                                                            : " not selected\n");
    return 0;
  }
  if (Input.empty())
    return fail("no input file"), 1;
  auto Result = std::make_shared<A::TUResult>();
  if (!readSpec(Spec.empty() ? Input : Spec, *Result))
    return 1;
  LLVMContext Ctx;
  SMDiagnostic Err;
  std::unique_ptr<Module> M = parseIRFile(Input, Err, Ctx);
  if (!M) {
    Err.print("escape-rewrite-ir", errs());
    return 1;
  }
  escape::rewriter::RewriteOptions Opts;
  Opts.Enabled = !Disable;
  Opts.Bisect = Bisect;
  Opts.Trace = Trace;
  Opts.MaxStackObject = MaxObject;
  Opts.MaxStackFrame = MaxFrame;

  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB;
  escape::rewriter::registerFrameRewrite(PB, Result, Opts);
  // Verify right after the rewrite, so a broken module is blamed on it.
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) { MPM.addPass(VerifierPass()); });
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  ModulePassManager MPM = OptLevel == 0
                              ? PB.buildO0DefaultPipeline(OptimizationLevel::O0)
                              : PB.buildPerModuleDefaultPipeline(level(OptLevel));
  MPM.addPass(VerifierPass());
  MPM.run(*M, MAM);

  std::error_code EC;
  raw_fd_ostream OS(Output, EC, sys::fs::OF_Text);
  if (EC)
    return fail("cannot write '" + Output + "': " + EC.message()), 1;
  M->print(OS, nullptr);
  return 0;
}
