; RUN: %rewrite_ir -O0 -trace=1 %s 2>%t.err | FileCheck %s
; RUN: FileCheck %s --check-prefix=TRACE < %t.err
; RUN: %rewrite_ir -O2 %s -o /dev/null
; IR that C rarely produces does not crash the pass, and any doubt leaves
; the site alone: an invoke, a function with a musttail call, an indirect
; call at the site's location, and a site in an unreachable block.
; ESCAPE-SITE: inv malloc a.c:3:7 stack size=8
; ESCAPE-SITE: mt malloc a.c:5:7 arena
; ESCAPE-SITE: ind malloc a.c:7:7 stack size=8
; ESCAPE-SITE: dead malloc a.c:9:7 stack size=8
; ESCAPE-SITE: tails malloc a.c:11:7 stack size=8

declare ptr @malloc(i64)
declare void @use(ptr)
declare i32 @__gxx_personality_v0(...)

; TRACE: warning: inv: 'malloc' at a.c:3:7: left on the heap: call may unwind (invoke)
; CHECK-LABEL: define void @inv(
; CHECK: invoke ptr @malloc(i64 8)
define void @inv() personality ptr @__gxx_personality_v0 !dbg !5 {
entry:
  %p = invoke ptr @malloc(i64 8) to label %ok unwind label %lp, !dbg !8
ok:
  call void @use(ptr %p)
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %l
}

; TRACE: warning: mt: 'malloc' at a.c:5:7: left on the heap: function has a musttail call
; CHECK-LABEL: define ptr @mt(
; CHECK: call ptr @malloc(i64 %n)
; CHECK-NOT: esc_frame
define ptr @mt(i64 %n) !dbg !9 {
entry:
  %p = call ptr @malloc(i64 %n), !dbg !10
  call void @use(ptr %p)
  %r = musttail call ptr @mt(i64 %n), !dbg !10
  ret ptr %r
}

; TRACE: warning: ind: 'malloc' at a.c:7:7: left on the heap: no call to 'malloc' at this location in the IR
; CHECK-LABEL: define void @ind(
; CHECK: call ptr %f(i64 8)
define void @ind(ptr %f) !dbg !11 {
entry:
  %p = call ptr %f(i64 8), !dbg !12
  call void @use(ptr %p)
  ret void
}

; TRACE: escape: dead: 'malloc' at a.c:9:7 -> stack (8 bytes)
; CHECK-LABEL: define void @dead(
; CHECK: alloca [8 x i8], align 16
; CHECK: gone:
; CHECK-NOT: @malloc
; CHECK: call void @use(
define void @dead() !dbg !13 {
entry:
  ret void
gone:
  %p = call ptr @malloc(i64 8), !dbg !14
  call void @use(ptr %p)
  br label %gone
}

; A 'tail' marker promises the callee does not read the caller's stack;
; once a call may receive stack storage, the marker goes.
; TRACE: escape: tails: 'malloc' at a.c:11:7 -> stack (8 bytes)
; CHECK-LABEL: define void @tails(
; CHECK: %[[S:.*]] = alloca [8 x i8]
; CHECK-NOT: tail call
; CHECK: call void @use(ptr %[[S]])
define void @tails() !dbg !15 {
entry:
  %p = call ptr @malloc(i64 8), !dbg !16
  tail call void @use(ptr %p)
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: NoDebug)
!1 = !DIFile(filename: "a.c", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 1, !"wchar_size", i32 4}
!6 = !DISubroutineType(types: !7)
!7 = !{}
!5 = distinct !DISubprogram(name: "inv", scope: !1, file: !1, line: 2, type: !6, scopeLine: 2, spFlags: DISPFlagDefinition, unit: !0)
!8 = !DILocation(line: 3, column: 7, scope: !5)
!9 = distinct !DISubprogram(name: "mt", scope: !1, file: !1, line: 4, type: !6, scopeLine: 4, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 5, column: 7, scope: !9)
!11 = distinct !DISubprogram(name: "ind", scope: !1, file: !1, line: 6, type: !6, scopeLine: 6, spFlags: DISPFlagDefinition, unit: !0)
!12 = !DILocation(line: 7, column: 7, scope: !11)
!13 = distinct !DISubprogram(name: "dead", scope: !1, file: !1, line: 8, type: !6, scopeLine: 8, spFlags: DISPFlagDefinition, unit: !0)
!14 = !DILocation(line: 9, column: 7, scope: !13)
!15 = distinct !DISubprogram(name: "tails", scope: !1, file: !1, line: 10, type: !6, scopeLine: 10, spFlags: DISPFlagDefinition, unit: !0)
!16 = !DILocation(line: 11, column: 7, scope: !15)
