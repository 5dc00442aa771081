#include "core/category.h"

#include <array>
#include <string>
#include <utility>

namespace ringback {
namespace {

constexpr std::array<std::pair<Category, std::string_view>, 9> kCategories{{
    {Category::kEmergency, "emergency"},
    {Category::kActiveEstimate, "active_estimate"},
    {Category::kOldEstimate, "old_estimate"},
    {Category::kWarranty, "warranty"},
    {Category::kRoutine, "routine"},
    {Category::kUnknown, "unknown"},
    {Category::kDuplicate, "duplicate"},
    {Category::kSpam, "spam"},
    {Category::kStop, "stop"},
}};

constexpr std::array<std::pair<Channel, std::string_view>, 6> kChannels{{
    {Channel::kCall, "call"},
    {Channel::kVoicemail, "voicemail"},
    {Channel::kForm, "form"},
    {Channel::kSms, "sms"},
    {Channel::kEmail, "email"},
    {Channel::kProfile, "profile"},
}};

}  // namespace

std::string_view CategoryName(Category c) {
  for (const auto& [cat, name] : kCategories)
    if (cat == c) return name;
  return "unknown";
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (const auto& [cat, n] : kCategories)
    if (n == name) return cat;
  return std::nullopt;
}

bool IsReal(Category c) {
  switch (c) {
    case Category::kEmergency:
    case Category::kActiveEstimate:
    case Category::kOldEstimate:
    case Category::kWarranty:
    case Category::kRoutine:
    case Category::kUnknown:
      return true;
    default:
      return false;
  }
}

int Urgency(Category c) {
  switch (c) {
    case Category::kStop: return 0;
    case Category::kEmergency: return 1;
    case Category::kWarranty: return 2;
    case Category::kActiveEstimate: return 3;
    case Category::kOldEstimate: return 4;
    case Category::kRoutine: return 5;
    case Category::kUnknown: return 6;
    case Category::kDuplicate: return 7;
    case Category::kSpam: return 8;
  }
  return 9;
}

std::string_view ChannelName(Channel c) {
  for (const auto& [ch, name] : kChannels)
    if (ch == c) return name;
  return "call";
}

std::optional<Channel> ParseChannel(std::string_view name) {
  for (const auto& [ch, n] : kChannels)
    if (n == name) return ch;
  return std::nullopt;
}

std::optional<Channel> ParseChannelAlias(std::string_view text) {
  // Lower case, with spaces, '-', '_' and '.' dropped: "Voice Mail" and "voice-mail" are "voicemail".
  std::string key;
  for (char ch : text) {
    if (ch == ' ' || ch == '-' || ch == '_' || ch == '.' || ch == '\t') continue;
    key += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  static constexpr std::array<std::pair<std::string_view, Channel>, 33> kAliases{{
      {"call", Channel::kCall},           {"calls", Channel::kCall},
      {"phone", Channel::kCall},          {"phonecall", Channel::kCall},
      {"missedcall", Channel::kCall},     {"voicemail", Channel::kVoicemail},
      {"voicemails", Channel::kVoicemail}, {"vm", Channel::kVoicemail},
      {"voicemessage", Channel::kVoicemail}, {"form", Channel::kForm},
      {"forms", Channel::kForm},          {"web", Channel::kForm},
      {"webform", Channel::kForm},        {"website", Channel::kForm},
      {"contactform", Channel::kForm},    {"sms", Channel::kSms},
      {"text", Channel::kSms},            {"texts", Channel::kSms},
      {"txt", Channel::kSms},             {"mms", Channel::kSms},
      {"textmessage", Channel::kSms},     {"email", Channel::kEmail},
      {"mail", Channel::kEmail},          {"emails", Channel::kEmail},
      {"profile", Channel::kProfile},     {"gbp", Channel::kProfile},
      {"gmb", Channel::kProfile},         {"google", Channel::kProfile},
      {"businessprofile", Channel::kProfile}, {"googlebusinessprofile", Channel::kProfile},
      {"googlemybusiness", Channel::kProfile}, {"googlebusiness", Channel::kProfile},
      {"googlebusinessmessages", Channel::kProfile},
  }};
  for (const auto& [alias, channel] : kAliases)
    if (alias == key) return channel;
  return std::nullopt;
}

}  // namespace ringback
