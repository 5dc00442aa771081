#include "review/weekly_review.h"

#include <date/iso_week.h>
#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "assign/assigner.h"
#include "core/lead_source.h"

namespace ringback {
namespace {

const date::time_zone* ZoneOrUtc(const std::string& zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return date::locate_zone("UTC");
  }
}

IsoWeek MakeWeek(int year, unsigned week, const std::string& zone) {
  const date::time_zone* tz = ZoneOrUtc(zone);
  const auto monday = date::sys_days(iso_week::year_weeknum_weekday{
      iso_week::year{year}, iso_week::weeknum{week}, iso_week::mon});
  IsoWeek w;
  w.year = year;
  w.week = week;
  w.start = tz->to_sys(date::local_seconds{monday.time_since_epoch()}, date::choose::earliest);
  w.end = tz->to_sys(date::local_seconds{(monday + date::days{7}).time_since_epoch()}, date::choose::earliest);
  return w;
}

bool HasOutcome(const ReviewRow& row, OutcomeKind kind) {
  return std::any_of(row.outcomes.begin(), row.outcomes.end(), [kind](const Outcome& o) { return o.kind == kind; });
}

bool IsPhoneChannel(Channel c) { return c == Channel::kCall || c == Channel::kVoicemail || c == Channel::kSms; }

// "missed call", "voicemail", "text" ...: how the failure line names the first contact.
std::string ContactWord(Channel c) {
  switch (c) {
    case Channel::kCall: return "missed call";
    case Channel::kVoicemail: return "voicemail";
    case Channel::kSms: return "text";
    case Channel::kForm: return "web form";
    case Channel::kEmail: return "email";
    case Channel::kProfile: return "Business Profile message";
  }
  return "request";
}

HandoffPoint PointFor(Channel c) {
  switch (c) {
    case Channel::kForm: return HandoffPoint::kForm;
    case Channel::kProfile: return HandoffPoint::kProfile;
    case Channel::kEmail: return HandoffPoint::kInbox;
    default: return HandoffPoint::kPhone;
  }
}

std::string AnswerVerb(Channel c) { return IsPhoneChannel(c) ? "called back" : "answered"; }

}  // namespace

std::string IsoWeek::Label() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02u", year, week);
  return buf;
}

StatusOr<IsoWeek> ParseIsoWeek(std::string_view text, const std::string& zone) {
  auto bad = [&] {
    return Status::InvalidArgument("not an ISO week: \"" + std::string(text) + "\" (write it like 2026-W47)");
  };
  std::string t;
  for (char c : text)
    if (c != '-') t += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (t.size() < 6 || t.size() > 7 || t[4] != 'W') return bad();
  for (std::size_t i = 0; i < t.size(); ++i)
    if (i != 4 && !std::isdigit(static_cast<unsigned char>(t[i]))) return bad();
  const int year = std::stoi(t.substr(0, 4));
  const unsigned week = static_cast<unsigned>(std::stoi(t.substr(5)));
  const auto last = iso_week::year_lastweek{iso_week::year{year}}.weeknum();
  if (week < 1 || week > static_cast<unsigned>(last)) return bad();
  return MakeWeek(year, week, zone);
}

IsoWeek IsoWeekOf(Timestamp t, const std::string& zone) {
  const date::time_zone* tz = ZoneOrUtc(zone);
  const auto local_day = date::floor<date::days>(tz->to_local(t));
  const iso_week::year_weeknum_weekday ywd{date::sys_days{local_day.time_since_epoch()}};
  return MakeWeek(static_cast<int>(ywd.year()), static_cast<unsigned>(ywd.weeknum()), zone);
}

IsoWeek PreviousWeek(const IsoWeek& week, const std::string& zone) {
  return IsoWeekOf(week.start - Seconds{3600 * 24 * 3}, zone);
}

std::string_view HandoffName(HandoffPoint p) {
  switch (p) {
    case HandoffPoint::kPhone: return "phone";
    case HandoffPoint::kForm: return "form";
    case HandoffPoint::kProfile: return "profile";
    case HandoffPoint::kInbox: return "inbox";
    case HandoffPoint::kTechnician: return "technician";
    case HandoffPoint::kCrm: return "crm";
    case HandoffPoint::kOwnerReview: return "owner_review";
  }
  return "";
}

DelayStats ComputeDelayStats(std::vector<std::int64_t> seconds) {
  DelayStats s;
  if (seconds.empty()) return s;
  std::sort(seconds.begin(), seconds.end());
  const auto rank = [&](double p) {  // nearest rank: the smallest value with at least p of the set at or below
    std::size_t r = static_cast<std::size_t>(std::ceil(p * static_cast<double>(seconds.size())));
    return seconds[std::clamp<std::size_t>(r, 1, seconds.size()) - 1];
  };
  s.count = static_cast<int>(seconds.size());
  s.median = Seconds{rank(0.5)};
  s.p90 = Seconds{rank(0.9)};
  return s;
}

