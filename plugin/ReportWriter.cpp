//===- ReportWriter.cpp - Emitting the report with libyaml ---------------===//
//
// One document per allocation site and per leaking parameter, in the shape
// of LLVM's optimization remarks so that opt-viewer.py reads them:
//
//   --- !Passed
//   Pass:     escape
//   Name:     HeapToStack
//   DebugLoc: { File: a.c, Line: 12, Column: 13 }
//   Function: parse_line
//   Args:
//     - Callee:  malloc
//     - String:  ' of size '      # String pieces join the values into the
//     - Size:    '64'             # sentence opt-viewer.py shows
//     - String:  ', storage '
//     - Storage: stack
//     - String:  ': '
//     - Reason:  does not escape
//     - String:  '; site '
//     - Site:    '0x...'          # bisect hash of "file:line:col"
//     - String:  '; flow: '       # ', ' before each later step
//     - Flow:    returned from 'f' # one per step, each with its DebugLoc
//       DebugLoc: { File: a.c, Line: 14, Column: 3 }
//   ...
//
//===----------------------------------------------------------------------===//
#include "ReportWriter.h"
#include "Outcome.h"

#include <yaml.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace escape::plugin;
using namespace escape::analysis;

namespace {

/// A thin wrapper over libyaml's event API; the first failure sticks.
class Emitter {
public:
  explicit Emitter(FILE *F) {
    Ok = yaml_emitter_initialize(&E);
    if (Ok) {
      yaml_emitter_set_output_file(&E, F);
      yaml_emitter_set_unicode(&E, 1);
      yaml_emitter_set_width(&E, 1000);
    }
  }
  ~Emitter() { yaml_emitter_delete(&E); }

  bool ok() const { return Ok; }
  std::string problem() const {
    return E.problem ? E.problem : "cannot initialize the YAML emitter";
  }

  void streamStart() {
    if (Ok)
      yaml_stream_start_event_initialize(&Ev, YAML_UTF8_ENCODING), emit();
  }
  void streamEnd() {
    if (Ok)
      yaml_stream_end_event_initialize(&Ev), emit();
  }
  void docStart() {
    if (Ok)
      yaml_document_start_event_initialize(&Ev, nullptr, nullptr, nullptr, 0),
          emit();
  }
  void docEnd() {
    if (Ok)
      yaml_document_end_event_initialize(&Ev, 0), emit();
  }
  void mapStart(const char *Tag = nullptr, bool Flow = false) {
    if (Ok)
      yaml_mapping_start_event_initialize(
          &Ev, nullptr, (yaml_char_t *)Tag, Tag == nullptr,
          Flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE),
          emit();
  }
  void mapEnd() {
    if (Ok)
      yaml_mapping_end_event_initialize(&Ev), emit();
  }
  void seqStart() {
    if (Ok)
      yaml_sequence_start_event_initialize(&Ev, nullptr, nullptr, 1,
                                           YAML_BLOCK_SEQUENCE_STYLE),
          emit();
  }
  void seqEnd() {
    if (Ok)
      yaml_sequence_end_event_initialize(&Ev), emit();
  }
  void scalar(const std::string &S, bool Quoted = false) {
    if (Ok)
      yaml_scalar_event_initialize(
          &Ev, nullptr, nullptr, (yaml_char_t *)S.c_str(), int(S.size()), 1,
          1, Quoted ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE),
          emit();
  }
  void pair(const std::string &K, const std::string &V, bool Quoted = false) {
    scalar(K);
    scalar(V, Quoted);
  }
  void debugLoc(const SourcePos &P) {
    scalar("DebugLoc");
    mapStart(nullptr, true);
    pair("File", P.File);
    pair("Line", std::to_string(P.Line));
    pair("Column", std::to_string(P.Column));
    mapEnd();
  }
  /// One element of Args: `- Key: Value`.
  void arg(const std::string &K, const std::string &V, bool Quoted = false) {
    mapStart();
    pair(K, V, Quoted);
    mapEnd();
  }

private:
  void emit() { Ok = yaml_emitter_emit(&E, &Ev); }
  yaml_emitter_t E;
  yaml_event_t Ev;
  bool Ok;
};

} // namespace

