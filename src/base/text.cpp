#include "kb/base/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include <utf8proc.h>

#include "kb/base/transliterate.h"

namespace kb {

namespace {

// An honorific as is_honorific compares it: folded, without its trailing period.
std::string honorific_word(std::string_view h) {
  std::string w = fold(trim(h));
  while (!w.empty() && w.back() == '.') w.pop_back();
  return w;
}

std::string map_utf8(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(text);  // invalid UTF-8: compare as written
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The honorifics name_key drops, as they look after folding and without a trailing period
// (which stays optional): the default list unless set_honorifics() gave another.
std::vector<std::string> default_honorific_words() {
  std::vector<std::string> words;
  for (std::string_view h : kDefaultHonorifics) words.push_back(honorific_word(h));
  return words;
}

std::vector<std::string>& honorific_words() {
  static std::vector<std::string> words = default_honorific_words();
  return words;
}

bool is_honorific(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  const auto& words = honorific_words();
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

namespace {

constexpr int kFoldOptions =
    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }

void append_lower_ascii(std::string& out, std::string_view text) {
  const std::size_t at = out.size();
  out += text;
  for (std::size_t i = at; i < out.size(); ++i)
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
}

// Appends the fold of `text` (valid UTF-8) to `out`, decomposing and re-encoding in a buffer
// kept per thread instead of utf8proc_map's allocation per call. False if utf8proc refuses it.
bool append_folded(std::string& out, std::string_view text) {
  thread_local std::vector<utf8proc_int32_t> buffer(64);
  const auto* in = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto len = static_cast<utf8proc_ssize_t>(text.size());
  const auto options = static_cast<utf8proc_option_t>(kFoldOptions);
  utf8proc_ssize_t n = 0;
  for (;;) {
    // One slot more than the code points, for the terminator utf8proc_reencode writes.
    n = utf8proc_decompose(in, len, buffer.data(), static_cast<utf8proc_ssize_t>(buffer.size()) - 1, options);
    if (n < 0) return false;
    if (static_cast<std::size_t>(n) < buffer.size()) break;
    buffer.resize(static_cast<std::size_t>(n) + 1);
  }
  n = utf8proc_reencode(buffer.data(), n, options);
  if (n < 0) return false;
  out.append(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(n));
  return true;
}

}  // namespace

// Mostly-ASCII text (a note's body with a few accented names) is folded piece by piece: runs
// of ASCII are lower-cased as they are, and only the stretches around non-ASCII characters go
// through utf8proc. That gives exactly the fold of the whole text, because an ASCII character
// is a starter (canonical combining class 0) that is never the second half of a composition,
// so nothing composes or reorders across it. It can be the first half (`=` + U+0338 is `≠`),
// so the ASCII character just before a non-ASCII one goes with it (with marks stripped, as
// here, that makes no difference today; it keeps the split exact for any options).
std::string fold(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), is_ascii)) {
    std::string out;
    append_lower_ascii(out, text);
    return out;
  }
  if (find_invalid_utf8(text) != std::string_view::npos) return std::string(text);  // compare as written
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && is_ascii(text[j])) ++j;
    if (j == text.size()) {
      append_lower_ascii(out, text.substr(i));
      break;
    }
    const std::size_t start = j > i ? j - 1 : j;  // the ASCII character before may compose
    append_lower_ascii(out, text.substr(i, start - i));
    // The stretch ends before an ASCII character followed by another or by the end.
    std::size_t end = j + 1;
    while (end < text.size() && !(is_ascii(text[end]) && (end + 1 == text.size() || is_ascii(text[end + 1])))) ++end;
    if (!append_folded(out, text.substr(start, end - start))) return std::string(text);
    i = end;
  }
  // Latin letters that do not decompose (ø, ł, đ, ß, æ) fold as accented ones do.
  return has_foldable_latin(out) ? latin_ascii(out) : out;
}

