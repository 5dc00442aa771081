// Sanitize on import: what is stored and shown can be handed to someone outside the office.
// Names become initials, phones keep only their last four digits for display, emails, phone
// numbers and street addresses are removed from free text. The matching keys stay stable:
// a phone or email is replaced by a keyed hash (HMAC-SHA256 with a key the caller keeps), so
// the same person in two exports, or in two runs with the same key, still links.
//
//   Signal.phone    "+15125550142"      -> "h:jdkaombcgefhinlpacdb-0142" (handle "tel:h:…-0142")
//   Signal.phone_raw "(512) 555-0142"   -> "***-***-0142"
//   Signal.email    "jane@example.com"  -> "h.ocpgmkbjdaeflhnikcpa@sanitized.invalid"
//   Signal.name     "Jane Q. Doe"       -> "J.Q.D."
//   Signal.text / subject, Reject.reason: ScrubText (emails, phones, addresses removed)
//
// The hashed phone ends in the real last four digits so MaskPhone() shows them; its letters
// hold no digit, so nothing else of the number can be read back.
#pragma once

#include <string>
#include <string_view>

#include "ingest/import_sink.h"

namespace ringback {

// "h:" + 20 letters of HMAC-SHA256(key, "tel:" + e164) + "-" + the last four digits.
std::string SanitizedPhone(std::string_view e164, std::string_view key);
// "h." + 20 letters of HMAC-SHA256(key, "mailto:" + email) + "@sanitized.invalid".
std::string SanitizedEmail(std::string_view email, std::string_view key);

class SanitizingSink final : public ImportSink {
 public:
  // `key` must not be empty.
  SanitizingSink(ImportSink& next, std::string key);

  Status OnSignal(const Signal& signal) override;
  Status OnAttempt(const Attempt& attempt) override;
  Status OnEstimate(const Estimate& estimate) override;
  Status OnReject(const Reject& reject) override;

 private:
  std::string Phone(std::string_view e164) const;
  std::string Email(std::string_view email) const;

  ImportSink& next_;
  std::string key_;
};

}  // namespace ringback
