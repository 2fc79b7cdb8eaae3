#pragma once
// Names in every script, in ASCII: the one adapter over ICU's transliterators (libicu).
// kb uses two of ICU's standard transforms:
//   - "Latin-ASCII" in name keys and word search, so that letters with no decomposition fold
//     like accented ones do (ø → o, ł → l, đ → d, ß → ss, æ → ae): `Soren Ostergaard` finds
//     `Søren Østergaard`. Other scripts are left as they are, so two names written in Chinese
//     characters never meet because they sound alike.
//   - "Any-Latin; Latin-ASCII" in file names (slugs): 张伟 → `zhang wei`,
//     Nguyễn Thị Minh Khai → `nguyen thi minh khai`.
// A transliterator is made once per thread (ICU's are not safe to share while in use).

#include <string>
#include <string_view>

namespace kb {

/// True when `text` (valid UTF-8) holds a Latin letter that Latin-ASCII would change and that
/// case folding with marks stripped leaves non-ASCII (a cheap test before latin_ascii()).
bool has_foldable_latin(std::string_view text);

/// `text` with its Latin letters in ASCII (ICU "Latin-ASCII"); other characters unchanged.
/// REQUIRES: valid UTF-8 (returned unchanged otherwise).
std::string latin_ascii(std::string_view text);

/// `text` in Latin letters and then ASCII where ICU can (ICU "Any-Latin; Latin-ASCII");
/// what has no Latin form stays as it is. REQUIRES: valid UTF-8 (returned unchanged otherwise).
std::string any_ascii(std::string_view text);

}  // namespace kb
