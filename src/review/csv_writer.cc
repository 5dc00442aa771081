#include "review/csv_writer.h"

#include <cctype>

namespace ringback {
namespace {

bool IsPlainNumber(std::string_view s) {
  if (s.size() < 2 || (s[0] != '-' && s[0] != '+')) return false;
  bool digit = false;
  for (char c : s.substr(1)) {
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    else if (c != '.' && c != ',') return false;
  }
  return digit && s[0] == '-';
}

}  // namespace

std::string DefuseFormula(std::string_view cell) {
  if (cell.empty()) return {};
  const char c = cell.front();
  if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !IsPlainNumber(cell))
    return "'" + std::string(cell);
  return std::string(cell);
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    std::string cell = DefuseFormula(cells[i]);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (char ch : cell) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

}  // namespace ringback
