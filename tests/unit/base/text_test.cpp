#include "kb/base/text.h"

#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <utf8proc.h>

#include "kb/base/transliterate.h"

namespace {

// The fold of a whole text by one utf8proc_map call: what kb::fold must give, however it
// splits the text.
std::string fold_whole(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                        &out,
                        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                       UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE));
  if (n < 0) return std::string(text);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  std::string folded(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  return kb::has_foldable_latin(folded) ? kb::latin_ascii(folded) : folded;
}

}  // namespace

TEST_SUITE("text") {
  TEST_CASE("name_key: case, diacritics, separators and honorifics do not matter") {
    CHECK(kb::name_key("Francesc Pedró") == "francesc pedro");
    CHECK(kb::name_key("Mr. Francesc Pedro") == "francesc pedro");
    CHECK(kb::name_key("francesc   pedro") == "francesc pedro");
    CHECK(kb::name_key("UNESCO-IESALC") == "unesco iesalc");
    CHECK(kb::name_key("unesco_iesalc") == "unesco iesalc");
    CHECK(kb::name_key("H.E. Dr. Jane Doe") == "jane doe");
    CHECK(kb::name_key("Prof LIANG Jiansheng") == "liang jiansheng");
  }

  TEST_CASE("issue 27: name_key drops the default honorifics of many languages, or the KB's own") {
    for (const char* h : {"H.E.", "Amb.", "Mme", "M.", "Sr.", "Sra.", "Dott.", "Herr", "Frau", "S.E.", "Excellency",
                          "Dr", "prof."})
      CHECK_MESSAGE(kb::name_key(std::string(h) + " Ana Bell") == "ana bell", h);
    CHECK(kb::name_key("Sir Ana Bell") == "sir ana bell");
    kb::set_honorifics({"Sir", "Dame"});
    CHECK(kb::name_key("Sir Ana Bell") == "ana bell");
    CHECK(kb::name_key("Dame Ana Bell") == "ana bell");
    CHECK(kb::name_key("Mr. Ana Bell") == "mr. ana bell");  // the KB's list replaces the default
    kb::set_default_honorifics();
    CHECK(kb::name_key("Mr. Ana Bell") == "ana bell");
    CHECK(kb::name_key("Sir Ana Bell") == "sir ana bell");
  }

  TEST_CASE("name_key: Latin letters without a decomposition fold too (ICU Latin-ASCII)") {
    CHECK(kb::name_key("Søren Østergaard") == "soren ostergaard");
    CHECK(kb::name_key("Łukasz Wiśniewski") == "lukasz wisniewski");
    CHECK(kb::name_key("Weiß") == kb::name_key("Weiss"));
    CHECK(kb::name_key("Đặng Thị Ngọc Thịnh") == "dang thi ngoc thinh");
    CHECK(kb::name_key("Æsa") == "aesa");
    CHECK(kb::name_key("张伟") == "张伟");  // other scripts are not transliterated for matching
  }

  TEST_CASE("slugify: every script in ASCII (ICU Any-Latin), cut at a word boundary") {
    CHECK(kb::slugify("张伟") == "zhang-wei");
    CHECK(kb::slugify("Søren Østergaard") == "soren-ostergaard");
    CHECK(kb::slugify("Łukasz") == "lukasz");
    CHECK(kb::slugify("Nguyễn Thị Minh Khai") == "nguyen-thi-minh-khai");
    CHECK(kb::slugify("Дмитрий Иванов") == "dmitrij-ivanov");
    CHECK(kb::slugify("Weiß") == "weiss");
    CHECK(kb::slugify("meeting about the budget of the year", 20) == "meeting-about-the");
    CHECK(kb::slugify("abcdefghijklmnopqrstuvwxyz", 10) == "abcdefghij");
  }

  TEST_CASE("name_key: NFKC folds compatibility forms; a lone honorific stays") {
    CHECK(kb::name_key("ＵＮＥＳＣＯ") == "unesco");      // full-width letters
    CHECK(kb::name_key("Ms.") == "ms.");
    CHECK(kb::name_key("Drake") == "drake");  // only whole words are honorifics
  }

  TEST_CASE("lower_case: letters of any script, nothing else, invalid bytes as written") {
    CHECK(kb::lower_case("Projects/ÜBER Straße-1.md") == "projects/über straße-1.md");
    CHECK(kb::lower_case("ΣΟΦΙΑ Кирилл") == "σοφια кирилл");
    CHECK(kb::lower_case("A\xff\xfe" "B") == "a\xff\xfe" "b");
  }

  TEST_CASE("nfc composes decomposed text") {
    CHECK(kb::nfc("Pedro\xCC\x81") == "Pedr\xC3\xB3");  // o + combining acute -> ó
    CHECK(kb::nfc("plain") == "plain");
  }

  TEST_CASE("slugify: lower-case ASCII, digits and single dashes, bounded") {
    CHECK(kb::slugify("Bilateral meeting with UNESCO-IESALC") == "bilateral-meeting-with-unesco-iesalc");
    CHECK(kb::slugify("../../etc/passwd") == "etc-passwd");
    CHECK(kb::slugify("Réunion: café & thé!") == "reunion-cafe-the");
    CHECK(kb::slugify("🎉") == "untitled");
    CHECK(kb::slugify(std::string(200, 'a')).size() == 80);
  }

  TEST_CASE("find_invalid_utf8 points at the first bad byte") {
    CHECK(kb::find_invalid_utf8("ok é") == std::string_view::npos);
    CHECK(kb::find_invalid_utf8("ab\xFF") == 2);
  }

  TEST_CASE("fold: case, accents and compatibility forms, in mostly-ASCII text") {
    CHECK(kb::fold("Meeting with Francesc PEDRÓ at Café") == "meeting with francesc pedro at cafe");
    CHECK(kb::fold("Pedro\xCC\x81 and ＵＮＥＳＣＯ") == "pedro and unesco");  // o + combining acute; full width
    CHECK(kb::fold("Stra\xC3\x9F" "e") == "strasse");                             // ß case-folds to ss
    CHECK(kb::fold("so\xC2\xAD" "ft") == "soft");                                 // a soft hyphen is ignored
    CHECK(kb::fold("bad \xFF UTF-8 Stays") == "bad \xFF UTF-8 Stays");           // invalid: as written
  }

  TEST_CASE("fold: piece by piece gives exactly the fold of the whole text") {
    // Pieces that compose, decompose, reorder, vanish or change length when folded, next to
    // ASCII on either side.
    const std::vector<std::string> pieces = {
        "a", "E", "o", "Z", " ", "-", "\n", "1", "e\xCC\x81",  // e + combining acute
        "\xCC\x81", "\xCC\xA3", "\xCC\x88",                   // combining acute, dot below, diaeresis
        "\xC3\xB3", "\xC3\x89", "\xC3\x9F", "\xC5\xBF",     // ó É ß ſ
        "\xEF\xAC\x81", "\xEF\xBC\xA1", "\xE2\x84\xAB",    // ﬁ, full-width A, Kelvin... Angstrom sign
        "\xC2\xAD", "\xE2\x80\x8D", "\xE2\x80\x8B",         // soft hyphen, ZWJ, zero width space
        "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",    // Hangul L, V, T jamo
        "\xEA\xB0\x80", "\xCE\xA3", "\xC4\xB0",              // 가, Σ, İ
        "\xF0\x9F\x8E\x89", "\xE2\x91\xA0", "\xC2\xBD",    // 🎉, ①, ½
        "\xC3\xB8", "\xC5\x81", "\xC4\x91", "\xC3\x86"};  // ø, Ł, đ, Æ
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 40);
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      for (std::size_t k = length(rng); k > 0; --k) text += pieces[pick(rng)];
      INFO("text: " << text);
      CHECK(kb::fold(text) == fold_whole(text));
    }
    std::string long_run;  // one stretch of 300 code points folded into 900
    for (int k = 0; k < 300; ++k) long_run += "\xC2\xBD";
    CHECK(kb::fold("x" + long_run + "y") == fold_whole("x" + long_run + "y"));
  }

  TEST_CASE("find_invalid_utf8 finds a bad byte or a cut sequence anywhere in long ASCII runs") {
    // Every position of the bad part, so each falls inside, at the edge of and after an
    // eight-byte step over ASCII.
    for (std::size_t len = 0; len < 40; ++len)
      for (std::size_t at = 0; at <= len; ++at) {
        CAPTURE(len);
        CAPTURE(at);
        std::string ascii(len, 'a');
        std::string bad = ascii;
        bad.insert(at, "\xFF");
        CHECK(kb::find_invalid_utf8(bad) == at);
        std::string cut = ascii;
        cut.insert(at, "\xC3");  // the first byte of 'é' alone
        if (at < len) CHECK(kb::find_invalid_utf8(cut) == at);
        std::string good = ascii;
        good.insert(at, "é€🎉");  // two, three and four bytes, across the steps
        CHECK(kb::find_invalid_utf8(good) == std::string_view::npos);
        std::string after = good + "\xE2\x82";  // '€' cut short at the very end
        CHECK(kb::find_invalid_utf8(after) == good.size());
      }
  }

  TEST_CASE("edit_distance is capped") {
    CHECK(kb::edit_distance("iesalk", "iesalc", 3) == 1);
    CHECK(kb::edit_distance("abc", "abc", 3) == 0);
    CHECK(kb::edit_distance("a", "abcdefgh", 2) == 3);
  }

  TEST_CASE("display_width counts wide characters twice") {
    CHECK(kb::display_width("abc") == 3);
    CHECK(kb::display_width("刘玉凤") == 6);
  }

  TEST_CASE("issue 27: truncate_display cuts whole graphemes and ends with an ellipsis") {
    CHECK(kb::truncate_display("short", 5) == "short");
    CHECK(kb::truncate_display("Réunion bilatérale", 8) == "Réunion…");
    CHECK(kb::display_width(kb::truncate_display("Réunion bilatérale", 8)) == 8);
    // A wide character that would straddle the edge is left out whole.
    CHECK(kb::truncate_display("刘玉凤 meeting", 6) == "刘玉…");
    CHECK(kb::truncate_display("刘玉凤 meeting", 5) == "刘玉…");
    // A letter keeps its combining accent; a flag (two code points) is never split.
    CHECK(kb::truncate_display("Pe\xCC\x81rez-Garci\xCC\x81" "a", 3) == "Pe\xCC\x81…");
    CHECK(kb::truncate_display("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 France", 3) == "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7…");
    CHECK(kb::truncate_display("abc", 1) == "…");
    CHECK(kb::truncate_display("abc", 0) == "");
  }
}

