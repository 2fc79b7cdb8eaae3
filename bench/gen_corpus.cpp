// kb_gen_corpus: a deterministic benchmark corpus generator for kb.
//
//   kb_gen_corpus --notes N --out DIR [--seed S] [--shape clean|real] [--print-top-org]
//
// Writes a complete knowledge base (SPEC.md section 1) into DIR, which must not
// exist or must be empty:
//   kb.yaml                              name, home (an organization), timezone: Europe/Paris
//   orgs/*.md       max(20, N/200)       name, aliases (acronym, often a long form), kind,
//                                        parent for ~60% (a hierarchy of at most 3 levels)
//   people/*.md     max(50, N/20)        name, aliases (diacritic-free spelling, surname first),
//                                        honorific, affiliations: 1-3 {org, role, since, until}
//   topics/*.md     max(15, N/500)       name, aliases, parent, tags
//   events/*.md     3-5 a year           name, aliases, start, end, location (2019-2025)
//   meetings/YYYY/YYYY-MM-DD-slug.md     N notes dated 2019-01-01..2025-12-31, ~2.4 KB each:
//     front matter (~360 bytes): type, title, date, time, timezone, location, event (~7%),
//     organizations (1-3; ~20% written as an alias), attendees (2-6; some as {name, org, role},
//     some as an alias or with an honorific), topics (1-3), tags;
//     body: ## Summary, ## Notes (prose with [[Name]] and [[Name|shown]] links),
//     ## Decisions (1-3 items), ## Actions (1-4 task items: owner link, due:, 📅, [x] with ✅,
//     or neither owner nor date).
// Organizations, people and topics are drawn Zipf-distributed (exponent 1.1), so a few are
// very frequent.
//
// --shape clean (the default): every name and alias is unique across all records after the
// SPEC's name normalization (case folding, diacritics, '-'/'_'/spaces, honorifics), so
// nothing is ambiguous and every reference resolves.
// --shape real: the clean KB with what real KBs have, drawn from generators of their own (so
// the clean draws stay as they are, and the notes keep their sizes):
//   - names without a record: as many topic names again as there are topic records, which
//     ~35% of the meetings' topic slots (and their titles and links) use instead, so about
//     half of the topic names in meetings have no file; and ~75% of the events have no file;
//   - shared short aliases: max(2, orgs/10) acronyms that 2-3 organizations each hold (one
//     organization's acronym added to the aliases of 1-2 others, as "IEA"), and max(2,
//     people/50) first names that 2-3 people each hold ("Ana" for three Anas). kb reports
//     the records as duplicate names and the meetings that use these aliases (when an alias
//     is drawn) as ambiguous;
//   - ~3% of the meetings with broken front matter, one of: the organizations list's `]`
//     left out, the title's closing quote left out (or an opening one added), the first
//     attendee indented with a tab, the closing `---` left out. kb reports and skips them.
//
// Output is byte-identical for the same arguments on any platform: names come from the fixed
// word lists below, randomness from splitmix64, and no floating point or std:: distribution
// decides a sampled value (the Zipf table is built with + * / only and then made integral).
// Each meeting draws from its own generators seeded by (seed, index). Never draw twice in one
// expression (function arguments, operands of +): C++ leaves their order unspecified and GCC
// and Clang differ.
//
// stdout: one line, e.g. "wrote 100520 files; top org: 'Northbridge Institute' (alias 'NBI')",
// naming the organization listed by the most meetings; with --shape real the line goes on
// with what the shape added (broken notes, shared aliases and the meetings that use them,
// names without a record). With --print-top-org only that name is printed; without --out,
// --print-top-org computes it without writing anything (the top organization is the same
// in both shapes).
// Exit codes: 0 success, 1 I/O error or non-empty DIR, 2 usage error.
//
// Build: standard library only; notes are rendered and written by up to 8 std::threads
// (link Threads::Threads where the platform needs it). The bytes do not depend on the
// thread count. 100,000 notes: about 1.2 s of generation plus the file system's cost of
// creating ~106k files (3.7 s total on tmpfs, ~5 s on ext4, on 2 cores).

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Randomness

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return splitmix64(state_); }
  /// Uniform in [0, n); REQUIRES: n > 0.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  /// True with probability num/den.
  bool chance(unsigned num, unsigned den) { return below(den) < num; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[below(N)]; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::uint64_t state_;
};

std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  std::uint64_t s = seed ^ (stream * 0xD1B54A32D192ED03ULL);
  splitmix64(s);
  s ^= index * 0x9E3779B97F4A7C15ULL;
  return splitmix64(s);
}

/// Zipf(1.1) over ranks 0..n-1 for any n up to the table size: the prefix of the cumulative
/// table is the distribution over the first n ranks.
class Zipf {
 public:
  explicit Zipf(std::size_t n) {
    cdf_.reserve(n);
    std::uint64_t total = 0;
    for (std::size_t k = 1; k <= n; ++k) {
      const double kd = static_cast<double>(k);
      const double w = 1.0 / (kd * tenth_root(kd));  // k^-1.1
      total += static_cast<std::uint64_t>(w * 1099511627776.0) + 1;  // 2^40 fixed point
      cdf_.push_back(total);
    }
  }
  std::size_t sample(Rng& rng, std::size_t n) const {
    const std::uint64_t x = rng.below(cdf_[n - 1]);
    return static_cast<std::size_t>(std::upper_bound(cdf_.begin(), cdf_.begin() + static_cast<std::ptrdiff_t>(n), x) -
                                    cdf_.begin());
  }

 private:
  // Bisection with + * / only, so the table is the same under every libm.
  static double tenth_root(double x) {
    double lo = 1.0, hi = x < 2.0 ? 2.0 : x;
    for (int i = 0; i < 64; ++i) {
      const double mid = (lo + hi) / 2.0;
      const double m2 = mid * mid, m4 = m2 * m2, m8 = m4 * m4;
      if (m8 * m2 < x) lo = mid; else hi = mid;
    }
    return lo;
  }
  std::vector<std::uint64_t> cdf_;
};

// ---------------------------------------------------------------------------
// Text helpers

// Every non-ASCII letter used in the word lists, with its ASCII base letter.
constexpr std::array<std::pair<std::string_view, std::string_view>, 41> kFold{{
    {"á", "a"}, {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"ã", "a"}, {"å", "a"}, {"ç", "c"}, {"č", "c"},
    {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"í", "i"}, {"ï", "i"}, {"î", "i"}, {"ñ", "n"},
    {"ó", "o"}, {"ö", "o"}, {"ô", "o"}, {"õ", "o"}, {"ú", "u"}, {"ü", "u"}, {"ř", "r"}, {"ś", "s"},
    {"š", "s"}, {"ž", "z"}, {"ğ", "g"}, {"É", "E"}, {"Ö", "O"}, {"Ü", "U"}, {"Á", "A"}, {"Ç", "C"},
    {"Š", "S"}, {"Ž", "Z"}, {"Č", "C"}, {"Í", "I"}, {"Ó", "O"}, {"Ú", "U"}, {"Ñ", "N"}, {"ý", "y"}, {"ć", "c"},
}};

/// Replaces the letters of kFold by their base letter, and any other non-ASCII character by '?'.
std::string ascii_fold(std::string_view s, bool* unknown = nullptr) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    bool found = false;
    for (const auto& [from, to] : kFold) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        found = true;
        break;
      }
    }
    if (!found) {
      if (unknown != nullptr) *unknown = true;
      out += '?';
      ++i;
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
  }
  return out;
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

/// The SPEC's name key, restricted to the letters this generator writes.
std::string name_key(std::string_view s) {
  const std::string folded = lower_ascii(ascii_fold(s));
  std::vector<std::string> words;
  std::string cur;
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  static const std::array<std::string_view, 10> kHonorifics{"mr.", "ms.", "mrs.", "dr.", "prof.", "h.e.",
                                                             "mr",  "ms",  "mrs",  "dr"};
  std::size_t first = 0;
  while (first + 1 < words.size() &&
         std::find(kHonorifics.begin(), kHonorifics.end(), words[first]) != kHonorifics.end())
    ++first;
  std::string key;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!key.empty()) key += ' ';
    key += words[i];
  }
  return key;
}

constexpr std::size_t kMaxSlugLength = 80;

std::string slugify(std::string_view s) {
  const std::string folded = lower_ascii(ascii_fold(s));
  std::string out;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c == '\'') {
      // "O'Brien" -> "obrien"
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > kMaxSlugLength) {
    out.resize(kMaxSlugLength);
    const auto cut = out.rfind('-');
    if (cut != std::string::npos && cut > kMaxSlugLength / 2) out.resize(cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out.empty() ? std::string("note") : out;
}

bool needs_quotes(std::string_view s, bool flow) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return true;
  const char c0 = s.front();
  if (std::strchr("-?:,[]{}#&*!|>'\"%@`+.~", c0) != nullptr) return true;
  if (c0 >= '0' && c0 <= '9') return true;  // numbers, dates, sexagesimal times
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return true;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return true;
    if (flow && std::strchr(",[]{}", c) != nullptr) return true;
    if (static_cast<unsigned char>(c) < 0x20) return true;
  }
  static const std::array<std::string_view, 11> kKeywords{"true", "false", "yes", "no", "y",  "n",
                                                           "on",   "off",   "null", "~", "nan"};
  const std::string low = lower_ascii(s);
  return std::find(kKeywords.begin(), kKeywords.end(), low) != kKeywords.end();
}

void append_yaml(std::string& out, std::string_view s, bool flow = false) {
  if (!needs_quotes(s, flow)) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

template <typename Str>
void append_flow_list(std::string& out, const std::vector<Str>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    append_yaml(out, items[i], true);
  }
  out += ']';
}

// ---------------------------------------------------------------------------
// Dates (days since 1970-01-01, proleptic Gregorian)

std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  int y, m, d;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400) + (m <= 2);
  return {y, m, d};
}

int weekday(std::int64_t days) { return static_cast<int>(((days % 7) + 11) % 7); }  // 0 = Sunday

