; RUN: %rewrite_ir -O0 -trace=1 %s 2>&1 | FileCheck %s
; An arena site with a stack slot (small=64) is split after the optimizer:
; the slot when the size fits, else the frame entered and the arena; the
; mark is 0 on the slot's path and its leave runs only when it is not; the
; free passes null for the slot and ends its lifetime, as every return
; does.  With a second arena allocation in the function the entry stays
; where it was, on both paths: that allocation needs the frame.
; ESCAPE-SITE: one malloc a.c:3:7 arena small=64
; ESCAPE-FREE: one free a.c:5:3 sites=0
; ESCAPE-SITE: zeroed calloc a.c:11:7 arena small=64
; ESCAPE-SITE: two malloc a.c:21:7 arena small=64
; ESCAPE-SITE: two malloc a.c:22:7 arena
; ESCAPE-SITE: copy strdup a.c:31:7 arena small=64
; ESCAPE-SITE: copyn strndup a.c:41:7 arena small=64

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare void @free(ptr)
declare void @use(ptr)

; CHECK: escape: one: 'malloc' at a.c:3:7 -> arena, or a stack slot when at most 64 bytes
; CHECK-LABEL: define void @one(
; CHECK: %escape.small = alloca [64 x i8], align 16
; CHECK: %[[FITS:.*]] = icmp ule i64 %n, 64
; CHECK: br i1 %[[FITS]], label %[[SLOT:[0-9]+]], label %[[ARENA:[0-9]+]]
; CHECK: [[SLOT]]:
; CHECK-NEXT: call void @llvm.lifetime.start.p0(i64 64, ptr %escape.small)
; CHECK: [[ARENA]]:
; CHECK-NEXT: %[[M:[0-9]+]] = call i64 @esc_frame_enter()
; CHECK-NEXT: %[[A:[0-9]+]] = call ptr @esc_frame_alloc(i64 %n)
; CHECK-DAG: %[[P:p]] = phi ptr [ %escape.small, %[[SLOT]] ], [ %[[A]], %[[ARENA]] ]
; CHECK-DAG: %[[MARK:escape.mark]] = phi i64 [ 0, %[[SLOT]] ], [ %[[M]], %[[ARENA]] ]
; CHECK: call void @use(ptr %p)
; CHECK: icmp eq ptr %p, %escape.small
; CHECK: call void @llvm.lifetime.end.p0(i64 64, ptr %escape.small)
; CHECK: %[[Q:.*]] = select i1 {{.*}}, ptr null, ptr %[[P]]
; CHECK-NEXT: call void @esc_frame_free(ptr %[[Q]])
; CHECK: icmp ne i64 %[[MARK]], 0
; CHECK: call void @esc_frame_leave(i64 %[[MARK]])
; CHECK: call void @llvm.lifetime.end.p0(i64 64, ptr %escape.small)
; CHECK-NEXT: ret void
define void @one(i64 %n) !dbg !5 {
entry:
  %p = call ptr @malloc(i64 %n), !dbg !8
  call void @use(ptr %p)
  call void @free(ptr %p), !dbg !9
  ret void
}

; CHECK-LABEL: define void @zeroed(
; CHECK: call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %c, i64 %n)
; CHECK: call void @llvm.lifetime.start.p0(i64 64, ptr %escape.small)
; CHECK-NEXT: call void @llvm.memset.p0.i64(ptr align 16 %escape.small, i8 0, i64
; CHECK: call ptr @esc_frame_calloc(i64 %c, i64 %n)
define void @zeroed(i64 %c, i64 %n) !dbg !10 {
entry:
  %p = call ptr @calloc(i64 %c, i64 %n), !dbg !11
  call void @use(ptr %p)
  ret void
}

; CHECK-LABEL: define void @two(
; CHECK: entry:
; CHECK: %escape.mark = call i64 @esc_frame_enter()
; CHECK: icmp ule i64 %n, 64
; CHECK-NOT: phi i64
; CHECK: call void @esc_frame_leave(i64 %escape.mark)
define void @two(i64 %n) !dbg !12 {
entry:
  %p = call ptr @malloc(i64 %n), !dbg !13
  %q = call ptr @malloc(i64 %n), !dbg !14
  call void @use(ptr %p)
  call void @use(ptr %q)
  ret void
}

; A string copy takes the slot when its length, which the C library's
; strlen (strnlen) measures, is below the slot's size; the characters and
; a null are copied in.
; CHECK-LABEL: define void @copy(
; CHECK: %[[L:[0-9]+]] = call i64 @strlen(ptr %s)
; CHECK: icmp ult i64 %[[L]], 64
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr align 16 %escape.small, ptr align 1 %s, i64 %[[L]], i1 false)
; CHECK-NEXT: %[[E:[0-9]+]] = getelementptr i8, ptr %escape.small, i64 %[[L]]
; CHECK-NEXT: store i8 0, ptr %[[E]]
; CHECK: call ptr @esc_frame_strdup(ptr %s)
define void @copy(ptr %s) !dbg !15 {
entry:
  %p = call ptr @strdup(ptr %s), !dbg !16
  call void @use(ptr %p)
  ret void
}

; CHECK-LABEL: define void @copyn(
; CHECK: %[[L:[0-9]+]] = call i64 @strnlen(ptr %s, i64 %n)
; CHECK: icmp ult i64 %[[L]], 64
; CHECK: call ptr @esc_frame_strndup(ptr %s, i64 %n)
define void @copyn(ptr %s, i64 %n) !dbg !17 {
entry:
  %p = call ptr @strndup(ptr %s, i64 %n), !dbg !18
  call void @use(ptr %p)
  ret void
}

declare ptr @strdup(ptr)
declare ptr @strndup(ptr, i64)

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
!10 = distinct !DISubprogram(name: "zeroed", scope: !1, file: !1, line: 10, type: !6, scopeLine: 10, spFlags: DISPFlagDefinition, unit: !0)
!11 = !DILocation(line: 11, column: 7, scope: !10)
!12 = distinct !DISubprogram(name: "two", scope: !1, file: !1, line: 20, type: !6, scopeLine: 20, spFlags: DISPFlagDefinition, unit: !0)
!13 = !DILocation(line: 21, column: 7, scope: !12)
!14 = !DILocation(line: 22, column: 7, scope: !12)
!15 = distinct !DISubprogram(name: "copy", scope: !1, file: !1, line: 30, type: !6, scopeLine: 30, spFlags: DISPFlagDefinition, unit: !0)
!16 = !DILocation(line: 31, column: 7, scope: !15)
!17 = distinct !DISubprogram(name: "copyn", scope: !1, file: !1, line: 40, type: !6, scopeLine: 40, spFlags: DISPFlagDefinition, unit: !0)
!18 = !DILocation(line: 41, column: 7, scope: !17)
