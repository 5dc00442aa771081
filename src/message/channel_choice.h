// Which channel a draft is written for: from how the person reached out and what the company
// may use ([drafts] channels). An emergency with a phone gets a call script; a channel the
// person asked for ("email is best") comes next; then their own channel: an email is answered
// by email, a call, voicemail or text by a text, a form or profile message by a text when there
// is a number that takes texts, else by email. A landline gets a call script, never a text. A
// channel the person refused ("no texts please", "email only") is never chosen, an emergency's
// call included; when every channel that reaches them is refused there is no draft. A channel the
// caller sets (a recovery follow-up's text) is used when it reaches them and they did not refuse
// it, here or in the request's `refused` (an earlier message); otherwise the choice above. Pure.
#pragma once

#include <optional>
#include <string>

#include "message/draft_request.h"
#include "message/request_facts.h"

namespace ringback {

struct ChannelChoice {
  std::optional<DraftChannel> channel;  // nullopt: no channel the company uses reaches them
  std::string why;                      // "they wrote by email", "a landline: call, do not text"
};

ChannelChoice ChooseDraftChannel(const DraftRequest& request, const RequestFacts& facts);

// True when the company may write drafts for `channel` ([drafts] channels; empty: every one).
bool CompanyUses(const CompanyConfig* company, DraftChannel channel);

// True when a draft on `channel` can reach the contact: a phone that takes texts for sms, an
// email address for email, any phone for a call.
bool Reaches(const DraftRequest& request, DraftChannel channel);

}  // namespace ringback
