// Tabular exports (CSV/TSV): header row -> ColumnMap -> one record per row.
#include <date/tz.h>

#include <algorithm>
#include <cctype>

#include "identity/phone.h"
#include "ingest/column_map.h"
#include "ingest/csv_reader.h"
#include "ingest/importer.h"
#include "ingest/time_parse.h"

namespace ringback {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// One row being converted; collects the first problem as a reject.
class Row {
 public:
  Row(const std::vector<std::string>& fields, const ColumnMap& map, const std::string& file,
      std::int64_t line, const CompanyConfig& config, const date::time_zone* zone)
      : fields_(fields), map_(map), config_(config), zone_(zone) {
    source_ = {file, line};
  }

  std::string Get(Field f) const {
    int col = map_[f];
    if (col < 0 || static_cast<std::size_t>(col) >= fields_.size()) return {};
    return Trim(fields_[static_cast<std::size_t>(col)]);
  }

  std::optional<Timestamp> Time() {
    std::string text = Get(Field::kTime);
    if (map_.has(Field::kClock)) text += " " + Get(Field::kClock);
    auto t = ParseExportTime(text, zone_);
    if (!t) Fail(Field::kTime, text.empty() ? "no date" : "not a date: \"" + text + "\"");
    return t;
  }

  std::int64_t Duration() const {
    std::string d = Get(Field::kDuration);
    if (d.empty()) return -1;
    std::int64_t total = 0, part = 0;
    bool any = false;
    for (char c : d) {  // "95", "1:35", "00:01:35"
      if (std::isdigit(static_cast<unsigned char>(c))) {
        part = part * 10 + (c - '0');
        any = true;
      } else if (c == ':') {
        total = (total + part) * 60;
        part = 0;
      } else if (c == '.') {
        break;
      }
    }
    return any ? total + part : -1;
  }

  // The person's phone from `field`; "raw:<digits>" when present but not a valid number.
  std::pair<std::string, std::string> Phone(Field field) const {
    std::string raw = Get(field);
    PhoneNumber p = ParsePhone(raw, config_.phone_region);
    return {raw, p.ok() ? p.e164 : std::string()};
  }

  void Fail(Field f, std::string reason) {
    if (!reject_) reject_ = Reject{source_.file, source_.line, std::string(FieldName(f)), std::move(reason)};
  }
  const std::optional<Reject>& reject() const { return reject_; }
  const SourceRef& source() const { return source_; }

 private:
  const std::vector<std::string>& fields_;
  const ColumnMap& map_;
  const CompanyConfig& config_;
  const date::time_zone* zone_;
  SourceRef source_;
  std::optional<Reject> reject_;
};

bool IsOutbound(std::string_view direction) {
  std::string d = Lower(direction);
  return Contains(d, "out");
}

bool IsAnswered(std::string_view result) {
  std::string r = Lower(result);
  if (Contains(r, "miss") || Contains(r, "voicemail") || Contains(r, "no answer") || Contains(r, "not answer") ||
      Contains(r, "abandon") ||
      Contains(r, "unanswered") || Contains(r, "busy") || Contains(r, "hang"))
    return false;
  return Contains(r, "answer") || Contains(r, "complet") || Contains(r, "connect") || Contains(r, "accept");
}

std::string RowContent(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) out += Trim(f) + '\x1f';
  return out;
}

std::string RowId(const Row& row, const ColumnMap& map, const std::vector<std::string>& fields) {
  std::string number = row.Get(Field::kNumber);
  return StableId(SourceKindName(map.kind), number.empty() ? RowContent(fields) : "#" + number);
}

std::int64_t ParseCents(std::string_view text) {
  std::int64_t units = 0, cents = 0;
  int decimals = -1;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (decimals < 0) units = units * 10 + (c - '0');
      else if (decimals < 2) cents = cents * 10 + (c - '0'), ++decimals;
    } else if (c == '.') {
      decimals = 0;
    }
  }
  if (decimals == 1) cents *= 10;
  return units * 100 + cents;
}

class CsvImport {
 public:
  CsvImport(const std::string& file, const CompanyConfig& config, ImportSink& sink, ImportStats* stats)
      : file_(file), config_(config), sink_(sink), stats_(stats), zone_(date::locate_zone(config.time_zone)) {}