std::string nfc(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(text);
  return map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string name_key(std::string_view name) {
  std::string folded = fold(name);
  // Separators: '-', '_' and white space (including Unicode spaces NFKC made ASCII) become one space.
  std::vector<std::string> words;
  std::string cur;
  for (char c : folded) {
    if (c == '-' || c == '_' || is_ascii_space(c)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  std::size_t first = 0;
  while (first + 1 < words.size() && is_honorific(words[first])) ++first;
  std::string key;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!key.empty()) key += ' ';
    key += words[i];
  }
  return key;
}

void set_honorifics(const std::vector<std::string>& honorifics) {
  std::vector<std::string> words;
  for (const auto& h : honorifics)
    if (auto w = honorific_word(h); !w.empty()) words.push_back(std::move(w));
  honorific_words() = std::move(words);
}

void set_default_honorifics() { honorific_words() = default_honorific_words(); }

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII is valid UTF-8: it is stepped over eight bytes at a time, and utf8proc reads
    // only the rest (most notes are nearly all ASCII).
    if (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

namespace {

// Characters a terminal must not receive raw: C1 controls (U+0080..U+009F; U+009B is a CSI
// that starts an escape sequence on some terminals) and the bidirectional controls that let
// text reorder what follows it ("Trojan Source"): U+061C, U+200E/F, U+202A..U+202E,
// U+2066..U+2069, and the line and paragraph separators U+2028/U+2029.
bool unsafe_code_point(utf8proc_int32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void append_hex_byte(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) append_hex_byte(out, c);
      else out += s[i];
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {  // not UTF-8 (a Latin-1 file name): the byte, spelled out
      append_hex_byte(out, c);
      ++i;
      continue;
    }
    if (unsafe_code_point(cp)) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "<U+";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
      out += '>';
    } else {
      out.append(s.substr(i, static_cast<std::size_t>(n)));
    }
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string slugify(std::string_view text, std::size_t max_len) {
  // Every script in Latin letters first (张伟 -> zhang wei, Søren -> Soren), where ICU can.
  std::string latin = std::all_of(text.begin(), text.end(), is_ascii) ? std::string(text) : any_ascii(text);
  std::string folded = map_utf8(latin, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                           UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  std::string slug;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      keep = true;
    }
    if (keep) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  if (slug.size() > max_len) {
    // Cut at a word boundary when one is in the second half, else mid-word.
    std::size_t cut = slug.rfind('-', max_len);
    slug.resize(cut != std::string::npos && cut >= max_len / 2 ? cut : max_len);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "untitled" : slug;
}

std::string file_name_of(std::string_view text, std::size_t max_bytes) {
  std::string out;
  for (char c : nfc(text)) {
    const auto u = static_cast<unsigned char>(c);
    const bool drop = u < 0x20 || u == 0x7F || std::string_view("/\\:*?\"<>|#^[]").find(c) != std::string_view::npos;
    if (drop || c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(0, 1);
  if (out.size() > max_bytes) {
    std::size_t cut = out.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) {
      cut = max_bytes;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // a whole character
    }
    out.resize(cut);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out.empty() ? "Untitled" : out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > cap) return cap + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], cap + 1);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
  }
  return lines;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (is_ascii_space(c)) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  return to_lower_ascii(s.substr(0, prefix.size())) == to_lower_ascii(prefix);
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string lower_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      out += s[i++];
      continue;
    }
    utf8proc_uint8_t buf[4];
    const auto m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(m));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      ++width;
      ++i;
      continue;
    }
    int w = utf8proc_charwidth(cp);
    width += w < 0 ? 0 : static_cast<std::size_t>(w);
    i += static_cast<std::size_t>(n);
  }
  return width;
}

std::string truncate_display(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t used = 0, i = 0, cut = 0;  // cut: the end of the last whole grapheme that fits
  utf8proc_int32_t prev = -1, state = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    int w = n <= 0 ? 1 : utf8proc_charwidth(cp);
    if (n <= 0) cp = -1, n = 1, state = 0;  // an invalid byte: a grapheme of its own, 1 column
    if (prev < 0 || cp < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) cut = i;
    used += w < 0 ? 0 : static_cast<std::size_t>(w);
    if (used > width - 1) break;
    prev = cp;
    i += static_cast<std::size_t>(n);
  }
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

std::string unicode_library_version() { return utf8proc_version(); }

}  // namespace kb
