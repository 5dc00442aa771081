// The weekly review: for one ISO week, how the office handled the buyers who raised a hand —
// outcomes, time to first attempt, where the handoff failed, and what the leak costs — and the
// change from the week before. Pure: the caller streams queue rows (with their outcomes) in,
// one at a time; memory holds the week's delays and the listed examples, not the rows.
//
// Handoff failure rules (docs/review.md explains each):
//   phone       a missed call or voicemail never called back, or called back after its deadline
//   form        a web form not answered within its SLA
//   profile     a Business Profile message not answered within its SLA
//   inbox       an email left unanswered, answered after its deadline, or answered from a
//               personal inbox (an address not among config.shared_inboxes)
//   technician  a technician reached the buyer (an outbound call or text by a technician) but
//               the office has no record: no outcome and no attempt by anyone else
//   crm         a voicemail or form asking for an estimate whose contact is in no estimate
//               export (only when an estimate export was imported at all)
//   owner       a real opportunity with no owner, or one escalated past its backup
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/company_config.h"
#include "core/opportunity.h"
#include "core/status.h"
#include "review/leak.h"

namespace ringback {

// One ISO 8601 week (Monday to Sunday) in the company's time zone: [start, end).
struct IsoWeek {
  int year = 0;
  unsigned week = 0;
  Timestamp start{};
  Timestamp end{};
  std::string Label() const;  // "2026-W47"
};

// "2026-W47" (also "2026W47", "2026-w47") in `zone`; InvalidArgument naming the text otherwise.
StatusOr<IsoWeek> ParseIsoWeek(std::string_view text, const std::string& zone);
// The ISO week holding `t` in `zone`.
IsoWeek IsoWeekOf(Timestamp t, const std::string& zone);
// The week before `week`.
IsoWeek PreviousWeek(const IsoWeek& week, const std::string& zone);

enum class HandoffPoint { kPhone, kForm, kProfile, kInbox, kTechnician, kCrm, kOwnerReview };
inline constexpr std::array<HandoffPoint, 7> kHandoffPoints = {
    HandoffPoint::kPhone, HandoffPoint::kForm, HandoffPoint::kProfile, HandoffPoint::kInbox,
    HandoffPoint::kTechnician, HandoffPoint::kCrm, HandoffPoint::kOwnerReview};
std::string_view HandoffName(HandoffPoint p);  // "phone", "form", ..., "owner_review"

struct HandoffFailure {
  HandoffPoint point = HandoffPoint::kPhone;
  std::string opportunity_id;
  std::string contact;
  Category category = Category::kUnknown;
  std::string owner;
  Timestamp received_at{};
  std::string why;  // "missed call never called back"; "called back 3h 10m after, deadline 15m"
};

// What the review needs to know about one queue row besides the row itself.
struct ReviewRow {
  Opportunity opportunity;
  std::vector<Outcome> outcomes;       // recorded and inferred, any order
  bool contact_in_estimates = false;   // the contact appears in an estimate export
  bool technician_attempt = false;     // a roster technician called or texted the contact
  bool other_attempt = false;          // someone who is not a technician did
  std::string personal_reply_from;     // a reply mailed from outside the shared inboxes, if any
};

// Median and 90th percentile of a set of delays (nearest rank); count 0 when empty.
struct DelayStats {
  int count = 0;
  Seconds median{0};
  Seconds p90{0};
};
DelayStats ComputeDelayStats(std::vector<std::int64_t> seconds);

struct WeekMetrics {
  IsoWeek week;
  // Inbound signals imported for the week (answered calls included), when the caller counted
  // them; 0 means the week has no data: its figures are not zeros to compare with.
  std::optional<std::int64_t> signals;
  bool has_data() const { return !signals || *signals > 0; }
  std::map<Channel, std::map<Category, int>> rows_by_channel;  // every queue row received in the week
  int rows = 0;
  int real_opportunities = 0;
  int attempted = 0;            // a first attempt was made (at any time up to the review)
  int attempted_within_sla = 0; // ... at or before the deadline
  int reached = 0;              // status reached, or a reached/booked/not-a-fit outcome
  int booked = 0;
  int not_a_fit = 0;
  int stopped = 0;              // asked to stop (status do-not-contact, or a stop outcome)
  int duplicates = 0;
  int spam = 0;
  int overdue = 0;              // deadline passed with no attempt (as of the review)
  int escalated = 0;
  int open_at_week_end = 0;     // real, received in the week, no attempt before its end
  int pending = 0;              // no attempt yet, deadline still ahead at the review
  int inferred_outcomes = 0;    // outcomes read from outbound records rather than recorded
  DelayStats clock_all, business_all;
  std::map<Category, DelayStats> clock_by_category, business_by_category;
  std::map<std::string, DelayStats> clock_by_owner, business_by_owner;
  std::map<HandoffPoint, int> failures_by_point;
  std::vector<HandoffFailure> failures;          // examples, at most kMaxExamples per point
  std::map<Category, int> missed_by_category;    // real, not attempted within SLA, not reached
  LeakEstimate leak;
  std::optional<double> median_reach_chance;     // the response-time model at the median delay
  static constexpr std::size_t kMaxExamples = 5;
};

// Accumulates one week's metrics from queue rows in any order.
class WeekReviewBuilder {
 public:
  // `as_of`: when the review is made. A row with no attempt whose deadline is still ahead is
  // pending: neither missed nor a failure yet.
  WeekReviewBuilder(const CompanyConfig& config, IsoWeek week, LeakAssumptions leak, bool have_estimates,
                    Timestamp as_of);
  // Rows received outside the week are ignored.
  void Add(const ReviewRow& row);
  WeekMetrics Finish();

 private:
  void AddFailures(const ReviewRow& row, bool within_sla);
  void Fail(HandoffPoint point, const Opportunity& o, std::string why);

  const CompanyConfig& config_;
  LeakAssumptions leak_;
  bool have_estimates_;
  Timestamp as_of_;
  WeekMetrics m_;
  std::vector<std::int64_t> clock_, business_;
  std::map<Category, std::vector<std::int64_t>> clock_cat_, business_cat_;
  std::map<std::string, std::vector<std::int64_t>> clock_owner_, business_owner_;
};

// One figure of the review with last week's value: review.csv, the Summary sheet and the
// report's table all list these, in this order.
struct ReviewFigure {
  std::string metric;
  double this_week = 0;
  double last_week = 0;
  bool money = false;    // dollars
  bool seconds = false;  // a duration in seconds
  bool percent = false;  // a share from 0 to 1
  bool this_measured = true, last_measured = true;  // false: no attempt to time that week
};
std::vector<ReviewFigure> ReviewFigures(const WeekMetrics& week, const WeekMetrics& previous);

// "3h 10m", "2d 4h", "45s": a short human duration.
std::string FormatDelay(Seconds s);

}  // namespace ringback
