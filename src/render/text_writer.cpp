#include "text_writer.h"

#include "json_values.h"

namespace kb {

std::string action_text(const KnowledgeBase& kb, const ActionRef& ref) {
  const Action& a = action_at(kb, ref);
  const std::string text = plain_text(a.text);
  std::string s = (a.done ? "[x] " : a.cancelled ? "[-] " : "[ ] ") + text;
  // The owner once: not again when the text names them already.
  if (const Record* o = kb.lookup(a.owner); o && text.find(o->name) == std::string::npos) s += "  (owner: " + o->name + ")";
  s += "  " + kb.at(ref.meeting).rid + ":" + std::to_string(a.loc.line);
  return s;
}

}  // namespace kb