static const char *storageName(Outcome::Kind K) {
  switch (K) {
  case Outcome::Stack:
    return "stack";
  case Outcome::Arena:
    return "arena";
  default:
    return "heap";
  }
}

static void emitSite(Emitter &Y, const AllocSite &S, const Outcome &O) {
  const char *Tag = "!Missed", *Name = "DoesNotEscape";
  if (O.K == Outcome::Escapes) {
    Name = "Escapes";
  } else if (O.Moved) {
    Tag = "!Passed";
    Name = O.K == Outcome::Stack ? "HeapToStack" : "HeapToArena";
  } else if (O.K != Outcome::Heap) {
    Tag = "!Analysis";
  }
  Y.docStart();
  Y.mapStart(Tag);
  Y.pair("Pass", "escape");
  Y.pair("Name", Name);
  Y.debugLoc(S.Pos);
  Y.pair("Function", S.Function);
  Y.scalar("Args");
  Y.seqStart();
  // String pieces between the values make the sentence that opt-viewer.py
  // shows (it joins every value of Args): "malloc of size 64, storage
  // stack: does not escape; name: buf; site 0x...; flow: ...".
  Y.arg("Callee", S.Callee);
  Y.arg("String", " of size ", true);
  Y.arg("Size", S.ConstantSize ? std::to_string(S.Size) : "dynamic", true);
  Y.arg("String", ", storage ", true);
  Y.arg("Storage", storageName(O.K));
  Y.arg("String", ": ", true);
  Y.arg("Reason", O.Reason);
  if (!S.Name.empty()) {
    Y.arg("String", "; name: ", true);
    Y.arg("Name", S.Name);
  }
  char Hash[32];
  snprintf(Hash, sizeof Hash, "0x%016" PRIx64,
           escape::rewriter::siteHash(
               escape::rewriter::siteKey(S.Pos.File, S.Pos.Line, S.Pos.Column)));
  Y.arg("String", "; site ", true);
  Y.arg("Site", Hash, true);
  for (size_t I = 0; I < S.Flow.size(); I++) {
    const FlowStep &F = S.Flow[I];
    Y.arg("String", I ? ", " : "; flow: ", true);
    Y.mapStart();
    Y.pair("Flow", F.Text);
    if (F.Pos.Line)
      Y.debugLoc(F.Pos);
    Y.mapEnd();
  }
  Y.seqEnd();
  Y.mapEnd();
  Y.docEnd();
}

static void emitLeak(Emitter &Y, const LeakingParam &L) {
  Y.docStart();
  Y.mapStart("!Analysis");
  Y.pair("Pass", "escape");
  Y.pair("Name", "LeakingParam");
  Y.debugLoc(L.Pos);
  Y.pair("Function", L.Function);
  Y.scalar("Args");
  Y.seqStart();
  Y.arg("String", "parameter ", true);
  Y.arg("Param", L.Param);
  Y.arg("String", " leaks: ", true);
  Y.arg("Leak", L.Where);
  Y.seqEnd();
  Y.mapEnd();
  Y.docEnd();
}

bool escape::plugin::writeReport(const std::string &Path, const TUResult &R,
                                 const rewriter::RewriteLog *Log,
                                 std::string &Err) {
  bool ToStdout = Path == "-";
  std::string Tmp = ToStdout ? "" : Path + ".tmp" + std::to_string(getpid());
  FILE *F = ToStdout ? stdout : fopen(Tmp.c_str(), "w");
  if (!F) {
    Err = strerror(errno);
    return false;
  }
  bool Ok;
  {
    Emitter Y(F);
    Y.streamStart();
    for (const AllocSite &S : R.Sites)
      emitSite(Y, S, outcomeOf(S, Log));
    for (const LeakingParam &L : R.Leaks)
      emitLeak(Y, L);
    Y.streamEnd();
    Ok = Y.ok();
    if (!Ok)
      Err = Y.problem();
  }
  if (ToStdout)
    return Ok && fflush(stdout) == 0;
  if (fclose(F) != 0 && Ok) {
    Err = strerror(errno);
    Ok = false;
  }
  if (Ok && rename(Tmp.c_str(), Path.c_str()) != 0) {
    Err = strerror(errno);
    Ok = false;
  }
  if (!Ok)
    unlink(Tmp.c_str());
  return Ok;
}
