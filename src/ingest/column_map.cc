#include "ingest/column_map.h"

#include <algorithm>
#include <cctype>

namespace ringback {
namespace {

using Names = std::vector<std::string_view>;

struct Synonyms {
  Field field;
  Names names;  // folded headers, most specific first
};

// Folded header names seen in real exports (phone systems, form plugins, Twilio, CRMs). Order
// matters twice: fields are claimed top to bottom, and within a field the first name found wins.
const std::vector<Synonyms>& Table() {
  static const std::vector<Synonyms> table = {
      {Field::kTime, {"start time", "starttime", "start time utc", "date time", "call start time", "call start", "call date",
                      "start date", "received", "received at", "entry date", "sent date", "sentdate", "date sent",
                      "date created", "date submitted", "submitted", "submission date", "created at", "created",
                      "timestamp", "date", "time"}},
      {Field::kClock, {"time", "call time", "start time of day"}},
      {Field::kDirection, {"direction", "call direction", "type"}},
      {Field::kFrom, {"from", "from number", "from phonenumber", "caller", "caller number", "caller phone number",
                      "caller id", "calling number", "source number"}},
      {Field::kTo, {"to", "to number", "to phonenumber", "called number", "dialed number", "destination number",
                    "tracking number"}},
      {Field::kPhone, {"phone", "phone number", "customer phone number", "customer phone", "client phone",
                       "contact phone", "mobile", "mobile phone", "cell", "cell phone", "telephone", "your phone",
                       "your tel", "tel", "contact number"}},
      {Field::kEmail, {"email", "email address", "e mail", "client email", "customer email", "contact email",
                       "your email"}},
      {Field::kName, {"caller name", "name", "customer name", "client name", "client", "customer", "full name",
                      "contact name", "from name", "your name", "display name"}},
      {Field::kFirstName, {"name first", "first name", "firstname"}},
      {Field::kLastName, {"name last", "last name", "lastname"}},
      {Field::kResult, {"result", "call result", "call status", "action result", "disposition", "outcome",
                        "answered"}},
      {Field::kDuration, {"duration sec", "duration seconds", "duration secs", "duration s", "duration",
                          "call duration", "call length", "talk time"}},
      {Field::kAgent, {"agent", "agent name", "answered by", "user", "user name", "extension", "employee",
                       "employee name"}},
      {Field::kText, {"transcription", "transcript", "voicemail transcription", "transcription text", "body",
                      "message", "message body", "comment or message", "comments", "your message", "details",
                      "description", "notes"}},
      {Field::kSubject, {"subject", "title", "your subject", "estimate name"}},
      {Field::kService, {"service", "service needed", "service type", "service requested", "job type",
                         "business unit"}},
      {Field::kAddress, {"street address", "address", "property", "service address", "property address",
                         "location address", "street"}},
      {Field::kStatus, {"status", "quote status", "estimate status"}},
      {Field::kTotal, {"total", "total usd", "total $", "quote total", "estimate total", "total amount", "amount",
                       "subtotal"}},
      {Field::kNumber, {"sid", "message sid", "call sid", "call id", "session id", "sessionid", "entry id", "entry",
                        "quote #", "quote", "quote number", "estimate #", "estimate id", "estimate number",
                        "estimate", "id"}},
      {Field::kEstimator, {"salesperson", "sales rep", "estimator", "sold by", "created by", "assigned to",
                           "technician", "employees", "assigned employees"}},
      {Field::kParent, {"parent call sid", "parent call id"}},
  };
  return table;
}

// Second columns for a field already mapped, read when its cell is empty.
const std::vector<Synonyms>& FallbackTable() {
  static const std::vector<Synonyms> table = {
      {Field::kPhone, {"home phone", "work phone", "other phone", "alternate phone", "phone 2"}},
      {Field::kTime, {"created date", "created on", "date created", "created at", "created"}},
  };
  return table;
}

// A vendor export, recognised when every header of one of its signatures is present.
struct Profile {
  std::string_view name;
  SourceKind kind;
  std::vector<Names> signatures;
  std::vector<std::pair<Field, Names>> columns;    // claimed before the generic synonyms
  std::vector<std::pair<Field, Names>> fallbacks;  // second columns specific to this export
  std::vector<Field> unset;                        // generic meanings this export must not get
};

// Where each header set comes from (the fixtures in tests/fixtures/ingest/ use the same):
// - CallRail: the call fields of CallRail's API v3 (start_time, customer_name,
//   customer_phone_number, tracking_phone_number, direction, duration, answered, voicemail,
//   source, id) and its call log columns as labelled in the app ("Customer Phone Number",
//   "Tracking Number", "Call Status"); the CSV labels were not confirmed against a download.
//   The customer's number is the contact in both directions; the tracking number is ours.
// - Twilio call log: the Calls resource (sid, parent_call_sid, from, to, status, start_time,
//   duration, direction, caller_name) as CSV labels ("Call Sid", "Start Time") and as the
//   BulkExport JSON lines. Status is the call's outcome (completed, no-answer, busy, canceled).
// - Twilio message log: the console's CSV download "From,To,Body,Status,SentDate,ApiVersion,
//   NumSegments,ErrorCode,AccountSid,Sid,Direction,Price,PriceUnit" (as read by public
//   scripts), and the BulkExport JSON lines of the Message resource (date_sent, body, sid).
// - RingCentral: the call-log record (sessionId, startTime, direction, from, to, extension,
//   action, result, duration) with the admin portal's export labels ("Action Result",
//   "Call Length", separate Date and Time); labels not confirmed against a current export.
// - Gravity Forms: the entry export's own columns "Entry Id", "Entry Date", "Source Url",
//   "User IP" (from the plugin's source) and field labels such as "Name (First)".
// - WPForms: field labels of its default contact form ("Name", "Email", "Comment or Message")
//   with the entry columns "Entry ID", "Entry Date", "Page URL" (not confirmed).
// - Contact Form 7 + Flamingo: Flamingo's inbound CSV, whose header is the form's field keys
//   ("your-name", "your-email", "your-subject", "your-message", …) then "Date" (ISO 8601).
// - Jobber: the Quotes report "Quote #,Client name,Client email,Client phone,Property,Title,
//   Status,Created date,Sent date,Approved date,Converted date,Total ($),Salesperson", which
//   starts with two title lines ("Quotes Report", "Date range: …") above the header.
// - Housecall Pro: the estimates export "Estimate #, Customer, Employees, Outcome, Open value,
//   Won value, Lost value, Estimate status, Created date" plus the customer columns its help
//   centre lists for exported reports (First Name, Last Name, Email, Mobile Phone, Home
//   Phone). Outcome (open/won/lost) is the decision; Estimate status is the visit's.
// - ServiceTitan: estimate fields of its API and help centre (estimate id, name, status
//   Open/Sold/Dismissed, subtotal, sold on, sold by, business unit) as report column labels;
//   labels not confirmed against a current export.
const std::vector<Profile>& Profiles() {
  static const std::vector<Profile> profiles = {
      {"CallRail call log",
       SourceKind::kCallLog,
       {{"customer phone number", "tracking number"}, {"customer phone number", "tracking phone number"}},
       {{Field::kPhone, {"customer phone number"}},
        {Field::kName, {"customer name"}},
        {Field::kResult, {"call status", "answered"}},
        {Field::kDuration, {"duration seconds", "duration"}},
        {Field::kAgent, {"agent name", "agent email"}},
        {Field::kNumber, {"call id", "id"}}},
       {},
       {Field::kFrom, Field::kTo}},
      {"Twilio call log",
       SourceKind::kCallLog,
       {{"call sid"}, {"sid", "parent call sid"}},
       {{Field::kTime, {"start time", "date created"}},
        {Field::kResult, {"status"}},
        {Field::kNumber, {"call sid", "sid"}},
        {Field::kParent, {"parent call sid"}},
        {Field::kName, {"caller name"}}},
       {},
       {}},
      {"Twilio message log",
       SourceKind::kSms,
       {{"sentdate", "body", "sid"}, {"date sent", "body", "sid"}, {"sentdate", "body"}},
       {{Field::kTime, {"sentdate", "date sent"}}, {Field::kText, {"body"}}, {Field::kNumber, {"sid", "message sid"}}},
       {{Field::kTime, {"date created"}}},
       {}},
      {"RingCentral call log",
       SourceKind::kCallLog,
       {{"action result", "call length"}, {"action result", "session id"}},
       {{Field::kResult, {"action result"}},
        {Field::kDuration, {"call length", "duration"}},
        {Field::kNumber, {"session id"}},
        {Field::kAgent, {"extension"}}},
       {},
       {}},
      {"WPForms entries",
       SourceKind::kForm,
       {{"comment or message"}, {"entry id", "page url"}},
       {{Field::kText, {"comment or message"}}, {Field::kTime, {"entry date", "date"}}},
       {},
       {}},
      {"Gravity Forms entries",
       SourceKind::kForm,
       {{"entry id", "entry date", "source url"}, {"entry id", "entry date", "name first"},
        {"entry id", "entry date", "user ip"}},
       {{Field::kTime, {"entry date"}}},
       {},
       {}},
      {"Contact Form 7 (Flamingo) messages",
       SourceKind::kForm,
       {{"your email", "date"}, {"your name", "date"}},
       {{Field::kTime, {"date"}}, {Field::kText, {"your message"}}, {Field::kSubject, {"your subject"}}},
       {},
       {}},
      {"Jobber quotes",
       SourceKind::kEstimates,
       {{"quote #", "client name"}, {"quote number", "client name"}},
       {{Field::kTime, {"sent date"}}, {Field::kSubject, {"title"}}, {Field::kAddress, {"property"}}},
       {{Field::kTime, {"created date"}}},
       {}},
      {"Housecall Pro estimates",
       SourceKind::kEstimates,
       {{"estimate #", "outcome"}, {"outcome", "open value"}, {"outcome", "estimate status"}},
       {{Field::kStatus, {"outcome"}},
        {Field::kTotal, {"open value", "total"}},
        {Field::kTime, {"created date", "created at"}},
        {Field::kName, {"customer", "customer name"}},
        {Field::kSubject, {"description"}},
        {Field::kEstimator, {"employees", "assigned employees"}}},
       {{Field::kTotal, {"won value", "lost value"}}},
       {}},
      {"ServiceTitan estimates",
       SourceKind::kEstimates,
       {{"estimate id", "sold by"}, {"sold on", "business unit"}, {"sold by", "sold on"}},
       {{Field::kNumber, {"estimate id"}},
        {Field::kTime, {"created on", "created date"}},
        {Field::kSubject, {"estimate name", "name"}},
        {Field::kService, {"business unit"}},
        {Field::kTotal, {"subtotal", "total"}},
        {Field::kEstimator, {"sold by"}},
        {Field::kName, {"customer name", "customer"}}},
       {},
       {}},
  };
  return profiles;
}

bool Contains(const std::vector<std::string>& folded, std::string_view name) {
  return std::find(folded.begin(), folded.end(), name) != folded.end();
}

int Find(const std::vector<std::string>& folded, const Names& names, const std::vector<bool>& used) {
  for (std::string_view name : names)
    for (std::size_t i = 0; i < folded.size(); ++i)
      if (!used[i] && folded[i] == name) return static_cast<int>(i);
  return -1;
}

const Profile* MatchProfile(const std::vector<std::string>& folded) {
  for (const Profile& p : Profiles())
    for (const Names& signature : p.signatures)
      if (std::all_of(signature.begin(), signature.end(), [&](std::string_view h) { return Contains(folded, h); }))
        return &p;
  return nullptr;
}

void Claim(ColumnMap& map, std::vector<bool>& used, Field field, int col) {
  map.set(field, col);
  used[static_cast<std::size_t>(col)] = true;
}

void AddFallbacks(ColumnMap& map, std::vector<bool>& used, const std::vector<std::string>& folded,
                  const std::vector<std::pair<Field, Names>>& table) {
  for (const auto& [field, names] : table) {
    if (!map.has(field)) continue;
    for (std::string_view name : names) {
      int col = Find(folded, {name}, used);
      if (col < 0) continue;
      map.fallbacks.emplace_back(field, col);
      used[static_cast<std::size_t>(col)] = true;
    }
  }
}

ColumnMap Build(const std::vector<std::string>& folded, const Profile* profile) {
  ColumnMap map;
  std::vector<bool> used(folded.size(), false);
  if (profile) {
    map.profile = std::string(profile->name);
    for (const auto& [field, names] : profile->columns) {
      if (map.has(field)) continue;
      if (int col = Find(folded, names, used); col >= 0) Claim(map, used, field, col);
    }
  }
  for (const Synonyms& syn : Table()) {
    if (map.has(syn.field)) continue;
    if (profile && std::find(profile->unset.begin(), profile->unset.end(), syn.field) != profile->unset.end())
      continue;
    if (int col = Find(folded, syn.names, used); col >= 0) Claim(map, used, syn.field, col);
  }
  if (profile) AddFallbacks(map, used, folded, profile->fallbacks);
  std::vector<std::pair<Field, Names>> generic;
  for (const Synonyms& syn : FallbackTable()) generic.emplace_back(syn.field, syn.names);
  AddFallbacks(map, used, folded, generic);
  return map;
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

std::optional<SourceKind> ParseSourceKind(std::string_view text) {
  const std::string t = FoldHeader(text);
  for (std::string_view s : {"call log", "calls", "call", "phone calls"})
    if (t == s) return SourceKind::kCallLog;
  for (std::string_view s : {"voicemail", "voicemails", "voicemail transcripts", "transcripts"})
    if (t == s) return SourceKind::kVoicemail;
  for (std::string_view s : {"web forms", "web form", "forms", "form", "form entries"})
    if (t == s) return SourceKind::kForm;
  for (std::string_view s : {"text messages", "texts", "sms", "messages", "message log"})
    if (t == s) return SourceKind::kSms;
  for (std::string_view s : {"estimates", "estimate", "quotes", "quote"})
    if (t == s) return SourceKind::kEstimates;
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, static_cast<std::size_t>(Field::kCount)> kFieldNames = {
    "time", "clock", "direction", "from", "to", "phone", "email", "name", "first_name", "last_name",
    "result", "duration", "agent", "text", "subject", "service", "address", "status", "total",
    "number", "estimator", "parent"};
}  // namespace

std::string_view FieldName(Field f) { return kFieldNames[static_cast<std::size_t>(f)]; }

std::optional<Field> ParseFieldName(std::string_view name) {
  for (std::size_t i = 0; i < kFieldNames.size(); ++i)
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  return std::nullopt;
}

std::optional<Field> ColumnMap::FieldOf(int col) const {
  for (std::size_t i = 0; i < column.size(); ++i)
    if (column[i] == col) return static_cast<Field>(i);
  for (const auto& [field, c] : fallbacks)
    if (c == col) return field;
  return std::nullopt;
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

std::optional<SourceKind> GuessKind(const ColumnMap& map, const std::vector<std::string>& folded) {
  const bool transcript = Contains(folded, "transcription") || Contains(folded, "transcript") ||
                          Contains(folded, "voicemail transcription");
  if (map.has(Field::kTotal) && map.has(Field::kStatus)) return SourceKind::kEstimates;
  if (transcript) return SourceKind::kVoicemail;
  // A call log may carry notes beside its direction; a message log has no duration or result.
  if (map.has(Field::kText) && map.has(Field::kDirection) && !map.has(Field::kDuration) && !map.has(Field::kResult))
    return SourceKind::kSms;
  if (map.has(Field::kText) && (map.has(Field::kPhone) || map.has(Field::kEmail))) return SourceKind::kForm;
  if (map.has(Field::kDirection) || map.has(Field::kResult) || map.has(Field::kDuration)) return SourceKind::kCallLog;
  return std::nullopt;
}

std::string MissingColumns(const ColumnMap& map) {
  const bool contact = map.has(Field::kFrom) || map.has(Field::kPhone) || map.has(Field::kEmail) ||
                       (map.kind != SourceKind::kForm && map.kind != SourceKind::kEstimates && map.has(Field::kTo));
  std::string missing;
  auto need = [&missing](std::string_view what) { missing += (missing.empty() ? "" : ", ") + std::string(what); };
  if (!map.has(Field::kTime)) need("a date column (time)");
  if (!contact) need("a phone, email or \"From\" column");
  if (map.kind == SourceKind::kEstimates && !map.has(Field::kStatus)) need("a status column");
  return missing;
}

std::optional<ColumnMap> MapColumns(const std::vector<std::string>& headers) {
  std::vector<std::string> folded;
  for (const std::string& h : headers) folded.push_back(FoldHeader(h));
  if (const Profile* profile = MatchProfile(folded)) {
    ColumnMap map = Build(folded, profile);
    map.kind = profile->kind;
    if (MissingColumns(map).empty() || (map.kind == SourceKind::kEstimates && map.has(Field::kStatus))) return map;
  }
  ColumnMap map = Build(folded, nullptr);
  const bool any_contact = map.has(Field::kFrom) || map.has(Field::kPhone) || map.has(Field::kEmail);
  const bool estimate_like = map.has(Field::kTotal) && map.has(Field::kStatus);
  if ((!map.has(Field::kTime) || !any_contact) && !estimate_like) return std::nullopt;
  std::optional<SourceKind> kind = GuessKind(map, folded);
  if (!kind) return std::nullopt;
  map.kind = *kind;
  return map;
}

std::vector<std::string> KnownProfiles() {
  std::vector<std::string> out;
  for (const Profile& p : Profiles()) out.emplace_back(p.name);
  return out;
}

}  // namespace ringback
