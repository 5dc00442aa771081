// Company configuration (TOML: hours, team, SLAs, templates, quiet hours, review figures).
// Invariants: an error names the source and is valid UTF-8 and short (it quotes, never
// repeats, the file); a configuration that loads has a valid time zone, hours inside a day,
// quiet hours inside a day, E.164 spam and profile numbers, and its team's text is UTF-8.
#include "config/config_loader.h"
#include "fuzz/fuzz_support.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  StatusOr<CompanyConfig> config = ParseConfig(input, "company.toml");
  if (!config.ok()) {
    const std::string& message = config.status().message();
    fuzz::RequireUtf8(message, "config error is not UTF-8");
    fuzz::Require(message.starts_with("company.toml"), "config error does not name the file", message);
    fuzz::Require(message.size() <= 2048, "config error quotes too much", message);
    return 0;
  }
  fuzz::Require(config->quiet_start_minute >= 0 && config->quiet_start_minute <= 24 * 60, "quiet start outside a day");
  fuzz::Require(config->quiet_end_minute >= 0 && config->quiet_end_minute <= 24 * 60, "quiet end outside a day");
  for (const std::string& n : config->spam_numbers)
    fuzz::Require(n.starts_with('+') && n.find_first_not_of("0123456789", 1) == std::string::npos, "spam number not E.164", n);
  for (const std::string& n : config->profile_numbers)
    fuzz::Require(n.starts_with('+') && n.find_first_not_of("0123456789", 1) == std::string::npos, "profile number not E.164", n);
  fuzz::RequireUtf8(config->name, "company name is not UTF-8");
  for (const Person& p : config->team) fuzz::RequireUtf8(p.name, "team name is not UTF-8");
  for (const auto& [key, text] : config->templates) fuzz::RequireUtf8(text, "template is not UTF-8");
  return 0;
}
