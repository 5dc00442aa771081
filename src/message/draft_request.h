// What a callback draft is written from: the opportunity's own signals, what is known of the
// contact (name, phone, email, estimates), who sends it and the company's settings. The
// pipeline fills it from facts it already holds; the draft stage reads nothing else.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/company_config.h"
#include "core/time.h"
#include "message/draft_channel.h"

namespace ringback {

// One inbound signal of the opportunity, as the person sent it.
struct DraftSignal {
  Channel channel = Channel::kCall;
  Timestamp received_at{};
  std::string subject;  // email subject; empty otherwise
  std::string text;     // message, transcript or form text; empty for a bare missed call
};

// One estimate of the contact, from an estimate export.
struct DraftEstimate {
  std::string number;  // the CRM's number: "3897"
  std::string what;    // what it was for, as the export says: "Roof Replacement"
  std::string status;  // lower case: "sent", "approved", "declined"...
  Timestamp sent_at{};
};

struct DraftRequest {
  Category category = Category::kUnknown;
  bool do_not_contact = false;        // the contact asked to stop, on any channel
  std::vector<DraftSignal> signals;   // the opportunity's signals, oldest first
  std::string contact_name;           // full name as known; may be empty or "WIRELESS CALLER"
  std::string phone;                  // E.164; empty when none
  bool landline = false;              // the phone cannot take texts (a fixed line)
  std::string email;                  // empty when none
  std::vector<DraftEstimate> estimates;
  std::string trade;                  // "roofing", "hvac"... when known
  std::string summary;                // the request in a few words; may be empty
  std::string agent_name;             // the owner who will send it; may be empty
  std::string agent_phone;            // the owner's direct number as it should read; may be empty
  // The company: name, phone, time zone, [drafts] channels and languages, templates. Required.
  const CompanyConfig* company = nullptr;
  Timestamp as_of{};                  // when the draft is written ("on Thursday" vs a date)
  // Write for this channel whatever the person used (recovery follow-ups, previews), unless
  // they refused it.
  std::optional<DraftChannel> channel;
  // Channels the contact refused in messages not among `signals` (a recovery follow-up's
  // contact, read when the plan was ranked): never chosen, as if refused here.
  std::vector<DraftChannel> refused;
};

}  // namespace ringback
