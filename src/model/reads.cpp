#include "reads.h"

#include <algorithm>
#include <string>

#include "kb/base/binary.h"

namespace kb {

std::uint32_t probe(Probe index, std::string_view key) {
  std::string text(1, static_cast<char>(index));
  text += key;
  return static_cast<std::uint32_t>(checksum64(text));
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
