#include "kb/store/writer.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "support/temp_dir.h"

#include "support/mem_fs.h"

using namespace kb;

namespace {

using kb::test::TempDir;

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("writer: paths come from slugs and never climb out") {
    CHECK(note_base_path("meetings/2024", "2024-09-02", "Visit: IESALC") == "meetings/2024/2024-09-02-visit-iesalc");
    CHECK(note_base_path("meetings/2024", "2024-09-02", "../../etc/passwd") == "meetings/2024/2024-09-02-etc-passwd");
    CHECK(note_base_path("people", "", "Francesc Pedró") == "people/francesc-pedro");
    std::string long_title(200, 'a');
    CHECK(note_base_path("people", "", long_title).size() == std::string("people/").size() + 80);
  }

  TEST_CASE("writer: the same title twice gets -2, and -3") {
    test::MemFileSystem fs;
    NewNote a = write_new_note(fs, "meetings/2024/2024-09-02-x", "one");
    NewNote b = write_new_note(fs, "meetings/2024/2024-09-02-x", "two");
    CHECK(first_free_path(fs, "meetings/2024/2024-09-02-x") == "meetings/2024/2024-09-02-x-3.md");
    NewNote c = write_new_note(fs, "meetings/2024/2024-09-02-x", "three");
    CHECK(a.path == "meetings/2024/2024-09-02-x.md");
    CHECK(b.path == "meetings/2024/2024-09-02-x-2.md");
    CHECK(c.path == "meetings/2024/2024-09-02-x-3.md");
    CHECK(fs.files["meetings/2024/2024-09-02-x.md"] == "one");
    NewNote full = write_new_note(fs, "meetings/2024/2024-09-02-x", "four", 3);
    CHECK(full.status == WriteStatus::error);
    CHECK(full.message == "'meetings/2024/2024-09-02-x.md' and 2 numbered variants exist already; choose another title");
  }

  TEST_CASE("writer: paths outside the KB are refused, through '..' or a symlinked folder") {
    TempDir root;
    TempDir outside;
    std::filesystem::create_directories(root / "people");
    std::filesystem::create_symlink(outside.path, root / "meetings");
    std::filesystem::create_symlink(root / "people", root / "inner");
    std::string error;
    CHECK(check_inside_root(root.path, "people/a.md", error));
    CHECK(check_inside_root(root.path, "orgs/new/a.md", error));  // not there yet: created plain
    CHECK(check_inside_root(root.path, "inner/a.md", error));     // a link that stays inside
    CHECK_FALSE(check_inside_root(root.path, "../a.md", error));
    CHECK(error == "path '../a.md' would leave the knowledge base");
    CHECK_FALSE(check_inside_root(root.path, "/etc/passwd", error));
    CHECK_FALSE(check_inside_root(root.path, "people/../../a.md", error));
    CHECK_FALSE(check_inside_root(root.path, "meetings/2024/a.md", error));
    CHECK(error == "folder 'meetings' leads outside the knowledge base; refusing to write there (replace the link with a folder)");
  }

  TEST_CASE("writer: make_folder creates nested folders and refuses a file in the way") {
    TempDir root;
    std::string error;
    CHECK(make_folder(root.path, "meetings/2024", error));
    CHECK(std::filesystem::is_directory(root / "meetings/2024"));
    std::ofstream(root / "people") << "x";
    CHECK_FALSE(make_folder(root.path, "people", error));
    CHECK(error == "'people' exists and is not a folder");
  }
}
