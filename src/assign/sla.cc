// SLA text, defaults per category, and default next actions.
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "assign/assigner.h"
#include "assign/local_time.h"

namespace ringback {
namespace {

constexpr long long kMinute = 60;
constexpr long long kHour = 60 * kMinute;
constexpr long long kDay = 24 * kHour;
constexpr long long kMaxAmount = 366 * kDay;

struct Unit {
  std::string_view word;
  long long seconds;
};
constexpr std::array<Unit, 18> kUnits{{
    {"s", 1},          {"sec", 1},          {"secs", 1},         {"second", 1},
    {"seconds", 1},    {"m", kMinute},      {"min", kMinute},    {"mins", kMinute},
    {"minute", kMinute}, {"minutes", kMinute}, {"h", kHour},     {"hr", kHour},
    {"hrs", kHour},    {"hour", kHour},     {"hours", kHour},    {"d", kDay},
    {"day", kDay},     {"days", kDay},
}};

std::optional<long long> UnitSeconds(std::string_view word) {
  for (const Unit& u : kUnits)
    if (u.word == word) return u.seconds;
  return std::nullopt;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

Status SlaError(std::string_view text, std::string_view problem) {
  return Status::InvalidArgument("SLA \"" + std::string(text) + "\": " + std::string(problem) +
                                 "; expected a whole number and a unit (m, h or d), optionally "
                                 "followed by \"business\", e.g. \"15m\", \"2h business\", "
                                 "\"1d business\"");
}

// "N unit" / "N units" for people ("15 min", "2 business hours").
std::string HumanDuration(const Sla& sla) {
  const long long s = sla.amount.count();
  const std::string business = sla.business_time ? "business " : "";
  auto plural = [&](long long n, std::string_view unit) {
    return std::to_string(n) + " " + business + std::string(unit) + (n == 1 ? "" : "s");
  };
  if (s > 0 && s % kDay == 0) return plural(s / kDay, "day");
  if (s > 0 && s % kHour == 0) return plural(s / kHour, "hour");
  if (s % kMinute == 0) return std::to_string(s / kMinute) + " " + business + "min";
  return std::to_string(s) + " " + business + "s";
}

}  // namespace

StatusOr<Sla> ParseSla(std::string_view text) {
  const std::string lower = assign_internal::NormalizeName(text);
  if (lower.empty()) return SlaError(text, "empty");
  std::size_t digits = 0;
  while (digits < lower.size() && std::isdigit(static_cast<unsigned char>(lower[digits])))
    ++digits;
  if (digits == 0) return SlaError(text, "does not start with a number");
  if (digits > 9) return SlaError(text, "number too large");
  const long long number = std::stoll(lower.substr(0, digits));
  std::vector<std::string> words = SplitWords(std::string_view(lower).substr(digits));
  bool business = false;
  // Accept "business" before or after the unit ("4 business hours", "4 hours business").
  if (words.size() == 2 && (words[0] == "business" || words[1] == "business")) {
    business = true;
    words.erase(words[0] == "business" ? words.begin() : words.begin() + 1);
  } else if (words.size() == 2 && words[1] == "clock") {
    words.pop_back();
  }
  if (words.size() != 1) return SlaError(text, "unexpected words after the number");
  const auto unit = UnitSeconds(words[0]);
  if (!unit) return SlaError(text, "unknown unit \"" + words[0] + "\"");
  if (number == 0) return SlaError(text, "must be more than zero");
  if (number * *unit > kMaxAmount) return SlaError(text, "longer than 366 days");
  return Sla{Seconds(number * *unit), business};
}

std::string FormatSla(const Sla& sla) {
  const long long s = sla.amount.count();
  std::string out;
  if (s != 0 && s % kDay == 0) {
    out = std::to_string(s / kDay) + "d";
  } else if (s != 0 && s % kHour == 0) {
    out = std::to_string(s / kHour) + "h";
  } else if (s % kMinute == 0) {
    out = std::to_string(s / kMinute) + "m";
  } else {
    out = std::to_string(s) + "s";
  }
  return sla.business_time ? out + " business" : out;
}

Sla DefaultSla(Category c) {
  switch (c) {
    case Category::kEmergency: return {Seconds(15 * kMinute), false};
    case Category::kActiveEstimate: return {Seconds(2 * kHour), true};
    case Category::kOldEstimate: return {Seconds(kDay), true};
    case Category::kWarranty: return {Seconds(4 * kHour), true};
    case Category::kRoutine: return {Seconds(kDay), true};
    case Category::kUnknown: return {Seconds(2 * kHour), true};
    case Category::kDuplicate:
    case Category::kSpam:
    case Category::kStop: break;
  }
  return {};
}

Sla SlaFor(const CompanyConfig& config, Category c) {
  auto it = config.sla.find(c);
  return it != config.sla.end() ? it->second : DefaultSla(c);
}

std::string NextActionFor(const CompanyConfig& config, Category c) {
  if (auto it = config.next_action.find(c); it != config.next_action.end() && !it->second.empty())
    return it->second;
  switch (c) {
    case Category::kEmergency:
      return "Call within " + HumanDuration(SlaFor(config, c)) +
             "; if no answer, text the urgent note";
    case Category::kActiveEstimate:
      return "Call back to qualify the request and offer 2 inspection slots; if no answer, text";
    case Category::kOldEstimate:
      return "Text a short check-in on the estimate that is easy to decline; call if they reply";
    case Category::kWarranty:
      return "Call to book a warranty visit; if no answer, text 2 visit slots";
    case Category::kRoutine:
      return "Reply on the channel they used with the answer or 2 appointment slots";
    case Category::kUnknown:
      return "Call back to qualify the request; if no answer, text";
    case Category::kDuplicate:
    case Category::kSpam:
    case Category::kStop: break;
  }
  return "";
}

}  // namespace ringback
