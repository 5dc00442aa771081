#include "ingest/column_map.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/category.h"
#include "core/lead_source.h"
#include "core/text.h"

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
                      "timestamp", "date and time", "datetime", "call date time", "lead creation timestamp",
                      "lead received", "submitted at", "submission time", "created time", "date of call",
                      "date", "time"}},
      {Field::kClock, {"time", "call time", "start time of day", "time of call", "time of day"}},
      {Field::kDirection, {"direction", "call direction", "type"}},
      {Field::kFrom, {"from", "from number", "from phonenumber", "caller", "caller number", "caller phone number",
                      "caller id", "calling number", "source number"}},
      {Field::kTo, {"to", "to number", "to phonenumber", "called number", "dialed number", "destination number",
                    "tracking number", "tracking phone number", "number called", "dialed", "called"}},
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
      {Field::kText, {"transcription", "transcript", "voicemail transcription", "voicemail transcript",
                      "voicemail text", "transcription text", "transcript text", "body", "message", "message body",
                      "message text", "comment or message", "comments", "comment", "your message", "details",
                      "description", "notes", "note", "summary", "call summary", "call notes", "how can we help", "how can we help you", "question", "questions", "request", "inquiry",
                      "enquiry", "project description", "project details", "tell us about your project",
                      "additional information", "additional details", "what do you need help with"}},
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
      {Field::kLeadSource, {"lead source", "source", "utm source", "utm medium", "utm campaign", "referral source",
                            "referrer", "how did you hear about us", "how did you find us", "marketing source",
                            "ad source", "traffic source", "campaign", "marketing channel", "source medium",
                            "first touch source", "tracking source", "lead origin"}},
      {Field::kChannel, {"channel", "lead type", "contact type", "contact method", "interaction type",
                         "activity type", "conversation type", "record type", "communication type"}},
  };
  return table;
}

// Fields that gather every column of theirs, not only the first: all the free text, and the
// utm columns together.
constexpr std::array<Field, 2> kGathering = {Field::kText, Field::kLeadSource};

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
  std::string_view lead_source = {};               // every row's lead source, when the export says
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
// - Google Local Services Ads: the detailed lead report of the Local Services API (leadId,
//   leadCreationTimestamp, leadType PHONE_CALL/MESSAGE/BOOKING, leadCategory, chargeStatus,
//   disputeStatus, timezone, phoneLead/messageLead consumerPhoneNumber, customerName, jobType,
//   postalCode) and the Google Ads LocalServicesLead fields (lead_type, lead_status,
//   creation_date_time "YYYY-MM-DD HH:MM:SS" in the account's zone) as CSV labels ("Lead ID",
//   "Lead Type", "Charge Status"); labels not confirmed against a dashboard download. Every row
//   has the lead source "Google Local Services Ads".
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
       {Field::kFrom}},
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
      {"Google Local Services Ads leads",
       SourceKind::kForm,
       {{"lead type", "charge status"}, {"lead type", "lead id"}, {"lead id", "dispute status"},
        {"lead type", "lead category"}},
       {{Field::kNumber, {"lead id"}},
        {Field::kTime, {"lead creation timestamp", "lead received", "lead creation time", "created", "date"}},
        {Field::kChannel, {"lead type"}},
        {Field::kPhone, {"consumer phone number", "customer phone number", "phone number", "phone"}},
        {Field::kName, {"customer name", "consumer name", "name"}},
        {Field::kService, {"job type", "lead category", "category"}},
        {Field::kStatus, {"lead status", "status"}},
        {Field::kDuration, {"charged connected call duration seconds", "call duration seconds", "call duration"}}},
       {},
       {Field::kTotal},
       kLocalServicesAdsSource},
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
  for (const Synonyms& syn : Table()) {
    if (std::find(kGathering.begin(), kGathering.end(), syn.field) == kGathering.end() || !map.has(syn.field))
      continue;
    for (std::string_view name : syn.names)
      for (std::size_t i = 0; i < folded.size(); ++i)
        if (!used[i] && folded[i] == name) {
          map.extra.emplace_back(syn.field, static_cast<int>(i));
          used[i] = true;
        }
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
    "number", "estimator", "parent", "lead_source", "channel"};
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
  for (const auto& [field, c] : extra)
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
                          Contains(folded, "voicemail transcription") || Contains(folded, "voicemail transcript");
  if (map.has(Field::kTotal) && map.has(Field::kStatus)) return SourceKind::kEstimates;
  // A call log with a transcript column: its voicemails are the rows that say so (by their
  // result or status, or by a transcript on a call not answered).
  if (transcript && (map.has(Field::kResult) || map.has(Field::kDirection))) return SourceKind::kCallLog;
  if (transcript) return SourceKind::kVoicemail;
  // A call log may carry notes beside its direction; a message log has no duration or result.
  if (map.has(Field::kText) && map.has(Field::kDirection) && !map.has(Field::kDuration) && !map.has(Field::kResult))
    return SourceKind::kSms;
  // A call result ("Missed", "Voicemail") makes a call log even when every column was found
  // by its values and one of them is text.
  if (map.has(Field::kText) && (map.has(Field::kPhone) || map.has(Field::kEmail)) && !map.has(Field::kResult))
    return SourceKind::kForm;
  if (map.has(Field::kDirection) || map.has(Field::kResult) || map.has(Field::kDuration)) return SourceKind::kCallLog;
  if (map.has(Field::kChannel) || map.has(Field::kLeadSource)) return SourceKind::kForm;  // a lead list
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