void append_2d(std::string& out, int v) {
  out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}

void append_date(std::string& out, std::int64_t days) {
  const Civil c = civil_from_days(days);
  append_2d(out, c.y / 100);
  append_2d(out, c.y % 100);
  out += '-';
  append_2d(out, c.m);
  out += '-';
  append_2d(out, c.d);
}

std::string date_str(std::int64_t days) {
  std::string s;
  append_date(s, days);
  return s;
}

const std::int64_t kFirstDay = days_from_civil(2019, 1, 1);
const std::int64_t kLastDay = days_from_civil(2025, 12, 31);
constexpr int kFirstYear = 2019;
constexpr int kLastYear = 2025;

// ---------------------------------------------------------------------------
// Word lists

constexpr std::array<std::string_view, 56> kFemaleFirst{
    "Anna",   "Maria",    "Sofía",   "Inês",     "Aurélie", "Hélène",   "Claire",    "Fatima",
    "Amina",  "Leila",    "Yasmin",  "Elena",    "Ingrid",  "Astrid",   "Noémie",    "Zoë",
    "Chloé",  "Mónica",   "Lucía",   "Camille",  "Margot",  "Priya",    "Ananya",    "Nadia",
    "Olga",   "Irina",    "Katarzyna", "Agnieszka", "Grace", "Esther",  "Wanjiru",   "Aisha",
    "Beatriz", "Carolina", "Daniela", "Eva",     "Greta",   "Hanna",    "Isabel",    "Julia",
    "Karin",  "Laura",    "Lena",    "Marta",    "Nora",    "Paula",    "Rosa",      "Sara",
    "Teresa", "Valentina", "Ximena", "Yara",     "Renée",   "Agnès",    "Gaëlle",    "Bénédicte"};

constexpr std::array<std::string_view, 56> kMaleFirst{
    "José",    "François", "Jürgen",  "Andrés",  "Ramón",   "Joaquín", "Raphaël", "Björn",
    "Ahmed",   "Omar",     "Karim",   "Youssef", "Tariq",   "Rajesh",  "Arjun",   "Vikram",
    "Kwame",   "Kofi",     "Chinedu", "Tendai",  "Pedro",   "Luis",    "Carlos",  "Diego",
    "Marco",   "Luca",     "Matteo",  "Stefan",  "Lukas",   "Tomás",   "Pieter",  "Jan",
    "Erik",    "Lars",     "Mikhail", "Dmitri",  "Ivan",    "Nikolai", "Hugo",    "Louis",
    "Olivier", "Thomas",   "Daniel",  "David",   "Samuel",  "Michael", "Peter",   "Paul",
    "Henrik",  "Emil",     "Felipe",  "Gonzalo", "Iñaki",   "Théo",    "Noël",    "Mehmet"};

constexpr std::array<std::string_view, 132> kSurnames{
    "García",   "Núñez",     "Müller",   "Gómez",    "Pérez",    "Fernández", "Lefèvre",  "Dvořák",
    "Schröder", "Öztürk",    "Jansen",   "Dubois",   "Moreau",   "Laurent",   "Bernard",  "Rossi",
    "Bianchi",  "Ferrari",   "Romano",   "Costa",    "Silva",    "Santos",    "Oliveira", "Pereira",
    "Almeida",  "Kowalski",  "Nowak",    "Wiśniewski", "Novák",  "Horváth",   "Nagy",     "Kovács",
    "Popescu",  "Ionescu",   "Petrov",   "Smirnov",  "Kuznetsov", "Andersson", "Johansson", "Nilsson",
    "Larsen",   "Hansen",    "Nielsen",  "Virtanen", "Korhonen", "Murphy",    "Kelly",    "O'Brien",
    "O'Connor", "Walsh",     "Smith",    "Johnson",  "Brown",    "Taylor",    "Wilson",   "Evans",
    "Thompson", "Clarke",    "Hughes",   "Mensah",   "Owusu",    "Boateng",   "Okafor",   "Adeyemi",
    "Okonkwo",  "Kamau",     "Otieno",   "Mwangi",   "Diallo",   "N'Diaye",   "Traoré",   "Keïta",
    "Haddad",   "Khoury",    "Mansour",  "Nasser",   "Farah",    "Rahman",    "Hossain",  "Sharma",
    "Patel",    "Gupta",     "Iyer",     "Nair",     "Reddy",    "Khan",      "Malik",    "Qureshi",
    "Nguyen",   "Tran",      "Pham",     "Santoso",  "Wijaya",   "Reyes",     "Cruz",     "Ramos",
    "Mendoza",  "Castillo",  "Vargas",   "Rojas",    "Herrera",  "Medina",    "Aguilar",  "Suárez",
    "Ortiz",    "Delgado",   "Fischer",  "Weber",    "Wagner",   "Becker",    "Hoffmann", "Schulz",
    "Koch",     "Richter",   "Klein",    "Wolf",     "Neumann",  "van der Berg", "de Vries", "Bakker",
    "Visser",   "Smit",      "Meijer",   "Mulder",   "Gürsoy",   "Çelik",     "Šimić",    "Žukauskas",
    "Demir",    "Kaya",      "Arslan",   "Doğan"};

constexpr std::array<std::string_view, 31> kEastAsianFamily{
    "Liang", "Wang", "Zhang", "Chen", "Liu",  "Yang",   "Zhao",  "Huang",   "Zhou",  "Wu",       "Xu",
    "Sun",   "Ma",   "Zhu",   "Hu",   "Guo",  "Lin",    "He",    "Gao",     "Luo",   "Kim",      "Park",
    "Lee",   "Choi", "Jung",  "Tanaka", "Sato", "Suzuki", "Watanabe", "Yamamoto", "Nakamura"};

constexpr std::array<std::string_view, 25> kEastAsianGiven{
    "Jiansheng", "Wei",   "Fang",    "Xiaoming", "Lihua",  "Jing",   "Hao",    "Yan",    "Jun",
    "Mei",       "Ling",  "Qiang",   "Yifan",    "Zihan",  "Haoran", "Minjun", "Seoyeon", "Jiwoo",
    "Hyun-woo",  "Yuki",  "Haruto",  "Sakura",   "Ren",    "Aoi",    "Kenji"};

constexpr std::array<std::string_view, 26> kStemPrefix{
    "North", "South", "East",  "West",  "Ash",   "Oak",   "Elm",   "Silver", "Stone", "River",
    "Lake",  "High",  "Fair",  "Clear", "Green", "Red",   "Black", "White",  "Gold",  "Iron",
    "Wind",  "Sun",   "Maple", "Cedar", "Pine",  "Bright"};

constexpr std::array<std::string_view, 20> kStemSuffix{
    "bridge", "field", "wood",  "haven", "gate",  "brook", "ford",  "mont",  "crest", "water",
    "vale",   "ridge", "view",  "port",  "moor",  "wick",  "ton",   "ley",   "hurst", "stead"};

struct KindNoun {
  std::string_view kind;
  std::string_view noun;
  std::string_view link;  // joins the long-form field: "for" or "of"
};

constexpr std::array<KindNoun, 15> kRootKinds{{
    {"university", "University", "of"},
    {"institute", "Institute", "for"},
    {"agency", "Agency", "for"},
    {"foundation", "Foundation", "for"},
    {"ngo", "Trust", "for"},
    {"ngo", "Alliance", "for"},
    {"company", "Group", "for"},
    {"company", "Technologies", "for"},
    {"network", "Network", "for"},
    {"intergovernmental organization", "Council", "for"},
    {"ministry", "Ministry", "of"},
    {"bank", "Development Bank", "for"},
    {"association", "Association", "for"},
    {"commission", "Commission", "for"},
    {"academy", "Academy", "of"},
}};

constexpr std::array<KindNoun, 8> kChildKinds{{
    {"office", "Office", "for"},
    {"office", "Regional Bureau", "for"},
    {"department", "Department", "of"},
    {"centre", "Centre", "for"},
    {"institute", "Institute", "for"},
    {"programme", "Programme", "for"},
    {"unit", "Unit", "for"},
    {"observatory", "Observatory", "of"},
}};

constexpr std::array<std::string_view, 24> kFields{
    "Higher Education",       "Digital Cooperation",   "Science and Technology", "Sustainable Development",
    "Public Health",          "Cultural Heritage",     "Teacher Development",    "Educational Planning",
    "Lifelong Learning",      "International Affairs", "Research and Innovation", "Economic Affairs",
    "Skills and Employment",  "Open Knowledge",        "Data and Statistics",    "Regional Integration",
    "Social Policy",          "Environment & Climate", "Youth and Sport",        "Quality Assurance",
    "Communication",          "Learning Assessment",   "Gender Equality",        "Foreign Affairs"};

constexpr std::array<std::string_view, 20> kOrgPlaces{
    "Lisbon", "Nairobi", "Montevideo", "Bangkok", "Dakar",  "Quito",   "Tallinn", "Accra",  "Hanoi",  "Lima",
    "Tunis",  "Almaty",  "Manila",     "Bogotá",  "Kigali", "Yaoundé", "Riga",    "Amman",  "Suva",   "Oslo"};

constexpr std::array<std::string_view, 14> kTopicQualifiers{
    "Open", "Digital", "Green", "Inclusive", "Lifelong", "Regional", "Global", "Responsible",
    "Sustainable", "Equitable", "Applied", "Adaptive", "Blended", "Cross-border"};

constexpr std::array<std::string_view, 30> kTopicSubjects{
    "Science Policy",       "Learning Platforms",   "Skills Framework",      "Teacher Training",
    "Data Governance",      "Research Funding",     "Credential Recognition", "AI Ethics",
    "Curriculum Reform",    "Student Mobility",     "Climate Education",     "Quality Assurance",
    "Microcredentials",     "Education Financing",  "Learning Analytics",    "Open Access Publishing",
    "Digital Literacy",     "Vocational Training",  "Early Childhood Care",  "School Connectivity",
    "Heritage Protection",  "Media Literacy",       "Innovation Hubs",       "Research Infrastructure",
    "Statistical Capacity", "Refugee Education",    "Youth Employment",      "Language Policy",
    "Assessment Reform",    "Knowledge Sharing"};

