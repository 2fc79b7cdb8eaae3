#include "kb/store/cache.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "kb/base/sqlite.h"
#include "support/temp_dir.h"

using namespace kb;

namespace {

using kb::test::TempDir;

// A fresh folder under the system temp folder, removed at the end of the test.
CacheEntry entry(std::string path, std::string data, std::uint64_t size = 10) {
  CacheEntry e;
  e.file.path = std::move(path);
  e.file.size = size;
  e.file.mtime_ns = 1'700'000'000'123'456'789;
  e.file.ctime_ns = 1'700'000'001'987'654'321;
  e.file.inode = 0xFFFF'FFFF'FFFF'FFF0ull;  // above INT64_MAX: must survive SQLite's int64
  e.file.device = 42;
  e.content_hash = 0x8000'0000'0000'0001ull;
  e.data = std::move(data);
  return e;
}

std::map<std::string, CacheEntry> read_all(IndexCache& c) {
  std::map<std::string, CacheEntry> out;
  c.scan([&](CacheEntry&& e) { out[e.file.path] = std::move(e); });
  return out;
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("cache: entries are stored, replaced and removed") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE_MESSAGE(c, error);
    std::vector<CacheEntry> put;
    put.push_back(entry("a.md", std::string("blob\0a", 6)));
    put.push_back(entry("b.md", "blob b"));
    REQUIRE(c->update(std::move(put), {}));
    auto all = read_all(*c);
    REQUIRE(all.size() == 2);
    const CacheEntry& a = all["a.md"];
    CHECK(a.data == std::string("blob\0a", 6));
    CHECK(a.file.size == 10);
    CHECK(a.file.mtime_ns == 1'700'000'000'123'456'789);
    CHECK(a.file.ctime_ns == 1'700'000'001'987'654'321);
    CHECK(a.file.inode == 0xFFFF'FFFF'FFFF'FFF0ull);
    CHECK(a.file.device == 42);
    CHECK(a.content_hash == 0x8000'0000'0000'0001ull);
    CHECK(a.stored_ns > 0);

    put.clear();
    put.push_back(entry("a.md", "new a", 11));
    REQUIRE(c->update(std::move(put), {"b.md"}));
    all = read_all(*c);
    REQUIRE(all.size() == 1);
    CHECK(all["a.md"].data == "new a");
    CHECK(all["a.md"].file.size == 11);
    CHECK(c->count() == 1);

    // Reopened with the same version, the entries are still there.
    c.reset();
    c = SqliteCache::open(path, "v1", error);
    REQUIRE(c);
    CHECK(read_all(*c).size() == 1);
  }

  TEST_CASE("cache: a write fed entry by entry is seen whole when committed, and not at all when dropped") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE_MESSAGE(c, error);
    std::vector<CacheEntry> put;
    put.push_back(entry("old.md", "old"));
    REQUIRE(c->update(std::move(put), {}));
    auto other = SqliteCache::open(path, "v1", error);  // another kb process
    REQUIRE(other);
    {
      std::unique_ptr<CacheWrite> w = c->begin_write();
      REQUIRE(w);
      for (int i = 0; i < 300; ++i) CHECK(w->put(entry("n" + std::to_string(i) + ".md", std::string(5000, 'x'))));
      CHECK(read_all(*other).size() == 1);  // not yet visible to others
    }  // dropped: rolled back
    CHECK(read_all(*other).size() == 1);
    CHECK(read_all(*c).size() == 1);
    {
      std::unique_ptr<CacheWrite> w = c->begin_write();
      REQUIRE(w);
      for (int i = 0; i < 300; ++i) CHECK(w->put(entry("n" + std::to_string(i) + ".md", std::string(5000, 'x'))));
      CHECK(w->commit({"old.md"}));
    }
    auto all = read_all(*other);
    CHECK(all.size() == 300);
    CHECK_FALSE(all.count("old.md"));
    CHECK(all["n299.md"].data == std::string(5000, 'x'));
    CHECK(all["n299.md"].stored_ns > 0);
  }

  TEST_CASE("cache: a cache of another version is emptied") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    {
      auto c = SqliteCache::open(path, "v1", error);
      REQUIRE(c);
      std::vector<CacheEntry> put;
      put.push_back(entry("a.md", "x"));
      REQUIRE(c->update(std::move(put), {}));
    }
    auto c = SqliteCache::open(path, "v2", error);
    REQUIRE(c);
    CHECK(read_all(*c).empty());
    // And the version is now v2: v2 entries persist.
    std::vector<CacheEntry> put;
    put.push_back(entry("b.md", "y"));
    REQUIRE(c->update(std::move(put), {}));
    c = SqliteCache::open(path, "v2", error);
    REQUIRE(c);
    CHECK(read_all(*c).size() == 1);
  }

