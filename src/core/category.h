// The categories a signal or opportunity can have, and the channels signals arrive on.
#pragma once

#include <optional>
#include <string_view>

namespace ringback {

enum class Category {
  kEmergency,
  kActiveEstimate,
  kOldEstimate,
  kWarranty,
  kRoutine,
  kUnknown,    // nothing to go on (a missed call with no voicemail): still called back
  kDuplicate,  // the same request already open (decided by identity, not by text)
  kSpam,
  kStop,       // do-not-contact: always wins, on every channel
};

// "emergency", "active_estimate", ... as used in queue.csv and JSON.
std::string_view CategoryName(Category c);
std::optional<Category> ParseCategory(std::string_view name);

// True for the categories that are a real opportunity someone must call back.
bool IsReal(Category c);

// Rank used when one opportunity gathers several signals: lower is more urgent.
// stop < emergency < warranty < active_estimate < old_estimate < routine < unknown < spam.
int Urgency(Category c);

enum class Channel { kCall, kVoicemail, kForm, kSms, kEmail, kProfile };

// "call", "voicemail", "form", "sms", "email", "profile".
std::string_view ChannelName(Channel c);
std::optional<Channel> ParseChannel(std::string_view name);

// A channel as people write it: the names above plus the usual aliases, case, spaces, '-'
// and '_' ignored ("SMS", "text", "txt", "mms" -> sms; "vm", "voice mail" -> voicemail;
// "phone" -> call; "web", "webform", "website" -> form; "mail", "e-mail" -> email; "gbp",
// "gmb", "google", "business profile", "Google Business Profile" -> profile). nullopt when
// it is none of them.
std::optional<Channel> ParseChannelAlias(std::string_view text);

}  // namespace ringback