constexpr std::array<std::string_view, 10> kTopicSuffixes{
    "Framework", "Strategy", "Initiative", "Network", "Programme", "Toolkit", "Observatory", "Roadmap",
    "Guidelines", "Index"};

constexpr std::array<std::string_view, 10> kTopicTags{
    "policy", "data", "education", "research", "funding", "digital", "governance", "equity", "climate", "skills"};

struct Series {
  std::string_view name;
  std::string_view acronym;
};

constexpr std::array<Series, 12> kEventSeries{{
    {"Digital Learning Week", "DLW"},
    {"World Forum on Higher Education", "WFHE"},
    {"Open Science Summit", "OSS"},
    {"Global Skills Conference", "GSC"},
    {"Regional Policy Dialogue", "RPD"},
    {"Education Ministers Roundtable", "EMR"},
    {"Innovation in Teaching Symposium", "ITS"},
    {"Data for Development Forum", "D4DF"},
    {"Heritage and Society Congress", "HSC"},
    {"Youth Voices Assembly", "YVA"},
    {"Research Leaders Retreat", "RLR"},
    {"Partnerships Fair", "PF"},
}};

struct Place {
  std::string_view location;
  std::string_view timezone;
  unsigned weight;
};

constexpr std::array<Place, 18> kPlaces{{
    {"Paris, France", "Europe/Paris", 30},
    {"Headquarters, Room 4.12", "Europe/Paris", 10},
    {"Online", "Europe/Paris", 14},
    {"Online: Zoom", "Europe/Paris", 6},
    {"Brussels, Belgium", "Europe/Brussels", 5},
    {"Geneva, Switzerland", "Europe/Zurich", 5},
    {"Lisbon, Portugal", "Europe/Lisbon", 3},
    {"Nairobi, Kenya", "Africa/Nairobi", 3},
    {"Dakar, Senegal", "Africa/Dakar", 2},
    {"New York, USA", "America/New_York", 3},
    {"Caracas, Venezuela", "America/Caracas", 2},
    {"Bogotá, Colombia", "America/Bogota", 2},
    {"Shenzhen, China", "Asia/Shanghai", 3},
    {"Bangkok, Thailand", "Asia/Bangkok", 3},
    {"Seoul, Republic of Korea", "Asia/Seoul", 2},
    {"Tokyo, Japan", "Asia/Tokyo", 2},
    {"Amman, Jordan", "Asia/Amman", 2},
    {"Montevideo, Uruguay", "America/Montevideo", 2},
}};

constexpr std::array<std::string_view, 16> kRoles{
    "Director",          "Programme Specialist", "Senior Advisor",   "Head of Unit",
    "Chief Executive Officer", "Project Officer", "Policy Analyst",   "Vice-President",
    "Counsellor",        "Rector",               "Research Fellow",  "Deputy Director",
    "Liaison Officer",   "Minister",             "Chief of Section", "Coordinator"};

constexpr std::array<std::string_view, 12> kMeetingTags{
    "follow-up", "internal", "steering", "workshop", "call", "conference",
    "partnership", "funding", "review", "planning", "briefing", "high-level"};

constexpr std::array<std::string_view, 14> kAdjectives{
    "joint", "regional", "national", "draft", "revised", "pilot", "annual",
    "multi-year", "comparative", "shared", "strategic", "updated", "preliminary", "two-year"};

constexpr std::array<std::string_view, 16> kNouns{
    "work plan", "concept note", "survey", "framework", "roadmap", "monitoring report",
    "capacity-building programme", "evaluation", "funding proposal", "memorandum of understanding",
    "pilot study", "data platform", "training module", "policy brief", "peer-learning activity", "budget"};

// Placeholders: {P} person link, {O} organization link, {T} topic link, {X} noun phrase,
// {N} a number, {D} a date.
constexpr std::array<std::string_view, 24> kNoteSentences{
    "{P} opened with an overview of recent work on {T} and the priorities for the coming year.",
    "{O} is preparing a new call for proposals and would welcome input on the {X}.",
    "The group reviewed the {X} and agreed that several sections need more evidence.",
    "{P} noted that the budget for the {X} has not yet been confirmed by {O}.",
    "Participants compared approaches to {T} in their respective institutions.",
    "There was broad agreement that the {X} should be aligned with the work on {T}.",
    "{P} raised concerns about the timeline and suggested a phased approach.",
    "A short presentation from {O} covered the results of the pilot and the lessons learned.",
    "The discussion then turned to the {X}, where views differed on the level of ambition.",
    "It was suggested that {P} coordinate with colleagues at {O} before the next meeting.",
    "Several participants stressed the importance of the {X} for smaller institutions.",
    "The latest figures show {N} participating institutions, up from the previous year.",
    "{P} offered to share the background documents on {T} after the meeting.",
    "No objections were raised to the proposed approach for the {X}.",
    "The next steps will depend on the outcome of the consultation on {T}.",
    "{O} confirmed its interest in a joint initiative and will nominate a focal point.",
    "Questions were raised about data protection and the governance of the {X}.",
    "The meeting acknowledged the contribution of {P} to the preparatory work.",
    "{P} recalled the commitments made at the last meeting and the progress since {D}.",
    "Representatives of {O} described their internal consultation process in some detail.",
    "The secretariat will compile the comments received and circulate a consolidated version.",
    "Some {N} countries have expressed interest in the {X} so far.",
    "A comparison with similar efforts elsewhere suggested that {T} is gaining momentum.",
    "{P} asked whether the {X} could be translated into French and Spanish."};

constexpr std::array<std::string_view, 8> kSummarySentences{
    "The discussion focused on the {X} and the next steps for {T}.",
    "Both sides reviewed progress since the last meeting and identified open issues.",
    "{P} presented the current state of the {X}.",
    "The partners agreed to deepen cooperation on {T}.",
    "The meeting took stock of the {X} and the timeline for the coming months.",
    "Several options for the {X} were compared, with no final choice yet.",
    "{O} shared an update on its priorities for the year.",
    "The main outcome is a common understanding of the scope of the {X}."};

constexpr std::array<std::string_view, 10> kDecisionTemplates{
    "Proceed with the {X} as discussed, with a first draft by {D}.",
    "{O} will lead the work on {T}, with support from the secretariat.",
    "Postpone the decision on the {X} until the next steering committee.",
    "Adopt the revised {X} subject to minor edits.",
    "Set up a small working group on {T}.",
    "Share the outcome of the meeting with {O}.",
    "Include {T} on the agenda of the next meeting.",
    "Use the {X} as the basis for the joint proposal.",
    "Invite {P} to present the results at the next session.",
    "Keep the current timeline for the {X}."};

constexpr std::array<std::string_view, 12> kActionTemplates{
    "Send the {X} to {O}",
    "Circulate the minutes of the meeting",
    "Prepare a note on {T}",
    "Schedule a follow-up call",
    "Draft the terms of reference for the {X}",
    "Confirm participation in the next event",
    "Collect comments on the {X}",
    "Check the budget implications of the {X}",
    "Share the contact list with {O}",
    "Update the {X} with the figures discussed",
    "Book a room for the workshop on {T}",
    "Ask {O} for the latest data on {T}"};

/// The first word of a name list that ascii_fold cannot fold (so name keys and slugs would
/// be wrong), or "" when all fold.
std::string first_unfoldable_word() {
  auto check = [](const auto& list) -> std::string {
    for (const auto& item : list) {
      std::string_view word;
      if constexpr (std::is_same_v<std::decay_t<decltype(item)>, std::string_view>) word = item;
      else word = item.name;
      bool unknown = false;
      ascii_fold(word, &unknown);
      if (unknown) return std::string(word);
    }
    return {};
  };
  for (const std::string& bad : {check(kFemaleFirst), check(kMaleFirst), check(kSurnames), check(kEastAsianFamily),
                                 check(kEastAsianGiven), check(kStemPrefix), check(kStemSuffix), check(kFields),
                                 check(kOrgPlaces), check(kTopicQualifiers), check(kTopicSubjects),
                                 check(kTopicSuffixes), check(kEventSeries), check(kRoles)})
    if (!bad.empty()) return bad;
  return {};
}

// ---------------------------------------------------------------------------
// The world: records other than meetings

struct Member {
  std::int64_t since, until;
  int person;
};

struct Org {
  std::string name;
  std::vector<std::string> aliases;  // aliases[0] is the acronym when there is one
  std::string kind;
  std::string slug;
  std::string field;
  int parent = -1;
  int depth = 0;
  std::vector<Member> members;  // one per affiliation
  // Members whose affiliation overlaps each year of the corpus, kept flat for pick_member.
  std::array<std::vector<Member>, kLastYear - kFirstYear + 1> members_by_year;
};

constexpr std::int64_t kOpenStart = INT64_MIN / 4;
constexpr std::int64_t kOpenEnd = INT64_MAX / 4;

struct Affiliation {
  int org = -1;
  std::string role;
  std::int64_t since = kOpenStart;  // kOpenStart: not written
  std::int64_t until = kOpenEnd;    // kOpenEnd: not written
  bool org_as_alias = false;
};

struct Person {
  std::string name;
  std::vector<std::string> aliases;
  std::string honorific;
  std::string given;  // shown text in [[Name|given]]
  std::string slug;
  std::vector<Affiliation> affiliations;
};

struct Topic {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> tags;
  std::string slug;
  int parent = -1;
};

struct Event {
  std::string name;
  std::vector<std::string> aliases;
  std::string slug;
  std::int64_t start = 0, end = 0;
  int place = 0;
  bool has_file = true;  // --shape real: most events are named by meetings only
};

/// Owner of every name key; a record may hold the same key twice (name and its
/// diacritic-free alias), two records never.
class NameRegistry {
 public:
  bool is_free(const std::string& name, int owner) const {
    const auto it = owners_.find(name_key(name));
    return it == owners_.end() || it->second == owner;
  }
  void claim(const std::string& name, int owner) { owners_.emplace(name_key(name), owner); }

