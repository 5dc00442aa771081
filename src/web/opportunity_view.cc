#include "web/opportunity_view.h"

#include <algorithm>

#include "pipeline/audit.h"

namespace ringback::web {
namespace {

struct Entry {
  Timestamp at;
  std::string kind;
  std::string who;
  std::string detail;
};

std::string Excerpt(const std::string& text, std::size_t max = 280) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return text.substr(0, cut) + "…";
}

std::string Duration(std::int64_t seconds) {
  if (seconds < 0) return "";
  return std::to_string(seconds / 60) + "m " + std::to_string(seconds % 60) + "s";
}

Status AddSignals(Store& store, const Opportunity& o, std::vector<Entry>& out) {
  StatusOr<std::vector<Signal>> signals = store.SignalsFor(o.contact_key);
  if (!signals.ok()) return signals.status();
  for (const Signal& s : *signals) {
    std::string what = std::string(ChannelName(s.channel));
    if (s.channel == Channel::kCall) what += s.answered ? " answered" : " missed";
    std::string detail = s.subject.empty() ? s.text : s.subject + ": " + s.text;
    if (s.duration_seconds >= 0 && s.channel == Channel::kCall) detail = Duration(s.duration_seconds) + " " + detail;
    const bool mine = std::find(o.signal_ids.begin(), o.signal_ids.end(), s.id) != o.signal_ids.end();
    out.push_back({s.received_at, what + (mine ? "" : " (other request)"), s.name, Excerpt(detail)});
  }
  return Status::Ok();
}

Status AddAttempts(Store& store, const Opportunity& o, std::vector<Entry>& out) {
  StatusOr<std::vector<Attempt>> attempts = store.AttemptsFor(o.contact_key);
  if (!attempts.ok()) return attempts.status();
  for (const Attempt& a : *attempts)
    out.push_back({a.at, "outbound " + std::string(ChannelName(a.channel)), a.actor,
                   a.duration_seconds >= 0 ? Duration(a.duration_seconds) : std::string()});
  return Status::Ok();
}

Status AddOutcomesAndEvents(Store& store, const Opportunity& o, std::vector<Entry>& out) {
  StatusOr<std::vector<Outcome>> outcomes = store.OutcomesFor(o.id);
  if (!outcomes.ok()) return outcomes.status();
  for (const Outcome& x : *outcomes)
    if (!x.inferred)  // inferred outcomes restate the outbound calls already listed
      out.push_back({x.at, "outcome: " + std::string(OutcomeName(x.kind)), x.actor, x.note});
  StatusOr<std::vector<TimelineEvent>> events = store.EventsFor(o.id);
  if (!events.ok()) return events.status();
  for (const TimelineEvent& e : *events) out.push_back({e.at, e.kind, e.actor, e.detail});
  StatusOr<std::vector<Suppression>> stops = store.StopsFor(o.contact_key);
  if (!stops.ok()) return stops.status();
  for (const Suppression& s : *stops)
    out.push_back({s.at, "asked to stop (" + std::string(ChannelName(s.channel)) + ")", "", Excerpt(s.words)});
  return Status::Ok();
}

}  // namespace

Json CardJson(const Opportunity& o, const CompanyConfig& config, Timestamp now) {
  Json channels = Json::array();
  for (Channel c : o.channels) channels.push_back(std::string(ChannelName(c)));
  const bool overdue = o.status == OpportunityStatus::kOverdue ||
                       (o.status == OpportunityStatus::kOpen && o.deadline && *o.deadline < now);
  return {{"id", o.id},
          {"contact", o.contact_display},
          {"category", std::string(CategoryName(o.category))},
          {"channel", std::string(ChannelName(o.channel))},
          {"channels", channels},
          {"status", std::string(StatusName(o.status))},
          {"overdue", overdue},
          {"owner", o.owner},
          {"deadline", o.deadline ? Local(*o.deadline, config) : std::string()},
          {"deadline_iso", o.deadline ? FormatLocalIso(*o.deadline, config.time_zone) : std::string()},
          {"received", Local(o.received_at, config)},
          {"next_action", o.next_action},
          {"summary", o.summary},
          {"escalations", o.escalations}};
}

StatusOr<Json> DetailJson(Store& store, const Opportunity& o, const CompanyConfig& config, Timestamp now) {
  Json j = CardJson(o, config, now);
  j["backup_owner"] = o.backup_owner;
  j["trade"] = o.trade;
  j["duplicate_of"] = o.duplicate_of;
  j["confidence"] = o.confidence;
  j["reasons"] = o.reasons;
  StatusOr<std::optional<Suppression>> stop = store.StopFor(o.contact_key);
  if (!stop.ok()) return stop.status();
  if (*stop) {
    j["stop"] = {{"words", (*stop)->words}, {"at", Local((*stop)->at, config)},
                 {"channel", std::string(ChannelName((*stop)->channel))}};
  } else if (!o.draft.empty() && o.status != OpportunityStatus::kDoNotContact) {
    // Nothing is drafted for a contact who asked to stop, whatever the stored row says.
    const std::optional<Timestamp> send_after = DraftSendAfter(o, config, now);
    const std::string label = o.draft_channel == "email" ? "Email" : o.draft_channel == "call" ? "Call script" : "Text message";
    j["draft"] = {{"text", o.draft}, {"send_after", send_after ? Local(*send_after, config) : std::string()},
                  {"channel_label", label}};
    j["draft_channel"] = o.draft_channel;
  }
  std::vector<Entry> entries;
  for (auto add : {AddSignals, AddAttempts, AddOutcomesAndEvents})
    if (Status s = add(store, o, entries); !s.ok()) return s;
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.at < b.at; });
  Json timeline = Json::array();
  for (const Entry& e : entries)
    timeline.push_back({{"at", Local(e.at, config)}, {"kind", e.kind}, {"who", e.who}, {"detail", e.detail}});
  j["timeline"] = timeline;
  return j;
}

}  // namespace ringback::web
