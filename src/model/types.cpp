#include "kb/model/types.h"

#include "kb/base/text.h"
#include "kb/parse/markdown.h"

namespace kb {

std::string_view to_string(RecordType t) {
  switch (t) {
    case RecordType::note: return "note";
    case RecordType::meeting: return "meeting";
    case RecordType::person: return "person";
    case RecordType::organization: return "organization";
    case RecordType::topic: return "topic";
    case RecordType::event: return "event";
  }
  return "note";
}

std::optional<RecordType> parse_record_type(std::string_view text) {
  std::string t = to_lower_ascii(trim(text));
  if (t == "meeting" || t == "meetings") return RecordType::meeting;
  if (t == "person" || t == "people" || t == "persons") return RecordType::person;
  if (t == "organization" || t == "organizations" || t == "org" || t == "orgs" ||
      t == "organisation" || t == "organisations")
    return RecordType::organization;
  if (t == "topic" || t == "topics") return RecordType::topic;
  if (t == "event" || t == "events") return RecordType::event;
  if (t == "note" || t == "notes") return RecordType::note;
  return std::nullopt;
}

std::string_view default_folder(RecordType t) {
  switch (t) {
    case RecordType::meeting: return "meetings";
    case RecordType::person: return "people";
    case RecordType::organization: return "orgs";
    case RecordType::topic: return "topics";
    case RecordType::event: return "events";
    case RecordType::note: return "notes";
  }
  return "notes";
}

std::string record_id(std::string_view path) {
  if (path.size() >= 3 && path.substr(path.size() - 3) == ".md") path.remove_suffix(3);
  return nfc(path);
}

Value inline_fields(const NoteText& text) {
  Value out;
  out.kind = Value::Kind::mapping;
  const SharedPath path(text.fields.loc.path);
  for (auto& f : find_inline_fields(path, text.body, 1)) {
    Value v;
    v.kind = Value::Kind::scalar;
    v.text = std::move(f.value);
    v.loc = f.loc;
    Value* have = out.find_property(f.key) ? out.find(out.property_name(f.key)) : nullptr;
    if (!have) {
      out.entries.emplace_back(std::move(f.key), std::move(v));
      continue;
    }
    if (!have->is_sequence()) {
      Value first = std::move(*have);
      *have = Value{};
      have->kind = Value::Kind::sequence;
      have->loc = first.loc;
      have->items.push_back(std::move(first));
    }
    have->items.push_back(std::move(v));
  }
  return out;
}

const Value* find_field(const NoteText& text, std::string_view key, Value& scratch) {
  if (const Value* v = text.fields.find_property(key)) return v;
  if (text.body.find("::") == std::string::npos) return nullptr;
  Value all = inline_fields(text);
  const std::string_view name = all.property_name(key);
  if (name.empty()) return nullptr;
  scratch = std::move(*all.find(name));
  return &scratch;
}

}  // namespace kb
