// JSON exports: an array of objects (or an object holding one, as API dumps do), or JSON
// lines (one object per line, Twilio's BulkExport). Each object is one row; nested objects
// become dotted keys ("from.phoneNumber"), arrays of values are joined. Keys are mapped by the
// same header synonyms as CSV columns. Arrays are parsed with a SAX parser and JSON lines one
// line at a time, so memory stays flat.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <streambuf>
#include <unordered_map>

#include "core/text.h"
#include "ingest/importer.h"
#include "ingest/table_import.h"
#include "ingest/text_decoder.h"

namespace ringback {
namespace {

// A parser's message as a reject quotes it: its "last read: '…'" may hold a whole megabyte
// token, cut anywhere inside a character, so it is made valid UTF-8 and kept short.
std::string JsonErrorText(const std::exception& e) {
  const std::string text = ReplaceInvalidUtf8(e.what());
  const std::string_view kept = Utf8Prefix(text, 300);
  return kept.size() == text.size() ? text : std::string(kept) + "…";
}

using nlohmann::json;

constexpr std::size_t kMaxLineBytes = 16 * 1024 * 1024;

// Replays `prefix`, then reads `rest`, counting the lines consumed so records know where they
// start.
class PrefixCountingStreambuf : public std::streambuf {
 public:
  PrefixCountingStreambuf(std::string prefix, std::streambuf* rest) : block_(std::move(prefix)), rest_(rest) {
    setg(block_.data(), block_.data(), block_.data() + block_.size());
    counted_ = block_.data();
  }

  // 1-based line of the next byte to be read.
  std::int64_t Line() {
    newlines_ += std::count(counted_, static_cast<const char*>(gptr()), '\n');
    counted_ = gptr();
    return newlines_ + 1;
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    newlines_ += std::count(counted_, static_cast<const char*>(egptr()), '\n');
    block_.resize(64 * 1024);
    const std::streamsize got = rest_->sgetn(block_.data(), static_cast<std::streamsize>(block_.size()));
    block_.resize(static_cast<std::size_t>(std::max<std::streamsize>(got, 0)));
    setg(block_.data(), block_.data(), block_.data() + block_.size());
    counted_ = block_.data();
    return block_.empty() ? traits_type::eof() : traits_type::to_int_type(*gptr());
  }

 private:
  std::string block_;
  std::streambuf* rest_;
  const char* counted_;
  std::int64_t newlines_ = 0;
};

using Pairs = std::vector<std::pair<std::string, std::string>>;

template <typename Json>
std::string ScalarText(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "";
    case Json::value_t::string: return v.template get<std::string>();
    case Json::value_t::boolean: return v.template get<bool>() ? "true" : "false";
    default: return v.dump();
  }
}

// Works on json and ordered_json (which keeps an object's fields in document order).
template <typename Json>
void Flatten(const Json& v, const std::string& prefix, Pairs& out) {
  if (v.is_object()) {
    for (const auto& [k, child] : v.items()) Flatten(child, prefix + k + (child.is_object() ? "." : ""), out);
  } else if (v.is_array()) {
    std::string joined;
    for (const Json& item : v)
      if (!item.is_structured()) joined += (joined.empty() ? "" : ", ") + ScalarText(item);
    out.emplace_back(prefix, joined);
  } else {
    out.emplace_back(prefix, ScalarText(v));
  }
}

// Rows built from JSON objects: the first object's keys are the header.
class RecordSink {
 public:
  explicit RecordSink(TableImport& table) : table_(table) {}

  Status Emit(const Pairs& record, std::int64_t line) {
    if (header_.empty()) {
      for (const auto& [k, v] : record) {
        if (index_.count(k)) continue;
        index_[k] = header_.size();
        header_.push_back(k);
      }
      if (Status s = table_.Record(header_, line); !s.ok()) return s;
    }
    std::vector<std::string> fields(header_.size());
    for (const auto& [k, v] : record) {
      auto it = index_.find(k);
      if (it == index_.end()) {
        if (extra_.size() < 10 && std::find(extra_.begin(), extra_.end(), k) == extra_.end()) extra_.push_back(k);
        continue;
      }
      fields[it->second] = v;
    }
    ++records_;
    return table_.Record(fields, line);
  }

