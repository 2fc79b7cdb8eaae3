#include "kb/store/graphviz.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kb {
namespace {

struct Fd {
  int fd = -1;
  ~Fd() { close(); }
  void close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

}  // namespace

std::optional<std::string> find_dot() {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string_view rest(path);
  while (true) {
    std::size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/dot";
    struct stat st;
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::optional<std::string> render_svg_with_dot(std::string_view dot_source, int timeout_ms) {
  auto dot = find_dot();
  if (!dot) return std::nullopt;
  int in_pipe[2], out_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) return std::nullopt;
  Fd in_r{in_pipe[0]}, in_w{in_pipe[1]};
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return std::nullopt;
  Fd out_r{out_pipe[0]}, out_w{out_pipe[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_r.fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_w.fd, STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::string arg0 = "dot", arg1 = "-Tsvg";
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, dot->c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return std::nullopt;
  in_r.close();
  out_w.close();
  ::fcntl(in_w.fd, F_SETFL, O_NONBLOCK);
  ::fcntl(out_r.fd, F_SETFL, O_NONBLOCK);

  // A child that exits early must not kill us with SIGPIPE: block it while writing and drop
  // any that became pending.
  sigset_t pipe_set, old_set;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);

  std::string svg;
  std::size_t written = 0;
  bool failed = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  if (dot_source.empty()) in_w.close();
  while (out_r.fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      failed = true;
      break;
    }
    pollfd fds[2];
    int n = 0;
    fds[n++] = {out_r.fd, POLLIN, 0};
    if (in_w.fd >= 0) fds[n++] = {in_w.fd, POLLOUT, 0};
    int ready = ::poll(fds, n, static_cast<int>(left.count()));
    if (ready < 0) {
      if (errno == EINTR) continue;
      failed = true;
      break;
    }
    if (n == 2 && fds[1].revents) {
      ssize_t k = ::write(in_w.fd, dot_source.data() + written, dot_source.size() - written);
      if (k > 0) written += static_cast<std::size_t>(k);
      else if (k < 0 && errno != EAGAIN && errno != EINTR) in_w.close();  // the child stopped reading
      if (written == dot_source.size()) in_w.close();
    }
    if (fds[0].revents) {
      char buf[65536];
      ssize_t k = ::read(out_r.fd, buf, sizeof buf);
      if (k > 0) svg.append(buf, static_cast<std::size_t>(k));
      else if (k == 0) out_r.close();
      else if (errno != EAGAIN && errno != EINTR) {
        failed = true;
        break;
      }
    }
  }
  in_w.close();
  out_r.close();
  // Reap the child, within the same deadline.
  int status = 0;
  bool reaped = false;
  while (!failed) {
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno != EINTR)) {
      reaped = true;
      failed = r != pid;
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) failed = true;
    else ::usleep(5000);
  }
  if (failed && !reaped) {
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  timespec zero{0, 0};
  while (sigtimedwait(&pipe_set, nullptr, &zero) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &old_set, nullptr);

  if (failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  if (svg.find("<svg") == std::string::npos) return std::nullopt;
  return svg;
}

}  // namespace kb
