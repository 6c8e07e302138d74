//===- thrash.c - threads writing their own small blocks --------------------===//
//
// Part of escape.  Each worker repeatedly allocates a small block, writes it
// many times and frees it; no block crosses threads.  An allocator that
// carves neighbouring blocks of one cache line for different threads makes
// their writes contend for the line: active false sharing.  The workload is
// scratchshare's without the block the main thread hands over.
// Usage: thrash [rounds=100000] [writes=1000] [threads=4] [size=8]
//
//===----------------------------------------------------------------------===//
#define SCRATCH_HANDOVER 0
#define SCRATCH_NAME "thrash"
#include "../scratchshare/scratchshare.c"
