#include "assign/calendar_feed.h"
#include "core/text.h"

#include <date/date.h>

#include <cctype>

namespace ringback {
namespace {

constexpr std::size_t kMaxOctets = 75;  // RFC 5545 3.1, excluding the CRLF
constexpr std::string_view kMiddleDot = " \xC2\xB7 ";  // how the queue joins name, phone, email

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string IcalUtc(Timestamp t) { return date::format("%Y%m%dT%H%M%SZ", t); }

// "active_estimate" -> "active estimate".
std::string CategoryLabel(Category c) {
  std::string out(CategoryName(c));
  for (char& ch : out)
    if (ch == '_') ch = ' ';
  return out;
}

// RFC 5545 priority: 1 highest, 9 lowest.
int Priority(Category c) {
  switch (c) {
    case Category::kEmergency: return 1;
    case Category::kWarranty:
    case Category::kActiveEstimate: return 3;
    case Category::kUnknown: return 5;
    default: return 7;
  }
}

bool Overdue(const Opportunity& o, Timestamp as_of) {
  return !o.first_attempt_at && o.deadline && *o.deadline < as_of;
}

std::string Description(const Opportunity& o, const CalendarOptions& options) {
  const char* kWhen = "%a %m/%d %I:%M %p %Z";
  std::vector<std::string> lines;
  lines.push_back("Next action: " + o.next_action);
  std::string deadline = "Deadline: " + FormatLocal(*o.deadline, options.time_zone, kWhen);
  if (Overdue(o, options.as_of)) deadline += " (overdue)";
  else if (o.first_attempt_at) deadline += " (attempted " + FormatLocal(*o.first_attempt_at, options.time_zone, kWhen) + ")";
  lines.push_back(deadline);
  lines.push_back("Contact: " + (o.contact_display.empty() ? o.contact_key : o.contact_display));
  if (!o.summary.empty()) lines.push_back("Request: " + o.summary);
  lines.push_back("Received: " + FormatLocal(o.received_at, options.time_zone, kWhen) + " by " +
                  std::string(ChannelName(o.channel)));
  lines.push_back("Owner: " + o.owner + (o.backup_owner.empty() ? "" : "; backup: " + o.backup_owner));
  if (!o.reasons.empty()) lines.push_back("Why: " + Join(o.reasons, "; "));
  lines.push_back("Ringback id: " + o.id);
  return Join(lines, "\n");
}

void Property(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  line += value;
  out += FoldIcalLine(line);
}

void Text(std::string& out, std::string_view name, std::string_view value) {
  Property(out, name, EscapeIcalText(value));
}

void Item(std::string& out, const Opportunity& o, const CalendarOptions& options) {
  const bool todo = options.item == CalendarItem::kTodo;
  const char* kind = todo ? "VTODO" : "VEVENT";
  Property(out, "BEGIN", kind);
  Text(out, "UID", o.id + "@" + options.uid_domain);
  Property(out, "DTSTAMP", IcalUtc(options.as_of));
  if (todo) {
    if (o.received_at < *o.deadline) Property(out, "DTSTART", IcalUtc(o.received_at));
    Property(out, "DUE", IcalUtc(*o.deadline));
    Property(out, "STATUS", o.status == OpportunityStatus::kAttempted ? "IN-PROCESS" : "NEEDS-ACTION");
  } else {
    const int minutes = options.event_minutes > 0 ? options.event_minutes : 15;
    Property(out, "DTSTART", IcalUtc(*o.deadline - std::chrono::minutes(minutes)));
    Property(out, "DTEND", IcalUtc(*o.deadline));
    Property(out, "STATUS", "CONFIRMED");
    Property(out, "TRANSP", "TRANSPARENT");  // a reminder, not busy time
  }
  Text(out, "SUMMARY", "Call back " + ShortContactName(o.contact_display.empty() ? o.contact_key : o.contact_display) +
                           " (" + CategoryLabel(o.category) + ")");
  Text(out, "DESCRIPTION", Description(o, options));
  Text(out, "CATEGORIES", CategoryLabel(o.category));
  Property(out, "PRIORITY", std::to_string(Priority(o.category)));
  Property(out, "END", kind);
}

}  // namespace

bool IsOpenCallback(const Opportunity& o) {
  const bool open = o.status == OpportunityStatus::kOpen || o.status == OpportunityStatus::kOverdue ||
                    o.status == OpportunityStatus::kAttempted;
  return open && IsReal(o.category) && !o.owner.empty() && o.deadline.has_value();
}

std::string RenderCalendar(const std::vector<Opportunity>& callbacks, const CalendarOptions& options) {
  std::string out;
  Property(out, "BEGIN", "VCALENDAR");
  Property(out, "VERSION", "2.0");
  Property(out, "PRODID", "-//Ringback//Ringback callback queue//EN");
  Property(out, "CALSCALE", "GREGORIAN");
  Property(out, "METHOD", "PUBLISH");
  Text(out, "X-WR-CALNAME", options.calendar_name);
  Property(out, "X-PUBLISHED-TTL", "PT15M");
  for (const Opportunity& o : callbacks)
    if (IsOpenCallback(o)) Item(out, o, options);
  Property(out, "END", "VCALENDAR");
  return out;
}

std::string EscapeIcalText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF is one break
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 && c != '\t') || u == 0x7F ? ' ' : c;
      }
    }
  }
  return out;
}

std::string FoldIcalLine(std::string_view line) {
  std::string out;
  std::size_t limit = kMaxOctets;  // continuation lines lose one octet to the leading space
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Back up to the start of a UTF-8 sequence (at most 3 continuation bytes).
    for (int i = 0; i < 3 && cut > 0 && IsUtf8Continuation(line[cut]); ++i) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut where the octets run out
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ShortContactName(std::string_view contact_display) {
  std::string_view name = contact_display.substr(0, contact_display.find(kMiddleDot));
  for (char c : name)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '@') return std::string(name);
  std::vector<std::string_view> words;
  while (!name.empty()) {
    const std::size_t start = name.find_first_not_of(" \t");
    if (start == std::string_view::npos) break;
    name.remove_prefix(start);
    const std::size_t end = std::min(name.find_first_of(" \t"), name.size());
    words.push_back(name.substr(0, end));
    name.remove_prefix(end);
  }
  if (words.empty()) return std::string(contact_display);
  if (words.size() == 1) return std::string(words[0]);
  std::string_view last = words.back();
  std::size_t initial = 1;  // the whole first character, however many octets it takes
  while (initial < last.size() && IsUtf8Continuation(last[initial])) ++initial;
  return std::string(words.front()) + " " + std::string(last.substr(0, initial)) + ".";
}

std::string CalendarUidDomain(std::string_view company) {
  std::string slug;
  for (char c : company) {
    if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "ringback.invalid" : slug + ".ringback.invalid";
}

}  // namespace ringback
