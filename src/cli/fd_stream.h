#pragma once
// The standard output kb answers on: a stream buffer over a file descriptor that remembers the
// first write error (errno), so a full disk or a closed pipe is reported with its reason at
// the end of the run instead of ending in exit 0 with a cut answer. Private to src/cli.

#include <cerrno>
#include <streambuf>
#include <vector>

#include <unistd.h>

namespace kb::cli {

class FdOutBuf : public std::streambuf {
 public:
  explicit FdOutBuf(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  ~FdOutBuf() override { sync(); }
  /// The errno of the first write that failed, or 0.
  int error() const { return error_; }
  /// Writes what is buffered and closes the descriptor (a pager's input: its end of file).
  void close() {
    drain();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
    return ch;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  // Writes what is buffered; false (and nothing more is written) after any error.
  bool drain() {
    const char* p = pbase();
    while (error_ == 0 && fd_ >= 0 && p < pptr()) {
      ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) error_ = n < 0 ? errno : EIO;
      else p += n;
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return error_ == 0;
  }

  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
};

}  // namespace kb::cli
