#include "review/calculator_input.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

namespace ringback {

// A number spelled out whole: no sign, no exponent, no trailing text.
std::optional<double> ParseNumber(std::string_view text) {
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.')) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// "12" -> 12; at most a million, which no contractor misses in a week.
std::optional<int> ParseCount(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 1'000'000)
    return std::nullopt;
  return value;
}

// "0.35" or "35%" -> 0.35; nullopt outside [0, 1].
std::optional<double> ParseRate(std::string_view text) {
  const bool percent = text.ends_with('%');
  std::optional<double> value = ParseNumber(percent ? text.substr(0, text.size() - 1) : text);
  if (value && percent) *value /= 100;
  if (!value || *value > 1) return std::nullopt;
  return value;
}

// "8500", "8500.50", "$8500" -> cents. No thousands separators: a comma separates list items.
std::optional<std::int64_t> ParseDollars(std::string_view text) {
  if (text.starts_with('$')) text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  if (dot != std::string_view::npos && text.size() - dot - 1 > 2) return std::nullopt;  // cents at most
  std::optional<double> value = ParseNumber(text);
  if (!value || *value > 1e9) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(*value * 100));
}

// "5m", "90m", "2h", "1d", "1h30m", "45s", "1.5h", "0" -> seconds; at most a year.
std::optional<Seconds> ParseDelay(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text == "0") return Seconds(0);
  static const std::map<std::string_view, double> kUnits = {
      {"s", 1}, {"sec", 1}, {"m", 60}, {"min", 60}, {"h", 3600}, {"hr", 3600}, {"d", 86400}};
  double total = 0;
  while (!text.empty()) {
    std::size_t n = 0;
    while (n < text.size() && (std::isdigit(static_cast<unsigned char>(text[n])) || text[n] == '.')) ++n;
    std::size_t u = n;
    while (u < text.size() && std::isalpha(static_cast<unsigned char>(text[u]))) ++u;
    const std::optional<double> number = ParseNumber(text.substr(0, n));
    const auto unit = kUnits.find(text.substr(n, u - n));
    if (!number || unit == kUnits.end()) return std::nullopt;
    total += *number * unit->second;
    text.remove_prefix(u);
  }
  if (total > 365.0 * 86400) return std::nullopt;
  return Seconds(std::llround(total));
}

}  // namespace ringback