std::string FormatDelay(Seconds s) {
  const std::int64_t total = s.count();
  if (total < 60) return std::to_string(std::max<std::int64_t>(total, 0)) + "s";
  const std::int64_t days = total / 86400, hours = total % 86400 / 3600, minutes = total % 3600 / 60;
  if (days > 0) return std::to_string(days) + "d" + (hours ? " " + std::to_string(hours) + "h" : "");
  if (hours > 0) return std::to_string(hours) + "h" + (minutes ? " " + std::to_string(minutes) + "m" : "");
  return std::to_string(minutes) + "m";
}

WeekReviewBuilder::WeekReviewBuilder(const CompanyConfig& config, IsoWeek week, LeakAssumptions leak,
                                     bool have_estimates, Timestamp as_of)
    : config_(config), leak_(std::move(leak)), have_estimates_(have_estimates), as_of_(as_of) {
  m_.week = week;
}

void WeekReviewBuilder::Add(const ReviewRow& row) {
  const Opportunity& o = row.opportunity;
  if (o.received_at < m_.week.start || o.received_at >= m_.week.end) return;
  ++m_.rows;
  ++m_.rows_by_channel[o.channel][o.category];
  for (const Outcome& out : row.outcomes) m_.inferred_outcomes += out.inferred ? 1 : 0;
  if (!o.duplicate_of.empty()) return void(++m_.duplicates);
  if (o.category == Category::kSpam) return void(++m_.spam);
  if (o.status == OpportunityStatus::kDoNotContact || o.category == Category::kStop ||
      HasOutcome(row, OutcomeKind::kStopped) || HasOutcome(row, OutcomeKind::kDoNotContact))
    return void(++m_.stopped);
  if (!IsReal(o.category)) return;
  ++m_.real_opportunities;
  const bool booked = HasOutcome(row, OutcomeKind::kBooked);
  const bool not_a_fit = HasOutcome(row, OutcomeKind::kNotAFit);
  const bool reached = o.status == OpportunityStatus::kReached || booked || not_a_fit ||
                       HasOutcome(row, OutcomeKind::kReached);
  m_.booked += booked;
  m_.not_a_fit += not_a_fit;
  m_.reached += reached;
  m_.overdue += o.status == OpportunityStatus::kOverdue;
  m_.escalated += o.escalations > 0;
  // An escalated row carries its backup's later deadline: its own SLA was missed already.
  const bool within_sla =
      o.first_attempt_at && o.deadline && o.escalations == 0 && *o.first_attempt_at <= *o.deadline;
  if (o.first_attempt_at) {
    ++m_.attempted;
    m_.attempted_within_sla += within_sla;
    const std::int64_t clock = std::max<std::int64_t>((*o.first_attempt_at - o.received_at).count(), 0);
    const std::int64_t business = BusinessTimeBetween(config_, o.received_at, *o.first_attempt_at).count();
    const std::string owner = o.owner.empty() ? "(no owner)" : o.owner;
    clock_.push_back(clock);
    business_.push_back(business);
    clock_cat_[o.category].push_back(clock);
    business_cat_[o.category].push_back(business);
    clock_owner_[owner].push_back(clock);
    business_owner_[owner].push_back(business);
  }
  if (!o.first_attempt_at || *o.first_attempt_at >= m_.week.end) ++m_.open_at_week_end;
  if (!o.first_attempt_at && !reached && o.deadline && *o.deadline >= as_of_) {
    ++m_.pending;  // not due yet: judged in a later review
    if (o.owner.empty()) Fail(HandoffPoint::kOwnerReview, o, "no owner was assigned");
    return;
  }
  if (!within_sla && !reached) ++m_.missed_by_category[o.category];
  AddFailures(row, within_sla);
}

void WeekReviewBuilder::Fail(HandoffPoint point, const Opportunity& o, std::string why) {
  const int n = ++m_.failures_by_point[point];
  if (static_cast<std::size_t>(n) > WeekMetrics::kMaxExamples) return;
  m_.failures.push_back({point, o.id, o.contact_display, o.category, o.owner, o.received_at, std::move(why)});
}

void WeekReviewBuilder::AddFailures(const ReviewRow& row, bool within_sla) {
  const Opportunity& o = row.opportunity;
  const std::string what = ContactWord(o.channel);
  const bool reached_live = o.status == OpportunityStatus::kReached && !o.first_attempt_at;
  // A lead from the Business Profile that came in by phone or form fails there and at the
  // profile too: the review says which source the late answers cost.
  const bool from_profile = o.channel != Channel::kProfile && o.lead_source == kBusinessProfileSource;
  auto fail_contact = [&](const std::string& why) {
    Fail(PointFor(o.channel), o, why);
    if (from_profile) Fail(HandoffPoint::kProfile, o, "Business Profile lead: " + why);
  };
  if (!o.first_attempt_at && !reached_live) {
    fail_contact(what + " never " + AnswerVerb(o.channel));
  } else if (o.first_attempt_at && !within_sla && o.deadline) {
    const std::string late = what + " " + AnswerVerb(o.channel) + " " +
                             FormatDelay(*o.first_attempt_at - o.received_at) + " after it came in; ";
    fail_contact(late + (o.escalations > 0 ? "its deadline had passed and it was escalated"
                                           : "deadline was " + FormatDelay(*o.deadline - o.received_at)));
  }
  if (o.channel == Channel::kEmail && !row.personal_reply_from.empty())
    Fail(HandoffPoint::kInbox, o, "email answered from a personal inbox (" + row.personal_reply_from +
                                       "), not the shared one: the office cannot see the thread");
  const bool office_record = row.other_attempt || std::any_of(row.outcomes.begin(), row.outcomes.end(),
                                                              [](const Outcome& out) { return !out.inferred; });
  if (row.technician_attempt && !office_record)
    Fail(HandoffPoint::kTechnician, o, "a technician contacted them; the office has no attempt or outcome on record");
  if (have_estimates_ && (o.channel == Channel::kVoicemail || o.channel == Channel::kForm) &&
      o.category == Category::kActiveEstimate && !row.contact_in_estimates)
    Fail(HandoffPoint::kCrm, o, what + " asking for an estimate; the contact is in no estimate export");
  if (o.owner.empty()) Fail(HandoffPoint::kOwnerReview, o, "no owner was assigned");
  else if (o.escalations >= 2)
    Fail(HandoffPoint::kOwnerReview, o, "escalated past the backup to " + o.owner);
}