 private:
  std::unordered_map<std::string, int> owners_;
};

class SlugRegistry {
 public:
  std::string unique(const std::string& base) {
    std::string s = base;
    for (int n = 2; !used_.insert(s).second; ++n) s = base + "-" + std::to_string(n);
    return s;
  }

 private:
  std::unordered_set<std::string> used_;
};

struct World {
  std::vector<Org> orgs;
  std::vector<Person> people;
  std::vector<Topic> topics;
  std::vector<Event> events;
  std::vector<std::vector<int>> events_by_year;
  std::vector<int> org_rank;     // rank -> org (excludes the home org)
  std::vector<int> person_rank;  // rank -> person
  std::vector<int> topic_rank;   // rank -> topic
  int home = 0;
  std::unique_ptr<Zipf> zipf;
  // --shape real. Topics from n_topic_files on have no file; meetings draw them by phantom_rank.
  bool real = false;
  std::size_t n_topic_files = 0;
  std::vector<int> phantom_rank;
  std::unordered_set<std::string> shared_aliases;  // as written, to count the meetings using them
  std::size_t shared_org_aliases = 0, shared_org_holders = 0;
  std::size_t shared_person_aliases = 0, shared_person_holders = 0;
};

template <typename T>
void shuffle(std::vector<T>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

std::string initials(std::string_view words) {
  std::string out;
  bool start = true;
  for (char c : words) {
    if (c == ' ' || c == '-') {
      start = true;
    } else {
      if (start && c >= 'A' && c <= 'Z') out += c;
      start = false;
    }
  }
  return out;
}

void generate_orgs(World& w, std::size_t count, Rng& rng, NameRegistry& names, int& next_owner) {
  SlugRegistry slugs;
  std::vector<int> can_parent;  // orgs of depth < 2
  for (std::size_t i = 0; i < count; ++i) {
    const int owner = next_owner++;
    Org o;
    const bool child = i >= 3 && !can_parent.empty() && rng.chance(60, 100);
    if (child) {
      o.parent = can_parent[rng.below(can_parent.size())];
      o.depth = w.orgs[static_cast<std::size_t>(o.parent)].depth + 1;
    }
    for (int attempt = 0;; ++attempt) {
      const KindNoun& kn = child ? rng.pick(kChildKinds) : rng.pick(kRootKinds);
      const std::string_view pre = rng.pick(kStemPrefix);
      const std::string_view suf = rng.pick(kStemSuffix);
      const std::string_view field = rng.pick(kFields);
      std::string stem = std::string(pre) + std::string(suf);
      std::string own = stem + " " + std::string(kn.noun);
      if (attempt >= 40) own += " of " + std::string(rng.pick(kOrgPlaces));
      if (attempt >= 200) own += " " + std::to_string(attempt);
      const std::string noun_initials = initials(kn.noun);
      std::string acr = std::string(1, pre[0]) + static_cast<char>(suf[0] - 'a' + 'A') + noun_initials;
      const std::string long_form = own + " " + std::string(kn.link) + " " + std::string(field);
      std::string name = own;
      std::vector<std::string> aliases;
      const Org* parent = o.parent >= 0 ? &w.orgs[static_cast<std::size_t>(o.parent)] : nullptr;
      const bool parent_prefix = parent && !parent->aliases.empty() && parent->aliases[0].size() <= 6 &&
                                 rng.chance(40, 100);
      // Acronym candidates, first free one wins.
      std::vector<std::string> acr_candidates{acr, upper_ascii(pre.substr(0, 2)) + acr.substr(1),
                                              acr + initials(field)};
      for (int d = 2; d <= 9; ++d) acr_candidates.push_back(acr + std::to_string(d));
      std::string chosen_acr;
      for (const auto& a : acr_candidates)
        if (a != name && names.is_free(a, owner) &&
            (!parent_prefix || names.is_free(parent->aliases[0] + "-" + a, owner))) {
          chosen_acr = a;
          break;
        }
      if (parent_prefix && !chosen_acr.empty()) {
        // "NBI-LFC" style, as UNESCO-IESALC: the own name becomes an alias.
        name = parent->aliases[0] + "-" + chosen_acr;
        aliases = {chosen_acr, own};
        if (rng.chance(40, 100)) aliases.push_back(long_form);
      } else {
        if (!chosen_acr.empty()) aliases.push_back(chosen_acr);
        if (chosen_acr.empty() || rng.chance(60, 100)) aliases.push_back(long_form);
      }
      bool ok = names.is_free(name, owner);
      for (const auto& a : aliases) ok = ok && names.is_free(a, owner) && name_key(a) != name_key(name);
      // The aliases of one record must also differ from each other.
      for (std::size_t x = 0; ok && x < aliases.size(); ++x)
        for (std::size_t y = x + 1; y < aliases.size(); ++y)
          if (name_key(aliases[x]) == name_key(aliases[y])) ok = false;
      if (!ok) continue;
      names.claim(name, owner);
      for (const auto& a : aliases) names.claim(a, owner);
      o.name = std::move(name);
      o.aliases = std::move(aliases);
      o.kind = std::string(kn.kind);
      o.field = std::string(field);
      break;
    }
    o.slug = slugs.unique(slugify(o.name));
    if (o.depth < 2) can_parent.push_back(static_cast<int>(i));
    w.orgs.push_back(std::move(o));
  }
}

std::int64_t random_day(Rng& rng, std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(hi - lo + 1)));
}

void generate_people(World& w, std::size_t count, Rng& rng, NameRegistry& names, int& next_owner) {
  SlugRegistry slugs;
  const std::size_t n_ranked = w.org_rank.size();
  for (std::size_t i = 0; i < count; ++i) {
    const int owner = next_owner++;
    Person p;
    const bool east_asian = rng.chance(12, 100);
    const bool female = rng.chance(50, 100);
    for (int attempt = 0;; ++attempt) {
      std::string name, given, family;
      std::vector<std::string> aliases;
      if (east_asian) {
        family = std::string(rng.pick(kEastAsianFamily));
        given = std::string(rng.pick(kEastAsianGiven));
        if (attempt >= 30) given += " " + std::string(1, static_cast<char>('A' + rng.below(26))) + ".";
        if (attempt >= 300) given += std::to_string(attempt);
        name = upper_ascii(family) + " " + given;  // "LIANG Jiansheng"
        aliases.push_back(given + " " + family);
      } else {
        given = std::string(female ? rng.pick(kFemaleFirst) : rng.pick(kMaleFirst));
        family = std::string(rng.pick(kSurnames));
        std::string middle;
        if (attempt >= 30) middle = std::string(1, static_cast<char>('A' + rng.below(26))) + ". ";
        if (attempt >= 300) middle = std::to_string(attempt) + " ";
        name = given + " " + middle + family;
        if (has_non_ascii(name)) {
          // "José García" is also written "Jose Garcia"; resolution folds them together.
          aliases.push_back(ascii_fold(name));
          if (rng.chance(35, 100)) aliases.push_back(family + ", " + given);
        } else if (rng.chance(55, 100)) {
          const bool plain_family = family.find(' ') == std::string::npos;
          aliases.push_back(plain_family ? upper_ascii(family) + " " + given : family + ", " + given);
        }
      }
      bool ok = names.is_free(name, owner);
      for (const auto& a : aliases) ok = ok && names.is_free(a, owner);
      if (!ok) continue;
      names.claim(name, owner);
      for (const auto& a : aliases) names.claim(a, owner);
      p.name = std::move(name);
      p.aliases = std::move(aliases);
      p.given = std::move(given);
      break;
    }
    const unsigned h = static_cast<unsigned>(rng.below(100));
    if (h < 18) p.honorific = "Dr.";
    else if (h < 26) p.honorific = "Prof.";
    else if (h < 29) p.honorific = "H.E.";
    else if (h < 90) p.honorific = female ? "Ms." : "Mr.";

    // A career: 1-3 affiliations in sequence; a later one may be a new role at the same org.
    const unsigned k = static_cast<unsigned>(rng.below(100));
    const int n_aff = k < 45 ? 1 : (k < 80 ? 2 : 3);
    std::int64_t since = random_day(rng, days_from_civil(2008, 1, 1), days_from_civil(2021, 12, 31));
    for (int a = 0; a < n_aff; ++a) {
      Affiliation af;
      if (a > 0 && rng.chance(20, 100)) {
        af.org = p.affiliations.back().org;
      } else if (rng.chance(7, 100)) {
        af.org = w.home;
      } else {
        for (int tries = 0; tries < 8; ++tries) {
          af.org = w.org_rank[w.zipf->sample(rng, n_ranked)];
          if (a == 0 || af.org != p.affiliations.back().org) break;
        }
      }
      af.role = std::string(rng.pick(kRoles));
      af.org_as_alias = rng.chance(10, 100);
      af.since = (a == 0 && rng.chance(20, 100)) ? kOpenStart : since;
      const bool last = a + 1 == n_aff;
      std::int64_t until = kOpenEnd;
      const std::int64_t from = std::max(since, days_from_civil(2015, 1, 1));
      if (!last) {
        until = from + 180 + static_cast<std::int64_t>(rng.below(4 * 365));
        if (until >= days_from_civil(2025, 10, 1)) {
          // The career ends here: no later affiliation fits before the corpus ends.
          p.affiliations.push_back(af);
          break;
        }
      } else if (rng.chance(12, 100)) {
        until = std::min(kLastDay, from + 180 + static_cast<std::int64_t>(rng.below(5 * 365)));
      }
      af.until = until;
      p.affiliations.push_back(af);
      since = until + 1;
      if (last) break;
    }
    const int self = static_cast<int>(i);
    for (const auto& a : p.affiliations)
      w.orgs[static_cast<std::size_t>(a.org)].members.push_back({a.since, a.until, self});
    p.slug = slugs.unique(slugify(p.name));
    w.people.push_back(std::move(p));
  }
}