  Status Run(CsvReader& reader) {
    std::vector<std::string> fields;
    if (!reader.Next(fields)) return Status::InvalidArgument(file_ + ":1: the file has no header row");
    auto map = MapColumns(fields);
    if (!map)
      return Status::InvalidArgument(file_ + ":1: columns not recognised as a call log, voicemail, form, text "
                                     "message or estimate export (need a date column and a phone, email or "
                                     "\"From\" column)");
    map_ = *map;
    if (stats_) stats_->kind = std::string(SourceKindName(map_.kind));
    while (reader.Next(fields)) {
      if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return Trim(f).empty(); }))
        continue;  // a blank line, or a spreadsheet's empty row ",,,,"
      if (stats_) ++stats_->records;
      Status s = reader.error().empty() ? ConvertRow(fields, reader.line())
                                        : Reject({file_, reader.line(), "", reader.error()});
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  Status Reject(ringback::Reject r) {
    if (stats_) ++stats_->rejects;
    return sink_.OnReject(r);
  }

  Status ConvertRow(const std::vector<std::string>& fields, std::int64_t line) {
    Row row(fields, map_, file_, line, config_, zone_);
    switch (map_.kind) {
      case SourceKind::kEstimates: return EstimateRow(row, fields);
      case SourceKind::kCallLog: return CallRow(row, fields);
      default: return MessageRow(row, fields);
    }
  }

  Status Deliver(Row& row, Signal& s) {
    if (row.reject()) return Reject(*row.reject());
    if (s.phone.empty() && s.email.empty()) {
      std::string digits;
      for (char c : s.phone_raw)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() < 7)
        return Reject({file_, row.source().line, "phone",
                       s.phone_raw.empty() ? "no phone or email to call back"
                                           : "no usable phone or email: \"" + s.phone_raw + "\""});
    }
    if (stats_) ++stats_->signals;
    return sink_.OnSignal(s);
  }

  Status DeliverAttempt(Row& row, Attempt& a) {
    if (row.reject()) return Reject(*row.reject());
    if (a.phone.empty() && a.email.empty()) return Status::Ok();  // nobody to match it to
    if (stats_) ++stats_->attempts;
    return sink_.OnAttempt(a);
  }

  Status CallRow(Row& row, const std::vector<std::string>& fields) {
    auto at = row.Time();
    const bool outbound = IsOutbound(row.Get(Field::kDirection));
    if (outbound) {
      Attempt a;
      a.id = RowId(row, map_, fields);
      a.channel = Channel::kCall;
      a.at = at.value_or(Timestamp{});
      a.phone = row.Phone(map_.has(Field::kTo) ? Field::kTo : Field::kPhone).second;
      a.actor = row.Get(Field::kAgent);
      a.duration_seconds = row.Duration();
      a.source = row.source();
      return DeliverAttempt(row, a);
    }
    Signal s;
    s.id = RowId(row, map_, fields);
    s.channel = Channel::kCall;
    s.received_at = at.value_or(Timestamp{});
    std::tie(s.phone_raw, s.phone) = row.Phone(map_.has(Field::kFrom) ? Field::kFrom : Field::kPhone);
    s.name = row.Get(Field::kName);
    s.duration_seconds = row.Duration();
    s.answered = IsAnswered(row.Get(Field::kResult));
    s.source = row.source();
    return Deliver(row, s);
  }

  // Voicemail transcripts, web forms and text messages.
  Status MessageRow(Row& row, const std::vector<std::string>& fields) {
    auto at = row.Time();
    if (map_.kind == SourceKind::kSms && IsOutbound(row.Get(Field::kDirection))) {
      Attempt a;
      a.id = RowId(row, map_, fields);
      a.channel = Channel::kSms;
      a.at = at.value_or(Timestamp{});
      a.phone = row.Phone(Field::kTo).second;
      a.source = row.source();
      return DeliverAttempt(row, a);
    }
    Signal s;
    s.id = RowId(row, map_, fields);
    s.channel = map_.kind == SourceKind::kVoicemail ? Channel::kVoicemail
                : map_.kind == SourceKind::kSms     ? Channel::kSms
                                                    : Channel::kForm;
    s.received_at = at.value_or(Timestamp{});
    std::tie(s.phone_raw, s.phone) = row.Phone(map_.has(Field::kPhone) ? Field::kPhone : Field::kFrom);
    s.email = NormalizeEmail(row.Get(Field::kEmail));
    s.name = row.Get(Field::kName);
    if (s.name.empty()) s.name = Trim(row.Get(Field::kFirstName) + " " + row.Get(Field::kLastName));
    s.subject = row.Get(map_.has(Field::kService) ? Field::kService : Field::kSubject);
    s.text = row.Get(Field::kText);
    s.duration_seconds = row.Duration();
    s.source = row.source();
    return Deliver(row, s);
  }

  Status EstimateRow(Row& row, const std::vector<std::string>& fields) {
    Estimate e;
    e.id = RowId(row, map_, fields);
    e.number = row.Get(Field::kNumber);
    e.name = row.Get(Field::kName);
    if (e.name.empty()) e.name = Trim(row.Get(Field::kFirstName) + " " + row.Get(Field::kLastName));
    e.phone = row.Phone(Field::kPhone).second;
    e.email = NormalizeEmail(row.Get(Field::kEmail));
    e.estimator = row.Get(Field::kEstimator);
    e.trade = row.Get(map_.has(Field::kService) ? Field::kService : Field::kSubject);
    e.status = Lower(row.Get(Field::kStatus));
    e.total_cents = ParseCents(row.Get(Field::kTotal));
    e.sent_at = row.Time().value_or(Timestamp{});
    e.source = row.source();
    if (row.reject()) return Reject(*row.reject());
    if (e.phone.empty() && e.email.empty())
      return Reject({file_, row.source().line, "phone", "estimate without a usable phone or email"});
    if (stats_) ++stats_->estimates;
    return sink_.OnEstimate(e);
  }

  std::string file_;
  const CompanyConfig& config_;
  ImportSink& sink_;
  ImportStats* stats_;
  const date::time_zone* zone_;
  ColumnMap map_;
};

}  // namespace

Status ImportCsv(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                 ImportSink& sink, ImportStats* stats) {
  CsvReader reader(in);
  CsvImport import(display_name, config, sink, stats);
  return import.Run(reader);
}

}  // namespace ringback
