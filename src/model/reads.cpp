#include "reads.h"

#include <algorithm>
#include <string>

#include "kb/base/binary.h"

namespace kb {

std::uint32_t probe(Probe index, std::string_view key) {
  // The key's hash, told apart by index without copying the key (resolution's hot path).
  const std::uint64_t h = checksum64(key) ^ (static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ull);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

std::vector<std::uint32_t> offers(const Record& r) {
  std::vector<std::uint32_t> out;
  for (const auto& key : KnowledgeBase::name_keys(r)) out.push_back(probe(Probe::name, key));
  if (!r.rid.empty()) {
    out.push_back(probe(Probe::rid, r.rid));
    out.push_back(probe(Probe::file, KnowledgeBase::file_key(r.rid)));
  }
  settle_reads(out);
  return out;
}

std::vector<std::uint32_t> affiliation_offers(const Record& r) {
  std::vector<std::uint32_t> out;
  for (const auto& key : KnowledgeBase::name_keys(r)) out.push_back(probe(Probe::affiliations, key));
  return out;
}

void settle_reads(std::vector<std::uint32_t>& reads) {
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
}

}  // namespace kb