  TEST_CASE("cache: the graph snapshot is stored whole, read back, and dropped with its version") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto read = [](SqliteCache& c, std::string& out, std::int64_t& when) {
      return c.read_graph([&](const ByteSource& data, std::int64_t stored_ns) {
        out.assign(data.size(), '\0');
        REQUIRE(data.read(0, data.size(), out.data()));
        when = stored_ns;
        return true;
      });
    };
    std::string got;
    std::int64_t when = 0;
    {
      auto c = SqliteCache::open(path, "v1", error);
      REQUIRE(c);
      CHECK_FALSE(read(*c, got, when));
      CHECK(c->graph_size() == -1);
      std::string blob("snap\0shot", 9);
      REQUIRE(c->write_graph({blob.substr(0, 4), blob.substr(4)}));
      REQUIRE(read(*c, got, when));
      CHECK(got == blob);
      CHECK(when > 1'700'000'000'000'000'000);  // the wall clock, in ns
      CHECK(c->graph_size() == 9);
      REQUIRE(c->write_graph({"second"}));  // replaced, not appended
      REQUIRE(read(*c, got, when));
      CHECK(got == "second");
      // What `use` returns is what read_graph returns.
      CHECK_FALSE(c->read_graph([](const ByteSource&, std::int64_t) { return false; }));
    }
    // The same file under another version is not read, and opening that version removes it.
    {
      auto c = SqliteCache::open(path, "v2", error);
      REQUIRE(c);
      CHECK_FALSE(read(*c, got, when));
    }
    CHECK_FALSE(std::filesystem::exists(path + "-graph"));
    // A snapshot file cut short of its header is not read.
    {
      auto c = SqliteCache::open(path, "v2", error);
      REQUIRE(c->write_graph({"x"}));
      std::filesystem::resize_file(path + "-graph", 6);
      CHECK_FALSE(read(*c, got, when));
    }
    REQUIRE(SqliteCache::remove_files(path, error));
    CHECK_FALSE(std::filesystem::exists(path + "-graph"));
  }

  TEST_CASE("cache: a snapshot written a part at a time appears whole on commit, or not at all") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE(c);
    auto read_back = [&] {
      std::string got = "-";
      c->read_graph([&](const ByteSource& data, std::int64_t stored_ns) {
        got.assign(data.size(), '\0');
        CHECK(stored_ns > 1'700'000'000'000'000'000);  // stamped on commit
        return data.read(0, data.size(), got.data());
      });
      return got;
    };
    REQUIRE(c->write_graph({"old"}));
    {
      auto w = c->begin_graph_write();
      REQUIRE(w);
      CHECK(w->append("new "));
      CHECK(read_back() == "old");  // not before the commit
      CHECK(w->append("parts"));
    }  // dropped: nothing written, no file left behind
    CHECK(read_back() == "old");
    for (const auto& f : std::filesystem::directory_iterator(dir.path))
      CHECK(f.path().filename().string().find(".tmp") == std::string::npos);
    auto w = c->begin_graph_write();
    REQUIRE(w);
    CHECK(w->append("new "));
    CHECK(w->append("parts"));
    REQUIRE(w->commit());
    CHECK(read_back() == "new parts");
  }

  TEST_CASE("cache: the snapshot is read a range at a time, and never past its end") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE(c);
    std::string blob;
    for (int i = 0; blob.size() < 5 * 4096 + 123; ++i) blob += std::to_string(i) + ',';
    REQUIRE(c->write_graph({blob}));
    REQUIRE(c->read_graph([&](const ByteSource& data, std::int64_t) {
      CHECK(data.size() == blob.size());
      std::string buffer;
      std::string_view bytes;
      REQUIRE(data.read_into(100, 3 * 4096, buffer, bytes));
      CHECK(bytes == std::string_view(blob).substr(100, 3 * 4096));
      REQUIRE(data.read_into(blob.size() - 5, 5, buffer, bytes));  // the buffer is reused
      CHECK(bytes == std::string_view(blob).substr(blob.size() - 5));
      CHECK(buffer.size() == 3 * 4096);
      CHECK_FALSE(data.read_into(blob.size() - 5, 6, buffer, bytes));  // past the end
      CHECK_FALSE(data.read_into(blob.size() + 1, 0, buffer, bytes));
      CHECK(data.read_into(blob.size(), 0, buffer, bytes));
      return true;
    }));
  }

  TEST_CASE("issue 24: a snapshot cut short in place while kb reads it never crashes kb") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE(c);
    std::string blob;
    for (int i = 0; blob.size() < 64 * 4096; ++i) blob += std::to_string(i) + ';';
    REQUIRE(c->write_graph({blob}));
    std::string got;
    CHECK_FALSE(c->read_graph([&](const ByteSource& data, std::int64_t) {
      // Another program truncates the file between the open and the decode: had kb mapped
      // the file, touching the pages past the new end would raise SIGBUS; a read comes short.
      REQUIRE(::truncate((path + "-graph").c_str(), 0) == 0);
      got.assign(data.size(), '\0');
      return data.read(0, data.size(), got.data());
    }));
    CHECK(got.size() == blob.size());
    CHECK_FALSE(c->read_graph([](const ByteSource&, std::int64_t) { return true; }));  // cut: no snapshot
  }

  TEST_CASE("cache: a file that is not a cache is replaced, never read") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    SUBCASE("garbage") {
      std::ofstream(path) << "this is not a database, just text that happens to be here\n";
    }
    SUBCASE("an empty file") { std::ofstream(path).flush(); }
    SUBCASE("a SQLite database of another program") {
      auto c = SqliteCache::open(path, "v1", error);
      REQUIRE(c);
      c.reset();
      std::filesystem::remove(path + "-wal");
      // Overwrite the schema's table names in place: still a database, no longer ours.
      std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
      std::string all((std::istreambuf_iterator<char>(f)), {});
      for (auto pos = all.find("entries"); pos != std::string::npos; pos = all.find("entries", pos + 1)) all.replace(pos, 7, "entriex");
      f.seekp(0);
      f << all;
    }
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE_MESSAGE(c, error);
    CHECK(read_all(*c).empty());
    std::vector<CacheEntry> put;
    put.push_back(entry("a.md", "x"));
    CHECK(c->update(std::move(put), {}));
    CHECK(read_all(*c).size() == 1);
  }

  TEST_CASE("cache: a truncated cache file is rebuilt") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    {
      auto c = SqliteCache::open(path, "v1", error);
      REQUIRE(c);
      std::vector<CacheEntry> put;
      for (int i = 0; i < 200; ++i) put.push_back(entry("n" + std::to_string(i) + ".md", std::string(3000, 'a' + i % 26)));
      REQUIRE(c->update(std::move(put), {}));
      REQUIRE(c->count() == 200);
    }
    // Fold the WAL in, then cut the database file in half.
    {
      auto c = SqliteCache::open(path, "v1", error);
      REQUIRE(c);
    }
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    auto size = std::filesystem::file_size(path);
    std::filesystem::resize_file(path, size / 2);
    auto c = SqliteCache::open(path, "v1", error);
    if (c) {
      // What can still be read is whole rows (each blob carries its own checksum upstream);
      // the damage is noticed and the next update rebuilds the file.
      auto all = read_all(*c);
      CHECK(all.size() < 200);
      for (const auto& [p, e] : all) CHECK(e.data.size() == 3000);
      std::vector<CacheEntry> put;
      put.push_back(entry("fresh.md", "x"));
      CHECK(c->update(std::move(put), {}));
      c.reset();
      c = SqliteCache::open(path, "v1", error);
      REQUIRE(c);
      auto after = read_all(*c);
      CHECK(after.count("fresh.md") == 1);
    } else {
      FAIL("a truncated cache could not be replaced: " << error);
    }
  }

  TEST_CASE("cache: an empty cache is filled through a rollback journal, then is WAL again") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto mode = [&] {
      auto db = sqlite::Database::open_file(path, error);
      REQUIRE_MESSAGE(db, error);
      sqlite::Statement q(*db, "PRAGMA journal_mode");
      REQUIRE(q.step() == sqlite::Step::row);
      return q.text(0);
    };
    auto fill = [&](IndexCache& c, const std::string& prefix, bool journal) {
      std::unique_ptr<CacheWrite> w = c.begin_write();
      REQUIRE(w);
      for (int i = 0; i < 300; ++i) CHECK(w->put(entry(prefix + std::to_string(i) + ".md", std::string(5000, 'x'))));
      // Each page is written once, into the database; the journal holds what was there before.
      CHECK(std::filesystem::exists(path + "-journal") == journal);
      struct stat st {};
      if (journal && ::stat((path + "-journal").c_str(), &st) == 0) CHECK((st.st_mode & 0777) == 0600);  // as private
      CHECK(w->commit({}));
    };
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE_MESSAGE(c, error);
    fill(*c, "a", true);
    CHECK_FALSE(std::filesystem::exists(path + "-journal"));
    CHECK(mode() == "wal");
    CHECK(read_all(*c).size() == 300);
    fill(*c, "b", false);  // not empty: WAL throughout
    CHECK(read_all(*c).size() == 600);

    // Another connection open (another kb run): the mode stays WAL, and the fill lands.
    c.reset();
    auto d = SqliteCache::open(path, "v2", error);  // a new version: emptied
    REQUIRE_MESSAGE(d, error);
    auto other = SqliteCache::open(path, "v2", error);
    REQUIRE_MESSAGE(other, error);
    fill(*d, "c", false);
    CHECK(read_all(*other).size() == 300);
    CHECK(mode() == "wal");
  }

  TEST_CASE("cache: two writers at once both land") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    auto a = SqliteCache::open(path, "v1", error);
    auto b = SqliteCache::open(path, "v1", error);
    REQUIRE(a);
    REQUIRE(b);
    auto write = [](IndexCache* c, const std::string& prefix) {
      for (int round = 0; round < 20; ++round) {
        std::vector<CacheEntry> put;
        for (int i = 0; i < 20; ++i) put.push_back(entry(prefix + std::to_string(i) + ".md", prefix + std::to_string(round)));
        CHECK(c->update(std::move(put), {}));
      }
    };
    std::thread ta(write, a.get(), "a");
    std::thread tb(write, b.get(), "b");
    ta.join();
    tb.join();
    auto all = read_all(*a);
    CHECK(all.size() == 40);
    CHECK(all["a7.md"].data == "a19");
    CHECK(all["b7.md"].data == "b19");
  }

  TEST_CASE("cache: remove_files deletes the cache and tolerates a missing one") {
    TempDir dir;
    std::string path = dir.path + "/cache.sqlite", error;
    { REQUIRE(SqliteCache::open(path, "v1", error)); }
    CHECK(SqliteCache::remove_files(path, error));
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(SqliteCache::remove_files(path, error));
  }
}

