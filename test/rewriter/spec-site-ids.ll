; RUN: %rewrite_ir -O0 %s -spec=%S/Inputs/spec-ok.txt | FileCheck %s
; RUN: not %rewrite_ir -O0 %s -spec=%S/Inputs/spec-no-site.txt 2>&1 | FileCheck %s --check-prefix=RANGE
; RUN: not %rewrite_ir -O0 %s -spec=%S/Inputs/spec-other-function.txt 2>&1 | FileCheck %s --check-prefix=OTHER
; The test driver's site lists count sites across the whole file, so a
; miscounted id in an ESCAPE-FREE entry could match a free to the wrong
; site without a word.  An id that names no site is an error, and so is a
; site of another function unless the entry says `cross`.
; RANGE: error: {{.*}}spec-no-site.txt:3: site 2 does not exist (2 sites)
; OTHER: error: {{.*}}spec-other-function.txt:3: site 1 is in 'g', not 'f' (add `cross` if that is meant)
; CHECK-LABEL: define void @f(
; CHECK-NOT: call {{.*}}@malloc
; CHECK-NOT: call {{.*}}@free
; CHECK: ret void
declare ptr @malloc(i64)
declare void @free(ptr)

define void @f() !dbg !5 {
  %p = call ptr @malloc(i64 8), !dbg !8
  store i8 1, ptr %p
  call void @free(ptr %p), !dbg !9
  ret void
}

define void @g() !dbg !10 {
  %p = call ptr @malloc(i64 8), !dbg !11
  store i8 1, ptr %p
  call void @free(ptr %p), !dbg !12
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "t", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "a.c", directory: "/")
!2 = !{}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 5}
!5 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 1, type: !6, scopeLine: 1, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !2)
!8 = !DILocation(line: 2, column: 7, scope: !5)
!9 = !DILocation(line: 3, column: 3, scope: !5)
!10 = distinct !DISubprogram(name: "g", scope: !1, file: !1, line: 5, type: !6, scopeLine: 5, spFlags: DISPFlagDefinition, unit: !0)
!11 = !DILocation(line: 6, column: 7, scope: !10)
!12 = !DILocation(line: 7, column: 3, scope: !10)
