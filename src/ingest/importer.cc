#include "ingest/importer.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace ringback {

std::string StableId(std::string_view kind, std::string_view content) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  };
  mix(kind);
  mix(content);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xf];
  return out;
}

namespace {

// An mbox starts with a "From sender date" separator line followed by header lines; a CSV
// whose first column is "From Number" does not.
bool LooksLikeMbox(std::string_view head) {
  if (head.rfind("From ", 0) != 0) return false;
  const std::size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return false;
  const std::string_view first = head.substr(0, nl);
  if (first.find(',') != std::string_view::npos || first.find('\t') != std::string_view::npos) return false;
  const std::string_view next = head.substr(nl + 1);
  const std::size_t colon = next.find(':');
  const std::size_t eol = next.find('\n');
  return colon != std::string_view::npos && colon > 0 && (eol == std::string_view::npos || colon < eol) &&
         next.substr(0, colon).find(' ') == std::string_view::npos;
}

// A single message starts with RFC 5322 header lines ("Name: value"), one of them From:.
bool LooksLikeMail(std::string_view head) {
  std::string_view first = head.substr(0, head.find('\n'));
  auto colon = first.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (char c : first.substr(0, colon))
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  std::string lower(head);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.rfind("from:", 0) == 0 || lower.find("\nfrom:") != std::string::npos;
}

}  // namespace

Status ImportFile(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  ImportSink& sink, ImportStats* stats) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError(display_name + ":0: cannot read the file (" + std::strerror(errno) + ")");
  }
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();
  in.seekg(0);
  if (head.empty()) return Status::InvalidArgument(display_name + ":0: the file is empty");
  if (head.rfind("PK\x03\x04", 0) == 0)
    return Status::InvalidArgument(display_name + ":0: an XLSX workbook; this version reads CSV: save the sheet as CSV (UTF-8)");
  if (head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0)
    return Status::InvalidArgument(display_name + ":0: UTF-16 text; this version reads UTF-8: save as CSV (UTF-8)");
  if (head.front() == '{' || head.front() == '[')
    return Status::InvalidArgument(display_name + ":0: JSON; this version reads CSV and mail");
  if (LooksLikeMbox(head)) {
    if (stats) stats->format = "mbox";
    return ImportMail(path, display_name, config, sink, stats);
  }
  if (LooksLikeMail(head)) {
    if (stats) stats->format = "eml";
    return ImportMail(path, display_name, config, sink, stats);
  }
  if (stats) stats->format = "csv";
  return ImportCsv(in, display_name, config, sink, stats);
}

}  // namespace ringback
