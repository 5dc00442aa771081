#include "ingest/table_import.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/lead_source.h"
#include "core/text.h"
#include "identity/phone.h"
#include "ingest/time_parse.h"
#include "core/text.h"


namespace ringback {
namespace {

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
    return TrimmedString(fields_[static_cast<std::size_t>(col)]);
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
    auto t = ParseExportTime(text, map_.time_is_utc ? date::locate_zone("UTC") : zone_, map_.date_order);
    if (!t) Fail(Field::kTime, text.empty() ? "no date" : "not a date: " + QuoteValue(text));
    return t;
  }

  // Every non-empty value of a field that gathers several columns, in column order.
  std::vector<std::string> All(Field f) const {
    std::vector<std::pair<int, std::string>> cells;
    if (map_.has(f)) cells.emplace_back(map_[f], Cell(map_[f]));
    for (const auto& [field, col] : map_.extra)
      if (field == f) cells.emplace_back(col, Cell(col));
    std::sort(cells.begin(), cells.end());
    std::vector<std::string> out;
    for (auto& [col, value] : cells)
      if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
    return out;
  }

  // All the free text of the row: transcript, message, notes, "How can we help?"...
  std::string Text() const {
    std::string out;
    for (const std::string& part : All(Field::kText)) out += (out.empty() ? "" : "\n") + part;
    return out;
  }

