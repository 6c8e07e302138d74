; RUN: %rewrite_ir -O0 -trace=1 %s 2>&1 | FileCheck %s
; A stack slot's lifetime ends where its free() was and before every ret
; (also after a free, which is allowed), so copies of a function inlined
; into one caller share their slots' bytes.  A free that may release one
; of two slots ends neither; the ret ends both.  So does a free that may
; release nothing (`free(k ? p : NULL)`): only one whose argument is
; always the block (`releases`: a local only its declaration sets) ends
; the lifetime there.
; ESCAPE-SITE: two malloc a.c:3:7 stack size=64
; ESCAPE-FREE: two free a.c:4:7 sites=0 releases
; ESCAPE-SITE: either malloc a.c:13:7 stack size=16
; ESCAPE-SITE: either malloc a.c:14:7 stack size=16
; ESCAPE-FREE: either free a.c:15:7 sites=1,2
; ESCAPE-SITE: maybe malloc a.c:23:7 stack size=32
; ESCAPE-FREE: maybe free a.c:24:7 sites=3

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr)


; CHECK-LABEL: define i32 @two(
; CHECK: call void @llvm.lifetime.start.p0(i64 64, ptr %escape.stack)
; CHECK: call void @use(
; CHECK-NEXT: call void @llvm.lifetime.end.p0(i64 64, ptr %escape.stack)
; CHECK: a:
; CHECK-NEXT: call void @llvm.lifetime.end.p0(i64 64, ptr %escape.stack)
; CHECK-NEXT: ret i32 1
; CHECK: b:
; CHECK-NEXT: call void @llvm.lifetime.end.p0(i64 64, ptr %escape.stack)
; CHECK-NEXT: ret i32 2
define i32 @two(i1 %c) !dbg !5 {
entry:
  %p = call ptr @malloc(i64 64), !dbg !8
  call void @use(ptr %p)
  call void @free(ptr %p), !dbg !11
  br i1 %c, label %a, label %b
a:
  ret i32 1
b:
  ret i32 2
}

; CHECK-LABEL: define void @either(
; CHECK: call void @use(ptr %s)
; CHECK-NEXT: call void @use(ptr null)
; CHECK-NEXT: call void @llvm.lifetime.end.p0(i64 16, ptr %escape.stack)
; CHECK-NEXT: call void @llvm.lifetime.end.p0(i64 16, ptr %escape.stack1)
; CHECK-NEXT: ret void
define void @either(i1 %c) !dbg !12 {
entry:
  %p = call ptr @malloc(i64 16), !dbg !13
  %q = call ptr @malloc(i64 16), !dbg !14
  %s = select i1 %c, ptr %p, ptr %q
  call void @use(ptr %s)
  call void @free(ptr %s), !dbg !15
  call void @use(ptr null)
  ret void
}

; CHECK-LABEL: define i8 @maybe(
; CHECK: call void @use(ptr null)
; CHECK-NEXT: %v = load i8, ptr %escape.stack
; CHECK-NEXT: call void @llvm.lifetime.end.p0(i64 32, ptr %escape.stack)
; CHECK-NEXT: ret i8 %v
define i8 @maybe(i1 %k) !dbg !16 {
entry:
  %p = call ptr @malloc(i64 32), !dbg !17
  store i8 65, ptr %p
  %q = select i1 %k, ptr %p, ptr null
  call void @free(ptr %q), !dbg !18
  call void @use(ptr null)
  %v = load i8, ptr %p
  ret i8 %v
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: NoDebug)
!1 = !DIFile(filename: "a.c", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 1, !"wchar_size", i32 4}
!5 = distinct !DISubprogram(name: "two", scope: !1, file: !1, line: 2, type: !6, scopeLine: 2, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{}
!8 = !DILocation(line: 3, column: 7, scope: !5)
!11 = !DILocation(line: 4, column: 7, scope: !5)
!12 = distinct !DISubprogram(name: "either", scope: !1, file: !1, line: 12, type: !6, scopeLine: 12, spFlags: DISPFlagDefinition, unit: !0)
!13 = !DILocation(line: 13, column: 7, scope: !12)
!14 = !DILocation(line: 14, column: 7, scope: !12)
!15 = !DILocation(line: 15, column: 7, scope: !12)
!16 = distinct !DISubprogram(name: "maybe", scope: !1, file: !1, line: 22, type: !6, scopeLine: 22, spFlags: DISPFlagDefinition, unit: !0)
!17 = !DILocation(line: 23, column: 7, scope: !16)
!18 = !DILocation(line: 24, column: 7, scope: !16)
