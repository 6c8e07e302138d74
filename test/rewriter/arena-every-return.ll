; RUN: %rewrite_ir -O0 -trace=1 %s 2>&1 | FileCheck %s
; Every ret of an arena function is preceded by esc_frame_leave, also in an
; unreachable block, and a function without ret only enters.
; ESCAPE-SITE: three malloc a.c:3:7 arena
; ESCAPE-SITE: noret malloc a.c:9:7 arena

declare ptr @malloc(i64)
declare void @use(ptr)
declare void @exit(i32) noreturn

; CHECK: escape: three: 'malloc' at a.c:3:7 -> arena
; CHECK: escape: noret: 'malloc' at a.c:9:7 -> arena
; CHECK-LABEL: define i32 @three(
; CHECK: entry:
; CHECK-NEXT: %escape.mark = call i64 @esc_frame_enter()
; CHECK: a:
; CHECK-NEXT: call void @esc_frame_leave(i64 %escape.mark)
; CHECK-NEXT: ret i32 1
; CHECK: b:
; CHECK-NEXT: call void @esc_frame_leave(i64 %escape.mark)
; CHECK-NEXT: ret i32 2
; CHECK: dead:
; CHECK-NEXT: call void @esc_frame_leave(i64 %escape.mark)
; CHECK-NEXT: ret i32 3
define i32 @three(i1 %c) !dbg !5 {
entry:
  %p = call ptr @malloc(i64 32), !dbg !8
  call void @use(ptr %p)
  br i1 %c, label %a, label %b
a:
  ret i32 1
b:
  ret i32 2
dead:
  ret i32 3
}

; CHECK-LABEL: define void @noret(
; CHECK: call i64 @esc_frame_enter()
; CHECK: call ptr @esc_frame_alloc(i64 16)
; CHECK-NOT: esc_frame_leave
; CHECK: unreachable
define void @noret() !dbg !9 {
entry:
  %p = call ptr @malloc(i64 16), !dbg !10
  call void @use(ptr %p)
  call void @exit(i32 0)
  unreachable
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: NoDebug)
!1 = !DIFile(filename: "a.c", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 1, !"wchar_size", i32 4}
!5 = distinct !DISubprogram(name: "three", scope: !1, file: !1, line: 2, type: !6, scopeLine: 2, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{}
!8 = !DILocation(line: 3, column: 7, scope: !5)
!9 = distinct !DISubprogram(name: "noret", scope: !1, file: !1, line: 8, type: !6, scopeLine: 8, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 9, column: 7, scope: !9)