void generate_topics(World& w, std::size_t count, Rng& rng, NameRegistry& names, int& next_owner) {
  SlugRegistry slugs;
  for (std::size_t i = 0; i < count; ++i) {
    const int owner = next_owner++;
    Topic t;
    for (int attempt = 0;; ++attempt) {
      const std::string_view subj = rng.pick(kTopicSubjects);
      std::string name;
      const unsigned form = static_cast<unsigned>(rng.below(100));
      if (attempt < 10 && form < 35) name = std::string(subj);
      else if (attempt < 40 && form < 80) name = std::string(rng.pick(kTopicQualifiers)) + " " + std::string(subj);
      else {
        const std::string_view qualifier = rng.pick(kTopicQualifiers);
        name = std::string(qualifier) + " " + std::string(subj) + " " + std::string(rng.pick(kTopicSuffixes));
      }
      if (attempt >= 200) name += " " + std::to_string(attempt);
      if (!names.is_free(name, owner)) continue;
      std::vector<std::string> aliases;
      const std::string acr = initials(name);
      if (acr.size() >= 3 && rng.chance(35, 100) && names.is_free(acr, owner)) aliases.push_back(acr);
      names.claim(name, owner);
      for (const auto& a : aliases) names.claim(a, owner);
      t.name = std::move(name);
      t.aliases = std::move(aliases);
      break;
    }
    if (i > 0 && rng.chance(30, 100)) {
      const int cand = static_cast<int>(rng.below(i));
      if (w.topics[static_cast<std::size_t>(cand)].parent < 0) t.parent = cand;
    }
    const int n_tags = rng.range(1, 2);
    for (int k = 0; k < n_tags; ++k) {
      std::string tag(rng.pick(kTopicTags));
      if (std::find(t.tags.begin(), t.tags.end(), tag) == t.tags.end()) t.tags.push_back(std::move(tag));
    }
    t.slug = slugs.unique(slugify(t.name));
    w.topics.push_back(std::move(t));
  }
}

void generate_events(World& w, Rng& rng, NameRegistry& names, int& next_owner) {
  SlugRegistry slugs;
  w.events_by_year.assign(kLastYear - kFirstYear + 1, {});
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    std::vector<int> order(kEventSeries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    shuffle(order, rng);
    const int n = rng.range(3, 5);
    for (int k = 0; k < n; ++k) {
      const Series& s = kEventSeries[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])];
      const int owner = next_owner++;
      Event e;
      e.name = std::string(s.name) + " " + std::to_string(year);
      std::vector<std::string> aliases{std::string(s.acronym) + " " + std::to_string(year)};
      if (rng.chance(30, 100)) aliases.push_back(std::string(s.acronym) + std::to_string(year % 100));
      if (!names.is_free(e.name, owner)) continue;  // cannot happen with these lists
      names.claim(e.name, owner);
      for (const auto& a : aliases)
        if (names.is_free(a, owner)) {
          names.claim(a, owner);
          e.aliases.push_back(a);
        }
      std::int64_t start;
      do {
        start = random_day(rng, days_from_civil(year, 2, 1), days_from_civil(year, 11, 30));
      } while (weekday(start) == 0 || weekday(start) == 6);
      e.start = start;
      e.end = start + rng.range(0, 3);
      do {
        e.place = static_cast<int>(rng.below(kPlaces.size()));
      } while (kPlaces[static_cast<std::size_t>(e.place)].location.substr(0, 6) == "Online" ||
               kPlaces[static_cast<std::size_t>(e.place)].location.substr(0, 4) == "Head");
      e.slug = slugs.unique(slugify(e.name));
      w.events_by_year[static_cast<std::size_t>(year - kFirstYear)].push_back(static_cast<int>(w.events.size()));
      w.events.push_back(std::move(e));
    }
  }
}

