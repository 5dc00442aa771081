// Callback drafts: short, human, honest texts per category, from Mustache templates compiled
// into the binary (templates/draft_sms.mustache). Rules are enforced here, not suggested:
// there is never a draft for spam, a duplicate, a stop, or a contact who asked to stop.
#pragma once

#include <string>

#include "core/category.h"

namespace ringback {

struct DraftInput {
  Category category = Category::kUnknown;
  bool do_not_contact = false;  // the contact asked to stop, on any channel
  std::string contact_name;     // full name as known; may be empty or "WIRELESS CALLER"
  std::string agent_name;       // the owner who will send it; may be empty
  std::string company_name;
  std::string summary;          // the request in a few words; may be empty
};

// The callback text, or an empty string when no draft may be written.
std::string DraftCallback(const DraftInput& input);

// The first name worth greeting someone with: "Jane" from "Jane Doe", "" from "WIRELESS
// CALLER", "Anonymous", a phone number or initials.
std::string GreetingName(const std::string& full_name);

}  // namespace ringback