namespace {

// What the sampled values of one column look like.
struct ColumnValues {
  int values = 0;  // non-empty
  int datetimes = 0, dates = 0, clocks = 0;
  int phones = 0, emails = 0, channels = 0, sources = 0;
  int prose = 0;  // three words or more with letters: free text
  std::size_t bytes = 0;
  int month_first = 0, day_first = 0;
  std::string first_month_first, first_day_first;  // an example of each, for the reason
  std::vector<std::string> distinct;  // up to 20 different values: a business line repeats
};

bool LooksLikePhone(std::string_view v) {
  int digits = 0;
  for (char c : v) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (!std::strchr("+-(). ", c)) return false;
  }
  return digits >= 10 && digits <= 15;
}

bool LooksLikeEmail(std::string_view v) {
  const std::size_t at = v.find('@');
  return at != std::string_view::npos && at > 0 && v.find('.', at) != std::string_view::npos &&
         v.find(' ') == std::string_view::npos && v.size() < 255;
}

bool LooksLikeProse(std::string_view v) {
  int words = 0, letters = 0;
  bool in_word = false;
  for (char c : v) {
    const bool letter = std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    letters += letter;
    if (c == ' ' || c == '\n' || c == '\t') in_word = false;
    else if (!in_word) in_word = true, ++words;
  }
  return words >= 3 && letters >= 10 && !LooksLikeEmail(v);
}

std::vector<ColumnValues> Survey(std::size_t columns, const std::vector<std::vector<std::string>>& sample) {
  std::vector<ColumnValues> out(columns);
  for (const std::vector<std::string>& row : sample) {
    for (std::size_t i = 0; i < columns && i < row.size(); ++i) {
      const std::string v = TrimmedString(row[i]);
      if (v.empty()) continue;
      ColumnValues& c = out[i];
      ++c.values;
      c.bytes += v.size();
      switch (ShapeOfTime(v)) {
        case TimeShape::kDateTime: ++c.datetimes; break;
        case TimeShape::kDate: ++c.dates; break;
        case TimeShape::kClock: ++c.clocks; break;
        case TimeShape::kNone: break;
      }
      const DateOrder order = DateOrderEvidence(v);
      if (order == DateOrder::kMonthFirst && c.month_first++ == 0) c.first_month_first = v;
      if (order == DateOrder::kDayFirst && c.day_first++ == 0) c.first_day_first = v;
      c.phones += LooksLikePhone(v);
      c.emails += LooksLikeEmail(v);
      c.channels += ParseChannelAlias(v).has_value() || SaysVoicemail(v);
      const std::string source = NormalizeLeadSource(v);
      c.sources += source == "Google Business Profile" || source == "Google Local Services Ads" ||
                   source == "Google Ads" || source == "Facebook" || source == "Yelp" || source == "Website" ||
                   source == "Referral" || source == "Google Search" || source == "Nextdoor" || source == "Angi" ||
                   source == "HomeAdvisor" || source == "Thumbtack";
      c.prose += LooksLikeProse(v);
      if (c.distinct.size() < 20 && std::find(c.distinct.begin(), c.distinct.end(), v) == c.distinct.end())
        c.distinct.push_back(v);
    }
  }
  return out;
}

bool Most(int part, int whole) { return whole > 0 && part * 10 >= whole * 8; }

// Header words that name free text, whatever else the header says ("How can we help you
// today?", "Voicemail Transcript (auto)").
bool NamesText(std::string_view folded) {
  for (std::string_view word : {"transcript", "transcription", "message", "notes", "note", "comment", "comments",
                                "summary", "description", "details", "question", "help", "request", "inquiry",
                                "enquiry", "describe", "project", "problem", "issue", "voicemail text"})
    if ((" " + std::string(folded) + " ").find(" " + std::string(word) + " ") != std::string::npos) return true;
  return false;
}

