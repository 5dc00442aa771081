#include "identity/phone.h"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cctype>

namespace ringback {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

PhoneNumber ParsePhone(std::string_view raw, std::string_view region) {
  PhoneNumber result;
  std::string_view text = Trim(raw);
  if (text.empty()) {
    result.error = "empty";
    return result;
  }
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
  return result;
}

bool IsFixedLine(std::string_view e164) {
  if (e164.empty()) return false;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber number;
  if (util.Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  return util.GetNumberType(number) == PhoneNumberUtil::FIXED_LINE;
}

std::string FormatPhoneForDisplay(std::string_view e164, std::string_view region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber number;
  if (util.Parse(std::string(e164), std::string(region), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return std::string(e164);
  std::string region_of_number;
  util.GetRegionCodeForNumber(number, &region_of_number);
  std::string out;
  util.Format(number,
              region_of_number == region ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL,
              &out);
  return out;
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
  if (text.size() >= 7 && (text.substr(0, 7) == "mailto:" || text.substr(0, 7) == "MAILTO:"))
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
