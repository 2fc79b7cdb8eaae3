#include "kb/parse/record_codec.h"

#include <cstring>
#include <optional>

#include "kb/base/binary.h"
#include "kb/parse/codec_parts.h"

namespace kb {
namespace {

// Layout: "KBRC" magic, u32 format version (little endian), u64 checksum64 of the payload,
// payload. The payload is varints (LEB128, zigzag for signed values) and length-prefixed
// strings, in the member order of each struct.
constexpr char kMagic[4] = {'K', 'B', 'R', 'C'};
constexpr std::size_t kHeaderSize = 4 + 4 + 8 + 8;  // magic, version, checksum, payload length
constexpr int kMaxValueDepth = 512;

}  // namespace

// Locations: most carry the record's own path, so the path is written only when it differs.
void put(BinaryWriter& w, const SourceLoc& loc, std::string_view record_path) {
  const auto& [path, line, column] = loc;
  if (path == record_path) {
    w.u(0);
  } else {
    w.u(1);
    w.s(path.str());
  }
  w.i(line);
  w.i(column);
}
void get(BinaryReader& r, SourceLoc& loc, const SharedPath& record_path) {
  auto& [path, line, column] = loc;
  std::uint64_t mode = r.u();
  if (mode == 0) {
    path = record_path;
  } else if (mode == 1) {
    std::string own;
    r.s(own);
    path = std::move(own);
  }
  else r.fail();
  line = r.i32();
  column = r.i32();
}

void put(BinaryWriter& w, const std::optional<Date>& d) {
  w.b(d.has_value());
  if (!d) return;
  const auto& [year, month, day] = *d;
  w.i(year);
  w.u(static_cast<std::uint64_t>(month));
  w.u(static_cast<std::uint64_t>(day));
}
void get(BinaryReader& r, std::optional<Date>& d) {
  if (!r.b()) {
    d.reset();
    return;
  }
  Date v;
  auto& [year, month, day] = v;
  year = r.i32();
  month = static_cast<int>(r.u());
  day = static_cast<int>(r.u());
  if (!is_valid_date(year, month, day)) r.fail();
  d = v;
}

void put(BinaryWriter& w, const Value& v, std::string_view rp) {
  const auto& [kind, text, items, entries, loc] = v;
  w.u(static_cast<std::uint64_t>(kind));
  put(w, loc, rp);
  switch (kind) {
    case Value::Kind::null: break;
    case Value::Kind::scalar: w.s(text); break;
    case Value::Kind::sequence:
      w.u(items.size());
      for (const auto& item : items) put(w, item, rp);
      break;
    case Value::Kind::mapping:
      w.u(entries.size());
      for (const auto& [key, value] : entries) {
        w.s(key);
        put(w, value, rp);
      }
      break;
  }
}
void get(BinaryReader& r, Value& v, const SharedPath& rp, int depth) {
  if (depth > kMaxValueDepth) {
    r.fail();
    return;
  }
  auto& [kind, text, items, entries, loc] = v;
  std::uint64_t k = r.u();
  if (k > static_cast<std::uint64_t>(Value::Kind::mapping)) {
    r.fail();
    return;
  }
  kind = static_cast<Value::Kind>(k);
  get(r, loc, rp);
  switch (kind) {
    case Value::Kind::null: break;
    case Value::Kind::scalar: r.s(text); break;
    case Value::Kind::sequence: {
      std::size_t n = r.count();
      items.resize(n);
      for (auto& item : items) get(r, item, rp, depth + 1);
      break;
    }
    case Value::Kind::mapping: {
      std::size_t n = r.count();
      entries.resize(n);
      for (auto& [key, value] : entries) {
        r.s(key);
        get(r, value, rp, depth + 1);
      }
      break;
    }
  }
}

void put(BinaryWriter& w, const std::vector<std::string>& v) {
  w.u(v.size());
  for (const auto& s : v) w.s(s);
}
void get(BinaryReader& r, std::vector<std::string>& v) {
  v.resize(r.count());
  for (auto& s : v) r.s(s);
}

void put(BinaryWriter& w, const Diagnostic& d, std::string_view rp) {
  const auto& [severity, loc, message] = d;
  w.u(static_cast<std::uint64_t>(severity));
  put(w, loc, rp);
  w.s(message);
}
void get(BinaryReader& r, Diagnostic& d, const SharedPath& rp) {
  auto& [severity, loc, message] = d;
  std::uint64_t s = r.u();
  if (s > static_cast<std::uint64_t>(Severity::error)) r.fail();
  severity = static_cast<Severity>(s);
  get(r, loc, rp);
  r.s(message);
}

namespace {

void put(BinaryWriter& w, const FrontMatter& fm, std::string_view rp) {
  const auto& [present, fields, body_offset, body_line, broken] = fm;
  w.b(present);
  put(w, fields, rp);
  w.u(body_offset);
  w.i(body_line);
  w.b(broken);
}
void get(BinaryReader& r, FrontMatter& fm, const SharedPath& rp) {
  auto& [present, fields, body_offset, body_line, broken] = fm;
  present = r.b();
  get(r, fields, rp, 0);
  body_offset = static_cast<std::size_t>(r.u());
  body_line = r.i32();
  broken = r.b();
}

}  // namespace

std::uint64_t content_hash(std::string_view text) { return checksum64(text); }

std::string encode_record(const RawRecord& rec, const std::vector<Diagnostic>& diags) {
  BinaryWriter w;
  w.out.resize(kHeaderSize);
  w.out.reserve(rec.body.size() * 2 + 512);
  const auto& [path, front, body, facts, body_parsed] = rec;
  (void)facts, (void)body_parsed;  // read again from the body (parse_body_again)
  w.s(path);
  put(w, front, path);
  w.s(body);
  w.u(diags.size());
  for (const auto& d : diags) put(w, d, path);
  std::memcpy(w.out.data(), kMagic, 4);
  put_le(w.out, 4, kRecordFormatVersion, 4);
  put_le(w.out, 8, checksum64(std::string_view(w.out).substr(kHeaderSize)), 8);
  put_le(w.out, 16, w.out.size() - kHeaderSize, 8);
  return std::move(w.out);
}

namespace {

// The payload of an entry after its header is checked, or nullopt.
std::optional<std::string_view> checked_payload(std::string_view data) {
  if (data.size() < kHeaderSize || std::memcmp(data.data(), kMagic, 4) != 0) return std::nullopt;
  if (get_le(data, 4, 4) != kRecordFormatVersion) return std::nullopt;
  std::string_view payload = data.substr(kHeaderSize);
  if (get_le(data, 16, 8) != payload.size() || get_le(data, 8, 8) != checksum64(payload)) return std::nullopt;
  return payload;
}

}  // namespace

std::size_t encoded_record_size(std::string_view data) {
  if (data.size() < kHeaderSize || std::memcmp(data.data(), kMagic, 4) != 0) return 0;
  if (get_le(data, 4, 4) != kRecordFormatVersion) return 0;
  const std::uint64_t payload = get_le(data, 16, 8);
  if (payload > data.size() - kHeaderSize) return 0;
  return kHeaderSize + static_cast<std::size_t>(payload);
}

namespace {

}  // namespace

bool decode_record_text(std::string_view data, const SharedPath& path, FrontMatter& front, std::string& body) {
  std::optional<std::string_view> payload = checked_payload(data);
  if (!payload) return false;
  BinaryReader r(*payload);
  std::string stored_path;
  r.s(stored_path);
  if (!r.ok() || stored_path != path.str()) return false;
  get(r, front, path);
  r.s(body);
  return r.ok();
}

bool decode_record(std::string_view data, RawRecord& rec, std::vector<Diagnostic>& diags) {
  std::optional<std::string_view> payload = checked_payload(data);
  if (!payload) return false;
  BinaryReader r(*payload);
  auto& [path, front, body, facts, body_parsed] = rec;
  r.s(path);
  const SharedPath shared(path);  // one string for every location in the record
  get(r, front, shared);
  r.s(body);
  facts = BodyFacts();
  body_parsed = false;
  std::size_t n = r.count();
  std::vector<Diagnostic> read(n);
  for (auto& d : read) get(r, d, shared);
  if (!r.ok() || !r.at_end()) return false;
  diags.insert(diags.end(), std::make_move_iterator(read.begin()), std::make_move_iterator(read.end()));
  return true;
}

}  // namespace kb