namespace {

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("issue 24: a cache folder or file that is a link or no file is refused, and nothing is written there") {
    TempDir dir;
    const std::string kb = dir.path + "/kb", outside = dir.path + "/outside";
    std::filesystem::create_directories(kb);
    std::filesystem::create_directories(outside);
    const std::string path = kb + "/.kb/cache.sqlite";
    std::string want;
    SUBCASE("the folder is a link") {
      std::filesystem::create_directory_symlink(outside, kb + "/.kb");
      want = ".kb is a symbolic link";
    }
    SUBCASE("the folder is a file") {
      std::ofstream(kb + "/.kb") << "x";
      want = ".kb is not a folder";
    }
    SUBCASE("a cache file is a link") {
      const char* suffix = "";
      SUBCASE("database") { suffix = ""; }
      SUBCASE("wal") { suffix = "-wal"; }
      SUBCASE("shm") { suffix = "-shm"; }
      SUBCASE("rollback journal") { suffix = "-journal"; }
      SUBCASE("snapshot") { suffix = "-graph"; }
      std::filesystem::create_directories(kb + "/.kb");
      std::filesystem::create_symlink("../../outside/target", path + suffix);
      want = std::string(".kb/cache.sqlite") + suffix + " is a symbolic link";
    }
    SUBCASE("a cache file is a FIFO") {
      std::filesystem::create_directories(kb + "/.kb");
      REQUIRE(::mkfifo((path + "-graph").c_str(), 0600) == 0);
      want = ".kb/cache.sqlite-graph is not a regular file";
    }
    CHECK(SqliteCache::unsafe(path) == want);
    std::string warning = "unset", error;
    CHECK_FALSE(SqliteCache::prepare(path, warning));
    CHECK(warning == want);
    CHECK(SqliteCache::open(path, "v1", error) == nullptr);
    CHECK(error == want);
    CHECK(std::filesystem::is_empty(outside));
  }

