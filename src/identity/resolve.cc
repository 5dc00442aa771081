#include "identity/resolve.h"

#include <algorithm>

#include "identity/phone.h"

namespace ringback {
namespace {

std::string Summarize(const Signal& s) {
  std::string text = s.text.empty() ? s.subject : s.text;
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  constexpr std::size_t kMax = 140;
  if (text.size() > kMax) {
    std::size_t cut = text.rfind(' ', kMax);
    if (cut == std::string::npos) {  // no space: cut at a UTF-8 character boundary
      cut = kMax;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    text = text.substr(0, cut) + "...";
  }
  return text;
}

Opportunity NewRow(const std::string& contact_key, const ClassifiedSignal& cs) {
  Opportunity o;
  o.id = OpportunityId(cs.signal.id);
  o.contact_key = contact_key;
  o.signal_ids = {cs.signal.id};
  o.channel = cs.signal.channel;
  o.channels = {cs.signal.channel};
  o.received_at = cs.signal.received_at;
  o.category = cs.category;
  o.confidence = cs.confidence;
  o.reasons = cs.reasons;
  o.trade = cs.trade;
  o.summary = Summarize(cs.signal);
  o.lead_source = cs.signal.lead_source;
  return o;
}

// Whether a new signal joins the contact's open opportunity. A spam caller's bare missed calls
// are part of the spam; a real request never hides inside an earlier spam row.
bool Joins(Category open, Category incoming) {
  if (open == Category::kSpam) return incoming == Category::kSpam || incoming == Category::kUnknown;
  return true;
}

// The primary takes over a more urgent joining signal's category, reasons and words.
void Absorb(Opportunity& primary, const ClassifiedSignal& cs) {
  primary.signal_ids.push_back(cs.signal.id);
  if (std::find(primary.channels.begin(), primary.channels.end(), cs.signal.channel) ==
      primary.channels.end())
    primary.channels.push_back(cs.signal.channel);
  if (primary.trade.empty()) primary.trade = cs.trade;
  if (primary.lead_source.empty()) primary.lead_source = cs.signal.lead_source;
  // Words beat silence: a missed call followed by a spam pitch is spam.
  const bool spam_over_silence = primary.category == Category::kUnknown && cs.category == Category::kSpam;
  // ...and silence after a spam pitch stays spam.
  const bool silence_after_spam = primary.category == Category::kSpam && cs.category == Category::kUnknown;
  if ((Urgency(cs.category) < Urgency(primary.category) && !silence_after_spam) || spam_over_silence) {
    primary.category = cs.category;
    primary.confidence = cs.confidence;
    primary.reasons = cs.reasons;
    primary.reasons.push_back(std::string("upgraded by a later ") +
                              std::string(ChannelName(cs.signal.channel)) + " (" +
                              FormatUtc(cs.signal.received_at) + ")");
    if (!Summarize(cs.signal).empty()) primary.summary = Summarize(cs.signal);
  } else if (primary.summary.empty()) {
    primary.summary = Summarize(cs.signal);
  }
}

}  // namespace

std::string OpportunityId(const std::string& signal_id) {
  return "R-" + signal_id.substr(0, std::min<std::size_t>(10, signal_id.size()));
}

std::vector<std::string> HandlesOf(const Signal& s) {
  std::vector<std::string> handles;
  if (!s.phone.empty()) handles.push_back(PhoneHandle(s.phone));
  if (!s.email.empty()) handles.push_back(EmailHandle(s.email));
  if (handles.empty()) {
    std::string digits;
    for (char c : s.phone_raw)
      if (c >= '0' && c <= '9') digits += c;
    if (!digits.empty()) handles.push_back("raw:" + digits);
  }
  return handles;
}

std::vector<Opportunity> ResolveContact(const std::string& contact_key,
                                        const std::vector<ClassifiedSignal>& signals,
                                        const ResolveOptions& options) {
  std::vector<Opportunity> rows;
  std::optional<std::size_t> open;  // index of the open primary in rows
  Timestamp last_at{};
  std::optional<Timestamp> stopped_at = options.stopped_at;
  for (const ClassifiedSignal& cs : signals) {
    const Timestamp at = cs.signal.received_at;
    if (open && at - last_at <= options.duplicate_window && Joins(rows[*open].category, cs.category)) {
      Opportunity dup = NewRow(contact_key, cs);
      dup.duplicate_of = rows[*open].id;
      dup.category = cs.category == Category::kStop ? Category::kStop : Category::kDuplicate;
      dup.reasons.insert(dup.reasons.begin(), "same contact as " + rows[*open].id + ", open since " +
                                                  FormatUtc(rows[*open].received_at));
      Absorb(rows[*open], cs);
      rows.push_back(std::move(dup));
    } else {
      rows.push_back(NewRow(contact_key, cs));
      open = rows.size() - 1;
    }
    if (cs.category == Category::kStop && (!stopped_at || at < *stopped_at)) stopped_at = at;
    last_at = at;
  }
  for (Opportunity& o : rows) {
    if (o.category == Category::kSpam || !o.duplicate_of.empty()) {
      o.status = OpportunityStatus::kClosed;
    }
    if (stopped_at && o.duplicate_of.empty() && o.category != Category::kSpam) {
      o.status = OpportunityStatus::kDoNotContact;
      if (o.category != Category::kStop)
        o.reasons.push_back("asked to stop on " + (options.time_zone.empty()
                                                       ? FormatUtc(*stopped_at).substr(0, 10)
                                                       : FormatLocal(*stopped_at, options.time_zone, "%F")));
    }
  }
  return rows;
}

}  // namespace ringback
