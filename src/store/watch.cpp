#include "kb/store/watch.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <system_error>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kb {

namespace {

constexpr std::uint32_t kEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO |
                                   IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

bool hidden(const std::string& name) { return !name.empty() && name[0] == '.'; }

}  // namespace

struct TreeWatcher::Impl {
  int inotify = -1;
  int wake = -1;  // an eventfd that stop() writes
  std::atomic<bool> stopped{false};
  std::map<int, std::string> folders;  // watch descriptor -> folder

  ~Impl() {
    if (inotify >= 0) ::close(inotify);
    if (wake >= 0) ::close(wake);
  }

  // Watches `dir` and every folder below it that is not hidden; links are not followed, so a
  // loop of links cannot make this run forever. A folder that vanishes meanwhile is skipped.
  bool add_tree(const std::string& dir, std::string& error) {
    int wd = inotify_add_watch(inotify, dir.c_str(), kEvents);
    if (wd < 0) {
      if (errno == ENOENT || errno == ENOTDIR) return true;
      error = fmt::format("cannot watch '{}': {}", dir, std::strerror(errno));
      return false;
    }
    folders[wd] = dir;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      std::error_code type_ec;
      if (hidden(name) || it->is_symlink(type_ec) || !it->is_directory(type_ec)) continue;
      if (!add_tree(it->path().string(), error)) return false;
    }
    return true;
  }

  // Reads the pending events; true when one of them is a change that matters (not in a hidden
  // file or folder). New folders join the watch.
  bool drain() {
    alignas(inotify_event) char buf[16384];
    bool changed = false;
    for (;;) {
      ssize_t n = ::read(inotify, buf, sizeof buf);
      if (n <= 0) return changed;
      for (char* p = buf; p < buf + n;) {
        auto* e = reinterpret_cast<inotify_event*>(p);
        p += sizeof(inotify_event) + e->len;
        if (e->mask & IN_Q_OVERFLOW) changed = true;  // events were lost: something changed
        auto dir = folders.find(e->wd);
        if (dir == folders.end()) continue;
        if (e->mask & IN_IGNORED) {
          folders.erase(dir);
          continue;
        }
        const std::string name = e->len ? std::string(e->name) : std::string();
        if (hidden(name)) continue;
        changed = true;
        if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) {
          std::string ignored;
          add_tree(dir->second + "/" + name, ignored);  // a folder we cannot watch is read on reload anyway
        }
      }
    }
  }

  // Polls the inotify and wake descriptors: 1 inotify readable, 0 timeout, -1 stopped.
  int poll_for(int ms) {
    pollfd fds[2] = {{inotify, POLLIN, 0}, {wake, POLLIN, 0}};
    int rc = ::poll(fds, 2, ms);
    if (stopped.load() || (rc > 0 && (fds[1].revents & POLLIN))) return -1;
    return rc > 0 && (fds[0].revents & POLLIN) ? 1 : 0;
  }
};

std::unique_ptr<TreeWatcher> TreeWatcher::start(const std::string& root, std::string& error) {
  std::unique_ptr<TreeWatcher> w(new TreeWatcher());
  w->impl_ = std::make_unique<Impl>();
  w->impl_->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  w->impl_->wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (w->impl_->inotify < 0 || w->impl_->wake < 0) {
    error = std::string("cannot watch for changes: ") + std::strerror(errno);
    return nullptr;
  }
  if (!w->impl_->add_tree(root, error)) return nullptr;
  return w;
}

TreeWatcher::~TreeWatcher() = default;

bool TreeWatcher::wait(int timeout_ms, int quiet_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  bool changed = false;
  while (!changed) {
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    if (left <= 0) return false;
    int rc = impl_->poll_for(left);
    if (rc < 0) return false;
    if (rc > 0) changed = impl_->drain();
  }
  // Let a burst of events settle (at most two seconds, so a folder written without pause
  // still shows up).
  const auto settle_by = Clock::now() + std::chrono::seconds(2);
  for (int rc; Clock::now() < settle_by && (rc = impl_->poll_for(quiet_ms)) != 0;) {
    if (rc < 0) return false;
    impl_->drain();
  }
  return true;
}

void TreeWatcher::stop() {
  impl_->stopped.store(true);
  std::uint64_t one = 1;
  ssize_t ignored = ::write(impl_->wake, &one, sizeof one);
  (void)ignored;
}

}  // namespace kb
