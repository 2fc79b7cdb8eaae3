#include "kb/base/memory.h"

#include <cstdint>

#include "kb/base/parallel.h"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace kb {

void prefault([[maybe_unused]] void* begin, [[maybe_unused]] std::size_t bytes,
              [[maybe_unused]] unsigned threads) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  // Only whole pages inside the range: the pages at its ends may hold other objects, and
  // those are left to fault when written.
  const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) / page * page;
  const std::uintptr_t to = (reinterpret_cast<std::uintptr_t>(begin) + bytes) / page * page;
  constexpr std::uintptr_t kPiece = std::uintptr_t{4} << 20;  // 4 MiB a piece: a few huge pages
  if (to <= from || to - from < kPiece) return;  // small: not worth a thread
  const std::size_t pieces = static_cast<std::size_t>((to - from + kPiece - 1) / kPiece);
  parallel_for(pieces, threads, [&](std::size_t i) {
    const std::uintptr_t a = from + i * kPiece;
    const std::uintptr_t b = a + kPiece < to ? a + kPiece : to;
    ::madvise(reinterpret_cast<void*>(a), b - a, MADV_POPULATE_WRITE);  // a hint: errors ignored
  });
#endif
}

}  // namespace kb