void Assign(ColumnMap& map, Field field, int col, bool content) {
  if (!map.has(field)) map.set(field, col);
  else map.extra.emplace_back(field, col);
  if (content) map.by_content.push_back(col);
}

}  // namespace

bool SaysVoicemail(std::string_view value) {
  std::string v;
  for (char c : value)
    if (std::isalpha(static_cast<unsigned char>(c))) v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v.find("voicemail") != std::string::npos || v == "vm" || v.find("leftmessage") != std::string::npos ||
         v.find("voicemessage") != std::string::npos;
}

void InferFromContent(ColumnMap& map, const std::vector<std::string>& headers,
                      const std::vector<std::vector<std::string>>& sample, DateOrder default_order) {
  const std::vector<ColumnValues> values = Survey(headers.size(), sample);
  auto unused = [&map](std::size_t i) { return !map.FieldOf(static_cast<int>(i)); };
  const int cols = static_cast<int>(headers.size());
  // The date: a mapped date-only column takes a time-of-day column beside it; with no date
  // mapped, a column of dates is the date whatever its header.
  auto find = [&](auto pred) {
    for (int i = 0; i < cols; ++i)
      if (unused(static_cast<std::size_t>(i)) && values[static_cast<std::size_t>(i)].values > 0 &&
          pred(values[static_cast<std::size_t>(i)]))
        return i;
    return -1;
  };
  if (map.has(Field::kTime)) {
    const ColumnValues& t = values[static_cast<std::size_t>(map[Field::kTime])];
    // A "Time" header claimed as the date but holding times of day, beside a date column.
    if (Most(t.clocks, t.values) && !map.has(Field::kClock)) {
      const int date_col = find([](const ColumnValues& c) { return Most(c.dates, c.values); });
      if (date_col >= 0) {
        map.set(Field::kClock, map[Field::kTime]);
        map.set(Field::kTime, date_col);
        map.by_content.push_back(date_col);
      }
    }
  } else {
    const int col = find([](const ColumnValues& c) { return Most(c.datetimes + c.dates, c.values); });
    if (col >= 0) Assign(map, Field::kTime, col, true);
  }
  if (map.has(Field::kTime) && !map.has(Field::kClock)) {
    const ColumnValues& t = values[static_cast<std::size_t>(map[Field::kTime])];
    if (Most(t.dates, t.values)) {
      const int col = find([](const ColumnValues& c) { return Most(c.clocks, c.values); });
      if (col >= 0) Assign(map, Field::kClock, col, true);
    }
  }
  // A way to reach the person.
  if (!map.has(Field::kPhone) && !map.has(Field::kFrom)) {
    // Two columns of phones: the one that repeats a few numbers is the business's line (the
    // number called), the other the customer.
    std::vector<int> phone_cols;
    for (int i = 0; i < cols; ++i) {
      const ColumnValues& c = values[static_cast<std::size_t>(i)];
      if (unused(static_cast<std::size_t>(i)) && c.values > 0 && Most(c.phones, c.values)) phone_cols.push_back(i);
    }
    if (phone_cols.size() >= 2 && !map.has(Field::kTo)) {
      auto spread = [&](int col) { return values[static_cast<std::size_t>(col)].distinct.size(); };
      const int customer = spread(phone_cols[0]) >= spread(phone_cols[1]) ? phone_cols[0] : phone_cols[1];
      const int line = customer == phone_cols[0] ? phone_cols[1] : phone_cols[0];
      if (spread(line) < spread(customer)) {
        Assign(map, Field::kPhone, customer, true);
        Assign(map, Field::kTo, line, true);
      } else {
        Assign(map, Field::kPhone, phone_cols[0], true);
      }
    } else if (!phone_cols.empty()) {
      Assign(map, Field::kPhone, phone_cols[0], true);
    }
  }
  // A person's name under a header that says "name" in other words ("What's your name?").
  if (!map.has(Field::kName) && !map.has(Field::kFirstName)) {
    for (int i = 0; i < cols; ++i) {
      const std::string h = " " + FoldHeader(headers[static_cast<std::size_t>(i)]) + " ";
      const ColumnValues& c = values[static_cast<std::size_t>(i)];
      if (unused(static_cast<std::size_t>(i)) && h.find(" name ") != std::string::npos && c.phones == 0 &&
          c.emails == 0) {
        Assign(map, Field::kName, i, true);
        break;
      }
    }
  }
  if (!map.has(Field::kEmail)) {
    const int col = find([](const ColumnValues& c) { return Most(c.emails, c.values); });
    if (col >= 0) Assign(map, Field::kEmail, col, true);
  }
  if (!map.has(Field::kChannel)) {
    const int col = find([](const ColumnValues& c) { return Most(c.channels, c.values); });
    if (col >= 0 && FoldHeader(headers[static_cast<std::size_t>(col)]) != "direction")
      Assign(map, Field::kChannel, col, true);
  }
  // Lead sources by their values; then every remaining column of free text.
  for (int i = 0; i < cols; ++i) {
    const ColumnValues& c = values[static_cast<std::size_t>(i)];
    if (unused(static_cast<std::size_t>(i)) && c.values > 0 && c.sources * 10 >= c.values * 6)
      Assign(map, Field::kLeadSource, i, true);
  }
  for (int i = 0; i < cols; ++i) {
    if (!unused(static_cast<std::size_t>(i))) continue;
    const ColumnValues& c = values[static_cast<std::size_t>(i)];
    const bool named = NamesText(FoldHeader(headers[static_cast<std::size_t>(i)]));
    const bool prose = c.values > 0 && c.prose * 2 >= c.values && c.bytes >= static_cast<std::size_t>(c.values) * 15;
    if (named || prose) Assign(map, Field::kText, i, !named);
  }
  // "Submit Date (UTC)": times without an offset are UTC, not the company's clock.
  if (map.has(Field::kTime)) {
    const std::string h = " " + FoldHeader(headers[static_cast<std::size_t>(map[Field::kTime])]) + " ";
    map.time_is_utc = h.find(" utc ") != std::string::npos || h.find(" gmt ") != std::string::npos;
  }
  // The order of numeric dates, from every sampled value of the date column.
  map.date_order = default_order;
  const std::string order_name = default_order == DateOrder::kDayFirst ? "day/month" : "month/day";
  map.date_order_reason = "no date in the file decides; read as " + order_name + " (the company's region)";
  if (map.has(Field::kTime)) {
    const ColumnValues& t = values[static_cast<std::size_t>(map[Field::kTime])];
    if (t.day_first > 0 && t.month_first == 0) {
      map.date_order = DateOrder::kDayFirst;
      map.date_order_reason = "day/month: \"" + t.first_day_first + "\" can only be day first";
    } else if (t.month_first > 0 && t.day_first == 0) {
      map.date_order = DateOrder::kMonthFirst;
      map.date_order_reason = "month/day: \"" + t.first_month_first + "\" can only be month first";
    } else if (t.month_first > 0 && t.day_first > 0) {
      map.date_order = t.day_first > t.month_first ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
      map.date_order_reason = "mixed: " + std::to_string(t.month_first) + " value(s) only month first (\"" +
                              t.first_month_first + "\"), " + std::to_string(t.day_first) +
                              " only day first (\"" + t.first_day_first + "\"); ambiguous ones read " +
                              (map.date_order == DateOrder::kDayFirst ? "day/month" : "month/day");
    } else if (t.datetimes + t.dates == 0 || (t.month_first == 0 && t.day_first == 0)) {
      bool numeric = false;
      for (const std::vector<std::string>& row : sample) {
        const std::size_t col = static_cast<std::size_t>(map[Field::kTime]);
        if (col < row.size() && row[col].find('/') != std::string::npos) numeric = true;
      }
      if (!numeric) map.date_order_reason.clear();  // ISO or month names: nothing to decide
    }
  }
}

std::optional<ColumnMap> MapColumns(const std::vector<std::string>& headers) {
  return MapColumns(headers, {}, DateOrder::kMonthFirst);
}

std::optional<ColumnMap> MapColumns(const std::vector<std::string>& headers,
                                    const std::vector<std::vector<std::string>>& sample, DateOrder default_order) {
  std::vector<std::string> folded;
  for (const std::string& h : headers) folded.push_back(FoldHeader(h));
  if (const Profile* profile = MatchProfile(folded)) {
    ColumnMap map = Build(folded, profile);
    map.kind = profile->kind;
    map.lead_source = std::string(profile->lead_source);
    if (!sample.empty()) InferFromContent(map, headers, sample, default_order);
    if (MissingColumns(map).empty() || (map.kind == SourceKind::kEstimates && map.has(Field::kStatus))) return map;
  }
  ColumnMap map = Build(folded, nullptr);
  if (!sample.empty()) InferFromContent(map, headers, sample, default_order);
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