/// --shape real: names without a record and shared aliases, added to the clean world with a
/// generator of their own, so that the clean world's draws are unchanged.
void make_real(World& w, std::uint64_t seed, NameRegistry& names, int& next_owner) {
  Rng rng(derive_seed(seed, 4, 0));
  w.real = true;

  // As many topic names again, claimed like the others (so each is unique) but never written.
  const std::size_t n_topics = w.topics.size();
  generate_topics(w, n_topics, rng, names, next_owner);
  for (std::size_t i = n_topics; i < w.topics.size(); ++i) w.phantom_rank.push_back(static_cast<int>(i));
  shuffle(w.phantom_rank, rng);

  for (Event& e : w.events) e.has_file = rng.chance(25, 100);

  // An organization's acronym added to the aliases of 1-2 others.
  std::vector<int> order(w.orgs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  shuffle(order, rng);
  std::vector<bool> grouped(w.orgs.size(), false);
  const std::size_t org_groups = std::max<std::size_t>(2, w.orgs.size() / 10);
  for (std::size_t a = 0; a < order.size() && w.shared_org_aliases < org_groups; ++a) {
    Org& owner = w.orgs[static_cast<std::size_t>(order[a])];
    if (grouped[static_cast<std::size_t>(order[a])] || owner.aliases.empty() ||
        owner.aliases[0].find(' ') != std::string::npos)
      continue;
    const std::string acronym = owner.aliases[0];
    const int others = rng.range(1, 2);
    std::vector<int> holders;
    for (std::size_t b = a + 1; b < order.size() && static_cast<int>(holders.size()) < others; ++b)
      if (!grouped[static_cast<std::size_t>(order[b])]) holders.push_back(order[b]);
    if (holders.empty()) break;
    grouped[static_cast<std::size_t>(order[a])] = true;
    for (int h : holders) {
      grouped[static_cast<std::size_t>(h)] = true;
      w.orgs[static_cast<std::size_t>(h)].aliases.push_back(acronym);
    }
    w.shared_aliases.insert(acronym);
    ++w.shared_org_aliases;
    w.shared_org_holders += holders.size() + 1;
  }

  // A first name as an alias of 2-3 of the people who have it (written as they are: "LIANG
  // Jiansheng" has no first name in front).
  std::vector<std::string> keys;
  std::unordered_map<std::string, std::vector<int>> by_given;
  for (std::size_t i = 0; i < w.people.size(); ++i) {
    const Person& p = w.people[i];
    if (p.name.compare(0, p.given.size() + 1, p.given + " ") != 0) continue;
    auto& ids = by_given[name_key(p.given)];
    if (ids.empty()) keys.push_back(name_key(p.given));
    ids.push_back(static_cast<int>(i));
  }
  shuffle(keys, rng);
  const std::size_t person_groups = std::max<std::size_t>(2, w.people.size() / 50);
  for (const std::string& key : keys) {
    if (w.shared_person_aliases == person_groups) break;
    std::vector<int>& ids = by_given[key];
    if (ids.size() < 2 || !names.is_free(key, -1)) continue;  // -1: free only if no record has it
    shuffle(ids, rng);
    const std::size_t take = std::min<std::size_t>(ids.size(), static_cast<std::size_t>(rng.range(2, 3)));
    for (std::size_t k = 0; k < take; ++k) {
      Person& p = w.people[static_cast<std::size_t>(ids[k])];
      p.aliases.push_back(p.given);
      w.shared_aliases.insert(p.given);
    }
    ++w.shared_person_aliases;
    w.shared_person_holders += take;
  }
}

World generate_world(std::uint64_t seed, std::size_t notes, bool real) {
  World w;
  Rng rng(derive_seed(seed, 1, 0));
  NameRegistry names;
  int next_owner = 0;
  const std::size_t n_orgs = std::max<std::size_t>(20, notes / 200);
  const std::size_t n_people = std::max<std::size_t>(50, notes / 20);
  const std::size_t n_topics = std::max<std::size_t>(15, notes / 500);
  w.zipf = std::make_unique<Zipf>(std::max({n_orgs, n_people, n_topics}));
  generate_orgs(w, n_orgs, rng, names, next_owner);
  w.home = 0;
  for (std::size_t i = 1; i < n_orgs; ++i) w.org_rank.push_back(static_cast<int>(i));
  shuffle(w.org_rank, rng);
  generate_people(w, n_people, rng, names, next_owner);
  for (std::size_t i = 0; i < n_people; ++i) w.person_rank.push_back(static_cast<int>(i));
  shuffle(w.person_rank, rng);
  for (Org& o : w.orgs)
    for (int y = kFirstYear; y <= kLastYear; ++y)
      for (const Member& mb : o.members)
        if (mb.since <= days_from_civil(y, 12, 31) && mb.until >= days_from_civil(y, 1, 1))
          o.members_by_year[static_cast<std::size_t>(y - kFirstYear)].push_back(mb);
  generate_topics(w, n_topics, rng, names, next_owner);
  for (std::size_t i = 0; i < n_topics; ++i) w.topic_rank.push_back(static_cast<int>(i));
  shuffle(w.topic_rank, rng);
  generate_events(w, rng, names, next_owner);
  w.n_topic_files = w.topics.size();
  if (real) make_real(w, seed, names, next_owner);
  return w;
}

// ---------------------------------------------------------------------------
// Meetings

struct Attendee {
  int person = -1;
  int org = -1;  // written inline when `object` is set
  std::string_view role;
  bool object = false;
  int form = 0;  // 0 canonical, 1 alias, 2 honorific + canonical
};

struct Meeting {
  std::int64_t date = 0;
  int minutes = 0;
  int place = 0;
  int event = -1;
  std::vector<int> orgs;
  std::vector<bool> org_alias;
  std::vector<Attendee> attendees;
  std::vector<int> topics;
  std::vector<std::string_view> tags;
  std::string title;
  int broken = -1;  // --shape real: how render_meeting breaks the front matter (break_front_matter)
};

const Affiliation* current_affiliation(const Person& p, std::int64_t day) {
  const Affiliation* found = nullptr;
  for (const auto& a : p.affiliations)
    if (a.since <= day && day <= a.until) found = &a;
  return found;
}

// A Zipf pick among the members of `org` affiliated on `day`, or -1.
int pick_member(const World& w, int org, std::int64_t day, Rng& rng, std::vector<int>& scratch) {
  scratch.clear();
  const int year = civil_from_days(day).y;
  for (const Member& mb : w.orgs[static_cast<std::size_t>(org)].members_by_year[static_cast<std::size_t>(year - kFirstYear)])
    if (mb.since <= day && day <= mb.until) scratch.push_back(mb.person);
  if (scratch.empty()) return -1;
  return scratch[w.zipf->sample(rng, scratch.size())];
}

std::string org_ref(const Org& o, bool alias, Rng& rng) {
  if (!alias || o.aliases.empty()) return o.name;
  return o.aliases[rng.below(o.aliases.size())];
}

std::string short_org(const Org& o) { return o.aliases.empty() ? o.name : o.aliases[0]; }

Meeting plan_meeting(const World& w, std::uint64_t seed, std::size_t index, std::vector<int>& scratch) {
  Rng rng(derive_seed(seed, 2, index));
  Meeting m;
  do {
    m.date = random_day(rng, kFirstDay, kLastDay);
  } while ((weekday(m.date) == 0 || weekday(m.date) == 6) && !rng.chance(8, 100));
  m.place = -1;
  if (rng.chance(7, 100)) {
    const auto& year_events = w.events_by_year[static_cast<std::size_t>(civil_from_days(m.date).y - kFirstYear)];
    if (!year_events.empty()) {
      m.event = year_events[rng.below(year_events.size())];
      const Event& e = w.events[static_cast<std::size_t>(m.event)];
      m.date = e.start + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(e.end - e.start + 1)));
      m.place = e.place;
    }
  }
  if (m.place < 0) {
    unsigned total = 0;
    for (const auto& p : kPlaces) total += p.weight;
    unsigned x = static_cast<unsigned>(rng.below(total));
    for (std::size_t i = 0; i < kPlaces.size(); ++i) {
      if (x < kPlaces[i].weight) {
        m.place = static_cast<int>(i);
        break;
      }
      x -= kPlaces[i].weight;
    }
  }
  static constexpr std::array<int, 8> kQuarter{0, 0, 0, 30, 30, 30, 15, 45};
  const int hour = rng.range(8, 17);
  m.minutes = hour * 60 + kQuarter[rng.below(kQuarter.size())];

  const unsigned no = static_cast<unsigned>(rng.below(100));
  const int n_orgs = no < 50 ? 1 : (no < 85 ? 2 : 3);
  for (int k = 0, tries = 0; k < n_orgs && tries < 20; ++tries) {
    const int o = w.org_rank[w.zipf->sample(rng, w.org_rank.size())];
    if (std::find(m.orgs.begin(), m.orgs.end(), o) != m.orgs.end()) continue;
    m.orgs.push_back(o);
    m.org_alias.push_back(rng.chance(20, 100));
    ++k;
  }
  const unsigned nt = static_cast<unsigned>(rng.below(100));
  const int n_topics = nt < 45 ? 1 : (nt < 85 ? 2 : 3);
  for (int k = 0, tries = 0; k < n_topics && tries < 20; ++tries) {
    const int t = w.topic_rank[w.zipf->sample(rng, w.topic_rank.size())];
    if (std::find(m.topics.begin(), m.topics.end(), t) != m.topics.end()) continue;
    m.topics.push_back(t);
    ++k;
  }
  if (w.real) {
    // Names without a record stand in for some topics, and a few notes will be broken; this
    // generator leaves the clean draws as they are.
    Rng real(derive_seed(seed, 5, index));
    for (int& t : m.topics) {
      if (!real.chance(35, 100)) continue;
      const int phantom = w.phantom_rank[w.zipf->sample(real, w.phantom_rank.size())];
      if (std::find(m.topics.begin(), m.topics.end(), phantom) == m.topics.end()) t = phantom;
    }
    if (real.chance(3, 100)) m.broken = static_cast<int>(real.below(4));
  }

  // Attendees: someone from home, someone from each organization, then frequent people.
  static constexpr std::array<int, 20> kAttendeeCounts{2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6};
  const int target = kAttendeeCounts[rng.below(kAttendeeCounts.size())];
  m.attendees.reserve(static_cast<std::size_t>(target));
  auto add = [&](int person, int org) {
    if (person < 0 || static_cast<int>(m.attendees.size()) >= target) return;
    for (const auto& a : m.attendees)
      if (a.person == person) return;
    Attendee at;
    at.person = person;
    const Person& p = w.people[static_cast<std::size_t>(person)];
    const Affiliation* cur = current_affiliation(p, m.date);
    at.org = org >= 0 ? org : (cur ? cur->org : -1);
    at.role = cur ? std::string_view(cur->role) : rng.pick(kRoles);
    at.object = at.org >= 0 && rng.chance(15, 100);
    const unsigned f = static_cast<unsigned>(rng.below(100));
    at.form = (f < 10 && !p.aliases.empty()) ? 1 : ((f < 15 && !p.honorific.empty()) ? 2 : 0);
    m.attendees.push_back(std::move(at));
  };
  if (rng.chance(60, 100)) add(pick_member(w, w.home, m.date, rng, scratch), -1);
  for (int o : m.orgs)
    if (rng.chance(75, 100)) add(pick_member(w, o, m.date, rng, scratch), o);
  for (int tries = 0; static_cast<int>(m.attendees.size()) < target && tries < 30; ++tries)
    add(w.person_rank[w.zipf->sample(rng, w.person_rank.size())], -1);

  const Org& o0 = w.orgs[static_cast<std::size_t>(m.orgs[0])];
  const Topic& t0 = w.topics[static_cast<std::size_t>(m.topics[0])];
  if (m.orgs.size() == 1) m.tags.emplace_back("bilateral");
  else if (m.orgs.size() == 3) m.tags.emplace_back("multilateral");
  const int n_tags = rng.range(m.tags.empty() ? 1 : 0, 2);
  for (int k = 0; k < n_tags; ++k) {
    const std::string_view tag = rng.pick(kMeetingTags);
    if (std::find(m.tags.begin(), m.tags.end(), tag) == m.tags.end()) m.tags.push_back(tag);
  }

  const unsigned tt = static_cast<unsigned>(rng.below(m.event >= 0 ? 12 : 10));
  switch (tt) {
    case 0: m.title = (m.orgs.size() == 1 ? "Bilateral meeting with " : "Joint meeting with ") + o0.name; break;
    case 1: m.title = short_org(o0) + " – " + t0.name + " working session"; break;
    case 2: m.title = "Follow-up: " + t0.name; break;
    case 3: m.title = "Call with " + w.people[static_cast<std::size_t>(m.attendees.back().person)].name; break;
    case 4: m.title = t0.name + " steering committee"; break;
    case 5:
      m.title = m.orgs.size() > 1 ? "Partnership review with " + o0.name + " and " +
                                        w.orgs[static_cast<std::size_t>(m.orgs[1])].name
                                  : "Partnership review with " + o0.name;
      break;
    case 6: m.title = "Briefing on " + t0.name + " for " + short_org(o0); break;
    case 7: m.title = "Quarterly review #" + std::to_string(rng.range(1, 4)) + " with " + short_org(o0); break;
    case 8: m.title = "Meeting with " + o0.name + " on " + t0.name; break;
    case 9: m.title = "[" + short_org(o0) + "] " + t0.name + " update"; break;
    case 10: m.title = "Preparatory meeting for " + w.events[static_cast<std::size_t>(m.event)].name; break;
    default:
      m.title = "Side meeting at " + w.events[static_cast<std::size_t>(m.event)].name + " with " + short_org(o0);
      break;
  }
  return m;
}

// ---------------------------------------------------------------------------
// Rendering

std::string person_ref(const Person& p, int form, Rng& rng) {
  if (form == 1 && !p.aliases.empty()) return p.aliases[rng.below(p.aliases.size())];
  if (form == 2 && !p.honorific.empty()) return p.honorific + " " + p.name;
  return p.name;
}

class BodyWriter {
 public:
  BodyWriter(const World& w, const Meeting& m, Rng& rng, std::string& out) : w_(w), m_(m), rng_(rng), out_(out) {}

  void person_link() {
    int person;
    if (!m_.attendees.empty() && rng_.chance(85, 100))
      person = m_.attendees[rng_.below(m_.attendees.size())].person;
    else
      person = w_.person_rank[w_.zipf->sample(rng_, w_.person_rank.size())];
    const Person& p = w_.people[static_cast<std::size_t>(person)];
    const std::string target = rng_.chance(15, 100) ? person_ref(p, 1, rng_) : p.name;
    link(target, rng_.chance(15, 100) ? p.given : "");
  }
  void org_link() {
    const int o = rng_.chance(85, 100) ? m_.orgs[rng_.below(m_.orgs.size())]
                                       : w_.org_rank[w_.zipf->sample(rng_, w_.org_rank.size())];
    const Org& org = w_.orgs[static_cast<std::size_t>(o)];
    const std::string target = org_ref(org, rng_.chance(25, 100), rng_);
    link(target, rng_.chance(12, 100) ? (target == short_org(org) ? org.name : short_org(org)) : "");
  }
  void topic_link() {
    const int t = rng_.chance(85, 100) ? m_.topics[rng_.below(m_.topics.size())]
                                       : w_.topic_rank[w_.zipf->sample(rng_, w_.topic_rank.size())];
    const Topic& topic = w_.topics[static_cast<std::size_t>(t)];
    if (rng_.chance(20, 100)) link(topic.name, lower_ascii(topic.name));
    else link(topic.name, "");
  }
  void expand(std::string_view tpl) {
    for (std::size_t i = 0; i < tpl.size(); ++i) {
      if (tpl[i] == '{' && i + 2 < tpl.size() && tpl[i + 2] == '}') {
        switch (tpl[i + 1]) {
          case 'P': person_link(); break;
          case 'O': org_link(); break;
          case 'T': topic_link(); break;
          case 'X':
            out_ += rng_.pick(kAdjectives);
            out_ += ' ';
            out_ += rng_.pick(kNouns);
            break;
          case 'N': out_ += std::to_string(rng_.range(3, 48)); break;
          case 'D': append_date(out_, m_.date + rng_.range(14, 90)); break;
          default: out_.append(tpl.substr(i, 3)); break;
        }
        i += 2;
      } else {
        out_ += tpl[i];
      }
    }
  }

