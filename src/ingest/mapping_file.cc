#include "ingest/mapping_file.h"

#include "core/category.h"
#include "core/text.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace ringback {
namespace {

std::string At(const std::string& path, const toml::node* node) {
  return node ? path + ":" + std::to_string(node->source().begin.line) : path;
}

std::string FieldList() {
  std::string out;
  for (std::size_t i = 0; i < static_cast<std::size_t>(Field::kCount); ++i)
    out += (i ? ", " : "") + std::string(FieldName(static_cast<Field>(i)));
  return out;
}

std::string HeaderList(const std::vector<std::string>& headers) {
  std::string out;
  for (const std::string& h : headers) {
    if (out.size() > 1000) return out + ", …";
    out += (out.empty() ? "" : ", ") + QuoteValue(h, 100);
  }
  return out;
}

}  // namespace

StatusOr<MappingOverride> ParseMappingOverride(std::string_view text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(path + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
  MappingOverride m;
  m.path = path;
  for (const auto& [key, node] : root) {
    const std::string k(key.str());
    if (k == "kind") {
      const auto* s = node.as_string();
      std::optional<SourceKind> kind = s ? ParseSourceKind(s->get()) : std::nullopt;
      // A channel name or alias says the kind too ("text" -> text messages, "vm" -> voicemail,
      // "gbp" or "email" -> messages read like a form, one row per request).
      if (!kind && s)
        if (std::optional<Channel> channel = ParseChannelAlias(s->get())) {
          kind = *channel == Channel::kCall        ? SourceKind::kCallLog
                 : *channel == Channel::kVoicemail ? SourceKind::kVoicemail
                 : *channel == Channel::kSms       ? SourceKind::kSms
                                                   : SourceKind::kForm;
          if (*channel == Channel::kProfile) m.channel = Channel::kProfile;
        }
      if (!kind)
        return Status::InvalidArgument(At(path, &node) +
                                       ": kind: use \"call log\", \"voicemail\", \"web forms\", \"text messages\" "
                                       "or \"estimates\"");
      m.kind = kind;
    } else if (k == "name") {
      const auto* s = node.as_string();
      if (!s) return Status::InvalidArgument(At(path, &node) + ": name: must be text");
      m.name = s->get();
    } else if (k == "sheet") {
      const auto* s = node.as_string();
      if (!s) return Status::InvalidArgument(At(path, &node) + ": sheet: must be text (the sheet's name)");
      m.sheet = s->get();
    } else if (k == "header_row") {
      const auto* n = node.as_integer();
      if (!n || n->get() < 1)
        return Status::InvalidArgument(At(path, &node) + ": header_row: must be a line number (1 or more)");
      m.header_row = n->get();
    } else if (k == "columns") {
      const toml::table* cols = node.as_table();
      if (!cols) return Status::InvalidArgument(At(path, &node) + ": columns: must be a table [columns]");
      for (const auto& [fkey, fnode] : *cols) {
        std::optional<Field> field = ParseFieldName(fkey.str());
        if (!field)
          return Status::InvalidArgument(At(path, &fnode) + ": columns." + std::string(fkey.str()) +
                                         ": unknown field (use one of: " + FieldList() + ")");
        const auto* s = fnode.as_string();
        if (!s || s->get().empty())
          return Status::InvalidArgument(At(path, &fnode) + ": columns." + std::string(fkey.str()) +
                                         ": must be the column's header text");
        m.columns.emplace_back(*field, s->get());
      }
    } else {
      return Status::InvalidArgument(At(path, &node) + ": unknown key \"" + k +
                                     "\" (expected kind, name, header_row, sheet and a [columns] table)");
    }
  }
  if (m.columns.empty() && !m.kind)
    return Status::InvalidArgument(path + ": the mapping says nothing: give a kind or a [columns] table");
  return m;
}

StatusOr<MappingOverride> LoadMappingOverride(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot read the mapping file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseMappingOverride(text.str(), path);
}

StatusOr<ColumnMap> ApplyMappingOverride(const std::vector<std::string>& headers, const MappingOverride& m) {
  std::vector<std::string> folded;
  for (const std::string& h : headers) folded.push_back(FoldHeader(h));
  ColumnMap map = MapColumns(headers).value_or(ColumnMap());
  for (const auto& column : m.columns) {
    const Field field = column.first;  // a copy, not a binding: the lambda below captures it
    const std::string& header = column.second;
    const std::string want = FoldHeader(header);
    int col = -1;
    for (std::size_t i = 0; i < folded.size(); ++i)
      if (folded[i] == want) col = static_cast<int>(i);
    if (col < 0)
      return Status::InvalidArgument(m.path + ": columns." + std::string(FieldName(field)) + " = \"" + header +
                                     "\": no such column; the header reads: " + HeaderList(headers));
    // The column now means only this field.
    for (int& c : map.column)
      if (c == col) c = -1;
    std::erase_if(map.fallbacks, [&](const auto& fb) { return fb.second == col || fb.first == field; });
    map.set(field, col);
  }
  if (m.kind) {
    map.kind = *m.kind;
  } else if (std::optional<SourceKind> kind = GuessKind(map, folded)) {
    map.kind = *kind;
  } else {
    return Status::InvalidArgument(m.path + ": cannot tell which kind of export this is: add kind = \"call log\" "
                                   "(or voicemail, web forms, text messages, estimates)");
  }
  map.profile = m.name.empty() ? "mapping file " + m.path : m.name;
  if (std::string missing = MissingColumns(map); !missing.empty())
    return Status::InvalidArgument(m.path + ": with this mapping the " + std::string(SourceKindName(map.kind)) +
                                   " still lacks " + missing + "; the header reads: " + HeaderList(headers));
  return map;
}

}  // namespace ringback