TEST_SUITE("base") {
  TEST_CASE("issue 24: split_lines ends lines at LF, CRLF and a lone CR, as CommonMark does") {
    using V = std::vector<std::string_view>;
    CHECK(kb::split_lines("a\rb\r\nc\nd") == V{"a", "b", "c", "d"});
    CHECK(kb::split_lines("a\r\r\nb\n\r") == V{"a", "", "b", ""});
    CHECK(kb::split_lines("a\n") == V{"a"});
    CHECK(kb::split_lines("\n") == V{""});
    CHECK(kb::split_lines("") == V{});
    std::string_view text = "x\r\ny";
    CHECK(kb::split_lines(text)[1].data() == text.data() + 3);  // views into the text
  }
}

TEST_CASE("file_name_of: the name itself, minus what file systems and links refuse") {
  CHECK(kb::file_name_of("José María Pérez-García") == "José María Pérez-García");
  CHECK(kb::file_name_of("UNESCO: IESALC / Caracas") == "UNESCO IESALC Caracas");
  CHECK(kb::file_name_of("..hidden [[x]] #1 ^a") == "hidden x 1 a");
  CHECK(kb::file_name_of("  \t ") == "Untitled");
  CHECK(kb::file_name_of("Ab cd ef", 5) == "Ab cd");
  CHECK(kb::file_name_of("ééééé", 5) == "éé");  // whole characters only
  CHECK(kb::file_name_of("Cafe\xCC\x81") == "Caf\xC3\xA9");  // NFC
}
