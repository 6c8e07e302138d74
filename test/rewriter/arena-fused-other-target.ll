; RUN: %rewrite_ir -O2 %s | FileCheck %s
; The fused calls return a struct in two registers, an ABI checked on
; x86-64 only: on other targets the enter, allocation, free and leave stay
; four calls.
; ESCAPE-SITE: one malloc a.c:3:7 arena
; ESCAPE-FREE: one free a.c:5:3 sites=0

target triple = "aarch64-unknown-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr)

; CHECK-LABEL: define void @one(
; CHECK: call i64 @esc_frame_enter()
; CHECK-NEXT: call ptr @esc_frame_alloc(i64 %n)
; CHECK: call void @esc_frame_free(ptr
; CHECK-NEXT: call void @esc_frame_leave(i64
; CHECK-NOT: esc_frame_enter_alloc
; CHECK-NOT: esc_frame_free_leave
define void @one(i64 %n) !dbg !5 {
entry:
  %p = call ptr @malloc(i64 %n), !dbg !8
  call void @use(ptr %p)
  call void @free(ptr %p), !dbg !9
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: NoDebug)
!1 = !DIFile(filename: "a.c", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 1, !"wchar_size", i32 4}
!5 = distinct !DISubprogram(name: "one", scope: !1, file: !1, line: 2, type: !6, scopeLine: 2, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{}
!8 = !DILocation(line: 3, column: 7, scope: !5)
!9 = !DILocation(line: 5, column: 3, scope: !5)