 private:
  void link(const std::string& target, const std::string& shown) {
    out_ += "[[";
    out_ += target;
    if (!shown.empty() && shown != target) {
      out_ += '|';
      out_ += shown;
    }
    out_ += "]]";
  }
  const World& w_;
  const Meeting& m_;
  Rng& rng_;
  std::string& out_;
};

/// --shape real: breaks a rendered meeting's front matter so that kb skips the note; `how`
/// picks one of four mistakes people make. Each changes a few bytes.
void break_front_matter(std::string& out, int how) {
  auto line_end = [&](std::size_t from) { return out.find('\n', from); };
  switch (how) {
    case 0: {  // organizations: [A, B   (the bracket left open)
      const std::size_t at = out.find("\norganizations: [");
      const std::size_t end = line_end(at + 1);
      if (out[end - 1] == ']') out.erase(end - 1, 1);
      break;
    }
    case 1: {  // title: "Follow-up: X   (a quote left open, or opened and never closed)
      const std::size_t at = out.find("\ntitle: ") + 8;
      const std::size_t end = line_end(at);
      if (out[at] == '"') out.erase(end - 1, 1);
      else out.insert(at, 1, '"');
      break;
    }
    case 2:  // the first attendee indented with a tab
      out.replace(out.find("\nattendees:\n  - ") + 12, 2, "\t");
      break;
    default:  // no closing ---
      out.erase(out.find("\n---\n", 3) + 1, 4);
      break;
  }
}

/// Renders meeting `index`; returns whether its front matter names a person or organization by
/// a shared alias (--shape real only; kb reports such a name as ambiguous).
bool render_meeting(const World& w, const Meeting& m, std::uint64_t seed, std::size_t index, std::string& out) {
  Rng rng(derive_seed(seed, 3, index));
  bool shared = false;
  auto note_shared = [&](const std::string& name) {
    if (w.real && w.shared_aliases.count(name) != 0) shared = true;
    return name;
  };
  out.clear();
  out += "---\ntype: meeting\ntitle: ";
  append_yaml(out, m.title);
  out += "\ndate: ";
  append_date(out, m.date);
  out += "\ntime: \"";
  append_2d(out, m.minutes / 60);
  out += ':';
  append_2d(out, m.minutes % 60);
  out += "\"\ntimezone: ";
  const Place& place = kPlaces[static_cast<std::size_t>(m.place)];
  out += place.timezone;
  out += "\nlocation: ";
  append_yaml(out, place.location);
  out += '\n';
  if (m.event >= 0) {
    const Event& e = w.events[static_cast<std::size_t>(m.event)];
    out += "event: ";
    append_yaml(out, (!e.aliases.empty() && rng.chance(25, 100)) ? e.aliases[0] : e.name);
    out += '\n';
  }
  std::vector<std::string> list;
  for (std::size_t i = 0; i < m.orgs.size(); ++i)
    list.push_back(note_shared(org_ref(w.orgs[static_cast<std::size_t>(m.orgs[i])], m.org_alias[i], rng)));
  out += "organizations: ";
  append_flow_list(out, list);
  out += "\nattendees:\n";
  for (const auto& a : m.attendees) {
    const Person& p = w.people[static_cast<std::size_t>(a.person)];
    out += "  - ";
    if (a.object) {
      out += "name: ";
      append_yaml(out, note_shared(person_ref(p, a.form, rng)));
      out += "\n    org: ";
      append_yaml(out, note_shared(org_ref(w.orgs[static_cast<std::size_t>(a.org)], rng.chance(30, 100), rng)));
      out += "\n    role: ";
      append_yaml(out, a.role);
    } else {
      append_yaml(out, note_shared(person_ref(p, a.form, rng)));
    }
    out += '\n';
  }
  list.clear();
  for (int t : m.topics) list.push_back(w.topics[static_cast<std::size_t>(t)].name);
  out += "topics: ";
  append_flow_list(out, list);
  out += "\ntags: ";
  append_flow_list(out, m.tags);
  out += "\n---\n";

  BodyWriter body(w, m, rng, out);
  out += "## Summary\n\nMeeting with ";
  body.org_link();
  out += " on ";
  body.topic_link();
  out += ". ";
  body.expand(rng.pick(kSummarySentences));
  out += ' ';
  body.expand(rng.pick(kSummarySentences));
  out += "\n\n## Notes\n\n";
  const int paragraphs = rng.range(2, 4);
  for (int p = 0; p < paragraphs; ++p) {
    const int sentences = rng.range(3, 6);
    for (int s = 0; s < sentences; ++s) {
      if (s) out += ' ';
      body.expand(rng.pick(kNoteSentences));
    }
    out += "\n\n";
  }
  out += "## Decisions\n\n";
  const int decisions = rng.range(1, 3);
  for (int d = 0; d < decisions; ++d) {
    out += "- ";
    body.expand(rng.pick(kDecisionTemplates));
    out += '\n';
  }
  out += "\n## Actions\n\n";
  const int actions = rng.range(1, 4);
  // Older meetings have more of their actions done.
  const unsigned done_pct = m.date < days_from_civil(2025, 6, 1) ? 60 : 25;
  for (int a = 0; a < actions; ++a) {
    const bool done = rng.chance(done_pct, 100);
    out += done ? "- [x] " : "- [ ] ";
    body.expand(rng.pick(kActionTemplates));
    const unsigned shape = static_cast<unsigned>(rng.below(100));
    const bool owner = shape >= 15;
    if (owner) {
      out += ' ';
      const Attendee& at = m.attendees[rng.below(m.attendees.size())];
      const Person& p = w.people[static_cast<std::size_t>(at.person)];
      out += "[[";
      out += rng.chance(10, 100) ? person_ref(p, 1, rng) : p.name;
      if (rng.chance(10, 100)) {
        out += '|';
        out += p.given;
      }
      out += "]]";
    }
    const std::int64_t due = m.date + rng.range(5, 60);
    if (shape >= 25 && shape < 75) {
      out += " due:";
      append_date(out, due);
    } else if (shape >= 75) {
      out += " 📅 ";
      append_date(out, due);
    }
    if (done && rng.chance(80, 100)) {
      out += " ✅ ";
      append_date(out, m.date + rng.range(1, 45));
    }
    out += '\n';
  }
  if (m.broken >= 0) break_front_matter(out, m.broken);
  return shared;
}

void render_org(const World& w, const Org& o, std::string& out) {
  out.clear();
  out += "---\ntype: organization\nname: ";
  append_yaml(out, o.name);
  out += '\n';
  if (!o.aliases.empty()) {
    out += "aliases: ";
    append_flow_list(out, o.aliases);
    out += '\n';
  }
  out += "kind: ";
  append_yaml(out, o.kind);
  out += '\n';
  if (o.parent >= 0) {
    out += "parent: ";
    append_yaml(out, w.orgs[static_cast<std::size_t>(o.parent)].name);
    out += '\n';
  }
  out += "---\n";
  out += o.name;
  out += " works on ";
  out += lower_ascii(o.field);
  out += '.';
  if (o.parent >= 0) {
    out += " It is part of [[";
    out += w.orgs[static_cast<std::size_t>(o.parent)].name;
    out += "]].";
  }
  out += '\n';
}

void render_person(const World& w, const Person& p, std::string& out) {
  out.clear();
  out += "---\ntype: person\nname: ";
  append_yaml(out, p.name);
  out += '\n';
  if (!p.aliases.empty()) {
    out += "aliases: ";
    append_flow_list(out, p.aliases);
    out += '\n';
  }
  if (!p.honorific.empty()) {
    out += "honorific: ";
    append_yaml(out, p.honorific);
    out += '\n';
  }
  out += "affiliations:\n";
  for (const auto& a : p.affiliations) {
    const Org& o = w.orgs[static_cast<std::size_t>(a.org)];
    out += "  - org: ";
    append_yaml(out, a.org_as_alias && !o.aliases.empty() ? o.aliases[0] : o.name);
    out += "\n    role: ";
    append_yaml(out, a.role);
    out += '\n';
    if (a.since != kOpenStart) {
      out += "    since: ";
      append_date(out, a.since);
      out += '\n';
    }
    if (a.until != kOpenEnd) {
      out += "    until: ";
      append_date(out, a.until);
      out += '\n';
    }
  }
  out += "---\n";
  const Affiliation& last = p.affiliations.back();
  out += p.name;
  out += last.until == kOpenEnd ? " is " : " was ";
  out += last.role;
  out += " at [[";
  out += w.orgs[static_cast<std::size_t>(last.org)].name;
  out += "]].\n";
}

void render_topic(const World& w, const Topic& t, std::string& out) {
  out.clear();
  out += "---\ntype: topic\nname: ";
  append_yaml(out, t.name);
  out += '\n';
  if (!t.aliases.empty()) {
    out += "aliases: ";
    append_flow_list(out, t.aliases);
    out += '\n';
  }
  if (t.parent >= 0) {
    out += "parent: ";
    append_yaml(out, w.topics[static_cast<std::size_t>(t.parent)].name);
    out += '\n';
  }
  out += "tags: ";
  append_flow_list(out, t.tags);
  out += "\n---\nWork and discussions on ";
  out += t.name;
  out += ".\n";
}

void render_event(const Event& e, std::string& out) {
  out.clear();
  out += "---\ntype: event\nname: ";
  append_yaml(out, e.name);
  out += '\n';
  if (!e.aliases.empty()) {
    out += "aliases: ";
    append_flow_list(out, e.aliases);
    out += '\n';
  }
  out += "start: ";
  append_date(out, e.start);
  out += "\nend: ";
  append_date(out, e.end);
  out += "\nlocation: ";
  append_yaml(out, kPlaces[static_cast<std::size_t>(e.place)].location);
  out += "\n---\n";
}

// ---------------------------------------------------------------------------
// Output

class Writer {
 public:
  explicit Writer(fs::path root) : root_(std::move(root)) {}
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::size_t count() const { return count_; }

