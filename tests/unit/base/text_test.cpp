#include "kb/base/text.h"

#include <doctest/doctest.h>

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

  TEST_CASE("name_key: NFKC folds compatibility forms; a lone honorific stays") {
    CHECK(kb::name_key("ＵＮＥＳＣＯ") == "unesco");      // full-width letters
    CHECK(kb::name_key("Ms.") == "ms.");
    CHECK(kb::name_key("Drake") == "drake");  // only whole words are honorifics
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
}
