// The callback calendar: which opportunities become items, what a phone shows for each, and
// the RFC 5545 details calendar apps reject files over (escaping, CRLF, 75-octet folding that
// keeps UTF-8 characters whole). The CLI test parses the same text with libical.
#include "assign/calendar_feed.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "assign/test_company.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing_company::At;

Opportunity Callback(std::string id, Category category, std::string contact, const char* deadline) {
  Opportunity o;
  o.id = std::move(id);
  o.contact_key = "tel:+15125550142";
  o.contact_display = std::move(contact);
  o.category = category;
  o.channel = Channel::kVoicemail;
  o.received_at = At("2026-11-17T07:42:00-06:00");
  o.owner = "Luis Mendez";
  o.backup_owner = "Ana Ruiz";
  o.next_action = "Call within 15 min; if no answer, text the urgent note";
  o.deadline = At(deadline);
  o.reasons = {"emergency: \"water coming through the ceiling\"", "on call now: Luis Mendez"};
  o.summary = "Water coming through the kitchen ceiling";
  o.status = OpportunityStatus::kOpen;
  return o;
}

CalendarOptions Options() {
  CalendarOptions options;
  options.calendar_name = "Ridgeline callbacks: Luis Mendez";
  options.uid_domain = "ridgeline.example.com";
  options.as_of = At("2026-11-17T08:00:00-06:00");
  options.time_zone = "America/Chicago";
  return options;
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text with folding undone (CRLF + space removed), for looking up whole properties.
std::string Unfolded(std::string text) {
  for (std::size_t at = text.find("\r\n "); at != std::string::npos; at = text.find("\r\n ", at))
    text.erase(at, 3);
  return text;
}

TEST(RenderCalendar, OneTaskPerOpenCallbackWithDueInUtc) {
  const std::string ics = RenderCalendar(
      {Callback("R-aaaa000001", Category::kEmergency, "Jane Doe \xC2\xB7 (512) 555-0142", "2026-11-17T07:57:00-06:00")},
      Options());
  const std::string flat = Unfolded(ics);
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u) << ics;
  EXPECT_EQ(Count(ics, "BEGIN:VTODO\r\n"), 1);
  EXPECT_THAT(flat, HasSubstr("\r\nUID:R-aaaa000001@ridgeline.example.com\r\n"));
  EXPECT_THAT(flat, HasSubstr("\r\nDUE:20261117T135700Z\r\n"));
  EXPECT_THAT(flat, HasSubstr("\r\nDTSTAMP:20261117T140000Z\r\n"));
  EXPECT_THAT(flat, HasSubstr("\r\nSUMMARY:Call back Jane D. (emergency)\r\n"));
  EXPECT_THAT(flat, HasSubstr("\r\nPRIORITY:1\r\n"));
  EXPECT_THAT(flat, HasSubstr("Next action: Call within 15 min\\; if no answer\\, text the urgent note\\n"));
  EXPECT_THAT(flat, HasSubstr("Deadline: Tue 11/17 07:57 AM CST (overdue)"));
  EXPECT_THAT(flat, HasSubstr("Owner: Luis Mendez\\; backup: Ana Ruiz"));
  EXPECT_THAT(flat, HasSubstr("Ringback id: R-aaaa000001"));
  EXPECT_TRUE(ics.size() >= 2 && ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
}

TEST(RenderCalendar, SameQueueAndAsOfGiveTheSameText) {
  std::vector<Opportunity> queue = {
      Callback("R-aaaa000001", Category::kEmergency, "Jane Doe", "2026-11-17T07:57:00-06:00"),
      Callback("R-bbbb000002", Category::kActiveEstimate, "Bob Smith", "2026-11-17T10:00:00-06:00")};
  EXPECT_EQ(RenderCalendar(queue, Options()), RenderCalendar(queue, Options()));
}

TEST(RenderCalendar, ClosedStoppedAndUnownedWorkIsLeftOut) {
  std::vector<Opportunity> queue;
  queue.push_back(Callback("R-open", Category::kRoutine, "Open One", "2026-11-18T17:00:00-06:00"));
  Opportunity attempted = Callback("R-attempted", Category::kActiveEstimate, "Tried Once", "2026-11-17T10:00:00-06:00");
  attempted.status = OpportunityStatus::kAttempted;
  attempted.first_attempt_at = At("2026-11-17T09:00:00-06:00");
  queue.push_back(attempted);
  Opportunity reached = Callback("R-reached", Category::kRoutine, "Reached", "2026-11-17T10:00:00-06:00");
  reached.status = OpportunityStatus::kReached;
  queue.push_back(reached);
  Opportunity stop = Callback("R-stop", Category::kStop, "Stop Me", "2026-11-17T10:00:00-06:00");
  stop.status = OpportunityStatus::kDoNotContact;
  queue.push_back(stop);
  Opportunity unowned = Callback("R-unowned", Category::kRoutine, "No Owner", "2026-11-17T10:00:00-06:00");
  unowned.owner.clear();
  queue.push_back(unowned);
  Opportunity no_deadline = Callback("R-nodeadline", Category::kRoutine, "No Deadline", "2026-11-17T10:00:00-06:00");
  no_deadline.deadline.reset();
  queue.push_back(no_deadline);

  const std::string ics = RenderCalendar(queue, Options());
  EXPECT_EQ(Count(ics, "BEGIN:VTODO"), 2);
  EXPECT_THAT(ics, HasSubstr("UID:R-open@"));
  EXPECT_THAT(ics, HasSubstr("UID:R-attempted@"));
  EXPECT_THAT(ics, HasSubstr("STATUS:IN-PROCESS"));
  for (const char* gone : {"R-reached", "R-stop", "R-unowned", "R-nodeadline"}) EXPECT_THAT(ics, Not(HasSubstr(gone)));
}

TEST(RenderCalendar, EventsEndAtTheDeadline) {
  CalendarOptions options = Options();
  options.item = CalendarItem::kEvent;
  const std::string ics = RenderCalendar(
      {Callback("R-aaaa000001", Category::kWarranty, "Jane Doe", "2026-11-17T10:00:00-06:00")}, options);
  EXPECT_EQ(Count(ics, "BEGIN:VEVENT\r\n"), 1);
  EXPECT_EQ(Count(ics, "VTODO"), 0);
  EXPECT_THAT(ics, HasSubstr("\r\nDTSTART:20261117T154500Z\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nDTEND:20261117T160000Z\r\n"));
  EXPECT_THAT(ics, HasSubstr("\r\nTRANSP:TRANSPARENT\r\n"));
}

TEST(RenderCalendar, EveryLineEndsWithCrlfAndFitsIn75Octets) {
  Opportunity o = Callback("R-aaaa000001", Category::kEmergency, "José Álvarez-Núñez", "2026-11-17T10:00:00-06:00");
  o.summary = std::string(40, 'x') + " — água no teto — 雨漏り " + std::string(200, 'y');
  const std::string ics = RenderCalendar({o}, Options());
  std::size_t start = 0;
  int lines = 0;
  while (start < ics.size()) {
    const std::size_t crlf = ics.find("\r\n", start);
    ASSERT_NE(crlf, std::string::npos) << "text after the last CRLF";
    const std::string line = ics.substr(start, crlf - start);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
    start = crlf + 2;
    ++lines;
  }
  EXPECT_GT(lines, 20);
  EXPECT_THAT(Unfolded(ics), HasSubstr("SUMMARY:Call back José Á. (emergency)"));
  EXPECT_THAT(Unfolded(ics), HasSubstr("água no teto — 雨漏り"));
}

TEST(EscapeIcalText, EscapesSpecialCharactersAndLineBreaks) {
  EXPECT_EQ(EscapeIcalText("a,b;c\\d"), "a\\,b\\;c\\\\d");
  EXPECT_EQ(EscapeIcalText("one\r\ntwo\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
  EXPECT_EQ(EscapeIcalText(std::string("bell\x07tab\t", 9)), "bell tab\t");
  EXPECT_EQ(EscapeIcalText("plain: text"), "plain: text");
}

TEST(FoldIcalLine, ShortLinesAreLeftAlone) {
  EXPECT_EQ(FoldIcalLine("SUMMARY:hi"), "SUMMARY:hi\r\n");
  const std::string exactly75(75, 'a');
  EXPECT_EQ(FoldIcalLine(exactly75), exactly75 + "\r\n");
}

TEST(FoldIcalLine, LongLinesFoldAt75OctetsWithALeadingSpace) {
  const std::string line(76 + 74, 'a');
  EXPECT_EQ(FoldIcalLine(line), std::string(75, 'a') + "\r\n " + std::string(74, 'a') + "\r\n " + "a\r\n");
}

TEST(FoldIcalLine, NeverSplitsAUtf8Character) {
  // 74 ASCII octets, then a 3-octet character straddling octet 75: it moves whole.
  const std::string line = std::string(74, 'a') + "\xE2\x80\x94" + "tail";
  const std::string folded = FoldIcalLine(line);
  EXPECT_EQ(folded, std::string(74, 'a') + "\r\n \xE2\x80\x94tail\r\n");
  // A line of 4-octet characters: every physical line holds whole characters only.
  std::string emoji;
  for (int i = 0; i < 40; ++i) emoji += "\xF0\x9F\x8F\xA0";  // house
  const std::string out = FoldIcalLine("X:" + emoji);
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t crlf = out.find("\r\n", start);
    std::string physical = out.substr(start, crlf - start);
    if (start > 0) physical.erase(0, 1);  // the folding space
    ASSERT_LE(physical.size() + (start > 0 ? 1 : 0), 75u);
    if (start > 0) {
      EXPECT_EQ(static_cast<unsigned char>(physical[0]), 0xF0u) << "line starts mid-character";
    }
    start = crlf + 2;
  }
}

TEST(ShortContactName, FirstNameAndLastInitial) {
  EXPECT_EQ(ShortContactName("Jane Doe \xC2\xB7 (512) 555-0142 \xC2\xB7 jane@example.com"), "Jane D.");
  EXPECT_EQ(ShortContactName("Jane Q. Doe"), "Jane D.");
  EXPECT_EQ(ShortContactName("Cher"), "Cher");
  EXPECT_EQ(ShortContactName("(512) 555-0142 \xC2\xB7 jane@example.com"), "(512) 555-0142");
  EXPECT_EQ(ShortContactName("J.D. ***-***-0142"), "J.D. ***-***-0142");
  EXPECT_EQ(ShortContactName("Ana Ñúñez"), "Ana Ñ.");
}

}  // namespace
}  // namespace ringback