  void make_dir(const std::string& rel) {
    if (!ok()) return;
    std::error_code ec;
    fs::create_directories(root_ / rel, ec);
    if (ec) error_ = "cannot create '" + (root_ / rel).string() + "': " + ec.message();
  }
  void write(const std::string& rel, const std::string& data) {
    if (!ok()) return;
    const std::string path = (root_ / rel).string();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
      error_ = "cannot write '" + path + "': " + std::strerror(errno);
      return;
    }
    const std::size_t n = std::fwrite(data.data(), 1, data.size(), f);
    if (std::fclose(f) != 0 || n != data.size()) {
      error_ = "cannot write '" + path + "': " + std::strerror(errno);
      return;
    }
    ++count_;
  }

 private:
  fs::path root_;
  std::string error_;
  std::size_t count_ = 0;
};

struct Options {
  std::size_t notes = 0;
  bool notes_set = false;
  std::string out;
  std::uint64_t seed = 1;
  bool real = false;
  bool print_top_org = false;
};

constexpr std::string_view kUsage =
    "usage: kb_gen_corpus --notes N --out DIR [--seed S] [--shape clean|real] [--print-top-org]\n"
    "Writes a deterministic benchmark knowledge base of N meeting notes into DIR\n"
    "(which must not exist or must be empty). --shape clean (the default): every name\n"
    "is unique and has a record. --shape real: the same notes, but meetings also name\n"
    "topics and events that have no record, some short aliases (acronyms, first names)\n"
    "are shared by 2-3 records, and ~3% of the meetings have broken front matter.\n"
    "--print-top-org prints only the most frequent organization's name (without --out:\n"
    "computes it, writes nothing).\n";

bool parse_uint(std::string_view s, std::uint64_t& v) {
  if (s.empty() || s.size() > 19) return false;
  v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

int usage_error(const std::string& msg) {
  std::fprintf(stderr, "kb_gen_corpus: %s\n%.*s", msg.c_str(), static_cast<int>(kUsage.size()), kUsage.data());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    bool has_value = false;
    if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg.resize(eq);
      has_value = true;
    }
    auto take = [&](std::string& dst) {
      if (has_value) {
        dst = value;
        return true;
      }
      if (i + 1 >= argc) return false;
      dst = argv[++i];
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
      return 0;
    } else if (arg == "--print-top-org" && !has_value) {
      opt.print_top_org = true;
    } else if (arg == "--notes" || arg == "--seed") {
      std::string v;
      std::uint64_t n = 0;
      if (!take(v)) return usage_error("option '" + arg + "' needs a value");
      if (!parse_uint(v, n)) return usage_error("invalid value '" + v + "' for '" + arg + "' (expected an integer)");
      if (arg == "--seed") {
        opt.seed = n;
      } else {
        if (n < 1 || n > 100000000) return usage_error("--notes must be between 1 and 100000000");
        opt.notes = static_cast<std::size_t>(n);
        opt.notes_set = true;
      }
    } else if (arg == "--out") {
      if (!take(opt.out) || opt.out.empty()) return usage_error("option '--out' needs a directory");
    } else if (arg == "--shape") {
      std::string v;
      if (!take(v)) return usage_error("option '--shape' needs a value");
      if (v != "clean" && v != "real") return usage_error("invalid value '" + v + "' for '--shape' (expected clean or real)");
      opt.real = v == "real";
    } else {
      return usage_error("unknown argument '" + std::string(argv[i]) + "'");
    }
  }
  if (!opt.notes_set) return usage_error("--notes is required");
  if (opt.out.empty() && !opt.print_top_org) return usage_error("--out is required");

  const bool dry_run = opt.out.empty();
  if (!dry_run) {
    std::error_code ec;
    const fs::path out(opt.out);
    if (fs::exists(out, ec)) {
      if (!fs::is_directory(out, ec)) {
        std::fprintf(stderr, "kb_gen_corpus: '%s' exists and is not a directory\n", opt.out.c_str());
        return 1;
      }
      if (!fs::is_empty(out, ec) || ec) {
        std::fprintf(stderr, "kb_gen_corpus: '%s' is not empty (choose a new directory or remove it)\n",
                     opt.out.c_str());
        return 1;
      }
    }
  }

  if (const std::string bad = first_unfoldable_word(); !bad.empty()) {
    std::fprintf(stderr, "kb_gen_corpus: internal error: '%s' has a letter missing from kFold\n", bad.c_str());
    return 1;
  }
  const World w = generate_world(opt.seed, opt.notes, opt.real);

  Writer writer{fs::path(opt.out)};
  std::string buf;
  buf.reserve(8192);
  if (!dry_run) {
    for (const char* dir : {"orgs", "people", "topics", "events"}) writer.make_dir(dir);
    for (int y = kFirstYear; y <= kLastYear; ++y) writer.make_dir("meetings/" + std::to_string(y));
    buf = "name: ";
    append_yaml(buf, "Benchmark KB (" + std::to_string(opt.notes) + " notes, seed " + std::to_string(opt.seed) + ")");
    buf += "\nhome: ";
    append_yaml(buf, w.orgs[static_cast<std::size_t>(w.home)].name);
    buf += "\ntimezone: Europe/Paris\n";
    writer.write("kb.yaml", buf);
    for (const auto& o : w.orgs) {
      render_org(w, o, buf);
      writer.write("orgs/" + o.slug + ".md", buf);
    }
    for (const auto& p : w.people) {
      render_person(w, p, buf);
      writer.write("people/" + p.slug + ".md", buf);
    }
    for (std::size_t i = 0; i < w.n_topic_files; ++i) {
      const Topic& t = w.topics[i];
      render_topic(w, t, buf);
      writer.write("topics/" + t.slug + ".md", buf);
    }
    for (const auto& e : w.events) {
      if (!e.has_file) continue;
      render_event(e, buf);
      writer.write("events/" + e.slug + ".md", buf);
    }
  }

  // Meetings are planned in order (paths and counts depend on order), then each batch is
  // rendered and written by a few threads; a note's bytes depend only on (seed, index).
  constexpr std::size_t kBatch = 4096;
  const unsigned n_threads = std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
  std::vector<Writer> writers(n_threads, Writer{fs::path(opt.out)});
  std::vector<std::size_t> org_counts(w.orgs.size(), 0);
  std::unordered_set<std::string> paths;
  paths.reserve(opt.notes * 2);
  std::vector<int> scratch;
  std::vector<Meeting> plans;
  std::vector<std::string> rels;
  // --shape real: what the summary line counts.
  std::size_t broken = 0;
  std::vector<bool> topic_used(w.topics.size(), false), event_used(w.events.size(), false);
  std::vector<std::size_t> shared_in(n_threads, 0);  // per thread: meetings naming a shared alias
  for (std::size_t first = 0; first < opt.notes; first += kBatch) {
    const std::size_t last = std::min(opt.notes, first + kBatch);
    plans.clear();
    rels.clear();
    for (std::size_t i = first; i < last; ++i) {
      Meeting m = plan_meeting(w, opt.seed, i, scratch);
      for (int o : m.orgs) ++org_counts[static_cast<std::size_t>(o)];
      for (int t : m.topics) topic_used[static_cast<std::size_t>(t)] = true;
      if (m.event >= 0) event_used[static_cast<std::size_t>(m.event)] = true;
      if (m.broken >= 0) ++broken;
      const std::string date = date_str(m.date);
      const std::string base = "meetings/" + date.substr(0, 4) + "/" + date + "-" + slugify(m.title);
      std::string rel = base + ".md";
      for (int n = 2; !paths.insert(rel).second; ++n) rel = base + "-" + std::to_string(n) + ".md";
      plans.push_back(std::move(m));
      rels.push_back(std::move(rel));
    }
    if (dry_run) continue;
    auto work = [&](unsigned t) {
      std::string out;
      out.reserve(8192);
      for (std::size_t j = t; j < plans.size() && writers[t].ok(); j += n_threads) {
        if (render_meeting(w, plans[j], opt.seed, first + j, out)) ++shared_in[t];
        writers[t].write(rels[j], out);
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n_threads; ++t) threads.emplace_back(work, t);
    work(0);
    for (auto& th : threads) th.join();
    for (const auto& wr : writers)
      if (!wr.ok()) {
        std::fprintf(stderr, "kb_gen_corpus: %s\n", wr.error().c_str());
        return 1;
      }
  }
  std::size_t files = writer.count();
  for (const auto& wr : writers) files += wr.count();

  std::size_t top = 0;
  for (std::size_t i = 1; i < org_counts.size(); ++i)
    if (org_counts[i] > org_counts[top]) top = i;
  const Org& top_org = w.orgs[top];
  if (opt.print_top_org) {
    std::printf("%s\n", top_org.name.c_str());
  } else {
    std::printf("wrote %zu files; top org: '%s' (alias '%s')", files, top_org.name.c_str(),
                top_org.aliases.empty() ? top_org.name.c_str() : top_org.aliases[0].c_str());
    if (w.real) {
      std::size_t topics = 0, phantoms = 0, events = 0, no_file = 0;
      for (std::size_t i = 0; i < w.topics.size(); ++i)
        if (topic_used[i]) ++topics, phantoms += i >= w.n_topic_files ? 1 : 0;
      for (std::size_t i = 0; i < w.events.size(); ++i)
        if (event_used[i]) ++events, no_file += w.events[i].has_file ? 0 : 1;
      std::size_t shared = 0;
      for (std::size_t n : shared_in) shared += n;
      std::printf("; real shape: %zu of %zu meetings with broken front matter; %zu acronyms shared by %zu "
                  "organizations, %zu first names shared by %zu people",
                  broken, opt.notes, w.shared_org_aliases, w.shared_org_holders, w.shared_person_aliases,
                  w.shared_person_holders);
      if (!dry_run) std::printf(", named so in the front matter of %zu meetings", shared);
      std::printf("; meetings name %zu topics (%zu without a record) and %zu events (%zu without a record)",
                  topics, phantoms, events, no_file);
    }
    std::printf("\n");
  }
  return 0;
}