  TEST_CASE("issue 24: links put in after the cache is open are neither read nor written through") {
    TempDir dir;
    const std::string outside = dir.path + "/outside";
    std::filesystem::create_directories(dir.path + "/kb/.kb");
    std::ofstream(outside) << "not a snapshot\n";
    const std::string path = dir.path + "/kb/.kb/cache.sqlite";
    std::string error;
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE_MESSAGE(c, error);
    std::filesystem::create_symlink(outside, path + "-graph");
    CHECK_FALSE(c->read_graph([](const ByteSource&, std::int64_t) { return true; }));
    REQUIRE(c->write_graph({"snapshot"}));  // replaces the link itself
    CHECK_FALSE(std::filesystem::is_symlink(path + "-graph"));
    std::ifstream in(outside);
    std::string line;
    std::getline(in, line);
    CHECK(line == "not a snapshot");
  }

  TEST_CASE("issue 24: the cache folder is private (0700) and its files too (0600), an old one is tightened") {
    TempDir dir;
    const std::string path = dir.path + "/kb/.kb/cache.sqlite";
    std::filesystem::create_directories(dir.path + "/kb");
    SUBCASE("new") {}
    SUBCASE("made by an older kb") {
      std::filesystem::create_directories(dir.path + "/kb/.kb");
      REQUIRE(::chmod((dir.path + "/kb/.kb").c_str(), 0755) == 0);
      for (const char* suffix : {"", "-graph"}) {
        std::ofstream(path + suffix) << "";
        REQUIRE(::chmod((path + suffix).c_str(), 0644) == 0);
      }
    }
    std::string warning, error;
    REQUIRE(SqliteCache::prepare(path, warning));
    CHECK(warning == "");
    CHECK(mode_of(dir.path + "/kb/.kb") == 0700);
    auto c = SqliteCache::open(path, "v1", error);
    REQUIRE_MESSAGE(c, error);
    std::vector<CacheEntry> put;
    put.push_back(entry("a.md", "secret"));
    REQUIRE(c->update(std::move(put), {}));  // an empty cache filled: through a rollback journal
    put.push_back(entry("b.md", "secret"));
    REQUIRE(c->update(std::move(put), {}));  // then through the WAL
    REQUIRE(c->write_graph({"secret"}));
    for (const char* suffix : {"", "-wal", "-shm", "-graph"}) {
      INFO(suffix);
      CHECK(mode_of(path + suffix) == 0600);
    }
  }

