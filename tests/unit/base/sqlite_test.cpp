#include "kb/base/sqlite.h"

#include <doctest/doctest.h>

#include <string>

namespace kb::sqlite {
namespace {

std::unique_ptr<Database> memory() {
  std::string error;
  auto db = Database::open_memory(error);
  REQUIRE(db);
  CHECK(error.empty());
  REQUIRE(db->exec("CREATE TABLE t(k TEXT PRIMARY KEY, n INTEGER, x REAL, b BLOB)"));
  return db;
}

long long rows(Database& db) {
  Statement q(db, "SELECT count(*) FROM t");
  REQUIRE(q.step() == Step::row);
  return q.int64(0);
}

}  // namespace

TEST_SUITE("base") {
  TEST_CASE("sqlite: statements bind and read text, integers, reals, blobs and NULL") {
    auto db = memory();
    Statement put(*db, "INSERT INTO t VALUES(?1, ?2, ?3, ?4)");
    REQUIRE(put.ok());
    const std::string blob("a\0b", 3);
    CHECK(put.bind(1, std::string_view("é\"k")));
    CHECK(put.bind(2, std::int64_t{-1} << 40));
    CHECK(put.bind_null(3));
    CHECK(put.bind_blob_unowned(4, blob));
    CHECK(put.run());
    CHECK(db->last_insert_rowid() == 1);
    Statement get(*db, "SELECT k, n, x, b, 2.5 FROM t");
    REQUIRE(get.step() == Step::row);
    CHECK(get.text(0) == "é\"k");
    CHECK(get.int64(1) == (std::int64_t{-1} << 40));
    CHECK(get.is_null(2));
    CHECK(get.text(2).empty());
    CHECK(get.blob(3) == blob);
    CHECK(get.real(4) == 2.5);
    CHECK(get.step() == Step::done);
  }

  TEST_CASE("sqlite: errors carry SQLite's message and kind") {
    auto db = memory();
    Statement bad(*db, "SELECT * FROM missing");
    CHECK_FALSE(bad.ok());
    CHECK(db->error() == "no such table: missing");
    CHECK(db->failure() == Failure::generic);
    CHECK_FALSE(db->exec("INSERT INTO t(k) VALUES('a'); INSERT INTO t(k) VALUES('a')"));
    CHECK(db->error() == "UNIQUE constraint failed: t.k");
    std::string error;
    CHECK_FALSE(Database::open_file("/nonexistent-folder/x.sqlite", error));
    CHECK(error == "unable to open database file");
  }

  TEST_CASE("sqlite: a transaction not committed is rolled back") {
    auto db = memory();
    {
      Transaction write(*db);
      REQUIRE(write.ok());
      CHECK(db->exec("INSERT INTO t(k) VALUES('gone')"));
    }
    CHECK(rows(*db) == 0);
    {
      Transaction write(*db, Transaction::Lock::deferred);
      REQUIRE(write.ok());
      CHECK(db->exec("INSERT INTO t(k) VALUES('kept')"));
      CHECK(write.commit());
    }
    CHECK(rows(*db) == 1);
  }

  TEST_CASE("sqlite: a serialized database opens as the same tables") {
    auto db = memory();
    CHECK(db->exec("INSERT INTO t(k, n) VALUES('a', 1)"));
    const auto image = db->serialize();
    REQUIRE(image);
    CHECK(image->compare(0, 16, std::string("SQLite format 3\0", 16)) == 0);
    CHECK_FALSE(library_version().empty());
  }
}

}  // namespace kb::sqlite
