#include "kb/base/transliterate.h"

#include <memory>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace kb {
namespace {

// One transliterator per thread and transform, made on first use; nullptr if ICU lacks it.
icu::Transliterator* transliterator(const char* id) {
  thread_local std::unique_ptr<icu::Transliterator> latin, any;
  bool is_latin = std::string_view(id) == "Latin-ASCII";
  auto& slot = is_latin ? latin : any;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

std::string apply(const char* id, std::string_view text) {
  icu::Transliterator* t = transliterator(id);
  if (!t) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (u.isBogus()) return std::string(text);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool valid_utf8(std::string_view text) {
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

bool has_foldable_latin(std::string_view text) {
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    // Latin-1 Supplement letters, Latin Extended-A and -B, IPA, Latin Extended Additional.
    if ((c >= 0xC0 && c <= 0x2AF) || (c >= 0x1E00 && c <= 0x1EFF)) return true;
  }
  return false;
}

std::string latin_ascii(std::string_view text) {
  if (!valid_utf8(text)) return std::string(text);
  return apply("Latin-ASCII", text);
}

std::string any_ascii(std::string_view text) {
  if (!valid_utf8(text)) return std::string(text);
  return apply("Any-Latin; Latin-ASCII", text);
}

}  // namespace kb
