; RUN: %rewrite_ir -O0 -trace=1 %s 2>%t.err | FileCheck %s
; RUN: FileCheck %s --check-prefix=TRACE < %t.err
; Sites or frees that name the same call are all declined: the analysis and
; the IR disagree about what that call is.
; ESCAPE-SITE: three malloc a.c:3:7 stack size=8
; ESCAPE-SITE: three malloc a.c:3:7 stack size=8
; ESCAPE-SITE: three malloc a.c:3:7 stack size=8
; ESCAPE-SITE: frees malloc a.c:6:7 stack size=8
; ESCAPE-SITE: frees malloc a.c:7:7 stack size=8
; ESCAPE-FREE: frees free a.c:8:3 sites=3
; ESCAPE-FREE: frees free a.c:8:3 sites=4

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr)

; TRACE: warning: three: 'malloc' at a.c:3:7: left on the heap: another allocation call in 'three' has the same line and column
; TRACE: warning: three: 'malloc' at a.c:3:7: left on the heap: another allocation call in 'three' has the same line and column
; TRACE: warning: three: 'malloc' at a.c:3:7: left on the heap: another allocation call in 'three' has the same line and column
; TRACE: warning: frees: 'malloc' at a.c:7:7: left on the heap: its free at a.c:8:3 is named by two free sites
; TRACE: warning: frees: 'malloc' at a.c:6:7: left on the heap: its free at a.c:8:3 is named by two free sites
; TRACE-NOT: ->
; CHECK-LABEL: define void @three(
; CHECK: call ptr @malloc(i64 8)
define void @three() !dbg !5 {
entry:
  %p = call ptr @malloc(i64 8), !dbg !8
  call void @use(ptr %p)
  ret void
}

; CHECK-LABEL: define void @frees(
; CHECK: call ptr @malloc(i64 8)
; CHECK: call ptr @malloc(i64 8)
; CHECK: call void @free(ptr %q)
define void @frees(i1 %c) !dbg !9 {
entry:
  %p = call ptr @malloc(i64 8), !dbg !10
  %r = call ptr @malloc(i64 8), !dbg !11
  %q = select i1 %c, ptr %p, ptr %r
  call void @free(ptr %q), !dbg !12
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
!5 = distinct !DISubprogram(name: "three", scope: !1, file: !1, line: 2, type: !6, scopeLine: 2, spFlags: DISPFlagDefinition, unit: !0)
!8 = !DILocation(line: 3, column: 7, scope: !5)
!9 = distinct !DISubprogram(name: "frees", scope: !1, file: !1, line: 5, type: !6, scopeLine: 5, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 6, column: 7, scope: !9)
!11 = !DILocation(line: 7, column: 7, scope: !9)
!12 = !DILocation(line: 8, column: 3, scope: !9)
