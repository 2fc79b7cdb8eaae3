#pragma once
// The primitives of kb's binary cache formats (parse/record_codec, model/graph_codec): a writer
// and a bounds-checked reader of LEB128 varints (zigzag for signed values) and length-prefixed
// strings, and a fast 64-bit checksum. A reader that meets anything it cannot have written
// fails and stays failed; callers check ok() once at the end instead of after every field.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kb {

class BinaryWriter {
 public:
  std::string out;

  void u(std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void i(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void b(bool v) { out.push_back(v ? 1 : 0); }
  void s(std::string_view v) {
    u(v.size());
    out.append(v);
  }
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}

  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  std::size_t left() const { return static_cast<std::size_t>(end_ - p_); }

  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) return fail();
      auto c = static_cast<unsigned char>(*p_++);
      v |= static_cast<std::uint64_t>(c & 0x7F) << shift;
      if (!(c & 0x80)) return v;
    }
    return fail();
  }
  std::int64_t i() {
    std::uint64_t z = u();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  int i32() {
    std::int64_t v = i();
    if (v < INT32_MIN || v > INT32_MAX) return static_cast<int>(fail());
    return static_cast<int>(v);
  }
  bool b() {
    if (p_ == end_) return fail();
    char c = *p_++;
    if (c != 0 && c != 1) return fail();
    return c == 1;
  }
  void s(std::string& v) {
    std::uint64_t n = u();
    if (!ok_ || n > left()) {
      fail();
      return;
    }
    v.assign(p_, static_cast<std::size_t>(n));
    p_ += n;
  }
  /// A string, viewed where it lies in the data (empty once failed).
  std::string_view view() {
    std::uint64_t n = u();
    if (!ok_ || n > left()) {
      fail();
      return {};
    }
    std::string_view v(p_, static_cast<std::size_t>(n));
    p_ += n;
    return v;
  }
  /// A count of items that each take at least one byte (guards allocations against garbage).
  std::size_t count() {
    std::uint64_t n = u();
    if (!ok_ || n > left()) return static_cast<std::size_t>(fail());
    return static_cast<std::size_t>(n);
  }
  std::uint64_t fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

/// Bytes read a range at a time: the graph snapshot is read so, each part when the load
/// decodes it, into a buffer the reading thread reuses, so that a load neither reads the parts
/// it does not decode nor holds the file and the graph decoded from it in memory at once.
/// Thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual std::size_t size() const = 0;
  /// Copies the `n` bytes at `offset` to `out`; false when they lie past size() or cannot all
  /// be read (a file cut short meanwhile).
  virtual bool read(std::size_t offset, std::size_t n, char* out) const = 0;

  /// Reads the `n` bytes at `offset` into `buffer` (grown as needed, never shrunk, so a
  /// reused buffer is allocated once) and views them there; false when they cannot be read.
  bool read_into(std::size_t offset, std::size_t n, std::string& buffer, std::string_view& bytes) const {
    if (buffer.size() < n) buffer.resize(n);
    if (!read(offset, n, buffer.data())) return false;
    bytes = std::string_view(buffer.data(), n);
    return true;
  }
};

/// A ByteSource over bytes in memory (tests, the fuzzer).
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  std::size_t size() const override { return data_.size(); }
  bool read(std::size_t offset, std::size_t n, char* out) const override {
    if (offset > data_.size() || n > data_.size() - offset) return false;
    if (n > 0) std::memcpy(out, data_.data() + offset, n);
    return true;
  }

 private:
  std::string_view data_;
};

/// A 64-bit hash of `data`: detects corrupt or truncated cache data and changed file
/// contents. Not cryptographic; stable across runs and builds on one machine. Four lanes of
/// eight bytes each take 32 bytes a step (one lane's chain of multiplies would leave the core
/// waiting: the snapshot's 170 MB at 100k notes are hashed on every warm run).
inline std::uint64_t checksum64(std::string_view data) {
  constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xC2B2AE3D27D4EB4Full;
  auto mix = [](std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 33);
  };
  auto round = [](std::uint64_t h, const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h ^= w * k2;
    return ((h << 29) | (h >> 35)) * k1;
  };
  std::uint64_t lane[4] = {k1 ^ (data.size() * k2), k2, k1 + k2, k1 - k2};
  const char* p = data.data();
  std::size_t n = data.size();
  for (; n >= 32; p += 32, n -= 32)
    for (int i = 0; i < 4; ++i) lane[i] = round(lane[i], p + 8 * i);
  std::uint64_t h = lane[0];
  for (int i = 1; i < 4; ++i) h = (h ^ mix(lane[i])) * k1;
  for (; n >= 8; p += 8, n -= 8) h = round(h, p);
  std::uint64_t tail = 0;
  for (std::size_t k = 0; k < n; ++k) tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
  h ^= tail * k2;
  return mix(h);
}

/// Little-endian fixed-width integers, for headers that are patched after the payload is written.
inline void put_le(std::string& out, std::size_t at, std::uint64_t v, int bytes) {
  for (int k = 0; k < bytes; ++k) out[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}
inline std::uint64_t get_le(std::string_view data, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int k = 0; k < bytes; ++k) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(data[at + k])) << (8 * k);
  return v;
}

}  // namespace kb
