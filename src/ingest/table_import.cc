#include "ingest/table_import.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "identity/phone.h"
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

const date::time_zone* Zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return date::locate_zone("UTC");
  }
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
    if (units > 1'000'000'000'000) break;  // no quote is this big; stop before overflow
  }
  if (decimals == 1) cents *= 10;
  return units * 100 + cents;
}

// One row being converted; collects the first problem as a reject.
class Row {
 public:
  Row(const std::vector<std::string>& fields, const ColumnMap& map, const std::string& file, std::int64_t line,
      const CompanyConfig& config, const date::time_zone* zone)
      : fields_(fields), map_(map), config_(config), zone_(zone) {
    source_ = {file, line};
  }

  std::string Cell(int col) const {
    if (col < 0 || static_cast<std::size_t>(col) >= fields_.size()) return {};
    return Trim(fields_[static_cast<std::size_t>(col)]);
  }

  // The field's cell, or the first non-empty fallback column's.
  std::string Get(Field f) const {
    std::string v = Cell(map_[f]);
    for (const auto& [field, col] : map_.fallbacks) {
      if (!v.empty()) break;
      if (field == f) v = Cell(col);
    }
    return v;
  }

  std::optional<Timestamp> Time() {
    std::string text = Cell(map_[Field::kTime]);
    if (!text.empty() && map_.has(Field::kClock)) text += " " + Get(Field::kClock);
    if (text.empty()) text = Get(Field::kTime);
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
        if (part < 100'000'000) part = part * 10 + (c - '0');
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

  // The person's phone from `field`: the raw text, and E.164 when it is a valid number.
  std::pair<std::string, std::string> Phone(Field field) const {
    std::string raw = Get(field);
    PhoneNumber p = ParsePhone(raw, config_.phone_region);
    return {raw, p.ok() ? p.e164 : std::string()};
  }

  // The quote's total: the first non-zero of its total columns (Housecall Pro writes the
  // amount under Open, Won or Lost value).
  std::int64_t TotalCents() const {
    std::int64_t cents = ParseCents(Cell(map_[Field::kTotal]));
    for (const auto& [field, col] : map_.fallbacks)
      if (cents == 0 && field == Field::kTotal) cents = ParseCents(Cell(col));
    return cents;
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

// "outbound", "Outgoing", "outbound-api", "outbound-dial", "Outbound Call".
bool IsOutbound(std::string_view direction) {
  std::string d = Lower(direction);
  return Contains(d, "out");
}

bool IsAnswered(std::string_view result) {
  std::string r = Lower(result);
  std::replace_if(r.begin(), r.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
  if (r == "true" || r == "yes" || r == "1") return true;
  if (Contains(r, "miss") || Contains(r, "voicemail") || Contains(r, "no answer") || Contains(r, "not answer") ||
      Contains(r, "abandon") || Contains(r, "unanswered") || Contains(r, "busy") || Contains(r, "hang") ||
      Contains(r, "cancel") || Contains(r, "fail") || Contains(r, "reject") || Contains(r, "declin"))
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

std::string HeaderList(const std::vector<std::string>& headers) {
  std::string out;
  for (const std::string& h : headers) {
    if (out.size() > 300) return out + ", …";
    out += (out.empty() ? "" : ", ") + Trim(h);
  }
  return out;
}

std::string Megabytes(std::size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

}  // namespace

TableImport::TableImport(std::string file, const CompanyConfig& config, ImportSink& sink, ImportStats* stats,
                         TableOptions options)
    : file_(std::move(file)),
      config_(config),
      sink_(sink),
      stats_(stats),
      options_(std::move(options)),
      zone_(Zone(config.time_zone)) {}

Status TableImport::Reject(ringback::Reject r) {
  if (stats_) ++stats_->rejects;
  return sink_.OnReject(r);
}

Status TableImport::TryHeader(const std::vector<std::string>& fields, std::int64_t line) {
  if (header_tries_++ == 0) {
    first_record_ = fields;
    first_line_ = line;
  }
  const MappingOverride* mapping = options_.mapping;
  if (mapping && mapping->header_row > 0 && line != mapping->header_row) return Status::Ok();
  std::optional<ColumnMap> map;
  if (mapping) {
    StatusOr<ColumnMap> applied = ApplyMappingOverride(fields, *mapping);
    if (applied.ok()) map = *applied;
    else if (header_error_.empty() || line == mapping->header_row) header_error_ = applied.status().message();
  } else {
    map = MapColumns(fields);
  }
  if (!map) return Status::Ok();
  mapped_ = true;
  map_ = *map;
  header_ = fields;
  if (stats_) {
    stats_->tables.push_back({options_.table_name, line, fields, map_, ""});
    const std::string kind(SourceKindName(map_.kind));
    if (stats_->kind.empty()) stats_->kind = kind;
    else if (!Contains(stats_->kind, kind)) stats_->kind += ", " + kind;
    if (stats_->source.empty()) stats_->source = map_.profile;
    else if (!map_.profile.empty() && !Contains(stats_->source, map_.profile)) stats_->source += ", " + map_.profile;
  }
  return Status::Ok();
}

Status TableImport::Record(const std::vector<std::string>& fields, std::int64_t line, const std::string& error) {
  if (!mapped_) {
    const int limit = options_.mapping && options_.mapping->header_row > 0
                          ? static_cast<int>(std::min<std::int64_t>(options_.mapping->header_row, 1000))
                          : options_.max_header_search;
    if (header_tries_ < limit && error.empty()) return TryHeader(fields, line);
    if (header_tries_ == 0) {
      first_record_ = fields;
      first_line_ = line;
    }
    ++header_tries_;
    return Status::Ok();
  }
  if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
        return std::all_of(f.begin(), f.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
      }))
    return Status::Ok();  // a blank line, or a spreadsheet's empty row ",,,,"
  if (stats_) ++stats_->records;
  if (!error.empty()) return Reject({file_, line, "", error});
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].size() <= kMaxFieldBytes) continue;
    const std::string column = i < header_.size() && !Trim(header_[i]).empty() ? Trim(header_[i])
                                                                               : "column " + std::to_string(i + 1);
    const std::optional<Field> field = map_.FieldOf(static_cast<int>(i));
    return Reject({file_, line, field ? std::string(FieldName(*field)) : column,
                   column + ": a field of " + Megabytes(fields[i].size()) + " (the longest accepted is 1 MB)"});
  }
  return Convert(fields, line);
}

