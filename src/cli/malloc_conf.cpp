// jemalloc's settings for kb, read by jemalloc at startup (before MALLOC_CONF, which overrides
// them). Compiled into the executables that link jemalloc (KB_JEMALLOC in CMakeLists.txt).
//
// thp:always: jemalloc asks the kernel for transparent huge pages for its memory, so building
// a graph of a million small strings takes one page fault per 2 MiB instead of one per 4 KiB
// (where the kernel allows THP only on request, its default "madvise" setting). On a 100k-note
// KB a warm query spent a quarter of its time in page faults before (the measurements are in
// bench/results/2026-11-29-jemalloc-huge-pages.md). metadata_thp does the same for jemalloc's own tables.
#ifdef KB_JEMALLOC
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's documented interface.
const char* malloc_conf = "thp:always,metadata_thp:always";
}
#endif
