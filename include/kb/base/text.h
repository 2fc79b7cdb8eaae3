#pragma once
// Text helpers over UTF-8: the name key used for all name matching (SPEC §1 Names), folding for
// full-text search, slugs for file names, and small string utilities. utf8proc stays in text.cpp.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

/// The key two names are compared by: NFKC, case folded, diacritics removed, `-`, `_` and
/// runs of white space made one space, leading honorifics (kDefaultHonorifics, or the list
/// set_honorifics() set) dropped, each with or without its period. Example:
/// name_key("Mr. Francesc Pedró") == name_key("francesc pedro").
std::string name_key(std::string_view name);

/// The honorifics name_key drops unless kb.yaml lists others: Mr, Ms, Mrs, Dr, Prof, H.E.,
/// Amb., Mme, M., Sr., Sra., Dott., Herr, Frau, S.E., Excellency.
inline constexpr std::array<std::string_view, 16> kDefaultHonorifics = {
    "Mr", "Ms", "Mrs", "Dr", "Prof", "H.E.", "Amb.", "Mme", "M.", "Sr.", "Sra.", "Dott.", "Herr", "Frau", "S.E.",
    "Excellency"};
/// The honorifics name_key drops from now on, for the whole process (a KB's `honorifics:`;
/// set before its notes are read, as a locale is).
void set_honorifics(const std::vector<std::string>& honorifics);
/// Back to kDefaultHonorifics.
void set_default_honorifics();

/// Case folded, diacritics removed, NFKC; for word search (no honorific or separator rules).
std::string fold(std::string_view text);

/// NFC form of a string (record ids are NFC so macOS and Linux checkouts agree).
std::string nfc(std::string_view text);

/// The byte offset of the first invalid UTF-8 sequence, or std::string_view::npos.
std::size_t find_invalid_utf8(std::string_view text);

/// Text from a note or a file name made safe to print on a terminal (every table cell,
/// diagnostic, warning and message kb prints): C0 controls and DEL as `\xNN`, bytes that are
/// not valid UTF-8 as `\xNN`, C1 controls (U+0080..U+009F), the bidirectional controls
/// (U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069) and U+2028/U+2029 as `<U+XXXX>`.
/// Example: terminal_safe("a\x1b[31m") == "a\\x1B[31m".
std::string terminal_safe(std::string_view s);

/// A file-name slug: lower-case ASCII letters, digits and single `-`, at most `max_len` bytes,
/// never empty (falls back to "untitled"). Letters with diacritics lose them first.
std::string slugify(std::string_view text, std::size_t max_len = 80);

/// A file name that keeps `text` as written (kb.yaml `filenames: name`, for vaults whose app
/// resolves [[links]] by file name): NFC; the characters no file system or Obsidian link takes
/// (`/ \ : * ? " < > | # ^ [ ]`, controls) become spaces; runs of spaces one; no leading dot
/// or space; at most `max_bytes`, cut at a word boundary; "Untitled" when nothing is left.
/// Example: file_name_of("José María: Pérez/García") == "José María Pérez García".
std::string file_name_of(std::string_view text, std::size_t max_bytes = 120);

/// Levenshtein distance over bytes, capped: returns cap + 1 when the distance exceeds `cap`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap);

std::string_view trim(std::string_view s);
/// The lines of `text`, views into it without their endings. LF, CRLF and a lone CR each end a
/// line, as CommonMark counts them, so line N here is line N of cmark's positions and of every
/// diagnostic. A final ending does not start another line; empty text has no lines.
/// Example: split_lines("a\rb\r\nc\n") == {"a", "b", "c"}.
std::vector<std::string_view> split_lines(std::string_view text);
std::vector<std::string> split_words(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);  ///< ASCII case-insensitive
std::string to_lower_ascii(std::string_view s);
/// Every letter in lower case (Unicode simple case mapping, one code point for one), nothing
/// else changed: how Obsidian compares file names in links. Invalid UTF-8 is kept as written.
/// Example: lower_case("Ünïcode/Note") == "ünïcode/note".
std::string lower_case(std::string_view s);
/// Number of terminal columns the UTF-8 string takes (wide CJK characters count 2).
std::size_t display_width(std::string_view s);
/// `s` if it takes at most `width` columns, else its longest run of whole graphemes (a letter
/// with its accents, a flag, an emoji sequence) that fits in `width - 1` columns followed by
/// `…`. A width of 0 gives "".
/// Example: truncate_display("Réunion bilatérale", 8) == "Réunion…".
std::string truncate_display(std::string_view s, std::size_t width);

/// The utf8proc version kb runs with (for --version).
std::string unicode_library_version();

}  // namespace kb
