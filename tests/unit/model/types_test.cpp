#include "kb/model/types.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

using namespace kb;

TEST_SUITE("model/types") {
  TEST_CASE("record part: none reads as empty, held as held, not loaded throws") {
    RecordPart<std::string> part;
    CHECK(part.loaded());
    CHECK_FALSE(part.present());
    CHECK(part->empty());  // the record has none

    part.edit() = "text";
    CHECK(part.present());
    CHECK(*part == "text");

    part.unload();
    CHECK_FALSE(part.loaded());
    CHECK_FALSE(part.present());
    CHECK_THROWS_AS((void)part->size(), PartNotLoaded);

    part.edit() = "again";  // an edit makes it held whatever it was
    CHECK(*part == "again");
    part.reset();
    CHECK(part.loaded());
    CHECK(part->empty());
  }

  TEST_CASE("record part: copies and moves keep the state") {
    RecordPart<std::string> held, unloaded, none;
    held.edit() = "x";
    unloaded.unload();
    RecordPart<std::string> a = held, b = unloaded, c = none;
    CHECK(*a == "x");
    a.edit() = "y";
    CHECK(*held == "x");  // a copy owns its own part
    CHECK_FALSE(b.loaded());
    CHECK(c.loaded());
    CHECK_FALSE(c.present());
    RecordPart<std::string> moved = std::move(a);
    CHECK(*moved == "y");
    moved = unloaded;  // frees what it held
    CHECK_THROWS_AS((void)*moved, PartNotLoaded);
    moved = held;
    CHECK(*moved == "x");
    moved = std::move(moved);  // NOLINT: self-move keeps the part
    CHECK(*moved == "x");
  }

  TEST_CASE("record part: a record is one pointer a part") {
    CHECK(sizeof(RecordPart<Minutes>) == sizeof(void*));
  }
}
