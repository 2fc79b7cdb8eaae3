#pragma once
// The data of the weekly briefing (SPEC §3): one ISO week's meetings with their attendees
// grouped by organization, the topics and who raised them, the action items to follow, the
// people met for the first time and next week's meetings. No layout here: render/report
// turns a WeeklyBriefing into Markdown or HTML through a template.

#include <cstddef>
#include <string>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"
#include "kb/query/actions.h"
#include "kb/query/week.h"

namespace kb {

struct AttendeeEntry {
  NodeId person;
  std::string role;  ///< the role given in the meeting, else of the affiliation then current
};

/// The attendees of one meeting who belonged to one organization (invalid: none known).
struct OrgGroup {
  NodeId org;
  std::vector<AttendeeEntry> people;  ///< in the order the meeting lists them
};

struct WeeklyMeeting {
  NodeId id;
  std::vector<OrgGroup> groups;  ///< organizations in the order of their first attendee; "none" last
};

struct WeeklyTopic {
  NodeId topic;
  std::vector<NodeId> orgs;      ///< organizations that raised it (see build_weekly)
  std::vector<NodeId> meetings;  ///< this week's meetings that discussed it, in date order
};

struct NewContact {
  NodeId person;
  NodeId org;        ///< at the first meeting
  std::string role;
  NodeId meeting;    ///< the first meeting
};

struct WeeklyBriefing {
  IsoWeek week;
  DateRange range;
  std::vector<WeeklyMeeting> meetings;  ///< date, time, id order
  std::vector<NodeId> organizations;    ///< met this week, home organization left out, by name
  std::vector<NodeId> people;           ///< every attendee of the week, by name
  std::vector<WeeklyTopic> topics;      ///< most meetings first, then by name
  std::vector<ActionRef> opened;        ///< every action item of this week's meetings
  std::vector<ActionRef> due_soon;      ///< open, due in the seven days after the week
  std::vector<ActionRef> overdue;       ///< open at the week's end, due on or before its Sunday
  std::vector<NewContact> new_contacts; ///< first meeting ever falls in this week, by date then name
  std::vector<NodeId> next_week;        ///< meetings of the following ISO week
};

/// Builds the briefing of week `w`.
/// - organizations met: those listed by a meeting or to which an attendee belonged on the
///   date, except the home organization (kb.yaml `home`) and its sub-organizations.
/// - a topic's organizations: the organizations listed by the meetings that discussed it,
///   home left out (all of them when that leaves none).
/// - "open at the week's end": not done, or done on a date after the week's Sunday.
/// - a new contact: a person outside the home organization whose first meeting in the whole
///   KB falls in this week.
WeeklyBriefing build_weekly(const KnowledgeBase& kb, const IsoWeek& w);

/// The attendees of `meeting` grouped by their organization on its date (as the briefing lists
/// them: in the order of each organization's first attendee, unknown organization last; each
/// person once).
WeeklyMeeting group_attendees(const KnowledgeBase& kb, NodeId meeting);

}  // namespace kb
