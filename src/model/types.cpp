#include "kb/model/types.h"

#include "kb/base/text.h"

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

}  // namespace kb
