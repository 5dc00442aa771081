#include "ingest/column_map.h"

#include <algorithm>
#include <cctype>

namespace ringback {
namespace {

struct Synonyms {
  Field field;
  std::vector<std::string_view> names;  // folded headers, most specific first
};

// Folded header names seen in real exports (phone systems, form plugins, Twilio, CRMs).
const std::vector<Synonyms>& Table() {
  static const std::vector<Synonyms> table = {
      {Field::kTime, {"start time", "date time", "call start time", "call start", "start date", "received",
                      "received at", "entry date", "date created", "date submitted", "submitted", "submission date",
                      "sent date", "sentdate", "date sent", "created at", "created", "timestamp", "date", "time"}},
      {Field::kClock, {"time"}},
      {Field::kDirection, {"direction", "call direction", "type"}},
      {Field::kFrom, {"from", "from number", "caller", "caller number", "caller id", "calling number"}},
      {Field::kTo, {"to", "to number", "called number", "dialed number", "tracking number"}},
      {Field::kPhone, {"phone", "phone number", "customer phone number", "customer phone", "client phone",
                       "contact phone", "mobile", "mobile phone", "cell", "telephone", "your phone"}},
      {Field::kEmail, {"email", "email address", "e mail", "client email", "customer email", "contact email",
                       "your email"}},
      {Field::kName, {"caller name", "name", "customer name", "client name", "client", "customer", "full name",
                      "contact name", "from name", "your name"}},
      {Field::kFirstName, {"name first", "first name", "firstname"}},
      {Field::kLastName, {"name last", "last name", "lastname"}},
      {Field::kResult, {"result", "call result", "call status", "disposition", "action result"}},
      {Field::kDuration, {"duration sec", "duration seconds", "duration s", "duration", "call duration",
                          "talk time"}},
      {Field::kAgent, {"agent", "answered by", "user", "extension", "employee"}},
      {Field::kText, {"transcription", "transcript", "voicemail transcription", "body", "message", "comments",
                      "your message", "details", "description", "notes"}},
      {Field::kSubject, {"subject", "title"}},
      {Field::kService, {"service", "service needed", "service type", "service requested", "job type"}},
      {Field::kAddress, {"street address", "address", "property", "service address", "property address"}},
      {Field::kStatus, {"status", "quote status", "estimate status"}},
      {Field::kTotal, {"total", "total usd", "total $", "quote total", "estimate total", "amount", "subtotal"}},
      {Field::kNumber, {"sid", "message sid", "call sid", "entry id", "entry", "quote #", "quote", "quote number",
                        "estimate #", "estimate number", "estimate", "id"}},
      {Field::kEstimator, {"salesperson", "sales rep", "estimator", "sold by", "created by", "assigned to",
                           "technician"}},
  };
  return table;
}

int Find(const std::vector<std::string>& folded, const Synonyms& syn, const std::vector<bool>& used) {
  for (std::string_view name : syn.names)
    for (std::size_t i = 0; i < folded.size(); ++i)
      if (!used[i] && folded[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::string_view SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kCallLog: return "call log";
    case SourceKind::kVoicemail: return "voicemail transcripts";
    case SourceKind::kForm: return "web forms";
    case SourceKind::kSms: return "text messages";
    case SourceKind::kEstimates: return "estimates";
  }
  return "";
}

std::string_view FieldName(Field f) {
  static constexpr std::array<std::string_view, static_cast<std::size_t>(Field::kCount)> names = {
      "time", "clock", "direction", "from", "to", "phone", "email", "name", "first_name", "last_name",
      "result", "duration", "agent", "text", "subject", "service", "address", "status", "total",
      "number", "estimator"};
  return names[static_cast<std::size_t>(f)];
}

std::string FoldHeader(std::string_view header) {
  std::string out;
  bool space = false;
  for (char ch : header) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '#' || c == '$') {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  return out;
}

std::optional<ColumnMap> MapColumns(const std::vector<std::string>& headers) {
  std::vector<std::string> folded;
  for (const std::string& h : headers) folded.push_back(FoldHeader(h));
  ColumnMap map;
  map.column.fill(-1);
  std::vector<bool> used(folded.size(), false);
  for (const Synonyms& syn : Table()) {
    int col = Find(folded, syn, used);
    if (col < 0) continue;
    map.column[static_cast<std::size_t>(syn.field)] = col;
    used[static_cast<std::size_t>(col)] = true;
  }
  const bool any_contact = map.has(Field::kFrom) || map.has(Field::kPhone) || map.has(Field::kEmail);
  const bool transcript = std::find(folded.begin(), folded.end(), "transcription") != folded.end() ||
                          std::find(folded.begin(), folded.end(), "transcript") != folded.end() ||
                          std::find(folded.begin(), folded.end(), "voicemail transcription") != folded.end();
  if (!map.has(Field::kTime) || !any_contact) {
    if (!(map.has(Field::kTotal) && map.has(Field::kStatus))) return std::nullopt;
  }
  if (map.has(Field::kTotal) && map.has(Field::kStatus)) {
    map.kind = SourceKind::kEstimates;
  } else if (transcript) {
    map.kind = SourceKind::kVoicemail;
  } else if (map.has(Field::kText) && map.has(Field::kDirection)) {
    map.kind = SourceKind::kSms;
  } else if (map.has(Field::kText) && (map.has(Field::kPhone) || map.has(Field::kEmail))) {
    map.kind = SourceKind::kForm;
  } else if (map.has(Field::kDirection) || map.has(Field::kResult) || map.has(Field::kDuration)) {
    map.kind = SourceKind::kCallLog;
  } else {
    return std::nullopt;
  }
  return map;
}

}  // namespace ringback
