#include "message/channel_choice.h"

#include <algorithm>

namespace ringback {

bool CompanyUses(const CompanyConfig* company, DraftChannel channel) {
  if (!company || company->draft_channels.empty()) return true;
  const auto& c = company->draft_channels;
  return std::find(c.begin(), c.end(), DraftChannelName(channel)) != c.end();
}

bool Reaches(const DraftRequest& r, DraftChannel channel) {
  switch (channel) {
    case DraftChannel::kSms: return !r.phone.empty() && !r.landline;
    case DraftChannel::kEmail: return !r.email.empty();
    case DraftChannel::kCall: return !r.phone.empty();
  }
  return false;
}

ChannelChoice ChooseDraftChannel(const DraftRequest& r, const RequestFacts& facts) {
  auto can = [&](DraftChannel c) { return CompanyUses(r.company, c) && Reaches(r, c) && !Refuses(facts, c); };
  if (r.channel && can(*r.channel)) return {r.channel, "asked for by the caller"};
  if (r.category == Category::kEmergency && can(DraftChannel::kCall))
    return {DraftChannel::kCall, "an emergency: call first"};
  if (facts.asked_for && can(*facts.asked_for))
    return {facts.asked_for, "they asked to be answered by " + std::string(DraftChannelName(*facts.asked_for))};
  if (r.landline && can(DraftChannel::kCall)) return {DraftChannel::kCall, "a landline: call, do not text"};
  const Channel latest = r.signals.empty() ? Channel::kCall : r.signals.back().channel;
  std::vector<DraftChannel> order;
  std::string how;
  switch (latest) {
    case Channel::kEmail:
      order = {DraftChannel::kEmail, DraftChannel::kSms, DraftChannel::kCall};
      how = "they wrote by email";
      break;
    case Channel::kCall:
    case Channel::kVoicemail:
      order = {DraftChannel::kSms, DraftChannel::kCall, DraftChannel::kEmail};
      how = "they called";
      break;
    case Channel::kSms:
      order = {DraftChannel::kSms, DraftChannel::kCall, DraftChannel::kEmail};
      how = "they texted";
      break;
    case Channel::kForm:
    case Channel::kProfile:
      order = {DraftChannel::kSms, DraftChannel::kEmail, DraftChannel::kCall};
      how = latest == Channel::kForm ? "they used the web form" : "they wrote on the Business Profile";
      break;
  }
  if (r.signals.empty()) how = "a follow-up with no message of theirs";
  const std::string first(DraftChannelName(order.front()));
  const std::string passed = Refuses(facts, order.front()) ? "they asked not to be reached by " + first
                                                            : first + " is not used or does not reach them";
  for (std::size_t i = 0; i < order.size(); ++i)
    if (can(order[i])) return {order[i], i == 0 ? how : how + "; " + passed};
  if (!facts.refused.empty()) return {std::nullopt, "no channel they accept reaches them"};
  return {std::nullopt, "no channel the company uses reaches them"};
}

}  // namespace ringback
