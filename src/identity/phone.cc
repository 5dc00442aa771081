#include "identity/phone.h"
#include "core/shared_cache.h"
#include "core/text.h"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cctype>

namespace ringback {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

// Distinct texts remembered, for all threads: exports repeat numbers (the business line on
// every row, a caller's several messages), and parsing one costs ~15 µs.
constexpr std::size_t kCacheSize = 1 << 16;

std::string Key(std::string_view region, std::string_view text) {
  std::string key(region);
  key += '|';
  key += text;
  return key;
}

PhoneNumber Parse(std::string_view text, std::string_view region) {
  PhoneNumber result;
  if (std::none_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    result.error = "not a phone number";
    return result;
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber number;
  auto code = util.Parse(std::string(text), std::string(region), &number);
  if (code != PhoneNumberUtil::NO_PARSING_ERROR) {
    result.error = "not a phone number";
    return result;
  }
  if (!util.IsValidNumber(number)) {
    result.error = util.IsPossibleNumber(number) ? "not a valid number" : "wrong length";
    return result;
  }
  util.Format(number, PhoneNumberUtil::E164, &result.e164);
  result.extension = number.extension();
  // Read back, some E.164 forms become another valid one: Mexico's old mobile "1" after 52,
  // which a local "1 1 495 352 9377" keeps (+5214953529377) and "+52 1 495 352 9377" drops
  // (+524953529377). The form that reads back as itself is kept: one person, one number.
  // North American numbers always read back as themselves (no national prefix or leading zero
  // can start a valid one), and the read-back costs as much as the parse: skipped for them.
  if (number.country_code() == 1) return result;
  i18n::phonenumbers::PhoneNumber again;
  if (util.Parse(result.e164, "ZZ", &again) == PhoneNumberUtil::NO_PARSING_ERROR && util.IsValidNumber(again))
    util.Format(again, PhoneNumberUtil::E164, &result.e164);
  return result;
}

}  // namespace

PhoneNumber ParsePhone(std::string_view raw, std::string_view region) {
  const std::string_view text = Trim(raw);
  PhoneNumber result;
  if (text.empty()) {
    result.error = "empty";
    return result;
  }
  if (text.size() > kMaxPhoneText) {
    result.error = "too long for a phone number";
    return result;
  }
  static SharedCache<PhoneNumber> cache(kCacheSize);
  return cache.Get(Key(region, text), [&] { return Parse(text, region); });
}

bool IsFixedLine(std::string_view e164) {
  if (e164.empty() || e164.size() > kMaxPhoneText) return false;
  static SharedCache<bool> cache(kCacheSize);  // as ParsePhone's
  return cache.Get(e164, [&] {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    return util.Parse(std::string(e164), "ZZ", &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
           util.GetNumberType(number) == PhoneNumberUtil::FIXED_LINE;
  });
}

std::string FormatPhoneForDisplay(std::string_view e164, std::string_view region) {
  if (e164.size() > kMaxPhoneText) return std::string(e164);
  static SharedCache<std::string> cache(kCacheSize);  // as ParsePhone's
  return cache.Get(Key(region, e164), [&] {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    std::string out(e164);
    if (util.Parse(std::string(e164), std::string(region), &number) == PhoneNumberUtil::NO_PARSING_ERROR) {
      std::string region_of_number;
      util.GetRegionCodeForNumber(number, &region_of_number);
      out.clear();
      util.Format(number, region_of_number == region ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL,
                  &out);
    }
    return out;
  });
}

std::string MaskPhone(std::string_view e164) {
  std::string digits;
  for (char c : e164)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (digits.size() < 4) return "***";
  return "***-***-" + digits.substr(digits.size() - 4);
}

std::string NormalizeEmail(std::string_view raw) {
  std::string_view text = Trim(raw);
  auto open = text.rfind('<');
  auto close = text.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open)
    text = Trim(text.substr(open + 1, close - open - 1));
  while (text.size() >= 7 && Lower(text.substr(0, 7)) == "mailto:")  // any case: "Mailto:" too
    text.remove_prefix(7);
  auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= text.size()) return "";
  if (text.find('@', at + 1) != std::string_view::npos) return "";
  auto domain = text.substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
    return "";
  for (char c : text)
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';' || c == '<' || c == '>')
      return "";
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string PhoneHandle(std::string_view e164) { return "tel:" + std::string(e164); }
std::string EmailHandle(std::string_view email) { return "mailto:" + std::string(email); }

}  // namespace ringback
