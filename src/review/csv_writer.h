// CSV output that a spreadsheet can open safely: RFC 4180 quoting, and no cell that a
// spreadsheet would run as a formula. Text from callers is data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ringback {

// A cell starting with = + - @ (or a tab/CR) gets a leading apostrophe, which spreadsheets
// show as text; a negative number like "-12.50" stays a number.
std::string DefuseFormula(std::string_view cell);

// One line: the cells defused, quoted where needed, joined by commas, ending in "\r\n".
std::string CsvLine(const std::vector<std::string>& cells);

}  // namespace ringback
