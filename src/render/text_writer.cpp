#include "text_writer.h"

#include <fmt/format.h>

#include "json_values.h"

namespace kb {

std::string action_text(const KnowledgeBase& kb, const ActionRef& ref) {
  const Action& a = action_at(kb, ref);
  const std::string text = plain_text(a.text);
  const char* box = a.done ? "[x]" : a.cancelled ? "[-]" : "[ ]";
  // The owner once: not again when the text names them already.
  std::string owner;
  if (const Record* o = kb.lookup(a.owner); o && text.find(o->name) == std::string::npos)
    owner = fmt::format("  (owner: {})", o->name);
  return fmt::format("{} {}{}  {}:{}", box, text, owner, kb.at(ref.meeting).rid, a.loc.line);
}

}  // namespace kb
