// Loads a company's TOML configuration (config/company.example.toml documents every key)
// into a CompanyConfig. Errors name the file, line and key: "company.toml:12: sla.emergency:
// expected a duration like \"15m\" or \"2h business\"".
#pragma once

#include <string>
#include <string_view>

#include "core/company_config.h"
#include "core/status.h"

namespace ringback {

// Reads and parses the file at `path`.
StatusOr<CompanyConfig> LoadConfig(const std::string& path);

// Parses TOML text; `source_name` is used in error messages.
StatusOr<CompanyConfig> ParseConfig(std::string_view toml_text, std::string_view source_name);

}  // namespace ringback