WeekMetrics WeekReviewBuilder::Finish() {
  m_.clock_all = ComputeDelayStats(std::move(clock_));
  m_.business_all = ComputeDelayStats(std::move(business_));
  for (auto& [cat, v] : clock_cat_) m_.clock_by_category[cat] = ComputeDelayStats(std::move(v));
  for (auto& [cat, v] : business_cat_) m_.business_by_category[cat] = ComputeDelayStats(std::move(v));
  for (auto& [owner, v] : clock_owner_) m_.clock_by_owner[owner] = ComputeDelayStats(std::move(v));
  for (auto& [owner, v] : business_owner_) m_.business_by_owner[owner] = ComputeDelayStats(std::move(v));
  m_.leak = EstimateLeak(m_.missed_by_category, leak_);
  if (m_.clock_all.count > 0) m_.median_reach_chance = RelativeReachChance(m_.clock_all.median);
  std::stable_sort(m_.failures.begin(), m_.failures.end(), [](const HandoffFailure& a, const HandoffFailure& b) {
    return static_cast<int>(a.point) < static_cast<int>(b.point);
  });
  return std::move(m_);
}

std::vector<ReviewFigure> ReviewFigures(const WeekMetrics& a, const WeekMetrics& b) {
  auto share = [](int part, int whole) { return whole > 0 ? static_cast<double>(part) / whole : 0.0; };
  auto secs = [](const DelayStats& d) { return static_cast<double>(d.median.count()); };
  auto p90 = [](const DelayStats& d) { return static_cast<double>(d.p90.count()); };
  std::vector<ReviewFigure> f = {
      {"queue rows (signals grouped)", double(a.rows), double(b.rows)},
      {"real opportunities", double(a.real_opportunities), double(b.real_opportunities)},
      {"attempted", double(a.attempted), double(b.attempted)},
      {"attempted within SLA", double(a.attempted_within_sla), double(b.attempted_within_sla)},
      {"share attempted within SLA", share(a.attempted_within_sla, a.real_opportunities),
       share(b.attempted_within_sla, b.real_opportunities), false, false, true},
      {"reached", double(a.reached), double(b.reached)},
      {"booked", double(a.booked), double(b.booked)},
      {"not a fit", double(a.not_a_fit), double(b.not_a_fit)},
      {"stopped (do not contact)", double(a.stopped), double(b.stopped)},
      {"duplicates", double(a.duplicates), double(b.duplicates)},
      {"spam", double(a.spam), double(b.spam)},
      {"overdue", double(a.overdue), double(b.overdue)},
      {"escalated", double(a.escalated), double(b.escalated)},
      {"open at week end", double(a.open_at_week_end), double(b.open_at_week_end)},
      {"pending (not due yet)", double(a.pending), double(b.pending)},
      {"time to first attempt, median (clock)", secs(a.clock_all), secs(b.clock_all), false, true},
      {"time to first attempt, 90th percentile (clock)", p90(a.clock_all), p90(b.clock_all), false, true},
      {"time to first attempt, median (business)", secs(a.business_all), secs(b.business_all), false, true},
      {"time to first attempt, 90th percentile (business)", p90(a.business_all), p90(b.business_all), false, true},
      {"missed real opportunities", double(a.leak.missed_total), double(b.leak.missed_total)},
      {"estimated leak", double(a.leak.total_cents) / 100.0, double(b.leak.total_cents) / 100.0, true},
  };
  for (ReviewFigure& fig : f)
    if (fig.seconds) fig.this_measured = a.clock_all.count > 0, fig.last_measured = b.clock_all.count > 0;
  for (HandoffPoint p : kHandoffPoints) {
    auto count = [p](const WeekMetrics& m) {
      auto it = m.failures_by_point.find(p);
      return it == m.failures_by_point.end() ? 0.0 : double(it->second);
    };
    f.push_back({"handoff failures: " + std::string(HandoffName(p)), count(a), count(b)});
  }
  return f;
}

}  // namespace ringback
