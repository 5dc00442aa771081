// Phone and email handles (ParsePhone with libphonenumber, the length bound before it,
// display formats, NormalizeEmail).
// Invariants: a parsed phone is '+' and digits (libphonenumber allows national numbers of up
// to 17 digits, longer than E.164's 15) and parses again to itself; a refused one says why;
// display and masked forms are valid UTF-8; NormalizeEmail is idempotent, lower case, and
// valid UTF-8 when its input is. The first byte picks the region.
#include "fuzz/fuzz_support.h"
#include "identity/phone.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kRegions[] = {"US", "CA", "GB", "MX", "DE", "PH", "", "ZZ"};
  const std::string region = kRegions[data[0] % 8];
  const std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);
  const PhoneNumber phone = ParsePhone(raw, region);
  if (phone.ok()) {
    fuzz::Require(phone.e164.size() <= 20 && phone.e164[0] == '+' &&
                      phone.e164.find_first_not_of("0123456789", 1) == std::string::npos,
                  "phone is not E.164", phone.e164);
    fuzz::Require(ParsePhone(phone.e164, region).e164 == phone.e164, "E.164 does not parse to itself", phone.e164);
    fuzz::RequireUtf8(FormatPhoneForDisplay(phone.e164, region), "display phone is not UTF-8");
    fuzz::RequireUtf8(MaskPhone(phone.e164), "masked phone is not UTF-8");
    fuzz::RequireUtf8(phone.extension, "extension is not UTF-8");
    (void)IsFixedLine(phone.e164);
  } else {
    fuzz::Require(!phone.error.empty(), "refused phone without a reason");
    fuzz::RequireUtf8(phone.error, "phone error is not UTF-8");
  }
  const std::string email = NormalizeEmail(raw);
  fuzz::Require(NormalizeEmail(email) == email, "NormalizeEmail is not idempotent", email);
  for (char c : email) fuzz::Require(!(c >= 'A' && c <= 'Z'), "normalized email has upper case", email);
  if (IsValidUtf8(raw)) fuzz::RequireUtf8(email, "normalized email is not UTF-8");
  return 0;
}