  std::int64_t records() const { return records_; }
  const std::vector<std::string>& extra() const { return extra_; }

 private:
  TableImport& table_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::string> extra_;
  std::int64_t records_ = 0;
};

// SAX handler: objects in the top-level array, or in an array member of the top-level object,
// are rows; a lone top-level object is one row.
class SaxRows : public nlohmann::json_sax<json> {
 public:
  SaxRows(RecordSink& rows, PrefixCountingStreambuf& buf, const std::string& file, ImportSink& sink,
          ImportStats* stats)
      : rows_(rows), buf_(buf), file_(file), sink_(sink), stats_(stats) {}

  bool null() override { return Scalar(""); }
  bool boolean(bool v) override { return Scalar(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return Scalar(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Scalar(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& s) override { return Scalar(s); }
  bool string(string_t& v) override { return Scalar(v); }
  bool binary(binary_t&) override { return Scalar(""); }

  bool key(string_t& k) override {
    key_ = k;
    return true;
  }

  bool start_object(std::size_t) override {
    if (stack_.empty()) {
      stack_.push_back({Role::kRootObject, ""});
    } else if (Top() == Role::kRecordArray) {
      record_.clear();
      record_line_ = buf_.Line();
      stack_.push_back({Role::kRecord, ""});
    } else if (Top() == Role::kRecord || Top() == Role::kRecordChild) {
      stack_.push_back({Role::kRecordChild, stack_.back().prefix + key_ + "."});
    } else {
      stack_.push_back({Role::kIgnore, ""});
    }
    return true;
  }

  bool end_object() override {
    const Role role = Top();
    stack_.pop_back();
    if (role == Role::kRecord) return Emit(record_, record_line_);
    if (role == Role::kRootObject && rows_.records() == 0 && !root_.empty()) return Emit(root_, 1);
    return true;
  }

  bool start_array(std::size_t) override {
    if (stack_.empty() || Top() == Role::kRootObject) {
      stack_.push_back({Role::kRecordArray, ""});
    } else if (Top() == Role::kRecord || Top() == Role::kRecordChild) {
      const std::string k = stack_.back().prefix + key_;
      record_.emplace_back(k, "");
      stack_.push_back({Role::kValueArray, k});
    } else {
      stack_.push_back({Role::kIgnore, ""});
    }
    return true;
  }

  bool end_array() override {
    stack_.pop_back();
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    error_ = JsonErrorText(ex);
    error_line_ = buf_.Line();
    return false;
  }

  const std::string& error() const { return error_; }
  std::int64_t error_line() const { return error_line_; }
  const Status& status() const { return status_; }

 private:
  enum class Role { kRootObject, kRecordArray, kRecord, kRecordChild, kValueArray, kIgnore };
  struct Frame {
    Role role;
    std::string prefix;
  };

  Role Top() const { return stack_.back().role; }

  bool Scalar(std::string value) {
    if (stack_.empty()) return true;
    switch (Top()) {
      case Role::kRecord:
      case Role::kRecordChild: record_.emplace_back(stack_.back().prefix + key_, std::move(value)); break;
      case Role::kValueArray: {
        std::string& joined = record_.back().second;
        joined += (joined.empty() ? "" : ", ") + value;
        break;
      }
      case Role::kRootObject: root_.emplace_back(key_, std::move(value)); break;
      case Role::kRecordArray:
        if (stats_) ++stats_->records;
        if (stats_) ++stats_->rejects;
        status_ = sink_.OnReject({file_, buf_.Line(), "", "not an object: " + std::string(Utf8Prefix(value, 80))});
        return status_.ok();
      case Role::kIgnore: break;
    }
    return true;
  }

  bool Emit(const Pairs& record, std::int64_t line) {
    status_ = rows_.Emit(record, line);
    return status_.ok();
  }

  RecordSink& rows_;
  PrefixCountingStreambuf& buf_;
  const std::string& file_;
  ImportSink& sink_;
  ImportStats* stats_;
  std::vector<Frame> stack_;
  std::string key_;
  Pairs record_;
  Pairs root_;
  std::int64_t record_line_ = 0;
  std::string error_;
  std::int64_t error_line_ = 0;
  Status status_;
};

// Reads one line of at most kMaxLineBytes; a longer one is skipped and reported.
bool ReadLine(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  int c;
  bool any = false;
  while ((c = in.get()) != EOF) {
    any = true;
    if (c == '\n') break;
    if (line.size() < kMaxLineBytes) line += static_cast<char>(c);
    else too_long = true;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return any;
}

bool LooksLikeJsonLines(std::string_view head) {
  const std::size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '{') return false;
  return head.find("}\n{") != std::string_view::npos || head.find("}\r\n{") != std::string_view::npos ||
         head.find("}\n\n{") != std::string_view::npos;
}

}  // namespace

Status ImportJson(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats) {
  std::function<void(std::int64_t)> progress;
  if (options.progress) progress = [&options](std::int64_t done) { options.progress(done, 0); };
  DecodingStream text(in, progress);
  std::string head(64 * 1024, '\0');
  text.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(text.gcount()));
  text.clear();
  const bool lines = LooksLikeJsonLines(head);
  PrefixCountingStreambuf buf(head, text.rdbuf());
  std::istream json_in(&buf);

  TableOptions table_options;
  table_options.mapping = options.mapping ? &*options.mapping : nullptr;
  table_options.max_header_search = 1;
  TableImport table(display_name, config, sink, stats, table_options);
  RecordSink rows(table);
  if (stats) stats->format = lines ? "jsonl" : "json";

  if (lines) {
    std::string line;
    bool too_long = false;
    std::int64_t n = 0;
    while (ReadLine(json_in, line, too_long)) {
      ++n;
      if (line.find_first_not_of(" \t") == std::string::npos && !too_long) continue;
      auto reject = [&](std::string reason) {
        if (stats) ++stats->records, ++stats->rejects;
        return sink.OnReject({display_name, n, "", std::move(reason)});
      };
      Status s;
      if (too_long) {
        s = reject("a line longer than 16 MiB");
      } else {
        try {
          const json value = json::parse(line);
          if (!value.is_object()) {
            s = reject("not a JSON object");
          } else {
            Pairs record;
            Flatten(value, "", record);
            s = rows.Emit(record, n);
          }
        } catch (const json::exception& e) {
          s = reject("not valid JSON: " + JsonErrorText(e));
        }
      }
      if (!s.ok()) return s;
    }
  } else {
    SaxRows sax(rows, buf, display_name, sink, stats);
    json::sax_parse(json_in, &sax);
    if (!sax.status().ok()) return sax.status();
    if (!sax.error().empty()) {
      if (Status flushed = table.Flush(); !flushed.ok()) return flushed;
      if (rows.records() == 0 && !table.mapped())
        return Status::InvalidArgument(display_name + ":" + std::to_string(sax.error_line()) + ": not valid JSON (" +
                                       sax.error() + ")");
      if (stats) ++stats->rejects;
      Status s = sink.OnReject({display_name, sax.error_line(), "",
                                "the JSON breaks off here; the records before it were imported (" + sax.error() + ")"});
      if (!s.ok()) return s;
    }
  }
  if (stats) {
    stats->encoding = text.report().Describe();
    if (!rows.extra().empty()) {
      std::string keys;
      for (const std::string& k : rows.extra()) keys += (keys.empty() ? "" : ", ") + k;
      stats->notes.push_back(display_name + ": keys absent from the first record were not read: " + keys);
    }
  }
  return table.Finish();
}

StatusOr<std::vector<std::pair<std::string, std::string>>> JsonObjectFields(std::string_view text) {
  nlohmann::ordered_json value = nlohmann::ordered_json::parse(text, nullptr, false);
  if (value.is_discarded()) return Status::InvalidArgument("the body is not valid JSON");
  if (!value.is_object()) return Status::InvalidArgument("the body is JSON but not an object");
  Pairs out;
  Flatten(value, "", out);
  return out;
}

}  // namespace ringback
