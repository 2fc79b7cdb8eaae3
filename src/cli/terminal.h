#pragma once
// The terminal kb writes to: its size and its pager (git's rules: $KB_PAGER, $PAGER, else
// `less -FRX`). Output that is not a terminal is never cut and never paged. Private to src/cli.

#include <cstddef>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include <sys/types.h>

#include "fd_stream.h"

namespace kb::cli {

struct TerminalSize {
  std::size_t columns = 0;  ///< 0: unknown (not a terminal)
  std::size_t rows = 0;
};

/// The size of the terminal on `fd`: $COLUMNS and $LINES when they hold a positive number (as
/// a shell sets them), else the window size the terminal reports; zeros when `fd` is no
/// terminal.
TerminalSize terminal_size(int fd);

/// The pager command: $KB_PAGER if set, else $PAGER if set, else "less -FRX". An empty one or
/// "cat" means no pager.
std::string pager_command();

/// Standard output that pages when it is long: the first `rows` lines are held; the line
/// after them starts the pager (through /bin/sh, with LESS=FRX unless LESS is set) and all
/// output goes to it. Output that ends first, or that the command flushes first (a server's
/// "serving at" line, a prompt's question), goes straight to stdout. A pager that cannot be
/// started (not found on PATH, spawn failed) leaves the output on stdout, with one warning.
class PagedOutBuf : public std::streambuf {
 public:
  /// `rows` 0 or an empty `command`: no pager, stdout only.
  PagedOutBuf(std::string command, std::size_t rows, std::ostream& err);
  ~PagedOutBuf() override;
  /// Writes out what is held, ends the pager's input and waits for the pager to quit.
  void finish();
  /// The errno of the first failed write, or 0. A pager the user quit early is no error.
  int error() const;
  bool paging() const { return pid_ > 0; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void start_pager();
  void write_held_to_stdout();

  std::string command_;
  std::size_t rows_;
  std::ostream& err_;
  bool holding_;
  std::string held_;
  std::size_t lines_ = 0;
  FdOutBuf stdout_{1};
  std::unique_ptr<FdOutBuf> pipe_;
  std::streambuf* sink_ = &stdout_;
  pid_t pid_ = -1;
  bool finished_ = false;
};

}  // namespace kb::cli
