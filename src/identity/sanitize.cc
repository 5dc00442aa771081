#include "identity/sanitize.h"

#include <cctype>
#include <regex>
#include <sstream>

namespace ringback {

std::string Initials(std::string_view name) {
  std::istringstream in{std::string(name)};
  std::string out;
  for (std::string word; in >> word;) {
    unsigned char c = static_cast<unsigned char>(word.front());
    if (std::isalpha(c)) out += static_cast<char>(std::toupper(c)) + std::string(".");
  }
  return out;
}

std::string ScrubText(std::string_view text) {
  static const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  static const std::regex phone(R"((\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})");
  static const std::regex address(
      R"(\b\d{2,6}\s+(?:[A-Z][A-Za-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|Ct|Court|Cir|Circle|Way|Trl|Trail|Pkwy|Parkway|Loop|Cv|Cove|Pl|Place|Run|Pass|Path|Bend|Trce|Trace|Ter|Terrace|Hwy|Highway|Xing|Crossing|Row|Sq|Square)\b\.?)",
      std::regex::icase);
  std::string out = std::regex_replace(std::string(text), email, "[email]");
  out = std::regex_replace(out, phone, "[phone]");
  return std::regex_replace(out, address, "[address]");
}

}  // namespace ringback
