//===- Plugin.cpp - The escape Clang plugin -------------------------------===//
//
// The thin shell Clang loads with -fplugin=escape-plugin.so: it parses the
// -fplugin-arg-escape-* arguments, runs the analysis on the whole
// translation unit before CodeGen's pipeline, registers the rewrite pass,
// and once the pass has run, reports every site as remarks and YAML.
//
//===----------------------------------------------------------------------===//
#include "DiagnosticHandler.h"
#include "ReportWriter.h"

#include "escape/analysis/Analysis.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"

#include <climits>

using namespace clang;
using namespace escape;

namespace {

struct Options {
  unsigned Level = 0;
  std::string Report;
  analysis::Policy Policy;
  rewriter::RewriteOptions Rewrite;
};

/// `#pragma escape off` and `#pragma escape on`, recorded in order.
std::vector<analysis::PragmaMark> PragmaMarks;

class EscapePragma : public PragmaHandler {
public:
  EscapePragma() : PragmaHandler("escape") {}
  void HandlePragma(Preprocessor &PP, PragmaIntroducer Intro,
                    Token &Tok) override {
    PP.Lex(Tok);
    IdentifierInfo *II = Tok.is(tok::identifier) ? Tok.getIdentifierInfo()
                                                 : nullptr;
    if (!II || (!II->isStr("on") && !II->isStr("off"))) {
      plugin::DiagnosticHandler(PP.getDiagnostics())
          .badPragma(Intro.Loc.getRawEncoding());
      return;
    }
    PresumedLoc P = PP.getSourceManager().getPresumedLoc(Intro.Loc);
    PragmaMarks.push_back({P.getFilename(), P.getLine(), II->isStr("off")});
  }
};

/// Reports the outcome once the rewrite pass has run (or right away when
/// the compile generates no code).
struct Finisher {
  DiagnosticsEngine &Diags;
  Options Opts;
  std::shared_ptr<analysis::TUResult> Result;
  std::shared_ptr<rewriter::RewriteLog> Log;
  bool Done = false;

  void finish() {
    if (Done)
      return;
    Done = true;
    const rewriter::RewriteLog *L = Log && Log->Ran ? Log.get() : nullptr;
    plugin::DiagnosticHandler DH(Diags);
    for (const analysis::AllocSite &S : Result->Sites)
      DH.site(S, plugin::outcomeOf(S, L), Opts.Level);
    if (Opts.Level)
      for (const analysis::LeakingParam &P : Result->Leaks)
        DH.leak(P);
    std::string Err;
    if (!Opts.Report.empty() &&
        !plugin::writeReport(Opts.Report, *Result, L, Err))
      DH.cannotWriteReport(Opts.Report, Err);
  }
};

/// Drops the location-only debug info the plugin turned on for matching,
/// once the rewrite has used it: the optimizer then runs as it would have.
struct StripLocationsPass : llvm::PassInfoMixin<StripLocationsPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &) {
    return llvm::StripDebugInfo(M) ? llvm::PreservedAnalyses::none()
                                   : llvm::PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

/// Reports whether something else in the compile reads source locations
/// from the IR (remarks, sample profiles, gcov's notes, which clang gives
/// the functions' debug records for even without -g), so they must stay.
/// Stripped, `--coverage` wrote no .gcno file and the program no .gcda.
static bool locationsWanted(const CodeGenOptions &CG) {
  return CG.OptimizationRemark.hasValidPattern() ||
         CG.OptimizationRemarkMissed.hasValidPattern() ||
         CG.OptimizationRemarkAnalysis.hasValidPattern() ||
         !CG.OptRecordFile.empty() || !CG.SampleProfileFile.empty() ||
         !CG.CoverageNotesFile.empty() || !CG.CoverageDataFile.empty();
}

struct ReportPass : llvm::PassInfoMixin<ReportPass> {
  std::shared_ptr<Finisher> F;
  llvm::PreservedAnalyses run(llvm::Module &, llvm::ModuleAnalysisManager &) {
    F->finish();
    return llvm::PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

class EscapeConsumer : public ASTConsumer {
public:
  EscapeConsumer(std::shared_ptr<Finisher> F, bool Deferred)
      : F(std::move(F)), Deferred(Deferred) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    F->Opts.Policy.Pragmas = PragmaMarks;
    *F->Result = analysis::analyzeTranslationUnit(Ctx, F->Opts.Policy);
    if (!Deferred)
      F->finish();
  }

private:
  std::shared_ptr<Finisher> F;
  bool Deferred;
};

static bool parseNumber(llvm::StringRef V, uint64_t &Out) {
  return !V.empty() && !V.getAsInteger(10, Out);
}

class EscapeAction : public PluginASTAction {
  Options Opts;

protected:
  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    plugin::DiagnosticHandler DH(CI.getDiagnostics());
    bool Ok = true;
    for (const std::string &A : Args) {
      auto [Name, Value] = llvm::StringRef(A).split('=');
      switch (parseArg(Name, Value)) {
      case ArgStatus::Ok:
        break;
      case ArgStatus::Unknown:
        DH.unknownArgument(Name);
        Ok = false;
        break;
      case ArgStatus::BadValue:
        DH.badValue(Name, Value);
        Ok = false;
        break;
      }
    }
    Opts.Rewrite.Enabled = Opts.Policy.Transform;
    Opts.Rewrite.Arena = Opts.Policy.ArenaEnabled;
    Opts.Rewrite.MaxStackObject = Opts.Policy.StackLimit;
    Opts.Rewrite.MaxStackFrame = Opts.Policy.FrameBudget;
    return Ok;
  }

  enum class ArgStatus { Ok, Unknown, BadValue };

