#pragma once
// Small POSIX helpers shared by the store's files (private to src/store).

#include <cerrno>
#include <string_view>

#include <unistd.h>

namespace kb::posix {

/// Writes all of `data` to `fd`, retrying short writes and EINTR. False on any other error.
inline bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace kb::posix
