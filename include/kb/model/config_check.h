#pragma once
// `kb check` of kb.yaml itself: settings kb does not know (a typo is silently ignored
// otherwise), a `home:` that names no organization, a `timezone:` that is no IANA zone.

#include "kb/base/diag.h"
#include "kb/model/graph.h"

namespace kb {

/// The settings kb.yaml may hold, in the order the docs list them.
const std::vector<std::string>& known_settings();

/// Warnings for kb.yaml of the loaded `kb`, at the setting's line, with "did you mean".
void check_config(const KnowledgeBase& kb, DiagSink& diags);

}  // namespace kb
