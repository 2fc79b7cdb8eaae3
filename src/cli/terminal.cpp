#include "terminal.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <string_view>

#include <fcntl.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kb::cli {
namespace {

// A positive whole number from the environment, or 0.
std::size_t env_count(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return 0;
  std::size_t n = 0;
  for (const char* p = v; *p; ++p) {
    if (*p < '0' || *p > '9' || n > 100000) return 0;
    n = n * 10 + static_cast<std::size_t>(*p - '0');
  }
  return n;
}

// Whether the program a shell command starts (its first word after any VAR=value) can be run:
// a path that is executable, or a name found on $PATH.
bool can_run(std::string_view command) {
  std::string word;
  std::size_t i = 0;
  while (true) {
    while (i < command.size() && (command[i] == ' ' || command[i] == '\t')) ++i;
    std::size_t end = command.find_first_of(" \t", i);
    word = std::string(command.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    if (word.find('=') == std::string::npos || end == std::string_view::npos) break;
    i = end;
  }
  if (word.empty()) return false;
  if (word.find('/') != std::string::npos) return ::access(word.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (true) {
    std::size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + word;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
      return true;
    if (colon == std::string_view::npos) return false;
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

TerminalSize terminal_size(int fd) {
  TerminalSize size;
  if (!::isatty(fd)) return size;
  winsize ws{};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0) {
    size.columns = ws.ws_col;
    size.rows = ws.ws_row;
  }
  if (std::size_t c = env_count("COLUMNS")) size.columns = c;
  if (std::size_t r = env_count("LINES")) size.rows = r;
  return size;
}

std::string pager_command() {
  for (const char* name : {"KB_PAGER", "PAGER"})
    if (const char* v = std::getenv(name)) return v == std::string_view("cat") ? std::string() : std::string(v);
  return "less -FRX";
}

PagedOutBuf::PagedOutBuf(std::string command, std::size_t rows, std::ostream& err)
    : command_(std::move(command)), rows_(rows), err_(err), holding_(rows > 0 && !command_.empty()) {}

PagedOutBuf::~PagedOutBuf() { finish(); }

PagedOutBuf::int_type PagedOutBuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  char c = traits_type::to_char_type(ch);
  return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
}

std::streamsize PagedOutBuf::xsputn(const char* s, std::streamsize n) {
  if (!holding_) return sink_->sputn(s, n);
  held_.append(s, static_cast<std::size_t>(n));
  lines_ += static_cast<std::size_t>(std::count(s, s + n, '\n'));
  if (lines_ > rows_) start_pager();
  return n;
}

int PagedOutBuf::sync() {
  // A command that flushes wants its words seen now: no pager for it.
  if (holding_) write_held_to_stdout();
  return sink_->pubsync();
}

void PagedOutBuf::write_held_to_stdout() {
  holding_ = false;
  sink_ = &stdout_;
  stdout_.sputn(held_.data(), static_cast<std::streamsize>(held_.size()));
  held_.clear();
}

void PagedOutBuf::start_pager() {
  if (!can_run(command_)) {
    err_ << "kb: warning: cannot run the pager '" << command_ << "'; set KB_PAGER or use --no-pager\n";
    write_held_to_stdout();
    return;
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return write_held_to_stdout();
  ::setenv("LESS", "FRX", 0);  // as git: quit at the end of one screen, keep colour, no clearing
  ::setenv("LV", "-c", 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  std::string sh = "/bin/sh", dash_c = "-c";
  char* argv[] = {sh.data(), dash_c.data(), command_.data(), nullptr};
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, sh.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (rc != 0) {
    ::close(fds[1]);
    err_ << "kb: warning: cannot run the pager '" << command_ << "'; set KB_PAGER or use --no-pager\n";
    return write_held_to_stdout();
  }
  // The user may quit the pager before the end: the rest is dropped, quietly (error()).
  std::signal(SIGPIPE, SIG_IGN);
  pid_ = pid;
  pipe_ = std::make_unique<FdOutBuf>(fds[1]);
  holding_ = false;
  sink_ = pipe_.get();
  sink_->sputn(held_.data(), static_cast<std::streamsize>(held_.size()));
  held_.clear();
}

void PagedOutBuf::finish() {
  if (finished_) return;
  finished_ = true;
  if (holding_) write_held_to_stdout();
  stdout_.pubsync();
  if (pid_ <= 0) return;
  pipe_->pubsync();
  pipe_->close();
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

int PagedOutBuf::error() const {
  if (pipe_ && pipe_->error() != 0 && pipe_->error() != EPIPE) return pipe_->error();
  return stdout_.error();
}

}  // namespace kb::cli
