// Callback deadlines as an iCalendar feed (RFC 5545), so an estimator or technician sees the
// callbacks they own on their phone's calendar or task list. Pure: the caller reads the
// queue and writes the text wherever it goes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/opportunity.h"
#include "core/time.h"

namespace ringback {

enum class CalendarItem {
  kTodo,   // VTODO with DUE: task lists (Apple Reminders, Thunderbird, Outlook tasks)
  kEvent,  // VEVENT ending at the deadline: calendars that ignore tasks (Google Calendar)
};

struct CalendarOptions {
  std::string calendar_name = "Ringback callbacks";  // X-WR-CALNAME
  std::string uid_domain = "ringback.invalid";       // UID = opportunity id + "@" + domain
  Timestamp as_of{};               // DTSTAMP of every item, so the same queue gives the same text
  std::string time_zone = "UTC";   // local times shown in DESCRIPTION; DUE/DTSTART are UTC
  CalendarItem item = CalendarItem::kTodo;
  int event_minutes = 15;          // length of a VEVENT, which ends at the deadline
};

// True when `o` is a callback someone still has to make by a deadline: a real category, an
// owner, a deadline, and status open, overdue or attempted.
bool IsOpenCallback(const Opportunity& o);

// A VCALENDAR with one item per open callback in `callbacks`, in the order given; the others
// are skipped. SUMMARY "Call back Jane D. (emergency)"; DESCRIPTION with next action,
// deadline, contact, request, owner and backup, reasons and the Ringback id. CRLF line
// endings, lines folded at 75 octets.
std::string RenderCalendar(const std::vector<Opportunity>& callbacks, const CalendarOptions& options);

// RFC 5545 TEXT escaping: backslash, semicolon and comma escaped, line breaks as "\n", other
// control characters replaced by a space.
std::string EscapeIcalText(std::string_view text);

// "Ridgeline Roofing & Air" -> "ridgeline-roofing-air.ringback.invalid": a UID domain unique
// per company without claiming anyone's real domain ("ringback.invalid" for an empty name).
std::string CalendarUidDomain(std::string_view company);

// One content line, folded: at most 75 octets per physical line, continuation lines start
// with a space, never inside a UTF-8 sequence; every physical line ends with CRLF.
std::string FoldIcalLine(std::string_view line);

// "Jane D." for "Jane Doe · (512) 555-0142 · jane@example.com"; a contact shown without a
// name (a phone, an email, a masked number) is returned as shown.
std::string ShortContactName(std::string_view contact_display);

}  // namespace ringback