Status TableImport::Convert(const std::vector<std::string>& fields, std::int64_t line) {
  Row row(fields, map_, file_, line, config_, zone_);
  auto deliver = [&](Signal& s) -> Status {
    if (row.reject()) return Reject(*row.reject());
    if (s.phone.empty() && s.email.empty()) {
      std::string digits;
      for (char c : s.phone_raw)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() < 7)
        return Reject({file_, line, "phone",
                       s.phone_raw.empty() ? "no phone or email to call back"
                                           : "no usable phone or email: \"" + s.phone_raw + "\""});
    }
    if (stats_) ++stats_->signals;
    return sink_.OnSignal(s);
  };
  auto deliver_attempt = [&](Attempt& a) -> Status {
    if (row.reject()) return Reject(*row.reject());
    if (a.phone.empty() && a.email.empty()) return Status::Ok();  // nobody to match it to
    if (stats_) ++stats_->attempts;
    return sink_.OnAttempt(a);
  };

  if (map_.kind == SourceKind::kEstimates) {
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
    e.total_cents = row.TotalCents();
    e.sent_at = row.Time().value_or(Timestamp{});
    e.source = row.source();
    if (row.reject()) return Reject(*row.reject());
    if (e.phone.empty() && e.email.empty())
      return Reject({file_, line, "phone", "estimate without a usable phone or email"});
    if (stats_) ++stats_->estimates;
    return sink_.OnEstimate(e);
  }

  if (map_.kind == SourceKind::kCallLog) {
    if (!row.Get(Field::kParent).empty()) {
      ++skipped_;  // Twilio's forwarded leg of a call already in the log
      if (stats_) ++stats_->skipped;
      return Status::Ok();
    }
    auto at = row.Time();
    const bool outbound = IsOutbound(row.Get(Field::kDirection));
    // The customer's number: a direction-free column (CallRail), else whom the call was from
    // (inbound) or to (outbound).
    const Field contact = map_.has(Field::kPhone) ? Field::kPhone
                          : outbound              ? (map_.has(Field::kTo) ? Field::kTo : Field::kFrom)
                                                  : (map_.has(Field::kFrom) ? Field::kFrom : Field::kTo);
    if (outbound) {
      Attempt a;
      a.id = RowId(row, map_, fields);
      a.channel = Channel::kCall;
      a.at = at.value_or(Timestamp{});
      a.phone = row.Phone(contact).second;
      a.actor = row.Get(Field::kAgent);
      a.duration_seconds = row.Duration();
      a.source = row.source();
      return deliver_attempt(a);
    }
    Signal s;
    s.id = RowId(row, map_, fields);
    s.channel = Channel::kCall;
    s.received_at = at.value_or(Timestamp{});
    std::tie(s.phone_raw, s.phone) = row.Phone(contact);
    s.name = row.Get(Field::kName);
    if (s.name.empty()) s.name = Trim(row.Get(Field::kFirstName) + " " + row.Get(Field::kLastName));
    s.text = row.Get(Field::kText);
    s.duration_seconds = row.Duration();
    s.answered = IsAnswered(row.Get(map_.has(Field::kResult) ? Field::kResult : Field::kStatus));
    s.source = row.source();
    return deliver(s);
  }

  // Voicemail transcripts, web forms and text messages.
  auto at = row.Time();
  if (map_.kind == SourceKind::kSms && IsOutbound(row.Get(Field::kDirection))) {
    Attempt a;
    a.id = RowId(row, map_, fields);
    a.channel = Channel::kSms;
    a.at = at.value_or(Timestamp{});
    a.phone = row.Phone(map_.has(Field::kTo) ? Field::kTo : Field::kPhone).second;
    a.actor = row.Get(Field::kAgent);
    a.source = row.source();
    return deliver_attempt(a);
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
  return deliver(s);
}

Status TableImport::Finish() {
  if (skipped_ > 0 && stats_)
    stats_->notes.push_back(file_ + ": " + std::to_string(skipped_) + " forwarded call leg" +
                            (skipped_ == 1 ? "" : "s") + " (with a parent call id) skipped: the call itself is in the log");
  if (mapped_) return Status::Ok();
  const std::string where = file_ + ":" + std::to_string(first_line_ > 0 ? first_line_ : 1) + ": ";
  std::string message;
  if (header_tries_ == 0) {
    message = where + "the file has no header row";
  } else if (!header_error_.empty()) {
    message = header_error_;
  } else {
    message = where +
              "columns not recognised as a call log, voicemail, form, text message or estimate export (need a date "
              "column and a phone, email or \"From\" column; the header reads: " +
              HeaderList(first_record_) + "). A mapping file (--mapping) can say which column is which";
  }
  if (stats_) stats_->tables.push_back({options_.table_name, 0, first_record_, std::nullopt, message});
  return Status::InvalidArgument(message);
}

}  // namespace ringback