  // The lead source from the source and utm columns ("google" + "cpc" -> "Google Ads").
  std::string LeadSource() const {
    std::string raw;
    for (const std::string& part : All(Field::kLeadSource)) raw += (raw.empty() ? "" : " / ") + part;
    return NormalizeLeadSource(raw);
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

// The channel a row's own "Lead Type" / "Channel" value names ("PHONE_CALL", "Message",
// "Text", "VM", "GBP"); nullopt when the value names none.
std::optional<Channel> RowChannel(std::string_view value) {
  if (std::optional<Channel> alias = ParseChannelAlias(value)) return alias;
  if (SaysVoicemail(value)) return Channel::kVoicemail;
  const std::string v = Lower(value);
  if (Contains(v, "business profile") || Contains(v, "business messages") || Contains(v, "google chat"))
    return Channel::kProfile;
  if (Contains(v, "sms") || Contains(v, "text")) return Channel::kSms;
  if (Contains(v, "mail")) return Channel::kEmail;
  if (Contains(v, "call") || Contains(v, "phone")) return Channel::kCall;
  if (Contains(v, "message") || Contains(v, "booking") || Contains(v, "chat") || Contains(v, "form") ||
      Contains(v, "quote") || Contains(v, "request"))
    return Channel::kForm;
  return std::nullopt;
}

std::string RowContent(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) out += TrimmedString(f) + '\x1f';
  return out;
}

std::string RowId(const Row& row, const ColumnMap& map, const std::vector<std::string>& fields) {
  std::string number = row.Get(Field::kNumber);
  return number.empty() ? StableId(SourceKindName(map.kind), RowContent(fields)) : SourceRowId(map.kind, number);
}

std::string HeaderList(const std::vector<std::string>& headers) {
  std::string out;
  for (const std::string& h : headers) {
    if (out.size() > 300) return out + ", …";
    out += (out.empty() ? "" : ", ") + std::string(Utf8Prefix(TrimmedString(h), 100));
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

// Tries pending_[index] as the header, with the records below it as the sample. A record
// whose own cells are dates, phones or emails is data, not a header, unless its names alone map.
bool TableImport::TryHeader(std::size_t index) {
  const Pending& candidate = pending_[index];
  if (!candidate.error.empty()) return false;
  const std::vector<std::string>& fields = candidate.fields;
  std::vector<std::vector<std::string>> sample;
  for (std::size_t i = index + 1; i < pending_.size() && sample.size() < kSampleRows; ++i)
    if (pending_[i].error.empty()) sample.push_back(pending_[i].fields);
  const DateOrder default_order = config_.phone_region == "US" || config_.phone_region == "CA" ||
                                          config_.phone_region == "PH"
                                      ? DateOrder::kMonthFirst
                                      : DateOrder::kDayFirst;
  const MappingOverride* mapping = options_.mapping;
  if (mapping && mapping->header_row > 0 && candidate.line != mapping->header_row) return false;
  std::optional<ColumnMap> map;
  if (mapping) {
    StatusOr<ColumnMap> applied = ApplyMappingOverride(fields, *mapping);
    if (applied.ok()) {
      map = *applied;
      InferFromContent(*map, fields, sample, default_order);
    } else if (header_error_.empty() || candidate.line == mapping->header_row) {
      header_error_ = applied.status().message();
    }
  } else {
    map = MapColumns(fields);
    if (!map) {
      const bool data_like = std::any_of(fields.begin(), fields.end(), [](const std::string& f) {
        const std::string v = TrimmedString(f);
        if (v.empty()) return false;
        if (ShapeOfTime(v) != TimeShape::kNone || v.find('@') != std::string::npos) return true;
        int digits = 0;
        for (char c : v) digits += std::isdigit(static_cast<unsigned char>(c)) != 0;
        return digits >= 7;
      });
      if (!data_like) map = MapColumns(fields, sample, default_order);
    } else {
      map = MapColumns(fields, sample, default_order);
    }
  }
  if (!map) return false;
  if (options_.kind) map->kind = *options_.kind;
  if (options_.time_column >= 0) {
    for (int& c : map->column)
      if (c == options_.time_column) c = -1;
    std::erase_if(map->fallbacks, [&](const auto& fb) {
      return fb.second == options_.time_column || fb.first == Field::kTime || fb.first == Field::kClock;
    });
    std::erase_if(map->extra, [&](const auto& e) { return e.second == options_.time_column; });
    map->set(Field::kTime, options_.time_column);
    map->set(Field::kClock, -1);
    map->time_is_utc = true;
  }
  if (options_.date_order) {
    map->date_order = *options_.date_order;
    if (!options_.date_order_reason.empty()) map->date_order_reason = options_.date_order_reason;
  }
  mapped_ = true;
  map_ = *map;
  header_ = fields;
  if (map_.has(Field::kText)) {
    const std::string h = FoldHeader(fields[static_cast<std::size_t>(map_[Field::kText])]);
    transcript_column_ = Contains(h, "transcri") || Contains(h, "voicemail");
  }
  if (stats_) {
    TableReport report{options_.table_name, candidate.line, fields, map_, "", {}};
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (!map_.FieldOf(static_cast<int>(i)) && !TrimmedString(fields[i]).empty()) report.unused.push_back(TrimmedString(fields[i]));
    stats_->tables.push_back(std::move(report));
    const std::string kind(SourceKindName(map_.kind));
    if (stats_->kind.empty()) stats_->kind = kind;
    else if (!Contains(stats_->kind, kind)) stats_->kind += ", " + kind;
    if (stats_->source.empty()) stats_->source = map_.profile;
    else if (!map_.profile.empty() && !Contains(stats_->source, map_.profile)) stats_->source += ", " + map_.profile;
  }
  return true;
}

// Decides the header from the records held so far, then processes the records below it.
Status TableImport::Decide() {
  decided_ = true;
  const std::size_t limit = options_.mapping && options_.mapping->header_row > 0
                                ? pending_.size()
                                : std::min<std::size_t>(pending_.size(), static_cast<std::size_t>(options_.max_header_search));
  std::size_t header = pending_.size();
  for (std::size_t i = 0; i < limit; ++i) {
    if (header_tries_++ == 0) {
      first_record_ = pending_[i].fields;
      first_line_ = pending_[i].line;
    }
    if (TryHeader(i)) {
      header = i;
      break;
    }
  }
  if (header_tries_ == 0 && !pending_.empty()) {
    first_record_ = pending_.front().fields;
    first_line_ = pending_.front().line;
    header_tries_ = 1;
  }
  std::vector<Pending> rest = std::move(pending_);
  pending_.clear();
  pending_bytes_ = 0;
  if (!mapped_) return Status::Ok();
  for (std::size_t i = header + 1; i < rest.size(); ++i)
    if (Status s = Process(rest[i].fields, rest[i].line, rest[i].error); !s.ok()) return s;
  return Status::Ok();
}

Status TableImport::Record(const std::vector<std::string>& fields, std::int64_t line, const std::string& error) {
  if (!decided_) {
    std::size_t bytes = 0;
    for (const std::string& f : fields) bytes += f.size();
    pending_.push_back({fields, line, error});
    pending_bytes_ += bytes;
    const std::size_t header_rows = options_.mapping && options_.mapping->header_row > 0
                                        ? static_cast<std::size_t>(std::min<std::int64_t>(options_.mapping->header_row, 1000))
                                        : static_cast<std::size_t>(options_.max_header_search);
    if (pending_.size() >= header_rows + kSampleRows || pending_bytes_ >= kSampleBytes) return Decide();
    return Status::Ok();
  }
  if (!mapped_) {
    ++header_tries_;
    return Status::Ok();
  }
  return Process(fields, line, error);
}

Status TableImport::Process(const std::vector<std::string>& fields, std::int64_t line, const std::string& error) {
  if (error.empty() && std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
        return std::all_of(f.begin(), f.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
      }))
    return Status::Ok();  // a blank line, or a spreadsheet's empty row ",,,,"
  if (stats_) ++stats_->records;
  if (!error.empty()) return Reject({file_, line, "", error});
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].size() <= kMaxFieldBytes) continue;
    // A header cell may itself be long: it is named by its first 100 bytes, as HeaderList does.
    const std::string column = i < header_.size() && !TrimmedString(header_[i]).empty()
                                   ? std::string(Utf8Prefix(TrimmedString(header_[i]), 100))
                                   : "column " + std::to_string(i + 1);
    const std::optional<Field> field = map_.FieldOf(static_cast<int>(i));
    return Reject({file_, line, field ? std::string(FieldName(*field)) : column,
                   column + ": a field of " + Megabytes(fields[i].size()) + " (the longest accepted is 1 MB)"});
  }
  if (map_.has(Field::kTime) && static_cast<std::size_t>(map_[Field::kTime]) < fields.size()) {
    const std::string value = TrimmedString(fields[static_cast<std::size_t>(map_[Field::kTime])]);
    const DateOrder order = DateOrderEvidence(value);
    if (order == DateOrder::kMonthFirst && month_first_++ == 0) month_first_example_ = value;
    if (order == DateOrder::kDayFirst && day_first_++ == 0) day_first_example_ = value;
    if (order != DateOrder::kUnknown && order != map_.date_order && contradicting_line_ == 0)
      contradicting_line_ = line;
  }
  if (options_.dates_only) return Status::Ok();
  return Convert(fields, line);
}