  /// Applies one -fplugin-arg-escape-NAME=VALUE.
  ArgStatus parseArg(llvm::StringRef Name, llvm::StringRef Value) {
    uint64_t N = 0;
    bool Valid;
    if (Name == "m") {
      Valid = parseNumber(Value, N) && N <= 2;
      Opts.Level = N;
    } else if (Name == "report") {
      Valid = !Value.empty();
      Opts.Report = Value.str();
    } else if (Name == "transform" || Name == "arena" || Name == "stdio-hooks") {
      Valid = Value == "0" || Value == "1";
      bool &Flag = Name == "arena"         ? Opts.Policy.ArenaEnabled
                   : Name == "stdio-hooks" ? Opts.Policy.StdioHooks
                                           : Opts.Policy.Transform;
      Flag = Value == "1";
    } else if (Name == "stack-limit") {
      Valid = parseNumber(Value, Opts.Policy.StackLimit);
    } else if (Name == "small-stack") {
      Valid = parseNumber(Value, Opts.Policy.SmallStack);
    } else if (Name == "frame-budget") {
      Valid = parseNumber(Value, Opts.Policy.FrameBudget);
    } else if (Name == "chain-budget") {
      Valid = parseNumber(Value, Opts.Policy.ChainBudget);
    } else if (Name == "arena-cap") {
      Valid = parseNumber(Value, Opts.Policy.ArenaCap);
    } else if (Name == "solver-budget") {
      Valid = parseNumber(Value, Opts.Policy.SolverBudget) && Opts.Policy.SolverBudget > 0;
    } else if (Name == "bisect") {
      Valid = rewriter::bisectPatternValid(Value.str());
      Opts.Rewrite.Bisect = Value.str();
    } else if (Name == "trace") {
      Valid = parseNumber(Value, N);
      Opts.Rewrite.Trace = N;
    } else {
      return ArgStatus::Unknown;
    }
    return Valid ? ArgStatus::Ok : ArgStatus::BadValue;
  }

  /// Whether malloc and free are the C library's on the runtime's platform.
  static bool hostedLibcAllocator(const CompilerInstance &CI) {
    const LangOptions &LO = CI.getLangOpts();
    if (LO.Freestanding || LO.NoBuiltin)
      return false;
    for (const std::string &F : LO.NoBuiltinFuncs)
      if (F == "malloc" || F == "free" || F == "calloc" || F == "realloc")
        return false;
    const llvm::Triple &T = CI.getTarget().getTriple();
    return T.getArch() == llvm::Triple::x86_64 && T.isOSLinux() &&
           T.getEnvironment() != llvm::Triple::GNUX32;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    auto F = std::make_shared<Finisher>(Finisher{
        CI.getDiagnostics(), Opts, std::make_shared<analysis::TUResult>(),
        std::make_shared<rewriter::RewriteLog>()});
    const LangOptions &LO = CI.getLangOpts();
    if (LO.CPlusPlus || LO.ObjC) // The analysis models C only.
      return std::make_unique<ASTConsumer>();
    // Without type-based alias analysis clang reads memory as written, so
    // a pun copies a pointer's bytes: -fno-strict-aliasing, and -O0.
    F->Opts.Policy.LooseAliasing =
        CI.getCodeGenOpts().RelaxedAliasing || CI.getCodeGenOpts().OptimizationLevel == 0;
    F->Opts.Policy.Optimize = CI.getCodeGenOpts().OptimizationLevel > 0;
    if (unsigned Limit = CI.getCodeGenOpts().WarnStackSize; Limit != UINT_MAX)
      F->Opts.Policy.FrameSizeLimit = Limit;
    frontend::ActionKind K = CI.getFrontendOpts().ProgramAction;
    bool Codegen = K == frontend::EmitObj || K == frontend::EmitAssembly ||
                   K == frontend::EmitLLVM || K == frontend::EmitBC ||
                   K == frontend::EmitLLVMOnly ||
                   K == frontend::EmitCodeGenOnly;
    if (Codegen) {
      CodeGenOptions &CG = CI.getCodeGenOpts();
      rewriter::RewriteOptions RO = Opts.Rewrite;
      // Only the C library's allocator on the runtime's platform is
      // replaced: under -ffreestanding or -fno-builtin(-malloc) `malloc`
      // may be the program's own, and another target (-m32, --target=
      // aarch64-...) has no runtime to call.  The report still says what
      // does not escape, as with transform=0.
      RO.Enabled = RO.Enabled && hostedLibcAllocator(CI);
      // Line:column on every IR call, without emitting debug sections.
      bool Strip = false;
      if (RO.Enabled &&
          CG.getDebugInfo() == llvm::codegenoptions::NoDebugInfo) {
        CG.setDebugInfo(llvm::codegenoptions::LocTrackingOnly);
        Strip = !locationsWanted(CG);
      }
      CG.PassBuilderCallbacks.push_back([F, RO, Strip](llvm::PassBuilder &PB) {
        if (RO.Enabled)
          rewriter::registerFrameRewrite(PB, F->Result, RO, F->Log);
        PB.registerPipelineStartEPCallback(
            [F, Strip](llvm::ModulePassManager &MPM, llvm::OptimizationLevel) {
              MPM.addPass(ReportPass{{}, F});
              if (Strip)
                MPM.addPass(StripLocationsPass());
            });
      });
    }
    return std::make_unique<EscapeConsumer>(F, Codegen);
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace

static FrontendPluginRegistry::Add<EscapeAction>
    X("escape", "escape analysis: keep non-escaping allocations off the heap");
static PragmaHandlerRegistry::Add<EscapePragma>
    Y("escape", "#pragma escape on|off");
