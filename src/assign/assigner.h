// Assignment: who owns an opportunity, who backs them up, what the next action is and by
// when. Pure functions over the company config; time zone rules come from the tz database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/company_config.h"
#include "core/status.h"
#include "core/time.h"

namespace ringback {

// Adds `sla` to `start`: clock time as is, business time counted only inside the company's
// business hours (weekdays' hours, minus holidays), DST-correct in config.time_zone.
// Error when the zone is unknown or the calendar has no open hours at all.
//
// Business time counts real elapsed seconds inside open hours, starting at `start` or, when
// `start` is outside hours, at the next opening; a deadline that exactly uses up a day's
// hours is that day's closing time, not the next opening.
// A business SLA of a whole number of days (86400 s multiples: "1d business", also
// "24h business") means that many business days, not 24 business hours: the same local time
// on the Nth following business day, clamped into that day's hours. A start outside hours
// counts from the close of the last business period, so a request Friday evening with
// "1d business" is due at Monday's close (Tuesday 10:00 -> Wednesday 10:00; the day before
// a holiday -> the day after it, same time). Business SLAs longer than 366 days, negative
// amounts, or no business time within 400 days are errors.
StatusOr<Timestamp> AddSla(const CompanyConfig& config, Timestamp start, const Sla& sla);

// The open business time between `from` and `to` (0 when `to` is not after `from`): how long a
// buyer waited in the office's own hours. Holidays and closed days count nothing; DST days
// count their real hours. Scans at most 400 days.
Seconds BusinessTimeBetween(const CompanyConfig& config, Timestamp from, Timestamp to);

// True when `t` falls inside the company's business hours (and not on a holiday).
bool IsBusinessTime(const CompanyConfig& config, Timestamp t);

// The person on call at `t`: an explicit range covering t, else the weekly rotation.
// Ranges are [from, to); when several cover t the first listed wins. Rotation weeks are
// counted in local wall time from rotation_start (so the handover keeps its local hour across
// DST), week k = floor(elapsed / 7 days) mod rotation size, also for t before the start.
// At exactly the handover instant the new person is on call. nullopt when nobody is.
std::optional<std::string> OnCallAt(const CompanyConfig& config, Timestamp t);

// Parses an SLA: a whole positive number, a unit, and optionally "business" (or "clock"):
// "15m", "90m", "30 min", "2h", "4 hours business", "1d", "1d business", "45s".
// Units: s/sec/seconds, m/min/minutes, h/hr/hours, d/day/days. Clock time unless "business".
// Error (naming the text and the expected form) for anything else, zero, or over 366 days.
StatusOr<Sla> ParseSla(std::string_view text);

// The short form ParseSla reads back: "15m", "2h business", "1d business", "90m", "45s".
std::string FormatSla(const Sla& sla);

// Built-in SLA per category: emergency 15m clock, active_estimate 2h business, old_estimate
// 1d business, warranty 4h business, routine 1d business, unknown 2h business. Zero amount
// for categories that are not opportunities (duplicate, spam, stop).
Sla DefaultSla(Category c);

// config.sla[c] when set, else DefaultSla(c).
Sla SlaFor(const CompanyConfig& config, Category c);

// config.next_action[c] when set and not empty, else a concrete verb + channel per category
// ("Call within 15 min; if no answer, text the urgent note"). Empty for non-opportunities.
std::string NextActionFor(const CompanyConfig& config, Category c);

// True when `person` cannot take work due at `t`: the local date of t (config.time_zone) is
// one of their days_off, or they have their own hours and t is outside them (their closing
// time itself still counts as working). Company hours and holidays do not make a person off.
// UTC when the zone is unknown.
bool IsOffAt(const CompanyConfig& config, const Person& person, Timestamp t);

struct AssignRequest {
  Category category = Category::kUnknown;
  Timestamp received_at{};
  std::string trade;              // may be empty
  std::string estimate_author;    // estimator who wrote the contact's estimate, may be empty
};

struct Assignment {
  std::string owner;
  std::string backup_owner;
  std::string next_action;
  std::optional<Timestamp> deadline;
  std::vector<std::string> reasons;  // "on call now: Luis Mendez", "estimator for roofing"
};

// Chooses owner and backup (never the same person; nobody off at the deadline; among equals
// the one with least open work in `open_work`), the next action and the deadline.
// `open_work` counts open opportunities per person and is not changed here.
//
// Owner rules, first tier with someone available wins: emergency -> on call at received_at
// (even on a day off), else the office; estimates -> the estimate author if an estimator,
// else an estimator for the trade, else any estimator; warranty -> service lead for the
// trade, else a technician for the trade; routine/unknown -> dispatcher or office. Then for
// all: dispatcher, office, company owner, anyone. Names match trimmed and case-insensitively;
// a person with no trades covers every trade. Backup: same work (same role, dispatcher and
// office counting as one) and trade, else dispatcher, else company owner, else anyone else;
// empty only when nobody else is on the team. If everyone who fits is off, the first who fits
// is chosen anyway and a reason says so. Spam, stop and duplicate get an Assignment with only
// a reason. Errors: unknown zone, a failing SLA (see AddSla), or an empty team.
StatusOr<Assignment> Assign(const CompanyConfig& config, const AssignRequest& request,
                            const std::map<std::string, int>& open_work);

// One hand-over of an opportunity whose deadline passed without an attempt.
struct EscalationStep {
  Timestamp at;                          // the deadline that passed
  std::string from;                      // who held it
  std::string to;                        // who holds it now
  std::string why;                       // "no attempt by 2026-03-09T15:00:00Z; moves to ..."
  std::optional<Timestamp> new_deadline; // fresh SLA from `at`; nullopt if it cannot be computed
};

// The escalations that happened by `now`: owner -> backup at the first deadline, then
// backup -> company owner (role owner) at the backup's deadline; each new deadline is a fresh
// SlaFor(category) from the moment of escalation. A deadline has passed when now > deadline;
// an attempt at or before a deadline stops the chain. Targets that are empty or the current
// holder are skipped (no backup: straight to the company owner). Empty when the assignment
// has no owner or deadline. Pure: `now` is passed in.
std::vector<EscalationStep> Escalations(const CompanyConfig& config, Category category,
                                        const Assignment& assignment,
                                        std::optional<Timestamp> first_attempt, Timestamp now);

}  // namespace ringback
