#pragma once
// Memory the program is about to fill, made ready on every core at once.

#include <cstddef>

namespace kb {

/// Asks the kernel to back `bytes` of fresh memory from `begin` (storage just reserved, say)
/// now, split over up to `threads` threads, so that the page faults and the zeroing a first
/// write would take one at a time on one thread are spread over the cores. A hint: where the
/// kernel cannot (before Linux 5.14, or not Linux), nothing happens and the first write
/// faults as usual. The memory's contents are not changed by it.
void prefault(void* begin, std::size_t bytes, unsigned threads);

}  // namespace kb