  TEST_CASE("issue 24: a cache in a KB reached through a link is used") {
    TempDir dir;
    std::filesystem::create_directories(dir.path + "/real/.kb");
    std::filesystem::create_directory_symlink(dir.path + "/real", dir.path + "/link");
    std::string error;
    auto c = SqliteCache::open(dir.path + "/link/.kb/cache.sqlite", "v1", error);
    REQUIRE_MESSAGE(c, error);
    REQUIRE(c->write_graph({"snapshot"}));
    CHECK(std::filesystem::exists(dir.path + "/real/.kb/cache.sqlite-graph"));
  }

  TEST_CASE("issue 24: clearing a cache whose folder is a link removes nothing where it points") {
    TempDir dir;
    std::filesystem::create_directories(dir.path + "/kb");
    std::filesystem::create_directories(dir.path + "/outside");
    std::ofstream(dir.path + "/outside/cache.sqlite") << "someone's file";
    std::filesystem::create_directory_symlink(dir.path + "/outside", dir.path + "/kb/.kb");
    std::string error;
    CHECK_FALSE(SqliteCache::remove_files(dir.path + "/kb/.kb/cache.sqlite", error));
    CHECK(error == ".kb is a symbolic link (remove it yourself)");
    CHECK(std::filesystem::exists(dir.path + "/outside/cache.sqlite"));
  }
}
