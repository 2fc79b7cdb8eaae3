#include "kb/base/memory.h"

#include <cstdint>
#include <cstring>
#include <vector>

#include <doctest/doctest.h>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

TEST_SUITE("memory") {
  TEST_CASE("prefault keeps what the memory holds, also around a range that is not page-aligned") {
    std::vector<std::uint8_t> buffer(9u << 20);
    for (std::size_t i = 0; i < buffer.size(); ++i) buffer[i] = static_cast<std::uint8_t>(i * 7 + 3);
    const std::vector<std::uint8_t> before = buffer;
    kb::prefault(buffer.data() + 5, buffer.size() - 11, 2);
    kb::prefault(buffer.data(), buffer.size(), 1);
    kb::prefault(buffer.data(), 100, 2);  // less than a page: nothing to do
    kb::prefault(nullptr, 0, 2);
    CHECK(buffer == before);
  }

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  TEST_CASE("prefault backs fresh memory before it is written, where the kernel can") {
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t size = 16u << 20;
    void* map = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(map != MAP_FAILED);
    auto resident = [&] {
      std::vector<unsigned char> in(size / page);
      REQUIRE(::mincore(map, size, in.data()) == 0);
      std::size_t n = 0;
      for (unsigned char c : in) n += c & 1;
      return n;
    };
    CHECK(resident() == 0);  // never written: nothing backs it yet
    // A kernel before 5.14 does not know the request; then there is nothing to see.
    const bool supported = ::madvise(map, page, MADV_POPULATE_WRITE) == 0;
    kb::prefault(map, size, 2);
    if (supported) {
      CHECK(resident() == size / page);
      CHECK(static_cast<unsigned char*>(map)[size - 1] == 0);  // fresh memory reads as zeros
    }
    ::munmap(map, size);
  }
#endif
}