Status TableImport::Convert(const std::vector<std::string>& fields, std::int64_t line) {
  Row row(fields, map_, file_, line, config_, zone_);
  auto deliver = [&](Signal& s) -> Status {
    if (row.reject()) return Reject(*row.reject());
    if (s.phone_raw.size() > kMaxPhoneText) {
      // No number is this long: refused before the parser (see ParsePhone). With an email the
      // person can still be answered; the text is not kept as a "number to check".
      if (s.email.empty())
        return Reject({file_, line, "phone",
                       "too long for a phone number (" + std::to_string(s.phone_raw.size()) +
                           " characters; the longest accepted is " + std::to_string(kMaxPhoneText) +
                           "): " + QuoteValue(s.phone_raw, 40)});
      s.phone_raw.clear();
    }
    if (s.phone.empty() && s.email.empty()) {
      std::string digits;
      for (char c : s.phone_raw)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() < 7)
        return Reject({file_, line, "phone",
                       s.phone_raw.empty() ? "no phone or email to call back"
                                           : "no usable phone or email: " + QuoteValue(s.phone_raw)});
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
    e.sent_at = row.Time().value_or(Timestamp{});
    if (row.reject()) return Reject(*row.reject());  // before hashing the row for its id
    e.id = RowId(row, map_, fields);
    e.number = row.Get(Field::kNumber);
    e.name = row.Get(Field::kName);
    if (e.name.empty()) e.name = TrimmedString(row.Get(Field::kFirstName) + " " + row.Get(Field::kLastName));
    e.phone = row.Phone(Field::kPhone).second;
    e.email = NormalizeEmail(row.Get(Field::kEmail));
    e.estimator = row.Get(Field::kEstimator);
    e.trade = row.Get(map_.has(Field::kService) ? Field::kService : Field::kSubject);
    e.status = Lower(row.Get(Field::kStatus));
    e.total_cents = row.TotalCents();
    e.source = row.source();
    if (row.reject()) return Reject(*row.reject());
    if (e.phone.empty() && e.email.empty())
      return Reject({file_, line, "phone", "estimate without a usable phone or email"});
    if (stats_) ++stats_->estimates;
    return sink_.OnEstimate(e);
  }

  if (map_.kind == SourceKind::kCallLog && !row.Get(Field::kParent).empty()) {
    ++skipped_;  // Twilio's forwarded leg of a call already in the log
    if (stats_) ++stats_->skipped;
    return Status::Ok();
  }
  auto at = row.Time();
  if (row.reject()) return Reject(*row.reject());  // before hashing the row for its id
  Channel channel = map_.kind == SourceKind::kCallLog    ? Channel::kCall
                    : map_.kind == SourceKind::kVoicemail ? Channel::kVoicemail
                    : map_.kind == SourceKind::kSms       ? Channel::kSms
                                                          : Channel::kForm;
  if (options_.mapping && options_.mapping->channel) channel = *options_.mapping->channel;
  if (const std::string value = row.Get(Field::kChannel); !value.empty()) {
    if (std::optional<Channel> named = RowChannel(value)) {
      channel = *named;
    } else if (unknown_channels_++ == 0) {
      unknown_channel_example_ = std::string(Utf8Prefix(value, 40));
    }
  }
  const std::string result = row.Get(map_.has(Field::kResult) ? Field::kResult : Field::kStatus);
  const std::string text = row.Text();
  const bool answered = IsAnswered(result);
  // A call log that carries its voicemails' words: the rows whose result or status says
  // voicemail, or with a transcript on a call not answered, are voicemails. (A log without a
  // text column keeps "Voicemail" rows as missed calls: the words are in a voicemail export.)
  const bool has_text_column = map_.has(Field::kText);
  if (channel == Channel::kCall && has_text_column &&
      (SaysVoicemail(result) || (map_.kind == SourceKind::kCallLog && transcript_column_ && !text.empty() && !answered)))
    channel = Channel::kVoicemail;
  const bool phone_like = channel == Channel::kCall || channel == Channel::kVoicemail;
  const bool call_log = map_.kind == SourceKind::kCallLog || (phone_like && map_.has(Field::kDirection));
  const bool outbound = IsOutbound(row.Get(Field::kDirection));

  // The customer's number: a direction-free column (CallRail, forms), else whom the call or text
  // was from (inbound) or to (outbound).
  const Field contact = map_.has(Field::kPhone) ? Field::kPhone
                        : outbound              ? (map_.has(Field::kTo) ? Field::kTo : Field::kFrom)
                                                : (map_.has(Field::kFrom) ? Field::kFrom : Field::kTo);
  if (outbound && (call_log || channel == Channel::kSms)) {
    Attempt a;
    a.id = RowId(row, map_, fields);
    a.channel = channel == Channel::kSms ? Channel::kSms : Channel::kCall;
    a.at = at.value_or(Timestamp{});
    a.phone = row.Phone(contact).second;
    a.email = NormalizeEmail(row.Get(Field::kEmail));
    a.actor = row.Get(Field::kAgent);
    a.duration_seconds = row.Duration();
    a.source = row.source();
    return deliver_attempt(a);
  }
  Signal s;
  s.id = RowId(row, map_, fields);
  s.channel = channel;
  s.received_at = at.value_or(Timestamp{});
  std::tie(s.phone_raw, s.phone) = row.Phone(contact);
  s.email = NormalizeEmail(row.Get(Field::kEmail));
  s.name = row.Get(Field::kName);
  if (s.name.empty()) s.name = TrimmedString(row.Get(Field::kFirstName) + " " + row.Get(Field::kLastName));
  const std::string service = row.Get(Field::kService), subject = row.Get(Field::kSubject);
  s.subject = service.empty() ? subject : subject.empty() || subject == service ? service : service + " - " + subject;
  s.text = text;
  s.duration_seconds = row.Duration();
  s.answered = channel == Channel::kCall && answered;
  s.lead_source = !map_.lead_source.empty() ? map_.lead_source : row.LeadSource();
  // A call to the Business Profile's tracking number is a Business Profile lead.
  if (phone_like && map_.has(Field::kTo) && !config_.profile_numbers.empty()) {
    const PhoneNumber called = ParsePhone(row.Get(Field::kTo), config_.phone_region);
    if (called.ok() && std::find(config_.profile_numbers.begin(), config_.profile_numbers.end(), called.e164) !=
                           config_.profile_numbers.end())
      s.lead_source = std::string(kBusinessProfileSource);
  }
  if (channel == Channel::kProfile && s.lead_source.empty()) s.lead_source = std::string(kBusinessProfileSource);
  s.source = row.source();
  return deliver(s);
}

Status TableImport::Finish() {
  if (!decided_)
    if (Status s = Decide(); !s.ok()) return s;
  if (contradicting_line_ > 0 && stats_ && !options_.date_order) {
    const bool day_first = map_.date_order == DateOrder::kDayFirst;
    stats_->notes.push_back(file_ + ": dates were read " + (day_first ? "day/month" : "month/day") +
                            " from the first rows, but line " + std::to_string(contradicting_line_) + " has " +
                            QuoteValue(day_first ? month_first_example_ : day_first_example_) +
                            ", which can only be " + (day_first ? "month/day" : "day/month") +
                            ": check the dates of this file");
  }
  if (unknown_channels_ > 0 && stats_)
    stats_->notes.push_back(file_ + ": " + std::to_string(unknown_channels_) + " row(s) name a channel Ringback " +
                            "does not know (\"" + unknown_channel_example_ + "\"): read as " +
                            std::string(SourceKindName(map_.kind)));
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
  if (stats_) stats_->tables.push_back({options_.table_name, 0, first_record_, std::nullopt, message, {}});
  return Status::InvalidArgument(message);
}

}  // namespace ringback
