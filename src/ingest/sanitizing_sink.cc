#include "ingest/sanitizing_sink.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>

#include "identity/phone.h"
#include "identity/sanitize.h"

namespace ringback {
namespace {

// 20 letters (80 bits) of HMAC-SHA256(key, text), one letter a-p per half byte: no digits, so
// MaskPhone() finds only the last four digits appended after it.
std::string KeyedLetters(std::string_view key, std::string_view text) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()),
       text.size(), mac, &len);
  std::string out;
  for (unsigned int i = 0; i < 10 && i < len; ++i) {
    out += static_cast<char>('a' + (mac[i] >> 4));
    out += static_cast<char>('a' + (mac[i] & 0xf));
  }
  return out;
}

std::string Digits(std::string_view s) {
  std::string d;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) d += c;
  return d;
}

// A number present but not valid: kept as its last four digits plus a keyed number, so the
// store's "raw:<digits>" handle still links the same raw number and nothing more of it shows.
std::string SanitizedRaw(std::string_view raw, std::string_view key) {
  const std::string digits = Digits(raw);
  if (digits.empty()) return std::string(raw.empty() ? "" : "(withheld)");
  std::string keyed;
  for (char c : KeyedLetters(key, "raw:" + digits).substr(0, 12)) keyed += static_cast<char>('0' + (c - 'a') % 10);
  return MaskPhone(digits) + " #" + keyed;
}

}  // namespace

std::string SanitizedPhone(std::string_view e164, std::string_view key) {
  const std::string digits = Digits(e164);
  const std::string last4 = digits.size() >= 4 ? digits.substr(digits.size() - 4) : digits;
  return "h:" + KeyedLetters(key, "tel:" + std::string(e164)) + "-" + last4;
}

std::string SanitizedEmail(std::string_view email, std::string_view key) {
  return "h." + KeyedLetters(key, "mailto:" + std::string(email)) + "@sanitized.invalid";
}

SanitizingSink::SanitizingSink(ImportSink& next, std::string key) : next_(next), key_(std::move(key)) {}

std::string SanitizingSink::Phone(std::string_view e164) const {
  return e164.empty() ? std::string() : SanitizedPhone(e164, key_);
}

std::string SanitizingSink::Email(std::string_view email) const {
  return email.empty() ? std::string() : SanitizedEmail(email, key_);
}

Status SanitizingSink::OnSignal(const Signal& signal) {
  Signal s = signal;
  s.name = Initials(signal.name);
  s.phone = Phone(signal.phone);
  s.phone_raw = signal.phone.empty() ? SanitizedRaw(signal.phone_raw, key_) : MaskPhone(signal.phone);
  s.email = Email(signal.email);
  // The caller's own name in their words goes too, while the full name is still known.
  s.subject = ScrubName(ScrubText(signal.subject), signal.name);
  s.text = ScrubName(ScrubText(signal.text), signal.name);
  return next_.OnSignal(s);
}

Status SanitizingSink::OnAttempt(const Attempt& attempt) {
  Attempt a = attempt;
  a.phone = Phone(attempt.phone);
  a.email = Email(attempt.email);
  return next_.OnAttempt(a);
}

Status SanitizingSink::OnEstimate(const Estimate& estimate) {
  Estimate e = estimate;
  e.name = Initials(estimate.name);
  e.phone = Phone(estimate.phone);
  e.email = Email(estimate.email);
  return next_.OnEstimate(e);
}

Status SanitizingSink::OnReject(const Reject& reject) {
  Reject r = reject;
  r.reason = ScrubText(reject.reason);
  return next_.OnReject(r);
}

}  // namespace ringback
